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
#include "ledger-store-cycle.h"
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

static gint64
plan_id (Fixture *fixture)
{
  g_autoptr(LedgerPlan) plan = test_find_plan (fixture->store, "changzhi-2026");

  return ledger_node_get_id (LEDGER_NODE (plan));
}

static LedgerPeriodState
march_state (Fixture *fixture)
{
  return ledger_store_get_period_state (fixture->store, plan_id (fixture), "2026-03");
}

static void
set_march (Fixture           *fixture,
           LedgerPeriodState  state)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ledger_store_set_period_state (fixture->store, plan_id (fixture), "2026-03", state, state == LEDGER_PERIOD_OPEN ? "更正" : "",
                                                &error));
  g_assert_no_error (error);
}

/* A restore is a write like any other: a backup that would change a
 * figure of a closed month is refused, naming it, and nothing changes;
 * once the month is reopened it is restored. A backup that leaves the
 * closed months as they are is restored, and they stay closed. */
static void
test_restore_closed_month (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (fixture->dir, "before.sqlite3", NULL);
  g_autofree char *after_close = g_build_filename (fixture->dir, "after-close.sqlite3", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  guint n_backups;

  test_set_number (fixture->store, fixture->gdp, "2026-Q1", 5.1, "");
  g_assert_true (ledger_store_backup_to (fixture->store, backup, &error));
  test_set_number (fixture->store, fixture->gdp, "2026-Q1", 5.3, "核实数");
  set_march (fixture, LEDGER_PERIOD_CLOSED);
  backups = ledger_store_list_backups (fixture->store);
  n_backups = backups->len;

  g_assert_false (ledger_store_restore_from (fixture->store, backup, NULL, &error));
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CLOSED);
  g_assert_nonnull (strstr (error->message, "2026-03 (changzhi-2026)"));
  g_clear_error (&error);
  g_assert_cmpfloat (gdp_q1 (fixture), ==, 5.3);
  g_assert_cmpint (march_state (fixture), ==, LEDGER_PERIOD_CLOSED);
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = ledger_store_list_backups (fixture->store);
  g_assert_cmpuint (backups->len, ==, n_backups);   /* refused before any safety copy */

  /* A backup that holds March as the ledger does, made before it was
   * closed, reopened: restored, March stays closed. */
  set_march (fixture, LEDGER_PERIOD_OPEN);
  g_assert_true (ledger_store_backup_to (fixture->store, after_close, &error));
  set_march (fixture, LEDGER_PERIOD_CLOSED);
  test_set_number (fixture->store, fixture->gdp, "2026-Q2", 6.0, "");
  g_assert_true (ledger_store_restore_from (fixture->store, after_close, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (march_state (fixture), ==, LEDGER_PERIOD_CLOSED);
  g_assert_cmpfloat (gdp_q1 (fixture), ==, 5.3);

  /* Reopened with a reason, the first backup comes back. */
  set_march (fixture, LEDGER_PERIOD_OPEN);
  g_assert_true (ledger_store_restore_from (fixture->store, backup, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (gdp_q1 (fixture), ==, 5.1);
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

/* A backup from before regions has no region's figures: restoring it
 * over a closed month that holds only 潞州区's figure would take that
 * figure away, and is refused, naming the month. */
static void
test_restore_before_regions_closed (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *old = g_build_filename (fixture->dir, "version-1.sqlite3", NULL);
  g_autoptr(LedgerValue) luzhou = ledger_value_new (fixture->gdp, "2026-Q1", 5.6, "", "");
  g_autoptr(LedgerValue) kept = NULL;
  g_autoptr(GError) error = NULL;

  ledger_value_set_region (luzhou, "140403");
  g_assert_true (ledger_store_set_value (fixture->store, luzhou, &error));
  g_assert_no_error (error);
  set_march (fixture, LEDGER_PERIOD_CLOSED);
  test_write_ledger_version_1 (old);

  g_assert_false (ledger_store_restore_from (fixture->store, old, NULL, &error));
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CLOSED);
  g_assert_nonnull (strstr (error->message, "2026-03 (changzhi-2026)"));
  kept = ledger_store_get_region_value (fixture->store, fixture->gdp, "140403", "2026-Q1");
  g_assert_nonnull (kept);
  g_assert_cmpfloat (ledger_value_get_number (kept), ==, 5.6);
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

/* Each ledger's backups are in its own folder, named after it, and seen
 * only by it: two ledgers in one folder each get their daily backup, and
 * pruning one ledger's never touches the other's. */
static void
test_two_ledgers (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.sqlite3", NULL);
  g_autoptr(LedgerStore) other = test_open_ledger (other_path);
  g_autoptr(GDateTime) first = g_date_time_new_local (2026, 11, 1, 9, 0, 0);
  g_autofree char *own_folder = g_build_filename (fixture->dir, "backups", "ledger.sqlite3", NULL);
  g_autofree char *other_folder = g_build_filename (fixture->dir, "backups", "other.sqlite3", NULL);
  g_autofree char *folder = ledger_store_dup_backup_folder (fixture->store);
  g_autoptr(GPtrArray) own_backups = NULL;
  g_autoptr(GPtrArray) other_backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *manual = NULL;

  g_assert_cmpstr (folder, ==, own_folder);
  test_set_number (fixture->store, fixture->gdp, "2026-Q1", 5.1, "");
  g_assert_true (ledger_store_backup_daily (other, first, &error));
  for (int day = 0; day < 20; day++)
    {
      g_autoptr(GDateTime) today = g_date_time_add_days (first, day);

      g_assert_true (ledger_store_backup_daily (fixture->store, today, &error));
      g_assert_no_error (error);
    }
  manual = ledger_store_backup_named (other, "manual", &error);
  g_assert_no_error (error);

  own_backups = ledger_store_list_backups (fixture->store);
  other_backups = ledger_store_list_backups_of (other_path);
  g_assert_cmpuint (own_backups->len, ==, 14);
  g_assert_cmpuint (other_backups->len, ==, 2);
  for (guint i = 0; i < own_backups->len; i++)
    {
      g_autofree char *dir = g_path_get_dirname (g_ptr_array_index (own_backups, i));

      g_assert_cmpstr (dir, ==, own_folder);
    }
  g_assert_cmpstr (g_ptr_array_index (other_backups, 0), ==, manual);
  g_assert_true (g_str_has_prefix (manual, other_folder));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (other_backups, 1),
                                   G_DIR_SEPARATOR_S "other.sqlite3" G_DIR_SEPARATOR_S "daily-2026-11-01.sqlite3"));
  /* The other ledger's backup holds the other ledger: no value of this one. */
  g_assert_true (ledger_store_restore_from (other, g_ptr_array_index (other_backups, 1), NULL, &error));
  g_assert_no_error (error);
  g_assert_null (ledger_store_get_value (other, fixture->gdp, "2026-Q1"));
}

/* Writes a copy of the ledger into the shared backups folder under @name,
 * as an older version named its backups. */
static char *
write_shared_backup (Fixture    *fixture,
                     const char *name)
{
  g_autofree char *root = g_build_filename (fixture->dir, "backups", NULL);
  g_autofree char *path = g_build_filename (root, name, NULL);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.bak", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (root, 0700), ==, 0);
  g_assert_true (ledger_store_backup_to (fixture->store, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_rename (copy, path), ==, 0);
  return g_steal_pointer (&path);
}

static gboolean
lists (GPtrArray  *backups,
       const char *path)
{
  return g_ptr_array_find_with_equal_func (backups, path, g_str_equal, NULL);
}

/* Backups an older version left directly in backups/ may be any ledger's of
 * the folder: they are offered only to a ledger named ledger.sqlite3 alone
 * in its folder, never pruned, and never to another ledger. */
static void
test_shared_backups (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *daily = write_shared_backup (fixture, "ledger-2026-11-01.sqlite3");
  g_autofree char *before = write_shared_backup (fixture, "before-restore-2026-11-02-101500.sqlite3");
  g_autofree char *other_path = g_build_filename (fixture->dir, "l.db", NULL);
  g_autoptr(GDateTime) first = g_date_time_new_local (2026, 11, 3, 9, 0, 0);
  g_autoptr(GPtrArray) backups = ledger_store_list_backups (fixture->store);
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (backups, 0), ==, before);
  g_assert_cmpstr (g_ptr_array_index (backups, 1), ==, daily);
  g_clear_pointer (&backups, g_ptr_array_unref);

  for (int day = 0; day < 20; day++)
    {
      g_autoptr(GDateTime) today = g_date_time_add_days (first, day);

      g_assert_true (ledger_store_backup_daily (fixture->store, today, &error));
    }
  g_assert_true (g_file_test (daily, G_FILE_TEST_EXISTS));

  /* Another ledger in the folder: the old backups may be its own. */
  g_object_unref (test_open_ledger (other_path));
  backups = ledger_store_list_backups (fixture->store);
  others = ledger_store_list_backups_of (other_path);
  g_assert_cmpuint (backups->len, ==, 14);
  g_assert_false (lists (backups, daily) || lists (backups, before));
  g_assert_cmpuint (others->len, ==, 0);
}

/* A ledger with another name, alone, is not offered the old backups. */
static void
test_shared_backups_other_name (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *daily = write_shared_backup (fixture, "ledger-2026-11-01.sqlite3");
  g_autofree char *renamed = g_build_filename (fixture->dir, "office.sqlite3", NULL);
  g_autoptr(GPtrArray) backups = NULL;

  g_clear_object (&fixture->store);
  g_assert_cmpint (g_rename (fixture->path, renamed), ==, 0);
  backups = ledger_store_list_backups_of (renamed);
  g_assert_cmpuint (backups->len, ==, 0);
}

/* Safety copies made within one second never take each other's name, nor
 * any other file's: each keeps the ledger as it was. */
static void
test_unique_safety_copies (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (fixture->dir, "five.bak", NULL);
  g_autofree char *folder = ledger_store_dup_backup_folder (fixture->store);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;

  test_set_number (fixture->store, fixture->gdp, "2026-Q1", 5.0, "");
  g_assert_true (ledger_store_backup_to (fixture->store, backup, &error));
  test_set_number (fixture->store, fixture->gdp, "2026-Q1", 6.0, "");

  /* The names of the next seconds are taken: by a file that must stay. */
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (int second = 0; second < 10; second++)
    {
      g_autoptr(GDateTime) then = g_date_time_add_seconds (now, second);
      g_autofree char *stamp = g_date_time_format (then, "%Y-%m-%d-%H%M%S");
      g_autofree char *name = g_strdup_printf ("before-restore-%s.sqlite3", stamp);
      g_autofree char *taken = g_build_filename (folder, name, NULL);

      test_write_file (taken, "taken", -1);
    }

  g_assert_true (ledger_store_restore_from (fixture->store, backup, &first, &error));
  g_assert_no_error (error);
  test_set_number (fixture->store, fixture->gdp, "2026-Q1", 7.0, "");
  g_assert_true (ledger_store_restore_from (fixture->store, backup, &second, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (first, !=, second);
  g_assert_true (g_str_has_suffix (first, "-2.sqlite3"));

  /* The first copy still holds 6.0, the second 7.0. */
  g_assert_true (ledger_store_restore_from (fixture->store, first, NULL, &error));
  g_assert_cmpfloat (gdp_q1 (fixture), ==, 6.0);
  g_assert_true (ledger_store_restore_from (fixture->store, second, NULL, &error));
  g_assert_cmpfloat (gdp_q1 (fixture), ==, 7.0);
  g_assert_no_error (error);
  for (int second = 0; second < 10; second++)
    {
      g_autoptr(GDateTime) then = g_date_time_add_seconds (now, second);
      g_autofree char *stamp = g_date_time_format (then, "%Y-%m-%d-%H%M%S");
      g_autofree char *name = g_strdup_printf ("before-restore-%s.sqlite3", stamp);
      g_autofree char *taken = g_build_filename (folder, name, NULL);
      g_autofree char *text = test_read_file (taken, NULL);

      g_assert_cmpstr (text, ==, "taken");
    }
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
  g_test_add ("/backup/restore-before-regions-closed", Fixture, NULL, fixture_set_up,
              test_restore_before_regions_closed, fixture_tear_down);
  g_test_add ("/backup/restore-version-1", Fixture, NULL, fixture_set_up, test_restore_version_1,
              fixture_tear_down);
  g_test_add ("/backup/restore-failed-migration", Fixture, NULL, fixture_set_up,
              test_restore_failed_migration, fixture_tear_down);
  g_test_add ("/backup/restore-closed-month", Fixture, NULL, fixture_set_up, test_restore_closed_month,
              fixture_tear_down);
  g_test_add ("/backup/restore-refused", Fixture, NULL, fixture_set_up, test_restore_refused, fixture_tear_down);

  g_test_add ("/backup/two-ledgers", Fixture, NULL, fixture_set_up, test_two_ledgers, fixture_tear_down);
  g_test_add ("/backup/shared-backups", Fixture, NULL, fixture_set_up, test_shared_backups, fixture_tear_down);
  g_test_add ("/backup/shared-backups-other-name", Fixture, NULL, fixture_set_up,
              test_shared_backups_other_name, fixture_tear_down);
  g_test_add ("/backup/unique-safety-copies", Fixture, NULL, fixture_set_up, test_unique_safety_copies,
              fixture_tear_down);

  return g_test_run ();
}
