/* test-indicator-index.c: the one index of the ledger's indicators and the
 * one classification of a value that the CSV and the package import share
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ledger-indicator-index.h"
#include "ledger-plan-file.h"
#include "test-util.h"

/* Three plans: "jobs" in the 2026 and the 2027 plan (2026 is the 2027
 * plan's base year), "shared" in two plans of 2026, and a quarterly "q". */
#define INDICATOR(uuid, code, name, frequency) \
  "{\"uuid\": \"" uuid "\", \"code\": \"" code "\", \"name\": \"" name "\", \"unit\": \"个\"," \
  " \"kind\": \"cumulative\", \"comparator\": \"at_least\", \"better\": \"higher\", \"target\": 10," \
  " \"frequency\": \"" frequency "\"}"
#define PLAN(uuid, code, title, year, area, task, indicators) \
  "{\"uuid\": \"" uuid "\", \"code\": \"" code "\", \"title\": \"" title "\", \"region\": \"测试市\"," \
  " \"first_year\": " year ", \"last_year\": " year ", \"areas\": [{\"uuid\": \"" area "\"," \
  " \"title\": \"领域\", \"tasks\": [{\"uuid\": \"" task "\", \"title\": \"任务\"," \
  " \"indicators\": [" indicators "]}]}]}"

#define PLANS \
  "{\"format\": 1, \"plans\": [" \
  PLAN ("11111111-0000-4000-8000-000000000001", "a-2026", "甲规划", "2026", \
        "11111111-0000-4000-8000-000000000002", "11111111-0000-4000-8000-000000000003", \
        INDICATOR ("11111111-0000-4000-8000-000000000004", "jobs", "就业", "monthly") "," \
        INDICATOR ("11111111-0000-4000-8000-000000000005", "shared", "共有", "monthly") "," \
        INDICATOR ("11111111-0000-4000-8000-000000000006", "q", "季度", "quarterly")) "," \
  PLAN ("22222222-0000-4000-8000-000000000001", "b-2027", "乙规划", "2027", \
        "22222222-0000-4000-8000-000000000002", "22222222-0000-4000-8000-000000000003", \
        INDICATOR ("22222222-0000-4000-8000-000000000004", "jobs", "就业", "monthly")) "," \
  PLAN ("33333333-0000-4000-8000-000000000001", "c-2026", "丙规划", "2026", \
        "33333333-0000-4000-8000-000000000002", "33333333-0000-4000-8000-000000000003", \
        INDICATOR ("33333333-0000-4000-8000-000000000004", "shared", "共有", "monthly")) \
  "]}"

#define JOBS_2026 "11111111-0000-4000-8000-000000000004"
#define JOBS_2027 "22222222-0000-4000-8000-000000000004"
#define SHARED_C "33333333-0000-4000-8000-000000000004"

typedef struct
{
  char                 *dir;
  LedgerStore          *store;
  LedgerIndicatorIndex *index;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = test_tmp_dir_new ();
  path = g_build_filename (fixture->dir, "ledger.sqlite3", NULL);
  fixture->store = ledger_store_open (path, &error);
  g_assert_no_error (error);
  plans = ledger_plan_file_parse (PLANS, -1, &error);
  g_assert_no_error (error);
  g_assert_true (ledger_store_add_plans (fixture->store, plans, &error));
  g_assert_no_error (error);
  fixture->index = ledger_indicator_index_new (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->index);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->index, ledger_indicator_index_free);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->dir, test_tmp_dir_free);
}

static LedgerPeriod
period_of (const char *code)
{
  LedgerPeriod period;

  g_assert_true (ledger_period_parse (code, &period));
  return period;
}

/* The UUID of the indicator found, or the reason none is. */
static char *
find (Fixture            *fixture,
      LedgerIndicatorKey  by,
      const char         *plan,
      const char         *key,
      const char         *period_code)
{
  LedgerPeriod period = period_of (period_code);
  char *reason = NULL;
  LedgerIndicator *found = ledger_indicator_index_find (fixture->index, by, plan, key, &period, &reason);

  g_assert_true ((found == NULL) != (reason == NULL));
  return found != NULL ? g_strdup (ledger_indicator_get_uuid (found)) : reason;
}

/* A plan of the period's very year before one whose base year it is; the
 * base year when no plan has it as its own; a plan named by code or
 * title; none for a year no plan holds. */
