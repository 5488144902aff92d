/* ledger-csv-import.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-csv-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-csv.h"
#include "ledger-csv-columns.h"
#include "ledger-csv-import.h"
#include "ledger-entry-check.h"
#include "ledger-indicator-index.h"
#include "ledger-number.h"
#include "ledger-period-words.h"
#include "ledger-sheet.h"
#include "ledger-status.h"
#include "ledger-wide-sheet.h"
#include "ledger-worker.h"

/* Values from a CSV file, in two steps: read, which sorts every row of the
 * file into values to add, values that change the ledger's, unchanged
 * values and refused rows (each with its reason), writing nothing; then
 * apply, which writes the values to add and to change in one transaction.
 * Both can run in a worker thread; the fraction done can be read from any
 * thread meanwhile. */

struct _LedgerCsvImport
{
  GObject       parent_instance;

  char         *origin;
  char         *sheet_name;  /* of an XLSX workbook; NULL for the first */
  const char   *encoding;
  GListStore   *rows;       /* LedgerImportRow: all but the unchanged, and
                             * only the first refused ones */
  GPtrArray    *unchanged;  /* LedgerImportRow: the unchanged */
  gint64        mark;       /* the ledger's change mark when read */
  int           default_year;  /* of periods written without one */
  LedgerCheckLimits checks;    /* the thresholds of the checks on entry */
  guint         counts[LEDGER_IMPORT_N_ACTIONS];

  /* Progress, read from other threads: rows read or values written of
   * how many. */
  gint          n_done;
  gint          n_total;
};

G_DEFINE_FINAL_TYPE (LedgerCsvImport, ledger_csv_import, G_TYPE_OBJECT)

/* How many times an import reads the file again when the ledger changed
 * between reading and writing. */
#define MAX_TRIES 8

/* What reading needs: the ledger's indicators, the file's columns, and
 * the indicator, region and period of each row read so far, to refuse a
 * second row for the same cell. */
typedef struct
{
  LedgerIndicatorIndex *index;
  GHashTable           *cells;  /* LedgerValue (its cell) → line */
  int                   columns[N_COLUMNS];
  int                   default_year;
  const LedgerCheckLimits *checks;
} Reader;

static guint
cell_hash (gconstpointer value)
{
  gint64 indicator_id = ledger_value_get_indicator_id ((LedgerValue *) value);

  return (g_int64_hash (&indicator_id) * 31 + g_str_hash (ledger_value_get_period ((LedgerValue *) value))) * 31 +
         g_str_hash (ledger_value_get_region ((LedgerValue *) value));
}

static gboolean
cell_equal (gconstpointer a,
            gconstpointer b)
{
  return ledger_value_get_indicator_id ((LedgerValue *) a) == ledger_value_get_indicator_id ((LedgerValue *) b) &&
         g_str_equal (ledger_value_get_period ((LedgerValue *) a), ledger_value_get_period ((LedgerValue *) b)) &&
         g_str_equal (ledger_value_get_region ((LedgerValue *) a), ledger_value_get_region ((LedgerValue *) b));
}

static gboolean
reader_init (Reader       *reader,
             LedgerStore  *store,
             GError      **error)
{
  reader->cells = g_hash_table_new_full (cell_hash, cell_equal, g_object_unref, NULL);
  return (reader->index = ledger_indicator_index_new (store, error)) != NULL;
}

static void
reader_clear (Reader *reader)
{
  g_clear_pointer (&reader->index, ledger_indicator_index_free);
  g_clear_pointer (&reader->cells, g_hash_table_unref);
}

/* A figure the checks on entry flag is imported only with a note that
 * explains it (docs/monthly-cycle.md); a region's is read against the
 * region's own figures. */
static gboolean
check_flagged (Reader           *reader,
               LedgerIndicator  *indicator,
               LedgerValue      *value,
               GError          **error)
{
  GListModel *history = ledger_indicator_index_get_history (reader->index, indicator,
                                                            ledger_value_get_region (value));

  return !ledger_entry_check_refuses (ledger_entry_check_typed (indicator, history, value, reader->checks), value,
                                      reader->checks, error);
}

static const char *
field (Reader          *reader,
       LedgerCsvRecord *record,
       int              column)
{
  int index = reader->columns[column];

  if (index < 0 || index >= (int) g_strv_length (record->fields))
    return "";
  return ledger_csv_unprotect (record->fields[index]);
}

