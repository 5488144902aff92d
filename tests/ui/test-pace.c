/* test-pace.c: pace profiles, the base year and projections in the window —
 * the indicator dialog's new fields, 同期 and 预计全年 on the indicator
 * page, the commitment and an unconfirmed unit on a row, the overview's
 * totals that may miss the year, and the base year in the batch sheet
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ledger-batch-row.h"
#include "ledger-batch-window.h"
#include "ledger-indicator-dialog.h"
#include "ledger-indicator-page.h"
#include "ledger-overview-page.h"
#include "ledger-pace-text.h"
#include "ledger-test-ui.h"

typedef LedgerTestWindow Fixture;

/* Areas of the built-in 2026 plan. */
enum { MAIN_TARGETS = 0, DEMAND = 1, INNOVATION = 5, OPENING = 6, ENVIRONMENT = 9 };

static void
find_by_code (LedgerNode      *area,
              LedgerNode      *task,
              LedgerIndicator *indicator,
              gpointer         user_data)
{
  gpointer *search = user_data;

  if (g_str_equal (ledger_indicator_get_code (indicator), search[0]))
    search[1] = g_object_ref (indicator);
}

/* Returns: (transfer full): the indicator @code as the store has it now */
static LedgerIndicator *
stored_indicator (Fixture    *fixture,
                  const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (fixture->store, &error);
  gpointer search[] = { (gpointer) code, NULL };

  g_assert_no_error (error);
  ledger_plan_foreach_indicator (g_ptr_array_index (plans, 0), find_by_code, search);
  g_assert_nonnull (search[1]);
  return search[1];
}

static const char *
label_text (gpointer    widget,
            GType       type,
            const char *name)
{
  return gtk_label_get_text (ledger_test_ui_child (widget, type, name));
}

/* Scrolls @widget's page so that @widget shows near its top. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_point_t point;

  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_true (gtk_widget_compute_point (widget, scrolled, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 60);
  ledger_test_ui_wait (200);
}

/* Shows @widget in both color schemes, wide and narrow, as NAME, NAME-dark
 * and NAME-narrow-dark, with @focus in view. */
static void
screenshots (GtkWidget  *widget,
             GtkWidget  *focus,
             const char *name)
{
  g_autofree char *dark = g_strdup_printf ("%s-dark", name);
  g_autofree char *narrow = g_strdup_printf ("%s-narrow-dark", name);

  /* The pages cross-fade: the shot waits for the new page alone. */
  ledger_test_ui_wait (600);
  if (focus != NULL)
    scroll_to (focus);
  ledger_test_ui_screenshot (widget, name);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  ledger_test_ui_screenshot (widget, dark);
  gtk_window_set_default_size (GTK_WINDOW (widget), 400, 760);
  ledger_test_ui_wait (300);
  /* Narrower, the page scrolls: @focus comes into view again. */
  if (focus != NULL)
    scroll_to (focus);
  ledger_test_ui_screenshot (widget, narrow);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* The clerk's words for a custom pace and the stored form, both ways. */
static void
test_shares_text (void)
{
  static const struct { const char *typed; const char *stored; } good[] = {
    { "一季度 30%，上半年 60%，前三季度 85%", "3:30,6:60,9:85" },
    { "1-5月 40%, 全年 100%", "5:40,12:100" },
    { "3:30,6:60", "3:30,6:60" },
    { "上半年5％、前三季度30", "6:5,9:30" },
    { "", "" },
  };
  static const char *bad[] = { "上半年 60%, 一季度 30%", "下半年 50%", "一季度", "全年 90%", "上半年 120%" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = ledger_shares_text_parse (good[i].typed, &error);
      g_autofree char *shown = NULL;
      g_autofree char *again = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (stored, ==, good[i].stored);
      /* What the dialog shows back reads as the same shares. */
      shown = ledger_shares_text_format (stored);
      again = ledger_shares_text_parse (shown, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (again, ==, good[i].stored);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = ledger_shares_text_parse (bad[i], &error);

      g_assert_null (stored);
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, !=, "");
    }
}

static GtkWindow *
edit_indicator (Fixture    *fixture,
                guint       area,
                const char *code)
{
  GtkWindow *dialog;

  ledger_window_select_page (fixture->window, ledger_test_window_area_uuid (fixture, area));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ledger_test_window_find_row (fixture, code)),
                                             "row.edit", NULL));
  ledger_test_ui_wait (200);
  dialog = ledger_test_ui_find_window (LEDGER_TYPE_INDICATOR_DIALOG);
  g_assert_nonnull (dialog);
  return dialog;
}

