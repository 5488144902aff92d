/* ledger-store-plan-values.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-store.h"
#include "ledger-value-cells.h"

G_BEGIN_DECLS

gboolean ledger_store_read_plan_cells (LedgerStore       *self,
                                       gint64             plan_id,
                                       LedgerValueCells  *cells,
                                       GError           **error);

G_END_DECLS
