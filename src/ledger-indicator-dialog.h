/* ledger-indicator-dialog.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ledger-store.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_INDICATOR_DIALOG (ledger_indicator_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LedgerIndicatorDialog, ledger_indicator_dialog, LEDGER, INDICATOR_DIALOG, AdwWindow)

LedgerIndicatorDialog *ledger_indicator_dialog_new_edit (GtkWindow       *parent,
                                                         LedgerStore     *store,
                                                         LedgerIndicator *indicator);
void                   ledger_indicator_dialog_set_plan (LedgerIndicatorDialog *self,
                                                         LedgerPlan            *plan);
LedgerIndicatorDialog *ledger_indicator_dialog_new_add  (GtkWindow       *parent,
                                                         LedgerStore     *store,
                                                         gint64           task_id);

LedgerIndicatorDialog *ledger_indicator_dialog_new_add_task (GtkWindow   *parent,
                                                             LedgerStore *store,
                                                             gint64       area_id);

G_END_DECLS
