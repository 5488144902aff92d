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
#include "ledger-reminders.h"
#include "ledger-server-login.h"
#include "ledger-settings.h"
#include "ledger-store.h"
#include "ledger-store-jobs.h"
#include "ledger-toast.h"
#include "ledger-window.h"

struct _LedgerApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  LedgerStore    *store;
  gboolean        read_only;  /* the next ledger opened is only read */
  GSettings      *settings;
  guint           reminder_source;
  guint           first_reminder_source;
};

G_DEFINE_FINAL_TYPE (LedgerApplication, ledger_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the ledger FILE instead of the default one, or the ledger on the office server at a "
       "PostgreSQL address (postgresql://… or 'host=… dbname=…')"), N_("FILE") },
  { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the ledger as CSV to OUT (- for standard output)"), N_("OUT") },
  { "encoding", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write CSV as ENCODING: utf-8-bom (the default for files), utf-8 or gb18030"), N_("ENCODING") },
  { "import-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Record the values of the CSV file IN: all rows or none"), N_("IN") },
  { "import-sheet", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Record the values of the 台账 IN (XLSX or CSV, a column per period): all cells or none"), N_("IN") },
  { "export-plan", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the ledger’s plans as a plan file to OUT (- for standard output), or as task lists "
       "to OUT.xlsx"), N_("OUT") },
  { "import-plan", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Add the plans of the plan file IN, or the plan of the task list IN (XLSX or CSV): all rows or none"),
    N_("IN") },
  { "sheet", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The worksheet of an XLSX workbook --import-plan or --import-sheet reads (default: the first)"),
    N_("NAME") },
  { "plan-code", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The code of the plan a task list makes (default: tasks-YEAR)"), N_("CODE") },
  { "plan-title", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The title of the plan a task list makes (default: its title row)"), N_("TITLE") },
  { "year", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("The year of the plan a task list makes (default: the year in its title row)"), N_("YEAR") },
  { "export-package", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the values of the responsible unit --unit as a data package to OUT"), N_("OUT") },
  { "unit", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The responsible unit whose values --export-package writes"), N_("UNIT") },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The first period --export-package writes (default: the earliest value)"), N_("PERIOD") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The last period --export-package writes (default: the latest value); "
       "with --rename-unit, the unit’s new name"), N_("PERIOD") },
  { "import-package", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    N_("Merge the data package FILE into the ledger (repeat for several); nothing if values conflict"),
    N_("FILE") },
  { "prefer-ledger", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import-package: import what does not conflict, keep the ledger’s values where they do"),
    NULL },
  { "export-changes", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the change log as CSV to OUT (- for standard output)"), N_("OUT") },
  { "export-xlsx", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the ledger as an XLSX workbook to OUT: a sheet per plan, and charts"), N_("OUT") },
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Copy the ledger into the backup file OUT"), N_("OUT") },
  { "copy-ledger", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Copy the whole ledger to TO: a new ledger file, or an empty database on the office server"),
    N_("TO") },
  { "restore", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Replace the ledger with the backup IN, after saving it as it is"), N_("IN") },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the ledger’s integrity and consistency"), NULL },
  { "report", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the monthly progress report of a plan to OUT: a PDF file, or a Word document where OUT "
       "ends in .docx"), N_("OUT") },
  { "as-of", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The period an XLSX ledger or a report is as of: 2026-06, 2026-Q2 or 2026 "
       "(default: the latest with a value)"), N_("PERIOD") },
  { "plan", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The plan to report on or whose unit to rename or confirm, by its code (default: the first plan)"),
    N_("CODE") },
  { "rename-unit", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Give the indicators of the responsible unit UNIT another unit, --to: a merge if the plan has it"),
    N_("UNIT") },
  { "confirm-unit", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Mark the responsible unit UNIT as confirmed by the office for all its indicators of the plan"),
    N_("UNIT") },
  { "milestone-done", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Mark the milestone of the indicator CODE (or of its task) due on --due DATE done today, "
       "with --note TEXT"), N_("CODE") },
  { "due", 0, 0, G_OPTION_ARG_STRING, NULL, N_("The day the milestone is due: 2026-06-30"), N_("DATE") },
  { "note", 0, 0, G_OPTION_ARG_STRING, NULL, N_("The note or evidence of a milestone done"), N_("TEXT") },
  { "export-completeness", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write, as CSV to OUT, each unit’s figures due as of --as-of: received, on time, days late"),
    N_("OUT") },
  { "export-ranking", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write, as CSV to OUT, the regions ranked as of --as-of: the composite, then each indicator"),
    N_("OUT") },
  { "review-period", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Mark the month of PERIOD as reviewed, for --plan or every plan"), N_("PERIOD") },
  { "close-period", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Close the month of PERIOD, for --plan or every plan: its figures can no longer be changed"),
    N_("PERIOD") },
  { "reopen-period", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Reopen the closed month of PERIOD, giving --reason"), N_("PERIOD") },
  { "reason", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Why --reopen-period reopens the month, for the change log"), N_("TEXT") },
  { "attach", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Attach a copy of the file IN to the value of --code for --period (佐证材料)"), N_("IN") },
  { "code", 0, 0, G_OPTION_ARG_STRING, NULL, N_("The indicator --attach attaches to, by its code"), N_("CODE") },
  { "period", 0, 0, G_OPTION_ARG_STRING, NULL, N_("The period --attach attaches to: 2026-06, 2026-Q2 or 2026"),
    N_("PERIOD") },
  { "export-attachments", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Copy every attachment into the folder DIR, as DIR/INDICATOR/PERIOD/NAME"), N_("DIR") },
  { "export-region-plan", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the plan (--plan, default: the first with regions) as a plan file for the region REGION’s "
       "own ledger to OUT, with the region’s targets: --export-region-plan REGION OUT"), N_("REGION") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
  { NULL }
};

/* The ledger opened without --db: the one chosen after a damaged ledger,
 * else the default one. */
static char *
ledger_path (LedgerApplication *self)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *chosen = NULL;

  if (self->db_path != NULL)
    return g_strdup (self->db_path);
  if ((settings = ledger_settings_new_if_installed ()) != NULL &&
      (chosen = g_settings_get_string (settings, "ledger-file"))[0] != '\0')
    return g_steal_pointer (&chosen);
  return ledger_store_default_path ();
}

static char *with_remembered_password (const char *location);

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
      self->db_path = ledger_store_is_server_location (db_path)
                      ? g_strdup (db_path) : g_canonicalize_filename (db_path, NULL);
      /* Another ledger is another window of its own, not the running one. */
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  if (ledger_cli_wants_command (options))
    {
      g_autofree char *path = ledger_path (self);
      /* A command on a server ledger the window remembers the password of. */
      g_autofree char *location = with_remembered_password (path);

      return ledger_cli_run (location, options);
    }

  return -1;
}

static gboolean open_window (LedgerApplication *self);
static void show_open_error (LedgerApplication *self,
                             const char        *path,
                             GError            *error);

/* From now on, @path is the ledger this program opens. */
static void
use_ledger (LedgerApplication *self,
            const char        *path)
{
  g_autoptr(GSettings) settings = ledger_settings_new_if_installed ();

  g_free (self->db_path);
  self->db_path = g_strdup (path);
  if (settings != NULL)
    g_settings_set_string (settings, "ledger-file", path);
}

/* A name for a new ledger beside @path: "ledger-new-2026-11-28-171639.sqlite3". */
static char *
sibling_path (const char *path,
              const char *what)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *name = g_strdup_printf ("ledger-%s-%s.sqlite3", what, stamp);

  return g_build_filename (folder, name, NULL);
}

/* Copies the newest backup of the unusable ledger to a new file and opens
 * that: the unusable file itself is never touched. */
static void
recover_from_backup (LedgerApplication *self,
                     const char        *path)
{
  g_autoptr(GPtrArray) backups = ledger_store_list_backups_of (path);
  g_autofree char *recovered = sibling_path (path, "recovered");
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = g_file_new_for_path (recovered);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (backups->len > 0);
  from = g_file_new_for_path (g_ptr_array_index (backups, 0));
  if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
    {
      g_prefix_error (&error, _("The latest backup could not be copied: "));
      show_open_error (self, path, error);
      return;
    }
  use_ledger (self, recovered);
  open_window (self);
}

static void
open_error_response_cb (AdwMessageDialog  *dialog,
                        const char        *response,
                        LedgerApplication *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");
  g_autofree char *fresh = NULL;

  if (g_str_equal (response, "retry"))
    open_window (self);
  else if (g_str_equal (response, "backup"))
    recover_from_backup (self, path);
  else if (g_str_equal (response, "read-only"))
    {
      self->read_only = TRUE;
      open_window (self);
    }
  else if (g_str_equal (response, "file"))
    {
      fresh = ledger_store_default_path ();
      use_ledger (self, fresh);
      open_window (self);
    }
  else if (g_str_equal (response, "new"))
    {
      fresh = sibling_path (path, "new");
      use_ledger (self, fresh);
      open_window (self);
    }
}

static const char *
open_error_heading (GError *error)
{
  if (error->domain != LEDGER_STORE_ERROR)
    return _("The Ledger Could Not Be Opened");
  switch (error->code)
    {
    case LEDGER_STORE_ERROR_NOT_A_LEDGER: return _("This File Is Not a Ledger");
    case LEDGER_STORE_ERROR_CORRUPT: return _("The Ledger Is Damaged");
    case LEDGER_STORE_ERROR_TOO_NEW: return _("The Ledger Is From a Newer Version");
    case LEDGER_STORE_ERROR_LOCKED: return _("The Ledger Is in Use");
    case LEDGER_STORE_ERROR_UNEXPECTED_SCHEMA: return _("The Ledger Was Changed Outside Target Ledger");
    default: return _("The Ledger Could Not Be Opened");
    }
}

/* The office's server could not be reached or refused the login: try
 * again, or go back to the ledger file of this computer. */
static void
show_server_error (LedgerApplication *self,
                   const char        *location,
                   GError            *error)
{
  g_autofree char *described = ledger_store_describe_location (location);
  g_autofree char *body = g_strdup_printf ("%s\n\n%s", described, error->message);
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("The Office Server Could Not Be Reached"), body);
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);

  adw_message_dialog_add_responses (message,
                                    "quit", _("_Quit"),
                                    "file", _("Use a Ledger _File Instead"),
                                    "retry", _("_Try Again"),
                                    NULL);
  adw_message_dialog_set_default_response (message, "retry");
  adw_message_dialog_set_response_appearance (message, "retry", ADW_RESPONSE_SUGGESTED);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_error_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A ledger that cannot be opened gets a clear dialog offering what makes
 * sense: try again (locked), open the latest backup, start a new ledger,
 * or quit. The file itself is left as it is. */
