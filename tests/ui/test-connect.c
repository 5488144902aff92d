/* test-connect.c: Connect to Office Server…: the connection string made
 * of the dialog's fields, the password in a (fake) keyring, a connection
 * that fails told in the dialog, the bar of a lost connection, and, with
 * LEDGER_TEST_SERVER, a real server's ledger opened in the window
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ledger-backups-window.h"
#include "ledger-connection-bar.h"
#include "ledger-server-dialog.h"
#include "ledger-server-fields.h"
#include "ledger-server-login.h"
#include "ledger-test-ui.h"

/* A row of the server's fields. */
#define FIELD(dialog, name) \
  ledger_test_ui_child (ledger_test_ui_child (dialog, LEDGER_TYPE_SERVER_DIALOG, "server_fields"), \
                        LEDGER_TYPE_SERVER_FIELDS, name)
#define FIELD_OF(fields, name) ledger_test_ui_child (fields, LEDGER_TYPE_SERVER_FIELDS, name)

typedef LedgerTestWindow Fixture;

static void
test_conninfo_quoting (void)
{
  g_autoptr(LedgerServerLogin) login = ledger_server_login_new ("db.office.lan", 5432, "it's", "wang li");
  g_autoptr(LedgerServerLogin) bare = ledger_server_login_new ("", 0, "ledger", "");
  g_autoptr(LedgerServerLogin) back = NULL;
  g_autofree char *with = ledger_server_login_build_conninfo (login, "p\\w'd x");
  g_autofree char *without = ledger_server_login_build_conninfo (login, "");
  g_autofree char *none = ledger_server_login_build_conninfo (login, NULL);
  g_autofree char *minimal = ledger_server_login_build_conninfo (bare, NULL);
  g_autofree char *added = ledger_server_login_add_password (none, "a'b");
  g_autofree char *uri = ledger_server_login_add_password ("postgresql://wang@db/ledger?sslmode=require", "a b&c");

  g_assert_cmpstr (with, ==, "host='db.office.lan' port='5432' dbname='it\\'s' user='wang li' password='p\\\\w\\'d x'");
  g_assert_cmpstr (without, ==, "host='db.office.lan' port='5432' dbname='it\\'s' user='wang li'");
  g_assert_cmpstr (none, ==, without);
  g_assert_cmpstr (minimal, ==, "dbname='ledger'");
  g_assert_cmpstr (added, ==, "host='db.office.lan' port='5432' dbname='it\\'s' user='wang li' password='a\\'b'");
  g_assert_cmpstr (uri, ==, "postgresql://wang@db/ledger?sslmode=require&password=a%20b%26c");
  g_assert_true (ledger_store_is_server_location (with));

  /* A password the location gives is never replaced by the keyring's. */
  g_assert_true (ledger_server_login_location_has_password (with));
  g_assert_false (ledger_server_login_location_has_password (none));
  g_assert_true (ledger_server_login_location_has_password (uri));
  g_assert_true (ledger_server_login_location_has_password ("postgresql://wang:secret@db/ledger"));
  g_assert_false (ledger_server_login_location_has_password ("postgresql://wang@db/ledger?sslmode=require"));
  g_assert_false (ledger_server_login_location_has_password ("host=db dbname='password=x'"));

  /* What was written is read back: the dialog is prefilled from it. */
  back = ledger_server_login_new_from_location (with);
  g_assert_nonnull (back);
  g_assert_cmpstr (ledger_server_login_get_host (back), ==, "db.office.lan");
  g_assert_cmpuint (ledger_server_login_get_port (back), ==, 5432);
  g_assert_cmpstr (ledger_server_login_get_dbname (back), ==, "it's");
  g_assert_cmpstr (ledger_server_login_get_user (back), ==, "wang li");
  g_clear_object (&back);
  back = ledger_server_login_new_from_location ("postgresql://li@10.0.0.5:6543/county");
  g_assert_cmpstr (ledger_server_login_get_host (back), ==, "10.0.0.5");
  g_assert_cmpuint (ledger_server_login_get_port (back), ==, 6543);
  g_assert_cmpstr (ledger_server_login_get_dbname (back), ==, "county");
  g_assert_cmpstr (ledger_server_login_get_user (back), ==, "li");
  g_clear_object (&back);
  back = ledger_server_login_new_from_location ("postgresql://li:secret@db/county");
  g_assert_cmpstr (ledger_server_login_get_user (back), ==, "li");
  g_assert_null (ledger_server_login_new_from_location ("/home/wang/ledger.sqlite3"));
}

