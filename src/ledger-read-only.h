/* ledger-read-only.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ledger-store.h"

G_BEGIN_DECLS

void ledger_read_only_disable_actions (GtkWidget          *widget,
                                       LedgerStore        *store,
                                       const char * const *actions);

G_END_DECLS
