/* ledger-ranking-page.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ledger-context.h"
#include "ledger-region-ranking.h"
#include "ledger-score-sheet.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_RANKING_PAGE (ledger_ranking_page_get_type ())

G_DECLARE_FINAL_TYPE (LedgerRankingPage, ledger_ranking_page, LEDGER, RANKING_PAGE, AdwBin)

LedgerRankingPage   *ledger_ranking_page_new           (LedgerContext     *context,
                                                        LedgerPlan        *plan);
gboolean             ledger_ranking_page_select        (LedgerRankingPage *self,
                                                        const char        *indicator_code);
LedgerRegionRanking *ledger_ranking_page_get_ranking   (LedgerRankingPage *self);
LedgerScoreSheet    *ledger_ranking_page_get_score_sheet (LedgerRankingPage *self);

G_END_DECLS
