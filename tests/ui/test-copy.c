/* test-copy.c: Copy Ledger…: the window's ledger copied to a new file
 * through the window (the save dialog's choice given by its test hook),
 * checked table by table in the copy; a file that exists refused and
 * left as it was; a copy cancelled leaving nothing; and, with
 * LEDGER_TEST_SERVER, a copy into a new database of that server, a
 * database holding a ledger refused, and the copy opened from the window
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libpq-fe.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ledger-copy-summary.h"
#include "ledger-copy-window.h"
#include "ledger-job-bar.h"
#include "ledger-server-fields.h"
#include "ledger-server-login.h"
#include "ledger-test-ui.h"

typedef LedgerTestWindow Fixture;

#define CHILD(window, name) ledger_test_ui_child (window, LEDGER_TYPE_COPY_WINDOW, name)
/* A row of the server's fields. */
#define FIELD(window, name) ledger_test_ui_child (CHILD (window, "server_fields"), LEDGER_TYPE_SERVER_FIELDS, name)

/* A folder of the test's own, for the copies. */
static char *
make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("copy-XXXXXX", &error);

  g_assert_no_error (error);
  return folder;
}

/* What a copy of only the built-in plans could not tell apart from none:
 * values and an attachment. */
static void
add_values (Fixture    *fixture,
            const char *folder)
{
  g_autofree char *evidence = g_build_filename (folder, "minutes.txt", NULL);
  g_autoptr(LedgerAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;

  ledger_test_window_set_number (fixture, "new-urban-jobs", "2026-03", 1.2);
  ledger_test_window_set_number (fixture, "new-urban-jobs", "2026-04", 1.9);
  ledger_test_window_set_number (fixture, "gdp-growth", "2026-Q1", 5.2);
  g_assert_true (g_file_set_contents (evidence, "会议纪要", -1, NULL));
  attachment = ledger_store_add_attachment (fixture->store, ledger_test_window_id_of (fixture, "new-urban-jobs"),
                                            "2026-03", evidence, NULL, 1 << 20, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (attachment);
  g_assert_cmpint (g_remove (evidence), ==, 0);
}

static LedgerCopyWindow *
open_window (Fixture *fixture)
{
  GtkWindow *window;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.copy-ledger", NULL);
  ledger_test_ui_wait (200);
  window = ledger_test_ui_find_window (LEDGER_TYPE_COPY_WINDOW);
  g_assert_nonnull (window);
  return LEDGER_COPY_WINDOW (window);
}

/* Waits (up to 60 s) for the copy the window runs; it never blocks. */
static void
wait_for_copy (LedgerCopyWindow *window)
{
  for (guint i = 0; i < 2400 && ledger_copy_window_is_copying (window); i++)
    ledger_test_ui_wait (25);
  g_assert_false (ledger_copy_window_is_copying (window));
  g_assert_false (gtk_widget_get_visible (CHILD (window, "job_bar")));
}

/* Every copied table holds as many rows in @copy as in @store. */
static void
assert_same_counts (LedgerStore *store,
                    LedgerStore *copy)
{
  g_auto(GStrv) tables = ledger_store_list_copied_tables ();

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 rows = ledger_store_count_rows (store, tables[i], &error);
      gint64 copied = ledger_store_count_rows (copy, tables[i], &error);

      g_assert_no_error (error);
      g_test_message ("%s: %" G_GINT64_FORMAT " rows", tables[i], rows);
      g_assert_cmpint (copied, ==, rows);
    }
}

/* The names in @folder, sorted, joined by spaces. */
static char *
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* Tab goes into the server's fields, with no stop on the row around
 * them that only draws them as the expander's own. */
static void
assert_tab_reaches_fields (LedgerCopyWindow *window)
{
  GtkWidget *around = gtk_widget_get_parent (CHILD (window, "server_fields"));
  GtkWidget *focus = NULL;

  for (guint i = 0; i < 20 && (focus == NULL || !gtk_widget_is_ancestor (focus, FIELD (window, "host_row"))); i++)
    {
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_true (focus != around);
    }
  g_assert_true (gtk_widget_is_ancestor (focus, FIELD (window, "host_row")));
}

static void
test_proposed_name (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 3, 5, 23, 59, 0);
  g_autofree char *name = ledger_copy_window_propose_file_name (fixture->store, day);
  g_autofree char *base = g_path_get_basename (fixture->db_path);

  /* ui-test-1.sqlite3 → ui-test-1-2026-03-05.sqlite3 */
  g_assert_true (g_str_has_suffix (base, ".sqlite3"));
  base[strlen (base) - strlen (".sqlite3")] = '\0';
  g_assert_true (g_str_has_prefix (name, base));
  g_assert_cmpstr (name + strlen (base), ==, "-2026-03-05.sqlite3");
}

