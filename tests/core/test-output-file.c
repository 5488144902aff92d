/* test-output-file.c: exports and backups never write over the ledger,
 * its files or its backups, nor onto what is not a regular file, however
 * the target is named
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ledger-output-file.h"
#include "ledger-package.h"
#include "ledger-report.h"
#include "ledger-store.h"
#include "ledger-xlsx-export.h"
#include "test-util.h"

typedef struct
{
  char        *dir;
  char        *path;
  LedgerStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 11, 28, 9, 0, 0);
  g_autoptr(GError) error = NULL;

  fixture->dir = test_tmp_dir_new ();
  fixture->path = g_build_filename (fixture->dir, "ledger.sqlite3", NULL);
  fixture->store = test_open_ledger (fixture->path);
  g_assert_true (ledger_store_backup_daily (fixture->store, today, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_free (fixture->path);
  test_tmp_dir_free (fixture->dir);
}

static char *
in_dir (Fixture    *fixture,
        const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static guint
count_entries (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* The bytes of the ledger as a reader of the file sees them. */
static char *
ledger_checksum (Fixture *fixture)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (fixture->path, &data, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

static mode_t
kind_of (const char *path)
{
  struct stat st;

  return g_lstat (path, &st) == 0 ? st.st_mode & S_IFMT : 0;
}

static void
expect_refused (gboolean     ok,
                GError      *error,
                int          code,
                const char  *target)
{
  g_assert_false (ok);
  test_assert_error_mentions (error, G_IO_ERROR, code, target);
}

static gboolean
write_report (Fixture     *fixture,
              const char  *target,
              GError     **error)
{
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (fixture->store, NULL);
  g_autoptr(LedgerContext) context = ledger_context_new (fixture->store);
  g_autoptr(LedgerReport) report = ledger_report_new (context, g_ptr_array_index (plans, 0));

  return ledger_report_write_pdf (report, target, error);
}

/* Every way of writing a file refuses @target with @code, and the ledger,
 * the target and the folders around it are as they were. */
static void
assert_refused (Fixture    *fixture,
                const char *target,
                int         code)
{
  g_autofree char *checksum = ledger_checksum (fixture);
  g_autofree char *backups = ledger_store_dup_backup_folder (fixture->store);
  guint entries = count_entries (fixture->dir);
  guint backup_entries = count_entries (backups);
  mode_t kind = kind_of (target);
  GError *error = NULL;
  g_autofree char *after = NULL;
  gboolean ok;

  ok = ledger_output_file_check (target, fixture->path, &error);
  expect_refused (ok, error, code, target);
  g_clear_error (&error);
  ok = ledger_output_file_write (target, fixture->path, "x", 1, &error);
  expect_refused (ok, error, code, target);
  g_clear_error (&error);
  ok = ledger_store_backup_to (fixture->store, target, &error);
  expect_refused (ok, error, code, target);
  g_clear_error (&error);
  ok = ledger_xlsx_export (fixture->store, NULL, NULL, target, &error);
  expect_refused (ok, error, code, target);
  g_clear_error (&error);
  ok = write_report (fixture, target, &error);
  expect_refused (ok, error, code, target);
  g_clear_error (&error);
  ok = ledger_package_export_to_file (fixture->store, "市统计局", NULL, NULL, target, &error);
  expect_refused (ok, error, code, target);
  g_clear_error (&error);

  after = ledger_checksum (fixture);
  g_assert_cmpstr (after, ==, checksum);
  g_assert_cmpuint (kind_of (target), ==, kind);
  g_assert_cmpuint (count_entries (fixture->dir), ==, entries);
  g_assert_cmpuint (count_entries (backups), ==, backup_entries);
}

/* The ledger by its own name, another spelling, a link of either kind. */
static void
test_ledger (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *symbolic = in_dir (fixture, "link.csv");
  g_autofree char *hard = in_dir (fixture, "hard.csv");
  g_autofree char *cwd = g_get_current_dir ();

  assert_refused (fixture, fixture->path, G_IO_ERROR_EXISTS);

  g_assert_cmpint (g_chdir (fixture->dir), ==, 0);
  assert_refused (fixture, "./ledger.sqlite3", G_IO_ERROR_EXISTS);
  assert_refused (fixture, "ledger.sqlite3", G_IO_ERROR_EXISTS);
  assert_refused (fixture, "backups/../ledger.sqlite3", G_IO_ERROR_EXISTS);
  g_assert_cmpint (g_chdir (cwd), ==, 0);

  g_assert_cmpint (symlink ("ledger.sqlite3", symbolic), ==, 0);
  assert_refused (fixture, symbolic, G_IO_ERROR_EXISTS);
  g_assert_cmpint (link (fixture->path, hard), ==, 0);
  assert_refused (fixture, hard, G_IO_ERROR_EXISTS);
}

/* SQLite's files beside the ledger, whether they exist now or not. */
static void
test_side_files (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (fixture->path, suffixes[i], NULL);

      assert_refused (fixture, side, G_IO_ERROR_EXISTS);
    }
}

