/* test-untrusted.c: a ledger or backup from anywhere — with a planted
 * trigger, a view, a table too many or a column too few, text or an
 * infinity where a number belongs — is found out on open, on restore and
 * by the check, and nothing it brings ever runs; a ledger that cannot be
 * written is opened for reading
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ledger-store.h"
#include "test-util.h"

typedef TestLedgerFiles Fixture;

/* A ledger with one value, closed. */
static void
make_ledger (Fixture *fixture)
{
  g_autoptr(LedgerStore) store = test_open_ledger (fixture->path);

  test_set_number (store, test_indicator_id (store, "changzhi-2026", "new-urban-jobs"), "2026-06", 2.6, "");
}

static char *
check_report (LedgerStore *store,
              gboolean     expect_ok)
{
  GString *report = g_string_new (NULL);

  g_assert_cmpint (ledger_store_check (store, report), ==, expect_ok);
  return g_string_free (report, FALSE);
}

/* A ledger this program made, new or brought up from version 1, has
 * exactly the schema it expects. */
static void
test_own_ledgers_pass (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *old_path = g_build_filename (fixture->dir, "old.sqlite3", NULL);
  g_autoptr(LedgerStore) store = NULL;
  g_autoptr(LedgerStore) old = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;

  make_ledger (fixture);
  store = ledger_store_open (fixture->path, &error);
  g_assert_no_error (error);
  report = check_report (store, TRUE);
  g_assert_cmpstr (report, ==, "");
  g_assert_false (ledger_store_is_read_only (store));

  test_write_ledger_version_1 (old_path);
  old = ledger_store_open (old_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ledger_store_count_schema_problems (old), ==, 0);
}

typedef struct
{
  const char *name;
  const char *sql;      /* what a hostile hand did to the ledger */
  const char *reported; /* what the check says of it */
} Tampering;

static const Tampering tamperings[] = {
  { "trigger", "CREATE TRIGGER rewrite AFTER INSERT ON indicator_values BEGIN "
               "UPDATE indicator_values SET value = 99; DELETE FROM changes; END",
    "unexpected trigger rewrite on indicator_values" },
  { "view", "CREATE VIEW everything AS SELECT * FROM indicators", "unexpected view everything" },
  { "table", "CREATE TABLE extra (x)", "unexpected table extra" },
  { "index", "CREATE INDEX values_by_note ON indicator_values (note)",
    "unexpected index values_by_note on indicator_values (note)" },
  { "missing-column", "ALTER TABLE plans DROP COLUMN region", "missing column plans.region TEXT not null" },
  { "missing-table", "DROP TABLE changes", "missing table changes" },
};

/* Each is refused on open with what was found, the file untouched;
 * opened for reading, the check lists it. */
static void
test_tampered_ledger (Fixture       *fixture,
                      gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (tamperings); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.sqlite3", fixture->dir, tamperings[i].name);
      g_autoptr(LedgerStore) store = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *report = NULL;
      gsize length;

      g_object_unref (test_open_ledger (path));
      test_exec_sql (path, tamperings[i].sql);
      before = test_read_file (path, &length);

      store = ledger_store_open (path, &error);
      g_assert_null (store);
      test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_UNEXPECTED_SCHEMA,
                                  tamperings[i].reported);
      g_clear_error (&error);

      store = ledger_store_open_full (path, LEDGER_STORE_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      g_assert_true (ledger_store_is_read_only (store));
      report = check_report (store, FALSE);
      if (strstr (report, tamperings[i].reported) == NULL)
        test_fail_and_go_on ("%s: the check says “%s”", tamperings[i].name, report);
      g_clear_object (&store);

      after = test_read_file (path, NULL);
      g_assert_true (memcmp (before, after, length) == 0);
    }
}

/* Opened for reading, a ledger refuses every write, and a trigger in it
 * never runs. */
