/* ledger-store-server-batch.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-store"

#include "config.h"

#include "ledger-store-pending.h"

/* A batch of an import on the office's server: the values go to a
 * temporary table of the connection's with COPY (no statement, plan or
 * parameters per row: a multi-row INSERT cost the server more per row
 * than COPY does per value), then one statement inserts those whose
 * cells are free, and one logs them; those whose cells were taken are
 * read, updated and logged in a statement each. What happens is what
 * the file's batch and its values written one by one do
 * (ledger-store-batch.c): the same rows, versions, change log and undo,
 * in the same order. A batch that gives a cell twice, or a value that
 * expects a version, leaves its taken cells to the caller. Inside the
 * caller's transaction: an error leaves nothing. */

#define INCOMING_TABLE \
  "CREATE TEMPORARY TABLE IF NOT EXISTS ledger_incoming (" \
  "seq INTEGER NOT NULL, uuid TEXT NOT NULL, indicator_id BIGINT NOT NULL, period TEXT NOT NULL, " \
  "period_key INTEGER NOT NULL, value DOUBLE PRECISION, status TEXT NOT NULL, note TEXT NOT NULL, " \
  "source TEXT NOT NULL, region TEXT NOT NULL, entity_uuid TEXT NOT NULL, new TEXT NOT NULL, " \
  "origin_index INTEGER NOT NULL) ON COMMIT DELETE ROWS"

#define COPY_INCOMING \
  "COPY ledger_incoming (seq, uuid, indicator_id, period, period_key, value, status, note, source, " \
  "region, entity_uuid, new, origin_index) FROM STDIN"

/* The values whose cells are free, inserted in the batch's order: the
 * uuids of those that were. */
#define INSERT_FREE \
  "INSERT INTO indicator_values (uuid, indicator_id, period, period_key, value, status, note, source, " \
  "updated_at, updated_by, region) " \
  "SELECT uuid, indicator_id, period, period_key, value, status, note, source, ?1, ?2, region " \
  "FROM ledger_incoming ORDER BY seq " \
  "ON CONFLICT (indicator_id, region, period) DO NOTHING RETURNING uuid"

/* ?1: the change set of each origin, by its number; ?2: the rows whose
 * cells were taken, which are not logged as inserts. */
#define LOG_INSERTED \
  "INSERT INTO changes (change_set, action, entity, entity_uuid, entity_id, period, old, new) " \
  "SELECT (CAST (?1 AS BIGINT[]))[t.origin_index], 'insert', 'value', t.entity_uuid, t.indicator_id, " \
  "t.period, NULL, t.new FROM ledger_incoming t " \
  "LEFT JOIN unnest (CAST (?2 AS INTEGER[])) AS taken (seq) ON taken.seq = t.seq " \
  "WHERE taken.seq IS NULL ORDER BY t.seq"

/* The values in the taken cells ?1, as store_value_from_row() reads them,
 * and the row of each. */
#define READ_TAKEN \
  "SELECT v.indicator_id, v.period, v.value, v.status, v.note, v.source, v.updated_at, v.updated_by, " \
  "v.region, v.version, t.seq FROM ledger_incoming t " \
  "JOIN unnest (CAST (?1 AS INTEGER[])) AS taken (seq) ON taken.seq = t.seq " \
  "JOIN indicator_values v ON v.indicator_id = t.indicator_id AND v.region = t.region AND v.period = t.period"

/* The rows ?1 replace their cells' values, as a value written on its own
 * does (store_write_value()). */
#define UPDATE_TAKEN \
  "UPDATE indicator_values v SET value = t.value, status = t.status, note = t.note, source = t.source, " \
  "updated_at = ?2, updated_by = ?3, version = v.version + 1 " \
  "FROM ledger_incoming t JOIN unnest (CAST (?1 AS INTEGER[])) AS updated (seq) ON updated.seq = t.seq " \
  "WHERE v.indicator_id = t.indicator_id AND v.region = t.region AND v.period = t.period"

/* ?1 as LOG_INSERTED's; ?2 the rows updated, ?3 the old value of each. */
#define LOG_UPDATED \
  "INSERT INTO changes (change_set, action, entity, entity_uuid, entity_id, period, old, new) " \
  "SELECT (CAST (?1 AS BIGINT[]))[t.origin_index], 'update', 'value', t.entity_uuid, t.indicator_id, " \
  "t.period, o.old, t.new FROM ledger_incoming t " \
  "JOIN unnest (CAST (?2 AS INTEGER[]), CAST (?3 AS TEXT[])) AS o (seq, old) ON o.seq = t.seq " \
  "ORDER BY t.seq"

