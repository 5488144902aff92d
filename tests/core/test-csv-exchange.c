/* test-csv-exchange.c: the ledger as CSV and values read back from CSV
 * (docs/csv-format.md: --export-csv / --import-csv)
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ledger-csv.h"
#include "ledger-csv-exchange.h"
#include "ledger-plan-file.h"
#include "test-util.h"

#define PLAN_2026 "changzhi-2026"
#define PLAN_15TH "changzhi-15th-five-year"

/* The columns of docs/csv-format.md, with the source of each value. */
static const char *required_columns[] = {
  "plan", "area", "task", "code", "indicator", "unit", "kind", "comparator", "better", "target",
  "commitment", "profile", "period", "value", "base_value", "yoy", "expected", "pace", "progress",
  "status", "projection", "growth_needed", "responsible_unit", "unit_confirmed", "supporting_units", "note", "source",
};

/* A note that needs every kind of quoting. */
#define TRICKY_NOTE "含灵活就业, 据\"人社局\"月报\n第二行"

typedef struct
{
  char        *dir;
  LedgerStore *store;  /* the ledger values are exported from */
  LedgerStore *other;  /* a second, fresh ledger */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *other_path = NULL;

  fixture->dir = test_tmp_dir_new ();
  path = g_build_filename (fixture->dir, "ledger.sqlite3", NULL);
  other_path = g_build_filename (fixture->dir, "other.sqlite3", NULL);
  fixture->store = test_open_ledger (path);
  fixture->other = test_open_ledger (other_path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->other);
  g_clear_pointer (&fixture->dir, test_tmp_dir_free);
}

/* ---- helpers ---------------------------------------------------------- */

static gint64
id_of (LedgerStore *store,
       const char  *code)
{
  return test_indicator_id (store, code[0] == '@' ? PLAN_15TH : PLAN_2026,
                            code[0] == '@' ? code + 1 : code);
}

