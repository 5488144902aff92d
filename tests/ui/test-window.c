/* test-window.c: the window on the built-in plan, and recording a value
 * through the dialog's own widgets
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ledger-application.h"
#include "ledger-area-page.h"
#include "ledger-entry-dialog.h"
#include "ledger-indicator-row.h"
#include "ledger-overview-page.h"
#include "ledger-test-ui.h"
#include "ledger-window.h"

/* One application for the whole program: it registers once. */
static LedgerApplication *app;

typedef struct
{
  char              *db_path;
  LedgerStore       *store;
  LedgerWindow      *window;
  LedgerPlan        *plan;
} Fixture;

static void
open_window (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;

  fixture->store = ledger_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (ledger_store_add_builtin_plans (fixture->store, &error));
  g_assert_no_error (error);
  plans = ledger_store_list_plans (fixture->store, &error);
  g_assert_no_error (error);
  fixture->plan = g_object_ref (g_ptr_array_index (plans, 0));

  fixture->window = ledger_window_new (app, fixture->store);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
  ledger_test_ui_wait (200);
}

static void
close_window (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  ledger_test_ui_wait (50);
  fixture->window = NULL;
  g_clear_object (&fixture->plan);
  g_clear_object (&fixture->store);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db_path = g_build_filename (g_get_user_data_dir (), "ui-test.sqlite3", NULL);
  g_remove (fixture->db_path);
  open_window (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    close_window (fixture);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  g_clear_pointer (&fixture->db_path, g_free);
}

/* The uuid of the plan's first area, 主要预期目标. */
static const char *
first_area_uuid (Fixture *fixture)
{
  g_autoptr(LedgerNode) area = g_list_model_get_item (ledger_node_get_children (LEDGER_NODE (fixture->plan)), 0);

  return ledger_node_get_uuid (area);
}

static gboolean
row_has_code (GtkWidget *widget,
              gpointer   code)
{
  LedgerIndicator *indicator = ledger_indicator_row_get_indicator (LEDGER_INDICATOR_ROW (widget));

  return g_str_equal (ledger_indicator_get_code (indicator), code);
}

static LedgerIndicatorRow *
find_row (Fixture    *fixture,
          const char *code)
{
  GtkWidget *page = ledger_window_get_visible_page (fixture->window);
  GtkWidget *row = ledger_test_ui_find (page, LEDGER_TYPE_INDICATOR_ROW, row_has_code, (gpointer) code);

  g_assert_nonnull (row);
  return LEDGER_INDICATOR_ROW (row);
}

static const char *
template_label_text (gpointer    widget,
                     GType       type,
                     const char *name)
{
  GtkLabel *label = GTK_LABEL (gtk_widget_get_template_child (widget, type, name));

  return gtk_label_get_text (label);
}

static LedgerEntryDialog *
open_dialog (LedgerIndicatorRow *row)
{
  GtkWidget *button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (row),
                                                                 LEDGER_TYPE_INDICATOR_ROW,
                                                                 "record_button"));
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate (button));
  ledger_test_ui_wait (400);
  dialog = ledger_test_ui_find_window (LEDGER_TYPE_ENTRY_DIALOG);
  g_assert_nonnull (dialog);
  return LEDGER_ENTRY_DIALOG (dialog);
}

static void
type_value (LedgerEntryDialog *dialog,
            const char        *text)
{
  GtkEditable *value_row = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                        LEDGER_TYPE_ENTRY_DIALOG,
                                                                        "value_row"));

  gtk_editable_set_text (value_row, text);
}

static void
press_save (LedgerEntryDialog *dialog)
{
  GtkWidget *save = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                               LEDGER_TYPE_ENTRY_DIALOG,
                                                               "save_button"));

  /* A button activated from the keyboard clicks after 250 ms. */
  g_assert_true (gtk_widget_activate (save));
  ledger_test_ui_wait (400);
}

static gint64
indicator_id (LedgerIndicatorRow *row)
{
  return ledger_indicator_get_id (ledger_indicator_row_get_indicator (row));
}

/* The window opens on the built-in plan: the sidebar holds the overview and
 * the areas, and the title is the application's name in the language. */
static void
test_window_opens_on_builtin_plan (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkWidget *page = ledger_window_get_visible_page (fixture->window);
  const char *language = g_getenv ("LANGUAGE");

  g_assert_true (LEDGER_IS_OVERVIEW_PAGE (page));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, _("Target Ledger"));
  if (g_strcmp0 (language, "zh_CN") == 0)
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "目标台账");
  g_assert_cmpuint (g_list_model_get_n_items (ledger_node_get_children (LEDGER_NODE (fixture->plan))), ==, 12);

  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "overview");

  g_assert_true (ledger_window_select_page (fixture->window, first_area_uuid (fixture)));
  page = ledger_window_get_visible_page (fixture->window);
  g_assert_true (LEDGER_IS_AREA_PAGE (page));
  g_assert_nonnull (find_row (fixture, "gdp-growth"));
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "area");
}

