/* ledger-plan-file.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-plan-file"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "ledger-area.h"
#include "ledger-core-resources.h"
#include "ledger-indicator.h"
#include "ledger-plan-file.h"
#include "ledger-task.h"

/* Reads and writes plan files (docs/plan-format.md). Every member is checked
 * before anything is built, and an error names the place in the file
 * ("plans[0].areas[2].tasks[1]") and what is wrong with it. */

G_DEFINE_QUARK (ledger-plan-file-error-quark, ledger_plan_file_error)

/* Where the reader is: the path of the object being read, the object and
 * the member, and the lines the parser saw them on. */
typedef struct
{
  GString     *path;
  GError     **error;
  GHashTable  *lines;
  JsonObject  *object;
  const char  *member;
} Reader;

static const char *plan_members[] = { "uuid", "code", "title", "region", "first_year",
                                      "last_year", "source", "areas", NULL };
static const char *area_members[] = { "uuid", "title", "short_title", "tasks", NULL };
static const char *task_members[] = { "uuid", "title", "text", "indicators", NULL };
static const char *indicator_members[] = { "uuid", "code", "name", "unit", "kind",
                                           "comparator", "better", "target", "frequency",
                                           "responsible_unit", "notes", "source_text", NULL };

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

static guint
current_line (Reader *reader)
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

G_GNUC_PRINTF (2, 3)
static gboolean
fail (Reader     *reader,
      const char *format,
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
    /* Translators: where a plan file is wrong: "line 12, plans[0].areas[2]" */
    place = g_strdup_printf (_("line %u, %s"), line, reader->path->str);
  else
    place = g_strdup (reader->path->str);
  if (place[0] != '\0')
    g_set_error (reader->error, LEDGER_PLAN_FILE_ERROR, LEDGER_PLAN_FILE_ERROR_INVALID,
                 "%s: %s", place, message);
  else
    g_set_error_literal (reader->error, LEDGER_PLAN_FILE_ERROR,
                         LEDGER_PLAN_FILE_ERROR_INVALID, message);
  return FALSE;
}

/* Sets where the reader is, for messages. */
static void
at (Reader     *reader,
    JsonObject *object,
    const char *member)
{
  reader->object = object;
  reader->member = member;
}

static gboolean
check_members (Reader             *reader,
               JsonObject         *object,
               const char * const *allowed)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (const GList *l = names; l != NULL; l = l->next)
    {
      at (reader, object, l->data);
      if (!g_strv_contains (allowed, l->data))
        return fail (reader, _("unknown member “%s”"), (const char *) l->data);
    }
  return TRUE;
}

static gboolean
read_string (Reader      *reader,
             JsonObject  *object,
             const char  *member,
             gboolean     required,
             const char **out)
{
  JsonNode *node = json_object_get_member (object, member);

  at (reader, object, member);
  *out = "";
  if (node == NULL)
    return required ? fail (reader, _("“%s” is missing"), member) : TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (reader, _("“%s” must be a string"), member);
  *out = json_node_get_string (node);
  if (required)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (*out));

      if (stripped[0] == '\0')
        return fail (reader, _("“%s” is empty"), member);
    }
  return TRUE;
}

static gboolean
read_number (Reader     *reader,
             JsonObject *object,
             const char *member,
             double     *out)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type;

  at (reader, object, member);
  if (node == NULL)
    return fail (reader, _("“%s” is missing"), member);
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return fail (reader, _("“%s” must be a number"), member);
  *out = json_node_get_double (node);
  if (!isfinite (*out))
    return fail (reader, _("“%s” is too large a number"), member);
  return TRUE;
}

static gboolean
read_year (Reader     *reader,
           JsonObject *object,
           const char *member,
           int        *out)
{
  double year;

  if (!read_number (reader, object, member, &year))
    return FALSE;
  at (reader, object, member);
  if (year < 1900 || year > 9999 || year != floor (year))
    return fail (reader, _("“%s” must be a year"), member);
  *out = (int) year;
  return TRUE;
}

static gboolean
read_uuid (Reader      *reader,
           JsonObject  *object,
           GHashTable  *seen,
           const char **out)
{
  if (!read_string (reader, object, "uuid", TRUE, out))
    return FALSE;
  at (reader, object, "uuid");
  if (!g_uuid_string_is_valid (*out))
    return fail (reader, _("“%s” is not a UUID"), *out);
  if (!g_hash_table_add (seen, g_ascii_strdown (*out, -1)))
    return fail (reader, _("the UUID “%s” is used twice"), *out);
  return TRUE;
}