/* Text in COPY's text format: a backslash, tab, newline or carriage
 * return escaped. */
static void
append_text (GString    *out,
             const char *text)
{
  for (const char *c = text != NULL ? text : ""; *c != '\0'; c++)
    {
      switch (*c)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default: g_string_append_c (out, *c);
        }
    }
}

static void
append_field (GString    *out,
              const char *text)
{
  append_text (out, text);
  g_string_append_c (out, '\t');
}

/* A row of ledger_incoming, in COPY_INCOMING's columns. */
static void
append_row (GString      *out,
            guint         seq,
            StorePending *pending,
            guint         origin_index)
{
  LedgerValue *value = pending->value;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out, "%u\t", seq);
  append_field (out, pending->uuid);
  g_string_append_printf (out, "%" G_GINT64_FORMAT "\t", ledger_value_get_indicator_id (value));
  append_field (out, ledger_value_get_period (value));
  g_string_append_printf (out, "%d\t", ledger_period_sort_key (&pending->period));
  /* As store_bind_double() sends it (the checks let only finite numbers
   * by), or COPY's NULL, which is not escaped. */
  if (ledger_value_has_number (value))
    append_field (out, g_ascii_dtostr (number, sizeof number, ledger_value_get_number (value)));
  else
    g_string_append (out, "\\N\t");
  append_field (out, ledger_value_get_status (value));
  append_field (out, ledger_value_get_note (value));
  append_field (out, ledger_value_get_source (value));
  append_field (out, ledger_value_get_region (value));
  append_field (out, store_rules_get_uuid (pending->rules));
  append_field (out, pending->json);
  g_string_append_printf (out, "%u\n", origin_index);
}

/* Numbers the batch's origins, 1 on, in the order they come. */
static guint
origin_index (GPtrArray    *origins,
              const char   *origin)
{
  guint index;

  if (!g_ptr_array_find_with_equal_func (origins, origin, g_str_equal, &index))
    {
      g_ptr_array_add (origins, (gpointer) origin);
      index = origins->len - 1;
    }
  return index + 1;
}

static gboolean
copy_batch (LedgerStore   *self,
            StorePending  *pending,
            guint          n,
            GPtrArray     *origins,
            GError       **error)
{
  g_autoptr(GString) rows = g_string_sized_new (n * 160);
  int rc;

  for (guint i = 0; i < n; i++)
    {
      pending[i].uuid = ledger_uuid_new ();
      append_row (rows, i, &pending[i], origin_index (origins, pending[i].origin));
    }
  if (!store_exec (self, INCOMING_TABLE, error) || !store_exec (self, "TRUNCATE ledger_incoming", error))
    return FALSE;
  if (!ledger_server_copy_in (self->server, COPY_INCOMING, rows->str, rows->len, &rc))
    return store_set_error (self, rc, error);
  return TRUE;
}

static gboolean
is_inserted (const StorePending *pending)
{
  return pending->inserted;
}

static gboolean
is_taken (const StorePending *pending)
{
  return !pending->inserted;
}

static gboolean
is_updated (const StorePending *pending)
{
  return pending->updated;
}

/* The numbers of the rows @pick chooses, as an array's text: "{3,9}". */
static char *
rows_array (StorePending  *pending,
            guint          n,
            gboolean     (*pick) (const StorePending *))
{
  GString *rows = g_string_new ("{");

  for (guint i = 0; i < n; i++)
    {
      if (pick (&pending[i]))
        g_string_append_printf (rows, "%s%u", rows->len > 1 ? "," : "", i);
    }
  g_string_append_c (rows, '}');
  return g_string_free (rows, FALSE);
}

