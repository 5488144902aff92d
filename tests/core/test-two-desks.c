/* test-two-desks.c: two processes on one ledger at once
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The program runs itself as the second desk (--desk LOCATION ...): two
 * desks add one to the same figure, each many times, each save typed
 * against the figure it read; a save refused because the other desk saved
 * first reads again and tries again. No save may be lost: the figure ends
 * at the number of saves both desks made. In the server suite the ledger
 * is a database on the test server, and a desk listening hears the other
 * desk's save within a second.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <locale.h>
#include <string.h>

#include "ledger-context.h"
#include "private/ledger-server.h"
#include "private/ledger-store-statement.h"
#include "ledger-store-cycle.h"
#include "ledger-store.h"
#include "test-util.h"

#define PERIOD "2026-05"
#define SAVES  60

static const char *program;

/* One desk: adds one to the figure @saves times; prints how many of its
 * saves were refused for the other's and what each refusal said. */
static int
run_desk (const char *location,
          gint64      indicator_id,
          int         saves)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerStore) store = ledger_store_open_checked (location, &error);
  guint refused = 0;

  if (store == NULL)
    {
      g_printerr ("desk: %s\n", error->message);
      return 2;
    }
  for (int done = 0; done < saves;)
    {
      g_autoptr(LedgerValue) now = ledger_store_get_value (store, indicator_id, PERIOD);
      g_autoptr(LedgerValue) next = ledger_value_new (indicator_id, PERIOD,
                                                      (now != NULL ? ledger_value_get_number (now) : 0) + 1,
                                                      NULL, "");

      ledger_value_set_expected_version (next, now != NULL ? ledger_value_get_version (now) : 0);
      if (ledger_store_set_value (store, next, &error))
        {
          done++;
          continue;
        }
      /* The other desk saved first, or was saving: read again. */
      if (!g_error_matches (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CONFLICT) &&
          !g_error_matches (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_LOCKED))
        {
          g_printerr ("desk: unexpected: %s\n", error->message);
          return 3;
        }
      if (g_error_matches (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CONFLICT))
        {
          refused++;
          g_print ("refused: %s\n", error->message);
        }
      g_clear_error (&error);
    }
  g_print ("refusals: %u\n", refused);
  return 0;
}

static GSubprocess *
start_desk (const char *location,
            gint64      indicator_id,
            int         saves)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, indicator_id);
  g_autofree char *count = g_strdup_printf ("%d", saves);
  GSubprocess *desk = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                        program, "--desk", location, id, count, NULL);

  g_assert_no_error (error);
  return desk;
}

/* Waits for a desk; returns: what it printed */
static char *
finish_desk (GSubprocess *desk)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_assert_true (g_subprocess_communicate_utf8 (desk, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (desk));
  g_assert_cmpint (g_subprocess_get_exit_status (desk), ==, 0);
  return out;
}

/* Every refusal names the other desk's figure and says nothing was saved. */
static guint
check_refusals (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint refusals = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "refused: "))
      {
        g_assert_nonnull (strstr (lines[i], "was not saved"));
        g_assert_nonnull (strstr (lines[i], "Jan–May"));  /* PERIOD, as the desk reads it */
        refusals++;
      }
  return refusals;
}

static void
test_no_lost_update (TestLedgerStore *fixture,
                     gconstpointer    data)
{
  const char *location = ledger_store_get_path (fixture->store);
  gint64 jobs = test_indicator_id (fixture->store, TEST_RANKED_PLAN, TEST_RANKED_INDICATOR);
  g_autoptr(GSubprocess) a = start_desk (location, jobs, SAVES);
  g_autoptr(GSubprocess) b = start_desk (location, jobs, SAVES);
  g_autofree char *out_a = finish_desk (a);
  g_autofree char *out_b = finish_desk (b);
  g_autoptr(LedgerValue) final = ledger_store_get_value (fixture->store, jobs, PERIOD);
  guint refusals = check_refusals (out_a) + check_refusals (out_b);

  g_test_message ("%u saves refused for the other desk's, then made again", refusals);
  g_assert_nonnull (final);
  g_assert_cmpfloat (ledger_value_get_number (final), ==, 2 * SAVES);
  g_assert_cmpint (ledger_value_get_version (final), ==, 2 * SAVES);
}

static gboolean
heard_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static gboolean
give_up_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

