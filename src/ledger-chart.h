/* ledger-chart.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ledger-progress.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_CHART (ledger_chart_get_type ())

G_DECLARE_FINAL_TYPE (LedgerChart, ledger_chart, LEDGER, CHART, GtkWidget)

GtkWidget  *ledger_chart_new             (gboolean                compact);
void        ledger_chart_set_data        (LedgerChart            *self,
                                          LedgerIndicator        *indicator,
                                          int                     first_year,
                                          int                     last_year,
                                          GListModel             *values,
                                          GListModel             *earlier_values,
                                          const LedgerTolerances *tolerances);
guint       ledger_chart_get_n_points    (LedgerChart            *self);
char       *ledger_chart_dup_point_text  (LedgerChart            *self,
                                          guint                   index);
char       *ledger_chart_dup_description (LedgerChart            *self);

G_END_DECLS
