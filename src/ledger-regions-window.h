/* ledger-regions-window.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ledger-store.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_REGIONS_WINDOW (ledger_regions_window_get_type ())

G_DECLARE_FINAL_TYPE (LedgerRegionsWindow, ledger_regions_window, LEDGER, REGIONS_WINDOW, AdwWindow)

LedgerRegionsWindow *ledger_regions_window_new (GtkWindow   *parent,
                                                LedgerStore *store,
                                                LedgerPlan  *plan);

G_END_DECLS
