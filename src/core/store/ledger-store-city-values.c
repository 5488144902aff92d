/* ledger-store-city-values.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-store"

#include "config.h"

#include "ledger-store-private.h"

/* The city's own figures of a whole plan in one query: the pages ask for
 * each indicator's latest figure and its base year, and on the office's
 * server each asking would be a round trip. */

/**
 * ledger_store_read_plan_city_values:
 * @indicator_id: an indicator of the plan
 * @func: called once for each city figure of every indicator of the plan,
 *   earliest first, and once with %NULL for an indicator without any
 *
 * Returns: %FALSE if the ledger could not be read (@func may have been
 *   called for some figures)
 */
gboolean
ledger_store_read_plan_city_values (LedgerStore         *self,
                                    gint64               indicator_id,
                                    LedgerCityValueFunc  func,
                                    gpointer             user_data)
{
  StoreStatement *stmt;
  int rc;

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = store_prepare (self,
    "SELECT i.id, v.period, v.value, v.status, v.note, v.source, v.updated_at, v.updated_by, v.region, "
    "v.version, v.period_key, p.first_year * 1000 "
    "FROM indicators i JOIN plans p ON p.id = i.plan_id "
    "LEFT JOIN indicator_values v ON v.indicator_id = i.id AND v.region = '' "
    "WHERE i.plan_id = (SELECT plan_id FROM indicators WHERE id = ?1) "
    "ORDER BY i.id, v.period_key", NULL);
  if (stmt == NULL)
    return FALSE;
  store_bind_int64 (stmt, 1, indicator_id);
  while ((rc = store_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(LedgerValue) value = NULL;

      if (store_column_type (stmt, 1) != SQLITE_NULL)
        value = store_value_from_row (stmt);
      func (store_column_int64 (stmt, 0), store_column_int (stmt, 11), value, store_column_int (stmt, 10),
            user_data);
    }
  store_reset (stmt);
  return rc == SQLITE_DONE;
}