/* A listening desk's model shows the other desk's save within a second,
 * without asking for it. A ledger file has no second desk to hear. */
static void
test_other_desk_heard (TestLedgerStore *fixture,
                       gconstpointer    data)
{
  const char *location = ledger_store_get_path (fixture->store);
  gint64 jobs = test_indicator_id (fixture->store, TEST_RANKED_PLAN, TEST_RANKED_INDICATOR);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(LedgerContext) context = NULL;
  g_autoptr(LedgerValue) before = NULL;
  g_autoptr(LedgerValue) after = NULL;
  g_autoptr(GSubprocess) desk = NULL;
  g_autofree char *out = NULL;
  gint64 saved_at;
  guint timeout;

  if (!ledger_store_is_on_server (fixture->store))
    {
      g_test_skip ("Only a server ledger has other desks to hear");
      return;
    }
  context = ledger_context_new (fixture->store);
  before = ledger_store_get_value (fixture->store, jobs, PERIOD);
  g_assert_null (before);
  ledger_store_listen (fixture->store);
  g_signal_connect_swapped (fixture->store, "values-changed", G_CALLBACK (heard_cb), loop);

  desk = start_desk (location, jobs, 1);
  out = finish_desk (desk);
  saved_at = g_get_monotonic_time ();
  timeout = g_timeout_add (1000, give_up_cb, loop);
  g_main_loop_run (loop);
  g_assert_cmpint (g_get_monotonic_time () - saved_at, <, G_USEC_PER_SEC);
  g_source_remove (timeout);

  after = ledger_store_get_value (ledger_context_get_store (context), jobs, PERIOD);
  g_assert_nonnull (after);
  g_assert_cmpfloat (ledger_value_get_number (after), ==, 1);
}

static void
online_changed_cb (LedgerStore *store,
                   GParamSpec  *pspec,
                   GMainLoop   *loop)
{
  g_main_loop_quit (loop);
}

/* Runs the loop until the store's online state is @online, or 8 s. */
static gboolean
wait_online (LedgerStore *store,
             GMainLoop   *loop,
             gboolean     online)
{
  for (int tries = 0; tries < 8 && ledger_store_is_online (store) != online; tries++)
    {
      g_autoptr(GSource) timeout = g_timeout_source_new (1000);

      g_source_set_callback (timeout, give_up_cb, loop, NULL);
      g_source_attach (timeout, NULL);
      g_main_loop_run (loop);
      g_source_destroy (timeout);
    }
  return ledger_store_is_online (store) == online;
}

/* The server ends the desk's connection (a restart, the network): the
 * store says it is offline, opens a new connection by itself, says it is
 * back, and saves as before. */
static void
test_connection_lost_and_back (TestLedgerStore *fixture,
                               gconstpointer    data)
{
  gint64 jobs = test_indicator_id (fixture->store, TEST_RANKED_PLAN, TEST_RANKED_INDICATOR);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(LedgerValue) saved = NULL;

  if (!ledger_store_is_on_server (fixture->store))
    {
      g_test_skip ("Only a server ledger has a connection to lose");
      return;
    }
  ledger_store_listen (fixture->store);
  g_signal_connect (fixture->store, "notify::online", G_CALLBACK (online_changed_cb), loop);
  g_assert_true (ledger_store_is_online (fixture->store));
  test_exec_ledger_sql (ledger_store_get_path (fixture->store),
                        "SELECT pg_terminate_backend (pid) FROM pg_stat_activity "
                        "WHERE datname = current_database () AND pid != pg_backend_pid ()");
  g_assert_true (wait_online (fixture->store, loop, FALSE));
  g_assert_true (wait_online (fixture->store, loop, TRUE));
  test_set_number (fixture->store, jobs, PERIOD, 2.5, NULL);
  saved = ledger_store_get_value (fixture->store, jobs, PERIOD);
  g_assert_nonnull (saved);
  g_assert_cmpfloat (ledger_value_get_number (saved), ==, 2.5);
}

/* Makes the server end the connection of the first write that fires
 * @trigger (which runs the function cut_once), once. */
static void
cut_connection_once (const char *location,
                     const char *trigger)
{
  test_exec_ledger_sql (location, "CREATE SEQUENCE cut_once");
  test_exec_ledger_sql (location,
    "CREATE FUNCTION cut_once () RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "IF nextval ('cut_once') = 1 THEN PERFORM pg_terminate_backend (pg_backend_pid ()); END IF; "
    "RETURN NEW; END $$");
  test_exec_ledger_sql (location, trigger);
}

