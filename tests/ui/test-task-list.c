/* test-task-list.c: Import Plan… of a task list (清单): the preview of its
 * columns and rows, a column taken from elsewhere, the import
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ledger-store.h"
#include "ledger-task-list-window.h"
#include "ledger-test-ui.h"

typedef LedgerTestWindow Fixture;

/* A title row, areas merged (blank below), and a 目标值 column one of
 * whose cells has no number: refused until the column is not used. */
#define TASK_LIST_CSV \
  "长治市2026年重点目标任务清单,,,,,,,\n" \
  "序号,领域,重点任务,具体目标,目标值,牵头单位,配合单位,完成时限\n" \
  "1,经济发展,稳增长,地区生产总值增长6%左右,6%,市发展改革委,市统计局、市财政局,年底前\n" \
  "2,,稳增长,固定资产投资增长６％以上,较快增长,市发展改革委,,每季度末\n" \
  "3,,扩就业,新增城镇就业4.3万人以上,4.3万人,市人社局,,6月底前完成2万人；12月底前完成全年\n" \
  "4,生态环境,蓝天保卫战,PM2.5浓度控制在30微克/立方米以内,30微克/立方米,市生态环境局,市住建局,三季度末\n" \
  "5,生态环境,河长制,全面落实河长制,,市水利局,,10月中旬\n"

static LedgerTaskListWindow *
open_task_list (Fixture    *fixture,
                const char *contents)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "清单.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LedgerTaskListWindow *window;

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  ledger_window_import_plan (fixture->window, file);
  window = LEDGER_TASK_LIST_WINDOW (ledger_test_ui_find_window (LEDGER_TYPE_TASK_LIST_WINDOW));
  g_assert_nonnull (window);
  for (guint i = 0; i < 400 && g_str_equal (ledger_task_list_window_get_state (window), "working"); i++)
    ledger_test_ui_wait (25);
  return window;
}

static void
first_indicator_cb (LedgerNode      *area,
                    LedgerNode      *task,
                    LedgerIndicator *indicator,
                    gpointer         user_data)
{
  LedgerIndicator **first = user_data;

  if (*first == NULL)
    *first = g_object_ref (indicator);
}

/* The first indicator imported has its supporting units and a milestone
 * of its deadline ("年底前"). */
static void
check_imported_follow_up (Fixture *fixture)
{
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (fixture->store, NULL);
  g_autoptr(LedgerIndicator) first = NULL;
  const LedgerMilestone *milestone;

  ledger_plan_foreach_indicator (ledger_plan_find (plans, "tasks-2026"), first_indicator_cb, &first);
  g_assert_nonnull (first);
  g_assert_cmpstr (ledger_indicator_get_supporting_units (first), ==, "市统计局\n市财政局");
  g_assert_cmpuint (ledger_indicator_get_milestones (first)->len, ==, 1);
  milestone = g_ptr_array_index (ledger_indicator_get_milestones (first), 0);
  g_assert_cmpstr (milestone->due, ==, "2026-12-31");
  g_assert_cmpstr (milestone->what, ==, "年底前");
}

static gboolean
has_plan (Fixture    *fixture,
          const char *code)
{
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (fixture->store, NULL);

  return ledger_plan_find (plans, code) != NULL;
}

/* The preview shows the header's columns and every row; Import is off
 * while a row is refused, and on once the column is no longer used. */
