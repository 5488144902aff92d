/* test-copy.c: moving a ledger between a file and the office's server
 * (ledger_store_copy_to()), and the backups of a server ledger
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <locale.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "ledger-csv-exchange.h"
#include "ledger-plan-file.h"
#include "ledger-store-cycle.h"
#include "ranking-fixture.h"
#include "test-util.h"

/* The tests that need a server read its location from LEDGER_TEST_SERVER
 * (a libpq conninfo or URI of a throwaway cluster) and make a database of
 * their own there; without it they are skipped. */
#define SERVER_VARIABLE "LEDGER_TEST_SERVER"

/* An attachment's bytes: text, a NUL and a byte that is no UTF-8. */
static const char EVIDENCE[] = "会议纪要\n\0binary\xff";
#define EVIDENCE_SIZE (sizeof EVIDENCE - 1)

typedef struct
{
  char        *dir;
  char        *path;
  LedgerStore *store;
} Fixture;

static LedgerIndicator *
first_indicator (LedgerStore *store,
                 const char  *code)
{
  return test_find_indicator (store, "rank-2026", code);
}

/* The first task of the ranked plan: the owner of a sub-item. */
static char *
first_task_uuid (LedgerStore *store)
{
  g_autoptr(LedgerPlan) plan = test_find_plan (store, "rank-2026");
  g_autoptr(LedgerNode) area = g_list_model_get_item (ledger_node_get_children (LEDGER_NODE (plan)), 0);
  g_autoptr(LedgerNode) task = g_list_model_get_item (ledger_node_get_children (area), 0);

  return g_strdup (ledger_node_get_uuid (task));
}

/* What the ranking fixture lacks, so that every table holds a row. */
static void
add_follow_up (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerIndicator) jobs = first_indicator (fixture->store, "jobs");
  g_autoptr(LedgerPlan) plan = test_find_plan (fixture->store, "rank-2026");
  g_autofree char *task = first_task_uuid (fixture->store);
  g_autofree char *evidence = g_build_filename (fixture->dir, "minutes.txt", NULL);
  g_autoptr(LedgerMilestone) milestone = ledger_milestone_new ("m-uuid", ledger_indicator_get_uuid (jobs),
                                                               "2026-06-30", "半年过半");
  g_autoptr(LedgerSubItem) item = ledger_sub_item_new ("s-uuid", task, "招聘会", "in_progress", "第二场");
  g_autoptr(LedgerAttachment) attachment = NULL;
  gint64 plan_id = ledger_node_get_id (LEDGER_NODE (plan));

  milestone->share = 50;
  g_assert_true (ledger_store_save_milestone (fixture->store, milestone, &error));
  g_assert_true (ledger_store_save_sub_item (fixture->store, item, &error));
  g_assert_true (ledger_store_set_due_day (fixture->store, plan_id, LEDGER_DUE_FOR_FREQUENCY, "monthly", 5, &error));
  g_assert_true (ledger_store_set_period_state (fixture->store, plan_id, "2026-05", LEDGER_PERIOD_REVIEWED, NULL,
                                                &error));
  g_assert_no_error (error);
  test_write_file (evidence, EVIDENCE, EVIDENCE_SIZE);
  attachment = ledger_store_add_attachment (fixture->store, ledger_indicator_get_id (jobs), "2026-06",
                                            evidence, NULL, 1 << 20, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (attachment);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(GStrv) tables = ledger_store_list_copied_tables ();

  fixture->dir = test_tmp_dir_new ();
  fixture->path = g_build_filename (fixture->dir, "ledger.sqlite3", NULL);
  fixture->store = ranking_fixture_create (fixture->path, CORE_TEST_DATA "/ranking-plan.json");
  add_follow_up (fixture);
  /* A copy of empty tables would prove nothing. */
  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      if (ledger_store_count_rows (fixture->store, tables[i], &error) <= 0)
        test_fail_and_go_on ("the fixture holds no row of %s", tables[i]);
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_free (fixture->path);
  test_tmp_dir_free (fixture->dir);
}

