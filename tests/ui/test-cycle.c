/* test-cycle.c: the month's cycle in the window: who sent the figures due
 * and how late, the month closed and reopened with a reason
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ledger-batch-row.h"
#include "ledger-batch-window.h"
#include "ledger-cycle-window.h"
#include "ledger-due-day-row.h"
#include "ledger-indicator-dialog.h"
#include "ledger-preferences-window.h"
#include "ledger-reminders.h"
#include "ledger-store-cycle.h"
#include "ledger-test-ui.h"
#include "test-util.h"

typedef LedgerTestWindow Fixture;

static gboolean
is_row (GtkWidget *widget,
        gpointer   title)
{
  return g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title);
}

static const char *
subtitle_of (GtkWindow  *window,
             const char *unit)
{
  GtkWidget *row = ledger_test_ui_find (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, is_row, (gpointer) unit);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static LedgerPeriodState
state_of (Fixture *fixture)
{
  return ledger_store_get_period_state (fixture->store, ledger_node_get_id (LEDGER_NODE (fixture->plan)), "2026-03");
}

static GtkWindow *
open_cycle_window (Fixture *fixture)
{
  GtkWindow *window;
  GDate today;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cycle", NULL));
  ledger_test_ui_wait (200);
  window = ledger_test_ui_find_window (LEDGER_TYPE_CYCLE_WINDOW);
  g_assert_nonnull (window);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 20, 4, 2026);
  ledger_cycle_window_set_today (LEDGER_CYCLE_WINDOW (window), &today);
  gtk_window_set_default_size (window, 680, 900);
  return window;
}

static gboolean
is_reason (GtkWidget *widget,
           gpointer   data)
{
  return GTK_IS_ENTRY (widget);
}

/* As of March: 市人社局 sent one figure of three, two days late; 市统计局
 * its GDP on time. Closing refuses a write; reopening asks why. */
static void
test_completeness_and_closing (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(LedgerValue) value = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  GtkWindow *dialog;
  GtkWidget *entry;

  ledger_test_window_open (fixture);
  ledger_test_window_set_number (fixture, "new-urban-jobs", "2026-03", 1.2);
  ledger_test_window_set_number (fixture, "gdp-growth", "2026-Q1", 5.2);
  test_exec_sql (fixture->db_path, "UPDATE change_sets SET at = '2026-04-12T09:00:00+08:00' WHERE id IN "
                 "(SELECT change_set FROM changes WHERE period = '2026-03')");
  test_exec_sql (fixture->db_path, "UPDATE change_sets SET at = '2026-04-14T09:00:00+08:00' WHERE id IN "
                 "(SELECT change_set FROM changes WHERE period = '2026-Q1')");
  ledger_context_set_as_of (ledger_window_get_context (fixture->window), "2026-03");

  window = open_cycle_window (fixture);
  g_assert_nonnull (strstr (subtitle_of (window, "市人社局"), "1"));
  g_assert_nonnull (strstr (subtitle_of (window, "市人社局"), "3"));
  ledger_test_ui_screenshot (GTK_WIDGET (window), "cycle-completeness");
  g_assert_nonnull (strstr (subtitle_of (window, "市人社局"), "2026-04-10"));

  /* Monthly figures due by the 12th: the plan's due day, kept by the ledger. */
  gtk_spin_button_set_value (ledger_test_ui_child (window, LEDGER_TYPE_CYCLE_WINDOW, "due_monthly"), 12);
  g_assert_cmpint (ledger_store_get_due_day (fixture->store, ledger_node_get_id (LEDGER_NODE (fixture->plan)),
                                             LEDGER_DUE_FOR_FREQUENCY, "monthly"), ==, 12);
  g_assert_nonnull (strstr (subtitle_of (window, "市人社局"), "2026-04-12"));

  ledger_test_ui_click (ledger_test_ui_child (window, LEDGER_TYPE_CYCLE_WINDOW, "close_button"));
  ledger_test_ui_wait (100);
  g_assert_cmpint (state_of (fixture), ==, LEDGER_PERIOD_CLOSED);
  ledger_test_ui_screenshot (GTK_WIDGET (window), "cycle-closed");

  value = ledger_value_new (ledger_test_window_id_of (fixture, "new-urban-jobs"), "2026-03", 1.5, "", "");
  g_assert_false (ledger_store_set_value (fixture->store, value, &error));
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CLOSED);
  g_assert_cmpfloat (ledger_test_window_number (fixture, "new-urban-jobs", "2026-03"), ==, 1.2);

  ledger_test_ui_click (ledger_test_ui_child (window, LEDGER_TYPE_CYCLE_WINDOW, "reopen_button"));
  ledger_test_ui_wait (200);
  dialog = ledger_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reopen"));
  entry = ledger_test_ui_find (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, is_reason, NULL);
  ledger_test_ui_type (entry, "市人社局 corrected March");
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "cycle-reopen");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reopen"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "reopen");
  ledger_test_ui_wait (100);
  g_assert_cmpint (state_of (fixture), ==, LEDGER_PERIOD_OPEN);
  g_assert_true (ledger_store_set_value (fixture->store, value, &error));
  gtk_window_destroy (window);
}

