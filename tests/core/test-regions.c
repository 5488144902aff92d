/* test-regions.c: a plan's regions, the targets split to them, their
 * figures beside the city's, the roll-up and its consistency check
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "ledger-context.h"
#include "ledger-store.h"
#include "test-util.h"

#define PLAN_2026 "changzhi-2026"
#define JOBS "new-urban-jobs"        /* cumulative, monthly, 4.3 万人 */
#define CPI "cpi-rise"               /* a rate: never summed */

typedef struct
{
  char        *dir;
  LedgerStore *store;
  LedgerPlan  *plan;
  gint64       jobs;
} Fixture;

/* Three regions: two counties in the total, a zone that is not. */
static GPtrArray *
three_regions (void)
{
  GPtrArray *regions = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_region_free);
  LedgerRegion *zone = ledger_region_new ("gxq", "长治高新区", LEDGER_REGION_ZONE);

  g_ptr_array_add (regions, ledger_region_new ("140403", "潞州区", LEDGER_REGION_COUNTY));
  g_ptr_array_add (regions, ledger_region_new ("140404", "上党区", LEDGER_REGION_COUNTY));
  zone->weight = 2;
  g_ptr_array_add (regions, zone);
  return regions;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) regions = three_regions ();
  g_autoptr(GError) error = NULL;

  fixture->dir = test_tmp_dir_new ();
  path = g_build_filename (fixture->dir, "ledger.sqlite3", NULL);
  fixture->store = test_open_ledger (path);
  fixture->plan = test_find_plan (fixture->store, PLAN_2026);
  fixture->jobs = test_indicator_id (fixture->store, PLAN_2026, JOBS);
  if (data == NULL)
    g_assert_true (ledger_store_save_regions (fixture->store, fixture->plan, regions, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->plan);
  g_clear_object (&fixture->store);
  test_tmp_dir_free (fixture->dir);
}

static void
set_region_number (Fixture    *fixture,
                   gint64      id,
                   const char *region,
                   const char *period,
                   double      number)
{
  g_autoptr(LedgerValue) value = ledger_value_new (id, period, number, "", "");
  g_autoptr(GError) error = NULL;

  ledger_value_set_region (value, region);
  g_assert_true (ledger_store_set_value (fixture->store, value, &error));
  g_assert_no_error (error);
}

static void
test_regions_listed_in_order (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) regions = ledger_store_list_regions (fixture->store, fixture->plan);
  LedgerRegion *zone;

  g_assert_cmpuint (regions->len, ==, 3);
  g_assert_cmpstr (((LedgerRegion *) regions->pdata[0])->name, ==, "潞州区");
  zone = regions->pdata[2];
  g_assert_cmpstr (zone->code, ==, "gxq");
  g_assert_cmpint (zone->kind, ==, LEDGER_REGION_ZONE);
  g_assert_false (zone->in_total);
  g_assert_cmpfloat (zone->weight, ==, 2);
  g_assert_true (isnan (((LedgerRegion *) regions->pdata[0])->weight));
  g_assert_true (ledger_regions_find (regions, "上党区") == regions->pdata[1]);
  g_assert_true (ledger_regions_find (regions, "140404") == regions->pdata[1]);
  g_assert_null (ledger_regions_find (regions, "屯留区"));
}

static void
test_bad_regions_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *codes[] = { "", "潞州", "a b", "x'; DROP TABLE regions; --",
                          "123456789012345678901234567890123" };
  g_autoptr(GPtrArray) twice = three_regions ();
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(GPtrArray) regions = three_regions ();

      g_free (((LedgerRegion *) regions->pdata[0])->code);
      ((LedgerRegion *) regions->pdata[0])->code = g_strdup (codes[i]);
      g_assert_false (ledger_store_save_regions (fixture->store, fixture->plan, regions, &error));
      g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_free (((LedgerRegion *) twice->pdata[1])->name);
  ((LedgerRegion *) twice->pdata[1])->name = g_strdup (" 潞州区 ");
  g_assert_false (ledger_store_save_regions (fixture->store, fixture->plan, twice, &error));
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID);
  kept = ledger_store_list_regions (fixture->store, fixture->plan);
  g_assert_cmpuint (kept->len, ==, 3);
}