static gboolean
insert_free (LedgerStore   *self,
             StorePending  *pending,
             guint          n,
             GError       **error)
{
  g_autoptr(GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  StoreStatement *stmt = store_prepare (self, INSERT_FREE, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    g_hash_table_insert (by_uuid, pending[i].uuid, &pending[i]);
  store_bind_static_text (stmt, 1, store_transaction_at (self));
  store_bind_static_text (stmt, 2, store_user ());
  while ((rc = store_step (stmt)) == SQLITE_ROW)
    {
      StorePending *inserted = g_hash_table_lookup (by_uuid, store_column_text (stmt, 0));

      if (inserted != NULL)
        inserted->inserted = TRUE;
    }
  store_reset (stmt);
  return rc == SQLITE_DONE || store_set_error (self, rc, error);
}

/* The change sets of the origins of the rows @pick chooses, as an
 * array's text ("{12,0}"), made in the order they come: those of the
 * other origins are not made (0). */
static char *
change_sets (LedgerStore   *self,
             StorePending  *pending,
             guint          n,
             GPtrArray     *origins,
             gboolean     (*pick) (const StorePending *),
             GError       **error)
{
  g_autofree gint64 *ids = g_new0 (gint64, origins->len);
  GString *text = g_string_new ("{");

  for (guint i = 0; i < n; i++)
    {
      guint index = origin_index (origins, pending[i].origin) - 1;

      if (pick (&pending[i]) && ids[index] == 0 &&
          !store_change_set (self, pending[i].origin, &ids[index], error))
        {
          g_string_free (text, TRUE);
          return NULL;
        }
    }
  for (guint i = 0; i < origins->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (text, '}');
  return g_string_free (text, FALSE);
}

static gboolean
log_inserted (LedgerStore   *self,
              StorePending  *pending,
              guint          n,
              GPtrArray     *origins,
              GError       **error)
{
  g_autofree char *sets = NULL;
  g_autofree char *taken = rows_array (pending, n, is_taken);
  StoreStatement *stmt;
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    any |= pending[i].inserted;
  if (!any)
    return TRUE;
  if ((sets = change_sets (self, pending, n, origins, is_inserted, error)) == NULL ||
      (stmt = store_prepare (self, LOG_INSERTED, error)) == NULL)
    return FALSE;
  store_bind_static_text (stmt, 1, sets);
  store_bind_static_text (stmt, 2, taken);
  if (!store_run (self, stmt, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (pending[i].inserted)
        store_undo_record_value (self, ledger_value_get_indicator_id (pending[i].value),
                                 ledger_value_get_region (pending[i].value),
                                 ledger_value_get_period (pending[i].value), NULL, pending[i].value);
    }
  return TRUE;
}

/* Whether the taken cells are left to the caller, a value at a time:
 * when a cell is given twice (the second replaces the first), or a value
 * is to replace a version it was read at. */
static gboolean
taken_one_by_one (StorePending  *pending,
                  guint          n)
{
  g_autoptr(GHashTable) cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      LedgerValue *value = pending[i].value;
      char *cell;

      if (pending[i].inserted)
        continue;
      if (ledger_value_get_expected_version (value) >= 0)
        return TRUE;
      cell = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s\x1f%s", ledger_value_get_indicator_id (value),
                              ledger_value_get_region (value), ledger_value_get_period (value));
      if (!g_hash_table_add (cells, cell))
        return TRUE;
    }
  return FALSE;
}

/* Reads the values in the taken cells into @olds (by row): a row whose
 * value is the same is done, one whose value differs is to update. */
static gboolean
read_taken (LedgerStore   *self,
            StorePending  *pending,
            guint          n,
            GPtrArray     *olds,
            GError       **error)
{
  g_autofree char *taken = rows_array (pending, n, is_taken);
  StoreStatement *stmt = store_prepare (self, READ_TAKEN, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  store_bind_static_text (stmt, 1, taken);
  while ((rc = store_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = store_column_int64 (stmt, 10);
      g_autoptr(LedgerValue) old = store_value_from_row (stmt);

      if (seq < 0 || seq >= n || pending[seq].inserted)
        continue;
      pending[seq].done = TRUE;
      pending[seq].updated = !ledger_value_equal (old, pending[seq].value);
      g_ptr_array_index (olds, seq) = g_steal_pointer (&old);
    }
  store_reset (stmt);
  return rc == SQLITE_DONE || store_set_error (self, rc, error);
}

/* "{\"{\\\"value\\\":1}\"}": the old values' records, as an array's text. */
static char *
old_records (StorePending  *pending,
             guint          n,
             GPtrArray     *olds)
{
  GString *records = g_string_new ("{");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *json = NULL;

      if (!pending[i].updated)
        continue;
      json = store_value_to_json (g_ptr_array_index (olds, i));
      g_string_append (records, records->len > 1 ? ",\"" : "\"");
      for (const char *c = json; *c != '\0'; c++)
        {
          if (*c == '"' || *c == '\\')
            g_string_append_c (records, '\\');
          g_string_append_c (records, *c);
        }
      g_string_append_c (records, '"');
    }
  g_string_append_c (records, '}');
  return g_string_free (records, FALSE);
}

static gboolean
update_and_log (LedgerStore   *self,
                StorePending  *pending,
                guint          n,
                GPtrArray     *origins,
                GPtrArray     *olds,
                GError       **error)
{
  g_autofree char *updated = rows_array (pending, n, is_updated);
  g_autofree char *records = old_records (pending, n, olds);
  g_autofree char *sets = NULL;
  StoreStatement *stmt;

  if ((stmt = store_prepare (self, UPDATE_TAKEN, error)) == NULL)
    return FALSE;
  store_bind_static_text (stmt, 1, updated);
  store_bind_static_text (stmt, 2, store_transaction_at (self));
  store_bind_static_text (stmt, 3, store_user ());
  if (!store_run (self, stmt, error) ||
      (sets = change_sets (self, pending, n, origins, is_updated, error)) == NULL ||
      (stmt = store_prepare (self, LOG_UPDATED, error)) == NULL)
    return FALSE;
  store_bind_static_text (stmt, 1, sets);
  store_bind_static_text (stmt, 2, updated);
  store_bind_static_text (stmt, 3, records);
  if (!store_run (self, stmt, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (pending[i].updated)
        store_undo_record_value (self, ledger_value_get_indicator_id (pending[i].value),
                                 ledger_value_get_region (pending[i].value),
                                 ledger_value_get_period (pending[i].value),
                                 g_ptr_array_index (olds, i), pending[i].value);
    }
  return TRUE;
}

/* A row's old value, or none (its cell was free). */
static void
unref_old (gpointer old)
{
  if (old != NULL)
    g_object_unref (old);
}

/* The values whose cells were taken: those that change them are written
 * and logged, a statement for all (a value at a time was four round
 * trips), those the same left be; in the order the caller would have. */
static gboolean
update_taken (LedgerStore   *self,
              StorePending  *pending,
              guint          n,
              GPtrArray     *origins,
              GError       **error)
{
  g_autoptr(GPtrArray) olds = NULL;
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    any |= !pending[i].inserted;
  if (!any || taken_one_by_one (pending, n))
    return TRUE;
  olds = g_ptr_array_new_full (n, unref_old);
  g_ptr_array_set_size (olds, n);
  if (!read_taken (self, pending, n, olds, error))
    return FALSE;
  any = FALSE;
  for (guint i = 0; i < n; i++)
    any |= pending[i].updated;
  return !any || update_and_log (self, pending, n, origins, olds, error);
}

/**
 * store_server_may_copy:
 *
 * Whether the server lets this desk's role make the temporary table a
 * batch is copied into (PostgreSQL grants it by default; an office may
 * have taken it away). Asked once; without it, a batch goes in with
 * multi-row INSERTs, as into a file.
 */
gboolean
store_server_may_copy (LedgerStore *self)
{
  StoreStatement *stmt;

  if (self->may_copy >= 0)
    return self->may_copy;
  stmt = store_prepare (self, "SELECT CASE WHEN has_database_privilege (current_database (), 'TEMPORARY') "
                              "THEN 1 ELSE 0 END", NULL);
  if (stmt == NULL)
    return FALSE;
  if (store_step (stmt) == SQLITE_ROW)
    self->may_copy = store_column_int (stmt, 0);
  store_reset (stmt);
  return self->may_copy > 0;
}

/**
 * store_server_insert_batch:
 * @pending: values checked against their rules
 *
 * Inserts those of @pending whose cells are free, logs them and records
 * their undo, and marks them inserted; then replaces the values in the
 * taken cells likewise, and marks them done. What it leaves undone is
 * the caller's to write a value at a time.
 */
gboolean
store_server_insert_batch (LedgerStore   *self,
                           StorePending  *pending,
                           guint          n,
                           GError       **error)
{
  g_autoptr(GPtrArray) origins = g_ptr_array_new ();

  return copy_batch (self, pending, n, origins, error) &&
         insert_free (self, pending, n, error) &&
         log_inserted (self, pending, n, origins, error) &&
         update_taken (self, pending, n, origins, error);
}
