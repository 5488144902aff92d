/* ledger-report-chart.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ledger-report-block.h"

G_BEGIN_DECLS

typedef struct _LedgerReportChart LedgerReportChart;

LedgerReportChart *ledger_report_chart_new          (LedgerIndicator        *indicator,
                                                     GListModel             *values,
                                                     const char             *as_of,
                                                     int                     first_year,
                                                     int                     last_year,
                                                     const LedgerTolerances *tolerances);
void               ledger_report_chart_free         (LedgerReportChart      *chart);
guint              ledger_report_chart_get_n_points (LedgerReportChart      *chart);
LedgerReportBlock *ledger_report_chart_row_new      (GPtrArray              *charts,
                                                     guint                   n_columns);
LedgerReportBlock *ledger_report_chart_legend_new   (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerReportChart, ledger_report_chart_free)

G_END_DECLS
