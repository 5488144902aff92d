/* ledger-status-bar.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ledger-progress.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_STATUS_BAR (ledger_status_bar_get_type ())

G_DECLARE_FINAL_TYPE (LedgerStatusBar, ledger_status_bar, LEDGER, STATUS_BAR, GtkWidget)

GtkWidget *ledger_status_bar_new        (void);
void       ledger_status_bar_set_counts (LedgerStatusBar *self,
                                         const guint      counts[LEDGER_N_STATUSES]);

G_END_DECLS
