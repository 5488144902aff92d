/* test-csv-import.c: the import preview (rows to add, to change, refused),
 * applying it in a worker thread with undo, cancelling, and CSV encodings
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ledger-csv.h"
#include "ledger-csv-exchange.h"
#include "test-util.h"

#define PLAN_2026 "changzhi-2026"

typedef TestLedgerStore Fixture;

static gint64
id_of (LedgerStore *store,
       const char  *code)
{
  return test_indicator_id (store, PLAN_2026, code);
}

static LedgerCsvImport *
read_ok (LedgerStore *store,
         const char  *csv)
{
  g_autoptr(LedgerCsvImport) import = ledger_csv_import_new ("test.csv");
  g_autoptr(GError) error = NULL;

  g_assert_true (ledger_csv_import_read (import, store, csv, strlen (csv), NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&import);
}

static LedgerImportRow *
row_at_line (LedgerCsvImport *import,
             guint            line)
{
  GListModel *rows = ledger_csv_import_get_rows (import);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(LedgerImportRow) row = g_list_model_get_item (rows, i);

      if (ledger_import_row_get_line (row) == line)
        return g_steal_pointer (&row);
    }
  g_assert_not_reached ();
}

#define PREVIEW_CSV \
  "code,period,value,status,note\n"                 /* 1 */ \
  "new-urban-jobs,2026-05,1.8,,\n"                  /* 2: add */ \
  "signed-investment,2026-04,900,,\n"               /* 3: change 800 → 900 */ \
  "gdp-growth,2026-Q1,5.9,,\n"                      /* 4: unchanged */ \
  "no-such-indicator,2026-05,1,,\n"                 /* 5: refused */ \
  "new-urban-jobs,2026-13,1,,\n"                    /* 6: refused */ \
  "new-urban-jobs,2026-05,2.0,,\n"                  /* 7: refused: line 2 gave it */ \
  "binding-targets,2026-Q2,,done,\n"                /* 8: add */

static void
fill_for_preview (LedgerStore *store)
{
  test_set_number (store, id_of (store, "signed-investment"), "2026-04", 800, "");
  test_set_number (store, id_of (store, "gdp-growth"), "2026-Q1", 5.9, "");
}

/* Each row is sorted against the ledger, and reading writes nothing. */
static void
test_preview_counts (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LedgerCsvImport) import = NULL;
  g_autoptr(LedgerImportRow) change = NULL;
  g_autoptr(LedgerImportRow) add = NULL;
  guint n_changes;

  fill_for_preview (fixture->store);
  n_changes = ledger_store_count_changes (fixture->store);
  import = read_ok (fixture->store, PREVIEW_CSV);

  test_assert_import_counts (import, 2, 1, 1, 3);
  g_assert_cmpstr (ledger_csv_import_get_encoding (import), ==, "UTF-8");
  g_assert_cmpfloat (ledger_csv_import_get_fraction (import), ==, 1.0);
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, n_changes);
  g_assert_null (ledger_store_get_value (fixture->store, id_of (fixture->store, "new-urban-jobs"), "2026-05"));

  change = row_at_line (import, 3);
  g_assert_cmpint (ledger_import_row_get_action (change), ==, LEDGER_IMPORT_CHANGE);
  g_assert_cmpstr (ledger_import_row_get_period (change), ==, "2026-04");
  g_assert_nonnull (strstr (ledger_import_row_get_old_text (change), "800"));
  g_assert_nonnull (strstr (ledger_import_row_get_new_text (change), "900"));

  add = row_at_line (import, 2);
  g_assert_cmpint (ledger_import_row_get_action (add), ==, LEDGER_IMPORT_ADD);
  g_assert_cmpstr (ledger_import_row_get_subject (add), ==, "新增城镇就业");
  g_assert_null (ledger_import_row_get_old_text (add));
  g_assert_nonnull (strstr (ledger_import_row_get_new_text (add), "1.8"));
}

