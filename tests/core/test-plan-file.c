/* test-plan-file.c: reading and writing plan files (docs/plan-format.md)
 * and the built-in plans
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "ledger-area.h"
#include "ledger-model-resources.h"
#include "ledger-json.h"
#include "ledger-plan-file.h"
#include "ledger-region-target.h"
#include "ledger-task.h"
#include "test-util.h"

#define PLAN_2026 "changzhi-2026.json"
#define PLAN_15TH "changzhi-15th-five-year.json"

/* Places in tests/core/data/minimal-plan.json */
#define PLAN0 "plans[0]"
#define AREA0 PLAN0 ".areas[0]"
#define TASK0 AREA0 ".tasks[0]"
#define TASK1 AREA0 ".tasks[1]"
#define NUMERIC0 TASK0 ".indicators[0]"     /* new-urban-jobs, cumulative */
#define QUALITATIVE0 TASK1 ".indicators[0]" /* binding-targets */

/* ---- helpers ---------------------------------------------------------- */

static GPtrArray *
load_builtin (const char *name)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *plans = ledger_plan_file_load_builtin (name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plans);
  return plans;
}

static GBytes *
builtin_bytes (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX "/plans/", name, NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_resource_lookup_data (ledger_model_resources_get_resource (), path, 0, &error);

  g_assert_no_error (error);
  return bytes;
}

static JsonNode *
parse_json (const char *data,
            gssize      length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, data, length, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonNode *
load_fixture (void)
{
  g_autofree char *path = g_build_filename (CORE_TEST_DATA, "minimal-plan.json", NULL);
  g_autofree char *data = NULL;
  gsize length;

  data = test_read_file (path, &length);
  return parse_json (data, length);
}

/* The object at @place, such as "plans[0].areas[0]" ("" is the document). */
static JsonObject *
object_at (JsonNode   *root,
           const char *place)
{
  g_auto(GStrv) steps = g_strsplit (place, ".", -1);
  JsonObject *object = json_node_get_object (root);

  for (guint i = 0; place[0] != '\0' && steps[i] != NULL; i++)
    {
      const char *bracket = strchr (steps[i], '[');
      g_autofree char *member = NULL;
      guint64 index;

      g_assert_nonnull (bracket);
      member = g_strndup (steps[i], bracket - steps[i]);
      index = g_ascii_strtoull (bracket + 1, NULL, 10);
      object = json_array_get_object_element (json_object_get_array_member (object, member), index);
      g_assert_nonnull (object);
    }
  return object;
}

static char *
json_to_text (JsonNode *root)
{
  return json_to_string (root, TRUE);
}

/* Every indicator of @plans, in the order of the file. */
static GPtrArray *
all_indicators (GPtrArray *plans)
{
  GPtrArray *indicators = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint p = 0; p < plans->len; p++)
    {
      GListModel *areas = ledger_node_get_children (g_ptr_array_index (plans, p));

      for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
        {
          g_autoptr(LedgerNode) area = g_list_model_get_item (areas, a);
          GListModel *tasks = ledger_node_get_children (area);

          for (guint t = 0; t < g_list_model_get_n_items (tasks); t++)
            {
              g_autoptr(LedgerNode) task = g_list_model_get_item (tasks, t);
              GListModel *list = ledger_node_get_children (task);

              for (guint i = 0; i < g_list_model_get_n_items (list); i++)
                g_ptr_array_add (indicators, g_list_model_get_item (list, i));
            }
        }
    }
  return indicators;
}

static LedgerIndicator *
find_indicator (GPtrArray  *indicators,
                const char *code)
{
  for (guint i = 0; i < indicators->len; i++)
    {
      LedgerIndicator *indicator = g_ptr_array_index (indicators, i);

      if (g_str_equal (ledger_indicator_get_code (indicator), code))
        return indicator;
    }
  g_error ("no indicator “%s”", code);
}

static void
assert_measure (LedgerIndicator  *indicator,
                LedgerKind        kind,
                LedgerComparator  comparator,
                LedgerBetter      better,
                double            target,
                const char       *unit)
{
  g_assert_cmpint (ledger_indicator_get_kind (indicator), ==, kind);
  g_assert_cmpint (ledger_indicator_get_comparator (indicator), ==, comparator);
  g_assert_cmpint (ledger_indicator_get_better (indicator), ==, better);
  g_assert_cmpfloat_with_epsilon (ledger_indicator_get_target (indicator), target, 1e-9);
  g_assert_cmpstr (ledger_indicator_get_unit (indicator), ==, unit);
}

static LedgerNode *
child_at (LedgerNode *node,
          guint       index)
{
  g_autoptr(GObject) child = g_list_model_get_item (ledger_node_get_children (node), index);

  g_assert_nonnull (child);
  return LEDGER_NODE (child); /* the parent keeps it alive */
}

/* ---- the built-in plans ---------------------------------------------- */

static void
test_builtin_2026 (void)
{
  g_autoptr(GPtrArray) plans = load_builtin (PLAN_2026);
  g_autoptr(GPtrArray) indicators = all_indicators (plans);
  LedgerPlan *plan;
  LedgerNode *first_area;
  guint n_qualitative = 0;

  g_assert_cmpuint (plans->len, ==, 1);
  plan = g_ptr_array_index (plans, 0);
  g_assert_cmpstr (ledger_plan_get_code (plan), ==, "changzhi-2026");
  g_assert_cmpint (ledger_plan_get_first_year (plan), ==, 2026);
  g_assert_cmpint (ledger_plan_get_last_year (plan), ==, 2026);
  g_assert_true (ledger_plan_covers_year (plan, 2026));
  g_assert_false (ledger_plan_covers_year (plan, 2027));

  g_assert_cmpuint (g_list_model_get_n_items (ledger_node_get_children (LEDGER_NODE (plan))), ==, 12);
  first_area = child_at (LEDGER_NODE (plan), 0);
  g_assert_cmpstr (ledger_node_get_title (first_area), ==, "主要预期目标");
  g_assert_cmpuint (g_list_model_get_n_items (ledger_node_get_children (first_area)), ==, 7);

  /* GDP "6%左右": about, higher better; CPI "控制在2%左右": about, lower better. */
  assert_measure (find_indicator (indicators, "gdp-growth"), LEDGER_KIND_RATE,
                  LEDGER_COMPARATOR_ABOUT, LEDGER_BETTER_HIGHER, 6, "%");
  g_assert_cmpint (ledger_indicator_get_frequency (find_indicator (indicators, "gdp-growth")), ==,
                   LEDGER_FREQUENCY_QUARTERLY);
  assert_measure (find_indicator (indicators, "cpi-rise"), LEDGER_KIND_RATE,
                  LEDGER_COMPARATOR_ABOUT, LEDGER_BETTER_LOWER, 2, "%");
  /* 新增城镇就业4.3万人以上 */
  assert_measure (find_indicator (indicators, "new-urban-jobs"), LEDGER_KIND_CUMULATIVE,
                  LEDGER_COMPARATOR_AT_LEAST, LEDGER_BETTER_HIGHER, 4.3, "万人");
  g_assert_cmpint (ledger_indicator_get_kind (find_indicator (indicators, "binding-targets")), ==,
                   LEDGER_KIND_QUALITATIVE);

  /* data/plans/README.md: 48 numeric indicators and 22 qualitative tasks */
  g_assert_cmpuint (ledger_plan_count_indicators (plan), ==, indicators->len);
  g_assert_cmpuint (indicators->len, ==, 70);
  for (guint i = 0; i < indicators->len; i++)
    {
      LedgerIndicator *indicator = g_ptr_array_index (indicators, i);
      gboolean qualitative = ledger_indicator_get_kind (indicator) == LEDGER_KIND_QUALITATIVE;

      n_qualitative += qualitative;
      /* A measured indicator has a real comparator; a qualitative one none. */
      g_assert_cmpint (ledger_indicator_get_comparator (indicator) == LEDGER_COMPARATOR_NONE, ==,
                       qualitative);
      g_assert_cmpint (ledger_indicator_get_unit (indicator)[0] == '\0', ==, qualitative);
    }
  g_assert_cmpuint (n_qualitative, ==, 22);
}

