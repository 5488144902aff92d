/* test-follow-up.c: a task's units, milestones and sub-items on the
 * indicator's page — marked done, added, changed, undone — and an overdue
 * task in the overview
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-follow-up-view.h"
#include "ledger-indicator-dialog.h"
#include "ledger-indicator-page.h"
#include "ledger-indicator-row.h"
#include "ledger-status-pill.h"
#include "ledger-task.h"
#include "ledger-test-ui.h"
#include "test-util.h"

typedef LedgerTestWindow Fixture;

#define CONSUMPTION "boost-consumption"   /* a qualitative task of area 1 */

typedef struct
{
  LedgerTask *task;
  const char *code;
} TaskSearch;

static void
find_task_cb (LedgerNode      *area,
              LedgerNode      *task,
              LedgerIndicator *indicator,
              gpointer         user_data)
{
  TaskSearch *search = user_data;

  if (g_str_equal (ledger_indicator_get_code (indicator), search->code))
    search->task = LEDGER_TASK (task);
}

static char *
task_uuid (Fixture    *fixture,
           const char *code)
{
  TaskSearch search = { NULL, code };

  ledger_plan_foreach_indicator (fixture->plan, find_task_cb, &search);
  g_assert_nonnull (search.task);
  return g_strdup (ledger_node_get_uuid (LEDGER_NODE (search.task)));
}

/* A task half a year in: units, two milestones (one missed), three
 * sub-items. */
static void
prepare_task (Fixture *fixture)
{
  g_autofree char *uuid = task_uuid (fixture, CONSUMPTION);
  g_autoptr(LedgerMilestone) missed = ledger_milestone_new ("m-missed", uuid, "2026-06-30", "6月底前 出台促消费实施方案");
  g_autoptr(LedgerMilestone) later = ledger_milestone_new ("m-later", uuid, "2026-09-30", "9月底前 各县区全面推开");
  g_autoptr(LedgerMilestone) done = ledger_milestone_new ("m-done", uuid, "2026-03-31", "一季度 召开动员部署会");
  const char *items[][3] = {
    { "s-1", "汽车以旧换新", "done" }, { "s-2", "夜间经济示范街区", "in_progress" },
    { "s-3", "县域商业体系建设", "not_started" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 12, 2, 9, 0, 0);
  g_autoptr(LedgerValue) value = ledger_value_new_status (ledger_test_window_id_of (fixture, CONSUMPTION),
                                                          "2026-Q2", "in_progress", "", "");

  ledger_milestone_set_done (done, "2026-03-20", "印发工作方案");
  g_assert_true (ledger_store_set_value (fixture->store, value, &error));
  g_assert_true (ledger_store_set_task_units (fixture->store, uuid, "市商务局", "市财政局\n市文旅局\n市市场监管局",
                                              &error));
  g_assert_true (ledger_store_save_milestone (fixture->store, done, &error));
  g_assert_true (ledger_store_save_milestone (fixture->store, missed, &error));
  g_assert_true (ledger_store_save_milestone (fixture->store, later, &error));
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(LedgerSubItem) item = ledger_sub_item_new (items[i][0], uuid, items[i][1], items[i][2], "");

      g_assert_true (ledger_store_save_sub_item (fixture->store, item, &error));
    }
  g_assert_no_error (error);
  ledger_context_set_today (ledger_window_get_context (fixture->window), today);
  g_assert_true (ledger_window_select_as_of (fixture->window, "2026-07"));
}

static LedgerIndicatorPage *
open_consumption (Fixture *fixture)
{
  GtkWidget *page;

  ledger_window_select_page (fixture->window, ledger_test_window_area_uuid (fixture, 1));
  g_signal_emit_by_name (ledger_test_window_find_row (fixture, CONSUMPTION), "activate");
  ledger_test_ui_wait (100);
  page = ledger_window_get_visible_page (fixture->window);
  g_assert_true (LEDGER_IS_INDICATOR_PAGE (page));
  return LEDGER_INDICATOR_PAGE (page);
}

static GtkWidget *
follow_up_of (LedgerIndicatorPage *page)
{
  GtkWidget *view = ledger_test_ui_find (GTK_WIDGET (page), LEDGER_TYPE_FOLLOW_UP_VIEW, NULL, NULL);

  g_assert_nonnull (view);
  return view;
}

