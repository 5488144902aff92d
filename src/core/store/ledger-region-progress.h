/* ledger-region-progress.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-context.h"

G_BEGIN_DECLS

LedgerProgress ledger_region_progress_evaluate (LedgerContext    *context,
                                                LedgerIndicator  *indicator,
                                                const char       *region,
                                                double            target,
                                                LedgerValue     **value);
LedgerProgress ledger_region_progress_evaluate_value (LedgerContext   *context,
                                                      LedgerIndicator *indicator,
                                                      double           target,
                                                      LedgerValue     *value,
                                                      const char      *period);
double         ledger_region_progress_target   (LedgerIndicator  *indicator,
                                                GPtrArray        *targets,
                                                const char       *region);

G_END_DECLS
