/* test-walkthrough.c: the county workflow as a city office walks it in the
 * window (docs/regions.md): Regions…, Split Target… by weights, Export a
 * Region's Plan… for 潞州区, the county's own ledger (its plan imported, its
 * figures recorded and sent as a data package), Import Data Packages… in the
 * city's ledger, the indicator page with 区县合计 and the roll-up warning,
 * Region Rankings, and the monthly report as PDF; a screenshot of each step,
 * wide, at 360 px and dark
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ledger-chart.h"
#include "ledger-indicator-page.h"
#include "ledger-package.h"
#include "ledger-package-import-window.h"
#include "ledger-plan-file.h"
#include "ledger-ranking-page.h"
#include "ledger-ranking-table.h"
#include "ledger-region-group.h"
#include "ledger-regions-window.h"
#include "ledger-sidebar-row.h"
#include "ledger-split-dialog.h"
#include "ledger-test-ui.h"
#include "test-pdf.h"

typedef LedgerTestWindow Fixture;

#define LUZHOU    "140403"  /* 潞州区: its own ledger sends a package */
#define SHANGDANG "140404"  /* 上党区: its figures are already in */

/* 新增城镇就业: a monthly total, 4.3 万人, answered for by 市人社局. */
#define JOBS "new-urban-jobs"
#define JOBS_UNIT "市人社局"

/* Ranking table columns (ledger-ranking-table.c). */
enum { RANK, REGION };

static gboolean
has_name (GtkWidget *widget,
          gpointer   name)
{
  return g_str_equal (gtk_widget_get_name (widget), name);
}

static gboolean
title_starts (GtkWidget *widget,
              gpointer   start)
{
  return g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), start);
}

static void
screenshot_window (Fixture    *fixture,
                   const char *name)
{
  ledger_test_ui_wait (200);
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), name);
}

/* The same step at 360 px wide, and dark; then back as it was. */
static void
screenshot_narrow_dark (Fixture    *fixture,
                        const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *narrow = g_strconcat (name, "-narrow", NULL);
  g_autofree char *dark = g_strconcat (name, "-dark", NULL);
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (fixture->window), &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 720);
  ledger_test_ui_wait (300);
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), narrow);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  ledger_test_ui_wait (300);
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  ledger_test_ui_wait (100);
}

/* The built-in plan's twelve counties weighed 潞州区 3, each other 1; the
 * zone (长治高新区) keeps none. */
static void
weigh_regions (Fixture *fixture)
{
  g_autoptr(GPtrArray) regions = ledger_store_list_regions (fixture->store, fixture->plan);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (regions->len, ==, 13);
  for (guint i = 0; i < regions->len; i++)
    {
      LedgerRegion *region = g_ptr_array_index (regions, i);

      if (region->kind == LEDGER_REGION_COUNTY)
        region->weight = g_str_equal (region->code, LUZHOU) ? 3 : 1;
    }
  g_assert_true (ledger_store_save_regions (fixture->store, fixture->plan, regions, &error));
  g_assert_no_error (error);
}

static double
region_target (Fixture    *fixture,
               const char *region)
{
  g_autoptr(GPtrArray) targets = ledger_store_list_region_targets (fixture->store,
                                                                    ledger_test_window_id_of (fixture, JOBS));

  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      LedgerRegionTarget *target = g_ptr_array_index (targets, i);

      if (g_str_equal (target->region, region))
        return target->target;
    }
  return NAN;
}

static double
region_number (Fixture    *fixture,
               const char *region,
               const char *period)
{
  g_autoptr(LedgerValue) value = ledger_store_get_region_value (fixture->store, ledger_test_window_id_of (fixture, JOBS),
                                                                region, period);

  return value != NULL ? ledger_value_get_number (value) : -1;
}

static LedgerIndicatorPage *
open_jobs_page (Fixture *fixture)
{
  GtkWidget *page;

  ledger_window_select_page (fixture->window, ledger_test_window_area_uuid (fixture, 0));
  g_signal_emit_by_name (ledger_test_window_find_row (fixture, JOBS), "activate");
  ledger_test_ui_wait (300);
  page = ledger_window_get_visible_page (fixture->window);
  g_assert_true (LEDGER_IS_INDICATOR_PAGE (page));
  return LEDGER_INDICATOR_PAGE (page);
}

