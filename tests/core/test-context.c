/* test-context.c: what every page looks through — the "as of" period,
 * decided in one place, and one notice to the views for each write
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ledger-context.h"
#include "test-util.h"

typedef TestLedgerFiles Fixture;

static void
count_cb (LedgerContext *context,
          gint64         indicator_id,
          guint         *count)
{
  (*count)++;
}

/* Until a period is picked, the default one follows the values, and the
 * write that moves it is still one "changed". */
static void
test_default_follows_values (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(LedgerStore) store = test_open_ledger (fixture->path);
  g_autoptr(LedgerContext) context = ledger_context_new (store);
  g_autoptr(LedgerPlan) plan = test_find_plan (store, "changzhi-2026");
  gint64 jobs = test_indicator_id (store, "changzhi-2026", "new-urban-jobs");
  guint changed = 0;

  test_set_number (store, jobs, "2026-05", 1.9, "");
  ledger_context_follow_default_as_of (context, plan);
  g_assert_cmpstr (ledger_context_get_as_of (context), ==, "2026-05");
  g_assert_true (ledger_context_get_as_of_is_default (context));
  g_signal_connect (context, "changed", G_CALLBACK (count_cb), &changed);

  /* A later month's first figure moves the period: one notice. */
  test_set_number (store, jobs, "2026-07", 2.6, "");
  g_assert_cmpstr (ledger_context_get_as_of (context), ==, "2026-07");
  g_assert_cmpuint (changed, ==, 1);

  /* A figure that moves nothing: one notice too. */
  test_set_number (store, jobs, "2026-06", 2.2, "");
  g_assert_cmpstr (ledger_context_get_as_of (context), ==, "2026-07");
  g_assert_cmpuint (changed, ==, 2);

  /* A base-year figure is never the latest: the period stays. */
  test_set_number (store, jobs, "2025-12", 4.1, "");
  g_assert_cmpstr (ledger_context_get_as_of (context), ==, "2026-07");
  g_assert_cmpuint (changed, ==, 3);
}

/* A period picked stays picked whatever is written. */
static void
test_picked_period_stays (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(LedgerStore) store = test_open_ledger (fixture->path);
  g_autoptr(LedgerContext) context = ledger_context_new (store);
  g_autoptr(LedgerPlan) plan = test_find_plan (store, "changzhi-2026");
  gint64 jobs = test_indicator_id (store, "changzhi-2026", "new-urban-jobs");
  guint changed = 0;

  ledger_context_follow_default_as_of (context, plan);
  ledger_context_set_as_of (context, "2026-03");
  g_assert_false (ledger_context_get_as_of_is_default (context));
  g_signal_connect (context, "changed", G_CALLBACK (count_cb), &changed);
  test_set_number (store, jobs, "2026-09", 3.0, "");
  g_assert_cmpstr (ledger_context_get_as_of (context), ==, "2026-03");
  g_assert_cmpuint (changed, ==, 1);
}

static double
figure_as_of (LedgerContext   *context,
              LedgerIndicator *indicator,
              const char      *as_of)
{
  g_autoptr(LedgerValue) value = NULL;

  ledger_context_set_as_of (context, as_of);
  (void) ledger_context_evaluate (context, indicator, &value);
  g_assert_nonnull (value);
  return ledger_value_get_number (value);
}

/* Going back to a period seen reads nothing from the ledger (on a server,
 * each reading is a round trip); a write through the store forgets what
 * was worked out for the indicator in every period. */
static void
test_periods_seen_are_kept (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LedgerStore) store = test_open_ledger (fixture->path);
  g_autoptr(LedgerContext) context = ledger_context_new (store);
  g_autoptr(LedgerIndicator) jobs = test_find_indicator (store, "changzhi-2026", "new-urban-jobs");
  gint64 id = ledger_indicator_get_id (jobs);
  g_autofree char *location = test_ledger_location (fixture->path);

  test_set_number (store, id, "2026-05", 1.9, "");
  test_set_number (store, id, "2026-06", 2.2, "");
  g_assert_cmpfloat (figure_as_of (context, jobs, "2026-06"), ==, 2.2);
  g_assert_cmpfloat (figure_as_of (context, jobs, "2026-05"), ==, 1.9);

  /* Changed behind the store's back: what was worked out is kept. */
  test_exec_ledger_sql (location, "UPDATE indicator_values SET value = 7 WHERE period IN ('2026-05', '2026-06')");
  g_assert_cmpfloat (figure_as_of (context, jobs, "2026-06"), ==, 2.2);
  g_assert_cmpfloat (figure_as_of (context, jobs, "2026-05"), ==, 1.9);

  /* A write through the store: both periods are read again. */
  test_set_number (store, id, "2026-06", 3.3, "");
  g_assert_cmpfloat (figure_as_of (context, jobs, "2026-06"), ==, 3.3);
  g_assert_cmpfloat (figure_as_of (context, jobs, "2026-05"), ==, 7);
}

/* The city's figures are read a plan at a time, and a write forgets only
 * the indicator written. */
static void
test_plan_read_at_once (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LedgerStore) store = test_open_ledger (fixture->path);
  g_autoptr(LedgerContext) context = ledger_context_new (store);
  g_autoptr(LedgerIndicator) jobs = test_find_indicator (store, "changzhi-2026", "new-urban-jobs");
  g_autoptr(LedgerIndicator) gdp = test_find_indicator (store, "changzhi-2026", "gdp-growth");
  g_autofree char *location = test_ledger_location (fixture->path);

  test_set_number (store, ledger_indicator_get_id (jobs), "2026-05", 1.9, "");
  test_set_number (store, ledger_indicator_get_id (gdp), "2026-Q1", 5.5, "");
  g_assert_cmpfloat (figure_as_of (context, jobs, "2026-06"), ==, 1.9);

  /* The GDP figure was read with the jobs'. */
  test_exec_ledger_sql (location, "UPDATE indicator_values SET value = 7 WHERE period = '2026-Q1'");
  g_assert_cmpfloat (figure_as_of (context, gdp, "2026-06"), ==, 5.5);
  test_set_number (store, ledger_indicator_get_id (jobs), "2026-06", 2.2, "");
  g_assert_cmpfloat (figure_as_of (context, gdp, "2026-06"), ==, 5.5);
  g_assert_cmpfloat (figure_as_of (context, jobs, "2026-06"), ==, 2.2);

  /* Its own write, or a plan's change, reads it again. */
  test_set_number (store, ledger_indicator_get_id (gdp), "2026-Q2", 5.8, "");
  g_assert_cmpfloat (figure_as_of (context, gdp, "2026-03"), ==, 7);
  g_assert_cmpfloat (figure_as_of (context, gdp, "2026-06"), ==, 5.8);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/context/default-follows-values", Fixture, NULL, test_ledger_files_set_up,
              test_default_follows_values, test_ledger_files_tear_down);
  g_test_add ("/context/picked-period-stays", Fixture, NULL, test_ledger_files_set_up,
              test_picked_period_stays, test_ledger_files_tear_down);
  g_test_add ("/context/periods-seen-are-kept", Fixture, NULL, test_ledger_files_set_up,
              test_periods_seen_are_kept, test_ledger_files_tear_down);
  g_test_add ("/context/plan-read-at-once", Fixture, NULL, test_ledger_files_set_up,
              test_plan_read_at_once, test_ledger_files_tear_down);

  return g_test_run ();
}