/* A column the import does not know is refused, not left out: "notes" for
 * "note" would otherwise lose every note without a word. Columns without a
 * name, as a sheet's empty columns are saved, are left out. */
static gboolean
find_column (Reader      *reader,
             const char  *name,
             int          index,
             guint        line,
             GError     **error)
{
  g_autoptr(GString) known = g_string_new (NULL);

  for (int c = 0; c < N_COLUMNS; c++)
    {
      g_string_append_printf (known, c > 0 ? ", %s" : "%s", ledger_csv_column_names[c]);
      if (!g_str_equal (name, ledger_csv_column_names[c]))
        continue;
      if (reader->columns[c] >= 0)
        {
          g_set_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_SYNTAX,
                       _("Line %u: the column “%s” is there twice"), line, name);
          return FALSE;
        }
      reader->columns[c] = index;
      return TRUE;
    }
  g_set_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_SYNTAX,
               _("Line %u: there is no column “%s”; the columns are %s"), line, name, known->str);
  return FALSE;
}

static gboolean
map_header (Reader           *reader,
            LedgerCsvRecord  *header,
            GError          **error)
{
  for (int c = 0; c < N_COLUMNS; c++)
    reader->columns[c] = -1;
  for (int i = 0; header->fields[i] != NULL; i++)
    {
      g_autofree char *name = g_ascii_strdown (g_strstrip (header->fields[i]), -1);

      if (name[0] != '\0' && !find_column (reader, name, i, header->line, error))
        return FALSE;
    }
  if ((reader->columns[COL_CODE] < 0 && reader->columns[COL_INDICATOR] < 0) ||
      reader->columns[COL_PERIOD] < 0 || reader->columns[COL_VALUE] < 0)
    {
      g_set_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_SYNTAX,
                   _("Line %u: the header needs the columns “code” or “indicator”, "
                     "“period” and “value”"), header->line);
      return FALSE;
    }
  return TRUE;
}

static const char *
row_key (Reader          *reader,
         LedgerCsvRecord *record)
{
  const char *code = field (reader, record, COL_CODE);

  return code[0] != '\0' ? code : field (reader, record, COL_INDICATOR);
}

/* Finds the one indicator a row means: by code, else by name, within the
 * plan named in the row (if any), for the year of the period as written;
 * then the period as the indicator is reported (1-6月 is 2026-Q2 for a
 * quarterly one) into @period and @period_code. */
static LedgerIndicator *
resolve (Reader           *reader,
         LedgerCsvRecord  *record,
         const char       *written,
         LedgerPeriod     *period,
         char            **period_code,
         GError          **error)
{
  gboolean by_code = field (reader, record, COL_CODE)[0] != '\0';
  g_autofree char *reason = NULL;
  g_autoptr(GError) local_error = NULL;
  LedgerIndicator *indicator;
  LedgerFrequency frequency;

  indicator = ledger_indicator_index_find (reader->index,
                                           by_code ? LEDGER_INDICATOR_BY_CODE : LEDGER_INDICATOR_BY_NAME,
                                           field (reader, record, COL_PLAN), row_key (reader, record),
                                           period, &reason);
  if (indicator == NULL)
    {
      g_set_error_literal (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_SYNTAX, reason);
      return NULL;
    }
  frequency = ledger_indicator_get_frequency (indicator);
  *period_code = ledger_period_words_to_code (written, frequency, reader->default_year, &local_error);
  if (*period_code == NULL && !g_error_matches (local_error, LEDGER_PERIOD_ERROR, LEDGER_PERIOD_ERROR_FREQUENCY))
    {
      g_set_error_literal (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_SYNTAX, local_error->message);
      return NULL;
    }
  /* The index found it for the period's year: only its periods are left
   * to check. */
  if (*period_code == NULL || !ledger_period_parse (*period_code, period) ||
      ledger_indicator_index_fit (reader->index, indicator, period) == LEDGER_INDICATOR_NOT_ITS_PERIOD)
    {
      g_set_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_SYNTAX,
                   _("%s is reported %s, not for “%s”"), ledger_indicator_get_name (indicator),
                   ledger_frequency_label (frequency), written);
      return NULL;
    }
  return indicator;
}