/* Every row of every copied table of the ledger file @path, ids and all,
 * with each value's type, in the order of the tables' first column. */
static char *
dump_file (const char *path)
{
  g_auto(GStrv) tables = ledger_store_list_copied_tables ();
  GString *dump = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2", tables[i]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (dump, "[%s]\n", tables[i]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int column = 0; column < sqlite3_column_count (stmt); column++)
            {
              int type = sqlite3_column_type (stmt, column);

              if (type == SQLITE_BLOB)
                {
                  g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                                      sqlite3_column_blob (stmt, column),
                                                                      (gsize) sqlite3_column_bytes (stmt, column));

                  g_string_append_printf (dump, "B:%s|", sum);
                }
              else
                g_string_append_printf (dump, "%d:%s|", type, (const char *) sqlite3_column_text (stmt, column));
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (dump, FALSE);
}

static char *
export_csv (LedgerStore *store)
{
  g_autoptr(GError) error = NULL;
  char *text = ledger_csv_export_ledger (store, NULL, &error);

  g_assert_no_error (error);
  return text;
}

static char *
export_plans (LedgerStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (store, &error);

  g_assert_no_error (error);
  return ledger_plan_file_to_data (plans);
}

/* The copy reads the same through the store as the ledger. */
static void
assert_reads_the_same (LedgerStore *store,
                       LedgerStore *copy)
{
  g_auto(GStrv) tables = ledger_store_list_copied_tables ();
  g_autofree char *csv = export_csv (store);
  g_autofree char *copied_csv = export_csv (copy);
  g_autofree char *plans = export_plans (store);
  g_autofree char *copied_plans = export_plans (copy);
  g_autofree char *changes = ledger_csv_export_changes (store);
  g_autofree char *copied_changes = ledger_csv_export_changes (copy);

  for (guint i = 0; tables[i] != NULL; i++)
    g_assert_cmpint (ledger_store_count_rows (store, tables[i], NULL), ==,
                     ledger_store_count_rows (copy, tables[i], NULL));
  g_assert_cmpstr (csv, ==, copied_csv);
  g_assert_cmpstr (plans, ==, copied_plans);
  g_assert_cmpstr (changes, ==, copied_changes);
}