static gpointer
dialog_child (GtkWindow  *dialog,
              const char *name)
{
  return ledger_test_ui_child (dialog, LEDGER_TYPE_INDICATOR_DIALOG, name);
}

static gboolean
shown (GtkWindow  *dialog,
       const char *name)
{
  return gtk_widget_get_visible (dialog_child (dialog, name));
}

/* The dialog saves each new field in one step and shows it again; it
 * shows only the fields that apply and refuses shares it cannot read. */
static void
test_dialog_fields (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LedgerIndicator) saved = NULL;
  g_autoptr(LedgerIndicator) milestone = NULL;
  g_autofree char *shown_shares = NULL;
  guint changes = ledger_store_count_changes (fixture->store);
  GtkWindow *dialog = edit_indicator (fixture, MAIN_TARGETS, "new-urban-jobs");

  /* A monthly total: every profile, January, no shares until custom. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (dialog_child (dialog, "profile_row"))), ==, 5);
  g_assert_true (shown (dialog, "january_row"));
  g_assert_false (shown (dialog, "shares_row"));
  g_assert_false (shown (dialog, "due_month_row"));

  adw_combo_row_set_selected (dialog_child (dialog, "profile_row"), LEDGER_PROFILE_CUSTOM);
  g_assert_true (shown (dialog, "shares_row"));
  ledger_test_ui_type (dialog_child (dialog, "shares_row"), "上半年 60%，一季度 30%");
  ledger_test_ui_click (dialog_child (dialog, "save_button"));
  g_assert_true (shown (dialog, "error_label"));
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, changes);

  ledger_test_ui_type (dialog_child (dialog, "shares_row"), "一季度 30%，上半年 60%");
  adw_combo_row_set_selected (dialog_child (dialog, "january_row"), LEDGER_JANUARY_COMBINED);
  adw_combo_row_set_selected (dialog_child (dialog, "commitment_row"), LEDGER_COMMITMENT_FIRM);
  gtk_switch_set_active (dialog_child (dialog, "unit_confirmed_switch"), TRUE);
  ledger_test_ui_click (dialog_child (dialog, "save_button"));
  g_assert_null (ledger_test_ui_find_window (LEDGER_TYPE_INDICATOR_DIALOG));
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, changes + 1);

  saved = stored_indicator (fixture, "new-urban-jobs");
  g_assert_cmpint (ledger_indicator_get_profile (saved), ==, LEDGER_PROFILE_CUSTOM);
  g_assert_cmpstr (ledger_indicator_get_custom_shares (saved), ==, "3:30,6:60");
  g_assert_cmpint (ledger_indicator_get_january (saved), ==, LEDGER_JANUARY_COMBINED);
  g_assert_cmpint (ledger_indicator_get_commitment (saved), ==, LEDGER_COMMITMENT_FIRM);
  g_assert_true (ledger_indicator_get_unit_confirmed (saved));

  /* Opened again, it shows what was saved, in the clerk's words. */
  dialog = edit_indicator (fixture, MAIN_TARGETS, "new-urban-jobs");
  shown_shares = ledger_shares_text_format ("3:30,6:60");
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, "shares_row")), ==, shown_shares);
  g_assert_cmpuint (adw_combo_row_get_selected (dialog_child (dialog, "profile_row")), ==, LEDGER_PROFILE_CUSTOM);
  g_assert_cmpuint (adw_combo_row_get_selected (dialog_child (dialog, "commitment_row")), ==, LEDGER_COMMITMENT_FIRM);
  g_assert_true (gtk_switch_get_active (dialog_child (dialog, "unit_confirmed_switch")));
  /* Tall enough to show the pace and the units at once. */
  gtk_window_set_default_size (dialog, 520, 1000);
  gtk_widget_grab_focus (dialog_child (dialog, "shares_row"));
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "dialog-custom-pace");

  /* A milestone by 上半年: the month is kept; the shares are not. */
  adw_combo_row_set_selected (dialog_child (dialog, "profile_row"), LEDGER_PROFILE_MILESTONE);
  g_assert_true (shown (dialog, "due_month_row"));
  g_assert_false (shown (dialog, "shares_row"));
  adw_combo_row_set_selected (dialog_child (dialog, "due_month_row"), 5);
  adw_combo_row_set_selected (dialog_child (dialog, "january_row"), LEDGER_JANUARY_SEPARATE);
  gtk_widget_grab_focus (dialog_child (dialog, "unit_confirmed_switch"));
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "dialog-milestone");
  ledger_test_ui_click (dialog_child (dialog, "save_button"));
  g_assert_null (ledger_test_ui_find_window (LEDGER_TYPE_INDICATOR_DIALOG));
  milestone = stored_indicator (fixture, "new-urban-jobs");
  g_assert_cmpint (ledger_indicator_get_profile (milestone), ==, LEDGER_PROFILE_MILESTONE);
  g_assert_cmpint (ledger_indicator_get_due_month (milestone), ==, 6);
  g_assert_cmpstr (ledger_indicator_get_custom_shares (milestone), ==, "");
  g_assert_cmpint (ledger_indicator_get_january (milestone), ==, LEDGER_JANUARY_SEPARATE);

  /* One step of undo takes the last edit back. */
  g_assert_true (ledger_store_undo (fixture->store, NULL));
  g_clear_object (&milestone);
  milestone = stored_indicator (fixture, "new-urban-jobs");
  g_assert_cmpint (ledger_indicator_get_profile (milestone), ==, LEDGER_PROFILE_CUSTOM);

  /* A quarterly rate: no seasonal or custom pace, no January of its own. */
  dialog = edit_indicator (fixture, MAIN_TARGETS, "gdp-growth");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (dialog_child (dialog, "profile_row"))), ==, 3);
  g_assert_false (shown (dialog, "january_row"));
  gtk_widget_grab_focus (dialog_child (dialog, "commitment_row"));
  screenshots (GTK_WIDGET (dialog), dialog_child (dialog, "commitment_row"), "dialog-rate");
}

