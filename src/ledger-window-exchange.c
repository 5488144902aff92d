/* ledger-window-exchange.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-window-exchange"

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-csv.h"
#include "ledger-csv-exchange.h"
#include "ledger-import-window.h"
#include "ledger-job-bar.h"
#include "ledger-output-file.h"
#include "ledger-package.h"
#include "ledger-package-export-window.h"
#include "ledger-package-import-window.h"
#include "ledger-region-plan.h"
#include "ledger-report.h"
#include "ledger-report-print.h"
#include "ledger-settings.h"
#include "ledger-window-private.h"
#include "ledger-xlsx-export.h"

/* The window's imports and exports: values from CSV (with a preview) and
 * from the responsible units' data packages (with their conflicts), and
 * the ledger as CSV or as an XLSX workbook, and the monthly report as a
 * PDF or on paper. Exports are jobs of the core (exchange, report) that
 * run in a worker thread on their own connection, shown in the window's
 * job bar, and write through a temporary file, so a failed or cancelled
 * export leaves no half-written file and the window never waits. */

/* ---- import ------------------------------------------------------------ */

static void
import_csv_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        LedgerWindow    *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  LedgerImportWindow *window;

  g_object_unref (chooser);
  if (response != GTK_RESPONSE_ACCEPT || file == NULL)
    return;
  window = ledger_import_window_new (GTK_WINDOW (self), self->context, file);
  gtk_window_present (GTK_WINDOW (window));
}

static GtkFileFilter *
csv_filter (void)
{
  return ledger_window_file_filter (_("CSV Files"), "*.csv", "text/csv");
}

/* Values come as CSV, long or wide, or as a 台账 workbook. */
static GtkFileFilter *
values_filter (void)
{
  GtkFileFilter *filter = csv_filter ();

  gtk_file_filter_set_name (filter, _("CSV Files and Workbooks"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  return filter;
}

static void
import_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = values_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Values"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_csv_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_packages_response_cb (GtkNativeDialog *chooser,
                             int              response,
                             LedgerWindow    *self)
{
  g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  LedgerPackageImportWindow *window;

  g_object_unref (chooser);
  if (response != GTK_RESPONSE_ACCEPT || files == NULL || g_list_model_get_n_items (files) == 0)
    return;
  window = ledger_package_import_window_new (GTK_WINDOW (self), self->context, files);
  gtk_window_present (GTK_WINDOW (window));
}

static void
import_packages_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = ledger_window_file_filter (_("Data Packages"), "*" LEDGER_PACKAGE_EXTENSION,
                                                               "application/json");
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Data Packages"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_packages_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_package_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);

  if (self->plan != NULL)
    gtk_window_present (GTK_WINDOW (ledger_package_export_window_new (GTK_WINDOW (self), self->context,
                                                                      self->plan)));
}

/* ---- jobs -------------------------------------------------------------- */

/**
 * ledger_window_start_job:
 * @title: what the job does: "Exporting…"
 *
 * Shows a job of the core that the window started in its job bar. The
 * application stays until the job is over, even if the window closes.
 * Returns: (transfer none): the cancellable to give the job
 */
GCancellable *
ledger_window_start_job (LedgerWindow      *self,
                         const char        *title,
                         LedgerJobProgress *progress)
{
  g_application_hold (g_application_get_default ());
  return ledger_job_bar_start (self->job_bar, title, progress);
}

/**
 * ledger_window_end_job:
 * @result: the job's result
 * @heading: what the window says if the job failed
 * @error: (nullable): why it failed, from the job's _finish()
 *
 * The job is over: the job bar goes, and a failure that was not the
 * user's cancel is shown. Returns: %TRUE if the job succeeded
 */
gboolean
ledger_window_end_job (LedgerWindow *self,
                       GAsyncResult *result,
                       const char   *heading,
                       GError       *error)
{
  g_application_release (g_application_get_default ());
  ledger_job_bar_stop (self->job_bar, g_task_get_cancellable (G_TASK (result)));
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ledger_window_show_error (self, heading, error->message);
  return error == NULL;
}

/* ---- export ------------------------------------------------------------ */

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(LedgerWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  ledger_export_job_run_finish (result, &error);
  if (ledger_window_end_job (self, result, _("The Ledger Was Not Exported"), error))
    ledger_window_add_toast (self, _("Ledger exported"));
}

/**
 * ledger_window_export:
 * @path: the file to write; it is replaced only once the export succeeded
 *
 * Exports the ledger as the window shows it (with its tolerances, as of
 * its period) in a worker thread, shown in the job bar, then tells the
 * user how it went.
 */
