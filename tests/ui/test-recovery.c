/* test-recovery.c: ledgers that cannot be opened — not a ledger, damaged,
 * from a newer version, locked — get a clear dialog with what makes
 * sense, and the file is never touched
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ledger-test-ui.h"
#include "test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = test_tmp_dir_new ();
  fixture->path = g_build_filename (fixture->dir, "ledger.sqlite3", NULL);
}

static void
close_toplevels (void)
{
  GtkWindow *window;

  while ((window = ledger_test_ui_find_window (GTK_TYPE_WINDOW)) != NULL)
    gtk_window_destroy (window);
  ledger_test_ui_wait (50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_toplevels ();
  g_free (fixture->path);
  test_tmp_dir_free (fixture->dir);
}

static char *
contents (const char *path)
{
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  return data;
}

/* The ledgers recovered from a backup in @dir (ledger-recovered-…). */
static GPtrArray *
find_recovered (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, "ledger-recovered-") && g_str_has_suffix (name, ".sqlite3"))
        g_ptr_array_add (found, g_build_filename (dir_path, name, NULL));
    }
  return found;
}

static AdwMessageDialog *
open_and_expect_dialog (Fixture    *fixture,
                        const char *heading)
{
  AdwMessageDialog *dialog;

  ledger_application_open_ledger (ledger_test_ui_get_app (), fixture->path);
  ledger_test_ui_wait (200);
  dialog = ADW_MESSAGE_DIALOG (ledger_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_null (ledger_test_ui_find_window (LEDGER_TYPE_WINDOW));
  return dialog;
}

static LedgerStore *
make_ledger (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  LedgerStore *store = ledger_store_open (fixture->path, &error);

  g_assert_no_error (error);
  g_assert_true (ledger_store_add_builtin_plans (store, &error));
  return store;
}

/* Scribbles over the middle of the ledger at @path, as a failing disk
 * would. Returns: the file's length */
static gsize
damage (const char *path)
{
  g_autofree char *bytes = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  memset (bytes + 4096, 0x5a, MIN (length - 4096, 16384));
  g_assert_true (g_file_set_contents (path, bytes, length, NULL));
  return length;
}

/* Not a ledger: no backup to offer, so a new ledger; the file stays. */
static void
test_not_a_ledger (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (fixture->path, "季度报表草稿，不是台账\n", -1, NULL));
  before = contents (fixture->path);
  dialog = open_and_expect_dialog (fixture, _("This File Is Not a Ledger"));
  g_assert_true (adw_message_dialog_has_response (dialog, "new"));
  g_assert_false (adw_message_dialog_has_response (dialog, "backup"));
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "open-not-a-ledger");

  adw_message_dialog_response (dialog, "new");
  ledger_test_ui_wait (200);
  g_assert_nonnull (ledger_test_ui_find_window (LEDGER_TYPE_WINDOW));
  after = contents (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* Damaged: the latest backup is offered, copied and opened; the damaged
 * file stays as it was. */
static void
test_damaged_with_backup (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(LedgerStore) store = make_ledger (fixture);
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;
  gsize length;

  g_assert_true (ledger_store_backup_daily (store, today, &error));
  g_clear_object (&store);

  length = damage (fixture->path);
  damaged = contents (fixture->path);

  dialog = open_and_expect_dialog (fixture, _("The Ledger Is Damaged"));
  g_assert_true (adw_message_dialog_has_response (dialog, "backup"));
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "open-damaged");
  adw_message_dialog_response (dialog, "backup");
  ledger_test_ui_wait (200);
  g_assert_nonnull (ledger_test_ui_find_window (LEDGER_TYPE_WINDOW));
  after = contents (fixture->path);
  g_assert_true (memcmp (damaged, after, length) == 0);
}

/* Two ledgers in one folder, the first backed up with GDP at 5.1, the
 * second (returned, closed) holding 7.7 and backed up if @back_up. */
static char *
make_two_ledgers (Fixture  *fixture,
                  gboolean  back_up)
{
  g_autoptr(LedgerStore) first = make_ledger (fixture);
  g_autofree char *second_path = g_build_filename (fixture->dir, "second.sqlite3", NULL);
  g_autoptr(LedgerStore) second = ledger_store_open (second_path, NULL);
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  test_set_number (first, test_indicator_id (first, "changzhi-2026", "gdp-growth"), "2026-Q1", 5.1, "");
  g_assert_true (ledger_store_backup_daily (first, today, &error));
  g_assert_true (ledger_store_add_builtin_plans (second, &error));
  test_set_number (second, test_indicator_id (second, "changzhi-2026", "gdp-growth"), "2026-Q1", 7.7, "");
  if (back_up)
    g_assert_true (ledger_store_backup_daily (second, today, &error));
  g_assert_no_error (error);
  g_clear_object (&second);
  damage (second_path);
  return g_steal_pointer (&second_path);
}

