/* ledger-package-export-window.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ledger-context.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_PACKAGE_EXPORT_WINDOW (ledger_package_export_window_get_type ())

G_DECLARE_FINAL_TYPE (LedgerPackageExportWindow, ledger_package_export_window, LEDGER, PACKAGE_EXPORT_WINDOW,
                      AdwWindow)

LedgerPackageExportWindow *ledger_package_export_window_new    (GtkWindow                 *parent,
                                                                LedgerContext             *context,
                                                                LedgerPlan                *plan);
gboolean                   ledger_package_export_window_select (LedgerPackageExportWindow *self,
                                                                const char                *unit,
                                                                const char                *from,
                                                                const char                *to);
void                       ledger_package_export_window_export (LedgerPackageExportWindow *self,
                                                                const char                *path);

G_END_DECLS
