/* ledger-sheet-private.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-sheet.h"

G_BEGIN_DECLS

/* How a reader of a format fills a sheet: rows in order, then the merged
 * ranges (rows and columns count from 0, as the getters do). */

LedgerSheet *ledger_sheet_new_empty       (LedgerSheetFormat     format,
                                           const char           *name,
                                           const char * const   *sheet_names);
gboolean     ledger_sheet_append_row      (LedgerSheet          *self,
                                           guint                 row_number,
                                           GPtrArray            *cells,
                                           const guint8         *kinds,
                                           GError              **error);
void         ledger_sheet_add_merge       (LedgerSheet          *self,
                                           guint                 first_row,
                                           guint                 first_column,
                                           guint                 last_row,
                                           guint                 last_column);
void         ledger_sheet_set_encoding    (LedgerSheet          *self,
                                           const char           *encoding);
gboolean     ledger_sheet_refuse_row      (guint                 row_number,
                                           GError              **error);
gboolean     ledger_sheet_refuse_columns  (guint                 row_number,
                                           GError              **error);

G_END_DECLS
