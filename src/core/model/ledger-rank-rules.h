/* ledger-rank-rules.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-progress.h"

G_BEGIN_DECLS

/* A score above this counts no more in a composite (超额 is not rewarded
 * without end): docs/regions.md, Rankings. */
#define LEDGER_RANK_SCORE_CAP 1.2
/* How far a region's score may be from the city's and still be level. */
#define LEDGER_RANK_BAND_TOLERANCE 0.005

/* Where a region stands against the city's own figure (the city average). */
typedef enum
{
  LEDGER_RANK_BAND_NONE,   /* no figure, or nothing to compare with */
  LEDGER_RANK_BAND_ABOVE,  /* better than the city */
  LEDGER_RANK_BAND_LEVEL,  /* within the tolerance of the city */
  LEDGER_RANK_BAND_BELOW,  /* worse than the city */
} LedgerRankBand;

double          ledger_rank_score            (LedgerBetter           better,
                                              double                 value,
                                              double                 expected);
double          ledger_rank_score_of         (LedgerIndicator       *indicator,
                                              LedgerValue           *value,
                                              const LedgerProgress  *progress);
void            ledger_rank_assign           (const double          *scores,
                                              guint                  n_scores,
                                              guint                 *ranks);
double          ledger_rank_weighted_mean    (const double          *scores,
                                              const double          *weights,
                                              guint                  n_scores,
                                              double                 cap,
                                              guint                 *n_missing);
LedgerRankBand  ledger_rank_band             (double                 score,
                                              double                 city_score);
const char     *ledger_rank_band_to_string   (LedgerRankBand         band);
const char     *ledger_rank_band_label       (LedgerRankBand         band);
char           *ledger_rank_previous_period  (const char            *as_of,
                                              int                    first_year,
                                              int                    last_year);

G_END_DECLS