/* Names as a careless or hostile hand types them. Refused: a control
 * character, a line break, a right-to-left override (which shows another
 * name than the one kept), 65 characters; a name the same as another but
 * for a full-width space (U+3000), full-width letters or case. Kept: a
 * planted statement, only a name, and a name trimmed of an ideographic
 * space, found again as typed. */
static void
test_region_names_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *long_name = g_strnfill (LEDGER_REGION_NAME_MAX + 1, 'x');
  const char *unreadable[] = { "潞州\001区", "潞州\n区", "\u202e区州潞", long_name };
  const char *same[][2] = { { "潞州区", "潞州区\u3000" }, { "GXQ", "ＧＸＱ" }, { "gxq", "GXQ" } };
  g_autoptr(GPtrArray) kept = three_regions ();
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (unreadable); i++)
    {
      g_autoptr(GPtrArray) regions = three_regions ();

      g_free (((LedgerRegion *) regions->pdata[0])->name);
      ((LedgerRegion *) regions->pdata[0])->name = g_strdup (unreadable[i]);
      g_assert_false (ledger_store_save_regions (fixture->store, fixture->plan, regions, &error));
      g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autoptr(GPtrArray) regions = three_regions ();

      for (guint j = 0; j < 2; j++)
        {
          g_free (((LedgerRegion *) regions->pdata[j])->name);
          ((LedgerRegion *) regions->pdata[j])->name = g_strdup (same[i][j]);
        }
      g_assert_false (ledger_store_save_regions (fixture->store, fixture->plan, regions, &error));
      g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }

  g_free (((LedgerRegion *) kept->pdata[0])->name);
  ((LedgerRegion *) kept->pdata[0])->name = g_strdup ("\u3000潞州区\u3000");
  g_free (((LedgerRegion *) kept->pdata[1])->name);
  ((LedgerRegion *) kept->pdata[1])->name = g_strdup ("'; DROP TABLE regions; --");
  g_assert_true (ledger_store_save_regions (fixture->store, fixture->plan, kept, &error));
  g_assert_no_error (error);
  listed = ledger_store_list_regions (fixture->store, fixture->plan);
  g_assert_cmpstr (((LedgerRegion *) listed->pdata[0])->name, ==, "潞州区");
  g_assert_cmpstr (((LedgerRegion *) listed->pdata[1])->name, ==, "'; DROP TABLE regions; --");
  g_assert_true (ledger_regions_find (listed, "潞州区\u3000") == listed->pdata[0]);
  g_assert_true (ledger_regions_find (listed, " 潞 州 区 ") == listed->pdata[0]);
  g_assert_null (ledger_regions_find (listed, "\xff"));
  g_assert_null (ledger_regions_find (listed, "\u3000"));
}

/* More regions than any plan has are refused before they are compared,
 * which took minutes for 100 000. */
static void
test_too_many_regions (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) regions = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_region_free);
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i <= LEDGER_REGIONS_MAX; i++)
    {
      g_autofree char *code = g_strdup_printf ("r%u", i);
      g_autofree char *name = g_strdup_printf ("区%u", i);

      g_ptr_array_add (regions, ledger_region_new (code, name, LEDGER_REGION_COUNTY));
    }
  g_assert_false (ledger_store_save_regions (fixture->store, fixture->plan, regions, &error));
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID);
  kept = ledger_store_list_regions (fixture->store, fixture->plan);
  g_assert_cmpuint (kept->len, ==, 3);
}