static void
test_preview_and_import (Fixture       *fixture,
                         gconstpointer  data)
{
  LedgerTaskListWindow *window = open_task_list (fixture, TASK_LIST_CSV);
  GtkWidget *import_button = ledger_test_ui_child (window, LEDGER_TYPE_TASK_LIST_WINDOW, "import_button");
  LedgerTaskList *list;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_cmpstr (ledger_task_list_window_get_state (window), ==, "preview");
  list = ledger_task_list_window_get_list (window);
  g_assert_cmpuint (ledger_task_list_get_header_row (list), ==, 1);
  g_assert_cmpint (ledger_task_list_get_column (list, LEDGER_TASK_FIELD_VALUE), ==, 4);
  g_assert_cmpuint (ledger_task_list_count_refused (list), ==, 1);
  g_assert_false (gtk_widget_get_sensitive (import_button));
  ledger_test_ui_screenshot (GTK_WIDGET (window), "task-list-refused");

  ledger_task_list_window_set_column (window, LEDGER_TASK_FIELD_VALUE, -1);
  g_assert_cmpuint (ledger_task_list_count_refused (list), ==, 0);
  g_assert_true (gtk_widget_get_sensitive (import_button));
  ledger_test_ui_screenshot (GTK_WIDGET (window), "task-list-preview");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  ledger_test_ui_screenshot (GTK_WIDGET (window), "task-list-preview-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* Taking the lead unit from the 配合单位 column: the dropdowns follow. */
  ledger_task_list_window_set_column (window, LEDGER_TASK_FIELD_LEAD, 6);
  g_assert_cmpint (ledger_task_list_get_column (list, LEDGER_TASK_FIELD_SUPPORT), ==, -1);
  ledger_task_list_window_set_column (window, LEDGER_TASK_FIELD_LEAD, 5);
  ledger_task_list_window_set_column (window, LEDGER_TASK_FIELD_SUPPORT, 6);

  g_assert_false (has_plan (fixture, "tasks-2026"));
  ledger_test_ui_click (import_button);
  ledger_test_ui_wait_until_gone ((gpointer *) &window);
  g_assert_true (has_plan (fixture, "tasks-2026"));
  check_imported_follow_up (fixture);
}

/* A file that is no task list says why; nothing is added. */
static void
test_no_header (Fixture       *fixture,
                gconstpointer  data)
{
  LedgerTaskListWindow *window = open_task_list (fixture, "a,b,c\n1,2,3\n");

  g_assert_cmpstr (ledger_task_list_window_get_state (window), ==, "failed");
  ledger_test_ui_screenshot (GTK_WIDGET (window), "task-list-no-header");
  gtk_window_close (GTK_WINDOW (window));
  g_assert_false (has_plan (fixture, "tasks-2026"));
}

/* 2 000 rows are read and shown off the window's thread, within a second
 * on an idle machine; the test allows for a busy one. */
static void
test_large_list (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("序号,领域,重点任务,具体目标,牵头单位,完成时限\n");
  LedgerTaskListWindow *window;
  gint64 start;
  double seconds;

  for (guint row = 1; row <= 2000; row++)
    g_string_append_printf (csv, "%u,领域%u,任务%u,新增%u万人以上,单位%u,%u月底前\n",
                            row, row / 100, row / 2, row % 97 + 1, row % 42, row % 12 + 1);
  start = g_get_monotonic_time ();
  window = open_task_list (fixture, csv->str);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("2 000 rows read and shown in %.3f s", seconds);
  g_assert_cmpstr (ledger_task_list_window_get_state (window), ==, "preview");
  g_assert_cmpuint (g_list_model_get_n_items (ledger_task_list_get_rows (ledger_task_list_window_get_list (window))),
                    ==, 2000);
  g_assert_cmpfloat (seconds, <, 5);
}

int
main (int   argc,
      char *argv[])
{
  ledger_test_ui_init (&argc, &argv);

  g_test_add ("/task-list/preview-and-import", Fixture, NULL,
              ledger_test_window_set_up, test_preview_and_import, ledger_test_window_tear_down);
  g_test_add ("/task-list/large-list", Fixture, NULL,
              ledger_test_window_set_up, test_large_list, ledger_test_window_tear_down);
  g_test_add ("/task-list/no-header", Fixture, NULL,
              ledger_test_window_set_up, test_no_header, ledger_test_window_tear_down);

  return ledger_test_ui_run ();
}
