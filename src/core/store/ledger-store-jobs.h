/* ledger-store-jobs.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ledger-copy-summary.h"
#include "ledger-job-progress.h"
#include "ledger-store.h"

G_BEGIN_DECLS

void       ledger_store_backup_named_async         (LedgerStore         *self,
                                                    const char          *what,
                                                    LedgerJobProgress   *progress,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
char      *ledger_store_backup_named_finish        (LedgerStore         *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void       ledger_store_backup_daily_async         (LedgerStore         *self,
                                                    GDateTime           *today,
                                                    LedgerJobProgress   *progress,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean   ledger_store_backup_daily_finish        (LedgerStore         *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void       ledger_store_restore_from_async         (LedgerStore         *self,
                                                    const char          *path,
                                                    LedgerJobProgress   *progress,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean   ledger_store_restore_from_finish        (LedgerStore         *self,
                                                    GAsyncResult        *result,
                                                    char               **safety_copy,
                                                    GError             **error);
void       ledger_store_add_plans_from_file_async  (LedgerStore         *self,
                                                    GFile               *file,
                                                    LedgerJobProgress   *progress,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray *ledger_store_add_plans_from_file_finish (LedgerStore         *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void       ledger_store_add_plans_async            (LedgerStore         *self,
                                                    GPtrArray           *plans,
                                                    LedgerJobProgress   *progress,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray *ledger_store_add_plans_finish           (LedgerStore         *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void       ledger_store_add_attachment_async       (LedgerStore         *self,
                                                    gint64               indicator_id,
                                                    const char          *period,
                                                    const char          *path,
                                                    guint64              limit,
                                                    LedgerJobProgress   *progress,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
LedgerAttachment *ledger_store_add_attachment_finish (LedgerStore       *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void       ledger_store_undo_async                 (LedgerStore         *self,
                                                    LedgerJobProgress   *progress,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean   ledger_store_undo_finish                (LedgerStore         *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void       ledger_store_write_plans_async          (LedgerStore         *self,
                                                    const char          *path,
                                                    LedgerJobProgress   *progress,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean   ledger_store_write_plans_finish         (LedgerStore         *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void       ledger_store_import_values_async        (LedgerStore         *self,
                                                    GPtrArray           *values,
                                                    const char          *origin,
                                                    LedgerJobProgress   *progress,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean   ledger_store_import_values_finish       (LedgerStore         *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void       ledger_store_rename_unit_async          (LedgerStore         *self,
                                                    LedgerPlan          *plan,
                                                    const char          *from,
                                                    const char          *to,
                                                    LedgerJobProgress   *progress,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean   ledger_store_rename_unit_finish         (LedgerStore         *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void       ledger_store_delete_indicator_async     (LedgerStore         *self,
                                                    gint64               indicator_id,
                                                    LedgerJobProgress   *progress,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean   ledger_store_delete_indicator_finish    (LedgerStore         *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void       ledger_store_copy_to_async              (LedgerStore         *self,
                                                    const char          *location,
                                                    LedgerJobProgress   *progress,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean   ledger_store_copy_to_finish             (LedgerStore         *self,
                                                    GAsyncResult        *result,
                                                    LedgerCopySummary   *summary,
                                                    GError             **error);

G_END_DECLS
