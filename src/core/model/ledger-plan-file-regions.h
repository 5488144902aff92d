/* ledger-plan-file-regions.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "ledger-indicator.h"
#include "ledger-json.h"
#include "ledger-plan.h"

G_BEGIN_DECLS

/* The regions' members of a plan file (docs/regions.md), for
 * ledger-plan-file.c only. */
gboolean ledger_plan_file_read_regions        (LedgerJsonReader *reader,
                                               JsonObject       *object,
                                               LedgerPlan       *plan);
gboolean ledger_plan_file_read_region_targets (LedgerJsonReader *reader,
                                               JsonObject       *object,
                                               LedgerPlan       *plan,
                                               LedgerKind        kind,
                                               GPtrArray        *targets);
void     ledger_plan_file_write_regions       (JsonBuilder      *builder,
                                               LedgerPlan       *plan);
void     ledger_plan_file_write_region_targets (JsonBuilder     *builder,
                                               LedgerIndicator  *indicator);

G_END_DECLS
