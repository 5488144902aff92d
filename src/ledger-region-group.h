/* ledger-region-group.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ledger-context.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_REGION_GROUP (ledger_region_group_get_type ())

G_DECLARE_FINAL_TYPE (LedgerRegionGroup, ledger_region_group, LEDGER, REGION_GROUP, AdwPreferencesGroup)

LedgerRegionGroup *ledger_region_group_new     (LedgerContext     *context,
                                                LedgerPlan        *plan,
                                                LedgerIndicator   *indicator);
void               ledger_region_group_refresh (LedgerRegionGroup *self);

G_END_DECLS
