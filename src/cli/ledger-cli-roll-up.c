/* ledger-cli-roll-up.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-cli-roll-up.h"

/* --check's warnings: where a city's own total and its regions' sum
 * disagree (docs/regions.md, Roll-up). They are the office's figures to
 * look into, not damage: the check still passes. */

static void
index_indicator (LedgerNode      *area,
                 LedgerNode      *task,
                 LedgerIndicator *indicator,
                 gpointer         user_data)
{
  gint64 id = ledger_indicator_get_id (indicator);

  g_hash_table_insert (user_data, g_memdup2 (&id, sizeof id), indicator);
}

static guint
print_plan_gaps (LedgerStore *store,
                 LedgerPlan  *plan,
                 double       tolerance)
{
  g_autoptr(GPtrArray) roll_ups = ledger_store_list_roll_ups (store, plan);
  g_autoptr(GHashTable) indicators = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = 0;

  ledger_plan_foreach_indicator (plan, index_indicator, indicators);
  for (guint i = 0; i < roll_ups->len; i++)
    {
      LedgerRollUp *roll_up = roll_ups->pdata[i];
      LedgerIndicator *indicator = g_hash_table_lookup (indicators, &roll_up->indicator_id);

      if (indicator == NULL || !ledger_roll_up_differs (roll_up, tolerance))
        continue;
      /* Translators: a warning of --check; the indicator's code and name,
       * the period, the city's own figure, the regions' sum, how many
       * regions have a figure and how many count in the total */
      g_print (_("Warning: %s %s, %s: the city’s figure %g differs from the sum of its regions’ %g "
                 "(%u of %u regions)\n"),
               ledger_indicator_get_code (indicator), ledger_indicator_get_name (indicator),
               roll_up->period, roll_up->city, roll_up->sum, roll_up->n_summed, roll_up->n_regions);
      n++;
    }
  return n;
}

/* Returns: how many warnings were printed */
guint
ledger_cli_print_roll_up_gaps (LedgerStore *store,
                               double       tolerance)
{
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (store, NULL);
  guint n = 0;

  for (guint i = 0; plans != NULL && i < plans->len; i++)
    n += print_plan_gaps (store, plans->pdata[i], tolerance);
  return n;
}
