/* test-wide-import.c: the office's own 台账 laid out wide — a column per
 * period — read from XLSX and CSV into the values import: headings, names,
 * the year of the title, and the program's own workbook imported back
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <xlsxwriter.h>

#include "ledger-csv.h"
#include "ledger-csv-import.h"
#include "ledger-indicator-index.h"
#include "ledger-sheet.h"
#include "ledger-xlsx-export.h"
#include "test-util.h"

#define PLAN_2026 "changzhi-2026"

typedef TestLedgerStore Fixture;

static double
number_of (LedgerStore *store,
           const char  *code,
           const char  *period)
{
  g_autoptr(LedgerValue) value = ledger_store_get_value (store, test_indicator_id (store, PLAN_2026, code),
                                                         period);

  g_assert_nonnull (value);
  return ledger_value_get_number (value);
}

static LedgerCsvImport *
read_file (LedgerStore *store,
           const char  *path)
{
  g_autoptr(LedgerCsvImport) import = ledger_csv_import_new ("台账");
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *data = test_read_file (path, &length);

  g_assert_true (ledger_csv_import_read (import, store, data, length, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&import);
}

/* The refused row of @line: its reason. */
static const char *
refused_reason (LedgerCsvImport *import,
                guint            line)
{
  GListModel *rows = ledger_csv_import_get_rows (import);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(LedgerImportRow) row = g_list_model_get_item (rows, i);

      if (ledger_import_row_get_line (row) == line && ledger_import_row_get_action (row) == LEDGER_IMPORT_REFUSED)
        return ledger_import_row_get_reason (row);
    }
  g_assert_not_reached ();
}

/* A 台账 as the office keeps it, after a sheet of instructions: merged
 * title rows, a 目标 column, months in Chinese, numbers as text with
 * units, empty cells, an area's heading, a name matching no indicator and
 * one close to an indicator's, a task's status in words. */
static char *
write_office_sheet (const char *dir)
{
  char *path = g_build_filename (dir, "台账.xlsx", NULL);
  lxw_workbook *book = workbook_new (path);
  lxw_worksheet *cover = workbook_add_worksheet (book, "填报说明");
  lxw_worksheet *sheet = workbook_add_worksheet (book, "2026年");
  static const char *header[] = { "序号", "指标名称", "单位", "2026年目标", "1月", "1-2月", "1-3月", "备注" };
  static const char *rows[][8] = {
    { "1", "新增城镇就业", "万人", "4.5", "0.8", "", "４.３万人", "目标4.5万人" },
    { "2", "招商引资签约项目", "个", "1500", "", "812个", "900", "" },
    { "3", "社会消费品零售总额 增长", "%", "6", "", "", "5.1", "" },
    { "4", "地区生产总值增长", "%", "5.5", "", "", "5.6", "" },
    { "5", "招商引资签约金额（亿元）", "亿元", "", "", "", "120", "" },
    { "6", "全市无此项", "个", "", "", "3", "4", "" },
    { "7", "约束性指标", "", "", "", "", "进行中", "" },
  };

  worksheet_write_string (cover, 0, 0, "请于每月5日前填报上月数据", NULL);
  worksheet_merge_range (sheet, 0, 0, 0, 7, "长治市2026年政府工作报告目标任务台账", NULL);
  worksheet_merge_range (sheet, 1, 0, 1, 7, "填报单位：市统计局", NULL);
  for (lxw_col_t c = 0; c < G_N_ELEMENTS (header); c++)
    worksheet_write_string (sheet, 2, c, header[c], NULL);
  worksheet_merge_range (sheet, 3, 0, 3, 7, "一、主要预期目标", NULL);
  for (lxw_row_t r = 0; r < G_N_ELEMENTS (rows); r++)
    for (lxw_col_t c = 0; c < G_N_ELEMENTS (rows[r]); c++)
      if (rows[r][c][0] != '\0')
        worksheet_write_string (sheet, 4 + r, c, rows[r][c], NULL);
  g_assert_cmpint (workbook_close (book), ==, LXW_NO_ERROR);
  return path;
}

/* Each filled period cell of each row is a value; the 目标 and 备注
 * columns, the heading and the empty cells are left out; a name that is
 * close to an indicator's is refused, saying which. */
