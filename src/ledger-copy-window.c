/* ledger-copy-window.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-copy-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ledger-application.h"
#include "ledger-copy-window.h"
#include "ledger-job-bar.h"
#include "ledger-server-dialog.h"
#include "ledger-server-fields.h"
#include "ledger-server-login.h"
#include "ledger-store-jobs.h"

/* Copy Ledger…: the whole ledger, ids and all, to a new ledger file (to
 * take it along on a trip) or into an empty database on the office's
 * server (to move a file ledger there), by ledger_store_copy_to() in a
 * worker, with its progress and Cancel in the window's job bar. The
 * window is never blocked; what fails is told with the store's words,
 * and the store leaves nothing behind. After a copy, it offers to open
 * it: the file in the window, or a connection to the server's copy. */
struct _LedgerCopyWindow
{
  AdwWindow            parent_instance;

  LedgerStore         *store;
  GCancellable        *cancellable;   /* the copy's, while it runs */
  char                *destination;   /* the last copy's: a file, or a server's location without password */
  char                *password;      /* of the server copied to, to connect to it after */
  gboolean             to_server;

  AdwPreferencesPage  *page;
  GtkLabel            *intro_label;
  AdwPreferencesGroup *where_group;
  AdwActionRow        *file_row;
  AdwExpanderRow      *server_row;
  LedgerServerFields  *server_fields;
  GtkWidget           *copy_server_button;
  GtkWidget           *error_group;
  GtkLabel            *error_label;
  GtkWidget           *done_group;
  GtkLabel            *done_label;
  GtkButton           *open_button;
  GtkWidget           *folder_button;
  LedgerJobBar        *job_bar;
};

G_DEFINE_FINAL_TYPE (LedgerCopyWindow, ledger_copy_window, ADW_TYPE_WINDOW)

/* The ledger's own name: its file's without the extension, or its
 * database's on the server. */
static char *
ledger_name (LedgerStore *store)
{
  const char *path = ledger_store_get_path (store);
  g_autoptr(LedgerServerLogin) login = NULL;
  char *name, *dot;

  if (ledger_store_is_on_server (store))
    {
      login = ledger_server_login_new_from_location (path);
      name = g_strdup (login != NULL && ledger_server_login_get_dbname (login)[0] != '\0'
                       ? ledger_server_login_get_dbname (login) : "ledger");
      /* A database's name may hold what a file's may not. */
      return g_strdelimit (name, G_DIR_SEPARATOR_S "\\", '-');
    }
  name = g_path_get_basename (path);
  if ((dot = strrchr (name, '.')) != NULL && dot != name)
    *dot = '\0';
  return name;
}

/**
 * ledger_copy_window_propose_file_name:
 * @today: the day of the copy, local time
 *
 * Returns: (transfer full): "<ledger name>-<date>.sqlite3", the name the
 *   save dialog proposes
 */
char *
ledger_copy_window_propose_file_name (LedgerStore *store,
                                      GDateTime   *today)
{
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (LEDGER_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  name = ledger_name (store);
  date = g_date_time_format (today, "%Y-%m-%d");
  return g_strdup_printf ("%s-%s.sqlite3", name, date);
}

static gboolean
can_copy_to_server (LedgerCopyWindow *self)
{
  return self->cancellable == NULL && ledger_server_fields_is_complete (self->server_fields);
}

static void
fields_changed_cb (LedgerCopyWindow *self)
{
  gtk_widget_set_sensitive (self->copy_server_button, can_copy_to_server (self));
}

/* While a copy runs, no other starts. */
static void
set_copying (LedgerCopyWindow *self,
             gboolean          copying)
{
  ledger_server_fields_set_busy (self->server_fields, copying);
  gtk_widget_set_sensitive (GTK_WIDGET (self->file_row), !copying);
  fields_changed_cb (self);
}

/* The result is above the choices: a page scrolled down to the server's
 * fields is scrolled back up to it (adw_preferences_page_scroll_to_top()
 * is libadwaita 1.3, after the floor). */
static void
scroll_to_result (LedgerCopyWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->page));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_SCROLLED_WINDOW (child))
      {
        GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child));

        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
      }
}

static void
show_failure (LedgerCopyWindow *self,
              GError           *error)
{
  g_autoptr(GString) text = g_string_new (error->message);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_string_assign (text, _("The copy was cancelled: nothing was left behind."));
  /* libpq indents its hint with a tab, which a label shows as a gap. */
  g_string_replace (text, "\n\t", "\n", 0);
  gtk_label_set_text (self->error_label, text->str);
  gtk_widget_set_visible (self->error_group, TRUE);
  scroll_to_result (self);
}

