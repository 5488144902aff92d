/* test-cycle.c: the month's cycle: due dates, completeness and timeliness,
 * reminders, and closed periods refused on every write path
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "ledger-csv-import.h"
#include "ledger-due.h"
#include "ledger-entry-check.h"
#include "ledger-plan-file.h"
#include "ledger-report.h"
#include "test-pdf.h"
#include "ledger-reminder.h"
#include "ledger-store-cycle.h"
#include "test-util.h"

typedef struct
{
  char        *dir;
  char        *path;
  LedgerStore *store;
  LedgerPlan  *plan;
  gint64       plan_id;
  gint64       jobs;   /* monthly, 市人社局 */
  gint64       gdp;    /* quarterly, 市统计局 */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = test_tmp_dir_new ();
  fixture->path = g_build_filename (fixture->dir, "ledger.sqlite3", NULL);
  fixture->store = test_open_ledger (fixture->path);
  fixture->plan = test_find_plan (fixture->store, "changzhi-2026");
  fixture->plan_id = ledger_node_get_id (LEDGER_NODE (fixture->plan));
  fixture->jobs = test_indicator_id (fixture->store, "changzhi-2026", "new-urban-jobs");
  fixture->gdp = test_indicator_id (fixture->store, "changzhi-2026", "gdp-growth");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->plan);
  g_clear_object (&fixture->store);
  g_free (fixture->path);
  test_tmp_dir_free (fixture->dir);
}

static char *
due_of (const char *code,
        int         day,
        gboolean    skip_weekends)
{
  LedgerPeriod period;
  GDate due;

  g_assert_true (ledger_period_parse (code, &period));
  ledger_due_date (&period, day, skip_weekends, &due);
  return ledger_date_to_string (&due);
}

/* The day of the month after, clamped to that month's length; December's
 * figures are due in January; weekends count unless set not to. */
static void
test_due_dates (void)
{
  static const struct { const char *period; int day; gboolean skip; const char *due; } cases[] = {
    { "2026-01", 10, FALSE, "2026-02-10" },
    { "2026-01", 31, FALSE, "2026-02-28" },   /* February is short */
    { "2027-01", 30, FALSE, "2027-02-28" },
    { "2028-01", 31, FALSE, "2028-02-29" },   /* a leap year */
    { "2026-03", 31, FALSE, "2026-04-30" },
    { "2026-12", 10, FALSE, "2027-01-10" },   /* into the next year */
    { "2026", 20, FALSE, "2027-01-20" },
    { "2026-Q1", 15, FALSE, "2026-04-15" },
    { "2026-Q4", 15, FALSE, "2027-01-15" },
    { "2025-03", 10, FALSE, "2025-04-10" },   /* the base year */
    { "2026-09", 10, FALSE, "2026-10-10" },   /* a Saturday, kept */
    { "2026-09", 10, TRUE, "2026-10-12" },    /* moved to the Monday */
    { "2026-04", 10, TRUE, "2026-05-11" },    /* a Sunday */
    { "2026-06", 10, TRUE, "2026-07-10" },    /* a Friday stays */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *due = due_of (cases[i].period, cases[i].day, cases[i].skip);

      if (g_strcmp0 (due, cases[i].due) != 0)
        test_fail_and_go_on ("%s by day %d: %s, not %s", cases[i].period, cases[i].day, due, cases[i].due);
    }
  g_assert_cmpint (ledger_due_default_day (LEDGER_FREQUENCY_MONTHLY), ==, 10);
  g_assert_cmpint (ledger_due_default_day (LEDGER_FREQUENCY_QUARTERLY), ==, 15);
}

static LedgerDueFigure *
figure_new (const char *unit,
            const char *due,
            const char *recorded)
{
  LedgerDueFigure *figure = g_new0 (LedgerDueFigure, 1);

  figure->unit = g_strdup (unit);
  figure->code = g_strdup ("x");
  figure->period = g_strdup ("2026-03");
  g_assert_true (ledger_date_parse (due, &figure->due));
  if (!ledger_date_parse (recorded, &figure->recorded))
    g_date_clear (&figure->recorded, 1);
  return figure;
}

