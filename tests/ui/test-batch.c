/* test-batch.c: the "Record Period" sheet — a period's figures typed from
 * the keyboard, saved in one transaction, undone as one
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-batch-row.h"
#include "ledger-batch-window.h"
#include "ledger-job-bar.h"
#include "ledger-test-ui.h"
#include "test-util.h"

typedef LedgerTestWindow Fixture;

static LedgerBatchWindow *
open_sheet (Fixture *fixture)
{
  GtkWindow *sheet;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.record-period", NULL));
  ledger_test_ui_wait (200);
  sheet = ledger_test_ui_find_window (LEDGER_TYPE_BATCH_WINDOW);
  g_assert_nonnull (sheet);
  return LEDGER_BATCH_WINDOW (sheet);
}

static LedgerBatchRow *
row_of (LedgerBatchWindow *sheet,
        const char        *code)
{
  GPtrArray *rows = ledger_batch_window_get_rows (sheet);

  for (guint i = 0; i < rows->len; i++)
    {
      LedgerBatchRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (ledger_indicator_get_code (ledger_batch_row_get_indicator (row)), code))
        return row;
    }
  return NULL;
}

/* The indicators due: monthly ones every month, quarterly ones at a
 * quarter's end, annual ones in December. */
static void
test_due_indicators (Fixture       *fixture,
                     gconstpointer  data)
{
  LedgerBatchWindow *sheet = open_sheet (fixture);

  g_assert_true (ledger_batch_window_set_period (sheet, "2026-05"));
  g_assert_nonnull (row_of (sheet, "fixed-asset-investment-growth"));
  g_assert_null (row_of (sheet, "gdp-growth"));
  g_assert_true (ledger_batch_window_set_period (sheet, "2026-06"));
  g_assert_nonnull (row_of (sheet, "gdp-growth"));
  g_assert_nonnull (row_of (sheet, "binding-targets"));
  g_assert_null (row_of (sheet, "grain-output"));
  g_assert_true (ledger_batch_window_set_period (sheet, "2026-12"));
  g_assert_nonnull (row_of (sheet, "grain-output"));
}

/* Typed values show their status at once; a bad one stops the save with
 * nothing written; fixed, one save writes all, and one undo takes all
 * back. */
