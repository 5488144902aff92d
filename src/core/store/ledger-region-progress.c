/* ledger-region-progress.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-region-progress"

#include "config.h"

#include <math.h>

#include "ledger-region-progress.h"

/* A region's standing on one indicator (docs/regions.md): its latest
 * figure as of the context's period, read by the same rules as the
 * city's (ledger-progress.c) against the region's own target. The base
 * year's figures are the city's only, so a region's pace is by months. */

/**
 * ledger_region_progress_target:
 * @targets: (element-type LedgerRegionTarget): the indicator's split targets
 *
 * Returns: @region's target; without one of its own, a rate or a level is
 *   held to the city's, a total has none (NAN)
 */
double
ledger_region_progress_target (LedgerIndicator *indicator,
                               GPtrArray       *targets,
                               const char      *region)
{
  double target = ledger_region_targets_lookup (targets, region);
  LedgerKind kind = ledger_indicator_get_kind (indicator);

  if (isnan (target) && (kind == LEDGER_KIND_RATE || kind == LEDGER_KIND_LEVEL))
    return ledger_indicator_get_target (indicator);
  return target;
}

/**
 * ledger_region_progress_evaluate_value:
 * @target: the region's target (ledger_region_progress_target()), or NAN
 * @value: (nullable): a figure of the region, recorded or being typed
 *
 * Returns: where @value would stand as of @period against @target;
 *   without a target, a total has no progress
 */
LedgerProgress
ledger_region_progress_evaluate_value (LedgerContext   *context,
                                       LedgerIndicator *indicator,
                                       double           target,
                                       LedgerValue     *value,
                                       const char      *period)
{
  g_autoptr(LedgerIndicator) held_to = NULL;

  if (isnan (target) && ledger_indicator_get_kind (indicator) != LEDGER_KIND_QUALITATIVE)
    return ledger_progress_none ();
  held_to = ledger_indicator_copy_with_target (indicator, isnan (target) ? 0 : target);
  return ledger_progress_evaluate (held_to, value, period, ledger_context_get_tolerances (context));
}

/**
 * ledger_region_progress_evaluate:
 * @target: the region's target (ledger_region_progress_target()), or NAN
 * @value: (out) (optional) (transfer full) (nullable): the figure read
 *
 * Returns: where @region stands as of the context's period; without a
 *   target, a total has a figure but no progress
 */
LedgerProgress
ledger_region_progress_evaluate (LedgerContext    *context,
                                 LedgerIndicator  *indicator,
                                 const char       *region,
                                 double            target,
                                 LedgerValue     **value)
{
  LedgerStore *store = ledger_context_get_store (context);
  const char *as_of = ledger_context_get_as_of (context);
  g_autoptr(LedgerValue) latest = NULL;
  LedgerProgress progress;
  LedgerPeriod period;

  if (as_of != NULL && ledger_period_parse (as_of, &period))
    latest = ledger_store_get_latest_region_value_until (store, ledger_indicator_get_id (indicator), region,
                                                         &period);
  progress = ledger_region_progress_evaluate_value (context, indicator, target, latest, as_of);
  if (value != NULL)
    *value = g_steal_pointer (&latest);
  return progress;
}
