/* ledger-chart-scale.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A value axis: from @lower to @upper, with ticks every @step, all round
 * numbers. */
typedef struct
{
  double lower;
  double upper;
  double step;
  guint  n_ticks;
} LedgerChartScale;

void    ledger_chart_scale_init      (LedgerChartScale       *scale,
                                      double                  minimum,
                                      double                  maximum,
                                      guint                   max_ticks);
double  ledger_chart_scale_tick      (const LedgerChartScale *scale,
                                      guint                   index);
double  ledger_chart_scale_position  (const LedgerChartScale *scale,
                                      double                  value);
char   *ledger_chart_scale_label     (const LedgerChartScale *scale,
                                      double                  value,
                                      const char             *unit);
double  ledger_chart_nice_step       (double                  span,
                                      guint                   max_ticks);

G_END_DECLS
