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

/**
 * ledger_csv_decode:
 * @encoding: (out) (optional): "UTF-8" or "GB18030"
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
  g_autoptr(GError) local_error = NULL;
  const char *end = NULL;
  gsize bytes_read = 0;
  char *text;

  if (length >= 3 && memcmp (data, utf8_bom, 3) == 0)
    {
      data += 3;
      length -= 3;
      if (!g_utf8_validate_len (data, length, &end))
        {
          g_set_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_ENCODING,
                       _("Line %u is not valid UTF-8 text"), line_at (data, end - data));
          return NULL;
        }
    }

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_ENCODING,
                   _("Line %u holds a zero byte: this is not a text file"),
                   line_at (data, (const char *) memchr (data, '\0', length) - data));
      return NULL;
    }

  if (g_utf8_validate_len (data, length, NULL))
    {
      if (encoding != NULL)
        *encoding = "UTF-8";
      return g_strndup (data, length);
    }

  text = g_convert (data, length, "UTF-8", "GB18030", &bytes_read, NULL, &local_error);
  if (text == NULL)
    {
      g_set_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_ENCODING,
                   _("Line %u is neither UTF-8 nor GB18030 text"), line_at (data, bytes_read));
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

/**
 * ledger_csv_parse:
 * @text: UTF-8 text
 *
 * Splits @text into records. Blank lines are skipped. A quote that is never
 * closed is an error naming the line it opened on.
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
      else if (*c == ',')
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
         strpbrk (field, ",\"\r\n") != NULL;
}

/* Appends one record, quoting the fields that need it, ended by "\n". */
void
ledger_csv_append_row (GString            *out,
                       const char * const *fields,
                       guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const char *field = fields[i] != NULL ? fields[i] : "";

      if (i > 0)
        g_string_append_c (out, ',');
      if (!needs_quotes (field))
        {
          g_string_append (out, field);
          continue;
        }
      g_string_append_c (out, '"');
      for (const char *c = field; *c; c++)
        {
          if (*c == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *c);
        }
      g_string_append_c (out, '"');
    }
  g_string_append_c (out, '\n');
}
