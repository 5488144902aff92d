/* test-util.c: helpers shared by the core tests
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test-util.h"

/* ---- the server engine (LEDGER_TEST_ENGINE=server) -------------------- */

/* With LEDGER_TEST_ENGINE=server, a ledger that a test would make at a
 * path is a database of its own on the PostgreSQL server of
 * LEDGER_TEST_SERVER (tests/server/with-server.sh), made the first time
 * the path is opened and dropped with the path's folder. */
typedef struct
{
  char *path;
  char *name;
  char *location;
} ServerLedger;

static GPtrArray *server_ledgers;  /* (element-type ServerLedger) not dropped yet */
static PGconn    *server_admin;    /* on LEDGER_TEST_SERVER's own database */
static pid_t      server_owner;    /* a forked child drops nothing of its parent's */
static guint      server_counter;

gboolean
test_on_server (void)
{
  return g_strcmp0 (g_getenv ("LEDGER_TEST_ENGINE"), "server") == 0;
}

/* For a subtest that reads or writes the SQLite file itself:
 * `if (test_skip_on_server ("reads the file")) return;` */
gboolean
test_skip_on_server (const char *why)
{
  if (!test_on_server ())
    return FALSE;
  g_test_skip (why);
  return TRUE;
}

static void
server_ledger_free (ServerLedger *ledger)
{
  g_free (ledger->path);
  g_free (ledger->name);
  g_free (ledger->location);
  g_free (ledger);
}

/* Runs @sql (no rows back) on the server's own database; FALSE and a
 * message in the test's log when the server refuses it. */
static gboolean
server_exec (const char *sql)
{
  PGresult *result = PQexec (server_admin, sql);
  gboolean done = PQresultStatus (result) == PGRES_COMMAND_OK;

  if (!done)
    g_test_message ("%s: %s", sql, PQerrorMessage (server_admin));
  PQclear (result);
  return done;
}

/* DROP DATABASE waits a few seconds for the closed stores' connections to
 * go; with @force it ends the ones still there. */
static gboolean
server_drop (const ServerLedger *ledger,
             gboolean            force)
{
  char *quoted = PQescapeIdentifier (server_admin, ledger->name, strlen (ledger->name));
  g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s%s", quoted,
                                          force ? " WITH (FORCE)" : "");

  PQfreemem (quoted);
  return server_exec (sql);
}

/* Whatever the tests left (a store still open, a folder not freed). */
static void
drop_server_ledgers_at_exit (void)
{
  if (getpid () != server_owner)
    return;
  for (guint i = 0; i < server_ledgers->len; i++)
    server_drop (g_ptr_array_index (server_ledgers, i), TRUE);
  g_clear_pointer (&server_ledgers, g_ptr_array_unref);
  g_clear_pointer (&server_admin, PQfinish);
}

static void
server_connect (void)
{
  const char *server = g_getenv ("LEDGER_TEST_SERVER");

  if (server_admin != NULL)
    return;
  if (server == NULL || server[0] == '\0')
    g_error ("LEDGER_TEST_ENGINE=server needs LEDGER_TEST_SERVER, a PostgreSQL connection "
             "string (tests/server/with-server.sh sets one)");
  server_admin = PQconnectdb (server);
  if (PQstatus (server_admin) != CONNECTION_OK)
    g_error ("cannot reach the test server “%s”: %s", server, PQerrorMessage (server_admin));
  server_ledgers = g_ptr_array_new_with_free_func ((GDestroyNotify) server_ledger_free);
  server_owner = getpid ();
  atexit (drop_server_ledgers_at_exit);
}

/* keyword=value, the value quoted when it has to be (libpq's rules). */
static void
append_conninfo (GString    *conninfo,
                 const char *keyword,
                 const char *value)
{
  if (conninfo->len > 0)
    g_string_append_c (conninfo, ' ');
  g_string_append_printf (conninfo, "%s=", keyword);
  if (value[0] != '\0' && strpbrk (value, " \t\n\r\f\v'\\") == NULL)
    {
      g_string_append (conninfo, value);
      return;
    }
  g_string_append_c (conninfo, '\'');
  for (const char *c = value; *c != '\0'; c++)
    {
      if (*c == '\'' || *c == '\\')
        g_string_append_c (conninfo, '\\');
      g_string_append_c (conninfo, *c);
    }
  g_string_append_c (conninfo, '\'');
}

