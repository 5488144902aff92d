/* ledger-due-day-row.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LEDGER_TYPE_DUE_DAY_ROW (ledger_due_day_row_get_type ())

G_DECLARE_FINAL_TYPE (LedgerDueDayRow, ledger_due_day_row, LEDGER, DUE_DAY_ROW, AdwActionRow)

GtkWidget  *ledger_due_day_row_new      (const char      *title,
                                         const char      *name);
const char *ledger_due_day_row_get_name (LedgerDueDayRow *self);
int         ledger_due_day_row_get_day  (LedgerDueDayRow *self);
void        ledger_due_day_row_set_day  (LedgerDueDayRow *self,
                                         int              day);

G_END_DECLS