static char *
export_ok (LedgerStore *store)
{
  g_autoptr(GError) error = NULL;
  char *text = ledger_csv_export_ledger (store, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

/* An exported file, parsed, with its header. */
typedef struct
{
  GPtrArray       *records;
  LedgerCsvRecord *header;
} Table;

static void
table_clear (Table *table)
{
  g_clear_pointer (&table->records, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Table, table_clear)

static void
table_init (Table      *table,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  table->records = ledger_csv_parse (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->records->len, >, 0);
  table->header = g_ptr_array_index (table->records, 0);
}

static int
column_index (Table      *table,
              const char *name)
{
  for (int i = 0; table->header->fields[i] != NULL; i++)
    if (g_str_equal (table->header->fields[i], name))
      return i;
  return -1;
}

static const char *
cell (Table           *table,
      LedgerCsvRecord *record,
      const char      *name)
{
  int index = column_index (table, name);

  g_assert_cmpint (index, >=, 0);
  g_assert_cmpuint (index, <, g_strv_length (record->fields));
  return record->fields[index];
}

/* The row of @code for @period ("" for the row of an indicator without
 * values); asserted to be the only one. */
static LedgerCsvRecord *
find_row (Table      *table,
          const char *plan,
          const char *code,
          const char *period)
{
  LedgerCsvRecord *found = NULL;

  for (guint i = 1; i < table->records->len; i++)
    {
      LedgerCsvRecord *record = g_ptr_array_index (table->records, i);

      if (g_str_equal (cell (table, record, "plan"), plan) &&
          g_str_equal (cell (table, record, "code"), code) &&
          g_str_equal (cell (table, record, "period"), period))
        {
          g_assert_null (found);
          found = record;
        }
    }
  if (found == NULL)
    g_error ("no row for %s %s “%s”", plan, code, period);
  return found;
}

static guint
count_all_indicators (LedgerStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (store, &error);
  guint count = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < plans->len; i++)
    count += ledger_plan_count_indicators (g_ptr_array_index (plans, i));
  return count;
}

static gboolean
import_text (LedgerStore  *store,
             const char   *data,
             gssize        length,
             guint        *n_values,
             GError      **error)
{
  return ledger_csv_import_values (store, data, length < 0 ? strlen (data) : (gsize) length,
                                   "test.csv", n_values, error);
}

static void
import_ok (LedgerStore *store,
           const char  *data,
           gssize       length,
           guint        expected_values)
{
  g_autoptr(GError) error = NULL;
  guint n_values = 0;

  g_assert_true (import_text (store, data, length, &n_values, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_values, ==, expected_values);
}

static void
assert_number (LedgerStore *store,
               const char  *code,
               const char  *period,
               double       number,
               const char  *note)
{
  g_autoptr(LedgerValue) value = ledger_store_get_value (store, id_of (store, code), period);

  if (value == NULL)
    g_error ("no value for %s %s", code, period);
  g_assert_true (ledger_value_has_number (value));
  g_assert_cmpfloat_with_epsilon (ledger_value_get_number (value), number, 1e-9);
  g_assert_cmpstr (ledger_value_get_note (value), ==, note);
}

/* A few values of every kind, in several periods and both plans, with
 * figures of the base year (2025) and January alone. */
static void
fill_ledger (LedgerStore *store)
{
  test_set_number (store, id_of (store, "new-urban-jobs"), "2025-06", 2.0, "同期");
  test_set_number (store, id_of (store, "new-urban-jobs"), "2025-12", 4.0, "");
  test_set_number (store, id_of (store, "cpi-rise"), "2026-01", 0.4, "");
  test_set_status (store, id_of (store, "binding-targets"), "2025-Q4", "done", "");
  test_set_number (store, id_of (store, "new-urban-jobs"), "2026-03", 1.0, "");
  test_set_number (store, id_of (store, "new-urban-jobs"), "2026-06", 2.5, TRICKY_NOTE);
  test_set_number (store, id_of (store, "gdp-growth"), "2026-Q1", 5.8, "");
  test_set_number (store, id_of (store, "cpi-rise"), "2026-05", -0.3, "");
  test_set_number (store, id_of (store, "signed-investment"), "2026-04", 1234.5678, "");
  test_set_status (store, id_of (store, "binding-targets"), "2026-Q2", "in_progress", "按计划推进");
  test_set_status (store, id_of (store, "@regional-central-city"), "2027", "done", "");
}

#define FILLED_VALUES 11
#define FILLED_INDICATORS 6

/* ---- export ----------------------------------------------------------- */

static void
test_export_fresh (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *text = export_ok (fixture->store);
  g_auto(Table) table = { NULL };
  LedgerCsvRecord *row;

  table_init (&table, text);
  for (guint i = 0; i < G_N_ELEMENTS (required_columns); i++)
    if (column_index (&table, required_columns[i]) < 0)
      g_error ("the header has no column “%s”", required_columns[i]);

  /* One row per indicator, none with a value. */
  g_assert_cmpuint (table.records->len - 1, ==, count_all_indicators (fixture->store));
  for (guint i = 1; i < table.records->len; i++)
    {
      LedgerCsvRecord *record = g_ptr_array_index (table.records, i);

      g_assert_cmpuint (g_strv_length (record->fields), ==, g_strv_length (table.header->fields));
      g_assert_cmpstr (cell (&table, record, "value"), ==, "");
      g_assert_cmpstr (cell (&table, record, "status"), ==, "no_data");
    }

  /* Machine codes and plain numbers: 4.3万人, 2000亿元, 1.7亿吨 */
  row = find_row (&table, PLAN_2026, "new-urban-jobs", "");
  g_assert_cmpstr (cell (&table, row, "indicator"), ==, "新增城镇就业");
  g_assert_cmpstr (cell (&table, row, "unit"), ==, "万人");
  g_assert_cmpstr (cell (&table, row, "kind"), ==, "cumulative");
  g_assert_cmpstr (cell (&table, row, "comparator"), ==, "at_least");
  g_assert_cmpstr (cell (&table, row, "better"), ==, "higher");
  g_assert_cmpstr (cell (&table, row, "target"), ==, "4.3");
  g_assert_cmpstr (cell (&table, find_row (&table, PLAN_2026, "signed-investment", ""), "target"),
                   ==, "2000");
  g_assert_cmpstr (cell (&table, find_row (&table, PLAN_2026, "raw-coal-output", ""), "target"),
                   ==, "1.7");
  g_assert_cmpstr (cell (&table, find_row (&table, PLAN_2026, "cpi-rise", ""), "better"), ==, "lower");

  /* Qualitative tasks are rows too, with comparator none. */
  row = find_row (&table, PLAN_2026, "binding-targets", "");
  g_assert_cmpstr (cell (&table, row, "kind"), ==, "qualitative");
  g_assert_cmpstr (cell (&table, row, "comparator"), ==, "none");
  g_assert_cmpstr (cell (&table, row, "target"), ==, "");
}

static void
test_export_values (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_auto(Table) table = { NULL };
  LedgerCsvRecord *row;

  fill_ledger (fixture->store);
  text = export_ok (fixture->store);
  table_init (&table, text);

  /* A row per value, and one for each indicator that has none. */
  g_assert_cmpuint (table.records->len - 1, ==,
                    count_all_indicators (fixture->store) - FILLED_INDICATORS + FILLED_VALUES);

  row = find_row (&table, PLAN_2026, "new-urban-jobs", "2026-06");
  g_assert_cmpstr (cell (&table, row, "value"), ==, "2.5");
  g_assert_cmpstr (cell (&table, row, "pace"), ==, "0.5");
  g_assert_cmpstr (cell (&table, row, "note"), ==, TRICKY_NOTE);
  row = find_row (&table, PLAN_2026, "new-urban-jobs", "2026-03");
  g_assert_cmpstr (cell (&table, row, "pace"), ==, "0.25");
  row = find_row (&table, PLAN_2026, "gdp-growth", "2026-Q1");
  g_assert_cmpstr (cell (&table, row, "value"), ==, "5.8");
  row = find_row (&table, PLAN_2026, "cpi-rise", "2026-05");
  g_assert_cmpstr (cell (&table, row, "value"), ==, "-0.3");
  row = find_row (&table, PLAN_2026, "signed-investment", "2026-04");
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cell (&table, row, "value"), NULL), 1234.5678, 1e-6);
  g_assert_null (strchr (cell (&table, row, "value"), ','));

  row = find_row (&table, PLAN_2026, "binding-targets", "2026-Q2");
  g_assert_cmpstr (cell (&table, row, "status"), ==, "in_progress");
  g_assert_cmpstr (cell (&table, row, "value"), ==, "");
  row = find_row (&table, PLAN_15TH, "regional-central-city", "2027");
  g_assert_cmpstr (cell (&table, row, "status"), ==, "done");
  /* A task is done or not: no pace, nothing due, no progress. */
  g_assert_cmpstr (cell (&table, row, "pace"), ==, "");
}

typedef struct
{
  const char *code;
  const char *period;
  double      value;
  const char *status;  /* as docs/domain.md defines it */
} StatusCase;

/* The status column of measured indicators, worked out from docs/domain.md:
 * - new-urban-jobs: cumulative, at least 4.3 (万人): expected = 4.3 × pace;
 *   achieved at ≥ 4.3, on track at ≥ expected, warning at ≥ 0.9 × expected
 * - gdp-growth: rate, about 6 (%), higher better: on track within 0.5 point,
 *   warning within 1 point, behind beyond; achieved only in the last period */
static const StatusCase status_cases[] = {
  { "new-urban-jobs", "2026-03", 1.0, "warning" },   /* expected 1.075, 0.9 × = 0.9675 */
  { "new-urban-jobs", "2026-04", 0.9, "behind" },    /* expected 1.433 */
  { "new-urban-jobs", "2026-06", 2.5, "on_track" },  /* expected 2.15 */
  { "new-urban-jobs", "2026-12", 4.5, "achieved" },
  { "gdp-growth", "2026-Q1", 5.2, "warning" },       /* 0.8 point below */
  { "gdp-growth", "2026-Q2", 5.8, "on_track" },      /* 0.2 point below */
  { "gdp-growth", "2026-Q3", 4.5, "behind" },        /* 1.5 points below */
};

static void
test_export_status (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_auto(Table) table = { NULL };

  for (guint i = 0; i < G_N_ELEMENTS (status_cases); i++)
    test_set_number (fixture->store, id_of (fixture->store, status_cases[i].code),
                     status_cases[i].period, status_cases[i].value, "");
  text = export_ok (fixture->store);
  table_init (&table, text);

  for (guint i = 0; i < G_N_ELEMENTS (status_cases); i++)
    {
      const StatusCase *c = &status_cases[i];
      LedgerCsvRecord *row = find_row (&table, PLAN_2026, c->code, c->period);
      const char *status = cell (&table, row, "status");

      g_assert_cmpstr (status, ==, c->status);
      /* The share of the year's target done is a total's alone. */
      if (g_str_equal (c->code, "gdp-growth"))
        g_assert_cmpstr (cell (&table, row, "progress"), ==, "");
      else
        g_assert_cmpstr (cell (&table, row, "progress"), !=, "");
    }
}

/* ---- the standing's columns ------------------------------------------ */

typedef struct
{
  const char *code;
  const char *period;
  const char *columns[12];  /* name, cell, name, cell …, NULL */
} ColumnCase;

/* The standing of each row in its columns, worked out by hand; "" where a
 * column does not apply. */
static const ColumnCase column_cases[] = {
  /* new-urban-jobs: cumulative, at least 4.3 万人, linear; 2.5 by 1-6月,
   * 2.0 by 1-6月 and 4.0 in all of the base year:
   * pace 6/12 = 0.5, expected 4.3 × 0.5 = 2.15, progress 2.5 / 4.3 =
   * 0.581395, 同比 (2.5 / 2.0 − 1) × 100 = 25, 预计全年 2.5 × 4.0 / 2.0 = 5;
   * 2.5 ≥ 2.15: on track */
  { "new-urban-jobs", "2026-06",
    { "pace", "0.5", "expected", "2.15", "progress", "0.581395", "base_value", "2",
      "yoy", "25", "projection", "5" } },
  { "new-urban-jobs", "2026-06",
    { "status", "on_track", "growth_needed", "", "commitment", "none", "profile", "linear",
      "unit_confirmed", "false", "better", "higher" } },
  /* The base year's own rows: their value, no standing. */
  { "new-urban-jobs", "2025-06",
    { "value", "2", "status", "", "pace", "", "expected", "", "progress", "", "yoy", "" } },
  { "new-urban-jobs", "2025-06", { "projection", "", "base_value", "", "note", "同期" } },
  /* gdp-growth: rate, about 6 %; the base year's totals 1000 by 二季度 and
   * 2200 in all: the year needs 2200 × 1.06 = 2332, so far 1000 × 1.055 =
   * 1055, the rest grows on 2200 − 1000 = 1200: 后续需增长
   * (2332 − 1055) / 1200 − 1 = 6.416667 %. 5.5 is 0.5 point short of 6:
   * on track. A rate has no pace, nothing due but its target, no share
   * of it done, no 预计全年. */
  { "gdp-growth", "2026-Q2",
    { "growth_needed", "6.416667", "status", "on_track", "pace", "", "expected", "",
      "progress", "", "projection", "" } },
  { "gdp-growth", "2026-Q2", { "base_value", "1000", "yoy", "" } },
  /* CPI: a rate, kept low: none of a total's columns (the CSV showed
   * progress −4 and pace 0.25 here). */
  { "cpi-rise", "2026-03", { "pace", "", "expected", "", "progress", "", "better", "lower" } },
  /* A qualitative task: no better side, no pace; firm (确保) */
  { "binding-targets", "2026-Q2",
    { "better", "", "pace", "", "expected", "", "status", "in_progress", "commitment", "firm" } },
  /* A level assessed at the year's end: 30 % by 1-3月 is not judged yet. */
  { "signed-projects-start-rate", "2026-03",
    { "status", "pending", "pace", "", "expected", "", "progress", "", "profile", "year_end" } },
  /* A milestone due in December, none yet by 一季度: pending, nothing due
   * yet, no share done; 预计全年 by the months, 0 × 12 / 3 = 0. */
  { "national-key-clinical-specialties", "2026-Q1",
    { "status", "pending", "pace", "", "expected", "", "progress", "0", "projection", "0",
      "commitment", "strive" } },
};

static void
test_export_columns (Fixture       *fixture,
                     gconstpointer  data)
{
  LedgerStore *store = fixture->store;
  g_autofree char *text = NULL;
  g_auto(Table) table = { NULL };

  test_set_number (store, id_of (store, "new-urban-jobs"), "2025-06", 2.0, "同期");
  test_set_number (store, id_of (store, "new-urban-jobs"), "2025-12", 4.0, "");
  test_set_number (store, id_of (store, "new-urban-jobs"), "2026-06", 2.5, "");
  test_set_number (store, id_of (store, "gdp-growth"), "2025-Q2", 1000, "");
  test_set_number (store, id_of (store, "gdp-growth"), "2025-Q4", 2200, "");
  test_set_number (store, id_of (store, "gdp-growth"), "2026-Q2", 5.5, "");
  test_set_number (store, id_of (store, "cpi-rise"), "2026-03", -0.12, "");
  test_set_status (store, id_of (store, "binding-targets"), "2026-Q2", "in_progress", "");
  test_set_number (store, id_of (store, "signed-projects-start-rate"), "2026-03", 30, "");
  test_set_number (store, id_of (store, "national-key-clinical-specialties"), "2026-Q1", 0, "");
  text = export_ok (store);
  table_init (&table, text);

  for (guint i = 0; i < G_N_ELEMENTS (column_cases); i++)
    {
      const ColumnCase *c = &column_cases[i];
      LedgerCsvRecord *row = find_row (&table, PLAN_2026, c->code, c->period);

      for (guint k = 0; k + 1 < G_N_ELEMENTS (c->columns) && c->columns[k] != NULL; k += 2)
        if (!g_str_equal (cell (&table, row, c->columns[k]), c->columns[k + 1]))
          test_fail_and_go_on ("%s %s: %s is “%s”, not “%s”", c->code, c->period, c->columns[k],
                               cell (&table, row, c->columns[k]), c->columns[k + 1]);
    }
}

/* ---- round trip ------------------------------------------------------- */

/* What one ledger exports, another imports, and then exports the same. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  guint n_changes;

  fill_ledger (fixture->store);
  first = export_ok (fixture->store);
  import_ok (fixture->other, first, -1, FILLED_VALUES);
  second = export_ok (fixture->other);
  g_assert_cmpstr (second, ==, first);

  assert_number (fixture->other, "new-urban-jobs", "2026-06", 2.5, TRICKY_NOTE);

  /* Importing the same file again changes nothing. */
  n_changes = ledger_store_count_changes (fixture->other);
  import_ok (fixture->other, first, -1, FILLED_VALUES);
  g_assert_cmpuint (ledger_store_count_changes (fixture->other), ==, n_changes);
  third = export_ok (fixture->other);
  g_assert_cmpstr (third, ==, first);
}

