/* test-plan-editing.c: the office maintains its plan — edit an indicator,
 * add a task, delete an indicator — through the dialogs' own widgets
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-area-page.h"
#include "ledger-indicator-dialog.h"
#include "ledger-test-ui.h"

typedef LedgerTestWindow Fixture;

static gpointer
dialog_child (GtkWindow  *dialog,
              const char *name)
{
  return ledger_test_ui_child (dialog, LEDGER_TYPE_INDICATOR_DIALOG, name);
}

static GtkWindow *
find_dialog (void)
{
  GtkWindow *dialog;

  ledger_test_ui_wait (200);
  dialog = ledger_test_ui_find_window (LEDGER_TYPE_INDICATOR_DIALOG);
  g_assert_nonnull (dialog);
  return dialog;
}

static const char *
row_target (LedgerIndicatorRow *row)
{
  return gtk_label_get_text (ledger_test_ui_child (row, LEDGER_TYPE_INDICATOR_ROW, "target_label"));
}

/* A new target typed into the edit dialog is saved, logged and shown. */
static void
test_edit_indicator (Fixture       *fixture,
                     gconstpointer  data)
{
  guint changes = ledger_store_count_changes (fixture->store);
  g_autofree char *expected = NULL;
  LedgerIndicatorRow *row;
  GtkWindow *dialog;

  ledger_window_select_page (fixture->window, ledger_test_window_area_uuid (fixture, 0));
  row = ledger_test_window_find_row (fixture, "gdp-growth");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "row.edit", NULL));
  dialog = find_dialog ();
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "edit-indicator");

  ledger_test_ui_type (dialog_child (dialog, "target_row"), "abc");
  ledger_test_ui_click (dialog_child (dialog, "save_button"));
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "error_label")));
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, changes);

  ledger_test_ui_type (dialog_child (dialog, "target_row"), "6.5");
  ledger_test_ui_click (dialog_child (dialog, "save_button"));
  g_assert_null (ledger_test_ui_find_window (LEDGER_TYPE_INDICATOR_DIALOG));
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, changes + 1);

  /* The pages are built anew on the same page. */
  row = ledger_test_window_find_row (fixture, "gdp-growth");
  expected = g_strdup_printf (_("about %s"), "6.5%");
  g_assert_true (g_str_has_prefix (row_target (row), expected));
}

/* "Add Task…" adds a task with its first indicator at the end of the area. */
static void
test_add_task (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *page;
  GtkWindow *dialog;
  LedgerIndicatorRow *row;

  ledger_window_select_page (fixture->window, ledger_test_window_area_uuid (fixture, 1));
  page = ledger_window_get_visible_page (fixture->window);
  g_assert_true (LEDGER_IS_AREA_PAGE (page));
  g_assert_true (gtk_widget_activate_action (page, "area.add-task", NULL));
  dialog = find_dialog ();

  ledger_test_ui_type (dialog_child (dialog, "task_row"), "培育新型消费");
  ledger_test_ui_type (dialog_child (dialog, "name_row"), "新增消费新场景");
  ledger_test_ui_type (dialog_child (dialog, "code_row"), "new-consumption-scenes");
  ledger_test_ui_type (dialog_child (dialog, "target_row"), "12");
  ledger_test_ui_type (dialog_child (dialog, "unit_row"), "个");
  ledger_test_ui_type (dialog_child (dialog, "unit_responsible_row"), "市商务局");
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "add-task");
  ledger_test_ui_click (dialog_child (dialog, "save_button"));
  g_assert_null (ledger_test_ui_find_window (LEDGER_TYPE_INDICATOR_DIALOG));

  row = ledger_test_window_find_row (fixture, "new-consumption-scenes");
  g_assert_true (g_str_has_prefix (row_target (row), "≥ 12 个"));

  /* A code is unique in its plan: the same one again is refused. */
  g_assert_true (gtk_widget_activate_action (ledger_window_get_visible_page (fixture->window),
                                             "area.add-task", NULL));
  dialog = find_dialog ();
  ledger_test_ui_type (dialog_child (dialog, "task_row"), "再来一个");
  ledger_test_ui_type (dialog_child (dialog, "name_row"), "重复");
  ledger_test_ui_type (dialog_child (dialog, "code_row"), "new-consumption-scenes");
  ledger_test_ui_type (dialog_child (dialog, "target_row"), "1");
  ledger_test_ui_type (dialog_child (dialog, "unit_row"), "个");
  ledger_test_ui_click (dialog_child (dialog, "save_button"));
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "error_label")));
}

static guint
count_tasks (GPtrArray *plans)
{
  g_autoptr(LedgerNode) area = g_list_model_get_item (ledger_node_get_children (g_ptr_array_index (plans, 0)), 0);

  return g_list_model_get_n_items (ledger_node_get_children (area));
}

/* Deleting a task's only indicator removes the task; its definition stays
 * in the change log. The window follows. */
static void
test_delete_indicator (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = ledger_store_list_plans (fixture->store, &error);
  g_autoptr(GPtrArray) after = NULL;
  guint changes = ledger_store_count_changes (fixture->store);
  GtkWidget *page;

  ledger_window_select_page (fixture->window, ledger_test_window_area_uuid (fixture, 0));
  g_assert_true (ledger_store_delete_indicator (fixture->store,
                                                ledger_test_window_id_of (fixture, "cpi-rise"),
                                                &error));
  g_assert_no_error (error);
  after = ledger_store_list_plans (fixture->store, &error);
  g_assert_cmpuint (ledger_plan_count_indicators (g_ptr_array_index (after, 0)), ==,
                    ledger_plan_count_indicators (g_ptr_array_index (before, 0)) - 1);
  g_assert_cmpuint (count_tasks (after), ==, count_tasks (before) - 1);
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, changes + 2);

  ledger_test_ui_wait (100);
  page = ledger_window_get_visible_page (fixture->window);
  g_assert_true (LEDGER_IS_AREA_PAGE (page));
  g_assert_true (ledger_test_window_find_row (fixture, "gdp-growth") != NULL);
}

int
main (int   argc,
      char *argv[])
{
  ledger_test_ui_init (&argc, &argv);

  g_test_add ("/plan-editing/edit-indicator", Fixture, NULL,
              ledger_test_window_set_up, test_edit_indicator, ledger_test_window_tear_down);
  g_test_add ("/plan-editing/add-task", Fixture, NULL,
              ledger_test_window_set_up, test_add_task, ledger_test_window_tear_down);
  g_test_add ("/plan-editing/delete-indicator", Fixture, NULL,
              ledger_test_window_set_up, test_delete_indicator, ledger_test_window_tear_down);

  return ledger_test_ui_run ();
}
