/* ledger-store-copy.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ledger-output-file.h"
#include "ledger-store-private.h"

/* Moving a ledger between a file and the office's server: every row of
 * every table, ids and all, from either engine to either engine, written
 * in one transaction and then counted on both sides. A copy that does not
 * count the same is rolled back, and a new file is only ever renamed into
 * place once it is whole. The tables and their columns are named here and
 * nowhere else: a table the schema gains must be added to this list, or
 * the copy refuses the ledger (and tests/core/test-copy.c fails). */

typedef struct
{
  const char *name;
  const char *columns;     /* as the schema has them, in its order */
  gboolean    has_id;      /* an identity column "id" on the server */
  guint       batch;       /* rows per INSERT: one for whole files */
  const char *count_sql;
  const char *select_sql;
  const char *insert_sql;  /* up to VALUES: the rows' parameters follow */
  const char *sequence_sql;
} CopiedTable;

/* Rows per INSERT: a server is sent a batch per round trip, not a row. */
#define ROWS_PER_INSERT 64

/* Each table's statements are literal SQL, put together by the compiler
 * from the names below; nothing of a ledger's content becomes SQL. Column
 * names that are words of SQL ("by", "old", "new") are quoted. */
#define COPIED_TABLE(table, column_list, with_id, rows_per_insert) \
  { table, column_list, with_id, rows_per_insert, \
    "SELECT count (*) FROM \"" table "\"", \
    "SELECT " column_list " FROM \"" table "\" ORDER BY 1", \
    "INSERT INTO \"" table "\" (" column_list ") VALUES ", \
    "SELECT setval (pg_get_serial_sequence ('" table "', 'id'), " \
    "(SELECT coalesce (max (id), 0) + 1 FROM \"" table "\"), false)" }

/* In the order of their foreign keys: a row's parent is copied first. */
static const CopiedTable copied_tables[] = {
  COPIED_TABLE ("plans", "id, uuid, code, title, region, source, first_year, last_year, for_region_code, "
                "for_region_name", TRUE, ROWS_PER_INSERT),
  COPIED_TABLE ("areas", "id, uuid, plan_id, position, title, short_title", TRUE, ROWS_PER_INSERT),
  COPIED_TABLE ("tasks", "id, uuid, area_id, position, title, text, lead_unit, supporting_units", TRUE,
                ROWS_PER_INSERT),
  COPIED_TABLE ("indicators", "id, uuid, plan_id, task_id, position, code, name, unit, kind, comparator, "
                "better, target, frequency, responsible_unit, notes, source_text, profile, custom_shares, "
                "due_month, january, commitment, unit_confirmed, supporting_units", TRUE, ROWS_PER_INSERT),
  COPIED_TABLE ("change_sets", "id, at, \"by\", origin", TRUE, ROWS_PER_INSERT),
  COPIED_TABLE ("changes", "id, change_set, action, entity, entity_uuid, entity_id, period, \"old\", \"new\"",
                TRUE, ROWS_PER_INSERT),
  COPIED_TABLE ("indicator_values", "id, uuid, indicator_id, region, period, period_key, value, status, "
                "note, source, updated_at, updated_by, version", TRUE, ROWS_PER_INSERT),
  COPIED_TABLE ("milestones", "id, uuid, owner_uuid, position, due, what, share, done_on, done_note", TRUE,
                ROWS_PER_INSERT),
  COPIED_TABLE ("sub_items", "id, uuid, owner_uuid, position, title, status, note", TRUE, ROWS_PER_INSERT),
  COPIED_TABLE ("period_states", "plan_id, month_key, state", FALSE, ROWS_PER_INSERT),
  COPIED_TABLE ("due_days", "plan_id, scope, name, day", FALSE, ROWS_PER_INSERT),
  COPIED_TABLE ("attachment_blobs", "sha256, size, content", FALSE, 1),
  COPIED_TABLE ("attachments", "id, uuid, indicator_id, period, name, media_type, sha256, added_at, "
                "added_by", TRUE, ROWS_PER_INSERT),
  COPIED_TABLE ("regions", "plan_id, code, position, name, kind, in_total, weight", FALSE, ROWS_PER_INSERT),
  COPIED_TABLE ("region_targets", "indicator_id, region, target", FALSE, ROWS_PER_INSERT),
  COPIED_TABLE ("ranking_weights", "indicator_id, weight", FALSE, ROWS_PER_INSERT),
  COPIED_TABLE ("scoring_schemes", "plan_id, completion_points, rank_first, rank_step, cap", FALSE,
                ROWS_PER_INSERT),
  COPIED_TABLE ("score_adjustments", "id, plan_id, period, subject_kind, subject, points, reason, "
                "created_at, created_by", TRUE, ROWS_PER_INSERT),
};