/* A region's figure sits beside the city's: neither reads the other. */
static void
test_region_values_apart (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(LedgerValue) city = NULL;
  g_autoptr(LedgerValue) luzhou = NULL;
  g_autoptr(GPtrArray) of_period = NULL;
  g_autoptr(GListModel) city_values = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerValue) stranger = ledger_value_new (fixture->jobs, "2026-03", 1, "", "");

  test_set_number (fixture->store, fixture->jobs, "2026-03", 1.2, "");
  set_region_number (fixture, fixture->jobs, "140403", "2026-03", 0.5);
  set_region_number (fixture, fixture->jobs, "140404", "2026-03", 0.4);

  city = ledger_store_get_value (fixture->store, fixture->jobs, "2026-03");
  g_assert_cmpfloat (ledger_value_get_number (city), ==, 1.2);
  g_assert_cmpstr (ledger_value_get_region (city), ==, "");
  luzhou = ledger_store_get_region_value (fixture->store, fixture->jobs, "140403", "2026-03");
  g_assert_cmpfloat (ledger_value_get_number (luzhou), ==, 0.5);
  g_assert_cmpstr (ledger_value_get_region (luzhou), ==, "140403");
  city_values = ledger_store_list_values (fixture->store, fixture->jobs);
  g_assert_cmpuint (g_list_model_get_n_items (city_values), ==, 1);
  of_period = ledger_store_list_values_of_period (fixture->store, fixture->jobs, "2026-03");
  g_assert_cmpuint (of_period->len, ==, 2);
  g_assert_cmpstr (ledger_value_get_region (of_period->pdata[1]), ==, "140404");

  ledger_value_set_region (stranger, "140405");
  g_assert_false (ledger_store_set_value (fixture->store, stranger, &error));
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID);
}

static void
test_region_value_undone (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(LedgerValue) after = NULL;
  g_autoptr(LedgerValue) city = NULL;

  test_set_number (fixture->store, fixture->jobs, "2026-03", 1.2, "");
  set_region_number (fixture, fixture->jobs, "140403", "2026-03", 0.5);
  set_region_number (fixture, fixture->jobs, "140403", "2026-03", 0.7);
  test_undo (fixture->store);
  after = ledger_store_get_region_value (fixture->store, fixture->jobs, "140403", "2026-03");
  g_assert_cmpfloat (ledger_value_get_number (after), ==, 0.5);
  test_undo (fixture->store);
  g_clear_object (&after);
  after = ledger_store_get_region_value (fixture->store, fixture->jobs, "140403", "2026-03");
  g_assert_null (after);
  city = ledger_store_get_value (fixture->store, fixture->jobs, "2026-03");
  g_assert_cmpfloat (ledger_value_get_number (city), ==, 1.2);
}

static void
test_region_targets (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) targets = ledger_region_targets_new ();
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GPtrArray) after_undo = NULL;
  g_autoptr(GPtrArray) regions = three_regions ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (targets, ledger_region_target_new ("140404", 1.8));
  g_ptr_array_add (targets, ledger_region_target_new ("140403", 2.5));
  g_assert_true (ledger_store_set_region_targets (fixture->store, fixture->jobs, targets, &error));
  g_assert_no_error (error);
  read = ledger_store_list_region_targets (fixture->store, fixture->jobs);
  g_assert_cmpuint (read->len, ==, 2);
  /* In the regions' order, not as given. */
  g_assert_cmpstr (((LedgerRegionTarget *) read->pdata[0])->region, ==, "140403");
  g_assert_cmpfloat (ledger_region_targets_lookup (read, "140404"), ==, 1.8);
  g_assert_true (isnan (ledger_region_targets_lookup (read, "gxq")));

  /* A region with a target stays. */
  g_ptr_array_remove_index (regions, 0);
  g_assert_false (ledger_store_save_regions (fixture->store, fixture->plan, regions, &error));
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID);
  g_clear_error (&error);

  test_undo (fixture->store);
  after_undo = ledger_store_list_region_targets (fixture->store, fixture->jobs);
  g_assert_cmpuint (after_undo->len, ==, 0);
  g_assert_true (ledger_store_save_regions (fixture->store, fixture->plan, regions, &error));
  g_assert_no_error (error);

  g_ptr_array_set_size (targets, 0);
  g_ptr_array_add (targets, ledger_region_target_new ("140499", 1));
  g_assert_false (ledger_store_set_region_targets (fixture->store, fixture->jobs, targets, &error));
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID);
}