static LedgerValue *
read_status (Reader           *reader,
             LedgerCsvRecord  *record,
             LedgerIndicator  *indicator,
             const char       *period_code,
             GError          **error)
{
  const char *status = field (reader, record, COL_STATUS);

  if (!g_strv_contains (ledger_status_qualitative_codes (), status))
    {
      g_set_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_SYNTAX,
                   _("%s is a qualitative task; its “status” must be one of "
                     "not_started, in_progress, done or behind"),
                   ledger_indicator_get_name (indicator));
      return NULL;
    }
  return ledger_value_new_status (ledger_indicator_get_id (indicator), period_code, status,
                                  field (reader, record, COL_NOTE),
                                  field (reader, record, COL_SOURCE));
}

/* The row's region (docs/regions.md): its code or name in the column
 * "region", one of the indicator's plan's; empty, the city. */
static gboolean
read_region (Reader           *reader,
             LedgerCsvRecord  *record,
             LedgerIndicator  *indicator,
             LedgerValue      *value,
             GError          **error)
{
  g_autofree char *written = g_strstrip (g_strdup (field (reader, record, COL_REGION)));
  g_autofree char *reason = NULL;
  const LedgerRegion *region;

  if (written[0] == '\0')
    return TRUE;
  if ((region = ledger_indicator_index_find_region (reader->index, indicator, written, &reason)) == NULL)
    {
      g_set_error_literal (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_SYNTAX, reason);
      return FALSE;
    }
  ledger_value_set_region (value, region->code);
  return TRUE;
}

static LedgerValue *
read_figure (Reader           *reader,
            LedgerCsvRecord  *record,
            LedgerIndicator **indicator,
            GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *written = g_strstrip (g_strdup (field (reader, record, COL_PERIOD)));
  g_autofree char *period_code = NULL;
  const char *text = field (reader, record, COL_VALUE);
  LedgerPeriodWords words;
  LedgerPeriod period = { 0, LEDGER_PERIOD_YEAR, 0 };
  double number;

  /* The year finds the indicator; its frequency then reads the period. */
  if (!ledger_period_words_parse (written, &words) || (words.year == 0 && reader->default_year == 0))
    {
      ledger_period_words_to_code (written, LEDGER_FREQUENCY_MONTHLY, reader->default_year, &local_error);
      g_set_error_literal (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_SYNTAX,
                           local_error != NULL ? local_error->message : written);
      return NULL;
    }
  period.year = words.year != 0 ? words.year : reader->default_year;
  if ((*indicator = resolve (reader, record, written, &period, &period_code, error)) == NULL)
    return NULL;

  if (ledger_indicator_get_kind (*indicator) == LEDGER_KIND_QUALITATIVE)
    return read_status (reader, record, *indicator, period_code, error);

  if (!ledger_number_parse_for (*indicator, text, LEDGER_NUMBER_FILE, &number, &local_error))
    {
      g_set_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_SYNTAX,
                   _("“%s” for %s: %s"), text, ledger_indicator_get_name (*indicator),
                   local_error->message);
      return NULL;
    }
  return ledger_value_new (ledger_indicator_get_id (*indicator), period_code, number,
                           field (reader, record, COL_NOTE), field (reader, record, COL_SOURCE));
}

/* The value of a row, with its region. */
static LedgerValue *
read_value (Reader           *reader,
            LedgerCsvRecord  *record,
            LedgerIndicator **indicator,
            GError          **error)
{
  g_autoptr(LedgerValue) value = read_figure (reader, record, indicator, error);

  if (value == NULL || !read_region (reader, record, *indicator, value, error))
    return NULL;
  return g_steal_pointer (&value);
}

/* A row that an export writes for an indicator without values. */
static gboolean
is_placeholder (Reader          *reader,
                LedgerCsvRecord *record)
{
  return field (reader, record, COL_PERIOD)[0] == '\0' &&
         field (reader, record, COL_VALUE)[0] == '\0';
}

/* A second row for a cell the file already gave: refused, since which of
 * the two the office meant cannot be known. */
static gboolean
claim_cell (Reader       *reader,
            LedgerValue  *value,
            guint         line,
            GError      **error)
{
  guint first = GPOINTER_TO_UINT (g_hash_table_lookup (reader->cells, value));

  if (first != 0)
    {
      g_set_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_SYNTAX,
                   _("Line %u already gives this indicator’s value for this period"), first);
      return FALSE;
    }
  g_hash_table_insert (reader->cells, g_object_ref (value), GUINT_TO_POINTER (line));
  return TRUE;
}

/* The preview names a region's figure by the region: 新增城镇就业 · 潞州区. */
static void
set_region_name (Reader          *reader,
                 LedgerImportRow *row,
                 LedgerIndicator *indicator,
                 LedgerValue     *value)
{
  const char *code = ledger_value_get_region (value);

  if (code[0] != '\0')
    ledger_import_row_set_region (row, ledger_indicator_index_find_region (reader->index, indicator, code, NULL));
}