/* On time, late and missing figures; the worst unit first. */
static void
test_completeness_counts (void)
{
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_due_figure_free);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(LedgerCompleteness) office = NULL;
  LedgerCompleteness *worst, *best;
  GDate today;

  g_ptr_array_add (figures, figure_new ("A", "2026-04-10", "2026-04-10T23:59:00+08:00"));  /* on time */
  g_ptr_array_add (figures, figure_new ("A", "2026-04-10", "2026-04-13T08:00:00+08:00"));  /* 3 days late */
  g_ptr_array_add (figures, figure_new ("B", "2026-04-15", "2026-04-01"));                 /* early */
  g_ptr_array_add (figures, figure_new ("C", "2026-04-10", NULL));                         /* missing */
  g_ptr_array_add (figures, figure_new ("C", "2026-04-10", "2026-04-09"));
  g_date_set_dmy (&today, 20, 4, 2026);

  rows = ledger_completeness_by_unit (figures, &today, &office);
  g_assert_cmpuint (rows->len, ==, 3);
  worst = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (worst->unit, ==, "C");
  g_assert_cmpuint (worst->due, ==, 2);
  g_assert_cmpuint (worst->received, ==, 1);
  g_assert_cmpuint (worst->on_time, ==, 1);
  g_assert_cmpint (worst->days_late, ==, 10);   /* missing, as of the 20th */
  g_assert_cmpfloat (ledger_completeness_rate (worst), ==, 0.5);
  g_assert_cmpstr (((LedgerCompleteness *) g_ptr_array_index (rows, 1))->unit, ==, "A");
  g_assert_cmpint (((LedgerCompleteness *) g_ptr_array_index (rows, 1))->days_late, ==, 3);
  g_assert_cmpfloat (ledger_timeliness_rate (g_ptr_array_index (rows, 1)), ==, 0.5);
  best = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (best->unit, ==, "B");
  g_assert_cmpint (best->days_late, ==, 0);
  g_assert_cmpuint (office->due, ==, 5);
  g_assert_cmpuint (office->received, ==, 4);
  g_assert_cmpuint (office->on_time, ==, 3);
  g_assert_cmpfloat (ledger_timeliness_rate (office), ==, 0.6);
}

/* One reminder a day at most; it names the overdue units and those due
 * within three days, and is silent when all is in. A simulated year of
 * days, reminded each day it is due: one a day, never two. */
static void
test_reminders (void)
{
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_due_figure_free);
  g_autofree char *last = g_strdup ("");
  g_autofree char *text = NULL;
  GDate today;
  guint sent = 0;

  g_ptr_array_add (figures, figure_new ("市人社局", "2026-04-10", NULL));
  g_ptr_array_add (figures, figure_new ("市统计局", "2026-04-15", NULL));
  g_ptr_array_add (figures, figure_new ("市发改委", "2026-04-10", "2026-04-02"));

  g_date_set_dmy (&today, 5, 4, 2026);
  g_assert_null (ledger_reminder_compose (figures, &today));   /* 5 days ahead */
  g_date_set_dmy (&today, 7, 4, 2026);
  text = ledger_reminder_compose (figures, &today);
  g_assert_nonnull (strstr (text, "市人社局"));
  g_assert_null (strstr (text, "市统计局"));
  g_assert_null (strstr (text, "市发改委"));
  g_clear_pointer (&text, g_free);
  g_date_set_dmy (&today, 12, 4, 2026);
  text = ledger_reminder_compose (figures, &today);
  g_assert_true (g_str_has_prefix (text, "Overdue: 市人社局."));
  g_assert_nonnull (strstr (text, "Due within three days: 市统计局."));

  g_date_set_dmy (&today, 1, 1, 2026);
  for (int day = 0; day < 365; day++, g_date_add_days (&today, 1))
    {
      for (int hour = 0; hour < 24; hour++)   /* checked every hour */
        {
          if (!ledger_reminder_is_due (last, &today))
            continue;
          sent++;
          g_free (last);
          last = ledger_date_to_string (&today);
        }
    }
  g_assert_cmpuint (sent, ==, 365);
  g_assert_true (ledger_reminder_is_due ("2026-12-31", &today));  /* the next year's first day */
  g_assert_false (ledger_reminder_is_due ("2027-01-01", &today));
}

/* Back-dates the first recording of a value in the change log. */
static void
set_recorded (Fixture    *fixture,
              gint64      indicator_id,
              const char *period,
              const char *at)
{
  g_autofree char *sql = g_strdup_printf (
    "UPDATE change_sets SET at = '%s' WHERE id IN (SELECT change_set FROM changes "
    "WHERE entity_id = %" G_GINT64_FORMAT " AND period = '%s')", at, indicator_id, period);

  test_exec_sql (fixture->path, sql);
}

