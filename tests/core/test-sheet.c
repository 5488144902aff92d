/* test-sheet.c: a sheet read from a CSV file, and the sheet's rules for
 * empty rows and limits
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ledger-sheet.h"
#include "test-util.h"

static LedgerSheet *
sheet_of (const char *text,
          gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);
  LedgerSheet *sheet = ledger_sheet_new_from_bytes (data, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  return sheet;
}

static void
test_csv_cells (void)
{
  g_autoptr(LedgerSheet) sheet = sheet_of ("序号,重点任务\n1,\"两行\n任务\"\n\n2,x,extra\n", -1);

  g_assert_cmpint (ledger_sheet_get_format (sheet), ==, LEDGER_SHEET_CSV);
  g_assert_cmpstr (ledger_sheet_get_name (sheet), ==, "");
  g_assert_cmpuint (ledger_sheet_get_n_rows (sheet), ==, 3);
  g_assert_cmpuint (ledger_sheet_get_n_columns (sheet), ==, 3);
  g_assert_cmpstr (ledger_sheet_get_cell (sheet, 0, 1), ==, "重点任务");
  g_assert_cmpstr (ledger_sheet_get_cell (sheet, 1, 1), ==, "两行\n任务");
  g_assert_cmpstr (ledger_sheet_get_cell (sheet, 1, 2), ==, "");
  g_assert_cmpstr (ledger_sheet_get_cell (sheet, 9, 0), ==, "");
  g_assert_cmpint (ledger_sheet_get_cell_kind (sheet, 1, 2), ==, LEDGER_SHEET_CELL_EMPTY);
  g_assert_cmpint (ledger_sheet_get_cell_kind (sheet, 2, 2), ==, LEDGER_SHEET_CELL_TEXT);
  /* The row after the quoted line break starts on line 5. */
  g_assert_cmpuint (ledger_sheet_get_row_number (sheet, 2), ==, 5);
}

static void
test_csv_gb18030 (void)
{
  g_autofree char *gb = g_convert ("牵头单位,目标值\n市发改委,4.3万人\n", -1, "GB18030", "UTF-8",
                                   NULL, NULL, NULL);
  g_autoptr(LedgerSheet) sheet = sheet_of (gb, -1);

  g_assert_cmpstr (ledger_sheet_get_encoding (sheet), ==, "GB18030");
  g_assert_cmpstr (ledger_sheet_get_cell (sheet, 1, 0), ==, "市发改委");
  g_assert_cmpstr (ledger_sheet_get_cell (sheet, 1, 1), ==, "4.3万人");
}

static void
test_empty_rows (void)
{
  g_autoptr(LedgerSheet) sheet = sheet_of ("a,b\n , \u3000,\n", -1);

  g_assert_false (ledger_sheet_row_is_empty (sheet, 0));
  g_assert_true (ledger_sheet_row_is_empty (sheet, 1));
}

static void
test_too_many_columns (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerSheet) sheet = NULL;

  g_string_append (text, "a\n");
  for (guint i = 0; i <= LEDGER_SHEET_MAX_COLUMNS; i++)
    g_string_append (text, "x,");
  g_string_append (text, "\n");
  data = g_bytes_new (text->str, text->len);
  sheet = ledger_sheet_new_from_bytes (data, NULL, &error);

  g_assert_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "2"));
  g_assert_null (sheet);
}

/* An empty file is an empty sheet; its bytes have no address (the
 * sanitizers fail this test if one is read). */
static void
test_empty_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = g_bytes_new (NULL, 0);
  g_autoptr(LedgerSheet) sheet = ledger_sheet_new_from_bytes (data, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  g_assert_cmpuint (ledger_sheet_get_n_rows (sheet), ==, 0);
}

static void
test_not_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = g_bytes_new ("a\0b", 3);
  g_autoptr(LedgerSheet) sheet = ledger_sheet_new_from_bytes (data, NULL, &error);

  g_assert_nonnull (error);
  g_assert_null (sheet);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sheet/csv-cells", test_csv_cells);
  g_test_add_func ("/sheet/csv-gb18030", test_csv_gb18030);
  g_test_add_func ("/sheet/empty-rows", test_empty_rows);
  g_test_add_func ("/sheet/too-many-columns", test_too_many_columns);
  g_test_add_func ("/sheet/empty-file", test_empty_file);
  g_test_add_func ("/sheet/not-text", test_not_text);

  return g_test_run ();
}
