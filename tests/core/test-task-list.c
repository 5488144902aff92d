/* test-task-list.c: a 清单 read from a sheet into a plan: the header, the
 * columns, the target and deadline words, the refused rows
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <xlsxwriter.h>

#include "ledger-area.h"
#include "ledger-deadline.h"
#include "ledger-names.h"
#include "ledger-plan-file.h"
#include "ledger-target-text.h"
#include "ledger-task-list.h"
#include "ledger-task.h"
#include "test-util.h"

typedef struct
{
  const char       *text;
  gboolean          has_number;
  double            number;
  const char       *unit;
  LedgerComparator  comparator;
  LedgerCommitment  commitment;
  LedgerKind        kind;
} TargetCase;

static const TargetCase target_cases[] = {
  { "地区生产总值增长6%左右", TRUE, 6, "%", LEDGER_COMPARATOR_ABOUT, LEDGER_COMMITMENT_NONE, LEDGER_KIND_RATE },
  { "新增城镇就业4.3万人以上", TRUE, 4.3, "万人", LEDGER_COMPARATOR_AT_LEAST, LEDGER_COMMITMENT_NONE,
    LEDGER_KIND_CUMULATIVE },
  { "新增城镇就业４．３万人以上", TRUE, 4.3, "万人", LEDGER_COMPARATOR_AT_LEAST, LEDGER_COMMITMENT_NONE,
    LEDGER_KIND_CUMULATIVE },
  { "建设5G基站2000个以上", TRUE, 2000, "个", LEDGER_COMPARATOR_AT_LEAST, LEDGER_COMMITMENT_NONE,
    LEDGER_KIND_CUMULATIVE },
  { "确保粮食产量不低于１，２００万吨", TRUE, 1200, "万吨", LEDGER_COMPARATOR_AT_LEAST, LEDGER_COMMITMENT_FIRM,
    LEDGER_KIND_CUMULATIVE },
  { "力争城镇化率达到60%", TRUE, 60, "%", LEDGER_COMPARATOR_AT_LEAST, LEDGER_COMMITMENT_STRIVE,
    LEDGER_KIND_LEVEL },
  { "PM2.5浓度控制在30微克/立方米以内", TRUE, 30, "微克/立方米", LEDGER_COMPARATOR_AT_MOST,
    LEDGER_COMMITMENT_NONE, LEDGER_KIND_LEVEL },
  { "单位GDP能耗下降3%以下", TRUE, 3, "%", LEDGER_COMPARATOR_AT_MOST, LEDGER_COMMITMENT_NONE, LEDGER_KIND_RATE },
  { "城镇调查失业率5.5%以内", TRUE, 5.5, "%", LEDGER_COMPARATOR_AT_MOST, LEDGER_COMMITMENT_NONE,
    LEDGER_KIND_LEVEL },
  { "原煤产量稳定在1.7亿吨左右", TRUE, 1.7, "亿吨", LEDGER_COMPARATOR_ABOUT, LEDGER_COMMITMENT_NONE,
    LEDGER_KIND_LEVEL },
  { "不超过50亿元", TRUE, 50, "亿元", LEDGER_COMPARATOR_AT_MOST, LEDGER_COMMITMENT_NONE, LEDGER_KIND_CUMULATIVE },
  { "不少于12场", TRUE, 12, "场", LEDGER_COMPARATOR_AT_LEAST, LEDGER_COMMITMENT_NONE, LEDGER_KIND_CUMULATIVE },
  { "2026年完成投资100亿元", TRUE, 100, "亿元", LEDGER_COMPARATOR_AT_LEAST, LEDGER_COMMITMENT_NONE,
    LEDGER_KIND_CUMULATIVE },
  { "增长6%-7%", TRUE, 6, "%", LEDGER_COMPARATOR_AT_LEAST, LEDGER_COMMITMENT_NONE, LEDGER_KIND_RATE },
  { "游客突破8000万人次", TRUE, 8000, "万人次", LEDGER_COMPARATOR_AT_LEAST, LEDGER_COMMITMENT_NONE,
    LEDGER_KIND_CUMULATIVE },
  { "超过20家", TRUE, 20, "家", LEDGER_COMPARATOR_AT_LEAST, LEDGER_COMMITMENT_NONE, LEDGER_KIND_CUMULATIVE },
  { "全面推进乡村振兴", FALSE, 0, "", LEDGER_COMPARATOR_NONE, LEDGER_COMMITMENT_NONE, LEDGER_KIND_QUALITATIVE },
};

static void
test_target_words (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (target_cases); i++)
    {
      const TargetCase *c = &target_cases[i];
      LedgerTargetText target;

      g_test_message ("%s", c->text);
      ledger_target_text_parse (&target, c->text);
      g_assert_cmpint (target.has_number, ==, c->has_number);
      g_assert_cmpfloat_with_epsilon (target.number, c->number, 1e-9);
      g_assert_cmpstr (target.unit, ==, c->unit);
      g_assert_cmpint (target.comparator, ==, c->comparator);
      g_assert_cmpint (target.commitment, ==, c->commitment);
      g_assert_cmpint (ledger_target_text_guess_kind (&target, c->text), ==, c->kind);
      ledger_target_text_clear (&target);
    }
}

static void
test_target_range (void)
{
  LedgerTargetText target;

  ledger_target_text_parse (&target, "增速6至7个百分点");
  g_assert_true (target.is_range);
  g_assert_cmpfloat (target.number, ==, 6);
  g_assert_cmpfloat (target.upper, ==, 7);
  g_assert_cmpstr (target.unit, ==, "个百分点");
  ledger_target_text_clear (&target);

  ledger_target_text_parse (&target, "稳定在1.7亿吨左右");
  g_assert_cmpint (target.better, ==, LEDGER_BETTER_NONE);
  ledger_target_text_clear (&target);
}

typedef struct
{
  const char *text;
  const char *dates;   /* ISO dates, joined by " " */
} DeadlineCase;

