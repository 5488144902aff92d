/* test-exchange.c: Import Values — a CSV file read in a worker thread, its
 * preview (to add, to change, refused), the import and its undo — and the
 * window's exports, written in a worker thread
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ledger-import-window.h"
#include "ledger-plan-file.h"
#include "ledger-test-ui.h"

typedef LedgerTestWindow Fixture;

#define PREVIEW_CSV \
  "code,period,value,note\n" \
  "new-urban-jobs,2026-05,1.8,人社局月报\n"      /* add */ \
  "signed-investment,2026-04,900,\n"             /* change 800 → 900 */ \
  "gdp-growth,2026-Q1,5.9,\n"                    /* unchanged */ \
  "no-such-indicator,2026-05,1,\n"               /* refused */ \
  "new-urban-jobs,2026-06,很多,\n"               /* refused: not a number */

static GFile *
write_csv (const char *name,
           const char *contents)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

static LedgerImportWindow *
open_import (Fixture    *fixture,
             const char *contents)
{
  g_autoptr(GFile) file = write_csv ("import.csv", contents);
  LedgerImportWindow *window = ledger_import_window_new (GTK_WINDOW (fixture->window),
                                                         ledger_window_get_context (fixture->window),
                                                         file);

  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 200 && g_str_equal (ledger_import_window_get_state (window), "working"); i++)
    ledger_test_ui_wait (25);
  return window;
}

static guint
visible_rows (LedgerImportWindow *window)
{
  GtkListView *list = ledger_test_ui_child (window, LEDGER_TYPE_IMPORT_WINDOW, "list_view");

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)));
}

/* The preview counts each kind of row and lists them by kind, problems
 * first; Import writes the values to add and change, and one undo takes
 * them back. */
static void
test_preview_and_import (Fixture       *fixture,
                         gconstpointer  data)
{
  LedgerImportWindow *window;
  GtkButton *import_button;
  LedgerCsvImport *import;

  ledger_test_window_set_number (fixture, "signed-investment", "2026-04", 800);
  ledger_test_window_set_number (fixture, "gdp-growth", "2026-Q1", 5.9);
  window = open_import (fixture, PREVIEW_CSV);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  g_assert_cmpstr (ledger_import_window_get_state (window), ==, "preview");
  import = ledger_import_window_get_import (window);
  g_assert_cmpuint (ledger_csv_import_count (import, LEDGER_IMPORT_ADD), ==, 1);
  g_assert_cmpuint (ledger_csv_import_count (import, LEDGER_IMPORT_CHANGE), ==, 1);
  g_assert_cmpuint (ledger_csv_import_count (import, LEDGER_IMPORT_UNCHANGED), ==, 1);
  g_assert_cmpuint (ledger_csv_import_count (import, LEDGER_IMPORT_REFUSED), ==, 2);

  /* Refused rows are shown first. */
  g_assert_cmpuint (visible_rows (window), ==, 2);
  ledger_test_ui_screenshot (GTK_WIDGET (window), "import-refused");
  ledger_import_window_show_rows (window, LEDGER_IMPORT_CHANGE);
  g_assert_cmpuint (visible_rows (window), ==, 1);
  ledger_test_ui_screenshot (GTK_WIDGET (window), "import-change");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  ledger_test_ui_screenshot (GTK_WIDGET (window), "import-change-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 600);
  ledger_test_ui_screenshot (GTK_WIDGET (window), "import-change-narrow");
  ledger_import_window_show_rows (window, LEDGER_IMPORT_ADD);
  g_assert_cmpuint (visible_rows (window), ==, 1);

  /* Nothing is written before Import. */
  g_assert_cmpfloat (ledger_test_window_number (fixture, "new-urban-jobs", "2026-05"), ==, -1);
  import_button = ledger_test_ui_child (window, LEDGER_TYPE_IMPORT_WINDOW, "import_button");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (import_button)));
  ledger_test_ui_click (import_button);
  ledger_test_ui_wait_until_gone ((gpointer *) &window);

  g_assert_cmpfloat (ledger_test_window_number (fixture, "new-urban-jobs", "2026-05"), ==, 1.8);
  g_assert_cmpfloat (ledger_test_window_number (fixture, "signed-investment", "2026-04"), ==, 900);

  /* The window's undo takes the whole import back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  ledger_test_ui_wait_for_job (GTK_WIDGET (fixture->window));
  g_assert_cmpfloat (ledger_test_window_number (fixture, "new-urban-jobs", "2026-05"), ==, -1);
  g_assert_cmpfloat (ledger_test_window_number (fixture, "signed-investment", "2026-04"), ==, 800);
}

static void
wait_while_working (LedgerImportWindow *window)
{
  ledger_test_ui_wait (25);
  for (guint i = 0; i < 400 && g_str_equal (ledger_import_window_get_state (window), "working"); i++)
    ledger_test_ui_wait (25);
}

/* A value of the preview changed before Import (in the window, by another
 * import): nothing is written, the window says so and shows the file read
 * again; Import then writes what it now shows. */
