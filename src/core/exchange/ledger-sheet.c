/* ledger-sheet.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-csv.h"
#include "ledger-sheet-private.h"
#include "ledger-xlsx-reader.h"

typedef struct
{
  guint      number;   /* the row's number in the file: a CSV line, an XLSX row */
  GPtrArray *cells;    /* char * */
  guint8    *kinds;    /* LedgerSheetCellKind of each cell */
} SheetRow;

typedef struct
{
  guint first_row, first_column, last_row, last_column;
} SheetMerge;

struct _LedgerSheet
{
  GObject            parent_instance;

  LedgerSheetFormat  format;
  char              *name;
  char              *encoding;
  GStrv              sheet_names;
  GArray            *rows;     /* SheetRow */
  GArray            *merges;   /* SheetMerge */
  GPtrArray         *merges_by_column;  /* GArray of merge indices by first row; built when asked */
  guint              n_columns;
};

G_DEFINE_QUARK (ledger-sheet-error-quark, ledger_sheet_error)
G_DEFINE_FINAL_TYPE (LedgerSheet, ledger_sheet, G_TYPE_OBJECT)

static void
sheet_row_clear (SheetRow *row)
{
  g_clear_pointer (&row->cells, g_ptr_array_unref);
  g_clear_pointer (&row->kinds, g_free);
}

static void
ledger_sheet_finalize (GObject *object)
{
  LedgerSheet *self = LEDGER_SHEET (object);

  g_free (self->name);
  g_free (self->encoding);
  g_strfreev (self->sheet_names);
  g_array_unref (self->rows);
  g_array_unref (self->merges);
  g_clear_pointer (&self->merges_by_column, g_ptr_array_unref);

  G_OBJECT_CLASS (ledger_sheet_parent_class)->finalize (object);
}

static void
ledger_sheet_class_init (LedgerSheetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ledger_sheet_finalize;
}

static void
ledger_sheet_init (LedgerSheet *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (SheetRow));
  g_array_set_clear_func (self->rows, (GDestroyNotify) sheet_row_clear);
  self->merges = g_array_new (FALSE, TRUE, sizeof (SheetMerge));
}

LedgerSheet *
ledger_sheet_new_empty (LedgerSheetFormat   format,
                        const char         *name,
                        const char * const *sheet_names)
{
  LedgerSheet *self = g_object_new (LEDGER_TYPE_SHEET, NULL);

  self->format = format;
  self->name = g_strdup (name != NULL ? name : "");
  self->sheet_names = g_strdupv ((char **) sheet_names);
  if (self->sheet_names == NULL)
    self->sheet_names = g_new0 (char *, 1);
  return self;
}

void
ledger_sheet_set_encoding (LedgerSheet *self,
                           const char  *encoding)
{
  g_return_if_fail (LEDGER_IS_SHEET (self));

  g_free (self->encoding);
  self->encoding = g_strdup (encoding);
}

/* FALSE, with @error saying that row @row_number is one past the limit. */
gboolean
ledger_sheet_refuse_row (guint    row_number,
                         GError **error)
{
  g_set_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_TOO_LARGE,
               _("Row %u: a sheet may have at most %u rows"), row_number, LEDGER_SHEET_MAX_ROWS);
  return FALSE;
}

/* FALSE, with @error saying that row @row_number has too many columns. */
gboolean
ledger_sheet_refuse_columns (guint    row_number,
                             GError **error)
{
  g_set_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_TOO_LARGE,
               _("Row %u: a sheet may have at most %u columns"), row_number, LEDGER_SHEET_MAX_COLUMNS);
  return FALSE;
}

/* Takes @cells (a reference is kept); @kinds has one per cell, or is NULL
 * for text everywhere. Refuses a row past the limits. */
gboolean
ledger_sheet_append_row (LedgerSheet   *self,
                         guint          row_number,
                         GPtrArray     *cells,
                         const guint8  *kinds,
                         GError       **error)
{
  SheetRow row = { row_number, NULL, NULL };

  g_return_val_if_fail (LEDGER_IS_SHEET (self), FALSE);

  if (self->rows->len >= LEDGER_SHEET_MAX_ROWS)
    return ledger_sheet_refuse_row (row_number, error);
  if (cells->len > LEDGER_SHEET_MAX_COLUMNS)
    return ledger_sheet_refuse_columns (row_number, error);

  row.cells = g_ptr_array_ref (cells);
  row.kinds = g_new0 (guint8, MAX (cells->len, 1));
  for (guint i = 0; i < cells->len; i++)
    {
      const char *text = g_ptr_array_index (cells, i);

      if (kinds != NULL)
        row.kinds[i] = kinds[i];
      else
        row.kinds[i] = text != NULL && *text != '\0' ? LEDGER_SHEET_CELL_TEXT : LEDGER_SHEET_CELL_EMPTY;
    }
  self->n_columns = MAX (self->n_columns, cells->len);
  g_array_append_val (self->rows, row);
  return TRUE;
}

