/* ledger-sidebar-row.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ledger-context.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_SIDEBAR_ROW (ledger_sidebar_row_get_type ())

G_DECLARE_FINAL_TYPE (LedgerSidebarRow, ledger_sidebar_row, LEDGER, SIDEBAR_ROW, GtkListBoxRow)

/* The page name of the regions' ranking, as win.select-page takes it. */
#define LEDGER_SIDEBAR_RANKING_KEY "ranking"

GtkWidget  *ledger_sidebar_row_new      (LedgerContext    *context,
                                         LedgerPlan       *plan,
                                         LedgerNode       *area);
GtkWidget  *ledger_sidebar_row_new_ranking (LedgerContext *context,
                                            LedgerPlan    *plan);
gboolean    ledger_sidebar_row_is_ranking (LedgerSidebarRow *self);
LedgerNode *ledger_sidebar_row_get_area (LedgerSidebarRow *self);
const char *ledger_sidebar_row_get_key  (LedgerSidebarRow *self);
const char *ledger_sidebar_row_get_title (LedgerSidebarRow *self);

G_END_DECLS