/* The figures due as of March: the monthly 1-3月 and the first quarter;
 * as of April only the monthly. Arrival from the change log; due days
 * from the plan, the unit and the indicator. */
static void
test_due_figures (Fixture       *fixture,
                  gconstpointer  data)
{
  if (test_skip_on_server ("back-dates the change log in the SQLite file"))
    return;

  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  LedgerDueFigure *jobs, *gdp;

  test_set_number (fixture->store, fixture->jobs, "2026-03", 1.2, "");
  set_recorded (fixture, fixture->jobs, "2026-03", "2026-04-12T09:00:00+08:00");
  test_set_number (fixture->store, fixture->jobs, "2026-03", 1.3, "");   /* a correction: not an arrival */

  figures = ledger_store_list_due_figures (fixture->store, fixture->plan, "2026-03", FALSE, &error);
  g_assert_no_error (error);
  jobs = ledger_due_figure_find (figures, fixture->jobs);
  gdp = ledger_due_figure_find (figures, fixture->gdp);
  g_assert_nonnull (jobs);
  g_assert_nonnull (gdp);
  g_assert_cmpstr (jobs->period, ==, "2026-03");
  g_assert_cmpstr (jobs->unit, ==, "市人社局");
  g_assert_cmpstr (gdp->period, ==, "2026-Q1");
  g_assert_cmpint (g_date_get_day (&jobs->due), ==, 10);
  g_assert_cmpint (g_date_get_day (&gdp->due), ==, 15);
  g_assert_cmpint (g_date_get_day (&jobs->recorded), ==, 12);
  g_assert_false (ledger_due_figure_on_time (jobs));
  g_assert_cmpint (ledger_due_figure_days_late (jobs, NULL), ==, 2);
  g_assert_false (g_date_valid (&gdp->recorded));
  g_clear_pointer (&figures, g_ptr_array_unref);

  /* Overrides: the plan's, the unit's, the indicator's, in that order. */
  g_assert_true (ledger_store_set_due_day (fixture->store, fixture->plan_id, LEDGER_DUE_FOR_FREQUENCY, "monthly", 5, &error));
  g_assert_true (ledger_store_set_due_day (fixture->store, fixture->plan_id, LEDGER_DUE_FOR_UNIT, "市统计局", 20, &error));
  g_assert_false (ledger_store_set_due_day (fixture->store, fixture->plan_id, LEDGER_DUE_FOR_UNIT, "x", 32, &error));
  g_clear_error (&error);
  figures = ledger_store_list_due_figures (fixture->store, fixture->plan, "2026-03", FALSE, &error);
  g_assert_cmpint (g_date_get_day (&ledger_due_figure_find (figures, fixture->jobs)->due), ==, 5);
  g_assert_cmpint (g_date_get_day (&ledger_due_figure_find (figures, fixture->gdp)->due), ==, 20);
  g_clear_pointer (&figures, g_ptr_array_unref);
  g_assert_true (ledger_store_set_due_day (fixture->store, fixture->plan_id, LEDGER_DUE_FOR_INDICATOR, "new-urban-jobs", 25, &error));
  figures = ledger_store_list_due_figures (fixture->store, fixture->plan, "2026-04", FALSE, &error);
  g_assert_cmpint (g_date_get_day (&ledger_due_figure_find (figures, fixture->jobs)->due), ==, 25);
  g_assert_null (ledger_due_figure_find (figures, fixture->gdp));
  g_assert_cmpint (ledger_store_get_due_day (fixture->store, fixture->plan_id, LEDGER_DUE_FOR_FREQUENCY, "monthly"), ==, 5);
}

static void
assert_closed_month (GError     **error,
                     gboolean     ok,
                     const char  *month)
{
  g_assert_false (ok);
  test_assert_error_mentions (*error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CLOSED, month);
  g_clear_error (error);
}

static void
assert_closed (GError     **error,
               gboolean     ok)
{
  assert_closed_month (error, ok, "2026-03");
}

static GPtrArray *
one_value (gint64      indicator_id,
           const char *period,
           double      number)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (values, ledger_value_new (indicator_id, period, number, "", ""));
  return values;
}

static guint
count_period_changes (Fixture *fixture)
{
  g_autoptr(GListModel) changes = ledger_store_list_changes (fixture->store, NULL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(LedgerChange) change = g_list_model_get_item (changes, i);

      n += g_strcmp0 (ledger_change_get_entity (change), "period") == 0;
    }
  return n;
}

