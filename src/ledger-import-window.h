/* ledger-import-window.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ledger-context.h"
#include "ledger-csv-import.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_IMPORT_WINDOW (ledger_import_window_get_type ())

G_DECLARE_FINAL_TYPE (LedgerImportWindow, ledger_import_window, LEDGER, IMPORT_WINDOW, AdwWindow)

LedgerImportWindow *ledger_import_window_new        (GtkWindow          *parent,
                                                     LedgerContext      *context,
                                                     GFile              *file);
LedgerCsvImport    *ledger_import_window_get_import (LedgerImportWindow *self);
const char         *ledger_import_window_get_state  (LedgerImportWindow *self);
void                ledger_import_window_show_rows  (LedgerImportWindow *self,
                                                     LedgerImportAction  action);

G_END_DECLS
