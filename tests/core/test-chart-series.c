/* test-chart-series.c: what the charts of the window and of the report
 * show — the slot of each period, the points with their statuses, the
 * earlier plan's points, the due line of a total and the value range
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "ledger-chart-series.h"

static LedgerIndicator *
indicator_new (LedgerKind       kind,
               LedgerFrequency  frequency,
               LedgerProfile    profile,
               double           target)
{
  return g_object_new (LEDGER_TYPE_INDICATOR, "code", "t", "name", "t", "unit", "个",
                       "kind", kind, "comparator", LEDGER_COMPARATOR_AT_LEAST,
                       "target", target, "frequency", frequency, "profile", profile, NULL);
}

/* A list of values: "period=number" or "period:status" each. */
static GListModel *
values_new (const char * const *items)
{
  GListStore *store = g_list_store_new (LEDGER_TYPE_VALUE);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;
      g_autoptr(LedgerValue) value = NULL;

      if (strchr (items[i], '=') != NULL)
        {
          parts = g_strsplit (items[i], "=", 2);
          value = ledger_value_new (1, parts[0], g_ascii_strtod (parts[1], NULL), NULL, NULL);
        }
      else
        {
          parts = g_strsplit (items[i], ":", 2);
          value = ledger_value_new_status (1, parts[0], parts[1], NULL, NULL);
        }
      g_list_store_append (store, value);
    }
  return G_LIST_MODEL (store);
}

static LedgerChartPoint *
point (GArray *points,
       guint   index)
{
  g_assert_cmpuint (index, <, points->len);
  return &g_array_index (points, LedgerChartPoint, index);
}

/* A one-year chart has twelve slots; a period sits at its end month,
 * whatever the indicator's frequency; other years are left out. */