static LedgerIndicatorPage *
open_indicator (Fixture    *fixture,
                guint       area,
                const char *code)
{
  GtkWidget *page;

  ledger_window_select_page (fixture->window, ledger_test_window_area_uuid (fixture, area));
  g_signal_emit_by_name (ledger_test_window_find_row (fixture, code), "activate");
  ledger_test_ui_wait (100);
  page = ledger_window_get_visible_page (fixture->window);
  g_assert_true (LEDGER_IS_INDICATOR_PAGE (page));
  return LEDGER_INDICATOR_PAGE (page);
}

static const char *
page_text (LedgerIndicatorPage *page,
           const char          *name)
{
  return label_text (page, LEDGER_TYPE_INDICATOR_PAGE, name);
}

static gboolean
card_shown (LedgerIndicatorPage *page,
            const char          *name)
{
  GtkWidget *label = ledger_test_ui_child (page, LEDGER_TYPE_INDICATOR_PAGE, name);

  return gtk_widget_get_visible (gtk_widget_get_ancestor (label, GTK_TYPE_FLOW_BOX_CHILD));
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” does not hold “%s”", text, part);
}

/* Whether a row's title is of 2025 and ends with @data. */
static gboolean
title_has (GtkWidget *widget,
           gpointer   data)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));

  return title != NULL && g_str_has_prefix (title, "2025 ") && g_str_has_suffix (title, data);
}