static const DeadlineCase deadline_cases[] = {
  { "6月底前", "2026-06-30" },
  { "６月底", "2026-06-30" },
  { "2月末", "2026-02-28" },
  { "三季度末", "2026-09-30" },
  { "第一季度", "2026-03-31" },
  { "年底前", "2026-12-31" },
  { "年内", "2026-12-31" },
  { "上半年", "2026-06-30" },
  { "下半年", "2026-12-31" },
  { "2026年9月30日", "2026-09-30" },
  { "2027年底", "2027-12-31" },
  { "10月中旬", "2026-10-20" },
  { "10月上旬", "2026-10-10" },
  { "十二月底前", "2026-12-31" },
  { "11月15日前", "2026-11-15" },
  { "2026-05-20", "2026-05-20" },
  { "每季度末", "2026-03-31 2026-06-30 2026-09-30 2026-12-31" },
  { "每半年", "2026-06-30 2026-12-31" },
  { "6月底前完成方案；12月底前全面建成", "2026-06-30 2026-12-31" },
  { "", "" },
};

static void
test_deadlines (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (deadline_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) deadlines = ledger_deadline_parse (deadline_cases[i].text, 2026, &error);
      g_autoptr(GString) dates = g_string_new (NULL);

      g_test_message ("%s", deadline_cases[i].text);
      g_assert_no_error (error);
      for (guint j = 0; j < deadlines->len; j++)
        {
          g_autofree char *date = ledger_deadline_format (&g_array_index (deadlines, LedgerDeadline, j).date);

          g_string_append_printf (dates, "%s%s", j > 0 ? " " : "", date);
        }
      g_assert_cmpstr (dates->str, ==, deadline_cases[i].dates);
    }
}

static void
test_deadline_words (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) deadlines = ledger_deadline_parse ("6月底前完成方案；12月底前全面建成", 2026, &error);

  g_assert_cmpstr (g_array_index (deadlines, LedgerDeadline, 0).words, ==, "6月底前完成方案");
  g_assert_cmpstr (g_array_index (deadlines, LedgerDeadline, 1).words, ==, "12月底前全面建成");

  g_assert_null (ledger_deadline_parse ("6月底前；长期坚持", 2026, &error));
  g_assert_error (error, LEDGER_DEADLINE_ERROR, LEDGER_DEADLINE_ERROR_NO_DATE);
  g_assert_nonnull (strstr (error->message, "长期坚持"));
  g_clear_error (&error);
  g_assert_null (ledger_deadline_parse ("13月底", 2026, &error));
  g_clear_error (&error);
  g_assert_null (ledger_deadline_parse ("2月30日", 2026, &error));
  g_clear_error (&error);
  /* A year no date can be in is refused, not handed to GDate. */
  g_assert_null (ledger_deadline_parse ("0000年6月底", 2026, &error));
  g_assert_error (error, LEDGER_DEADLINE_ERROR, LEDGER_DEADLINE_ERROR_NO_DATE);
  g_clear_error (&error);
  g_assert_null (ledger_deadline_parse ("0000年上半年", 2026, &error));
  g_clear_error (&error);
  g_clear_pointer (&deadlines, g_array_unref);
  deadlines = ledger_deadline_parse ("0 00年6月底", 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_get_year (&g_array_index (deadlines, LedgerDeadline, 0).date), ==, 2026);
}

/* The office's list: a title row and a note above the header, areas
 * merged (the first cell only, blank below) or repeated. */
static const char office_list[] =
  "长治市2026年重点目标任务清单,,,,,,\n"
  "（按领域排列）,,,,,,\n"
  "序号,领域/类别,重点任务,具体目标,牵头单位,配合单位,完成时限（时间节点）\n"
  "1,经济发展,稳增长,地区生产总值增长6%左右,市发展改革委,市统计局、市财政局,年底前\n"
  "2,,稳增长,固定资产投资增长６％以上,市发展改革委,,每季度末\n"
  "3,,扩就业,新增城镇就业4.3万人以上,市人社局,,6月底前完成2万人；12月底前完成全年\n"
  ",,,,,,\n"
  "4,生态环境,蓝天保卫战,PM2.5浓度控制在30微克/立方米以内,市生态环境局,市住建局,\n"
  "5,生态环境,河长制,全面落实河长制,市水利局,,三季度末\n";

