/* ledger-test-ui.c: helpers of the UI tests
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libpq-fe.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "ledger-application.h"
#include "ledger-area-page.h"
#include "ledger-job-bar.h"
#include "ledger-test-ui.h"

/* One application for the whole program: it registers once. */
static LedgerApplication *app;

/* Sets up gettext like main.c, with the language the test was started in
 * (LANGUAGE), private home folders, GTK on the test's display and the
 * application. The system's data folders stay: icons and MIME types live
 * there. */
void
ledger_test_ui_init (int    *argc,
                     char ***argv)
{
  const char *localedir = g_getenv ("TARGET_LEDGER_LOCALEDIR");
  g_autofree char *home = g_dir_make_tmp ("target-ledger-ui-XXXXXX", NULL);
  const char *folders[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (home);
  g_setenv ("HOME", home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *folder = g_build_filename (home, folders[i], NULL);

      g_mkdir_with_parents (folder, 0700);
      g_setenv (folders[i], folder, TRUE);
    }

  g_test_init (argc, argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();

  app = ledger_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
}

LedgerApplication *
ledger_test_ui_get_app (void)
{
  return app;
}

int
ledger_test_ui_run (void)
{
  int status = g_test_run ();

  g_clear_object (&app);
  return status;
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  g_main_context_wakeup (NULL);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for a while, so that windows map, lay out and draw. */
void
ledger_test_ui_wait (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Waits (up to 5 s) for the object behind a weak pointer to go: a window
 * that closes itself once its job is done. */
void
ledger_test_ui_wait_until_gone (gpointer *weak_pointer)
{
  for (guint i = 0; i < 200 && *weak_pointer != NULL; i++)
    ledger_test_ui_wait (25);
  g_assert_null (*weak_pointer);
}

/* Saves a PNG of @widget as drawn now, as screenshots/NAME-LANGUAGE.png in
 * the build directory. */
void
ledger_test_ui_screenshot (GtkWidget  *widget,
                           const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *fallback = g_build_filename (g_get_tmp_dir (), "target-ledger-screenshots", NULL);
  const char *dir = g_getenv ("LEDGER_SCREENSHOT_DIR");
  const char *language = g_getenv ("LANGUAGE");
  GskRenderer *renderer;
  int width, height;

  ledger_test_ui_wait (300);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_assert_cmpint (width, >, 0);
  /* A window not drawn yet (a busy machine, the sanitizers) has nothing
   * to show: it is asked again, for up to two seconds. */
  for (guint tries = 0; node == NULL && tries < 20; tries++)
    {
      if (tries > 0)
        ledger_test_ui_wait (100);
      g_clear_object (&snapshot);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* Never into the current folder, which may be the source tree. */
  if (dir == NULL)
    dir = fallback;
  g_mkdir_with_parents (dir, 0755);
  file = g_strdup_printf ("%s/%s-%s.png", dir, name, language != NULL ? language : "C");
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_test_message ("screenshot: %s", file);
}

/* Returns: (transfer none) (nullable): the first widget under @root, in
 * depth-first order, of @type for which @match (if given) is true */
GtkWidget *
ledger_test_ui_find (GtkWidget  *root,
                     GType       type,
                     gboolean  (*match) (GtkWidget *, gpointer),
                     gpointer    data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (match == NULL || match (root, data)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ledger_test_ui_find (child, type, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Saves Record Period as its Save button does, and waits for the save.
 * Returns: whether the values were saved (the window is then closed) */
gboolean
ledger_test_ui_save_batch (LedgerBatchWindow *sheet)
{
  gpointer weak = sheet;
  gboolean saved;

  g_object_add_weak_pointer (G_OBJECT (sheet), &weak);
  if (!ledger_batch_window_save (sheet))
    {
      g_object_remove_weak_pointer (G_OBJECT (sheet), &weak);
      return FALSE;
    }
  for (guint i = 0; i < 400 && weak != NULL && ledger_batch_window_is_saving (weak); i++)
    ledger_test_ui_wait (25);
  saved = weak == NULL || !gtk_widget_get_visible (weak);
  if (weak != NULL)
    g_object_remove_weak_pointer (G_OBJECT (weak), &weak);
  return saved;
}

/* Waits until the window's job bar is gone: its job is over. */
void
ledger_test_ui_wait_for_job (GtkWidget *window)
{
  LedgerJobBar *bar = LEDGER_JOB_BAR (ledger_test_ui_find (window, LEDGER_TYPE_JOB_BAR, NULL, NULL));

  g_assert_nonnull (bar);
  for (guint i = 0; i < 400 && ledger_job_bar_is_running (bar); i++)
    ledger_test_ui_wait (25);
  g_assert_false (ledger_job_bar_is_running (bar));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));
}

/* Returns: (transfer none) (nullable): the toplevel window of @type */
GtkWindow *
ledger_test_ui_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* Returns: (transfer none): the template child @name of @widget */
gpointer
ledger_test_ui_child (gpointer    widget,
                      GType       type,
                      const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

/* Activates a button as the keyboard would; it clicks after 250 ms. */
void
ledger_test_ui_click (gpointer button)
{
  g_assert_true (gtk_widget_activate (GTK_WIDGET (button)));
  ledger_test_ui_wait (400);
}

void
ledger_test_ui_type (gpointer    editable,
                     const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

void
ledger_test_window_open (LedgerTestWindow *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;

  fixture->store = ledger_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (ledger_store_add_builtin_plans (fixture->store, &error));
  plans = ledger_store_list_plans (fixture->store, &error);
  g_assert_no_error (error);
  fixture->plan = g_object_ref (g_ptr_array_index (plans, 0));

  fixture->window = ledger_window_new (app, fixture->store);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
  ledger_test_ui_wait (200);
}

void
ledger_test_window_close (LedgerTestWindow *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  ledger_test_ui_wait (50);
  fixture->window = NULL;
  g_clear_object (&fixture->plan);
  g_clear_object (&fixture->store);
}

/* With LEDGER_TEST_UI_SERVER (a PostgreSQL connection string), the
 * window's ledger is a new database on that server instead of a file:
 * for measuring the window on a server ledger (tests/bench/server-pages.sh). */
static char *
server_ledger_new (const char *server,
                   guint       counter)
{
  g_autofree char *name = g_strdup_printf ("ui_test_%d_%u", (int) getpid (), counter);
  g_autofree char *sql = g_strdup_printf ("CREATE DATABASE %s TEMPLATE template0", name);
  PGconn *conn = PQconnectdb (server);
  PGresult *result;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, sql);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);
  PQfinish (conn);
  return g_strdup_printf ("%s dbname=%s", server, name);
}

void
ledger_test_window_set_up (LedgerTestWindow *fixture,
                           gconstpointer     data)
{
  static guint counter;
  const char *server = g_getenv ("LEDGER_TEST_UI_SERVER");

  if (server != NULL && server[0] != '\0')
    fixture->db_path = server_ledger_new (server, ++counter);
  else
    {
      fixture->db_path = g_strdup_printf ("%s/ui-test-%u.sqlite3", g_get_user_data_dir (), ++counter);
      g_remove (fixture->db_path);
    }
  ledger_test_window_open (fixture);
}

/* A window on a ledger file, even with LEDGER_TEST_UI_SERVER: for what
 * starts from a file (its backups, its copy, a move onto the server). */
void
ledger_test_window_set_up_file (LedgerTestWindow *fixture,
                                gconstpointer     data)
{
  static guint counter;

  fixture->db_path = g_strdup_printf ("%s/ui-test-file-%u.sqlite3", g_get_user_data_dir (), ++counter);
  g_remove (fixture->db_path);
  ledger_test_window_open (fixture);
}

/* The database server_ledger_new() made for @location, dropped. */
static void
server_ledger_drop (const char *location)
{
  const char *server = g_getenv ("LEDGER_TEST_UI_SERVER");
  const char *name = g_strrstr (location, " dbname=ui_test_");
  g_autofree char *sql = NULL;
  PGconn *conn;
  PGresult *result;

  if (server == NULL || name == NULL)
    return;
  sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", name + strlen (" dbname="));
  conn = PQconnectdb (server);
  result = PQexec (conn, sql);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);
  PQfinish (conn);
}

void
ledger_test_window_tear_down (LedgerTestWindow *fixture,
                              gconstpointer     data)
{
  GtkWindow *dialog;

  while ((dialog = ledger_test_ui_find_window (ADW_TYPE_WINDOW)) != NULL)
    gtk_window_destroy (dialog);
  if (fixture->window != NULL)
    ledger_test_window_close (fixture);
  server_ledger_drop (fixture->db_path);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  g_clear_pointer (&fixture->db_path, g_free);
}

/* Returns: the uuid of the plan's area @index (0 is 主要预期目标) */
const char *
ledger_test_window_area_uuid (LedgerTestWindow *fixture,
                              guint             index)
{
  g_autoptr(LedgerNode) area = g_list_model_get_item (ledger_node_get_children (LEDGER_NODE (fixture->plan)),
                                                      index);

  g_assert_nonnull (area);
  return ledger_node_get_uuid (area);
}

static gboolean
row_has_code (GtkWidget *widget,
              gpointer   code)
{
  LedgerIndicator *indicator = ledger_indicator_row_get_indicator (LEDGER_INDICATOR_ROW (widget));

  return g_str_equal (ledger_indicator_get_code (indicator), code);
}

/* Returns: (transfer none): the row of the indicator @code on the page shown */
LedgerIndicatorRow *
ledger_test_window_find_row (LedgerTestWindow *fixture,
                             const char       *code)
{
  GtkWidget *page = ledger_window_get_visible_page (fixture->window);
  GtkWidget *row;

  /* An area page builds the rows beyond the first screen a little later. */
  if (LEDGER_IS_AREA_PAGE (page))
    ledger_area_page_build_all (LEDGER_AREA_PAGE (page));
  row = ledger_test_ui_find (page, LEDGER_TYPE_INDICATOR_ROW, row_has_code, (gpointer) code);

  g_assert_nonnull (row);
  return LEDGER_INDICATOR_ROW (row);
}

static void
find_id (LedgerNode      *area,
         LedgerNode      *task,
         LedgerIndicator *indicator,
         gpointer         user_data)
{
  gpointer *search = user_data;

  if (g_str_equal (ledger_indicator_get_code (indicator), search[0]))
    *(gint64 *) search[1] = ledger_indicator_get_id (indicator);
}

gint64
ledger_test_window_id_of (LedgerTestWindow *fixture,
                          const char       *code)
{
  gint64 id = 0;
  gpointer search[] = { (gpointer) code, &id };

  ledger_plan_foreach_indicator (fixture->plan, find_id, search);
  g_assert_cmpint (id, !=, 0);
  return id;
}

void
ledger_test_window_set_number (LedgerTestWindow *fixture,
                               const char       *code,
                               const char       *period,
                               double            number)
{
  g_autoptr(LedgerValue) value = ledger_value_new (ledger_test_window_id_of (fixture, code), period,
                                                   number, "", "");
  g_autoptr(GError) error = NULL;

  g_assert_true (ledger_store_set_value (fixture->store, value, &error));
  g_assert_no_error (error);
}

/* Returns: the number recorded for @code and @period, or -1 for none */
double
ledger_test_window_number (LedgerTestWindow *fixture,
                           const char       *code,
                           const char       *period)
{
  g_autoptr(LedgerValue) value = ledger_store_get_value (fixture->store, ledger_test_window_id_of (fixture, code),
                                                         period);

  return value != NULL ? ledger_value_get_number (value) : -1;
}