/* A closed month refuses every write of its values — set, delete, import,
 * packages, undo, the first quarter's figure with March — and takes them
 * again once reopened with a reason; each step is in the change log. */
static void
test_closed_period (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) values = one_value (fixture->jobs, "2026-03", 9);
  g_autoptr(GPtrArray) quarter = one_value (fixture->gdp, "2026-Q1", 5.1);
  g_autoptr(GPtrArray) origins = g_ptr_array_new ();
  g_autoptr(LedgerValue) value = ledger_value_new (fixture->jobs, "2026-03", 2.0, "", "");

  test_set_number (fixture->store, fixture->jobs, "2026-03", 1.2, "");
  g_assert_true (ledger_store_set_period_state (fixture->store, fixture->plan_id, "2026-03",
                                                LEDGER_PERIOD_REVIEWED, NULL, &error));
  test_set_number (fixture->store, fixture->jobs, "2026-03", 1.25, "");   /* reviewed: still open */
  g_assert_true (ledger_store_set_period_state (fixture->store, fixture->plan_id, "2026-Q1",
                                                LEDGER_PERIOD_CLOSED, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ledger_store_get_period_state (fixture->store, fixture->plan_id, "2026-03"), ==, LEDGER_PERIOD_CLOSED);
  g_assert_cmpint (ledger_store_get_period_state (fixture->store, fixture->plan_id, "2026-04"), ==, LEDGER_PERIOD_OPEN);

  assert_closed (&error, ledger_store_set_value (fixture->store, value, &error));
  assert_closed (&error, ledger_store_delete_value (fixture->store, fixture->jobs, "2026-03", &error));
  assert_closed (&error, ledger_store_import_values (fixture->store, values, "x.csv", &error));
  assert_closed (&error, ledger_store_import_values (fixture->store, quarter, "x.csv", &error));
  g_ptr_array_add (origins, (gpointer) "市人社局 · x.tlpkg");
  assert_closed (&error, ledger_store_import_values_from (fixture->store, values, origins, NULL, NULL, &error));
  assert_closed (&error, ledger_store_undo (fixture->store, &error));   /* the 1.25 */
  assert_closed (&error, ledger_store_delete_indicator (fixture->store, fixture->jobs, &error));
  test_set_number (fixture->store, fixture->jobs, "2026-04", 1.6, "");   /* April is open */

  /* Reopening needs a reason. */
  g_assert_false (ledger_store_set_period_state (fixture->store, fixture->plan_id, "2026-03",
                                                 LEDGER_PERIOD_OPEN, "  ", &error));
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (ledger_store_set_period_state (fixture->store, fixture->plan_id, "2026-03",
                                                LEDGER_PERIOD_OPEN, "市人社局 corrected March", &error));
  g_assert_true (ledger_store_set_value (fixture->store, value, &error));
  g_assert_true (ledger_store_import_values (fixture->store, quarter, "x.csv", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_period_changes (fixture), ==, 3);   /* reviewed, closed, reopened */
  {
    g_autoptr(GListModel) changes = ledger_store_list_changes (fixture->store, NULL);
    g_autoptr(LedgerChange) reopened = NULL;

    for (guint i = 0; reopened == NULL && i < g_list_model_get_n_items (changes); i++)
      {
        g_autoptr(LedgerChange) change = g_list_model_get_item (changes, i);

        if (g_strcmp0 (ledger_change_get_entity (change), "period") == 0)
          reopened = g_steal_pointer (&change);
      }
    g_assert_nonnull (strstr (ledger_change_get_new (reopened), "市人社局 corrected March"));
    g_assert_cmpstr (ledger_change_get_period (reopened), ==, "2026-03");
    g_assert_cmpstr (ledger_change_get_by (reopened), !=, "");
  }
}

static LedgerIndicator *
indicator_new (LedgerKind  kind,
               const char *unit)
{
  return g_object_new (LEDGER_TYPE_INDICATOR, "code", "x", "name", "x", "unit", unit, "kind", kind,
                       "frequency", LEDGER_FREQUENCY_MONTHLY, NULL);
}

/* Monthly history: the base year's and this year's, by period and number. */
static GListModel *
history_new (const char * const *periods,
             const double       *numbers,
             guint               n)
{
  GListStore *history = g_list_store_new (LEDGER_TYPE_VALUE);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LedgerValue) value = ledger_value_new (1, periods[i], numbers[i], "", "");

      g_list_store_append (history, value);
    }
  return G_LIST_MODEL (history);
}

