/* test-window.c: the window on the built-in plan, and recording a value
 * through the dialog's own widgets
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-area-page.h"
#include "ledger-backups-window.h"
#include "ledger-entry-dialog.h"
#include "ledger-indicator-page.h"
#include "ledger-job-bar.h"
#include "ledger-overview-page.h"
#include "ledger-plan-file.h"
#include "ledger-test-ui.h"
#include "ledger-toast.h"
#include "test-util.h"

typedef LedgerTestWindow Fixture;

static const char *
row_label (LedgerIndicatorRow *row,
           const char         *name)
{
  return gtk_label_get_text (ledger_test_ui_child (row, LEDGER_TYPE_INDICATOR_ROW, name));
}

static LedgerEntryDialog *
open_dialog (LedgerIndicatorRow *row)
{
  GtkWindow *dialog;

  ledger_test_ui_click (ledger_test_ui_child (row, LEDGER_TYPE_INDICATOR_ROW, "record_button"));
  dialog = ledger_test_ui_find_window (LEDGER_TYPE_ENTRY_DIALOG);
  g_assert_nonnull (dialog);
  return LEDGER_ENTRY_DIALOG (dialog);
}

static gpointer
dialog_child (LedgerEntryDialog *dialog,
              const char        *name)
{
  return ledger_test_ui_child (dialog, LEDGER_TYPE_ENTRY_DIALOG, name);
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

  g_assert_true (ledger_window_select_page (fixture->window, ledger_test_window_area_uuid (fixture, 0)));
  page = ledger_window_get_visible_page (fixture->window);
  g_assert_true (LEDGER_IS_AREA_PAGE (page));
  g_assert_nonnull (ledger_test_window_find_row (fixture, "gdp-growth"));
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "area");
}

/* A value typed into the dialog is saved, shown by the row at once and
 * still there after the ledger is opened again; a non-number is refused
 * inline and saves nothing. */
static void
test_record_value_through_dialog (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *expected_period = ledger_period_code_label ("2026-06");
  g_autoptr(LedgerValue) value = NULL;
  LedgerIndicatorRow *row;
  LedgerEntryDialog *dialog;
  GtkWidget *error_label;
  gint64 id = ledger_test_window_id_of (fixture, "new-urban-jobs");

  ledger_window_select_page (fixture->window, ledger_test_window_area_uuid (fixture, 0));
  row = ledger_test_window_find_row (fixture, "new-urban-jobs");
  dialog = open_dialog (row);
  g_assert_true (ledger_entry_dialog_set_period (dialog, "2026-06"));

  ledger_test_ui_type (dialog_child (dialog, "value_row"), "abc");
  ledger_test_ui_click (dialog_child (dialog, "save_button"));
  error_label = dialog_child (dialog, "error_label");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_true (ledger_test_ui_find_window (LEDGER_TYPE_ENTRY_DIALOG) == GTK_WINDOW (dialog));
  g_assert_null (ledger_store_get_value (fixture->store, id, "2026-06"));
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "entry-dialog-error");

  ledger_test_ui_type (dialog_child (dialog, "value_row"), "2.6 万人");
  g_assert_false (gtk_widget_get_visible (error_label));
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "entry-dialog");
  ledger_test_ui_click (dialog_child (dialog, "save_button"));

  value = ledger_store_get_value (fixture->store, id, "2026-06");
  g_assert_nonnull (value);
  g_assert_cmpfloat (ledger_value_get_number (value), ==, 2.6);
  g_assert_null (ledger_test_ui_find_window (LEDGER_TYPE_ENTRY_DIALOG));
  g_assert_cmpstr (row_label (row, "value_label"), ==, "2.6 万人");
  g_assert_cmpstr (row_label (row, "period_label"), ==, expected_period);
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "area-recorded");

  /* A restart: the ledger is closed and opened again. */
  ledger_test_window_close (fixture);
  ledger_test_window_open (fixture);
  ledger_window_select_page (fixture->window, ledger_test_window_area_uuid (fixture, 0));
  row = ledger_test_window_find_row (fixture, "new-urban-jobs");
  g_assert_cmpstr (row_label (row, "value_label"), ==, "2.6 万人");
}

/* While another program writes the ledger, Save returns at once: the
 * dialog stays open with what was typed and says why; once the other
 * write is over, the same Save saves it. */
