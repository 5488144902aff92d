/* ledger-store.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <sqlite3.h>
#include <unistd.h>

#include "ledger-area.h"
#include "ledger-store-resources.h"
#include "ledger-plan-file.h"
#include "ledger-status.h"
#include "ledger-store-private.h"
#include "ledger-task.h"

/* The ledger: one SQLite file. All SQL of the application lives in the
 * store, as prepared statements with bound values. Every write is one
 * transaction and is followed, once committed, by a signal the views
 * update from. This file holds the file itself: opening, the schema and
 * its migrations, the change log and the check. */

G_DEFINE_FINAL_TYPE (LedgerStore, ledger_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (ledger-store-error-quark, ledger_store_error)

enum {
  VALUES_CHANGED,
  PLANS_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

enum {
  PROP_0,
  PROP_ONLINE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* How long a connection waits for another one's write to end. */
#define BUSY_TIMEOUT_MS 3000

static LedgerStoreError
error_code_for (int rc)
{
  if (rc == STORE_OFFLINE || rc == STORE_COMMIT_UNKNOWN)
    return LEDGER_STORE_ERROR_OFFLINE;
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB: return LEDGER_STORE_ERROR_NOT_A_LEDGER;
    case SQLITE_CORRUPT: return LEDGER_STORE_ERROR_CORRUPT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return LEDGER_STORE_ERROR_LOCKED;
    case SQLITE_READONLY: return LEDGER_STORE_ERROR_READ_ONLY;
    case SQLITE_CONSTRAINT: return LEDGER_STORE_ERROR_INVALID;
    default: return LEDGER_STORE_ERROR_FAILED;
    }
}

gboolean
store_set_error (LedgerStore  *self,
                  int           rc,
                  GError      **error)
{
  LedgerStoreError code = error_code_for (rc);
  const char *name = self->display != NULL ? self->display : self->path;
  const char *detail = self->server != NULL ? ledger_server_last_error (self->server)
                     : self->db != NULL ? store_error_detail (self) : sqlite3_errstr (rc);

  switch (code)
    {
    case LEDGER_STORE_ERROR_NOT_A_LEDGER:
      g_set_error (error, LEDGER_STORE_ERROR, code,
                   _("“%s” is not a ledger file"), name);
      break;
    case LEDGER_STORE_ERROR_CORRUPT:
      g_set_error (error, LEDGER_STORE_ERROR, code,
                   _("The ledger “%s” is damaged (%s)"), name, detail);
      break;
    case LEDGER_STORE_ERROR_LOCKED:
      if (self->server != NULL)
        g_set_error (error, LEDGER_STORE_ERROR, code,
                     _("Another desk is saving to the ledger %s. Nothing was saved: try again in a moment."),
                     name);
      else if (self->no_wait)
        g_set_error_literal (error, LEDGER_STORE_ERROR, code,
                             _("Another program is writing to the ledger. Nothing was saved: "
                               "try again in a moment."));
      else
        g_set_error (error, LEDGER_STORE_ERROR, code,
                     _("The ledger “%s” is in use by another program"), name);
      break;
    case LEDGER_STORE_ERROR_READ_ONLY:
      g_set_error (error, LEDGER_STORE_ERROR, code,
                   _("The ledger “%s” cannot be written to"), name);
      break;
    case LEDGER_STORE_ERROR_OFFLINE:
      if (rc == STORE_COMMIT_UNKNOWN)
        g_set_error (error, LEDGER_STORE_ERROR, code,
                     _("The connection to the office server (%s) was lost while it was saving: whether "
                       "it saved this is not known. Look at the ledger before trying again (%s)"),
                     name, detail);
      else
        g_set_error (error, LEDGER_STORE_ERROR, code,
                     _("The connection to the office server (%s) was lost. Nothing was saved: "
                       "try again once it is back (%s)"), name, detail);
      break;
    default:
      g_set_error (error, LEDGER_STORE_ERROR, code,
                   _("The ledger “%s” could not be used: %s"), name, detail);
      break;
    }
  return FALSE;
}

/* Returns: (transfer none): the cached statement for @sql, reset and with
 * no bindings, or %NULL with @error set */
StoreStatement *
store_prepare (LedgerStore  *self,
               const char   *sql,
               GError      **error)
{
  StoreStatement *stmt = g_hash_table_lookup (self->statements, sql);
  sqlite3_stmt *lite = NULL;
  int rc;

  if (stmt != NULL)
    {
      store_reset (stmt);
      store_clear_bindings (stmt);
      return stmt;
    }

  if (self->server != NULL)
    stmt = store_statement_new_server (self->server, sql);
  else
    {
      g_assert (self->db != NULL);
      rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &lite, NULL);
      if (rc != SQLITE_OK)
        {
          store_set_error (self, rc, error);
          return NULL;
        }
      stmt = store_statement_new_lite (lite);
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* Steps a statement that returns no rows, or whose rows are ignored. */
gboolean
store_run (LedgerStore     *self,
           StoreStatement  *stmt,
           GError         **error)
{
  int rc;

  while ((rc = store_step (stmt)) == SQLITE_ROW)
    ;
  store_reset (stmt);
  if (rc != SQLITE_DONE)
    return store_set_error (self, rc, error);
  return TRUE;
}

gboolean
store_exec (LedgerStore  *self,
            const char   *sql,
            GError      **error)
{
  StoreStatement *stmt = store_prepare (self, sql, error);

  return stmt != NULL && store_run (self, stmt, error);
}

/* Runs a script of several statements (a schema migration). */
static gboolean
exec_script (LedgerStore  *self,
             const char   *script,
             GError      **error)
{
  int rc = SQLITE_OK;

  if (self->server != NULL)
    {
      if (!ledger_server_run_script (self->server, script, &rc))
        return store_set_error (self, rc, error);
      return TRUE;
    }
  rc = sqlite3_exec (self->db, script, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return store_set_error (self, rc, error);
  return TRUE;
}

/* "2026-06-03 10:02": a row's time (UTC, ISO 8601) as the desk reads it,
 * in its own time zone; what cannot be read is given as it is. */
char *
store_time_words (const char *iso)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (iso);
}

/* The last error's own words, from SQLite or the server. */
const char *
store_error_detail (LedgerStore *self)
{
  if (self->server != NULL)
    return ledger_server_last_error (self->server);
  return self->db != NULL ? sqlite3_errmsg (self->db) : "";
}

/* The id the last INSERT gave its row. */
gint64
store_last_insert_id (LedgerStore *self)
{
  StoreStatement *stmt;
  gint64 id = 0;

  if (self->server == NULL)
    return sqlite3_last_insert_rowid (self->db);
  stmt = store_prepare (self, "SELECT lastval ()", NULL);
  if (stmt != NULL && store_step (stmt) == SQLITE_ROW)
    id = store_column_int64 (stmt, 0);
  if (stmt != NULL)
    store_reset (stmt);
  return id;
}

/* How many rows the last INSERT, UPDATE or DELETE changed. */
gint64
store_changes (LedgerStore *self)
{
  if (self->server != NULL)
    return ledger_server_last_changes (self->server);
  return sqlite3_changes (self->db);
}

/* Whether a transaction is open on the connection. */
gboolean
store_in_transaction (LedgerStore *self)
{
  if (self->server != NULL)
    return ledger_server_in_transaction (self->server);
  return !sqlite3_get_autocommit (self->db);
}

gboolean
store_begin (LedgerStore  *self,
             GError      **error)
{
  if (self->server != NULL)
    return store_server_begin (self, error);
  return store_exec (self, "BEGIN IMMEDIATE", error);
}

static void
end_transaction (LedgerStore *self)
{
  g_clear_pointer (&self->transaction_at, g_free);
  g_hash_table_remove_all (self->rules_cache);
  g_hash_table_remove_all (self->change_sets);
}

gboolean
store_commit (LedgerStore  *self,
              GError      **error)
{
  if (!store_exec (self, "COMMIT", error))
    return FALSE;
  end_transaction (self);
  store_undo_commit (self);
  return TRUE;
}

void
store_rollback (LedgerStore *self)
{
  if (store_in_transaction (self))
    store_exec (self, "ROLLBACK", NULL);
  end_transaction (self);
  store_undo_rollback (self);
}

/**
 * ledger_store_begin_read:
 *
 * Starts a read transaction: until ledger_store_end_read(), every read
 * sees the ledger as it was at the first one, and many reads take the
 * file's lock once instead of once each.
 */
gboolean
ledger_store_begin_read (LedgerStore  *self,
                         GError      **error)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  if (self->server != NULL)
    return store_exec (self, "BEGIN ISOLATION LEVEL REPEATABLE READ", error);
  return store_exec (self, "BEGIN DEFERRED", error);
}

void
ledger_store_end_read (LedgerStore *self)
{
  g_return_if_fail (LEDGER_IS_STORE (self));
  if (store_in_transaction (self))
    store_exec (self, "COMMIT", NULL);
}

/* The time of the open transaction: all it writes happened at once. */
const char *
store_transaction_at (LedgerStore *self)
{
  if (self->transaction_at == NULL || !store_in_transaction (self))
    {
      g_free (self->transaction_at);
      self->transaction_at = store_now ();
    }
  return self->transaction_at;
}

static gboolean
read_user_version (LedgerStore  *self,
                   GError      **error)
{
  StoreStatement *stmt = store_prepare (self, "PRAGMA user_version", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = store_step (stmt);
  if (rc != SQLITE_ROW)
    {
      store_reset (stmt);
      return store_set_error (self, rc, error);
    }
  self->schema_version = store_column_int (stmt, 0);
  store_reset (stmt);
  return TRUE;
}

/* A database without our tables and without a version is only ours to take
 * if it is empty: any other SQLite file is someone else's. */
static gboolean
is_empty_database (LedgerStore  *self,
                   GError      **error)
{
  StoreStatement *stmt = store_prepare (self, "SELECT count(*) FROM sqlite_schema", error);
  gboolean empty;

  if (stmt == NULL)
    return FALSE;
  if (store_step (stmt) != SQLITE_ROW)
    {
      store_reset (stmt);
      return store_set_error (self, sqlite3_errcode (self->db), error);
    }
  empty = store_column_int (stmt, 0) == 0;
  store_reset (stmt);
  if (!empty)
    g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_NOT_A_LEDGER,
                 _("“%s” is an SQLite database, but not a ledger"), self->path);
  return empty;
}

/* Runs the script schema/@name of the store's resources. */
gboolean
store_run_resource_script (LedgerStore  *self,
                           const char   *name,
                           GError      **error)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX "/schema/", name, NULL);
  g_autoptr(GBytes) script = NULL;

  script = g_resource_lookup_data (ledger_store_resources_get_resource (), path, 0, error);
  if (script == NULL)
    return FALSE;
  return exec_script (self, g_bytes_get_data (script, NULL), error);
}

