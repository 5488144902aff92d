/* ledger-csv-exchange.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-csv.h"
#include "ledger-csv-import.h"
#include "ledger-export-job.h"
#include "ledger-progress.h"
#include "ledger-store.h"

G_BEGIN_DECLS

char     *ledger_csv_export_ledger (LedgerStore            *store,
                                    const LedgerTolerances *tolerances,
                                    GError                **error);
char     *ledger_csv_export_changes (LedgerStore *store);
void      ledger_csv_export_file_async (LedgerContext       *context,
                                        LedgerCsvEncoding    encoding,
                                        const char          *path,
                                        LedgerJobProgress   *progress,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);

G_END_DECLS