/* The fake keyring of TARGET_LEDGER_KEYRING=memory: kept per login. */
static void
test_keyring (void)
{
  g_autoptr(LedgerServerLogin) login = ledger_server_login_new ("db", 5432, "ledger", "wang");
  g_autoptr(LedgerServerLogin) other = ledger_server_login_new ("db", 5432, "ledger", "li");
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *others = NULL;
  g_autofree char *cleared = NULL;

  g_assert_true (ledger_server_login_store_password (login, "secret", NULL, &error));
  g_assert_no_error (error);
  kept = ledger_server_login_lookup_password (login, NULL, &error);
  others = ledger_server_login_lookup_password (other, NULL, &error);
  g_assert_cmpstr (kept, ==, "secret");
  g_assert_null (others);
  /* A location without a port means the default one: the same password. */
  {
    g_autoptr(LedgerServerLogin) portless = ledger_server_login_new_from_location ("host=db dbname=ledger user=wang");
    g_autofree char *found = ledger_server_login_lookup_password (portless, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (found, ==, "secret");
  }
  g_assert_true (ledger_server_login_clear_password (login, NULL, &error));
  cleared = ledger_server_login_lookup_password (login, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (cleared);

  /* A desktop without a keyring says so. */
  g_setenv ("TARGET_LEDGER_KEYRING", "none", TRUE);
  g_assert_false (ledger_server_login_has_keyring ());
  g_assert_false (ledger_server_login_store_password (login, "secret", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_setenv ("TARGET_LEDGER_KEYRING", "memory", TRUE);
}

static LedgerServerDialog *
open_dialog (Fixture *fixture)
{
  LedgerServerDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.connect-server", NULL);
  ledger_test_ui_wait (200);
  dialog = LEDGER_SERVER_DIALOG (ledger_test_ui_find_window (LEDGER_TYPE_SERVER_DIALOG));
  g_assert_nonnull (dialog);
  return dialog;
}

static void
fill (LedgerServerDialog *dialog,
      const char         *host,
      const char         *port,
      const char         *dbname,
      const char         *user,
      const char         *password)
{
  gtk_editable_set_text (FIELD (dialog, "host_row"), host);
  gtk_editable_set_text (FIELD (dialog, "port_row"), port);
  gtk_editable_set_text (FIELD (dialog, "dbname_row"), dbname);
  gtk_editable_set_text (FIELD (dialog, "user_row"), user);
  gtk_editable_set_text (FIELD (dialog, "password_row"), password);
}

/* Clicks Connect, sees the spinner, and waits (up to 30 s) for the try. */
static void
connect_and_wait (LedgerServerDialog *dialog)
{
  GtkWidget *spinner = ledger_test_ui_child (dialog, LEDGER_TYPE_SERVER_DIALOG, "spinner");

  g_object_ref (dialog);
  /* Clicked at once (activating waits): the spinner turns before the
   * worker can end. */
  g_signal_emit_by_name (ledger_test_ui_child (dialog, LEDGER_TYPE_SERVER_DIALOG, "connect_button"), "clicked");
  g_assert_true (ledger_server_dialog_is_connecting (dialog));
  g_assert_true (gtk_widget_get_visible (spinner));
  for (guint i = 0; i < 1200 && ledger_server_dialog_is_connecting (dialog); i++)
    ledger_test_ui_wait (25);
  g_assert_false (ledger_server_dialog_is_connecting (dialog));
  g_object_unref (dialog);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* The fields both Connect and Copy Ledger ask with: what they read,
 * what they mark, what they fill and where the cursor goes. */
static void
test_server_fields (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  LedgerServerFields *fields = g_object_new (LEDGER_TYPE_SERVER_FIELDS, NULL);
  g_autoptr(LedgerServerLogin) login = NULL;
  guint changes = 0;

  gtk_window_set_child (window, GTK_WIDGET (fields));
  g_signal_connect_swapped (fields, "changed", G_CALLBACK (count_cb), &changes);
  g_assert_false (ledger_server_fields_is_complete (fields));

  g_assert_true (ledger_server_fields_fill_from_location (fields, "host=db.office port=6543 dbname=plans user=wang"));
  g_assert_true (ledger_server_fields_is_complete (fields));
  g_assert_cmpuint (changes, >, 0);
  gtk_editable_set_text (FIELD_OF (fields, "host_row"), "  db.office ");
  login = ledger_server_fields_dup_login (fields);
  g_assert_cmpstr (ledger_server_login_get_host (login), ==, "db.office");
  g_assert_cmpuint (ledger_server_login_get_port (login), ==, 6543);
  g_assert_cmpstr (ledger_server_login_get_dbname (login), ==, "plans");
  g_assert_cmpstr (ledger_server_login_get_user (login), ==, "wang");

  /* A port that is no port is marked, and nothing is tried with it. */
  gtk_editable_set_text (FIELD_OF (fields, "port_row"), "65536");
  g_assert_true (gtk_widget_has_css_class (FIELD_OF (fields, "port_row"), "error"));
  g_assert_false (ledger_server_fields_is_complete (fields));
  gtk_editable_set_text (FIELD_OF (fields, "port_row"), "5433");
  g_assert_false (gtk_widget_has_css_class (FIELD_OF (fields, "port_row"), "error"));
  gtk_editable_set_text (FIELD_OF (fields, "dbname_row"), "  ");
  g_assert_false (ledger_server_fields_is_complete (fields));

  /* Another database on the same server: the one typed stays. */
  gtk_editable_set_text (FIELD_OF (fields, "dbname_row"), "copy");
  g_assert_false (ledger_server_fields_fill_server_from_location (fields, "/home/wang/ledger.sqlite3"));
  g_assert_true (ledger_server_fields_fill_server_from_location (fields, "host=db2 dbname=plans user=li"));
  g_assert_cmpstr (gtk_editable_get_text (FIELD_OF (fields, "host_row")), ==, "db2");
  g_assert_cmpstr (gtk_editable_get_text (FIELD_OF (fields, "port_row")), ==, "5432");
  g_assert_cmpstr (gtk_editable_get_text (FIELD_OF (fields, "dbname_row")), ==, "copy");

  ledger_server_fields_set_busy (fields, TRUE);
  g_assert_false (gtk_editable_get_editable (FIELD_OF (fields, "password_row")));
  g_assert_true (gtk_widget_get_sensitive (FIELD_OF (fields, "password_row")));
  ledger_server_fields_set_busy (fields, FALSE);
  g_assert_true (gtk_editable_get_editable (FIELD_OF (fields, "host_row")));

  gtk_window_present (window);
  ledger_test_ui_wait (100);
  g_assert_true (ledger_server_fields_focus_first_empty (fields));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), FIELD_OF (fields, "password_row")));
  changes = 0;
  ledger_server_fields_set_password (fields, "s3cret word");
  g_assert_cmpuint (changes, ==, 0);
  g_assert_cmpstr (ledger_server_fields_get_password (fields), ==, "s3cret word");
  g_assert_false (ledger_server_fields_focus_first_empty (fields));
  gtk_window_destroy (window);
}

/* Opened with the remembered server: its fields are filled, the keyring
 * gives the password, and the cursor waits where typing starts. */
static void
test_prefilled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LedgerServerLogin) login = ledger_server_login_new ("db.office", 5432, "plans", "zhao");
  LedgerServerDialog *dialog;
  GtkWidget *focus;

  g_assert_true (ledger_server_login_store_password (login, "kept word", NULL, NULL));
  dialog = ledger_server_dialog_new (GTK_WINDOW (fixture->window), "host=db.office port=5432 dbname=plans user=zhao",
                                     FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
  ledger_test_ui_wait (200);
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_true (gtk_widget_is_ancestor (focus, FIELD (dialog, "password_row")));
  g_assert_cmpstr (gtk_editable_get_text (FIELD (dialog, "host_row")), ==, "db.office");
  g_assert_cmpstr (gtk_editable_get_text (FIELD (dialog, "port_row")), ==, "5432");
  g_assert_cmpstr (gtk_editable_get_text (FIELD (dialog, "dbname_row")), ==, "plans");
  g_assert_cmpstr (gtk_editable_get_text (FIELD (dialog, "user_row")), ==, "zhao");
  for (guint i = 0; i < 40 && gtk_editable_get_text (FIELD (dialog, "password_row"))[0] == '\0'; i++)
    ledger_test_ui_wait (25);
  g_assert_cmpstr (gtk_editable_get_text (FIELD (dialog, "password_row")), ==, "kept word");
  g_assert_true (gtk_widget_get_sensitive (ledger_test_ui_child (dialog, LEDGER_TYPE_SERVER_DIALOG, "connect_button")));
  /* The kept password is never shown as text. */
  g_assert_false (gtk_text_get_visibility (GTK_TEXT (gtk_editable_get_delegate (FIELD (dialog, "password_row")))));
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "connect-prefilled");
  g_assert_true (ledger_server_login_clear_password (login, NULL, NULL));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_connection_fails (Fixture       *fixture,
                       gconstpointer  data)
{
  LedgerServerDialog *dialog = open_dialog (fixture);
  GtkWidget *connect = ledger_test_ui_child (dialog, LEDGER_TYPE_SERVER_DIALOG, "connect_button");
  GtkLabel *error_label;
  const char *shown;

  /* The port is 5432 unless told otherwise; no database, no connection. */
  g_assert_cmpstr (gtk_editable_get_text (FIELD (dialog, "port_row")), ==,
                   "5432");
  g_assert_false (gtk_widget_get_sensitive (connect));
  /* From a file's window, going back to a file is no choice. */
  g_assert_false (gtk_widget_get_visible (ledger_test_ui_child (dialog, LEDGER_TYPE_SERVER_DIALOG, "file_group")));
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "connect-empty");
  fill (dialog, "/nonexistent", "99999", "ledger", "wang", "s3cret-word");
  g_assert_false (gtk_widget_get_sensitive (connect));
  fill (dialog, "/nonexistent", "5432", "ledger", "wang", "s3cret-word");
  g_assert_true (gtk_widget_get_sensitive (connect));

  connect_and_wait (dialog);
  error_label = ledger_test_ui_child (dialog, LEDGER_TYPE_SERVER_DIALOG, "error_label");
  shown = gtk_label_get_text (error_label);
  g_assert_true (gtk_widget_get_visible (ledger_test_ui_child (dialog, LEDGER_TYPE_SERVER_DIALOG, "error_group")));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (shown, "/nonexistent"));
  g_assert_null (strstr (shown, "s3cret-word"));
  /* Nothing replaced: the window still shows its ledger file. */
  g_assert_true (ledger_test_ui_find_window (LEDGER_TYPE_WINDOW) == GTK_WINDOW (fixture->window));
  g_assert_false (ledger_store_is_on_server (fixture->store));
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "connect-failed");

  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 720);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "connect-failed-narrow-dark");
}

