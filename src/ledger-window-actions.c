/* ledger-window-actions.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-backups-window.h"
#include "ledger-batch-window.h"
#include "ledger-copy-window.h"
#include "ledger-cycle-window.h"
#include "ledger-indicator-page.h"
#include "ledger-indicator-row.h"
#include "ledger-preferences-window.h"
#include "ledger-task-list-export.h"
#include "ledger-task-list-window.h"
#include "ledger-store-jobs.h"
#include "ledger-regions-window.h"
#include "ledger-server-dialog.h"
#include "ledger-units-window.h"
#include "ledger-window-private.h"

/* The window's actions: the menu's items and the keyboard shortcuts. */

/* Back (the header's button, Escape, Alt+Left): from an indicator to its
 * area, or in a folded window from a page to the sidebar. */
static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);

  if (!ledger_window_close_indicator (self))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Ctrl+N: record a value for the indicator whose row has the focus, or
 * for the indicator whose page is shown. */
static void
record_value_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, LEDGER_TYPE_INDICATOR_ROW) : NULL;
  GtkWidget *page = ledger_window_get_visible_page (self);

  if (row == NULL && LEDGER_IS_INDICATOR_PAGE (page))
    {
      gtk_widget_activate_action (page, "indicator.record-value", NULL);
      return;
    }
  if (row == NULL)
    {
      ledger_window_add_toast (self, _("Select an indicator to record a value for"));
      return;
    }
  ledger_indicator_row_record_value (LEDGER_INDICATOR_ROW (row));
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);

  if (self->settings == NULL)
    {
      ledger_window_add_toast (self, _("Preferences need the installed settings schema"));
      return;
    }
  gtk_window_present (GTK_WINDOW (ledger_preferences_window_new (GTK_WINDOW (self), self->settings)));
}

static void
undone_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LedgerWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean undone = ledger_store_undo_finish (LEDGER_STORE (source), result, &error);

  ledger_window_end_job (self, result, NULL, NULL);
  if (undone)
    ledger_window_add_toast (self, _("Undone"));
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ledger_window_add_toast (self, error->message);
}

/* Ctrl+Z: reverts the last change, a whole batch included, in a worker. */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);

  if (!ledger_store_can_undo (self->store))
    {
      ledger_window_add_toast (self, _("Nothing to undo"));
      return;
    }
  ledger_store_undo_async (self->store, NULL, ledger_window_start_job (self, _("Undoing…"), NULL), undone_cb,
                           g_object_ref (self));
}

static void
record_period_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);

  if (self->plan != NULL)
    gtk_window_present (GTK_WINDOW (ledger_batch_window_new (GTK_WINDOW (self), self->context, self->plan)));
}

/* The month's cycle of the "as of" period: who is late, review, closing. */
static void
cycle_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);

  if (self->plan != NULL)
    gtk_window_present (GTK_WINDOW (ledger_cycle_window_new (GTK_WINDOW (self), self->context, self->plan)));
}

/* The month's cycle of @parameter's month ("2026-03"), in the plan shown
 * if it has the month, else in the first that has. */
static void
cycle_of_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);
  const char *month = g_variant_get_string (parameter, NULL);

  for (guint i = 0; !ledger_window_select_as_of (self, month) && self->plans != NULL && i < self->plans->len; i++)
    ledger_window_select_plan (self, ledger_plan_get_code (g_ptr_array_index (self->plans, i)));
  cycle_action (widget, action_name, NULL);
}

static void
backups_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (ledger_backups_window_new (GTK_WINDOW (self), self->store)));
}

/* The server's location to start from: the remembered one, else the
 * window's own (without its password: the login keeps none). */
static char *
remembered_server (LedgerWindow *self)
{
  g_autofree char *remembered = self->settings != NULL ? g_settings_get_string (self->settings, "ledger-file") : NULL;

  if (remembered != NULL && ledger_store_is_server_location (remembered))
    return g_steal_pointer (&remembered);
  if (ledger_store_is_on_server (self->store))
    return g_strdup (ledger_store_get_path (self->store));
  return NULL;
}

static void
connect_server_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);
  g_autofree char *location = remembered_server (self);

  gtk_window_present (GTK_WINDOW (ledger_server_dialog_new (GTK_WINDOW (self), location,
                                                            ledger_store_is_on_server (self->store))));
}

/* Copy Ledger…: to a new file or onto the office server, the one it knows
 * to start from. */