typedef struct
{
  guint       line;
  const char *fragment;
} RefusedCase;

/* Each refused row says why, naming what was wrong. */
static void
test_preview_refused_reasons (Fixture       *fixture,
                              gconstpointer  data)
{
  static const RefusedCase cases[] = {
    { 5, "no-such-indicator" }, { 6, "2026-13" }, { 7, "Line 2" },
  };
  g_autoptr(LedgerCsvImport) import = NULL;

  fill_for_preview (fixture->store);
  import = read_ok (fixture->store, PREVIEW_CSV);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LedgerImportRow) row = row_at_line (import, cases[i].line);

      g_assert_cmpint (ledger_import_row_get_action (row), ==, LEDGER_IMPORT_REFUSED);
      g_assert_null (ledger_import_row_get_value (row));
      g_assert_nonnull (strstr (ledger_import_row_get_reason (row), cases[i].fragment));
    }
}

/* Applying writes what is to add and change, leaves out the refused rows,
 * and names the file in the change log. */
static void
test_preview_apply (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LedgerCsvImport) import = NULL;
  g_autoptr(LedgerValue) changed = NULL;
  g_autoptr(LedgerValue) added = NULL;
  g_autoptr(GListModel) log = NULL;
  g_autoptr(LedgerChange) last = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changes;

  fill_for_preview (fixture->store);
  n_changes = ledger_store_count_changes (fixture->store);
  import = read_ok (fixture->store, PREVIEW_CSV);
  g_assert_true (ledger_csv_import_apply (import, fixture->store, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, n_changes + 3);
  changed = ledger_store_get_value (fixture->store, id_of (fixture->store, "signed-investment"), "2026-04");
  g_assert_cmpfloat (ledger_value_get_number (changed), ==, 900);
  added = ledger_store_get_value (fixture->store, id_of (fixture->store, "new-urban-jobs"), "2026-05");
  g_assert_cmpfloat (ledger_value_get_number (added), ==, 1.8);
  log = ledger_store_list_changes (fixture->store, NULL);
  last = g_list_model_get_item (log, 0);
  g_assert_cmpstr (ledger_change_get_origin (last), ==, "test.csv");
}

/* Spaces around a period, as a hand-edited sheet leaves them, are read
 * away for figures and statuses alike, and the cell they name is the same
 * cell: a second row for it is refused. */
static void
test_preview_padded_periods (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(LedgerCsvImport) import = read_ok (fixture->store,
    "code,period,value,status,note\n"
    "new-urban-jobs, 2026-05 ,1.8,,\n"
    "binding-targets, 2026-Q2 ,,done,\n"
    "binding-targets,2026-Q2,,behind,\n");
  g_autoptr(LedgerValue) status = NULL;
  g_autoptr(GError) error = NULL;

  test_assert_import_counts (import, 2, 0, 0, 1);
  g_assert_true (ledger_csv_import_apply (import, fixture->store, NULL, &error));
  g_assert_no_error (error);
  status = ledger_store_get_value (fixture->store, id_of (fixture->store, "binding-targets"), "2026-Q2");
  g_assert_nonnull (status);
  g_assert_cmpstr (ledger_value_get_status (status), ==, "done");
}

/* The base year's figures (2025-xx, 同期) and January alone (2026-01)
 * where an indicator is released so come in like any value; January
 * alone stays refused where it is released with February, and so does a
 * year before the base year. */