/* The reminder, with a fake clock: on the 2nd of April February's figures
 * are overdue (none was recorded); on the 8th the 市统计局's first quarter
 * is due within three days... one a day at most; none when turned off.
 * Clicking it opens Completeness for the month it reminds of. */
static void
test_reminders (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GDateTime) early = g_date_time_new_local (2026, 4, 2, 9, 0, 0);
  g_autoptr(GDateTime) morning = g_date_time_new_local (2026, 4, 8, 9, 0, 0);
  g_autoptr(GDateTime) evening = g_date_time_new_local (2026, 4, 8, 18, 0, 0);
  g_autoptr(GDateTime) next_day = g_date_time_new_local (2026, 4, 9, 9, 0, 0);
  g_autofree char *text = NULL;
  g_autofree char *month = NULL;
  g_autofree char *label = NULL;
  g_autofree char *overdue = NULL;
  GApplication *app = G_APPLICATION (ledger_test_ui_get_app ());
  GtkWindow *cycle;
  GDate day;

  ledger_test_window_open (fixture);
  g_settings_set_string (settings, "last-reminder", "");
  g_assert_true (ledger_reminders_check (app, fixture->store, settings, early));   /* February's, overdue */
  g_assert_true (ledger_reminders_check (app, fixture->store, settings, morning));
  g_assert_false (ledger_reminders_check (app, fixture->store, settings, evening));
  g_assert_true (ledger_reminders_check (app, fixture->store, settings, next_day));
  g_settings_set_string (settings, "last-reminder", "");
  g_settings_set_boolean (settings, "reminders", FALSE);
  g_assert_false (ledger_reminders_check (app, fixture->store, settings, next_day));
  g_settings_reset (settings, "reminders");

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 8, 4, 2026);
  text = ledger_reminders_compose (fixture->store, FALSE, &day, &month);
  g_assert_nonnull (strstr (text, "市统计局"));
  g_assert_cmpstr (month, ==, "2026-02");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&month, g_free);

  /* In May, the first quarter still missing is overdue: the reminder
   * names it, and its month, not only April's figures. */
  g_date_set_dmy (&day, 8, 5, 2026);
  text = ledger_reminders_compose (fixture->store, FALSE, &day, &month);
  overdue = g_strdup (_("Overdue: %s."));
  *strstr (overdue, "%s") = '\0';
  g_assert_true (g_str_has_prefix (text, overdue));
  g_assert_nonnull (strstr (text, "市统计局"));
  g_assert_cmpstr (month, ==, "2026-03");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&month, g_free);
  /* In January, December's figures and the year's are due. */
  g_date_set_dmy (&day, 18, 1, 2027);
  text = ledger_reminders_compose (fixture->store, FALSE, &day, &month);
  g_assert_nonnull (text);
  g_assert_cmpstr (month, ==, "2026-11");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&month, g_free);

  /* The click opens Completeness for the month reminded of, whatever the
   * window showed. */
  ledger_context_set_as_of (ledger_window_get_context (fixture->window), "2026-05");
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-cycle", g_variant_new_string ("2026-03"));
  ledger_test_ui_wait (200);
  cycle = ledger_test_ui_find_window (LEDGER_TYPE_CYCLE_WINDOW);
  g_assert_nonnull (cycle);
  g_assert_cmpstr (ledger_context_get_as_of (ledger_window_get_context (fixture->window)), ==, "2026-03");
  label = ledger_period_as_of_label ("2026-03");
  g_assert_cmpstr (adw_window_title_get_subtitle (ledger_test_ui_child (cycle, LEDGER_TYPE_CYCLE_WINDOW, "title")), ==,
                   label);
  gtk_window_destroy (cycle);
}

