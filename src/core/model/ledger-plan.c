/* ledger-plan.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-plan"

#include "config.h"

#include "ledger-plan.h"
#include "ledger-region.h"

/* One document's targets: a work report, or a five-year plan's goals. Its
 * children are the areas. */
struct _LedgerPlan
{
  LedgerNode  parent_instance;

  char       *code;
  char       *region;
  char       *source;
  int         first_year;
  int         last_year;
  /* Due days set for the plan's frequencies, units and indicators, by
   * ledger_due_key() (docs/monthly-cycle.md). */
  GHashTable *due_days;
  GPtrArray  *regions;    /* of LedgerRegion, in order */
  /* The region this plan is a copy for (a county's ledger of the city's
   * plan), or NULL for the city's own plan. */
  LedgerRegion *for_region;
};

G_DEFINE_FINAL_TYPE (LedgerPlan, ledger_plan, LEDGER_TYPE_NODE)

enum {
  PROP_0,
  PROP_CODE,
  PROP_REGION,
  PROP_SOURCE,
  PROP_FIRST_YEAR,
  PROP_LAST_YEAR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
ledger_plan_finalize (GObject *object)
{
  LedgerPlan *self = LEDGER_PLAN (object);

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->due_days, g_hash_table_unref);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_pointer (&self->for_region, ledger_region_free);

  G_OBJECT_CLASS (ledger_plan_parent_class)->finalize (object);
}

