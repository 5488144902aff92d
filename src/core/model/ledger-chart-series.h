/* ledger-chart-series.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ledger-progress.h"

G_BEGIN_DECLS

/* One point of a chart: where it sits on the x axis, its figure and its
 * status. */
typedef struct
{
  double        slot;    /* end month, or year index (1…) in a plan over years */
  double        number;  /* NAN for qualitative */
  LedgerStatus  status;
  char         *period;  /* the value's period code */
  gboolean      summed;  /* the regions' sum standing for the city's figure */
} LedgerChartPoint;

typedef enum
{
  LEDGER_CHART_SERIES_ALL_VALUES     = 0,
  LEDGER_CHART_SERIES_LATEST_FIGURES = 1 << 0,  /* only figures, the latest of each slot */
} LedgerChartSeriesFlags;

#define LEDGER_TYPE_CHART_SERIES (ledger_chart_series_get_type ())

G_DECLARE_FINAL_TYPE (LedgerChartSeries, ledger_chart_series, LEDGER, CHART_SERIES, GObject)

LedgerChartSeries      *ledger_chart_series_new            (LedgerIndicator         *indicator,
                                                            int                      first_year,
                                                            int                      last_year,
                                                            const LedgerTolerances  *tolerances);
void                    ledger_chart_series_set_values     (LedgerChartSeries       *self,
                                                            GListModel              *values,
                                                            const char              *as_of,
                                                            LedgerChartSeriesFlags   flags);
void                    ledger_chart_series_set_earlier    (LedgerChartSeries       *self,
                                                            GListModel              *earlier_values);
LedgerIndicator        *ledger_chart_series_get_indicator  (LedgerChartSeries       *self);
const LedgerTolerances *ledger_chart_series_get_tolerances (LedgerChartSeries       *self);
int                     ledger_chart_series_get_first_year (LedgerChartSeries       *self);
gboolean                ledger_chart_series_is_multi_year  (LedgerChartSeries       *self);
double                  ledger_chart_series_get_n_slots    (LedgerChartSeries       *self);
GArray                 *ledger_chart_series_get_points     (LedgerChartSeries       *self);
GArray                 *ledger_chart_series_get_earlier    (LedgerChartSeries       *self);
const double           *ledger_chart_series_get_due        (LedgerChartSeries       *self);
void                    ledger_chart_series_get_range      (LedgerChartSeries       *self,
                                                            double                  *minimum,
                                                            double                  *maximum);

G_END_DECLS