/* In a Flatpak sandbox without network, the dialog says how to let the
 * program reach the server. */
static gboolean
no_hyphens_in (GtkLabel *label)
{
  PangoAttrList *attributes = gtk_label_get_attributes (label);
  GSList *list = attributes != NULL ? pango_attr_list_get_attributes (attributes) : NULL;
  gboolean none = FALSE;

  for (GSList *item = list; item != NULL; item = item->next)
    {
      PangoAttribute *attribute = item->data;

      if (attribute->klass->type == PANGO_ATTR_INSERT_HYPHENS && !((PangoAttrInt *) attribute)->value)
        none = TRUE;
    }
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
  return none;
}

static void
test_flatpak_without_network (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *info = g_build_filename (g_get_user_data_dir (), "flatpak-info", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerStore) store = NULL;
  LedgerServerDialog *dialog;
  GtkWidget *box;
  GtkLabel *command;

  /* What a network error is, is the store's to say; a store that cannot
   * tell one yet leaves nothing to test here. */
  store = ledger_application_connect ("host='unreachable.invalid' connect_timeout='5' dbname='ledger'", &error);
  g_assert_null (store);
  if (!g_error_matches (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_OFFLINE) && error->domain != G_IO_ERROR)
    {
      g_test_skip ("The store does not tell a network error from another");
      return;
    }
  g_assert_true (g_file_set_contents (info, "[Application]\n", -1, NULL));
  g_setenv ("TARGET_LEDGER_FLATPAK_INFO", info, TRUE);
  dialog = open_dialog (fixture);
  fill (dialog, "unreachable.invalid", "5432", "ledger", "wang", "");
  connect_and_wait (dialog);
  box = ledger_test_ui_child (dialog, LEDGER_TYPE_SERVER_DIALOG, "flatpak_box");
  g_assert_true (gtk_widget_get_visible (box));
  command = ledger_test_ui_child (dialog, LEDGER_TYPE_SERVER_DIALOG, "flatpak_command");
  g_assert_true (gtk_label_get_selectable (command));
  /* Broken across lines as it is typed: no hyphen added at a break. */
  g_assert_true (no_hyphens_in (command));
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "connect-flatpak");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 720);
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "connect-flatpak-narrow");
  g_unsetenv ("TARGET_LEDGER_FLATPAK_INFO");
}

