/* test-xlsx-reader.c: sheets of XLSX workbooks read through LedgerSheet:
 * workbooks written here with libxlsxwriter and read back cell by cell,
 * and zips made by hand that must be refused (a zip bomb, a truncated
 * file, a missing workbook, a million rows, a DTD, deep XML)
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <locale.h>
#include <string.h>
#include <sys/resource.h>
#include <xlsxwriter.h>

#include "ledger-sheet.h"
#include "test-util.h"

/* ---- workbooks written with libxlsxwriter ---- */

static GBytes *
bytes_of_file (const char *path)
{
  gsize length = 0;
  char *contents = test_read_file (path, &length);

  return g_bytes_new_take (contents, length);
}

static void
write_targets_sheet (lxw_workbook  *workbook,
                     lxw_worksheet *sheet)
{
  lxw_format *date = workbook_add_format (workbook);
  lxw_format *chinese_date = workbook_add_format (workbook);
  lxw_format *bold = workbook_add_format (workbook);
  lxw_datetime september = { 2026, 9, 30, 0, 0, 0 };
  lxw_rich_string_tuple first = { bold, "重点" };
  lxw_rich_string_tuple second = { NULL, "任务" };
  lxw_rich_string_tuple *rich[] = { &first, &second, NULL };

  format_set_num_format_index (date, 14);
  format_set_num_format (chinese_date, "yyyy\"年\"m\"月\"d\"日\"");
  format_set_bold (bold);

  worksheet_merge_range (sheet, 0, 0, 0, 4, "2026年目标台账", NULL);
  worksheet_write_string (sheet, 1, 0, "领域", NULL);
  worksheet_write_rich_string (sheet, 1, 1, rich, NULL);
  worksheet_write_string (sheet, 1, 2, "目标值", NULL);
  worksheet_write_string (sheet, 1, 3, "时间节点", NULL);
  worksheet_merge_range (sheet, 2, 0, 4, 0, "经济发展", NULL);
  worksheet_write_string (sheet, 2, 1, "城镇新增就业", NULL);
  worksheet_write_number (sheet, 2, 2, 4.3, NULL);
  worksheet_write_datetime (sheet, 2, 3, &september, date);
  worksheet_write_string (sheet, 3, 1, "文本数字", NULL);
  worksheet_write_string (sheet, 3, 2, "0012", NULL);
  worksheet_write_datetime (sheet, 3, 3, &september, chinese_date);
  worksheet_write_string (sheet, 4, 1, "全角", NULL);
  worksheet_write_string (sheet, 4, 2, "４.３万人", NULL);
  /* row 6 left out; row 7 with a gap before its cell */
  worksheet_write_number (sheet, 6, 2, 2000, NULL);
  worksheet_write_formula_num (sheet, 6, 3, "=C7*2", NULL, 4000);
  worksheet_write_boolean (sheet, 6, 4, 1, NULL);
  worksheet_write_number (sheet, 7, 2, 123456.789, NULL);
}

/* A workbook of two sheets, "说明" and "目标", in a file of @dir. */
static GBytes *
targets_workbook (const char *dir,
                  gboolean    constant_memory)
{
  g_autofree char *path = g_build_filename (dir, "targets.xlsx", NULL);
  lxw_workbook_options options = { .constant_memory = constant_memory, .tmpdir = (char *) dir };
  lxw_workbook *workbook = workbook_new_opt (path, &options);
  lxw_worksheet *notes = workbook_add_worksheet (workbook, "说明");
  lxw_worksheet *targets = workbook_add_worksheet (workbook, "目标");

  worksheet_write_string (notes, 0, 0, "填报说明", NULL);
  write_targets_sheet (workbook, targets);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  return bytes_of_file (path);
}

