/* test-store.c: the ledger file (docs/architecture.md, docs/safety.md):
 * opening, refusing what is not a ledger, values and their guard, the change log
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "ledger-context.h"
#include "ledger-period.h"
#include "ledger-plan-file.h"
#include "ledger-store.h"
#include "private/ledger-server-location.h"
#include "test-util.h"

#define PLAN_2026 "changzhi-2026"
#define PLAN_15TH "changzhi-15th-five-year"
#define MONTHLY_CODE "new-urban-jobs"        /* cumulative, 万人, monthly */
#define QUARTERLY_CODE "gdp-growth"          /* rate, %, quarterly */
#define QUALITATIVE_CODE "binding-targets"   /* qualitative, quarterly */
#define SEPARATE_JANUARY_CODE "cpi-rise"     /* monthly, January released on its own */
#define COMBINED_JANUARY_CODE "retail-sales-growth" /* monthly, January only with February */

typedef struct
{
  char        *dir;
  char        *path;
  LedgerStore *store;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = test_tmp_dir_new ();
  fixture->path = g_build_filename (fixture->dir, "ledger.sqlite3", NULL);
}

/* For the tests that work on a ledger with the built-in plans. */
static void
fixture_setup_with_plans (Fixture       *fixture,
                          gconstpointer  data)
{
  fixture_setup (fixture, data);
  fixture->store = test_open_ledger (fixture->path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, test_tmp_dir_free);
}

/* ---- the file, through SQLite directly ------------------------------- */

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  return db;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = raw_open (path);
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* What running @sql, with the ledger's foreign keys on, returns: an
 * extended result code. */
static int
raw_try_exec (const char *path,
              const char *sql)
{
  sqlite3 *db = raw_open (path);
  int rc;

  sqlite3_extended_result_codes (db, TRUE);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return rc;
}

/* The first column of the first row of @sql, as text. */
static char *
raw_query (const char *path,
           const char *sql)
{
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return result;
}

static int
raw_query_int (const char *path,
               const char *sql)
{
  g_autofree char *text = raw_query (path, sql);

  g_assert_nonnull (text);
  return atoi (text);
}

static gboolean
exists_with_suffix (const char *path,
                    const char *suffix)
{
  g_autofree char *name = g_strconcat (path, suffix, NULL);

  return g_file_test (name, G_FILE_TEST_EXISTS);
}

/* Opening @path must fail with @code, and leave the file byte for byte as
 * it was, with no journal beside it. */
static void
assert_refused_unchanged (const char       *path,
                          LedgerStoreError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;

  before = test_read_file (path, &before_length);
  store = ledger_store_open (path, &error);
  g_assert_null (store);
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, code, path);

  after = test_read_file (path, &after_length);
  if (before_length != after_length || memcmp (before, after, before_length) != 0)
    {
      gsize offset = 0;

      while (offset < MIN (before_length, after_length) && before[offset] == after[offset])
        offset++;
      test_fail_and_go_on ("a refused file was changed: %" G_GSIZE_FORMAT " bytes before, %"
                           G_GSIZE_FORMAT " after, first difference at byte %" G_GSIZE_FORMAT,
                           before_length, after_length, offset);
    }
  if (exists_with_suffix (path, "-wal") || exists_with_suffix (path, "-journal"))
    test_fail_and_go_on ("a refused file got a journal beside it");
}

static guint
file_mode (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_mode & 0777;
}

/* ---- values and signals --------------------------------------------- */

static gint64
monthly_id (Fixture *fixture)
{
  return test_indicator_id (fixture->store, PLAN_2026, MONTHLY_CODE);
}

static guint
count_values_of (LedgerStore *store,
                 gint64       indicator_id)
{
  g_autoptr(GListModel) values = ledger_store_list_values (store, indicator_id);

  return g_list_model_get_n_items (values);
}

static void
count_plans_changed (LedgerStore *store,
                     guint       *count)
{
  (*count)++;
}

static void
count_values_changed (LedgerStore *store,
                      gint64       indicator_id,
                      guint       *count)
{
  (*count)++;
}

/* ---- opening --------------------------------------------------------- */

static void
test_open_new (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "new", "folder", "ledger.sqlite3", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *journal_mode = NULL;

  fixture->store = ledger_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ledger_store_get_path (fixture->store), ==, path);
  g_assert_cmpint (ledger_store_get_schema_version (fixture->store), ==, LEDGER_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_clear_object (&fixture->store);

  /* What the file itself says, as another program reads it. */
  g_assert_cmpint (raw_query_int (path, "PRAGMA user_version"), ==, LEDGER_STORE_SCHEMA_VERSION);
  journal_mode = raw_query (path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
}

/* The ledger as @version wrote it was copied into @folder before the
 * migration. */
static void
assert_backup_of_version (const char *folder,
                          int         version)
{
  g_autofree char *prefix = g_strdup_printf ("before-version-%d-", LEDGER_STORE_SCHEMA_VERSION);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint found = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (!g_str_has_prefix (name, prefix))
        continue;
      found++;
      g_assert_cmpint (raw_query_int (path, "PRAGMA user_version"), ==, version);
      g_assert_cmpint (raw_query_int (path, "SELECT count(*) FROM changes"), ==, 3);
    }
  g_assert_cmpuint (found, ==, 1);
}

static void
assert_change (GListModel *changes,
               guint       position,
               const char *at,
               const char *by,
               const char *period,
               const char *new_json,
               const char *origin)
{
  g_autoptr(LedgerChange) change = g_list_model_get_item (changes, position);

  g_assert_nonnull (change);
  g_assert_cmpstr (ledger_change_get_at (change), ==, at);
  g_assert_cmpstr (ledger_change_get_by (change), ==, by);
  g_assert_cmpstr (ledger_change_get_period (change), ==, period);
  g_assert_cmpstr (ledger_change_get_new (change), ==, new_json);
  g_assert_cmpstr (ledger_change_get_origin (change), ==, origin);
  g_assert_cmpstr (ledger_change_get_subject (change), ==, "jobs");
}

/* Version 3's indicators: what an older ledger's indicators become (the
 * defaults: paced by months, January with February, no commitment, the
 * unit a proposal), the new CHECKs, and values still bound to their
 * indicators. */