/* The bar of a lost connection comes and goes with the store's online. */
static gboolean
label_is (GtkWidget *widget,
          gpointer   text)
{
  return gtk_widget_get_mapped (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* Returns: whether the window shows the toast of a connection back */
static gboolean
tells_back (Fixture *fixture)
{
  const char *told = _("Connected to the office server again");

  ledger_test_ui_wait (100);
  return ledger_test_ui_find (GTK_WIDGET (fixture->window), GTK_TYPE_LABEL, label_is, (gpointer) told) != NULL;
}

/* The bar of a lost connection comes and goes with the store's online;
 * its going is told, once, and only after it came. */
static void
test_connection_bar (Fixture       *fixture,
                     gconstpointer  data)
{
  LedgerConnectionBar *bar = ledger_test_ui_child (fixture->window, LEDGER_TYPE_WINDOW, "connection_bar");

  g_assert_false (ledger_connection_bar_is_shown (bar));
  ledger_window_show_connection (fixture->window, TRUE);
  g_assert_false (tells_back (fixture));
  ledger_window_show_connection (fixture->window, FALSE);
  g_assert_true (ledger_connection_bar_is_shown (bar));
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "connection-lost");
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 640);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "connection-lost-narrow-dark");
  ledger_window_show_connection (fixture->window, TRUE);
  g_assert_false (ledger_connection_bar_is_shown (bar));
  g_assert_true (tells_back (fixture));
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "connection-back-narrow-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1090, 750);
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->window), "connection-back");
}

