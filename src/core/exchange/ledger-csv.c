/* ledger-csv.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-csv.h"

/* CSV as RFC 4180 writes it and as Excel and WPS save it: quoted fields
 * with doubled quotes and embedded line breaks, UTF-8 with or without a
 * byte order mark, or GB18030 from a Chinese Windows. */

G_DEFINE_QUARK (ledger-csv-error-quark, ledger_csv_error)

static const char utf8_bom[] = "\xEF\xBB\xBF";

static guint
line_at (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    line += data[i] == '\n';
  return line;
}

static gboolean
set_line_error (GError     **error,
                const char  *format,
                guint        line)
{
  g_set_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_ENCODING, format, line);
  return FALSE;
}

/* The line of UTF-16 unit at @offset. */
static guint
utf16_line_at (const char *data,
               gsize       offset,
               gboolean    little)
{
  guint line = 1;

  for (gsize i = 0; i + 1 < offset; i += 2)
    line += data[i + !little] == '\n' && data[i + little] == '\0';
  return line;
}

static const char *zero_byte_message = N_("Line %u holds a zero byte: this is not a text file");

/* UTF-16 as Excel saves "Unicode text": a byte order mark, then two bytes
 * a unit. */
static char *
decode_utf16 (const char  *data,
              gsize        length,
              const char  *charset,
              GError     **error)
{
  gsize bytes_read = 0, written = 0;
  g_autofree char *text = g_convert (data, length, "UTF-8", charset, &bytes_read, &written, NULL);
  const char *zero;

  /* Half a character at the end is left unread, not an error. */
  if (text == NULL || bytes_read < length)
    {
      set_line_error (error, _("Line %u is not valid UTF-16 text"),
                      utf16_line_at (data, bytes_read, g_str_equal (charset, "UTF-16LE")));
      return NULL;
    }
  if ((zero = memchr (text, '\0', written)) != NULL)
    {
      set_line_error (error, _(zero_byte_message), line_at (text, zero - text));
      return NULL;
    }
  return g_steal_pointer (&text);
}

/* A file that is mostly UTF-8 with a line in GB18030 (one pasted from
 * another sheet) is valid as neither; read as GB18030, its UTF-8 lines
 * would turn into other characters without a word. Lines of non-ASCII
 * UTF-8 next to a line that is not UTF-8 are therefore refused. */
static gboolean
check_one_encoding (const char  *data,
                    gsize        length,
                    GError     **error)
{
  guint line = 1, not_utf8 = 0, utf8 = 0;

  for (gsize start = 0; start < length && (not_utf8 == 0 || utf8 == 0); line++)
    {
      const char *end = memchr (data + start, '\n', length - start);
      gsize stop = end != NULL ? (gsize) (end - data) : length;
      gboolean ascii = TRUE;

      for (gsize i = start; i < stop && ascii; i++)
        ascii = (guchar) data[i] < 0x80;
      if (!ascii && g_utf8_validate_len (data + start, stop - start, NULL))
        utf8 = utf8 != 0 ? utf8 : line;
      else if (!ascii)
        not_utf8 = not_utf8 != 0 ? not_utf8 : line;
      start = stop + 1;
    }
  if (not_utf8 == 0 || utf8 == 0)
    return TRUE;
  g_set_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_ENCODING,
               _("Line %u is not UTF-8 text, but line %u is: the file mixes encodings. "
                 "Save it again as UTF-8 or GB18030."), not_utf8, utf8);
  return FALSE;
}

/**
 * ledger_csv_decode:
 * @encoding: (out) (optional): "UTF-8", "GB18030", "UTF-16LE" or "UTF-16BE"
 *
 * Reads the whole of @data in one encoding: UTF-8 (with or without a byte
 * order mark), UTF-16 with a byte order mark, or else GB18030. A file that
 * mixes encodings is refused, never guessed.
 *
 * Returns: (transfer full): the text of @data as UTF-8 without a byte
 * order mark, or %NULL with @error naming the line that cannot be read
 */
