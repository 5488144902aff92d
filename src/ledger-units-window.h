/* ledger-units-window.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ledger-store.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_UNITS_WINDOW (ledger_units_window_get_type ())

G_DECLARE_FINAL_TYPE (LedgerUnitsWindow, ledger_units_window, LEDGER, UNITS_WINDOW, AdwWindow)

LedgerUnitsWindow *ledger_units_window_new (GtkWindow   *parent,
                                            LedgerStore *store,
                                            LedgerPlan  *plan);

G_END_DECLS
