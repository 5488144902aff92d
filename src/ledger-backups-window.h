/* ledger-backups-window.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ledger-store.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_BACKUPS_WINDOW (ledger_backups_window_get_type ())

G_DECLARE_FINAL_TYPE (LedgerBackupsWindow, ledger_backups_window, LEDGER, BACKUPS_WINDOW, AdwWindow)

LedgerBackupsWindow *ledger_backups_window_new     (GtkWindow           *parent,
                                                    LedgerStore         *store);
void                 ledger_backups_window_restore (LedgerBackupsWindow *self,
                                                    const char          *path);

G_END_DECLS
