/* ledger-package-attachments.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-package.h"

G_BEGIN_DECLS

/* What a merge does with the packages' files. */
typedef struct
{
  GPtrArray *added;        /* of LedgerIncomingAttachment */
  GPtrArray *refused;      /* of char *: the file, where from, and why */
  guint      n_unchanged;  /* already in the ledger */
} LedgerPackageFiles;

void     ledger_package_files_init  (LedgerPackageFiles  *files);
void     ledger_package_files_clear (LedgerPackageFiles  *files);
gboolean ledger_package_files_sort  (LedgerStore         *store,
                                     GPtrArray           *packages,
                                     LedgerPackageFiles  *files,
                                     GError             **error);

G_END_DECLS
