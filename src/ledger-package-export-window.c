/* ledger-package-export-window.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-package-export-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-job-bar.h"
#include "ledger-package.h"
#include "ledger-package-export-window.h"
#include "ledger-toast.h"
#include "ledger-package-jobs.h"

/* Export Data Package…: a responsible unit's values for a range of months,
 * as one file to send to the planning office. The unit and the months are
 * picked here; the file is written in a worker thread, shown in the job
 * bar with Cancel. */

struct _LedgerPackageExportWindow
{
  AdwWindow      parent_instance;

  LedgerContext *context;
  GtkStringList *units;
  GtkStringList *months;

  AdwComboRow   *unit_row;
  AdwComboRow   *from_row;
  AdwComboRow   *to_row;
  GtkButton     *export_button;
  LedgerJobBar  *job_bar;
  GCancellable  *job;  /* the export running, from the job bar */
};

G_DEFINE_FINAL_TYPE (LedgerPackageExportWindow, ledger_package_export_window, ADW_TYPE_WINDOW)

static const char *
selected (AdwComboRow   *row,
          GtkStringList *list)
{
  guint position = adw_combo_row_get_selected (row);

  return position != GTK_INVALID_LIST_POSITION ? gtk_string_list_get_string (list, position) : NULL;
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(LedgerPackageExportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  g_application_release (g_application_get_default ());
  if (self->job_bar != NULL)
    ledger_job_bar_stop (self->job_bar, self->job);
  self->job = NULL;
  if (ledger_package_export_to_file_finish (result, &error))
    {
      ledger_toast_show (GTK_WIDGET (self), _("Data package saved"));
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (self->export_button == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), TRUE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Data Package Was Not Saved"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chooser_response_cb (GtkNativeDialog           *chooser,
                     int                        response,
                     LedgerPackageExportWindow *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  g_object_unref (chooser);
  if (response == GTK_RESPONSE_ACCEPT && path != NULL)
    ledger_package_export_window_export (self, path);
}

static void
export_clicked_cb (LedgerPackageExportWindow *self)
{
  g_autofree char *name = ledger_package_suggest_file_name (selected (self->unit_row, self->units),
                                                            selected (self->from_row, self->months),
                                                            selected (self->to_row, self->months));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save the Data Package"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A later "from" than "to" is no range. */
static void
range_changed_cb (LedgerPackageExportWindow *self)
{
  gboolean valid = adw_combo_row_get_selected (self->from_row) <= adw_combo_row_get_selected (self->to_row) &&
                   adw_combo_row_get_selected (self->unit_row) != GTK_INVALID_LIST_POSITION;

  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), valid);
}

static void
ledger_package_export_window_dispose (GObject *object)
{
  LedgerPackageExportWindow *self = LEDGER_PACKAGE_EXPORT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_PACKAGE_EXPORT_WINDOW);
  g_clear_object (&self->context);
  g_clear_object (&self->units);
  g_clear_object (&self->months);

  G_OBJECT_CLASS (ledger_package_export_window_parent_class)->dispose (object);
}

static void
ledger_package_export_window_class_init (LedgerPackageExportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_package_export_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ledger-package-export-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerPackageExportWindow, unit_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerPackageExportWindow, from_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerPackageExportWindow, to_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerPackageExportWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerPackageExportWindow, job_bar);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, range_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ledger_package_export_window_init (LedgerPackageExportWindow *self)
{
  self->units = gtk_string_list_new (NULL);
  self->months = gtk_string_list_new (NULL);
  g_type_ensure (LEDGER_TYPE_JOB_BAR);
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (self->units));
  adw_combo_row_set_model (self->from_row, G_LIST_MODEL (self->months));
  adw_combo_row_set_model (self->to_row, G_LIST_MODEL (self->months));
}

/* The months of the plan's years, and the units of the ledger. */
static void
fill (LedgerPackageExportWindow *self,
      LedgerPlan                *plan)
{
  g_autoptr(GPtrArray) units = ledger_package_list_units (ledger_context_get_store (self->context), NULL);
  const char *as_of = ledger_context_get_as_of (self->context);
  LedgerPeriod period;
  int to_month = 12;

  for (guint i = 0; units != NULL && i < units->len; i++)
    gtk_string_list_append (self->units, g_ptr_array_index (units, i));
  for (int year = ledger_plan_get_first_year (plan); year <= ledger_plan_get_last_year (plan); year++)
    for (int month = 1; month <= 12; month++)
      {
        g_autofree char *code = g_strdup_printf ("%d-%02d", year, month);

        gtk_string_list_append (self->months, code);
      }
  if (as_of != NULL && ledger_period_parse (as_of, &period))
    to_month = (period.year - ledger_plan_get_first_year (plan)) * 12 + ledger_period_end_month (&period);
  adw_combo_row_set_selected (self->from_row, 0);
  adw_combo_row_set_selected (self->to_row, CLAMP (to_month - 1, 0, (int) g_list_model_get_n_items (G_LIST_MODEL (self->months)) - 1));
  range_changed_cb (self);
}

/**
 * ledger_package_export_window_new:
 * @plan: the plan whose months are offered
 */
LedgerPackageExportWindow *
ledger_package_export_window_new (GtkWindow     *parent,
                                  LedgerContext *context,
                                  LedgerPlan    *plan)
{
  LedgerPackageExportWindow *self;

  g_return_val_if_fail (LEDGER_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), NULL);

  self = g_object_new (LEDGER_TYPE_PACKAGE_EXPORT_WINDOW, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  fill (self, plan);
  return self;
}

static gboolean
select_string (AdwComboRow   *row,
               GtkStringList *list,
               const char    *string)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      if (g_str_equal (gtk_string_list_get_string (list, i), string))
        {
          adw_combo_row_set_selected (row, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* Picks a unit and months, as the user would; FALSE if one is not offered. */
gboolean
ledger_package_export_window_select (LedgerPackageExportWindow *self,
                                     const char                *unit,
                                     const char                *from,
                                     const char                *to)
{
  g_return_val_if_fail (LEDGER_IS_PACKAGE_EXPORT_WINDOW (self), FALSE);

  return select_string (self->unit_row, self->units, unit) &&
         select_string (self->from_row, self->months, from) &&
         select_string (self->to_row, self->months, to);
}

/* Writes the package of the chosen unit and months to @path, in a worker
 * thread; the window closes once it is saved, and stays if it is
 * cancelled. Closing the window does not stop it. */
void
ledger_package_export_window_export (LedgerPackageExportWindow *self,
                                     const char                *path)
{
  g_autoptr(LedgerJobProgress) progress = ledger_job_progress_new ();

  g_return_if_fail (LEDGER_IS_PACKAGE_EXPORT_WINDOW (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
  self->job = ledger_job_bar_start (self->job_bar, _("Exporting…"), progress);
  g_application_hold (g_application_get_default ());
  ledger_package_export_to_file_async (ledger_context_get_store (self->context),
                                       selected (self->unit_row, self->units),
                                       selected (self->from_row, self->months),
                                       selected (self->to_row, self->months),
                                       path, progress, self->job, exported_cb, g_object_ref (self));
}