static gboolean
is_restore_button (GtkWidget *button,
                   gpointer   data)
{
  const char *label = gtk_button_get_label (GTK_BUTTON (button));

  return label != NULL && g_str_equal (label, _("_Restore…"));
}

/* With LEDGER_TEST_SERVER, the dialog opens that server's ledger in the
 * window, remembered without its password. */
static void
test_real_server (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *server = g_getenv ("LEDGER_TEST_SERVER");
  const char *password = g_getenv ("LEDGER_TEST_SERVER_PASSWORD");
  g_autoptr(LedgerServerLogin) login = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *port = NULL;
  g_autofree char *remembered = NULL;
  g_autofree char *described = NULL;
  g_autofree char *location = NULL;
  LedgerServerDialog *dialog;
  gpointer old = fixture->window;
  g_autofree char *kept = NULL;
  g_autofree char *told = NULL;
  LedgerStore *store;
  GtkWindow *window;
  GtkWindow *backups;
  GtkLabel *error_label;

  if (server == NULL)
    {
      g_test_skip ("LEDGER_TEST_SERVER is not set");
      return;
    }
  login = ledger_server_login_new_from_location (server);
  g_assert_nonnull (login);
  port = g_strdup_printf ("%u", ledger_server_login_get_port (login) > 0 ? ledger_server_login_get_port (login) : 5432);
  dialog = open_dialog (fixture);
  /* A trusting test server takes any password: it is only remembered. */
  fill (dialog, ledger_server_login_get_host (login), port, ledger_server_login_get_dbname (login),
        ledger_server_login_get_user (login), password != NULL ? password : "any password");
  g_object_add_weak_pointer (old, &old);
  connect_and_wait (dialog);
  error_label = LEDGER_IS_SERVER_DIALOG (ledger_test_ui_find_window (LEDGER_TYPE_SERVER_DIALOG))
                ? ledger_test_ui_child (dialog, LEDGER_TYPE_SERVER_DIALOG, "error_label") : NULL;
  if (error_label != NULL)
    g_error ("Not connected: %s", gtk_label_get_text (error_label));
  ledger_test_ui_wait_until_gone (&old);
  fixture->window = NULL;

  window = ledger_test_ui_find_window (LEDGER_TYPE_WINDOW);
  g_assert_nonnull (window);
  g_object_get (window, "store", &store, NULL);
  g_assert_true (ledger_store_is_on_server (store));
  location = ledger_server_login_build_conninfo (login, NULL);
  described = ledger_store_describe_location (location);
  g_assert_cmpstr (adw_window_title_get_subtitle (ledger_test_ui_child (window, LEDGER_TYPE_WINDOW, "sidebar_title")),
                   ==, described);
  settings = g_settings_new (APPLICATION_ID);
  remembered = g_settings_get_string (settings, "ledger-file");
  g_assert_true (ledger_store_is_server_location (remembered));
  g_assert_null (strstr (remembered, "password"));
  kept = ledger_server_login_lookup_password (login, NULL, NULL);
  g_assert_cmpstr (kept, ==, password != NULL ? password : "any password");
  ledger_test_ui_screenshot (GTK_WIDGET (window), "connected");

  /* From the server's window, the dialog offers to go back to a file. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.connect-server", NULL);
  ledger_test_ui_wait (200);
  dialog = LEDGER_SERVER_DIALOG (ledger_test_ui_find_window (LEDGER_TYPE_SERVER_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (ledger_test_ui_child (dialog, LEDGER_TYPE_SERVER_DIALOG, "file_group")));
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "connect-from-server");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Backups of the server's ledger are its administrator's: none is
   * offered for restoring over it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.backups", NULL);
  ledger_test_ui_wait (300);
  backups = ledger_test_ui_find_window (LEDGER_TYPE_BACKUPS_WINDOW);
  g_assert_nonnull (backups);
  g_assert_null (ledger_test_ui_find (GTK_WIDGET (backups), GTK_TYPE_BUTTON, is_restore_button, NULL));
  told = g_markup_escape_text (_("This ledger is on the office server: backing it up is the business of the "
                                 "office’s database administrator. Back Up Now writes a snapshot of it as a "
                                 "ledger file on this computer; a snapshot is not restored over the server’s "
                                 "ledger."), -1);
  g_assert_cmpstr (adw_preferences_group_get_description (ledger_test_ui_child (backups, LEDGER_TYPE_BACKUPS_WINDOW,
                                                                                "group")), ==, told);
  ledger_test_ui_screenshot (GTK_WIDGET (backups), "backups-on-server");
  gtk_window_destroy (backups);
  gtk_window_destroy (window);
  g_object_unref (store);
}

int
main (int   argc,
      char *argv[])
{
  /* Never the desktop's keyring. */
  g_setenv ("TARGET_LEDGER_KEYRING", "memory", TRUE);
  ledger_test_ui_init (&argc, &argv);

  g_test_add_func ("/connect/conninfo-quoting", test_conninfo_quoting);
  g_test_add_func ("/connect/keyring", test_keyring);
  g_test_add_func ("/connect/server-fields", test_server_fields);
  g_test_add ("/connect/prefilled", Fixture, NULL, ledger_test_window_set_up_file, test_prefilled,
              ledger_test_window_tear_down);
  g_test_add ("/connect/connection-fails", Fixture, NULL, ledger_test_window_set_up_file, test_connection_fails,
              ledger_test_window_tear_down);
  g_test_add ("/connect/flatpak-without-network", Fixture, NULL, ledger_test_window_set_up_file,
              test_flatpak_without_network, ledger_test_window_tear_down);
  g_test_add ("/connect/connection-bar", Fixture, NULL, ledger_test_window_set_up_file, test_connection_bar,
              ledger_test_window_tear_down);
  g_test_add ("/connect/real-server", Fixture, NULL, ledger_test_window_set_up_file, test_real_server,
              ledger_test_window_tear_down);

  return ledger_test_ui_run ();
}