static void
assert_version_3_indicators (Fixture *fixture)
{
  g_autoptr(LedgerIndicator) jobs = NULL;

  jobs = test_find_indicator (fixture->store, "p", "jobs");
  g_assert_cmpint (ledger_indicator_get_profile (jobs), ==, LEDGER_PROFILE_LINEAR);
  g_assert_cmpstr (ledger_indicator_get_custom_shares (jobs), ==, "");
  g_assert_cmpint (ledger_indicator_get_due_month (jobs), ==, 12);
  g_assert_cmpint (ledger_indicator_get_january (jobs), ==, LEDGER_JANUARY_COMBINED);
  g_assert_cmpint (ledger_indicator_get_commitment (jobs), ==, LEDGER_COMMITMENT_NONE);
  g_assert_false (ledger_indicator_get_unit_confirmed (jobs));
  g_assert_cmpint (ledger_indicator_get_target (jobs), ==, 5);

  g_clear_object (&fixture->store);
  g_assert_cmpint (raw_query_int (fixture->path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (raw_try_exec (fixture->path, "UPDATE indicators SET better = 'none'"), ==, SQLITE_OK);
  g_assert_cmpint (raw_try_exec (fixture->path, "UPDATE indicators SET profile = 'weekly'"), ==,
                   SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (raw_try_exec (fixture->path, "UPDATE indicators SET january = 'alone'"), ==,
                   SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (raw_try_exec (fixture->path, "UPDATE indicators SET due_month = 13"), ==,
                   SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (raw_try_exec (fixture->path, "UPDATE indicators SET commitment = 'maybe'"), ==,
                   SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (raw_try_exec (fixture->path, "UPDATE indicator_values SET indicator_id = 99"), ==,
                   SQLITE_CONSTRAINT_FOREIGNKEY);
  g_assert_cmpint (raw_query_int (fixture->path, "SELECT count(*) FROM sqlite_schema "
                                  "WHERE sql LIKE '%indicators_v3%' OR name LIKE '%_v3'"), ==, 0);
}

/* Opening a ledger of an older version migrates it: values and the change
 * log (its order, times, people and origins) come through, and it takes
 * new ones. */
static void
test_open_migrates (Fixture       *fixture,
                    gconstpointer  data)
{
  int version = GPOINTER_TO_INT (data);
  g_autofree char *backups = NULL;
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(LedgerValue) value = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  if (version == 1)
    test_write_ledger_version_1 (fixture->path);
  else
    test_write_ledger_version_2 (fixture->path);

  fixture->store = ledger_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ledger_store_get_schema_version (fixture->store), ==, LEDGER_STORE_SCHEMA_VERSION);
  value = ledger_store_get_value (fixture->store, 1, "2026-03");
  g_assert_nonnull (value);
  g_assert_cmpfloat (ledger_value_get_number (value), ==, 1.5);
  g_assert_true (ledger_store_check (fixture->store, report));
  /* In the ledger's own backups folder: backups/ledger.sqlite3/ */
  backups = ledger_store_dup_backup_folder (fixture->store);
  g_assert_true (g_str_has_suffix (backups, G_DIR_SEPARATOR_S "backups" G_DIR_SEPARATOR_S "ledger.sqlite3"));
  assert_backup_of_version (backups, version);

  changes = ledger_store_list_changes (fixture->store, "i-uuid");
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 3);
  assert_change (changes, 0, "T2", "bo", "2026-03", "{\"value\":1.5}", "");
  assert_change (changes, 1, "T1", "ann", "2026-03", "{\"value\":1.2}", "jobs.csv");
  assert_change (changes, 2, "T1", "ann", "2026-02", "{\"value\":0.8}", "jobs.csv");
  g_clear_object (&changes);

  /* The two imported values share a change set; the edit has its own. */
  g_clear_object (&fixture->store);
  g_assert_cmpint (raw_query_int (fixture->path, "SELECT count(*) FROM change_sets"), ==, 2);
  g_assert_cmpint (raw_try_exec (fixture->path, "UPDATE indicator_values SET status = 'finished'"), ==,
                   SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (raw_try_exec (fixture->path, "UPDATE changes SET action = 'edit'"), ==,
                   SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (raw_try_exec (fixture->path, "UPDATE changes SET change_set = 99"), ==,
                   SQLITE_CONSTRAINT_FOREIGNKEY);
  fixture->store = ledger_store_open (fixture->path, &error);
  g_assert_no_error (error);
  test_set_number (fixture->store, 1, "2026-04", 2.1, "");
  changes = ledger_store_list_changes (fixture->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 4);
  g_clear_object (&value);
  value = ledger_store_get_value (fixture->store, 1, "2026-04");
  g_assert_cmpfloat (ledger_value_get_number (value), ==, 2.1);

  assert_version_3_indicators (fixture);
  /* Version 8: no plan is a region's copy until a region's plan says so,
   * and a region's code is at most 32 characters. */
  g_assert_cmpint (raw_query_int (fixture->path, "SELECT count(*) FROM plans WHERE for_region_code != ''"), ==, 0);
  g_assert_cmpint (raw_try_exec (fixture->path, "UPDATE plans SET for_region_code = printf ('%033d', 1)"), ==,
                   SQLITE_CONSTRAINT_CHECK);

  /* Deleting an indicator still takes its values along. */
  g_assert_cmpint (raw_try_exec (fixture->path, "DELETE FROM indicators"), ==, SQLITE_OK);
  g_assert_cmpint (raw_query_int (fixture->path, "SELECT count(*) FROM indicator_values"), ==, 0);
}

static void
test_open_default_path (void)
{
  g_autofree char *path = ledger_store_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "target-ledger",
                                                "ledger.sqlite3", NULL);

  g_assert_cmpstr (path, ==, expected);
}

/* Opening @location must fail with @code, say @fragment, never
 * @password, and make nothing in the working folder. */
static void
assert_location_refused (const char       *location,
                         LedgerStoreError  code,
                         const char       *fragment,
                         const char       *password)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerStore) store = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *described = ledger_store_describe_location (location);

  g_assert_true (ledger_store_is_server_location (location));
  store = ledger_store_open (location, &error);
  g_assert_null (store);
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, code, fragment);
  g_assert_null (strstr (error->message, password));
  g_assert_null (strstr (described, password));
  dir = g_dir_open (".", 0, NULL);
  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));
}

/* A mistyped server location is refused in libpq's words: it is never
 * taken for a file's name, which made a folder "host=…" and an empty
 * ledger in it. */
static void
test_open_mistyped_server_location (void)
{
  g_autofree char *dir = test_tmp_dir_new ();
  g_autofree char *cwd = g_get_current_dir ();

  g_assert_cmpint (g_chdir (dir), ==, 0);
  assert_location_refused ("host=/nowhere prot=5432 dbname=x password=s3cret",
                           LEDGER_STORE_ERROR_INVALID, "\"prot\"", "s3cret");
  assert_location_refused ("host = /nowhere password='s3cret",
                           LEDGER_STORE_ERROR_INVALID, "unterminated", "s3cret");
  assert_location_refused ("postgresql://wang:s3cret@[db/ledger",
                           LEDGER_STORE_ERROR_INVALID, "IPv6", "s3cret");
  assert_location_refused ("postgresql://wang:s3%zzcret@db/ledger",
                           LEDGER_STORE_ERROR_INVALID, "percent", "s3");
  assert_location_refused ("postgresql:/wang:s3cret@db/ledger",
                           LEDGER_STORE_ERROR_INVALID, "missing", "s3cret");
  /* libpq quotes a word of a password, or the rest after a stray quote. */
  assert_location_refused ("host=db password=correct horse dbname=x",
                           LEDGER_STORE_ERROR_INVALID, "missing", "horse");
  assert_location_refused ("host=db password=x \"Tr0ub4dor&3 y",
                           LEDGER_STORE_ERROR_INVALID, "missing", "Tr0ub4dor");
  /* Read by libpq, but not as meant: the password in the port, or the
   * end of a password with "@" in the host. */
  assert_location_refused ("postgresql://wang:s3cret/ledger",
                           LEDGER_STORE_ERROR_INVALID, "port", "s3cret");
  assert_location_refused ("postgresql://wang:p@ss@db/ledger",
                           LEDGER_STORE_ERROR_INVALID, "%40", "ss@db");
  /* What libpq says of a connection never shows the password given. */
  {
    g_autofree char *hidden = ledger_server_location_hide_password ("host=db password='s3 cret'",
                                                                    "no route for \"s3 cret\"");

    g_assert_cmpstr (hidden, ==, "no route for \"…\"");
  }
  /* A file with "=" in its name is written with its folder. */
  g_assert_false (ledger_store_is_server_location ("./a=b.sqlite3"));
  g_assert_false (ledger_store_is_server_location ("/home/wang/a=b.sqlite3"));
  g_assert_false (ledger_store_is_server_location ("ledger.sqlite3"));
  g_assert_false (ledger_store_is_server_location ("=x"));
  g_assert_true (ledger_store_is_server_location ("dbname=ledger"));
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  test_tmp_dir_free (g_steal_pointer (&dir));
}

