/* ledger-xlsx-export.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-export-job.h"
#include "ledger-progress.h"
#include "ledger-store.h"

G_BEGIN_DECLS

gboolean ledger_xlsx_export (LedgerStore             *store,
                             const LedgerTolerances  *tolerances,
                             const char              *as_of,
                             const char              *path,
                             GError                 **error);
void     ledger_xlsx_export_async (LedgerContext        *context,
                                   const char           *path,
                                   LedgerJobProgress    *progress,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);

G_END_DECLS
