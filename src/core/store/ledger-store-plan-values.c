/* ledger-store-plan-values.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-store"

#include "config.h"

#include "ledger-store-plan-values.h"
#include "ledger-store-private.h"

/* All of a plan's values in one statement, every indicator and region:
 * what an import compares its rows with. One statement a plan instead of
 * one a row: on the office's server each is a round trip. */

/**
 * ledger_store_read_plan_cells:
 * @cells: where the values go
 *
 * Adds every value of the indicators of plan @plan_id, in any region, to
 * @cells. Read it in the transaction the cells are used in.
 *
 * Returns: whether the values could be read (some may have been added
 *   when not)
 */
gboolean
ledger_store_read_plan_cells (LedgerStore       *self,
                              gint64             plan_id,
                              LedgerValueCells  *cells,
                              GError           **error)
{
  g_autofree char *sql = g_strconcat ("SELECT ", store_value_columns (), " FROM indicator_values "
                                      "WHERE indicator_id IN (SELECT id FROM indicators WHERE plan_id = ?)",
                                      NULL);
  StoreStatement *stmt;
  int rc;

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (cells != NULL, FALSE);

  if ((stmt = store_prepare (self, sql, error)) == NULL)
    return FALSE;
  store_bind_int64 (stmt, 1, plan_id);
  while ((rc = store_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(LedgerValue) value = store_value_from_row (stmt);

      ledger_value_cells_add (cells, value);
    }
  store_reset (stmt);
  return rc == SQLITE_DONE || store_set_error (self, rc, error);
}
