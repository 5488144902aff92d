/* ledger-package-import-window.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ledger-context.h"
#include "ledger-package-merge.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_PACKAGE_IMPORT_WINDOW (ledger_package_import_window_get_type ())

G_DECLARE_FINAL_TYPE (LedgerPackageImportWindow, ledger_package_import_window, LEDGER, PACKAGE_IMPORT_WINDOW,
                      AdwWindow)

LedgerPackageImportWindow *ledger_package_import_window_new       (GtkWindow                 *parent,
                                                                   LedgerContext             *context,
                                                                   GListModel                *files);
const char                *ledger_package_import_window_get_state (LedgerPackageImportWindow *self);
LedgerPackageMerge        *ledger_package_import_window_get_merge (LedgerPackageImportWindow *self);
void                       ledger_package_import_window_choose    (LedgerPackageImportWindow *self,
                                                                   guint                      conflict,
                                                                   int                        candidate);

G_END_DECLS