/* Brings the schema to the current version, each step in the same
 * transaction: a failed migration leaves the file as it was. With
 * @back_up, a ledger of an older version is backed up first, as that
 * version wrote it. */
gboolean
store_migrate (LedgerStore  *self,
               gboolean      back_up,
               GError      **error)
{
  if (!read_user_version (self, error))
    return FALSE;
  if (self->schema_version == LEDGER_STORE_SCHEMA_VERSION)
    return TRUE;
  if (back_up && self->schema_version > 0 && !store_backup_before_migration (self, error))
    return FALSE;
  if (!store_begin (self, error))
    return FALSE;
  if (!read_user_version (self, error) ||
      (self->schema_version == 0 && !is_empty_database (self, error)))
    goto failed;

  /* Each migration script ends by setting user_version to its number. */
  for (int version = self->schema_version + 1; version <= LEDGER_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *name = g_strdup_printf ("%d.sql", version);

      if (!store_run_resource_script (self, name, error) || !read_user_version (self, error))
        goto failed;
      g_assert (self->schema_version == version);
    }
  if (!store_commit (self, error) || !read_user_version (self, error))
    goto failed;
  return TRUE;

failed:
  store_rollback (self);
  return FALSE;
}

/* A damaged ledger is refused before anything is written to it. */
static gboolean
quick_check (LedgerStore  *self,
             GError      **error)
{
  StoreStatement *stmt = store_prepare (self, "PRAGMA quick_check", error);
  gboolean ok;
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = store_step (stmt);
  ok = rc == SQLITE_ROW && g_strcmp0 (store_column_text (stmt, 0), "ok") == 0;
  store_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return store_set_error (self, rc, error);
  if (!ok)
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CORRUPT,
                   _("The ledger “%s” is damaged"), self->path);
      return FALSE;
    }
  return TRUE;
}

