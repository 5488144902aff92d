/* ledger-region-ranking.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-context.h"
#include "ledger-rank-rules.h"

G_BEGIN_DECLS

/* One region's line of a ranking (docs/regions.md, Rankings). */
typedef struct
{
  char          *region;    /* the region's code */
  char          *name;      /* … and its name */
  double         value;     /* its figure as of the period, NAN if none (composite: NAN) */
  char          *period;    /* the figure's period, or NULL */
  double         target;    /* its target (the city's, copied, for a rate or level), or NAN */
  double         expected;  /* what is due by the period, or NAN */
  double         score;     /* completion against the expected value: 1.0 on pace;
                               composite: the weighted mean; NAN without a figure */
  guint          rank;      /* 1 first; ties share a rank (1, 2, 2, 4); 0: not ranked */
  gboolean       has_change;
  int            change;    /* places gained since the previous period (争先进位), + up */
  LedgerRankBand band;
  LedgerStatus   status;    /* its traffic light against its own target (indicator rankings) */
  guint          n_missing; /* composite: indicators without its figure */
} LedgerRankRow;

#define LEDGER_TYPE_REGION_RANKING (ledger_region_ranking_get_type ())

G_DECLARE_FINAL_TYPE (LedgerRegionRanking, ledger_region_ranking, LEDGER, REGION_RANKING, GObject)

/* One indicator's regions, ranked as of the context's "as of" period. */
LedgerRegionRanking *ledger_region_ranking_new_for_indicator (LedgerContext   *context,
                                                              LedgerPlan      *plan,
                                                              LedgerIndicator *indicator);
/* All the plan's ranked indicators at once, weighted (the composite). */
LedgerRegionRanking *ledger_region_ranking_new_composite     (LedgerContext   *context,
                                                              LedgerPlan      *plan);
/* … each score counted up to @cap (a scoring scheme's) instead of 1.2. */
LedgerRegionRanking *ledger_region_ranking_new_composite_capped (LedgerContext *context,
                                                              LedgerPlan      *plan,
                                                              double           cap);
guint                ledger_region_ranking_get_n_rows        (LedgerRegionRanking *self);
const LedgerRankRow *ledger_region_ranking_get_row           (LedgerRegionRanking *self,
                                                              guint                index);
double               ledger_region_ranking_get_city_score    (LedgerRegionRanking *self);
const char          *ledger_region_ranking_get_as_of         (LedgerRegionRanking *self);
const char          *ledger_region_ranking_get_previous      (LedgerRegionRanking *self);

G_END_DECLS
