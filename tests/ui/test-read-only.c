/* test-read-only.c: a ledger changed outside the program is refused with
 * a clear dialog, can be opened for reading only, and then shows a notice
 * and offers nothing that would write; the file is never touched
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ledger-batch-window.h"
#include "ledger-test-ui.h"
#include "test-util.h"

typedef TestLedgerFiles Fixture;

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *window;

  while ((window = ledger_test_ui_find_window (GTK_TYPE_WINDOW)) != NULL)
    gtk_window_destroy (window);
  ledger_test_ui_wait (50);
  test_ledger_files_tear_down (fixture, data);
}

/* Whether activating @action of @window opened a window of @type: a
 * disabled action does nothing. */
static gboolean
opens_window (GtkWidget  *window,
              const char *action,
              GType       type)
{
  GtkWindow *opened;

  gtk_widget_activate_action (window, action, NULL);
  ledger_test_ui_wait (300);
  opened = ledger_test_ui_find_window (type);
  if (opened != NULL)
    gtk_window_destroy (opened);
  return opened != NULL;
}

static void
test_changed_outside (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;
  LedgerWindow *window;
  GtkWidget *notice;
  gsize length;

  g_object_unref (test_open_ledger (fixture->path));
  test_exec_sql (fixture->path, "CREATE TRIGGER rewrite AFTER INSERT ON indicator_values BEGIN "
                                "DELETE FROM changes; END");
  before = test_read_file (fixture->path, &length);

  ledger_application_open_ledger (ledger_test_ui_get_app (), fixture->path);
  ledger_test_ui_wait (200);
  dialog = ADW_MESSAGE_DIALOG (ledger_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("The Ledger Was Changed Outside Target Ledger"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "rewrite"));
  g_assert_true (adw_message_dialog_has_response (dialog, "read-only"));
  g_assert_null (ledger_test_ui_find_window (LEDGER_TYPE_WINDOW));
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "open-changed-outside");

  adw_message_dialog_response (dialog, "read-only");
  ledger_test_ui_wait (300);
  window = LEDGER_WINDOW (ledger_test_ui_find_window (LEDGER_TYPE_WINDOW));
  g_assert_nonnull (window);
  notice = ledger_test_ui_child (window, LEDGER_TYPE_WINDOW, "read_only_notice");
  g_assert_true (gtk_widget_get_visible (notice));
  ledger_test_ui_screenshot (GTK_WIDGET (window), "window-read-only");

  g_assert_false (opens_window (GTK_WIDGET (window), "win.record-period", LEDGER_TYPE_BATCH_WINDOW));
  g_assert_false (opens_window (GTK_WIDGET (window), "win.import-csv", GTK_TYPE_FILE_CHOOSER_DIALOG));

  gtk_window_destroy (GTK_WINDOW (window));
  ledger_test_ui_wait (100);
  after = test_read_file (fixture->path, NULL);
  g_assert_true (memcmp (before, after, length) == 0);
}

/* A ledger that can be written shows no notice and offers its actions. */
static void
test_writable_has_no_notice (Fixture       *fixture,
                             gconstpointer  data)
{
  LedgerWindow *window;

  g_object_unref (test_open_ledger (fixture->path));
  ledger_application_open_ledger (ledger_test_ui_get_app (), fixture->path);
  ledger_test_ui_wait (200);
  window = LEDGER_WINDOW (ledger_test_ui_find_window (LEDGER_TYPE_WINDOW));
  g_assert_nonnull (window);
  g_assert_false (gtk_widget_get_visible (ledger_test_ui_child (window, LEDGER_TYPE_WINDOW, "read_only_notice")));
  g_assert_true (opens_window (GTK_WIDGET (window), "win.record-period", LEDGER_TYPE_BATCH_WINDOW));
}

int
main (int   argc,
      char *argv[])
{
  ledger_test_ui_init (&argc, &argv);

  g_test_add ("/read-only/changed-outside", Fixture, NULL, test_ledger_files_set_up, test_changed_outside,
              fixture_tear_down);
  g_test_add ("/read-only/writable-has-no-notice", Fixture, NULL, test_ledger_files_set_up, test_writable_has_no_notice,
              fixture_tear_down);

  return ledger_test_ui_run ();
}
