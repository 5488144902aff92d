/* ledger-xlsx-reader.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-sheet.h"

G_BEGIN_DECLS

/* The XLSX side of LedgerSheet: one worksheet of a workbook in memory. */

/* Limits beyond the sheet's own rows and columns. */
#define LEDGER_XLSX_MAX_PART_SIZE      ((gsize) 256 * 1024 * 1024)
#define LEDGER_XLSX_RATIO_FLOOR        ((gsize) 16 * 1024 * 1024)
#define LEDGER_XLSX_MAX_RATIO          250
#define LEDGER_XLSX_MAX_DEPTH          64
#define LEDGER_XLSX_MAX_SHARED_STRINGS 1000000
#define LEDGER_XLSX_MAX_MERGED_COLUMNS (1024 * 1024)

LedgerSheet *ledger_xlsx_read_sheet (GBytes      *data,
                                     const char  *sheet_name,
                                     GError     **error);

G_END_DECLS
