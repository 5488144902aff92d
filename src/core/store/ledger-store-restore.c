/* ledger-store-restore.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-store-restore"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-store-private.h"

/* A restore and the ledger's closed months (docs/monthly-cycle.md): a
 * closed month refuses every write, a restore too. A backup that would
 * change a figure of a month the ledger has closed — another figure, one
 * more or one fewer — is refused, naming the months, until they are
 * reopened; one that leaves them as they are is restored, and the months
 * stay closed whatever the backup's states. */

/* A closed month of a plan, by "plan uuid/month key". */
typedef struct
{
  char *plan_uuid;
  int   month_key;   /* 202603 */
  char *label;       /* "2026-03 (changzhi-2026)" */
} ClosedMonth;

static void
closed_month_free (ClosedMonth *month)
{
  g_free (month->plan_uuid);
  g_free (month->label);
  g_free (month);
}

/* The value columns compared, as one text: a figure, a status, its note
 * and its source. */
#define VALUE_TEXT "coalesce (quote (v.value), '') || '|' || v.status || '|' || v.note || '|' || v.source"

static GHashTable *
read_closed_months (LedgerStore  *self,
                    GError      **error)
{
  StoreStatement *stmt = store_prepare (self,
    "SELECT p.uuid, p.code, s.month_key FROM period_states s JOIN plans p ON p.id = s.plan_id "
    "WHERE s.state = 'closed'", error);
  GHashTable *months;

  if (stmt == NULL)
    return NULL;
  months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) closed_month_free);
  while (store_step (stmt) == SQLITE_ROW)
    {
      ClosedMonth *month = g_new0 (ClosedMonth, 1);

      month->plan_uuid = g_strdup (store_column_text (stmt, 0));
      month->month_key = store_column_int (stmt, 2);
      month->label = g_strdup_printf ("%04d-%02d (%s)", month->month_key / 100, month->month_key % 100,
                                      store_column_text (stmt, 1));
      g_hash_table_insert (months, g_strdup_printf ("%s/%d", month->plan_uuid, month->month_key), month);
    }
  store_reset (stmt);
  return months;
}

/* The ledger's values in its closed months, "plan uuid/month key/indicator
 * uuid/period" → VALUE_TEXT. */