static gboolean
has_title (GtkWidget *row,
           gpointer   title)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0;
}

static gboolean
has_subtitle_part (GtkWidget *row,
                   gpointer   part)
{
  const char *subtitle = ADW_IS_ACTION_ROW (row) ? adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) : NULL;

  return subtitle != NULL && strstr (subtitle, part) != NULL;
}

/* Scrolls the page so that @widget is at its top, for a screenshot. */
static void
scroll_to (LedgerIndicatorPage *page,
           GtkWidget           *widget)
{
  GtkWidget *scrolled = ledger_test_ui_find (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW, NULL, NULL);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  double x, y;

  g_assert_true (gtk_widget_translate_coordinates (widget, content, 0, 0, &x, &y));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), y - 12);
}

static AdwMessageDialog *
open_form (GtkWidget  *view,
           const char *action,
           GVariant   *parameter)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action_variant (view, action, parameter));
  ledger_test_ui_wait (100);
  dialog = ledger_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
fill (AdwMessageDialog *dialog,
      const char       *key,
      const char       *text)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (adw_message_dialog_get_extra_child (dialog)), key);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
save_form (AdwMessageDialog *dialog)
{
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  /* As its Save button does: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, "save");
  gtk_window_close (GTK_WINDOW (dialog));
  ledger_test_ui_wait_until_gone (&weak);
  ledger_test_ui_wait (100);
}

static LedgerTask *
task_in_store (Fixture *fixture)
{
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (fixture->store, NULL);
  TaskSearch search = { NULL, CONSUMPTION };

  ledger_plan_foreach_indicator (ledger_plan_find (plans, "changzhi-2026"), find_task_cb, &search);
  return g_object_ref (search.task);
}

/* The page shows the task's units, milestones (the missed one overdue)
 * and sub-items; Mark Done… takes a date and a note; the task is no longer
 * overdue; Ctrl+Z takes it back. */
static void
test_milestones (Fixture       *fixture,
                 gconstpointer  data)
{
  LedgerIndicatorPage *page;
  GtkWidget *view, *pill;
  AdwMessageDialog *dialog;
  g_autoptr(LedgerTask) task = NULL;
  const LedgerMilestone *missed;

  prepare_task (fixture);
  page = open_consumption (fixture);
  pill = ledger_test_ui_child (page, LEDGER_TYPE_INDICATOR_PAGE, "status_pill");
  g_assert_true (gtk_widget_has_css_class (pill, "overdue"));
  view = follow_up_of (page);
  g_assert_nonnull (ledger_test_ui_find (view, ADW_TYPE_ACTION_ROW, has_title, (gpointer) "6月底前 出台促消费实施方案"));
  g_assert_nonnull (ledger_test_ui_find (view, ADW_TYPE_ACTION_ROW, has_subtitle_part, (gpointer) "市文旅局"));
  scroll_to (page, view);
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "follow-up-task");

  dialog = open_form (view, "follow-up.mark-done", g_variant_new_string ("m-missed"));
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "follow-up-mark-done");
  fill (dialog, "date", "2026-07-08");
  fill (dialog, "note", "长政办发〔2026〕12号");
  save_form (dialog);

  task = task_in_store (fixture);
  missed = g_ptr_array_index (ledger_task_get_milestones (task), 1);
  g_assert_cmpstr (missed->uuid, ==, "m-missed");
  g_assert_cmpstr (missed->done_on, ==, "2026-07-08");
  g_assert_cmpstr (missed->note, ==, "长政办发〔2026〕12号");
  page = LEDGER_INDICATOR_PAGE (ledger_window_get_visible_page (fixture->window));
  pill = ledger_test_ui_child (page, LEDGER_TYPE_INDICATOR_PAGE, "status_pill");
  g_assert_false (gtk_widget_has_css_class (pill, "overdue"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  ledger_test_ui_wait_for_job (GTK_WIDGET (fixture->window));
  page = LEDGER_INDICATOR_PAGE (ledger_window_get_visible_page (fixture->window));
  pill = ledger_test_ui_child (page, LEDGER_TYPE_INDICATOR_PAGE, "status_pill");
  g_assert_true (gtk_widget_has_css_class (pill, "overdue"));
}

/* Add Sub-item… adds one; its status is set from its row; one behind
 * makes the task behind; a bad date is refused with its reason. */
static void
test_sub_items (Fixture       *fixture,
                gconstpointer  data)
{
  LedgerIndicatorPage *page;
  GtkWidget *view, *row, *dropdown;
  AdwMessageDialog *dialog;
  g_autoptr(LedgerTask) task = NULL;
  g_autoptr(LedgerTask) after = NULL;

  prepare_task (fixture);
  page = open_consumption (fixture);
  view = follow_up_of (page);
  dialog = open_form (view, "follow-up.add-sub-item", NULL);
  fill (dialog, "title", "老旧小区便民商圈");
  save_form (dialog);
  task = task_in_store (fixture);
  g_assert_cmpuint (ledger_task_get_sub_items (task)->len, ==, 4);

  page = LEDGER_INDICATOR_PAGE (ledger_window_get_visible_page (fixture->window));
  view = follow_up_of (page);
  row = ledger_test_ui_find (view, ADW_TYPE_ACTION_ROW, has_title, (gpointer) "夜间经济示范街区");
  g_assert_nonnull (row);
  dropdown = ledger_test_ui_find (row, GTK_TYPE_DROP_DOWN, NULL, NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 3);   /* behind */
  ledger_test_ui_wait (100);
  after = task_in_store (fixture);
  g_assert_cmpstr (((LedgerSubItem *) g_ptr_array_index (ledger_task_get_sub_items (after), 1))->status, ==, "behind");

  /* A milestone with a date that is none is refused; nothing is added. */
  page = LEDGER_INDICATOR_PAGE (ledger_window_get_visible_page (fixture->window));
  view = follow_up_of (page);
  dialog = open_form (view, "follow-up.add-milestone", NULL);
  fill (dialog, "what", "年底前 验收");
  fill (dialog, "due", "2026-12-32");
  save_form (dialog);
  g_clear_object (&after);
  after = task_in_store (fixture);
  g_assert_cmpuint (ledger_task_get_milestones (after)->len, ==, 3);

  dialog = open_form (view, "follow-up.add-milestone", NULL);
  fill (dialog, "what", "年底前 验收");
  fill (dialog, "due", "2026-12-20");
  save_form (dialog);
  g_clear_object (&after);
  after = task_in_store (fixture);
  g_assert_cmpuint (ledger_task_get_milestones (after)->len, ==, 4);

  page = LEDGER_INDICATOR_PAGE (ledger_window_get_visible_page (fixture->window));
  view = follow_up_of (page);
  scroll_to (page, ledger_test_ui_find (view, ADW_TYPE_ACTION_ROW, has_title, (gpointer) "一季度 召开动员部署会"));
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "follow-up-sub-items");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "follow-up-sub-items-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* The overview lists the overdue task first, with what it missed. */
static void
test_overview (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *overview, *row, *pill;

  prepare_task (fixture);
  ledger_window_select_page (fixture->window, ledger_node_get_uuid (LEDGER_NODE (fixture->plan)));
  ledger_test_ui_wait (100);
  overview = ledger_window_get_visible_page (fixture->window);
  row = ledger_test_ui_find (overview, ADW_TYPE_ACTION_ROW, has_subtitle_part,
                             (gpointer) "6月底前 出台促消费实施方案");
  g_assert_nonnull (row);
  pill = ledger_test_ui_find (row, LEDGER_TYPE_STATUS_PILL, NULL, NULL);
  g_assert_true (gtk_widget_has_css_class (pill, "overdue"));
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "follow-up-overview");
}