/* LEDGER_TEST_SERVER's connection string with another database. */
static char *
server_location (const char *dbname)
{
  char *message = NULL;
  PQconninfoOption *options = PQconninfoParse (g_getenv ("LEDGER_TEST_SERVER"), &message);
  GString *location = g_string_new (NULL);

  if (options == NULL)
    g_error ("LEDGER_TEST_SERVER: %s", message != NULL ? message : "out of memory");
  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    if (option->val != NULL && option->val[0] != '\0' && !g_str_equal (option->keyword, "dbname"))
      append_conninfo (location, option->keyword, option->val);
  append_conninfo (location, "dbname", dbname);
  PQconninfoFree (options);
  return g_string_free (location, FALSE);
}

static ServerLedger *
server_ledger_new (const char *path)
{
  ServerLedger *ledger = g_new0 (ServerLedger, 1);
  char *quoted;
  g_autofree char *sql = NULL;

  ledger->path = g_strdup (path);
  ledger->name = g_strdup_printf ("ledger_test_%d_%u", (int) getpid (), ++server_counter);
  ledger->location = server_location (ledger->name);
  quoted = PQescapeIdentifier (server_admin, ledger->name, strlen (ledger->name));
  sql = g_strdup_printf ("CREATE DATABASE %s TEMPLATE template0", quoted);
  PQfreemem (quoted);
  if (!server_exec (sql))
    g_error ("cannot make the test database %s: %s", ledger->name, PQerrorMessage (server_admin));
  return ledger;
}

/* The database that stands for the ledger file @path, made the first
 * time: the same path opens the same ledger again. */
static const char *
server_ledger_location (const char *path)
{
  ServerLedger *ledger;

  server_connect ();
  for (guint i = 0; i < server_ledgers->len; i++)
    {
      ledger = g_ptr_array_index (server_ledgers, i);
      if (g_str_equal (ledger->path, path))
        return ledger->location;
    }
  ledger = server_ledger_new (path);
  g_ptr_array_add (server_ledgers, ledger);
  g_test_message ("the ledger %s is the database %s", path, ledger->name);
  return ledger->location;
}

char *
test_ledger_location (const char *path)
{
  if (!test_on_server ())
    return g_strdup (path);
  return g_strdup (server_ledger_location (path));
}

/* The databases of the ledgers in the folder @dir, as it goes; one still
 * in use stays for the end of the program. */
static void
drop_server_ledgers_in (const char *dir)
{
  g_autofree char *prefix = g_strconcat (dir, G_DIR_SEPARATOR_S, NULL);

  if (server_ledgers == NULL)
    return;
  for (guint i = server_ledgers->len; i-- > 0;)
    {
      ServerLedger *ledger = g_ptr_array_index (server_ledgers, i);

      if (g_str_has_prefix (ledger->path, prefix) && server_drop (ledger, FALSE))
        g_ptr_array_remove_index (server_ledgers, i);
    }
}

/* ---- files and folders ---------------------------------------------- */

