/* bench-regions.c: splits a ledger's first plan to Changzhi's 13 regions
 * and gives each region the city's figures, a little apart, so that the
 * report benchmark (report.sh) times the report with its rankings.
 *
 * Usage: bench-regions LEDGER
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "ledger-store.h"

/* Their shares of the city's totals, about their sizes; the zone is not
 * in the city's total. */
static const struct { const char *code; const char *name; LedgerRegionKind kind; double weight; } regions[] = {
  { "140403", "潞州区", LEDGER_REGION_COUNTY, 0.22 }, { "140404", "上党区", LEDGER_REGION_COUNTY, 0.10 },
  { "140405", "屯留区", LEDGER_REGION_COUNTY, 0.08 }, { "140406", "潞城区", LEDGER_REGION_COUNTY, 0.08 },
  { "140423", "襄垣县", LEDGER_REGION_COUNTY, 0.09 }, { "140425", "平顺县", LEDGER_REGION_COUNTY, 0.04 },
  { "140426", "黎城县", LEDGER_REGION_COUNTY, 0.05 }, { "140427", "壶关县", LEDGER_REGION_COUNTY, 0.06 },
  { "140428", "长子县", LEDGER_REGION_COUNTY, 0.08 }, { "140429", "武乡县", LEDGER_REGION_COUNTY, 0.06 },
  { "140430", "沁县", LEDGER_REGION_COUNTY, 0.05 }, { "140431", "沁源县", LEDGER_REGION_COUNTY, 0.09 },
  { "gxq", "长治高新区", LEDGER_REGION_ZONE, 0.06 },
};

typedef struct
{
  LedgerStore *store;
  GPtrArray   *values;
  GRand       *rand;
  gboolean     failed;
} Splitter;

/* A total is split by the regions' shares; a rate or level is each
 * region's own, near the city's. */
static double
share_of (LedgerIndicator *indicator,
          guint            region)
{
  return ledger_indicator_get_kind (indicator) == LEDGER_KIND_CUMULATIVE ? regions[region].weight : 1.0;
}

static void
split_targets (Splitter        *splitter,
               LedgerIndicator *indicator)
{
  g_autoptr(GPtrArray) targets = ledger_region_targets_new ();
  g_autoptr(GError) error = NULL;

  if (ledger_indicator_get_kind (indicator) != LEDGER_KIND_CUMULATIVE)
    return;
  for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
    g_ptr_array_add (targets, ledger_region_target_new (regions[r].code,
                                                        ledger_indicator_get_target (indicator) * regions[r].weight));
  if (!ledger_store_set_region_targets (splitter->store, ledger_indicator_get_id (indicator), targets, &error))
    {
      g_printerr ("%s\n", error->message);
      splitter->failed = TRUE;
    }
}

static void
split_cb (LedgerNode      *area,
          LedgerNode      *task,
          LedgerIndicator *indicator,
          gpointer         user_data)
{
  Splitter *splitter = user_data;
  gint64 id = ledger_indicator_get_id (indicator);
  g_autoptr(GListModel) values = NULL;

  if (ledger_indicator_get_kind (indicator) == LEDGER_KIND_QUALITATIVE)
    return;
  split_targets (splitter, indicator);
  values = ledger_store_list_values (splitter->store, id);
  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      g_autoptr(LedgerValue) city = g_list_model_get_item (values, i);

      if (!ledger_value_has_number (city))
        continue;
      for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
        {
          double figure = ledger_value_get_number (city) * share_of (indicator, r) *
                          g_rand_double_range (splitter->rand, 0.9, 1.1);
          LedgerValue *value = ledger_value_new (id, ledger_value_get_period (city), figure, NULL, "");

          ledger_value_set_region (value, regions[r].code);
          g_ptr_array_add (splitter->values, value);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerStore) store = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_region_free);
  Splitter splitter = { NULL, g_ptr_array_new_with_free_func (g_object_unref), g_rand_new_with_seed (2026), FALSE };
  LedgerPlan *plan;

  if (argc != 2)
    {
      g_printerr ("usage: %s LEDGER\n", argv[0]);
      return 2;
    }
  if ((store = ledger_store_open (argv[1], &error)) == NULL ||
      (plans = ledger_store_list_plans (store, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  plan = g_ptr_array_index (plans, 0);
  for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
    {
      LedgerRegion *region = ledger_region_new (regions[r].code, regions[r].name, regions[r].kind);

      region->in_total = regions[r].kind == LEDGER_REGION_COUNTY;
      region->weight = regions[r].weight;
      g_ptr_array_add (list, region);
    }
  splitter.store = store;
  if (!ledger_store_save_regions (store, plan, list, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  ledger_plan_foreach_indicator (plan, split_cb, &splitter);
  if (!splitter.failed && !ledger_store_import_values (store, splitter.values, "bench", &error))
    g_printerr ("%s\n", error->message);
  printf ("%u regions, %u of their figures\n", (guint) G_N_ELEMENTS (regions), splitter.values->len);
  g_ptr_array_unref (splitter.values);
  g_rand_free (splitter.rand);
  return splitter.failed || error != NULL;
}
