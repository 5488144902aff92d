/* ledger-rank-words.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-rank-words"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-rank-words.h"

/* "3", or 未报 for a region without a figure: it is listed last, unranked. */
char *
ledger_rank_dup_place (const LedgerRankRow *row)
{
  if (row->rank == 0)
    /* Translators: a region that has no figure for the period, 未报 */
    return g_strdup (_("Not reported"));
  return g_strdup_printf ("%u", row->rank);
}

/* 争先进位: "↑2" for two places gained since the previous period, "↓1" for
 * one lost, a dash for none or without a previous ranking. */
char *
ledger_rank_dup_change (const LedgerRankRow *row)
{
  if (!row->has_change || row->change == 0)
    return g_strdup ("—");
  if (row->change > 0)
    return g_strdup_printf ("↑%d", row->change);
  return g_strdup_printf ("↓%d", -row->change);
}

gboolean
ledger_rank_any_ranked (LedgerRegionRanking *ranking)
{
  for (guint i = 0; i < ledger_region_ranking_get_n_rows (ranking); i++)
    {
      if (ledger_region_ranking_get_row (ranking, i)->rank > 0)
        return TRUE;
    }
  return FALSE;
}
