/* ledger-worker.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-store.h"

G_BEGIN_DECLS

/* A job on the ledger that may take a while: it runs in a thread, on its
 * own connection to the ledger file, and returns FALSE with @error set
 * when it fails or is cancelled. */
typedef gboolean (*LedgerWorkerFunc) (LedgerStore   *store,
                                      gpointer       data,
                                      GCancellable  *cancellable,
                                      GError       **error);

void         ledger_worker_run_async  (LedgerStore          *store,
                                       LedgerWorkerFunc      func,
                                       gpointer              data,
                                       GDestroyNotify        data_free,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
void         ledger_worker_read_async (LedgerStore          *store,
                                       LedgerWorkerFunc      func,
                                       gpointer              data,
                                       GDestroyNotify        data_free,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
void         ledger_worker_run_on_async (LedgerStore        *store,
                                         LedgerStore        *worker,
                                         LedgerWorkerFunc    func,
                                         gpointer            data,
                                         GDestroyNotify      data_free,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data);
gboolean     ledger_worker_run_finish (GAsyncResult         *result,
                                       GError              **error);
gpointer     ledger_worker_get_data   (GAsyncResult         *result);

G_END_DECLS