static LedgerSplitDialog *
open_split (Fixture *fixture)
{
  GtkWidget *group = ledger_test_ui_find (GTK_WIDGET (open_jobs_page (fixture)), LEDGER_TYPE_REGION_GROUP, NULL, NULL);
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (group, "region-group.split", NULL));
  ledger_test_ui_wait (300);
  dialog = ledger_test_ui_find_window (LEDGER_TYPE_SPLIT_DIALOG);
  g_assert_nonnull (dialog);
  return LEDGER_SPLIT_DIALOG (dialog);
}

/* Step 1, Regions… then Split Target… by weights. 4.3 万人 is 43 tenths;
 * weights 3 + 11 × 1 = 14: exact shares 潞州区 43 × 3 ÷ 14 = 9.214, each
 * other 43 ÷ 14 = 3.071 tenths; whole tenths 9 + 11 × 3 = 42, the one left
 * to the largest fraction (潞州区's 0.214): 1.0, and 0.3 each — 4.3 in all.
 * Closing with the split not saved asks first; Keep Editing keeps it. */
static void
split_by_weights (Fixture *fixture)
{
  LedgerSplitDialog *dialog;
  GtkWindow *regions, *question;
  gpointer weak;

  weigh_regions (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.regions", NULL));
  ledger_test_ui_wait (300);
  regions = ledger_test_ui_find_window (LEDGER_TYPE_REGIONS_WINDOW);
  g_assert_nonnull (regions);
  ledger_test_ui_screenshot (GTK_WIDGET (regions), "walk-1-regions");
  gtk_window_destroy (regions);

  /* Opened and closed untouched: nothing to lose, no question. */
  dialog = open_split (fixture);
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  gtk_window_close (GTK_WINDOW (dialog));
  ledger_test_ui_wait_until_gone (&weak);
  g_assert_null (ledger_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG));

  dialog = open_split (fixture);
  ledger_split_dialog_set_way (dialog, LEDGER_SPLIT_BY_WEIGHTS);
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "walk-2-split");

  gtk_window_close (GTK_WINDOW (dialog));
  ledger_test_ui_wait (200);
  question = ledger_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  ledger_test_ui_screenshot (GTK_WIDGET (question), "walk-2-split-close");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "keep");
  ledger_test_ui_wait (200);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (isnan (region_target (fixture, LUZHOU)));

  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "split.save", NULL));
  ledger_test_ui_wait_until_gone (&weak);
  g_assert_cmpfloat_with_epsilon (region_target (fixture, LUZHOU), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (region_target (fixture, SHANGDANG), 0.3, 1e-9);
  g_assert_true (isnan (region_target (fixture, "gxq")));
}

/* Step 2, Export a Region's Plan…: the region asked for, then the file. */
static void
export_region_plan (Fixture    *fixture,
                    const char *path)
{
  GtkWindow *question;
  g_autofree char *contents = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-region-plan", NULL));
  ledger_test_ui_wait (200);
  question = ledger_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  ledger_test_ui_screenshot (GTK_WIDGET (question), "walk-3-region-plan");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "cancel");
  ledger_test_ui_wait (100);

  ledger_window_export_region_plan (fixture->window, "潞州区", path);
  ledger_test_ui_wait_for_job (GTK_WIDGET (fixture->window));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"for_region\""));
}

/* Step 3, 潞州区's own ledger: the plan imported, 1-5月 0.35 and 1-6月 0.55
 * 万人 recorded, sent as 市人社局's package. */
