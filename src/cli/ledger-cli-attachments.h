/* ledger-cli-attachments.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-package-merge.h"
#include "ledger-store.h"

G_BEGIN_DECLS

LedgerPlan *ledger_cli_find_plan              (GPtrArray     *plans,
                                               const char    *code,
                                               GError       **error);
int         ledger_cli_attach                 (LedgerStore   *store,
                                               const char    *path,
                                               GVariantDict  *options);
int         ledger_cli_export_attachments     (LedgerStore   *store,
                                               const char    *dir);

void        ledger_cli_print_merged_files     (const LedgerPackageFiles *files);

G_END_DECLS
