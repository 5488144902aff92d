/* ledger-value-cells.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-value.h"

G_BEGIN_DECLS

/* What the ledger held in many cells (indicator, region, period), read
 * at once: an import looks each cell up here instead of asking the store
 * once a cell. */
typedef struct _LedgerValueCells LedgerValueCells;

/* What a snapshot knows of a cell. */
typedef enum
{
  LEDGER_CELL_EMPTY,    /* the ledger held no value there */
  LEDGER_CELL_HELD,     /* it held the value returned */
  LEDGER_CELL_UNKNOWN,  /* handed over or written since: ask the store */
} LedgerCellState;

LedgerValueCells *ledger_value_cells_new        (void);
void              ledger_value_cells_free       (LedgerValueCells *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerValueCells, ledger_value_cells_free)

void              ledger_value_cells_add        (LedgerValueCells *self,
                                                 LedgerValue      *value);
LedgerCellState   ledger_value_cells_take       (LedgerValueCells *self,
                                                 gint64            indicator_id,
                                                 const char       *region,
                                                 const char       *period,
                                                 LedgerValue     **value);
LedgerCellState   ledger_value_cells_peek       (LedgerValueCells *self,
                                                 gint64            indicator_id,
                                                 const char       *region,
                                                 const char       *period,
                                                 LedgerValue     **value);
void              ledger_value_cells_forget     (LedgerValueCells *self,
                                                 gint64            indicator_id,
                                                 const char       *region,
                                                 const char       *period);
gboolean          ledger_value_cells_has_any    (LedgerValueCells *self,
                                                 gint64            indicator_id,
                                                 const char       *region);

G_END_DECLS