static void
test_region_with_figures_stays (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) regions = three_regions ();
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GError) error = NULL;

  set_region_number (fixture, fixture->jobs, "140404", "2026-03", 0.4);
  g_ptr_array_remove_index (regions, 1);
  g_assert_false (ledger_store_save_regions (fixture->store, fixture->plan, regions, &error));
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "上党区"));
  kept = ledger_store_list_regions (fixture->store, fixture->plan);
  g_assert_cmpuint (kept->len, ==, 3);
}

static LedgerProgress
evaluate_jobs (Fixture      *fixture,
               const char   *as_of,
               LedgerValue **value)
{
  g_autoptr(LedgerContext) context = ledger_context_new (fixture->store);
  g_autoptr(LedgerIndicator) jobs = test_find_indicator (fixture->store, PLAN_2026, JOBS);

  ledger_context_set_as_of (context, as_of);
  return ledger_context_evaluate (context, jobs, value);
}

/* The city without its own figure reads its counties' sum, not the zone's. */
static void
test_roll_up_sums_counties (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LedgerValue) value = NULL;
  g_autoptr(LedgerValue) later = NULL;
  guint n_regions = 0;
  LedgerProgress progress;

  /* 0.5 of the 1.075 due by 1-3月 (4.3 × 3/12), one of two counties in:
   * behind so far, but the other may bring it up — not yet reported. */
  set_region_number (fixture, fixture->jobs, "140403", "2026-03", 0.5);
  set_region_number (fixture, fixture->jobs, "gxq", "2026-03", 9);
  progress = evaluate_jobs (fixture, "2026-03", &value);
  g_assert_cmpint (progress.status, ==, LEDGER_STATUS_NO_DATA);
  g_assert_nonnull (value);
  g_assert_cmpfloat (ledger_value_get_number (value), ==, 0.5);
  g_assert_cmpuint (ledger_value_get_summed (value, &n_regions), ==, 1);
  g_assert_cmpuint (n_regions, ==, 2);

  /* Both in: 0.9 is 0.84 of what is due, under 0.9 of it: behind. */
  set_region_number (fixture, fixture->jobs, "140404", "2026-03", 0.4);
  g_clear_object (&value);
  progress = evaluate_jobs (fixture, "2026-03", &value);
  g_assert_cmpint (progress.status, ==, LEDGER_STATUS_BEHIND);
  g_assert_cmpfloat_with_epsilon (ledger_value_get_number (value), 0.9, 1e-12);
  g_assert_cmpuint (ledger_value_get_summed (value, NULL), ==, 2);

  /* The city's own figure of the same period wins; of an earlier one, not. */
  test_set_number (fixture->store, fixture->jobs, "2026-02", 0.6, "");
  g_clear_object (&value);
  evaluate_jobs (fixture, "2026-03", &value);
  g_assert_cmpuint (ledger_value_get_summed (value, NULL), ==, 2);
  test_set_number (fixture->store, fixture->jobs, "2026-03", 1.0, "");
  evaluate_jobs (fixture, "2026-03", &later);
  g_assert_cmpfloat (ledger_value_get_number (later), ==, 1.0);
  g_assert_cmpuint (ledger_value_get_summed (later, NULL), ==, 0);
}

static void
test_rates_never_summed (Fixture       *fixture,
                         gconstpointer  data)
{
  gint64 cpi = test_indicator_id (fixture->store, PLAN_2026, CPI);
  g_autoptr(LedgerContext) context = ledger_context_new (fixture->store);
  g_autoptr(LedgerIndicator) indicator = test_find_indicator (fixture->store, PLAN_2026, CPI);
  g_autoptr(LedgerValue) value = NULL;
  g_autoptr(GPtrArray) roll_ups = NULL;

  set_region_number (fixture, cpi, "140403", "2026-03", 1.5);
  set_region_number (fixture, cpi, "140404", "2026-03", 1.7);
  ledger_context_set_as_of (context, "2026-03");
  ledger_context_evaluate (context, indicator, &value);
  g_assert_null (value);
  test_set_number (fixture->store, cpi, "2026-03", 9, "");
  roll_ups = ledger_store_list_roll_ups (fixture->store, fixture->plan);
  g_assert_cmpuint (roll_ups->len, ==, 0);
}

