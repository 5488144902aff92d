/* ledger-rank-words.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-region-ranking.h"

G_BEGIN_DECLS

/* A ranking's line in the office's words, the same in the report, the
 * workbook and the window (the band's: ledger_rank_band_label()). */
char       *ledger_rank_dup_place   (const LedgerRankRow *row);
char       *ledger_rank_dup_change  (const LedgerRankRow *row);

/* Whether any region is ranked: a ranking without is not worth a table. */
gboolean    ledger_rank_any_ranked  (LedgerRegionRanking *ranking);

G_END_DECLS