/* Up to 64 MiB of pages: an import of 100 000 values keeps its pages in
 * memory until it commits, instead of writing them out twice. */
static gboolean
set_pragmas (LedgerStore  *self,
             GError      **error)
{
  return store_exec (self, "PRAGMA journal_mode = WAL", error) &&
         store_exec (self, "PRAGMA synchronous = FULL", error) &&
         store_exec (self, "PRAGMA foreign_keys = ON", error) &&
         store_exec (self, "PRAGMA cache_size = -65536", error);
}

/* What a connection that only reads needs of the pragmas. */
static gboolean
set_reading_pragmas (LedgerStore  *self,
                     GError      **error)
{
  return store_exec (self, "PRAGMA foreign_keys = ON", error) &&
         store_exec (self, "PRAGMA cache_size = -65536", error);
}

/* A file from elsewhere is compared with a ledger's schema before
 * anything reads it as one. Opened for reading, the differences are kept
 * for the check to report; otherwise they refuse the file. */
static gboolean
verify_schema (LedgerStore           *self,
               LedgerStoreOpenFlags   flags,
               GError               **error)
{
  g_autoptr(GPtrArray) differences = store_schema_differences (self->db, self->schema_version);

  if (differences->len == 0)
    return TRUE;
  if (flags & LEDGER_STORE_OPEN_READ_ONLY)
    {
      self->schema_problems = g_steal_pointer (&differences);
      return TRUE;
    }
  store_schema_error (self->path, differences, error);
  return FALSE;
}