static void
county_sends_package (const char *plan_path,
                      const char *package_path)
{
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "county.sqlite3", NULL);
  g_autoptr(LedgerStore) store = ledger_store_open (db, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (plan_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_plan_file_load (file, &error);
  g_autoptr(GPtrArray) stored = NULL;
  Fixture county = { 0 };
  static const struct { const char *period; double number; } figures[] = { { "2026-05", 0.35 }, { "2026-06", 0.55 } };

  g_assert_no_error (error);
  g_assert_true (ledger_store_add_plans (store, plans, &error));
  g_assert_no_error (error);
  stored = ledger_store_list_plans (store, &error);
  g_assert_cmpuint (stored->len, ==, 1);
  county.store = store;
  county.plan = g_ptr_array_index (stored, 0);
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    ledger_test_window_set_number (&county, JOBS, figures[i].period, figures[i].number);
  g_assert_true (ledger_package_export_to_file (store, JOBS_UNIT, "2026-01", "2026-06", package_path, &error));
  g_assert_no_error (error);
}

/* Step 4, Import Data Packages…: the preview, then Import. */
static void
import_package (Fixture    *fixture,
                const char *path)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LedgerPackageImportWindow *window;
  gpointer weak;

  g_list_store_append (files, file);
  window = ledger_package_import_window_new (GTK_WINDOW (fixture->window),
                                             ledger_window_get_context (fixture->window), G_LIST_MODEL (files));
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 200 && g_str_equal (ledger_package_import_window_get_state (window), "working"); i++)
    ledger_test_ui_wait (25);
  g_assert_cmpstr (ledger_package_import_window_get_state (window), ==, "preview");
  /* Each value names the county it is filed under. */
  g_assert_nonnull (ledger_test_ui_find (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, title_starts, "新增城镇就业 · 潞州区 · "));
  ledger_test_ui_screenshot (GTK_WIDGET (window), "walk-4-package");
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  ledger_test_ui_click (ledger_test_ui_child (window, LEDGER_TYPE_PACKAGE_IMPORT_WINDOW, "import_button"));
  for (guint i = 0; i < 200 && region_number (fixture, LUZHOU, "2026-06") < 0; i++)
    ledger_test_ui_wait (25);
  g_assert_cmpfloat (region_number (fixture, LUZHOU, "2026-06"), ==, 0.55);
  g_assert_cmpfloat (region_number (fixture, LUZHOU, "2026-05"), ==, 0.35);
  /* The import window closes itself once the package is in. */
  ledger_test_ui_wait_until_gone (&weak);
}

/* Step 5, the indicator page: 潞州区 0.55 + 上党区 0.15 = 0.7 万人 is the
 * city's figure, 区县合计（已报 2/12）; the city's own 0.6 then differs from the
 * sum (by 0.1, over 1 % of 0.6, and already more with ten to come): the
 * warning shows both. */
static void
check_roll_up (Fixture *fixture)
{
  g_autofree char *two_of_twelve = g_strdup_printf (_("Sum of regions %u/%u"), 2, 12);
  g_autoptr(LedgerValue) value = ledger_value_new (ledger_test_window_id_of (fixture, JOBS), "2026-06", 0.15, "", "");
  g_autoptr(GError) error = NULL;
  g_autofree char *june = ledger_period_code_label ("2026-06");
  g_autofree char *partial = g_strdup_printf (_("%s (only %u of %u regions have reported)"), "", 2, 12);
  g_autofree char *point = NULL;
  g_autofree char *summed_point = NULL;
  LedgerIndicatorPage *page;
  LedgerChart *chart;
  GtkWidget *gap;

  ledger_value_set_region (value, SHANGDANG);
  g_assert_true (ledger_store_set_value (fixture->store, value, &error));
  g_assert_no_error (error);
  g_assert_true (ledger_window_select_as_of (fixture->window, "2026-06"));
  page = open_jobs_page (fixture);
  g_assert_cmpstr (gtk_label_get_text (ledger_test_ui_child (page, LEDGER_TYPE_INDICATOR_PAGE, "summed_label")), ==,
                   two_of_twelve);
  g_assert_cmpstr (gtk_label_get_text (ledger_test_ui_child (page, LEDGER_TYPE_INDICATOR_PAGE, "value_label")), ==,
                   "0.7 万人");
  /* Judged on 2 of the 12 counties: the status says so. */
  g_assert_nonnull (strstr (gtk_label_get_text (ledger_test_ui_child (page, LEDGER_TYPE_INDICATOR_PAGE, "gap_label")),
                            partial));
  /* The chart plots the sum too, as a ring: 1-5月 0.35, 1-6月 0.7. */
  chart = ledger_test_ui_child (page, LEDGER_TYPE_INDICATOR_PAGE, "chart");
  g_assert_cmpuint (ledger_chart_get_n_points (chart), ==, 2);
  point = ledger_chart_dup_point_text (chart, 1);
  /* The status is the last part: without it, the start of the text. */
  summed_point = g_strdup_printf (_("%s: %s (sum of regions) · %s"), june, "0.7 万人", "");
  g_assert_true (g_str_has_prefix (point, summed_point));
  screenshot_window (fixture, "walk-5-summed");
  screenshot_narrow_dark (fixture, "walk-5-summed");

  ledger_test_window_set_number (fixture, JOBS, "2026-06", 0.6);
  ledger_test_ui_wait (300);
  page = LEDGER_INDICATOR_PAGE (ledger_window_get_visible_page (fixture->window));
  gap = ledger_test_ui_find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, has_name, "roll-up-gap");
  g_assert_nonnull (gap);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gap)), "0.6 万人"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gap)), "0.7 万人"));
  screenshot_window (fixture, "walk-6-roll-up-gap");
}