static gpointer
dialog_child (LedgerIndicatorDialog *dialog,
              const char            *name)
{
  return ledger_test_ui_child (dialog, LEDGER_TYPE_INDICATOR_DIALOG, name);
}

/* Pace from Milestones makes the custom shares of the indicator's
 * milestones ("6月底前 完成50%" → 6:50); saved, they pace it. */
static void
test_pace_from_milestones (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(LedgerIndicator) jobs = test_find_indicator (fixture->store, "changzhi-2026", "new-urban-jobs");
  g_autoptr(LedgerMilestone) half = ledger_milestone_new ("m-half", ledger_indicator_get_uuid (jobs), "2026-06-30",
                                                          "6月底前 完成50%");
  g_autoptr(LedgerMilestone) third = ledger_milestone_new ("m-third", ledger_indicator_get_uuid (jobs), "2026-09-30",
                                                           "9月底前 完成80%");
  g_autoptr(LedgerIndicator) saved = NULL;
  g_autoptr(GError) error = NULL;
  LedgerIndicatorDialog *dialog;
  gpointer weak;

  half->share = 50;
  third->share = 80;
  g_assert_true (ledger_store_save_milestone (fixture->store, half, &error));
  g_assert_true (ledger_store_save_milestone (fixture->store, third, &error));
  g_assert_no_error (error);

  dialog = ledger_indicator_dialog_new_edit (GTK_WINDOW (fixture->window), fixture->store, jobs);
  gtk_window_present (GTK_WINDOW (dialog));
  adw_combo_row_set_selected (dialog_child (dialog, "profile_row"), LEDGER_PROFILE_CUSTOM);
  ledger_test_ui_click (dialog_child (dialog, "from_milestones_button"));
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, "shares_row")), !=, "");
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "follow-up-pace-from-milestones");
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  ledger_test_ui_click (dialog_child (dialog, "save_button"));
  ledger_test_ui_wait_until_gone (&weak);

  saved = test_find_indicator (fixture->store, "changzhi-2026", "new-urban-jobs");
  g_assert_cmpint (ledger_indicator_get_profile (saved), ==, LEDGER_PROFILE_CUSTOM);
  g_assert_cmpstr (ledger_indicator_get_custom_shares (saved), ==, "6:50,9:80");
}

