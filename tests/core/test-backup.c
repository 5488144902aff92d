/* test-backup.c: daily backups and their rotation, restoring, and what
 * is refused
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "ledger-store.h"
#include "test-util.h"

typedef struct
{
  char        *dir;
  char        *path;
  LedgerStore *store;
  gint64       gdp;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = test_tmp_dir_new ();
  fixture->path = g_build_filename (fixture->dir, "ledger.sqlite3", NULL);
  fixture->store = test_open_ledger (fixture->path);
  fixture->gdp = test_indicator_id (fixture->store, "changzhi-2026", "gdp-growth");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_free (fixture->path);
  test_tmp_dir_free (fixture->dir);
}

static void
count_signal (guint *count)
{
  (*count)++;
}

static double
gdp_q1 (Fixture *fixture)
{
  g_autoptr(LedgerValue) value = ledger_store_get_value (fixture->store, fixture->gdp, "2026-Q1");

  return value != NULL ? ledger_value_get_number (value) : -1;
}

/* One backup a day, made once; the last 14 are kept. */
static void
test_daily_rotation (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GDateTime) first = g_date_time_new_local (2026, 11, 1, 9, 0, 0);

  for (int day = 0; day < 20; day++)
    {
      g_autoptr(GDateTime) today = g_date_time_add_days (first, day);

      g_assert_true (ledger_store_backup_daily (fixture->store, today, &error));
      g_assert_true (ledger_store_backup_daily (fixture->store, today, &error));  /* once a day */
      g_assert_no_error (error);
    }
  backups = ledger_store_list_backups (fixture->store);
  g_assert_cmpuint (backups->len, ==, 14);
  /* The newest first: 20 November; the oldest kept: 7 November. */
  g_assert_true (g_str_has_suffix (g_ptr_array_index (backups, 0), "daily-2026-11-20.sqlite3"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (backups, 13), "daily-2026-11-07.sqlite3"));
}

/* The newest backup comes first whatever its kind: by the time in its
 * name, not by the name. */
static void
test_newest_first (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) long_ago = g_date_time_new_local (2020, 1, 2, 9, 0, 0);
  g_autoptr(GDateTime) to_come = g_date_time_new_local (2099, 1, 2, 9, 0, 0);
  g_autofree char *manual = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ledger_store_backup_daily (fixture->store, long_ago, &error));
  manual = ledger_store_backup_named (fixture->store, "manual", &error);
  g_assert_no_error (error);
  backups = ledger_store_list_backups (fixture->store);
  g_assert_cmpstr (g_ptr_array_index (backups, 0), ==, manual);
  g_clear_pointer (&backups, g_ptr_array_unref);

  g_assert_true (ledger_store_backup_daily (fixture->store, to_come, &error));
  backups = ledger_store_list_backups (fixture->store);
  g_assert_cmpuint (backups->len, ==, 3);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (backups, 0), "daily-2099-01-02.sqlite3"));
  g_assert_cmpstr (g_ptr_array_index (backups, 1), ==, manual);
}

/* Restoring brings the backup's values back, and saves the ledger as it
 * was first; the change is seen by the views. */
static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (fixture->dir, "before.sqlite3", NULL);
  g_autofree char *safety = NULL;
  g_autoptr(GError) error = NULL;
  guint signals = 0;

  test_set_number (fixture->store, fixture->gdp, "2026-Q1", 5.1, "");
  g_assert_true (ledger_store_backup_to (fixture->store, backup, &error));
  test_set_number (fixture->store, fixture->gdp, "2026-Q1", 9.9, "a mistake");
  g_signal_connect_swapped (fixture->store, "plans-changed", G_CALLBACK (count_signal), &signals);

  g_assert_true (ledger_store_restore_from (fixture->store, backup, &safety, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (gdp_q1 (fixture), ==, 5.1);
  g_assert_cmpuint (signals, ==, 1);
  g_assert_true (g_file_test (safety, G_FILE_TEST_EXISTS));

  /* The safety copy holds the ledger as it was before the restore. */
  g_assert_true (ledger_store_restore_from (fixture->store, safety, NULL, &error));
  g_assert_cmpfloat (gdp_q1 (fixture), ==, 9.9);
}

/* A backup from before the schema's last version is brought up to date
 * as it is restored: its values and change log come back, and new values
 * are recorded and logged. */
static void
test_restore_version_1 (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *old = g_build_filename (fixture->dir, "version-1.sqlite3", NULL);
  g_autoptr(LedgerValue) value = NULL;
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;

  test_write_ledger_version_1 (old);
  g_assert_true (ledger_store_restore_from (fixture->store, old, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ledger_store_get_schema_version (fixture->store), ==, LEDGER_STORE_SCHEMA_VERSION);

  value = ledger_store_get_value (fixture->store, 1, "2026-03");
  g_assert_nonnull (value);
  g_assert_cmpfloat (ledger_value_get_number (value), ==, 1.5);
  test_set_number (fixture->store, 1, "2026-04", 2.1, "");
  changes = ledger_store_list_changes (fixture->store, "i-uuid");
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 4);

  /* The backup is itself the copy of the older version: only the ledger
   * as it was before the restore is saved. */
  backups = ledger_store_list_backups (fixture->store);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (backups, 0), "before-restore-"));
}

/* A backup whose migration fails is not restored: the ledger keeps its
 * values, and stays writable. */
static void
test_restore_failed_migration (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *old = g_build_filename (fixture->dir, "version-1.sqlite3", NULL);
  g_autoptr(GError) error = NULL;

  test_set_number (fixture->store, fixture->gdp, "2026-Q1", 5.1, "");
  test_write_ledger_version_1 (old);
  test_exec_sql (old, "CREATE TABLE change_sets (taken INTEGER)");  /* version 2 makes it */

  g_assert_false (ledger_store_restore_from (fixture->store, old, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpfloat (gdp_q1 (fixture), ==, 5.1);
  g_assert_cmpint (ledger_store_get_schema_version (fixture->store), ==, LEDGER_STORE_SCHEMA_VERSION);
  test_set_number (fixture->store, fixture->gdp, "2026-Q2", 5.3, "");
}

/* A file that is not a whole ledger is refused, and nothing changes. */
static void
test_restore_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *junk = g_build_filename (fixture->dir, "junk.sqlite3", NULL);
  g_autoptr(GError) error = NULL;

  test_set_number (fixture->store, fixture->gdp, "2026-Q1", 5.1, "");
  g_assert_true (g_file_set_contents (junk, "not a ledger at all", -1, NULL));
  g_assert_false (ledger_store_restore_from (fixture->store, junk, NULL, &error));
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_NOT_A_LEDGER);
  g_assert_cmpfloat (gdp_q1 (fixture), ==, 5.1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/backup/daily-rotation", Fixture, NULL, fixture_set_up, test_daily_rotation, fixture_tear_down);
  g_test_add ("/backup/newest-first", Fixture, NULL, fixture_set_up, test_newest_first, fixture_tear_down);
  g_test_add ("/backup/restore", Fixture, NULL, fixture_set_up, test_restore, fixture_tear_down);
  g_test_add ("/backup/restore-version-1", Fixture, NULL, fixture_set_up, test_restore_version_1,
              fixture_tear_down);
  g_test_add ("/backup/restore-failed-migration", Fixture, NULL, fixture_set_up,
              test_restore_failed_migration, fixture_tear_down);
  g_test_add ("/backup/restore-refused", Fixture, NULL, fixture_set_up, test_restore_refused, fixture_tear_down);

  return g_test_run ();
}