void
ledger_window_export (LedgerWindow     *self,
                      LedgerExportKind  kind,
                      const char       *path)
{
  g_autoptr(LedgerJobProgress) progress = ledger_job_progress_new ();
  GCancellable *cancellable;

  g_return_if_fail (LEDGER_IS_WINDOW (self));
  g_return_if_fail (kind <= LEDGER_EXPORT_REPORT_DOCX);

  if (kind >= LEDGER_EXPORT_REPORT && self->plan == NULL)
    return;
  cancellable = ledger_window_start_job (self, _("Exporting…"), progress);
  switch (kind)
    {
    case LEDGER_EXPORT_CSV:
    case LEDGER_EXPORT_CSV_GB18030:
      ledger_csv_export_file_async (self->context,
                                    kind == LEDGER_EXPORT_CSV_GB18030 ? LEDGER_CSV_GB18030 : LEDGER_CSV_UTF8_BOM,
                                    path, progress, cancellable, exported_cb, g_object_ref (self));
      break;
    case LEDGER_EXPORT_XLSX:
      ledger_xlsx_export_async (self->context, path, progress, cancellable, exported_cb, g_object_ref (self));
      break;
    case LEDGER_EXPORT_REPORT:
    case LEDGER_EXPORT_REPORT_DOCX:
      ledger_report_write_async (self->context, self->plan,
                                 kind == LEDGER_EXPORT_REPORT_DOCX ? LEDGER_REPORT_DOCX : LEDGER_REPORT_PDF,
                                 path, progress, cancellable, exported_cb, g_object_ref (self));
      break;
    }
}

/* Returns: (transfer full) (nullable): the chosen file's path */
static char *
chosen_path (LedgerWindow    *self,
             GtkNativeDialog *chooser,
             int              response)
{
  g_autoptr(GFile) file = NULL;
  char *path;

  if (response != GTK_RESPONSE_ACCEPT || (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) == NULL)
    return NULL;
  if ((path = g_file_get_path (file)) == NULL)
    ledger_window_show_error (self, _("The Ledger Was Not Exported"), _("Choose a file on this computer"));
  return path;
}

static void
export_csv_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        LedgerWindow    *self)
{
  const char *encoding = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "encoding");
  g_autofree char *path = chosen_path (self, chooser, response);

  if (path != NULL)
    ledger_window_export (self, g_strcmp0 (encoding, "gb18030") == 0 ? LEDGER_EXPORT_CSV_GB18030
                                                                     : LEDGER_EXPORT_CSV, path);
  g_object_unref (chooser);
}

static void
export_xlsx_response_cb (GtkNativeDialog *chooser,
                         int              response,
                         LedgerWindow    *self)
{
  g_autofree char *path = chosen_path (self, chooser, response);

  if (path != NULL)
    ledger_window_export (self, LEDGER_EXPORT_XLSX, path);
  g_object_unref (chooser);
}

static void
export_report_response_cb (GtkNativeDialog *chooser,
                           int              response,
                           LedgerWindow    *self)
{
  g_autofree char *path = chosen_path (self, chooser, response);
  LedgerExportKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser), "export-kind"));

  if (path != NULL)
    ledger_window_export (self, kind, path);
  g_object_unref (chooser);
}

