/* ledger-preview-row.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *ledger_preview_label_new (const char *css_class,
                                     gboolean    wrap);
GtkWidget *ledger_preview_row_new   (GtkWidget  *text);
void       ledger_preview_row_set_line (GtkWidget  *row,
                                     const char *line);

G_END_DECLS
