/* ledger-json-reader.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ledger-json.h"

/* The files the office exchanges (plan files, data packages) are JSON that
 * people may edit by hand: reading checks every member and names the line
 * of a mistake. Writing is in ledger-json-writer.c. */

static char *
line_key (JsonObject *object,
          const char *member)
{
  return g_strdup_printf ("%p/%s", (gpointer) object, member != NULL ? member : "");
}

/* The parser tells, for each member, the line it ends on: a member's own
 * line for a string or number. An object's line is its first member's. */
static void
object_member_cb (JsonParser *parser,
                  JsonObject *object,
                  const char *member,
                  GHashTable *lines)
{
  guint line = json_parser_get_current_line (parser);
  char *object_key = line_key (object, NULL);

  g_hash_table_insert (lines, line_key (object, member), GUINT_TO_POINTER (line));
  if (!g_hash_table_contains (lines, object_key))
    g_hash_table_insert (lines, object_key, GUINT_TO_POINTER (line));
  else
    g_free (object_key);
}

/* json-glib 1.6 reads "{…} {…}" as its first object and drops the rest:
 * the values that start at the top are counted, to refuse that. */
typedef struct
{
  guint depth;
  guint values;
} TopLevel;

static void
count_top_level_cb (JsonParser *parser,
                    TopLevel   *top_level)
{
  if (top_level->depth++ == 0)
    top_level->values++;
}

static void
leave_level_cb (JsonParser *parser,
                gpointer    node,
                TopLevel   *top_level)
{
  top_level->depth--;
}

/* @error receives the errors about the content, in @domain with @code. */
void
ledger_json_reader_init (LedgerJsonReader  *reader,
                         GQuark             domain,
                         int                code,
                         GError           **error)
{
  g_return_if_fail (reader != NULL);

  *reader = (LedgerJsonReader) { 0 };
  reader->domain = domain;
  reader->code = code;
  reader->error = error;
  reader->path = g_string_new (NULL);
  reader->lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader->parser = json_parser_new ();
}

void
ledger_json_reader_clear (LedgerJsonReader *reader)
{
  g_return_if_fail (reader != NULL);

  if (reader->path != NULL)
    g_string_free (reader->path, TRUE);
  g_clear_pointer (&reader->lines, g_hash_table_unref);
  g_clear_object (&reader->parser);
  reader->path = NULL;
}

/**
 * ledger_json_reader_load:
 * @max_size: the most bytes read
 * @syntax_error: receives the parser's message when @data is not one JSON
 *   value, or ledger_json_check()'s when json-glib cannot be given it
 *
 * Returns: (transfer none) (nullable): the document, owned by @reader; %NULL
 *   with @syntax_error set, or for an empty document
 */
JsonNode *
ledger_json_reader_load (LedgerJsonReader  *reader,
                         const char        *data,
                         gssize             length,
                         gsize              max_size,
                         GError           **syntax_error)
{
  TopLevel top_level = { 0, 0 };
  gboolean loaded;

  g_return_val_if_fail (reader != NULL && reader->parser != NULL, NULL);

  g_signal_connect (reader->parser, "object-member", G_CALLBACK (object_member_cb), reader->lines);
  g_signal_connect (reader->parser, "object-start", G_CALLBACK (count_top_level_cb), &top_level);
  g_signal_connect (reader->parser, "array-start", G_CALLBACK (count_top_level_cb), &top_level);
  g_signal_connect (reader->parser, "object-end", G_CALLBACK (leave_level_cb), &top_level);
  g_signal_connect (reader->parser, "array-end", G_CALLBACK (leave_level_cb), &top_level);
  loaded = ledger_json_parser_load (reader->parser, data, length, max_size, syntax_error);
  g_signal_handlers_disconnect_by_data (reader->parser, &top_level);
  if (!loaded)
    return NULL;
  if (top_level.values > 1)
    {
      g_set_error_literal (syntax_error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                           _("there is more than one value at the top: the file must hold one object"));
      return NULL;
    }
  return json_parser_get_root (reader->parser);
}

/* Steps into the element @index of the list @member, for messages; returns
 * what ledger_json_reader_leave() needs to step out again. */
gsize
ledger_json_reader_enter (LedgerJsonReader *reader,
                          const char       *member,
                          guint             index)
{
  gsize saved = reader->path->len;

  g_string_append_printf (reader->path, "%s%s[%u]", saved > 0 ? "." : "", member, index);
  return saved;
}

void
ledger_json_reader_leave (LedgerJsonReader *reader,
                          gsize             saved)
{
  g_string_truncate (reader->path, saved);
}