char *
ledger_csv_decode (const char  *data,
                   gsize        length,
                   const char **encoding,
                   GError     **error)
{
  const char *end = NULL;
  const char *charset;
  gsize bytes_read = 0;
  char *text;

  /* An empty file's bytes may have no address at all. */
  if (data == NULL)
    data = "";

  if (length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      charset = data[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
      if (encoding != NULL)
        *encoding = charset;
      return decode_utf16 (data + 2, length - 2, charset, error);
    }

  if (length >= 3 && memcmp (data, utf8_bom, 3) == 0)
    {
      data += 3;
      length -= 3;
      if (!g_utf8_validate_len (data, length, &end))
        {
          set_line_error (error, _("Line %u is not valid UTF-8 text"), line_at (data, end - data));
          return NULL;
        }
    }

  if (memchr (data, '\0', length) != NULL)
    {
      set_line_error (error, _(zero_byte_message),
                      line_at (data, (const char *) memchr (data, '\0', length) - data));
      return NULL;
    }

  if (g_utf8_validate_len (data, length, NULL))
    {
      if (encoding != NULL)
        *encoding = "UTF-8";
      return g_strndup (data, length);
    }
  if (!check_one_encoding (data, length, error))
    return NULL;
  text = g_convert (data, length, "UTF-8", "GB18030", &bytes_read, NULL, NULL);
  /* Half a character at the end is left unread, not an error. */
  if (text == NULL || bytes_read < length)
    {
      g_free (text);
      set_line_error (error, _("Line %u is neither UTF-8 nor GB18030 text"), line_at (data, bytes_read));
      return NULL;
    }
  if (encoding != NULL)
    *encoding = "GB18030";
  return text;
}

/**
 * ledger_csv_encode:
 * @text: UTF-8 CSV text
 *
 * Returns: (transfer full): @text in @encoding, or %NULL if a character
 *   has no GB18030 form (every Unicode character has one, so only broken
 *   input fails)
 */
GBytes *
ledger_csv_encode (const char         *text,
                   LedgerCsvEncoding   encoding,
                   GError            **error)
{
  gsize length = strlen (text);
  char *converted;
  GString *out;

  switch (encoding)
    {
    case LEDGER_CSV_GB18030:
      converted = g_convert (text, length, "GB18030", "UTF-8", NULL, &length, error);
      return converted != NULL ? g_bytes_new_take (converted, length) : NULL;

    case LEDGER_CSV_UTF8_BOM:
      out = g_string_sized_new (length + 3);
      g_string_append_len (out, (const char *) utf8_bom, 3);
      g_string_append_len (out, text, length);
      return g_string_free_to_bytes (out);

    case LEDGER_CSV_UTF8:
    default:
      return g_bytes_new (text, length);
    }
}

/* "utf-8-bom", "utf-8" or "gb18030", as the command line names them. */
gboolean
ledger_csv_encoding_from_string (const char        *name,
                                 LedgerCsvEncoding *encoding)
{
  static const char *names[] = { "utf-8-bom", "utf-8", "gb18030" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (name, names[i]) == 0)
        {
          *encoding = (LedgerCsvEncoding) i;
          return TRUE;
        }
    }
  return FALSE;
}

void
ledger_csv_record_free (LedgerCsvRecord *record)
{
  g_strfreev (record->fields);
  g_free (record);
}

static void
finish_field (GPtrArray *fields,
              GString   *field)
{
  g_ptr_array_add (fields, g_strndup (field->str, field->len));
  g_string_truncate (field, 0);
}

static void
finish_record (GPtrArray *records,
               GPtrArray *fields,
               guint      line)
{
  LedgerCsvRecord *record = g_new0 (LedgerCsvRecord, 1);

  g_ptr_array_add (fields, NULL);
  record->line = line;
  record->fields = (GStrv) g_ptr_array_free (fields, FALSE);
  g_ptr_array_add (records, record);
}

/* Tabs, if the first line has more of them than commas: Excel's "Unicode
 * text" and many a copy from a sheet separate fields by tabs. */
static char
separator_of (const char *text)
{
  guint tabs = 0, commas = 0;

  text += strspn (text, "\r\n");
  for (const char *c = text; *c != '\0' && *c != '\n' && *c != '\r'; c++)
    {
      tabs += *c == '\t';
      commas += *c == ',';
    }
  return tabs > commas ? '\t' : ',';
}

/**
 * ledger_csv_parse:
 * @text: UTF-8 text
 *
 * Splits @text into records, separated by commas or, if the first line
 * has more tabs than commas, by tabs. Blank lines are skipped. A quote
 * that is never closed is an error naming the line it opened on.
 *
 * Returns: (transfer full) (element-type LedgerCsvRecord): the records
 */
GPtrArray *
ledger_csv_parse (const char  *text,
                  GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_csv_record_free);
  g_autoptr(GString) field = g_string_new (NULL);
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  gboolean quoted = FALSE;
  gboolean record_has_content = FALSE;
  guint line = 1, record_line = 1, quote_line = 0;
  char separator = separator_of (text);

  for (const char *c = text; ; c++)
    {
      if (quoted)
        {
          if (*c == '\0')
            {
              g_ptr_array_unref (fields);
              g_set_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_SYNTAX,
                           _("Line %u: a quoted field is never closed"), quote_line);
              return NULL;
            }
          if (*c == '"' && c[1] == '"')
            g_string_append_c (field, *c++);
          else if (*c == '"')
            quoted = FALSE;
          else
            {
              line += *c == '\n';
              g_string_append_c (field, *c);
            }
          continue;
        }

      if (*c == '"' && field->len == 0)
        {
          quoted = TRUE;
          quote_line = line;
          record_has_content = TRUE;
        }
      else if (*c == separator)
        {
          finish_field (fields, field);
          record_has_content = TRUE;
        }
      else if (*c == '\r' && c[1] == '\n')
        continue;
      else if (*c == '\n' || *c == '\r' || *c == '\0')
        {
          if (record_has_content || field->len > 0)
            {
              finish_field (fields, field);
              finish_record (records, fields, record_line);
              fields = g_ptr_array_new_with_free_func (g_free);
            }
          record_has_content = FALSE;
          if (*c == '\0')
            break;
          record_line = ++line;
        }
      else
        {
          g_string_append_c (field, *c);
          record_has_content = TRUE;
        }
    }

  g_ptr_array_unref (fields);
  return g_steal_pointer (&records);
}