static void
test_open_wal (Fixture       *fixture,
               gconstpointer  data)
{
  if (test_skip_on_server ("looks for the SQLite write-ahead log"))
    return;

  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

  test_set_number (fixture->store, monthly_id (fixture), "2026-05", 1.8, "");
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  /* The journal holds the same data: it is as private as the ledger. */
  g_assert_cmpuint (file_mode (wal), ==, 0600);
}

static void
test_open_reopen (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(LedgerValue) value = NULL;
  g_autofree char *location = NULL;
  guint n_changes = ledger_store_count_changes (fixture->store);

  test_set_number (fixture->store, monthly_id (fixture), "2026-05", 1.8, "");
  g_clear_object (&fixture->store);

  location = test_ledger_location (fixture->path);
  fixture->store = ledger_store_open (location, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ledger_store_get_schema_version (fixture->store), ==, LEDGER_STORE_SCHEMA_VERSION);
  plans = ledger_store_list_plans (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 2);
  value = ledger_store_get_value (fixture->store, monthly_id (fixture), "2026-05");
  g_assert_nonnull (value);
  g_assert_cmpfloat (ledger_value_get_number (value), ==, 1.8);
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, n_changes + 1);
}

static void
test_open_empty_file (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  test_write_file (fixture->path, "", 0);
  fixture->store = ledger_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ledger_store_get_schema_version (fixture->store), ==, LEDGER_STORE_SCHEMA_VERSION);
  ledger_store_add_builtin_plans (fixture->store, &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->store);
  g_assert_cmpint (raw_query_int (fixture->path, "PRAGMA user_version"), ==,
                   LEDGER_STORE_SCHEMA_VERSION);
}

static void
test_refuse_other_database (Fixture       *fixture,
                            gconstpointer  data)
{
  raw_exec (fixture->path, "CREATE TABLE foo (bar TEXT); INSERT INTO foo VALUES ('keep me');");
  assert_refused_unchanged (fixture->path, LEDGER_STORE_ERROR_NOT_A_LEDGER);
}

static void
test_refuse_text_file (Fixture       *fixture,
                       gconstpointer  data)
{
  test_write_file (fixture->path, "hello", -1);
  assert_refused_unchanged (fixture->path, LEDGER_STORE_ERROR_NOT_A_LEDGER);
}

static void
test_refuse_too_new (Fixture       *fixture,
                     gconstpointer  data)
{
  g_clear_object (&fixture->store);
  raw_exec (fixture->path, "PRAGMA user_version = 99");
  assert_refused_unchanged (fixture->path, LEDGER_STORE_ERROR_TOO_NEW);
}

/* ---- plans ----------------------------------------------------------- */

static void
test_builtin_plans (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) again = NULL;
  guint n_signals = 0, n_changes;

  fixture->store = ledger_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_signal_connect (fixture->store, "plans-changed", G_CALLBACK (count_plans_changed), &n_signals);

  ledger_store_add_builtin_plans (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_signals, ==, 1);
  plans = ledger_store_list_plans (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 2);
  g_assert_cmpstr (ledger_plan_get_code (g_ptr_array_index (plans, 0)), ==, PLAN_2026);
  g_assert_cmpstr (ledger_plan_get_code (g_ptr_array_index (plans, 1)), ==, PLAN_15TH);

  /* A ledger that has plans gets no more. */
  n_changes = ledger_store_count_changes (fixture->store);
  ledger_store_add_builtin_plans (fixture->store, &error);
  g_assert_no_error (error);
  again = ledger_store_list_plans (fixture->store, &error);
  g_assert_cmpuint (again->len, ==, 2);
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, n_changes);
  g_assert_cmpuint (n_signals, ==, 1);
}

/* The plans come out of the store as they went in. */
static void
test_plans_round_trip (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *files[] = { PLAN_2026 ".json", PLAN_15TH ".json" };
  g_autoptr(GPtrArray) builtin = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GPtrArray) plans = ledger_plan_file_load_builtin (files[i], &error);

      g_assert_no_error (error);
      g_ptr_array_extend_and_steal (builtin, g_steal_pointer (&plans));
    }
  stored = ledger_store_list_plans (fixture->store, &error);
  g_assert_no_error (error);

  expected = ledger_plan_file_to_data (builtin);
  actual = ledger_plan_file_to_data (stored);
  g_assert_cmpstr (actual, ==, expected);
}

static GPtrArray *
load_plans (const char *file_name)
{
  g_autofree char *path = g_build_filename (CORE_TEST_DATA, file_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GPtrArray *plans = ledger_plan_file_load (file, &error);

  g_assert_no_error (error);
  return plans;
}

static guint
count_plans (LedgerStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (store, &error);

  g_assert_no_error (error);
  return plans->len;
}

static void
test_add_plan (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) plans = load_plans ("minimal-plan.json");
  g_autoptr(GError) error = NULL;

  g_assert_true (ledger_store_add_plans (fixture->store, plans, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_plans (fixture->store), ==, 3);
  g_assert_cmpint (test_indicator_id (fixture->store, "test-2026", "new-urban-jobs"), >, 0);
}

/* Adding a plan the ledger holds already is refused, and so are the new
 * plans that came with it: all or nothing. */
static void
test_add_existing_plan (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = load_plans ("minimal-plan.json");
  g_autoptr(GPtrArray) builtin = ledger_plan_file_load_builtin (PLAN_2026 ".json", &error);
  guint n_changes = ledger_store_count_changes (fixture->store);
  guint n_signals = 0;

  g_assert_no_error (error);
  g_ptr_array_extend_and_steal (plans, g_steal_pointer (&builtin));
  g_signal_connect (fixture->store, "plans-changed", G_CALLBACK (count_plans_changed), &n_signals);

  g_assert_false (ledger_store_add_plans (fixture->store, plans, &error));
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_EXISTS);
  g_assert_cmpuint (count_plans (fixture->store), ==, 2);
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, n_changes);
  g_assert_cmpuint (n_signals, ==, 0);
}

/* ---- values ---------------------------------------------------------- */