static gboolean
is_due_day_row (GtkWidget *widget,
                gpointer   name)
{
  return g_str_equal (ledger_due_day_row_get_name (LEDGER_DUE_DAY_ROW (widget)), name);
}

static gboolean
is_any (GtkWidget *widget,
        gpointer   data)
{
  return TRUE;
}

/* The spin of the due-day row for @name in @window. */
static GtkSpinButton *
due_day_spin (gpointer    window,
              const char *name)
{
  GtkWidget *row = ledger_test_ui_find (GTK_WIDGET (window), LEDGER_TYPE_DUE_DAY_ROW, is_due_day_row, (gpointer) name);

  g_assert_nonnull (row);
  return GTK_SPIN_BUTTON (ledger_test_ui_find (row, GTK_TYPE_SPIN_BUTTON, is_any, NULL));
}

static void
scroll_to_end (GtkWindow *window)
{
  GtkWidget *scrolled = ledger_test_ui_find (GTK_WIDGET (window), GTK_TYPE_SCROLLED_WINDOW, is_any, NULL);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  ledger_test_ui_wait (100);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  ledger_test_ui_wait (100);
}

/* A unit's own due day in Completeness, an indicator's in Edit Indicator…:
 * kept by the ledger, "Default" clears them, the due dates follow. */
static void
test_due_days_of_units_and_indicators (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(LedgerIndicator) jobs = NULL;
  gint64 plan_id;
  LedgerIndicatorDialog *dialog;
  GtkSpinButton *spin;
  GtkWindow *window;
  gpointer weak;

  ledger_test_window_open (fixture);
  plan_id = ledger_node_get_id (LEDGER_NODE (fixture->plan));
  jobs = test_find_indicator (fixture->store, ledger_plan_get_code (fixture->plan), "new-urban-jobs");
  ledger_context_set_as_of (ledger_window_get_context (fixture->window), "2026-03");
  window = open_cycle_window (fixture);
  spin = due_day_spin (window, "市人社局");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, C_("due day", "Default"));
  gtk_spin_button_set_value (spin, 12);
  g_assert_cmpint (ledger_store_get_due_day (fixture->store, plan_id, LEDGER_DUE_FOR_UNIT, "市人社局"), ==, 12);
  ledger_test_ui_wait (100);
  g_assert_nonnull (strstr (subtitle_of (window, "市人社局"), "2026-04-12"));
  scroll_to_end (window);
  ledger_test_ui_screenshot (GTK_WIDGET (window), "cycle-unit-due-days");

  /* The indicator's own day comes before its unit's. */
  dialog = ledger_indicator_dialog_new_edit (GTK_WINDOW (fixture->window), fixture->store, jobs);
  ledger_indicator_dialog_set_plan (dialog, fixture->plan);
  gtk_window_present (GTK_WINDOW (dialog));
  spin = due_day_spin (dialog, "new-urban-jobs");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, C_("due day", "Default"));
  gtk_spin_button_set_value (spin, 8);
  g_assert_cmpint (ledger_store_get_due_day (fixture->store, plan_id, LEDGER_DUE_FOR_INDICATOR, "new-urban-jobs"), ==,
                   0);   /* not before Save */
  scroll_to_end (GTK_WINDOW (dialog));
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "cycle-indicator-due-day");
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  ledger_test_ui_click (ledger_test_ui_child (dialog, LEDGER_TYPE_INDICATOR_DIALOG, "save_button"));
  ledger_test_ui_wait_until_gone (&weak);
  g_assert_cmpint (ledger_store_get_due_day (fixture->store, plan_id, LEDGER_DUE_FOR_INDICATOR, "new-urban-jobs"), ==,
                   8);
  ledger_test_ui_wait (100);
  g_assert_nonnull (strstr (subtitle_of (window, "市人社局"), "2026-04-08"));

  /* Default clears the unit's day. */
  gtk_spin_button_set_value (due_day_spin (window, "市人社局"), 0);
  g_assert_cmpint (ledger_store_get_due_day (fixture->store, plan_id, LEDGER_DUE_FOR_UNIT, "市人社局"), ==, 0);
  gtk_window_destroy (window);
}