static JsonArray *
read_array (Reader     *reader,
            JsonObject *object,
            const char *member,
            gboolean    non_empty)
{
  JsonNode *node = json_object_get_member (object, member);

  at (reader, object, member);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (reader, _("“%s” must be a list"), member);
      return NULL;
    }
  if (non_empty && json_array_get_length (json_node_get_array (node)) == 0)
    {
      fail (reader, _("“%s” is empty"), member);
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
array_object (Reader     *reader,
              JsonArray  *array,
              guint       index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (reader, _("must be an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
read_enum_member (Reader     *reader,
                  JsonObject *object,
                  const char *member,
                  gboolean  (*from_string) (const char *, int *),
                  int        *out)
{
  const char *text;

  if (!read_string (reader, object, member, TRUE, &text))
    return FALSE;
  at (reader, object, member);
  if (!from_string (text, out))
    return fail (reader, _("“%s” is not a valid %s"), text, member);
  return TRUE;
}

static gboolean
read_measure (Reader           *reader,
              JsonObject       *object,
              LedgerKind        kind,
              const char      **unit,
              LedgerComparator *comparator,
              LedgerBetter     *better,
              double           *target)
{
  *comparator = LEDGER_COMPARATOR_NONE;
  *better = LEDGER_BETTER_HIGHER;
  *target = 0;
  *unit = "";

  if (kind == LEDGER_KIND_QUALITATIVE)
    {
      at (reader, object, json_object_has_member (object, "target") ? "target" : "comparator");
      if (json_object_has_member (object, "target") || json_object_has_member (object, "comparator"))
        return fail (reader, _("a qualitative indicator has no target or comparator"));
      return TRUE;
    }

  if (!read_string (reader, object, "unit", TRUE, unit) ||
      !read_enum_member (reader, object, "comparator",
                         (gpointer) ledger_comparator_from_string, (int *) comparator) ||
      !read_enum_member (reader, object, "better",
                         (gpointer) ledger_better_from_string, (int *) better) ||
      !read_number (reader, object, "target", target))
    return FALSE;
  at (reader, object, "comparator");
  if (*comparator == LEDGER_COMPARATOR_NONE)
    return fail (reader, _("a measured indicator needs a comparator other than “none”"));
  return TRUE;
}

static LedgerIndicator *
read_indicator (Reader     *reader,
                JsonObject *object,
                GHashTable *uuids,
                GHashTable *codes)
{
  const char *uuid, *code, *name, *unit, *responsible_unit, *notes, *source_text;
  LedgerKind kind;
  LedgerComparator comparator;
  LedgerBetter better;
  LedgerFrequency frequency;
  double target;

  if (!check_members (reader, object, indicator_members) ||
      !read_uuid (reader, object, uuids, &uuid) ||
      !read_string (reader, object, "code", TRUE, &code) ||
      !read_string (reader, object, "name", TRUE, &name) ||
      !read_enum_member (reader, object, "kind", (gpointer) ledger_kind_from_string, (int *) &kind) ||
      !read_enum_member (reader, object, "frequency",
                         (gpointer) ledger_frequency_from_string, (int *) &frequency) ||
      !read_measure (reader, object, kind, &unit, &comparator, &better, &target) ||
      !read_string (reader, object, "responsible_unit", FALSE, &responsible_unit) ||
      !read_string (reader, object, "notes", FALSE, &notes) ||
      !read_string (reader, object, "source_text", FALSE, &source_text))
    return NULL;

  at (reader, object, "code");
  if (!ledger_indicator_code_is_valid (code))
    return fail (reader, _("the code “%s” may only hold a–z, 0–9 and “-”"), code), NULL;
  if (!g_hash_table_add (codes, g_strdup (code)))
    return fail (reader, _("the code “%s” is used twice"), code), NULL;

  return g_object_new (LEDGER_TYPE_INDICATOR,
                       "uuid", uuid, "code", code, "name", name, "unit", unit,
                       "kind", kind, "comparator", comparator, "better", better,
                       "target", target, "frequency", frequency,
                       "responsible-unit", responsible_unit, "notes", notes,
                       "source-text", source_text,
                       NULL);
}

typedef GObject *(*ReadFunc) (Reader *, JsonObject *, GHashTable *, GHashTable *);

/* Reads each object of @array with @read_child and appends it to @parent,
 * keeping reader->path pointing at the element being read. */
static gboolean
read_children (Reader     *reader,
               JsonObject *object,
               const char *member,
               LedgerNode *parent,
               ReadFunc    read_child,
               GHashTable *uuids,
               GHashTable *codes)
{
  JsonArray *array = read_array (reader, object, member, TRUE);
  gsize saved = reader->path->len;

  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GObject) child = NULL;
      JsonObject *child_object;

      g_string_append_printf (reader->path, "%s%s[%u]", saved > 0 ? "." : "", member, i);
      at (reader, object, member);
      if ((child_object = array_object (reader, array, i)) == NULL ||
          (child = read_child (reader, child_object, uuids, codes)) == NULL)
        return FALSE;
      ledger_node_append_child (parent, child);
      g_string_truncate (reader->path, saved);
    }
  return TRUE;
}

static GObject *
read_task (Reader     *reader,
           JsonObject *object,
           GHashTable *uuids,
           GHashTable *codes)
{
  g_autoptr(LedgerNode) task = NULL;
  const char *uuid, *title, *text;

  if (!check_members (reader, object, task_members) ||
      !read_uuid (reader, object, uuids, &uuid) ||
      !read_string (reader, object, "title", TRUE, &title) ||
      !read_string (reader, object, "text", FALSE, &text))
    return NULL;

  task = g_object_new (LEDGER_TYPE_TASK, "uuid", uuid, "title", title, "text", text, NULL);
  if (!read_children (reader, object, "indicators", task, (ReadFunc) read_indicator, uuids, codes))
    return NULL;
  return G_OBJECT (g_steal_pointer (&task));
}

static GObject *
read_area (Reader     *reader,
           JsonObject *object,
           GHashTable *uuids,
           GHashTable *codes)
{
  g_autoptr(LedgerNode) area = NULL;
  const char *uuid, *title, *short_title;

  if (!check_members (reader, object, area_members) ||
      !read_uuid (reader, object, uuids, &uuid) ||
      !read_string (reader, object, "title", TRUE, &title) ||
      !read_string (reader, object, "short_title", FALSE, &short_title))
    return NULL;

  area = g_object_new (LEDGER_TYPE_AREA,
                       "uuid", uuid, "title", title,
                       "short-title", short_title[0] != '\0' ? short_title : title,
                       NULL);
  if (!read_children (reader, object, "tasks", area, read_task, uuids, codes))
    return NULL;
  return G_OBJECT (g_steal_pointer (&area));
}

static GObject *
read_plan (Reader     *reader,
           JsonObject *object,
           GHashTable *uuids,
           GHashTable *plan_codes)
{
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(LedgerNode) plan = NULL;
  const char *uuid, *code, *title, *region, *source;
  int first_year, last_year;

  if (!check_members (reader, object, plan_members) ||
      !read_uuid (reader, object, uuids, &uuid) ||
      !read_string (reader, object, "code", TRUE, &code) ||
      !read_string (reader, object, "title", TRUE, &title) ||
      !read_string (reader, object, "region", FALSE, &region) ||
      !read_string (reader, object, "source", FALSE, &source) ||
      !read_year (reader, object, "first_year", &first_year) ||
      !read_year (reader, object, "last_year", &last_year))
    return NULL;

  at (reader, object, "code");
  if (!ledger_indicator_code_is_valid (code))
    return fail (reader, _("the code “%s” may only hold a–z, 0–9 and “-”"), code), NULL;
  if (!g_hash_table_add (plan_codes, g_strdup (code)))
    return fail (reader, _("the code “%s” is used twice"), code), NULL;
  at (reader, object, "last_year");
  if (last_year < first_year)
    return fail (reader, _("“last_year” is before “first_year”")), NULL;

  plan = g_object_new (LEDGER_TYPE_PLAN,
                       "uuid", uuid, "code", code, "title", title, "region", region,
                       "source", source, "first-year", first_year, "last-year", last_year,
                       NULL);
  if (!read_children (reader, object, "areas", plan, read_area, uuids, codes))
    return NULL;
  return G_OBJECT (g_steal_pointer (&plan));
}

static GPtrArray *
read_document (Reader   *reader,
               JsonNode *root)
{
  g_autoptr(GHashTable) uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(LedgerNode) holder = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  static const char *document_members[] = { "format", "plans", NULL };
  JsonObject *object;
  double format;
  GListModel *children;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return fail (reader, _("a plan file is a JSON object with “format” and “plans”")), NULL;
  object = json_node_get_object (root);
  if (!check_members (reader, object, document_members) ||
      !read_number (reader, object, "format", &format))
    return NULL;
  if (format != LEDGER_PLAN_FILE_FORMAT)
    return fail (reader, _("format %g is not supported; this version reads format %d"),
                 format, LEDGER_PLAN_FILE_FORMAT), NULL;

  /* Plans are read into a throwaway node so that read_children can be used
   * at every level. */
  holder = g_object_new (LEDGER_TYPE_NODE, NULL);
  if (!read_children (reader, object, "plans", holder, read_plan, uuids, codes))
    return NULL;

  children = ledger_node_get_children (holder);
  plans = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    g_ptr_array_add (plans, g_list_model_get_item (children, i));
  return g_steal_pointer (&plans);
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

/**
 * ledger_plan_file_parse:
 *
 * Returns: (transfer full): the plans of the file, as #LedgerPlan trees
 * without database ids, or %NULL with @error set
 */
GPtrArray *
ledger_plan_file_parse (const char  *data,
                        gssize       length,
                        GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  TopLevel top_level = { 0, 0 };
  g_autoptr(GHashTable) lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Reader reader = { NULL, error, lines, NULL, NULL };
  GPtrArray *plans;

  g_signal_connect (parser, "object-member", G_CALLBACK (object_member_cb), lines);
  g_signal_connect (parser, "object-start", G_CALLBACK (count_top_level_cb), &top_level);
  g_signal_connect (parser, "array-start", G_CALLBACK (count_top_level_cb), &top_level);
  g_signal_connect (parser, "object-end", G_CALLBACK (leave_level_cb), &top_level);
  g_signal_connect (parser, "array-end", G_CALLBACK (leave_level_cb), &top_level);
  if (json_parser_load_from_data (parser, data, length, &local_error) && top_level.values > 1)
    g_set_error_literal (&local_error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                         _("there is more than one value at the top: the file must hold one object"));
  if (local_error != NULL)
    {
      g_set_error (error, LEDGER_PLAN_FILE_ERROR, LEDGER_PLAN_FILE_ERROR_SYNTAX,
                   _("Not a valid plan file: %s"), local_error->message);
      return NULL;
    }

  reader.path = g_string_new (NULL);
  plans = read_document (&reader, json_parser_get_root (parser));
  g_string_free (reader.path, TRUE);
  return plans;
}

GPtrArray *
ledger_plan_file_load (GFile   *file,
                       GError **error)
{
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, error))
    return NULL;
  return ledger_plan_file_parse (data, length, error);
}

/* Loads one of the plan files compiled into the program, by file name. */
GPtrArray *
ledger_plan_file_load_builtin (const char  *name,
                               GError     **error)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX "/plans/", name, NULL);
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resource_lookup_data (ledger_core_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  return ledger_plan_file_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_number (JsonBuilder *builder,
            const char  *member,
            double       value)
{
  json_builder_set_member_name (builder, member);
  /* Whole numbers up to 2⁵³ are written as integers; a cast of anything
   * larger would be undefined. */
  if (fabs (value) < 9007199254740992.0 && value == floor (value))
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

static void
write_indicator (JsonBuilder     *builder,
                 LedgerIndicator *indicator)
{
  LedgerKind kind = ledger_indicator_get_kind (indicator);

  json_builder_begin_object (builder);
  add_string (builder, "uuid", ledger_indicator_get_uuid (indicator));
  add_string (builder, "code", ledger_indicator_get_code (indicator));
  add_string (builder, "name", ledger_indicator_get_name (indicator));
  add_string (builder, "kind", ledger_kind_to_string (kind));
  if (kind != LEDGER_KIND_QUALITATIVE)
    {
      add_string (builder, "unit", ledger_indicator_get_unit (indicator));
      add_string (builder, "comparator",
                  ledger_comparator_to_string (ledger_indicator_get_comparator (indicator)));
      add_string (builder, "better", ledger_better_to_string (ledger_indicator_get_better (indicator)));
      add_number (builder, "target", ledger_indicator_get_target (indicator));
    }
  add_string (builder, "frequency",
              ledger_frequency_to_string (ledger_indicator_get_frequency (indicator)));
  add_string (builder, "responsible_unit", ledger_indicator_get_responsible_unit (indicator));
  add_string (builder, "notes", ledger_indicator_get_notes (indicator));
  add_string (builder, "source_text", ledger_indicator_get_source_text (indicator));
  json_builder_end_object (builder);
}

static void write_node (JsonBuilder *builder, LedgerNode *node);

static void
write_children (JsonBuilder *builder,
                const char  *member,
                LedgerNode  *node)
{
  GListModel *children = ledger_node_get_children (node);

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(GObject) child = g_list_model_get_item (children, i);

      if (LEDGER_IS_INDICATOR (child))
        write_indicator (builder, LEDGER_INDICATOR (child));
      else
        write_node (builder, LEDGER_NODE (child));
    }
  json_builder_end_array (builder);
}

static void
write_node (JsonBuilder *builder,
            LedgerNode  *node)
{
  json_builder_begin_object (builder);
  add_string (builder, "uuid", ledger_node_get_uuid (node));
  if (LEDGER_IS_PLAN (node))
    add_string (builder, "code", ledger_plan_get_code (LEDGER_PLAN (node)));
  add_string (builder, "title", ledger_node_get_title (node));

  if (LEDGER_IS_PLAN (node))
    {
      LedgerPlan *plan = LEDGER_PLAN (node);

      add_string (builder, "region", ledger_plan_get_region (plan));
      add_number (builder, "first_year", ledger_plan_get_first_year (plan));
      add_number (builder, "last_year", ledger_plan_get_last_year (plan));
      add_string (builder, "source", ledger_plan_get_source (plan));
      write_children (builder, "areas", node);
    }
  else if (LEDGER_IS_AREA (node))
    {
      add_string (builder, "short_title", ledger_area_get_short_title (LEDGER_AREA (node)));
      write_children (builder, "tasks", node);
    }
  else
    {
      add_string (builder, "text", ledger_task_get_text (LEDGER_TASK (node)));
      write_children (builder, "indicators", node);
    }
  json_builder_end_object (builder);
}

/* The shortest text that reads back as @value: 4.3, not json-glib's
 * 4.2999999999999998, so that a plan file keeps "the number as written". */
static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];

  for (int precision = 1; precision <= 17; precision++)
    {
      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (out, buffer);
}

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *c = text; *c; c++)
    {
      switch (*c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default:
          if ((guchar) *c < 0x20)
            g_string_append_printf (out, "\\u%04x", (guchar) *c);
          else
            g_string_append_c (out, *c);
        }
    }
  g_string_append_c (out, '"');
}