static GtkFileChooser *
save_chooser (LedgerWindow  *self,
              const char    *title,
              GtkFileFilter *filter,
              const char    *name,
              GCallback      response_cb)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", response_cb, self, 0);
  return GTK_FILE_CHOOSER (chooser);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = csv_filter ();
  static const char *ids[] = { "utf-8-bom", "gb18030", NULL };
  const char *labels[] = { _("UTF-8 (Excel, WPS)"), _("GB18030 (older Chinese Windows programs)"), NULL };
  /* Translators: the default file name of the exported ledger */
  GtkFileChooser *chooser = save_chooser (self, _("Export Ledger as CSV"), filter, _("ledger.csv"),
                                          G_CALLBACK (export_csv_response_cb));

  gtk_file_chooser_add_choice (chooser, "encoding", _("Encoding"), ids, labels);
  gtk_file_chooser_set_choice (chooser, "encoding", ids[0]);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_xlsx_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter =
    ledger_window_file_filter (_("Excel Workbooks"), "*.xlsx",
                               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  /* Translators: the default file name of the ledger as a workbook */
  GtkFileChooser *chooser = save_chooser (self, _("Export Ledger as Excel Workbook"), filter,
                                          _("ledger.xlsx"), G_CALLBACK (export_xlsx_response_cb));

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The chooser of the report's file, as a PDF or a Word document. */
static void
choose_report_file (LedgerWindow     *self,
                    LedgerExportKind  kind,
                    GtkFileFilter    *filter,
                    const char       *name)
{
  GtkFileChooser *chooser;

  if (self->plan == NULL)
    return;
  chooser = save_chooser (self, _("Save the Monthly Report"), filter, name,
                          G_CALLBACK (export_report_response_cb));
  g_object_set_data (G_OBJECT (chooser), "export-kind", GUINT_TO_POINTER (kind));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = ledger_window_file_filter (_("PDF Documents"), "*.pdf", "application/pdf");
  g_autofree char *label = ledger_period_as_of_label (ledger_context_get_as_of (self->context));
  /* Translators: the default file name of the report; %s is the period, "1-6月" */
  g_autofree char *name = g_strdup_printf (_("Progress report %s.pdf"), label);

  choose_report_file (self, LEDGER_EXPORT_REPORT, filter, name);
}

static void
export_report_docx_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter =
    ledger_window_file_filter (_("Word Documents"), "*.docx",
                               "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  g_autofree char *label = ledger_period_as_of_label (ledger_context_get_as_of (self->context));
  /* Translators: the default file name of the report as a Word document; %s is the period, "1-6月" */
  g_autofree char *name = g_strdup_printf (_("Progress report %s.docx"), label);

  choose_report_file (self, LEDGER_EXPORT_REPORT_DOCX, filter, name);
}

/* ---- a region's plan (docs/regions.md) -------------------------------- */

static void
region_plan_exported_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(LedgerWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  ledger_region_plan_export_finish (result, &error);
  if (ledger_window_end_job (self, result, _("The Region’s Plan Was Not Exported"), error))
    ledger_window_add_toast (self, _("Region’s plan exported"));
}

/**
 * ledger_window_export_region_plan:
 * @region: the region's code or name
 * @path: the plan file to write; it is replaced only once the export succeeded
 *
 * Writes the plan shown as @region's plan (docs/regions.md) in a worker
 * thread, shown in the job bar, then tells the user how it went.
 */
void
ledger_window_export_region_plan (LedgerWindow *self,
                                  const char   *region,
                                  const char   *path)
{
  g_autoptr(LedgerJobProgress) progress = ledger_job_progress_new ();
  GCancellable *cancellable;

  g_return_if_fail (LEDGER_IS_WINDOW (self));

  if (self->plan == NULL)
    return;
  cancellable = ledger_window_start_job (self, _("Exporting…"), progress);
  ledger_region_plan_export_async (ledger_context_get_store (self->context), ledger_plan_get_code (self->plan),
                                   region, path, progress, cancellable, region_plan_exported_cb,
                                   g_object_ref (self));
}

static void
export_region_plan_response_cb (GtkNativeDialog *chooser,
                                int              response,
                                LedgerWindow    *self)
{
  g_autofree char *path = chosen_path (self, chooser, response);

  if (path != NULL)
    ledger_window_export_region_plan (self, g_object_get_data (G_OBJECT (chooser), "region"), path);
  g_object_unref (chooser);
}

/* The region picked, then the file to write it to. */
static void
region_picked_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  LedgerWindow     *self)
{
  GPtrArray *regions = g_object_get_data (G_OBJECT (dialog), "regions");
  GtkDropDown *picker = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  guint chosen = gtk_drop_down_get_selected (picker);
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  LedgerRegion *region;
  GtkFileChooser *chooser;

  if (!g_str_equal (response, "export") || self->plan == NULL || chosen >= regions->len)
    return;
  region = g_ptr_array_index (regions, chosen);
  filter = ledger_window_file_filter (_("Plan Files"), "*.json", "application/json");
  name = ledger_region_plan_suggest_file_name (self->plan, region);
  chooser = save_chooser (self, _("Export a Region’s Plan"), filter, name,
                          G_CALLBACK (export_region_plan_response_cb));
  g_object_set_data_full (G_OBJECT (chooser), "region", g_strdup (region->code), g_free);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Export a Region's Plan…: the plan shown, for a region's own ledger,
 * with that region's targets. */
static void
export_region_plan_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *dialog;

  if (self->plan == NULL)
    return;
  regions = ledger_store_list_regions (ledger_context_get_store (self->context), self->plan);
  if (regions == NULL || regions->len == 0)
    {
      g_autofree char *message = g_strdup_printf (_("The plan “%s” has no regions to export a plan for"),
                                                  ledger_node_get_title (LEDGER_NODE (self->plan)));

      ledger_window_show_error (self, _("The Region’s Plan Was Not Exported"), message);
      return;
    }
  for (guint i = 0; i < regions->len; i++)
    gtk_string_list_append (names, ((LedgerRegion *) g_ptr_array_index (regions, i))->name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export a Region’s Plan"),
                                   _("The plan with the region’s own targets, for the region’s ledger. "
                                     "The figures recorded there come back as a data package, under the region."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "export", _("C_hoose File…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "regions", g_steal_pointer (&regions),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (region_picked_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_report_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);

  if (self->plan != NULL)
    ledger_report_print_run (GTK_WINDOW (self), self->context, self->plan);
}

void
ledger_window_class_install_exchange_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, import_csv_action);
  gtk_widget_class_install_action (widget_class, "win.import-packages", NULL, import_packages_action);
  gtk_widget_class_install_action (widget_class, "win.export-package", NULL, export_package_action);
  gtk_widget_class_install_action (widget_class, "win.export-region-plan", NULL, export_region_plan_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "win.export-xlsx", NULL, export_xlsx_action);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_action);
  gtk_widget_class_install_action (widget_class, "win.export-report-docx", NULL, export_report_docx_action);
  gtk_widget_class_install_action (widget_class, "win.print-report", NULL, print_report_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print-report", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import-csv", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-csv", NULL);
}