/* Anything in the backups folder, and a backup wherever it is linked. */
static void
test_backups (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) backups = ledger_store_list_backups (fixture->store);
  g_autofree char *folder = ledger_store_dup_backup_folder (fixture->store);
  g_autofree char *in_folder = g_build_filename (folder, "export.sqlite3", NULL);
  g_autofree char *in_root = in_dir (fixture, "backups" G_DIR_SEPARATOR_S "export.csv");
  g_autofree char *other_ledger = in_dir (fixture, "backups" G_DIR_SEPARATOR_S "other.sqlite3"
                                          G_DIR_SEPARATOR_S "x.sqlite3");
  g_autofree char *hard = in_dir (fixture, "copy.sqlite3");

  g_assert_cmpuint (backups->len, ==, 1);
  assert_refused (fixture, g_ptr_array_index (backups, 0), G_IO_ERROR_EXISTS);
  assert_refused (fixture, in_folder, G_IO_ERROR_EXISTS);
  assert_refused (fixture, in_root, G_IO_ERROR_EXISTS);
  assert_refused (fixture, other_ledger, G_IO_ERROR_EXISTS);
  g_assert_cmpint (link (g_ptr_array_index (backups, 0), hard), ==, 0);
  assert_refused (fixture, hard, G_IO_ERROR_EXISTS);
}

/* A pipe, a folder, a link to a pipe: a rename would replace them. */
static void
test_not_regular (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *pipe = in_dir (fixture, "pipe.csv");
  g_autofree char *to_pipe = in_dir (fixture, "to-pipe.csv");
  g_autofree char *folder = in_dir (fixture, "folder.csv");

  g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);
  assert_refused (fixture, pipe, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpint (symlink (pipe, to_pipe), ==, 0);
  assert_refused (fixture, to_pipe, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  assert_refused (fixture, folder, G_IO_ERROR_IS_DIRECTORY);
  /* A device, where this system has one to try (not in every container). */
  if (kind_of ("/dev/zero") == S_IFCHR)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (ledger_output_file_check ("/dev/zero", NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
    }
}

/* What may be written is: a new file, an old one replaced whole, and the
 * file a link leads to, the link staying as it is. No temporary file is
 * left behind. */
static void
test_allowed (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *fresh = in_dir (fixture, "fresh.csv");
  g_autofree char *real = in_dir (fixture, "real.csv");
  g_autofree char *link_path = in_dir (fixture, "latest.csv");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  guint entries;

  test_write_file (real, "old", -1);
  g_assert_cmpint (symlink ("real.csv", link_path), ==, 0);
  entries = count_entries (fixture->dir);

  g_assert_true (ledger_output_file_write (fresh, fixture->path, "new", 3, &error));
  g_assert_no_error (error);
  g_assert_true (ledger_output_file_write (link_path, fixture->path, "newer", 5, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kind_of (link_path), ==, S_IFLNK);
  text = test_read_file (real, NULL);
  g_assert_cmpstr (text, ==, "newer");
  g_assert_cmpuint (count_entries (fixture->dir), ==, entries + 1);
  g_assert_true (ledger_store_backup_to (fixture->store, fresh, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_entries (fixture->dir), ==, entries + 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/output-file/ledger", Fixture, NULL, fixture_set_up, test_ledger, fixture_tear_down);
  g_test_add ("/output-file/side-files", Fixture, NULL, fixture_set_up, test_side_files, fixture_tear_down);
  g_test_add ("/output-file/backups", Fixture, NULL, fixture_set_up, test_backups, fixture_tear_down);
  g_test_add ("/output-file/not-regular", Fixture, NULL, fixture_set_up, test_not_regular, fixture_tear_down);
  g_test_add ("/output-file/allowed", Fixture, NULL, fixture_set_up, test_allowed, fixture_tear_down);

  return g_test_run ();
}