static LedgerTaskList *
list_of (const char  *text,
         gssize       length,
         GError     **error)
{
  g_autoptr(GBytes) data = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);
  g_autoptr(LedgerSheet) sheet = ledger_sheet_new_from_bytes (data, NULL, error);

  return sheet != NULL ? ledger_task_list_new (sheet, error) : NULL;
}

static LedgerTaskRow *
row_at (LedgerTaskList *list,
        guint           i)
{
  g_autoptr(LedgerTaskRow) row = g_list_model_get_item (ledger_task_list_get_rows (list), i);

  return row;   /* the list holds it */
}

static const LedgerMilestone *
milestone_at (GPtrArray *milestones,
              guint      i)
{
  g_assert_cmpuint (i, <, milestones->len);
  return g_ptr_array_index (milestones, i);
}

static void
check_office_list (LedgerTaskList *list)
{
  LedgerTaskRow *row;
  GArray *deadlines;

  g_assert_cmpuint (ledger_task_list_get_header_row (list), ==, 2);
  g_assert_cmpint (ledger_task_list_get_column (list, LEDGER_TASK_FIELD_AREA), ==, 1);
  g_assert_cmpint (ledger_task_list_get_column (list, LEDGER_TASK_FIELD_DEADLINE), ==, 6);
  g_assert_cmpint (ledger_task_list_get_column (list, LEDGER_TASK_FIELD_VALUE), ==, -1);
  g_assert_cmpint (ledger_task_list_get_year (list), ==, 2026);
  g_assert_cmpstr (ledger_task_list_get_title (list), ==, "长治市2026年重点目标任务清单");
  g_assert_cmpstr (ledger_task_list_get_region (list), ==, "长治市");
  g_assert_cmpuint (g_list_model_get_n_items (ledger_task_list_get_rows (list)), ==, 5);
  g_assert_cmpuint (ledger_task_list_count_refused (list), ==, 0);
  {
    guint n_areas, n_tasks, n_indicators;

    ledger_task_list_count_nodes (list, &n_areas, &n_tasks, &n_indicators);
    g_assert_cmpuint (n_areas, ==, 2);
    g_assert_cmpuint (n_tasks, ==, 4);
    g_assert_cmpuint (n_indicators, ==, 5);
  }

  row = row_at (list, 1);
  g_assert_cmpstr (ledger_task_row_get_area (row), ==, "经济发展");
  g_assert_cmpfloat (ledger_task_row_get_target (row), ==, 6);
  g_assert_cmpint (ledger_task_row_get_kind (row), ==, LEDGER_KIND_RATE);
  g_assert_cmpuint (ledger_task_row_get_deadlines (row)->len, ==, 4);

  row = row_at (list, 0);
  g_assert_cmpstr (ledger_task_row_get_lead (row), ==, "市发展改革委");
  g_assert_cmpstrv (ledger_task_row_get_supporting (row), ((const char *[]) { "市统计局", "市财政局", NULL }));

  row = row_at (list, 2);
  g_assert_cmpuint (ledger_task_row_get_line (row), ==, 6);
  deadlines = ledger_task_row_get_deadlines (row);
  g_assert_cmpuint (deadlines->len, ==, 2);
  g_assert_cmpstr (g_array_index (deadlines, LedgerDeadline, 0).words, ==, "6月底前完成2万人");

  row = row_at (list, 4);
  g_assert_cmpint (ledger_task_row_get_kind (row), ==, LEDGER_KIND_QUALITATIVE);
  g_assert_cmpuint (ledger_task_row_get_line (row), ==, 9);
}

static void
test_office_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerTaskList) list = list_of (office_list, -1, &error);
  g_autoptr(LedgerPlan) plan = NULL;
  g_autoptr(LedgerPlan) again = NULL;
  g_autoptr(LedgerTaskList) list_again = list_of (office_list, -1, NULL);
  g_autoptr(GPtrArray) plans = g_ptr_array_new ();
  g_autoptr(GPtrArray) plans_again = g_ptr_array_new ();
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  g_autoptr(GPtrArray) read_back = NULL;
  GListModel *areas;

  g_assert_no_error (error);
  check_office_list (list);

  plan = ledger_task_list_build_plan (list, "tasks-2026", "清单", 2026, 2026, &error);
  g_assert_no_error (error);
  areas = ledger_node_get_children (LEDGER_NODE (plan));
  g_assert_cmpuint (g_list_model_get_n_items (areas), ==, 2);
  {
    g_autoptr(LedgerNode) economy = g_list_model_get_item (areas, 0);
    GListModel *tasks = ledger_node_get_children (economy);
    g_autoptr(LedgerNode) growth = g_list_model_get_item (tasks, 0);

    g_assert_cmpstr (ledger_node_get_title (economy), ==, "经济发展");
    g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 2);
    g_assert_cmpuint (g_list_model_get_n_items (ledger_node_get_children (growth)), ==, 2);
  }
  g_assert_cmpuint (ledger_plan_count_indicators (plan), ==, 5);
  g_assert_cmpstr (ledger_plan_get_region (plan), ==, "长治市");

  /* The plan is one the plan file format accepts, and the same list
   * makes the same plan, identities and codes alike. */
  g_ptr_array_add (plans, plan);
  json = ledger_plan_file_to_data (plans);
  read_back = ledger_plan_file_parse (json, -1, &error);
  g_assert_no_error (error);
  again = ledger_task_list_build_plan (list_again, "tasks-2026", "清单", 2026, 2026, &error);
  g_ptr_array_add (plans_again, again);
  json_again = ledger_plan_file_to_data (plans_again);
  g_assert_cmpstr (json, ==, json_again);
}