/* The counts read off the report (data/plans/README.md), area by area: tasks,
 * and the numbers each task's sentences state. A task without a number is
 * one qualitative indicator.
 *   主要预期目标: 7 tasks; GDP, 固投, 社零, 一般公共预算收入, CPI, 新增城镇就业 = 6; 约束性指标
 *   1 内需: 3 tasks; 110 省重点工程, 135 重大项目; 签约项目 1000, 签约金额 2000 亿, 开工率 80% = 5
 *   2 能源: 3 tasks; 原煤 1.7 亿吨, 智能化矿井 8, 绿色开采煤矿 3, 洗煤 1 亿吨; 装机占比 43%,
 *     非常规天然气 7 亿立方米; 充电设施 2000 = 7
 *   3 产业: 5 tasks; 数字经济营收增长 15%; 开发区工业投资、规上工业增加值增速 10% = 3
 *   4 多元: 3 tasks; 两大产业链产值 30 亿 = 1
 *   5 创新: 3 tasks; 科技专项 20; 高新技术企业 30, 专精特新 15, 科技型中小企业 300 = 4
 *   6 改革: 4 tasks; 新增贷款 400 亿, 四上企业 450; 进出口、实际利用外资 20% = 4
 *   7 三农: 4 tasks; 农田 18 万亩, 粮食 25.5 亿斤; 示范村 50, 提档村 400, 公路 850;
 *     托管 60 万亩, 林下 13 万亩, 总产值 16 亿 = 8
 *   8 民生: 5 tasks; 技能人才 1.2 万; 国家级专科 1, 省级 2; 养老设施覆盖率 70% = 4
 *   9 生态: 4 tasks; PM2.5 30, 优良天数 80%, 断面水质 100%; 营造林 15 万亩, 沉陷区 1.12 万亩;
 *     绿色贷款 40 亿 = 6
 *   10 安全: 3 tasks, 11 政府: 5 tasks, all qualitative */
static void
test_builtin_2026_counts (void)
{
  static const guint tasks[] = { 7, 3, 3, 5, 3, 3, 4, 4, 5, 4, 3, 5 };
  static const guint measured[] = { 6, 5, 7, 3, 1, 4, 4, 8, 4, 6, 0, 0 };
  g_autoptr(GPtrArray) plans = load_builtin (PLAN_2026);
  g_autoptr(GPtrArray) indicators = all_indicators (plans);
  GListModel *areas = ledger_node_get_children (g_ptr_array_index (plans, 0));
  guint by_kind[LEDGER_KIND_QUALITATIVE + 1] = { 0 };

  g_assert_cmpuint (g_list_model_get_n_items (areas), ==, G_N_ELEMENTS (tasks));
  for (guint a = 0; a < G_N_ELEMENTS (tasks); a++)
    {
      g_autoptr(LedgerNode) area = g_list_model_get_item (areas, a);
      GListModel *area_tasks = ledger_node_get_children (area);
      guint n_measured = 0;

      g_assert_cmpuint (g_list_model_get_n_items (area_tasks), ==, tasks[a]);
      for (guint t = 0; t < tasks[a]; t++)
        {
          g_autoptr(LedgerNode) task = g_list_model_get_item (area_tasks, t);
          GListModel *task_indicators = ledger_node_get_children (task);

          for (guint i = 0; i < g_list_model_get_n_items (task_indicators); i++)
            {
              g_autoptr(LedgerIndicator) indicator = g_list_model_get_item (task_indicators, i);

              n_measured += ledger_indicator_get_kind (indicator) != LEDGER_KIND_QUALITATIVE;
              /* A qualitative task has exactly one, qualitative, indicator. */
              if (ledger_indicator_get_kind (indicator) == LEDGER_KIND_QUALITATIVE)
                g_assert_cmpuint (g_list_model_get_n_items (task_indicators), ==, 1);
            }
        }
      g_assert_cmpuint (n_measured, ==, measured[a]);
    }

  for (guint i = 0; i < indicators->len; i++)
    by_kind[ledger_indicator_get_kind (g_ptr_array_index (indicators, i))]++;
  /* rates: GDP, 固投, 社零, 预算收入, CPI, 数字经济营收, 开发区工业投资, 规上工业增加值,
   * 进出口, 实际利用外资; levels: 开工率, 装机占比, 养老覆盖率, PM2.5, 优良天数, 水质 */
  g_assert_cmpuint (by_kind[LEDGER_KIND_RATE], ==, 10);
  g_assert_cmpuint (by_kind[LEDGER_KIND_LEVEL], ==, 6);
  g_assert_cmpuint (by_kind[LEDGER_KIND_CUMULATIVE], ==, 32);
  g_assert_cmpuint (by_kind[LEDGER_KIND_QUALITATIVE], ==, 22);
}

static void
test_builtin_15th_five_year (void)
{
  g_autoptr(GPtrArray) plans = load_builtin (PLAN_15TH);
  g_autoptr(GPtrArray) indicators = all_indicators (plans);
  LedgerPlan *plan;

  g_assert_cmpuint (plans->len, ==, 1);
  plan = g_ptr_array_index (plans, 0);
  g_assert_cmpint (ledger_plan_get_first_year (plan), ==, 2026);
  g_assert_cmpint (ledger_plan_get_last_year (plan), ==, 2030);
  g_assert_cmpuint (indicators->len, >, 0);
  /* A plan over several years reports once a year. */
  for (guint i = 0; i < indicators->len; i++)
    g_assert_cmpint (ledger_indicator_get_frequency (g_ptr_array_index (indicators, i)), ==,
                     LEDGER_FREQUENCY_ANNUAL);
}

static gboolean
is_valid_code (const char *code)
{
  if (code[0] == '\0')
    return FALSE;
  for (const char *c = code; *c; c++)
    if (!g_ascii_islower (*c) && !g_ascii_isdigit (*c) && *c != '-')
      return FALSE;
  return TRUE;
}

/* Codes are unique in their plan and [a-z0-9-]+; UUIDs unique everywhere,
 * since they are what merges ledgers of several offices. */
static void
test_builtin_unique (void)
{
  const char *names[] = { PLAN_2026, PLAN_15TH };
  g_autoptr(GHashTable) uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autoptr(GPtrArray) plans = load_builtin (names[n]);
      g_autoptr(GPtrArray) indicators = all_indicators (plans);
      g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < indicators->len; i++)
        {
          LedgerIndicator *indicator = g_ptr_array_index (indicators, i);
          const char *code = ledger_indicator_get_code (indicator);

          if (!is_valid_code (code) || !g_hash_table_add (codes, (gpointer) code))
            g_error ("%s: the code “%s” is invalid or used twice", names[n], code);
          if (!g_hash_table_add (uuids, g_ascii_strdown (ledger_indicator_get_uuid (indicator), -1)))
            g_error ("%s: the UUID of “%s” is used twice", names[n], code);
        }
    }
}

/* Exported, parsed and exported again gives the same file; and the export
 * says what the original file says. */
static void
assert_round_trip (const char *name)
{
  g_autoptr(GPtrArray) plans = load_builtin (name);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GBytes) original = builtin_bytes (name);
  g_autoptr(JsonNode) original_root = NULL;
  g_autoptr(JsonNode) exported_root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = ledger_plan_file_to_data (plans);
  g_autofree char *second = NULL;

  again = ledger_plan_file_parse (first, -1, &error);
  g_assert_no_error (error);
  second = ledger_plan_file_to_data (again);
  g_assert_cmpstr (first, ==, second);

  original_root = parse_json (g_bytes_get_data (original, NULL), g_bytes_get_size (original));
  exported_root = parse_json (first, -1);
  if (!json_node_equal (original_root, exported_root))
    {
      g_autofree char *expected = json_to_text (original_root);

      g_assert_cmpstr (first, ==, expected);
    }
}

