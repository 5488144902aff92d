/* ledger-json-check.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-json.h"

/* Every JSON the program reads (plan files, data packages, the change
 * log's contents) is looked over here before json-glib parses it, because
 * json-glib 1.6 does not defend itself:
 *
 * - it parses nested lists and objects by recursion, so that 200 KB of "["
 *   overflows the stack;
 * - it turns "\u0000" into a NUL that cuts the text short, a lone surrogate
 *   ("\ud800") or an octal escape ("\377") into invalid UTF-8, and stops
 *   reading at a NUL byte.
 *
 * The scan follows json-glib's own scanner (json-scanner.c of 1.6) so that
 * both agree on what is inside a string: besides JSON's double-quoted
 * strings it reads 'single-quoted' ones, without escapes, and skips
 * "comments" from one "/" to the next. Whatever json-glib would refuse
 * anyway is left to it, for its own message. */

G_DEFINE_QUARK (ledger-json-error-quark, ledger_json_error)

typedef struct
{
  const char  *end;
  const char  *p;           /* the next byte */
  const char  *line_start;  /* the first byte of the line of @p */
  guint        line;
  guint        depth;
  GError     **error;
} Scan;

/* Sets the error, at the line and column of @at. Always returns %FALSE. */
static gboolean G_GNUC_PRINTF (4, 5)
fail (Scan       *scan,
      const char *at,
      int         code,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  /* what is before @at has been checked to be UTF-8 */
  glong column = g_utf8_strlen (scan->line_start, at - scan->line_start) + 1;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: where a JSON file is wrong, and what: "line 3, column 14: …" */
  g_set_error (scan->error, LEDGER_JSON_ERROR, code, _("line %u, column %ld: %s"),
               scan->line, column, message);
  return FALSE;
}

/* Steps over the character at @p, which must be UTF-8 and not NUL. */
static gboolean
step (Scan *scan)
{
  guchar c = *scan->p;

  if (c == '\0')
    return fail (scan, scan->p, LEDGER_JSON_ERROR_NUL, "%s",
                 _("the file holds a NUL byte, which is not text"));
  if (c >= 0x80)
    {
      gunichar u = g_utf8_get_char_validated (scan->p, scan->end - scan->p);

      if (u == (gunichar) -1 || u == (gunichar) -2)
        return fail (scan, scan->p, LEDGER_JSON_ERROR_ENCODING, "%s",
                     _("the text is not UTF-8"));
      scan->p = g_utf8_next_char (scan->p);
      return TRUE;
    }
  scan->p++;
  if (c == '\n')
    {
      scan->line++;
      scan->line_start = scan->p;
    }
  return TRUE;
}