#define N_TABLES G_N_ELEMENTS (copied_tables)

/* One copy under way: its job, and the rows of each table it read. */
typedef struct
{
  LedgerJobProgress *progress;
  GCancellable      *cancellable;
  const char        *described;   /* the destination, without a password */
  gint64             counts[N_TABLES];
  guint64            done;
  guint64            total;
} CopyJob;

static const CopiedTable *
find_table (const char *name)
{
  for (guint i = 0; i < N_TABLES; i++)
    {
      if (g_str_equal (copied_tables[i].name, name))
        return &copied_tables[i];
    }
  return NULL;
}

/**
 * ledger_store_list_copied_tables:
 *
 * Returns: (transfer full): the tables ledger_store_copy_to() copies, in
 *   the order it copies them
 */
GStrv
ledger_store_list_copied_tables (void)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv names;

  for (guint i = 0; i < N_TABLES; i++)
    g_strv_builder_add (builder, copied_tables[i].name);
  names = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return names;
}

/**
 * ledger_store_get_copied_columns:
 * @table: a table ledger_store_copy_to() copies
 *
 * Returns: (transfer full) (nullable): its columns, "id, uuid, …", or
 *   %NULL for a table it does not copy
 */
char *
ledger_store_get_copied_columns (const char *table)
{
  const CopiedTable *copied;
  g_autoptr(GString) names = NULL;

  g_return_val_if_fail (table != NULL, NULL);
  if ((copied = find_table (table)) == NULL)
    return NULL;
  names = g_string_new (copied->columns);
  g_string_replace (names, "\"", "", 0);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* How many columns the table's list names. */
static guint
count_columns (const CopiedTable *table)
{
  guint n_columns = 1;

  for (const char *p = table->columns; *p != '\0'; p++)
    n_columns += *p == ',';
  return n_columns;
}

static gint64
count_rows (LedgerStore        *self,
            const CopiedTable  *table,
            GError            **error)
{
  StoreStatement *stmt = store_prepare (self, table->count_sql, error);
  gint64 count = -1;
  int rc;

  if (stmt == NULL)
    return -1;
  rc = store_step (stmt);
  if (rc == SQLITE_ROW)
    count = store_column_int64 (stmt, 0);
  store_reset (stmt);
  if (rc != SQLITE_ROW)
    store_set_error (self, rc, error);
  return count;
}

/**
 * ledger_store_count_rows:
 * @table: a table ledger_store_copy_to() copies
 *
 * Returns: how many rows @table holds, or -1 with @error set
 */
gint64
ledger_store_count_rows (LedgerStore  *self,
                         const char   *table,
                         GError      **error)
{
  const CopiedTable *copied;

  g_return_val_if_fail (LEDGER_IS_STORE (self), -1);
  g_return_val_if_fail (table != NULL, -1);

  if ((copied = find_table (table)) == NULL)
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_FAILED,
                   _("A ledger has no table “%s”"), table);
      return -1;
    }
  return count_rows (self, copied, error);
}

/* Every table of the ledger must be on the list: one that is not would be
 * left behind without a word. */
static gboolean
check_tables_known (LedgerStore  *self,
                    GError      **error)
{
  StoreStatement *stmt = store_prepare (self, self->server != NULL
    ? "SELECT table_name FROM information_schema.tables "
      "WHERE table_schema = current_schema () AND table_name != 'ledger_schema'"
    : "SELECT name FROM sqlite_master WHERE type = 'table'", error);
  g_autofree char *unknown = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = store_step (stmt)) == SQLITE_ROW)
    {
      const char *name = store_column_text (stmt, 0);

      if (unknown == NULL && !g_str_has_prefix (name, "sqlite_") && find_table (name) == NULL)
        unknown = g_strdup (name);
    }
  store_reset (stmt);
  if (rc != SQLITE_DONE)
    return store_set_error (self, rc, error);
  if (unknown == NULL)
    return TRUE;
  g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_FAILED,
               _("The ledger %s holds the table “%s”, which this version of Target Ledger cannot copy"),
               self->display, unknown);
  return FALSE;
}

