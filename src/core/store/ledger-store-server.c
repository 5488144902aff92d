/* ledger-store-server.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-server-location.h"
#include "ledger-store-private.h"

/* The store on the office's server (docs/server.md): where a location is a
 * server's, what it is called without its password, and whether the
 * connection is up. */

/* Whether @location starts as libpq's "key=value …" does: a word, then
 * '=' (spaces allowed around it). A file whose name starts so is written
 * "./name". */
static gboolean
starts_with_keyword (const char *location)
{
  const char *after = location;

  while (g_ascii_isalpha (*after) || *after == '_')
    after++;
  if (after == location)
    return FALSE;
  while (*after == ' ')
    after++;
  return *after == '=';
}

/* Returns: whether @location names a server: a postgresql:// URI or a
 * libpq "key=value …" string, never a file's path. A mistyped one
 * ("host=… prot=5432") is still a server's, so that opening it fails
 * with libpq's words instead of making a file of that name. */
gboolean
ledger_store_is_server_location (const char *location)
{
  g_return_val_if_fail (location != NULL, FALSE);

  /* "postgresql:/db" (one slash) too: libpq says what is wrong with it. */
  if (g_str_has_prefix (location, "postgresql:") || g_str_has_prefix (location, "postgres:"))
    return TRUE;
  return starts_with_keyword (location);
}

/* Returns: (transfer full): "ledger on db.office.lan as wang": a server's
 * location without its password, or a file's path as it is */
char *
ledger_store_describe_location (const char *location)
{
  PQconninfoOption *options;
  const char *dbname, *host, *user;
  char *described;

  g_return_val_if_fail (location != NULL, NULL);

  if (!ledger_store_is_server_location (location))
    return g_strdup (location);
  /* Never the location as written: it may hold a password. */
  if (!ledger_server_location_check (location, NULL) || (options = PQconninfoParse (location, NULL)) == NULL)
    return g_strdup (_("a server location that cannot be read"));
  dbname = ledger_server_location_option (options, "dbname");
  host = ledger_server_location_option (options, "host");
  user = ledger_server_location_option (options, "user");
  if (host == NULL || host[0] == '/')
    host = _("this computer");
  if (user != NULL)
    /* Translators: a ledger on the office's server: database, host, user */
    described = g_strdup_printf (_("%s on %s as %s"), dbname != NULL ? dbname : "", host, user);
  else
    /* Translators: a ledger on the office's server: database, host */
    described = g_strdup_printf (_("%s on %s"), dbname != NULL ? dbname : "", host);
  PQconninfoFree (options);
  return described;
}

gboolean
ledger_store_is_on_server (LedgerStore *self)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  return self->server != NULL;
}

/**
 * ledger_store_is_online:
 *
 * Returns: %FALSE while the connection to the office's server is lost; a
 *   ledger file is always online
 */
gboolean
ledger_store_is_online (LedgerStore *self)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  return self->server == NULL || ledger_server_is_online (self->server);
}

/* The first server schema: a server ledger starts at this version. */
#define SERVER_FIRST_VERSION 9

/* Advisory lock keys of the ledger's database: one for writes (as
 * SQLite's file lock) and one while the schema is made or migrated. */
#define LOCK_CLASS   7340
#define LOCK_WRITES  1
#define LOCK_SCHEMA  2

/* A write takes the ledger's write lock for its transaction, as a write
 * to a file does: two desks' writes never interleave, and an import
 * classifies and writes what it read (new, changed, unchanged) with no
 * other desk in between. The window's store does not wait for it. */
gboolean
store_server_begin (LedgerStore  *self,
                    GError      **error)
{
  StoreStatement *stmt;
  gboolean got = FALSE;
  int rc;

  if (!store_exec (self, "BEGIN", error))
    return FALSE;
  stmt = store_prepare (self, self->no_wait ? "SELECT pg_try_advisory_xact_lock (?1, ?2)"
                                            : "SELECT 1 FROM pg_advisory_xact_lock (?1, ?2)", error);
  if (stmt == NULL)
    goto failed;
  store_bind_int (stmt, 1, LOCK_CLASS);
  store_bind_int (stmt, 2, LOCK_WRITES);
  rc = store_step (stmt);
  got = rc == SQLITE_ROW && store_column_int (stmt, 0) == 1;
  store_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      store_set_error (self, rc, error);
      goto failed;
    }
  if (!got)
    {
      store_set_error (self, SQLITE_BUSY, error);
      goto failed;
    }
  return TRUE;

failed:
  store_exec (self, "ROLLBACK", NULL);
  return FALSE;
}

