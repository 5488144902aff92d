/* test-csv.c: CSV records as Excel and WPS write them, and their encodings
 * (docs/csv-format.md)
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "ledger-csv.h"
#include "test-util.h"

#define CHINESE_CSV "指标,期间\n新增城镇就业,2026-05\n"

static GPtrArray *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = ledger_csv_parse (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (records);
  return records;
}

/* Asserts record @index starts on @line and holds the fields of @expected
 * (NULL-terminated). */
static void
assert_record (GPtrArray          *records,
               guint               index,
               guint               line,
               const char * const *expected)
{
  LedgerCsvRecord *record;

  g_assert_cmpuint (index, <, records->len);
  record = g_ptr_array_index (records, index);
  g_assert_cmpuint (record->line, ==, line);
  g_assert_cmpstrv (record->fields, expected);
}

static void
test_parse_plain (void)
{
  g_autoptr(GPtrArray) records = parse_ok ("code,period,value\ngdp-growth,2026-Q1,5.8\nx,,\n,");

  g_assert_cmpuint (records->len, ==, 4);
  assert_record (records, 0, 1, (const char *[]) { "code", "period", "value", NULL });
  assert_record (records, 1, 2, (const char *[]) { "gdp-growth", "2026-Q1", "5.8", NULL });
  assert_record (records, 2, 3, (const char *[]) { "x", "", "", NULL });
  /* The last line needs no line break. */
  assert_record (records, 3, 4, (const char *[]) { "", "", NULL });
}

static void
test_parse_quotes (void)
{
  g_autoptr(GPtrArray) records = parse_ok (
    "\"say \"\"hi\"\"\",\"a,b\",\"\",plain\n"
    "\"first line\nsecond line\nthird\",after\n"
    "next,\"\"\"\"\n");

  g_assert_cmpuint (records->len, ==, 3);
  assert_record (records, 0, 1, (const char *[]) { "say \"hi\"", "a,b", "", "plain", NULL });
  assert_record (records, 1, 2, (const char *[]) { "first line\nsecond line\nthird", "after", NULL });
  /* The record after a field of three lines starts on line 5. */
  assert_record (records, 2, 5, (const char *[]) { "next", "\"", NULL });
}

static void
test_parse_crlf (void)
{
  g_autoptr(GPtrArray) records = parse_ok ("a,b\r\n\"x\r\ny\",c\r\n\r\nd,e\r\n");

  g_assert_cmpuint (records->len, ==, 3);
  assert_record (records, 0, 1, (const char *[]) { "a", "b", NULL });
  assert_record (records, 1, 2, (const char *[]) { "x\r\ny", "c", NULL });
  assert_record (records, 2, 5, (const char *[]) { "d", "e", NULL });
}

static void
test_parse_blank_lines (void)
{
  g_autoptr(GPtrArray) records = parse_ok ("\n\na,b\n\n\nc,d\n\n");
  g_autoptr(GPtrArray) none = parse_ok ("\n\r\n\n");

  g_assert_cmpuint (records->len, ==, 2);
  assert_record (records, 0, 3, (const char *[]) { "a", "b", NULL });
  assert_record (records, 1, 6, (const char *[]) { "c", "d", NULL });
  g_assert_cmpuint (none->len, ==, 0);
}

static void
assert_unterminated (const char *text,
                     const char *line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = ledger_csv_parse (text, &error);

  g_assert_null (records);
  test_assert_error_mentions (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_SYNTAX, line);
}

static void
test_parse_unterminated (void)
{
  /* The message names the line the quote opened on. */
  assert_unterminated ("a,b\nc,\"open\nmore\n", "Line 2");
  assert_unterminated ("\"", "Line 1");
  assert_unterminated ("a\n\n\nb,\"x\"\"\n", "Line 4");
}

