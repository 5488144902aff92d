/* ledger-ranking-csv.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-context.h"

G_BEGIN_DECLS

char *ledger_ranking_export_csv (LedgerContext  *context,
                                 LedgerPlan     *plan,
                                 GError        **error);

G_END_DECLS
