/* test-csv.c: CSV records as Excel and WPS write them, and their encodings
 * (docs/csv-format.md)
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

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

  return g_test_run ();
}