static LedgerImportRow *
sort_row (Reader          *reader,
          LedgerCsvRecord *record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerValue) value = NULL;
  g_autoptr(LedgerValue) old = NULL;
  LedgerIndicator *indicator = NULL;
  LedgerImportRow *row;
  LedgerImportAction action;

  value = read_value (reader, record, &indicator, &error);
  if (value == NULL || !claim_cell (reader, value, record->line, &error))
    return ledger_import_row_new_refused (record->line,
                                          indicator != NULL ? ledger_indicator_get_name (indicator)
                                                            : row_key (reader, record),
                                          field (reader, record, COL_PERIOD), error->message);

  action = ledger_indicator_index_classify (reader->index, indicator, value, &old);
  if (action != LEDGER_IMPORT_UNCHANGED && !check_flagged (reader, indicator, value, &error))
    return ledger_import_row_new_refused (record->line, ledger_indicator_get_name (indicator),
                                          field (reader, record, COL_PERIOD), error->message);
  /* An unchanged row is kept to check that the ledger still holds its
   * value when the import is written: the value is the ledger's own. */
  row = ledger_import_row_new (record->line, action, indicator, value,
                               action == LEDGER_IMPORT_UNCHANGED ? NULL : old);
  ledger_import_row_set_written_period (row, field (reader, record, COL_PERIOD));
  set_region_name (reader, row, indicator, value);
  return row;
}

static void
add_row (LedgerCsvImport *self,
         LedgerImportRow *row)
{
  LedgerImportAction action = ledger_import_row_get_action (row);

  self->counts[action]++;
  if (action == LEDGER_IMPORT_UNCHANGED)
    g_ptr_array_add (self->unchanged, g_object_ref (row));
  else if (action != LEDGER_IMPORT_REFUSED || self->counts[action] <= LEDGER_CSV_IMPORT_REFUSED_LISTED)
    g_list_store_append (self->rows, row);
}

/* Whether @row is refused for the reason the row before it on the same
 * line was: another cell of a wide sheet's row whose name is not found,
 * told once. @last is the last refused row. */
static gboolean
is_refused_again (LedgerImportRow  *row,
                  LedgerImportRow **last)
{
  gboolean again;

  if (ledger_import_row_get_action (row) != LEDGER_IMPORT_REFUSED)
    return FALSE;
  again = *last != NULL && ledger_import_row_get_line (*last) == ledger_import_row_get_line (row) &&
          g_str_equal (ledger_import_row_get_reason (*last), ledger_import_row_get_reason (row));
  g_set_object (last, row);
  return again;
}

static gboolean
sort_rows (LedgerCsvImport  *self,
           Reader           *reader,
           GPtrArray        *records,
           GCancellable     *cancellable,
           GError          **error)
{
  g_autoptr(LedgerImportRow) last_refused = NULL;

  g_atomic_int_set (&self->n_total, records->len - 1);
  for (guint i = 1; i < records->len; i++)
    {
      LedgerCsvRecord *record = g_ptr_array_index (records, i);

      if (i % 512 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          g_atomic_int_set (&self->n_done, i);
        }
      if (!is_placeholder (reader, record))
        {
          g_autoptr(LedgerImportRow) row = sort_row (reader, record);

          if (!is_refused_again (row, &last_refused))
            add_row (self, row);
        }
    }
  g_atomic_int_set (&self->n_done, records->len - 1);
  return TRUE;
}

static void
reset (LedgerCsvImport *self)
{
  g_list_store_remove_all (self->rows);
  g_ptr_array_set_size (self->unchanged, 0);
  memset (self->counts, 0, sizeof self->counts);
  self->mark = 0;
  self->encoding = NULL;
  g_atomic_int_set (&self->n_done, 0);
  g_atomic_int_set (&self->n_total, 0);
}

static void
ledger_csv_import_finalize (GObject *object)
{
  LedgerCsvImport *self = (LedgerCsvImport *) object;

  g_free (self->origin);
  g_free (self->sheet_name);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->unchanged, g_ptr_array_unref);

  G_OBJECT_CLASS (ledger_csv_import_parent_class)->finalize (object);
}

static void
ledger_csv_import_class_init (LedgerCsvImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ledger_csv_import_finalize;
}