static LedgerCheck
check_number_within (LedgerIndicator         *indicator,
                     GListModel              *history,
                     const char              *period,
                     double                   number,
                     const char              *note,
                     const LedgerCheckLimits *limits,
                     gboolean                *refused)
{
  g_autoptr(LedgerValue) value = ledger_value_new (1, period, number, note, "");
  g_autoptr(GError) error = NULL;
  LedgerCheck check = ledger_entry_check (indicator, history, value, limits);

  *refused = ledger_entry_check_refuses (check, value, limits, &error);
  g_assert_true (*refused == (error != NULL));
  return check;
}

static LedgerCheck
check_number (LedgerIndicator *indicator,
              GListModel      *history,
              const char      *period,
              double           number,
              const char      *note,
              gboolean        *refused)
{
  return check_number_within (indicator, history, period, number, note, NULL, refused);
}

/* Each check at its threshold, and the note that lets a flagged figure in. */
static void
test_entry_checks (void)
{
  static const char *periods[] = { "2025-02", "2025-03", "2025-04", "2025-05", "2025-06",
                                   "2026-02", "2026-03", "2026-04" };
  static const double jobs[] = { 0.6, 0.9, 1.2, 1.5, 1.8, 0.7, 1.0, 1.3 };   /* +0.3 a month */
  g_autoptr(LedgerIndicator) cumulative = indicator_new (LEDGER_KIND_CUMULATIVE, "万人");
  g_autoptr(LedgerIndicator) rate = indicator_new (LEDGER_KIND_RATE, "%");
  g_autoptr(LedgerIndicator) level = indicator_new (LEDGER_KIND_LEVEL, "%");
  g_autoptr(GListModel) history = history_new (periods, jobs, G_N_ELEMENTS (jobs));
  g_autoptr(GListModel) empty = G_LIST_MODEL (g_list_store_new (LEDGER_TYPE_VALUE));
  gboolean refused;

  /* The usual +0.3: fine; a drop below April's 1.3: flagged, refused
   * without a note, taken with one. */
  g_assert_cmpint (check_number (cumulative, history, "2026-05", 1.6, "", &refused), ==, LEDGER_CHECK_OK);
  g_assert_false (refused);
  g_assert_cmpint (check_number (cumulative, history, "2026-05", 1.2, "", &refused), ==, LEDGER_CHECK_CUMULATIVE_DROP);
  g_assert_true (refused);
  g_assert_cmpint (check_number (cumulative, history, "2026-05", 1.2, "核减重复统计", &refused), ==,
                   LEDGER_CHECK_CUMULATIVE_DROP);
  g_assert_false (refused);
  g_assert_cmpint (check_number (cumulative, history, "2026-05", 1.2, "  ", &refused), ==, LEDGER_CHECK_CUMULATIVE_DROP);
  g_assert_true (refused);   /* spaces explain nothing */
  /* Every change was +0.3: no spread, so the threshold is 5 × 0.3 off it. */
  g_assert_cmpint (check_number (cumulative, history, "2026-05", 1.3 + 0.3 + 1.49, "", &refused), ==, LEDGER_CHECK_OK);
  g_assert_cmpint (check_number (cumulative, history, "2026-05", 1.3 + 0.3 + 1.51, "", &refused), ==,
                   LEDGER_CHECK_UNUSUAL_CHANGE);
  g_assert_true (refused);
  /* Too little history to judge a change. */
  g_assert_cmpint (check_number (cumulative, empty, "2026-05", 99, "", &refused), ==, LEDGER_CHECK_OK);

  g_assert_cmpint (check_number (rate, empty, "2026-05", 50, "", &refused), ==, LEDGER_CHECK_OK);
  g_assert_cmpint (check_number (rate, empty, "2026-05", 50.1, "", &refused), ==, LEDGER_CHECK_RATE_RANGE);
  g_assert_cmpint (check_number (rate, empty, "2026-05", -50.1, "", &refused), ==, LEDGER_CHECK_RATE_RANGE);
  g_assert_cmpint (check_number (level, empty, "2026-05", 100, "", &refused), ==, LEDGER_CHECK_OK);
  g_assert_cmpint (check_number (level, empty, "2026-05", 100.5, "", &refused), ==, LEDGER_CHECK_LEVEL_OVER_100);
  g_assert_true (refused);
}

