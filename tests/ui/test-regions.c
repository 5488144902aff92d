/* test-regions.c: the plan's regions in the window — Regions…, the
 * indicator page's 分区县 group with the roll-up, Split Target…, and a
 * region's figure entered in the value dialog and in Record Period
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ledger-batch-row.h"
#include "ledger-entry-dialog.h"
#include "ledger-indicator-page.h"
#include "ledger-region-group.h"
#include "ledger-regions-window.h"
#include "ledger-split-dialog.h"
#include "ledger-test-ui.h"

typedef LedgerTestWindow Fixture;

#define LUZHOU   "140403"  /* 潞州区, a county, weight 3 */
#define SHANGDANG "140404" /* 上党区, a county, weight 2 */
#define HIGH_TECH "140471" /* 高新区, a zone outside the city's total, no weight */

/* new-urban-jobs (新增城镇就业) is a monthly total: at least 4.3 万人. */
#define JOBS "new-urban-jobs"

static void
save_regions (Fixture *fixture,
              double   luzhou_weight,
              double   shangdang_weight)
{
  g_autoptr(GPtrArray) regions = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_region_free);
  g_autoptr(GError) error = NULL;
  LedgerRegion *region;

  region = ledger_region_new (LUZHOU, "潞州区", LEDGER_REGION_COUNTY);
  region->weight = luzhou_weight;
  g_ptr_array_add (regions, region);
  region = ledger_region_new (SHANGDANG, "上党区", LEDGER_REGION_COUNTY);
  region->weight = shangdang_weight;
  g_ptr_array_add (regions, region);
  g_ptr_array_add (regions, ledger_region_new (HIGH_TECH, "高新区", LEDGER_REGION_ZONE));
  g_assert_true (ledger_store_save_regions (fixture->store, fixture->plan, regions, &error));
  g_assert_no_error (error);
  ledger_test_ui_wait (100);
}

static void
set_region_number (Fixture    *fixture,
                   const char *region,
                   const char *period,
                   double      number)
{
  g_autoptr(LedgerValue) value = ledger_value_new (ledger_test_window_id_of (fixture, JOBS), period, number, "", "");
  g_autoptr(GError) error = NULL;

  ledger_value_set_region (value, region);
  g_assert_true (ledger_store_set_value (fixture->store, value, &error));
  g_assert_no_error (error);
}

/* Returns: @region's figure of @period, or -1 without one */
static double
region_number (Fixture    *fixture,
               const char *code,
               const char *region,
               const char *period)
{
  g_autoptr(LedgerValue) value = ledger_store_get_region_value (fixture->store, ledger_test_window_id_of (fixture, code),
                                                                region, period);

  return value != NULL ? ledger_value_get_number (value) : -1;
}

static double
region_target (Fixture    *fixture,
               const char *region)
{
  g_autoptr(GPtrArray) targets = ledger_store_list_region_targets (fixture->store,
                                                                   ledger_test_window_id_of (fixture, JOBS));

  return ledger_region_targets_lookup (targets, region);
}

static gboolean
has_title (GtkWidget *widget,
           gpointer   title)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