/* A ledger altered outside the program (a column dropped), opened to be
 * read, lacks what the copy reads: refused as its open said it, not in
 * the words of the statement that would fail. */
static gboolean
check_schema_intact (LedgerStore  *self,
                     GError      **error)
{
  if (self->schema_problems == NULL || self->schema_problems->len == 0)
    return TRUE;
  store_schema_error (self->display, self->schema_problems, error);
  return FALSE;
}

static gboolean
count_source (LedgerStore  *self,
              CopyJob      *job,
              GError      **error)
{
  job->total = 0;
  for (guint i = 0; i < N_TABLES; i++)
    {
      if ((job->counts[i] = count_rows (self, &copied_tables[i], error)) < 0)
        return FALSE;
      job->total += (guint64) job->counts[i];
    }
  return TRUE;
}

/* A destination with a single row of a ledger is someone's ledger: the
 * copy's ids would collide with its own, or worse, mix with them. */
static gboolean
check_destination_empty (LedgerStore  *to,
                         CopyJob      *job,
                         GError      **error)
{
  for (guint i = 0; i < N_TABLES; i++)
    {
      gint64 count = count_rows (to, &copied_tables[i], error);

      if (count < 0)
        return FALSE;
      if (count == 0)
        continue;
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_FAILED,
                   _("%s already holds a ledger: a ledger is copied only into an empty database"),
                   job->described);
      return FALSE;
    }
  return TRUE;
}

/* Binds the column @column of @from's row as parameter @index of @to, as
 * the type it has there. */
static void
bind_column (StoreStatement *to,
             int             index,
             StoreStatement *from,
             int             column)
{
  gconstpointer blob;
  gsize size;

  switch (store_column_type (from, column))
    {
    case SQLITE_NULL:
      store_bind_null (to, index);
      break;
    case SQLITE_INTEGER:
      store_bind_int64 (to, index, store_column_int64 (from, column));
      break;
    case SQLITE_FLOAT:
      store_bind_double (to, index, store_column_double (from, column));
      break;
    case SQLITE_BLOB:
      blob = store_column_blob (from, column, &size);
      store_bind_blob (to, index, blob, size);
      break;
    default:
      store_bind_text (to, index, store_column_text (from, column));
      break;
    }
}

/* The table's INSERT … VALUES (?, ?), (?, ?)… for @rows rows: the
 * placeholders of the rows are all that is added to its literal SQL. */
static StoreStatement *
prepare_insert (LedgerStore        *to,
                const CopiedTable  *table,
                guint               rows,
                GError            **error)
{
  guint n_columns = count_columns (table);
  g_autoptr(GString) sql = g_string_new (table->insert_sql);

  for (guint row = 0; row < rows; row++)
    {
      g_string_append (sql, row > 0 ? ", (" : "(");
      for (guint column = 0; column < n_columns; column++)
        g_string_append (sql, column > 0 ? ", ?" : "?");
      g_string_append_c (sql, ')');
    }
  return store_prepare (to, sql->str, error);
}

static gboolean
job_step (CopyJob  *job,
          guint     rows,
          GError  **error)
{
  job->done += rows;
  return ledger_job_progress_step (job->progress, job->done, job->total, job->cancellable, error);
}

/* Writes the rows @read returns into @to, a batch per INSERT; @count rows
 * are expected (they were counted in the same read transaction). */