static void
assert_attachment_copied (LedgerStore *copy)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerIndicator) jobs = first_indicator (copy, "jobs");
  g_autoptr(GPtrArray) attachments = ledger_store_list_attachments (copy, ledger_indicator_get_id (jobs),
                                                                    "2026-06", &error);
  g_autoptr(GBytes) content = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (attachments->len, ==, 1);
  content = ledger_store_read_attachment (copy, g_ptr_array_index (attachments, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (content, NULL), g_bytes_get_size (content), EVIDENCE, EVIDENCE_SIZE);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The files in @dir, sorted, joined by spaces. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* A table or a column the schema gains must be added to the copy's list:
 * otherwise a copy would leave it behind. */
static void
test_list_is_the_schema (Fixture       *fixture,
                         gconstpointer  data)
{
  g_auto(GStrv) tables = ledger_store_list_copied_tables ();
  g_autoptr(GPtrArray) schema = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                       "name NOT LIKE 'sqlite%' ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (schema, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (schema->len, ==, g_strv_length (tables));
  for (guint i = 0; i < schema->len; i++)
    {
      const char *table = g_ptr_array_index (schema, i);
      g_autofree char *columns = ledger_store_get_copied_columns (table);

      g_assert_true (g_strv_contains ((const char * const *) tables, table));
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT group_concat (name, ', ') FROM pragma_table_info (?1)",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr (columns, ==, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
}

/* A table the list does not know is refused, not left behind. */
static void
test_unknown_table_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *to = g_build_filename (fixture->dir, "copy.sqlite3", NULL);
  g_autoptr(LedgerStore) store = NULL;

  g_clear_object (&fixture->store);
  test_exec_sql (fixture->path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
  /* Read only: a table of its own makes it a ledger changed outside the program. */
  store = ledger_store_open_full (fixture->path, LEDGER_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (ledger_store_copy_to (store, to, NULL, NULL, &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_FAILED, "notes");
  g_assert_false (g_file_test (to, G_FILE_TEST_EXISTS));
}

static void
test_file_to_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *to = g_build_filename (fixture->dir, "copy.sqlite3", NULL);
  g_autoptr(LedgerJobProgress) progress = ledger_job_progress_new ();
  g_autoptr(LedgerStore) copy = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *copied_dump = NULL;
  g_autofree char *files = NULL;

  g_assert_true (ledger_store_copy_to (fixture->store, to, progress, NULL, &error));
  g_assert_no_error (error);
  /* The progress is heard on the main context. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpfloat (ledger_job_progress_get_fraction (progress), ==, 1.0);
  /* One file, whole: no temporary file or write-ahead log left beside it. */
  files = list_dir (fixture->dir);
  g_assert_cmpstr (files, ==, "copy.sqlite3 ledger.sqlite3 ledger.sqlite3-shm ledger.sqlite3-wal minutes.txt");
  dump = dump_file (fixture->path);
  copied_dump = dump_file (to);
  g_assert_cmpstr (copied_dump, ==, dump);

  copy = ledger_store_open (to, &error);
  g_assert_no_error (error);
  assert_reads_the_same (fixture->store, copy);
  assert_attachment_copied (copy);
}

static void
test_existing_file_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *to = g_build_filename (fixture->dir, "copy.sqlite3", NULL);
  g_autofree char *content = NULL;

  test_write_file (to, "mine", 4);
  g_assert_false (ledger_store_copy_to (fixture->store, to, NULL, NULL, &error));
  test_assert_error_mentions (error, G_IO_ERROR, G_IO_ERROR_EXISTS, to);
  content = test_read_file (to, NULL);
  g_assert_cmpstr (content, ==, "mine");
  g_clear_error (&error);

  /* Nor the ledger itself. */
  g_assert_false (ledger_store_copy_to (fixture->store, fixture->path, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
}

/* Cancelled, the copy leaves nothing behind, not even a temporary file. */
static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *to = g_build_filename (fixture->dir, "copy.sqlite3", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *files = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (ledger_store_copy_to (fixture->store, to, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  files = list_dir (fixture->dir);
  g_assert_cmpstr (files, ==, "ledger.sqlite3 ledger.sqlite3-shm ledger.sqlite3-wal minutes.txt");
}

/* A full disk (here: a limit on a file's size) refuses the copy in words
 * that name the file asked for, never the temporary one beside it, and
 * leaves nothing behind. */
static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *to = g_build_filename (fixture->dir, "copy.sqlite3", NULL);
  g_autofree char *files = NULL;
  struct rlimit before, small;
  gboolean copied;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &before), ==, 0);
  small = before;
  small.rlim_cur = 16 * 1024;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  copied = ledger_store_copy_to (fixture->store, to, NULL, NULL, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &before), ==, 0);
  g_assert_false (copied);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, to));
  g_assert_null (strstr (error->message, ".copy.sqlite3"));
  files = list_dir (fixture->dir);
  g_assert_cmpstr (files, ==, "ledger.sqlite3 ledger.sqlite3-shm ledger.sqlite3-wal minutes.txt");
}

/* The server's databases the tests make: one each, dropped after. */

static const char *
test_server (void)
{
  const char *server = g_getenv (SERVER_VARIABLE);

  if (server == NULL || server[0] == '\0')
    {
      g_test_skip (SERVER_VARIABLE " is not set: no server to copy to");
      return NULL;
    }
  return server;
}

