/* ledger-csv-exchange.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-csv-import.h"
#include "ledger-progress.h"
#include "ledger-store.h"

G_BEGIN_DECLS

char     *ledger_csv_export_ledger (LedgerStore            *store,
                                    const LedgerTolerances *tolerances,
                                    GError                **error);
char     *ledger_csv_export_changes (LedgerStore *store);

G_END_DECLS
