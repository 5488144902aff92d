/* test-attachments.c: the evidence (佐证材料) of an indicator's page: a
 * file added in the background, listed with its period, size and type,
 * refused above the limit, removed and brought back with Undo
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ledger-attachments-group.h"
#include "ledger-entry-dialog.h"
#include "ledger-indicator-page.h"
#include "ledger-preferences-window.h"
#include "ledger-test-ui.h"
#include "test-util.h"

typedef LedgerTestWindow Fixture;

static LedgerAttachmentsGroup *
open_evidence (Fixture *fixture)
{
  GtkWidget *page;
  AdwBin *bin;

  ledger_test_window_set_number (fixture, "new-urban-jobs", "2026-06", 2.3);
  g_assert_true (ledger_window_select_as_of (fixture->window, "2026-06"));
  ledger_window_select_page (fixture->window, ledger_test_window_area_uuid (fixture, 0));
  g_signal_emit_by_name (ledger_test_window_find_row (fixture, "new-urban-jobs"), "activate");
  ledger_test_ui_wait (100);
  page = ledger_window_get_visible_page (fixture->window);
  g_assert_true (LEDGER_IS_INDICATOR_PAGE (page));
  bin = ledger_test_ui_child (page, LEDGER_TYPE_INDICATOR_PAGE, "attachments_bin");
  g_assert_true (LEDGER_IS_ATTACHMENTS_GROUP (adw_bin_get_child (bin)));
  return LEDGER_ATTACHMENTS_GROUP (adw_bin_get_child (bin));
}

static GtkWidget *
page_of (Fixture *fixture)
{
  return ledger_window_get_visible_page (fixture->window);
}

/* A row whose title holds @data, in English; in Chinese any row. */
static gboolean
title_is (GtkWidget *row,
          gpointer   data)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

  return g_str_has_prefix (g_getenv ("LANGUAGE"), "zh") ? strstr (title, "佐证材料") != NULL
                                                        : strstr (title, data) != NULL;
}

static void
wait_for_count (LedgerAttachmentsGroup *group,
                guint                   count)
{
  for (guint i = 0; i < 200 && ledger_attachments_group_get_n_attachments (group) != count; i++)
    ledger_test_ui_wait (25);
  g_assert_cmpuint (ledger_attachments_group_get_n_attachments (group), ==, count);
}

/* The window in dark mode, scrolled to the evidence. */
static void
show_in_dark (Fixture                *fixture,
              LedgerAttachmentsGroup *group)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (group), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  double x = 0, y = 0;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (group), gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                                   0, 0, &x, &y));
  gtk_adjustment_set_value (adjustment, y - 24);
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "evidence-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_add_remove_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  LedgerAttachmentsGroup *group = open_evidence (fixture);
  g_autofree char *dir = g_path_get_dirname (fixture->db_path);
  g_autofree char *photo = g_build_filename (dir, "开工现场照片.jpg", NULL);
  g_autofree char *huge = g_build_filename (dir, "huge.pdf", NULL);
  LedgerAttachment *attachment;

  g_assert_cmpuint (ledger_attachments_group_get_n_attachments (group), ==, 0);
  ledger_test_ui_screenshot (GTK_WIDGET (group), "evidence-empty");
  test_write_file (photo, "JPEG of the ground-breaking", -1);
  ledger_attachments_group_add_file (group, photo);
  wait_for_count (group, 1);
  attachment = ledger_attachments_group_get_attachment (group, 0);
  g_assert_cmpstr (ledger_attachment_get_name (attachment), ==, "开工现场照片.jpg");
  g_assert_cmpstr (ledger_attachment_get_period (attachment), ==, "2026-06");
  ledger_test_ui_screenshot (GTK_WIDGET (group), "evidence");
  show_in_dark (fixture, group);

  /* Above the limit (50 MiB unless set): refused, the list as it was. */
  test_write_sparse_file (huge, 51 * 1024 * 1024);
  ledger_attachments_group_add_file (group, huge);
  ledger_test_ui_wait (1500);
  g_assert_cmpuint (ledger_attachments_group_get_n_attachments (group), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (group), "attachments.remove", "s",
                                             ledger_attachment_get_uuid (attachment)));
  wait_for_count (group, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  wait_for_count (group, 1);
  /* The page's history says it in words. */
  g_assert_nonnull (ledger_test_ui_find (page_of (fixture), ADW_TYPE_ACTION_ROW, title_is, (gpointer) "evidence added"));
  g_assert_nonnull (ledger_test_ui_find (page_of (fixture), ADW_TYPE_ACTION_ROW, title_is, (gpointer) "evidence removed"));
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "evidence-undone");
}

