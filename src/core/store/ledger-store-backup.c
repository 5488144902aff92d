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
#include <libpq-fe.h>
#include <unistd.h>

#include "ledger-output-file.h"
#include "ledger-server-location.h"
#include "ledger-store-private.h"

/* Backups: copies of the ledger made with SQLite's backup API, which
 * copies a consistent state even while the ledger is in use. Each ledger
 * has its own folder in the "backups" folder beside it, named after the
 * ledger's file (backups/ledger.sqlite3/), so that two ledgers in one
 * folder never see each other's backups; docs/backups.md tells the rules.
 * The first start of each day makes one, and the last 14 are kept. A
 * backup is written to a temporary file and renamed into place, so a
 * backup file is always whole, and a backup never takes another's name.
 *
 * A ledger on the office's server has no folder beside it: its backups
 * are ledger files, copies made with ledger_store_copy_to(), in a folder
 * of its own in this computer's data folder, named after its database
 * and host (never its password). Restoring one onto the server is its
 * administrator's business, not the program's. */

#define KEEP_BACKUPS 14
#define DAILY_PREFIX "daily-"
#define BACKUP_SUFFIX ".sqlite3"
/* The name an older version's ledger had by default, the only one that
 * is offered the backups it left directly in the backups folder. */
#define DEFAULT_LEDGER_NAME "ledger.sqlite3"
/* Enough for any number of backups made within one second. */
#define MAX_SAME_NAME 1000

/* Pages copied between two looks at the job's cancel and progress. */
#define COPY_STEP_PAGES 256

/* Copies @from into @to, in steps that @self's job follows and may
 * cancel; a copy stopped halfway leaves @to as it was. */
static gboolean
copy_database (LedgerStore  *self,
               sqlite3      *from,
               sqlite3      *to,
               const char   *path,
               GError      **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (to, "main", from, "main");
  gboolean cancelled = FALSE;
  int rc;

  if (backup == NULL)
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_FAILED,
                   _("Could not copy the ledger to “%s”: %s"), path, sqlite3_errmsg (to));
      return FALSE;
    }
  do
    {
      rc = sqlite3_backup_step (backup, COPY_STEP_PAGES);
      /* Once done, the copy has been committed: too late to cancel. */
      cancelled = rc == SQLITE_OK &&
                  !store_job_step (self, sqlite3_backup_pagecount (backup) - sqlite3_backup_remaining (backup),
                                   sqlite3_backup_pagecount (backup), error);
    }
  while (rc == SQLITE_OK && !cancelled);
  if (rc == SQLITE_DONE)
    ledger_job_progress_report (self->job_progress, sqlite3_backup_pagecount (backup),
                                sqlite3_backup_pagecount (backup));
  sqlite3_backup_finish (backup);
  if (cancelled)
    return FALSE;
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_FAILED,
                   _("Could not copy the ledger to “%s”: %s"), path, sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

