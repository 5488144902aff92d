/* test-packages.c: department data packages in the window — a unit's
 * package exported, packages imported with a conflict chosen, undone
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ledger-job-bar.h"
#include "ledger-package.h"
#include "ledger-package-export-window.h"
#include "ledger-package-import-window.h"
#include "ledger-test-ui.h"
#include "test-util.h"

typedef LedgerTestWindow Fixture;

#define UNIT "市统计局"

static char *
path_of (const char *name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);

  g_remove (path);
  return g_steal_pointer (&path);
}

/* The unit and months picked, the package holds that unit's values of
 * those months, and the window closes. */
static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = path_of ("unit.tlpkg");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerPackage) package = NULL;
  LedgerPackageExportWindow *window;

  ledger_test_window_set_number (fixture, "gdp-growth", "2026-Q2", 5.9);
  ledger_test_window_set_number (fixture, "gdp-growth", "2026-Q3", 6.0);
  window = ledger_package_export_window_new (GTK_WINDOW (fixture->window),
                                             ledger_window_get_context (fixture->window), fixture->plan);
  gtk_window_present (GTK_WINDOW (window));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_true (ledger_package_export_window_select (window, UNIT, "2026-01", "2026-06"));
  ledger_test_ui_screenshot (GTK_WIDGET (window), "package-export");

  ledger_package_export_window_export (window, path);
  /* Written in a worker, shown in the window's job bar. */
  g_assert_true (ledger_job_bar_is_running (ledger_test_ui_child (window, LEDGER_TYPE_PACKAGE_EXPORT_WINDOW,
                                                                  "job_bar")));
  ledger_test_ui_wait_until_gone ((gpointer *) &window);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  package = ledger_package_read (contents, strlen (contents), "unit.tlpkg", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ledger_package_get_unit (package), ==, UNIT);
  /* Q3 is after June. */
  g_assert_cmpuint (ledger_package_get_n_entries (package), ==, 1);
}

static LedgerPackageImportWindow *
open_import (Fixture    *fixture,
             const char *path)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LedgerPackageImportWindow *window;

  g_list_store_append (files, file);
  window = ledger_package_import_window_new (GTK_WINDOW (fixture->window),
                                             ledger_window_get_context (fixture->window), G_LIST_MODEL (files));
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 200 && g_str_equal (ledger_package_import_window_get_state (window), "working"); i++)
    ledger_test_ui_wait (25);
  return window;
}

/* A package whose GDP figure the office has changed since (6.1), and
 * whose CPI figure it has deleted since. */
static void
write_stats_package (Fixture    *fixture,
                     const char *path)
{
  g_autoptr(GError) error = NULL;

  ledger_test_window_set_number (fixture, "gdp-growth", "2026-Q2", 5.9);
  ledger_test_window_set_number (fixture, "cpi-rise", "2026-05", 1.1);
  g_assert_true (ledger_package_export_to_file (fixture->store, UNIT, "2026-01", "2026-06", path, &error));
  g_assert_no_error (error);
  ledger_test_window_set_number (fixture, "gdp-growth", "2026-Q2", 6.1);
  g_assert_true (ledger_store_delete_value (fixture->store, ledger_test_window_id_of (fixture, "cpi-rise"),
                                            "2026-05", &error));
}

/* A package whose GDP figure the office has changed since: the new CPI
 * figure is added, the GDP one is a conflict that keeps the ledger's value
 * unless the package's is chosen; one undo takes the import back. */
