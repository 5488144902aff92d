/* ledger-csv-exchange.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-progress.h"
#include "ledger-store.h"

G_BEGIN_DECLS

char     *ledger_csv_export_ledger (LedgerStore            *store,
                                    const LedgerTolerances *tolerances,
                                    GError                **error);
gboolean  ledger_csv_import_values (LedgerStore  *store,
                                    const char   *data,
                                    gsize         length,
                                    const char   *origin,
                                    guint        *n_values,
                                    GError      **error);

char     *ledger_csv_export_changes (LedgerStore *store);

G_END_DECLS