static void
test_value_set_get (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 id = monthly_id (fixture);
  g_autoptr(LedgerValue) value = ledger_value_new (id, "2026-05", 1.8, "含灵活就业, 见附表", "市人社局月报");
  g_autoptr(LedgerValue) stored = NULL;
  g_autoptr(LedgerValue) other = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ledger_store_set_value (fixture->store, value, &error));
  g_assert_no_error (error);

  stored = ledger_store_get_value (fixture->store, id, "2026-05");
  g_assert_nonnull (stored);
  g_assert_true (ledger_value_equal (stored, value));
  g_assert_true (ledger_value_has_number (stored));
  g_assert_cmpstr (ledger_value_get_note (stored), ==, "含灵活就业, 见附表");
  g_assert_cmpstr (ledger_value_get_source (stored), ==, "市人社局月报");
  g_assert_cmpstr (ledger_value_get_updated_at (stored), !=, "");
  g_assert_cmpstr (ledger_value_get_updated_by (stored), !=, "");

  other = ledger_store_get_value (fixture->store, id, "2026-06");
  g_assert_null (other);
}

static void
test_value_qualitative (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 id = test_indicator_id (fixture->store, PLAN_2026, QUALITATIVE_CODE);
  g_autoptr(LedgerValue) value = ledger_value_new_status (id, "2026-Q2", "in_progress", "进展顺利", "");
  g_autoptr(LedgerValue) stored = NULL;
  g_autoptr(GError) error = NULL;

  ledger_store_set_value (fixture->store, value, &error);
  g_assert_no_error (error);
  stored = ledger_store_get_value (fixture->store, id, "2026-Q2");
  g_assert_nonnull (stored);
  g_assert_false (ledger_value_has_number (stored));
  g_assert_cmpstr (ledger_value_get_status (stored), ==, "in_progress");
  g_assert_true (ledger_value_equal (stored, value));
}

/* The latest value is the one of the latest period, whatever the order the
 * values were entered in. */
static void
test_value_latest (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 id = monthly_id (fixture);
  g_autoptr(LedgerValue) latest = NULL;
  g_autoptr(GListModel) values = NULL;
  g_autoptr(LedgerValue) first = NULL;

  g_assert_null (ledger_store_get_latest_value (fixture->store, id));
  test_set_number (fixture->store, id, "2026-05", 2.0, "");
  test_set_number (fixture->store, id, "2026-03", 1.0, "");
  test_set_number (fixture->store, id, "2026-10", 3.0, "");
  test_set_number (fixture->store, id, "2026-04", 1.5, "");

  latest = ledger_store_get_latest_value (fixture->store, id);
  g_assert_nonnull (latest);
  g_assert_cmpstr (ledger_value_get_period (latest), ==, "2026-10");
  g_assert_cmpfloat (ledger_value_get_number (latest), ==, 3.0);

  values = ledger_store_list_values (fixture->store, id);
  g_assert_cmpuint (g_list_model_get_n_items (values), ==, 4);
  first = g_list_model_get_item (values, 0);
  g_assert_cmpstr (ledger_value_get_period (first), ==, "2026-03");
}

static void
test_value_update_delete (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 id = monthly_id (fixture);
  guint n_changes = ledger_store_count_changes (fixture->store);
  g_autoptr(LedgerValue) stored = NULL;
  g_autoptr(GError) error = NULL;

  test_set_number (fixture->store, id, "2026-05", 1.8, "");
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, n_changes + 1);

  test_set_number (fixture->store, id, "2026-05", 2.1, "");
  g_assert_cmpuint (count_values_of (fixture->store, id), ==, 1);
  stored = ledger_store_get_value (fixture->store, id, "2026-05");
  g_assert_cmpfloat (ledger_value_get_number (stored), ==, 2.1);
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, n_changes + 2);

  /* The same value again is no change. */
  test_set_number (fixture->store, id, "2026-05", 2.1, "");
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, n_changes + 2);

  g_assert_true (ledger_store_delete_value (fixture->store, id, "2026-05", &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = ledger_store_get_value (fixture->store, id, "2026-05");
  g_assert_null (stored);
  g_assert_cmpuint (count_values_of (fixture->store, id), ==, 0);
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, n_changes + 3);

  /* The change log keeps each number in its shortest exact form. */
  test_set_number (fixture->store, id, "2026-06", 5.7, "“引号” \\ \"");
  {
    g_autoptr(GListModel) changes = ledger_store_list_changes (fixture->store, NULL);
    g_autoptr(LedgerChange) last = g_list_model_get_item (changes, 0);
    g_autoptr(JsonNode) node = json_from_string (ledger_change_get_new (last), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (ledger_change_get_new (last), ==,
                     "{\"value\":5.7,\"note\":\"“引号” \\\\ \\\"\",\"source\":\"\"}");
    g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (node), "value"), ==, 5.7);
  }
  g_assert_true (ledger_store_delete_value (fixture->store, id, "2026-06", &error));
  n_changes += 2;

  /* Deleting what is not there changes nothing. */
  g_assert_true (ledger_store_delete_value (fixture->store, id, "2026-05", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, n_changes + 3);
}

typedef struct
{
  const char *path;
  GArray     *ids;       /* gint64: the indicator of each emission */
  GArray     *committed; /* int: its values another connection saw then */
} SignalLog;

static void
on_values_changed (LedgerStore *store,
                   gint64       indicator_id,
                   SignalLog   *log)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM indicator_values "
                                          "WHERE indicator_id = %" G_GINT64_FORMAT, indicator_id);
  int committed = raw_query_int (log->path, sql);

  g_array_append_val (log->ids, indicator_id);
  g_array_append_val (log->committed, committed);
}

/* values-changed comes once the write is committed: another connection
 * already sees it. */
static void
test_value_signal (Fixture       *fixture,
                   gconstpointer  data)
{
  if (test_skip_on_server ("reads the SQLite file directly"))
    return;

  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) committed = g_array_new (FALSE, FALSE, sizeof (int));
  SignalLog log = { fixture->path, ids, committed };
  gint64 id = monthly_id (fixture);
  g_autoptr(GError) error = NULL;

  g_signal_connect (fixture->store, "values-changed", G_CALLBACK (on_values_changed), &log);

  test_set_number (fixture->store, id, "2026-05", 1.8, "");
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, id);
  g_assert_cmpint (g_array_index (committed, int, 0), ==, 1);

  ledger_store_delete_value (fixture->store, id, "2026-05", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, id);
  g_assert_cmpint (g_array_index (committed, int, 1), ==, 0);
}

typedef enum
{
  NUMBER,
  STATUS,
} ValueType;

typedef struct
{
  const char *name;
  const char *plan;
  const char *code;     /* NULL: an id no indicator has */
  const char *period;
  ValueType   type;
  double      number;
  const char *status;
} RefusedCase;