/* The thresholds as set in Preferences: each check moves with its own,
 * and the message says the threshold set. */
static void
test_entry_check_limits (void)
{
  static const char *periods[] = { "2026-01", "2026-02", "2026-03", "2026-04", "2026-05" };
  static const double jobs[] = { 0.3, 0.6, 0.9, 1.2, 1.5 };
  g_autoptr(LedgerIndicator) cumulative = indicator_new (LEDGER_KIND_CUMULATIVE, "万人");
  g_autoptr(LedgerIndicator) rate = indicator_new (LEDGER_KIND_RATE, "%");
  g_autoptr(LedgerIndicator) level = indicator_new (LEDGER_KIND_LEVEL, "%");
  g_autoptr(GListModel) history = history_new (periods, jobs, G_N_ELEMENTS (jobs));
  g_autoptr(GListModel) empty = G_LIST_MODEL (g_list_store_new (LEDGER_TYPE_VALUE));
  g_autofree char *rate_text = NULL, *level_text = NULL, *times_text = NULL;
  LedgerCheckLimits limits;
  gboolean refused;

  ledger_check_limits_init_default (&limits);
  g_assert_cmpfloat (limits.times, ==, 5);
  g_assert_cmpfloat (limits.rate_low, ==, -50);
  g_assert_cmpfloat (limits.rate_high, ==, 50);
  g_assert_cmpfloat (limits.level_high, ==, 100);
  limits.times = 2;
  limits.rate_low = -10;
  limits.rate_high = 20;
  limits.level_high = 95;
  /* +0.3 usual: 2 × 0.3 off it is the new edge. */
  g_assert_cmpint (check_number_within (cumulative, history, "2026-06", 1.5 + 0.3 + 0.59, "", &limits, &refused), ==,
                   LEDGER_CHECK_OK);
  g_assert_cmpint (check_number_within (cumulative, history, "2026-06", 1.5 + 0.3 + 0.61, "", &limits, &refused), ==,
                   LEDGER_CHECK_UNUSUAL_CHANGE);
  g_assert_cmpint (check_number (cumulative, history, "2026-06", 1.5 + 0.3 + 0.61, "", &refused), ==, LEDGER_CHECK_OK);
  g_assert_cmpint (check_number_within (rate, empty, "2026-06", 20, "", &limits, &refused), ==, LEDGER_CHECK_OK);
  g_assert_cmpint (check_number_within (rate, empty, "2026-06", 20.5, "", &limits, &refused), ==,
                   LEDGER_CHECK_RATE_RANGE);
  g_assert_cmpint (check_number_within (rate, empty, "2026-06", -10.5, "", &limits, &refused), ==,
                   LEDGER_CHECK_RATE_RANGE);
  g_assert_cmpint (check_number_within (level, empty, "2026-06", 95, "", &limits, &refused), ==, LEDGER_CHECK_OK);
  g_assert_cmpint (check_number_within (level, empty, "2026-06", 96, "", &limits, &refused), ==,
                   LEDGER_CHECK_LEVEL_OVER_100);
  g_assert_true (refused);
  rate_text = ledger_entry_check_describe (LEDGER_CHECK_RATE_RANGE, &limits);
  level_text = ledger_entry_check_describe (LEDGER_CHECK_LEVEL_OVER_100, &limits);
  times_text = ledger_entry_check_describe (LEDGER_CHECK_UNUSUAL_CHANGE, &limits);
  g_assert_nonnull (strstr (rate_text, "-10%"));
  g_assert_nonnull (strstr (rate_text, "20%"));
  g_assert_nonnull (strstr (level_text, "95%"));
  g_assert_nonnull (strstr (times_text, "2 times"));
}

static void
test_median (void)
{
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (double));
  double odd[] = { 5, 1, 3 }, even = 7;

  g_assert_true (isnan (ledger_median (numbers)));
  g_array_append_vals (numbers, odd, 3);
  g_assert_cmpfloat (ledger_median (numbers), ==, 3);
  g_array_append_val (numbers, even);
  g_assert_cmpfloat (ledger_median (numbers), ==, 4);
}

/* Due days in the plan file: the plan's for a frequency and a unit, the
 * indicator's own; written, read back, added to a ledger and listed. */