static gboolean
refuse_read_only (LedgerStore  *self,
                  GError      **error)
{
  if (self->schema_version == 0)
    return store_set_error (self, SQLITE_READONLY, error);
  g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_READ_ONLY,
               _("The ledger “%s” was written by an older version of Target Ledger and cannot be "
                 "brought up to date, because it cannot be written to"), self->path);
  return FALSE;
}

/* Nothing is written to the file before it is known to be a ledger (or
 * empty): someone else's database is refused as it was found. A ledger
 * another store of this program has checked (and migrated) is taken as
 * it is, if it is still at the current version. */
static gboolean
configure (LedgerStore           *self,
           LedgerStoreOpenFlags   flags,
           GError               **error)
{
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if (!read_user_version (self, error))
    return FALSE;
  if ((flags & LEDGER_STORE_OPEN_CHECKED) && self->schema_version != LEDGER_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_FAILED,
                   _("The ledger “%s” was changed by another program"), self->path);
      return FALSE;
    }
  if (flags & LEDGER_STORE_OPEN_CHECKED)
    return self->read_only ? set_reading_pragmas (self, error) : set_pragmas (self, error);
  if (self->schema_version > LEDGER_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_TOO_NEW,
                   _("The ledger “%s” was written by a newer version of Target Ledger"),
                   self->path);
      return FALSE;
    }
  if (self->schema_version == 0 && !is_empty_database (self, error))
    return FALSE;
  if (self->schema_version > 0 && (!quick_check (self, error) || !verify_schema (self, flags, error)))
    return FALSE;
  if (sqlite3_db_readonly (self->db, "main") == 1)
    self->read_only = TRUE;
  if (self->read_only && self->schema_version != LEDGER_STORE_SCHEMA_VERSION)
    return refuse_read_only (self, error);
  if (self->read_only)
    return set_reading_pragmas (self, error);

  if (!set_pragmas (self, error) || !store_migrate (self, TRUE, error))
    return FALSE;
  store_drop_unlinked_blobs (self);
  return TRUE;
}