static LedgerSheet *
sheet_ok (GBytes     *data,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  LedgerSheet *sheet = ledger_sheet_new_from_bytes (data, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  return sheet;
}

static void
assert_cell (LedgerSheet         *sheet,
             guint                row,
             guint                column,
             const char          *text,
             LedgerSheetCellKind  kind)
{
  g_assert_cmpstr (ledger_sheet_get_cell (sheet, row, column), ==, text);
  g_assert_cmpint (ledger_sheet_get_cell_kind (sheet, row, column), ==, kind);
}

static void
check_targets (LedgerSheet *sheet)
{
  g_assert_cmpint (ledger_sheet_get_format (sheet), ==, LEDGER_SHEET_XLSX);
  g_assert_cmpstr (ledger_sheet_get_name (sheet), ==, "目标");
  g_assert_null (ledger_sheet_get_encoding (sheet));
  g_assert_cmpuint (ledger_sheet_get_n_rows (sheet), ==, 8);
  g_assert_cmpuint (ledger_sheet_get_n_columns (sheet), ==, 5);
  /* the title merged across, the area merged down */
  assert_cell (sheet, 0, 0, "2026年目标台账", LEDGER_SHEET_CELL_TEXT);
  assert_cell (sheet, 0, 4, "2026年目标台账", LEDGER_SHEET_CELL_TEXT);
  g_assert_true (ledger_sheet_is_merged (sheet, 0, 4));
  g_assert_false (ledger_sheet_is_merged (sheet, 1, 0));
  assert_cell (sheet, 4, 0, "经济发展", LEDGER_SHEET_CELL_TEXT);
  g_assert_true (ledger_sheet_is_merged (sheet, 3, 0));
  g_assert_false (ledger_sheet_is_merged (sheet, 5, 0));
  assert_cell (sheet, 1, 1, "重点任务", LEDGER_SHEET_CELL_TEXT);
  assert_cell (sheet, 2, 2, "4.3", LEDGER_SHEET_CELL_NUMBER);
  assert_cell (sheet, 2, 3, "2026-09-30", LEDGER_SHEET_CELL_DATE);
  assert_cell (sheet, 3, 2, "0012", LEDGER_SHEET_CELL_TEXT);
  assert_cell (sheet, 3, 3, "2026-09-30", LEDGER_SHEET_CELL_DATE);
  assert_cell (sheet, 4, 2, "４.３万人", LEDGER_SHEET_CELL_TEXT);
  /* the row left out is there, empty, and the rows keep their numbers */
  g_assert_true (ledger_sheet_row_is_empty (sheet, 5));
  g_assert_cmpuint (ledger_sheet_get_row_number (sheet, 6), ==, 7);
  assert_cell (sheet, 6, 0, "", LEDGER_SHEET_CELL_EMPTY);
  assert_cell (sheet, 6, 2, "2000", LEDGER_SHEET_CELL_NUMBER);
  assert_cell (sheet, 6, 3, "4000", LEDGER_SHEET_CELL_NUMBER);
  assert_cell (sheet, 6, 4, "TRUE", LEDGER_SHEET_CELL_TEXT);
  assert_cell (sheet, 7, 2, "123456.789", LEDGER_SHEET_CELL_NUMBER);
  assert_cell (sheet, 99, 99, "", LEDGER_SHEET_CELL_EMPTY);
}

static void
test_cells (void)
{
  g_autofree char *dir = test_tmp_dir_new ();
  g_autoptr(GBytes) data = targets_workbook (dir, FALSE);
  g_autoptr(LedgerSheet) first = sheet_ok (data, NULL);
  g_autoptr(LedgerSheet) targets = sheet_ok (data, "目标");
  const char * const *names = ledger_sheet_get_sheet_names (targets);

  g_assert_cmpstr (ledger_sheet_get_name (first), ==, "说明");
  g_assert_cmpstr (ledger_sheet_get_cell (first, 0, 0), ==, "填报说明");
  g_assert_cmpuint (g_strv_length ((char **) names), ==, 2);
  g_assert_cmpstr (names[0], ==, "说明");
  g_assert_cmpstr (names[1], ==, "目标");
  check_targets (targets);
  test_tmp_dir_free (g_steal_pointer (&dir));
}

/* libxlsxwriter's constant memory mode writes strings inline. */
static void
test_inline_strings (void)
{
  g_autofree char *dir = test_tmp_dir_new ();
  g_autoptr(GBytes) data = targets_workbook (dir, TRUE);
  g_autoptr(LedgerSheet) sheet = sheet_ok (data, "目标");

  assert_cell (sheet, 1, 1, "重点任务", LEDGER_SHEET_CELL_TEXT);
  assert_cell (sheet, 3, 2, "0012", LEDGER_SHEET_CELL_TEXT);
  assert_cell (sheet, 2, 2, "4.3", LEDGER_SHEET_CELL_NUMBER);
  test_tmp_dir_free (g_steal_pointer (&dir));
}

static void
test_no_such_sheet (void)
{
  g_autofree char *dir = test_tmp_dir_new ();
  g_autoptr(GBytes) data = targets_workbook (dir, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerSheet) sheet = ledger_sheet_new_from_bytes (data, "进度", &error);

  g_assert_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_NO_SHEET);
  g_assert_nonnull (strstr (error->message, "进度"));
  g_assert_nonnull (strstr (error->message, "“说明”, “目标”"));
  g_assert_null (sheet);
  test_tmp_dir_free (g_steal_pointer (&dir));
}