/* A value typed into the dialog is saved, shown by the row at once and
 * still there after the ledger is opened again; a non-number is refused
 * inline and saves nothing. */
static void
test_record_value_through_dialog (Fixture       *fixture,
                                  gconstpointer  data)
{
  LedgerIndicatorRow *row;
  LedgerEntryDialog *dialog;
  g_autoptr(LedgerValue) value = NULL;
  g_autofree char *expected_period = ledger_period_code_label ("2026-06");
  GtkWidget *error_label;

  ledger_window_select_page (fixture->window, first_area_uuid (fixture));
  row = find_row (fixture, "new-urban-jobs");
  dialog = open_dialog (row);
  g_assert_true (ledger_entry_dialog_set_period (dialog, "2026-06"));

  type_value (dialog, "abc");
  press_save (dialog);
  error_label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), LEDGER_TYPE_ENTRY_DIALOG,
                                                           "error_label"));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_true (ledger_test_ui_find_window (LEDGER_TYPE_ENTRY_DIALOG) == GTK_WINDOW (dialog));
  g_assert_null (ledger_store_get_value (fixture->store, indicator_id (row), "2026-06"));
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "entry-dialog-error");

  type_value (dialog, "2.6 万人");
  g_assert_false (gtk_widget_get_visible (error_label));
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "entry-dialog");
  press_save (dialog);
  value = ledger_store_get_value (fixture->store, indicator_id (row), "2026-06");
  g_assert_nonnull (value);
  g_assert_null (ledger_test_ui_find_window (LEDGER_TYPE_ENTRY_DIALOG));

  g_assert_cmpfloat (ledger_value_get_number (value), ==, 2.6);
  g_assert_cmpstr (template_label_text (row, LEDGER_TYPE_INDICATOR_ROW, "value_label"), ==, "2.6 万人");
  g_assert_cmpstr (template_label_text (row, LEDGER_TYPE_INDICATOR_ROW, "period_label"), ==, expected_period);
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "area-recorded");

  /* A restart: the ledger is closed and opened again. */
  close_window (fixture);
  open_window (fixture);
  ledger_window_select_page (fixture->window, first_area_uuid (fixture));
  row = find_row (fixture, "new-urban-jobs");
  g_assert_cmpstr (template_label_text (row, LEDGER_TYPE_INDICATOR_ROW, "value_label"), ==, "2.6 万人");
}

/* Ctrl+N on a focused row opens the dialog for that row's indicator. */
static void
test_ctrl_n_records_focused_row (Fixture       *fixture,
                                 gconstpointer  data)
{
  LedgerIndicatorRow *row;
  GtkWindow *dialog;

  ledger_window_select_page (fixture->window, first_area_uuid (fixture));
  row = find_row (fixture, "gdp-growth");
  gtk_widget_grab_focus (GTK_WIDGET (row));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.record-value", NULL));
  ledger_test_ui_wait (100);
  dialog = ledger_test_ui_find_window (LEDGER_TYPE_ENTRY_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);
}

/* The same window in dark mode and in a narrow window, for the eye. */
static void
test_dark_and_narrow (Fixture       *fixture,
                      gconstpointer  data)
{
  LedgerIndicatorRow *row;
  LedgerEntryDialog *dialog;

  ledger_window_select_page (fixture->window, first_area_uuid (fixture));
  row = find_row (fixture, "gdp-growth");
  dialog = open_dialog (row);
  type_value (dialog, "5.8");
  press_save (dialog);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "area-dark");

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 720);
  ledger_test_ui_wait (300);
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "area-narrow-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "area-narrow");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  ledger_test_ui_init (&argc, &argv);
  app = ledger_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/window/opens-on-builtin-plan", Fixture, NULL,
              fixture_set_up, test_window_opens_on_builtin_plan, fixture_tear_down);
  g_test_add ("/window/record-value-through-dialog", Fixture, NULL,
              fixture_set_up, test_record_value_through_dialog, fixture_tear_down);
  g_test_add ("/window/ctrl-n-records-focused-row", Fixture, NULL,
              fixture_set_up, test_ctrl_n_records_focused_row, fixture_tear_down);
  g_test_add ("/window/dark-and-narrow", Fixture, NULL,
              fixture_set_up, test_dark_and_narrow, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
