/* test-json.c: the check every JSON read goes through before json-glib
 * parses it (ledger-json-check.c)
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ledger-json.h"
#include "test-util.h"

/* @count lists, one inside the other, around @inside: "[[[1]]]" */
static char *
nested (const char *before,
        guint       count,
        const char *inside)
{
  GString *text = g_string_new (before);

  for (guint i = 0; i < count; i++)
    g_string_append_c (text, '[');
  g_string_append (text, inside);
  for (guint i = 0; i < count; i++)
    g_string_append_c (text, ']');
  return g_string_free (text, FALSE);
}

static void
assert_accepted (const char *text,
                 gssize      length)
{
  g_autoptr(GError) error = NULL;

  if (!ledger_json_check (text, length, G_MAXSIZE, &error))
    g_error ("“%.80s” was refused: %s", text, error->message);
}

/* Refused with @code, the message holding @fragment. */
static void
assert_refused (const char *text,
                gssize      length,
                int         code,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;

  if (ledger_json_check (text, length, G_MAXSIZE, &error))
    g_error ("“%.80s” was not refused", text);
  test_assert_error_mentions (error, LEDGER_JSON_ERROR, code, fragment);
}

/* As deep as the limit is read, and parsed; one more is refused at the
 * bracket too many. */
static void
test_depth (void)
{
  g_autofree char *at_limit = nested ("", LEDGER_JSON_MAX_DEPTH, "1");
  g_autofree char *above = nested ("", LEDGER_JSON_MAX_DEPTH + 1, "1");
  g_autofree char *objects = NULL;
  g_autofree char *column = g_strdup_printf ("line 1, column %d:", LEDGER_JSON_MAX_DEPTH + 1);
  g_autoptr(GString) deep_objects = g_string_new (NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  assert_accepted (at_limit, -1);
  root = ledger_json_parse (at_limit, -1, G_MAXSIZE, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  assert_refused (above, -1, LEDGER_JSON_ERROR_TOO_DEEP, column);

  for (guint i = 0; i <= LEDGER_JSON_MAX_DEPTH; i++)
    g_string_append (deep_objects, "{\"a\": ");
  assert_refused (deep_objects->str, -1, LEDGER_JSON_ERROR_TOO_DEEP, "nested more than");
}

/* What crashed json-glib: 200 000 brackets, never closed. */
static void
test_depth_huge (void)
{
  g_autofree char *text = g_strnfill (200000, '[');
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = ledger_json_parse (text, -1, G_MAXSIZE, &error);

  g_assert_null (root);
  g_assert_error (error, LEDGER_JSON_ERROR, LEDGER_JSON_ERROR_TOO_DEEP);
}

/* Closed lists give their depth back: many lists side by side are fine. */
static void
test_depth_siblings (void)
{
  g_autoptr(GString) text = g_string_new ("[");

  for (guint i = 0; i < 1000; i++)
    g_string_append (text, "[[[[[[[[[[1]]]]]]]]]], ");
  g_string_append (text, "1]");
  assert_accepted (text->str, text->len);
}

/* Brackets in strings, escaped quotes and backslashes, single-quoted
 * strings and json-glib's comments are followed as json-glib reads them. */
static void
test_depth_strings (void)
{
  g_autofree char *squares = g_strnfill (100, '[');
  g_autofree char *braces = g_strnfill (100, '{');
  g_autofree char *brackets = g_strdup_printf ("[\"%s\", '%s', 1 /%s \"/]", squares, braces, squares);
  /* inside: an escaped quote, then the brackets: all in the string */
  g_autofree char *escaped_quote = nested ("", 1, "\"\\\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
                                                  "[[[[[[[[[[[[[[[[[[[[[[\"");
  /* an escaped backslash ends the string: the brackets after it count */
  g_autofree char *escaped_backslash = nested ("[\"\\\\\", ", LEDGER_JSON_MAX_DEPTH, "1");
  /* a double quote in a single-quoted string or a comment starts nothing */
  g_autofree char *quote_in_single = nested ("['\"', ", LEDGER_JSON_MAX_DEPTH, "1");
  g_autofree char *quote_in_comment = nested ("[/ \" /", LEDGER_JSON_MAX_DEPTH, "1");
  g_autofree char *single_in_string = nested ("[\"'\", ", LEDGER_JSON_MAX_DEPTH, "1");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  assert_accepted (brackets, -1);
  root = ledger_json_parse (brackets, -1, G_MAXSIZE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 3);
  assert_accepted (escaped_quote, -1);
  assert_refused (escaped_backslash, -1, LEDGER_JSON_ERROR_TOO_DEEP, NULL);
  assert_refused (quote_in_single, -1, LEDGER_JSON_ERROR_TOO_DEEP, NULL);
  assert_refused (quote_in_comment, -1, LEDGER_JSON_ERROR_TOO_DEEP, NULL);
  assert_refused (single_in_string, -1, LEDGER_JSON_ERROR_TOO_DEEP, NULL);
}

static void
test_size (void)
{
  const char *text = "[1, 2, 3]";
  g_autoptr(GError) error = NULL;

  g_assert_true (ledger_json_check (text, -1, strlen (text), &error));
  g_assert_no_error (error);
  g_assert_false (ledger_json_check (text, -1, strlen (text) - 1, &error));
  test_assert_error_mentions (error, LEDGER_JSON_ERROR, LEDGER_JSON_ERROR_TOO_LARGE, "larger than 8 bytes");
}

static void
test_nul (void)
{
  static const char text[] = "[\"a\",\n \"b\0c\"]";
  static const char outside[] = "[1]\0[[[[";

  assert_refused (text, sizeof text - 1, LEDGER_JSON_ERROR_NUL, "line 2, column 4:");
  assert_refused (outside, sizeof outside - 1, LEDGER_JSON_ERROR_NUL, "line 1, column 4:");
}

/* "\u0000", half surrogate pairs and escapes JSON does not have (json-glib
 * reads octal ones) are refused; a whole pair is read. */
static void
test_escapes (void)
{
  static const struct { const char *text; const char *fragment; } refused[] = {
    { "[\"a\\u0000b\"]", "“\\u0000”" },
    { "[\"\\ud800\"]", "“\\ud800” is the first half" },
    { "[\"\\uD800x\"]", "“\\ud800” is the first half" },
    { "[\"\\ud800\\u0041\"]", "“\\ud800” is the first half" },
    { "[\"\\ud800\\ud800\"]", "“\\ud800” is the first half" },
    { "[\"\\udc00\"]", "“\\udc00” is the second half" },
    { "[\"\\ude00\\ud83d\"]", "“\\ude00” is the second half" },
    { "[\"\\u12\"]", "four hexadecimal digits" },
    { "[\"\\u12G4\"]", "four hexadecimal digits" },
    { "[\"\\377\"]", "a backslash" },
    { "[\"\\0\"]", "a backslash" },
    { "[\"\\x41\"]", "a backslash" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    assert_refused (refused[i].text, -1, LEDGER_JSON_ERROR_ESCAPE, refused[i].fragment);
  assert_refused ("[\"\\u0000\"]", -1, LEDGER_JSON_ERROR_ESCAPE, "line 1, column 3:");

  root = ledger_json_parse ("[\"\\ud83d\\ude00 \\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u4e2d\"]", -1, G_MAXSIZE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_array_get_string_element (json_node_get_array (root), 0), ==,
                   "😀 \" \\ / \b\f\n\r\t 中");
}

/* Invalid UTF-8 anywhere, with the column counted in characters. */
static void
test_encoding (void)
{
  static const char *refused[] = {
    "[\"\xff\"]", "[\"\xe4\xb8\"]", "[\"\xed\xa0\x80\"]", "[\"\xc0\x80\"]", "[\"\xf4\x90\x80\x80\"]",
    "[1]\xff", "['\xfe']", "[/\xfe/ 1]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    assert_refused (refused[i], -1, LEDGER_JSON_ERROR_ENCODING, "not UTF-8");
  assert_refused ("{\n  \"名称\": \"长治\xe5\"}", -1, LEDGER_JSON_ERROR_ENCODING, "line 2, column 12:");
  assert_accepted ("{\"名称\": \"长治\", \"x\": \"\xef\xbf\xbd\"}", -1);
}

/* A string left open or a bracket too many is json-glib's to report. */
static void
test_left_to_json_glib (void)
{
  static const char *texts[] = { "[\"abc", "[\"abc\\", "]]]]", "['abc", "[/ abc", "" };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_accepted (texts[i], -1);
  root = ledger_json_parse ("[\"abc", -1, G_MAXSIZE, &error);
  g_assert_null (root);
  g_assert_nonnull (error);
  g_assert_true (error->domain == JSON_PARSER_ERROR);
}

/* A member given twice in one object, which json-glib would read as its
 * last ({"140403": 1.2, "140403": 9} a region target of 9), is refused,
 * naming it and its line; the same name in two objects is not. */
static void
test_duplicate_member (void)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) apart = NULL;
  g_autoptr(GError) error = NULL;

  root = ledger_json_parse ("{\"region_targets\": {\"140403\": 1.2,\n \"140403\": 9}}", -1, G_MAXSIZE,
                            &error);
  g_assert_null (root);
  test_assert_error_mentions (error, LEDGER_JSON_ERROR, LEDGER_JSON_ERROR_DUPLICATE, "line 2: “140403”");
  g_clear_error (&error);
  apart = ledger_json_parse ("[{\"code\": \"a\"}, {\"code\": \"b\", \"x\": {\"code\": 1}}]", -1,
                             G_MAXSIZE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (apart);
}

/* A file larger than @max_size is refused before it is read; the others
 * are read whole, or say why not. */
static void
test_load_file (void)
{
  g_autofree char *dir = test_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "missing.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  test_write_sparse_file (path, (gsize) 1 << 30);
  g_assert_false (ledger_json_load_file (file, LEDGER_JSON_MAX_PACKAGE, &data, &length, &error));
  test_assert_error_mentions (error, LEDGER_JSON_ERROR, LEDGER_JSON_ERROR_TOO_LARGE, "larger than 128");
  g_assert_null (data);
  g_clear_error (&error);

  test_write_file (path, "[1]", -1);
  g_assert_true (ledger_json_load_file (file, 3, &data, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (data, ==, "[1]");
  g_assert_cmpuint (length, ==, 3);

  g_assert_false (ledger_json_load_file (missing, 3, &data, &length, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  test_tmp_dir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/json/check/depth", test_depth);
  g_test_add_func ("/json/check/depth-huge", test_depth_huge);
  g_test_add_func ("/json/check/depth-siblings", test_depth_siblings);
  g_test_add_func ("/json/check/depth-strings", test_depth_strings);
  g_test_add_func ("/json/check/size", test_size);
  g_test_add_func ("/json/check/nul", test_nul);
  g_test_add_func ("/json/check/escapes", test_escapes);
  g_test_add_func ("/json/check/encoding", test_encoding);
  g_test_add_func ("/json/check/left-to-json-glib", test_left_to_json_glib);
  g_test_add_func ("/json/load-file", test_load_file);
  g_test_add_func ("/json/duplicate-member", test_duplicate_member);

  return g_test_run ();
}