static void append_node (GString *out, JsonNode *node, int depth);

static void
append_indent (GString *out,
               int      depth)
{
  g_string_append_c (out, '\n');
  for (int i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
append_object (GString    *out,
               JsonObject *object,
               int         depth)
{
  g_autoptr(GList) members = json_object_get_members (object);

  g_string_append_c (out, '{');
  for (const GList *l = members; l != NULL; l = l->next)
    {
      append_indent (out, depth + 1);
      append_string (out, l->data);
      g_string_append (out, ": ");
      append_node (out, json_object_get_member (object, l->data), depth + 1);
      if (l->next != NULL)
        g_string_append_c (out, ',');
    }
  append_indent (out, depth);
  g_string_append_c (out, '}');
}

static void
append_array (GString   *out,
              JsonArray *array,
              int        depth)
{
  guint length = json_array_get_length (array);

  g_string_append_c (out, '[');
  for (guint i = 0; i < length; i++)
    {
      append_indent (out, depth + 1);
      append_node (out, json_array_get_element (array, i), depth + 1);
      if (i + 1 < length)
        g_string_append_c (out, ',');
    }
  if (length > 0)
    append_indent (out, depth);
  g_string_append_c (out, ']');
}

static void
append_node (GString  *out,
             JsonNode *node,
             int       depth)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    append_object (out, json_node_get_object (node), depth);
  else if (JSON_NODE_HOLDS_ARRAY (node))
    append_array (out, json_node_get_array (node), depth);
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    append_string (out, json_node_get_string (node));
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
  else
    append_number (out, json_node_get_double (node));
}

/* Returns: (transfer full): @plans as a plan file, pretty-printed */
char *
ledger_plan_file_to_data (GPtrArray *plans)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GString *out = g_string_new (NULL);

  json_builder_begin_object (builder);
  add_number (builder, "format", LEDGER_PLAN_FILE_FORMAT);
  json_builder_set_member_name (builder, "plans");
  json_builder_begin_array (builder);
  for (guint i = 0; i < plans->len; i++)
    write_node (builder, g_ptr_array_index (plans, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  append_node (out, root, 0);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/* Returns: (transfer full): one indicator as the JSON object a plan file
 * holds, on one line (for the change log) */
char *
ledger_plan_file_indicator_to_json (LedgerIndicator *indicator)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), NULL);

  write_indicator (builder, indicator);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}