static void
test_preview_base_year_and_january (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(LedgerCsvImport) import = read_ok (fixture->store,
    "code,period,value,status,note\n"        /* 1 */
    "new-urban-jobs,2025-05,1.7,,\n"         /* 2: base year, add */
    "gdp-growth,2025-Q4,5.2,,\n"             /* 3: base year, add */
    "binding-targets,2025-Q4,,done,\n"       /* 4: base year, add */
    "cpi-rise,2026-01,0.3,,\n"               /* 5: January alone, add */
    "pm25,2025-01,40,,\n"                    /* 6: base year's January, add */
    "signed-investment,2026-01,100,,\n"      /* 7: refused: released with February */
    "new-urban-jobs,2024-05,1.6,,\n");       /* 8: refused: before the base year */
  g_autoptr(LedgerImportRow) combined = row_at_line (import, 7);
  g_autoptr(LedgerImportRow) too_early = row_at_line (import, 8);
  g_autoptr(LedgerValue) base = NULL;
  g_autoptr(LedgerValue) january = NULL;
  g_autoptr(GError) error = NULL;

  test_assert_import_counts (import, 5, 0, 0, 2);
  g_assert_nonnull (strstr (ledger_import_row_get_reason (combined), "2026-01"));
  g_assert_nonnull (strstr (ledger_import_row_get_reason (too_early), "2024"));
  g_assert_true (ledger_csv_import_apply (import, fixture->store, NULL, &error));
  g_assert_no_error (error);
  base = ledger_store_get_value (fixture->store, id_of (fixture->store, "new-urban-jobs"), "2025-05");
  g_assert_cmpfloat (ledger_value_get_number (base), ==, 1.7);
  january = ledger_store_get_value (fixture->store, id_of (fixture->store, "cpi-rise"), "2026-01");
  g_assert_cmpfloat (ledger_value_get_number (january), ==, 0.3);
}

/* Periods as offices write them, in the year of the "as of" period when
 * they give none, read for each indicator's frequency; the preview keeps
 * what the file said beside the ledger's period. */
static void
test_preview_period_words (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char csv[] =
    "code,period,value,status,note\n"         /* 1 */
    "new-urban-jobs,上半年,3.1,,\n"            /* 2: monthly, 2026-06 */
    "gdp-growth,1-6月,5.5,,\n"                 /* 3: quarterly, 2026-Q2 */
    "cpi-rise,２０２６年１－５月,0.4,,\n"       /* 4: full-width, 2026-05 */
    "gdp-growth,2026-09,5.6,,\n"               /* 5: quarter's end, 2026-Q3 */
    "gdp-growth,6月,5.5,,\n"                   /* 6: refused: June alone, or H1? */
    "gdp-growth,1-5月,5.5,,\n";                /* 7: refused: no quarter's end */
  g_autoptr(LedgerCsvImport) import = ledger_csv_import_new ("words.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerImportRow) half = NULL;
  g_autoptr(LedgerImportRow) quarterly = NULL;
  g_autoptr(LedgerImportRow) wide = NULL;
  g_autoptr(LedgerImportRow) end = NULL;
  g_autoptr(LedgerImportRow) unclear = NULL;
  g_autoptr(LedgerImportRow) no_end = NULL;

  ledger_csv_import_set_default_year (import, 2026);
  g_assert_true (ledger_csv_import_read (import, fixture->store, csv, strlen (csv), NULL, &error));
  g_assert_no_error (error);
  test_assert_import_counts (import, 4, 0, 0, 2);
  half = row_at_line (import, 2);
  quarterly = row_at_line (import, 3);
  wide = row_at_line (import, 4);
  end = row_at_line (import, 5);
  unclear = row_at_line (import, 6);
  no_end = row_at_line (import, 7);
  g_assert_cmpstr (ledger_import_row_get_period (half), ==, "2026-06");
  g_assert_cmpstr (ledger_import_row_get_written_period (half), ==, "上半年");
  g_assert_cmpstr (ledger_import_row_get_period (quarterly), ==, "2026-Q2");
  g_assert_cmpstr (ledger_import_row_get_period (wide), ==, "2026-05");
  g_assert_cmpstr (ledger_import_row_get_period (end), ==, "2026-Q3");
  g_assert_nonnull (strstr (ledger_import_row_get_reason (unclear), "2026-Q2"));
  g_assert_nonnull (strstr (ledger_import_row_get_reason (no_end), "1-5月"));
}

/* Without a year to assume, a period written without one is refused. */
static void
test_preview_period_without_year (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(LedgerCsvImport) import = read_ok (fixture->store,
    "code,period,value,status,note\n"
    "new-urban-jobs,上半年,3.1,,\n");
  g_autoptr(LedgerImportRow) row = row_at_line (import, 2);

  test_assert_import_counts (import, 0, 0, 0, 1);
  g_assert_nonnull (strstr (ledger_import_row_get_reason (row), "上半年"));
}

/* A file that cannot be read at all fails as a whole. */
static void
test_preview_bad_file (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char *files[] = { "", "name,period\nx,2026-05\n", "code,period,value\n\"open,2026-05,1\n" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(LedgerCsvImport) import = ledger_csv_import_new ("bad.csv");
      g_autoptr(GError) error = NULL;

      g_assert_false (ledger_csv_import_read (import, fixture->store, files[i], strlen (files[i]),
                                              NULL, &error));
      g_assert_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_SYNTAX);
    }
}

