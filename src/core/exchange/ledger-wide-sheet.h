/* ledger-wide-sheet.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-sheet.h"

G_BEGIN_DECLS

/* How many rows from the top a wide sheet's header of periods may be. */
#define LEDGER_WIDE_SHEET_HEADER_ROWS 30

GPtrArray *ledger_wide_sheet_to_records (LedgerSheet  *sheet,
                                         int          *year,
                                         GError      **error);

G_END_DECLS