static const RefusedCase refused_cases[] = {
  { "quarter-for-monthly", PLAN_2026, MONTHLY_CODE, "2026-Q1", NUMBER, 1, NULL },
  { "january-for-monthly", PLAN_2026, COMBINED_JANUARY_CODE, "2026-01", NUMBER, 1, NULL },
  { "year-for-monthly", PLAN_2026, MONTHLY_CODE, "2026", NUMBER, 1, NULL },
  { "month-for-quarterly", PLAN_2026, QUARTERLY_CODE, "2026-06", NUMBER, 6, NULL },
  { "year-after-plan", PLAN_2026, MONTHLY_CODE, "2027-05", NUMBER, 1, NULL },
  { "two-years-before-plan", PLAN_2026, MONTHLY_CODE, "2024-05", NUMBER, 1, NULL },
  { "january-two-years-before", PLAN_2026, SEPARATE_JANUARY_CODE, "2024-01", NUMBER, 1, NULL },
  { "january-of-base-year-combined", PLAN_2026, COMBINED_JANUARY_CODE, "2025-01", NUMBER, 1, NULL },
  { "two-years-before-five-year-plan", PLAN_15TH, "regional-central-city", "2024", STATUS, 0, "done" },
  { "year-after-five-year-plan", PLAN_15TH, "regional-central-city", "2031", STATUS, 0, "done" },
  { "not-a-period", PLAN_2026, MONTHLY_CODE, "2026-13", NUMBER, 1, NULL },
  { "nan", PLAN_2026, MONTHLY_CODE, "2026-05", NUMBER, NAN, NULL },
  { "infinity", PLAN_2026, MONTHLY_CODE, "2026-05", NUMBER, INFINITY, NULL },
  { "unknown-indicator", PLAN_2026, NULL, "2026-05", NUMBER, 1, NULL },
  { "qualitative-without-status", PLAN_2026, QUALITATIVE_CODE, "2026-Q1", NUMBER, 1, NULL },
  { "qualitative-unknown-status", PLAN_2026, QUALITATIVE_CODE, "2026-Q1", STATUS, 0, "finished" },
  { "numeric-with-status-only", PLAN_2026, MONTHLY_CODE, "2026-05", STATUS, 0, "done" },
};

static LedgerValue *
refused_value (Fixture           *fixture,
               const RefusedCase *refused)
{
  gint64 id = refused->code != NULL
              ? test_indicator_id (fixture->store, refused->plan, refused->code)
              : G_MAXINT32;

  if (refused->type == STATUS)
    return ledger_value_new_status (id, refused->period, refused->status, "", "");
  return ledger_value_new (id, refused->period, refused->number, "", "");
}

/* The store's guard: a value that breaks the plan's rules is refused and
 * nothing changes, not even the change log. */
static void
test_value_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  const RefusedCase *refused = data;
  g_autoptr(LedgerValue) value = refused_value (fixture, refused);
  g_autoptr(GError) error = NULL;
  guint n_signals = 0, n_changes, n_values;

  test_set_number (fixture->store, monthly_id (fixture), "2026-02", 0.5, "");
  n_changes = ledger_store_count_changes (fixture->store);
  n_values = test_count_all_values (fixture->store);
  g_signal_connect (fixture->store, "values-changed", G_CALLBACK (count_values_changed), &n_signals);

  g_assert_false (ledger_store_set_value (fixture->store, value, &error));
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID);
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, n_changes);
  g_assert_cmpuint (test_count_all_values (fixture->store), ==, n_values);
  g_assert_cmpuint (n_signals, ==, 0);
}

static void
test_value_last_year_of_plan (Fixture       *fixture,
                              gconstpointer  data)
{
  gint64 id = test_indicator_id (fixture->store, PLAN_15TH, "regional-central-city");
  g_autoptr(LedgerValue) value = ledger_value_new_status (id, "2030", "done", "", "");
  g_autoptr(GError) error = NULL;

  g_assert_true (ledger_store_set_value (fixture->store, value, &error));
  g_assert_no_error (error);
}

/* The year before the plan's holds the base figures (同期) of every
 * indicator; January alone is a period of an indicator released
 * separately in January, in the plan's years and the year before. */
static void
test_value_base_year_and_january (Fixture       *fixture,
                                  gconstpointer  data)
{
  const struct { const char *plan; const char *code; const char *period; } accepted[] = {
    { PLAN_2026, MONTHLY_CODE, "2025-05" },
    { PLAN_2026, MONTHLY_CODE, "2025-12" },
    { PLAN_2026, QUARTERLY_CODE, "2025-Q2" },
    { PLAN_2026, SEPARATE_JANUARY_CODE, "2026-01" },
    { PLAN_2026, SEPARATE_JANUARY_CODE, "2025-01" },
    { PLAN_2026, COMBINED_JANUARY_CODE, "2025-02" },
  };
  g_autoptr(GString) report = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    test_set_number (fixture->store, test_indicator_id (fixture->store, accepted[i].plan, accepted[i].code),
                     accepted[i].period, 3 + i, "");
  test_set_status (fixture->store, test_indicator_id (fixture->store, PLAN_15TH, "regional-central-city"),
                   "2025", "done", "");
  /* --check agrees with the store. */
  g_assert_true (ledger_store_check (fixture->store, report));
  g_assert_cmpstr (report->str, ==, "");
}

/* A base year's value is read beside the plan's, never as the plan's
 * latest: no stale 2025 figure as of 1-2月, and the plan opens at its
 * own latest period. */
static void
test_value_base_year_not_latest (Fixture       *fixture,
                                 gconstpointer  data)
{
  gint64 id = monthly_id (fixture);
  LedgerPeriod as_of = { 2026, LEDGER_PERIOD_MONTH, 3 };
  g_autoptr(LedgerValue) latest = NULL;
  g_autoptr(LedgerValue) until = NULL;
  g_autoptr(LedgerPlan) plan = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autofree char *period = NULL;

  test_set_number (fixture->store, id, "2025-12", 4.5, "");
  plans = ledger_store_list_plans (fixture->store, NULL);
  plan = g_object_ref (g_ptr_array_index (plans, 0));
  g_assert_cmpstr (ledger_plan_get_code (plan), ==, PLAN_2026);

  g_assert_null (ledger_store_get_latest_value (fixture->store, id));
  g_assert_null (ledger_store_get_latest_value_until (fixture->store, id, &as_of));
  g_assert_null (ledger_store_get_latest_period (fixture->store, plan));

  test_set_number (fixture->store, id, "2026-02", 0.7, "");
  latest = ledger_store_get_latest_value (fixture->store, id);
  until = ledger_store_get_latest_value_until (fixture->store, id, &as_of);
  period = ledger_store_get_latest_period (fixture->store, plan);
  g_assert_cmpstr (ledger_value_get_period (latest), ==, "2026-02");
  g_assert_cmpstr (ledger_value_get_period (until), ==, "2026-02");
  g_assert_cmpstr (period, ==, "2026-02");
}

/* The context reads a value against the ledger's base year: PM2.5 in
 * January against last January's and last year's (seasonal, as the
 * built-in plan has it), new jobs projected as last year went on. */
