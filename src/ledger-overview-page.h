/* ledger-overview-page.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ledger-context.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_OVERVIEW_PAGE (ledger_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (LedgerOverviewPage, ledger_overview_page, LEDGER, OVERVIEW_PAGE, AdwBin)

LedgerOverviewPage *ledger_overview_page_new (LedgerContext *context,
                                              LedgerPlan    *plan);

G_END_DECLS