static void
test_plan_file_due_days (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_plan_file_load_builtin ("changzhi-2026.json", &error);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *listed_text = NULL;
  g_autofree char *other_path = NULL;
  g_autoptr(LedgerStore) other = NULL;
  LedgerPlan *plan;

  g_assert_no_error (error);
  plan = g_ptr_array_index (plans, 0);
  ledger_plan_set_due_day (plan, "frequency/monthly", 8);
  ledger_plan_set_due_day (plan, "unit/市统计局", 12);
  ledger_plan_set_due_day (plan, "indicator/new-urban-jobs", 5);
  text = ledger_plan_file_to_data (plans);
  g_assert_nonnull (strstr (text, "\"due_days\""));
  g_assert_nonnull (strstr (text, "\"due_day\": 5"));
  again = ledger_plan_file_parse (text, -1, &error);
  g_assert_no_error (error);
  plan = g_ptr_array_index (again, 0);
  g_assert_cmpint (ledger_plan_get_due_day (plan, "frequency/monthly"), ==, 8);
  g_assert_cmpint (ledger_plan_get_due_day (plan, "unit/市统计局"), ==, 12);
  g_assert_cmpint (ledger_plan_get_due_day (plan, "indicator/new-urban-jobs"), ==, 5);

  /* Into a new ledger and back out. */
  other_path = g_build_filename (fixture->dir, "other.sqlite3", NULL);
  other = ledger_store_open (other_path, &error);
  g_assert_no_error (error);
  g_assert_true (ledger_store_add_plans (other, again, &error));
  g_assert_no_error (error);
  listed = ledger_store_list_plans (other, &error);
  plan = ledger_plan_find (listed, "changzhi-2026");
  g_assert_nonnull (plan);
  g_assert_cmpint (ledger_store_get_due_day (other, ledger_node_get_id (LEDGER_NODE (plan)),
                                             LEDGER_DUE_FOR_UNIT, "市统计局"), ==, 12);
  g_assert_cmpint (ledger_plan_get_due_day (plan, "indicator/new-urban-jobs"), ==, 5);
  listed_text = ledger_plan_file_to_data (listed);
  g_assert_nonnull (strstr (listed_text, "\"市统计局\": 12"));

  /* A day that is not one is refused, naming where. */
  {
    g_autoptr(GString) wrong = g_string_new (text);

    g_string_replace (wrong, "\"due_day\": 5", "\"due_day\": 32", 0);
    bad = g_string_free (g_steal_pointer (&wrong), FALSE);
  }
  g_assert_null (ledger_plan_file_parse (bad, -1, &error));
  g_assert_nonnull (strstr (error->message, "due_day"));
}

/* A CSV import refuses a flagged figure without a note, naming why, and
 * takes it with one. */
