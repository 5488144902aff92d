/* ledger-pace-bar.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ledger-progress.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_PACE_BAR (ledger_pace_bar_get_type ())

G_DECLARE_FINAL_TYPE (LedgerPaceBar, ledger_pace_bar, LEDGER, PACE_BAR, GtkWidget)

GtkWidget *ledger_pace_bar_new          (void);
void       ledger_pace_bar_set_progress (LedgerPaceBar        *self,
                                         const LedgerProgress *progress);

G_END_DECLS