char *
test_tmp_dir_new (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("target-ledger-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }
  g_remove (path);
}

void
test_tmp_dir_free (char *dir)
{
  if (dir == NULL)
    return;
  drop_server_ledgers_in (dir);
  remove_tree (dir);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  g_free (dir);
}

void
test_ledger_files_set_up (TestLedgerFiles *files,
                          gconstpointer    data)
{
  files->dir = test_tmp_dir_new ();
  files->path = g_build_filename (files->dir, "ledger.sqlite3", NULL);
}

void
test_ledger_files_tear_down (TestLedgerFiles *files,
                             gconstpointer    data)
{
  g_clear_pointer (&files->path, g_free);
  g_clear_pointer (&files->dir, test_tmp_dir_free);
}

void
test_fail_and_go_on (const char *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_test_message ("FAILED: %s", message);
  g_test_fail ();
}

char *
test_read_file (const char *path,
                gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

void
test_write_file (const char *path,
                 const char *data,
                 gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

/* A file of @size bytes that takes no room on disk: a hole, and "}". */
void
test_write_sparse_file (const char *path,
                        gsize       size)
{
  FILE *file = g_fopen (path, "wb");

  g_assert_nonnull (file);
  g_assert_cmpint (fseeko (file, (off_t) size - 1, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('}', file), ==, '}');
  g_assert_cmpint (fclose (file), ==, 0);
}

LedgerStore *
test_open_ledger (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = test_ledger_location (path);
  g_autoptr(LedgerStore) store = ledger_store_open (location, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  ledger_store_add_builtin_plans (store, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

typedef struct
{
  const char      *code;
  LedgerIndicator *found;
} FindContext;

static void
find_by_code (LedgerNode      *area,
              LedgerNode      *task,
              LedgerIndicator *indicator,
              gpointer         user_data)
{
  FindContext *context = user_data;

  if (g_str_equal (ledger_indicator_get_code (indicator), context->code))
    {
      g_assert_null (context->found);
      context->found = g_object_ref (indicator);
    }
}

LedgerIndicator *
test_find_indicator (LedgerStore *store,
                     const char  *plan_code,
                     const char  *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (store, &error);
  FindContext context = { code, NULL };

  g_assert_no_error (error);
  for (guint i = 0; i < plans->len; i++)
    {
      LedgerPlan *plan = g_ptr_array_index (plans, i);

      if (g_str_equal (ledger_plan_get_code (plan), plan_code))
        ledger_plan_foreach_indicator (plan, find_by_code, &context);
    }
  if (context.found == NULL)
    g_error ("no indicator “%s” in the plan “%s”", code, plan_code);
  g_assert_cmpint (ledger_indicator_get_id (context.found), >, 0);
  return context.found;
}

gint64
test_indicator_id (LedgerStore *store,
                   const char  *plan_code,
                   const char  *code)
{
  g_autoptr(LedgerIndicator) indicator = test_find_indicator (store, plan_code, code);

  return ledger_indicator_get_id (indicator);
}

typedef struct
{
  LedgerStore *store;
  guint        count;
} CountContext;

static void
count_values (LedgerNode      *area,
              LedgerNode      *task,
              LedgerIndicator *indicator,
              gpointer         user_data)
{
  CountContext *context = user_data;
  g_autoptr(GListModel) values = ledger_store_list_values (context->store,
                                                           ledger_indicator_get_id (indicator));

  context->count += g_list_model_get_n_items (values);
}

/* How many values the ledger holds, over every indicator of every plan. */
guint
test_count_all_values (LedgerStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (store, &error);
  CountContext context = { store, 0 };

  g_assert_no_error (error);
  for (guint i = 0; i < plans->len; i++)
    ledger_plan_foreach_indicator (g_ptr_array_index (plans, i), count_values, &context);
  return context.count;
}

/* How many changes of the change log are @action ("insert", "update" …)
 * from @origin. */
guint
test_count_logged (LedgerStore *store,
                   const char  *action,
                   const char  *origin)
{
  g_autoptr(GListModel) changes = ledger_store_list_changes (store, NULL);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(LedgerChange) change = g_list_model_get_item (changes, i);

      count += g_str_equal (ledger_change_get_action (change), action) &&
               g_strcmp0 (ledger_change_get_origin (change), origin) == 0;
    }
  return count;
}

static void
set_value (LedgerStore *store,
           LedgerValue *value)
{
  g_autoptr(GError) error = NULL;

  ledger_store_set_value (store, value, &error);
  g_assert_no_error (error);
}

void
test_undo (LedgerStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ledger_store_undo (store, &error));
  g_assert_no_error (error);
}

void
test_set_number (LedgerStore *store,
                 gint64       indicator_id,
                 const char  *period,
                 double       number,
                 const char  *note)
{
  g_autoptr(LedgerValue) value = ledger_value_new (indicator_id, period, number, note, "");

  set_value (store, value);
}

/* A region's figure, asserting that the store takes it. */
void
test_set_region_number (LedgerStore *store,
                        gint64       indicator_id,
                        const char  *region,
                        const char  *period,
                        double       number)
{
  g_autoptr(LedgerValue) value = ledger_value_new (indicator_id, period, number, NULL, "");

  ledger_value_set_region (value, region);
  set_value (store, value);
}

/* Three regions of the 2026 plan with 新增城镇就业 split to them (4.3 万人
 * for the city): 潞州区 2.0, 上党区 1.2, 长治高新区 0.4 (a zone). As of
 * 1-6月 (pace 6/12 = 0.5) their due is 1.0, 0.6 and 0.2:
 * - 潞州区 1.1 → 1.1 / 1.0 = 110 %, first; in 1-5月 0.5 of 2.0 × 5/12 =
 *   0.8333 → 60 %, second: up one place;
 * - 上党区 0.45 → 0.45 / 0.6 = 75 %, second; in 1-5月 0.6 of 0.5 → 120 %,
 *   first: down one;
 * - 长治高新区 no figure: not reported, last.
 * The city's own 1.935 = 4.3 × 0.5 × 0.9 → 90 %: 潞州区 above it, 上党区
 * below. No other indicator has a region's figure. */
void
test_add_ranked_regions (LedgerStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerPlan) plan = test_find_plan (store, TEST_RANKED_PLAN);
  g_autoptr(GPtrArray) regions = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_region_free);
  g_autoptr(GPtrArray) targets = ledger_region_targets_new ();
  gint64 jobs = test_indicator_id (store, TEST_RANKED_PLAN, TEST_RANKED_INDICATOR);

  g_ptr_array_add (regions, ledger_region_new ("140403", "潞州区", LEDGER_REGION_COUNTY));
  g_ptr_array_add (regions, ledger_region_new ("140404", "上党区", LEDGER_REGION_COUNTY));
  g_ptr_array_add (regions, ledger_region_new ("gxq", "长治高新区", LEDGER_REGION_ZONE));
  ((LedgerRegion *) g_ptr_array_index (regions, 2))->in_total = FALSE;
  g_assert_true (ledger_store_save_regions (store, plan, regions, &error));
  g_assert_no_error (error);

  g_ptr_array_add (targets, ledger_region_target_new ("140403", 2.0));
  g_ptr_array_add (targets, ledger_region_target_new ("140404", 1.2));
  g_ptr_array_add (targets, ledger_region_target_new ("gxq", 0.4));
  g_assert_true (ledger_store_set_region_targets (store, jobs, targets, &error));
  g_assert_no_error (error);

  test_set_region_number (store, jobs, "140403", "2026-05", 0.5);
  test_set_region_number (store, jobs, "140404", "2026-05", 0.6);
  test_set_region_number (store, jobs, "140403", "2026-06", 1.1);
  test_set_region_number (store, jobs, "140404", "2026-06", 0.45);
  test_set_number (store, jobs, "2026-06", 1.935, NULL);
}

void
test_set_status (LedgerStore *store,
                 gint64       indicator_id,
                 const char  *period,
                 const char  *status,
                 const char  *note)
{
  g_autoptr(LedgerValue) value = ledger_value_new_status (indicator_id, period, status, note, "");

  set_value (store, value);
}

/* A ledger written by version 1 of the schema: one plan, one monthly
 * indicator, two imported values and a later edit of one of them. */
static const char ledger_version_1[] =
  "INSERT INTO plans VALUES (1, 'p-uuid', 'p', 'Plan', '', '', 2026, 2026);"
  "INSERT INTO areas VALUES (1, 'a-uuid', 1, 0, 'Area', 'A');"
  "INSERT INTO tasks VALUES (1, 't-uuid', 1, 0, 'Task', '');"
  "INSERT INTO indicators (id, uuid, plan_id, task_id, position, code, name, unit, kind, comparator, "
  "  better, target, frequency) "
  "  VALUES (1, 'i-uuid', 1, 1, 0, 'jobs', 'Jobs', '万人', 'cumulative', 'at_least', 'higher', 5, 'monthly');"
  "INSERT INTO indicator_values VALUES (1, 'v1', 1, '2026-02', 2026020, 0.8, '', '', '', 'T1', 'ann');"
  "INSERT INTO indicator_values VALUES (2, 'v2', 1, '2026-03', 2026030, 1.5, '', '', '', 'T2', 'bo');"
  "INSERT INTO changes VALUES (1, 'c1', 'T1', 'ann', 'insert', 'value', 'i-uuid', '2026-02', NULL, "
  "  '{\"value\":0.8}', 'jobs.csv');"
  "INSERT INTO changes VALUES (2, 'c2', 'T1', 'ann', 'insert', 'value', 'i-uuid', '2026-03', NULL, "
  "  '{\"value\":1.2}', 'jobs.csv');"
  "INSERT INTO changes VALUES (3, 'c3', 'T2', 'bo', 'update', 'value', 'i-uuid', '2026-03', "
  "  '{\"value\":1.2}', '{\"value\":1.5}', '');";

/* Runs @sql on the database file @path, behind any store's back. */
/* Runs @sql on the ledger at @location as another program would: on the
 * server, straight through libpq; on a file, through SQLite. */
void
test_exec_ledger_sql (const char *location,
                      const char *sql)
{
  PGconn *conn;
  PGresult *result;

  if (!ledger_store_is_server_location (location))
    {
      test_exec_sql (location, sql);
      return;
    }
  conn = PQconnectdb (location);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
  PQfinish (conn);
}

void
test_exec_sql (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
exec_schema (const char *path,
             int         version)
{
  g_autofree char *name = g_strdup_printf (RESOURCE_PREFIX "/schema/%d.sql", version);
  g_autoptr(GBytes) schema = g_resources_lookup_data (name, 0, NULL);

  g_assert_nonnull (schema);
  test_exec_sql (path, g_bytes_get_data (schema, NULL));
}

/* Writes the ledger above at @path, as version 1 of the schema made it. */
void
test_write_ledger_version_1 (const char *path)
{
  exec_schema (path, 1);
  test_exec_sql (path, ledger_version_1);
}

/* The same ledger, as version 2 made it of version 1's. */
void
test_write_ledger_version_2 (const char *path)
{
  test_write_ledger_version_1 (path);
  exec_schema (path, 2);
}

/* The same ledger, as version 3 made it, with the unit of its indicator
 * set. */
void
test_write_ledger_version_3 (const char *path)
{
  test_write_ledger_version_2 (path);
  exec_schema (path, 3);
  test_exec_sql (path, "UPDATE indicators SET responsible_unit = '市人社局', unit_confirmed = 1;");
}

LedgerPlan *
test_find_plan (LedgerStore *store,
                const char  *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (store, &error);
  LedgerPlan *plan;

  g_assert_no_error (error);
  plan = ledger_plan_find (plans, code);
  g_assert_nonnull (plan);
  return g_object_ref (plan);
}

/* A GAsyncReadyCallback that keeps @result in the GAsyncResult* @user_data. */
void
test_keep_result (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Runs the main context until test_keep_result() has kept a result.
 * Returns: (transfer none): the result */
GAsyncResult *
test_wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* Another connection holds the ledger's write lock (BEGIN IMMEDIATE), as
 * another program writing would. Returns: (transfer full): the lock, for
 * test_unlock_ledger() */
gpointer
test_lock_ledger (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}

void
test_unlock_ledger (gpointer lock)
{
  g_assert_cmpint (sqlite3_exec (lock, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (lock), ==, SQLITE_OK);
}

/* The counts of an import's preview, the refused rows' reasons told in
 * the test's log; the list holds every row but the unchanged ones. */
void
test_assert_import_counts (LedgerCsvImport *import,
                           guint            added,
                           guint            changed,
                           guint            unchanged,
                           guint            refused)
{
  GListModel *rows = ledger_csv_import_get_rows (import);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(LedgerImportRow) row = g_list_model_get_item (rows, i);

      if (ledger_import_row_get_action (row) == LEDGER_IMPORT_REFUSED)
        g_test_message ("line %u: %s", ledger_import_row_get_line (row), ledger_import_row_get_reason (row));
    }
  g_assert_cmpuint (ledger_csv_import_count (import, LEDGER_IMPORT_ADD), ==, added);
  g_assert_cmpuint (ledger_csv_import_count (import, LEDGER_IMPORT_CHANGE), ==, changed);
  g_assert_cmpuint (ledger_csv_import_count (import, LEDGER_IMPORT_UNCHANGED), ==, unchanged);
  g_assert_cmpuint (ledger_csv_import_count (import, LEDGER_IMPORT_REFUSED), ==, refused);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, added + changed + refused);
}

/* A fixture: a new ledger in a folder of its own. */
void
test_ledger_store_set_up (TestLedgerStore *fixture,
                          gconstpointer    data)
{
  g_autofree char *path = NULL;

  fixture->dir = test_tmp_dir_new ();
  path = g_build_filename (fixture->dir, "ledger.sqlite3", NULL);
  fixture->store = test_open_ledger (path);
}

void
test_ledger_store_tear_down (TestLedgerStore *fixture,
                             gconstpointer    data)
{
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->dir, test_tmp_dir_free);
}