static void
test_save_while_ledger_locked (Fixture       *fixture,
                               gconstpointer  data)
{
  gint64 id = ledger_test_window_id_of (fixture, "new-urban-jobs");
  g_autoptr(LedgerValue) value = NULL;
  LedgerEntryDialog *dialog;
  GtkWidget *error_label;
  gpointer lock;
  gint64 start;

  ledger_window_select_page (fixture->window, ledger_test_window_area_uuid (fixture, 0));
  dialog = open_dialog (ledger_test_window_find_row (fixture, "new-urban-jobs"));
  g_assert_true (ledger_entry_dialog_set_period (dialog, "2026-06"));
  ledger_test_ui_type (dialog_child (dialog, "value_row"), "2.6 万人");

  lock = test_lock_ledger (fixture->db_path);
  start = g_get_monotonic_time ();
  ledger_test_ui_click (dialog_child (dialog, "save_button"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 2);
  error_label = dialog_child (dialog, "error_label");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_true (ledger_test_ui_find_window (LEDGER_TYPE_ENTRY_DIALOG) == GTK_WINDOW (dialog));
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, "value_row")), ==, "2.6 万人");
  g_assert_null (ledger_store_get_value (fixture->store, id, "2026-06"));
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "entry-dialog-locked");
  test_unlock_ledger (lock);

  ledger_test_ui_click (dialog_child (dialog, "save_button"));
  value = ledger_store_get_value (fixture->store, id, "2026-06");
  g_assert_nonnull (value);
  g_assert_cmpfloat (ledger_value_get_number (value), ==, 2.6);
  g_assert_null (ledger_test_ui_find_window (LEDGER_TYPE_ENTRY_DIALOG));
}

/* Ctrl+N on a focused row opens the dialog for that row's indicator. */
static void
test_ctrl_n_records_focused_row (Fixture       *fixture,
                                 gconstpointer  data)
{
  LedgerIndicatorRow *row;

  ledger_window_select_page (fixture->window, ledger_test_window_area_uuid (fixture, 0));
  row = ledger_test_window_find_row (fixture, "gdp-growth");
  gtk_widget_grab_focus (GTK_WIDGET (row));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.record-value", NULL));
  ledger_test_ui_wait (100);
  g_assert_nonnull (ledger_test_ui_find_window (LEDGER_TYPE_ENTRY_DIALOG));
}

/* Ctrl+N on an indicator's page opens the dialog for that indicator,
 * wherever the focus is. */
