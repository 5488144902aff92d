/* ledger-server-dialog.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LEDGER_TYPE_SERVER_DIALOG (ledger_server_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LedgerServerDialog, ledger_server_dialog, LEDGER, SERVER_DIALOG, AdwWindow)

LedgerServerDialog *ledger_server_dialog_new        (GtkWindow          *parent,
                                                     const char         *location,
                                                     gboolean            offer_file);
gboolean            ledger_server_dialog_is_connecting (LedgerServerDialog *self);
void                ledger_server_dialog_connect    (LedgerServerDialog *self,
                                                     const char         *password);

G_END_DECLS