/* The area's row shows the lead and the supporting units where it shows
 * the unit, the first two and "…", every one on hover. */
static void
test_area_row_units (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LedgerIndicator) consumption = test_find_indicator (fixture->store, "changzhi-2026", CONSUMPTION);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  const char *tooltip;
  LedgerIndicatorRow *row;
  GtkWidget *unit;

  g_object_set (consumption, "responsible-unit", "市商务局", "unit-confirmed", TRUE,
                "supporting-units", "市财政局\n市文旅局\n市市场监管局", NULL);
  g_assert_true (ledger_store_update_indicator (fixture->store, consumption, &error));
  g_assert_no_error (error);
  ledger_window_select_page (fixture->window, ledger_test_window_area_uuid (fixture, 1));
  ledger_test_ui_wait (100);
  row = ledger_test_window_find_row (fixture, CONSUMPTION);
  unit = ledger_test_ui_child (row, LEDGER_TYPE_INDICATOR_ROW, "unit_label");
  expected = g_strdup_printf (_("· Lead: %s · Supporting: %s"), "市商务局", "市财政局、市文旅局…");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (unit)), ==, expected);
  tooltip = g_object_get_data (G_OBJECT (unit), "ledger-tooltip");
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "市财政局、市文旅局、市市场监管局"));
  gtk_widget_grab_focus (GTK_WIDGET (row));
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "follow-up-area-row-units");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  ledger_test_ui_wait (100);
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "follow-up-area-row-units-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  ledger_test_ui_init (&argc, &argv);

  g_test_add ("/follow-up/milestones", Fixture, NULL,
              ledger_test_window_set_up, test_milestones, ledger_test_window_tear_down);
  g_test_add ("/follow-up/sub-items", Fixture, NULL,
              ledger_test_window_set_up, test_sub_items, ledger_test_window_tear_down);
  g_test_add ("/follow-up/pace-from-milestones", Fixture, NULL,
              ledger_test_window_set_up, test_pace_from_milestones, ledger_test_window_tear_down);
  g_test_add ("/follow-up/overview", Fixture, NULL,
              ledger_test_window_set_up, test_overview, ledger_test_window_tear_down);
  g_test_add ("/follow-up/area-row-units", Fixture, NULL,
              ledger_test_window_set_up, test_area_row_units, ledger_test_window_tear_down);

  return ledger_test_ui_run ();
}
