/* ledger-entry-dialog.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ledger-entry-check.h"
#include "ledger-store.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_ENTRY_DIALOG (ledger_entry_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LedgerEntryDialog, ledger_entry_dialog, LEDGER, ENTRY_DIALOG, AdwWindow)

LedgerEntryDialog *ledger_entry_dialog_new        (GtkWindow         *parent,
                                                   LedgerStore       *store,
                                                   LedgerPlan        *plan,
                                                   LedgerIndicator   *indicator,
                                                   const LedgerCheckLimits *checks);
const char        *ledger_entry_dialog_get_period (LedgerEntryDialog *self);
gboolean           ledger_entry_dialog_set_period (LedgerEntryDialog *self,
                                                   const char        *period);
const char        *ledger_entry_dialog_get_region (LedgerEntryDialog *self);
gboolean           ledger_entry_dialog_set_region (LedgerEntryDialog *self,
                                                   const char        *region);

G_END_DECLS
