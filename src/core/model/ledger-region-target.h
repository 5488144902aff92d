/* ledger-region-target.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* An indicator's target for one region (分解目标), in the indicator's unit. */
typedef struct
{
  char   *region;  /* the region's code */
  double  target;
} LedgerRegionTarget;

#define LEDGER_TYPE_REGION_TARGET (ledger_region_target_get_type ())

GType               ledger_region_target_get_type (void) G_GNUC_CONST;
LedgerRegionTarget *ledger_region_target_new      (const char               *region,
                                                   double                    target);
LedgerRegionTarget *ledger_region_target_copy     (const LedgerRegionTarget *self);
void                ledger_region_target_free     (LedgerRegionTarget       *self);
GPtrArray          *ledger_region_targets_new     (void);
double              ledger_region_targets_lookup  (GPtrArray                *targets,
                                                   const char               *region);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerRegionTarget, ledger_region_target_free)

G_END_DECLS