static LedgerBatchWindow *
open_sheet (Fixture    *fixture,
            const char *period)
{
  GtkWindow *sheet;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.record-period", NULL));
  ledger_test_ui_wait (200);
  sheet = ledger_test_ui_find_window (LEDGER_TYPE_BATCH_WINDOW);
  g_assert_nonnull (sheet);
  gtk_window_set_default_size (sheet, 900, 700);
  g_assert_true (ledger_batch_window_set_period (LEDGER_BATCH_WINDOW (sheet), period));
  return LEDGER_BATCH_WINDOW (sheet);
}

static gboolean
has_code (GtkWidget *widget,
          gpointer   code)
{
  return g_str_equal (ledger_indicator_get_code (ledger_batch_row_get_indicator (LEDGER_BATCH_ROW (widget))), code);
}

static LedgerBatchRow *
row_of (LedgerBatchWindow *sheet,
        const char        *code)
{
  GtkWidget *row = ledger_test_ui_find (GTK_WIDGET (sheet), LEDGER_TYPE_BATCH_ROW, has_code, (gpointer) code);

  g_assert_nonnull (row);
  return LEDGER_BATCH_ROW (row);
}

static gboolean
is_other_entry (GtkWidget *widget,
                gpointer   entry)
{
  return widget != entry;
}

static GtkWidget *
note_of (LedgerBatchRow *row)
{
  return ledger_test_ui_find (GTK_WIDGET (row), GTK_TYPE_ENTRY, is_other_entry, ledger_batch_row_get_entry (row));
}

static gboolean
is_flagged_number (GtkWidget *widget,
                   gpointer   data)
{
  return gtk_widget_has_css_class (widget, "indicator-value") && gtk_widget_has_css_class (widget, "warning");
}

/* Record Period flags a year-to-date total below May's and a growth rate of
 * 60 %: neither is saved until a note explains it. */