static void
show_open_error (LedgerApplication *self,
                 const char        *path,
                 GError            *error)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  AdwMessageDialog *message;

  if (ledger_store_is_server_location (path))
    {
      show_server_error (self, path, error);
      return;
    }
  backups = ledger_store_list_backups_of (path);
  body = g_strdup_printf ("%s\n\n%s", error->message, _("The file is left as it is."));
  dialog = adw_message_dialog_new (NULL, open_error_heading (error), body);
  message = ADW_MESSAGE_DIALOG (dialog);

  adw_message_dialog_add_response (message, "quit", _("_Quit"));
  if (g_error_matches (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_LOCKED))
    {
      adw_message_dialog_add_response (message, "retry", _("_Try Again"));
      adw_message_dialog_set_default_response (message, "retry");
    }
  else
    {
      adw_message_dialog_add_response (message, "new", _("Start a _New Ledger"));
      /* Read, never written: what is in it can still be seen and exported. */
      if (g_error_matches (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_UNEXPECTED_SCHEMA))
        adw_message_dialog_add_response (message, "read-only", _("Open _Read-Only"));
      if (backups->len > 0)
        {
          adw_message_dialog_add_response (message, "backup", _("Open the Latest _Backup"));
          adw_message_dialog_set_response_appearance (message, "backup", ADW_RESPONSE_SUGGESTED);
        }
      adw_message_dialog_set_default_response (message, backups->len > 0 ? "backup" : "new");
    }
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_error_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static LedgerStore *
open_store (const char  *path,
            gboolean     read_only,
            GError     **error)
{
  g_autoptr(LedgerStore) store = NULL;

  store = ledger_store_open_full (path, read_only ? LEDGER_STORE_OPEN_READ_ONLY : LEDGER_STORE_OPEN_DEFAULT, error);
  if (store == NULL)
    return NULL;
  if (!ledger_store_is_read_only (store) && !ledger_store_add_builtin_plans (store, error))
    return NULL;
  return g_steal_pointer (&store);
}