static void
test_import_with_conflict (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = path_of ("stats.tlpkg");
  g_autoptr(GError) error = NULL;
  LedgerPackageImportWindow *window;
  LedgerPackageMerge *merge;
  GtkButton *import_button;

  write_stats_package (fixture, path);
  window = open_import (fixture, path);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_cmpstr (ledger_package_import_window_get_state (window), ==, "preview");
  merge = ledger_package_import_window_get_merge (window);
  g_assert_cmpuint (ledger_package_merge_get_n_added (merge), ==, 1);
  g_assert_cmpuint (ledger_package_merge_get_n_conflicts (merge), ==, 1);
  /* By default the ledger keeps its value: only the CPI figure is written. */
  g_assert_cmpuint (ledger_package_merge_count_writes (merge), ==, 1);
  ledger_test_ui_screenshot (GTK_WIDGET (window), "package-import-conflict");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  ledger_test_ui_screenshot (GTK_WIDGET (window), "package-import-conflict-narrow-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  ledger_package_import_window_choose (window, 0, 1);
  g_assert_cmpuint (ledger_package_merge_count_writes (merge), ==, 2);
  import_button = ledger_test_ui_child (window, LEDGER_TYPE_PACKAGE_IMPORT_WINDOW, "import_button");
  ledger_test_ui_click (import_button);
  ledger_test_ui_wait_until_gone ((gpointer *) &window);

  g_assert_cmpfloat (ledger_test_window_number (fixture, "gdp-growth", "2026-Q2"), ==, 5.9);
  g_assert_cmpfloat (ledger_test_window_number (fixture, "cpi-rise", "2026-05"), ==, 1.1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  ledger_test_ui_wait_for_job (GTK_WIDGET (fixture->window));
  g_assert_cmpfloat (ledger_test_window_number (fixture, "gdp-growth", "2026-Q2"), ==, 6.1);
  g_assert_cmpfloat (ledger_test_window_number (fixture, "cpi-rise", "2026-05"), ==, -1);
}

/* The import waits for another program's write in the job bar, "n of m"
 * with Cancel; cancelled, it writes nothing and the preview is back with
 * its Import button, which then imports. */
static void
test_import_cancelled (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = path_of ("cancel.tlpkg");
  LedgerPackageImportWindow *window;
  LedgerJobBar *job_bar;
  GtkButton *import_button;
  gpointer lock;
  guint changes;

  write_stats_package (fixture, path);
  changes = ledger_store_count_changes (fixture->store);

  window = open_import (fixture, path);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_cmpstr (ledger_package_import_window_get_state (window), ==, "preview");
  job_bar = ledger_test_ui_child (window, LEDGER_TYPE_PACKAGE_IMPORT_WINDOW, "job_bar");
  g_assert_false (ledger_job_bar_is_running (job_bar));
  import_button = ledger_test_ui_child (window, LEDGER_TYPE_PACKAGE_IMPORT_WINDOW, "import_button");

  lock = test_lock_ledger (fixture->db_path);
  ledger_test_ui_click (import_button);
  g_assert_cmpstr (ledger_package_import_window_get_state (window), ==, "working");
  g_assert_true (ledger_job_bar_is_running (job_bar));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (job_bar)));
  ledger_test_ui_screenshot (GTK_WIDGET (window), "package-import-job");
  ledger_test_ui_click (ledger_test_ui_find (GTK_WIDGET (job_bar), GTK_TYPE_BUTTON, NULL, NULL));
  test_unlock_ledger (lock);
  ledger_test_ui_wait_for_job (GTK_WIDGET (window));

  g_assert_cmpstr (ledger_package_import_window_get_state (window), ==, "preview");
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, changes);
  g_assert_cmpfloat (ledger_test_window_number (fixture, "cpi-rise", "2026-05"), ==, -1);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (import_button)));

  ledger_test_ui_click (import_button);
  ledger_test_ui_wait_until_gone ((gpointer *) &window);
  g_assert_cmpfloat (ledger_test_window_number (fixture, "cpi-rise", "2026-05"), ==, 1.1);
}

/* A file that is not a package is refused with its name and why. */
static void
test_import_bad_file (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = path_of ("notes.tlpkg");
  LedgerPackageImportWindow *window;

  g_assert_true (g_file_set_contents (path, "{\"format\": \"something-else\"}", -1, NULL));
  window = open_import (fixture, path);
  g_assert_cmpstr (ledger_package_import_window_get_state (window), ==, "failed");
  ledger_test_ui_screenshot (GTK_WIDGET (window), "package-import-failed");
}

/* A CPI rise of 60 % without a note: the preview refuses it, saying why
 * (docs/monthly-cycle.md, Checks on entry). */
static void
test_import_flagged (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = path_of ("flagged.tlpkg");
  g_autoptr(GError) error = NULL;
  LedgerPackageImportWindow *window;
  LedgerPackageMerge *merge;

  ledger_test_window_set_number (fixture, "cpi-rise", "2026-05", 60);
  g_assert_true (ledger_package_export_to_file (fixture->store, UNIT, "2026-05", "2026-05", path, &error));
  g_assert_no_error (error);
  g_assert_true (ledger_store_delete_value (fixture->store, ledger_test_window_id_of (fixture, "cpi-rise"),
                                            "2026-05", &error));

  window = open_import (fixture, path);
  g_assert_cmpstr (ledger_package_import_window_get_state (window), ==, "preview");
  merge = ledger_package_import_window_get_merge (window);
  g_assert_cmpuint (ledger_package_merge_get_n_added (merge), ==, 0);
  g_assert_cmpuint (ledger_package_merge_get_n_refused (merge), ==, 1);
  g_assert_cmpstr (ledger_import_row_get_period (ledger_package_merge_get_refused (merge, 0)), ==, "2026-05");
  ledger_test_ui_screenshot (GTK_WIDGET (window), "package-import-flagged");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ledger_test_ui_init (&argc, &argv);

  g_test_add ("/packages/export", Fixture, NULL,
              ledger_test_window_set_up, test_export, ledger_test_window_tear_down);
  g_test_add ("/packages/import-with-conflict", Fixture, NULL,
              ledger_test_window_set_up, test_import_with_conflict, ledger_test_window_tear_down);
  g_test_add ("/packages/import-cancelled", Fixture, NULL,
              ledger_test_window_set_up, test_import_cancelled, ledger_test_window_tear_down);
  g_test_add ("/packages/import-bad-file", Fixture, NULL,
              ledger_test_window_set_up, test_import_bad_file, ledger_test_window_tear_down);
  g_test_add ("/packages/import-flagged", Fixture, NULL,
              ledger_test_window_set_up, test_import_flagged, ledger_test_window_tear_down);

  return ledger_test_ui_run ();
}