static void
test_context_base_year (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LedgerContext) context = ledger_context_new (fixture->store);
  g_autoptr(LedgerIndicator) pm25 = test_find_indicator (fixture->store, PLAN_2026, "pm25");
  g_autoptr(LedgerIndicator) jobs = test_find_indicator (fixture->store, PLAN_2026, MONTHLY_CODE);
  g_autoptr(LedgerValue) typed = NULL;
  LedgerProgress progress;

  test_set_number (fixture->store, ledger_indicator_get_id (pm25), "2025-01", 60, "");
  test_set_number (fixture->store, ledger_indicator_get_id (pm25), "2025-12", 36, "");
  test_set_number (fixture->store, ledger_indicator_get_id (pm25), "2026-01", 48, "");
  test_set_number (fixture->store, ledger_indicator_get_id (jobs), "2025-01", 0.3, "");
  test_set_number (fixture->store, ledger_indicator_get_id (jobs), "2025-12", 4.5, "");
  test_set_number (fixture->store, ledger_indicator_get_id (jobs), "2026-01", 0.4, "");
  ledger_context_set_as_of (context, "2026-01");

  /* due 30 × 60 / 36 = 50: 48 is on track, not the red of a straight line */
  progress = ledger_context_evaluate (context, pm25, NULL);
  g_assert_cmpint (progress.status, ==, LEDGER_STATUS_ON_TRACK);
  g_assert_cmpfloat (progress.base_value, ==, 60);
  g_assert_false (progress.pace_fallback);
  g_assert_cmpfloat_with_epsilon (progress.expected, 50, 1e-9);
  /* … and a figure being typed is judged the same way: 52 is 2 over the 50 due → warning */
  typed = ledger_value_new (ledger_indicator_get_id (pm25), "2026-01", 52, "", "");
  progress = ledger_context_evaluate_value (context, pm25, typed, "2026-01");
  g_assert_cmpint (progress.status, ==, LEDGER_STATUS_WARNING);

  /* 同比 (0.4 / 0.3 − 1) × 100 = 33.3…; 预计全年 0.4 × 4.5 / 0.3 = 6 */
  progress = ledger_context_evaluate (context, jobs, NULL);
  g_assert_cmpfloat_with_epsilon (progress.yoy, 100.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (progress.projection, 6, 1e-9);
  g_assert_false (progress.projection_fallback);
}

/* How an indicator is paced and read is written, read back, changed,
 * logged and undone like the rest of its definition. */
static void
test_indicator_schedule (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LedgerIndicator) indicator = test_find_indicator (fixture->store, PLAN_2026, MONTHLY_CODE);
  g_autoptr(LedgerIndicator) changed = NULL;
  g_autoptr(LedgerIndicator) undone = NULL;
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(LedgerChange) change = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (indicator, "profile", LEDGER_PROFILE_CUSTOM, "custom-shares", "3:20,6:55",
                "due-month", 9, "january", LEDGER_JANUARY_COMBINED,
                "commitment", LEDGER_COMMITMENT_FIRM, "unit-confirmed", TRUE,
                "better", LEDGER_BETTER_NONE, NULL);
  g_assert_true (ledger_store_update_indicator (fixture->store, indicator, &error));
  g_assert_no_error (error);

  changed = test_find_indicator (fixture->store, PLAN_2026, MONTHLY_CODE);
  g_assert_cmpint (ledger_indicator_get_profile (changed), ==, LEDGER_PROFILE_CUSTOM);
  g_assert_cmpstr (ledger_indicator_get_custom_shares (changed), ==, "3:20,6:55");
  g_assert_cmpint (ledger_indicator_get_due_month (changed), ==, 9);
  g_assert_cmpint (ledger_indicator_get_january (changed), ==, LEDGER_JANUARY_COMBINED);
  g_assert_cmpint (ledger_indicator_get_commitment (changed), ==, LEDGER_COMMITMENT_FIRM);
  g_assert_true (ledger_indicator_get_unit_confirmed (changed));
  g_assert_cmpint (ledger_indicator_get_better (changed), ==, LEDGER_BETTER_NONE);

  changes = ledger_store_list_changes (fixture->store, ledger_indicator_get_uuid (changed));
  change = g_list_model_get_item (changes, 0);
  g_assert_nonnull (strstr (ledger_change_get_new (change), "\"profile\":\"custom\""));
  g_assert_nonnull (strstr (ledger_change_get_new (change), "\"commitment\":\"firm\""));

  g_assert_true (ledger_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  undone = test_find_indicator (fixture->store, PLAN_2026, MONTHLY_CODE);
  g_assert_cmpint (ledger_indicator_get_profile (undone), ==, LEDGER_PROFILE_LINEAR);
  g_assert_cmpint (ledger_indicator_get_january (undone), ==, LEDGER_JANUARY_SEPARATE);
  g_assert_cmpint (ledger_indicator_get_commitment (undone), ==, LEDGER_COMMITMENT_NONE);
  g_assert_false (ledger_indicator_get_unit_confirmed (undone));
  g_assert_cmpint (ledger_indicator_get_better (undone), ==, LEDGER_BETTER_HIGHER);
}

static GPtrArray *
batch_new (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

/* A batch is recorded whole, or not at all. */
static void
test_import_all_or_nothing (Fixture       *fixture,
                            gconstpointer  data)
{
  gint64 monthly = monthly_id (fixture);
  gint64 quarterly = test_indicator_id (fixture->store, PLAN_2026, QUARTERLY_CODE);
  g_autoptr(GPtrArray) bad = batch_new ();
  g_autoptr(GPtrArray) good = batch_new ();
  g_autoptr(GError) error = NULL;
  guint n_changes = ledger_store_count_changes (fixture->store);
  guint n_signals = 0;

  g_signal_connect (fixture->store, "values-changed", G_CALLBACK (count_values_changed), &n_signals);

  g_ptr_array_add (bad, ledger_value_new (monthly, "2026-02", 0.6, "", ""));
  g_ptr_array_add (bad, ledger_value_new (quarterly, "2026-Q1", 5.9, "", ""));
  g_ptr_array_add (bad, ledger_value_new (monthly, "2026-Q1", 0.9, "", ""));
  g_assert_false (ledger_store_import_values (fixture->store, bad, "bad.csv", &error));
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (test_count_all_values (fixture->store), ==, 0);
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, n_changes);
  g_assert_cmpuint (n_signals, ==, 0);

  g_ptr_array_add (good, ledger_value_new (monthly, "2026-02", 0.6, "", ""));
  g_ptr_array_add (good, ledger_value_new (quarterly, "2026-Q1", 5.9, "", ""));
  g_ptr_array_add (good, ledger_value_new (monthly, "2026-03", 0.9, "", ""));
  g_assert_true (ledger_store_import_values (fixture->store, good, "good.csv", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (test_count_all_values (fixture->store), ==, 3);
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, n_changes + 3);
  g_assert_cmpuint (n_signals, ==, 1);
}

typedef struct
{
  GPtrArray  *values;
  LedgerPlan *plan;
} Filler;

/* A value for each period @indicator reports in its plan's years. */
static void
fill_indicator (LedgerNode      *area,
                LedgerNode      *task,
                LedgerIndicator *indicator,
                gpointer         user_data)
{
  Filler *filler = user_data;
  static const char *suffixes[] = { "", "-Q1", "-Q2", "-Q3", "-Q4", "-02", "-03", "-04", "-05", "-06",
                                    "-07", "-08", "-09", "-10", "-11", "-12" };

  for (int year = ledger_plan_get_first_year (filler->plan); year <= ledger_plan_get_last_year (filler->plan); year++)
    for (guint s = 0; s < G_N_ELEMENTS (suffixes); s++)
      {
        g_autofree char *code = g_strdup_printf ("%d%s", year, suffixes[s]);
        gint64 id = ledger_indicator_get_id (indicator);
        LedgerPeriod period;

        if (!ledger_period_parse (code, &period) ||
            !ledger_frequency_has_period (ledger_indicator_get_frequency (indicator), &period))
          continue;
        g_ptr_array_add (filler->values, ledger_indicator_get_kind (indicator) == LEDGER_KIND_QUALITATIVE
                                         ? ledger_value_new_status (id, code, "done", "", "")
                                         : ledger_value_new (id, code, 1, "", ""));
      }
}

/* A value for every cell of the built-in plans: more than one statement's
 * worth. */
static GPtrArray *
values_for_every_cell (LedgerStore *store)
{
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (store, NULL);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < plans->len; i++)
    {
      Filler filler = { values, g_ptr_array_index (plans, i) };

      ledger_plan_foreach_indicator (filler.plan, fill_indicator, &filler);
    }
  return values;
}