static void
test_round_trip (void)
{
  assert_round_trip (PLAN_2026);
  assert_round_trip (PLAN_15TH);
}

/* ---- the minimal fixture and its broken variants ---------------------- */

static GPtrArray *
parse_node (JsonNode  *root,
            GError   **error)
{
  g_autofree char *text = json_to_text (root);

  return ledger_plan_file_parse (text, -1, error);
}

static void
test_fixture (void)
{
  g_autoptr(JsonNode) root = load_fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = parse_node (root, &error);
  g_autoptr(GPtrArray) indicators = NULL;
  LedgerNode *area;

  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  indicators = all_indicators (plans);
  g_assert_cmpuint (indicators->len, ==, 2);
  assert_measure (find_indicator (indicators, "new-urban-jobs"), LEDGER_KIND_CUMULATIVE,
                  LEDGER_COMPARATOR_AT_LEAST, LEDGER_BETTER_HIGHER, 4.3, "万人");
  g_assert_cmpint (ledger_indicator_get_id (g_ptr_array_index (indicators, 0)), ==, 0);
  /* short_title defaults to the title */
  area = child_at (g_ptr_array_index (plans, 0), 0);
  g_assert_cmpstr (ledger_area_get_short_title (LEDGER_AREA (area)), ==, "主要预期目标");
}