static void
test_find_by_year (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct
  {
    LedgerIndicatorKey  by;
    const char         *plan;
    const char         *key;
    const char         *period;
    const char         *found;
  } cases[] = {
    { LEDGER_INDICATOR_BY_CODE, "", "jobs", "2026-05", JOBS_2026 },
    { LEDGER_INDICATOR_BY_CODE, "", "jobs", "2027-05", JOBS_2027 },
    { LEDGER_INDICATOR_BY_CODE, "", "jobs", "2025-12", JOBS_2026 },
    { LEDGER_INDICATOR_BY_CODE, "b-2027", "jobs", "2026-05", JOBS_2027 },
    { LEDGER_INDICATOR_BY_NAME, "", "就业", "2027-01", JOBS_2027 },
    { LEDGER_INDICATOR_BY_NAME, "乙规划", "就业", "2026-03", JOBS_2027 },
    { LEDGER_INDICATOR_BY_CODE, "丙规划", "shared", "2026-03", SHARED_C },
    { LEDGER_INDICATOR_BY_CODE, "", "jobs", "2028-01", "There is no indicator “jobs” for 2028" },
    { LEDGER_INDICATOR_BY_CODE, "", "就业", "2026-01", "There is no indicator “就业” for 2026" },
    { LEDGER_INDICATOR_BY_CODE, "b-2027", "jobs", "2025-05", "There is no indicator “jobs” for 2025" },
    { LEDGER_INDICATOR_BY_CODE, "", "shared", "2026-03", "“shared” is in several plans; add a “plan” column" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *found = find (fixture, cases[i].by, cases[i].plan, cases[i].key, cases[i].period);

      if (!g_str_equal (found, cases[i].found))
        test_fail_and_go_on ("%s %s for %s: “%s”, not “%s”", cases[i].plan, cases[i].key,
                             cases[i].period, found, cases[i].found);
    }
}

/* The period rule and the years rule, for an indicator found by UUID. */
static void
test_fit (Fixture       *fixture,
          gconstpointer  data)
{
  LedgerIndicator *jobs = ledger_indicator_index_find_uuid (fixture->index, JOBS_2026);
  LedgerIndicator *q = ledger_indicator_index_find_uuid (fixture->index, "11111111-0000-4000-8000-000000000006");
  LedgerPeriod period;

  g_assert_nonnull (jobs);
  g_assert_nonnull (q);
  g_assert_null (ledger_indicator_index_find_uuid (fixture->index, "99999999-0000-4000-8000-000000000000"));

  period = period_of ("2026-05");
  g_assert_cmpint (ledger_indicator_index_fit (fixture->index, jobs, &period), ==, LEDGER_INDICATOR_TAKES);
  g_assert_cmpint (ledger_indicator_index_fit (fixture->index, q, &period), ==, LEDGER_INDICATOR_NOT_ITS_PERIOD);
  period = period_of ("2025-05");
  g_assert_cmpint (ledger_indicator_index_fit (fixture->index, jobs, &period), ==, LEDGER_INDICATOR_TAKES);
  period = period_of ("2027-05");
  g_assert_cmpint (ledger_indicator_index_fit (fixture->index, jobs, &period), ==, LEDGER_INDICATOR_OUTSIDE_YEARS);
  period = period_of ("2024-Q1");
  g_assert_cmpint (ledger_indicator_index_fit (fixture->index, q, &period), ==, LEDGER_INDICATOR_OUTSIDE_YEARS);
}

static LedgerImportAction
classify (Fixture          *fixture,
          LedgerIndicator  *indicator,
          double            number,
          const char       *note,
          LedgerValue     **old)
{
  g_autoptr(LedgerValue) value = ledger_value_new (ledger_indicator_get_id (indicator), "2026-05",
                                                   number, note, "");

  return ledger_indicator_index_classify (fixture->index, indicator, value, old);
}

/* Add where the ledger has nothing, unchanged for the same figure, note
 * and source, change for any other, with the ledger's value. */
static void
test_classify (Fixture       *fixture,
               gconstpointer  data)
{
  LedgerIndicator *jobs = ledger_indicator_index_find_uuid (fixture->index, JOBS_2026);
  g_autoptr(LedgerValue) old = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (classify (fixture, jobs, 3, "", &old), ==, LEDGER_IMPORT_ADD);
  g_assert_null (old);

  test_set_number (fixture->store, ledger_indicator_get_id (jobs), "2026-05", 3, "");
  /* An index remembers which indicators have values: read it again. */
  ledger_indicator_index_free (fixture->index);
  fixture->index = ledger_indicator_index_new (fixture->store, &error);
  g_assert_no_error (error);
  jobs = ledger_indicator_index_find_uuid (fixture->index, JOBS_2026);

  g_assert_cmpint (classify (fixture, jobs, 3, "", &old), ==, LEDGER_IMPORT_UNCHANGED);
  g_assert_nonnull (old);
  g_assert_cmpfloat (ledger_value_get_number (old), ==, 3);
  g_clear_object (&old);
  g_assert_cmpint (classify (fixture, jobs, 4, "", &old), ==, LEDGER_IMPORT_CHANGE);
  g_assert_cmpfloat (ledger_value_get_number (old), ==, 3);
  g_clear_object (&old);
  g_assert_cmpint (classify (fixture, jobs, 3, "据快报", NULL), ==, LEDGER_IMPORT_CHANGE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/indicator-index/find-by-year", Fixture, NULL, fixture_setup, test_find_by_year, fixture_teardown);
  g_test_add ("/indicator-index/fit", Fixture, NULL, fixture_setup, test_fit, fixture_teardown);
  g_test_add ("/indicator-index/classify", Fixture, NULL, fixture_setup, test_classify, fixture_teardown);
  return g_test_run ();
}