static gboolean
copy_rows (LedgerStore        *from,
           LedgerStore        *to,
           StoreStatement     *read,
           const CopiedTable  *table,
           gint64              count,
           CopyJob            *job,
           GError            **error)
{
  guint n_columns = count_columns (table);
  StoreStatement *write = NULL;
  guint rows = 0, bound = 0;
  gint64 left = count;
  int rc;

  while ((rc = store_step (read)) == SQLITE_ROW)
    {
      if (write == NULL)
        {
          rows = (guint) CLAMP (left, 1, (gint64) table->batch);
          if ((write = prepare_insert (to, table, rows, error)) == NULL)
            return FALSE;
          bound = 0;
        }
      for (guint column = 0; column < n_columns; column++)
        bind_column (write, (int) (bound * n_columns + column + 1), read, (int) column);
      bound++;
      left--;
      if (bound < rows)
        continue;
      if (!store_run (to, write, error) || !job_step (job, rows, error))
        return FALSE;
      write = NULL;
    }
  if (rc != SQLITE_DONE)
    return store_set_error (from, rc, error);
  /* Fewer rows than counted: cannot be, within one read transaction. */
  return write == NULL || store_set_error (to, SQLITE_MISMATCH, error);
}

static gboolean
copy_table (LedgerStore        *from,
            LedgerStore        *to,
            const CopiedTable  *table,
            gint64              count,
            CopyJob            *job,
            GError            **error)
{
  StoreStatement *read = store_prepare (from, table->select_sql, error);
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  if (read == NULL)
    return FALSE;
  ok = copy_rows (from, to, read, table, count, job, &local_error);
  store_reset (read);
  if (ok)
    return TRUE;
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                              _("Could not copy the table “%s”: "), table->name);
  return FALSE;
}

/* A server hands out ids from a sequence that knows nothing of the ids
 * copied in: each is moved past the largest, so the next row written
 * after the copy takes a fresh one. */
static gboolean
move_sequences (LedgerStore  *to,
                GError      **error)
{
  for (guint i = 0; i < N_TABLES; i++)
    {
      if (copied_tables[i].has_id && !store_exec (to, copied_tables[i].sequence_sql, error))
        return FALSE;
    }
  return TRUE;
}

/* Counted again in the destination's own transaction, before it commits. */
static gboolean
check_counts (LedgerStore  *to,
              CopyJob      *job,
              GError      **error)
{
  for (guint i = 0; i < N_TABLES; i++)
    {
      gint64 count = count_rows (to, &copied_tables[i], error);

      if (count < 0)
        return FALSE;
      if (count == job->counts[i])
        continue;
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_FAILED,
                   /* Translators: the destination, a table, then two numbers of rows */
                   _("The copy in %s would hold %lld rows of “%s”, the ledger %lld"),
                   job->described, (long long) count, copied_tables[i].name, (long long) job->counts[i]);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_all_tables (LedgerStore  *from,
                  LedgerStore  *to,
                  CopyJob      *job,
                  GError      **error)
{
  if (!check_destination_empty (to, job, error))
    return FALSE;
  for (guint i = 0; i < N_TABLES; i++)
    {
      if (!copy_table (from, to, &copied_tables[i], job->counts[i], job, error))
        return FALSE;
    }
  return (to->server == NULL || move_sequences (to, error)) && check_counts (to, job, error);
}

/* Copies @from into @to, an open store that must hold no ledger rows: read
 * in one transaction (unless @from is in one already), written in one. */
static gboolean
copy_between (LedgerStore  *from,
              LedgerStore  *to,
              CopyJob      *job,
              GError      **error)
{
  gboolean reading = !store_in_transaction (from);
  gboolean ok;

  if (from->schema_version != LEDGER_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_FAILED,
                   _("The ledger %s is of an older version: open it once to bring it up to date, "
                     "then copy it"), from->display);
      return FALSE;
    }
  if (reading && !ledger_store_begin_read (from, error))
    return FALSE;
  ok = check_tables_known (from, error) && check_schema_intact (from, error) && count_source (from, job, error) && store_begin (to, error);
  if (ok && !(ok = write_all_tables (from, to, job, error) && store_commit (to, error)))
    store_rollback (to);
  if (reading)
    ledger_store_end_read (from);
  if (ok)
    ledger_job_progress_report (job->progress, job->total, job->total);
  return ok;
}

static void
remove_working_files (const char *file)
{
  static const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (file, suffixes[i], NULL);

      g_remove (path);
    }
}

/* Copies into @file, an empty file made for it, as a ledger file of its
 * own: no write-ahead log beside it once closed. */