/* ---- formulas --------------------------------------------------------- */

/* A plan whose words all start like formulas. */
#define FORMULA_PLAN \
  "{\"format\": 1, \"plans\": [{\"uuid\": \"6f1c7f0e-5d0b-4b8e-9a51-3c1f7d2a9e01\"," \
  " \"code\": \"formula-2026\", \"title\": \"=plan\", \"region\": \"@region\"," \
  " \"first_year\": 2026, \"last_year\": 2026, \"areas\": [{" \
  "  \"uuid\": \"0b0c6a52-2f4e-4bb7-8a0e-3c6a4b1f2d11\", \"title\": \"=HYPERLINK(\\\"http://x\\\")\"," \
  "  \"tasks\": [{\"uuid\": \"5c3d1e2f-7a8b-4c9d-8e0f-1a2b3c4d5e21\", \"title\": \"+task\"," \
  "   \"indicators\": [{\"uuid\": \"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c31\", \"code\": \"jobs\"," \
  "    \"name\": \"-jobs\", \"unit\": \"@unit\", \"kind\": \"cumulative\", \"comparator\": \"at_least\"," \
  "    \"better\": \"higher\", \"target\": -4.5, \"frequency\": \"monthly\"," \
  "    \"responsible_unit\": \"=unit\"}]}]}]}]}"