static void
test_import_flagged (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char without[] = "indicator,period,value,note\n新增城镇就业,2026-06,1.5,\n";
  static const char with[] = "indicator,period,value,note\n新增城镇就业,2026-06,1.5,核减重复统计\n";
  g_autoptr(LedgerCsvImport) import = ledger_csv_import_new ("x.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerImportRow) row = NULL;
  guint n = 0;

  test_set_number (fixture->store, fixture->jobs, "2026-05", 2.0, "");
  g_assert_true (ledger_csv_import_read (import, fixture->store, without, strlen (without), NULL, &error));
  g_assert_cmpuint (ledger_csv_import_count (import, LEDGER_IMPORT_REFUSED), ==, 1);
  row = g_list_model_get_item (ledger_csv_import_get_rows (import), 0);
  g_test_message ("%s", ledger_import_row_get_reason (row));
  g_assert_nonnull (strstr (ledger_import_row_get_reason (row), "lower than the period before"));
  g_assert_false (ledger_csv_import_values (fixture->store, without, strlen (without), "x.csv", &n, &error));
  g_clear_error (&error);
  g_assert_true (ledger_csv_import_values (fixture->store, with, strlen (with), "x.csv", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
}

/* A year of months as an office runs them: 市人社局's figure arrives on
 * its due day or one or two days after; each month is closed once counted.
 * At the year's end every month counts its own timeliness, and no closed
 * month takes a write by any route. */
static void
test_simulated_year (Fixture       *fixture,
                     gconstpointer  data)
{
  if (test_skip_on_server ("back-dates the change log in the SQLite file"))
    return;

  g_autoptr(GError) error = NULL;
  guint on_time = 0;

  for (int month = 1; month <= 12; month++)
    {
      g_autofree char *period = g_strdup_printf ("2026-%02d", month);
      g_autoptr(GPtrArray) figures = NULL;
      LedgerPeriod parsed;
      GDate arrival;
      g_autofree char *at = NULL;
      LedgerDueFigure *jobs;

      test_set_number (fixture->store, fixture->jobs, period, 0.4 * month, "");
      g_assert_true (ledger_period_parse (period, &parsed));
      ledger_due_date (&parsed, 10, FALSE, &arrival);
      g_date_add_days (&arrival, month % 3);
      at = g_strdup_printf ("%04d-%02d-%02dT09:00:00+08:00", g_date_get_year (&arrival), g_date_get_month (&arrival),
                            g_date_get_day (&arrival));
      set_recorded (fixture, fixture->jobs, period, at);

      figures = ledger_store_list_due_figures (fixture->store, fixture->plan, period, FALSE, &error);
      jobs = ledger_due_figure_find (figures, fixture->jobs);
      g_assert_nonnull (jobs);
      g_assert_cmpint (ledger_due_figure_days_late (jobs, NULL), ==, month % 3);
      on_time += ledger_due_figure_on_time (jobs);
      g_assert_true (ledger_store_set_period_state (fixture->store, fixture->plan_id, period, LEDGER_PERIOD_CLOSED,
                                                    NULL, &error));
    }
  g_assert_cmpuint (on_time, ==, 4);   /* March, June, September, December */

  for (int month = 1; month <= 12; month++)
    {
      g_autofree char *period = g_strdup_printf ("2026-%02d", month);
      g_autoptr(LedgerValue) value = ledger_value_new (fixture->jobs, period, 9, "x", "");
      g_autoptr(GPtrArray) values = one_value (fixture->jobs, period, 9);

      assert_closed_month (&error, ledger_store_set_value (fixture->store, value, &error), period);
      assert_closed_month (&error, ledger_store_import_values (fixture->store, values, "x.csv", &error), period);
      assert_closed_month (&error, ledger_store_delete_value (fixture->store, fixture->jobs, period, &error), period);
    }
  assert_closed_month (&error, ledger_store_undo (fixture->store, &error), "2026-12");
}

/* The monthly report counts the same, as of its date: 市人社局 one of
 * three figures in, two days late. */
static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  if (test_skip_on_server ("back-dates the change log in the SQLite file"))
    return;

  g_autoptr(LedgerContext) context = ledger_context_new (fixture->store);
  g_autoptr(LedgerReport) report = ledger_report_new (context, fixture->plan);
  g_autoptr(GDateTime) date = g_date_time_new_local (2026, 4, 20, 9, 0, 0);
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  test_set_number (fixture->store, fixture->jobs, "2026-03", 1.2, "");
  set_recorded (fixture, fixture->jobs, "2026-03", "2026-04-12T09:00:00+08:00");
  ledger_context_set_as_of (context, "2026-03");
  ledger_report_set_date (report, date);
  g_assert_true (ledger_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  text = test_pdf_text (path, 0, 0);
  g_assert_nonnull (strstr (text, "Completenessandtimeliness"));
  g_assert_nonnull (strstr (text, "市人社局1/3"));
  g_assert_nonnull (strstr (text, "Officetotal1/69"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cycle/due-dates", test_due_dates);
  g_test_add_func ("/cycle/completeness-counts", test_completeness_counts);
  g_test_add_func ("/cycle/reminders", test_reminders);
  g_test_add_func ("/cycle/entry-checks", test_entry_checks);
  g_test_add_func ("/cycle/entry-check-limits", test_entry_check_limits);
  g_test_add_func ("/cycle/median", test_median);
  g_test_add ("/cycle/due-figures", Fixture, NULL, fixture_set_up, test_due_figures, fixture_tear_down);
  g_test_add ("/cycle/plan-file-due-days", Fixture, NULL, fixture_set_up, test_plan_file_due_days,
              fixture_tear_down);
  g_test_add ("/cycle/import-flagged", Fixture, NULL, fixture_set_up, test_import_flagged, fixture_tear_down);
  g_test_add ("/cycle/simulated-year", Fixture, NULL, fixture_set_up, test_simulated_year, fixture_tear_down);
  g_test_add ("/cycle/report", Fixture, NULL, fixture_set_up, test_report, fixture_tear_down);
  g_test_add ("/cycle/closed-period", Fixture, NULL, fixture_set_up, test_closed_period, fixture_tear_down);

  return g_test_run ();
}
