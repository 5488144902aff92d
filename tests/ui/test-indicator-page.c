/* test-indicator-page.c: drilling into an indicator — figures, chart,
 * values, history — for each kind, and back
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-area-page.h"
#include "ledger-chart.h"
#include "ledger-indicator-page.h"
#include "ledger-sidebar-row.h"
#include "ledger-test-ui.h"

typedef LedgerTestWindow Fixture;

/* A first half year as the office would have it. */
static void
record_first_half (Fixture *fixture)
{
  static const struct { const char *code; const char *period; double number; } values[] = {
    { "new-urban-jobs", "2026-02", 0.5 }, { "new-urban-jobs", "2026-03", 0.9 },
    { "new-urban-jobs", "2026-04", 1.4 }, { "new-urban-jobs", "2026-05", 1.8 },
    { "new-urban-jobs", "2026-06", 2.3 },
    { "gdp-growth", "2026-Q1", 5.6 }, { "gdp-growth", "2026-Q2", 5.9 },
    { "pm25", "2026-02", 46 }, { "pm25", "2026-03", 41 }, { "pm25", "2026-04", 37 },
    { "pm25", "2026-05", 34 }, { "pm25", "2026-06", 32 },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    ledger_test_window_set_number (fixture, values[i].code, values[i].period, values[i].number);
  for (guint q = 1; q <= 2; q++)
    {
      g_autofree char *period = g_strdup_printf ("2026-Q%u", q);
      g_autoptr(LedgerValue) value = ledger_value_new_status (ledger_test_window_id_of (fixture, "binding-targets"),
                                                              period, q == 1 ? "not_started" : "in_progress",
                                                              "能耗双控指标分解到县区", "");

      g_assert_true (ledger_store_set_value (fixture->store, value, &error));
    }
  g_assert_true (ledger_window_select_as_of (fixture->window, "2026-06"));
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
  g_assert_cmpstr (ledger_indicator_get_code (ledger_indicator_page_get_indicator (LEDGER_INDICATOR_PAGE (page))),
                   ==, code);
  return LEDGER_INDICATOR_PAGE (page);
}

static LedgerChart *
chart_of (LedgerIndicatorPage *page)
{
  return ledger_test_ui_child (page, LEDGER_TYPE_INDICATOR_PAGE, "chart");
}

/* Each kind of indicator, in its own page, with its chart. */
static void
test_each_kind (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct { guint area; const char *code; guint points; } kinds[] = {
    { 0, "new-urban-jobs", 5 }, { 0, "gdp-growth", 2 }, { 9, "pm25", 5 }, { 0, "binding-targets", 2 },
  };

  record_first_half (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      LedgerIndicatorPage *page = open_indicator (fixture, kinds[i].area, kinds[i].code);
      LedgerChart *chart = chart_of (page);
      g_autofree char *name = g_strdup_printf ("indicator-%s", kinds[i].code);
      g_autofree char *description = ledger_chart_dup_description (chart);
      g_autofree char *first = NULL;

      g_assert_cmpuint (ledger_chart_get_n_points (chart), ==, kinds[i].points);
      first = ledger_chart_dup_point_text (chart, 0);
      /* The text alternative says every point the chart shows. */
      g_assert_nonnull (strstr (description, first));
      ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), name);
    }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  open_indicator (fixture, 0, "new-urban-jobs");
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "indicator-dark");
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 720);
  ledger_test_ui_wait (300);
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "indicator-narrow-dark");
}

/* Back (Escape, Alt+Left, the header's button) returns to the area. */
static void
test_back (Fixture       *fixture,
           gconstpointer  data)
{
  open_indicator (fixture, 0, "gdp-growth");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL));
  g_assert_true (LEDGER_IS_AREA_PAGE (ledger_window_get_visible_page (fixture->window)));
}

static gboolean
any_widget (GtkWidget *widget,
            gpointer   data)
{
  return TRUE;
}

/* Opened with a click on a row that had the focus: the focus goes to
 * Back, never to the page's name, which would show all selected; back on
 * the area, the row has it again. */
static void
test_opened_from_focused_row (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *row, *sidebar_row;
  GtkLabel *name;
  LedgerIndicatorPage *page;
  int start, end;

  ledger_window_select_page (fixture->window, ledger_test_window_area_uuid (fixture, 0));
  row = GTK_WIDGET (ledger_test_window_find_row (fixture, "gdp-growth"));
  g_assert_true (gtk_widget_grab_focus (row));
  ledger_test_ui_wait (100);
  page = open_indicator (fixture, 0, "gdp-growth");
  name = ledger_test_ui_child (page, LEDGER_TYPE_INDICATOR_PAGE, "name_label");
  g_assert_false (gtk_label_get_selection_bounds (name, &start, &end));
  g_assert_false (gtk_widget_is_focus (GTK_WIDGET (name)));
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "indicator-from-row");
  /* Back (Escape) gives the row its focus again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL));
  ledger_test_ui_wait (100);
  g_assert_true (gtk_widget_is_focus (row));

  /* Moving on in the sidebar instead, the focus stays in the sidebar. */
  open_indicator (fixture, 0, "gdp-growth");
  sidebar_row = ledger_test_ui_find (GTK_WIDGET (fixture->window), LEDGER_TYPE_SIDEBAR_ROW, any_widget, NULL);
  g_assert_true (gtk_widget_grab_focus (sidebar_row));
  ledger_window_select_page (fixture->window, ledger_test_window_area_uuid (fixture, 1));
  ledger_test_ui_wait (100);
  g_assert_true (gtk_widget_is_focus (sidebar_row));
}

/* A value recorded or deleted shows at once in the figures, the chart, the
 * list and the history. */
static void
test_follows_the_store (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LedgerIndicatorPage *page;
  gint64 id = ledger_test_window_id_of (fixture, "new-urban-jobs");

  record_first_half (fixture);
  page = open_indicator (fixture, 0, "new-urban-jobs");
  ledger_test_window_set_number (fixture, "new-urban-jobs", "2026-07", 2.9);
  g_assert_cmpuint (ledger_chart_get_n_points (chart_of (page)), ==, 6);
  g_assert_true (ledger_store_delete_value (fixture->store, id, "2026-07", &error));
  g_assert_cmpuint (ledger_chart_get_n_points (chart_of (page)), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  ledger_test_ui_init (&argc, &argv);

  g_test_add ("/indicator-page/each-kind", Fixture, NULL,
              ledger_test_window_set_up, test_each_kind, ledger_test_window_tear_down);
  g_test_add ("/indicator-page/opened-from-focused-row", Fixture, NULL,
              ledger_test_window_set_up, test_opened_from_focused_row, ledger_test_window_tear_down);
  g_test_add ("/indicator-page/back", Fixture, NULL,
              ledger_test_window_set_up, test_back, ledger_test_window_tear_down);
  g_test_add ("/indicator-page/follows-the-store", Fixture, NULL,
              ledger_test_window_set_up, test_follows_the_store, ledger_test_window_tear_down);

  return ledger_test_ui_run ();
}