/* The office's list as an XLSX workbook: 序号 as numbers, each area one
 * merged cell over its rows, a deadline as a date cell. */
static GBytes *
office_workbook (void)
{
  g_autofree char *dir = test_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "清单.xlsx", NULL);
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "清单");
  lxw_format *date_format = workbook_add_format (workbook);
  lxw_datetime september = { 2026, 9, 30, 0, 0, 0 };
  g_auto(GStrv) lines = g_strsplit (office_list, "\n", -1);
  g_autofree char *data = NULL;
  gsize length;

  format_set_num_format (date_format, "yyyy\"年\"m\"月\"d\"日\"");
  for (guint row = 0; lines[row] != NULL; row++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[row], ",", -1);

      for (guint column = 0; cells[column] != NULL; column++)
        {
          if (*cells[column] == '\0' || (column == 1 && row > 2))
            continue;
          if (column == 0 && g_ascii_isdigit (*cells[column]))
            worksheet_write_number (sheet, row, column, g_ascii_strtod (cells[column], NULL), NULL);
          else
            worksheet_write_string (sheet, row, column, cells[column], NULL);
        }
    }
  worksheet_merge_range (sheet, 3, 1, 5, 1, "经济发展", NULL);
  worksheet_merge_range (sheet, 7, 1, 8, 1, "生态环境", NULL);
  worksheet_write_datetime (sheet, 8, 6, &september, date_format);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  test_tmp_dir_free (g_steal_pointer (&dir));
  return g_bytes_new_take (g_steal_pointer (&data), length);
}

static void
test_xlsx (void)
{
  g_autoptr(GBytes) data = office_workbook ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerSheet) sheet = ledger_sheet_new_from_bytes (data, NULL, &error);
  g_autoptr(LedgerTaskList) list = NULL;
  g_autoptr(LedgerIndicator) indicator = NULL;
  GArray *deadlines;

  g_assert_no_error (error);
  g_assert_cmpint (ledger_sheet_get_format (sheet), ==, LEDGER_SHEET_XLSX);
  list = ledger_task_list_new (sheet, &error);
  g_assert_no_error (error);
  check_office_list (list);
  /* The merged area reaches every row of its range. */
  g_assert_cmpstr (ledger_task_row_get_area (row_at (list, 2)), ==, "经济发展");
  deadlines = ledger_task_row_get_deadlines (row_at (list, 4));
  g_assert_cmpuint (deadlines->len, ==, 1);
  g_assert_cmpint (g_date_get_month (&g_array_index (deadlines, LedgerDeadline, 0).date), ==, 9);
  g_assert_cmpint (g_date_get_day (&g_array_index (deadlines, LedgerDeadline, 0).date), ==, 30);
  /* The date cell is the milestone of the task's indicator. */
  indicator = ledger_task_row_to_indicator (row_at (list, 4), "66666666-6666-4666-8666-666666666666");
  g_assert_cmpuint (ledger_indicator_get_milestones (indicator)->len, ==, 1);
  g_assert_cmpstr (milestone_at (ledger_indicator_get_milestones (indicator), 0)->due, ==, "2026-09-30");
}

