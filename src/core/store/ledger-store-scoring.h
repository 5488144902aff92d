/* ledger-store-scoring.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-scoring.h"
#include "ledger-store.h"

G_BEGIN_DECLS

/* The rankings' weights and a plan's 考核评分 (docs/regions.md, Rankings
 * and Scoring). Every write is logged in the change log. */
double      ledger_store_get_ranking_weight      (LedgerStore                *self,
                                                  gint64                      indicator_id);
GHashTable *ledger_store_list_ranking_weights    (LedgerStore                *self,
                                                  gint64                      plan_id);
gboolean    ledger_store_set_ranking_weight      (LedgerStore                *self,
                                                  gint64                      indicator_id,
                                                  double                      weight,
                                                  GError                    **error);
gboolean    ledger_store_get_scoring_scheme      (LedgerStore                *self,
                                                  gint64                      plan_id,
                                                  LedgerScoringScheme        *scheme);
gboolean    ledger_store_set_scoring_scheme      (LedgerStore                *self,
                                                  gint64                      plan_id,
                                                  const LedgerScoringScheme  *scheme,
                                                  GError                    **error);
GPtrArray  *ledger_store_list_score_adjustments  (LedgerStore                *self,
                                                  gint64                      plan_id,
                                                  const char                 *period);
gboolean    ledger_store_add_score_adjustment    (LedgerStore                *self,
                                                  gint64                      plan_id,
                                                  LedgerScoreAdjustment      *adjustment,
                                                  GError                    **error);
gboolean    ledger_store_remove_score_adjustment (LedgerStore                *self,
                                                  gint64                      id,
                                                  GError                    **error);

G_END_DECLS