static GHashTable *
read_closed_values (LedgerStore  *self,
                    GError      **error)
{
  StoreStatement *stmt = store_prepare (self,
    "SELECT p.uuid || '/' || (v.period_key / 10) || '/' || i.uuid || '/' || v.region || '/' || v.period, "
    VALUE_TEXT " "
    "FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id JOIN plans p ON p.id = i.plan_id "
    "JOIN period_states s ON s.plan_id = p.id AND s.month_key = v.period_key / 10 WHERE s.state = 'closed'",
    error);
  GHashTable *values;

  if (stmt == NULL)
    return NULL;
  values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while (store_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (values, g_strdup (store_column_text (stmt, 0)), g_strdup (store_column_text (stmt, 1)));
  store_reset (stmt);
  return values;
}

/* "plan uuid/month key" of a key of read_closed_values(). */
static char *
month_of_key (const char *key)
{
  const char *slash = strchr (key, '/');

  slash = slash != NULL ? strchr (slash + 1, '/') : NULL;
  return slash != NULL ? g_strndup (key, slash - key) : g_strdup (key);
}

#define BACKUP_VALUES(region) \
  "SELECT p.uuid || '/' || (v.period_key / 10), i.uuid || '/' || " region " || '/' || v.period, " \
  VALUE_TEXT " FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id " \
  "JOIN plans p ON p.id = i.plan_id"

static void
add_changed (GPtrArray   *changed,
             GHashTable  *months,
             const char  *month_key)
{
  ClosedMonth *month = g_hash_table_lookup (months, month_key);

  if (month != NULL && !g_ptr_array_find_with_equal_func (changed, month->label, g_str_equal, NULL))
    g_ptr_array_add (changed, g_strdup (month->label));
}

/* Walks the backup's values: those of the ledger's closed months must be
 * the ledger's, each of them. Returns: whether it could read them */
static gboolean
compare_backup (sqlite3    *backup,
                GHashTable *months,
                GHashTable *values,
                GPtrArray  *changed)
{
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer key;

  /* A backup from before regions has the city's figures only. */
  if (sqlite3_prepare_v2 (backup, BACKUP_VALUES ("v.region"), -1, &stmt, NULL) != SQLITE_OK &&
      sqlite3_prepare_v2 (backup, BACKUP_VALUES ("''"), -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *month_key = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *key = NULL;
      const char *ours;

      if (month_key == NULL || !g_hash_table_contains (months, month_key))
        continue;
      key = g_strconcat (month_key, "/", (const char *) sqlite3_column_text (stmt, 1), NULL);
      ours = g_hash_table_lookup (values, key);
      if (g_strcmp0 (ours, (const char *) sqlite3_column_text (stmt, 2)) != 0)
        add_changed (changed, months, month_key);
      g_hash_table_remove (values, key);
    }
  sqlite3_finalize (stmt);
  /* What the backup lacks. */
  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *month_key = month_of_key (key);

      add_changed (changed, months, month_key);
    }
  return TRUE;
}

static int
compare_labels (gconstpointer a,
                gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The months as a list, to keep closed. */
static GPtrArray *
steal_months (GHashTable *months)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) closed_month_free);
  GHashTableIter iter;
  gpointer key, month;

  g_hash_table_iter_init (&iter, months);
  while (g_hash_table_iter_next (&iter, &key, &month))
    {
      /* The month goes to the list; its key, nobody's now, is freed. */
      g_hash_table_iter_steal (&iter);
      g_free (key);
      g_ptr_array_add (list, month);
    }
  return list;
}

/**
 * store_restore_check_closed:
 * @backup: the backup, opened and checked
 * @closed: (out) (transfer full): the ledger's closed months, to keep
 *   closed after the restore
 *
 * Returns: %FALSE with @error set when the backup changes a closed month
 */
gboolean
store_restore_check_closed (LedgerStore  *self,
                            sqlite3      *backup,
                            GPtrArray   **closed,
                            GError      **error)
{
  g_autoptr(GHashTable) months = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  if ((months = read_closed_months (self, error)) == NULL || (values = read_closed_values (self, error)) == NULL)
    return FALSE;
  if (!compare_backup (backup, months, values, changed))
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_NOT_A_LEDGER,
                   _("The backup’s figures could not be read"));
      return FALSE;
    }
  if (changed->len > 0)
    {
      g_ptr_array_sort (changed, compare_labels);
      g_ptr_array_add (changed, NULL);
      /* Translators: between the closed months a restore would change */
      list = g_strjoinv (_(", "), (char **) changed->pdata);
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CLOSED,
                   _("The backup changes figures of closed periods: %s. Reopen them before restoring"), list);
      return FALSE;
    }
  *closed = steal_months (months);
  return TRUE;
}

/* After the restore, the months closed before it stay closed, in the
 * plans the backup has. */
gboolean
store_restore_keep_closed (LedgerStore  *self,
                           GPtrArray    *closed,
                           GError      **error)
{
  for (guint i = 0; i < closed->len; i++)
    {
      ClosedMonth *month = g_ptr_array_index (closed, i);
      StoreStatement *stmt = store_prepare (self,
        "INSERT INTO period_states (plan_id, month_key, state) SELECT id, ?2, 'closed' FROM plans WHERE uuid = ?1 "
        "ON CONFLICT (plan_id, month_key) DO UPDATE SET state = 'closed'", error);

      if (stmt == NULL)
        return FALSE;
      store_bind_text (stmt, 1, month->plan_uuid);
      store_bind_int (stmt, 2, month->month_key);
      if (!store_run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}