static LedgerStore *
open_formula_ledger (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->dir, "formula.sqlite3", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerStore) store = ledger_store_open (path, &error);
  g_autoptr(GPtrArray) plans = NULL;

  g_assert_no_error (error);
  plans = ledger_plan_file_parse (FORMULA_PLAN, -1, &error);
  g_assert_no_error (error);
  g_assert_true (ledger_store_add_plans (store, plans, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

/* The columns of the ledger's CSV written as numbers, "-4.5" as it is. */
static const char *number_columns[] = {
  "target", "value", "base_value", "yoy", "expected", "pace", "progress", "projection",
  "growth_needed", NULL,
};

/* No text cell of either export starts a formula in Excel or WPS; the
 * cells of @numbers (column names) are numbers. */
static void
assert_no_formula (const char *text,
                   const char *numbers[])
{
  g_auto(Table) table = { NULL };

  table_init (&table, text);
  for (guint r = 1; r < table.records->len; r++)
    {
      LedgerCsvRecord *record = g_ptr_array_index (table.records, r);

      for (guint i = 0; record->fields[i] != NULL; i++)
        if (!g_strv_contains (numbers, table.header->fields[i]) && strchr ("=+-@", record->fields[i][0]) != NULL &&
            record->fields[i][0] != '\0')
          test_fail_and_go_on ("line %u, column %s starts a formula: %s", record->line,
                               table.header->fields[i], record->fields[i]);
    }
}

static void
test_export_formulas (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LedgerStore) store = open_formula_ledger (fixture);
  gint64 jobs = test_indicator_id (store, "formula-2026", "jobs");
  g_autofree char *text = NULL;
  g_autofree char *changes = NULL;
  g_auto(Table) table = { NULL };
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  LedgerCsvRecord *row;

  test_set_number (store, jobs, "2026-03", -1.5, "=1+1");
  g_ptr_array_add (values, ledger_value_new (jobs, "2026-04", -2, "-note", "@source"));
  g_assert_true (ledger_store_import_values (store, values, "=cmd|' /C calc'!A0.csv", &error));
  g_assert_no_error (error);

  text = export_ok (store);
  assert_no_formula (text, number_columns);
  table_init (&table, text);
  row = find_row (&table, "formula-2026", "jobs", "2026-04");
  g_assert_cmpstr (cell (&table, row, "area"), ==, "'=HYPERLINK(\"http://x\")");
  g_assert_cmpstr (cell (&table, row, "task"), ==, "'+task");
  g_assert_cmpstr (cell (&table, row, "indicator"), ==, "'-jobs");
  g_assert_cmpstr (cell (&table, row, "unit"), ==, "'@unit");
  g_assert_cmpstr (cell (&table, row, "responsible_unit"), ==, "'=unit");
  g_assert_cmpstr (cell (&table, row, "note"), ==, "'-note");
  g_assert_cmpstr (cell (&table, row, "source"), ==, "'@source");
  /* Numbers are numbers. */
  g_assert_cmpstr (cell (&table, row, "value"), ==, "-2");
  g_assert_cmpstr (cell (&table, row, "target"), ==, "-4.5");

  changes = ledger_csv_export_changes (store);
  assert_no_formula (changes, (const char *[]) { NULL });
  g_assert_nonnull (strstr (changes, ",'=cmd|' /C calc'!A0.csv\n"));
}

/* Notes that look like formulas, or like protected ones, come back as
 * they were. */
static void
test_round_trip_formulas (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char *notes[] = { "=1+1", "'=really", "''+two", "'plain", "-", "@", "a=b", "'" };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_autofree char *period = g_strdup_printf ("2026-%02u", i + 2);

      test_set_number (fixture->store, id_of (fixture->store, "new-urban-jobs"), period, i, notes[i]);
    }
  first = export_ok (fixture->store);
  import_ok (fixture->other, first, -1, G_N_ELEMENTS (notes));
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_autofree char *period = g_strdup_printf ("2026-%02u", i + 2);

      assert_number (fixture->other, "new-urban-jobs", period, i, notes[i]);
    }
  second = export_ok (fixture->other);
  g_assert_cmpstr (second, ==, first);
}

