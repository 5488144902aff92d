/* test-target-split.c: a city's target shared out to its regions
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "ledger-region.h"
#include "ledger-region-target.h"
#include "ledger-target-split.h"

/* Regions named A, B, C … with these weights. */
static GPtrArray *
regions_with_weights (const double *weights,
                      guint         n_weights)
{
  GPtrArray *regions = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_region_free);

  for (guint i = 0; i < n_weights; i++)
    {
      char code[2] = { (char) ('A' + i), '\0' };
      LedgerRegion *region = ledger_region_new (code, code, LEDGER_REGION_COUNTY);

      region->weight = weights[i];
      g_ptr_array_add (regions, region);
    }
  return regions;
}

static void
assert_parts (GPtrArray    *targets,
              const double *expected,
              guint         n_expected)
{
  g_assert_nonnull (targets);
  g_assert_cmpuint (targets->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const LedgerRegionTarget *target = targets->pdata[i];
      char code[2] = { (char) ('A' + i), '\0' };

      g_assert_cmpstr (target->region, ==, code);
      g_assert_cmpfloat_with_epsilon (target->target, expected[i], 1e-9);
    }
}

static void
test_decimals (void)
{
  g_assert_cmpuint (ledger_target_decimals (2000), ==, 0);
  g_assert_cmpuint (ledger_target_decimals (12.5), ==, 1);
  g_assert_cmpuint (ledger_target_decimals (0.25), ==, 2);
  g_assert_cmpuint (ledger_target_decimals (-3.75), ==, 2);
  g_assert_cmpuint (ledger_target_decimals (NAN), ==, 0);
}