static void
test_read_only_refuses_writes (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *shm = NULL;
  g_autoptr(LedgerStore) store = NULL;
  g_autoptr(LedgerValue) value = NULL;
  g_autoptr(LedgerValue) read = NULL;
  g_autoptr(GError) error = NULL;
  gint64 jobs;

  make_ledger (fixture);
  test_exec_sql (fixture->path, tamperings[0].sql);
  shm = g_strconcat (fixture->path, "-shm", NULL);
  g_remove (shm);

  store = ledger_store_open_full (fixture->path, LEDGER_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  jobs = test_indicator_id (store, "changzhi-2026", "new-urban-jobs");
  value = ledger_value_new (jobs, "2026-09", 3.1, "", "");
  g_assert_false (ledger_store_set_value (store, value, &error));
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_READ_ONLY);
  read = ledger_store_get_value (store, jobs, "2026-06");
  g_assert_cmpfloat (ledger_value_get_number (read), ==, 2.6);
  g_assert_null (ledger_store_get_value (store, jobs, "2026-09"));
  /* Read as immutable: not even SQLite's shared memory file appears. */
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

/* Text, a blob or an infinity where a number belongs: the check says
 * so, and the views read them as no number. */
static void
test_numbers_that_are_not (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(LedgerStore) store = NULL;
  g_autoptr(LedgerValue) value = NULL;
  g_autoptr(LedgerIndicator) jobs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;

  make_ledger (fixture);
  test_exec_sql (fixture->path, "UPDATE indicator_values SET value = 'lots'");
  test_exec_sql (fixture->path, "UPDATE indicators SET target = 9e999 WHERE code = 'new-urban-jobs'");

  store = ledger_store_open (fixture->path, &error);
  g_assert_no_error (error);
  report = check_report (store, FALSE);
  g_assert_nonnull (strstr (report, "value new-urban-jobs 2026-06 holds text where a number belongs"));
  g_assert_nonnull (strstr (report, "indicator new-urban-jobs has a target of an infinite number"));
  value = ledger_store_get_value (store, test_indicator_id (store, "changzhi-2026", "new-urban-jobs"), "2026-06");
  g_assert_false (ledger_value_has_number (value));
  jobs = test_find_indicator (store, "changzhi-2026", "new-urban-jobs");
  g_assert_cmpfloat (ledger_indicator_get_target (jobs), ==, 0);

  g_clear_pointer (&report, g_free);
  test_exec_sql (fixture->path, "UPDATE indicator_values SET value = -9e999");
  report = check_report (store, FALSE);
  g_assert_nonnull (strstr (report, "value new-urban-jobs 2026-06 holds an infinite number"));
}

/* A backup is a ledger from anywhere too: one with a trigger, or an empty
 * database that claims a ledger's version, is refused and the ledger
 * stays as it was. */
static void
test_restore_refuses_tampered_backups (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autofree char *planted = g_build_filename (fixture->dir, "planted.sqlite3", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.sqlite3", NULL);
  const char *backups[] = { planted, empty };
  g_autoptr(LedgerStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_object_unref (test_open_ledger (planted));
  test_exec_sql (planted, tamperings[0].sql);
  test_exec_sql (empty, "PRAGMA user_version = 2");
  make_ledger (fixture);
  store = ledger_store_open (fixture->path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (backups); i++)
    {
      g_autofree char *safety_copy = NULL;
      g_autofree char *report = NULL;

      g_assert_false (ledger_store_restore_from (store, backups[i], &safety_copy, &error));
      g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_UNEXPECTED_SCHEMA);
      g_assert_nonnull (strstr (error->message, i == 0 ? "unexpected trigger rewrite" : "missing table"));
      g_clear_error (&error);
      g_assert_null (safety_copy);
      g_assert_cmpuint (test_count_all_values (store), ==, 1);
      report = check_report (store, TRUE);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, test_ledger_files_set_up, func, test_ledger_files_tear_down)
  ADD ("/untrusted/own-ledgers-pass", test_own_ledgers_pass);
  ADD ("/untrusted/tampered-ledger", test_tampered_ledger);
  ADD ("/untrusted/read-only-refuses-writes", test_read_only_refuses_writes);
  ADD ("/untrusted/numbers-that-are-not", test_numbers_that_are_not);
  ADD ("/untrusted/restore-refuses-tampered-backups", test_restore_refuses_tampered_backups);
#undef ADD

  return g_test_run ();
}