/* ---- import ----------------------------------------------------------- */

static void
test_import_by_name (Fixture       *fixture,
                     gconstpointer  data)
{
  import_ok (fixture->store,
             "indicator,period,value,note\n"
             "新增城镇就业,2026-05,1.8,按名称导入\n"
             "地区生产总值增长,2026-Q1,5.9,\n",
             -1, 2);
  assert_number (fixture->store, "new-urban-jobs", "2026-05", 1.8, "按名称导入");
  assert_number (fixture->store, "gdp-growth", "2026-Q1", 5.9, "");
}

/* Columns in any order, in any case, nameless ones left out, figures as
 * people type them. */
static void
test_import_loose (Fixture       *fixture,
                   gconstpointer  data)
{
  import_ok (fixture->store,
             "Value,Note,period,,code\r\n"
             "\"1,234.5\",x,2026-04,,signed-investment\r\n"
             "１.８万人,y,2026-05,,new-urban-jobs\r\n",
             -1, 2);
  assert_number (fixture->store, "signed-investment", "2026-04", 1234.5, "x");
  assert_number (fixture->store, "new-urban-jobs", "2026-05", 1.8, "y");
}


static void
test_import_qualitative (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LedgerValue) value = NULL;

  import_ok (fixture->store,
             "code,period,value,status,note\n"
             "binding-targets,2026-Q2,,done,全部完成\n",
             -1, 1);
  value = ledger_store_get_value (fixture->store, id_of (fixture->store, "binding-targets"), "2026-Q2");
  g_assert_nonnull (value);
  g_assert_cmpstr (ledger_value_get_status (value), ==, "done");
  g_assert_cmpstr (ledger_value_get_note (value), ==, "全部完成");
}

