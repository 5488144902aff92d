/* ledger-xlsx-private.h: what the XLSX ledger's sheets share
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <xlsxwriter.h>

#include "ledger-context.h"

G_BEGIN_DECLS

/* The rows at the top of each plan's sheet. */
#define LEDGER_XLSX_TITLE_ROW      0
#define LEDGER_XLSX_AS_OF_ROW      1
#define LEDGER_XLSX_HEADER_ROW     2
#define LEDGER_XLSX_FIRST_DATA_ROW 3

/* How many cumulative indicators the charts sheet draws. */
#define LEDGER_XLSX_MAX_CHARTS 8

/* An indicator the charts sheet draws, by its row in its plan's sheet. */
typedef struct
{
  LedgerIndicator *indicator;
  lxw_row_t        row;
} LedgerXlsxCharted;

typedef struct
{
  lxw_workbook  *workbook;
  LedgerContext *context;
  GPtrArray     *sheet_names;    /* the names taken, to keep them unique */
  GPtrArray     *texts;          /* the texts cleaned for XML, until the end */
  lxw_format    *title;          /* a sheet's first line */

  /* What the charts sheet draws: the first cumulative indicators of the
   * first one-year plan, from that plan's sheet. */
  char          *chart_sheet;    /* the plan's sheet */
  GPtrArray     *chart_periods;  /* the codes of its period columns */
  lxw_col_t      chart_column;   /* the first of them */
  GArray        *charted;        /* LedgerXlsxCharted */
} LedgerXlsx;

const char    *ledger_xlsx_text            (LedgerXlsx     *xlsx,
                                            const char     *text);
lxw_worksheet *ledger_xlsx_add_sheet       (LedgerXlsx     *xlsx,
                                            const char     *title,
                                            const char     *fallback,
                                            char          **name);
void           ledger_xlsx_set_up_printing (lxw_worksheet  *worksheet);
void           ledger_xlsx_write_charts    (LedgerXlsx     *xlsx);
void           ledger_xlsx_set_write_error (GError        **error,
                                            int             code,
                                            const char     *path,
                                            const char     *reason);
void           ledger_xlsx_write_evidence  (LedgerXlsx     *xlsx,
                                            GPtrArray      *plans);
void           ledger_xlsx_write_rankings  (LedgerXlsx     *xlsx,
                                            GPtrArray      *plans,
                                            GPtrArray      *as_of);

G_END_DECLS