/* An import of several statements' worth that fails at its last value —
 * after whole statements of inserts and a replaced value — writes nothing;
 * without that value, all of it is written. */
static void
test_import_all_or_nothing_large (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GPtrArray) values = values_for_every_cell (fixture->store);
  LedgerValue *first = g_ptr_array_index (values, 0);
  g_autoptr(LedgerValue) kept = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changes;

  g_assert_cmpuint (values->len, >, 2 * 256);  /* two statements of store_write_values() */
  test_set_number (fixture->store, ledger_value_get_indicator_id (first), ledger_value_get_period (first), 7, "");
  n_changes = ledger_store_count_changes (fixture->store);
  g_ptr_array_add (values, ledger_value_new (monthly_id (fixture), "2026-Q1", 1, "", ""));

  g_assert_false (ledger_store_import_values (fixture->store, values, "large.csv", &error));
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (test_count_all_values (fixture->store), ==, 1);
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, n_changes);
  kept = ledger_store_get_value (fixture->store, ledger_value_get_indicator_id (first), ledger_value_get_period (first));
  g_assert_cmpfloat (ledger_value_get_number (kept), ==, 7);

  g_ptr_array_remove_index (values, values->len - 1);
  g_assert_true (ledger_store_import_values (fixture->store, values, "large.csv", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (test_count_all_values (fixture->store), ==, values->len);
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, n_changes + values->len);
}

/* A batch that fills free cells and replaces a taken one: the free ones
 * are inserted, the taken one updated, each logged as what it was, all in
 * one change set from the batch's origin. */
static void
test_import_mixed (Fixture       *fixture,
                   gconstpointer  data)
{
  if (test_skip_on_server ("reads the SQLite file directly"))
    return;

  gint64 monthly = monthly_id (fixture);
  LedgerIndicator *indicator = test_find_indicator (fixture->store, PLAN_2026, MONTHLY_CODE);
  g_autoptr(GPtrArray) batch = batch_new ();
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(LedgerChange) update = NULL;
  g_autoptr(LedgerChange) insert = NULL;
  g_autoptr(LedgerValue) value = NULL;
  g_autoptr(GError) error = NULL;
  int change_sets;

  test_set_number (fixture->store, monthly, "2026-03", 0.9, "");
  change_sets = raw_query_int (fixture->path, "SELECT count(*) FROM change_sets");
  g_ptr_array_add (batch, ledger_value_new (monthly, "2026-02", 0.6, "", "统计局"));
  g_ptr_array_add (batch, ledger_value_new (monthly, "2026-03", 1.25, "revised", "统计局"));
  g_ptr_array_add (batch, ledger_value_new (monthly, "2026-04", 1604, "", "统计局"));
  g_assert_true (ledger_store_import_values (fixture->store, batch, "mixed.csv", &error));
  g_assert_no_error (error);

  value = ledger_store_get_value (fixture->store, monthly, "2026-03");
  g_assert_cmpfloat (ledger_value_get_number (value), ==, 1.25);
  g_assert_cmpstr (ledger_value_get_note (value), ==, "revised");
  g_assert_cmpint (raw_query_int (fixture->path, "SELECT count(*) FROM change_sets"), ==, change_sets + 1);

  changes = ledger_store_list_changes (fixture->store, ledger_indicator_get_uuid (indicator));
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 4);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(LedgerChange) change = g_list_model_get_item (changes, i);

      g_assert_cmpstr (ledger_change_get_origin (change), ==, "mixed.csv");
      if (g_str_equal (ledger_change_get_period (change), "2026-03"))
        g_set_object (&update, change);
      if (g_str_equal (ledger_change_get_period (change), "2026-04"))
        g_set_object (&insert, change);
    }
  g_assert_cmpstr (ledger_change_get_action (update), ==, "update");
  g_assert_cmpstr (ledger_change_get_old (update), ==, "{\"value\":0.9,\"note\":\"\",\"source\":\"\"}");
  g_assert_cmpstr (ledger_change_get_new (update), ==,
                   "{\"value\":1.25,\"note\":\"revised\",\"source\":\"统计局\"}");
  g_assert_cmpstr (ledger_change_get_action (insert), ==, "insert");
  g_assert_null (ledger_change_get_old (insert));
  g_assert_cmpstr (ledger_change_get_new (insert), ==, "{\"value\":1604,\"note\":\"\",\"source\":\"统计局\"}");
  g_object_unref (indicator);
}

/* Values that replace what the caller read are written only if their
 * cells still hold it; otherwise nothing is, and the changed one is named. */
static void
test_import_expecting (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 monthly = monthly_id (fixture);
  g_autoptr(GPtrArray) values = batch_new ();
  g_autoptr(GPtrArray) origins = g_ptr_array_new ();
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autoptr(LedgerValue) read = ledger_value_new (monthly, "2026-03", 0.9, "", "");
  g_autoptr(LedgerValue) after = NULL;
  g_autoptr(GError) error = NULL;
  guint changed = 99;

  test_set_number (fixture->store, monthly, "2026-03", 0.9, "");
  g_ptr_array_add (values, ledger_value_new (monthly, "2026-02", 0.6, "", ""));
  g_ptr_array_add (values, ledger_value_new (monthly, "2026-03", 1.0, "", ""));
  g_ptr_array_add (origins, "a");
  g_ptr_array_add (origins, "b");
  g_ptr_array_add (expected, NULL);
  g_ptr_array_add (expected, read);

  /* Someone changed 2026-03 after it was read. */
  test_set_number (fixture->store, monthly, "2026-03", 0.95, "");
  g_assert_false (ledger_store_import_values_from (fixture->store, values, origins, expected, &changed, &error));
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CHANGED);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_null (ledger_store_get_value (fixture->store, monthly, "2026-02"));
  g_clear_error (&error);

  /* As read, it goes through. */
  test_set_number (fixture->store, monthly, "2026-03", 0.9, "");
  g_assert_true (ledger_store_import_values_from (fixture->store, values, origins, expected, &changed, &error));
  g_assert_no_error (error);
  after = ledger_store_get_value (fixture->store, monthly, "2026-03");
  g_assert_cmpfloat (ledger_value_get_number (after), ==, 1.0);
}

/* A write while another program holds the ledger is refused as LOCKED
 * (after the busy timeout), and nothing is written. */
static void
test_value_locked (Fixture       *fixture,
                   gconstpointer  data)
{
  if (test_skip_on_server ("locks the SQLite file"))
    return;

  g_autoptr(LedgerValue) value = ledger_value_new (monthly_id (fixture), "2026-05", 1.8, "", "");
  g_autoptr(GError) error = NULL;
  sqlite3 *other = raw_open (fixture->path);

  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (ledger_store_set_value (fixture->store, value, &error));
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_LOCKED);
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);
  g_assert_cmpuint (test_count_all_values (fixture->store), ==, 0);

  /* and once the other program is done, the same write goes through */
  g_clear_error (&error);
  g_assert_true (ledger_store_set_value (fixture->store, value, &error));
  g_assert_no_error (error);
}