#define CHINESE_CSV "indicator,period,value,note\n新增城镇就业,2026-05,1.8,同比多增0.2万人\n"

static void
test_import_gb18030 (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *gb = g_convert (CHINESE_CSV, -1, "GB18030", "UTF-8", NULL, &length, &error);

  g_assert_no_error (error);
  g_assert_false (g_utf8_validate_len (gb, length, NULL));
  import_ok (fixture->store, gb, length, 1);
  assert_number (fixture->store, "new-urban-jobs", "2026-05", 1.8, "同比多增0.2万人");
}

static void
test_import_bom (Fixture       *fixture,
                 gconstpointer  data)
{
  /* With the BOM kept, the first column would be called "\uFEFFcode". */
  import_ok (fixture->store, "\xEF\xBB\xBF" "code,period,value\nnew-urban-jobs,2026-05,1.8\n", -1, 1);
  assert_number (fixture->store, "new-urban-jobs", "2026-05", 1.8, "");
}

typedef struct
{
  const char *name;
  const char *row;      /* the bad row; it lands on line 5 */
  const char *fragment; /* besides "Line 5", what the message names */
} BadRowCase;

static const BadRowCase bad_row_cases[] = {
  { "unknown-code", "no-such-indicator,2026-05,1,", "no-such-indicator" },
  { "bad-period", "new-urban-jobs,2026-13,1,", "2026-13" },
  { "empty-period", "new-urban-jobs,,1,", NULL },
  { "not-a-number", "new-urban-jobs,2026-05,abc,", "abc" },
  { "empty-value", "new-urban-jobs,2026-05,,", NULL },
  { "wrong-unit", "new-urban-jobs,2026-05,1.8亿元,", "万人" },
  { "period-of-other-frequency", "new-urban-jobs,2026-Q1,1,", "2026-Q1" },
  /* January alone only where it is released alone (new-urban-jobs is) */
  { "january", "signed-investment,2026-01,1,", "2026-01" },
  { "year-outside-plan", "new-urban-jobs,2027-05,1,", "2027" },
  { "year-before-base-year", "new-urban-jobs,2024-05,1,", "2024" },
  { "qualitative-without-status", "binding-targets,2026-Q1,1,", NULL },
};