static gboolean
subtitle_has (GtkWidget *widget,
              gpointer   data)
{
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));

  return subtitle != NULL && strstr (subtitle, data) != NULL;
}

/* 同期, 同比 and 预计全年 of a total; 后续需增长 of a rate; a seasonal
 * level without last year's figures says it is paced by months. */
static void
test_page_base_year (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LedgerIndicator) jobs = stored_indicator (fixture, "new-urban-jobs");
  g_autofree char *base = ledger_indicator_format_value (jobs, 2.0);
  g_autofree char *projection = ledger_indicator_format_value (jobs, 4.6);
  g_autofree char *due = NULL;
  g_autofree char *base_title = NULL;
  LedgerIndicatorPage *page;
  GtkWidget *values;

  /* 城镇新增就业: 2.3万人 by June against 2.0 a year ago, when the year
   * made 4.0: 同比 2.3 / 2.0 − 1 = +15.0%; 预计全年 2.3 × 4.0 / 2.0 = 4.6万人,
   * 4.6 / 4.3 = 107.0% of the target. */
  ledger_test_window_set_number (fixture, "new-urban-jobs", "2025-06", 2.0);
  ledger_test_window_set_number (fixture, "new-urban-jobs", "2025-12", 4.0);
  ledger_test_window_set_number (fixture, "new-urban-jobs", "2026-06", 2.3);
  g_assert_true (ledger_window_select_as_of (fixture->window, "2026-06"));
  page = open_indicator (fixture, MAIN_TARGETS, "new-urban-jobs");
  g_assert_true (card_shown (page, "base_label"));
  g_assert_cmpstr (page_text (page, "base_label"), ==, base);
  assert_contains (page_text (page, "base_note"), "+15.0%");
  assert_contains (page_text (page, "base_caption"), "2025");
  g_assert_cmpstr (page_text (page, "projection_label"), ==, projection);
  assert_contains (page_text (page, "projection_note"), "107.0%");
  g_assert_false (gtk_widget_get_visible (ledger_test_ui_child (page, LEDGER_TYPE_INDICATOR_PAGE, "fallback_label")));
  /* In the list of values, last year's are marked as such, and this
   * year's have theirs beside them. */
  values = ledger_test_ui_child (page, LEDGER_TYPE_INDICATOR_PAGE, "values_group");
  base_title = g_strdup_printf (_("%s · base year"), "");
  g_assert_nonnull (ledger_test_ui_find (values, ADW_TYPE_ACTION_ROW, title_has, base_title));
  g_assert_nonnull (ledger_test_ui_find (values, ADW_TYPE_ACTION_ROW, subtitle_has, "+15.0%"));
  screenshots (GTK_WIDGET (fixture->window), NULL, "page-base-year");
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 760);
  screenshots (GTK_WIDGET (fixture->window), values, "page-base-year-values");
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 760);

  /* 地区生产总值增长 5.0% in Q1 on last year's 500 of 2000: the rest of the
   * year needs (2000 × 1.06 − 500 × 1.05) / (2000 − 500) − 1 = +6.3%. */
  ledger_test_window_set_number (fixture, "gdp-growth", "2025-Q1", 500);
  ledger_test_window_set_number (fixture, "gdp-growth", "2025-Q4", 2000);
  ledger_test_window_set_number (fixture, "gdp-growth", "2026-Q1", 5.0);
  g_assert_true (ledger_window_select_as_of (fixture->window, "2026-03"));
  page = open_indicator (fixture, MAIN_TARGETS, "gdp-growth");
  g_assert_cmpstr (page_text (page, "projection_caption"), ==, _("Growth still needed"));
  g_assert_cmpstr (page_text (page, "projection_label"), ==, "+6.3%");
  g_assert_cmpstr (page_text (page, "base_label"), ==, "500");

  /* 国家高新技术企业 2 of 30 by 上半年, when the office's shares have 5%
   * due: 1.5 due, 2 is on track, and the caption says what is due. */
  ledger_test_window_set_number (fixture, "new-high-tech-enterprises", "2026-Q2", 2);
  g_assert_true (ledger_window_select_as_of (fixture->window, "2026-06"));
  page = open_indicator (fixture, INNOVATION, "new-high-tech-enterprises");
  due = g_strdup_printf (_("Progress · due %s"), "5.0%");
  g_assert_cmpstr (page_text (page, "progress_caption"), ==, due);
  g_assert_cmpint (ledger_context_evaluate (ledger_window_get_context (fixture->window),
                                           ledger_indicator_page_get_indicator (page), NULL).status,
                   ==, LEDGER_STATUS_ON_TRACK);

  /* PM2.5 is paced as last year went; without last year it says so. */
  ledger_test_window_set_number (fixture, "pm25", "2026-03", 41);
  page = open_indicator (fixture, ENVIRONMENT, "pm25");
  g_assert_true (gtk_widget_get_visible (ledger_test_ui_child (page, LEDGER_TYPE_INDICATOR_PAGE, "fallback_label")));
  g_assert_false (card_shown (page, "base_label"));
  assert_contains (page_text (page, "definition_label"), ledger_pace_text_profile (LEDGER_PROFILE_SEASONAL));
  assert_contains (page_text (page, "definition_label"), ledger_pace_text_commitment (LEDGER_COMMITMENT_STRIVE));
  ledger_test_window_set_number (fixture, "pm25", "2025-03", 45);
  ledger_test_window_set_number (fixture, "pm25", "2025-12", 38);
  g_assert_false (gtk_widget_get_visible (ledger_test_ui_child (page, LEDGER_TYPE_INDICATOR_PAGE, "fallback_label")));
  g_assert_true (card_shown (page, "base_label"));
}