/* @server's conninfo with another database, and @extra appended. */
static char *
conninfo_with_database (const char *server,
                        const char *database,
                        const char *extra)
{
  PQconninfoOption *options = PQconninfoParse (server, NULL);
  GString *conninfo = g_string_new (NULL);

  g_assert_nonnull (options);
  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    {
      g_autofree char *escaped = NULL;

      if (option->val == NULL || g_str_equal (option->keyword, "dbname"))
        continue;
      escaped = g_strescape (option->val, NULL);
      g_string_append_printf (conninfo, "%s='%s' ", option->keyword, escaped);
    }
  PQconninfoFree (options);
  g_string_append_printf (conninfo, "dbname=%s%s", database, extra);
  return g_string_free (conninfo, FALSE);
}

static void
run_on_server (const char *conninfo,
               const char *sql)
{
  PGconn *connection = PQconnectdb (conninfo);
  PGresult *result;

  g_assert_cmpint (PQstatus (connection), ==, CONNECTION_OK);
  result = PQexec (connection, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (connection));
  PQclear (result);
  PQfinish (connection);
}

static gint64
ask_server (const char *conninfo,
            const char *sql)
{
  PGconn *connection = PQconnectdb (conninfo);
  PGresult *result;
  gint64 number;

  g_assert_cmpint (PQstatus (connection), ==, CONNECTION_OK);
  result = PQexec (connection, sql);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  number = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  PQfinish (connection);
  return number;
}

typedef struct
{
  char *name;
  char *location;
} ServerDatabase;

static gboolean
server_database_make (ServerDatabase *database,
                      const char     *extra)
{
  static guint made;
  const char *server = test_server ();
  g_autofree char *sql = NULL;

  if (server == NULL)
    return FALSE;
  database->name = g_strdup_printf ("copy_test_%d_%u", (int) getpid (), ++made);
  database->location = conninfo_with_database (server, database->name, extra);
  sql = g_strdup_printf ("CREATE DATABASE %s", database->name);
  run_on_server (server, sql);
  return TRUE;
}

static void
server_database_drop (ServerDatabase *database)
{
  g_autofree char *sql = NULL;

  if (database->name == NULL)
    return;
  sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", database->name);
  run_on_server (g_getenv (SERVER_VARIABLE), sql);
  g_clear_pointer (&database->name, g_free);
  g_clear_pointer (&database->location, g_free);
}

static void
test_file_to_server_to_file (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ServerDatabase database = { 0 };
  g_autofree char *back = g_build_filename (fixture->dir, "back.sqlite3", NULL);
  g_autoptr(LedgerStore) server = NULL;
  g_autoptr(LedgerStore) copy = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *copied_dump = NULL;

  if (!server_database_make (&database, ""))
    return;
  g_assert_true (ledger_store_copy_to (fixture->store, database.location, NULL, NULL, &error));
  g_assert_no_error (error);
  server = ledger_store_open (database.location, &error);
  g_assert_no_error (error);
  assert_reads_the_same (fixture->store, server);

  g_assert_true (ledger_store_copy_to (server, back, NULL, NULL, &error));
  g_assert_no_error (error);
  dump = dump_file (fixture->path);
  copied_dump = dump_file (back);
  g_assert_cmpstr (copied_dump, ==, dump);
  copy = ledger_store_open (back, &error);
  g_assert_no_error (error);
  assert_reads_the_same (fixture->store, copy);
  assert_attachment_copied (copy);

  g_clear_object (&server);
  server_database_drop (&database);
}