/* The first table every connection reads: a role the server does not let
 * read it is told so, not that the ledger "cannot be written to". */
static gboolean
read_server_version (LedgerStore  *self,
                     GError      **error)
{
  StoreStatement *stmt = store_prepare (self, "SELECT coalesce (max (version), 0) FROM ledger_schema", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = store_step (stmt);
  if (rc == SQLITE_ROW)
    self->schema_version = store_column_int (stmt, 0);
  store_reset (stmt);
  if (rc == SQLITE_READONLY)
    {
      /* Translators: %s (1) names the ledger, %s (2) is the server's words */
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_FAILED,
                   _("The ledger %s cannot be read: the office server does not let this user read its "
                     "tables (%s). Ask the server’s administrator for a desk’s rights."),
                   self->display, ledger_server_last_error (self->server));
      return FALSE;
    }
  return rc == SQLITE_ROW || store_set_error (self, rc, error);
}

#define SERVER_COLUMNS \
  "SELECT c.relname || '.' || a.attname FROM pg_catalog.pg_attribute a " \
  "JOIN pg_catalog.pg_class c ON c.oid = a.attrelid " \
  "WHERE c.relnamespace = to_regnamespace (current_schema ()) AND c.relkind = 'r' " \
  "AND a.attnum > 0 AND NOT a.attisdropped"

/* "table.column" of each column of the tables in the database's schema,
 * whatever the role may read of them (pg_catalog, not
 * information_schema, which shows only what it may). */
static GHashTable *
read_server_columns (LedgerStore  *self,
                     GError      **error)
{
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  StoreStatement *stmt = store_prepare (self, SERVER_COLUMNS, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = store_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (columns, g_strdup (store_column_text (stmt, 0)));
  store_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&columns);
}

/* Adds "missing column plans.code" (@format "missing %s", @kind "column"). */
static void
add_problem (GPtrArray  *found,
             const char *format,
             const char *kind,
             const char *name)
{
  g_autofree char *part = g_strconcat (kind, " ", name, NULL);

  g_ptr_array_add (found, g_strdup_printf (format, part));
}

static gboolean
has_table (GHashTable *columns,
           const char *table)
{
  g_autofree char *prefix = g_strconcat (table, ".", NULL);
  GHashTableIter iter;
  gpointer column;

  g_hash_table_iter_init (&iter, columns);
  while (g_hash_table_iter_next (&iter, &column, NULL))
    if (g_str_has_prefix (column, prefix))
      return TRUE;
  return FALSE;
}

static int
compare_texts (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* Appends "missing column plans.code" for each of @want's columns that
 * @have lacks, and "unexpected column …" for each column @have adds to
 * one of @want's tables; a table missing whole is said once. */
static void
add_column_differences (GHashTable *have,
                        GHashTable *want,
                        GPtrArray  *problems)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) missing_tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer column;

  g_hash_table_iter_init (&iter, want);
  while (g_hash_table_iter_next (&iter, &column, NULL))
    {
      g_autofree char *table = g_strndup (column, strcspn (column, "."));

      if (g_hash_table_contains (have, column))
        continue;
      if (has_table (have, table))
        /* Translators: %s is a part of a database's schema, in English: "column plans.code" */
        add_problem (found, _("missing %s"), "column", column);
      else if (g_hash_table_add (missing_tables, g_strdup (table)))
        add_problem (found, _("missing %s"), "table", table);
    }
  g_hash_table_iter_init (&iter, have);
  while (g_hash_table_iter_next (&iter, &column, NULL))
    {
      g_autofree char *table = g_strndup (column, strcspn (column, "."));

      if (!g_hash_table_contains (want, column) && has_table (want, table))
        /* Translators: %s is a part of a database's schema, as above */
        add_problem (found, _("unexpected %s"), "column", column);
    }
  g_ptr_array_sort (found, compare_texts);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (problems, g_strdup (g_ptr_array_index (found, i)));
}

/* A ledger whose tables were altered by hand (a column dropped, one
 * added that the program does not fill) is compared with the columns a
 * ledger of its version has before anything reads it as one: opened for
 * reading, the differences are kept for the check to report; otherwise
 * they refuse it, as a file's are (ledger-store-schema.c). */
