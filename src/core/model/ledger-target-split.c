/* ledger-target-split.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-target-split"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ledger-indicator.h"
#include "ledger-region.h"
#include "ledger-region-target.h"
#include "ledger-target-split.h"

/* A city's target shared out to its regions (docs/regions.md, Splitting a
 * target). Pure: the window shows what these return and the office saves
 * it, or changes it first. */

G_DEFINE_QUARK (ledger-target-split-error-quark, ledger_target_split_error)

/* The most digits after the point a split keeps: what
 * ledger_format_number() writes. */
#define MAX_DECIMALS 6

/* Returns: the digits after the point of @target as the ledger writes it
 * (2000 → 0, 12.5 → 1, 0.25 → 2): the parts are rounded to as many, so
 * that they read as the office wrote the city's. */
guint
ledger_target_decimals (double target)
{
  g_autofree char *text = NULL;
  const char *point;

  if (!isfinite (target))
    return 0;
  text = ledger_format_number (target);
  point = strchr (text, '.');
  return point != NULL ? MIN (strlen (point + 1), MAX_DECIMALS) : 0;
}

/* A weight that takes part: above zero. Zero is a region that gets 0; no
 * weight (NAN) one left out of the split, with no target; below zero is a
 * mistake, refused. */
static double
usable_weight (const LedgerRegion *region)
{
  return isfinite (region->weight) && region->weight > 0 ? region->weight : 0;
}

/* The largest usable weight: the weights are read as shares of it, so
 * that two weights of 1e308, which the store takes, do not add up to an
 * infinity that would leave every share 0. */
static double
largest_weight (GPtrArray *regions)
{
  double largest = 0;

  for (guint i = 0; i < regions->len; i++)
    largest = MAX (largest, usable_weight (regions->pdata[i]));
  return largest;
}

static gboolean
check_weights (GPtrArray  *regions,
               double     *largest,
               double     *total,
               GError    **error)
{
  *largest = largest_weight (regions);
  *total = 0;
  for (guint i = 0; i < regions->len; i++)
    {
      const LedgerRegion *region = regions->pdata[i];

      if (region->weight < 0)
        {
          g_set_error (error, LEDGER_TARGET_SPLIT_ERROR,
                       LEDGER_TARGET_SPLIT_ERROR_NEGATIVE_WEIGHT,
                       /* Translators: %s is a region's name (潞州区) */
                       _("The weight of %s is below zero. Weights are shares: zero or more."),
                       region->name);
          return FALSE;
        }
      if (*largest > 0)
        *total += usable_weight (region) / *largest;
    }
  if (*total <= 0)
    {
      g_set_error_literal (error, LEDGER_TARGET_SPLIT_ERROR,
                           LEDGER_TARGET_SPLIT_ERROR_NO_WEIGHTS,
                           _("No region has a weight. Set the regions' weights in Regions… "
                             "or type each region's target."));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  guint  index;
  double remainder;
} Remainder;

/* Larger remainders first; equal ones in the regions' order, so that the
 * same weights always give the same split. */
static int
compare_remainders (gconstpointer a,
                    gconstpointer b)
{
  const Remainder *x = a, *y = b;

  if (x->remainder != y->remainder)
    return x->remainder > y->remainder ? -1 : 1;
  return (x->index > y->index) - (x->index < y->index);
}

/* Largest remainder: each region gets the whole units of its exact share,
 * and the units left over go one each to the largest fractions, so the
 * parts add up to @units exactly. */
static void
share_units (double     units,
             GPtrArray *regions,
             double     largest,
             double     total_weight,
             double    *shares)
{
  g_autofree Remainder *remainders = g_new (Remainder, regions->len);
  double given = 0;

  for (guint i = 0; i < regions->len; i++)
    {
      double exact = units * (usable_weight (regions->pdata[i]) / largest) / total_weight;

      shares[i] = floor (exact);
      given += shares[i];
      remainders[i] = (Remainder) { i, exact - shares[i] };
    }
  qsort (remainders, regions->len, sizeof *remainders, compare_remainders);
  for (guint i = 0; i < regions->len && given < units; i++, given++)
    shares[remainders[i].index] += 1;
}

/**
 * ledger_target_split_by_weights:
 * @regions: (element-type LedgerRegion): the plan's regions, in order
 *
 * Shares @target out by the regions' weights, each part rounded to the
 * target's decimals, the parts adding up to the target exactly. A negative
 * target (a fall to keep to) is shared as its size, and each part keeps
 * its sign.
 *
 * Returns: (transfer full) (element-type LedgerRegionTarget) (nullable): a
 *   target for each region with a weight, in the regions' order (a region
 *   without one has none: a zone outside the total, say); %NULL with @error
 *   if a weight is below zero or none is above zero
 */
GPtrArray *
ledger_target_split_by_weights (double      target,
                                GPtrArray  *regions,
                                GError    **error)
{
  g_autoptr(GPtrArray) targets = NULL;
  g_autofree double *shares = NULL;
  double largest, total_weight, scale, units;

  g_return_val_if_fail (regions != NULL, NULL);

  if (!isfinite (target))
    {
      g_set_error_literal (error, LEDGER_TARGET_SPLIT_ERROR, LEDGER_TARGET_SPLIT_ERROR_TARGET,
                           _("The indicator has no target to split."));
      return NULL;
    }
  if (!check_weights (regions, &largest, &total_weight, error))
    return NULL;

  scale = pow (10, ledger_target_decimals (target));
  units = round (fabs (target) * scale);
  shares = g_new (double, regions->len);
  share_units (units, regions, largest, total_weight, shares);

  targets = ledger_region_targets_new ();
  for (guint i = 0; i < regions->len; i++)
    {
      const LedgerRegion *region = regions->pdata[i];
      double part = copysign (shares[i], target) / scale;

      if (isfinite (region->weight))
        g_ptr_array_add (targets, ledger_region_target_new (region->code, part == 0 ? 0 : part));
    }
  return g_steal_pointer (&targets);
}

/**
 * ledger_target_split_copy:
 * @regions: (element-type LedgerRegion): the plan's regions, in order
 *
 * A rate or a level is not shared out: each region is held to the city's.
 *
 * Returns: (transfer full) (element-type LedgerRegionTarget): @target for
 *   each region, in order
 */
GPtrArray *
ledger_target_split_copy (double     target,
                          GPtrArray *regions)
{
  GPtrArray *targets = ledger_region_targets_new ();

  g_return_val_if_fail (regions != NULL, targets);

  for (guint i = 0; i < regions->len; i++)
    {
      const LedgerRegion *region = regions->pdata[i];

      g_ptr_array_add (targets, ledger_region_target_new (region->code, target));
    }
  return targets;
}

/* Returns: the sum of the @targets that are numbers, rounded to six
 * decimals so that 0.1 + 0.2 reads as 0.3 against the city's; NAN if none
 * is */
double
ledger_target_split_sum (GPtrArray *targets)
{
  double sum = 0;
  gboolean any = FALSE;

  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      const LedgerRegionTarget *target = targets->pdata[i];

      if (isfinite (target->target))
        sum += target->target, any = TRUE;
    }
  return any ? round (sum * 1e6) / 1e6 : NAN;
}