has_tooltip (GtkWidget *widget,
             gpointer   tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static gboolean
has_name (GtkWidget *widget,
          gpointer   name)
{
  return g_str_equal (gtk_widget_get_name (widget), name);
}

static gboolean
has_action (GtkWidget *widget,
            gpointer   action)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static gboolean
has_css_class (GtkWidget *widget,
               gpointer   css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static GtkWidget *
find_row (gpointer    root,
          GType       type,
          const char *title)
{
  GtkWidget *row = ledger_test_ui_find (GTK_WIDGET (root), type, has_title, (gpointer) title);

  g_assert_nonnull (row);
  return row;
}

static GtkWidget *
find_tooltip_button (gpointer    root,
                     const char *format,
                     const char *name)
{
  g_autofree char *tooltip = g_strdup_printf (format, name);
  GtkWidget *button = ledger_test_ui_find (GTK_WIDGET (root), GTK_TYPE_BUTTON, has_tooltip, tooltip);

  g_assert_nonnull (button);
  return button;
}

static GtkWindow *
open_regions_window (Fixture *fixture)
{
  GtkWindow *window;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.regions", NULL));
  ledger_test_ui_wait (200);
  window = ledger_test_ui_find_window (LEDGER_TYPE_REGIONS_WINDOW);
  g_assert_nonnull (window);
  gtk_window_set_default_size (window, 640, 760);
  return window;
}

static gboolean
can_save (GtkWindow *window)
{
  GtkWidget *save = ledger_test_ui_find (GTK_WIDGET (window), GTK_TYPE_BUTTON, has_action, "regions.save");

  g_assert_nonnull (save);
  return gtk_widget_is_sensitive (save);
}

/* Add Region…: the dialog, with its two entries (name first, then code). */
static AdwMessageDialog *
open_add (GtkWindow  *window,
          const char *name,
          const char *code)
{
  AdwMessageDialog *dialog;
  GtkWidget *name_entry, *code_entry;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "regions.add", NULL));
  ledger_test_ui_wait (100);
  dialog = ADW_MESSAGE_DIALOG (ledger_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  name_entry = ledger_test_ui_find (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL, NULL);
  code_entry = gtk_widget_get_next_sibling (name_entry);
  g_assert_true (GTK_IS_ENTRY (code_entry));
  ledger_test_ui_type (name_entry, name);
  ledger_test_ui_type (code_entry, code);
  return dialog;
}

/* Answers @dialog, which closes; a response that closes its parent takes
 * the dialog with it. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  adw_message_dialog_response (dialog, response);
  ledger_test_ui_wait (100);
  if (weak != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (dialog), &weak);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

static GtkEditable *
weight_entry (GtkWindow  *window,
              const char *region)
{
  GtkWidget *expander = find_row (window, ADW_TYPE_EXPANDER_ROW, region);

  return GTK_EDITABLE (find_row (expander, ADW_TYPE_ENTRY_ROW, _("Weight for splitting targets")));
}

/* Regions… on a plan without any: two counties added (a code already
 * taken refused in the dialog), weighed, a weight that is not a number
 * holding Save back, the second moved up; Save writes them in that order. */
static void
test_regions_window (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_region_free);
  g_autoptr(GPtrArray) saved = NULL;
  AdwMessageDialog *dialog;
  GtkWindow *window;
  gpointer weak;

  /* Whatever regions the built-in plan comes with, it starts with none. */
  g_assert_true (ledger_store_save_regions (fixture->store, fixture->plan, none, NULL));
  window = open_regions_window (fixture);

  find_row (window, ADW_TYPE_ACTION_ROW, _("The plan has no regions"));
  ledger_test_ui_screenshot (GTK_WIDGET (window), "regions-window-empty");

  respond (open_add (window, "潞州区", LUZHOU), "add");
  dialog = open_add (window, "屯留区", LUZHOU);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  g_assert_nonnull (ledger_test_ui_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, has_css_class, "warning"));
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "regions-add-taken");
  respond (dialog, "cancel");
  respond (open_add (window, "上党区", SHANGDANG), "add");

  ledger_test_ui_type (weight_entry (window, "潞州区"), "3");
  ledger_test_ui_type (weight_entry (window, "上党区"), "two");
  g_assert_false (can_save (window));
  ledger_test_ui_type (weight_entry (window, "上党区"), "2");
  g_assert_true (can_save (window));

  ledger_test_ui_click (find_tooltip_button (window, _("Move %s up"), "上党区"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_row (window, ADW_TYPE_EXPANDER_ROW, "上党区")), TRUE);
  ledger_test_ui_screenshot (GTK_WIDGET (window), "regions-window");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  ledger_test_ui_screenshot (GTK_WIDGET (window), "regions-window-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "regions.save", NULL));
  ledger_test_ui_wait_until_gone (&weak);

  saved = ledger_store_list_regions (fixture->store, fixture->plan);
  g_assert_cmpuint (saved->len, ==, 2);
  g_assert_cmpstr (((LedgerRegion *) saved->pdata[0])->code, ==, SHANGDANG);
  g_assert_cmpfloat (((LedgerRegion *) saved->pdata[0])->weight, ==, 2);
  g_assert_cmpstr (((LedgerRegion *) saved->pdata[1])->code, ==, LUZHOU);
  g_assert_cmpfloat (((LedgerRegion *) saved->pdata[1])->weight, ==, 3);
  g_assert_true (((LedgerRegion *) saved->pdata[1])->in_total);
}

/* A region with figures is removed in the window: Save shows the store's
 * refusal, the window keeps the edit, and the ledger keeps the region. */