static void
show_done (LedgerCopyWindow        *self,
           const LedgerCopySummary *summary)
{
  g_autofree char *described = ledger_store_describe_location (self->destination);
  g_autofree char *told = ledger_copy_summary_describe (summary, described);

  gtk_label_set_text (self->done_label, told);
  gtk_button_set_label (self->open_button, self->to_server ? _("_Open It Now") : _("_Open Copy"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->open_button),
                               self->to_server ? _("Connect this window to the copy on the office server")
                                               : _("Work in the copy: this window switches to it"));
  gtk_widget_set_visible (self->folder_button, !self->to_server);
  gtk_widget_set_visible (self->done_group, TRUE);
  /* The server's fields are done with. */
  adw_expander_row_set_expanded (self->server_row, FALSE);
  scroll_to_result (self);
}

static void
copied_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LedgerCopyWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  LedgerCopySummary summary = { 0 };
  gboolean copied = ledger_store_copy_to_finish (LEDGER_STORE (source), result, &summary, &error);

  /* Closed meanwhile: the copy was cancelled with it. */
  if (self->store == NULL)
    return;
  ledger_job_bar_stop (self->job_bar, self->cancellable);
  g_clear_object (&self->cancellable);
  set_copying (self, FALSE);
  if (copied)
    show_done (self, &summary);
  else
    show_failure (self, error);
}

static void
start_copy (LedgerCopyWindow *self,
            const char       *location)
{
  g_autoptr(LedgerJobProgress) progress = ledger_job_progress_new ();

  gtk_widget_set_visible (self->error_group, FALSE);
  gtk_widget_set_visible (self->done_group, FALSE);
  self->cancellable = g_object_ref (ledger_job_bar_start (self->job_bar, _("Copying the ledger…"), progress));
  set_copying (self, TRUE);
  ledger_store_copy_to_async (self->store, location, progress, self->cancellable, copied_cb, g_object_ref (self));
}

/**
 * ledger_copy_window_copy_to_file:
 * @path: the new ledger file, as the save dialog chose it
 *
 * Copies the ledger to @path in a worker; a file that exists is refused
 * by the store and left as it is.
 */
void
ledger_copy_window_copy_to_file (LedgerCopyWindow *self,
                                 const char       *path)
{
  g_return_if_fail (LEDGER_IS_COPY_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (self->cancellable != NULL)
    return;
  g_free (self->destination);
  self->destination = g_strdup (path);
  g_clear_pointer (&self->password, g_free);
  self->to_server = FALSE;
  start_copy (self, path);
}

static void
copy_server_clicked_cb (LedgerCopyWindow *self)
{
  g_autoptr(LedgerServerLogin) login = NULL;
  g_autofree char *conninfo = NULL;

  if (!can_copy_to_server (self))
    return;
  login = ledger_server_fields_dup_login (self->server_fields);
  g_free (self->password);
  self->password = g_strdup (ledger_server_fields_get_password (self->server_fields));
  g_free (self->destination);
  self->destination = ledger_server_login_build_conninfo (login, NULL);
  self->to_server = TRUE;
  /* The connection string with the password is the worker's only. */
  conninfo = ledger_server_login_build_conninfo (login, self->password);
  start_copy (self, conninfo);
}

static void
chooser_response_cb (GtkNativeDialog  *chooser,
                     int               response,
                     LedgerCopyWindow *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  g_object_unref (chooser);
  if (response != GTK_RESPONSE_ACCEPT || file == NULL)
    return;
  if (path == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     _("Choose a file on this computer"));

      show_failure (self, error);
      return;
    }
  ledger_copy_window_copy_to_file (self, path);
}