/* ---- the check ------------------------------------------------------- */

/* Writes a value behind the store's back, as a damaged or hand-edited file
 * might hold it. */
static void
insert_raw_value (const char *path,
                  gint64      indicator_id,
                  const char *period)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *insert = g_strdup_printf (
    "INSERT INTO indicator_values (uuid, indicator_id, period, period_key, value, updated_at) "
    "VALUES ('%s', %" G_GINT64_FORMAT ", '%s', 0, 1, 'now')", uuid, indicator_id, period);

  raw_exec (path, insert);
}

static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  if (test_skip_on_server ("damages the SQLite file with SQL"))
    return;

  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GString) bad_report = g_string_new (NULL);
  gint64 id = monthly_id (fixture);

  test_set_number (fixture->store, id, "2026-05", 1.8, "");
  test_set_status (fixture->store, test_indicator_id (fixture->store, PLAN_2026, QUALITATIVE_CODE),
                   "2026-Q2", "done", "");
  g_assert_true (ledger_store_check (fixture->store, report));
  g_assert_cmpstr (report->str, ==, "");

  insert_raw_value (fixture->path, id, "2027-05");
  g_assert_false (ledger_store_check (fixture->store, bad_report));
  g_assert_nonnull (strstr (bad_report->str, "2027-05"));
}

/* ledger_store_check: "every value's period belongs to its indicator" —
 * a quarter for a monthly indicator does not. */
static void
test_check_frequency (Fixture       *fixture,
                      gconstpointer  data)
{
  if (test_skip_on_server ("damages the SQLite file with SQL"))
    return;

  g_autoptr(GString) report = g_string_new (NULL);

  insert_raw_value (fixture->path, monthly_id (fixture), "2026-Q1");
  if (ledger_store_check (fixture->store, report))
    g_test_fail_printf ("a quarterly value of the monthly %s passes the check", MONTHLY_CODE);
  else
    g_assert_nonnull (strstr (report->str, "2026-Q1"));
}

/* A ledger cut short (a full disk, a bad copy) is refused as damaged, and
 * left as it is for whoever can repair it. */
static void
test_refuse_truncated (Fixture       *fixture,
                       gconstpointer  data)
{
  if (test_skip_on_server ("truncates the SQLite file"))
    return;

  g_autofree char *bytes = NULL;
  gsize length;

  g_clear_object (&fixture->store);
  bytes = test_read_file (fixture->path, &length);
  test_write_file (fixture->path, bytes, length / 2);
  assert_refused_unchanged (fixture->path, LEDGER_STORE_ERROR_CORRUPT);
}

/* Pages overwritten with garbage: if the ledger opens at all, reading it
 * says it is damaged and the check fails. */
static void
test_damaged_pages (Fixture       *fixture,
                    gconstpointer  data)
{
  if (test_skip_on_server ("damages the SQLite file"))
    return;

  g_autofree char *bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  gsize length;

  g_clear_object (&fixture->store);
  bytes = test_read_file (fixture->path, &length);
  g_assert_cmpuint (length, >, 4096 * 9);
  memset (bytes + 4096, 0x55, 4096 * 8);
  test_write_file (fixture->path, bytes, length);

  fixture->store = ledger_store_open (fixture->path, &error);
  if (fixture->store == NULL)
    {
      g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CORRUPT);
      return;
    }
  plans = ledger_store_list_plans (fixture->store, &error);
  g_assert_null (plans);
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CORRUPT);
  g_assert_false (ledger_store_check (fixture->store, report));
  g_assert_cmpstr (report->str, !=, "");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, setup, func) \
  g_test_add (path, Fixture, NULL, setup, func, fixture_teardown)

  ADD ("/store/open/new", fixture_setup, test_open_new);
  g_test_add_func ("/store/open/default-path", test_open_default_path);
  g_test_add_func ("/store/open/mistyped-server-location", test_open_mistyped_server_location);
  g_test_add ("/store/open/migrates-version-1", Fixture, GINT_TO_POINTER (1), fixture_setup,
              test_open_migrates, fixture_teardown);
  g_test_add ("/store/open/migrates-version-2", Fixture, GINT_TO_POINTER (2), fixture_setup,
              test_open_migrates, fixture_teardown);
  ADD ("/store/open/wal", fixture_setup_with_plans, test_open_wal);
  ADD ("/store/open/reopen", fixture_setup_with_plans, test_open_reopen);
  ADD ("/store/open/empty-file", fixture_setup, test_open_empty_file);
  ADD ("/store/open/refused/other-database", fixture_setup, test_refuse_other_database);
  ADD ("/store/open/refused/text-file", fixture_setup, test_refuse_text_file);
  ADD ("/store/open/refused/too-new", fixture_setup_with_plans, test_refuse_too_new);
  ADD ("/store/open/refused/truncated", fixture_setup_with_plans, test_refuse_truncated);
  ADD ("/store/open/damaged-pages", fixture_setup_with_plans, test_damaged_pages);
  ADD ("/store/plans/builtin", fixture_setup, test_builtin_plans);
  ADD ("/store/plans/round-trip", fixture_setup_with_plans, test_plans_round_trip);
  ADD ("/store/plans/add", fixture_setup_with_plans, test_add_plan);
  ADD ("/store/plans/existing", fixture_setup_with_plans, test_add_existing_plan);
  ADD ("/store/values/set-get", fixture_setup_with_plans, test_value_set_get);
  ADD ("/store/values/qualitative", fixture_setup_with_plans, test_value_qualitative);
  ADD ("/store/values/latest", fixture_setup_with_plans, test_value_latest);
  ADD ("/store/values/update-delete", fixture_setup_with_plans, test_value_update_delete);
  ADD ("/store/values/signal", fixture_setup_with_plans, test_value_signal);
  ADD ("/store/values/last-year-of-plan", fixture_setup_with_plans, test_value_last_year_of_plan);
  ADD ("/store/values/locked", fixture_setup_with_plans, test_value_locked);
  ADD ("/store/values/base-year-and-january", fixture_setup_with_plans, test_value_base_year_and_january);
  ADD ("/store/values/base-year-not-latest", fixture_setup_with_plans, test_value_base_year_not_latest);
  ADD ("/store/plans/indicator-schedule", fixture_setup_with_plans, test_indicator_schedule);
  ADD ("/store/context/base-year", fixture_setup_with_plans, test_context_base_year);
  ADD ("/store/import/all-or-nothing", fixture_setup_with_plans, test_import_all_or_nothing);
  ADD ("/store/import/expecting", fixture_setup_with_plans, test_import_expecting);
  ADD ("/store/import/mixed", fixture_setup_with_plans, test_import_mixed);
  ADD ("/store/import/all-or-nothing-large", fixture_setup_with_plans, test_import_all_or_nothing_large);
  ADD ("/store/check/good", fixture_setup_with_plans, test_check);
  ADD ("/store/check/period-of-other-frequency", fixture_setup_with_plans, test_check_frequency);
  for (guint i = 0; i < G_N_ELEMENTS (refused_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/store/values/refused/", refused_cases[i].name, NULL);

      g_test_add (path, Fixture, &refused_cases[i], fixture_setup_with_plans,
                  test_value_refused, fixture_teardown);
    }
#undef ADD

  return g_test_run ();
}