static void
test_remove_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWindow *window;
  GtkWindow *message;
  g_autoptr(GPtrArray) kept = NULL;
  gpointer weak;

  save_regions (fixture, 3, 2);
  set_region_number (fixture, SHANGDANG, "2026-06", 0.9);
  window = open_regions_window (fixture);
  ledger_test_ui_click (find_tooltip_button (window, _("Remove %s"), "上党区"));
  g_assert_null (ledger_test_ui_find (GTK_WIDGET (window), ADW_TYPE_EXPANDER_ROW, has_title, "上党区"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "regions.save", NULL));
  ledger_test_ui_wait (200);

  message = ledger_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), ==,
                   _("The Regions Were Not Saved"));
  ledger_test_ui_screenshot (GTK_WIDGET (message), "regions-remove-refused");
  gtk_window_destroy (message);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  kept = ledger_store_list_regions (fixture->store, fixture->plan);
  g_assert_cmpuint (kept->len, ==, 3);
  g_assert_cmpfloat (region_number (fixture, JOBS, SHANGDANG, "2026-06"), ==, 0.9);

  /* Closing with the edit not saved asks first; Keep Editing keeps it,
   * Discard closes. */
  gtk_window_close (window);
  ledger_test_ui_wait (100);
  message = ledger_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), ==,
                   _("Discard the Changes to the Regions?"));
  respond (ADW_MESSAGE_DIALOG (message), "keep");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_null (ledger_test_ui_find (GTK_WIDGET (window), ADW_TYPE_EXPANDER_ROW, has_title, "上党区"));
  gtk_window_close (window);
  ledger_test_ui_wait (100);
  message = ledger_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (message);
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  respond (ADW_MESSAGE_DIALOG (message), "discard");
  ledger_test_ui_wait_until_gone (&weak);
}

static LedgerIndicatorPage *
open_jobs_page (Fixture *fixture)
{
  GtkWidget *page;

  ledger_window_select_page (fixture->window, ledger_test_window_area_uuid (fixture, 0));
  g_signal_emit_by_name (ledger_test_window_find_row (fixture, JOBS), "activate");
  ledger_test_ui_wait (200);
  page = ledger_window_get_visible_page (fixture->window);
  g_assert_true (LEDGER_IS_INDICATOR_PAGE (page));
  return LEDGER_INDICATOR_PAGE (page);
}

static LedgerRegionGroup *
region_group_of (LedgerIndicatorPage *page)
{
  GtkWidget *group = ledger_test_ui_find (GTK_WIDGET (page), LEDGER_TYPE_REGION_GROUP, NULL, NULL);

  g_assert_nonnull (group);
  return LEDGER_REGION_GROUP (group);
}

static void
set_targets (Fixture *fixture,
             double   luzhou,
             double   shangdang)
{
  g_autoptr(GPtrArray) targets = ledger_region_targets_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (targets, ledger_region_target_new (LUZHOU, luzhou));
  g_ptr_array_add (targets, ledger_region_target_new (SHANGDANG, shangdang));
  g_assert_true (ledger_store_set_region_targets (fixture->store, ledger_test_window_id_of (fixture, JOBS), targets,
                                                  &error));
  g_assert_no_error (error);
}

/* 新增城镇就业 split 2.6 / 1.7 and recorded by region only: the city's
 * figure is their sum, tagged, on the page and in the area's list; the
 * group lists each region; the city's own figure, once it differs from the
 * sum, brings the warning with both. */
