/* ledger-copy-window.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ledger-store.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_COPY_WINDOW (ledger_copy_window_get_type ())

G_DECLARE_FINAL_TYPE (LedgerCopyWindow, ledger_copy_window, LEDGER, COPY_WINDOW, AdwWindow)

LedgerCopyWindow *ledger_copy_window_new                (GtkWindow        *parent,
                                                         LedgerStore      *store,
                                                         const char       *server_location);
char             *ledger_copy_window_propose_file_name  (LedgerStore      *store,
                                                         GDateTime        *today);
void              ledger_copy_window_copy_to_file       (LedgerCopyWindow *self,
                                                         const char       *path);
gboolean          ledger_copy_window_is_copying         (LedgerCopyWindow *self);

G_END_DECLS
