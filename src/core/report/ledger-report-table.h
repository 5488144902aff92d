/* ledger-report-table.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-report-block.h"

G_BEGIN_DECLS

typedef struct
{
  const char *title;
  double      share;  /* of the table's width */
} LedgerReportColumn;

typedef struct _LedgerReportTable LedgerReportTable;

LedgerReportTable *ledger_report_table_new           (const LedgerReportColumn *columns,
                                                      guint                     n_columns);
void               ledger_report_table_unref         (LedgerReportTable        *table);
void               ledger_report_table_add_group     (LedgerReportTable        *table,
                                                      const char               *title);
guint              ledger_report_table_add_row       (LedgerReportTable        *table);
void               ledger_report_table_set_text      (LedgerReportTable        *table,
                                                      guint                     row,
                                                      guint                     column,
                                                      const char               *text,
                                                      const char               *detail);
void               ledger_report_table_set_status    (LedgerReportTable        *table,
                                                      guint                     row,
                                                      guint                     column,
                                                      LedgerStatus              status);
guint              ledger_report_table_get_n_rows    (LedgerReportTable        *table);
void               ledger_report_table_append_blocks (LedgerReportTable        *table,
                                                      GPtrArray                *blocks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerReportTable, ledger_report_table_unref)

G_END_DECLS