static void
test_office_sheet (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = write_office_sheet (fixture->dir);
  g_autoptr(LedgerCsvImport) import = read_file (fixture->store, path);
  g_autoptr(LedgerValue) status = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (ledger_csv_import_get_encoding (import), ==, "XLSX");
  test_assert_import_counts (import, 7, 0, 0, 2);
  /* Rows are numbered as the sheet shows them; a row of an unknown name
   * is refused once, whatever its cells. */
  g_assert_nonnull (strstr (refused_reason (import, 9), "招商引资签约金额"));
  g_assert_nonnull (strstr (refused_reason (import, 9), "did you mean"));
  g_assert_nonnull (strstr (refused_reason (import, 10), "全市无此项"));
  g_assert_null (strstr (refused_reason (import, 10), "did you mean"));

  g_assert_true (ledger_csv_import_apply (import, fixture->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (number_of (fixture->store, "new-urban-jobs", "2026-01"), ==, 0.8);
  g_assert_cmpfloat (number_of (fixture->store, "new-urban-jobs", "2026-03"), ==, 4.3);
  g_assert_cmpfloat (number_of (fixture->store, "signed-projects", "2026-02"), ==, 812);
  g_assert_cmpfloat (number_of (fixture->store, "retail-sales-growth", "2026-03"), ==, 5.1);
  g_assert_cmpfloat (number_of (fixture->store, "gdp-growth", "2026-Q1"), ==, 5.6);
  status = ledger_store_get_value (fixture->store, test_indicator_id (fixture->store, PLAN_2026, "binding-targets"),
                                   "2026-Q1");
  g_assert_cmpstr (ledger_value_get_status (status), ==, "in_progress");
  g_assert_cmpuint (test_count_all_values (fixture->store), ==, 7);
}

/* Last year's 台账, saved as CSV in GB18030: its title's year makes its
 * figures the base year's (同期). */
static void
test_last_year_sheet (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char text[] =
    "长治市2025年政府工作报告目标任务完成情况,,,\n"
    "指标名称,1-6月,全年,备注\n"
    "新增城镇就业,2.9,5.1,\n"
    "地区生产总值增长,5.2,5.4,\n";
  g_autofree char *gb = g_convert (text, -1, "GB18030", "UTF-8", NULL, NULL, NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "2025.csv", NULL);
  g_autoptr(LedgerCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;

  test_write_file (path, gb, -1);
  import = read_file (fixture->store, path);
  g_assert_cmpstr (ledger_csv_import_get_encoding (import), ==, "GB18030");
  test_assert_import_counts (import, 4, 0, 0, 0);
  g_assert_true (ledger_csv_import_apply (import, fixture->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (number_of (fixture->store, "new-urban-jobs", "2025-06"), ==, 2.9);
  g_assert_cmpfloat (number_of (fixture->store, "new-urban-jobs", "2025-12"), ==, 5.1);
  g_assert_cmpfloat (number_of (fixture->store, "gdp-growth", "2025-Q2"), ==, 5.2);
  g_assert_cmpfloat (number_of (fixture->store, "gdp-growth", "2025-Q4"), ==, 5.4);
}

/* A header of two rows: the year over the months, merged, and the name's
 * heading merged down beside them. */
static void
test_two_row_header (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "two-rows.xlsx", NULL);
  lxw_workbook *book = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (book, NULL);
  g_autoptr(LedgerCsvImport) import = NULL;

  worksheet_merge_range (sheet, 0, 0, 1, 0, "指标名称", NULL);
  worksheet_merge_range (sheet, 0, 1, 0, 2, "2025年", NULL);
  worksheet_write_string (sheet, 1, 1, "1-6月", NULL);
  worksheet_write_string (sheet, 1, 2, "1-12月", NULL);
  worksheet_write_string (sheet, 2, 0, "新增城镇就业", NULL);
  worksheet_write_number (sheet, 2, 1, 2.9, NULL);
  worksheet_write_number (sheet, 2, 2, 5.1, NULL);
  g_assert_cmpint (workbook_close (book), ==, LXW_NO_ERROR);

  import = read_file (fixture->store, path);
  test_assert_import_counts (import, 2, 0, 0, 0);
  g_assert_true (ledger_csv_import_apply (import, fixture->store, NULL, NULL));
  g_assert_cmpfloat (number_of (fixture->store, "new-urban-jobs", "2025-06"), ==, 2.9);
  g_assert_cmpfloat (number_of (fixture->store, "new-urban-jobs", "2025-12"), ==, 5.1);
}

/* A sheet without a header of periods is refused as a whole, naming what
 * is missing; a long CSV file is still read as one. */
static void
test_no_header (Fixture       *fixture,
                gconstpointer  data)
{
  static const char text[] = "指标名称,单位,说明\n新增城镇就业,万人,x\n";
  g_autoptr(LedgerCsvImport) import = ledger_csv_import_new ("x.csv");
  g_autoptr(GError) error = NULL;

  g_assert_false (ledger_csv_import_read (import, fixture->store, text, strlen (text), NULL, &error));
  g_assert_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_SYNTAX);
}

/* Names: as written, then with spaces, punctuation and full-width forms
 * left out; close ones are suggested, never taken. */
static void
test_fold_name (void)
{
  g_autofree char *a = ledger_indicator_index_fold_name ("新增“专精特新”企业");
  g_autofree char *b = ledger_indicator_index_fold_name (" 新增 专精特新 企业 ");
  g_autofree char *c = ledger_indicator_index_fold_name ("ＧＤＰ（增速）");

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (c, ==, "gdp增速");
}

/* A copy of @sheet as a workbook, the cell at @row, @column holding @number
 * instead — as the office edits the program's workbook in Excel or WPS. */
static void
write_edited_copy (LedgerSheet *sheet,
                   const char  *path,
                   guint        edit_row,
                   guint        edit_column,
                   double       number)
{
  lxw_workbook *book = workbook_new (path);
  lxw_worksheet *out = workbook_add_worksheet (book, ledger_sheet_get_name (sheet));

  for (guint r = 0; r < ledger_sheet_get_n_rows (sheet); r++)
    for (guint c = 0; c < ledger_sheet_get_n_columns (sheet); c++)
      {
        const char *text = ledger_sheet_get_cell (sheet, r, c);

        if (r == edit_row && c == edit_column)
          worksheet_write_number (out, r, c, number, NULL);
        else if (ledger_sheet_get_cell_kind (sheet, r, c) == LEDGER_SHEET_CELL_NUMBER)
          worksheet_write_number (out, r, c, g_ascii_strtod (text, NULL), NULL);
        else if (text[0] != '\0')
          worksheet_write_string (out, r, c, text, NULL);
      }
  g_assert_cmpint (workbook_close (book), ==, LXW_NO_ERROR);
}

static guint
find_cell (LedgerSheet *sheet,
           guint        column,
           const char  *text,
           gboolean     in_row)
{
  guint n = in_row ? ledger_sheet_get_n_columns (sheet) : ledger_sheet_get_n_rows (sheet);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (ledger_sheet_get_cell (sheet, in_row ? column : i, in_row ? i : column), text))
      return i;
  g_assert_not_reached ();
}

/* The program's own workbook, one cell edited, imports back changing
 * exactly that value. */
static void
test_export_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  LedgerStore *store = fixture->store;
  g_autofree char *exported = g_build_filename (fixture->dir, "ledger.xlsx", NULL);
  g_autofree char *edited = g_build_filename (fixture->dir, "edited.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (exported);
  g_autoptr(LedgerSheet) sheet = NULL;
  g_autoptr(LedgerCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  LedgerPeriod june = { 2026, LEDGER_PERIOD_MONTH, 6 };
  g_autofree char *june_label = ledger_period_label (&june);
  guint header, row, column, n_values;

  test_set_number (store, test_indicator_id (store, PLAN_2026, "new-urban-jobs"), "2026-03", 1.2, "");
  test_set_number (store, test_indicator_id (store, PLAN_2026, "new-urban-jobs"), "2026-06", 3.1, "");
  test_set_number (store, test_indicator_id (store, PLAN_2026, "gdp-growth"), "2026-Q1", 5.6, "");
  test_set_number (store, test_indicator_id (store, PLAN_2026, "signed-projects"), "2026-02", 500, "");
  test_set_number (store, test_indicator_id (store, PLAN_2026, "grain-output"), "2025", 24.5, "");
  n_values = test_count_all_values (store);
  g_assert_true (ledger_xlsx_export (store, NULL, "2026-06", exported, &error));
  g_assert_no_error (error);

  sheet = ledger_sheet_new_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  header = find_cell (sheet, 2, "新增城镇就业", FALSE);
  while (header > 0 && !g_str_equal (ledger_sheet_get_cell (sheet, header, 2), ledger_sheet_get_cell (sheet, 2, 2)))
    header--;
  row = find_cell (sheet, 2, "新增城镇就业", FALSE);
  column = find_cell (sheet, header, june_label, TRUE);
  write_edited_copy (sheet, edited, row, column, 3.3);

  import = read_file (store, edited);
  test_assert_import_counts (import, 0, 1, 3, 0);
  g_assert_true (ledger_csv_import_apply (import, store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (number_of (store, "new-urban-jobs", "2026-06"), ==, 3.3);
  g_assert_cmpfloat (number_of (store, "new-urban-jobs", "2026-03"), ==, 1.2);
  g_assert_cmpuint (test_count_all_values (store), ==, n_values);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, test_ledger_store_set_up, func, test_ledger_store_tear_down)
  ADD ("/wide-import/office-sheet", test_office_sheet);
  ADD ("/wide-import/last-year", test_last_year_sheet);
  ADD ("/wide-import/two-row-header", test_two_row_header);
  ADD ("/wide-import/no-header", test_no_header);
  ADD ("/wide-import/export-round-trip", test_export_round_trip);
  g_test_add_func ("/wide-import/fold-name", test_fold_name);
#undef ADD

  return g_test_run ();
}
