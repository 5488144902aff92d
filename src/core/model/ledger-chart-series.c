/* ledger-chart-series.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-chart-series"

#include "config.h"

#include <math.h>

#include "ledger-chart-series.h"

/* What a chart of an indicator shows, apart from how it is drawn: the
 * window's chart and the report's read the same series, so a point sits in
 * the same slot with the same status in both. A one-year chart has twelve
 * slots, one a month, and a period sits at its end month; a chart of a
 * plan over several years has one slot a year. Each point's status is
 * judged among all the indicator's values, the base year's too. */

struct _LedgerChartSeries
{
  GObject           parent_instance;

  LedgerIndicator  *indicator;
  LedgerTolerances  tolerances;
  int               first_year;
  int               last_year;
  GArray           *points;   /* of LedgerChartPoint */
  GArray           *earlier;  /* of LedgerChartPoint */
  gboolean          has_due;  /* a total with a line of what is due by month */
  double            due[13];
};

G_DEFINE_FINAL_TYPE (LedgerChartSeries, ledger_chart_series, G_TYPE_OBJECT)

static void
clear_point (LedgerChartPoint *point)
{
  g_clear_pointer (&point->period, g_free);
}

static GArray *
point_array_new (void)
{
  GArray *points = g_array_new (FALSE, TRUE, sizeof (LedgerChartPoint));

  g_array_set_clear_func (points, (GDestroyNotify) clear_point);
  return points;
}

static void
ledger_chart_series_finalize (GObject *object)
{
  LedgerChartSeries *self = LEDGER_CHART_SERIES (object);

  g_clear_object (&self->indicator);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->earlier, g_array_unref);

  G_OBJECT_CLASS (ledger_chart_series_parent_class)->finalize (object);
}

static void
ledger_chart_series_class_init (LedgerChartSeriesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ledger_chart_series_finalize;
}

static void
ledger_chart_series_init (LedgerChartSeries *self)
{
  self->points = point_array_new ();
  self->earlier = point_array_new ();
  ledger_tolerances_init_default (&self->tolerances);
}

/**
 * ledger_chart_series_new:
 * @tolerances: (nullable): the bands statuses are judged with; the
 *   defaults if %NULL
 *
 * Returns: (transfer full): a series without points over the plan's years
 */
LedgerChartSeries *
ledger_chart_series_new (LedgerIndicator        *indicator,
                         int                     first_year,
                         int                     last_year,
                         const LedgerTolerances *tolerances)
{
  LedgerChartSeries *self;

  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), NULL);

  self = g_object_new (LEDGER_TYPE_CHART_SERIES, NULL);
  self->indicator = g_object_ref (indicator);
  self->first_year = first_year;
  self->last_year = last_year;
  if (tolerances != NULL)
    self->tolerances = *tolerances;
  return self;
}

static int
end_key (const LedgerPeriod *period)
{
  return period->year * 100 + ledger_period_end_month (period);
}

/* The x position of a period shifted by @year_offset; -1 outside the
 * plan's years or after @as_of (上半年 is not after 1-6月: they end
 * together). */
static double
slot_of (LedgerChartSeries  *self,
         const LedgerPeriod *period,
         int                 year_offset,
         const LedgerPeriod *as_of)
{
  int year = period->year + year_offset;

  if (year < self->first_year || year > self->last_year ||
      (as_of != NULL && end_key (period) > end_key (as_of)))
    return -1;
  if (ledger_chart_series_is_multi_year (self))
    return year - self->first_year + 1;
  return ledger_period_end_month (period);
}

static void
add_point (GArray                 *points,
           LedgerChartPoint       *point,
           LedgerChartSeriesFlags  flags)
{
  LedgerChartPoint *last = points->len > 0 ? &g_array_index (points, LedgerChartPoint, points->len - 1) : NULL;

  /* A plan over years shows each year's latest figure. */
  if ((flags & LEDGER_CHART_SERIES_LATEST_FIGURES) && last != NULL && last->slot == point->slot)
    {
      clear_point (last);
      *last = *point;
    }
  else
    g_array_append_val (points, *point);
}

static void
add_points (LedgerChartSeries      *self,
            GArray                 *points,
            GListModel             *values,
            int                     year_offset,
            const char             *as_of_code,
            LedgerChartSeriesFlags  flags)
{
  LedgerPeriod as_of;
  gboolean has_as_of = as_of_code != NULL && ledger_period_parse (as_of_code, &as_of);

  for (guint i = 0; values != NULL && i < g_list_model_get_n_items (values); i++)
    {
      g_autoptr(LedgerValue) value = g_list_model_get_item (values, i);
      const char *code = ledger_value_get_period (value);
      LedgerChartPoint point = { 0 };
      LedgerPeriod period;

      if ((flags & LEDGER_CHART_SERIES_LATEST_FIGURES) && !ledger_value_has_number (value))
        continue;
      if (!ledger_period_parse (code, &period) ||
          (point.slot = slot_of (self, &period, year_offset, has_as_of ? &as_of : NULL)) < 0)
        continue;
      point.number = ledger_value_has_number (value) ? ledger_value_get_number (value) : NAN;
      point.status = ledger_progress_evaluate_among (self->indicator, value, values, code, &self->tolerances).status;
      point.period = g_strdup (code);
      point.summed = ledger_value_get_summed (value, NULL) > 0;
      add_point (points, &point, flags);
    }
}

