/* ledger-store-batch.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-store"

#include "config.h"

#include "ledger-store-pending.h"

/* Many values at once, as an import writes them: one INSERT of up to STORE_BATCH
 * new values and one INSERT of their change-log entries, instead of two
 * statements a value — each statement costs SQLite more than its row. A
 * value whose cell is taken already (the INSERT leaves it be) is written
 * one by one, with its old value in the change log. Inside the caller's
 * transaction: all or nothing still. On the office's server a batch is
 * larger and goes in with COPY (ledger-store-server-batch.c). */

static char *
repeated (const char *head,
          const char *group,
          guint       n,
          const char *tail)
{
  GString *sql = g_string_new (head);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (sql, ", ");
      g_string_append (sql, group);
    }
  g_string_append (sql, tail);
  return g_string_free (sql, FALSE);
}

/* When some cells were taken, the values inserted are those whose cell
 * now holds their uuid. */
static gboolean
mark_inserted (LedgerStore  *self,
               StorePending *pending,
               guint         n,
               GError      **error)
{
  StoreStatement *stmt = store_prepare (self, "SELECT uuid FROM indicator_values "
                                            "WHERE indicator_id = ? AND period = ? AND region = ?", error);

  for (guint i = 0; stmt != NULL && i < n; i++)
    {
      store_bind_int64 (stmt, 1, ledger_value_get_indicator_id (pending[i].value));
      store_bind_text (stmt, 2, ledger_value_get_period (pending[i].value));
      store_bind_text (stmt, 3, ledger_value_get_region (pending[i].value));
      if (store_step (stmt) == SQLITE_ROW)
        pending[i].inserted = g_str_equal (store_column_text (stmt, 0), pending[i].uuid);
      store_reset (stmt);
    }
  return stmt != NULL;
}

/* Inserts the values whose cells are free, and marks them. */
static gboolean
insert_free_cells (LedgerStore  *self,
                   StorePending *pending,
                   guint         n,
                   GError      **error)
{
  g_autofree char *sql = repeated ("INSERT INTO indicator_values (uuid, indicator_id, period, period_key, "
                                   "value, status, note, source, updated_at, updated_by, region) VALUES ",
                                   "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", n,
                                   " ON CONFLICT (indicator_id, region, period) DO NOTHING");
  StoreStatement *stmt = store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      pending[i].uuid = ledger_uuid_new ();
      store_bind_value_row (self, stmt, 1 + 11 * (int) i, pending[i].value, &pending[i].period, pending[i].uuid);
    }
  if (!store_run (self, stmt, error))
    return FALSE;
  if ((guint) store_changes (self) < n)
    return mark_inserted (self, pending, n, error);
  for (guint i = 0; i < n; i++)
    pending[i].inserted = TRUE;
  return TRUE;
}