static void
ledger_plan_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LedgerPlan *self = LEDGER_PLAN (object);

  switch (prop_id)
    {
    case PROP_CODE: g_value_set_string (value, self->code); break;
    case PROP_REGION: g_value_set_string (value, self->region); break;
    case PROP_SOURCE: g_value_set_string (value, self->source); break;
    case PROP_FIRST_YEAR: g_value_set_int (value, self->first_year); break;
    case PROP_LAST_YEAR: g_value_set_int (value, self->last_year); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_plan_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LedgerPlan *self = LEDGER_PLAN (object);

  switch (prop_id)
    {
    case PROP_CODE: self->code = g_value_dup_string (value); break;
    case PROP_REGION: self->region = g_value_dup_string (value); break;
    case PROP_SOURCE: self->source = g_value_dup_string (value); break;
    case PROP_FIRST_YEAR: self->first_year = g_value_get_int (value); break;
    case PROP_LAST_YEAR: self->last_year = g_value_get_int (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_plan_class_init (LedgerPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ledger_plan_finalize;
  object_class->get_property = ledger_plan_get_property;
  object_class->set_property = ledger_plan_set_property;

  properties [PROP_CODE] = g_param_spec_string ("code", NULL, NULL, "", flags);
  properties [PROP_REGION] = g_param_spec_string ("region", NULL, NULL, "", flags);
  properties [PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, "", flags);
  properties [PROP_FIRST_YEAR] = g_param_spec_int ("first-year", NULL, NULL, 1900, 9999, 2026, flags);
  properties [PROP_LAST_YEAR] = g_param_spec_int ("last-year", NULL, NULL, 1900, 9999, 2026, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ledger_plan_init (LedgerPlan *self)
{
}

const char *
ledger_plan_get_code (LedgerPlan *self)
{
  g_return_val_if_fail (LEDGER_IS_PLAN (self), NULL);
  return self->code;
}

const char *
ledger_plan_get_region (LedgerPlan *self)
{
  g_return_val_if_fail (LEDGER_IS_PLAN (self), NULL);
  return self->region;
}

const char *
ledger_plan_get_source (LedgerPlan *self)
{
  g_return_val_if_fail (LEDGER_IS_PLAN (self), NULL);
  return self->source;
}

int
ledger_plan_get_first_year (LedgerPlan *self)
{
  g_return_val_if_fail (LEDGER_IS_PLAN (self), 0);
  return self->first_year;
}

int
ledger_plan_get_last_year (LedgerPlan *self)
{
  g_return_val_if_fail (LEDGER_IS_PLAN (self), 0);
  return self->last_year;
}

gboolean
ledger_plan_covers_year (LedgerPlan *self,
                         int         year)
{
  g_return_val_if_fail (LEDGER_IS_PLAN (self), FALSE);
  return year >= self->first_year && year <= self->last_year;
}

/* Whether a plan of @first_year to @last_year holds values of @year: its
 * own years and the year before them, whose figures are the base (同期)
 * the plan's are read against. The one rule of every way a value comes
 * in: the store, CSV files and data packages. */
gboolean
ledger_plan_years_hold (int first_year,
                        int last_year,
                        int year)
{
  return year >= first_year - 1 && year <= last_year;
}

/* Whether @self holds values of @year: see ledger_plan_years_hold(). */
gboolean
ledger_plan_holds_year (LedgerPlan *self,
                        int         year)
{
  g_return_val_if_fail (LEDGER_IS_PLAN (self), FALSE);
  return ledger_plan_years_hold (self->first_year, self->last_year, year);
}

/* Calls @func for every indicator of the plan, in the document's order. */
void
ledger_plan_foreach_indicator (LedgerPlan          *self,
                               LedgerIndicatorFunc  func,
                               gpointer             user_data)
{
  GListModel *areas = ledger_node_get_children (LEDGER_NODE (self));

  g_return_if_fail (LEDGER_IS_PLAN (self));

  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(LedgerNode) area = g_list_model_get_item (areas, a);
      GListModel *tasks = ledger_node_get_children (area);

      for (guint t = 0; t < g_list_model_get_n_items (tasks); t++)
        {
          g_autoptr(LedgerNode) task = g_list_model_get_item (tasks, t);
          GListModel *indicators = ledger_node_get_children (task);

          for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
            {
              g_autoptr(LedgerIndicator) indicator = g_list_model_get_item (indicators, i);

              func (area, task, indicator, user_data);
            }
        }
    }
}

static void
count_indicator (LedgerNode      *area,
                 LedgerNode      *task,
                 LedgerIndicator *indicator,
                 gpointer         user_data)
{
  (*(guint *) user_data)++;
}

guint
ledger_plan_count_indicators (LedgerPlan *self)
{
  guint count = 0;

  ledger_plan_foreach_indicator (self, count_indicator, &count);
  return count;
}

/**
 * ledger_plan_find:
 * @plans: (element-type LedgerPlan): plans
 *
 * Returns: (transfer none) (nullable): the plan of @plans with @code
 */
LedgerPlan *
ledger_plan_find (GPtrArray  *plans,
                  const char *code)
{
  for (guint i = 0; i < plans->len; i++)
    {
      if (g_strcmp0 (ledger_plan_get_code (g_ptr_array_index (plans, i)), code) == 0)
        return g_ptr_array_index (plans, i);
    }
  return NULL;
}

/* Sets the due day of a frequency, unit or indicator of the plan, by its
 * ledger_due_key(); 0 drops it. */
void
ledger_plan_set_due_day (LedgerPlan *self,
                         const char *key,
                         int         day)
{
  g_return_if_fail (LEDGER_IS_PLAN (self));

  if (self->due_days == NULL)
    self->due_days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (day == 0)
    g_hash_table_remove (self->due_days, key);
  else
    g_hash_table_insert (self->due_days, g_strdup (key), GINT_TO_POINTER (day));
}

/* Returns: the due day set for @key, or 0 */
int
ledger_plan_get_due_day (LedgerPlan *self,
                         const char *key)
{
  g_return_val_if_fail (LEDGER_IS_PLAN (self), 0);
  return self->due_days != NULL ? GPOINTER_TO_INT (g_hash_table_lookup (self->due_days, key)) : 0;
}

/* Returns: (transfer container) (element-type utf8): the keys of the due
 * days set, sorted */
GPtrArray *
ledger_plan_list_due_keys (LedgerPlan *self)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (LEDGER_IS_PLAN (self), keys);

  if (self->due_days != NULL)
    {
      g_hash_table_iter_init (&iter, self->due_days);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (keys, key);
    }
  g_ptr_array_sort (keys, (GCompareFunc) g_strcmp0);
  return keys;
}

/**
 * ledger_plan_get_regions:
 *
 * Returns: (transfer none) (element-type LedgerRegion): the plan's regions
 *   in their order (docs/regions.md); the array is its own to fill
 */
GPtrArray *
ledger_plan_get_regions (LedgerPlan *self)
{
  g_return_val_if_fail (LEDGER_IS_PLAN (self), NULL);

  if (self->regions == NULL)
    self->regions = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_region_free);
  return self->regions;
}

/**
 * ledger_plan_get_for_region:
 *
 * Returns: (transfer none) (nullable): the region whose copy of a city's
 *   plan this is (its figures go back to the city under that region's
 *   code), or %NULL for a plan of its own
 */
const LedgerRegion *
ledger_plan_get_for_region (LedgerPlan *self)
{
  g_return_val_if_fail (LEDGER_IS_PLAN (self), NULL);
  return self->for_region;
}

void
ledger_plan_set_for_region (LedgerPlan         *self,
                            const LedgerRegion *region)
{
  g_return_if_fail (LEDGER_IS_PLAN (self));

  g_clear_pointer (&self->for_region, ledger_region_free);
  if (region != NULL)
    self->for_region = ledger_region_copy (region);
}