static gboolean
verify_server_columns (LedgerStore           *self,
                       LedgerStoreOpenFlags   flags,
                       GError               **error)
{
  g_autoptr(GHashTable) want = store_schema_columns (self->schema_version);
  g_autoptr(GHashTable) have = read_server_columns (self, error);
  g_autoptr(GPtrArray) differences = g_ptr_array_new_with_free_func (g_free);

  if (have == NULL)
    return FALSE;
  add_column_differences (have, want, differences);
  if (differences->len == 0)
    return TRUE;
  if (flags & LEDGER_STORE_OPEN_READ_ONLY)
    {
      self->schema_problems = g_steal_pointer (&differences);
      return TRUE;
    }
  store_schema_error (self->display, differences, error);
  return FALSE;
}

/* A database with tables of its own and no ledger's version is someone
 * else's: it is refused as it was found. Its tables are counted in
 * pg_catalog, which shows them whatever the role may read of them. */
static gboolean
check_database_empty (LedgerStore  *self,
                      GError      **error)
{
  StoreStatement *stmt = store_prepare (self,
    "SELECT count (*) FROM pg_catalog.pg_class WHERE relnamespace = to_regnamespace (current_schema ()) "
    "AND relkind IN ('r', 'p', 'v', 'm', 'f') AND relname != 'ledger_schema'", error);
  gint64 tables = -1;

  if (stmt == NULL)
    return FALSE;
  if (store_step (stmt) == SQLITE_ROW)
    tables = store_column_int64 (stmt, 0);
  store_reset (stmt);
  if (tables == 0)
    return TRUE;
  if (tables < 0)
    return store_set_error (self, SQLITE_ERROR, error);
  g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_NOT_A_LEDGER,
               _("The database %s on the office server holds other tables: it is not a ledger. "
                 "Ask for an empty database of its own."), self->display);
  return FALSE;
}

/* Creates the ledger's tables in an empty database, or brings them up to
 * date, in one transaction, under the schema lock: two desks starting at
 * once do it once. */
/* Makes the version table unless it is there: a desk whose role may
 * only read and write the ledger's tables (not create any) opens a
 * current ledger all the same. */
static gboolean
make_version_table (LedgerStore  *self,
                    GError      **error)
{
  StoreStatement *stmt = store_prepare (self, "SELECT CASE WHEN to_regclass ('ledger_schema') IS NULL "
                                              "THEN 0 ELSE 1 END", error);
  int exists = 0;

  if (stmt == NULL)
    return FALSE;
  if (store_step (stmt) == SQLITE_ROW)
    exists = store_column_int (stmt, 0);
  store_reset (stmt);
  return exists ||
         (check_database_empty (self, error) &&
          store_exec (self, "CREATE TABLE IF NOT EXISTS ledger_schema (version INTEGER NOT NULL)", error));
}

/* An empty database whose schema the role may not create tables in (one
 * the administrator made for another role): said so, not that the ledger
 * "cannot be written to". */
static void
explain_cannot_create (LedgerStore  *self,
                       GError      **error)
{
  if (error == NULL || !g_error_matches (*error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_READ_ONLY))
    return;
  g_clear_error (error);
  /* Translators: %s (1) names the database, %s (2) is the server's words */
  g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_READ_ONLY,
               _("The database %s holds no ledger, and this user may not make the ledger’s tables "
                 "in it (%s). Ask the office server’s administrator for a database of its own, owned "
                 "by this user."),
               self->display, ledger_server_last_error (self->server));
}

static gboolean
migrate_server (LedgerStore  *self,
                GError      **error)
{
  if (!store_exec (self, "BEGIN", error))
    return FALSE;
  if (!store_exec (self, "SELECT 1 FROM pg_advisory_xact_lock (7340, 2)", error) ||
      !make_version_table (self, error) ||
      !read_server_version (self, error))
    goto failed;
  if (self->schema_version > LEDGER_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_TOO_NEW,
                   _("The ledger %s was written by a newer version of Target Ledger"), self->display);
      goto failed;
    }
  if (self->schema_version == 0 &&
      (!check_database_empty (self, error) ||
       !store_run_resource_script (self, "server-9.sql", error) ||
       !read_server_version (self, error)))
    goto failed;
  for (int version = MAX (self->schema_version, SERVER_FIRST_VERSION) + 1;
       version <= LEDGER_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *name = g_strdup_printf ("server-%d.sql", version);

      if (!store_run_resource_script (self, name, error) || !read_server_version (self, error))
        goto failed;
    }
  if (!store_exec (self, "COMMIT", error))
    goto failed;
  return TRUE;

failed:
  if (self->schema_version == 0)
    explain_cannot_create (self, error);
  store_exec (self, "ROLLBACK", NULL);
  return FALSE;
}