/* A row shorter than the header (its period missing) is refused, not a
 * crash. */
static void
test_preview_short_row (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LedgerCsvImport) import = read_ok (fixture->store, "code,value,period\ngdp-growth,5\n");
  g_autoptr(LedgerImportRow) row = row_at_line (import, 2);

  test_assert_import_counts (import, 0, 0, 0, 1);
  g_assert_nonnull (strstr (ledger_import_row_get_reason (row), "period"));
}

static gboolean
read_in_thread (LedgerCsvImport  *import,
                LedgerStore      *store,
                const char       *csv,
                GCancellable     *cancellable,
                GError          **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));
  g_autoptr(GAsyncResult) result = NULL;

  ledger_csv_import_read_async (import, store, bytes, cancellable, test_keep_result, &result);
  return ledger_csv_import_read_finish (import, test_wait_for (&result), error);
}

static gboolean
apply_in_thread (LedgerCsvImport  *import,
                 LedgerStore      *store,
                 GCancellable     *cancellable,
                 GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ledger_csv_import_apply_async (import, store, cancellable, test_keep_result, &result);
  return ledger_csv_import_apply_finish (import, test_wait_for (&result), error);
}

static void
count_signal (LedgerStore *store,
              gint64       indicator_id,
              guint       *count)
{
  (*count)++;
}

/* Read and apply in a worker thread on its own connection: the window's
 * store hears of the values, and its undo reverts the whole import. */