/* Scrolls @row into view, once the page's transition is over. */
static void
show_row (LedgerIndicatorRow *row)
{
  ledger_test_ui_wait (500);
  scroll_to (GTK_WIDGET (row));
}

/* 力争 beside the target; a unit not confirmed is a proposal until it is;
 * a year-end target before its time is pending, and says when it is
 * assessed. */
static void
test_row_commitment_and_unit (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(LedgerIndicator) trade = stored_indicator (fixture, "foreign-trade-growth");
  g_autoptr(LedgerIndicator) confirmed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *proposed = g_strdup_printf (_("%s (proposed)"), ledger_indicator_get_responsible_unit (trade));
  LedgerIndicatorRow *row;
  GtkWidget *unit;
  g_autofree char *pending = NULL;

  ledger_window_select_page (fixture->window, ledger_test_window_area_uuid (fixture, OPENING));
  row = ledger_test_window_find_row (fixture, "foreign-trade-growth");
  g_assert_true (gtk_widget_get_visible (ledger_test_ui_child (row, LEDGER_TYPE_INDICATOR_ROW, "commitment_label")));
  g_assert_cmpstr (label_text (row, LEDGER_TYPE_INDICATOR_ROW, "commitment_label"), ==,
                   ledger_pace_text_commitment (LEDGER_COMMITMENT_STRIVE));
  unit = ledger_test_ui_child (row, LEDGER_TYPE_INDICATOR_ROW, "unit_label");
  assert_contains (gtk_label_get_text (GTK_LABEL (unit)), proposed);
  g_assert_true (gtk_widget_has_css_class (unit, "proposed-unit"));
  g_assert_true (gtk_widget_get_has_tooltip (unit));
  show_row (row);
  screenshots (GTK_WIDGET (fixture->window), GTK_WIDGET (row), "row-commitment");
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 760);

  /* Confirmed, the unit is the unit. */
  confirmed = stored_indicator (fixture, "foreign-trade-growth");
  g_object_set (confirmed, "unit-confirmed", TRUE, NULL);
  g_assert_true (ledger_store_update_indicator (fixture->store, confirmed, &error));
  g_assert_no_error (error);
  ledger_test_ui_wait (100);
  row = ledger_test_window_find_row (fixture, "foreign-trade-growth");
  unit = ledger_test_ui_child (row, LEDGER_TYPE_INDICATOR_ROW, "unit_label");
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (unit)), proposed));
  g_assert_false (gtk_widget_has_css_class (unit, "proposed-unit"));

  /* 签约项目当年开工率 30% in 1-3月 is assessed at year end: pending. */
  ledger_test_window_set_number (fixture, "signed-projects-start-rate", "2026-03", 30);
  g_assert_true (ledger_window_select_as_of (fixture->window, "2026-03"));
  ledger_window_select_page (fixture->window, ledger_test_window_area_uuid (fixture, DEMAND));
  row = ledger_test_window_find_row (fixture, "signed-projects-start-rate");
  g_assert_cmpint (ledger_indicator_row_get_status (row), ==, LEDGER_STATUS_PENDING);
  pending = ledger_pace_text_pending (ledger_indicator_row_get_indicator (row));
  g_assert_cmpstr (label_text (row, LEDGER_TYPE_INDICATOR_ROW, "gap_label"), ==, pending);
  show_row (row);
  screenshots (GTK_WIDGET (fixture->window), GTK_WIDGET (row), "row-pending");
}