static void
test_type_and_save (Fixture       *fixture,
                    gconstpointer  data)
{
  LedgerBatchWindow *sheet = open_sheet (fixture);
  LedgerBatchRow *gdp, *jobs, *retail;

  g_assert_true (ledger_batch_window_set_period (sheet, "2026-06"));
  gdp = row_of (sheet, "gdp-growth");
  jobs = row_of (sheet, "new-urban-jobs");
  retail = row_of (sheet, "retail-sales-growth");

  ledger_test_ui_type (ledger_batch_row_get_entry (gdp), "5.8");
  g_assert_cmpint (ledger_batch_row_get_status (gdp), ==, LEDGER_STATUS_ON_TRACK);
  ledger_test_ui_type (ledger_batch_row_get_entry (jobs), "２.６万人");
  g_assert_cmpint (ledger_batch_row_get_status (jobs), ==, LEDGER_STATUS_ON_TRACK);
  ledger_test_ui_type (ledger_batch_row_get_entry (retail), "四点二");
  ledger_test_ui_screenshot (GTK_WIDGET (sheet), "record-period");

  g_assert_false (ledger_test_ui_save_batch (sheet));
  g_assert_cmpfloat (ledger_test_window_number (fixture, "gdp-growth", "2026-Q2"), ==, -1);

  ledger_test_ui_type (ledger_batch_row_get_entry (retail), "4.2");
  g_assert_cmpint (ledger_batch_row_get_status (retail), ==, LEDGER_STATUS_BEHIND);
  g_assert_true (ledger_test_ui_save_batch (sheet));
  g_assert_cmpfloat (ledger_test_window_number (fixture, "gdp-growth", "2026-Q2"), ==, 5.8);
  g_assert_cmpfloat (ledger_test_window_number (fixture, "new-urban-jobs", "2026-06"), ==, 2.6);
  g_assert_cmpfloat (ledger_test_window_number (fixture, "retail-sales-growth", "2026-06"), ==, 4.2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  ledger_test_ui_wait_for_job (GTK_WIDGET (fixture->window));
  g_assert_cmpfloat (ledger_test_window_number (fixture, "gdp-growth", "2026-Q2"), ==, -1);
  g_assert_cmpfloat (ledger_test_window_number (fixture, "new-urban-jobs", "2026-06"), ==, -1);
  g_assert_cmpfloat (ledger_test_window_number (fixture, "retail-sales-growth", "2026-06"), ==, -1);
}

/* The save runs in a worker, in the window's job bar: while another
 * program writes the ledger it waits, what was typed stays; cancelled, it
 * writes nothing and the sheet is as it was; saved again, it closes. */
static void
test_save_waits_in_job_bar (Fixture       *fixture,
                            gconstpointer  data)
{
  LedgerBatchWindow *sheet = open_sheet (fixture);
  LedgerJobBar *job_bar = ledger_test_ui_child (sheet, LEDGER_TYPE_BATCH_WINDOW, "job_bar");
  GtkWidget *entry;
  gpointer lock;

  g_object_add_weak_pointer (G_OBJECT (sheet), (gpointer *) &sheet);
  g_assert_true (ledger_batch_window_set_period (sheet, "2026-06"));
  entry = ledger_batch_row_get_entry (row_of (sheet, "new-urban-jobs"));
  ledger_test_ui_type (entry, "2.6");
  g_assert_false (ledger_job_bar_is_running (job_bar));

  lock = test_lock_ledger (fixture->db_path);
  g_assert_true (ledger_batch_window_save (sheet));
  g_assert_true (ledger_batch_window_is_saving (sheet));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (job_bar)));
  ledger_test_ui_screenshot (GTK_WIDGET (sheet), "record-period-saving");
  ledger_test_ui_click (ledger_test_ui_find (GTK_WIDGET (job_bar), GTK_TYPE_BUTTON, NULL, NULL));
  test_unlock_ledger (lock);
  ledger_test_ui_wait_for_job (GTK_WIDGET (sheet));

  g_assert_false (ledger_batch_window_is_saving (sheet));
  g_assert_cmpfloat (ledger_test_window_number (fixture, "new-urban-jobs", "2026-06"), ==, -1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2.6");

  g_assert_true (ledger_test_ui_save_batch (sheet));
  ledger_test_ui_wait_until_gone ((gpointer *) &sheet);
  g_assert_cmpfloat (ledger_test_window_number (fixture, "new-urban-jobs", "2026-06"), ==, 2.6);
}

/* Enter moves to the next row's value. */
static void
test_enter_moves_down (Fixture       *fixture,
                       gconstpointer  data)
{
  LedgerBatchWindow *sheet = open_sheet (fixture);
  GPtrArray *rows;
  GtkWidget *first, *second;

  g_assert_true (ledger_batch_window_set_period (sheet, "2026-05"));
  rows = ledger_batch_window_get_rows (sheet);
  first = ledger_batch_row_get_entry (g_ptr_array_index (rows, 0));
  second = ledger_batch_row_get_entry (g_ptr_array_index (rows, 1));
  gtk_widget_grab_focus (first);
  g_signal_emit_by_name (first, "activate");
  ledger_test_ui_wait (50);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (sheet)), second) ||
                 gtk_root_get_focus (GTK_ROOT (sheet)) == second);
}

int
main (int   argc,
      char *argv[])
{
  ledger_test_ui_init (&argc, &argv);

  g_test_add ("/batch/due-indicators", Fixture, NULL,
              ledger_test_window_set_up, test_due_indicators, ledger_test_window_tear_down);
  g_test_add ("/batch/type-and-save", Fixture, NULL,
              ledger_test_window_set_up, test_type_and_save, ledger_test_window_tear_down);
  g_test_add ("/batch/save-waits-in-job-bar", Fixture, NULL,
              ledger_test_window_set_up, test_save_waits_in_job_bar, ledger_test_window_tear_down);
  g_test_add ("/batch/enter-moves-down", Fixture, NULL,
              ledger_test_window_set_up, test_enter_moves_down, ledger_test_window_tear_down);

  return ledger_test_ui_run ();
}