static void
test_server_not_empty_refused (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ServerDatabase database = { 0 };
  gint64 values;

  if (!server_database_make (&database, ""))
    return;
  g_assert_true (ledger_store_copy_to (fixture->store, database.location, NULL, NULL, &error));
  g_assert_no_error (error);
  values = ask_server (database.location, "SELECT count (*) FROM indicator_values");
  g_assert_cmpint (values, ==, ledger_store_count_rows (fixture->store, "indicator_values", NULL));

  g_assert_false (ledger_store_copy_to (fixture->store, database.location, NULL, NULL, &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_FAILED, "already holds a ledger");
  g_assert_cmpint (ask_server (database.location, "SELECT count (*) FROM indicator_values"), ==, values);

  server_database_drop (&database);
}

/* After the copy, the server's ids go on after the largest copied. */
static void
test_server_ids_go_on (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ServerDatabase database = { 0 };
  g_autoptr(LedgerStore) server = NULL;
  gint64 jobs, largest;

  if (!server_database_make (&database, ""))
    return;
  g_assert_true (ledger_store_copy_to (fixture->store, database.location, NULL, NULL, &error));
  g_assert_no_error (error);
  largest = ask_server (database.location, "SELECT max (id) FROM indicator_values");
  g_assert_cmpint (largest, >, 1);

  server = ledger_store_open (database.location, &error);
  g_assert_no_error (error);
  jobs = test_indicator_id (server, "rank-2026", "jobs");
  test_set_number (server, jobs, "2026-07", 0.3, "new on the server");
  g_assert_cmpint (ask_server (database.location, "SELECT max (id) FROM indicator_values"), >, largest);
  g_assert_cmpint (ask_server (database.location, "SELECT count (*) FROM indicator_values"), ==,
                   ledger_store_count_rows (fixture->store, "indicator_values", NULL) + 1);

  g_clear_object (&server);
  server_database_drop (&database);
}

/* A server ledger's backups are ledger files in a folder of its own, whose
 * name never holds the password; restoring one is refused. */
static void
test_server_backups (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ServerDatabase database = { 0 };
  g_autoptr(LedgerStore) server = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *expected_root = g_build_filename (g_get_user_data_dir (), "target-ledger", "backups", NULL);
  g_autofree char *dump = NULL;
  g_autofree char *backup_dump = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 7, 1, 9, 0, 0);

  /* Trust authentication asks for no password: this one is never sent. */
  if (!server_database_make (&database, " password=sekrit"))
    return;
  g_assert_true (ledger_store_copy_to (fixture->store, database.location, NULL, NULL, &error));
  g_assert_no_error (error);
  server = ledger_store_open (database.location, &error);
  g_assert_no_error (error);

  folder = ledger_store_dup_backup_folder (server);
  g_assert_true (g_str_has_prefix (folder, expected_root));
  g_assert_nonnull (strstr (folder, database.name));
  g_assert_null (strstr (folder, "sekrit"));
  g_assert_null (strchr (folder + strlen (expected_root) + 1, G_DIR_SEPARATOR));

  backup = ledger_store_backup_named (server, "manual", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (backup, folder));
  g_assert_true (ledger_store_backup_daily (server, today, &error));
  g_assert_no_error (error);
  backups = ledger_store_list_backups (server);
  g_assert_cmpuint (backups->len, ==, 2);

  dump = dump_file (fixture->path);
  backup_dump = dump_file (backup);
  g_assert_cmpstr (backup_dump, ==, dump);

  g_assert_false (ledger_store_restore_from (server, backup, NULL, &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_FAILED, "administrator");
  g_assert_cmpint (ask_server (database.location, "SELECT count (*) FROM plans"), ==,
                   ledger_store_count_rows (fixture->store, "plans", NULL));

  g_clear_object (&server);
  server_database_drop (&database);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/copy/list-is-the-schema", test_list_is_the_schema);
  ADD ("/copy/unknown-table-refused", test_unknown_table_refused);
  ADD ("/copy/file-to-file", test_file_to_file);
  ADD ("/copy/existing-file-refused", test_existing_file_refused);
  ADD ("/copy/cancelled", test_cancelled);
  ADD ("/copy/disk-full", test_disk_full);
  ADD ("/copy/server/round-trip", test_file_to_server_to_file);
  ADD ("/copy/server/not-empty-refused", test_server_not_empty_refused);
  ADD ("/copy/server/ids-go-on", test_server_ids_go_on);
  ADD ("/copy/server/backups", test_server_backups);
#undef ADD

  return g_test_run ();
}
