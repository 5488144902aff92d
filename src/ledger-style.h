/* ledger-style.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ledger-progress.h"

G_BEGIN_DECLS

GdkRGBA ledger_style_color        (GtkWidget    *widget,
                                   const char   *name);
GdkRGBA ledger_style_status_color (GtkWidget    *widget,
                                   LedgerStatus  status);

G_END_DECLS
