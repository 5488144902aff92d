/* ledger-cycle-window.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ledger-context.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_CYCLE_WINDOW (ledger_cycle_window_get_type ())

G_DECLARE_FINAL_TYPE (LedgerCycleWindow, ledger_cycle_window, LEDGER, CYCLE_WINDOW, AdwWindow)

LedgerCycleWindow *ledger_cycle_window_new       (GtkWindow     *parent,
                                                  LedgerContext *context,
                                                  LedgerPlan    *plan);
void               ledger_cycle_window_set_today (LedgerCycleWindow *self,
                                                  const GDate       *today);

G_END_DECLS