static void
test_ctrl_n_on_indicator_page (Fixture       *fixture,
                               gconstpointer  data)
{
  ledger_window_select_page (fixture->window, ledger_test_window_area_uuid (fixture, 0));
  g_signal_emit_by_name (ledger_test_window_find_row (fixture, "gdp-growth"), "activate");
  ledger_test_ui_wait (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.record-value", NULL));
  ledger_test_ui_wait (100);
  g_assert_nonnull (ledger_test_ui_find_window (LEDGER_TYPE_ENTRY_DIALOG));
}

/* Records @text for @period of the indicator @code through its row's
 * dialog; returns the row. */
static LedgerIndicatorRow *
record_in_dialog (Fixture    *fixture,
                  const char *code,
                  const char *period,
                  const char *text)
{
  LedgerIndicatorRow *row;
  LedgerEntryDialog *dialog;

  ledger_window_select_page (fixture->window, ledger_test_window_area_uuid (fixture, 0));
  row = ledger_test_window_find_row (fixture, code);
  dialog = open_dialog (row);
  g_assert_true (ledger_entry_dialog_set_period (dialog, period));
  ledger_test_ui_type (dialog_child (dialog, "value_row"), text);
  ledger_test_ui_click (dialog_child (dialog, "save_button"));
  return row;
}

/* Ctrl+Z takes back the value just recorded; the row follows. */
static void
test_undo_toast (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 id = ledger_test_window_id_of (fixture, "new-urban-jobs");
  g_autoptr(LedgerValue) value = NULL;
  LedgerIndicatorRow *row = record_in_dialog (fixture, "new-urban-jobs", "2026-06", "2.6");

  g_assert_cmpstr (row_label (row, "value_label"), ==, "2.6 万人");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  ledger_test_ui_wait_for_job (GTK_WIDGET (fixture->window));
  value = ledger_store_get_value (fixture->store, id, "2026-06");
  g_assert_null (value);
  g_assert_cmpstr (row_label (row, "value_label"), ==, "—");
}

static gboolean
label_is (GtkWidget *widget,
          gpointer   text)
{
  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
button_is (GtkWidget *widget,
           gpointer   label)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
row_has_title (GtkWidget *widget,
               gpointer   title)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* A page asks the window for a toast through win.toast: the text is shown
 * as it is, markup characters included. */
static void
test_toast_action (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *page = ledger_window_get_visible_page (fixture->window);
  const char *text = "1 < 2 & “3” > 0";

  g_assert_null (ledger_test_ui_find (GTK_WIDGET (fixture->window), GTK_TYPE_LABEL, label_is, (gpointer) text));
  g_assert_true (gtk_widget_activate_action (page, "win.toast", "s", text));
  g_assert_nonnull (ledger_test_ui_find (GTK_WIDGET (fixture->window), GTK_TYPE_LABEL, label_is, (gpointer) text));
  g_assert_null (ledger_test_ui_find (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON, button_is, _("_Undo")));
}

/* A dialog, which is a window of its own, reaches the window it is
 * transient for: its toast after a change has the Undo button. */
static void
test_undo_toast_from_dialog (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *dialog = gtk_window_new ();
  const char *text = "Recorded 3 values";

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (fixture->window));
  gtk_window_present (GTK_WINDOW (dialog));
  ledger_toast_show_undo (dialog, text);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_nonnull (ledger_test_ui_find (GTK_WIDGET (fixture->window), GTK_TYPE_LABEL, label_is, (gpointer) text));
  g_assert_nonnull (ledger_test_ui_find (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON, button_is, _("_Undo")));
}

/* Activating a row drills into its indicator through win.show-indicator;
 * the overview's rows of areas go to their page through win.select-page. */
static void
test_show_indicator_and_select_page_actions (Fixture       *fixture,
                                             gconstpointer  data)
{
  g_autoptr(LedgerNode) area = g_list_model_get_item (ledger_node_get_children (LEDGER_NODE (fixture->plan)), 0);
  LedgerIndicatorRow *row;
  GtkWidget *page = ledger_window_get_visible_page (fixture->window);
  GtkWidget *area_row = ledger_test_ui_find (page, ADW_TYPE_ACTION_ROW, row_has_title,
                                             (gpointer) ledger_node_get_title (area));

  g_assert_nonnull (area_row);
  g_signal_emit_by_name (area_row, "activated");
  page = ledger_window_get_visible_page (fixture->window);
  g_assert_true (LEDGER_IS_AREA_PAGE (page));

  row = ledger_test_window_find_row (fixture, "gdp-growth");
  g_signal_emit_by_name (row, "activate");
  page = ledger_window_get_visible_page (fixture->window);
  g_assert_true (LEDGER_IS_INDICATOR_PAGE (page));
  g_assert_cmpstr (ledger_indicator_get_code (ledger_indicator_page_get_indicator (LEDGER_INDICATOR_PAGE (page))),
                   ==, "gdp-growth");

  /* An unknown indicator changes nothing. */
  g_assert_true (gtk_widget_activate_action (page, "win.show-indicator", "s", "no-such-uuid"));
  g_assert_true (ledger_window_get_visible_page (fixture->window) == page);

  g_assert_true (gtk_widget_activate_action (page, "win.select-page", "s",
                                             ledger_node_get_uuid (LEDGER_NODE (fixture->plan))));
  g_assert_true (LEDGER_IS_OVERVIEW_PAGE (ledger_window_get_visible_page (fixture->window)));
}

/* Backups…: none yet, then Back Up Now makes one in a worker, listed when
 * done, and the window says so in a toast; a backup restored in a worker
 * brings its figures back. */
static void
test_backups_window (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) made = NULL;
  GtkWidget *backups;
  GtkWidget *now;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.backups", NULL));
  backups = GTK_WIDGET (ledger_test_ui_find_window (LEDGER_TYPE_BACKUPS_WINDOW));
  g_assert_nonnull (backups);
  g_assert_nonnull (ledger_test_ui_find (backups, ADW_TYPE_ACTION_ROW, row_has_title, _("No backup yet")));
  ledger_test_ui_screenshot (backups, "backups-none");

  now = ledger_test_ui_find (backups, GTK_TYPE_BUTTON, button_is, _("_Back Up Now"));
  g_assert_nonnull (now);
  ledger_test_window_set_number (fixture, "gdp-growth", "2026-Q1", 5.1);
  ledger_test_ui_click (now);
  ledger_test_ui_wait_for_job (backups);
  g_assert_null (ledger_test_ui_find (backups, ADW_TYPE_ACTION_ROW, row_has_title, _("No backup yet")));
  g_assert_nonnull (ledger_test_ui_find (backups, GTK_TYPE_BUTTON, button_is, _("_Restore…")));
  g_assert_nonnull (ledger_test_ui_find (GTK_WIDGET (fixture->window), GTK_TYPE_LABEL, label_is, _("Backed up")));
  ledger_test_ui_screenshot (backups, "backups");

  made = ledger_store_list_backups (fixture->store);
  ledger_test_window_set_number (fixture, "gdp-growth", "2026-Q1", 7.7);
  ledger_backups_window_restore (LEDGER_BACKUPS_WINDOW (backups), g_ptr_array_index (made, 0));
  ledger_test_ui_screenshot (backups, "backups-restoring");
  ledger_test_ui_wait_for_job (backups);
  g_assert_cmpfloat (ledger_test_window_number (fixture, "gdp-growth", "2026-Q1"), ==, 5.1);
  g_assert_false (ledger_store_can_undo (fixture->store));
  gtk_window_destroy (GTK_WINDOW (backups));
}