/* Copies the ledger into @temporary, a new empty file. */
static gboolean
copy_into_file (LedgerStore  *self,
                const char   *temporary,
                const char   *path,
                GError      **error)
{
  sqlite3 *backup = NULL;
  gboolean ok;

  if (self->server != NULL)
    return store_copy_into_file (self, temporary, path, error);
  /* A backup is one self-contained file: no write-ahead log beside it. */
  ok = sqlite3_open_v2 (temporary, &backup, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
       copy_database (self, self->db, backup, path, error);
  if (ok && sqlite3_exec (backup, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    ok = FALSE;
  if (!ok && error != NULL && *error == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the backup “%s”: %s"), path,
                 backup != NULL ? sqlite3_errmsg (backup) : g_strerror (ENOMEM));
  if (backup != NULL)
    sqlite3_close (backup);
  return ok;
}

/* Writes a backup to @path; @ledger_path, if given, is the ledger that
 * @path must not harm (ledger_output_file_check()). */
static gboolean
write_backup (LedgerStore  *self,
              const char   *path,
              const char   *ledger_path,
              GError      **error)
{
  g_autoptr(LedgerOutputFile) file = ledger_output_file_begin (path, ledger_path, 0600, error);

  return file != NULL &&
         copy_into_file (self, ledger_output_file_get_temporary (file), path, error) &&
         ledger_output_file_finish (file, error);
}

/**
 * ledger_store_backup_to:
 * @path: the backup file to write; replaced whole if it exists
 *
 * Copies the ledger into @path, readable by its owner only. Like an export,
 * it never writes over the ledger, its files, its backups or anything that
 * is not a regular file (ledger_output_file_check()).
 */
gboolean
ledger_store_backup_to (LedgerStore  *self,
                        const char   *path,
                        GError      **error)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return write_backup (self, path, self->path, error);
}

/**
 * ledger_store_dup_backups_root_of:
 * @ledger_path: a ledger's file
 *
 * Returns: (transfer full): the "backups" folder beside the ledger, which
 *   holds the backups of every ledger in that folder, each in its own folder
 */
char *
ledger_store_dup_backups_root_of (const char *ledger_path)
{
  g_autofree char *folder = NULL;

  if (ledger_store_is_server_location (ledger_path))
    return g_build_filename (g_get_user_data_dir (), "target-ledger", "backups", NULL);
  folder = g_path_get_dirname (ledger_path);
  return g_build_filename (folder, "backups", NULL);
}

/* @text as a piece of a file name: letters, digits, '.', '_' and '-'. */
static void
append_safe (GString    *name,
             const char *text)
{
  gsize start = name->len;

  for (const char *c = text; *c != '\0'; c++)
    g_string_append_c (name, g_ascii_isalnum (*c) || *c == '.' || *c == '_' || *c == '-' ? *c : '_');
  /* "/run/postgresql" → "run_postgresql"; never "." or "..". */
  while (name->len > start && (name->str[start] == '_' || name->str[start] == '.'))
    g_string_erase (name, (gssize) start, 1);
}

/* server-ledger-db.office.lan, server-ledger-run_postgresql-5433: the
 * database, its host and its port, if given. */
static char *
server_folder_name (const char *location)
{
  PQconninfoOption *options = PQconninfoParse (location, NULL);
  GString *name = g_string_new ("server-");
  const char *host, *port;

  if (options == NULL)
    return g_string_free (name, FALSE);
  append_safe (name, ledger_server_location_option (options, "dbname") != NULL ? ledger_server_location_option (options, "dbname") : "");
  host = ledger_server_location_option (options, "host");
  port = ledger_server_location_option (options, "port");
  g_string_append_c (name, '-');
  append_safe (name, host != NULL ? host : "localhost");
  if (port != NULL)
    {
      g_string_append_c (name, '-');
      append_safe (name, port);
    }
  PQconninfoFree (options);
  return g_string_free (name, FALSE);
}

static char *
backup_folder_of (const char *ledger_path)
{
  g_autofree char *root = ledger_store_dup_backups_root_of (ledger_path);
  g_autofree char *name = ledger_store_is_server_location (ledger_path) ? server_folder_name (ledger_path)
                                                                        : g_path_get_basename (ledger_path);

  return g_build_filename (root, name, NULL);
}

/* Returns: (transfer full): the folder of this ledger's backups */
char *
ledger_store_dup_backup_folder (LedgerStore *self)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);
  return backup_folder_of (self->path);
}

/* The time in a backup's name (daily-2026-11-28, manual-2026-11-28-101500,
 * manual-2026-11-28-101500-2), as a key that sorts by it: a daily backup
 * counts as made at midnight, and -2 is after the name without. */