/* Drops @path onto @widget as a file manager would: through the widget's
 * drop target. */
static void
drop_file (GtkWidget  *widget,
           const char *path)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GValue value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (&file, 1));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        g_signal_emit_by_name (controller, "drop", &value, 0.0, 0.0, &dropped);
    }
  g_value_unset (&value);
  g_assert_true (dropped);
}

/* A file dropped onto the page is attached to the period picked; one
 * dropped onto the entry dialog to the dialog's period. */
static void
test_drop (Fixture       *fixture,
           gconstpointer  data)
{
  LedgerAttachmentsGroup *group = open_evidence (fixture);
  GtkWidget *page = ledger_window_get_visible_page (fixture->window);
  g_autofree char *dir = g_path_get_dirname (fixture->db_path);
  g_autofree char *release = g_build_filename (dir, "统计快报.pdf", NULL);
  g_autofree char *minutes = g_build_filename (dir, "minutes.pdf", NULL);
  GtkWindow *dialog;

  test_write_file (release, "%PDF-1.4 release", -1);
  test_write_file (minutes, "%PDF-1.4 minutes", -1);
  drop_file (page, release);
  wait_for_count (group, 1);

  g_assert_true (gtk_widget_activate_action (page, "indicator.record-value", NULL));
  for (guint i = 0; i < 100 && ledger_test_ui_find_window (LEDGER_TYPE_ENTRY_DIALOG) == NULL; i++)
    ledger_test_ui_wait (25);
  dialog = ledger_test_ui_find_window (LEDGER_TYPE_ENTRY_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (ledger_entry_dialog_set_period (LEDGER_ENTRY_DIALOG (dialog), "2026-05"));
  drop_file (GTK_WIDGET (dialog), minutes);
  wait_for_count (group, 2);
  g_assert_cmpstr (ledger_attachment_get_period (ledger_attachments_group_get_attachment (group, 0)), ==,
                   "2026-05");
  gtk_window_destroy (dialog);
}

/* The limit is a preference: at 1 MiB a file of 2 MiB is refused. */
static void
test_limit_preference (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  LedgerAttachmentsGroup *group = open_evidence (fixture);
  g_autofree char *dir = g_path_get_dirname (fixture->db_path);
  g_autofree char *scan = g_build_filename (dir, "scan.pdf", NULL);
  GtkWindow *preferences;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.preferences", NULL));
  ledger_test_ui_wait (200);
  preferences = ledger_test_ui_find_window (LEDGER_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  gtk_spin_button_set_value (ledger_test_ui_child (preferences, LEDGER_TYPE_PREFERENCES_WINDOW,
                                                   "attachment_limit"), 1);
  ledger_test_ui_wait (100);
  g_assert_cmpuint (g_settings_get_uint (settings, "attachment-limit-mib"), ==, 1);
  ledger_test_ui_screenshot (GTK_WIDGET (preferences), "preferences-evidence");
  gtk_window_destroy (preferences);

  test_write_sparse_file (scan, 2 * 1024 * 1024);
  ledger_attachments_group_add_file (group, scan);
  ledger_test_ui_wait (1000);
  g_assert_cmpuint (ledger_attachments_group_get_n_attachments (group), ==, 0);
  g_settings_reset (settings, "attachment-limit-mib");
}

int
main (int   argc,
      char *argv[])
{
  ledger_test_ui_init (&argc, &argv);

  g_test_add ("/attachments/add-remove-undo", Fixture, NULL,
              ledger_test_window_set_up, test_add_remove_undo, ledger_test_window_tear_down);
  g_test_add ("/attachments/limit-preference", Fixture, NULL,
              ledger_test_window_set_up, test_limit_preference, ledger_test_window_tear_down);
  g_test_add ("/attachments/drop", Fixture, NULL,
              ledger_test_window_set_up, test_drop, ledger_test_window_tear_down);

  return ledger_test_ui_run ();
}
