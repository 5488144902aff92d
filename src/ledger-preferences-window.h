/* ledger-preferences-window.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LEDGER_TYPE_PREFERENCES_WINDOW (ledger_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (LedgerPreferencesWindow, ledger_preferences_window, LEDGER, PREFERENCES_WINDOW, AdwPreferencesWindow)

LedgerPreferencesWindow *ledger_preferences_window_new (GtkWindow *parent,
                                                        GSettings *settings);

G_END_DECLS