static void
connection_error (const char  *display,
                  gboolean     is_uri,
                  GError      *cause,
                  GError     **error)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT) && is_uri)
    /* Translators: %s says what libpq could not read in it */
    g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                 _("The server location cannot be read: %s"), cause->message);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
    /* Translators: %s says what libpq could not read in it */
    g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                 _("The server location cannot be read: %s. A file whose name has “=” in it is "
                   "written with its folder, as in ./name"), cause->message);
  else if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_OFFLINE,
                 _("Could not connect to the office server (%s): %s. Target Ledger may not use the "
                   "network yet; to allow it, run: flatpak override --user --share=network "
                   "io.github.targetledger.TargetLedger"), display, cause->message);
  else
    g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_OFFLINE,
                 _("Could not connect to the office server (%s): %s"), display, cause->message);
}

/* Opens a ledger on the office's server: the tables are made in an empty
 * database or brought up to date, unless the store only reads. */
LedgerStore *
store_open_on_server (const char            *location,
                      LedgerStoreOpenFlags   flags,
                      GError               **error)
{
  g_autoptr(LedgerStore) self = g_object_new (LEDGER_TYPE_STORE, NULL);
  g_autoptr(GError) local_error = NULL;

  self->path = g_strdup (location);
  self->display = ledger_store_describe_location (location);
  self->read_only = (flags & LEDGER_STORE_OPEN_READ_ONLY) != 0;
  self->server = ledger_server_connect (location, &local_error);
  if (self->server == NULL)
    {
      connection_error (self->display, g_str_has_prefix (location, "postgres"), local_error, error);
      return NULL;
    }
  if (!store_exec (self, "SET lock_timeout = '3s'", error))
    return NULL;
  if (flags & (LEDGER_STORE_OPEN_CHECKED | LEDGER_STORE_OPEN_READ_ONLY))
    {
      if (!read_server_version (self, error))
        return NULL;
      if (self->schema_version == LEDGER_STORE_SCHEMA_VERSION &&
          ((flags & LEDGER_STORE_OPEN_CHECKED) || verify_server_columns (self, flags, error)))
        return g_steal_pointer (&self);
      if (self->schema_version == LEDGER_STORE_SCHEMA_VERSION)
        return NULL;
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_FAILED,
                   _("The ledger %s was changed by another program"), self->display);
      return NULL;
    }
  if (!migrate_server (self, error) || !verify_server_columns (self, flags, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* Payloads on the channel: "values <indicator id>" or "plans". */
void
store_tell_other_desks (LedgerStore *self,
                        gint64       indicator_id)
{
  g_autofree char *payload = indicator_id >= 0
    ? g_strdup_printf ("values %" G_GINT64_FORMAT, indicator_id) : g_strdup ("plans");
  StoreStatement *stmt = store_prepare (self, "SELECT pg_notify ('target_ledger', ?)", NULL);

  if (stmt == NULL)
    return;
  store_bind_text (stmt, 1, payload);
  if (!store_run (self, stmt, NULL))
    g_debug ("Could not tell the other desks: %s", ledger_server_last_error (self->server));
}

#define RETRY_SECONDS 2

static gboolean
retry_cb (gpointer user_data)
{
  LedgerStore *self = user_data;

  if (!ledger_server_reconnect (self->server))
    return G_SOURCE_CONTINUE;
  self->retry_source = 0;
  store_notify_online (self);
  /* What was said while the connection was down was not heard. */
  store_signal_heard (self, -1);
  return G_SOURCE_REMOVE;
}

static void
heard_cb (const char *payload,
          gpointer    user_data)
{
  LedgerStore *self = user_data;
  gint64 indicator_id = 0;

  if (payload[0] == '\0')
    {
      store_notify_online (self);
      if (self->retry_source == 0)
        self->retry_source = g_timeout_add_seconds (RETRY_SECONDS, retry_cb, self);
      return;
    }
  if (g_str_has_prefix (payload, "values ") &&
      g_ascii_string_to_signed (payload + 7, 10, 0, G_MAXINT64, &indicator_id, NULL))
    store_signal_heard (self, indicator_id);
  else
    store_signal_heard (self, -1);
}

/**
 * ledger_store_listen:
 *
 * From now on, the store hears what other desks commit to the same server
 * ledger, from the thread-default main loop, and emits it as its own
 * #LedgerStore::values-changed and #LedgerStore::plans-changed; a lost
 * connection shows as #LedgerStore:online and is retried. Nothing for a
 * ledger file: there, only this program writes while a window is open.
 */
void
ledger_store_listen (LedgerStore *self)
{
  g_return_if_fail (LEDGER_IS_STORE (self));

  if (self->server != NULL)
    ledger_server_listen (self->server, heard_cb, self);
}
