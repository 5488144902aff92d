/* ranking-fixture.c: the ledger the rankings' tests rank
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan rank-2026 (data/ranking-plan.json): jobs, cumulative, 1.2 万人
 * (weight 2); pm25, a level at most 30; fai, a rate of 6% or more; binding,
 * qualitative. Regions A 甲区, B 乙县, C 丙县, D 丁县 (counties) and Z 高新区
 * (a zone). Targets of jobs split to A 0.4, B 0.3, C 0.3, D 0.2 (none to
 * Z: it is not ranked on jobs); fai's target for D is 8; pm25 has none
 * split (each region's is the city's 30).
 *
 * The figures of 2026-06, and their scores (docs/regions.md):
 *
 *        jobs (due ×6/12)        pm25 (2 − v/30)   fai (v / target)
 *   A    0.22 / 0.2  = 1.1       27 → 1.1          6.6 / 6 = 1.1
 *   B    0.15 / 0.15 = 1.0       30 → 1.0          5.4 / 6 = 0.9
 *   C    0.165 / 0.15 = 1.1      33 → 0.9          6.0 / 6 = 1.0
 *   D    —                       24 → 1.2          8.0 / 8 = 1.0
 *   Z    (no target)             36 → 0.8          7.2 / 6 = 1.2
 *   city 0.6 / 0.6 = 1.0         30 → 1.0          6.3 / 6 = 1.05
 *
 * 2026-05 has figures of jobs only (due ×5/12): A 0.15 / 0.1667 = 0.9,
 * B 0.15 / 0.125 = 1.2, C 0.125 / 0.125 = 1.0.
 *
 * The scheme is the default (60, 20, 1.5, cap 1.2); 2026-06 has 扣分 2 for
 * B and 加分 1 for 市人社局, 2026-05 加分 5 for A.
 */

#include "config.h"

#include <math.h>

#include "ledger-plan-file.h"
#include "ledger-store-scoring.h"
#include "ranking-fixture.h"

static LedgerPlan *
find_plan (LedgerStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < plans->len; i++)
    {
      if (g_str_equal (ledger_plan_get_code (plans->pdata[i]), RANKING_PLAN))
        return g_object_ref (plans->pdata[i]);
    }
  g_assert_not_reached ();
}

typedef struct
{
  const char *code;
  gint64      id;
} Found;

static void
find_code_cb (LedgerNode      *area,
              LedgerNode      *task,
              LedgerIndicator *indicator,
              gpointer         user_data)
{
  Found *found = user_data;

  if (g_str_equal (ledger_indicator_get_code (indicator), found->code))
    found->id = ledger_indicator_get_id (indicator);
}

static gint64
indicator_id (LedgerPlan *plan,
              const char *code)
{
  Found found = { code, 0 };

  ledger_plan_foreach_indicator (plan, find_code_cb, &found);
  g_assert_cmpint (found.id, >, 0);
  return found.id;
}

static void
add_plan (LedgerStore *store,
          const char  *plan_file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) plans = NULL;

  g_assert_true (g_file_get_contents (plan_file, &text, NULL, &error));
  plans = ledger_plan_file_parse (text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (ledger_store_add_plans (store, plans, &error));
  g_assert_no_error (error);
}

static void
add_regions (LedgerStore *store,
             LedgerPlan  *plan)
{
  g_autoptr(GPtrArray) regions = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_region_free);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (regions, ledger_region_new ("A", "甲区", LEDGER_REGION_COUNTY));
  g_ptr_array_add (regions, ledger_region_new ("B", "乙县", LEDGER_REGION_COUNTY));
  g_ptr_array_add (regions, ledger_region_new ("C", "丙县", LEDGER_REGION_COUNTY));
  g_ptr_array_add (regions, ledger_region_new ("D", "丁县", LEDGER_REGION_COUNTY));
  g_ptr_array_add (regions, ledger_region_new ("Z", "高新区", LEDGER_REGION_ZONE));
  g_assert_true (ledger_store_save_regions (store, plan, regions, &error));
  g_assert_no_error (error);
}