/* What the city's chart plots: 2026-01 the city's own 0.3; 2026-02 the
 * counties' 0.2 + 0.25 = 0.45, summed (2 of 2; the zone's 9 not added);
 * 2026-03 the city's own 1.0 beside 潞州区's 0.5, its own wins; 2026-04
 * 潞州区's 0.7 alone, summed 1 of 2. A rate's list is the city's only. */
static void
test_values_rolled_up (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 cpi = test_indicator_id (fixture->store, PLAN_2026, CPI);
  g_autoptr(GListModel) plotted = NULL;
  g_autoptr(GListModel) rate = NULL;
  static const struct { const char *period; double number; guint n_summed; } expected[] = {
    { "2026-01", 0.3, 0 }, { "2026-02", 0.45, 2 }, { "2026-03", 1.0, 0 }, { "2026-04", 0.7, 1 },
  };

  test_set_number (fixture->store, fixture->jobs, "2026-01", 0.3, "");
  set_region_number (fixture, fixture->jobs, "140403", "2026-02", 0.2);
  set_region_number (fixture, fixture->jobs, "140404", "2026-02", 0.25);
  set_region_number (fixture, fixture->jobs, "gxq", "2026-02", 9);
  test_set_number (fixture->store, fixture->jobs, "2026-03", 1.0, "");
  set_region_number (fixture, fixture->jobs, "140403", "2026-03", 0.5);
  set_region_number (fixture, fixture->jobs, "140403", "2026-04", 0.7);

  plotted = ledger_store_list_values_rolled_up (fixture->store, fixture->jobs);
  g_assert_cmpuint (g_list_model_get_n_items (plotted), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(LedgerValue) value = g_list_model_get_item (plotted, i);
      guint n_regions = 0;

      g_assert_cmpstr (ledger_value_get_period (value), ==, expected[i].period);
      g_assert_cmpfloat_with_epsilon (ledger_value_get_number (value), expected[i].number, 1e-12);
      g_assert_cmpuint (ledger_value_get_summed (value, &n_regions), ==, expected[i].n_summed);
      if (expected[i].n_summed > 0)
        g_assert_cmpuint (n_regions, ==, 2);
    }

  set_region_number (fixture, cpi, "140403", "2026-03", 1.5);
  rate = ledger_store_list_values_rolled_up (fixture->store, cpi);
  g_assert_cmpuint (g_list_model_get_n_items (rate), ==, 0);
}

/* 1.2 against 0.5 + 0.4 = 0.9, off by a quarter: a gap; 0.9 against 0.905
 * within 1 %: none; with one county missing, 0.5 alone under 1.2: none,
 * but 1.5 alone over 1.2: a gap. */
