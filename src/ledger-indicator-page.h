/* ledger-indicator-page.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ledger-context.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_INDICATOR_PAGE (ledger_indicator_page_get_type ())

G_DECLARE_FINAL_TYPE (LedgerIndicatorPage, ledger_indicator_page, LEDGER, INDICATOR_PAGE, AdwBin)

LedgerIndicatorPage *ledger_indicator_page_new           (LedgerContext       *context,
                                                          LedgerPlan          *plan,
                                                          LedgerIndicator     *indicator);
LedgerIndicator     *ledger_indicator_page_get_indicator (LedgerIndicatorPage *self);

G_END_DECLS