static void
test_append_row_round_trip (void)
{
  const char *fields[] = {
    "plain", "with,comma", "with \"quotes\"", "two\nlines", "cr\r\nlf", " leading",
    "trailing ", "", "新增城镇就业", "\"", NULL /* written as empty */, "last",
  };
  const guint n_fields = G_N_ELEMENTS (fields);
  g_autoptr(GString) out = g_string_new ("header\n");
  g_autoptr(GPtrArray) records = NULL;
  LedgerCsvRecord *record;

  ledger_csv_append_row (out, fields, n_fields);
  ledger_csv_append_row (out, fields, n_fields);
  g_assert_true (g_str_has_suffix (out->str, "\n"));
  g_assert_true (g_str_has_prefix (out->str, "header\nplain,"));

  records = parse_ok (out->str);
  g_assert_cmpuint (records->len, ==, 3);
  for (guint r = 1; r < 3; r++)
    {
      record = g_ptr_array_index (records, r);
      g_assert_cmpuint (g_strv_length (record->fields), ==, n_fields);
      for (guint i = 0; i < n_fields; i++)
        g_assert_cmpstr (record->fields[i], ==, fields[i] != NULL ? fields[i] : "");
    }
  /* The second row starts after the first one's three line breaks. */
  g_assert_cmpuint (((LedgerCsvRecord *) g_ptr_array_index (records, 2))->line, ==, 5);
}

static char *
decode_ok (const char  *data,
           gssize       length,
           const char **encoding)
{
  g_autoptr(GError) error = NULL;
  char *text = ledger_csv_decode (data, length < 0 ? strlen (data) : (gsize) length,
                                  encoding, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static void
test_decode_utf8 (void)
{
  const char *encoding = NULL;
  g_autofree char *text = decode_ok (CHINESE_CSV, -1, &encoding);
  g_autofree char *no_encoding = decode_ok (CHINESE_CSV, -1, NULL);

  g_assert_cmpstr (text, ==, CHINESE_CSV);
  g_assert_cmpstr (encoding, ==, "UTF-8");
  g_assert_cmpstr (no_encoding, ==, CHINESE_CSV);
}

static void
test_decode_bom (void)
{
  const char *encoding = NULL;
  g_autofree char *text = decode_ok ("\xEF\xBB\xBF" CHINESE_CSV, -1, &encoding);
  g_autofree char *only_bom = decode_ok ("\xEF\xBB\xBF", -1, NULL);

  g_assert_cmpstr (text, ==, CHINESE_CSV);
  g_assert_cmpstr (encoding, ==, "UTF-8");
  g_assert_cmpstr (only_bom, ==, "");
}

static void
test_decode_gb18030 (void)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *gb = g_convert (CHINESE_CSV, -1, "GB18030", "UTF-8", NULL, &length, &error);
  const char *encoding = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_false (g_utf8_validate_len (gb, length, NULL));
  text = decode_ok (gb, length, &encoding);
  g_assert_cmpstr (text, ==, CHINESE_CSV);
  g_assert_cmpstr (encoding, ==, "GB18030");
}

static void
assert_undecodable (const char *data,
                    gsize       length,
                    const char *line)
{
  g_autoptr(GError) error = NULL;
  const char *encoding = NULL;
  g_autofree char *text = ledger_csv_decode (data, length, &encoding, &error);

  g_assert_null (text);
  test_assert_error_mentions (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_ENCODING, line);
}

static void
test_decode_unreadable (void)
{
  static const char alone[] = "\x81\x20";
  static const char third_line[] = "a,b\nc,d\n\x81\x20,e\n";
  static const char bom_then_bad[] = "\xEF\xBB\xBF" "a\nb\n\xFF\n";

  assert_undecodable (alone, sizeof alone - 1, "Line 1");
  assert_undecodable (third_line, sizeof third_line - 1, "Line 3");
  assert_undecodable (bom_then_bad, sizeof bom_then_bad - 1, "Line 3");
}

static void
test_decode_zero_byte (void)
{
  static const char zero[] = "a,b\nc\0d\n";
  static const char bom_zero[] = "\xEF\xBB\xBF" "\0";

  assert_undecodable (zero, sizeof zero - 1, "Line 2");
  assert_undecodable (bom_zero, sizeof bom_zero - 1, "Line 1");
}

/* Cells Excel or WPS would run as formulas get a "'" in front, and read
 * back exactly: also a cell that really starts with "'=". */
static void
test_protect_round_trip (void)
{
  const char *fields[] = {
    "=SUM(A1:A9)", "+1", "-2", "@cmd", "'=already", "''-two", "'plain", "=HYPERLINK(\"x\",\"y\")",
    "=a,b", "normal", "'", "", "-", "a=b", "-4.5",
  };
  const char *written[] = {
    "'=SUM(A1:A9)", "'+1", "'-2", "'@cmd", "''=already", "'''-two", "'plain", "'=HYPERLINK(\"x\",\"y\")",
    "'=a,b", "normal", "'", "", "'-", "a=b", "-4.5",
  };
  const guint n_fields = G_N_ELEMENTS (fields);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) records = NULL;
  LedgerCsvRecord *record;

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == G_N_ELEMENTS (written));
  /* The last field is a number: written as it is. */
  ledger_csv_append_row_with_numbers (out, fields, n_fields, G_GUINT64_CONSTANT (1) << (n_fields - 1));
  ledger_csv_append_row (out, fields, n_fields);
  g_assert_true (g_str_has_prefix (out->str, "'=SUM(A1:A9),'+1,'-2,'@cmd,''=already,"));

  records = parse_ok (out->str);
  for (guint r = 0; r < 2; r++)
    {
      record = g_ptr_array_index (records, r);
      g_assert_cmpuint (g_strv_length (record->fields), ==, n_fields);
      for (guint i = 0; i + 1 < n_fields; i++)
        {
          g_assert_cmpstr (record->fields[i], ==, written[i]);
          g_assert_cmpstr (ledger_csv_unprotect (record->fields[i]), ==, fields[i]);
        }
    }
  /* As a number, -4.5 is written plainly; as text, protected. */
  g_assert_cmpstr (((LedgerCsvRecord *) g_ptr_array_index (records, 0))->fields[n_fields - 1], ==, "-4.5");
  g_assert_cmpstr (((LedgerCsvRecord *) g_ptr_array_index (records, 1))->fields[n_fields - 1], ==, "'-4.5");
  /* Only the protecting "'" is taken off. */
  g_assert_cmpstr (ledger_csv_unprotect ("'x"), ==, "'x");
  g_assert_cmpstr (ledger_csv_unprotect ("''"), ==, "''");
  g_assert_cmpstr (ledger_csv_unprotect ("=x"), ==, "=x");
}

