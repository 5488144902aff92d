/* ledger-value-cells.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-store"

#include "config.h"

#include "ledger-value-cells.h"

/* A snapshot of cells, read in a few statements where asking for each
 * cell would take one each: on the office's server, a round trip a cell
 * is most of an import's time. Each cell is meant to be asked once:
 * taking a value hands it over (the snapshot does not keep a second copy
 * of a large import's values), and a cell taken before is "unknown",
 * for the caller to read from the store as before. An empty cell stays
 * empty: a snapshot read in a transaction that writes must be told of
 * each cell written (ledger_value_cells_forget()). */

struct _LedgerValueCells
{
  GHashTable *cells;   /* "id\x1fregion\x1fperiod" → LedgerValue, or NULL when unknown */
  GHashTable *pairs;   /* "id\x1fregion" of the cells that held a value */
  GString    *key;
};

static void
unref_value (gpointer value)
{
  if (value != NULL)
    g_object_unref (value);
}

LedgerValueCells *
ledger_value_cells_new (void)
{
  LedgerValueCells *self = g_new0 (LedgerValueCells, 1);

  self->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_value);
  self->pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->key = g_string_new (NULL);
  return self;
}

void
ledger_value_cells_free (LedgerValueCells *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->cells);
  g_hash_table_unref (self->pairs);
  g_string_free (self->key, TRUE);
  g_free (self);
}

static const char *
pair_key (LedgerValueCells *self,
          gint64            indicator_id,
          const char       *region)
{
  g_string_printf (self->key, "%" G_GINT64_FORMAT "\x1f%s", indicator_id, region != NULL ? region : "");
  return self->key->str;
}

static const char *
cell_key (LedgerValueCells *self,
          gint64            indicator_id,
          const char       *region,
          const char       *period)
{
  pair_key (self, indicator_id, region);
  g_string_append_c (self->key, '\x1f');
  g_string_append (self->key, period);
  return self->key->str;
}

static void
add_pair (LedgerValueCells *self,
          gint64            indicator_id,
          const char       *region)
{
  const char *key = pair_key (self, indicator_id, region);

  if (!g_hash_table_contains (self->pairs, key))
    g_hash_table_add (self->pairs, g_strdup (key));
}

/* Adds a value the ledger holds; @value is referenced. */
void
ledger_value_cells_add (LedgerValueCells *self,
                        LedgerValue      *value)
{
  gint64 id = ledger_value_get_indicator_id (value);

  add_pair (self, id, ledger_value_get_region (value));
  g_hash_table_replace (self->cells,
                        g_strdup (cell_key (self, id, ledger_value_get_region (value),
                                            ledger_value_get_period (value))),
                        g_object_ref (value));
}

static LedgerCellState
look (LedgerValueCells *self,
      gint64            indicator_id,
      const char       *region,
      const char       *period,
      gboolean          take,
      LedgerValue     **value)
{
  gpointer key = NULL, held = NULL;

  *value = NULL;
  if (!g_hash_table_lookup_extended (self->cells, cell_key (self, indicator_id, region, period), &key, &held))
    return LEDGER_CELL_EMPTY;
  if (held == NULL)
    return LEDGER_CELL_UNKNOWN;
  if (!take)
    {
      *value = g_object_ref (held);
      return LEDGER_CELL_HELD;
    }
  g_hash_table_steal (self->cells, key);
  g_hash_table_insert (self->cells, key, NULL);
  *value = held;
  return LEDGER_CELL_HELD;
}

/**
 * ledger_value_cells_take:
 * @value: (out) (transfer full): with %LEDGER_CELL_HELD, the value
 *
 * Hands over the value of a cell: asked again, the cell is unknown.
 */
LedgerCellState
ledger_value_cells_take (LedgerValueCells  *self,
                         gint64             indicator_id,
                         const char        *region,
                         const char        *period,
                         LedgerValue      **value)
{
  return look (self, indicator_id, region, period, TRUE, value);
}

/* Like ledger_value_cells_take(), keeping the value. */
LedgerCellState
ledger_value_cells_peek (LedgerValueCells  *self,
                         gint64             indicator_id,
                         const char        *region,
                         const char        *period,
                         LedgerValue      **value)
{
  return look (self, indicator_id, region, period, FALSE, value);
}

/* A cell written since the snapshot was read: unknown from now on. */
void
ledger_value_cells_forget (LedgerValueCells *self,
                           gint64            indicator_id,
                           const char       *region,
                           const char       *period)
{
  add_pair (self, indicator_id, region);
  g_hash_table_replace (self->cells, g_strdup (cell_key (self, indicator_id, region, period)), NULL);
}

/* Whether any cell of the indicator and region held a value (or was
 * written since). */
gboolean
ledger_value_cells_has_any (LedgerValueCells *self,
                            gint64            indicator_id,
                            const char       *region)
{
  return g_hash_table_contains (self->pairs, pair_key (self, indicator_id, region));
}