/* The server ends the connection in the middle of a write (a restart, an
 * administrator's pg_terminate_backend, the network): the write fails as
 * a lost connection, and nothing of it is kept. The store must not run the
 * rest of the transaction on a new connection, where each statement would
 * be kept on its own, without the ledger's write lock. */
static void
test_connection_lost_inside_a_write (TestLedgerStore *fixture,
                                     gconstpointer    data)
{
  const char *location = ledger_store_get_path (fixture->store);
  g_autoptr(LedgerPlan) plan = test_find_plan (fixture->store, TEST_RANKED_PLAN);
  gint64 plan_id = ledger_node_get_id (LEDGER_NODE (plan));
  guint logged = test_count_logged (fixture->store, "update", "");
  g_autoptr(GError) error = NULL;

  if (!ledger_store_is_on_server (fixture->store))
    {
      g_test_skip ("Only a server ledger has a connection to lose");
      return;
    }
  /* The server ends the connection at the month's first write, once. */
  cut_connection_once (location, "CREATE TRIGGER cut_once BEFORE INSERT ON period_states "
                                 "FOR EACH ROW EXECUTE FUNCTION cut_once ()");

  g_assert_false (ledger_store_set_period_state (fixture->store, plan_id, "2026-04",
                                                 LEDGER_PERIOD_CLOSED, NULL, &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_OFFLINE, "Nothing was saved");
  /* The server's words, not where in its function it happened. */
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_OFFLINE,
                              "terminating connection due to administrator command");
  g_assert_null (strstr (error->message, "CONTEXT"));
  g_assert_null (strstr (error->message, "pg_terminate_backend"));
  g_assert_cmpint (ledger_store_get_period_state (fixture->store, plan_id, "2026-04"), ==, LEDGER_PERIOD_OPEN);
  g_assert_cmpuint (test_count_logged (fixture->store, "update", ""), ==, logged);

  /* Once back, the same write goes through whole. */
  g_clear_error (&error);
  g_assert_true (ledger_store_set_period_state (fixture->store, plan_id, "2026-04",
                                                LEDGER_PERIOD_CLOSED, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ledger_store_get_period_state (fixture->store, plan_id, "2026-04"), ==, LEDGER_PERIOD_CLOSED);
  g_assert_cmpuint (test_count_logged (fixture->store, "update", ""), ==, logged + 1);
}

/* The connection goes while the server commits (here: a deferred
 * trigger's, before it is kept): the desk is told that whether the write
 * was kept is not known, never that it was saved, and the next write
 * goes through. */
static void
test_connection_lost_at_commit (TestLedgerStore *fixture,
                                gconstpointer    data)
{
  const char *location = ledger_store_get_path (fixture->store);
  g_autoptr(LedgerPlan) plan = test_find_plan (fixture->store, TEST_RANKED_PLAN);
  gint64 plan_id = ledger_node_get_id (LEDGER_NODE (plan));
  g_autoptr(GError) error = NULL;

  if (!ledger_store_is_on_server (fixture->store))
    {
      g_test_skip ("Only a server ledger has a connection to lose");
      return;
    }
  cut_connection_once (location, "CREATE CONSTRAINT TRIGGER cut_once AFTER INSERT ON period_states "
                                 "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cut_once ()");

  g_assert_false (ledger_store_set_period_state (fixture->store, plan_id, "2026-04",
                                                 LEDGER_PERIOD_CLOSED, NULL, &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_OFFLINE, "is not known");
  g_assert_cmpint (ledger_store_get_period_state (fixture->store, plan_id, "2026-04"), ==, LEDGER_PERIOD_OPEN);
  g_clear_error (&error);
  g_assert_true (ledger_store_set_period_state (fixture->store, plan_id, "2026-04",
                                                LEDGER_PERIOD_CLOSED, NULL, &error));
  g_assert_no_error (error);
}

/* Runs @sql on @server as the store does; returns its result code. */
static int
run_on (LedgerServer *server,
        const char   *sql)
{
  g_autofree char *name = ledger_server_next_name (server);
  int rc = SQLITE_OK;
  PGresult *result = ledger_server_execute (server, name, sql, 0, NULL, NULL, NULL, NULL, &rc);

  PQclear (result);
  return rc;
}

/* The connection goes while the store ends a transaction (its ROLLBACK
 * after a refused statement): the next transaction begins on a new
 * connection, and is not refused for as long as the program runs. */
static void
test_connection_lost_at_rollback (TestLedgerStore *fixture,
                                  gconstpointer    data)
{
  const char *location = ledger_store_get_path (fixture->store);
  g_autoptr(LedgerServer) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *terminate = NULL;

  if (!ledger_store_is_on_server (fixture->store))
    {
      g_test_skip ("Only a server ledger has a connection to lose");
      return;
    }
  server = ledger_server_connect (location, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run_on (server, "BEGIN"), ==, SQLITE_OK);
  g_assert_cmpint (run_on (server, "SELECT 1"), ==, SQLITE_OK);
  terminate = g_strdup_printf ("SELECT pg_terminate_backend (%d, 5000)", ledger_server_backend_pid (server));
  test_exec_ledger_sql (location, terminate);
  g_assert_cmpint (run_on (server, "ROLLBACK"), ==, STORE_OFFLINE);
  g_assert_false (ledger_server_in_transaction (server));
  g_assert_cmpint (run_on (server, "BEGIN"), ==, SQLITE_OK);
  g_assert_cmpint (run_on (server, "SELECT 1"), ==, SQLITE_OK);
  g_assert_cmpint (run_on (server, "COMMIT"), ==, SQLITE_OK);
}

/* Another desk holds the ledger's write lock longer than a save waits:
 * the save is refused, saying so, and the figure is as it was. */
static void
test_other_desk_saving (TestLedgerStore *fixture,
                        gconstpointer    data)
{
  gint64 jobs = test_indicator_id (fixture->store, TEST_RANKED_PLAN, TEST_RANKED_INDICATOR);
  g_autoptr(LedgerValue) value = ledger_value_new (jobs, PERIOD, 3.5, NULL, "");
  g_autoptr(GError) error = NULL;
  PGconn *other;
  PGresult *held;

  if (!ledger_store_is_on_server (fixture->store))
    {
      g_test_skip ("A file's lock is tested in the store tests");
      return;
    }
  other = PQconnectdb (ledger_store_get_path (fixture->store));
  g_assert_cmpint (PQstatus (other), ==, CONNECTION_OK);
  held = PQexec (other, "SELECT pg_advisory_lock (7340, 1)");
  g_assert_cmpint (PQresultStatus (held), ==, PGRES_TUPLES_OK);
  PQclear (held);

  g_assert_false (ledger_store_set_value (fixture->store, value, &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_LOCKED, "Another desk");
  g_assert_null (ledger_store_get_value (fixture->store, jobs, PERIOD));
  PQfinish (other);
  g_clear_error (&error);
  g_assert_true (ledger_store_set_value (fixture->store, value, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  program = argv[0];
  if (argc == 5 && g_str_equal (argv[1], "--desk"))
    return run_desk (argv[2], g_ascii_strtoll (argv[3], NULL, 10), atoi (argv[4]));

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add ("/two-desks/no-lost-update", TestLedgerStore, NULL, test_ledger_store_set_up,
              test_no_lost_update, test_ledger_store_tear_down);
  g_test_add ("/two-desks/other-desk-heard", TestLedgerStore, NULL, test_ledger_store_set_up,
              test_other_desk_heard, test_ledger_store_tear_down);
  g_test_add ("/two-desks/connection-lost-and-back", TestLedgerStore, NULL, test_ledger_store_set_up,
              test_connection_lost_and_back, test_ledger_store_tear_down);
  g_test_add ("/two-desks/connection-lost-inside-a-write", TestLedgerStore, NULL, test_ledger_store_set_up,
              test_connection_lost_inside_a_write, test_ledger_store_tear_down);
  g_test_add ("/two-desks/connection-lost-at-rollback", TestLedgerStore, NULL, test_ledger_store_set_up,
              test_connection_lost_at_rollback, test_ledger_store_tear_down);
  g_test_add ("/two-desks/connection-lost-at-commit", TestLedgerStore, NULL, test_ledger_store_set_up,
              test_connection_lost_at_commit, test_ledger_store_tear_down);
  g_test_add ("/two-desks/other-desk-saving", TestLedgerStore, NULL, test_ledger_store_set_up,
              test_other_desk_saving, test_ledger_store_tear_down);
  return g_test_run ();
}