static void
test_parse_tabs (void)
{
  g_autoptr(GPtrArray) records = parse_ok ("code\tperiod\tvalue\tnote\n"
                                           "gdp-growth\t2026-Q1\t5.8\t\"a\tb, c\"\n"
                                           "x\t\t,\t\n");

  g_assert_cmpuint (records->len, ==, 3);
  assert_record (records, 0, 1, (const char *[]) { "code", "period", "value", "note", NULL });
  assert_record (records, 1, 2, (const char *[]) { "gdp-growth", "2026-Q1", "5.8", "a\tb, c", NULL });
  assert_record (records, 2, 3, (const char *[]) { "x", "", ",", "", NULL });
}

/* A file mostly UTF-8 with one line in GB18030 is refused naming that
 * line, not read whole as GB18030. */
static void
test_decode_mixed (void)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *gb = g_convert ("新增城镇就业,2026-06\n", -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_autofree char *mixed = NULL;
  g_autofree char *mostly_gb = NULL;

  g_assert_no_error (error);
  mixed = g_strconcat ("指标,期间\n新增城镇就业,2026-05\n", gb, "地区生产总值增长,2026-Q1\n", NULL);
  assert_undecodable (mixed, strlen (mixed), "Line 3");
  mostly_gb = g_strconcat (gb, gb, "新增城镇就业,2026-05\n", NULL);
  assert_undecodable (mostly_gb, strlen (mostly_gb), "line 3");
}

static char *
utf16_with_bom (const char *text,
                const char *charset,
                gsize      *length)
{
  g_autoptr(GError) error = NULL;
  gsize n = 0;
  g_autofree char *units = g_convert (text, -1, charset, "UTF-8", NULL, &n, &error);
  gboolean little = g_str_equal (charset, "UTF-16LE");
  char *data = g_malloc (n + 2);

  g_assert_no_error (error);
  memcpy (data, little ? "\xFF\xFE" : "\xFE\xFF", 2);
  memcpy (data + 2, units, n);
  *length = n + 2;
  return data;
}