static void
test_copy_to_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *path = g_build_filename (folder, "trip.sqlite3", NULL);
  g_autofree char *told = NULL;
  g_autofree char *listed = NULL;
  g_autoptr(LedgerStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  LedgerCopySummary summary = { 0 };
  LedgerCopyWindow *window;

  add_values (fixture, folder);
  window = open_window (fixture);
  g_assert_true (gtk_widget_get_visible (CHILD (window, "file_row")));
  g_assert_true (gtk_widget_get_visible (CHILD (window, "server_row")));
  /* A file ledger is moved onto the server: that choice comes first. */
  g_assert_true (gtk_widget_get_prev_sibling (CHILD (window, "file_row")) == CHILD (window, "server_row"));
  ledger_test_ui_screenshot (GTK_WIDGET (window), "copy-ledger");
  adw_expander_row_set_expanded (CHILD (window, "server_row"), TRUE);
  ledger_test_ui_screenshot (GTK_WIDGET (window), "copy-ledger-server");
  assert_tab_reaches_fields (window);
  adw_expander_row_set_expanded (CHILD (window, "server_row"), FALSE);

  /* What the save dialog's Copy does. */
  ledger_copy_window_copy_to_file (window, path);
  g_assert_true (ledger_copy_window_is_copying (window));
  g_assert_true (gtk_widget_get_visible (CHILD (window, "job_bar")));
  g_assert_false (gtk_widget_get_sensitive (CHILD (window, "file_row")));
  wait_for_copy (window);
  g_assert_false (gtk_widget_get_visible (CHILD (window, "error_group")));
  g_assert_true (gtk_widget_get_visible (CHILD (window, "done_group")));
  g_assert_true (gtk_widget_get_visible (CHILD (window, "folder_button")));
  g_assert_cmpstr (gtk_button_get_label (CHILD (window, "open_button")), ==, _("_Open Copy"));

  copy = ledger_store_open (path, &error);
  g_assert_no_error (error);
  assert_same_counts (fixture->store, copy);
  g_assert_true (ledger_copy_summary_count (copy, &summary, &error));
  g_assert_cmpuint (summary.values, ==, 3);
  g_assert_cmpuint (summary.attachments, ==, 1);
  g_assert_cmpuint (summary.plans, >, 0);
  told = ledger_copy_summary_describe (&summary, path);
  g_assert_cmpstr (gtk_label_get_text (CHILD (window, "done_label")), ==, told);
  /* Whole, under its own name, without a working file beside it. */
  g_clear_object (&copy);
  listed = list_folder (folder);
  g_assert_cmpstr (listed, ==, "trip.sqlite3");
  ledger_test_ui_screenshot (GTK_WIDGET (window), "copy-done");

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  ledger_test_ui_screenshot (GTK_WIDGET (window), "copy-done-narrow-dark");
  g_remove (path);
  g_rmdir (folder);
}

/* Open Copy: the window works in the copy from then on. */
static void
test_open_copy (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *path = g_build_filename (folder, "trip.sqlite3", NULL);
  LedgerCopyWindow *window = open_window (fixture);
  gpointer old = fixture->window;
  LedgerStore *store = NULL;
  GtkWindow *opened;

  ledger_copy_window_copy_to_file (window, path);
  wait_for_copy (window);
  g_object_add_weak_pointer (old, &old);
  g_signal_emit_by_name (CHILD (window, "open_button"), "clicked");
  ledger_test_ui_wait_until_gone (&old);
  fixture->window = NULL;
  opened = ledger_test_ui_find_window (LEDGER_TYPE_WINDOW);
  g_assert_nonnull (opened);
  g_assert_null (ledger_test_ui_find_window (LEDGER_TYPE_COPY_WINDOW));
  g_object_get (opened, "store", &store, NULL);
  g_assert_cmpstr (ledger_store_get_path (store), ==, path);
  g_object_unref (store);
  gtk_window_destroy (opened);
  ledger_test_ui_wait (100);
  g_remove (path);
  g_rmdir (folder);
}