/* A plan file the ledger already holds, imported in a worker, is refused
 * with a dialog, and the window's thread did not wait for it. */
static void
test_import_plan_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "plans.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (fixture->store, NULL);
  g_autofree char *text = ledger_plan_file_to_data (plans);
  guint n_plans = plans->len;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  ledger_window_import_plan (fixture->window, file);
  ledger_test_ui_wait_for_job (GTK_WIDGET (fixture->window));
  for (guint i = 0; i < 200 && ledger_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG) == NULL; i++)
    ledger_test_ui_wait (25);
  dialog = ADW_MESSAGE_DIALOG (ledger_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("The Plan Was Not Added"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_pointer (&plans, g_ptr_array_unref);
  plans = ledger_store_list_plans (fixture->store, NULL);
  g_assert_cmpuint (plans->len, ==, n_plans);
}

/* The job bar, as a long job shows it: what it does, "n of m", Cancel,
 * which cancels the job's cancellable. */
static void
test_job_bar (Fixture       *fixture,
              gconstpointer  data)
{
  LedgerJobBar *bar = LEDGER_JOB_BAR (ledger_test_ui_find (GTK_WIDGET (fixture->window), LEDGER_TYPE_JOB_BAR,
                                                           NULL, NULL));
  g_autoptr(LedgerJobProgress) progress = ledger_job_progress_new ();
  GCancellable *cancellable;

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));
  cancellable = ledger_job_bar_start (bar, _("Exporting…"), progress);
  ledger_job_progress_report (progress, 3, 10);
  for (guint i = 0; i < 100 && ledger_job_progress_get_done (progress) == 0; i++)
    ledger_test_ui_wait (20);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bar)));
  g_assert_nonnull (ledger_test_ui_find (GTK_WIDGET (bar), GTK_TYPE_PROGRESS_BAR, NULL, NULL));
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (ledger_test_ui_find (GTK_WIDGET (bar),
                                                    GTK_TYPE_PROGRESS_BAR, NULL, NULL))), ==, 0.3);
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "job-bar");
  ledger_test_ui_click (ledger_test_ui_find (GTK_WIDGET (bar), GTK_TYPE_BUTTON, button_is, _("_Cancel")));
  g_assert_true (g_cancellable_is_cancelled (cancellable));
  ledger_job_bar_stop (bar, cancellable);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));
}

/* The same window in dark mode and in a narrow window, for the eye. */
static void
test_dark_and_narrow (Fixture       *fixture,
                      gconstpointer  data)
{
  ledger_test_window_set_number (fixture, "gdp-growth", "2026-Q3", 5.8);
  ledger_window_select_page (fixture->window, ledger_test_window_area_uuid (fixture, 0));

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "area-dark");

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 720);
  ledger_test_ui_wait (300);
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "area-narrow-dark");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 360);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "area-narrow");
}

