/* ledger-sheet.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One sheet of a spreadsheet as text: a CSV file (any encoding the CSV
 * import reads) or one worksheet of an XLSX workbook, told apart by
 * content. Cells are read as the office typed them; a cell inside a merged
 * range reads as the range's first cell. Importers of plans and of values
 * read files through it. */

#define LEDGER_SHEET_ERROR (ledger_sheet_error_quark ())

typedef enum
{
  LEDGER_SHEET_ERROR_FORMAT,     /* neither CSV text nor an XLSX workbook */
  LEDGER_SHEET_ERROR_DAMAGED,    /* an XLSX workbook that cannot be read */
  LEDGER_SHEET_ERROR_TOO_LARGE,  /* over a limit: file, rows, columns, cell */
  LEDGER_SHEET_ERROR_NO_SHEET,   /* no worksheet of the name asked for */
} LedgerSheetError;

typedef enum
{
  LEDGER_SHEET_CSV,
  LEDGER_SHEET_XLSX,
} LedgerSheetFormat;

typedef enum
{
  LEDGER_SHEET_CELL_EMPTY,
  LEDGER_SHEET_CELL_TEXT,
  LEDGER_SHEET_CELL_NUMBER,   /* text is the number's shortest form: "4.3" */
  LEDGER_SHEET_CELL_DATE,     /* text is an ISO 8601 date: "2026-09-30" */
} LedgerSheetCellKind;

/* The most rows and columns a sheet may have. */
#define LEDGER_SHEET_MAX_ROWS    200000
#define LEDGER_SHEET_MAX_COLUMNS 1024

#define LEDGER_TYPE_SHEET (ledger_sheet_get_type ())
G_DECLARE_FINAL_TYPE (LedgerSheet, ledger_sheet, LEDGER, SHEET, GObject)

GQuark             ledger_sheet_error_quark      (void);
LedgerSheet       *ledger_sheet_new_from_bytes   (GBytes        *data,
                                                  const char    *sheet_name,
                                                  GError       **error);
LedgerSheet       *ledger_sheet_new_from_file    (GFile         *file,
                                                  const char    *sheet_name,
                                                  GCancellable  *cancellable,
                                                  GError       **error);
gboolean           ledger_sheet_looks_like_xlsx  (GBytes        *data);
LedgerSheetFormat  ledger_sheet_get_format       (LedgerSheet   *self);
const char        *ledger_sheet_get_encoding     (LedgerSheet   *self);
const char        *ledger_sheet_get_name         (LedgerSheet   *self);
const char * const *ledger_sheet_get_sheet_names (LedgerSheet   *self);
guint              ledger_sheet_get_n_rows       (LedgerSheet   *self);
guint              ledger_sheet_get_n_columns    (LedgerSheet   *self);
guint              ledger_sheet_get_row_number   (LedgerSheet   *self,
                                                  guint          row);
const char        *ledger_sheet_get_cell         (LedgerSheet   *self,
                                                  guint          row,
                                                  guint          column);
LedgerSheetCellKind ledger_sheet_get_cell_kind   (LedgerSheet   *self,
                                                  guint          row,
                                                  guint          column);
gboolean           ledger_sheet_is_merged        (LedgerSheet   *self,
                                                  guint          row,
                                                  guint          column);
gboolean           ledger_sheet_row_is_empty     (LedgerSheet   *self,
                                                  guint          row);

G_END_DECLS