void
ledger_sheet_add_merge (LedgerSheet *self,
                        guint        first_row,
                        guint        first_column,
                        guint        last_row,
                        guint        last_column)
{
  SheetMerge merge = { first_row, first_column, last_row, last_column };

  g_return_if_fail (LEDGER_IS_SHEET (self));
  g_return_if_fail (first_row <= last_row && first_column <= last_column);

  g_array_append_val (self->merges, merge);
  g_clear_pointer (&self->merges_by_column, g_ptr_array_unref);
}

gboolean
ledger_sheet_looks_like_xlsx (GBytes *data)
{
  gsize length = 0;
  const char *bytes = g_bytes_get_data (data, &length);

  return length >= 4 && memcmp (bytes, "PK\x03\x04", 4) == 0;
}

/* The container of XLS workbooks, and of XLSX ones with a password. */
static gboolean
looks_like_compound_file (GBytes *data)
{
  gsize length = 0;
  const char *bytes = g_bytes_get_data (data, &length);

  return length >= 8 && memcmp (bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0;
}

static LedgerSheet *
new_from_csv (GBytes     *data,
              GError    **error)
{
  g_autoptr(LedgerSheet) self = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *text = NULL;
  const char *encoding = NULL;
  gsize length = 0;
  const char *bytes = g_bytes_get_data (data, &length);

  if ((text = ledger_csv_decode (bytes, length, &encoding, error)) == NULL ||
      (records = ledger_csv_parse (text, error)) == NULL)
    return NULL;

  self = ledger_sheet_new_empty (LEDGER_SHEET_CSV, "", NULL);
  ledger_sheet_set_encoding (self, encoding);
  for (guint i = 0; i < records->len; i++)
    {
      LedgerCsvRecord *record = g_ptr_array_index (records, i);
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      for (guint j = 0; record->fields[j] != NULL; j++)
        g_ptr_array_add (cells, g_strdup (record->fields[j]));
      if (!ledger_sheet_append_row (self, record->line, cells, NULL, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

/* The sheet of @data: CSV text, or the worksheet @sheet_name (NULL for the
 * first) of an XLSX workbook. */
LedgerSheet *
ledger_sheet_new_from_bytes (GBytes      *data,
                             const char  *sheet_name,
                             GError     **error)
{
  g_return_val_if_fail (data != NULL, NULL);

  if (ledger_sheet_looks_like_xlsx (data))
    return ledger_xlsx_read_sheet (data, sheet_name, error);
  if (looks_like_compound_file (data))
    {
      g_set_error_literal (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_FORMAT,
                           _("This is an XLS workbook, or one protected by a password; save it "
                             "as XLSX without a password, or as CSV, to import it"));
      return NULL;
    }
  return new_from_csv (data, error);
}

LedgerSheet *
ledger_sheet_new_from_file (GFile         *file,
                            const char    *sheet_name,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GBytes) data = ledger_csv_read_file (file, LEDGER_CSV_MAX_FILE_SIZE, cancellable, error);

  if (data == NULL)
    return NULL;
  return ledger_sheet_new_from_bytes (data, sheet_name, error);
}

LedgerSheetFormat
ledger_sheet_get_format (LedgerSheet *self)
{
  g_return_val_if_fail (LEDGER_IS_SHEET (self), LEDGER_SHEET_CSV);
  return self->format;
}

/* The encoding a CSV file was read in; NULL for a workbook. */
const char *
ledger_sheet_get_encoding (LedgerSheet *self)
{
  g_return_val_if_fail (LEDGER_IS_SHEET (self), NULL);
  return self->encoding;
}

/* The worksheet's name; empty for CSV. */
const char *
ledger_sheet_get_name (LedgerSheet *self)
{
  g_return_val_if_fail (LEDGER_IS_SHEET (self), NULL);
  return self->name;
}

/* Every worksheet of the workbook, in order; empty for CSV. */
const char * const *
ledger_sheet_get_sheet_names (LedgerSheet *self)
{
  g_return_val_if_fail (LEDGER_IS_SHEET (self), NULL);
  return (const char * const *) self->sheet_names;
}

guint
ledger_sheet_get_n_rows (LedgerSheet *self)
{
  g_return_val_if_fail (LEDGER_IS_SHEET (self), 0);
  return self->rows->len;
}

guint
ledger_sheet_get_n_columns (LedgerSheet *self)
{
  g_return_val_if_fail (LEDGER_IS_SHEET (self), 0);
  return self->n_columns;
}

/* The number a user sees for @row: the CSV line it starts on, or the XLSX
 * row number. */
guint
ledger_sheet_get_row_number (LedgerSheet *self,
                             guint        row)
{
  g_return_val_if_fail (LEDGER_IS_SHEET (self), 0);
  g_return_val_if_fail (row < self->rows->len, 0);
  return g_array_index (self->rows, SheetRow, row).number;
}

static int
compare_merge_first_rows (gconstpointer a,
                          gconstpointer b,
                          gpointer      user_data)
{
  GArray *merges = user_data;
  guint row_a = g_array_index (merges, SheetMerge, *(const guint *) a).first_row;
  guint row_b = g_array_index (merges, SheetMerge, *(const guint *) b).first_row;

  return row_a < row_b ? -1 : row_a > row_b;
}

/* For each column, the merges across it in order of their first rows:
 * merges do not overlap, so a cell's merge is found by halving. */
static void
index_merges (LedgerSheet *self)
{
  self->merges_by_column = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint i = 0; i < self->merges->len; i++)
    {
      const SheetMerge *merge = &g_array_index (self->merges, SheetMerge, i);

      for (guint column = merge->first_column; column <= merge->last_column; column++)
        {
          while (self->merges_by_column->len <= column)
            g_ptr_array_add (self->merges_by_column, g_array_new (FALSE, FALSE, sizeof (guint)));
          g_array_append_val (g_ptr_array_index (self->merges_by_column, column), i);
        }
    }
  for (guint column = 0; column < self->merges_by_column->len; column++)
    g_array_sort_with_data (g_ptr_array_index (self->merges_by_column, column),
                            compare_merge_first_rows, self->merges);
}

static const SheetMerge *
merge_at (LedgerSheet *self,
          guint        row,
          guint        column)
{
  GArray *across;
  guint low = 0, high;
  const SheetMerge *merge;

  if (self->merges->len == 0)
    return NULL;
  if (self->merges_by_column == NULL)
    index_merges (self);
  if (column >= self->merges_by_column->len)
    return NULL;
  /* The last merge across the column that starts at or above the row. */
  across = g_ptr_array_index (self->merges_by_column, column);
  high = across->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->merges, SheetMerge, g_array_index (across, guint, middle)).first_row <= row)
        low = middle + 1;
      else
        high = middle;
    }
  if (low == 0)
    return NULL;
  merge = &g_array_index (self->merges, SheetMerge, g_array_index (across, guint, low - 1));
  return row <= merge->last_row ? merge : NULL;
}

