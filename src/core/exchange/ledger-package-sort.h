/* ledger-package-sort.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-package-merge.h"

G_BEGIN_DECLS

/* What a merge found: the lists a LedgerPackageMerge hands out. */
typedef struct
{
  GPtrArray *added;      /* of LedgerImportRow */
  GPtrArray *unchanged;  /* of LedgerImportRow */
  GPtrArray *conflicts;  /* of LedgerImportRow, to change */
  GPtrArray *refused;    /* of LedgerImportRow, refused */
} LedgerPackageSorting;

G_GNUC_INTERNAL void     ledger_package_sorting_init  (LedgerPackageSorting  *sorting);
G_GNUC_INTERNAL void     ledger_package_sorting_clear (LedgerPackageSorting  *sorting);
G_GNUC_INTERNAL gboolean ledger_package_sort          (LedgerStore           *store,
                                                       GPtrArray             *packages,
                                                       const LedgerCheckLimits *checks,
                                                       LedgerPackageSorting  *sorting,
                                                       GError               **error);

G_END_DECLS
