/* ledger-accessible.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void ledger_accessible_name_drop_down (GtkDropDown *drop_down,
                                       const char  *label);
void ledger_accessible_name_list_item (GtkWidget   *child,
                                       const char  *label,
                                       const char  *description);
GtkWidget *ledger_accessible_row_button_new (const char *icon,
                                             const char *label,
                                             const char *action,
                                             const char *target);

G_END_DECLS