/* A file that exists is refused with the store's words, and stays as it
 * was; nothing else is left in its folder. */
static void
test_existing_file_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *path = g_build_filename (folder, "taken.sqlite3", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *listed = NULL;
  LedgerCopyWindow *window;

  g_assert_true (g_file_set_contents (path, "not a ledger, and someone's", -1, NULL));
  window = open_window (fixture);
  ledger_copy_window_copy_to_file (window, path);
  wait_for_copy (window);
  g_assert_true (gtk_widget_get_visible (CHILD (window, "error_group")));
  g_assert_false (gtk_widget_get_visible (CHILD (window, "done_group")));
  expected = g_strdup_printf (_("“%s” already exists: a ledger is copied only to a new file"), path);
  g_assert_cmpstr (gtk_label_get_text (CHILD (window, "error_label")), ==, expected);
  g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "not a ledger, and someone's");
  listed = list_folder (folder);
  g_assert_cmpstr (listed, ==, "taken.sqlite3");
  /* The window can copy again. */
  g_assert_true (gtk_widget_get_sensitive (CHILD (window, "file_row")));
  ledger_test_ui_screenshot (GTK_WIDGET (window), "copy-refused");
  g_remove (path);
  g_rmdir (folder);
}

static gboolean
is_cancel_button (GtkWidget *widget,
                  gpointer   data)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), _("_Cancel")) == 0;
}

/* Cancel in the job bar: no copy, no working file. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *path = g_build_filename (folder, "cancelled.sqlite3", NULL);
  g_autofree char *listed = NULL;
  LedgerCopyWindow *window;
  GtkWidget *cancel;

  add_values (fixture, folder);
  window = open_window (fixture);
  ledger_copy_window_copy_to_file (window, path);
  cancel = ledger_test_ui_find (CHILD (window, "job_bar"), GTK_TYPE_BUTTON, is_cancel_button, NULL);
  g_assert_nonnull (cancel);
  /* Clicked at once, before the worker gets far. */
  g_signal_emit_by_name (cancel, "clicked");
  wait_for_copy (window);
  g_assert_true (gtk_widget_get_visible (CHILD (window, "error_group")));
  g_assert_cmpstr (gtk_label_get_text (CHILD (window, "error_label")), ==,
                   _("The copy was cancelled: nothing was left behind."));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  listed = list_folder (folder);
  g_assert_cmpstr (listed, ==, "");
  ledger_test_ui_screenshot (GTK_WIDGET (window), "copy-cancelled");
  g_rmdir (folder);
}

/* A new database on the test server, h7_<random>; dropped by drop_database(). */
static char *
create_database (const char *server,
                 char      **name)
{
  g_autofree char *sql = NULL;
  PGconn *conn = PQconnectdb (server);
  PGresult *result;

  *name = g_strdup_printf ("h7_%08x", g_random_int ());
  sql = g_strdup_printf ("CREATE DATABASE %s TEMPLATE template0", *name);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, sql);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);
  PQfinish (conn);
  return g_strdup_printf ("%s dbname=%s", server, *name);
}

static void
drop_database (const char *server,
               const char *name)
{
  g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", name);
  PGconn *conn = PQconnectdb (server);
  PGresult *result = PQexec (conn, sql);

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);
  PQfinish (conn);
}