/* The first start of the day backs the ledger up, in a worker thread: the
 * window does not wait for the copy. */
static void
backed_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GtkWidget) window = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_application_release (g_application_get_default ());
  if (ledger_store_backup_daily_finish (LEDGER_STORE (source), result, &error))
    return;
  message = g_strdup_printf (_("Today’s backup could not be made: %s"), error->message);
  ledger_toast_show (window, message);
}

/* Reminders of figures due: asked on start and every hour; at most one a
 * day is sent (ledger-reminders.c). */
static gboolean
remind_cb (gpointer user_data)
{
  LedgerApplication *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (self->store != NULL)
    ledger_reminders_check (G_APPLICATION (self), self->store, self->settings, now);
  return G_SOURCE_CONTINUE;
}

static gboolean
first_reminder_cb (gpointer user_data)
{
  LedgerApplication *self = user_data;

  self->first_reminder_source = 0;
  remind_cb (self);
  return G_SOURCE_REMOVE;
}

static void
start_reminders (LedgerApplication *self)
{
  if (self->settings == NULL)
    self->settings = ledger_settings_new_if_installed ();
  /* The first check once the window is drawn, not before its first frame. */
  if (self->first_reminder_source == 0)
    self->first_reminder_source = g_idle_add_full (G_PRIORITY_LOW, first_reminder_cb, self, NULL);
  if (self->reminder_source == 0)
    self->reminder_source = g_timeout_add_seconds (3600, remind_cb, self);
}