static void
ledger_csv_import_init (LedgerCsvImport *self)
{
  self->rows = g_list_store_new (LEDGER_TYPE_IMPORT_ROW);
  self->unchanged = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * ledger_csv_import_new:
 * @origin: the file's name, for the change log and messages
 */
LedgerCsvImport *
ledger_csv_import_new (const char *origin)
{
  LedgerCsvImport *self = g_object_new (LEDGER_TYPE_CSV_IMPORT, NULL);

  self->origin = g_strdup (origin);
  ledger_check_limits_init_default (&self->checks);
  return self;
}

/* The worksheet of an XLSX workbook to read; NULL, the default, for the
 * first. */
void
ledger_csv_import_set_sheet_name (LedgerCsvImport *self,
                                  const char      *sheet_name)
{
  g_return_if_fail (LEDGER_IS_CSV_IMPORT (self));
  g_free (self->sheet_name);
  self->sheet_name = g_strdup (sheet_name);
}

/* The thresholds of the checks on entry; the defaults unless set. */
void
ledger_csv_import_set_check_limits (LedgerCsvImport         *self,
                                    const LedgerCheckLimits *checks)
{
  g_return_if_fail (LEDGER_IS_CSV_IMPORT (self));
  self->checks = *checks;
}

/* The year of periods the file writes without one (上半年, 1-6月): the
 * plan's year; 0, the default, refuses them. */
void
ledger_csv_import_set_default_year (LedgerCsvImport *self,
                                    int              year)
{
  g_return_if_fail (LEDGER_IS_CSV_IMPORT (self));
  self->default_year = year;
}

/* Whether the first record names a column of the long file: with
 * @name, the column "period" (it is a long file's header); without, any
 * (it is meant to be one). */
static gboolean
names_long_column (GPtrArray  *records,
                   const char *name)
{
  LedgerCsvRecord *header = g_ptr_array_index (records, 0);

  for (guint i = 0; header->fields[i] != NULL; i++)
    {
      g_autofree char *copy = g_strstrip (g_strdup (header->fields[i]));
      g_autofree char *field = g_ascii_strdown (copy, -1);

      for (int c = 0; c < N_COLUMNS; c++)
        if (g_str_equal (field, ledger_csv_column_names[c]) && (name == NULL || g_str_equal (field, name)))
          return TRUE;
    }
  return FALSE;
}

/* The records of a wide sheet (ledger_wide_sheet_to_records()), with the
 * year its title names in @year. Of a workbook, the worksheet asked for,
 * else the first that has a header of periods: a cover sheet before the
 * 台账 is passed over. */
static GPtrArray *
read_wide (LedgerCsvImport  *self,
           GBytes           *bytes,
           int              *year,
           GError          **error)
{
  g_autoptr(LedgerSheet) sheet = ledger_sheet_new_from_bytes (bytes, self->sheet_name, error);
  g_auto(GStrv) names = NULL;   /* a copy: the first sheet goes when the next is read */
  GPtrArray *records;

  if (sheet == NULL)
    return NULL;
  if (ledger_sheet_get_format (sheet) == LEDGER_SHEET_CSV)
    return ledger_wide_sheet_to_records (sheet, year, error);
  self->encoding = "XLSX";
  names = g_strdupv ((char **) ledger_sheet_get_sheet_names (sheet));
  for (guint i = 1; self->sheet_name == NULL && names[i] != NULL; i++)
    {
      g_autoptr(LedgerSheet) other = NULL;

      if ((records = ledger_wide_sheet_to_records (sheet, year, NULL)) != NULL)
        return records;
      if ((other = ledger_sheet_new_from_bytes (bytes, names[i], error)) == NULL)
        return NULL;
      g_set_object (&sheet, other);
    }
  return ledger_wide_sheet_to_records (sheet, year, error);
}

/* The file's records: of a long CSV file as they are, of a wide sheet
 * (CSV or XLSX) as the long file they make. A CSV file that is neither is
 * refused as a wide sheet, or if its header names a column of the long
 * file, in the long file's terms. */
static GPtrArray *
read_records (LedgerCsvImport  *self,
              const char       *data,
              gsize             length,
              int              *year,
              GError          **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, length);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) wide_error = NULL;
  g_autofree char *text = NULL;
  GPtrArray *wide;

  if (ledger_sheet_looks_like_xlsx (bytes))
    return read_wide (self, bytes, year, error);
  if ((text = ledger_csv_decode (data, length, &self->encoding, error)) == NULL ||
      (records = ledger_csv_parse (text, error)) == NULL)
    return NULL;
  if (records->len == 0)
    {
      g_set_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_SYNTAX, _("The file is empty"));
      return NULL;
    }
  if (names_long_column (records, ledger_csv_column_names[COL_PERIOD]))
    return g_steal_pointer (&records);
  if ((wide = read_wide (self, bytes, year, &wide_error)) != NULL)
    return wide;
  if (wide_error->domain != LEDGER_SHEET_ERROR && names_long_column (records, NULL))
    return g_steal_pointer (&records);
  g_propagate_error (error, g_steal_pointer (&wide_error));
  return NULL;
}