/* ---- zips made by hand ---- */

static la_ssize_t
append_bytes (struct archive *archive,
              void           *user_data,
              const void     *buffer,
              size_t          length)
{
  (void) archive;
  g_byte_array_append (user_data, buffer, (guint) length);
  return (la_ssize_t) length;
}

/* A zip of the members @name, @text, … NULL; @options for libarchive's
 * zip writer (encryption). */
static GBytes *
zip_of (const char *options,
        const char *name,
        ...)
{
  struct archive *archive = archive_write_new ();
  GByteArray *out = g_byte_array_new ();
  va_list members;

  g_assert_cmpint (archive_write_set_format_zip (archive), ==, ARCHIVE_OK);
  if (options != NULL)
    {
      g_assert_cmpint (archive_write_set_options (archive, options), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_set_passphrase (archive, "secret"), ==, ARCHIVE_OK);
    }
  archive_write_set_bytes_in_last_block (archive, 1);
  g_assert_cmpint (archive_write_open (archive, out, NULL, append_bytes, NULL), ==, ARCHIVE_OK);
  va_start (members, name);
  for (; name != NULL; name = va_arg (members, const char *))
    {
      const GString *text = va_arg (members, const GString *);
      struct archive_entry *entry = archive_entry_new ();

      archive_entry_set_pathname (entry, name);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, (la_int64_t) text->len);
      g_assert_cmpint (archive_write_header (archive, entry), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (archive, text->str, text->len), ==, (la_ssize_t) text->len);
      archive_entry_free (entry);
    }
  va_end (members);
  g_assert_cmpint (archive_write_close (archive), ==, ARCHIVE_OK);
  archive_write_free (archive);
  return g_byte_array_free_to_bytes (out);
}

#define WORKBOOK_XML \
  "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" \
  "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
#define RELS_XML \
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
  "<Relationship Id=\"rId1\" Type=\"worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"

/* A workbook of one sheet, @sheet; @workbook for the workbook's XML. */
static GBytes *
workbook_of (const GString *sheet,
             const char    *workbook)
{
  g_autoptr(GString) book = g_string_new (workbook != NULL ? workbook : WORKBOOK_XML);
  g_autoptr(GString) rels = g_string_new (RELS_XML);

  return zip_of (NULL, "xl/workbook.xml", book, "xl/_rels/workbook.xml.rels", rels,
                 "xl/worksheets/sheet1.xml", sheet, NULL);
}

static GError *
refusal_of (GBytes *data)
{
  GError *error = NULL;
  g_autoptr(LedgerSheet) sheet = ledger_sheet_new_from_bytes (data, NULL, &error);

  g_assert_null (sheet);
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  return error;
}

static GString *
sheet_xml (const char *rows)
{
  GString *xml = g_string_new ("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                               "<sheetData>");

  g_string_append_printf (xml, "%s</sheetData></worksheet>", rows);
  return xml;
}

/* Made by hand: cells without references, a date of type d, an escaped
 * line break, a phonetic run that is not shown. */
static void
test_hand_made (void)
{
  g_autoptr(GString) xml = sheet_xml ("<row><c t=\"inlineStr\"><is><r><t>甲</t></r><r><t xml:space=\"preserve\"> 乙</t></r>"
                                      "<rPh><t>jia</t></rPh></is></c><c t=\"d\"><v>2026-06-30T00:00:00</v></c>"
                                      "<c t=\"inlineStr\"><is><t>一_x000D_二</t></is></c></row>"
                                      "<row r=\"3\"><c r=\"B3\"><v>1E-3</v></c><c t=\"e\"><v>#DIV/0!</v></c></row>");
  g_autoptr(GBytes) data = workbook_of (xml, NULL);
  g_autoptr(LedgerSheet) sheet = sheet_ok (data, NULL);

  assert_cell (sheet, 0, 0, "甲 乙", LEDGER_SHEET_CELL_TEXT);
  assert_cell (sheet, 0, 1, "2026-06-30", LEDGER_SHEET_CELL_DATE);
  assert_cell (sheet, 0, 2, "一\r二", LEDGER_SHEET_CELL_TEXT);
  g_assert_cmpuint (ledger_sheet_get_n_rows (sheet), ==, 3);
  assert_cell (sheet, 2, 1, "0.001", LEDGER_SHEET_CELL_NUMBER);
  assert_cell (sheet, 2, 2, "#DIV/0!", LEDGER_SHEET_CELL_TEXT);
}

/* 40 MiB of elements packed into a few dozen KiB. */
static void
test_zip_bomb (void)
{
  g_autoptr(GString) rows = g_string_sized_new (40 * 1024 * 1024);
  g_autoptr(GString) xml = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;

  while (rows->len < 40 * 1024 * 1024)
    g_string_append (rows, "<x/><x/><x/><x/><x/><x/><x/><x/>");
  xml = sheet_xml (rows->str);
  data = workbook_of (xml, NULL);
  g_assert_cmpuint (g_bytes_get_size (data), <, 1024 * 1024);
  error = refusal_of (data);
  g_assert_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "xl/worksheets/sheet1.xml"));
}

