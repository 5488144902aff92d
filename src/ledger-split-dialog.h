/* ledger-split-dialog.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ledger-store.h"
#include "ledger-target-split.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_SPLIT_DIALOG (ledger_split_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LedgerSplitDialog, ledger_split_dialog, LEDGER, SPLIT_DIALOG, AdwWindow)

LedgerSplitDialog *ledger_split_dialog_new     (GtkWindow         *parent,
                                                LedgerStore       *store,
                                                LedgerPlan        *plan,
                                                LedgerIndicator   *indicator);
void               ledger_split_dialog_set_way (LedgerSplitDialog *self,
                                                LedgerSplitWay     way);

G_END_DECLS