static void
set_targets (LedgerStore  *store,
             gint64        id,
             const char   *regions,
             const double *targets)
{
  g_autoptr(GPtrArray) split = ledger_region_targets_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; regions[i] != '\0'; i++)
    {
      char region[2] = { regions[i], '\0' };

      g_ptr_array_add (split, ledger_region_target_new (region, targets[i]));
    }
  g_assert_true (ledger_store_set_region_targets (store, id, split, &error));
  g_assert_no_error (error);
}

/* @figures: a figure for each region of "ABCDZ" and the city's last, NAN
 * for none. */
static void
set_figures (LedgerStore  *store,
             gint64        id,
             const char   *period,
             const double  figures[6])
{
  static const char *regions[] = { "A", "B", "C", "D", "Z", "" };

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      g_autoptr(LedgerValue) value = NULL;
      g_autoptr(GError) error = NULL;

      if (isnan (figures[i]))
        continue;
      value = ledger_value_new (id, period, figures[i], "", "");
      ledger_value_set_region (value, regions[i]);
      g_assert_true (ledger_store_set_value (store, value, &error));
      g_assert_no_error (error);
    }
}

static void
add_adjustment (LedgerStore        *store,
                LedgerPlan         *plan,
                const char         *period,
                LedgerScoreSubject  kind,
                const char         *subject,
                double              points,
                const char         *reason)
{
  g_autoptr(LedgerScoreAdjustment) adjustment = ledger_score_adjustment_new (period, kind, subject, points, reason);
  g_autoptr(GError) error = NULL;

  g_assert_true (ledger_store_add_score_adjustment (store, ledger_node_get_id (LEDGER_NODE (plan)), adjustment,
                                                    &error));
  g_assert_no_error (error);
}

static void
add_scoring (LedgerStore *store,
             LedgerPlan  *plan)
{
  g_autoptr(GError) error = NULL;
  LedgerScoringScheme scheme;

  ledger_scoring_scheme_init_default (&scheme);
  g_assert_true (ledger_store_set_scoring_scheme (store, ledger_node_get_id (LEDGER_NODE (plan)), &scheme, &error));
  g_assert_no_error (error);
  add_adjustment (store, plan, "2026-06", LEDGER_SCORE_REGION, "B", -2, "迟报");
  add_adjustment (store, plan, "2026-06", LEDGER_SCORE_UNIT, "市人社局", 1, "创新");
  add_adjustment (store, plan, "2026-05", LEDGER_SCORE_REGION, "A", 5, "上月");
}

LedgerStore *
ranking_fixture_create (const char *path,
                        const char *plan_file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerStore) store = ledger_store_open (path, &error);
  g_autoptr(LedgerPlan) plan = NULL;
  gint64 jobs, pm25, fai;

  g_assert_no_error (error);
  add_plan (store, plan_file);
  plan = find_plan (store);
  jobs = indicator_id (plan, "jobs");
  pm25 = indicator_id (plan, "pm25");
  fai = indicator_id (plan, "fai");
  add_regions (store, plan);
  set_targets (store, jobs, "ABCD", (double[]) { 0.4, 0.3, 0.3, 0.2 });
  set_targets (store, fai, "D", (double[]) { 8 });
  set_figures (store, jobs, "2026-06", (double[]) { 0.22, 0.15, 0.165, NAN, NAN, 0.6 });
  set_figures (store, pm25, "2026-06", (double[]) { 27, 30, 33, 24, 36, 30 });
  set_figures (store, fai, "2026-06", (double[]) { 6.6, 5.4, 6, 8, 7.2, 6.3 });
  set_figures (store, jobs, "2026-05", (double[]) { 0.15, 0.15, 0.125, NAN, NAN, 0.5 });
  g_assert_true (ledger_store_set_ranking_weight (store, jobs, 2, &error));
  g_assert_no_error (error);
  add_scoring (store, plan);
  return g_steal_pointer (&store);
}