static gboolean
needs_quotes (const char *field)
{
  return field[0] == ' ' || (field[0] != '\0' && field[strlen (field) - 1] == ' ') ||
         strpbrk (field, ",\"\r\n\t") != NULL;
}

/* Whether Excel or WPS would run a cell as a formula, were it not for a
 * leading "'", after any "'" it already starts with (see below). */
static gboolean
is_formula (const char *field)
{
  field += strspn (field, "'");
  return field[0] != '\0' && strchr ("=+-@", field[0]) != NULL;
}

/**
 * ledger_csv_unprotect:
 *
 * A text cell that would start with "=", "+", "-" or "@" is written with
 * a "'" before it, so that Excel and WPS show it instead of running it as
 * a formula (ledger_csv_append_row()). Its "'" is taken off again here:
 * one "'" before "=", "+", "-" or "@" — or before more "'" and then one of
 * them, since a cell that really starts with "'=" is written "''=". Every
 * text thus reads back exactly as it was written.
 *
 * Returns: (transfer none): @field without its protecting "'"
 */
const char *
ledger_csv_unprotect (const char *field)
{
  return field[0] == '\'' && is_formula (field + 1) ? field + 1 : field;
}

static void
append_field (GString    *out,
              const char *field,
              gboolean    text)
{
  if (!needs_quotes (field))
    {
      if (text && is_formula (field))
        g_string_append_c (out, '\'');
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  if (text && is_formula (field))
    g_string_append_c (out, '\'');
  for (const char *c = field; *c; c++)
    {
      if (*c == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *c);
    }
  g_string_append_c (out, '"');
}

/**
 * ledger_csv_append_row_with_numbers:
 * @numbers: the fields that are numbers, a bit each (1 << index): written
 *   as they are, "-4.5" as a number
 *
 * Appends one record, quoting the fields that need it, ended by "\n". A
 * text field that would start a formula is protected by a "'" (see
 * ledger_csv_unprotect()).
 */
void
ledger_csv_append_row_with_numbers (GString            *out,
                                    const char * const *fields,
                                    guint               n_fields,
                                    guint64             numbers)
{
  g_return_if_fail (n_fields <= 64);

  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, fields[i] != NULL ? fields[i] : "", (numbers & (G_GUINT64_CONSTANT (1) << i)) == 0);
    }
  g_string_append_c (out, '\n');
}

/* Appends one record of text fields, ended by "\n". */
void
ledger_csv_append_row (GString            *out,
                       const char * const *fields,
                       guint               n_fields)
{
  ledger_csv_append_row_with_numbers (out, fields, n_fields, 0);
}

static gboolean
set_too_large (GError     **error,
               const char  *name,
               goffset      max_size)
{
  g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_FILE,
               _("“%s” is larger than %s, more than a CSV file of values can be"), name, limit);
  return FALSE;
}

static gboolean
check_file_info (GFile         *file,
                 goffset        max_size,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                                 G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, error);
  g_autofree char *name = g_file_get_parse_name (file);

  if (info == NULL)
    return FALSE;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_FILE,
                   _("“%s” is not a regular file"), name);
      return FALSE;
    }
  if (g_file_info_get_size (info) > max_size)
    return set_too_large (error, name, max_size);
  return TRUE;
}

/**
 * ledger_csv_read_file:
 * @max_size: the largest file read, %LEDGER_CSV_MAX_FILE_SIZE but in tests
 *
 * Reads a whole CSV file, refusing, before reading it, anything but a
 * regular file (a device such as /dev/zero, a pipe) and a file larger than
 * @max_size, and stopping at @max_size if it grows meanwhile: a wrong file
 * chosen is a message, not all the memory there is.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
ledger_csv_read_file (GFile         *file,
                      goffset        max_size,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *name = g_file_get_parse_name (file);
  gsize chunk = 1 << 16;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!check_file_info (file, max_size, cancellable, error) ||
      (stream = g_file_read (file, cancellable, error)) == NULL)
    return NULL;
  for (;;)
    {
      gsize start = bytes->len, n_read = 0;

      if (start > (gsize) max_size)
        {
          set_too_large (error, name, max_size);
          return NULL;
        }
      g_byte_array_set_size (bytes, start + chunk);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), bytes->data + start, chunk, &n_read,
                                    cancellable, error))
        return NULL;
      g_byte_array_set_size (bytes, start + n_read);
      if (n_read < chunk)
        break;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static void
read_file_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  GBytes *bytes = ledger_csv_read_file (G_FILE (source), LEDGER_CSV_MAX_FILE_SIZE, cancellable, &error);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

/* ledger_csv_read_file() in a thread, with the largest size there is. */
void
ledger_csv_read_file_async (GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (file, cancellable, callback, user_data);

  g_task_set_source_tag (task, ledger_csv_read_file_async);
  g_task_run_in_thread (task, read_file_thread);
}

GBytes *
ledger_csv_read_file_finish (GFile         *file,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, file), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
