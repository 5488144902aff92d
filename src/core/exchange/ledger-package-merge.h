/* ledger-package-merge.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-entry-check.h"
#include "ledger-package-attachments.h"
#include "ledger-import-row.h"
#include "ledger-package.h"

G_BEGIN_DECLS

/* What merging data packages into the ledger would do, per indicator and
 * period, as the rows of an import (LedgerImportRow): to add, unchanged,
 * in conflict (to change, with the candidates) or refused (with the
 * package as origin). The user resolves the conflicts, then applies it.
 * The rows are owned by the merge. */

#define LEDGER_TYPE_PACKAGE_MERGE (ledger_package_merge_get_type ())

G_DECLARE_FINAL_TYPE (LedgerPackageMerge, ledger_package_merge, LEDGER, PACKAGE_MERGE, GObject)

LedgerPackageMerge          *ledger_package_merge_new             (LedgerStore        *store,
                                                                   GPtrArray          *packages,
                                                                   const LedgerCheckLimits *checks,
                                                                   GError            **error);
guint                        ledger_package_merge_get_n_added     (LedgerPackageMerge *self);
LedgerImportRow             *ledger_package_merge_get_added       (LedgerPackageMerge *self,
                                                                   guint               index);
guint                        ledger_package_merge_get_n_unchanged (LedgerPackageMerge *self);
guint                        ledger_package_merge_get_n_conflicts (LedgerPackageMerge *self);
LedgerImportRow             *ledger_package_merge_get_conflict    (LedgerPackageMerge *self,
                                                                   guint               index);
guint                        ledger_package_merge_get_n_refused   (LedgerPackageMerge *self);
LedgerImportRow             *ledger_package_merge_get_refused     (LedgerPackageMerge *self,
                                                                   guint               index);
gboolean                     ledger_package_merge_choose          (LedgerPackageMerge *self,
                                                                   guint               conflict_index,
                                                                   int                 candidate_index);
guint                        ledger_package_merge_count_unresolved (LedgerPackageMerge *self);
guint                        ledger_package_merge_count_writes    (LedgerPackageMerge *self);
gboolean                     ledger_package_merge_apply           (LedgerPackageMerge *self,
                                                                   GError            **error);
gboolean                     ledger_package_merge_apply_reporting (LedgerPackageMerge *self,
                                                                   LedgerJobProgress  *progress,
                                                                   GCancellable       *cancellable,
                                                                   GError            **error);
const LedgerPackageFiles    *ledger_package_merge_get_files       (LedgerPackageMerge *self);
LedgerStore                 *ledger_package_merge_get_store       (LedgerPackageMerge *self);
GPtrArray                   *ledger_package_merge_get_packages    (LedgerPackageMerge *self);

G_END_DECLS
