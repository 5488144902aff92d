/* fuzz-xlsx.c: libFuzzer target for the XLSX reader behind LedgerSheet:
 * the first sheet and a sheet by name of whatever zip it is given.
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fuzz-log.h"
#include "ledger-sheet.h"

static void
check_sheet (LedgerSheet *sheet)
{
  guint n_rows = ledger_sheet_get_n_rows (sheet);
  guint n_columns = ledger_sheet_get_n_columns (sheet);

  FUZZ_CHECK (n_rows <= LEDGER_SHEET_MAX_ROWS);
  FUZZ_CHECK (n_columns <= LEDGER_SHEET_MAX_COLUMNS);
  FUZZ_CHECK (ledger_sheet_get_sheet_names (sheet) != NULL);
  for (guint row = 0; row < n_rows; row++)
    {
      /* Rows keep the numbers the sheet gives them: 1, 2, 3 … */
      FUZZ_CHECK (ledger_sheet_get_row_number (sheet, row) == row + 1);
      for (guint column = 0; column <= n_columns; column++)
        {
          const char *text = ledger_sheet_get_cell (sheet, row, column);
          LedgerSheetCellKind kind = ledger_sheet_get_cell_kind (sheet, row, column);

          FUZZ_CHECK (g_utf8_validate (text, -1, NULL));
          FUZZ_CHECK ((kind == LEDGER_SHEET_CELL_EMPTY) == (*text == '\0'));
          FUZZ_CHECK (kind != LEDGER_SHEET_CELL_DATE || strlen (text) == 10);
          (void) ledger_sheet_is_merged (sheet, row, column);
        }
    }
}

static void
read_sheet (GBytes     *data,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerSheet) sheet = ledger_sheet_new_from_bytes (data, name, &error);

  /* A refusal always says why. */
  FUZZ_CHECK ((sheet == NULL) != (error == NULL));
  if (sheet != NULL)
    check_sheet (sheet);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;

  /* Only workbooks: CSV has a fuzzer of its own. */
  if (size < 4 || memcmp (data, "PK\x03\x04", 4) != 0)
    return 0;
  bytes = g_bytes_new (data, size);
  read_sheet (bytes, NULL);
  read_sheet (bytes, "Sheet2");
  return 0;
}
