/* ledger-region-plan.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ledger-job-progress.h"
#include "ledger-store.h"

G_BEGIN_DECLS

/* A region's plan (区县计划, docs/regions.md): the city's plan as a plan
 * file for a county's own ledger, with the region's targets. */

LedgerPlan *ledger_region_plan_build          (LedgerStore          *store,
                                               const char           *plan_code,
                                               const char           *region,
                                               guint                *n_unsplit,
                                               GError              **error);
char       *ledger_region_plan_export         (LedgerStore          *store,
                                               const char           *plan_code,
                                               const char           *region,
                                               guint                *n_unsplit,
                                               GError              **error);
gboolean    ledger_region_plan_export_to_file (LedgerStore          *store,
                                               const char           *plan_code,
                                               const char           *region,
                                               const char           *path,
                                               LedgerJobProgress    *progress,
                                               GCancellable         *cancellable,
                                               GError              **error);
void        ledger_region_plan_export_async   (LedgerStore          *store,
                                               const char           *plan_code,
                                               const char           *region,
                                               const char           *path,
                                               LedgerJobProgress    *progress,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean    ledger_region_plan_export_finish  (GAsyncResult         *result,
                                               GError              **error);
char       *ledger_region_plan_suggest_file_name (LedgerPlan        *plan,
                                                  const LedgerRegion *region);

G_END_DECLS
