/* ledger-chart-scale.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-chart-scale"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ledger-chart-scale.h"
#include "ledger-indicator.h"

/* The value axis of a chart: round ticks (1, 2, 2.5 or 5 times a power of
 * ten) that cover the data, and labels in the indicator's unit. Pure
 * functions, tested without a display. */

/* The smallest round step that covers @span in at most @max_ticks - 1
 * intervals. */
double
ledger_chart_nice_step (double span,
                        guint  max_ticks)
{
  static const double multiples[] = { 1, 2, 2.5, 5, 10 };
  double raw, magnitude;

  g_return_val_if_fail (max_ticks >= 2, 1);

  if (!(span > 0) || !isfinite (span))
    return 1;
  raw = span / (max_ticks - 1);
  magnitude = pow (10, floor (log10 (raw)));
  for (guint i = 0; i < G_N_ELEMENTS (multiples); i++)
    {
      if (multiples[i] * magnitude >= raw * (1 - 1e-9))
        return multiples[i] * magnitude;
    }
  return 10 * magnitude;
}

/**
 * ledger_chart_scale_init:
 * @max_ticks: at most this many ticks, at least 2
 *
 * Sets up an axis that covers @minimum to @maximum and zero: the bars and
 * lines of a ledger start from nothing. A flat range gets a unit of room.
 */
void
ledger_chart_scale_init (LedgerChartScale *scale,
                         double            minimum,
                         double            maximum,
                         guint             max_ticks)
{
  double step;

  g_return_if_fail (scale != NULL);

  if (!isfinite (minimum) || !isfinite (maximum))
    minimum = maximum = 0;
  minimum = MIN (minimum, 0);
  maximum = MAX (maximum, 0);
  if (maximum - minimum < 1e-12)
    maximum = minimum + 1;

  /* Widening to round ends can need a larger step: try until it fits. */
  step = ledger_chart_nice_step (maximum - minimum, max_ticks);
  for (;;)
    {
      double lower = floor (minimum / step + 1e-9) * step;
      double upper = ceil (maximum / step - 1e-9) * step;
      guint n = (guint) llround ((upper - lower) / step) + 1;

      if (n <= max_ticks)
        {
          scale->lower = lower;
          scale->upper = upper;
          scale->step = step;
          scale->n_ticks = n;
          return;
        }
      step = ledger_chart_nice_step (step * max_ticks, max_ticks);
    }
}

double
ledger_chart_scale_tick (const LedgerChartScale *scale,
                         guint                   index)
{
  double tick = scale->lower + index * scale->step;
  /* 0.1 × 3 is not 0.3: ticks are rounded to the step's decimals (one more
   * than the step's order of magnitude needs, for 2.5 × 10ⁿ steps). */
  double decimals = MAX (0, 1 - floor (log10 (scale->step)));
  double factor = pow (10, decimals);

  return round (tick * factor) / factor;
}

/* Returns: where @value lies on the axis, 0 at the lower end, 1 at the upper */
double
ledger_chart_scale_position (const LedgerChartScale *scale,
                             double                  value)
{
  return (value - scale->lower) / (scale->upper - scale->lower);
}

/* How many decimals the step has: 0.25 has two, 500 none. */
static int
step_decimals (double step)
{
  g_autofree char *text = ledger_format_number (step);
  const char *point = strchr (text, '.');

  return point != NULL ? (int) strlen (point + 1) : 0;
}

/* A tick's label: the number with as many decimals as the step has, then
 * the unit ("2000 个", "6%", "1.5 亿吨"). */
char *
ledger_chart_scale_label (const LedgerChartScale *scale,
                          double                  value,
                          const char             *unit)
{
  double factor = pow (10, step_decimals (scale->step));
  double rounded = round (value * factor) / factor;
  g_autofree char *number = ledger_format_number (rounded == 0 ? 0 : rounded);

  if (unit == NULL || unit[0] == '\0')
    return g_steal_pointer (&number);
  if (g_str_equal (unit, "%"))
    return g_strconcat (number, "%", NULL);
  return g_strconcat (number, " ", unit, NULL);
}