static char *
time_key (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  const char *stamp = NULL;
  size_t length;
  guint n = 1;

  for (const char *c = name; *c != '\0' && stamp == NULL; c++)
    {
      if (g_ascii_isdigit (c[0]) && g_ascii_isdigit (c[1]) && g_ascii_isdigit (c[2]) &&
          g_ascii_isdigit (c[3]) && c[4] == '-')
        stamp = c;
    }
  if (stamp == NULL)
    return g_strdup ("");
  length = strlen (stamp);
  length = length > 17 && stamp[10] == '-' && strspn (stamp + 11, "0123456789") == 6 ? 17 : MIN (length, 10);
  if (stamp[length] == '-')
    n = (guint) g_ascii_strtoull (stamp + length + 1, NULL, 10);
  return g_strdup_printf ("%.*s%s%08u", (int) length, stamp, length == 17 ? "" : "-000000", n);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const char *path_a = *(const char **) a, *path_b = *(const char **) b;
  g_autofree char *key_a = time_key (path_a);
  g_autofree char *key_b = time_key (path_b);
  int by_time = strcmp (key_b, key_a);

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

static void
add_backups_in (GPtrArray  *backups,
                const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (name[0] != '.' && g_str_has_suffix (name, BACKUP_SUFFIX) &&
          g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (backups, g_steal_pointer (&path));
    }
}

/* Whether @path starts as an SQLite database does. */
static gboolean
is_database (const char *path)
{
  static const char header[16] = "SQLite format 3";
  char start[sizeof header] = { 0 };
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  gboolean same;

  if (fd < 0)
    return FALSE;
  same = read (fd, start, sizeof start) == sizeof start && memcmp (start, header, sizeof header) == 0;
  close (fd);
  return same;
}

/* Whether another ledger may live beside @ledger_path: another file named
 * *.sqlite3, or any other SQLite database. */
static gboolean
has_other_ledger_beside (const char *ledger_path)
{
  g_autofree char *folder = g_path_get_dirname (ledger_path);
  g_autofree char *own = g_path_get_basename (ledger_path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_str_equal (name, own) || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      if (g_str_has_suffix (name, BACKUP_SUFFIX) || is_database (path))
        return TRUE;
    }
  return FALSE;
}

/* Older versions put the backups of every ledger of a folder directly in
 * its backups folder (ledger-2026-11-28.sqlite3, manual-…): offered only to
 * a ledger with the default name that is alone in its folder, the one
 * ledger they can have been made of. */
static gboolean
owns_shared_backups (const char *ledger_path)
{
  g_autofree char *name = NULL;

  if (ledger_store_is_server_location (ledger_path))
    return FALSE;
  name = g_path_get_basename (ledger_path);
  return g_str_equal (name, DEFAULT_LEDGER_NAME) && !has_other_ledger_beside (ledger_path);
}

/* The backups of the ledger at @ledger_path, which need not open: those
 * of a damaged ledger too. Only its own: see owns_shared_backups(). */
GPtrArray *
ledger_store_list_backups_of (const char *ledger_path)
{
  g_autofree char *folder = backup_folder_of (ledger_path);
  GPtrArray *backups = g_ptr_array_new_with_free_func (g_free);

  add_backups_in (backups, folder);
  if (owns_shared_backups (ledger_path))
    {
      g_autofree char *root = ledger_store_dup_backups_root_of (ledger_path);

      add_backups_in (backups, root);
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

/* Only this ledger's own daily backups: never another ledger's, nor those
 * an older version left in the shared folder. */
static void
prune_daily_backups (LedgerStore *self)
{
  g_autofree char *folder = ledger_store_dup_backup_folder (self);
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func (g_free);
  guint kept = 0;

  add_backups_in (backups, folder);
  g_ptr_array_sort (backups, compare_newest_first);
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

/* Takes a new name for a backup in @folder: @stem.sqlite3, or if that is
 * taken @stem-2.sqlite3, @stem-3.sqlite3… (at most @tries names). The file
 * is created empty with O_EXCL, so the name is this backup's alone even
 * when another program picks one in the same second; the backup is renamed
 * over it.
 *
 * Returns: (transfer full) (nullable): the path taken, or %NULL, with
 *   @error set unless every name was taken */
static char *
take_name (const char  *folder,
           const char  *stem,
           guint        tries,
           GError     **error)
{
  for (guint n = 1; n <= tries; n++)
    {
      g_autofree char *name = n == 1 ? g_strconcat (stem, BACKUP_SUFFIX, NULL) :
                                       g_strdup_printf ("%s-%u%s", stem, n, BACKUP_SUFFIX);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      int saved_errno = errno;

      if (fd >= 0)
        {
          close (fd);
          return g_steal_pointer (&path);
        }
      if (saved_errno != EEXIST)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not write the backup “%s”: %s"), path, g_strerror (saved_errno));
          return NULL;
        }
    }
  return NULL;
}

/* Backs the ledger up into its folder as @stem.sqlite3 (or -2…).
 * Returns: (transfer full) (nullable): the backup, or %NULL */
static char *
back_up_as (LedgerStore  *self,
            const char   *stem,
            guint         tries,
            GError      **error)
{
  g_autofree char *folder = ledger_store_dup_backup_folder (self);
  g_autofree char *path = NULL;

  if (!make_folder (folder, error) || (path = take_name (folder, stem, tries, error)) == NULL)
    return NULL;
  if (!write_backup (self, path, NULL, error))
    {
      g_remove (path);
      return NULL;
    }
  return g_steal_pointer (&path);
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
  g_autofree char *date = g_date_time_format (today, "%Y-%m-%d");
  g_autofree char *stem = g_strconcat (DAILY_PREFIX, date, NULL);
  g_autofree char *path = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);

  /* Only the one name: if it is taken, today's backup is made. */
  if ((path = back_up_as (self, stem, 1, &local_error)) == NULL && local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (path != NULL)
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
 * time: before-restore-2026-11-28-101500.sqlite3, or with -2, -3… if that
 * name is taken. Daily backups are pruned; these are kept.
 *
 * Returns: (transfer full): the backup's path, or %NULL with @error set
 */
char *
ledger_store_backup_named (LedgerStore  *self,
                           const char   *what,
                           GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  g_autofree char *stem = g_strconcat (what, "-", stamp, NULL);
  g_autoptr(GError) local_error = NULL;
  char *path;

  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);

  if ((path = back_up_as (self, stem, MAX_SAME_NAME, &local_error)) != NULL)
    return path;
  if (local_error == NULL)
    local_error = g_error_new (G_IO_ERROR, G_IO_ERROR_EXISTS, _("Could not write the backup “%s”: %s"),
                               stem, g_strerror (EEXIST));
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
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
  return copy_database (self, from, self->db, self->path, error);
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
 * brought up to date. A backup that would change a figure of a month the
 * ledger has closed is refused, naming the months; the months closed stay
 * closed. Emits the change signals.
 */
gboolean
ledger_store_restore_from (LedgerStore  *self,
                           const char   *path,
                           char        **safety_copy,
                           GError      **error)
{
  g_autofree char *before = NULL;
  g_autoptr(GPtrArray) closed = NULL;
  sqlite3 *backup;
  gboolean ok;

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->server != NULL)
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_FAILED,
                   _("The ledger %s is on the office server: restoring it from a backup is the server "
                     "administrator’s business. Open the backup as a ledger file to read it"), self->display);
      return FALSE;
    }
  /* Checked first: a backup that is refused costs no safety copy. */
  if ((backup = open_backup (path, error)) == NULL)
    return FALSE;
  ok = store_restore_check_closed (self, backup, &closed, error) &&
       (before = ledger_store_backup_named (self, "before-restore", error)) != NULL &&
       copy_into_ledger (self, backup, error);
  sqlite3_close (backup);
  if (!ok)
    return FALSE;
  self->told |= STORE_TOLD_REPLACED;
  /* The backup is itself the copy of what an older version wrote. */
  if (!store_migrate (self, FALSE, error) || !store_restore_keep_closed (self, closed, error))
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