static guint
current_line (LedgerJsonReader *reader)
{
  g_autofree char *member_key = line_key (reader->object, reader->member);
  g_autofree char *object_key = line_key (reader->object, NULL);
  gpointer line;

  if (reader->lines == NULL || reader->object == NULL)
    return 0;
  if ((line = g_hash_table_lookup (reader->lines, member_key)) != NULL)
    return GPOINTER_TO_UINT (line);
  return GPOINTER_TO_UINT (g_hash_table_lookup (reader->lines, object_key));
}

/* Sets the error, prefixed with the place the reader is at. Always
 * returns %FALSE, to be returned in turn. */
gboolean
ledger_json_fail (LedgerJsonReader *reader,
                  const char       *format,
                  ...)
{
  g_autofree char *message = NULL;
  g_autofree char *place = NULL;
  guint line = current_line (reader);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    /* Translators: where a file is wrong: "line 12, plans[0].areas[2]" */
    place = g_strdup_printf (_("line %u, %s"), line, reader->path->str);
  else
    place = g_strdup (reader->path->str);
  if (place[0] != '\0')
    g_set_error (reader->error, reader->domain, reader->code, "%s: %s", place, message);
  else
    g_set_error_literal (reader->error, reader->domain, reader->code, message);
  return FALSE;
}

/* Sets where the reader is, for messages. */
void
ledger_json_at (LedgerJsonReader *reader,
                JsonObject       *object,
                const char       *member)
{
  reader->object = object;
  reader->member = member;
}

gboolean
ledger_json_check_members (LedgerJsonReader   *reader,
                           JsonObject         *object,
                           const char * const *allowed)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (const GList *l = names; l != NULL; l = l->next)
    {
      ledger_json_at (reader, object, l->data);
      if (!g_strv_contains (allowed, l->data))
        return ledger_json_fail (reader, _("unknown member “%s”"), (const char *) l->data);
    }
  return TRUE;
}

/* @out is "" for a missing member that is not @required. */
gboolean
ledger_json_read_string (LedgerJsonReader  *reader,
                         JsonObject        *object,
                         const char        *member,
                         gboolean           required,
                         const char       **out)
{
  JsonNode *node = json_object_get_member (object, member);

  ledger_json_at (reader, object, member);
  *out = "";
  if (node == NULL)
    return required ? ledger_json_fail (reader, _("“%s” is missing"), member) : TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return ledger_json_fail (reader, _("“%s” must be a string"), member);
  *out = json_node_get_string (node);
  if (required)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (*out));

      if (stripped[0] == '\0')
        return ledger_json_fail (reader, _("“%s” is empty"), member);
    }
  return TRUE;
}

/* A required string that is a UUID. */
gboolean
ledger_json_read_uuid (LedgerJsonReader  *reader,
                       JsonObject        *object,
                       const char        *member,
                       const char       **out)
{
  if (!ledger_json_read_string (reader, object, member, TRUE, out))
    return FALSE;
  if (!g_uuid_string_is_valid (*out))
    return ledger_json_fail (reader, _("“%s” is not a UUID"), *out);
  return TRUE;
}

gboolean
ledger_json_read_number (LedgerJsonReader *reader,
                         JsonObject       *object,
                         const char       *member,
                         double           *out)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type;

  ledger_json_at (reader, object, member);
  if (node == NULL)
    return ledger_json_fail (reader, _("“%s” is missing"), member);
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return ledger_json_fail (reader, _("“%s” must be a number"), member);
  *out = json_node_get_double (node);
  if (!isfinite (*out))
    return ledger_json_fail (reader, _("“%s” is too large a number"), member);
  return TRUE;
}

JsonArray *
ledger_json_read_array (LedgerJsonReader *reader,
                        JsonObject       *object,
                        const char       *member,
                        gboolean          non_empty)
{
  JsonNode *node = json_object_get_member (object, member);

  ledger_json_at (reader, object, member);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      ledger_json_fail (reader, _("“%s” must be a list"), member);
      return NULL;
    }
  if (non_empty && json_array_get_length (json_node_get_array (node)) == 0)
    {
      ledger_json_fail (reader, _("“%s” is empty"), member);
      return NULL;
    }
  return json_node_get_array (node);
}

JsonObject *
ledger_json_array_object (LedgerJsonReader *reader,
                          JsonArray        *array,
                          guint             index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      ledger_json_fail (reader, _("must be an object"));
      return NULL;
    }
  return json_node_get_object (node);
}
