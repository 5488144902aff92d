/* ledger-region-target.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-region-target"

#include "config.h"

#include <math.h>

#include "ledger-region-target.h"

G_DEFINE_BOXED_TYPE (LedgerRegionTarget, ledger_region_target, ledger_region_target_copy,
                     ledger_region_target_free)

LedgerRegionTarget *
ledger_region_target_new (const char *region,
                          double      target)
{
  LedgerRegionTarget *self = g_new0 (LedgerRegionTarget, 1);

  self->region = g_strdup (region);
  self->target = target;
  return self;
}

LedgerRegionTarget *
ledger_region_target_copy (const LedgerRegionTarget *self)
{
  return ledger_region_target_new (self->region, self->target);
}

void
ledger_region_target_free (LedgerRegionTarget *self)
{
  if (self == NULL)
    return;
  g_free (self->region);
  g_free (self);
}

/* Returns: (transfer full): an empty array of #LedgerRegionTarget */
GPtrArray *
ledger_region_targets_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_region_target_free);
}

/* Returns: @region's target among @targets, or NAN */
double
ledger_region_targets_lookup (GPtrArray  *targets,
                              const char *region)
{
  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      LedgerRegionTarget *target = targets->pdata[i];

      if (g_strcmp0 (target->region, region) == 0)
        return target->target;
    }
  return NAN;
}