static void
copy_ledger_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);
  g_autofree char *location = remembered_server (self);

  gtk_window_present (GTK_WINDOW (ledger_copy_window_new (GTK_WINDOW (self), self->store, location)));
}

/* The actions through which pages and dialogs reach the window: they
 * activate these on the window (a dialog on the window it is transient
 * for) instead of calling it, so that no page depends on the window. */

/* win.toast (s): a toast with the message. */
static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ledger_window_add_toast (LEDGER_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* win.undo-toast (s): a toast after a change, with its Undo button. */
static void
undo_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ledger_window_add_undo_toast (LEDGER_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

typedef struct
{
  const char      *uuid;
  LedgerIndicator *found;
} IndicatorSearch;

static void
match_indicator (LedgerNode      *area,
                 LedgerNode      *task,
                 LedgerIndicator *indicator,
                 gpointer         user_data)
{
  IndicatorSearch *search = user_data;

  if (search->found == NULL && g_str_equal (ledger_indicator_get_uuid (indicator), search->uuid))
    search->found = indicator;
}

/* win.show-indicator (s): the page of the shown plan's indicator with
 * that uuid. */
static void
show_indicator_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);
  IndicatorSearch search = { g_variant_get_string (parameter, NULL), NULL };

  if (self->plan == NULL)
    return;
  ledger_plan_foreach_indicator (self->plan, match_indicator, &search);
  if (search.found != NULL)
    ledger_window_show_indicator (self, search.found);
}

/* win.select-page (s): the page of the area with that uuid, or the
 * overview for the plan's. */
static void
select_page_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ledger_window_select_page (LEDGER_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* The shown plan's responsible units, to rename, merge and confirm. */
static void
units_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);

  if (self->plan != NULL)
    gtk_window_present (GTK_WINDOW (ledger_units_window_new (GTK_WINDOW (self), self->store, self->plan)));
}

/* The shown plan's counties and zones, to add, order and weigh. */
static void
regions_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);

  if (self->plan != NULL)
    gtk_window_present (GTK_WINDOW (ledger_regions_window_new (GTK_WINDOW (self), self->store, self->plan)));
}

/* Shows an error the user has to read, with what it is about. */
void
ledger_window_show_error (LedgerWindow *self,
                          const char   *heading,
                          const char   *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkFileFilter *
ledger_window_file_filter (const char *name,
                           const char *pattern,
                           const char *mime_type)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_mime_type (filter, mime_type);
  return filter;
}

static GtkFileFilter *
plan_file_filter (void)
{
  return ledger_window_file_filter (_("Plan Files"), "*.json", "application/json");
}

