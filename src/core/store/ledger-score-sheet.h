/* ledger-score-sheet.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-context.h"
#include "ledger-scoring.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_SCORE_SHEET (ledger_score_sheet_get_type ())

G_DECLARE_FINAL_TYPE (LedgerScoreSheet, ledger_score_sheet, LEDGER, SCORE_SHEET, GObject)

/* A plan's 考核评分 as of the context's "as of" period (docs/regions.md,
 * Scoring): each region's and each responsible unit's line. */
LedgerScoreSheet          *ledger_score_sheet_new         (LedgerContext    *context,
                                                           LedgerPlan       *plan);
gboolean                   ledger_score_sheet_has_scheme  (LedgerScoreSheet *self);
const LedgerScoringScheme *ledger_score_sheet_get_scheme  (LedgerScoreSheet *self);
GPtrArray                 *ledger_score_sheet_get_regions (LedgerScoreSheet *self);
GPtrArray                 *ledger_score_sheet_get_units   (LedgerScoreSheet *self);
const LedgerScoreLine     *ledger_score_sheet_find_region (LedgerScoreSheet *self,
                                                           const char       *code);

G_END_DECLS
