/* test-server-roles.c: a server ledger opened by roles with less than a desk's
 * rights, and altered behind the program's back
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each refusal must say what is wrong in the program's words, naming the
 * ledger, and leave the ledger as it was. On the file engine there are no
 * roles, and a file's altered schema is tested in the store's tests: the
 * subtests skip.
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "ledger-store.h"
#include "test-util.h"

#define PERIOD "2026-05"

/* A role of the cluster, made for one test and dropped after it. */
typedef struct
{
  char *name;
  char *ledger;   /* the ledger's location, as the role */
} TestRole;

/* Makes a role that may log in, and nothing more: @location is the
 * ledger it is to open. */
static void
test_role_make (TestRole   *role,
                const char *location,
                const char *suffix)
{
  g_autofree char *create = NULL;

  role->name = g_strdup_printf ("ledger_test_%s_%d", suffix, (int) getpid ());
  role->ledger = g_strdup_printf ("%s user=%s", location, role->name);
  create = g_strdup_printf ("CREATE ROLE %s LOGIN", role->name);
  test_exec_ledger_sql (location, create);
}

static void
test_role_drop (TestRole   *role,
                const char *location)
{
  g_autofree char *drop = g_strdup_printf ("DROP OWNED BY %s; DROP ROLE %s", role->name, role->name);

  test_exec_ledger_sql (location, drop);
  g_free (role->name);
  g_free (role->ledger);
}

static gboolean
skip_on_file (TestLedgerStore *fixture)
{
  if (ledger_store_is_on_server (fixture->store))
    return FALSE;
  g_test_skip ("A ledger file has no roles");
  return TRUE;
}

/* A role that may only read the tables: reads, checks, and is refused
 * every write, naming the ledger, with nothing written. */
static void
test_reader (TestLedgerStore *fixture,
             gconstpointer    data)
{
  const char *location = ledger_store_get_path (fixture->store);
  gint64 jobs = test_indicator_id (fixture->store, TEST_RANKED_PLAN, TEST_RANKED_INDICATOR);
  g_autoptr(LedgerValue) value = ledger_value_new (jobs, PERIOD, 1.5, NULL, "");
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *grant = NULL;
  TestRole role;

  if (skip_on_file (fixture))
    return;
  test_role_make (&role, location, "reader");
  grant = g_strdup_printf ("GRANT USAGE ON SCHEMA public TO %s; GRANT SELECT ON ALL TABLES IN SCHEMA public TO %s",
                           role.name, role.name);
  test_exec_ledger_sql (location, grant);
  {
    g_autoptr(LedgerStore) reader = ledger_store_open (role.ledger, &error);

    g_assert_no_error (error);
    g_assert_true (ledger_store_check (reader, report));
    g_assert_false (ledger_store_set_value (reader, value, &error));
    test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_READ_ONLY, role.name);
    g_assert_null (strstr (error->message, "ERROR"));
  }
  test_role_drop (&role, location);
  g_assert_null (ledger_store_get_value (fixture->store, jobs, PERIOD));
}

/* A role the server does not let read the tables is told that, not that
 * the ledger "cannot be written to". */