/* The dialog offers the base year's periods (同期), and January alone
 * only for a figure released for January alone; the base year's figure it
 * saves is not taken for the year's latest. */
static void
test_dialog_base_year_and_january (Fixture       *fixture,
                                   gconstpointer  data)
{
  gint64 cpi = ledger_test_window_id_of (fixture, "cpi-rise");
  g_autoptr(LedgerValue) value = NULL;
  LedgerIndicatorRow *row;
  LedgerEntryDialog *dialog;

  ledger_window_select_page (fixture->window, ledger_test_window_area_uuid (fixture, 0));
  row = ledger_test_window_find_row (fixture, "retail-sales-growth");
  dialog = open_dialog (row);
  g_assert_false (ledger_entry_dialog_set_period (dialog, "2026-01"));
  g_assert_true (ledger_entry_dialog_set_period (dialog, "2025-06"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = open_dialog (ledger_test_window_find_row (fixture, "cpi-rise"));
  g_assert_true (ledger_entry_dialog_set_period (dialog, "2026-01"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  row = record_in_dialog (fixture, "cpi-rise", "2025-01", "0.5");

  value = ledger_store_get_value (fixture->store, cpi, "2025-01");
  g_assert_nonnull (value);
  g_assert_cmpfloat (ledger_value_get_number (value), ==, 0.5);
  g_assert_cmpstr (row_label (row, "value_label"), ==, "—");
}

int
main (int   argc,
      char *argv[])
{
  ledger_test_ui_init (&argc, &argv);

  g_test_add ("/window/opens-on-builtin-plan", Fixture, NULL,
              ledger_test_window_set_up, test_window_opens_on_builtin_plan, ledger_test_window_tear_down);
  g_test_add ("/window/record-value-through-dialog", Fixture, NULL,
              ledger_test_window_set_up, test_record_value_through_dialog, ledger_test_window_tear_down);
  g_test_add ("/window/ctrl-n-records-focused-row", Fixture, NULL,
              ledger_test_window_set_up, test_ctrl_n_records_focused_row, ledger_test_window_tear_down);
  g_test_add ("/window/ctrl-n-on-indicator-page", Fixture, NULL,
              ledger_test_window_set_up, test_ctrl_n_on_indicator_page, ledger_test_window_tear_down);
  g_test_add ("/window/undo", Fixture, NULL,
              ledger_test_window_set_up, test_undo_toast, ledger_test_window_tear_down);
  g_test_add ("/window/dialog-base-year-and-january", Fixture, NULL,
              ledger_test_window_set_up, test_dialog_base_year_and_january, ledger_test_window_tear_down);
  g_test_add ("/window/toast-action", Fixture, NULL,
              ledger_test_window_set_up, test_toast_action, ledger_test_window_tear_down);
  g_test_add ("/window/undo-toast-from-dialog", Fixture, NULL,
              ledger_test_window_set_up, test_undo_toast_from_dialog, ledger_test_window_tear_down);
  g_test_add ("/window/show-indicator-and-select-page-actions", Fixture, NULL,
              ledger_test_window_set_up, test_show_indicator_and_select_page_actions,
              ledger_test_window_tear_down);
  g_test_add ("/window/backups", Fixture, NULL,
              ledger_test_window_set_up_file, test_backups_window, ledger_test_window_tear_down);
  g_test_add ("/window/save-while-ledger-locked", Fixture, NULL,
              ledger_test_window_set_up_file, test_save_while_ledger_locked, ledger_test_window_tear_down);
  g_test_add ("/window/import-plan-refused", Fixture, NULL,
              ledger_test_window_set_up, test_import_plan_refused, ledger_test_window_tear_down);
  g_test_add ("/window/job-bar", Fixture, NULL,
              ledger_test_window_set_up, test_job_bar, ledger_test_window_tear_down);
  g_test_add ("/window/dark-and-narrow", Fixture, NULL,
              ledger_test_window_set_up, test_dark_and_narrow, ledger_test_window_tear_down);

  return ledger_test_ui_run ();
}