/**
 * ledger_csv_import_read:
 * @data: the file's contents: UTF-8 (with or without BOM), UTF-16 with a
 *   BOM or GB18030, separated by commas or tabs
 *
 * Reads the file and sorts its rows against the ledger, writing nothing.
 * The file may also be a wide sheet, CSV or XLSX (docs/sheet-import.md):
 * a column per period, read as a row per filled cell. A
 * row that cannot be imported is listed as refused, with its reason; only
 * a file that cannot be read at all (its encoding, its CSV, its header)
 * fails, naming the line.
 */
gboolean
ledger_csv_import_read (LedgerCsvImport  *self,
                        LedgerStore      *store,
                        const char       *data,
                        gsize             length,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autoptr(GPtrArray) records = NULL;
  Reader reader = { 0 };
  int year = 0;
  gboolean ok;

  g_return_val_if_fail (LEDGER_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (LEDGER_IS_STORE (store), FALSE);

  reset (self);
  if (length > LEDGER_CSV_MAX_FILE_SIZE)
    {
      g_set_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_FILE, _("The file is too large"));
      return FALSE;
    }
  if ((records = read_records (self, data, length, &year, error)) == NULL)
    return FALSE;

  if (!ledger_store_begin_read (store, error))
    return FALSE;
  self->mark = ledger_store_get_change_mark (store);
  reader.default_year = year != 0 ? year : self->default_year;
  reader.checks = &self->checks;
  ok = reader_init (&reader, store, error) &&
       map_header (&reader, g_ptr_array_index (records, 0), error) &&
       sort_rows (self, &reader, records, cancellable, error);
  ledger_store_end_read (store);
  reader_clear (&reader);
  return ok;
}

/* What apply writes: the values of the rows to add and to change, with
 * the ledger's values they replace, and the values found unchanged, which
 * must still be there; the rows of all of them, in that order, to say
 * which changed meanwhile. */
typedef struct
{
  GPtrArray         *rows;
  GPtrArray         *values;
  LedgerStoreExpect  expect;
} Writes;

static void
writes_free (Writes *writes)
{
  g_ptr_array_unref (writes->rows);
  g_ptr_array_unref (writes->values);
  g_ptr_array_unref (writes->expect.expected);
  g_ptr_array_unref (writes->expect.unchanged);
  g_free (writes);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Writes, writes_free)

/* Read where the rows are shown: the window's views read the list of
 * rows at the same time. */
static Writes *
writes_new (LedgerCsvImport *self)
{
  Writes *writes = g_new0 (Writes, 1);
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  writes->rows = g_ptr_array_new_with_free_func (g_object_unref);
  writes->values = g_ptr_array_new ();
  writes->expect.expected = g_ptr_array_new ();
  writes->expect.unchanged = g_ptr_array_new ();
  writes->expect.mark = self->mark;
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(LedgerImportRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (ledger_import_row_get_value (row) == NULL)
        continue;
      g_ptr_array_add (writes->values, ledger_import_row_get_value (row));
      g_ptr_array_add (writes->expect.expected, ledger_import_row_get_old (row));
      g_ptr_array_add (writes->rows, g_steal_pointer (&row));
    }
  for (guint i = 0; i < self->unchanged->len; i++)
    {
      LedgerImportRow *row = g_ptr_array_index (self->unchanged, i);

      g_ptr_array_add (writes->expect.unchanged, ledger_import_row_get_value (row));
      g_ptr_array_add (writes->rows, g_object_ref (row));
    }
  return writes;
}