static void
test_gb18030 (void)
{
  g_autofree char *gb = g_convert (office_list, -1, "GB18030", "UTF-8", NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerTaskList) list = list_of (gb, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (ledger_sheet_get_encoding (ledger_task_list_get_sheet (list)), ==, "GB18030");
  check_office_list (list);
}

/* A 目标值 column with 单位 beside it, the header on the first row; the
 * value's number is the target, not the words'. */
static void
test_value_column (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerTaskList) list =
    list_of ("工作任务,目标任务,目标值,单位,责任单位\n"
             "稳投资,固定资产投资增长,8,%,市发展改革委\n"
             "稳就业,新增城镇就业,４．３万,人,市人社局\n"
             "美环境,建成5个公园,,,市住建局\n", -1, &error);
  LedgerTaskRow *row;

  g_assert_no_error (error);
  g_assert_cmpint (ledger_task_list_get_column (list, LEDGER_TASK_FIELD_LEAD), ==, 4);
  g_assert_cmpint (ledger_task_list_get_column (list, LEDGER_TASK_FIELD_SUPPORT), ==, -1);
  row = row_at (list, 0);
  g_assert_cmpfloat (ledger_task_row_get_target (row), ==, 8);
  g_assert_cmpstr (ledger_task_row_get_unit (row), ==, "%");
  g_assert_cmpint (ledger_task_row_get_kind (row), ==, LEDGER_KIND_RATE);
  g_assert_cmpint (ledger_task_row_get_comparator (row), ==, LEDGER_COMPARATOR_AT_LEAST);
  row = row_at (list, 1);
  g_assert_cmpfloat (ledger_task_row_get_target (row), ==, 4.3);
  g_assert_cmpstr (ledger_task_row_get_unit (row), ==, "万人");
  /* An empty 目标值 leaves the target to the words. */
  row = row_at (list, 2);
  g_assert_cmpfloat (ledger_task_row_get_target (row), ==, 5);
  g_assert_null (ledger_task_row_get_reason (row));

  /* The caller moves a field to another column: the rows follow. */
  ledger_task_list_set_column (list, LEDGER_TASK_FIELD_VALUE, -1);
  g_assert_cmpint (ledger_task_row_get_kind (row_at (list, 0)), ==, LEDGER_KIND_QUALITATIVE);
  ledger_task_list_set_column (list, LEDGER_TASK_FIELD_LEAD, 1);
  g_assert_cmpstr (ledger_task_row_get_lead (row_at (list, 0)), ==, "固定资产投资增长");
  g_assert_cmpint (ledger_task_list_get_column (list, LEDGER_TASK_FIELD_TARGET), ==, -1);
}

static void
check_refused (const char *text,
               guint       line,
               const char *reason_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerTaskList) list = list_of (text, -1, &error);
  g_autoptr(LedgerPlan) plan = NULL;
  GListModel *rows;
  gboolean found = FALSE;

  g_assert_no_error (error);
  g_assert_cmpuint (ledger_task_list_count_refused (list), ==, 1);
  rows = ledger_task_list_get_rows (list);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      LedgerTaskRow *row = row_at (list, i);
      const char *reason = ledger_task_row_get_reason (row);

      if (reason == NULL)
        continue;
      g_test_message ("line %u: %s", ledger_task_row_get_line (row), reason);
      g_assert_cmpuint (ledger_task_row_get_line (row), ==, line);
      g_assert_nonnull (strstr (reason, reason_part));
      found = TRUE;
    }
  g_assert_true (found);
  plan = ledger_task_list_build_plan (list, "x", "x", 2026, 2026, &error);
  g_assert_null (plan);
  g_assert_error (error, LEDGER_TASK_LIST_ERROR, LEDGER_TASK_LIST_ERROR_REFUSED);
}

static void
test_refused_rows (void)
{
  check_refused ("重点任务,目标值,完成时限\n稳投资,8%,年底前\n扩就业,较快增长,年底前\n", 3, "较快增长");
  check_refused ("重点任务,目标值,完成时限\n稳投资,8%,长期坚持\n扩就业,3万人,年底前\n", 2, "长期坚持");
  check_refused ("序号,重点任务,具体目标,牵头单位\n1,稳投资,增长8%,市发改委\n2,,增长9%,市商务局\n", 3,
                 "no task");
  check_refused ("领域,重点任务,牵头单位\n,稳投资,市发改委\n", 2, "area");
  check_refused ("重点任务,指标代码,牵头单位\n稳投资,gdp,市发改委\n稳就业,gdp,市人社局\n", 3, "twice");
  check_refused ("重点任务,指标代码,牵头单位\n稳投资,GDP增长,市发改委\n", 2, "a–z");
  check_refused ("重点任务,具体目标,牵头单位\n稳投资,增长8%,市发改委\n扩就业,达到30,市人社局\n", 3, "no unit");
}

static void
test_no_header (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (list_of ("a,b,c\n1,2,3\n", -1, &error));
  g_assert_error (error, LEDGER_TASK_LIST_ERROR, LEDGER_TASK_LIST_ERROR_NO_HEADER);
  g_clear_error (&error);
  /* One name alone is not a header. */
  g_assert_null (list_of ("重点任务\n稳投资\n", -1, &error));
  g_assert_error (error, LEDGER_TASK_LIST_ERROR, LEDGER_TASK_LIST_ERROR_NO_HEADER);
}

/* A header without rows below it makes no plan (a plan has areas). */
static void
test_no_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerTaskList) list = list_of ("重点任务,牵头单位\n,\n", -1, &error);
  g_autoptr(LedgerPlan) plan = NULL;

  g_assert_no_error (error);
  plan = ledger_task_list_build_plan (list, "x", "x", 2026, 2026, &error);
  g_assert_null (plan);
  g_assert_error (error, LEDGER_TASK_LIST_ERROR, LEDGER_TASK_LIST_ERROR_EMPTY);
}