static void
test_equal_weights (void)
{
  const double weights[] = { 1, 1, 1 };
  /* 100 / 3 = 33.33 each: 33 + 33 + 33 = 99, the one unit left goes to the
   * first of the equal remainders. */
  const double expected[] = { 34, 33, 33 };
  g_autoptr(GPtrArray) regions = regions_with_weights (weights, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = ledger_target_split_by_weights (100, regions, &error);

  g_assert_no_error (error);
  assert_parts (targets, expected, 3);
  g_assert_cmpfloat (ledger_target_split_sum (targets), ==, 100);
}

static void
test_decimal_target (void)
{
  const double weights[] = { 2, 1, 1 };
  /* 12.5 has one decimal: 125 tenths. Shares 62.5, 31.25, 31.25 → 62, 31,
   * 31 = 124; the tenth left goes to the largest remainder (0.5, A):
   * 6.3, 3.1, 3.1 = 12.5. */
  const double expected[] = { 6.3, 3.1, 3.1 };
  g_autoptr(GPtrArray) regions = regions_with_weights (weights, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = ledger_target_split_by_weights (12.5, regions, &error);

  g_assert_no_error (error);
  assert_parts (targets, expected, 3);
  g_assert_cmpfloat (ledger_target_split_sum (targets), ==, 12.5);
}

static void
test_largest_remainder_wins (void)
{
  const double weights[] = { 1, 2 };
  /* 10 by 1:2 is 3.33 and 6.67 → 3 + 6 = 9; the unit left goes to B (0.67
   * beats 0.33), not to the first: 3 and 7. */
  const double expected[] = { 3, 7 };
  g_autoptr(GPtrArray) regions = regions_with_weights (weights, 2);
  g_autoptr(GPtrArray) targets = ledger_target_split_by_weights (10, regions, NULL);

  assert_parts (targets, expected, 2);
}

static void
test_negative_target (void)
{
  const double weights[] = { 1, 2 };
  /* A fall of 10 (-10) shared as 10 is, each part falling: -3 and -7. */
  const double expected[] = { -3, -7 };
  g_autoptr(GPtrArray) regions = regions_with_weights (weights, 2);
  g_autoptr(GPtrArray) targets = ledger_target_split_by_weights (-10, regions, NULL);

  assert_parts (targets, expected, 2);
  g_assert_cmpfloat (ledger_target_split_sum (targets), ==, -10);
}

static void
test_zero_and_missing_weights (void)
{
  const double weights[] = { 3, NAN, 0, 1 };
  g_autoptr(GPtrArray) regions = regions_with_weights (weights, 4);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = ledger_target_split_by_weights (1000, regions, &error);

  /* Only A and D take part, 3:1 of 1000: 750 and 250; C (zero) gets 0;
   * B, without a weight, is left out with no target. */
  g_assert_no_error (error);
  g_assert_cmpuint (targets->len, ==, 3);
  g_assert_cmpfloat (ledger_region_targets_lookup (targets, "A"), ==, 750);
  g_assert_true (isnan (ledger_region_targets_lookup (targets, "B")));
  g_assert_cmpfloat (ledger_region_targets_lookup (targets, "C"), ==, 0);
  g_assert_cmpfloat (ledger_region_targets_lookup (targets, "D"), ==, 250);
}

static void
test_negative_weight_refused (void)
{
  const double weights[] = { 3, -1 };
  g_autoptr(GPtrArray) regions = regions_with_weights (weights, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = ledger_target_split_by_weights (1000, regions, &error);

  g_assert_null (targets);
  g_assert_error (error, LEDGER_TARGET_SPLIT_ERROR, LEDGER_TARGET_SPLIT_ERROR_NEGATIVE_WEIGHT);
  /* The message names the region at fault. */
  g_assert_nonnull (strstr (error->message, "B"));
}

static void
test_no_weights_refused (void)
{
  const double weights[] = { 0, NAN, 0 };
  g_autoptr(GPtrArray) regions = regions_with_weights (weights, 3);
  g_autoptr(GPtrArray) none = regions_with_weights (weights, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) empty_error = NULL;
  g_autoptr(GPtrArray) targets = ledger_target_split_by_weights (1000, regions, &error);
  g_autoptr(GPtrArray) empty = ledger_target_split_by_weights (1000, none, &empty_error);

  g_assert_null (targets);
  g_assert_error (error, LEDGER_TARGET_SPLIT_ERROR, LEDGER_TARGET_SPLIT_ERROR_NO_WEIGHTS);
  g_assert_null (empty);
  g_assert_error (empty_error, LEDGER_TARGET_SPLIT_ERROR, LEDGER_TARGET_SPLIT_ERROR_NO_WEIGHTS);
}

static void
test_no_target_refused (void)
{
  const double weights[] = { 1 };
  g_autoptr(GPtrArray) regions = regions_with_weights (weights, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = ledger_target_split_by_weights (NAN, regions, &error);

  g_assert_null (targets);
  g_assert_error (error, LEDGER_TARGET_SPLIT_ERROR, LEDGER_TARGET_SPLIT_ERROR_TARGET);
}

/* Whatever the weights, the parts add up to the target at its decimals and
 * none is off its exact share by a unit or more. */
static void
test_parts_always_add_up (void)
{
  const double target_list[] = { 1, 7, 100, 2026, 12.5, 0.37, 98765.4321 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260601);

  for (guint t = 0; t < G_N_ELEMENTS (target_list); t++)
    for (guint round_ = 0; round_ < 50; round_++)
      {
        double target = target_list[t];
        double scale = pow (10, ledger_target_decimals (target));
        double weights[7], total = 0;
        guint n = g_rand_int_range (rand, 1, 8);
        g_autoptr(GPtrArray) regions = NULL;
        g_autoptr(GPtrArray) targets = NULL;

        for (guint i = 0; i < n; i++)
          total += weights[i] = g_rand_double_range (rand, 0.01, 50);
        regions = regions_with_weights (weights, n);
        targets = ledger_target_split_by_weights (target, regions, NULL);
        g_assert_nonnull (targets);
        g_assert_cmpfloat (round (ledger_target_split_sum (targets) * scale), ==,
                           round (target * scale));
        for (guint i = 0; i < n; i++)
          {
            const LedgerRegionTarget *part = targets->pdata[i];
            double exact = target * weights[i] / total;

            g_assert_cmpfloat (fabs (part->target - exact) * scale, <, 1 + 1e-6);
          }
      }
}

/* Weights as large as a number goes, which the store takes: read as
 * shares of the largest, 1 : 1 : 0.2. 12 × 1/2.2 = 5.45, 5.45, 1.09: the
 * whole units 5 + 5 + 1 = 11 leave one, to the first of the equal
 * largest fractions (0.45): 6, 5, 1 — 12 in all, not 1, 1, 1. */
static void
test_huge_weights (void)
{
  const double weights[] = { 1e308, 1e308, 2e307 };
  const double expected[] = { 6, 5, 1 };
  g_autoptr(GPtrArray) regions = regions_with_weights (weights, 3);
  g_autoptr(GPtrArray) targets = ledger_target_split_by_weights (12, regions, NULL);

  assert_parts (targets, expected, 3);
}

static void
test_copy (void)
{
  const double weights[] = { NAN, 5, -2 };
  /* A rate is not shared: each region is held to the city's 6.5%, whatever
   * the weights (a negative one is not an error here). */
  const double expected[] = { 6.5, 6.5, 6.5 };
  g_autoptr(GPtrArray) regions = regions_with_weights (weights, 3);
  g_autoptr(GPtrArray) targets = ledger_target_split_copy (6.5, regions);

  assert_parts (targets, expected, 3);
}

static void
test_sum (void)
{
  g_autoptr(GPtrArray) targets = ledger_region_targets_new ();

  g_assert_true (isnan (ledger_target_split_sum (targets)));
  g_ptr_array_add (targets, ledger_region_target_new ("A", 0.1));
  g_ptr_array_add (targets, ledger_region_target_new ("B", NAN));
  g_ptr_array_add (targets, ledger_region_target_new ("C", 0.2));
  /* 0.1 + 0.2 is 0.30000000000000004 in doubles; the sum reads 0.3, and B
   * (no target typed yet) is left out. */
  g_assert_cmpfloat (ledger_target_split_sum (targets), ==, 0.3);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/target-split/decimals", test_decimals);
  g_test_add_func ("/target-split/huge-weights", test_huge_weights);
  g_test_add_func ("/target-split/equal-weights", test_equal_weights);
  g_test_add_func ("/target-split/decimal-target", test_decimal_target);
  g_test_add_func ("/target-split/largest-remainder", test_largest_remainder_wins);
  g_test_add_func ("/target-split/negative-target", test_negative_target);
  g_test_add_func ("/target-split/zero-and-missing-weights", test_zero_and_missing_weights);
  g_test_add_func ("/target-split/negative-weight-refused", test_negative_weight_refused);
  g_test_add_func ("/target-split/no-weights-refused", test_no_weights_refused);
  g_test_add_func ("/target-split/no-target-refused", test_no_target_refused);
  g_test_add_func ("/target-split/parts-add-up", test_parts_always_add_up);
  g_test_add_func ("/target-split/copy", test_copy);
  g_test_add_func ("/target-split/sum", test_sum);
  return g_test_run ();
}