/**
 * ledger_chart_series_set_values:
 * @values: (nullable) (element-type LedgerValue): the indicator's values,
 *   earliest first, the base year's among them
 * @as_of: (nullable): the last period shown: later values are left out
 *
 * Sets the points of the plan's years and the due line of a total.
 */
void
ledger_chart_series_set_values (LedgerChartSeries      *self,
                                GListModel             *values,
                                const char             *as_of,
                                LedgerChartSeriesFlags  flags)
{
  g_return_if_fail (LEDGER_IS_CHART_SERIES (self));

  g_array_set_size (self->points, 0);
  add_points (self, self->points, values, 0, as_of, flags);
  self->has_due = ledger_indicator_get_kind (self->indicator) == LEDGER_KIND_CUMULATIVE &&
                  !ledger_chart_series_is_multi_year (self) &&
                  ledger_progress_due_line (self->indicator, values, self->first_year, self->due);
}

/**
 * ledger_chart_series_set_earlier:
 * @earlier_values: (nullable) (element-type LedgerValue): the values of
 *   the same indicator in an earlier plan
 *
 * Sets the points of the earlier plan, a year later: last year's line
 * under this year's.
 */
void
ledger_chart_series_set_earlier (LedgerChartSeries *self,
                                 GListModel        *earlier_values)
{
  g_return_if_fail (LEDGER_IS_CHART_SERIES (self));

  g_array_set_size (self->earlier, 0);
  add_points (self, self->earlier, earlier_values, 1, NULL, LEDGER_CHART_SERIES_ALL_VALUES);
}

LedgerIndicator *
ledger_chart_series_get_indicator (LedgerChartSeries *self)
{
  g_return_val_if_fail (LEDGER_IS_CHART_SERIES (self), NULL);
  return self->indicator;
}

const LedgerTolerances *
ledger_chart_series_get_tolerances (LedgerChartSeries *self)
{
  g_return_val_if_fail (LEDGER_IS_CHART_SERIES (self), NULL);
  return &self->tolerances;
}

int
ledger_chart_series_get_first_year (LedgerChartSeries *self)
{
  g_return_val_if_fail (LEDGER_IS_CHART_SERIES (self), 0);
  return self->first_year;
}

gboolean
ledger_chart_series_is_multi_year (LedgerChartSeries *self)
{
  g_return_val_if_fail (LEDGER_IS_CHART_SERIES (self), FALSE);
  return self->last_year > self->first_year;
}

/* Returns: the slots of the x axis: 12 months, or the plan's years */
double
ledger_chart_series_get_n_slots (LedgerChartSeries *self)
{
  g_return_val_if_fail (LEDGER_IS_CHART_SERIES (self), 12);
  return ledger_chart_series_is_multi_year (self) ? self->last_year - self->first_year + 1 : 12;
}

/* Returns: (transfer none) (element-type LedgerChartPoint): the points
 * of the plan's years, in the values' order */
GArray *
ledger_chart_series_get_points (LedgerChartSeries *self)
{
  g_return_val_if_fail (LEDGER_IS_CHART_SERIES (self), NULL);
  return self->points;
}

/* Returns: (transfer none) (element-type LedgerChartPoint): the points
 * of the earlier plan, a year later */
GArray *
ledger_chart_series_get_earlier (LedgerChartSeries *self)
{
  g_return_val_if_fail (LEDGER_IS_CHART_SERIES (self), NULL);
  return self->earlier;
}

/* Returns: (nullable) (array fixed-size=13): what is due by the end of
 * each month, [0] the start of the year; %NULL when the chart has no
 * such line (not a total, a year-end target, a plan over years) */
const double *
ledger_chart_series_get_due (LedgerChartSeries *self)
{
  g_return_val_if_fail (LEDGER_IS_CHART_SERIES (self), NULL);
  return self->has_due ? self->due : NULL;
}

/**
 * ledger_chart_series_get_range:
 *
 * The figures the value axis must cover: all the points, and a little
 * above the target so that its line is not on the edge; zero for a
 * qualitative task.
 */
void
ledger_chart_series_get_range (LedgerChartSeries *self,
                               double            *minimum,
                               double            *maximum)
{
  GArray *arrays[] = { self->points, self->earlier };

  g_return_if_fail (LEDGER_IS_CHART_SERIES (self));

  *minimum = *maximum = 0;
  if (ledger_indicator_get_kind (self->indicator) != LEDGER_KIND_QUALITATIVE)
    *minimum = *maximum = ledger_indicator_get_target (self->indicator) * 1.05;
  for (guint a = 0; a < G_N_ELEMENTS (arrays); a++)
    for (guint i = 0; i < arrays[a]->len; i++)
      {
        double number = g_array_index (arrays[a], LedgerChartPoint, i).number;

        if (!isnan (number))
          *minimum = MIN (*minimum, number), *maximum = MAX (*maximum, number);
      }
}
