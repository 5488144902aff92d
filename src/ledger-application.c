/* ledger-application.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-application.h"
#include "ledger-cli.h"
#include "ledger-store.h"
#include "ledger-window.h"

struct _LedgerApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  LedgerStore    *store;
};

G_DEFINE_FINAL_TYPE (LedgerApplication, ledger_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the ledger FILE instead of the default one"), N_("FILE") },
  { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the ledger as CSV to OUT (- for standard output)"), N_("OUT") },
  { "import-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Record the values of the CSV file IN: all rows or none"), N_("IN") },
  { "export-plan", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the ledger’s plans as a plan file to OUT (- for standard output)"), N_("OUT") },
  { "import-plan", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Add the plans of the plan file IN"), N_("IN") },
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Copy the ledger into the backup file OUT"), N_("OUT") },
  { "restore", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Replace the ledger with the backup IN, after saving it as it is"), N_("IN") },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the ledger’s integrity and consistency"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
  { NULL }
};

static int
ledger_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  LedgerApplication *self = LEDGER_APPLICATION (application);
  const char *db_path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("target-ledger %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "db", "^&ay", &db_path))
    {
      self->db_path = g_canonicalize_filename (db_path, NULL);
      /* Another ledger is another window of its own, not the running one. */
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  if (ledger_cli_wants_command (options))
    return ledger_cli_run (self->db_path, options);

  return -1;
}

static void
show_open_error (LedgerApplication *self,
                 GError            *error)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("The Ledger Could Not Be Opened"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (gtk_window_destroy), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static LedgerStore *
open_store (LedgerApplication  *self,
            GError            **error)
{
  g_autofree char *default_path = NULL;
  g_autoptr(LedgerStore) store = NULL;
  const char *path = self->db_path;

  if (path == NULL)
    path = default_path = ledger_store_default_path ();

  store = ledger_store_open (path, error);
  if (store == NULL || !ledger_store_add_builtin_plans (store, error))
    return NULL;
  return g_steal_pointer (&store);
}

static void
ledger_application_activate (GApplication *application)
{
  LedgerApplication *self = LEDGER_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->store == NULL && (self->store = open_store (self, &error)) == NULL)
    {
      show_open_error (self, error);
      return;
    }

  window = GTK_WINDOW (ledger_window_new (self, self->store));
  gtk_window_present (window);
}

static void
ledger_application_startup (GApplication *application)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  G_APPLICATION_CLASS (ledger_application_parent_class)->startup (application);

  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "Target Ledger developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Target Ledger"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("Target Ledger developers"),
                        "developers", developers,
                        "comments", _("Target Ledger (目标台账) records, month by month, the figures "
                                      "of the year’s government work-report targets and shows "
                                      "which are on pace and which are behind."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 Target Ledger developers",
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* Closing each window lets it save its size. */
  while (windows != NULL)
    {
      GList *next = windows->next;

      gtk_window_close (windows->data);
      windows = next;
    }
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
ledger_application_dispose (GObject *object)
{
  LedgerApplication *self = LEDGER_APPLICATION (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (ledger_application_parent_class)->dispose (object);
}

static void
ledger_application_finalize (GObject *object)
{
  LedgerApplication *self = LEDGER_APPLICATION (object);

  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (ledger_application_parent_class)->finalize (object);
}

static void
ledger_application_class_init (LedgerApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ledger_application_dispose;
  object_class->finalize = ledger_application_finalize;
  app_class->handle_local_options = ledger_application_handle_local_options;
  app_class->activate = ledger_application_activate;
  app_class->startup = ledger_application_startup;
}

static void
ledger_application_init (LedgerApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Record and follow the year’s work-report targets."));
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
}

LedgerApplication *
ledger_application_new (void)
{
  return g_object_new (LEDGER_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