/* Creates a missing ledger file as an empty file readable only by its
 * owner, so that SQLite and its WAL files inherit those permissions. */
static gboolean
create_file (const char  *path,
             GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the ledger “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  if (fd >= 0)
    close (fd);
  return TRUE;
}

static void
ledger_store_finalize (GObject *object)
{
  LedgerStore *self = LEDGER_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->rules_cache, g_hash_table_unref);
  g_clear_pointer (&self->change_sets, g_hash_table_unref);
  g_free (self->transaction_at);
  g_clear_pointer (&self->undo_pending, g_ptr_array_unref);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->undo_pending_keys, g_hash_table_unref);
  g_clear_pointer (&self->schema_problems, g_ptr_array_unref);
  store_set_job (self, NULL, NULL);
  if (self->db != NULL)
    sqlite3_close (g_steal_pointer (&self->db));
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_pointer (&self->server, ledger_server_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->display, g_free);

  G_OBJECT_CLASS (ledger_store_parent_class)->finalize (object);
}

static void
ledger_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LedgerStore *self = LEDGER_STORE (object);

  switch (prop_id)
    {
    case PROP_ONLINE:
      g_value_set_boolean (value, ledger_store_is_online (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_store_class_init (LedgerStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ledger_store_finalize;
  object_class->get_property = ledger_store_get_property;

  /**
   * LedgerStore:online:
   *
   * %FALSE while the connection to the office's server is lost (the store
   * tries again by itself); always %TRUE for a ledger file.
   */
  properties [PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LedgerStore::values-changed:
   * @indicator_id: the indicator whose values changed, or 0 for many
   *
   * Emitted after a write of values has been committed.
   */
  signals [VALUES_CHANGED] =
    g_signal_new ("values-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * LedgerStore::plans-changed:
   *
   * Emitted after plans were added, changed or removed.
   */
  signals [PLANS_CHANGED] =
    g_signal_new ("plans-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ledger_store_init (LedgerStore *self)
{
  self->may_copy = -1;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, store_statement_free);
  self->rules_cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, store_rules_free);
  self->change_sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  store_undo_init (self);
}

/* Returns: (transfer full): $XDG_DATA_HOME/target-ledger/ledger.sqlite3 */
char *
ledger_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "target-ledger", "ledger.sqlite3", NULL);
}

/**
 * ledger_store_open:
 * @path: the ledger file; created if it does not exist
 *
 * Opens a ledger and brings its schema up to date. A file that is not a
 * ledger, a damaged one, one from a newer version, one changed outside
 * the program and one held locked by another program are refused with an
 * error and left untouched. A ledger that cannot be written (a read-only
 * file, folder or medium) is opened for reading: see
 * ledger_store_is_read_only().
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
LedgerStore *
ledger_store_open (const char  *path,
                   GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  return ledger_store_open_full (path, LEDGER_STORE_OPEN_DEFAULT, error);
}

/**
 * ledger_store_open_checked:
 * @path: a ledger another store of this program has opened
 *
 * Opens another connection to a ledger that ledger_store_open() has
 * checked and brought up to date, as a worker thread does for each job:
 * without reading the whole file again.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
LedgerStore *
ledger_store_open_checked (const char  *path,
                           GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  return ledger_store_open_full (path, LEDGER_STORE_OPEN_CHECKED, error);
}

static gboolean
can_write (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  return g_access (path, W_OK) == 0 && g_access (folder, W_OK | X_OK) == 0;
}

/* A ledger once opened while it was read-only (by an older version) may
 * have left its write-ahead log and shared memory file read-only too,
 * which would keep it read-only for good: they are SQLite's working files,
 * ours to repair. */
static void
repair_working_files (const char *path)
{
  static const char *suffixes[] = { "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      GStatBuf info;

      if (g_lstat (file, &info) == 0 && S_ISREG (info.st_mode) && info.st_uid == getuid () &&
          g_access (file, W_OK) != 0)
        g_chmod (file, 0600);
    }
}

/* For reading only: a ledger without a write-ahead log is opened as
 * immutable, so that not even SQLite's shared memory file is created
 * beside it (a read-only folder allows none, and one made while the
 * ledger is read-only would outlive that). */
static char *
read_only_uri (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf info;
  gboolean has_log = g_stat (wal, &info) == 0 && info.st_size > 0;

  if (uri == NULL)
    return NULL;
  return g_strconcat (uri, has_log ? "?mode=ro" : "?mode=ro&immutable=1", NULL);
}

static gboolean
open_connection (LedgerStore  *self,
         GError      **error)
{
  g_autofree char *uri = NULL;
  int rc;

  if (!self->read_only)
    rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  else if ((uri = read_only_uri (self->path)) != NULL)
    rc = sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW, NULL);
  else
    rc = SQLITE_CANTOPEN;
  if (rc == SQLITE_OK && !store_harden_connection (self->db))
    rc = SQLITE_ERROR;
  if (rc != SQLITE_OK)
    return store_set_error (self, rc, error);
  sqlite3_extended_result_codes (self->db, TRUE);
  return TRUE;
}

/**
 * ledger_store_open_full:
 * @path: the ledger file
 * @flags: how to open it
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
LedgerStore *
ledger_store_open_full (const char            *path,
                        LedgerStoreOpenFlags   flags,
                        GError               **error)
{
  g_autoptr(LedgerStore) self = NULL;
  gboolean exists;

  g_return_val_if_fail (path != NULL, NULL);

  if (ledger_store_is_server_location (path))
    return store_open_on_server (path, flags, error);
  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (!exists && (flags & LEDGER_STORE_OPEN_READ_ONLY))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no ledger “%s”"), path);
      return NULL;
    }
  if (!exists && !create_file (path, error))
    return NULL;

  self = g_object_new (LEDGER_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->display = g_strdup (path);
  self->read_only = (flags & LEDGER_STORE_OPEN_READ_ONLY) || !can_write (path);
  if (!self->read_only)
    repair_working_files (path);
  if (!open_connection (self, error) || !configure (self, flags, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * ledger_store_set_waits_for_locks:
 * @waits: whether a write (or, rarely, a read) waits while another
 *   connection writes the ledger
 *
 * A store waits up to 3 seconds by default: the command line and the
 * workers do. The window's store does not wait at all: its thread must
 * never stop. A write it cannot make at once then fails with
 * %LEDGER_STORE_ERROR_LOCKED, having written nothing; a multi-row write
 * belongs on a worker anyway (ledger-worker.c), which waits.
 */
void
ledger_store_set_waits_for_locks (LedgerStore *self,
                                  gboolean     waits)
{
  g_return_if_fail (LEDGER_IS_STORE (self));

  self->no_wait = !waits;
  /* On the server, a write's lock is tried or waited for as it begins
   * (store_server_begin()). */
  if (self->db != NULL)
    sqlite3_busy_timeout (self->db, waits ? BUSY_TIMEOUT_MS : 0);
}

/**
 * ledger_store_is_read_only:
 *
 * Returns: whether the ledger is open for reading only: its file, folder
 *   or medium cannot be written, or it was opened so
 */
gboolean
ledger_store_is_read_only (LedgerStore *self)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), TRUE);
  return self->read_only;
}