static gboolean
has_indicator (GtkWidget *widget,
               gpointer   data)
{
  LedgerIndicator *indicator = g_object_get_data (G_OBJECT (widget), "indicator");

  return indicator != NULL && (data == NULL || g_str_equal (ledger_indicator_get_code (indicator), data));
}

/* The totals projected short of the target, the largest shortfall first,
 * each a click away; a total on course is not among them. */
static void
test_overview_may_miss (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *page, *group, *first;

  /* 签约项目 400 of 1000 by June, no base year: 400 × 12 / 6 = 800, 20%
   * short. 重大项目开工 60 of 135 as 2025 went (50 by June of 100):
   * 60 × 100 / 50 = 120, 11.1% short. 城镇新增就业 2.3 as 2025 went
   * (2.0 of 4.0): 4.6 ≥ 4.3, on course. 原煤产量 0.84亿吨 by June: 1.68,
   * within 5% of 1.7 either way, on course; 1.0 would make 2.0, too much. */
  ledger_test_window_set_number (fixture, "signed-projects", "2026-06", 400);
  ledger_test_window_set_number (fixture, "major-projects-started", "2025-06", 50);
  ledger_test_window_set_number (fixture, "major-projects-started", "2025-12", 100);
  ledger_test_window_set_number (fixture, "major-projects-started", "2026-06", 60);
  ledger_test_window_set_number (fixture, "new-urban-jobs", "2025-06", 2.0);
  ledger_test_window_set_number (fixture, "new-urban-jobs", "2025-12", 4.0);
  ledger_test_window_set_number (fixture, "new-urban-jobs", "2026-06", 2.3);
  ledger_test_window_set_number (fixture, "raw-coal-output", "2026-06", 0.84);
  g_assert_true (ledger_window_select_as_of (fixture->window, "2026-06"));
  g_assert_true (ledger_window_select_page (fixture->window, ledger_node_get_uuid (LEDGER_NODE (fixture->plan))));
  page = ledger_window_get_visible_page (fixture->window);
  g_assert_true (LEDGER_IS_OVERVIEW_PAGE (page));

  group = ledger_test_ui_child (page, LEDGER_TYPE_OVERVIEW_PAGE, "projection_group");
  first = ledger_test_ui_find (group, ADW_TYPE_ACTION_ROW, has_indicator, NULL);
  g_assert_nonnull (first);
  g_assert_true (has_indicator (first, "signed-projects"));
  g_assert_nonnull (ledger_test_ui_find (group, ADW_TYPE_ACTION_ROW, has_indicator, "major-projects-started"));
  g_assert_null (ledger_test_ui_find (group, ADW_TYPE_ACTION_ROW, has_indicator, "new-urban-jobs"));
  g_assert_null (ledger_test_ui_find (group, ADW_TYPE_ACTION_ROW, has_indicator, "raw-coal-output"));
  screenshots (GTK_WIDGET (fixture->window), group, "overview-may-miss");

  ledger_test_window_set_number (fixture, "raw-coal-output", "2026-06", 1.0);
  g_assert_nonnull (ledger_test_ui_find (group, ADW_TYPE_ACTION_ROW, has_indicator, "raw-coal-output"));

  first = ledger_test_ui_find (group, ADW_TYPE_ACTION_ROW, has_indicator, NULL);
  g_signal_emit_by_name (first, "activated");
  ledger_test_ui_wait (100);
  page = ledger_window_get_visible_page (fixture->window);
  g_assert_true (LEDGER_IS_INDICATOR_PAGE (page));
  g_assert_cmpstr (ledger_indicator_get_code (ledger_indicator_page_get_indicator (LEDGER_INDICATOR_PAGE (page))),
                   ==, "signed-projects");
}