/* The second of two ledgers in one folder is damaged and has no backup of
 * its own: the first's is never offered in its place. */
static void
test_two_ledgers_no_backup (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *second = NULL;
  AdwMessageDialog *dialog;

  second = make_two_ledgers (fixture, FALSE);
  g_free (fixture->path);
  fixture->path = g_steal_pointer (&second);
  dialog = open_and_expect_dialog (fixture, _("The Ledger Is Damaged"));
  g_assert_false (adw_message_dialog_has_response (dialog, "backup"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "new");
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "open-damaged-no-own-backup");
}

/* With a backup of its own, that is the latest offered and opened: the
 * second ledger's figures, not the first's. */
static void
test_two_ledgers_own_backup (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(LedgerStore) recovered = NULL;
  g_autoptr(LedgerValue) value = NULL;
  g_autofree char *second = NULL;
  AdwMessageDialog *dialog;

  second = make_two_ledgers (fixture, TRUE);
  g_free (fixture->path);
  fixture->path = g_steal_pointer (&second);
  dialog = open_and_expect_dialog (fixture, _("The Ledger Is Damaged"));
  g_assert_true (adw_message_dialog_has_response (dialog, "backup"));
  adw_message_dialog_response (dialog, "backup");
  ledger_test_ui_wait (200);
  g_assert_nonnull (ledger_test_ui_find_window (LEDGER_TYPE_WINDOW));

  /* The copy that was opened, beside the damaged ledger, holds 7.7. */
  backups = find_recovered (fixture->dir);
  g_assert_cmpuint (backups->len, ==, 1);
  recovered = ledger_store_open (g_ptr_array_index (backups, 0), NULL);
  g_assert_nonnull (recovered);
  value = ledger_store_get_value (recovered, test_indicator_id (recovered, "changzhi-2026", "gdp-growth"),
                                  "2026-Q1");
  g_assert_nonnull (value);
  g_assert_cmpfloat (ledger_value_get_number (value), ==, 7.7);
}

/* A ledger opened in the window is backed up once a day, in a worker
 * thread, while the window shows. */
static void
test_daily_backup (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) backups = NULL;

  g_object_unref (make_ledger (fixture));
  ledger_application_open_ledger (ledger_test_ui_get_app (), fixture->path);
  g_assert_nonnull (ledger_test_ui_find_window (LEDGER_TYPE_WINDOW));
  for (guint i = 0; i < 200; i++)
    {
      g_clear_pointer (&backups, g_ptr_array_unref);
      backups = ledger_store_list_backups_of (fixture->path);
      if (backups->len > 0)
        break;
      ledger_test_ui_wait (25);
    }
  g_assert_cmpuint (backups->len, ==, 1);
}

/* From a newer version: refused and left alone. */
static void
test_too_new (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(LedgerStore) store = make_ledger (fixture);
  sqlite3 *db;

  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  open_and_expect_dialog (fixture, _("The Ledger Is From a Newer Version"));
}

/* Locked by another program: try again once it lets go. */
static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LedgerStore) store = make_ledger (fixture);
  AdwMessageDialog *dialog;
  sqlite3 *db;

  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  dialog = open_and_expect_dialog (fixture, _("The Ledger Is in Use"));
  g_assert_true (adw_message_dialog_has_response (dialog, "retry"));
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "open-locked");

  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  adw_message_dialog_response (dialog, "retry");
  ledger_test_ui_wait (200);
  g_assert_nonnull (ledger_test_ui_find_window (LEDGER_TYPE_WINDOW));
}

int
main (int   argc,
      char *argv[])
{
  ledger_test_ui_init (&argc, &argv);

  g_test_add ("/recovery/not-a-ledger", Fixture, NULL, fixture_set_up, test_not_a_ledger, fixture_tear_down);
  g_test_add ("/recovery/damaged-with-backup", Fixture, NULL, fixture_set_up, test_damaged_with_backup,
              fixture_tear_down);
  g_test_add ("/recovery/two-ledgers-no-backup", Fixture, NULL, fixture_set_up, test_two_ledgers_no_backup,
              fixture_tear_down);
  g_test_add ("/recovery/two-ledgers-own-backup", Fixture, NULL, fixture_set_up, test_two_ledgers_own_backup,
              fixture_tear_down);
  g_test_add ("/recovery/daily-backup", Fixture, NULL, fixture_set_up, test_daily_backup, fixture_tear_down);
  g_test_add ("/recovery/too-new", Fixture, NULL, fixture_set_up, test_too_new, fixture_tear_down);
  g_test_add ("/recovery/locked", Fixture, NULL, fixture_set_up, test_locked, fixture_tear_down);

  return ledger_test_ui_run ();
}