static void
test_load_file (void)
{
  g_autofree char *path = g_build_filename (CORE_TEST_DATA, "minimal-plan.json", NULL);
  g_autofree char *missing_path = g_build_filename (CORE_TEST_DATA, "no-such-plan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_plan_file_load (file, &error);
  g_autoptr(GPtrArray) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  none = ledger_plan_file_load (missing, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_not_json (void)
{
  const char *texts[] = { "{ \"format\": 1, \"plans\": [", "format = 1", "\xff\xfe" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) plans = ledger_plan_file_parse (texts[i], -1, &error);

      g_assert_null (plans);
      g_assert_error (error, LEDGER_PLAN_FILE_ERROR, LEDGER_PLAN_FILE_ERROR_SYNTAX);
    }
}

static void
test_not_a_plan_file (void)
{
  const char *texts[] = { "[]", "42", "{}", "", "{ \"format\": 1, \"plans\": {} }" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) plans = ledger_plan_file_parse (texts[i], -1, &error);

      g_assert_null (plans);
      g_assert_nonnull (error);
      g_assert_true (error->domain == LEDGER_PLAN_FILE_ERROR);
    }
}

typedef enum
{
  SET_STRING,
  SET_NUMBER,
  REMOVE,
  EMPTY_LIST,
  COPY_FROM,  /* the same member of the object at @text */
} Change;

typedef struct
{
  const char *name;
  const char *place;
  Change      change;
  const char *member;
  const char *text;
  double      number;
  const char *fragment;  /* what the message must mention besides @place */
} BrokenCase;

static const BrokenCase broken_cases[] = {
  { "format-next", "", SET_NUMBER, "format", NULL, LEDGER_PLAN_FILE_FORMAT + 1, "format" },
  { "missing-plans", "", REMOVE, "plans", NULL, 0, "plans" },
  { "unknown-member-document", "", SET_STRING, "version", "1", 0, "version" },
  { "unknown-member-indicator", NUMERIC0, SET_STRING, "colour", "red", 0, "colour" },
  { "unknown-member-plan", PLAN0, SET_STRING, "year", "2026", 0, "year" },
  { "kind-bogus", NUMERIC0, SET_STRING, "kind", "bogus", 0, "bogus" },
  { "frequency-weekly", NUMERIC0, SET_STRING, "frequency", "weekly", 0, "weekly" },
  { "duplicate-code", QUALITATIVE0, COPY_FROM, "code", NUMERIC0, 0, "new-urban-jobs" },
  { "duplicate-uuid", TASK1, COPY_FROM, "uuid", NUMERIC0, 0, "2cfc8e0d-68ca-450f-97e8-c43c2f39a45e" },
  { "not-a-uuid", AREA0, SET_STRING, "uuid", "area-1", 0, "area-1" },
  { "missing-uuid", TASK0, REMOVE, "uuid", NULL, 0, "uuid" },
  { "invalid-code", NUMERIC0, SET_STRING, "code", "New Jobs", 0, "New Jobs" },
  { "numeric-without-target", NUMERIC0, REMOVE, "target", NULL, 0, "target" },
  { "numeric-without-unit", NUMERIC0, REMOVE, "unit", NULL, 0, "unit" },
  { "numeric-comparator-none", NUMERIC0, SET_STRING, "comparator", "none", 0, "comparator" },
  { "target-not-a-number", NUMERIC0, SET_STRING, "target", "4.3", 0, "target" },
  { "qualitative-with-target", QUALITATIVE0, SET_NUMBER, "target", NULL, 1, "target" },
  { "missing-name", NUMERIC0, REMOVE, "name", NULL, 0, "name" },
  { "task-without-indicators", TASK0, EMPTY_LIST, "indicators", NULL, 0, "indicators" },
  { "last-year-before-first", PLAN0, SET_NUMBER, "last_year", NULL, 2025, "last_year" },
  { "year-not-whole", PLAN0, SET_NUMBER, "first_year", NULL, 2026.5, "first_year" },
};

static void
apply_change (JsonNode         *root,
              const BrokenCase *broken)
{
  JsonObject *object = object_at (root, broken->place);

  switch (broken->change)
    {
    case SET_STRING:
      json_object_set_string_member (object, broken->member, broken->text);
      break;
    case SET_NUMBER:
      if (broken->number == (gint64) broken->number)
        json_object_set_int_member (object, broken->member, (gint64) broken->number);
      else
        json_object_set_double_member (object, broken->member, broken->number);
      break;
    case REMOVE:
      g_assert_true (json_object_has_member (object, broken->member));
      json_object_remove_member (object, broken->member);
      break;
    case EMPTY_LIST:
      json_object_set_array_member (object, broken->member, json_array_new ());
      break;
    case COPY_FROM:
      json_object_set_string_member (object, broken->member,
                                     json_object_get_string_member (object_at (root, broken->text),
                                                                    broken->member));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The fixture with one change is refused, and the message names the place
 * in the file and what is wrong there. */
static void
test_broken (gconstpointer data)
{
  const BrokenCase *broken = data;
  g_autoptr(JsonNode) root = load_fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;

  apply_change (root, broken);
  plans = parse_node (root, &error);
  g_assert_null (plans);
  test_assert_error_mentions (error, LEDGER_PLAN_FILE_ERROR, LEDGER_PLAN_FILE_ERROR_INVALID,
                              broken->place);
  test_assert_error_mentions (error, LEDGER_PLAN_FILE_ERROR, LEDGER_PLAN_FILE_ERROR_INVALID,
                              broken->fragment);
}

static char *
fixture_text_with (const char *find,
                   const char *replace)
{
  g_autofree char *path = g_build_filename (CORE_TEST_DATA, "minimal-plan.json", NULL);
  g_autofree char *data = test_read_file (path, NULL);
  GString *text = g_string_new (data);

  g_assert_cmpuint (g_string_replace (text, find, replace, 1), ==, 1);
  return g_string_free (text, FALSE);
}

/* What json-glib cannot be given safely is refused before it parses,
 * with the line (and column) of the file (ledger-json-check.c). */
typedef struct
{
  const char *name;
  const char *find;
  const char *replace;  /* '@' becomes a NUL byte */
  const char *fragment;
} UnsafeCase;

static const UnsafeCase unsafe_cases[] = {
  { "nul-escape", "\"新增城镇就业\"", "\"新增\\u0000就业\"", "line 18, column 27: “\\u0000”" },
  { "lone-high-surrogate", "\"新增城镇就业\"", "\"新增\\ud800就业\"", "line 18, column 27: “\\ud800”" },
  { "lone-low-surrogate", "\"新增城镇就业\"", "\"新增\\udc00就业\"", "line 18, column 27: “\\udc00”" },
  { "high-surrogate-unpaired", "\"新增城镇就业\"", "\"新增\\ud800\\u0041\"", "line 18, column 27: “\\ud800”" },
  { "octal-escape", "\"新增城镇就业\"", "\"新增\\377\"", "line 18, column 27:" },
  { "nul-byte", "\"新增城镇就业\"", "\"新增@就业\"", "line 18, column 27:" },
  { "invalid-utf8", "\"新增城镇就业\"", "\"新增\xff就业\"", "line 18, column 27:" },
  { "too-deep", "\"target\": 4.3", "\"target\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]"
    "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "line 29, column 84: lists and objects" },
};

static void
test_unsafe (gconstpointer data)
{
  const UnsafeCase *unsafe = data;
  g_autofree char *text = fixture_text_with (unsafe->find, unsafe->replace);
  gsize length = strlen (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  char *nul = strchr (text, '@');

  if (nul != NULL)
    *nul = '\0';
  plans = ledger_plan_file_parse (text, length, &error);
  g_assert_null (plans);
  test_assert_error_mentions (error, LEDGER_PLAN_FILE_ERROR, LEDGER_PLAN_FILE_ERROR_SYNTAX,
                              unsafe->fragment);
}

/* A surrogate pair is one character, and read as such. */
static void
test_surrogate_pair (void)
{
  g_autofree char *text = fixture_text_with ("\"新增城镇就业\"", "\"新增\\ud83d\\ude00就业\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_plan_file_parse (text, -1, &error);
  g_autoptr(LedgerNode) area = NULL;
  g_autoptr(LedgerNode) task = NULL;

  g_assert_no_error (error);
  area = g_list_model_get_item (ledger_node_get_children (g_ptr_array_index (plans, 0)), 0);
  task = g_list_model_get_item (ledger_node_get_children (area), 0);
  g_assert_cmpstr (ledger_node_get_title (task), ==, "新增😀就业");
}

/* What crashed the program: 200 000 "[". And a file larger than the
 * program reads, refused before it is looked into. */
static void
test_unsafe_whole (void)
{
  g_autofree char *deep = g_strnfill (200000, '[');
  gsize huge_size = LEDGER_JSON_MAX_PLAN_FILE + 1;
  g_autofree char *huge = g_malloc (huge_size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_plan_file_parse (deep, -1, &error);

  g_assert_null (plans);
  test_assert_error_mentions (error, LEDGER_PLAN_FILE_ERROR, LEDGER_PLAN_FILE_ERROR_SYNTAX,
                              "line 1, column 65:");
  g_clear_error (&error);
  memset (huge, ' ', huge_size);
  huge[0] = '{';
  huge[huge_size - 1] = '}';
  plans = ledger_plan_file_parse (huge, huge_size, &error);
  g_assert_null (plans);
  test_assert_error_mentions (error, LEDGER_PLAN_FILE_ERROR, LEDGER_PLAN_FILE_ERROR_SYNTAX,
                              "larger than 64");
}

/* A target JSON can hold but no indicator can have. Run in a subprocess:
 * building an indicator with it may log a warning, which is fatal here. */
static void
test_infinite_target (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *text = fixture_text_with ("\"target\": 4.3", "\"target\": 1e999");
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) plans = ledger_plan_file_parse (text, -1, &error);

      g_assert_null (plans);
      test_assert_error_mentions (error, LEDGER_PLAN_FILE_ERROR, LEDGER_PLAN_FILE_ERROR_INVALID,
                                  NUMERIC0);
      test_assert_error_mentions (error, LEDGER_PLAN_FILE_ERROR, LEDGER_PLAN_FILE_ERROR_INVALID,
                                  "target");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (!g_test_trap_has_passed ())
    g_test_fail_printf ("a plan file with \"target\": 1e999 was not refused cleanly");
}

/* docs/plan-format.md: target is "the number as written: 4.3 for 4.3万人";
 * an exported plan file writes it that way too. */
static void
test_export_numbers_as_written (void)
{
  g_autoptr(JsonNode) root = load_fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = parse_node (root, &error);
  g_autofree char *text = NULL;
  g_autoptr(GRegex) as_written = g_regex_new ("\"target\"\\s*:\\s*4\\.3\\s*[,}]", 0, 0, NULL);

  g_assert_no_error (error);
  text = ledger_plan_file_to_data (plans);
  g_assert_true (g_regex_match (as_written, text, 0, NULL));
}

/* Numbers are written in their shortest form that reads back the same,
 * and strings escaped: as the change log and plan files keep them. */
static void
test_json_text (void)
{
  static const struct { double value; const char *text; } numbers[] = {
    { 5.7, "5.7" }, { 0.1 + 0.2, "0.30000000000000004" }, { 1604, "1604" }, { -0.5, "-0.5" },
    { 123456789012.5, "123456789012.5" }, { 1e21, "1e+21" }, { 2.0 / 3, "0.6666666666666666" },
  };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_string_truncate (text, 0);
      ledger_json_append_number (text, numbers[i].value);
      g_assert_cmpstr (text->str, ==, numbers[i].text);
      g_assert_cmpfloat (g_ascii_strtod (text->str, NULL), ==, numbers[i].value);
    }
  g_string_truncate (text, 0);
  ledger_json_append_string (text, "上半年, \"人社局\"\n\\");
  g_assert_cmpstr (text->str, ==, "\"上半年, \\\"人社局\\\"\\n\\\\\"");
}

/* ---- format 2: how indicators are paced and read ---------------------- */

/* The minimal fixture as format 2, with @members added to its numeric
 * indicator (new-urban-jobs, cumulative, monthly) or, with @qualitative,
 * to its qualitative one (quarterly). */
static char *
fixture_2_with (const char *members,
                gboolean    qualitative)
{
  g_autofree char *path = g_build_filename (CORE_TEST_DATA, "minimal-plan.json", NULL);
  g_autofree char *data = test_read_file (path, NULL);
  g_autofree char *with = g_strconcat (qualitative ? "\"frequency\": \"quarterly\", "
                                                   : "\"responsible_unit\": \"市人社局\", ",
                                       members, NULL);
  GString *text = g_string_new (data);

  g_assert_cmpuint (g_string_replace (text, "\"format\": 1", "\"format\": 2", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, qualitative ? "\"frequency\": \"quarterly\""
                                                        : "\"responsible_unit\": \"市人社局\"",
                                      with, 1), ==, 1);
  return g_string_free (text, FALSE);
}

/* A format 1 file is read with format 2's defaults, and written as
 * the current format. */
static void
test_format_1_defaults (void)
{
  g_autoptr(JsonNode) root = load_fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = parse_node (root, &error);
  g_autoptr(GPtrArray) indicators = NULL;
  g_autofree char *written = NULL;
  LedgerIndicator *jobs;

  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "format"), ==, 1);
  indicators = all_indicators (plans);
  jobs = find_indicator (indicators, "new-urban-jobs");
  g_assert_cmpint (ledger_indicator_get_profile (jobs), ==, LEDGER_PROFILE_LINEAR);
  g_assert_cmpstr (ledger_indicator_get_custom_shares (jobs), ==, "");
  g_assert_cmpint (ledger_indicator_get_due_month (jobs), ==, 12);
  g_assert_cmpint (ledger_indicator_get_january (jobs), ==, LEDGER_JANUARY_COMBINED);
  g_assert_cmpint (ledger_indicator_get_commitment (jobs), ==, LEDGER_COMMITMENT_NONE);
  g_assert_false (ledger_indicator_get_unit_confirmed (jobs));

  written = ledger_plan_file_to_data (plans);
  g_assert_nonnull (strstr (written, "\"format\": " G_STRINGIFY (LEDGER_PLAN_FILE_FORMAT)));
  g_assert_null (strstr (written, "\"profile\""));
  g_assert_null (strstr (written, "\"january\""));
}

/* Every new member is read, and written back as it was. */
static void
test_format_2_round_trip (void)
{
  struct {
    const char       *members;
    LedgerProfile     profile;
    const char       *shares;
    int               due_month;
    LedgerJanuary     january;
    LedgerCommitment  commitment;
    gboolean          confirmed;
    const char       *written;   /* what the file holds again */
  } cases[] = {
    { "\"profile\": \"custom\", \"custom_shares\": {\"9\": 70, \"3\": 12.5}, \"january\": \"separate\", "
      "\"commitment\": \"firm\", \"unit_confirmed\": true",
      LEDGER_PROFILE_CUSTOM, "3:12.5,9:70", 12, LEDGER_JANUARY_SEPARATE, LEDGER_COMMITMENT_FIRM, TRUE,
      "\"custom_shares\": {\n" },
    { "\"profile\": \"milestone\", \"due_month\": 6, \"commitment\": \"strive\"",
      LEDGER_PROFILE_MILESTONE, "", 6, LEDGER_JANUARY_COMBINED, LEDGER_COMMITMENT_STRIVE, FALSE,
      "\"due_month\": 6" },
    { "\"profile\": \"seasonal\", \"january\": \"combined\", \"unit_confirmed\": false",
      LEDGER_PROFILE_SEASONAL, "", 12, LEDGER_JANUARY_COMBINED, LEDGER_COMMITMENT_NONE, FALSE,
      "\"profile\": \"seasonal\"" },
    { "\"profile\": \"year_end\"",
      LEDGER_PROFILE_YEAR_END, "", 12, LEDGER_JANUARY_COMBINED, LEDGER_COMMITMENT_NONE, FALSE,
      "\"profile\": \"year_end\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = fixture_2_with (cases[i].members, FALSE);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) plans = ledger_plan_file_parse (text, -1, &error);
      g_autoptr(GPtrArray) again = NULL;
      g_autoptr(GPtrArray) indicators = NULL;
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;
      LedgerIndicator *jobs;

      g_assert_no_error (error);
      indicators = all_indicators (plans);
      jobs = find_indicator (indicators, "new-urban-jobs");
      g_assert_cmpint (ledger_indicator_get_profile (jobs), ==, cases[i].profile);
      g_assert_cmpstr (ledger_indicator_get_custom_shares (jobs), ==, cases[i].shares);
      g_assert_cmpint (ledger_indicator_get_due_month (jobs), ==, cases[i].due_month);
      g_assert_cmpint (ledger_indicator_get_january (jobs), ==, cases[i].january);
      g_assert_cmpint (ledger_indicator_get_commitment (jobs), ==, cases[i].commitment);
      g_assert_cmpint (ledger_indicator_get_unit_confirmed (jobs), ==, cases[i].confirmed);

      first = ledger_plan_file_to_data (plans);
      g_assert_nonnull (strstr (first, cases[i].written));
      again = ledger_plan_file_parse (first, -1, &error);
      g_assert_no_error (error);
      second = ledger_plan_file_to_data (again);
      g_assert_cmpstr (first, ==, second);
    }
}

/* Format 2's members are checked like the others: the message names the
 * indicator and what is wrong. Format 1 knows none of them. */
static void
test_format_2_refused (void)
{
  const struct {
    const char *members;
    gboolean    qualitative;
    const char *fragment;
  } cases[] = {
    { "\"profile\": \"weekly\"", FALSE, "weekly" },
    { "\"profile\": \"custom\"", FALSE, "custom_shares" },
    { "\"custom_shares\": {\"6\": 50}", FALSE, "custom_shares" },
    { "\"profile\": \"custom\", \"custom_shares\": \"6:50\"", FALSE, "custom_shares" },
    { "\"profile\": \"custom\", \"custom_shares\": {\"3\": 60, \"6\": 50}", FALSE, "custom_shares" },
    { "\"profile\": \"custom\", \"custom_shares\": {\"12\": 90}", FALSE, "custom_shares" },
    { "\"profile\": \"custom\", \"custom_shares\": {\"13\": 90}", FALSE, "custom_shares" },
    { "\"profile\": \"custom\", \"custom_shares\": {\"6\": \"50\"}", FALSE, "6" },
    { "\"profile\": \"custom\", \"custom_shares\": {}", FALSE, "custom_shares" },
    { "\"due_month\": 6", FALSE, "due_month" },
    { "\"profile\": \"milestone\", \"due_month\": 6.5", FALSE, "due_month" },
    { "\"profile\": \"milestone\", \"due_month\": 0", FALSE, "due_month" },
    { "\"january\": \"alone\"", FALSE, "alone" },
    { "\"commitment\": \"maybe\"", FALSE, "maybe" },
    { "\"unit_confirmed\": \"yes\"", FALSE, "unit_confirmed" },
    { "\"colour\": 1", FALSE, "colour" },
    { "\"profile\": \"seasonal\"", TRUE, "seasonal" },
    { "\"profile\": \"year_end\"", TRUE, "year_end" },
    { "\"january\": \"separate\"", TRUE, "January" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = fixture_2_with (cases[i].members, cases[i].qualitative);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) plans = ledger_plan_file_parse (text, -1, &error);
      const char *place = cases[i].qualitative ? QUALITATIVE0 : NUMERIC0;

      if (plans != NULL)
        {
          test_fail_and_go_on ("%s: read, expected refused", cases[i].members);
          continue;
        }
      g_assert_error (error, LEDGER_PLAN_FILE_ERROR, LEDGER_PLAN_FILE_ERROR_INVALID);
      if (strstr (error->message, place) == NULL || strstr (error->message, cases[i].fragment) == NULL)
        test_fail_and_go_on ("%s: “%s” does not name %s and %s", cases[i].members, error->message,
                             place, cases[i].fragment);
    }
}

/* A rate is judged against its target and a level has no shares of it;
 * format 1 has no profile. */
static void
test_format_2_refused_by_kind (void)
{
  const struct { const char *find; const char *replace; const char *fragment; } cases[] = {
    { "\"kind\": \"cumulative\"", "\"kind\": \"rate\", \"profile\": \"seasonal\"", "seasonal" },
    { "\"kind\": \"cumulative\"", "\"kind\": \"level\", \"profile\": \"custom\", "
      "\"custom_shares\": {\"6\": 50}", "custom" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *format_2 = fixture_text_with ("\"format\": 1", "\"format\": 2");
      GString *text = g_string_new (format_2);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) plans = NULL;

      g_assert_cmpuint (g_string_replace (text, cases[i].find, cases[i].replace, 1), ==, 1);
      plans = ledger_plan_file_parse (text->str, -1, &error);
      g_string_free (text, TRUE);
      g_assert_null (plans);
      test_assert_error_mentions (error, LEDGER_PLAN_FILE_ERROR, LEDGER_PLAN_FILE_ERROR_INVALID,
                                  cases[i].fragment);
    }

  {
    g_autofree char *text = fixture_text_with ("\"frequency\": \"monthly\"",
                                               "\"frequency\": \"monthly\", \"profile\": \"linear\"");
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) plans = ledger_plan_file_parse (text, -1, &error);

    g_assert_null (plans);
    test_assert_error_mentions (error, LEDGER_PLAN_FILE_ERROR, LEDGER_PLAN_FILE_ERROR_INVALID,
                                "profile");
  }
}

/* The built-in plan's pace profiles, January rules, frequencies and
 * commitments, each beside the report's words it is read from. An
 * indicator not in the table is paced by months, released with February
 * in January, and its target neither 确保 nor 力争. */
static const struct {
  const char       *code;
  const char       *words;        /* the seed's words */
  LedgerProfile     profile;
  const char       *shares;       /* custom shares, or "" */
  LedgerJanuary     january;
  LedgerFrequency   frequency;
  LedgerCommitment  commitment;
  LedgerBetter      better;
} builtin_schedules[] = {
  { "signed-projects-start-rate", "签约项目当年开工率达到80%以上",
    LEDGER_PROFILE_YEAR_END, "", LEDGER_JANUARY_COMBINED, LEDGER_FREQUENCY_MONTHLY,
    LEDGER_COMMITMENT_NONE, LEDGER_BETTER_HIGHER },
  { "community-elderly-care-coverage", "城市社区嵌入式养老设施覆盖率达到70%以上",
    LEDGER_PROFILE_YEAR_END, "", LEDGER_JANUARY_COMBINED, LEDGER_FREQUENCY_QUARTERLY,
    LEDGER_COMMITMENT_NONE, LEDGER_BETTER_HIGHER },
  { "national-key-clinical-specialties", "争创1个国家级、2个省级临床重点专科",
    LEDGER_PROFILE_MILESTONE, "", LEDGER_JANUARY_COMBINED, LEDGER_FREQUENCY_QUARTERLY,
    LEDGER_COMMITMENT_STRIVE, LEDGER_BETTER_HIGHER },
  { "provincial-key-clinical-specialties", "争创1个国家级、2个省级临床重点专科",
    LEDGER_PROFILE_MILESTONE, "", LEDGER_JANUARY_COMBINED, LEDGER_FREQUENCY_QUARTERLY,
    LEDGER_COMMITMENT_STRIVE, LEDGER_BETTER_HIGHER },
  { "new-high-tech-enterprises", "新认定国家高新技术企业30家以上",
    LEDGER_PROFILE_CUSTOM, "6:5,9:30", LEDGER_JANUARY_COMBINED, LEDGER_FREQUENCY_QUARTERLY,
    LEDGER_COMMITMENT_NONE, LEDGER_BETTER_HIGHER },
  { "new-high-standard-farmland", "新建高标准农田和水浇地18万亩",
    LEDGER_PROFILE_CUSTOM, "6:20,9:30", LEDGER_JANUARY_COMBINED, LEDGER_FREQUENCY_QUARTERLY,
    LEDGER_COMMITMENT_NONE, LEDGER_BETTER_HIGHER },
  { "pm25", "力争PM2.5浓度控制在30微克以下",
    LEDGER_PROFILE_SEASONAL, "", LEDGER_JANUARY_SEPARATE, LEDGER_FREQUENCY_MONTHLY,
    LEDGER_COMMITMENT_STRIVE, LEDGER_BETTER_LOWER },
  { "good-air-days-ratio", "优良天数比例稳定达到80%以上",
    LEDGER_PROFILE_SEASONAL, "", LEDGER_JANUARY_SEPARATE, LEDGER_FREQUENCY_MONTHLY,
    LEDGER_COMMITMENT_NONE, LEDGER_BETTER_HIGHER },
  { "water-quality-good-ratio", "力争国省控断面水质优良率达到100%",
    LEDGER_PROFILE_LINEAR, "", LEDGER_JANUARY_SEPARATE, LEDGER_FREQUENCY_MONTHLY,
    LEDGER_COMMITMENT_STRIVE, LEDGER_BETTER_HIGHER },
  { "cpi-rise", "居民消费价格涨幅控制在2%左右",
    LEDGER_PROFILE_LINEAR, "", LEDGER_JANUARY_SEPARATE, LEDGER_FREQUENCY_MONTHLY,
    LEDGER_COMMITMENT_NONE, LEDGER_BETTER_LOWER },
  { "new-loans", "全年新增贷款400亿元以上",
    LEDGER_PROFILE_LINEAR, "", LEDGER_JANUARY_SEPARATE, LEDGER_FREQUENCY_MONTHLY,
    LEDGER_COMMITMENT_NONE, LEDGER_BETTER_HIGHER },
  { "new-urban-jobs", "新增城镇就业4.3万以上",
    LEDGER_PROFILE_LINEAR, "", LEDGER_JANUARY_SEPARATE, LEDGER_FREQUENCY_MONTHLY,
    LEDGER_COMMITMENT_NONE, LEDGER_BETTER_HIGHER },
  { "new-green-loans", "新增绿色贷款40亿元以上",
    LEDGER_PROFILE_LINEAR, "", LEDGER_JANUARY_COMBINED, LEDGER_FREQUENCY_QUARTERLY,
    LEDGER_COMMITMENT_NONE, LEDGER_BETTER_HIGHER },
  { "raw-coal-output", "全市原煤产量稳定在1.7亿吨左右",
    LEDGER_PROFILE_LINEAR, "", LEDGER_JANUARY_COMBINED, LEDGER_FREQUENCY_MONTHLY,
    LEDGER_COMMITMENT_NONE, LEDGER_BETTER_NONE },
  { "foreign-trade-growth", "力争进出口总额、实际利用外资均增长20%以上",
    LEDGER_PROFILE_LINEAR, "", LEDGER_JANUARY_COMBINED, LEDGER_FREQUENCY_MONTHLY,
    LEDGER_COMMITMENT_STRIVE, LEDGER_BETTER_HIGHER },
  { "fdi-growth", "力争进出口总额、实际利用外资均增长20%以上",
    LEDGER_PROFILE_LINEAR, "", LEDGER_JANUARY_COMBINED, LEDGER_FREQUENCY_MONTHLY,
    LEDGER_COMMITMENT_STRIVE, LEDGER_BETTER_HIGHER },
  { "grain-output", "确保粮食产量达到25.5亿斤以上",
    LEDGER_PROFILE_LINEAR, "", LEDGER_JANUARY_COMBINED, LEDGER_FREQUENCY_ANNUAL,
    LEDGER_COMMITMENT_FIRM, LEDGER_BETTER_HIGHER },
  { "binding-targets", "约束性指标不折不扣完成省下达的目标任务",
    LEDGER_PROFILE_LINEAR, "", LEDGER_JANUARY_COMBINED, LEDGER_FREQUENCY_QUARTERLY,
    LEDGER_COMMITMENT_FIRM, LEDGER_BETTER_HIGHER },
};

static void
check_builtin_schedule (LedgerIndicator *indicator,
                        guint            row)
{
  const char *code = ledger_indicator_get_code (indicator);

  if (!strstr (ledger_indicator_get_source_text (indicator), builtin_schedules[row].words) &&
      !strstr (builtin_schedules[row].words, ledger_indicator_get_source_text (indicator)))
    test_fail_and_go_on ("%s: the report says “%s”, not “%s”", code,
                         ledger_indicator_get_source_text (indicator), builtin_schedules[row].words);
  if (ledger_indicator_get_profile (indicator) != builtin_schedules[row].profile ||
      g_strcmp0 (ledger_indicator_get_custom_shares (indicator), builtin_schedules[row].shares) != 0 ||
      ledger_indicator_get_january (indicator) != builtin_schedules[row].january ||
      ledger_indicator_get_frequency (indicator) != builtin_schedules[row].frequency ||
      ledger_indicator_get_commitment (indicator) != builtin_schedules[row].commitment ||
      ledger_indicator_get_better (indicator) != builtin_schedules[row].better)
    test_fail_and_go_on ("%s: %s “%s”, %s January, %s, %s, better %s; the table has %s “%s”, %s, %s, %s, %s",
                         code, ledger_profile_to_string (ledger_indicator_get_profile (indicator)),
                         ledger_indicator_get_custom_shares (indicator),
                         ledger_january_to_string (ledger_indicator_get_january (indicator)),
                         ledger_frequency_to_string (ledger_indicator_get_frequency (indicator)),
                         ledger_commitment_to_string (ledger_indicator_get_commitment (indicator)),
                         ledger_better_to_string (ledger_indicator_get_better (indicator)),
                         ledger_profile_to_string (builtin_schedules[row].profile),
                         builtin_schedules[row].shares,
                         ledger_january_to_string (builtin_schedules[row].january),
                         ledger_frequency_to_string (builtin_schedules[row].frequency),
                         ledger_commitment_to_string (builtin_schedules[row].commitment),
                         ledger_better_to_string (builtin_schedules[row].better));
  /* A judgment says why in the indicator's notes. */
  if (builtin_schedules[row].profile != LEDGER_PROFILE_LINEAR &&
      ledger_indicator_get_notes (indicator)[0] == '\0')
    test_fail_and_go_on ("%s: no note says why it is %s", code,
                         ledger_profile_to_string (builtin_schedules[row].profile));
}

static void
test_builtin_schedules (void)
{
  g_autoptr(GPtrArray) plans = load_builtin (PLAN_2026);
  g_autoptr(GPtrArray) indicators = all_indicators (plans);
  g_autoptr(GPtrArray) fifteenth = load_builtin (PLAN_15TH);
  g_autoptr(GPtrArray) goals = all_indicators (fifteenth);
  guint found = 0;

  for (guint i = 0; i < indicators->len; i++)
    {
      LedgerIndicator *indicator = g_ptr_array_index (indicators, i);
      const char *code = ledger_indicator_get_code (indicator);
      guint row;

      /* The report names no responsible unit: each is the office's to confirm. */
      if (ledger_indicator_get_unit_confirmed (indicator))
        test_fail_and_go_on ("%s: its responsible unit is marked confirmed", code);
      for (row = 0; row < G_N_ELEMENTS (builtin_schedules); row++)
        if (g_str_equal (builtin_schedules[row].code, code))
          break;
      if (row < G_N_ELEMENTS (builtin_schedules))
        {
          check_builtin_schedule (indicator, row);
          found++;
        }
      else if (ledger_indicator_get_profile (indicator) != LEDGER_PROFILE_LINEAR ||
               ledger_indicator_get_january (indicator) != LEDGER_JANUARY_COMBINED ||
               ledger_indicator_get_commitment (indicator) != LEDGER_COMMITMENT_NONE ||
               ledger_indicator_get_better (indicator) == LEDGER_BETTER_NONE)
        test_fail_and_go_on ("%s: not in the table, but not linear, combined and uncommitted", code);
    }
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (builtin_schedules));

  for (guint i = 0; i < goals->len; i++)
    {
      LedgerIndicator *goal = g_ptr_array_index (goals, i);

      g_assert_false (ledger_indicator_get_unit_confirmed (goal));
      g_assert_cmpint (ledger_indicator_get_profile (goal), ==, LEDGER_PROFILE_LINEAR);
    }
}

/* ---- regions (docs/regions.md) ----------------------------------------- */

static char *
regions_fixture_text_with (const char *find,
                           const char *replace)
{
  g_autofree char *path = g_build_filename (CORE_TEST_DATA, "regions-plan.json", NULL);
  g_autofree char *data = test_read_file (path, NULL);
  GString *text = g_string_new (data);

  if (find != NULL)
    g_assert_cmpuint (g_string_replace (text, find, replace, 1), ==, 1);
  return g_string_free (text, FALSE);
}

static GPtrArray *
parse_regions_fixture (void)
{
  g_autofree char *text = regions_fixture_text_with (NULL, NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *plans = ledger_plan_file_parse (text, -1, &error);

  g_assert_no_error (error);
  return plans;
}

static void
assert_region (GPtrArray        *regions,
               guint             index,
               const char       *code,
               const char       *name,
               LedgerRegionKind  kind,
               gboolean          in_total)
{
  LedgerRegion *region = g_ptr_array_index (regions, index);

  g_assert_cmpstr (region->code, ==, code);
  g_assert_cmpstr (region->name, ==, name);
  g_assert_cmpint (region->kind, ==, kind);
  g_assert_cmpint (region->in_total, ==, in_total);
}

/* tests/core/data/regions-plan.json: three regions, in their order; a
 * zone is not in the total unless it says so; new-urban-jobs split to
 * two of them (1.2 + 0.8 of 4.3 万人), gdp-growth to one (6.5 %). */
static void
test_regions_read (void)
{
  g_autoptr(GPtrArray) plans = parse_regions_fixture ();
  g_autoptr(GPtrArray) indicators = all_indicators (plans);
  LedgerPlan *plan = g_ptr_array_index (plans, 0);
  GPtrArray *regions = ledger_plan_get_regions (plan);
  GPtrArray *jobs = ledger_indicator_get_region_targets (find_indicator (indicators, "new-urban-jobs"));
  GPtrArray *gdp = ledger_indicator_get_region_targets (find_indicator (indicators, "gdp-growth"));

  g_assert_cmpuint (regions->len, ==, 3);
  assert_region (regions, 0, "140403", "潞州区", LEDGER_REGION_COUNTY, TRUE);
  assert_region (regions, 1, "140404", "上党区", LEDGER_REGION_COUNTY, TRUE);
  assert_region (regions, 2, "gxq", "长治高新区", LEDGER_REGION_ZONE, FALSE);
  g_assert_true (isnan (((LedgerRegion *) g_ptr_array_index (regions, 0))->weight));
  g_assert_cmpfloat (((LedgerRegion *) g_ptr_array_index (regions, 1))->weight, ==, 2);
  g_assert_null (ledger_plan_get_for_region (plan));

  g_assert_cmpuint (jobs->len, ==, 2);
  g_assert_cmpfloat (ledger_region_targets_lookup (jobs, "140403"), ==, 1.2);
  g_assert_cmpfloat (ledger_region_targets_lookup (jobs, "140404"), ==, 0.8);
  g_assert_true (isnan (ledger_region_targets_lookup (jobs, "gxq")));
  g_assert_cmpuint (gdp->len, ==, 1);
  g_assert_cmpfloat (ledger_region_targets_lookup (gdp, "140403"), ==, 6.5);
  g_assert_cmpuint (ledger_indicator_get_region_targets (find_indicator (indicators, "binding-targets"))->len,
                    ==, 0);
}

/* Written and read back, the regions, a zone counted in the total, the
 * split targets and a county's "for_region" come through. */
static void
test_regions_round_trip (void)
{
  g_autoptr(GPtrArray) plans = parse_regions_fixture ();
  LedgerPlan *plan = g_ptr_array_index (plans, 0);
  g_autoptr(LedgerRegion) county = ledger_region_new ("140403", "潞州区", LEDGER_REGION_COUNTY);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GPtrArray *regions;

  ((LedgerRegion *) g_ptr_array_index (ledger_plan_get_regions (plan), 2))->in_total = TRUE;
  ledger_plan_set_for_region (plan, county);
  first = ledger_plan_file_to_data (plans);
  again = ledger_plan_file_parse (first, -1, &error);
  g_assert_no_error (error);
  second = ledger_plan_file_to_data (again);
  g_assert_cmpstr (first, ==, second);

  plan = g_ptr_array_index (again, 0);
  regions = ledger_plan_get_regions (plan);
  g_assert_cmpuint (regions->len, ==, 3);
  assert_region (regions, 2, "gxq", "长治高新区", LEDGER_REGION_ZONE, TRUE);
  g_assert_cmpfloat (((LedgerRegion *) g_ptr_array_index (regions, 1))->weight, ==, 2);
  g_assert_cmpstr (ledger_plan_get_for_region (plan)->code, ==, "140403");
  g_assert_cmpstr (ledger_plan_get_for_region (plan)->name, ==, "潞州区");
  indicators = all_indicators (again);
  g_assert_cmpfloat (ledger_region_targets_lookup (ledger_indicator_get_region_targets (
                       find_indicator (indicators, "new-urban-jobs")), "140404"), ==, 0.8);
  /* A county's defaults are not written: in_total only where it differs. */
  g_assert_null (strstr (first, "\"in_total\": false"));
  g_assert_nonnull (strstr (first, "\"in_total\": true"));
}

/* The 2026 report's 13 regions: 12 districts and counties in the city's
 * total, 长治高新区 a zone beside them; the report splits no target. */
static void
test_builtin_regions (void)
{
  static const char *codes[] = { "140403", "140404", "140405", "140406", "140423", "140425", "140426",
                                 "140427", "140428", "140429", "140430", "140431", "gxq" };
  g_autoptr(GPtrArray) plans = load_builtin (PLAN_2026);
  g_autoptr(GPtrArray) indicators = all_indicators (plans);
  GPtrArray *regions = ledger_plan_get_regions (g_ptr_array_index (plans, 0));
  guint n_in_total = 0;

  g_assert_cmpuint (regions->len, ==, G_N_ELEMENTS (codes));
  for (guint i = 0; i < regions->len; i++)
    {
      LedgerRegion *region = g_ptr_array_index (regions, i);

      g_assert_cmpstr (region->code, ==, codes[i]);
      n_in_total += region->in_total;
    }
  g_assert_cmpuint (n_in_total, ==, 12);
  assert_region (regions, 0, "140403", "潞州区", LEDGER_REGION_COUNTY, TRUE);
  assert_region (regions, 11, "140431", "沁源县", LEDGER_REGION_COUNTY, TRUE);
  assert_region (regions, 12, "gxq", "长治高新区", LEDGER_REGION_ZONE, FALSE);
  for (guint i = 0; i < indicators->len; i++)
    g_assert_cmpuint (ledger_indicator_get_region_targets (g_ptr_array_index (indicators, i))->len, ==, 0);
  g_assert_null (ledger_plan_get_for_region (g_ptr_array_index (plans, 0)));
}

typedef struct
{
  const char *name;
  const char *find;
  const char *replace;
  const char *fragment;  /* what the message must mention */
} RegionCase;

#define FIRST_REGION "plans[0].regions[0]"
#define JOBS "plans[0].areas[0].tasks[0].indicators[0]"

static const RegionCase region_cases[] = {
  { "target-of-unknown-region", "\"140404\": 0.8", "\"999999\": 0.8", JOBS ": “999999” in “region_targets”" },
  { "target-not-a-number", "\"140403\": 1.2", "\"140403\": \"1.2\"", "“140403” must be a number" },
  { "region-code-twice", "\"code\": \"140404\"", "\"code\": \"140403\"", "plans[0].regions[1]: the region code “140403” is used twice" },
  { "region-name-twice", "\"name\": \"上党区\"", "\"name\": \"潞州区\"", "the region name “潞州区” is used twice" },
  { "region-code-invalid", "\"code\": \"gxq\"", "\"code\": \"高新 区\"", "“高新 区”" },
  { "region-kind-bogus", "\"kind\": \"zone\"", "\"kind\": \"city\"", "“city” is not a valid kind" },
  { "region-without-kind", ",\n          \"kind\": \"zone\"", "", "“kind”" },
  { "region-unknown-member", "\"kind\": \"county\"", "\"kind\": \"county\", \"colour\": 1", FIRST_REGION ": " },
  { "region-weight-negative", "\"weight\": 2", "\"weight\": -2", "“weight” must not be negative" },
  { "region-in-total-text", "\"kind\": \"county\"", "\"kind\": \"county\", \"in_total\": \"yes\"", "“in_total” must be true or false" },
  { "regions-in-format-2", "\"format\": 3", "\"format\": 2", "regions" },
  { "qualitative-split", "\"kind\": \"qualitative\",", "\"kind\": \"qualitative\", \"region_targets\": {\"140403\": 1},",
    "a qualitative indicator has no region targets" },
  { "for-region-code-invalid", "\"region\": \"测试市\",", "\"region\": \"测试市\", \"for_region\": {\"code\": \"a b\", \"name\": \"x\"},",
    "“a b”" },
  { "for-region-without-name", "\"region\": \"测试市\",", "\"region\": \"测试市\", \"for_region\": {\"code\": \"140403\"},",
    "“name”" },
  { "for-region-not-object", "\"region\": \"测试市\",", "\"region\": \"测试市\", \"for_region\": \"140403\",",
    "“for_region” must be an object" },
};

static void
test_regions_refused (gconstpointer data)
{
  const RegionCase *broken = data;
  g_autofree char *text = regions_fixture_text_with (broken->find, broken->replace);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_plan_file_parse (text, -1, &error);

  g_assert_null (plans);
  test_assert_error_mentions (error, LEDGER_PLAN_FILE_ERROR, LEDGER_PLAN_FILE_ERROR_INVALID, broken->fragment);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/plan-file/json-text", test_json_text);
  g_test_add_func ("/plan-file/builtin/2026", test_builtin_2026);
  g_test_add_func ("/plan-file/builtin/2026-counts", test_builtin_2026_counts);
  g_test_add_func ("/plan-file/builtin/15th-five-year", test_builtin_15th_five_year);
  g_test_add_func ("/plan-file/builtin/unique", test_builtin_unique);
  g_test_add_func ("/plan-file/round-trip", test_round_trip);
  g_test_add_func ("/plan-file/format-1/defaults", test_format_1_defaults);
  g_test_add_func ("/plan-file/builtin/schedules", test_builtin_schedules);
  g_test_add_func ("/plan-file/format-2/round-trip", test_format_2_round_trip);
  g_test_add_func ("/plan-file/format-2/refused", test_format_2_refused);
  g_test_add_func ("/plan-file/format-2/refused-by-kind", test_format_2_refused_by_kind);
  g_test_add_func ("/plan-file/fixture", test_fixture);
  g_test_add_func ("/plan-file/load-file", test_load_file);
  g_test_add_func ("/plan-file/export/numbers-as-written", test_export_numbers_as_written);
  g_test_add_func ("/plan-file/refused/not-json", test_not_json);
  g_test_add_func ("/plan-file/refused/target-infinite", test_infinite_target);
  g_test_add_func ("/plan-file/refused/not-a-plan-file", test_not_a_plan_file);
  g_test_add_func ("/plan-file/refused/unsafe-whole", test_unsafe_whole);
  g_test_add_func ("/plan-file/surrogate-pair", test_surrogate_pair);
  g_test_add_func ("/plan-file/regions/read", test_regions_read);
  g_test_add_func ("/plan-file/regions/round-trip", test_regions_round_trip);
  g_test_add_func ("/plan-file/builtin/regions", test_builtin_regions);
  for (guint i = 0; i < G_N_ELEMENTS (region_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/plan-file/regions/refused/", region_cases[i].name, NULL);

      g_test_add_data_func (path, &region_cases[i], test_regions_refused);
    }
  for (guint i = 0; i < G_N_ELEMENTS (unsafe_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/plan-file/refused/", unsafe_cases[i].name, NULL);

      g_test_add_data_func (path, &unsafe_cases[i], test_unsafe);
    }
  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/plan-file/refused/", broken_cases[i].name, NULL);

      g_test_add_data_func (path, &broken_cases[i], test_broken);
    }

  return g_test_run ();
}