/* The plan's code is one the plan file takes, and it has a title. */
static void
test_plan_code_and_title (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerTaskList) list = list_of (office_list, -1, &error);

  g_assert_null (ledger_task_list_build_plan (list, "清单2026", "清单", 2026, 2026, &error));
  g_assert_error (error, LEDGER_TASK_LIST_ERROR, LEDGER_TASK_LIST_ERROR_PLAN);
  g_clear_error (&error);
  g_assert_null (ledger_task_list_build_plan (list, "tasks-2026", " ", 2026, 2026, &error));
  g_assert_error (error, LEDGER_TASK_LIST_ERROR, LEDGER_TASK_LIST_ERROR_PLAN);
}

/* A repeated header (a printed page's) and an area's own heading row are
 * no tasks; a year set by the caller moves the deadlines. */
static void
test_headings_and_year (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerTaskList) list =
    list_of ("领域,重点任务,完成时限\n一、经济发展,,\n,稳投资,6月底前\n领域,重点任务,完成时限\n,扩就业,年底前\n",
             -1, &error);
  GArray *deadlines;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ledger_task_list_get_rows (list)), ==, 2);
  g_assert_cmpstr (ledger_task_row_get_area (row_at (list, 1)), ==, "一、经济发展");
  ledger_task_list_set_year (list, 2027);
  deadlines = ledger_task_row_get_deadlines (row_at (list, 0));
  g_assert_cmpint (g_date_get_year (&g_array_index (deadlines, LedgerDeadline, 0).date), ==, 2027);
}

/* An area's heading merged across the row (XLSX), or alone in the 序号
 * column (CSV), is the area of the rows below it, without an area column. */
static void
test_spanning_headings (void)
{
  g_autofree char *dir = test_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "headings.xlsx", NULL);
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerTaskList) xlsx_list = NULL;
  g_autoptr(LedgerTaskList) csv_list = NULL;
  g_autoptr(LedgerSheet) xlsx_sheet = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  static const char *header[] = { "序号", "重点任务", "具体目标", "牵头单位" };

  for (guint column = 0; column < G_N_ELEMENTS (header); column++)
    worksheet_write_string (sheet, 0, column, header[column], NULL);
  worksheet_merge_range (sheet, 1, 0, 1, 3, "一、扩大有效投资", NULL);
  worksheet_write_number (sheet, 2, 0, 1, NULL);
  worksheet_write_string (sheet, 2, 1, "抓项目", NULL);
  worksheet_write_string (sheet, 2, 2, "完成投资100亿元", NULL);
  worksheet_write_string (sheet, 2, 3, "市发展改革委", NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  data = g_bytes_new (contents, length);
  xlsx_sheet = ledger_sheet_new_from_bytes (data, NULL, &error);
  g_assert_no_error (error);
  xlsx_list = ledger_task_list_new (xlsx_sheet, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ledger_task_list_get_rows (xlsx_list)), ==, 1);
  g_assert_cmpstr (ledger_task_row_get_area (row_at (xlsx_list, 0)), ==, "一、扩大有效投资");

  csv_list = list_of ("序号,重点任务,具体目标,牵头单位\n一、扩大有效投资,,,\n1,抓项目,完成投资100亿元,市发展改革委\n"
                      "2,,,\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ledger_task_list_get_rows (csv_list)), ==, 1);
  g_assert_cmpstr (ledger_task_row_get_area (row_at (csv_list, 0)), ==, "一、扩大有效投资");
  test_tmp_dir_free (g_steal_pointer (&dir));
}

/* The particulars' line under the title, as the export writes it. */
static void
test_particulars (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerTaskList) list =
    list_of ("长治市“十五五”目标,,\n代码：changzhi-15；地区：长治市；规划年度：2026-2030；来源：报告,,\n"
             "重点任务,具体目标,牵头单位\n稳增长,增长5%,市发展改革委\n", -1, &error);
  g_autofree char *code = NULL;
  g_autoptr(LedgerPlan) plan = NULL;

  g_assert_no_error (error);
  code = ledger_task_list_dup_code (list);
  g_assert_cmpstr (code, ==, "changzhi-15");
  g_assert_cmpint (ledger_task_list_get_year (list), ==, 2026);
  g_assert_cmpint (ledger_task_list_get_last_year (list), ==, 2030);
  plan = ledger_task_list_build_plan (list, code, "十五五", 2026, 2030, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ledger_plan_get_region (plan), ==, "长治市");
  g_assert_cmpstr (ledger_plan_get_source (plan), ==, "报告");
  ledger_task_list_set_year (list, 2031);
  g_assert_cmpint (ledger_task_list_get_last_year (list), ==, 2035);
}

/* A row into model objects, field by field: the task's and the
 * indicator's units, a milestone of each deadline with the share its
 * words give, the milestones done and the sub-items of the task's own
 * columns. */