static void
test_changed_before_import (Fixture       *fixture,
                            gconstpointer  data)
{
  LedgerImportWindow *window;
  GtkButton *import_button;
  GtkLabel *changed_label;
  GtkListView *list_view;
  LedgerCsvImport *import;
  g_autoptr(LedgerImportRow) change = NULL;

  ledger_test_window_set_number (fixture, "signed-investment", "2026-04", 800);
  ledger_test_window_set_number (fixture, "gdp-growth", "2026-Q1", 5.9);
  window = open_import (fixture, PREVIEW_CSV);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  import_button = ledger_test_ui_child (window, LEDGER_TYPE_IMPORT_WINDOW, "import_button");
  changed_label = ledger_test_ui_child (window, LEDGER_TYPE_IMPORT_WINDOW, "changed_label");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (changed_label)));

  ledger_test_window_set_number (fixture, "signed-investment", "2026-04", 850);
  ledger_test_ui_click (import_button);
  wait_while_working (window);

  g_assert_nonnull (window);
  g_assert_cmpstr (ledger_import_window_get_state (window), ==, "preview");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (changed_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (changed_label), "2026-04"));
  g_assert_cmpfloat (ledger_test_window_number (fixture, "new-urban-jobs", "2026-05"), ==, -1);
  g_assert_cmpfloat (ledger_test_window_number (fixture, "signed-investment", "2026-04"), ==, 850);
  import = ledger_import_window_get_import (window);
  ledger_import_window_show_rows (window, LEDGER_IMPORT_CHANGE);
  g_assert_cmpuint (visible_rows (window), ==, 1);
  list_view = ledger_test_ui_child (window, LEDGER_TYPE_IMPORT_WINDOW, "list_view");
  change = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list_view)), 0);
  g_assert_nonnull (strstr (ledger_import_row_get_old_text (change), "850"));
  g_assert_cmpuint (ledger_csv_import_count (import, LEDGER_IMPORT_ADD), ==, 1);
  ledger_test_ui_screenshot (GTK_WIDGET (window), "import-changed-meanwhile");

  ledger_test_ui_click (import_button);
  ledger_test_ui_wait_until_gone ((gpointer *) &window);
  g_assert_cmpfloat (ledger_test_window_number (fixture, "new-urban-jobs", "2026-05"), ==, 1.8);
  g_assert_cmpfloat (ledger_test_window_number (fixture, "signed-investment", "2026-04"), ==, 900);
}

/* Thousands of wrong rows: a hundred are listed, the rest counted, and
 * the window stays quick. */
static void
test_many_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("code,period,value\nnew-urban-jobs,2026-05,1.8\n");
  LedgerImportWindow *window;
  GtkLabel *summary_label;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (csv, "no-such-indicator-%u,2026-05,1\n", i);
  window = open_import (fixture, csv->str);
  g_assert_cmpstr (ledger_import_window_get_state (window), ==, "preview");
  summary_label = ledger_test_ui_child (window, LEDGER_TYPE_IMPORT_WINDOW, "summary_label");
  g_assert_cmpuint (visible_rows (window), ==, LEDGER_CSV_IMPORT_REFUSED_LISTED);
  /* "… and 4900 more lines refused", in the words of the language */
  g_assert_nonnull (strstr (gtk_label_get_text (summary_label), " 4900 "));
  ledger_test_ui_wait (300);
  ledger_test_ui_screenshot (GTK_WIDGET (window), "import-many-refused");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A file that is not CSV says why, and offers nothing to import. */
