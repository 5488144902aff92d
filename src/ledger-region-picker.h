/* ledger-region-picker.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkStringList *ledger_region_picker_labels (GPtrArray  *regions);
const char    *ledger_region_picker_code   (GPtrArray  *regions,
                                            guint       selected);
gboolean       ledger_region_picker_find   (GPtrArray  *regions,
                                            const char *code,
                                            guint      *selected);

G_END_DECLS
