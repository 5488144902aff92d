/* ledger-completeness-csv.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-store-cycle.h"

G_BEGIN_DECLS

char *ledger_completeness_export_csv (LedgerStore  *store,
                                      LedgerPlan   *plan,
                                      const char   *as_of,
                                      const GDate  *today,
                                      gboolean      skip_weekends,
                                      GError      **error);

G_END_DECLS