static long
max_resident_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* A sheet of a million rows is refused at the row past the limit, while
 * reading: the damage at its end is never reached, and the sheet is never
 * held in memory. */
static void
test_million_rows (void)
{
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autoptr(GString) xml = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *row = g_strdup_printf ("Row %u:", LEDGER_SHEET_MAX_ROWS + 1);
  long before;

  for (guint i = 1; i <= 1000000; i++)
    g_string_append_printf (rows, "<row r=\"%u\"><c r=\"A%u\"><v>%u</v></c></row>", i, i, i);
  g_string_append (rows, "<row r=\"1\"><broken");
  xml = sheet_xml (rows->str);
  data = workbook_of (xml, NULL);
  g_string_truncate (rows, 0);
  before = max_resident_kib ();
  error = refusal_of (data);
  g_assert_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, row));
  g_assert_cmpint (max_resident_kib () - before, <, 512 * 1024);
}

/* A shared-string table past its limit, however small each string. */
static void
test_too_many_shared_strings (void)
{
  g_autoptr(GString) strings = g_string_new ("<sst>");
  g_autoptr(GString) book = g_string_new (WORKBOOK_XML);
  g_autoptr(GString) rels = g_string_new (RELS_XML);
  g_autoptr(GString) sheet = sheet_xml ("");
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i <= 1000000; i++)
    g_string_append (strings, "<si/>");
  g_string_append (strings, "</sst>");
  data = zip_of (NULL, "xl/workbook.xml", book, "xl/_rels/workbook.xml.rels", rels,
                 "xl/sharedStrings.xml", strings, "xl/worksheets/sheet1.xml", sheet, NULL);
  error = refusal_of (data);
  g_assert_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "1000000"));
}

static void
test_too_many_columns (void)
{
  g_autoptr(GString) xml = sheet_xml ("<row r=\"2\"><c r=\"AMK2\" t=\"inlineStr\"><is><t>x</t></is></c></row>");
  g_autoptr(GString) styled = sheet_xml ("<row r=\"2\"><c r=\"XFD2\" s=\"1\"/></row>");
  g_autoptr(GBytes) data = workbook_of (xml, NULL);
  g_autoptr(GBytes) styled_data = workbook_of (styled, NULL);
  g_autoptr(GError) error = refusal_of (data);
  g_autoptr(LedgerSheet) sheet = NULL;

  g_assert_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "Row 2:"));
  /* an empty cell far out, only formatted, is no column */
  sheet = sheet_ok (styled_data, NULL);
  g_assert_cmpuint (ledger_sheet_get_n_columns (sheet), ==, 0);
}

static void
test_truncated (void)
{
  g_autofree char *dir = test_tmp_dir_new ();
  g_autoptr(GBytes) whole = targets_workbook (dir, FALSE);
  gsize length = g_bytes_get_size (whole);
  g_autoptr(GError) error = NULL;

  for (gsize cut = 64; cut < length; cut += length / 7)
    {
      g_autoptr(GBytes) part = g_bytes_new_from_bytes (whole, 0, cut);

      g_clear_error (&error);
      error = refusal_of (part);
      g_assert_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_DAMAGED);
    }
  test_tmp_dir_free (g_steal_pointer (&dir));
}

static void
test_not_a_workbook (void)
{
  g_autoptr(GString) types = g_string_new ("<Types/>");
  g_autoptr(GBytes) no_workbook = zip_of (NULL, "[Content_Types].xml", types, NULL);
  g_autoptr(GBytes) not_zip = g_bytes_new_static ("PK\x03\x04 this is no zip", 20);
  g_autoptr(GBytes) encrypted = zip_of ("zip:encryption=traditional", "xl/workbook.xml", types, NULL);
  g_autoptr(GBytes) xls = g_bytes_new_static ("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0", 11);
  g_autoptr(GError) error = refusal_of (no_workbook);

  g_assert_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "xl/workbook.xml"));
  g_clear_error (&error);
  error = refusal_of (not_zip);
  g_assert_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_DAMAGED);
  g_clear_error (&error);
  error = refusal_of (encrypted);
  g_assert_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "password"));
  g_clear_error (&error);
  error = refusal_of (xls);
  g_assert_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_FORMAT);
}