/* The four hexadecimal digits after "\u" at @p, or -1. */
static int
hex4 (Scan       *scan,
      const char *p)
{
  int value = 0;

  if (scan->end - p < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;
  for (guint i = 2; i < 6; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* "\uXXXX" at @p, and its low half when it is the high half of a pair. */
static gboolean
unicode_escape (Scan *scan)
{
  const char *at = scan->p;
  int unit = hex4 (scan, at);

  if (unit < 0)
    return fail (scan, at, LEDGER_JSON_ERROR_ESCAPE, "%s",
                 _("“\\u” must be followed by four hexadecimal digits"));
  if (unit == 0)
    return fail (scan, at, LEDGER_JSON_ERROR_ESCAPE, "%s",
                 _("“\\u0000” (the NUL character) is not allowed in text"));
  scan->p += 6;
  if (unit >= 0xdc00 && unit <= 0xdfff)
    return fail (scan, at, LEDGER_JSON_ERROR_ESCAPE,
                 _("“\\u%04x” is the second half of a surrogate pair without the first"), unit);
  if (unit >= 0xd800 && unit <= 0xdbff)
    {
      int low = hex4 (scan, scan->p);

      if (low < 0xdc00 || low > 0xdfff)
        return fail (scan, at, LEDGER_JSON_ERROR_ESCAPE,
                     _("“\\u%04x” is the first half of a surrogate pair without the second"), unit);
      scan->p += 6;
    }
  return TRUE;
}

/* An escape at @p, the backslash. json-glib reads some that JSON does
 * not, octal ones such as "\0" among them: those are refused. */
static gboolean
escape (Scan *scan)
{
  if (scan->p + 1 >= scan->end)
    {
      scan->p = scan->end;
      return TRUE;
    }
  if (scan->p[1] == 'u')
    return unicode_escape (scan);
  if (scan->p[1] == '\0')
    {
      scan->p++;
      return step (scan);
    }
  if (strchr ("\"\\/bfnrt", scan->p[1]) == NULL)
    return fail (scan, scan->p, LEDGER_JSON_ERROR_ESCAPE, "%s",
                 _("a backslash in a string must be followed by one of \" \\ / b f n r t u"));
  scan->p += 2;
  return TRUE;
}

/* A string from its opening quote @quote up to after its closing one, or
 * to the end, where json-glib finds it unfinished. Only double-quoted
 * strings have escapes. */
static gboolean
skip_string (Scan *scan,
             char  quote)
{
  scan->p++;
  while (scan->p < scan->end && *scan->p != quote)
    {
      gboolean ok = quote == '"' && *scan->p == '\\' ? escape (scan) : step (scan);

      if (!ok)
        return FALSE;
    }
  if (scan->p < scan->end)
    scan->p++;
  return TRUE;
}

/* json-glib's "comment": from a slash to the next one. */
static gboolean
comment (Scan *scan)
{
  return skip_string (scan, '/');
}

static gboolean
enter_level (Scan *scan)
{
  if (++scan->depth > LEDGER_JSON_MAX_DEPTH)
    return fail (scan, scan->p, LEDGER_JSON_ERROR_TOO_DEEP,
                 _("lists and objects are nested more than %u deep"), LEDGER_JSON_MAX_DEPTH);
  scan->p++;
  return TRUE;
}

static void
leave_level (Scan *scan)
{
  if (scan->depth > 0)
    scan->depth--;
  scan->p++;
}

static gboolean
token (Scan *scan)
{
  switch (*scan->p)
    {
    case '"':
    case '\'':
      return skip_string (scan, *scan->p);
    case '/':
      return comment (scan);
    case '[':
    case '{':
      return enter_level (scan);
    case ']':
    case '}':
      leave_level (scan);
      return TRUE;
    default:
      return step (scan);
    }
}

static gboolean
fail_too_large (gsize    max_size,
                GError **error)
{
  g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, LEDGER_JSON_ERROR, LEDGER_JSON_ERROR_TOO_LARGE,
               _("the file is larger than %s, the most this program reads"), limit);
  return FALSE;
}

/**
 * ledger_json_check:
 * @length: the length of @data in bytes, or -1 when it ends with a NUL
 * @max_size: the most bytes read
 *
 * Checks that @data can be handed to json-glib: at most @max_size bytes,
 * lists and objects nested at most %LEDGER_JSON_MAX_DEPTH deep, UTF-8
 * without NUL, without "\u0000" or half a surrogate pair in its strings.
 * Whether it is JSON is json-glib's to say.
 *
 * Returns: %FALSE with @error set (in %LEDGER_JSON_ERROR, naming the line
 *   and the column) if it cannot
 */
gboolean
ledger_json_check (const char  *data,
                   gssize       length,
                   gsize        max_size,
                   GError     **error)
{
  gsize size;
  Scan scan;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  size = length >= 0 ? (gsize) length : strlen (data);
  scan = (Scan) { data + size, data, data, 1, 0, error };

  if (size > max_size)
    return fail_too_large (max_size, error);
  while (scan.p < scan.end)
    {
      if (!token (&scan))
        return FALSE;
    }
  return TRUE;
}

/* The members json-glib has read, to find one given twice in an object:
 * json-glib keeps the last silently, so that {"140403": 1.2, "140403": 9}
 * would be a target of 9 no one sees in the file's first lines. */
typedef struct
{
  GHashTable *seen;       /* "object\x1fname" */
  char       *duplicate;  /* the first member given twice, or NULL */
  guint       line;
} Members;

static void
on_object_member (JsonParser *parser,
                  JsonObject *object,
                  const char *name,
                  gpointer    data)
{
  Members *members = data;

  if (!g_hash_table_add (members->seen, g_strdup_printf ("%p\x1f%s", (void *) object, name)) &&
      members->duplicate == NULL)
    {
      members->duplicate = g_strdup (name);
      members->line = json_parser_get_current_line (parser);
    }
}

/**
 * ledger_json_parser_load:
 *
 * json_parser_load_from_data() of @data once ledger_json_check() passes
 * it: the one way the program hands JSON to json-glib. An object that
 * gives a member twice is refused.
 */
gboolean
ledger_json_parser_load (JsonParser  *parser,
                         const char  *data,
                         gssize       length,
                         gsize        max_size,
                         GError     **error)
{
  Members members = { NULL, NULL, 0 };
  gulong handler;
  gboolean loaded;

  g_return_val_if_fail (JSON_IS_PARSER (parser), FALSE);

  if (length < 0)
    length = strlen (data);
  if (!ledger_json_check (data, length, max_size, error))
    return FALSE;
  members.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  handler = g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member), &members);
  loaded = json_parser_load_from_data (parser, data, length, error);
  g_signal_handler_disconnect (parser, handler);
  if (loaded && members.duplicate != NULL)
    {
      g_set_error (error, LEDGER_JSON_ERROR, LEDGER_JSON_ERROR_DUPLICATE,
                   /* Translators: where a JSON file is wrong: "line 3: “140403” is given twice …" */
                   _("line %u: “%s” is given twice in one object"), members.line, members.duplicate);
      loaded = FALSE;
    }
  g_hash_table_unref (members.seen);
  g_free (members.duplicate);
  return loaded;
}

/**
 * ledger_json_parse:
 *
 * Returns: (transfer full) (nullable): the JSON value of @data, checked as
 *   ledger_json_check() does; %NULL with @error set
 */
JsonNode *
ledger_json_parse (const char  *data,
                   gssize       length,
                   gsize        max_size,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (!ledger_json_parser_load (parser, data, length, max_size, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                           _("the file is empty"));
      return NULL;
    }
  return json_node_ref (root);
}

/**
 * ledger_json_load_file:
 * @data: (out) (transfer full): the file's bytes, with a NUL after them
 *
 * Reads @file, unless it is larger than @max_size: then it is refused
 * before it is read, as ledger_json_check() would refuse it after.
 *
 * Returns: %FALSE with @error set (%LEDGER_JSON_ERROR_TOO_LARGE, or
 *   the error of reading)
 */
gboolean
ledger_json_load_file (GFile   *file,
                       gsize    max_size,
                       char   **data,
                       gsize   *length,
                       GError **error)
{
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* a file that cannot be asked is left to reading to say why */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_get_size (info) > 0 && (guint64) g_file_info_get_size (info) > max_size)
    return fail_too_large (max_size, error);
  return g_file_load_contents (file, NULL, data, length, NULL, error);
}
