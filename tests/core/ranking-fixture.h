/* ranking-fixture.h: a ledger of five regions and their figures, ranked
 * by hand in ranking-fixture.c (docs/regions.md, Rankings and Scoring)
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-store.h"

G_BEGIN_DECLS

#define RANKING_PLAN "rank-2026"

/* Creates the ledger @path with the plan of @plan_file (data/ranking-plan.json),
 * its regions, their targets and figures, a weight, a scoring scheme and
 * adjustments. */
LedgerStore *ranking_fixture_create (const char *path,
                                     const char *plan_file);

G_END_DECLS