static void
test_no_rights (TestLedgerStore *fixture,
                gconstpointer    data)
{
  const char *location = ledger_store_get_path (fixture->store);
  g_autoptr(GError) error = NULL;
  TestRole role;

  if (skip_on_file (fixture))
    return;
  test_role_make (&role, location, "nobody");
  g_assert_null (ledger_store_open (role.ledger, &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_FAILED,
                              "does not let this user read its tables");
  g_clear_error (&error);
  g_assert_null (ledger_store_open_full (role.ledger, LEDGER_STORE_OPEN_READ_ONLY, &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_FAILED,
                              "does not let this user read its tables");
  test_role_drop (&role, location);
}

/* An empty database the role may not make tables in (another role's):
 * it is told to ask for one of its own, and the database stays empty. */
static void
test_empty_database_of_another_role (TestLedgerStore *fixture,
                                     gconstpointer    data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "empty.sqlite3", NULL);
  g_autofree char *empty = NULL;
  g_autoptr(GError) error = NULL;
  TestRole role;

  if (skip_on_file (fixture))
    return;
  empty = test_ledger_location (path);
  test_role_make (&role, empty, "guest");
  g_assert_null (ledger_store_open (role.ledger, &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_READ_ONLY,
                              "may not make the ledger’s tables");
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_READ_ONLY, role.name);
  /* Still empty: the owner makes a ledger there. */
  g_clear_error (&error);
  {
    g_autoptr(LedgerStore) owner = ledger_store_open (empty, &error);

    g_assert_no_error (error);
  }
  test_role_drop (&role, empty);
}

/* Another application's tables, which the role cannot even see through
 * information_schema: the database is refused as someone else's. */
static void
test_other_application_hidden (TestLedgerStore *fixture,
                               gconstpointer    data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "other.sqlite3", NULL);
  g_autofree char *other = NULL;
  g_autoptr(GError) error = NULL;
  TestRole role;

  if (skip_on_file (fixture))
    return;
  other = test_ledger_location (path);
  test_exec_ledger_sql (other, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
  test_role_make (&role, other, "visitor");
  g_assert_null (ledger_store_open (role.ledger, &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_NOT_A_LEDGER, "holds other tables");
  test_role_drop (&role, other);
}

/* A column dropped by hand: the ledger is refused as changed outside the
 * program, naming the column; read only, its check names it, and a copy
 * is refused in the same words, leaving no file. */
static void
test_column_dropped (TestLedgerStore *fixture,
                     gconstpointer    data)
{
  g_autofree char *location = g_strdup (ledger_store_get_path (fixture->store));
  g_autofree char *to = g_build_filename (fixture->dir, "copy.sqlite3", NULL);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(LedgerStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_on_file (fixture))
    return;
  g_clear_object (&fixture->store);
  test_exec_ledger_sql (location, "ALTER TABLE indicator_values DROP COLUMN note");
  g_assert_null (ledger_store_open (location, &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_UNEXPECTED_SCHEMA,
                              "missing column indicator_values.note");
  g_clear_error (&error);

  store = ledger_store_open_full (location, LEDGER_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (ledger_store_check (store, report));
  g_assert_nonnull (strstr (report->str, "missing column indicator_values.note"));
  g_assert_false (ledger_store_copy_to (store, to, NULL, NULL, &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_UNEXPECTED_SCHEMA,
                              "missing column indicator_values.note");
  g_assert_false (g_file_test (to, G_FILE_TEST_EXISTS));
}

/* A column added by hand that the program does not fill. */
static void
test_column_added (TestLedgerStore *fixture,
                   gconstpointer    data)
{
  g_autofree char *location = g_strdup (ledger_store_get_path (fixture->store));
  g_autoptr(GError) error = NULL;

  if (skip_on_file (fixture))
    return;
  g_clear_object (&fixture->store);
  test_exec_ledger_sql (location, "ALTER TABLE plans ADD COLUMN approved_by TEXT NOT NULL DEFAULT ''");
  g_assert_null (ledger_store_open (location, &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_UNEXPECTED_SCHEMA,
                              "unexpected column plans.approved_by");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, TestLedgerStore, NULL, test_ledger_store_set_up, func, test_ledger_store_tear_down)
  ADD ("/server-roles/reader", test_reader);
  ADD ("/server-roles/no-rights", test_no_rights);
  ADD ("/server-roles/empty-database-of-another-role", test_empty_database_of_another_role);
  ADD ("/server-roles/other-application-hidden", test_other_application_hidden);
  ADD ("/server-roles/column-dropped", test_column_dropped);
  ADD ("/server-roles/column-added", test_column_added);
#undef ADD

  return g_test_run ();
}
