/* ledger-store-backup.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <unistd.h>

#include "ledger-store-private.h"

/* Backups: copies of the ledger made with SQLite's backup API, which
 * copies a consistent state even while the ledger is in use. They go into
 * a "backups" folder beside the ledger; the first start of each day makes
 * one, and the last 14 are kept. A backup is written to a temporary file
 * and renamed into place, so a backup file is always whole. */

#define KEEP_BACKUPS 14
#define DAILY_PREFIX "ledger-"

static gboolean
copy_database (sqlite3     *from,
               sqlite3     *to,
               const char  *path,
               GError     **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (to, "main", from, "main");
  int rc;

  if (backup == NULL)
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_FAILED,
                   _("Could not copy the ledger to “%s”: %s"), path, sqlite3_errmsg (to));
      return FALSE;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_FAILED,
                   _("Could not copy the ledger to “%s”: %s"), path, sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

/**
 * ledger_store_backup_to:
 * @path: the backup file to write; replaced whole if it exists
 *
 * Copies the ledger into @path, readable by its owner only.
 */
gboolean
ledger_store_backup_to (LedgerStore  *self,
                        const char   *path,
                        GError      **error)
{
  g_autofree char *temporary = g_strconcat (path, ".part", NULL);
  sqlite3 *backup = NULL;
  gboolean ok;
  int fd;

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  g_remove (temporary);
  if ((fd = g_open (temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write the backup “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  /* A backup is one self-contained file: no write-ahead log beside it. */
  ok = sqlite3_open_v2 (temporary, &backup, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
       copy_database (self->db, backup, path, error);
  if (ok && sqlite3_exec (backup, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    ok = FALSE;
  if (!ok && error != NULL && *error == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the backup “%s”: %s"), path,
                 backup != NULL ? sqlite3_errmsg (backup) : g_strerror (ENOMEM));
  if (backup != NULL)
    sqlite3_close (backup);
  if (ok && g_rename (temporary, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write the backup “%s”: %s"), path, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    g_remove (temporary);
  return ok;
}

static char *
backup_folder_of (const char *ledger_path)
{
  g_autofree char *folder = g_path_get_dirname (ledger_path);

  return g_build_filename (folder, "backups", NULL);
}

/* Returns: (transfer full): the folder of this ledger's backups */
char *
ledger_store_dup_backup_folder (LedgerStore *self)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);
  return backup_folder_of (self->path);
}

/* The time in a backup's name (ledger-2026-11-28, manual-2026-11-28-101500):
 * from its first four digits on. */
static const char *
time_in_name (const char *path)
{
  const char *name = strrchr (path, G_DIR_SEPARATOR);

  for (const char *c = name != NULL ? name + 1 : path; *c != '\0'; c++)
    {
      if (g_ascii_isdigit (c[0]) && g_ascii_isdigit (c[1]) && g_ascii_isdigit (c[2]) &&
          g_ascii_isdigit (c[3]) && c[4] == '-')
        return c;
    }
  return "";
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const char *path_a = *(const char **) a, *path_b = *(const char **) b;
  int by_time = strcmp (time_in_name (path_b), time_in_name (path_a));

  return by_time != 0 ? by_time : strcmp (path_b, path_a);
}

/**
 * ledger_store_list_backups:
 *
 * Returns: (transfer full) (element-type utf8): the paths of the ledger's
 *   backups, the newest first (by the time in their names), of every kind
 */
GPtrArray *
ledger_store_list_backups (LedgerStore *self)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);
  return ledger_store_list_backups_of (self->path);
}

/* The backups of the ledger at @ledger_path, which need not open: those
 * of a damaged ledger too. */
GPtrArray *
ledger_store_list_backups_of (const char *ledger_path)
{
  g_autofree char *folder = backup_folder_of (ledger_path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *backups = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".sqlite3"))
        g_ptr_array_add (backups, g_build_filename (folder, name, NULL));
    }
  g_ptr_array_sort (backups, compare_newest_first);
  return backups;
}

static gboolean
make_folder (const char  *folder,
             GError     **error)
{
  int saved_errno;

  if (g_mkdir_with_parents (folder, 0700) == 0)
    return TRUE;
  saved_errno = errno;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not create the folder “%s”: %s"), folder, g_strerror (saved_errno));
  return FALSE;
}

static void
prune_daily_backups (LedgerStore *self)
{
  g_autoptr(GPtrArray) backups = ledger_store_list_backups (self);
  guint kept = 0;

  for (guint i = 0; i < backups->len; i++)
    {
      const char *path = g_ptr_array_index (backups, i);
      g_autofree char *name = g_path_get_basename (path);

      if (!g_str_has_prefix (name, DAILY_PREFIX))
        continue;
      if (++kept > KEEP_BACKUPS)
        g_remove (path);
    }
}

/**
 * ledger_store_backup_daily:
 * @today: the date the backup is for
 *
 * Makes today's backup if there is none yet, and keeps the last 14 daily
 * backups. Returns: %FALSE with @error set if the backup failed
 */
gboolean
ledger_store_backup_daily (LedgerStore  *self,
                           GDateTime    *today,
                           GError      **error)
{
  g_autofree char *folder = ledger_store_dup_backup_folder (self);
  g_autofree char *date = g_date_time_format (today, "%Y-%m-%d");
  g_autofree char *name = g_strconcat (DAILY_PREFIX, date, ".sqlite3", NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!make_folder (folder, error))
    return FALSE;
  if (!ledger_store_backup_to (self, path, error))
    return FALSE;
  prune_daily_backups (self);
  return TRUE;
}

/* The user_version of @db, or -1. */
static int
read_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
is_whole (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  return ok;
}

/* A backup must be a whole ledger of a version this program reads, with
 * a ledger's schema and nothing else: a trigger planted in a backup would
 * otherwise come into the ledger with it. */
static sqlite3 *
open_backup (const char  *path,
             GError     **error)
{
  g_autoptr(GPtrArray) differences = NULL;
  sqlite3 *db = NULL;
  int version = -1;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL) == SQLITE_OK &&
      store_harden_connection (db))
    version = read_version (db);
  if (version < 1 || version > LEDGER_STORE_SCHEMA_VERSION || !is_whole (db))
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_NOT_A_LEDGER,
                   _("“%s” is not a whole ledger that this version can read"), path);
      sqlite3_close (db);
      return NULL;
    }
  differences = store_schema_differences (db, version);
  if (differences->len > 0)
    {
      store_schema_error (path, differences, error);
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

/**
 * ledger_store_backup_named:
 * @what: what the backup is for: "manual", "before-restore"…
 *
 * Backs the ledger up into its backups folder, named after @what and the
 * time: before-restore-2026-11-28-101500.sqlite3. Daily backups are pruned;
 * these are kept.
 *
 * Returns: (transfer full): the backup's path, or %NULL with @error set
 */
char *
ledger_store_backup_named (LedgerStore  *self,
                           const char   *what,
                           GError      **error)
{
  g_autofree char *folder = ledger_store_dup_backup_folder (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  g_autofree char *name = g_strconcat (what, "-", stamp, ".sqlite3", NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);

  if (!make_folder (folder, error))
    return NULL;
  if (!ledger_store_backup_to (self, path, error))
    return NULL;
  return g_steal_pointer (&path);
}

/* Before a migration changes the file, a copy of it as the older version
 * wrote it: if anything about the new version disappoints, it is there. */
gboolean
store_backup_before_migration (LedgerStore  *self,
                               GError      **error)
{
  g_autofree char *what = g_strdup_printf ("before-version-%d", LEDGER_STORE_SCHEMA_VERSION);
  g_autofree char *path = ledger_store_backup_named (self, what, error);

  return path != NULL;
}

/* Copies the open ledger @from over this one's contents. */
static gboolean
copy_into_ledger (LedgerStore  *self,
                  sqlite3      *from,
                  GError      **error)
{
  /* Cached statements would hold the old schema. */
  g_hash_table_remove_all (self->statements);
  return copy_database (from, self->db, self->path, error);
}

/* After a failed restore: the ledger as it was, saved in @before. */
static void
put_back (LedgerStore *self,
          const char  *before)
{
  sqlite3 *saved = open_backup (before, NULL);

  if (saved != NULL && copy_into_ledger (self, saved, NULL))
    store_migrate (self, FALSE, NULL);
  sqlite3_close (saved);
}

/**
 * ledger_store_restore_from:
 * @path: a backup
 * @safety_copy: (out) (optional) (transfer full): where the ledger as it
 *   was has been saved first
 *
 * Replaces the ledger's contents with the backup's, after saving the
 * ledger as it is into the backups folder. A file that is not a whole
 * ledger is refused and nothing changes. A backup of an older version is
 * brought up to date. Emits the change signals.
 */
gboolean
ledger_store_restore_from (LedgerStore  *self,
                           const char   *path,
                           char        **safety_copy,
                           GError      **error)
{
  g_autofree char *before = NULL;
  sqlite3 *backup;
  gboolean ok;

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Opened first: the safety copy may replace @path itself. */
  if ((backup = open_backup (path, error)) == NULL)
    return FALSE;
  ok = (before = ledger_store_backup_named (self, "before-restore", error)) != NULL &&
       copy_into_ledger (self, backup, error);
  sqlite3_close (backup);
  if (!ok)
    return FALSE;
  /* The backup is itself the copy of what an older version wrote. */
  if (!store_migrate (self, FALSE, error))
    {
      put_back (self, before);
      return FALSE;
    }

  store_undo_forget (self);
  store_undo_commit (self);
  if (safety_copy != NULL)
    *safety_copy = g_steal_pointer (&before);
  store_emit_plans_changed (self);
  store_emit_values_changed (self, 0);
  return TRUE;
}