static gboolean
copy_into_empty_file (LedgerStore  *self,
                      const char   *file,
                      CopyJob      *job,
                      GError      **error)
{
  LedgerStore *to = ledger_store_open_full (file, LEDGER_STORE_OPEN_DEFAULT, error);
  gboolean ok;

  if (to == NULL)
    {
      remove_working_files (file);
      return FALSE;
    }
  ok = copy_between (self, to, job, error) && store_exec (to, "PRAGMA journal_mode = DELETE", error);
  g_object_unref (to);
  remove_working_files (file);
  return ok;
}

static void
job_init (CopyJob           *job,
          LedgerStore       *self,
          LedgerJobProgress *progress,
          GCancellable      *cancellable,
          const char        *described)
{
  *job = (CopyJob) { 0 };
  job->progress = progress != NULL ? progress : self->job_progress;
  job->cancellable = cancellable != NULL ? cancellable : self->job_cancellable;
  job->described = described;
}

/* A backup of a server ledger (ledger-store-backup.c): a ledger file
 * written into @file, an empty file made for it. */
gboolean
store_copy_into_file (LedgerStore  *self,
                      const char   *file,
                      const char   *path,
                      GError      **error)
{
  CopyJob job;

  job_init (&job, self, NULL, NULL, path);
  return copy_into_empty_file (self, file, &job, error);
}

/* The copy is written under a temporary name, which the user never
 * chose: a message about it names the file asked for. */
static void
name_the_copy (GError     *error,
               const char *temporary,
               const char *path)
{
  g_autoptr(GString) message = NULL;

  if (error == NULL)
    return;
  message = g_string_new (error->message);
  g_string_replace (message, temporary, path, 0);
  g_free (error->message);
  error->message = g_string_free (g_steal_pointer (&message), FALSE);
}

static gboolean
copy_to_new_file (LedgerStore  *self,
                  const char   *path,
                  CopyJob      *job,
                  GError      **error)
{
  g_autoptr(LedgerOutputFile) file = NULL;
  GStatBuf info;

  if (g_lstat (path, &info) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists: a ledger is copied only to a new file"), path);
      return FALSE;
    }
  file = ledger_output_file_begin (path, self->server == NULL ? self->path : NULL, 0600, error);
  if (file == NULL)
    return FALSE;
  if (!copy_into_empty_file (self, ledger_output_file_get_temporary (file), job, error))
    {
      name_the_copy (error != NULL ? *error : NULL, ledger_output_file_get_temporary (file), path);
      return FALSE;
    }
  /* Made meanwhile by someone else: theirs, not replaced. */
  if (g_lstat (path, &info) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists: a ledger is copied only to a new file"), path);
      return FALSE;
    }
  return ledger_output_file_finish (file, error);
}

static gboolean
copy_to_server (LedgerStore  *self,
                const char   *location,
                CopyJob      *job,
                GError      **error)
{
  g_autoptr(LedgerStore) to = ledger_store_open_full (location, LEDGER_STORE_OPEN_DEFAULT, error);

  return to != NULL && copy_between (self, to, job, error);
}

/**
 * ledger_store_copy_to:
 * @location: a new ledger file (that must not exist), or the location of
 *   an empty database on the office's server
 * @progress: (nullable): follows the copy, row by row
 * @cancellable: (nullable): stops it, leaving nothing behind
 *
 * Copies every row of the ledger, with its ids, to @location, in one
 * transaction there, and counts each table on both sides before it
 * commits: a copy is whole or not made. A file is written under a
 * temporary name beside it and renamed into place at the end. After a
 * copy to a server, its ids continue after the largest copied.
 *
 * Returns: %FALSE with @error set if nothing was copied
 */
gboolean
ledger_store_copy_to (LedgerStore        *self,
                      const char         *location,
                      LedgerJobProgress  *progress,
                      GCancellable       *cancellable,
                      GError            **error)
{
  g_autofree char *described = NULL;
  CopyJob job;

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (location != NULL, FALSE);

  described = ledger_store_describe_location (location);
  job_init (&job, self, progress, cancellable, described);
  if (ledger_store_is_server_location (location))
    return copy_to_server (self, location, &job, error);
  return copy_to_new_file (self, location, &job, error);
}