static gboolean
log_inserted (LedgerStore  *self,
              StorePending *pending,
              guint         n,
              GError      **error)
{
  g_autofree char *sql = NULL;
  StoreStatement *stmt;
  guint count = 0, row = 0;

  for (guint i = 0; i < n; i++)
    count += pending[i].inserted;
  if (count == 0)
    return TRUE;
  sql = repeated ("INSERT INTO changes (change_set, action, entity, entity_uuid, entity_id, period, old, new) "
                  "VALUES ", "(?, 'insert', 'value', ?, ?, ?, NULL, ?)", count, "");
  if ((stmt = store_prepare (self, sql, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      int first = 1 + 5 * (int) row;
      gint64 change_set;

      if (!pending[i].inserted)
        continue;
      if (!store_change_set (self, pending[i].origin, &change_set, error))
        return FALSE;
      store_bind_int64 (stmt, first, change_set);
      store_bind_static_text (stmt, first + 1, store_rules_get_uuid (pending[i].rules));
      store_bind_int64 (stmt, first + 2, ledger_value_get_indicator_id (pending[i].value));
      store_bind_static_text (stmt, first + 3, ledger_value_get_period (pending[i].value));
      store_bind_static_text (stmt, first + 4, pending[i].json);
      store_undo_record_value (self, ledger_value_get_indicator_id (pending[i].value),
                               ledger_value_get_region (pending[i].value),
                               ledger_value_get_period (pending[i].value), NULL, pending[i].value);
      row++;
    }
  return store_run (self, stmt, error);
}

/* The plans' months and regions a batch's values were found to be
 * allowed in: a batch of a region's figures, or of a plan with a month
 * closed, asks the store once a region or month, not once a value. */
typedef struct
{
  GHashTable *allowed;  /* "plan\x1fmonth" and "plan\x1f\x1fregion" */
  GString    *key;
} Allowed;

static void
allowed_clear (Allowed *allowed)
{
  g_clear_pointer (&allowed->allowed, g_hash_table_unref);
  g_string_free (allowed->key, TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Allowed, allowed_clear)

/* Whether @key was allowed before; else asks @allow, and keeps a yes. */
static gboolean
allowed_or_ask (Allowed   *allowed,
                gboolean (*allow) (LedgerStore *, StorePending *, GError **),
                LedgerStore  *self,
                StorePending *pending,
                GError      **error)
{
  if (g_hash_table_contains (allowed->allowed, allowed->key->str))
    return TRUE;
  if (!allow (self, pending, error))
    return FALSE;
  g_hash_table_add (allowed->allowed, g_strdup (allowed->key->str));
  return TRUE;
}

static gboolean
month_open (LedgerStore   *self,
            StorePending  *pending,
            GError       **error)
{
  return store_rules_check_open (self, pending->rules, &pending->period, error);
}

static gboolean
region_of_plan (LedgerStore   *self,
                StorePending  *pending,
                GError       **error)
{
  return store_check_region (self, pending->rules, ledger_value_get_region (pending->value), error);
}

static gboolean
check_open_and_region (LedgerStore   *self,
                       Allowed       *allowed,
                       StorePending  *pending,
                       GError       **error)
{
  gint64 plan_id = store_rules_get_plan_id (pending->rules);
  const char *region = ledger_value_get_region (pending->value);

  if (store_rules_have_closed (pending->rules))
    {
      g_string_printf (allowed->key, "%" G_GINT64_FORMAT "\x1f%d", plan_id,
                       pending->period.year * 100 + ledger_period_end_month (&pending->period));
      if (!allowed_or_ask (allowed, month_open, self, pending, error))
        return FALSE;
    }
  if (region[0] == '\0')
    return TRUE;
  g_string_printf (allowed->key, "%" G_GINT64_FORMAT "\x1f\x1f%s", plan_id, region);
  return allowed_or_ask (allowed, region_of_plan, self, pending, error);
}

static gboolean
check_all (LedgerStore  *self,
           StorePending *pending,
           guint         n,
           GError      **error)
{
  g_auto(Allowed) allowed = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL), g_string_new (NULL) };

  for (guint i = 0; i < n; i++)
    {
      gint64 indicator_id = ledger_value_get_indicator_id (pending[i].value);

      if ((pending[i].rules = store_load_plan_rules (self, indicator_id, error)) == NULL ||
          !store_validate_value (pending[i].value, pending[i].rules, &pending[i].period, error) ||
          !check_open_and_region (self, &allowed, &pending[i], error))
        return FALSE;
      pending[i].json = store_value_to_json (pending[i].value);
    }
  return TRUE;
}

/* How many values store_write_values() takes at once: on the server,
 * where each statement is a round trip, many more. */
guint
store_batch_size (LedgerStore *self)
{
  return self->server != NULL ? STORE_SERVER_BATCH : STORE_BATCH;
}

/**
 * store_write_values:
 * @from: the first of @values to write
 * @n: how many, at most store_batch_size()
 * @origins: (nullable): the origin of each of @values, or %NULL for @origin
 *
 * Writes @n values inside an open transaction, like store_write_value()
 * for each.
 */
gboolean
store_write_values (LedgerStore  *self,
                    GPtrArray    *values,
                    guint         from,
                    guint         n,
                    const char   *origin,
                    GPtrArray    *origins,
                    GError      **error)
{
  g_autofree StorePending *pending = g_new0 (StorePending, n);
  gboolean ok;

  g_assert (n > 0 && n <= store_batch_size (self));

  for (guint i = 0; i < n; i++)
    {
      pending[i].value = g_ptr_array_index (values, from + i);
      pending[i].origin = origins != NULL ? g_ptr_array_index (origins, from + i) : origin;
    }
  ok = check_all (self, pending, n, error) &&
       (self->server != NULL && store_server_may_copy (self)
          ? store_server_insert_batch (self, pending, n, error)
          : insert_free_cells (self, pending, n, error) && log_inserted (self, pending, n, error));
  for (guint i = 0; ok && i < n; i++)
    {
      if (!pending[i].inserted && !pending[i].done)
        ok = store_write_value (self, pending[i].value, pending[i].origin, error);
    }
  for (guint i = 0; i < n; i++)
    {
      g_free (pending[i].json);
      g_free (pending[i].uuid);
    }
  return ok;
}