static void
fill_server (LedgerCopyWindow  *window,
             LedgerServerLogin *login,
             const char        *dbname)
{
  g_autofree char *port = g_strdup_printf ("%u", ledger_server_login_get_port (login) > 0
                                                  ? ledger_server_login_get_port (login) : 5432);
  const char *password = g_getenv ("LEDGER_TEST_SERVER_PASSWORD");

  adw_expander_row_set_expanded (CHILD (window, "server_row"), TRUE);
  ledger_test_ui_type (FIELD (window, "host_row"), ledger_server_login_get_host (login));
  ledger_test_ui_type (FIELD (window, "port_row"), port);
  ledger_test_ui_type (FIELD (window, "dbname_row"), dbname);
  ledger_test_ui_type (FIELD (window, "user_row"), ledger_server_login_get_user (login));
  ledger_test_ui_type (FIELD (window, "password_row"), password != NULL ? password : "");
}

/* The store's words for a database @name that holds a ledger. */
static const char *
refusal (LedgerServerLogin *server,
         const char        *name)
{
  g_autoptr(LedgerServerLogin) login = ledger_server_login_new (ledger_server_login_get_host (server),
                                                                ledger_server_login_get_port (server), name,
                                                                ledger_server_login_get_user (server));
  g_autofree char *location = ledger_server_login_build_conninfo (login, NULL);
  g_autofree char *described = ledger_store_describe_location (location);
  static char *said;

  g_free (said);
  said = g_strdup_printf (_("%s already holds a ledger: a ledger is copied only into an empty database"),
                          described);
  return said;
}

/* Holds the table @table of the database @location, as another session
 * of the server would: a copy into it waits there, mid-way. */
static PGconn *
lock_table (const char *location,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("BEGIN; LOCK TABLE %s IN ACCESS EXCLUSIVE MODE", table);
  PGconn *conn = PQconnectdb (location);
  PGresult *result;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, sql);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);
  return conn;
}

static void
unlock_table (PGconn *conn)
{
  PGresult *result = PQexec (conn, "ROLLBACK");

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);
  PQfinish (conn);
}

/* Copying into the server, held at its attachments by @lock: the job bar
 * with its progress and Cancel, the choices waiting. */
static void
look_at_copying (LedgerCopyWindow *window,
                 PGconn           *lock)
{
  g_assert_true (gtk_widget_get_sensitive (CHILD (window, "copy_server_button")));
  g_signal_emit_by_name (CHILD (window, "copy_server_button"), "clicked");
  ledger_test_ui_wait (300);
  g_assert_true (ledger_copy_window_is_copying (window));
  g_assert_true (gtk_widget_get_visible (CHILD (window, "job_bar")));
  g_assert_false (gtk_widget_get_sensitive (CHILD (window, "copy_server_button")));
  ledger_test_ui_screenshot (GTK_WIDGET (window), "copy-copying");
  unlock_table (lock);
  wait_for_copy (window);
}

static void
copy_to_server (LedgerCopyWindow *window)
{
  g_assert_true (gtk_widget_get_sensitive (CHILD (window, "copy_server_button")));
  g_signal_emit_by_name (CHILD (window, "copy_server_button"), "clicked");
  g_assert_true (ledger_copy_window_is_copying (window));
  wait_for_copy (window);
}

/* With LEDGER_TEST_SERVER: into a new database, opened from the window;
 * then, from the server's ledger, refused into that same database, which
 * holds a ledger now. */
