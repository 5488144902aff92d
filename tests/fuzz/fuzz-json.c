/* fuzz-json.c: libFuzzer target for ledger_json_check, the check every
 * JSON the program reads goes through before json-glib parses it.
 *
 * The check follows json-glib's scanner to know what is inside a string;
 * where it lost track, it would let through what json-glib then nests too
 * deep or turns into broken text. So what the check passes is parsed, and
 * the tree must be at most LEDGER_JSON_MAX_DEPTH deep with every string and
 * member name UTF-8. A refusal must be an error of the check's own, with a
 * message that is text.
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "fuzz-log.h"
#include "ledger-json.h"

static gboolean node_is_sound (JsonNode *node, guint depth);

static gboolean
object_is_sound (JsonObject *object,
                 guint       depth)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (const GList *l = names; l != NULL; l = l->next)
    {
      if (!g_utf8_validate (l->data, -1, NULL) ||
          !node_is_sound (json_object_get_member (object, l->data), depth))
        return FALSE;
    }
  return TRUE;
}

static gboolean
array_is_sound (JsonArray *array,
                guint      depth)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      if (!node_is_sound (json_array_get_element (array, i), depth))
        return FALSE;
    }
  return TRUE;
}

/* @depth: the lists and objects @node is in */
static gboolean
node_is_sound (JsonNode *node,
               guint     depth)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return depth < LEDGER_JSON_MAX_DEPTH && object_is_sound (json_node_get_object (node), depth + 1);
    case JSON_NODE_ARRAY:
      return depth < LEDGER_JSON_MAX_DEPTH && array_is_sound (json_node_get_array (node), depth + 1);
    case JSON_NODE_VALUE:
      return json_node_get_value_type (node) != G_TYPE_STRING ||
             g_utf8_validate (json_node_get_string (node), -1, NULL);
    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  if (!ledger_json_check ((const char *) data, size, G_MAXSIZE, &error))
    {
      FUZZ_CHECK (error != NULL && error->domain == LEDGER_JSON_ERROR);
      FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  FUZZ_CHECK (error == NULL);
  if (!json_parser_load_from_data (parser, (const char *) data, size, NULL))
    return 0;
  root = json_parser_get_root (parser);
  FUZZ_CHECK (root == NULL || node_is_sound (root, 0));
  return 0;
}