/* Step 6, Region Rankings on 新增城镇就业 as of 1-6月: 潞州区 0.55 of its
 * 1.0 before 上党区 0.15 of its 0.3 (0.55 > 0.5, the same pace for both);
 * the other ten counties 未报; the zone, which the total is not split to,
 * is not ranked on it. */
static void
check_ranking (Fixture *fixture)
{
  LedgerRankingTable *table;
  GtkWidget *page;

  g_assert_true (ledger_window_select_page (fixture->window, LEDGER_SIDEBAR_RANKING_KEY));
  page = ledger_window_get_visible_page (fixture->window);
  g_assert_true (LEDGER_IS_RANKING_PAGE (page));
  g_assert_true (ledger_ranking_page_select (LEDGER_RANKING_PAGE (page), JOBS));
  ledger_test_ui_wait (200);
  table = ledger_test_ui_child (page, LEDGER_TYPE_RANKING_PAGE, "region_table");
  g_assert_cmpuint (ledger_ranking_table_get_n_rows (table), ==, 1 + 12);
  g_assert_cmpstr (ledger_ranking_table_get_text (table, 1, REGION), ==, "潞州区");
  g_assert_cmpstr (ledger_ranking_table_get_text (table, 1, RANK), ==, "1");
  g_assert_cmpstr (ledger_ranking_table_get_text (table, 2, REGION), ==, "上党区");
  g_assert_cmpstr (ledger_ranking_table_get_text (table, 2, RANK), ==, "2");
  g_assert_cmpstr (ledger_ranking_table_get_text (table, 3, RANK), ==, C_("ranking", "Not reported"));
  screenshot_window (fixture, "walk-7-ranking");
  g_assert_true (ledger_ranking_page_select (LEDGER_RANKING_PAGE (page), NULL));
  screenshot_window (fixture, "walk-7-ranking-composite");
  screenshot_narrow_dark (fixture, "walk-7-ranking-composite");
}

/* Step 7, Monthly Report as PDF…: the 通报 ranks the counties; each page
 * saved as a PNG beside the screenshots to look at. */
static void
check_report (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "report.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *heading = test_squeeze (_("Composite ranking"));
  g_autofree char *prefix = NULL;
  const char *dir = g_getenv ("LEDGER_SCREENSHOT_DIR");
  const char *language = g_getenv ("LANGUAGE");

  ledger_window_export (fixture->window, LEDGER_EXPORT_REPORT, path);
  ledger_test_ui_wait_for_job (GTK_WIDGET (fixture->window));
  text = test_pdf_text (path, 0, 0);
  g_assert_nonnull (strstr (text, heading));
  g_assert_nonnull (strstr (text, "潞州区"));
  if (dir != NULL)
    {
      const char *argv[] = { "pdftoppm", "-png", "-r", "60", path, NULL, NULL };
      g_autofree char *out = NULL;

      prefix = g_strdup_printf ("%s/walk-8-report-%s", dir, language != NULL ? language : "C");
      argv[5] = prefix;
      out = test_run_tool (argv);
    }
}

static void
test_county_workflow (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *plan_path = g_build_filename (g_get_user_data_dir (), "luzhou-plan.json", NULL);
  g_autofree char *package_path = g_build_filename (g_get_user_data_dir (), "luzhou.tlpkg", NULL);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 860);
  split_by_weights (fixture);
  export_region_plan (fixture, plan_path);
  county_sends_package (plan_path, package_path);
  import_package (fixture, package_path);
  check_roll_up (fixture);
  check_ranking (fixture);
  check_report (fixture);
}

int
main (int   argc,
      char *argv[])
{
  ledger_test_ui_init (&argc, &argv);
  g_test_add ("/walkthrough/county-workflow", Fixture, NULL, ledger_test_window_set_up, test_county_workflow,
              ledger_test_window_tear_down);
  return ledger_test_ui_run ();
}