/* Returns: how many ways the ledger's schema differs from a ledger's, if
 * it was opened for reading all the same */
guint
ledger_store_count_schema_problems (LedgerStore *self)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), 0);
  return self->schema_problems != NULL ? self->schema_problems->len : 0;
}

const char *
ledger_store_get_path (LedgerStore *self)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);
  return self->path;
}

/**
 * ledger_store_get_display_name:
 *
 * Returns: the ledger's path, or for a ledger on the office's server, its
 *   database and host without the password: for titles and messages
 */
const char *
ledger_store_get_display_name (LedgerStore *self)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);
  return self->display;
}

int
ledger_store_get_schema_version (LedgerStore *self)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), 0);
  return self->schema_version;
}

/* The name changes are recorded under (the "by" of the change log). */
const char *
ledger_store_get_user_name (LedgerStore *self)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);
  return store_user ();
}

/* The local time zone is read once: GLib reads /etc/localtime again for
 * every g_date_time_new_now_local(), a fifth of an import's time. */
char *
store_now (void)
{
  static GTimeZone *local;
  g_autoptr(GDateTime) now = NULL;

  if (g_once_init_enter (&local))
    g_once_init_leave (&local, g_time_zone_new_local ());
  now = g_date_time_new_now (local);

  return g_date_time_format_iso8601 (now);
}