static void
test_indicator_page (Fixture       *fixture,
                     gconstpointer  data)
{
  LedgerIndicatorPage *page;
  LedgerRegionGroup *group;
  GtkLabel *summed;
  g_autofree char *two_of_two = g_strdup_printf (_("Sum of regions %u/%u"), 2, 2);
  g_autofree char *luzhou_target = g_strdup_printf (_("Target %s"), "2.6 万人");
  GtkWidget *row, *tag, *gap;

  save_regions (fixture, 3, 2);
  set_targets (fixture, 2.6, 1.7);
  /* The counties' 1.2 + 0.9 = 2.1 万人 make the city's figure; the zone's
   * 0.3 is outside the total and not added. */
  set_region_number (fixture, LUZHOU, "2026-06", 1.2);
  set_region_number (fixture, SHANGDANG, "2026-06", 0.9);
  set_region_number (fixture, HIGH_TECH, "2026-06", 0.3);
  g_assert_true (ledger_window_select_as_of (fixture->window, "2026-06"));

  ledger_window_select_page (fixture->window, ledger_test_window_area_uuid (fixture, 0));
  ledger_test_ui_wait (200);
  row = GTK_WIDGET (ledger_test_window_find_row (fixture, JOBS));
  tag = ledger_test_ui_find (row, GTK_TYPE_LABEL, has_css_class, "summed-tag");
  g_assert_nonnull (tag);
  g_assert_true (gtk_widget_get_visible (tag));

  page = open_jobs_page (fixture);
  summed = ledger_test_ui_child (page, LEDGER_TYPE_INDICATOR_PAGE, "summed_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (summed)));
  g_assert_cmpstr (gtk_label_get_text (summed), ==, two_of_two);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ledger_test_ui_child (page, LEDGER_TYPE_INDICATOR_PAGE,
                                                                         "value_label"))), ==, "2.1 万人");

  group = region_group_of (page);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (group)));
  row = find_row (group, ADW_TYPE_ACTION_ROW, "潞州区");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), luzhou_target));
  find_row (group, ADW_TYPE_ACTION_ROW, "上党区");
  row = find_row (group, ADW_TYPE_ACTION_ROW, "高新区");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), _("not in the city's total")));
  g_assert_null (ledger_test_ui_find (GTK_WIDGET (group), ADW_TYPE_ACTION_ROW, has_name, "roll-up-gap"));
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "indicator-page-regions-top");
  ledger_test_ui_screenshot (GTK_WIDGET (group), "indicator-page-regions");

  /* The city's own 2.4 万人 beside the counties' 2.1: both shown. */
  ledger_test_window_set_number (fixture, JOBS, "2026-06", 2.4);
  ledger_test_ui_wait (200);
  page = LEDGER_INDICATOR_PAGE (ledger_window_get_visible_page (fixture->window));
  group = region_group_of (page);
  gap = ledger_test_ui_find (GTK_WIDGET (group), ADW_TYPE_ACTION_ROW, has_name, "roll-up-gap");
  g_assert_nonnull (gap);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gap)), "2.4 万人"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gap)), "2.1 万人"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (ledger_test_ui_child (page, LEDGER_TYPE_INDICATOR_PAGE,
                                                                             "summed_label"))));
  ledger_test_ui_screenshot (GTK_WIDGET (group), "indicator-page-roll-up-gap");

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 560, 760);
  ledger_test_ui_wait (300);
  ledger_test_ui_screenshot (GTK_WIDGET (group), "indicator-page-regions-narrow");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  ledger_test_ui_screenshot (GTK_WIDGET (group), "indicator-page-regions-dark");
}

static LedgerSplitDialog *
open_split (Fixture    *fixture,
            const char *code)
{
  LedgerIndicatorPage *page;
  GtkWindow *dialog;

  if (g_str_equal (code, JOBS))
    page = open_jobs_page (fixture);
  else
    {
      ledger_window_select_page (fixture->window, ledger_test_window_area_uuid (fixture, 0));
      g_signal_emit_by_name (ledger_test_window_find_row (fixture, code), "activate");
      ledger_test_ui_wait (200);
      page = LEDGER_INDICATOR_PAGE (ledger_window_get_visible_page (fixture->window));
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (region_group_of (page)), "region-group.split", NULL));
  ledger_test_ui_wait (200);
  dialog = ledger_test_ui_find_window (LEDGER_TYPE_SPLIT_DIALOG);
  g_assert_nonnull (dialog);
  return LEDGER_SPLIT_DIALOG (dialog);
}

static GtkEditable *
target_entry (LedgerSplitDialog *dialog,
              const char        *region)
{
  return GTK_EDITABLE (find_row (dialog, ADW_TYPE_ENTRY_ROW, region));
}

static const char *
target_text (LedgerSplitDialog *dialog,
             const char        *region)
{
  return gtk_editable_get_text (target_entry (dialog, region));
}

/* 4.3 万人 split by the weights 3 : 2 (the zone has none): 43 tenths,
 * exact shares 25.8 and 17.2 tenths → 25 + 17 = 42, the tenth left to the
 * larger fraction (0.8): 2.6 and 1.7. Changed by hand the sum is off the
 * city's and says so; a target that is not a number saves nothing. */