static void
test_row_to_model (void)
{
  static const char text[] =
    "重点任务,具体目标,牵头单位,配合单位,完成时限,节点完成情况,子项\n"
    "促消费,社会消费品零售总额1200亿元,市商务局,市财政局、市文旅局,"
    "\"6月底前完成30%；\n2026-08-15 出台细则\",2026-06-30 6月底前完成30%｜已完成 2026-06-28｜长政办发12号,"
    "\"汽车以旧换新｜滞后｜资金未到位\n家电下乡\"\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerTaskList) list = list_of (text, -1, &error);
  g_autoptr(LedgerIndicator) indicator = NULL;
  g_autoptr(LedgerTask) task = NULL;
  const LedgerMilestone *milestone;
  GPtrArray *milestones;
  LedgerSubItem *item;

  g_assert_no_error (error);
  g_assert_cmpstr (ledger_task_row_get_reason (row_at (list, 0)), ==, NULL);
  indicator = ledger_task_row_to_indicator (row_at (list, 0), "66666666-6666-4666-8666-666666666666");
  g_assert_cmpstr (ledger_indicator_get_responsible_unit (indicator), ==, "市商务局");
  g_assert_cmpstr (ledger_indicator_get_supporting_units (indicator), ==, "市财政局\n市文旅局");
  /* Two deadlines: paced over the year, not a milestone of June. */
  g_assert_cmpint (ledger_indicator_get_profile (indicator), ==, LEDGER_PROFILE_LINEAR);
  milestones = ledger_indicator_get_milestones (indicator);
  g_assert_cmpuint (milestones->len, ==, 2);
  milestone = milestone_at (milestones, 0);
  g_assert_cmpstr (milestone->due, ==, "2026-06-30");
  g_assert_cmpstr (milestone->what, ==, "6月底前完成30%");
  g_assert_cmpfloat (milestone->share, ==, 30);
  g_assert_cmpstr (milestone->done_on, ==, "2026-06-28");
  g_assert_cmpstr (milestone->note, ==, "长政办发12号");
  g_assert_cmpstr (milestone->owner_uuid, ==, "66666666-6666-4666-8666-666666666666");
  g_assert_true (g_uuid_string_is_valid (milestone->uuid));
  milestone = milestone_at (milestones, 1);
  g_assert_cmpstr (milestone->due, ==, "2026-08-15");
  g_assert_cmpstr (milestone->what, ==, "出台细则");
  g_assert_true (isnan (milestone->share));
  g_assert_false (ledger_milestone_is_done (milestone));
  g_assert_cmpstr (milestone->uuid, !=, milestone_at (milestones, 0)->uuid);

  /* Without the task's own columns, the row's units are the task's. */
  task = ledger_task_row_to_task (row_at (list, 0), "33333333-3333-4333-8333-333333333333");
  g_assert_cmpstr (ledger_node_get_title (LEDGER_NODE (task)), ==, "促消费");
  g_assert_cmpstr (ledger_task_get_lead_unit (task), ==, "市商务局");
  g_assert_cmpstr (ledger_task_get_supporting_units (task), ==, "市财政局\n市文旅局");
  g_assert_cmpuint (ledger_task_get_milestones (task)->len, ==, 0);
  g_assert_cmpuint (ledger_task_get_sub_items (task)->len, ==, 2);
  item = g_ptr_array_index (ledger_task_get_sub_items (task), 0);
  g_assert_cmpstr (item->title, ==, "汽车以旧换新");
  g_assert_cmpstr (item->status, ==, "behind");
  g_assert_cmpstr (item->note, ==, "资金未到位");
  g_assert_cmpstr (item->owner_uuid, ==, "33333333-3333-4333-8333-333333333333");
  item = g_ptr_array_index (ledger_task_get_sub_items (task), 1);
  g_assert_cmpstr (item->title, ==, "家电下乡");
  g_assert_cmpstr (item->status, ==, "not_started");
}

/* A single deadline before December keeps a numeric target a milestone
 * of that month, and the deadline is its milestone too. */
static void
test_single_deadline (void)
{
  g_autoptr(LedgerTaskList) list = list_of ("重点任务,具体目标,完成时限\n建基站,建设5G基站2000个,9月底前\n", -1, NULL);
  g_autoptr(LedgerIndicator) indicator = ledger_task_row_to_indicator (row_at (list, 0),
                                                                       "66666666-6666-4666-8666-666666666666");

  g_assert_cmpint (ledger_indicator_get_profile (indicator), ==, LEDGER_PROFILE_MILESTONE);
  g_assert_cmpint (ledger_indicator_get_due_month (indicator), ==, 9);
  g_assert_cmpuint (ledger_indicator_get_milestones (indicator)->len, ==, 1);
  g_assert_cmpstr (milestone_at (ledger_indicator_get_milestones (indicator), 0)->due, ==, "2026-09-30");
  g_clear_object (&indicator);
  g_clear_object (&list);

  /* A share due by then is not the whole result: paced over the year. */
  list = list_of ("重点任务,具体目标,完成时限\n建基站,建设5G基站2000个,9月底前完成60%\n", -1, NULL);
  indicator = ledger_task_row_to_indicator (row_at (list, 0), "66666666-6666-4666-8666-666666666666");
  g_assert_cmpint (ledger_indicator_get_profile (indicator), ==, LEDGER_PROFILE_LINEAR);
  g_assert_cmpfloat (milestone_at (ledger_indicator_get_milestones (indicator), 0)->share, ==, 60);
}

