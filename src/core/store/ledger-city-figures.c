/* ledger-city-figures.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-store"

#include "config.h"

#include "ledger-city-figures.h"

/* The city's own figures of each indicator, as the store holds them, read
 * a whole plan at a time: a page judges every indicator of a plan against
 * its latest figure and its base year, and on the office's server one
 * reading per indicator and period would be hundreds of round trips. The
 * context keeps one and tells it which indicators were written. */

struct _LedgerCityFigures
{
  GObject      parent_instance;

  LedgerStore *store;
  GHashTable  *series;   /* indicator id → its Series */
};

/* One indicator's figures, earliest first, with their periods' keys. */
typedef struct
{
  int        plan_start_key;
  GPtrArray *values;
  GArray    *keys;
} Series;

G_DEFINE_FINAL_TYPE (LedgerCityFigures, ledger_city_figures, G_TYPE_OBJECT)

static void
series_free (Series *series)
{
  g_ptr_array_unref (series->values);
  g_array_unref (series->keys);
  g_free (series);
}

static void
ledger_city_figures_finalize (GObject *object)
{
  LedgerCityFigures *self = LEDGER_CITY_FIGURES (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->series, g_hash_table_unref);

  G_OBJECT_CLASS (ledger_city_figures_parent_class)->finalize (object);
}

static void
ledger_city_figures_class_init (LedgerCityFiguresClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ledger_city_figures_finalize;
}

static void
ledger_city_figures_init (LedgerCityFigures *self)
{
  self->series = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) series_free);
}

LedgerCityFigures *
ledger_city_figures_new (LedgerStore *store)
{
  LedgerCityFigures *self;

  g_return_val_if_fail (LEDGER_IS_STORE (store), NULL);

  self = g_object_new (LEDGER_TYPE_CITY_FIGURES, NULL);
  self->store = g_object_ref (store);
  return self;
}

static void
add_figure_cb (gint64       indicator_id,
               int          plan_start_key,
               LedgerValue *value,
               int          period_key,
               gpointer     user_data)
{
  GHashTable *series = user_data;
  Series *found = g_hash_table_lookup (series, &indicator_id);

  if (found == NULL)
    {
      found = g_new0 (Series, 1);
      found->plan_start_key = plan_start_key;
      found->values = g_ptr_array_new_with_free_func (g_object_unref);
      found->keys = g_array_new (FALSE, FALSE, sizeof (int));
      g_hash_table_insert (series, g_memdup2 (&indicator_id, sizeof indicator_id), found);
    }
  if (value == NULL)
    return;
  g_ptr_array_add (found->values, g_object_ref (value));
  g_array_append_val (found->keys, period_key);
}

/* The figures of @indicator_id, read with those of its whole plan the
 * first time; %NULL if the store cannot be read or has no such indicator. */
static Series *
series_of (LedgerCityFigures *self,
           gint64             indicator_id)
{
  Series *series = g_hash_table_lookup (self->series, &indicator_id);
  g_autoptr(GHashTable) read = NULL;
  GHashTableIter iter;
  gpointer id;

  if (series != NULL)
    return series;
  read = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) series_free);
  if (!ledger_store_read_plan_city_values (self->store, indicator_id, add_figure_cb, read))
    return NULL;
  /* What is kept already is as fresh: the store said when it changed. */
  g_hash_table_iter_init (&iter, read);
  while (g_hash_table_iter_next (&iter, &id, (gpointer *) &series))
    {
      if (g_hash_table_contains (self->series, id))
        continue;
      g_hash_table_iter_steal (&iter);
      g_hash_table_insert (self->series, id, series);
    }
  return g_hash_table_lookup (self->series, &indicator_id);
}

/**
 * ledger_city_figures_get:
 *
 * Returns: (transfer full) (nullable): the city's figure of @period, as
 *   ledger_store_get_value() reads it
 */
LedgerValue *
ledger_city_figures_get (LedgerCityFigures *self,
                         gint64             indicator_id,
                         const char        *period)
{
  Series *series;

  g_return_val_if_fail (LEDGER_IS_CITY_FIGURES (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  if ((series = series_of (self, indicator_id)) == NULL)
    return ledger_store_get_value (self->store, indicator_id, period);
  for (guint i = 0; i < series->values->len; i++)
    {
      LedgerValue *value = g_ptr_array_index (series->values, i);

      if (g_str_equal (ledger_value_get_period (value), period))
        return g_object_ref (value);
    }
  return NULL;
}

/**
 * ledger_city_figures_get_latest:
 * @as_of: (nullable): the period it must end by, or %NULL for the latest
 *   of all
 *
 * Returns: (transfer full) (nullable): the city's latest figure in the
 *   plan's own years whose period ends by the end of @as_of, as
 *   ledger_store_get_latest_value_until() reads it
 */
LedgerValue *
ledger_city_figures_get_latest (LedgerCityFigures  *self,
                                gint64              indicator_id,
                                const LedgerPeriod *as_of)
{
  Series *series;
  int bound;

  g_return_val_if_fail (LEDGER_IS_CITY_FIGURES (self), NULL);

  if ((series = series_of (self, indicator_id)) == NULL)
    return as_of != NULL ? ledger_store_get_latest_value_until (self->store, indicator_id, as_of)
                         : ledger_store_get_latest_value (self->store, indicator_id);
  bound = as_of != NULL ? ledger_period_last_sort_key (as_of) : G_MAXINT;
  for (guint i = series->values->len; i-- > 0;)
    {
      int key = g_array_index (series->keys, int, i);

      if (key < series->plan_start_key)
        break;
      if (key <= bound)
        return g_object_ref (g_ptr_array_index (series->values, i));
    }
  return NULL;
}

/**
 * ledger_city_figures_forget:
 * @indicator_id: the indicator written, or 0 for all of them
 *
 * Forgets what was read of @indicator_id: the next asking reads it again.
 */
void
ledger_city_figures_forget (LedgerCityFigures *self,
                            gint64             indicator_id)
{
  g_return_if_fail (LEDGER_IS_CITY_FIGURES (self));

  if (indicator_id == 0)
    g_hash_table_remove_all (self->series);
  else
    g_hash_table_remove (self->series, &indicator_id);
}