/* Excel's "Unicode text": UTF-16 with a byte order mark, separated by
 * tabs. */
static void
test_decode_utf16 (void)
{
  static const char *charsets[] = { "UTF-16LE", "UTF-16BE" };
  static const char tsv[] = "指标\t期间\n新增城镇就业\t2026-05\n";

  for (guint i = 0; i < G_N_ELEMENTS (charsets); i++)
    {
      gsize length = 0;
      g_autofree char *data = utf16_with_bom (tsv, charsets[i], &length);
      const char *encoding = NULL;
      g_autofree char *text = decode_ok (data, length, &encoding);
      g_autoptr(GPtrArray) records = parse_ok (text);

      g_assert_cmpstr (text, ==, tsv);
      g_assert_cmpstr (encoding, ==, charsets[i]);
      assert_record (records, 1, 2, (const char *[]) { "新增城镇就业", "2026-05", NULL });
      /* Half of the last line break is not UTF-16. */
      assert_undecodable (data, length - 1, "Line 2");
    }
}

static void
assert_read_refused (const char *path,
                     goffset     max_size,
                     const char *fragment)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = ledger_csv_read_file (file, max_size, NULL, &error);

  g_assert_null (bytes);
  test_assert_error_mentions (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_FILE, fragment);
}

/* A file is read whole only up to a size, and only a regular file: the
 * endless /dev/zero, a pipe, a huge file are refused at once. */
static void
test_read_file_cap (void)
{
  g_autofree char *dir = test_tmp_dir_new ();
  g_autofree char *small = g_build_filename (dir, "small.csv", NULL);
  g_autofree char *sparse = g_build_filename (dir, "sparse.csv", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.csv", NULL);
  g_autoptr(GFile) small_file = g_file_new_for_path (small);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  FILE *out;

  test_write_file (small, "code,period,value\n", -1);
  bytes = ledger_csv_read_file (small_file, 18, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 18);
  assert_read_refused (small, 17, "small.csv");

  /* A hole of 600 MiB takes no room on the disk. */
  out = fopen (sparse, "w");
  g_assert_nonnull (out);
  g_assert_cmpint (fseeko (out, LEDGER_CSV_MAX_FILE_SIZE + (goffset) 88 * 1024 * 1024, SEEK_SET), ==, 0);
  fputc ('\n', out);
  fclose (out);
  assert_read_refused (sparse, LEDGER_CSV_MAX_FILE_SIZE, "512");

  assert_read_refused ("/dev/zero", LEDGER_CSV_MAX_FILE_SIZE, "/dev/zero");
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_read_refused (fifo, LEDGER_CSV_MAX_FILE_SIZE, "not a regular file");
  test_tmp_dir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/csv/parse/plain", test_parse_plain);
  g_test_add_func ("/csv/parse/quotes", test_parse_quotes);
  g_test_add_func ("/csv/parse/crlf", test_parse_crlf);
  g_test_add_func ("/csv/parse/blank-lines", test_parse_blank_lines);
  g_test_add_func ("/csv/parse/unterminated", test_parse_unterminated);
  g_test_add_func ("/csv/append-row/round-trip", test_append_row_round_trip);
  g_test_add_func ("/csv/decode/utf8", test_decode_utf8);
  g_test_add_func ("/csv/decode/bom", test_decode_bom);
  g_test_add_func ("/csv/decode/gb18030", test_decode_gb18030);
  g_test_add_func ("/csv/decode/unreadable", test_decode_unreadable);
  g_test_add_func ("/csv/decode/zero-byte", test_decode_zero_byte);
  g_test_add_func ("/csv/decode/mixed", test_decode_mixed);
  g_test_add_func ("/csv/decode/utf16", test_decode_utf16);
  g_test_add_func ("/csv/parse/tabs", test_parse_tabs);
  g_test_add_func ("/csv/protect/round-trip", test_protect_round_trip);
  g_test_add_func ("/csv/read-file/cap", test_read_file_cap);

  return g_test_run ();
}
