/* ledger-backups-window.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-backups-window"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "ledger-backups-window.h"
#include "ledger-job-bar.h"
#include "ledger-store-jobs.h"
#include "ledger-toast.h"

/* Backups…: the ledger's backups, newest first, each restorable after
 * confirmation (the ledger as it is is backed up first); and a backup made
 * now. Both run in a worker (ledger-store-jobs.c), shown in the job bar
 * with their progress and a Cancel button. */
struct _LedgerBackupsWindow
{
  AdwWindow            parent_instance;

  LedgerStore         *store;
  AdwPreferencesGroup *group;
  LedgerJobBar        *job_bar;
  GPtrArray           *rows;
};

G_DEFINE_FINAL_TYPE (LedgerBackupsWindow, ledger_backups_window, ADW_TYPE_WINDOW)

static void fill (LedgerBackupsWindow *self);

static void
restore_response_cb (AdwMessageDialog    *dialog,
                     const char          *response,
                     LedgerBackupsWindow *self)
{
  if (g_str_equal (response, "restore"))
    ledger_backups_window_restore (self, g_object_get_data (G_OBJECT (dialog), "path"));
}

static void
restore_clicked_cb (GtkButton           *button,
                    LedgerBackupsWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "path");
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *heading = g_strdup_printf (_("Restore “%s”?"), name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                              _("The ledger is replaced by the backup. The ledger as it "
                                                "is now is backed up first, and can be restored in turn. "
                                                "Closed periods stay closed: a backup that would change "
                                                "their figures is refused until they are reopened."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
restore_button_new (LedgerBackupsWindow *self,
                    const char          *path)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "path", g_strdup (path), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (restore_clicked_cb), self, 0);
  return button;
}

static GtkWidget *
backup_row_new (LedgerBackupsWindow *self,
                const char          *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *size = info != NULL ? g_format_size (g_file_info_get_size (info)) : g_strdup ("");
  g_autoptr(GDateTime) modified = info != NULL ? g_file_info_get_modification_date_time (info) : NULL;
  g_autoptr(GDateTime) local = modified != NULL ? g_date_time_to_local (modified) : NULL;
  g_autofree char *when = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", when, size);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* A snapshot is never restored over the office's server: that is its
   * administrator's business, not one desk's. */
  if (!ledger_store_is_on_server (self->store))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore_button_new (self, path));
  return row;
}

/* Where the backups are; on the office's server, whose business they are.
 * The folder is not shown there: it is made from the server's location. */
static char *
describe_backups (LedgerBackupsWindow *self)
{
  g_autofree char *folder = NULL;

  if (ledger_store_is_on_server (self->store))
    return g_markup_escape_text (_("This ledger is on the office server: backing it up is the business of the "
                                   "office’s database administrator. Back Up Now writes a snapshot of it as a "
                                   "ledger file on this computer; a snapshot is not restored over the server’s "
                                   "ledger."), -1);
  folder = ledger_store_dup_backup_folder (self->store);
  return g_markup_escape_text (folder, -1);
}

static void
fill (LedgerBackupsWindow *self)
{
  g_autoptr(GPtrArray) backups = ledger_store_list_backups (self->store);
  g_autofree char *description = describe_backups (self);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  adw_preferences_group_set_description (self->group, description);
  /* On the server, what is listed are this computer's snapshots of it,
   * not the ledger's backups: the words say so. */
  if (ledger_store_is_on_server (self->store))
    adw_preferences_group_set_title (self->group, _("Snapshots on This Computer"));
  for (guint i = 0; i < backups->len; i++)
    g_ptr_array_add (self->rows, backup_row_new (self, g_ptr_array_index (backups, i)));
  if (backups->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ledger_store_is_on_server (self->store)
                                                                ? _("No snapshot yet") : _("No backup yet"));
      g_ptr_array_add (self->rows, row);
    }
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_add (self->group, g_ptr_array_index (self->rows, i));
}

/* One job at a time: the buttons wait until it is over. */
static GCancellable *
start_job (LedgerBackupsWindow *self,
           const char          *title,
           LedgerJobProgress   *progress)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->group), FALSE);
  return ledger_job_bar_start (self->job_bar, title, progress);
}

static void
stop_job (LedgerBackupsWindow *self,
          GCancellable        *cancellable)
{
  ledger_job_bar_stop (self->job_bar, cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->group), TRUE);
}

static gboolean
was_cancelled (GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
backed_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LedgerBackupsWindow) self = user_data;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  path = ledger_store_backup_named_finish (LEDGER_STORE (source), result, &error);
  stop_job (self, g_task_get_cancellable (G_TASK (result)));
  if (path == NULL)
    {
      if (!was_cancelled (error))
        ledger_toast_show (GTK_WIDGET (self), error->message);
      return;
    }
  ledger_toast_show (GTK_WIDGET (self), _("Backed up"));
  fill (self);
}

static void
back_up_now_cb (LedgerBackupsWindow *self)
{
  g_autoptr(LedgerJobProgress) progress = ledger_job_progress_new ();
  GCancellable *cancellable = start_job (self, _("Backing up…"), progress);

  ledger_store_backup_named_async (self->store, "manual", progress, cancellable, backed_up_cb,
                                   g_object_ref (self));
}

static void
ledger_backups_window_dispose (GObject *object)
{
  LedgerBackupsWindow *self = LEDGER_BACKUPS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_BACKUPS_WINDOW);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ledger_backups_window_parent_class)->dispose (object);
}

static void
ledger_backups_window_class_init (LedgerBackupsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_backups_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ledger-backups-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerBackupsWindow, group);
  gtk_widget_class_bind_template_child (widget_class, LedgerBackupsWindow, job_bar);
  gtk_widget_class_bind_template_callback (widget_class, back_up_now_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ledger_backups_window_init (LedgerBackupsWindow *self)
{
  g_type_ensure (LEDGER_TYPE_JOB_BAR);
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

LedgerBackupsWindow *
ledger_backups_window_new (GtkWindow   *parent,
                           LedgerStore *store)
{
  LedgerBackupsWindow *self;

  g_return_val_if_fail (LEDGER_IS_STORE (store), NULL);

  self = g_object_new (LEDGER_TYPE_BACKUPS_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  fill (self);
  return self;
}

static void
restored_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(LedgerBackupsWindow) self = user_data;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  const char *path = g_object_get_data (G_OBJECT (cancellable), "path");
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (ledger_store_restore_from_finish (LEDGER_STORE (source), result, NULL, &error))
    {
      message = g_strdup_printf (_("Restored %s"), name);
      ledger_toast_show (GTK_WIDGET (self), message);
    }
  stop_job (self, cancellable);
  fill (self);
  if (error == NULL || was_cancelled (error))
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Backup Was Not Restored"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Restores @path (asked for confirmation before) in a worker, and says
 * how it went. */
void
ledger_backups_window_restore (LedgerBackupsWindow *self,
                               const char          *path)
{
  g_autoptr(LedgerJobProgress) progress = ledger_job_progress_new ();
  GCancellable *cancellable;

  g_return_if_fail (LEDGER_IS_BACKUPS_WINDOW (self));
  g_return_if_fail (path != NULL);

  cancellable = start_job (self, _("Restoring…"), progress);
  g_object_set_data_full (G_OBJECT (cancellable), "path", g_strdup (path), g_free);
  ledger_store_restore_from_async (self->store, path, progress, cancellable, restored_cb, g_object_ref (self));
}