static void
test_worker_apply_and_undo (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LedgerCsvImport) import = ledger_csv_import_new ("worker.csv");
  g_autoptr(LedgerValue) before = NULL;
  g_autoptr(LedgerValue) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 investment = id_of (fixture->store, "signed-investment");
  guint n_signals = 0;

  fill_for_preview (fixture->store);
  g_signal_connect (fixture->store, "values-changed", G_CALLBACK (count_signal), &n_signals);

  g_assert_true (read_in_thread (import, fixture->store, PREVIEW_CSV, NULL, &error));
  g_assert_no_error (error);
  test_assert_import_counts (import, 2, 1, 1, 3);
  g_assert_cmpuint (n_signals, ==, 0);

  g_assert_true (apply_in_thread (import, fixture->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_signals, ==, 1);
  after = ledger_store_get_value (fixture->store, investment, "2026-04");
  g_assert_cmpfloat (ledger_value_get_number (after), ==, 900);

  g_assert_true (ledger_store_can_undo (fixture->store));
  g_assert_true (ledger_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  before = ledger_store_get_value (fixture->store, investment, "2026-04");
  g_assert_cmpfloat (ledger_value_get_number (before), ==, 800);
  g_assert_null (ledger_store_get_value (fixture->store, id_of (fixture->store, "new-urban-jobs"), "2026-05"));
}

/* Cancelled, the worker writes nothing and says so. */
static void
test_worker_cancel (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LedgerCsvImport) import = ledger_csv_import_new ("cancelled.csv");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  guint n_values = test_count_all_values (fixture->store);

  g_assert_true (read_in_thread (import, fixture->store, PREVIEW_CSV, NULL, &error));
  g_cancellable_cancel (cancellable);
  g_assert_false (apply_in_thread (import, fixture->store, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (test_count_all_values (fixture->store), ==, n_values);
  g_assert_false (ledger_store_can_undo (fixture->store));

  g_clear_error (&error);
  g_assert_false (read_in_thread (import, fixture->store, PREVIEW_CSV, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Exported with a BOM or in GB18030, the ledger reads back the same. */
static void
test_encodings_round_trip (Fixture       *fixture,
                           gconstpointer  data)
{
  static const struct { LedgerCsvEncoding encoding; const char *name; } cases[] = {
    { LEDGER_CSV_UTF8_BOM, "UTF-8" }, { LEDGER_CSV_UTF8, "UTF-8" }, { LEDGER_CSV_GB18030, "GB18030" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  test_set_number (fixture->store, id_of (fixture->store, "new-urban-jobs"), "2026-05", 1.8, "同比多增");
  text = ledger_csv_export_ledger (fixture->store, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = ledger_csv_encode (text, cases[i].encoding, &error);
      g_autoptr(LedgerCsvImport) import = ledger_csv_import_new ("round-trip.csv");
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      g_assert_no_error (error);
      g_assert_cmpint (memcmp (data, "\xEF\xBB\xBF", 3) == 0, ==, cases[i].encoding == LEDGER_CSV_UTF8_BOM);
      g_assert_cmpint (g_utf8_validate_len (data, length, NULL), ==, cases[i].encoding != LEDGER_CSV_GB18030);
      g_assert_true (ledger_csv_import_read (import, fixture->store, data, length, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (ledger_csv_import_get_encoding (import), ==, cases[i].name);
      /* Every value in the file is the ledger's own. */
      test_assert_import_counts (import, 0, 0, 1, 0);
    }
}

/* A million wrong rows are not a million rows to show: the first hundred
 * are listed, the rest counted. */
static void
test_preview_many_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("code,period,value\nnew-urban-jobs,2026-05,1.8\n");
  g_autoptr(LedgerCsvImport) import = NULL;
  g_autoptr(LedgerImportRow) last = NULL;
  GListModel *rows;

  for (guint i = 0; i < 250; i++)
    g_string_append_printf (csv, "no-such-indicator-%u,2026-05,1\n", i);
  import = read_ok (fixture->store, csv->str);
  rows = ledger_csv_import_get_rows (import);
  g_assert_cmpuint (ledger_csv_import_count (import, LEDGER_IMPORT_REFUSED), ==, 250);
  g_assert_cmpuint (ledger_csv_import_count (import, LEDGER_IMPORT_ADD), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1 + LEDGER_CSV_IMPORT_REFUSED_LISTED);
  g_assert_cmpuint (ledger_csv_import_count_unlisted (import), ==, 150);
  last = g_list_model_get_item (rows, LEDGER_CSV_IMPORT_REFUSED_LISTED);
  g_assert_cmpuint (ledger_import_row_get_line (last), ==, 2 + LEDGER_CSV_IMPORT_REFUSED_LISTED);
}

/* A second connection to the ledger: another window, another process. */
static LedgerStore *
open_again (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->dir, "ledger.sqlite3", NULL);
  g_autofree char *location = test_ledger_location (path);
  g_autoptr(GError) error = NULL;
  LedgerStore *store = ledger_store_open (location, &error);

  g_assert_no_error (error);
  return store;
}

typedef struct
{
  const char *code;
  const char *period;
  double      number;
} CellCase;

/* Whatever cell of the preview another writer changes before Import — one
 * to add, to change or found unchanged — nothing is written, and the error
 * names it: the window reads the file again. */
static void
test_apply_after_change (Fixture       *fixture,
                         gconstpointer  data)
{
  static const CellCase cells[] = {
    { "new-urban-jobs", "2026-05", 1.7 },     /* to add */
    { "signed-investment", "2026-04", 850 },  /* to change */
    { "gdp-growth", "2026-Q1", 6.1 },         /* unchanged */
  };
  g_autoptr(LedgerStore) other = open_again (fixture);

  fill_for_preview (fixture->store);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autoptr(LedgerCsvImport) import = read_ok (fixture->store, PREVIEW_CSV);
      g_autoptr(GError) error = NULL;
      guint n_changes;

      test_set_number (other, id_of (other, cells[i].code), cells[i].period, cells[i].number, "");
      n_changes = ledger_store_count_changes (fixture->store);
      g_assert_false (ledger_csv_import_apply (import, fixture->store, NULL, &error));
      test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CHANGED, cells[i].period);
      g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, n_changes);
      fill_for_preview (other);
      g_assert_true (ledger_store_delete_value (other, id_of (other, "new-urban-jobs"), "2026-05", NULL));
    }
}

#define REREAD_CSV \
  "code,period,value\n" \
  "new-urban-jobs,2026-05,1.8\n" \
  "new-urban-jobs,2026-06,2.5\n" \
  "signed-investment,2026-04,900\n" \
  "gdp-growth,2026-Q1,5.9\n"

/* The command line reads the file again instead: what it then counts is
 * what the change log records. */
static void
test_apply_or_reread (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LedgerStore) other = open_again (fixture);
  g_autoptr(LedgerCsvImport) import = NULL;
  g_autoptr(LedgerValue) value = NULL;
  g_autoptr(GError) error = NULL;

  fill_for_preview (fixture->store);
  import = read_ok (fixture->store, REREAD_CSV);
  test_assert_import_counts (import, 2, 1, 1, 0);

  /* Meanwhile another writer gives a value to add another figure, and
   * the value to change the file's own. */
  test_set_number (other, id_of (other, "new-urban-jobs"), "2026-05", 1.7, "");
  test_set_number (other, id_of (other, "signed-investment"), "2026-04", 900, "");
  g_assert_true (ledger_csv_import_apply_or_reread (import, fixture->store, REREAD_CSV,
                                                    strlen (REREAD_CSV), &error));
  g_assert_no_error (error);
  test_assert_import_counts (import, 1, 1, 2, 0);
  g_assert_cmpuint (test_count_logged (fixture->store, "insert", "test.csv"), ==, 1);
  g_assert_cmpuint (test_count_logged (fixture->store, "update", "test.csv"), ==, 1);
  value = ledger_store_get_value (fixture->store, id_of (fixture->store, "new-urban-jobs"), "2026-05");
  g_assert_cmpfloat (ledger_value_get_number (value), ==, 1.8);
}

/* ---- regions (docs/regions.md) ---------------------------------------- */

static void
set_region_number (LedgerStore *store,
                   const char  *code,
                   const char  *region,
                   const char  *period,
                   double       number)
{
  g_autoptr(LedgerValue) value = ledger_value_new (id_of (store, code), period, number, "", "");
  g_autoptr(GError) error = NULL;

  ledger_value_set_region (value, region);
  g_assert_true (ledger_store_set_value (store, value, &error));
  g_assert_no_error (error);
}

/* The built-in 2026 plan's regions: 潞州区 140403, 上党区 140404, … 长治高新区 gxq. */
#define REGIONS_CSV \
  "code,period,value,region\n"             /* 1 */ \
  "new-urban-jobs,2026-05,0.3,潞州区\n"    /* 2: add, the region by its name */ \
  "new-urban-jobs,2026-05,0.2, 140404 \n"  /* 3: add, by its code, trimmed */ \
  "new-urban-jobs,2026-05,1.8,\n"          /* 4: add, the city's own */ \
  "new-urban-jobs,2026-05,0.4,140403\n"    /* 5: refused: line 2 gave 潞州区's */ \
  "new-urban-jobs,2026-05,0.1,太原市\n"    /* 6: refused: not a region of the plan */ \
  "new-urban-jobs,2026-06,0.5,gxq\n"       /* 7: change: the zone has 0.4 */ \
  "new-urban-jobs,2026-06,0.6,140403\n"    /* 8: unchanged: 潞州区 has 0.6 */

/* A row's region is its code or name; each region's cell is its own,
 * sorted against the region's figure, the city's left alone. */
static void
test_regions_preview (Fixture       *fixture,
                      gconstpointer  data)
{
  LedgerStore *store = fixture->store;
  g_autoptr(LedgerCsvImport) import = NULL;
  g_autoptr(LedgerImportRow) by_name = NULL;
  g_autoptr(LedgerImportRow) twice = NULL;
  g_autoptr(LedgerImportRow) unknown = NULL;
  g_autoptr(LedgerImportRow) change = NULL;
  g_autoptr(LedgerValue) luzhou = NULL;
  g_autoptr(LedgerValue) shangdang = NULL;
  g_autoptr(LedgerValue) city = NULL;
  g_autoptr(LedgerValue) zone = NULL;
  g_autoptr(GError) error = NULL;
  gint64 jobs = id_of (store, "new-urban-jobs");

  set_region_number (store, "new-urban-jobs", "gxq", "2026-06", 0.4);
  set_region_number (store, "new-urban-jobs", "140403", "2026-06", 0.6);
  import = read_ok (store, REGIONS_CSV);
  test_assert_import_counts (import, 3, 1, 1, 2);

  by_name = row_at_line (import, 2);
  g_assert_cmpstr (ledger_import_row_get_subject (by_name), ==, "新增城镇就业 · 潞州区");
  g_assert_cmpstr (ledger_value_get_region (ledger_import_row_get_value (by_name)), ==, "140403");
  twice = row_at_line (import, 5);
  g_assert_nonnull (strstr (ledger_import_row_get_reason (twice), "Line 2"));
  unknown = row_at_line (import, 6);
  g_assert_nonnull (strstr (ledger_import_row_get_reason (unknown), "“太原市” is not a region of the plan"));
  g_assert_nonnull (strstr (ledger_import_row_get_reason (unknown), "潞州区、上党区"));
  change = row_at_line (import, 7);
  g_assert_cmpint (ledger_import_row_get_action (change), ==, LEDGER_IMPORT_CHANGE);
  g_assert_nonnull (strstr (ledger_import_row_get_old_text (change), "0.4"));

  g_assert_true (ledger_csv_import_apply (import, store, NULL, &error));
  g_assert_no_error (error);
  luzhou = ledger_store_get_region_value (store, jobs, "140403", "2026-05");
  shangdang = ledger_store_get_region_value (store, jobs, "140404", "2026-05");
  city = ledger_store_get_value (store, jobs, "2026-05");
  zone = ledger_store_get_region_value (store, jobs, "gxq", "2026-06");
  g_assert_cmpfloat (ledger_value_get_number (luzhou), ==, 0.3);
  g_assert_cmpfloat (ledger_value_get_number (shangdang), ==, 0.2);
  g_assert_cmpfloat (ledger_value_get_number (city), ==, 1.8);
  g_assert_cmpfloat (ledger_value_get_number (zone), ==, 0.5);
}

/* The export writes a row per region's figure after the city's, the
 * region's code in "region" and the region's own target (1.2 of 4.3 万人
 * for 潞州区); read back into a new ledger, it exports the same. */
static void
test_regions_export_round_trip (Fixture       *fixture,
                                gconstpointer  data)
{
  LedgerStore *store = fixture->store;
  gint64 jobs = id_of (store, "new-urban-jobs");
  g_autoptr(GPtrArray) targets = ledger_region_targets_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *dir = test_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "copy.sqlite3", NULL);
  g_autoptr(LedgerStore) copy = NULL;
  guint n_values = 0;

  g_ptr_array_add (targets, ledger_region_target_new ("140403", 1.2));
  g_assert_true (ledger_store_set_region_targets (store, jobs, targets, &error));
  g_assert_no_error (error);
  test_set_number (store, jobs, "2026-05", 1.8, "");
  set_region_number (store, "new-urban-jobs", "140403", "2026-05", 0.3);
  set_region_number (store, "new-urban-jobs", "140404", "2026-05", 0.2);
  first = ledger_csv_export_ledger (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (first, ",note,source,region\n"));
  /* 潞州区's row: its target, its figure, none of the city's standing. */
  g_assert_nonnull (strstr (first, ",1.2,none,linear,2026-05,0.3,,,,,,,,,市人社局,false,,,,140403\n"));
  /* 上党区 has no target of its own. */
  g_assert_nonnull (strstr (first, ",,none,linear,2026-05,0.2,,,,,,,,,市人社局,false,,,,140404\n"));
  /* The city's row: its target and standing, no region. */
  g_assert_nonnull (strstr (first, ",4.3,none,linear,2026-05,1.8,"));

  copy = test_open_ledger (path);
  g_assert_true (ledger_store_set_region_targets (copy, test_indicator_id (copy, PLAN_2026, "new-urban-jobs"),
                                                  targets, &error));
  g_assert_true (ledger_csv_import_values (copy, first, strlen (first), "copy.csv", &n_values, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_values, ==, 3);
  second = ledger_csv_export_ledger (copy, NULL, &error);
  g_assert_cmpstr (first, ==, second);
  g_clear_object (&copy);
  test_tmp_dir_free (g_steal_pointer (&dir));
}

static void
test_encoding_names (void)
{
  LedgerCsvEncoding encoding = LEDGER_CSV_UTF8;

  g_assert_true (ledger_csv_encoding_from_string ("GB18030", &encoding));
  g_assert_cmpint (encoding, ==, LEDGER_CSV_GB18030);
  g_assert_true (ledger_csv_encoding_from_string ("utf-8-bom", &encoding));
  g_assert_cmpint (encoding, ==, LEDGER_CSV_UTF8_BOM);
  g_assert_false (ledger_csv_encoding_from_string ("latin1", &encoding));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, test_ledger_store_set_up, func, test_ledger_store_tear_down)

  ADD ("/csv-import/preview/counts", test_preview_counts);
  ADD ("/csv-import/preview/refused-reasons", test_preview_refused_reasons);
  ADD ("/csv-import/preview/apply", test_preview_apply);
  ADD ("/csv-import/preview/bad-file", test_preview_bad_file);
  ADD ("/csv-import/preview/short-row", test_preview_short_row);
  ADD ("/csv-import/worker/apply-and-undo", test_worker_apply_and_undo);
  ADD ("/csv-import/worker/cancel", test_worker_cancel);
  ADD ("/csv-import/encodings/round-trip", test_encodings_round_trip);
  g_test_add_func ("/csv-import/encodings/names", test_encoding_names);
  ADD ("/csv-import/preview/padded-periods", test_preview_padded_periods);
  ADD ("/csv-import/preview/base-year-and-january", test_preview_base_year_and_january);
  ADD ("/csv-import/preview/period-words", test_preview_period_words);
  ADD ("/csv-import/preview/period-without-year", test_preview_period_without_year);
  ADD ("/csv-import/preview/many-refused", test_preview_many_refused);
  ADD ("/csv-import/apply/after-change", test_apply_after_change);
  ADD ("/csv-import/apply/or-reread", test_apply_or_reread);
  ADD ("/csv-import/regions/preview", test_regions_preview);
  ADD ("/csv-import/regions/export-round-trip", test_regions_export_round_trip);
#undef ADD

  return g_test_run ();
}