/* Two good rows (the second with a note over two lines), then a bad one:
 * the import fails naming the bad row's line, and records nothing. */
static void
test_import_bad_row (Fixture       *fixture,
                     gconstpointer  data)
{
  const BadRowCase *bad = data;
  g_autofree char *csv = g_strconcat ("code,period,value,note\n"
                                      "gdp-growth,2026-Q1,5.8,\n"
                                      "new-urban-jobs,2026-02,0.6,\"two\nlines\"\n",
                                      bad->row, "\n",
                                      "cpi-rise,2026-05,1.1,\n", NULL);
  guint n_changes = ledger_store_count_changes (fixture->store);
  g_autoptr(GError) error = NULL;
  guint n_values = 12345;

  g_assert_false (import_text (fixture->store, csv, -1, &n_values, &error));
  g_assert_nonnull (error);
  if (strstr (error->message, "Line 5") == NULL)
    test_fail_and_go_on ("the message “%s” does not name line 5", error->message);
  if (bad->fragment != NULL && strstr (error->message, bad->fragment) == NULL)
    test_fail_and_go_on ("the message “%s” does not mention “%s”", error->message, bad->fragment);

  g_assert_cmpuint (test_count_all_values (fixture->store), ==, 0);
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, n_changes);
}

static void
assert_import_refused (LedgerStore *store,
                       const char  *data,
                       gssize       length,
                       const char  *fragment)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (import_text (store, data, length, NULL, &error));
  g_assert_nonnull (error);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("the message “%s” does not mention “%s”", error->message, fragment);
  g_assert_cmpuint (test_count_all_values (store), ==, 0);
}