static LedgerBatchRow *
batch_row_of (LedgerBatchWindow *sheet,
              const char        *code)
{
  GPtrArray *rows = ledger_batch_window_get_rows (sheet);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (ledger_indicator_get_code (ledger_batch_row_get_indicator (g_ptr_array_index (rows, i))), code))
      return g_ptr_array_index (rows, i);
  return NULL;
}

/* The sheet offers the base year's periods and January alone: a 同期
 * figure is typed and saved like any value. */
static void
test_batch_base_year (Fixture       *fixture,
                      gconstpointer  data)
{
  LedgerBatchWindow *sheet;
  LedgerBatchRow *row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.record-period", NULL));
  ledger_test_ui_wait (200);
  sheet = LEDGER_BATCH_WINDOW (ledger_test_ui_find_window (LEDGER_TYPE_BATCH_WINDOW));
  g_assert_nonnull (sheet);

  /* January alone: only the figures released alone. */
  g_assert_true (ledger_batch_window_set_period (sheet, "2026-01"));
  g_assert_nonnull (batch_row_of (sheet, "cpi-rise"));
  g_assert_null (batch_row_of (sheet, "fixed-asset-investment-growth"));

  g_assert_true (ledger_batch_window_set_period (sheet, "2025-03"));
  row = batch_row_of (sheet, "new-urban-jobs");
  g_assert_nonnull (row);
  g_assert_nonnull (batch_row_of (sheet, "gdp-growth"));
  ledger_test_ui_type (ledger_batch_row_get_entry (row), "0.8");
  ledger_test_ui_screenshot (GTK_WIDGET (sheet), "batch-base-year");
  g_assert_true (ledger_test_ui_save_batch (sheet));
  g_assert_cmpfloat (ledger_test_window_number (fixture, "new-urban-jobs", "2025-03"), ==, 0.8);
}

int
main (int   argc,
      char *argv[])
{
  ledger_test_ui_init (&argc, &argv);

  g_test_add_func ("/pace/shares-text", test_shares_text);
  g_test_add ("/pace/dialog-fields", Fixture, NULL,
              ledger_test_window_set_up, test_dialog_fields, ledger_test_window_tear_down);
  g_test_add ("/pace/page-base-year", Fixture, NULL,
              ledger_test_window_set_up, test_page_base_year, ledger_test_window_tear_down);
  g_test_add ("/pace/row-commitment-and-unit", Fixture, NULL,
              ledger_test_window_set_up, test_row_commitment_and_unit, ledger_test_window_tear_down);
  g_test_add ("/pace/overview-may-miss", Fixture, NULL,
              ledger_test_window_set_up, test_overview_may_miss, ledger_test_window_tear_down);
  g_test_add ("/pace/batch-base-year", Fixture, NULL,
              ledger_test_window_set_up, test_batch_base_year, ledger_test_window_tear_down);

  return ledger_test_ui_run ();
}