/* The words an export writes read back as they were. */
static void
test_follow_up_words (void)
{
  g_autoptr(GPtrArray) milestones = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_milestone_free);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_sub_item_free);
  g_autofree char *deadlines = NULL;
  g_autofree char *done = NULL;
  g_autofree char *sub_items = NULL;
  g_autofree char *units = ledger_names_join_units ("市财政局\n市统计局");

  for (int quarter = 1; quarter <= 4; quarter++)
    {
      g_autofree char *due = g_strdup_printf ("2026-%02d-%02d", quarter * 3, quarter == 1 || quarter == 4 ? 31 : 30);

      g_ptr_array_add (milestones, ledger_milestone_new ("u", "o", due, "每季度末"));
    }
  g_ptr_array_insert (milestones, 2, ledger_milestone_new ("u", "o", "2026-06-30", "6月底前完成50%"));
  ((LedgerMilestone *) g_ptr_array_index (milestones, 2))->share = 50;
  ledger_milestone_set_done (g_ptr_array_index (milestones, 2), "2026-07-02", "已报\n市政府");
  g_ptr_array_add (milestones, ledger_milestone_new ("u", "o", "2026-08-15", "出台细则"));
  g_ptr_array_add (items, ledger_sub_item_new ("u", "o", "家电下乡", "in_progress", ""));
  deadlines = ledger_task_row_format_milestones (milestones, 2026);
  done = ledger_task_row_format_done (milestones);
  sub_items = ledger_task_row_format_sub_items (items);
  g_assert_cmpstr (units, ==, "市财政局、市统计局");
  g_assert_cmpstr (deadlines, ==, "每季度末\n6月底前完成50%\n2026-08-15 出台细则");
  g_assert_cmpstr (done, ==, "2026-06-30 6月底前完成50%｜已完成 2026-07-02｜已报 市政府");
  g_assert_cmpstr (sub_items, ==, "家电下乡｜推进中");
  g_assert_cmpfloat (ledger_task_row_read_share ("9月底前完成全年目标的75%"), ==, 75);
  g_assert_true (isnan (ledger_task_row_read_share ("6月底前完成2万人")));
  g_assert_true (isnan (ledger_task_row_read_share ("增长6%")));
}

/* A line of 节点完成情况 that names no milestone, or a sub-item's status
 * the ledger does not know, refuses the row. */
static void
test_follow_up_refused (void)
{
  g_autoptr(LedgerTaskList) list = list_of (
    "重点任务,具体目标,完成时限,节点完成情况,子项\n"
    "促消费,出台措施,6月底前,2026-07-31 ｜已完成 2026-06-28,\n"
    "扩就业,稳就业,6月底前,已经完成,\n"
    "稳投资,抓项目,,,开工｜快了\n"
    "扩内需,抓消费,,,｜推进中\n", -1, NULL);

  g_assert_cmpuint (ledger_task_list_count_refused (list), ==, 4);
  g_assert_nonnull (strstr (ledger_task_row_get_reason (row_at (list, 1)), "已经完成"));
  g_assert_nonnull (strstr (ledger_task_row_get_reason (row_at (list, 2)), "开工｜快了"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/task-list/target-words", test_target_words);
  g_test_add_func ("/task-list/target-range", test_target_range);
  g_test_add_func ("/task-list/deadlines", test_deadlines);
  g_test_add_func ("/task-list/deadline-words", test_deadline_words);
  g_test_add_func ("/task-list/office-list", test_office_list);
  g_test_add_func ("/task-list/gb18030", test_gb18030);
  g_test_add_func ("/task-list/xlsx", test_xlsx);
  g_test_add_func ("/task-list/value-column", test_value_column);
  g_test_add_func ("/task-list/refused-rows", test_refused_rows);
  g_test_add_func ("/task-list/no-header", test_no_header);
  g_test_add_func ("/task-list/no-rows", test_no_rows);
  g_test_add_func ("/task-list/plan-code-and-title", test_plan_code_and_title);
  g_test_add_func ("/task-list/headings-and-year", test_headings_and_year);
  g_test_add_func ("/task-list/particulars", test_particulars);
  g_test_add_func ("/task-list/spanning-headings", test_spanning_headings);
  g_test_add_func ("/task-list/row-to-model", test_row_to_model);
  g_test_add_func ("/task-list/single-deadline", test_single_deadline);
  g_test_add_func ("/task-list/follow-up-words", test_follow_up_words);
  g_test_add_func ("/task-list/follow-up-refused", test_follow_up_refused);

  return g_test_run ();
}
