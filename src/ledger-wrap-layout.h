/* ledger-wrap-layout.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LEDGER_TYPE_WRAP_LAYOUT (ledger_wrap_layout_get_type ())

G_DECLARE_FINAL_TYPE (LedgerWrapLayout, ledger_wrap_layout, LEDGER, WRAP_LAYOUT, GtkLayoutManager)

GtkLayoutManager *ledger_wrap_layout_new (int spacing);

G_END_DECLS