/* The person recording: the account's real name, or its login name. */
const char *
store_user (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || name[0] == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();
  return name;
}

/**
 * store_change_set:
 * @id: (out): the change set
 *
 * The change set the open transaction's changes from @origin belong to:
 * made at the first of them, with the transaction's time and the user.
 */
gboolean
store_change_set (LedgerStore  *self,
                  const char   *origin,
                  gint64       *id,
                  GError      **error)
{
  gint64 *known = g_hash_table_lookup (self->change_sets, origin);
  StoreStatement *stmt;

  if (known != NULL && store_in_transaction (self))
    {
      *id = *known;
      return TRUE;
    }
  if ((stmt = store_prepare (self, "INSERT INTO change_sets (at, by, origin) VALUES (?, ?, ?)", error)) == NULL)
    return FALSE;
  store_bind_text (stmt, 1, store_transaction_at (self));
  store_bind_text (stmt, 2, store_user ());
  store_bind_text (stmt, 3, origin);
  if (!store_run (self, stmt, error))
    return FALSE;
  *id = store_last_insert_id (self);
  g_hash_table_insert (self->change_sets, g_strdup (origin), g_memdup2 (id, sizeof *id));
  return TRUE;
}

/* The integer id of the entity @kind (plan, task, otherwise indicator)
 * named by @uuid, or NULL if there is none (any more). */
#define ENTITY_ID(kind, uuid) \
  "CASE " kind " WHEN 'plan' THEN (SELECT id FROM plans WHERE uuid = " uuid ") " \
  "WHEN 'task' THEN (SELECT id FROM tasks WHERE uuid = " uuid ") " \
  "ELSE coalesce ((SELECT id FROM indicators WHERE uuid = " uuid "), " \
  "(SELECT id FROM tasks WHERE uuid = " uuid ")) END"

gboolean
store_log_change (LedgerStore  *self,
            const char   *action,
            const char   *entity,
            const char   *entity_uuid,
            const char   *period,
            const char   *old_json,
            const char   *new_json,
            const char   *origin,
            GError      **error)
{
  StoreStatement *stmt;
  gint64 change_set;

  if (!store_change_set (self, origin, &change_set, error) ||
      (stmt = store_prepare (self,
         "INSERT INTO changes (change_set, action, entity, entity_uuid, entity_id, period, old, new) "
         "VALUES (?1, ?2, ?3, ?4, " ENTITY_ID ("?3", "?4") ", ?5, ?6, ?7)", error)) == NULL)
    return FALSE;
  store_bind_int64 (stmt, 1, change_set);
  store_bind_text (stmt, 2, action);
  store_bind_text (stmt, 3, entity);
  store_bind_text (stmt, 4, entity_uuid);
  store_bind_text (stmt, 5, period);
  if (old_json != NULL)
    store_bind_text (stmt, 6, old_json);
  if (new_json != NULL)
    store_bind_text (stmt, 7, new_json);
  return store_run (self, stmt, error);
}

/* Returns: (transfer full): the change log of one indicator, task or plan
 * (by uuid), or of the whole ledger (%NULL), newest first */
