/* ledger-ranking-cells.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ledger-region-ranking.h"
#include "ledger-scoring.h"

G_BEGIN_DECLS

GtkWidget  *ledger_ranking_cells_text             (const char          *text);
GtkWidget  *ledger_ranking_cells_strong           (const char          *text);
GtkWidget  *ledger_ranking_cells_number           (LedgerIndicator     *indicator,
                                                   double               number);
GtkWidget  *ledger_ranking_cells_points           (double               points,
                                                   gboolean             signed_);
GtkWidget  *ledger_ranking_cells_score            (double               score);
GtkWidget  *ledger_ranking_cells_place            (guint                rank);
GtkWidget  *ledger_ranking_cells_rank             (const LedgerRankRow *row);
GtkWidget  *ledger_ranking_cells_region           (const LedgerRankRow *row,
                                                   gboolean             composite);
GtkWidget  *ledger_ranking_cells_change           (const LedgerRankRow *row);
GtkWidget  *ledger_ranking_cells_band             (LedgerRankBand       band);
char       *ledger_ranking_cells_row_label        (LedgerIndicator     *indicator,
                                                   const LedgerRankRow *row);
char       *ledger_ranking_cells_city_label       (double               score);
char       *ledger_ranking_cells_line_label       (const LedgerScoreLine *line);
char       *ledger_ranking_cells_score_text       (double               score);
char       *ledger_ranking_cells_change_words     (const LedgerRankRow *row);
const char *ledger_ranking_cells_legend           (LedgerIndicator     *indicator);
const char *ledger_ranking_cells_composite_legend (void);

G_END_DECLS