static gboolean
write_values (LedgerCsvImport  *self,
              LedgerStore      *store,
              Writes           *writes,
              GCancellable     *cancellable,
              GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  LedgerImportRow *row;

  g_atomic_int_set (&self->n_done, 0);
  g_atomic_int_set (&self->n_total, writes->values->len);
  if (ledger_store_import_values_expecting (store, writes->values, self->origin, &writes->expect, cancellable,
                                            (guint *) &self->n_done, &local_error))
    return TRUE;
  if (!g_error_matches (local_error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CHANGED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* The preview holds for the ledger as it was read: a cell changed since
   * (another window, another import) is said, and nothing written. */
  row = g_ptr_array_index (writes->rows, writes->expect.changed);
  g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CHANGED,
               _("The ledger’s value of %s for %s has changed since the file was read; "
                 "nothing was imported"),
               ledger_import_row_get_subject (row), ledger_import_row_get_period (row));
  return FALSE;
}

/* The first refused row, as the error of an import of all rows or none. */
static gboolean
set_refused_error (LedgerCsvImport  *self,
                   GError          **error)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->rows)); i++)
    {
      g_autoptr(LedgerImportRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (ledger_import_row_get_action (row) == LEDGER_IMPORT_REFUSED)
        {
          g_set_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_SYNTAX, _("Line %u: %s"),
                       ledger_import_row_get_line (row), ledger_import_row_get_reason (row));
          return FALSE;
        }
    }
  g_return_val_if_reached (FALSE);
}

/**
 * ledger_csv_import_apply:
 *
 * Writes the values to add and to change, as read, in one transaction:
 * all of them, or on an error or a cancel none. Refused rows are left out.
 * If the ledger no longer holds what was read — a value to change or
 * found unchanged, a cell to add to — nothing is written, and the error
 * is %LEDGER_STORE_ERROR_CHANGED: read the file again.
 */