static GtkFileFilter *
task_list_filter (void)
{
  return ledger_window_file_filter (_("Task Lists"), "*.xlsx",
                                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

/* Plan files, and task lists as XLSX or CSV. */
static GtkFileFilter *
plan_import_filter (void)
{
  GtkFileFilter *filter = plan_file_filter ();

  gtk_file_filter_set_name (filter, _("Plan Files and Task Lists"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  return filter;
}

static void
plan_imported_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LedgerWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_store_add_plans_from_file_finish (LEDGER_STORE (source), result, &error);
  g_autofree char *message = NULL;

  if (!ledger_window_end_job (self, result, _("The Plan Was Not Added"), error))
    return;
  message = g_strdup_printf (_("Added the plan “%s”"), ledger_node_get_title (g_ptr_array_index (plans, 0)));
  ledger_window_add_toast (self, message);
  ledger_window_select_plan (self, ledger_plan_get_code (g_ptr_array_index (plans, 0)));
}

/* A plan file, read, checked and added in a worker, shown in the job bar. */
static void
import_plan_file (LedgerWindow *self,
                  GFile        *file)
{
  g_autoptr(LedgerJobProgress) progress = ledger_job_progress_new ();
  GCancellable *cancellable = ledger_window_start_job (self, _("Adding the plan…"), progress);

  ledger_store_add_plans_from_file_async (self->store, file, progress, cancellable, plan_imported_cb,
                                          g_object_ref (self));
}

static void
task_list_added_cb (LedgerTaskListWindow *window,
                    const char           *code,
                    LedgerWindow         *self)
{
  ledger_window_select_plan (self, code);
}

/* A plan file is added at once; a task list is shown first. */
void
ledger_window_import_plan (LedgerWindow *self,
                           GFile        *file)
{
  g_autoptr(GError) error = NULL;
  LedgerTaskListWindow *window;
  gboolean is_plan_file;

  if (!ledger_task_list_is_plan_file (file, &is_plan_file, &error))
    {
      ledger_window_show_error (self, _("The Plan Was Not Added"), error->message);
      return;
    }
  if (is_plan_file)
    {
      import_plan_file (self, file);
      return;
    }
  window = ledger_task_list_window_new (GTK_WINDOW (self), self->store, file);
  g_signal_connect_object (window, "plan-added", G_CALLBACK (task_list_added_cb), self, 0);
  gtk_window_present (GTK_WINDOW (window));
}

static void
import_plan_response_cb (GtkNativeDialog *chooser,
                         int              response,
                         LedgerWindow    *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_object_unref (chooser);
  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    ledger_window_import_plan (self, file);
}

static void
import_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = plan_import_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Plan"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_plan_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
plans_exported_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LedgerWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  ledger_store_write_plans_finish (LEDGER_STORE (source), result, &error);
  if (ledger_window_end_job (self, result, _("The Plans Were Not Exported"), error))
    ledger_window_add_toast (self, _("Plans exported"));
}

static void
task_lists_exported_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(LedgerWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  ledger_export_job_run_finish (result, &error);
  if (ledger_window_end_job (self, result, _("The Plans Were Not Exported"), error))
    ledger_window_add_toast (self, _("Plans exported"));
}

static void
export_plan_response_cb (GtkNativeDialog *chooser,
                         int              response,
                         LedgerWindow    *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  gboolean as_task_lists = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "task-lists"));
  g_autoptr(LedgerJobProgress) progress = NULL;
  GCancellable *cancellable;

  g_object_unref (chooser);
  if (response != GTK_RESPONSE_ACCEPT || file == NULL)
    return;
  if (path == NULL)
    {
      ledger_window_show_error (self, _("The Plans Were Not Exported"), _("Choose a file on this computer"));
      return;
    }
  progress = ledger_job_progress_new ();
  cancellable = ledger_window_start_job (self, _("Exporting…"), progress);
  if (as_task_lists)
    ledger_task_list_export_async (self->context, path, progress, cancellable, task_lists_exported_cb,
                                   g_object_ref (self));
  else
    ledger_store_write_plans_async (self->store, path, progress, cancellable, plans_exported_cb,
                                    g_object_ref (self));
}

static void
export_plans (LedgerWindow *self,
              gboolean      as_task_lists)
{
  g_autoptr(GtkFileFilter) filter = as_task_lists ? task_list_filter () : plan_file_filter ();
  GtkFileChooserNative *chooser;

  if (self->plans == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Plans"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), as_task_lists ? "plans.xlsx" : "plans.json");
  g_object_set_data (G_OBJECT (chooser), "task-lists", GINT_TO_POINTER (as_task_lists));
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_plan_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  export_plans (LEDGER_WINDOW (widget), FALSE);
}

static void
export_task_lists_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  export_plans (LEDGER_WINDOW (widget), TRUE);
}

void
ledger_window_class_install_actions (GtkWidgetClass *widget_class)
{
  ledger_window_class_install_exchange_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_install_action (widget_class, "win.undo-toast", "s", undo_toast_action);
  gtk_widget_class_install_action (widget_class, "win.show-indicator", "s", show_indicator_action);
  gtk_widget_class_install_action (widget_class, "win.select-page", "s", select_page_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.backups", NULL, backups_action);
  gtk_widget_class_install_action (widget_class, "win.connect-server", NULL, connect_server_action);
  gtk_widget_class_install_action (widget_class, "win.copy-ledger", NULL, copy_ledger_action);
  gtk_widget_class_install_action (widget_class, "win.units", NULL, units_action);
  gtk_widget_class_install_action (widget_class, "win.regions", NULL, regions_action);
  gtk_widget_class_install_action (widget_class, "win.cycle", NULL, cycle_action);
  gtk_widget_class_install_action (widget_class, "win.cycle-of", "s", cycle_of_action);
  gtk_widget_class_install_action (widget_class, "win.record-period", NULL, record_period_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "win.record-period", NULL);
  gtk_widget_class_install_action (widget_class, "win.record-value", NULL, record_value_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.import-plan", NULL, import_plan_action);
  gtk_widget_class_install_action (widget_class, "win.export-plan", NULL, export_plan_action);
  gtk_widget_class_install_action (widget_class, "win.export-task-lists", NULL, export_task_lists_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.record-value", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.import-plan", NULL);
}