static void
test_bad_file (Fixture       *fixture,
               gconstpointer  data)
{
  LedgerImportWindow *window = open_import (fixture, "name,when\n\"unclosed,2026\n");
  GtkButton *import_button = ledger_test_ui_child (window, LEDGER_TYPE_IMPORT_WINDOW, "import_button");

  g_assert_cmpstr (ledger_import_window_get_state (window), ==, "failed");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (import_button)));
  ledger_test_ui_screenshot (GTK_WIDGET (window), "import-failed");
}

/* Closing the window while it reads writes nothing. */
static void
test_close_while_reading (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("code,period,value\n");
  g_autoptr(GFile) file = NULL;
  LedgerImportWindow *window;
  guint n_changes = ledger_store_count_changes (fixture->store);

  for (int month = 2; month <= 12; month++)
    for (int i = 0; i < 2000; i++)
      g_string_append_printf (csv, "signed-investment,2026-%02d,%d\n", month, i);
  file = write_csv ("large.csv", csv->str);
  window = ledger_import_window_new (GTK_WINDOW (fixture->window),
                                     ledger_window_get_context (fixture->window), file);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (ledger_import_window_get_state (window), ==, "working");
  gtk_window_close (GTK_WINDOW (window));
  ledger_test_ui_wait (500);
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, n_changes);
}

static void
wait_for_file (const char *path)
{
  for (guint i = 0; i < 200 && !g_file_test (path, G_FILE_TEST_EXISTS); i++)
    ledger_test_ui_wait (25);
  ledger_test_ui_wait (50);
}

/* The window exports what it shows: a CSV in GB18030 that reads back, an
 * XLSX workbook, the monthly report; and an export into a missing folder
 * tells the user. */
static void
test_exports (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (g_get_user_data_dir (), "export.csv", NULL);
  g_autofree char *xlsx = g_build_filename (g_get_user_data_dir (), "export.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "report.pdf", NULL);
  g_autofree char *docx = g_build_filename (g_get_user_data_dir (), "report.docx", NULL);
  g_autofree char *bad = g_build_filename (g_get_user_data_dir (), "missing", "export.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *utf8 = NULL;
  gsize length;
  GtkWindow *dialog;

  g_remove (csv);
  g_remove (xlsx);
  g_remove (pdf);
  g_remove (docx);
  ledger_test_window_set_number (fixture, "signed-investment", "2026-04", 812.5);

  ledger_window_export (fixture->window, LEDGER_EXPORT_CSV_GB18030, csv);
  wait_for_file (csv);
  g_assert_true (g_file_get_contents (csv, &contents, &length, NULL));
  g_assert_false (g_utf8_validate_len (contents, length, NULL));
  utf8 = g_convert (contents, length, "UTF-8", "GB18030", NULL, NULL, NULL);
  g_assert_nonnull (strstr (utf8, "招商引资签约金额"));
  g_assert_nonnull (strstr (utf8, ",2026-04,812.5,"));

  ledger_window_export (fixture->window, LEDGER_EXPORT_XLSX, xlsx);
  wait_for_file (xlsx);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (xlsx, &contents, &length, NULL));
  g_assert_cmpmem (contents, 2, "PK", 2);

  /* The report, drawn in the worker: a PDF that names the plan. */
  ledger_window_export (fixture->window, LEDGER_EXPORT_REPORT, pdf);
  wait_for_file (pdf);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_cmpmem (contents, 5, "%PDF-", 5);
  g_assert_cmpuint (length, >, 10000);

  /* The same report as a Word document: a zip whose first part is the
   * package's list of contents. */
  ledger_window_export (fixture->window, LEDGER_EXPORT_REPORT_DOCX, docx);
  wait_for_file (docx);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (docx, &contents, &length, NULL));
  g_assert_cmpmem (contents, 2, "PK", 2);
  g_assert_cmpuint (length, >, 5000);
  g_assert_cmpmem (contents + 30, 19, "[Content_Types].xml", 19);

  g_assert_null (ledger_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG));
  ledger_window_export (fixture->window, LEDGER_EXPORT_XLSX, bad);
  for (guint i = 0; i < 200 && ledger_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG) == NULL; i++)
    ledger_test_ui_wait (25);
  dialog = ledger_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "export-failed");
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

/* Export a Region's Plan…: the regions of the plan shown to pick from;
 * the plan written for 潞州区 is the city's, for the region (its
 * "for_region"), read back as a plan file. */
