/* ledger-area-page.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ledger-area.h"
#include "ledger-context.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_AREA_PAGE (ledger_area_page_get_type ())

G_DECLARE_FINAL_TYPE (LedgerAreaPage, ledger_area_page, LEDGER, AREA_PAGE, AdwBin)

LedgerAreaPage *ledger_area_page_new      (LedgerContext  *context,
                                           LedgerPlan     *plan,
                                           LedgerArea     *area);
void            ledger_area_page_build_all (LedgerAreaPage *self);
gboolean        ledger_area_page_filter_unit (LedgerAreaPage *self,
                                              const char     *unit);

G_END_DECLS