static void
test_roll_up_gap (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LedgerContext) context = ledger_context_new (fixture->store);
  g_autoptr(LedgerIndicator) jobs = test_find_indicator (fixture->store, PLAN_2026, JOBS);
  g_autoptr(LedgerRollUp) gap = NULL;
  g_autoptr(LedgerRollUp) none = NULL;
  g_autoptr(LedgerRollUp) partial = NULL;
  g_autoptr(LedgerRollUp) over = NULL;
  g_autoptr(GPtrArray) roll_ups = NULL;

  ledger_context_set_as_of (context, "2026-04");
  test_set_number (fixture->store, fixture->jobs, "2026-03", 1.2, "");
  set_region_number (fixture, fixture->jobs, "140403", "2026-03", 0.5);
  g_assert_null ((partial = ledger_context_find_roll_up_gap (context, jobs)));
  set_region_number (fixture, fixture->jobs, "140404", "2026-03", 0.4);
  gap = ledger_context_find_roll_up_gap (context, jobs);
  g_assert_nonnull (gap);
  g_assert_cmpstr (gap->period, ==, "2026-03");
  g_assert_cmpfloat (gap->city, ==, 1.2);
  g_assert_cmpfloat_with_epsilon (gap->sum, 0.9, 1e-12);
  g_assert_cmpuint (gap->n_summed, ==, 2);
  g_assert_cmpuint (gap->n_regions, ==, 2);
  roll_ups = ledger_store_list_roll_ups (fixture->store, fixture->plan);
  g_assert_cmpuint (roll_ups->len, ==, 1);

  test_set_number (fixture->store, fixture->jobs, "2026-03", 0.905, "");
  g_assert_null ((none = ledger_context_find_roll_up_gap (context, jobs)));

  test_set_number (fixture->store, fixture->jobs, "2026-03", 1.2, "");
  g_assert_true (ledger_store_delete_region_value (fixture->store, fixture->jobs, "140404", "2026-03", NULL));
  set_region_number (fixture, fixture->jobs, "140403", "2026-03", 1.5);
  over = ledger_context_find_roll_up_gap (context, jobs);
  g_assert_nonnull (over);
  g_assert_cmpuint (over->n_summed, ==, 1);
}

/* For rankings: each region's latest figure up to a period, in one query. */
static void
test_latest_region_values (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) latest = NULL;
  LedgerPeriod as_of;

  set_region_number (fixture, fixture->jobs, "140403", "2026-02", 0.2);
  set_region_number (fixture, fixture->jobs, "140403", "2026-04", 0.6);
  set_region_number (fixture, fixture->jobs, "140404", "2026-03", 0.4);
  test_set_number (fixture->store, fixture->jobs, "2026-03", 1.0, "");
  g_assert_true (ledger_period_parse ("2026-03", &as_of));
  latest = ledger_store_list_latest_region_values (fixture->store, fixture->plan, &as_of);
  g_assert_cmpuint (latest->len, ==, 2);
  g_assert_cmpstr (ledger_value_get_region (latest->pdata[0]), ==, "140403");
  g_assert_cmpstr (ledger_value_get_period (latest->pdata[0]), ==, "2026-02");
  g_assert_cmpstr (ledger_value_get_period (latest->pdata[1]), ==, "2026-03");
}

static void
test_check_finds_stray_region (Fixture       *fixture,
                               gconstpointer  data)
{
  if (test_skip_on_server ("damages the SQLite file with SQL"))
    return;

  g_autoptr(GString) report = g_string_new (NULL);

  g_autofree char *path = g_build_filename (fixture->dir, "ledger.sqlite3", NULL);
  sqlite3 *db = NULL;

  set_region_number (fixture, fixture->jobs, "140403", "2026-03", 0.5);
  g_assert_true (ledger_store_check (fixture->store, report));
  g_assert_cmpstr (report->str, ==, "");

  /* Another program writes a figure of a region the plan lacks. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE indicator_values SET region = 'nowhere' WHERE region = '140403'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (ledger_store_check (fixture->store, report));
  g_assert_nonnull (strstr (report->str, "'nowhere', which is not a region of its plan"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add ("/regions/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("listed-in-order", test_regions_listed_in_order);
  ADD ("bad-regions-refused", test_bad_regions_refused);
  ADD ("names-refused", test_region_names_refused);
  ADD ("too-many", test_too_many_regions);
  ADD ("values-apart", test_region_values_apart);
  ADD ("value-undone", test_region_value_undone);
  ADD ("targets", test_region_targets);
  ADD ("region-with-figures-stays", test_region_with_figures_stays);
  ADD ("roll-up-sums-counties", test_roll_up_sums_counties);
  ADD ("rates-never-summed", test_rates_never_summed);
  ADD ("roll-up-gap", test_roll_up_gap);
  ADD ("values-rolled-up", test_values_rolled_up);
  ADD ("latest-region-values", test_latest_region_values);
  ADD ("check", test_check_finds_stray_region);
#undef ADD

  return g_test_run ();
}