static void
file_row_activated_cb (LedgerCopyWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = ledger_copy_window_propose_file_name (self->store, now);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->cancellable != NULL)
    return;
  gtk_file_filter_set_name (filter, _("Ledger Files"));
  gtk_file_filter_add_pattern (filter, "*.sqlite3");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  chooser = gtk_file_chooser_native_new (_("Copy the Ledger to a File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Copy"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The copy opened instead of the ledger: a file in the window; on the
 * server, through Connect to Office Server…, which says how it went. */
static void
open_clicked_cb (LedgerCopyWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkApplication *app = parent != NULL ? gtk_window_get_application (parent) : NULL;
  g_autofree char *destination = g_strdup (self->destination);
  g_autofree char *password = g_strdup (self->password);
  gboolean to_server = self->to_server;
  gboolean on_server = ledger_store_is_on_server (self->store);
  LedgerServerDialog *dialog;

  if (destination == NULL || !LEDGER_IS_APPLICATION (app))
    return;
  gtk_window_destroy (GTK_WINDOW (self));
  if (!to_server)
    {
      ledger_application_switch_ledger (LEDGER_APPLICATION (app), parent, destination);
      return;
    }
  dialog = ledger_server_dialog_new (parent, destination, on_server);
  gtk_window_present (GTK_WINDOW (dialog));
  ledger_server_dialog_connect (dialog, password);
}

static void
folder_clicked_cb (LedgerCopyWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *uri = NULL;

  if (self->destination == NULL || self->to_server)
    return;
  file = g_file_new_for_path (self->destination);
  folder = g_file_get_parent (file);
  uri = g_file_get_uri (folder);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
ledger_copy_window_dispose (GObject *object)
{
  LedgerCopyWindow *self = LEDGER_COPY_WINDOW (object);

  /* A copy nobody waits for any more is not made. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_COPY_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ledger_copy_window_parent_class)->dispose (object);
}

static void
ledger_copy_window_finalize (GObject *object)
{
  LedgerCopyWindow *self = LEDGER_COPY_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_free (self->destination);
  g_free (self->password);

  G_OBJECT_CLASS (ledger_copy_window_parent_class)->finalize (object);
}

static void
ledger_copy_window_class_init (LedgerCopyWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_copy_window_dispose;
  object_class->finalize = ledger_copy_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ledger-copy-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerCopyWindow, page);
  gtk_widget_class_bind_template_child (widget_class, LedgerCopyWindow, intro_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerCopyWindow, where_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerCopyWindow, file_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerCopyWindow, server_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerCopyWindow, server_fields);
  gtk_widget_class_bind_template_child (widget_class, LedgerCopyWindow, copy_server_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerCopyWindow, error_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerCopyWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerCopyWindow, done_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerCopyWindow, done_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerCopyWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerCopyWindow, folder_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerCopyWindow, job_bar);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_server_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, file_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, folder_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ledger_copy_window_init (LedgerCopyWindow *self)
{
  g_type_ensure (LEDGER_TYPE_JOB_BAR);
  g_type_ensure (LEDGER_TYPE_SERVER_FIELDS);
  gtk_widget_init_template (GTK_WIDGET (self));
  fields_changed_cb (self);
}

/* The choice that fits where the ledger is comes first: a file ledger is
 * moved onto the server, a server's taken along as a file. */
static void
fit_to_ledger (LedgerCopyWindow *self)
{
  gboolean on_server = ledger_store_is_on_server (self->store);
  g_autofree char *description = NULL;

  description = g_strdup_printf (_("Every plan, value and attachment of “%s” is copied as it is now, "
                                   "with its history. The ledger itself stays as it is."),
                                 ledger_store_get_display_name (self->store));
  gtk_label_set_text (self->intro_label, description);
  adw_action_row_set_subtitle (self->file_row,
                               on_server ? _("A ledger file on this computer, to work offline on a trip")
                                         : _("A new ledger file, to take along on a trip or to keep aside"));
  adw_expander_row_set_subtitle (self->server_row,
                                 on_server ? _("Into another, empty database on the office server")
                                           : _("Onto the office’s PostgreSQL server, for every desk to share"));
  if (on_server)
    return;
  g_object_ref (self->file_row);
  adw_preferences_group_remove (self->where_group, GTK_WIDGET (self->file_row));
  adw_preferences_group_add (self->where_group, GTK_WIDGET (self->file_row));
  g_object_unref (self->file_row);
}

/**
 * ledger_copy_window_new:
 * @parent: the window whose ledger is copied
 * @server_location: (nullable): the office server's location the window
 *   knows, to start from
 */
LedgerCopyWindow *
ledger_copy_window_new (GtkWindow   *parent,
                        LedgerStore *store,
                        const char  *server_location)
{
  LedgerCopyWindow *self;

  g_return_val_if_fail (LEDGER_IS_STORE (store), NULL);

  self = g_object_new (LEDGER_TYPE_COPY_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  fit_to_ledger (self);
  /* The server the office uses, without its database: a copy goes into
   * a new one, never the ledger's own. */
  ledger_server_fields_fill_server_from_location (self->server_fields, server_location);
  return self;
}

gboolean
ledger_copy_window_is_copying (LedgerCopyWindow *self)
{
  g_return_val_if_fail (LEDGER_IS_COPY_WINDOW (self), FALSE);
  return self->cancellable != NULL;
}
