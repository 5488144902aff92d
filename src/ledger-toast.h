/* ledger-toast.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void ledger_toast_show      (GtkWidget  *widget,
                             const char *message);
void ledger_toast_show_undo (GtkWidget  *widget,
                             const char *message);

G_END_DECLS