static void
test_flagged_in_sheet (Fixture       *fixture,
                       gconstpointer  data)
{
  LedgerBatchWindow *sheet;
  LedgerBatchRow *jobs, *retail;
  g_autofree char *uuid = NULL;
  GtkWindow *window;

  ledger_test_window_open (fixture);
  ledger_test_window_set_number (fixture, "new-urban-jobs", "2026-05", 2.0);
  sheet = open_sheet (fixture, "2026-06");
  jobs = row_of (sheet, "new-urban-jobs");
  retail = row_of (sheet, "retail-sales-growth");
  uuid = g_strdup (ledger_indicator_get_uuid (ledger_batch_row_get_indicator (jobs)));
  ledger_test_ui_type (ledger_batch_row_get_entry (jobs), "1.5");
  ledger_test_ui_type (ledger_batch_row_get_entry (retail), "60");
  g_assert_true (gtk_widget_has_css_class (ledger_batch_row_get_entry (jobs), "error"));
  g_assert_false (ledger_test_ui_save_batch (sheet));
  g_assert_cmpfloat (ledger_test_window_number (fixture, "new-urban-jobs", "2026-06"), ==, -1);

  ledger_test_ui_type (note_of (jobs), "核减重复统计");
  g_assert_true (gtk_widget_has_css_class (ledger_batch_row_get_entry (jobs), "warning"));
  g_assert_false (gtk_widget_has_css_class (ledger_batch_row_get_entry (jobs), "error"));
  ledger_test_ui_screenshot (GTK_WIDGET (sheet), "cycle-flagged");
  g_assert_false (ledger_test_ui_save_batch (sheet));   /* the rate still lacks its note */
  ledger_test_ui_type (note_of (retail), "口径调整");
  g_assert_true (ledger_test_ui_save_batch (sheet));
  g_assert_cmpfloat (ledger_test_window_number (fixture, "new-urban-jobs", "2026-06"), ==, 1.5);

  /* Listed for the month's review, with their notes. */
  ledger_context_set_as_of (ledger_window_get_context (fixture->window), "2026-06");
  window = open_cycle_window (fixture);
  g_assert_nonnull (strstr (subtitle_of (window, "新增城镇就业"), "核减重复统计"));
  g_assert_nonnull (strstr (subtitle_of (window, "社会消费品零售总额增长"), "口径调整"));
  ledger_test_ui_screenshot (GTK_WIDGET (window), "cycle-review");
  gtk_window_destroy (window);

  /* And on the indicator's page, beside its note. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-indicator", "s", uuid));
  ledger_test_ui_wait (300);
  g_assert_nonnull (ledger_test_ui_find (GTK_WIDGET (fixture->window), GTK_TYPE_LABEL, is_flagged_number, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL));
  ledger_test_ui_wait (300);
}

static gboolean
has_label (GtkWidget *widget,
           gpointer   text)
{
  return g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text);
}

/* Whether the overview says some unit is @days days late. */
static gboolean
overview_says_late (Fixture *fixture,
                    int      days)
{
  g_autofree char *text = g_strdup_printf (ngettext ("%d day late", "%d days late", days), days);

  ledger_test_ui_wait (200);
  return ledger_test_ui_find (GTK_WIDGET (fixture->window), GTK_TYPE_LABEL, has_label, text) != NULL;
}

/* The overview's days late count from the same due dates as Completeness:
 * monthly figures due on the 11th, a Saturday in April 2026, are due the
 * Monday after once due dates skip weekends. */
static void
test_overview_skips_weekends (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  GDate today, saturday;
  int late;

  ledger_test_window_open (fixture);
  g_assert_true (ledger_store_set_due_day (fixture->store, ledger_node_get_id (LEDGER_NODE (fixture->plan)),
                                           LEDGER_DUE_FOR_FREQUENCY, "monthly", 11, &error));
  ledger_context_set_as_of (ledger_window_get_context (fixture->window), "2026-03");
  ledger_date_set_day_of (&today, now);
  g_date_clear (&saturday, 1);
  g_date_set_dmy (&saturday, 11, 4, 2026);
  late = ledger_due_days_late (&saturday, &today);
  g_assert_cmpint (late, >, 2);
  g_assert_true (overview_says_late (fixture, late));
  g_assert_false (overview_says_late (fixture, late - 2));

  g_settings_set_boolean (settings, "due-skip-weekends", TRUE);
  g_assert_true (overview_says_late (fixture, late - 2));
  g_assert_false (overview_says_late (fixture, late));
  g_settings_reset (settings, "due-skip-weekends");
}

/* The thresholds of the checks are settings: a rate of 60 % is flagged
 * by default, not once Preferences allow up to 70 %. */
static void
test_check_thresholds (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  LedgerBatchWindow *sheet;
  LedgerBatchRow *retail;
  GtkWindow *preferences;
  GtkSpinButton *rate_high;

  ledger_test_window_open (fixture);
  sheet = open_sheet (fixture, "2026-06");
  retail = row_of (sheet, "retail-sales-growth");
  ledger_test_ui_type (ledger_batch_row_get_entry (retail), "60");
  g_assert_true (gtk_widget_has_css_class (ledger_batch_row_get_entry (retail), "error"));
  gtk_window_destroy (GTK_WINDOW (sheet));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.preferences", NULL));
  ledger_test_ui_wait (200);
  preferences = ledger_test_ui_find_window (LEDGER_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  rate_high = ledger_test_ui_child (preferences, LEDGER_TYPE_PREFERENCES_WINDOW, "check_rate_high");
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences),
                                           ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (rate_high),
                                                                                          ADW_TYPE_PREFERENCES_PAGE)));
  gtk_window_set_default_size (preferences, 640, 900);
  gtk_spin_button_set_value (rate_high, 70);
  ledger_test_ui_wait (100);
  g_assert_cmpfloat (g_settings_get_double (settings, "check-rate-high"), ==, 70);
  g_assert_cmpfloat (ledger_context_get_tolerances (ledger_window_get_context (fixture->window))->checks.rate_high,
                     ==, 70);
  ledger_test_ui_screenshot (GTK_WIDGET (preferences), "preferences-cycle");
  gtk_window_destroy (preferences);

  sheet = open_sheet (fixture, "2026-06");
  retail = row_of (sheet, "retail-sales-growth");
  ledger_test_ui_type (ledger_batch_row_get_entry (retail), "60");
  g_assert_false (gtk_widget_has_css_class (ledger_batch_row_get_entry (retail), "error"));
  g_assert_true (ledger_batch_window_save (sheet));
  g_settings_reset (settings, "check-rate-high");
}