/* A remembered server location has no password: the keyring gives it.
 * Returns: (transfer full): what to connect with; never shown or kept */
static char *
with_remembered_password (const char *location)
{
  g_autoptr(LedgerServerLogin) login = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;

  if (!ledger_store_is_server_location (location) ||
      ledger_server_login_location_has_password (location) ||
      (login = ledger_server_login_new_from_location (location)) == NULL)
    return g_strdup (location);
  password = ledger_server_login_lookup_password (login, NULL, &error);
  if (error != NULL)
    g_debug ("No password from the keyring: %s", error->message);
  return ledger_server_login_add_password (location, password);
}

/* Shows the application's store in a new window, and backs it up. */
static GtkWindow *
show_window (LedgerApplication *self)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  GtkWindow *window = GTK_WINDOW (ledger_window_new (self, self->store));

  gtk_window_present (window);
  start_reminders (self);
  /* Nothing to back up that could change, and nowhere to write it; a
   * server's ledger is backed up by its administrator, not by each desk. */
  if (ledger_store_is_read_only (self->store) || ledger_store_is_on_server (self->store))
    return window;
  g_application_hold (G_APPLICATION (self));
  ledger_store_backup_daily_async (self->store, today, NULL, NULL, backed_up_cb, g_object_ref (window));
  return window;
}

/* Opens the ledger in a window, and backs it up; or says why not.
 * Returns: whether it was opened */
static gboolean
open_window (LedgerApplication *self)
{
  g_autofree char *path = ledger_path (self);
  g_autofree char *location = with_remembered_password (path);
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->store);
  self->store = open_store (location, self->read_only, &error);
  self->read_only = FALSE;
  if (self->store == NULL)
    {
      show_open_error (self, path, error);
      return FALSE;
    }
  show_window (self);
  return TRUE;
}

static void
ledger_application_activate (GApplication *application)
{
  LedgerApplication *self = LEDGER_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    gtk_window_present (window);
  else
    open_window (self);
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

/* The reminder's click: the window, with who is late in the month it
 * reminds of (its target, "2026-03"). */
static void
show_cycle_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  if ((window = gtk_application_get_active_window (app)) != NULL)
    gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.cycle-of", parameter);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "show-cycle", show_cycle_action, "s" },
  { "quit", quit_action },
};

static void
ledger_application_dispose (GObject *object)
{
  LedgerApplication *self = LEDGER_APPLICATION (object);

  g_clear_handle_id (&self->reminder_source, g_source_remove);
  g_clear_handle_id (&self->first_reminder_source, g_source_remove);
  g_clear_object (&self->settings);
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

/* Opens the ledger @path in a window, as --db does: for tests and for
 * opening another ledger. */
void
ledger_application_open_ledger (LedgerApplication *self,
                                const char        *path)
{
  g_return_if_fail (LEDGER_IS_APPLICATION (self));

  g_free (self->db_path);
  self->db_path = g_strdup (path);
  open_window (self);
}

/**
 * ledger_application_connect:
 * @location: a ledger's location, a server's with its password
 *
 * Opens the ledger as the application opens it, with the built-in plans;
 * blocks: for a worker (the Connect to Office Server dialog's).
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
LedgerStore *
ledger_application_connect (const char  *location,
                            GError     **error)
{
  g_return_val_if_fail (location != NULL, NULL);
  return open_store (location, FALSE, error);
}

/**
 * ledger_application_replace_ledger:
 * @window: the window whose ledger is replaced; closed
 * @store: the ledger now used, opened by ledger_application_connect()
 * @location: its location without a password: remembered
 *
 * Shows @store in a new window instead of @window's ledger, and opens it
 * from now on.
 *
 * Returns: (transfer none): the new window
 */
GtkWindow *
ledger_application_replace_ledger (LedgerApplication *self,
                                   GtkWindow         *window,
                                   LedgerStore       *store,
                                   const char        *location)
{
  GtkWindow *shown;

  g_return_val_if_fail (LEDGER_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (LEDGER_IS_STORE (store), NULL);

  use_ledger (self, location);
  g_set_object (&self->store, store);
  shown = show_window (self);
  if (window != NULL)
    gtk_window_close (window);
  return shown;
}

/**
 * ledger_application_switch_ledger:
 * @window: the window whose ledger is replaced; closed if @location opens
 * @location: the ledger now used: remembered
 *
 * Opens @location instead of @window's ledger, or says why not.
 */
void
ledger_application_switch_ledger (LedgerApplication *self,
                                  GtkWindow         *window,
                                  const char        *location)
{
  g_return_if_fail (LEDGER_IS_APPLICATION (self));
  g_return_if_fail (location != NULL);

  use_ledger (self, location);
  if (open_window (self) && window != NULL)
    gtk_window_close (window);
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