static void
test_region_plan (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "luzhou.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GListModel *regions;
  g_autoptr(GtkStringObject) first = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-region-plan", NULL));
  dialog = ADW_MESSAGE_DIALOG (ledger_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  regions = gtk_drop_down_get_model (GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog)));
  /* The 2026 plan's 12 districts and counties and 长治高新区. */
  g_assert_cmpuint (g_list_model_get_n_items (regions), ==, 13);
  first = g_list_model_get_item (regions, 0);
  g_assert_cmpstr (gtk_string_object_get_string (first), ==, "潞州区");
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "region-plan-picker");
  adw_message_dialog_response (dialog, "cancel");
  ledger_test_ui_wait (50);

  g_remove (path);
  ledger_window_export_region_plan (fixture->window, "140403", path);
  wait_for_file (path);
  plans = ledger_plan_file_load (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  g_assert_cmpstr (ledger_plan_get_code (g_ptr_array_index (plans, 0)), ==, "changzhi-2026");
  g_assert_cmpstr (ledger_plan_get_for_region (g_ptr_array_index (plans, 0))->name, ==, "潞州区");
  g_assert_cmpuint (ledger_plan_get_regions (g_ptr_array_index (plans, 0))->len, ==, 0);
}

/* An export onto the ledger itself, however it is named, is refused with a
 * dialog naming the file; the ledger keeps its figures. */
static void
test_export_onto_ledger (Fixture       *fixture,
                         gconstpointer  data)
{
  static const LedgerExportKind kinds[] = {
    LEDGER_EXPORT_CSV, LEDGER_EXPORT_XLSX, LEDGER_EXPORT_REPORT, LEDGER_EXPORT_REPORT_DOCX,
  };
  g_autofree char *dir = g_path_get_dirname (fixture->db_path);
  g_autofree char *name = g_path_get_basename (fixture->db_path);
  g_autofree char *wal = g_strconcat (fixture->db_path, "-wal", NULL);
  g_autofree char *dotted = g_build_filename (dir, ".", name, NULL);
  const char *targets[] = { fixture->db_path, wal, dotted, fixture->db_path };
  g_autoptr(LedgerStore) fresh = NULL;
  g_autoptr(LedgerValue) value = NULL;
  g_autoptr(GError) error = NULL;

  ledger_test_window_set_number (fixture, "signed-investment", "2026-04", 812.5);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      AdwMessageDialog *dialog = NULL;

      ledger_window_export (fixture->window, kinds[i], targets[i]);
      for (guint j = 0; j < 200 && ledger_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG) == NULL; j++)
        ledger_test_ui_wait (25);
      dialog = ADW_MESSAGE_DIALOG (ledger_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG));
      g_assert_nonnull (dialog);
      g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("The Ledger Was Not Exported"));
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), targets[i]));
      if (i == 0)
        ledger_test_ui_screenshot (GTK_WIDGET (dialog), "export-onto-ledger");
      gtk_window_destroy (GTK_WINDOW (dialog));
      ledger_test_ui_wait (50);
    }
  /* Read afresh from the file: an open connection would still see a
   * ledger replaced by a rename. */
  fresh = ledger_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  value = ledger_store_get_value (fresh, ledger_test_window_id_of (fixture, "signed-investment"), "2026-04");
  g_assert_nonnull (value);
  g_assert_cmpfloat (ledger_value_get_number (value), ==, 812.5);
}

/* The label under @widget whose text holds @text, if any. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_label (child, text);

      if (label != NULL)
        return label;
    }
  return NULL;
}

/* Periods as the office wrote them: 上半年 in the "as of" year, shown
 * beside the ledger's period; 6月 for a quarterly indicator refused. */
static void
test_period_words (Fixture       *fixture,
                   gconstpointer  data)
{
  LedgerImportWindow *window = open_import (fixture, "code,period,value\n"
                                                     "new-urban-jobs,上半年,3.1\n"
                                                     "gdp-growth,6月,5.5\n");
  LedgerCsvImport *import = ledger_import_window_get_import (window);

  g_assert_cmpstr (ledger_import_window_get_state (window), ==, "preview");
  g_assert_cmpuint (ledger_csv_import_count (import, LEDGER_IMPORT_ADD), ==, 1);
  g_assert_cmpuint (ledger_csv_import_count (import, LEDGER_IMPORT_REFUSED), ==, 1);
  /* past the stack's transition */
  ledger_test_ui_wait (500);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "2026-Q2"));
  ledger_test_ui_screenshot (GTK_WIDGET (window), "import-period-unclear");
  ledger_import_window_show_rows (window, LEDGER_IMPORT_ADD);
  ledger_test_ui_wait (100);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "上半年 → "));
  ledger_test_ui_screenshot (GTK_WIDGET (window), "import-period-words");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The office's 台账 laid out wide: a column per month under the title's
 * year; a name close to an indicator's is refused, saying which; Import
 * writes the rest, and one undo takes it back. */