/* Entities are never expanded, a DTD never read: a workbook has none. */
static void
test_dtd (void)
{
  g_autoptr(GString) xml = sheet_xml ("");
  g_autoptr(GBytes) data = workbook_of (xml, "<?xml version=\"1.0\"?>"
                                        "<!DOCTYPE workbook [<!ENTITY a \"aaaaaaaaaa\">"
                                        "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                                        "<!ENTITY ext SYSTEM \"file:///etc/passwd\">]>"
                                        "<workbook><sheets><sheet name=\"&b;&ext;\"/></sheets></workbook>");
  g_autoptr(GBytes) internal = workbook_of (xml, "<!DOCTYPE workbook [<!ENTITY a \"x\">]>" WORKBOOK_XML);
  g_autoptr(GError) error = refusal_of (data);

  g_assert_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_DAMAGED);
  g_assert_null (strstr (error->message, "root:"));
  /* even a harmless one */
  g_clear_error (&error);
  error = refusal_of (internal);
  g_assert_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "document type"));
}

static void
test_deep (void)
{
  g_autoptr(GString) rows = g_string_new ("<row r=\"1\"><c><is>");
  g_autoptr(GString) xml = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append (rows, "<r>");
  for (guint i = 0; i < 200; i++)
    g_string_append (rows, "</r>");
  g_string_append (rows, "</is></c></row>");
  xml = sheet_xml (rows->str);
  data = workbook_of (xml, NULL);
  error = refusal_of (data);
  g_assert_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_DAMAGED);
}

static void
test_rows_out_of_order (void)
{
  g_autoptr(GString) xml = sheet_xml ("<row r=\"5\"/><row r=\"3\"/>");
  g_autoptr(GString) bad_string = sheet_xml ("<row r=\"1\"><c r=\"B1\" t=\"s\"><v>7</v></c></row>");
  g_autoptr(GBytes) data = workbook_of (xml, NULL);
  g_autoptr(GBytes) bad_data = workbook_of (bad_string, NULL);
  g_autoptr(GError) error = refusal_of (data);

  g_assert_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "3"));
  g_clear_error (&error);
  error = refusal_of (bad_data);
  g_assert_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "B1"));
}

/* Many merged ranges: each cell found by halving, not by a search through
 * them all. */
static void
test_many_merges (void)
{
  g_autoptr(GString) merges = g_string_new ("<row r=\"1\"><c t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData><mergeCells>");
  g_autoptr(GString) xml = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(LedgerSheet) sheet = NULL;
  const guint n = 60000;
  guint merged = 0;
  gint64 start;

  for (guint i = 1; i <= n; i++)
    g_string_append_printf (merges, "<mergeCell ref=\"A%u:C%u\"/>", 2 * i, 2 * i + 1);
  g_string_append (merges, "</mergeCells><sheetData>");
  xml = sheet_xml (merges->str);
  data = workbook_of (xml, NULL);
  sheet = sheet_ok (data, NULL);
  start = g_get_monotonic_time ();
  for (guint row = 0; row < 2 * n + 2; row++)
    for (guint column = 0; column < 4; column++)
      merged += ledger_sheet_is_merged (sheet, row, column);
  g_assert_cmpuint (merged, ==, n * 6);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/xlsx-reader/cells", test_cells);
  g_test_add_func ("/xlsx-reader/inline-strings", test_inline_strings);
  g_test_add_func ("/xlsx-reader/no-such-sheet", test_no_such_sheet);
  g_test_add_func ("/xlsx-reader/hand-made", test_hand_made);
  g_test_add_func ("/xlsx-reader/zip-bomb", test_zip_bomb);
  g_test_add_func ("/xlsx-reader/million-rows", test_million_rows);
  g_test_add_func ("/xlsx-reader/too-many-columns", test_too_many_columns);
  g_test_add_func ("/xlsx-reader/too-many-shared-strings", test_too_many_shared_strings);
  g_test_add_func ("/xlsx-reader/truncated", test_truncated);
  g_test_add_func ("/xlsx-reader/not-a-workbook", test_not_a_workbook);
  g_test_add_func ("/xlsx-reader/dtd", test_dtd);
  g_test_add_func ("/xlsx-reader/deep", test_deep);
  g_test_add_func ("/xlsx-reader/rows-out-of-order", test_rows_out_of_order);
  g_test_add_func ("/xlsx-reader/many-merges", test_many_merges);

  return g_test_run ();
}