static void
test_slots_of_a_year (void)
{
  static const struct { LedgerFrequency frequency; const char *values[4]; double slots[2]; } cases[] = {
    { LEDGER_FREQUENCY_MONTHLY, { "2026-02=10", "2026-05=40", "2027-01=5", NULL }, { 2, 5 } },
    { LEDGER_FREQUENCY_QUARTERLY, { "2025-Q4=90", "2026-Q1=30", "2026-Q3=80", NULL }, { 3, 9 } },
    { LEDGER_FREQUENCY_ANNUAL, { "2025=80", "2026=100", NULL }, { 12, -1 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LedgerIndicator) indicator = indicator_new (LEDGER_KIND_CUMULATIVE, cases[i].frequency,
                                                            LEDGER_PROFILE_LINEAR, 100);
      g_autoptr(LedgerChartSeries) series = ledger_chart_series_new (indicator, 2026, 2026, NULL);
      g_autoptr(GListModel) values = values_new (cases[i].values);
      GArray *points;
      guint n = cases[i].slots[1] < 0 ? 1 : 2;

      ledger_chart_series_set_values (series, values, NULL, LEDGER_CHART_SERIES_ALL_VALUES);
      points = ledger_chart_series_get_points (series);
      g_assert_false (ledger_chart_series_is_multi_year (series));
      g_assert_cmpfloat (ledger_chart_series_get_n_slots (series), ==, 12);
      g_assert_cmpuint (points->len, ==, n);
      for (guint j = 0; j < n; j++)
        g_assert_cmpfloat (point (points, j)->slot, ==, cases[i].slots[j]);
    }
}

/* A figure that is the regions' sum (ledger_value_set_summed()) is a point
 * marked summed, in its slot like the city's own: 2026-02 own, 2026-04
 * summed 3 of 12. */
static void
test_summed_points (void)
{
  g_autoptr(LedgerIndicator) indicator = indicator_new (LEDGER_KIND_CUMULATIVE, LEDGER_FREQUENCY_MONTHLY,
                                                        LEDGER_PROFILE_LINEAR, 100);
  g_autoptr(LedgerChartSeries) series = ledger_chart_series_new (indicator, 2026, 2026, NULL);
  g_autoptr(GListModel) values = values_new ((const char *[]) { "2026-02=10", "2026-04=40", NULL });
  g_autoptr(LedgerValue) sum = g_list_model_get_item (values, 1);
  GArray *points;

  ledger_value_set_summed (sum, 3, 12);
  ledger_chart_series_set_values (series, values, NULL, LEDGER_CHART_SERIES_ALL_VALUES);
  points = ledger_chart_series_get_points (series);
  g_assert_cmpuint (points->len, ==, 2);
  g_assert_false (point (points, 0)->summed);
  g_assert_true (point (points, 1)->summed);
  g_assert_cmpfloat (point (points, 1)->slot, ==, 4);
  g_assert_cmpfloat (point (points, 1)->number, ==, 40);
}

/* A plan over years has a slot a year; the window shows every value, the
 * report each year's latest figure up to its period. */
static void
test_multi_year (void)
{
  const char *items[] = { "2025=10", "2026-Q2=20", "2026-Q4=40", "2027-Q2=50", "2028-Q2=70", NULL };
  g_autoptr(LedgerIndicator) indicator = indicator_new (LEDGER_KIND_CUMULATIVE, LEDGER_FREQUENCY_QUARTERLY,
                                                        LEDGER_PROFILE_LINEAR, 100);
  g_autoptr(LedgerChartSeries) series = ledger_chart_series_new (indicator, 2026, 2030, NULL);
  g_autoptr(GListModel) values = values_new (items);
  GArray *points;

  g_assert_true (ledger_chart_series_is_multi_year (series));
  g_assert_cmpfloat (ledger_chart_series_get_n_slots (series), ==, 5);

  ledger_chart_series_set_values (series, values, NULL, LEDGER_CHART_SERIES_ALL_VALUES);
  points = ledger_chart_series_get_points (series);
  g_assert_cmpuint (points->len, ==, 4);
  g_assert_cmpfloat (point (points, 0)->slot, ==, 1);
  g_assert_cmpfloat (point (points, 1)->slot, ==, 1);
  g_assert_cmpfloat (point (points, 2)->slot, ==, 2);
  g_assert_cmpstr (point (points, 3)->period, ==, "2028-Q2");
  g_assert_cmpfloat (point (points, 3)->slot, ==, 3);
  /* No due line by months over several years. */
  g_assert_null (ledger_chart_series_get_due (series));

  /* As of 2027 上半年: 2026's latest (40), then 2027-Q2 */
  ledger_chart_series_set_values (series, values, "2027-Q2", LEDGER_CHART_SERIES_LATEST_FIGURES);
  points = ledger_chart_series_get_points (series);
  g_assert_cmpuint (points->len, ==, 2);
  g_assert_cmpfloat (point (points, 0)->number, ==, 40);
  g_assert_cmpstr (point (points, 0)->period, ==, "2026-Q4");
  g_assert_cmpfloat (point (points, 1)->slot, ==, 2);
}

/* A qualitative task's statuses are points without a figure; the report
 * leaves them out. */
static void
test_statuses_without_figures (void)
{
  const char *items[] = { "2026-Q1:in_progress", "2026-Q2:done", NULL };
  g_autoptr(LedgerIndicator) task = indicator_new (LEDGER_KIND_QUALITATIVE, LEDGER_FREQUENCY_QUARTERLY,
                                                   LEDGER_PROFILE_LINEAR, 0);
  g_autoptr(LedgerChartSeries) series = ledger_chart_series_new (task, 2026, 2026, NULL);
  g_autoptr(GListModel) values = values_new (items);
  GArray *points;
  double minimum, maximum;

  ledger_chart_series_set_values (series, values, NULL, LEDGER_CHART_SERIES_ALL_VALUES);
  points = ledger_chart_series_get_points (series);
  g_assert_cmpuint (points->len, ==, 2);
  g_assert_true (isnan (point (points, 0)->number));
  g_assert_cmpint (point (points, 0)->status, ==, LEDGER_STATUS_IN_PROGRESS);
  g_assert_cmpint (point (points, 1)->status, ==, LEDGER_STATUS_DONE);
  ledger_chart_series_get_range (series, &minimum, &maximum);
  g_assert_cmpfloat (minimum, ==, 0);
  g_assert_cmpfloat (maximum, ==, 0);

  ledger_chart_series_set_values (series, values, NULL, LEDGER_CHART_SERIES_LATEST_FIGURES);
  g_assert_cmpuint (ledger_chart_series_get_points (series)->len, ==, 0);
}

/* Each point is judged among all the values: a seasonal total reads the
 * base year (100 of 800 by Q1: 150 of 1200 due), without it 序时进度
 * (300 due, 150 behind). The due line follows the same profile. */
static void
test_statuses_with_base_year (void)
{
  const char *with_base[] = { "2025-Q1=100", "2025-Q2=400", "2025-Q3=700", "2025-Q4=800", "2026-Q1=150", NULL };
  const char *without_base[] = { "2026-Q1=150", NULL };
  g_autoptr(LedgerIndicator) indicator = indicator_new (LEDGER_KIND_CUMULATIVE, LEDGER_FREQUENCY_QUARTERLY,
                                                        LEDGER_PROFILE_SEASONAL, 1200);
  g_autoptr(LedgerChartSeries) series = ledger_chart_series_new (indicator, 2026, 2026, NULL);
  g_autoptr(GListModel) values = values_new (with_base);
  g_autoptr(GListModel) alone = values_new (without_base);
  const double *due;
  GArray *points;

  ledger_chart_series_set_values (series, values, NULL, LEDGER_CHART_SERIES_ALL_VALUES);
  points = ledger_chart_series_get_points (series);
  g_assert_cmpuint (points->len, ==, 1);
  g_assert_cmpint (point (points, 0)->status, ==, LEDGER_STATUS_ON_TRACK);
  due = ledger_chart_series_get_due (series);
  g_assert_nonnull (due);
  g_assert_cmpfloat_with_epsilon (due[0], 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (due[3], 150, 1e-9);
  g_assert_cmpfloat_with_epsilon (due[12], 1200, 1e-9);

  ledger_chart_series_set_values (series, alone, NULL, LEDGER_CHART_SERIES_ALL_VALUES);
  points = ledger_chart_series_get_points (series);
  g_assert_cmpint (point (points, 0)->status, ==, LEDGER_STATUS_BEHIND);
  due = ledger_chart_series_get_due (series);
  g_assert_cmpfloat_with_epsilon (due[3], 300, 1e-9);
}

/* A year-end target has no due line: it is due whole when assessed. */
static void
test_no_due_line (void)
{
  g_autoptr(LedgerIndicator) year_end = indicator_new (LEDGER_KIND_CUMULATIVE, LEDGER_FREQUENCY_MONTHLY,
                                                       LEDGER_PROFILE_YEAR_END, 100);
  g_autoptr(LedgerIndicator) rate = indicator_new (LEDGER_KIND_RATE, LEDGER_FREQUENCY_MONTHLY,
                                                   LEDGER_PROFILE_LINEAR, 6);
  g_autoptr(LedgerChartSeries) total = ledger_chart_series_new (year_end, 2026, 2026, NULL);
  g_autoptr(LedgerChartSeries) growth = ledger_chart_series_new (rate, 2026, 2026, NULL);

  ledger_chart_series_set_values (total, NULL, NULL, LEDGER_CHART_SERIES_ALL_VALUES);
  ledger_chart_series_set_values (growth, NULL, NULL, LEDGER_CHART_SERIES_ALL_VALUES);
  g_assert_null (ledger_chart_series_get_due (total));
  g_assert_null (ledger_chart_series_get_due (growth));
  g_assert_cmpuint (ledger_chart_series_get_points (total)->len, ==, 0);
}

/* The same indicator in the earlier plan is drawn a year later; the
 * range covers both lines and a little above the target. */
static void
test_earlier_points (void)
{
  const char *this_year[] = { "2026-03=30", "2026-06=55", NULL };
  const char *last_year[] = { "2025-03=20", "2025-06=130", "2024-12=90", NULL };
  g_autoptr(LedgerIndicator) indicator = indicator_new (LEDGER_KIND_CUMULATIVE, LEDGER_FREQUENCY_MONTHLY,
                                                        LEDGER_PROFILE_LINEAR, 100);
  g_autoptr(LedgerChartSeries) series = ledger_chart_series_new (indicator, 2026, 2026, NULL);
  g_autoptr(GListModel) values = values_new (this_year);
  g_autoptr(GListModel) earlier_values = values_new (last_year);
  GArray *earlier;
  double minimum, maximum;

  ledger_chart_series_set_values (series, values, NULL, LEDGER_CHART_SERIES_ALL_VALUES);
  ledger_chart_series_get_range (series, &minimum, &maximum);
  g_assert_cmpfloat_with_epsilon (minimum, 30, 1e-9);
  g_assert_cmpfloat_with_epsilon (maximum, 105, 1e-9);

  ledger_chart_series_set_earlier (series, earlier_values);
  earlier = ledger_chart_series_get_earlier (series);
  g_assert_cmpuint (earlier->len, ==, 2);
  g_assert_cmpfloat (point (earlier, 0)->slot, ==, 3);
  g_assert_cmpstr (point (earlier, 1)->period, ==, "2025-06");
  g_assert_cmpfloat (point (earlier, 1)->slot, ==, 6);
  g_assert_cmpuint (ledger_chart_series_get_points (series)->len, ==, 2);
  ledger_chart_series_get_range (series, &minimum, &maximum);
  g_assert_cmpfloat_with_epsilon (minimum, 20, 1e-9);
  g_assert_cmpfloat_with_epsilon (maximum, 130, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/chart-series/slots-of-a-year", test_slots_of_a_year);
  g_test_add_func ("/chart-series/multi-year", test_multi_year);
  g_test_add_func ("/chart-series/statuses-without-figures", test_statuses_without_figures);
  g_test_add_func ("/chart-series/statuses-with-base-year", test_statuses_with_base_year);
  g_test_add_func ("/chart-series/no-due-line", test_no_due_line);
  g_test_add_func ("/chart-series/earlier-points", test_earlier_points);
  g_test_add_func ("/chart-series/summed-points", test_summed_points);

  return g_test_run ();
}