static void
test_wide_sheet (Fixture       *fixture,
                 gconstpointer  data)
{
  LedgerImportWindow *window = open_import (fixture,
    "长治市2026年政府工作报告目标任务台账,,,,,\n"
    "序号,指标名称,2026年目标,1-2月,1-3月,备注\n"
    "1,新增城镇就业,4.5,\"0.6万人\",1.2,\n"
    "2,招商引资 签约金额,,300,450,\n"
    "3,地区生产总值增长率,5.5,,5.6,\n");
  LedgerCsvImport *import = ledger_import_window_get_import (window);
  GtkButton *import_button;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_cmpstr (ledger_import_window_get_state (window), ==, "preview");
  g_assert_cmpuint (ledger_csv_import_count (import, LEDGER_IMPORT_ADD), ==, 4);
  g_assert_cmpuint (ledger_csv_import_count (import, LEDGER_IMPORT_REFUSED), ==, 1);
  ledger_test_ui_wait (500);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "地区生产总值增长率"));
  ledger_test_ui_screenshot (GTK_WIDGET (window), "import-wide-close-name");
  ledger_import_window_show_rows (window, LEDGER_IMPORT_ADD);
  ledger_test_ui_wait (100);
  ledger_test_ui_screenshot (GTK_WIDGET (window), "import-wide-add");

  import_button = ledger_test_ui_child (window, LEDGER_TYPE_IMPORT_WINDOW, "import_button");
  ledger_test_ui_click (import_button);
  ledger_test_ui_wait_until_gone ((gpointer *) &window);
  g_assert_cmpfloat (ledger_test_window_number (fixture, "new-urban-jobs", "2026-02"), ==, 0.6);
  g_assert_cmpfloat (ledger_test_window_number (fixture, "signed-investment", "2026-03"), ==, 450);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  ledger_test_ui_wait_for_job (GTK_WIDGET (fixture->window));
  g_assert_cmpfloat (ledger_test_window_number (fixture, "new-urban-jobs", "2026-02"), ==, -1);
  g_assert_cmpfloat (ledger_test_window_number (fixture, "signed-investment", "2026-03"), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  ledger_test_ui_init (&argc, &argv);

  g_test_add ("/import/preview-and-import", Fixture, NULL,
              ledger_test_window_set_up, test_preview_and_import, ledger_test_window_tear_down);
  g_test_add ("/import/changed-before-import", Fixture, NULL,
              ledger_test_window_set_up, test_changed_before_import, ledger_test_window_tear_down);
  g_test_add ("/import/many-refused", Fixture, NULL,
              ledger_test_window_set_up, test_many_refused, ledger_test_window_tear_down);
  g_test_add ("/import/period-words", Fixture, NULL,
              ledger_test_window_set_up, test_period_words, ledger_test_window_tear_down);
  g_test_add ("/import/wide-sheet", Fixture, NULL,
              ledger_test_window_set_up, test_wide_sheet, ledger_test_window_tear_down);
  g_test_add ("/import/bad-file", Fixture, NULL,
              ledger_test_window_set_up, test_bad_file, ledger_test_window_tear_down);
  g_test_add ("/import/close-while-reading", Fixture, NULL,
              ledger_test_window_set_up, test_close_while_reading, ledger_test_window_tear_down);

  g_test_add ("/export/csv-and-xlsx", Fixture, NULL,
              ledger_test_window_set_up, test_exports, ledger_test_window_tear_down);
  g_test_add ("/export/region-plan", Fixture, NULL,
              ledger_test_window_set_up, test_region_plan, ledger_test_window_tear_down);
  g_test_add ("/export/onto-the-ledger", Fixture, NULL,
              ledger_test_window_set_up, test_export_onto_ledger, ledger_test_window_tear_down);

  return ledger_test_ui_run ();
}