static void
test_real_server (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *server = g_getenv ("LEDGER_TEST_SERVER");
  g_autoptr(LedgerServerLogin) login = NULL;
  g_autoptr(LedgerStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *location = NULL;
  LedgerCopyWindow *window;
  gpointer old = fixture->window;
  LedgerStore *store = NULL;
  GtkWindow *opened;

  if (server == NULL || server[0] == '\0')
    {
      g_test_skip ("LEDGER_TEST_SERVER is not set");
      return;
    }
  login = ledger_server_login_new_from_location (server);
  g_assert_nonnull (login);
  folder = make_folder ();
  add_values (fixture, folder);
  g_rmdir (folder);
  location = create_database (server, &name);
  /* An empty ledger there, to hold a table of, while the copy goes on. */
  g_clear_object (&copy);
  copy = ledger_store_open (location, &error);
  g_assert_no_error (error);
  g_clear_object (&copy);

  window = open_window (fixture);
  fill_server (window, login, name);
  look_at_copying (window, lock_table (location, "attachments"));
  if (gtk_widget_get_visible (CHILD (window, "error_group")))
    g_error ("Not copied: %s", gtk_label_get_text (CHILD (window, "error_label")));
  g_assert_true (gtk_widget_get_visible (CHILD (window, "done_group")));
  g_assert_false (gtk_widget_get_visible (CHILD (window, "folder_button")));
  g_assert_cmpstr (gtk_button_get_label (CHILD (window, "open_button")), ==, _("_Open It Now"));
  g_assert_false (adw_expander_row_get_expanded (CHILD (window, "server_row")));
  g_assert_nonnull (strstr (gtk_label_get_text (CHILD (window, "done_label")), name));
  copy = ledger_store_open (location, &error);
  g_assert_no_error (error);
  assert_same_counts (fixture->store, copy);
  g_clear_object (&copy);
  ledger_test_ui_screenshot (GTK_WIDGET (window), "copy-done-server");

  /* Open It Now: connected through Connect to Office Server…. */
  g_object_add_weak_pointer (old, &old);
  g_signal_emit_by_name (CHILD (window, "open_button"), "clicked");
  for (guint i = 0; i < 1200 && old != NULL; i++)
    ledger_test_ui_wait (25);
  g_assert_null (old);
  fixture->window = NULL;
  opened = ledger_test_ui_find_window (LEDGER_TYPE_WINDOW);
  g_assert_nonnull (opened);
  g_object_get (opened, "store", &store, NULL);
  g_assert_true (ledger_store_is_on_server (store));
  g_assert_nonnull (strstr (ledger_store_get_display_name (store), name));

  /* From the server's ledger: a file comes first, the server is known,
   * and no database is proposed, the ledger's own least of all. */
  gtk_widget_activate_action (GTK_WIDGET (opened), "win.copy-ledger", NULL);
  ledger_test_ui_wait (200);
  window = LEDGER_COPY_WINDOW (ledger_test_ui_find_window (LEDGER_TYPE_COPY_WINDOW));
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_prev_sibling (CHILD (window, "server_row")) == CHILD (window, "file_row"));
  g_assert_cmpstr (gtk_editable_get_text (FIELD (window, "host_row")), ==, ledger_server_login_get_host (login));
  g_assert_cmpstr (gtk_editable_get_text (FIELD (window, "dbname_row")), ==, "");
  fill_server (window, login, name);
  copy_to_server (window);
  g_assert_true (gtk_widget_get_visible (CHILD (window, "error_group")));
  g_assert_false (gtk_widget_get_visible (CHILD (window, "done_group")));
  g_assert_cmpstr (gtk_label_get_text (CHILD (window, "error_label")), ==, refusal (login, name));
  ledger_test_ui_screenshot (GTK_WIDGET (window), "copy-refused-server");
  copy = ledger_store_open (location, &error);
  g_assert_no_error (error);
  assert_same_counts (store, copy);
  g_clear_object (&copy);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (store);
  gtk_window_destroy (opened);
  ledger_test_ui_wait (200);
  drop_database (server, name);
}

int
main (int   argc,
      char *argv[])
{
  /* Never the desktop's keyring. */
  g_setenv ("TARGET_LEDGER_KEYRING", "memory", TRUE);
  ledger_test_ui_init (&argc, &argv);

  g_test_add ("/copy/proposed-name", Fixture, NULL, ledger_test_window_set_up_file, test_proposed_name,
              ledger_test_window_tear_down);
  g_test_add ("/copy/to-file", Fixture, NULL, ledger_test_window_set_up_file, test_copy_to_file,
              ledger_test_window_tear_down);
  g_test_add ("/copy/open-copy", Fixture, NULL, ledger_test_window_set_up_file, test_open_copy,
              ledger_test_window_tear_down);
  g_test_add ("/copy/existing-file-refused", Fixture, NULL, ledger_test_window_set_up_file, test_existing_file_refused,
              ledger_test_window_tear_down);
  g_test_add ("/copy/cancel", Fixture, NULL, ledger_test_window_set_up_file, test_cancel, ledger_test_window_tear_down);
  g_test_add ("/copy/real-server", Fixture, NULL, ledger_test_window_set_up_file, test_real_server,
              ledger_test_window_tear_down);

  return ledger_test_ui_run ();
}