static void
test_split_dialog (Fixture       *fixture,
                   gconstpointer  data)
{
  LedgerSplitDialog *dialog;
  GtkLabel *sum, *error_label;
  g_autofree char *even = g_strdup_printf (_("Sum of the regions %s, the city's target %s"), "4.3 万人", "4.3 万人");
  g_autofree char *off = g_strdup_printf (_("Sum of the regions %s, the city's target %s"), "4.1 万人", "4.3 万人");
  gpointer weak;

  save_regions (fixture, 3, 2);
  dialog = open_split (fixture, JOBS);
  sum = ledger_test_ui_child (dialog, LEDGER_TYPE_SPLIT_DIALOG, "sum_label");
  error_label = ledger_test_ui_child (dialog, LEDGER_TYPE_SPLIT_DIALOG, "error_label");

  ledger_split_dialog_set_way (dialog, LEDGER_SPLIT_BY_WEIGHTS);
  g_assert_cmpstr (target_text (dialog, "潞州区"), ==, "2.6");
  g_assert_cmpstr (target_text (dialog, "上党区"), ==, "1.7");
  g_assert_cmpstr (target_text (dialog, "高新区"), ==, "");
  g_assert_cmpstr (gtk_label_get_text (sum), ==, even);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (sum), "warning"));
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "split-dialog");

  /* 2.6 + 1.5 + nothing = 4.1, short of 4.3. */
  ledger_test_ui_type (target_entry (dialog, "上党区"), "1.5");
  ledger_test_ui_type (target_entry (dialog, "高新区"), "many");
  g_assert_cmpuint (adw_combo_row_get_selected (ledger_test_ui_child (dialog, LEDGER_TYPE_SPLIT_DIALOG, "way_row")),
                    ==, LEDGER_SPLIT_BY_HAND);
  g_assert_cmpstr (gtk_label_get_text (sum), ==, off);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (sum), "warning"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "split.save", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "高新区"));
  g_assert_true (isnan (region_target (fixture, LUZHOU)));
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "split-dialog-error");

  ledger_test_ui_type (target_entry (dialog, "高新区"), "");
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "split.save", NULL));
  ledger_test_ui_wait_until_gone (&weak);
  g_assert_cmpfloat (region_target (fixture, LUZHOU), ==, 2.6);
  g_assert_cmpfloat (region_target (fixture, SHANGDANG), ==, 1.5);
  g_assert_true (isnan (region_target (fixture, HIGH_TECH)));
}

/* Without weights, splitting by them is refused and what was typed stays;
 * a rate not split yet starts with each region held to the city's 6%. */
static void
test_split_refused_and_copied (Fixture       *fixture,
                               gconstpointer  data)
{
  LedgerSplitDialog *dialog;
  GtkLabel *error_label;

  save_regions (fixture, NAN, NAN);
  dialog = open_split (fixture, JOBS);
  error_label = ledger_test_ui_child (dialog, LEDGER_TYPE_SPLIT_DIALOG, "error_label");
  ledger_test_ui_type (target_entry (dialog, "潞州区"), "2");
  ledger_split_dialog_set_way (dialog, LEDGER_SPLIT_BY_WEIGHTS);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_text (error_label), ==,
                   _("No region has a weight. Set the regions' weights in Regions… or type each region's target."));
  g_assert_cmpstr (target_text (dialog, "潞州区"), ==, "2");
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = open_split (fixture, "gdp-growth");
  g_assert_cmpstr (target_text (dialog, "潞州区"), ==, "6");
  g_assert_cmpstr (target_text (dialog, "高新区"), ==, "6");
  g_assert_false (gtk_widget_get_visible (ledger_test_ui_child (dialog, LEDGER_TYPE_SPLIT_DIALOG, "sum_label")));
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "split-dialog-copy");
}

/* A region's figure from its row on the page: the dialog has the region
 * chosen, the figure is the region's and not the city's, and Undo takes
 * it back. */