gboolean
ledger_csv_import_apply (LedgerCsvImport  *self,
                         LedgerStore      *store,
                         GCancellable     *cancellable,
                         GError          **error)
{
  g_autoptr(Writes) writes = NULL;

  g_return_val_if_fail (LEDGER_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (LEDGER_IS_STORE (store), FALSE);

  writes = writes_new (self);
  return write_values (self, store, writes, cancellable, error);
}

/**
 * ledger_csv_import_apply_or_reread:
 * @data: the file's contents, as read before
 *
 * Applies what was read, and if the ledger changed since, reads @data
 * again and applies that, a few times: what the counts then say is what
 * was written, however many write the ledger at once. A row refused on
 * reading again fails with %LEDGER_CSV_ERROR_SYNTAX and writes nothing.
 */
gboolean
ledger_csv_import_apply_or_reread (LedgerCsvImport  *self,
                                   LedgerStore      *store,
                                   const char       *data,
                                   gsize             length,
                                   GError          **error)
{
  g_return_val_if_fail (LEDGER_IS_CSV_IMPORT (self), FALSE);

  for (guint tries = 1; ; tries++)
    {
      g_autoptr(GError) local_error = NULL;

      if (ledger_csv_import_apply (self, store, NULL, &local_error))
        return TRUE;
      if (tries == MAX_TRIES || !g_error_matches (local_error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CHANGED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (!ledger_csv_import_read (self, store, data, length, NULL, error))
        return FALSE;
      if (self->counts[LEDGER_IMPORT_REFUSED] > 0)
        return set_refused_error (self, error);
    }
}

/* A read takes the file's contents; a write, the values to write. */
typedef struct
{
  LedgerCsvImport *import;
  GBytes          *data;
  Writes          *writes;
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->import);
  g_clear_pointer (&job->data, g_bytes_unref);
  g_clear_pointer (&job->writes, writes_free);
  g_free (job);
}

static Job *
job_new (LedgerCsvImport *import,
         GBytes          *data,
         Writes          *writes)
{
  Job *job = g_new0 (Job, 1);

  job->import = g_object_ref (import);
  job->data = data != NULL ? g_bytes_ref (data) : NULL;
  job->writes = writes;
  return job;
}

static gboolean
read_job (LedgerStore   *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Job *job = data;
  gsize length;
  const char *contents = g_bytes_get_data (job->data, &length);

  return ledger_csv_import_read (job->import, store, contents != NULL ? contents : "", length,
                                 cancellable, error);
}

static gboolean
apply_job (LedgerStore   *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Job *job = data;

  return write_values (job->import, store, job->writes, cancellable, error);
}

/**
 * ledger_csv_import_read_async:
 *
 * ledger_csv_import_read() in a worker thread, on its own connection to
 * @store's file. @callback's source object is @store.
 */
void
ledger_csv_import_read_async (LedgerCsvImport     *self,
                              LedgerStore         *store,
                              GBytes              *data,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (LEDGER_IS_CSV_IMPORT (self));

  ledger_worker_run_async (store, read_job, job_new (self, data, NULL), (GDestroyNotify) job_free,
                           cancellable, callback, user_data);
}

gboolean
ledger_csv_import_read_finish (LedgerCsvImport  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (LEDGER_IS_CSV_IMPORT (self), FALSE);
  return ledger_worker_run_finish (result, error);
}

/**
 * ledger_csv_import_apply_async:
 *
 * ledger_csv_import_apply() in a worker thread. Once finished, @store
 * tells its views, and its undo reverts the import.
 */
void
ledger_csv_import_apply_async (LedgerCsvImport     *self,
                               LedgerStore         *store,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (LEDGER_IS_CSV_IMPORT (self));

  ledger_worker_run_async (store, apply_job, job_new (self, NULL, writes_new (self)),
                           (GDestroyNotify) job_free,
                           cancellable, callback, user_data);
}

gboolean
ledger_csv_import_apply_finish (LedgerCsvImport  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (LEDGER_IS_CSV_IMPORT (self), FALSE);
  return ledger_worker_run_finish (result, error);
}

/* Returns: how much of the running read or apply is done, 0 to 1; may be
 * called from any thread */
double
ledger_csv_import_get_fraction (LedgerCsvImport *self)
{
  int total;

  g_return_val_if_fail (LEDGER_IS_CSV_IMPORT (self), 0.0);

  total = g_atomic_int_get (&self->n_total);
  return total > 0 ? (double) g_atomic_int_get (&self->n_done) / total : 0.0;
}

/* Returns: (nullable): "UTF-8", "GB18030", "UTF-16LE" or "UTF-16BE", once
 * read */
const char *
ledger_csv_import_get_encoding (LedgerCsvImport *self)
{
  g_return_val_if_fail (LEDGER_IS_CSV_IMPORT (self), NULL);
  return self->encoding;
}

guint
ledger_csv_import_count (LedgerCsvImport    *self,
                         LedgerImportAction  action)
{
  g_return_val_if_fail (LEDGER_IS_CSV_IMPORT (self), 0);
  g_return_val_if_fail (action < LEDGER_IMPORT_N_ACTIONS, 0);
  return self->counts[action];
}

/* Returns: how many refused rows are counted but not listed, beyond the
 * first %LEDGER_CSV_IMPORT_REFUSED_LISTED */
guint
ledger_csv_import_count_unlisted (LedgerCsvImport *self)
{
  guint refused;

  g_return_val_if_fail (LEDGER_IS_CSV_IMPORT (self), 0);
  refused = self->counts[LEDGER_IMPORT_REFUSED];
  return refused > LEDGER_CSV_IMPORT_REFUSED_LISTED ? refused - LEDGER_CSV_IMPORT_REFUSED_LISTED : 0;
}

/* Returns: (transfer none): the rows to add, to change and the first
 * refused, in the file's order (the unchanged ones are only counted). A read in a
 * worker thread fills it: watch it only once the read has finished. */
GListModel *
ledger_csv_import_get_rows (LedgerCsvImport *self)
{
  g_return_val_if_fail (LEDGER_IS_CSV_IMPORT (self), NULL);
  return G_LIST_MODEL (self->rows);
}

/**
 * ledger_csv_import_values:
 * @origin: the file's name, for the change log and messages
 * @n_values: (out) (optional): how many values were read
 *
 * Reads values from CSV (as ledger_csv_import_read() does) and records
 * them all in one transaction. On any refused row nothing is recorded and
 * @error names its line.
 */
gboolean
ledger_csv_import_values (LedgerStore  *store,
                          const char   *data,
                          gsize         length,
                          const char   *origin,
                          guint        *n_values,
                          GError      **error)
{
  g_autoptr(LedgerCsvImport) self = ledger_csv_import_new (origin);

  if (!ledger_csv_import_read (self, store, data, length, NULL, error))
    return FALSE;
  if (self->counts[LEDGER_IMPORT_REFUSED] > 0)
    return set_refused_error (self, error);
  if (!ledger_csv_import_apply_or_reread (self, store, data, length, error))
    return FALSE;
  if (n_values != NULL)
    *n_values = self->counts[LEDGER_IMPORT_ADD] + self->counts[LEDGER_IMPORT_CHANGE] +
                self->counts[LEDGER_IMPORT_UNCHANGED];
  return TRUE;
}