/* A closed month refuses Record Period's save, saying which. */
static void
test_closed_in_sheet (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LedgerBatchWindow *sheet;

  ledger_test_window_open (fixture);
  g_assert_true (ledger_store_set_period_state (fixture->store, ledger_node_get_id (LEDGER_NODE (fixture->plan)),
                                                "2026-06", LEDGER_PERIOD_CLOSED, NULL, &error));
  sheet = open_sheet (fixture, "2026-06");
  ledger_test_ui_type (ledger_batch_row_get_entry (row_of (sheet, "new-urban-jobs")), "2.5");
  g_assert_false (ledger_test_ui_save_batch (sheet));
  ledger_test_ui_screenshot (GTK_WIDGET (sheet), "cycle-closed-sheet");
  g_assert_cmpfloat (ledger_test_window_number (fixture, "new-urban-jobs", "2026-06"), ==, -1);
  gtk_window_destroy (GTK_WINDOW (sheet));
}

int
main (int   argc,
      char *argv[])
{
  ledger_test_ui_init (&argc, &argv);

  g_test_add ("/cycle/completeness-and-closing", Fixture, NULL, ledger_test_window_set_up,
              test_completeness_and_closing, ledger_test_window_tear_down);

  g_test_add ("/cycle/flagged-in-sheet", Fixture, NULL, ledger_test_window_set_up, test_flagged_in_sheet,
              ledger_test_window_tear_down);
  g_test_add ("/cycle/closed-in-sheet", Fixture, NULL, ledger_test_window_set_up, test_closed_in_sheet,
              ledger_test_window_tear_down);
  g_test_add ("/cycle/due-days-of-units-and-indicators", Fixture, NULL, ledger_test_window_set_up,
              test_due_days_of_units_and_indicators, ledger_test_window_tear_down);
  g_test_add ("/cycle/overview-skips-weekends", Fixture, NULL, ledger_test_window_set_up,
              test_overview_skips_weekends, ledger_test_window_tear_down);
  g_test_add ("/cycle/check-thresholds", Fixture, NULL, ledger_test_window_set_up, test_check_thresholds,
              ledger_test_window_tear_down);
  g_test_add ("/cycle/reminders", Fixture, NULL, ledger_test_window_set_up, test_reminders,
              ledger_test_window_tear_down);

  return ledger_test_ui_run ();
}
