/* ledger-package-jobs.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-job-progress.h"
#include "ledger-package-merge.h"

G_BEGIN_DECLS

void                ledger_package_export_to_file_async  (LedgerStore         *store,
                                                          const char          *unit,
                                                          const char          *from_period,
                                                          const char          *to_period,
                                                          const char          *path,
                                                          LedgerJobProgress   *progress,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean            ledger_package_export_to_file_finish (GAsyncResult        *result,
                                                          GError             **error);
void                ledger_package_merge_load_async      (LedgerStore         *store,
                                                          GListModel          *files,
                                                          const LedgerCheckLimits *checks,
                                                          LedgerJobProgress   *progress,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
LedgerPackageMerge *ledger_package_merge_load_finish     (GAsyncResult        *result,
                                                          GError             **error);
void                ledger_package_merge_apply_async     (LedgerPackageMerge  *self,
                                                          LedgerStore         *store,
                                                          LedgerJobProgress   *progress,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean            ledger_package_merge_apply_finish    (LedgerPackageMerge  *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

G_END_DECLS