static void
test_entry_dialog (Fixture       *fixture,
                   gconstpointer  data)
{
  LedgerIndicatorPage *page;
  LedgerEntryDialog *dialog;
  g_autofree char *shangdang_target = g_strdup_printf (_("Target of %s: %s"), "上党区", "1.7 万人");
  gpointer weak;

  save_regions (fixture, 3, 2);
  set_targets (fixture, 2.6, 1.7);
  page = open_jobs_page (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (region_group_of (page)), "region-group.record", "s",
                                             SHANGDANG));
  ledger_test_ui_wait (200);
  dialog = LEDGER_ENTRY_DIALOG (ledger_test_ui_find_window (LEDGER_TYPE_ENTRY_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (ledger_entry_dialog_get_region (dialog), ==, SHANGDANG);
  g_assert_true (gtk_widget_get_visible (ledger_test_ui_child (dialog, LEDGER_TYPE_ENTRY_DIALOG, "region_row")));
  g_assert_cmpstr (adw_preferences_group_get_description (ledger_test_ui_child (dialog, LEDGER_TYPE_ENTRY_DIALOG,
                                                                                "group")), ==, shangdang_target);
  g_assert_true (ledger_entry_dialog_set_period (dialog, "2026-06"));
  ledger_test_ui_type (ledger_test_ui_child (dialog, LEDGER_TYPE_ENTRY_DIALOG, "value_row"), "0.9");
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "entry-dialog-region");

  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  ledger_test_ui_click (ledger_test_ui_child (dialog, LEDGER_TYPE_ENTRY_DIALOG, "save_button"));
  ledger_test_ui_wait_until_gone (&weak);
  g_assert_cmpfloat (region_number (fixture, JOBS, SHANGDANG, "2026-06"), ==, 0.9);
  g_assert_cmpfloat (ledger_test_window_number (fixture, JOBS, "2026-06"), ==, -1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  ledger_test_ui_wait_for_job (GTK_WIDGET (fixture->window));
  g_assert_cmpfloat (region_number (fixture, JOBS, SHANGDANG, "2026-06"), ==, -1);
}

static LedgerBatchRow *
batch_row (LedgerBatchWindow *sheet,
           const char        *code)
{
  GPtrArray *rows = ledger_batch_window_get_rows (sheet);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (ledger_indicator_get_code (ledger_batch_row_get_indicator (rows->pdata[i])), code))
      return rows->pdata[i];
  g_assert_not_reached ();
}

/* Record Period for 潞州区: its recorded figure and its own target are in
 * its row; what is typed is written as its figure, the city's untouched. */
static void
test_record_period (Fixture       *fixture,
                    gconstpointer  data)
{
  LedgerBatchWindow *sheet;
  LedgerBatchRow *row;
  GtkWidget *info;
  g_autofree char *target = g_strdup_printf (_("Target %s"), "2.6 万人");

  save_regions (fixture, 3, 2);
  set_targets (fixture, 2.6, 1.7);
  set_region_number (fixture, LUZHOU, "2026-05", 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.record-period", NULL));
  ledger_test_ui_wait (200);
  sheet = LEDGER_BATCH_WINDOW (ledger_test_ui_find_window (LEDGER_TYPE_BATCH_WINDOW));
  g_assert_nonnull (sheet);
  g_assert_true (ledger_batch_window_set_period (sheet, "2026-06"));
  g_assert_true (ledger_batch_window_set_region (sheet, LUZHOU));
  g_assert_false (ledger_batch_window_set_region (sheet, "999999"));
  row = batch_row (sheet, JOBS);
  /* Its target and its May figure, under the name. */
  info = ledger_test_ui_find (GTK_WIDGET (row), GTK_TYPE_LABEL, has_css_class, "caption");
  g_assert_nonnull (info);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (info)), target));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (info)), "1 万人"));
  ledger_test_ui_type (ledger_batch_row_get_entry (row), "1.2");
  ledger_test_ui_screenshot (GTK_WIDGET (sheet), "record-period-region");
  g_assert_true (ledger_test_ui_save_batch (sheet));
  g_assert_cmpfloat (region_number (fixture, JOBS, LUZHOU, "2026-06"), ==, 1.2);
  g_assert_cmpfloat (ledger_test_window_number (fixture, JOBS, "2026-06"), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  ledger_test_ui_init (&argc, &argv);

  g_test_add ("/regions/window", Fixture, NULL, ledger_test_window_set_up, test_regions_window,
              ledger_test_window_tear_down);
  g_test_add ("/regions/remove-refused", Fixture, NULL, ledger_test_window_set_up, test_remove_refused,
              ledger_test_window_tear_down);
  g_test_add ("/regions/indicator-page", Fixture, NULL, ledger_test_window_set_up, test_indicator_page,
              ledger_test_window_tear_down);
  g_test_add ("/regions/split-dialog", Fixture, NULL, ledger_test_window_set_up, test_split_dialog,
              ledger_test_window_tear_down);
  g_test_add ("/regions/split-refused-and-copied", Fixture, NULL, ledger_test_window_set_up,
              test_split_refused_and_copied, ledger_test_window_tear_down);
  g_test_add ("/regions/entry-dialog", Fixture, NULL, ledger_test_window_set_up, test_entry_dialog,
              ledger_test_window_tear_down);
  g_test_add ("/regions/record-period", Fixture, NULL, ledger_test_window_set_up, test_record_period,
              ledger_test_window_tear_down);
  return ledger_test_ui_run ();
}