static void
test_import_bad_file (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char zero_byte[] = "code,period,value\nnew-urban-jobs,2026-05,1\0\n";

  assert_import_refused (fixture->store, "", -1, NULL);
  assert_import_refused (fixture->store, "code,value\nnew-urban-jobs,1.8\n", -1, "Line 1");
  assert_import_refused (fixture->store, "period,value\n2026-05,1.8\n", -1, "Line 1");
  assert_import_refused (fixture->store,
                         "code,period,value\nnew-urban-jobs,2026-05,1.8\n\"open,2026-06,2\n",
                         -1, "Line 3");
  assert_import_refused (fixture->store, "code,period,value\nnew-urban-jobs,2026-05,1.8\n\x81\x20\n",
                         -1, "Line 3");
  assert_import_refused (fixture->store, zero_byte, sizeof zero_byte - 1, "Line 2");
}

/* A misspelt column would lose what it holds: it is refused by name, with
 * the names there are; so is a column given twice. */
static void
test_import_unknown_column (Fixture       *fixture,
                            gconstpointer  data)
{
  assert_import_refused (fixture->store, "code,period,value,notes\nnew-urban-jobs,2026-05,1.8,x\n", -1,
                         "“notes”");
  assert_import_refused (fixture->store, "code,period,value,src\nnew-urban-jobs,2026-05,1.8,x\n", -1,
                         "note, source");
  assert_import_refused (fixture->store, "code,period,value,note,note\nnew-urban-jobs,2026-05,1.8,x,y\n", -1,
                         "twice");
}

/* Tab-separated, as a copy from a sheet is saved. */
static void
test_import_tabs (Fixture       *fixture,
                  gconstpointer  data)
{
  import_ok (fixture->store, "code\tperiod\tvalue\tnote\nnew-urban-jobs\t2026-05\t1.8\t多增, 含灵活就业\n", -1, 1);
  assert_number (fixture->store, "new-urban-jobs", "2026-05", 1.8, "多增, 含灵活就业");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/csv-exchange/export/fresh", test_export_fresh);
  ADD ("/csv-exchange/export/values", test_export_values);
  ADD ("/csv-exchange/export/status", test_export_status);
  ADD ("/csv-exchange/export/columns", test_export_columns);
  ADD ("/csv-exchange/round-trip", test_round_trip);
  ADD ("/csv-exchange/import/by-name", test_import_by_name);
  ADD ("/csv-exchange/import/loose", test_import_loose);
  ADD ("/csv-exchange/import/qualitative", test_import_qualitative);
  ADD ("/csv-exchange/import/gb18030", test_import_gb18030);
  ADD ("/csv-exchange/import/bom", test_import_bom);
  ADD ("/csv-exchange/import/bad-file", test_import_bad_file);
  ADD ("/csv-exchange/import/unknown-column", test_import_unknown_column);
  ADD ("/csv-exchange/import/tabs", test_import_tabs);
  ADD ("/csv-exchange/export/formulas", test_export_formulas);
  ADD ("/csv-exchange/round-trip/formulas", test_round_trip_formulas);
  for (guint i = 0; i < G_N_ELEMENTS (bad_row_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/csv-exchange/import/bad-row/", bad_row_cases[i].name, NULL);

      g_test_add (path, Fixture, &bad_row_cases[i], fixture_setup, test_import_bad_row,
                  fixture_teardown);
    }
#undef ADD

  return g_test_run ();
}
