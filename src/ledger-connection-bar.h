/* ledger-connection-bar.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LEDGER_TYPE_CONNECTION_BAR (ledger_connection_bar_get_type ())

G_DECLARE_FINAL_TYPE (LedgerConnectionBar, ledger_connection_bar, LEDGER, CONNECTION_BAR, GtkWidget)

GtkWidget *ledger_connection_bar_new        (void);
void       ledger_connection_bar_set_online (LedgerConnectionBar *self,
                                             gboolean             online);
gboolean   ledger_connection_bar_is_shown   (LedgerConnectionBar *self);

G_END_DECLS