/* The cell's own place, or its merged range's first cell. */
static void
origin_of (LedgerSheet *self,
           guint       *row,
           guint       *column)
{
  const SheetMerge *merge = merge_at (self, *row, *column);

  if (merge != NULL)
    {
      *row = merge->first_row;
      *column = merge->first_column;
    }
}

/* The text of a cell, "" for an empty one or one past the row's end. */
const char *
ledger_sheet_get_cell (LedgerSheet *self,
                       guint        row,
                       guint        column)
{
  const SheetRow *sheet_row;
  const char *text;

  g_return_val_if_fail (LEDGER_IS_SHEET (self), "");

  origin_of (self, &row, &column);
  if (row >= self->rows->len)
    return "";
  sheet_row = &g_array_index (self->rows, SheetRow, row);
  if (column >= sheet_row->cells->len)
    return "";
  text = g_ptr_array_index (sheet_row->cells, column);
  return text != NULL ? text : "";
}

LedgerSheetCellKind
ledger_sheet_get_cell_kind (LedgerSheet *self,
                            guint        row,
                            guint        column)
{
  const SheetRow *sheet_row;

  g_return_val_if_fail (LEDGER_IS_SHEET (self), LEDGER_SHEET_CELL_EMPTY);

  origin_of (self, &row, &column);
  if (row >= self->rows->len)
    return LEDGER_SHEET_CELL_EMPTY;
  sheet_row = &g_array_index (self->rows, SheetRow, row);
  if (column >= sheet_row->cells->len)
    return LEDGER_SHEET_CELL_EMPTY;
  return sheet_row->kinds[column];
}

/* Whether the cell is part of a merged range (its first cell included). */
gboolean
ledger_sheet_is_merged (LedgerSheet *self,
                        guint        row,
                        guint        column)
{
  g_return_val_if_fail (LEDGER_IS_SHEET (self), FALSE);
  return merge_at (self, row, column) != NULL;
}

/* Whether every cell of @row is empty or blank. */
gboolean
ledger_sheet_row_is_empty (LedgerSheet *self,
                           guint        row)
{
  g_return_val_if_fail (LEDGER_IS_SHEET (self), TRUE);

  for (guint column = 0; column < self->n_columns; column++)
    {
      const char *text = ledger_sheet_get_cell (self, row, column);

      for (; *text != '\0'; text = g_utf8_next_char (text))
        if (!g_unichar_isspace (g_utf8_get_char (text)))
          return FALSE;
    }
  return TRUE;
}