GListModel *
ledger_store_list_changes (LedgerStore *self,
                           const char  *entity_uuid)
{
#define CHANGES_SELECT \
  "SELECT s.at, s.by, c.action, c.entity, c.period, c.old, c.new, s.origin, " \
  "coalesce (i.code, t.title, p.code, '') FROM changes c " \
  "JOIN change_sets s ON s.id = c.change_set " \
  "LEFT JOIN indicators i ON i.uuid = c.entity_uuid " \
  "LEFT JOIN tasks t ON t.uuid = c.entity_uuid " \
  "LEFT JOIN plans p ON p.uuid = c.entity_uuid "
  GListStore *changes = g_list_store_new (LEDGER_TYPE_CHANGE);
  StoreStatement *stmt;

  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);

  /* An entity's changes through the index of ids, checked by uuid. */
  if (entity_uuid == NULL)
    stmt = store_prepare (self, CHANGES_SELECT "ORDER BY c.id DESC", NULL);
  else
    stmt = store_prepare (self, CHANGES_SELECT
      "WHERE c.entity_id = (SELECT coalesce ((SELECT id FROM indicators WHERE uuid = ?1), "
      "(SELECT id FROM tasks WHERE uuid = ?1), (SELECT id FROM plans WHERE uuid = ?1))) "
      "AND c.entity_uuid = ?1 ORDER BY c.id DESC", NULL);
  if (stmt == NULL)
    return G_LIST_MODEL (changes);
  if (entity_uuid != NULL)
    store_bind_text (stmt, 1, entity_uuid);
  while (store_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(LedgerChange) change =
        ledger_change_new (store_column_text (stmt, 0), store_column_text (stmt, 1), store_column_text (stmt, 2),
                           store_column_text (stmt, 3), store_column_text (stmt, 4),
                           store_column_text_or_null (stmt, 5),
                           store_column_text_or_null (stmt, 6), store_column_text (stmt, 7));

      ledger_change_set_subject (change, store_column_text (stmt, 8));
      g_list_store_append (changes, change);
    }
  store_reset (stmt);
  return G_LIST_MODEL (changes);
#undef CHANGES_SELECT
}

guint
ledger_store_count_changes (LedgerStore *self)
{
  StoreStatement *stmt;
  guint count = 0;

  g_return_val_if_fail (LEDGER_IS_STORE (self), 0);

  if ((stmt = store_prepare (self, "SELECT count(*) FROM changes", NULL)) == NULL)
    return 0;
  if (store_step (stmt) == SQLITE_ROW)
    count = store_column_int (stmt, 0);
  store_reset (stmt);
  return count;
}

void
store_emit_values_changed (LedgerStore *self,
                           gint64       indicator_id)
{
  self->told |= STORE_TOLD_VALUES;
  if (self->server != NULL)
    store_tell_other_desks (self, indicator_id);
  g_signal_emit (self, signals [VALUES_CHANGED], 0, indicator_id);
}

void
store_emit_plans_changed (LedgerStore *self)
{
  self->told |= STORE_TOLD_PLANS;
  if (self->server != NULL)
    store_tell_other_desks (self, -1);
  g_signal_emit (self, signals [PLANS_CHANGED], 0);
}

/* What another desk committed, as the views hear of their own. */
void
store_signal_heard (LedgerStore *self,
                    gint64       indicator_id)
{
  if (indicator_id < 0)
    g_signal_emit (self, signals [PLANS_CHANGED], 0);
  else
    g_signal_emit (self, signals [VALUES_CHANGED], 0, indicator_id);
}

void
store_notify_online (LedgerStore *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ONLINE]);
}

/* The job @self runs for now (a worker's store), or %NULL, %NULL. */
void
store_set_job (LedgerStore       *self,
               LedgerJobProgress *progress,
               GCancellable      *cancellable)
{
  g_set_object (&self->job_progress, progress);
  g_set_object (&self->job_cancellable, cancellable);
}

/* A long step of the job @self runs for reports how far it has come.
 * Returns: %FALSE with @error set if the job was cancelled meanwhile */
gboolean
store_job_step (LedgerStore  *self,
                guint64       done,
                guint64       total,
                GError      **error)
{
  return ledger_job_progress_step (self->job_progress, done, total, self->job_cancellable, error);
}
