/* ledger-indicator-row.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ledger-context.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_INDICATOR_ROW (ledger_indicator_row_get_type ())

G_DECLARE_FINAL_TYPE (LedgerIndicatorRow, ledger_indicator_row, LEDGER, INDICATOR_ROW, AdwPreferencesRow)

LedgerIndicatorRow *ledger_indicator_row_new           (LedgerContext      *context,
                                                        LedgerPlan         *plan,
                                                        LedgerIndicator    *indicator);
LedgerIndicator    *ledger_indicator_row_get_indicator (LedgerIndicatorRow *self);
LedgerStatus        ledger_indicator_row_get_status    (LedgerIndicatorRow *self);
void                ledger_indicator_row_record_value  (LedgerIndicatorRow *self);

G_END_DECLS
