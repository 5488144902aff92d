/* ledger-store-follow-up.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ledger-json.h"
#include "ledger-plan-file.h"
#include "ledger-store-private.h"
#include "ledger-task.h"

/* The follow-up of tasks and indicators (docs/domain.md, Follow-up): their
 * milestones, a task's sub-items and its lead and supporting units. Each
 * write is one transaction, logged in the change log under the owner's
 * UUID and one step of undo, like a value. */

typedef gboolean (*RowWrite) (LedgerStore *self, gpointer row, GError **error);

typedef struct
{
  char *task_uuid;
  char *lead_unit;
  char *supporting_units;
} TaskUnits;

static void
task_units_free (TaskUnits *units)
{
  g_free (units->task_uuid);
  g_free (units->lead_unit);
  g_free (units->supporting_units);
  g_free (units);
}

static gboolean
fail_invalid (GError     **error,
              const char  *message)
{
  g_set_error_literal (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* Runs @write in a transaction that can be undone, and tells the views:
 * like values, the follow-up changes standings, not the plan's tree, so
 * a page stays open (ledger_store_reload_follow_up()). */
static gboolean
write_follow_up (LedgerStore  *self,
                 RowWrite      write,
                 gpointer      row,
                 GError      **error)
{
  if (!store_begin (self, error))
    return FALSE;
  if (!write (self, row, error) || !store_commit (self, error))
    {
      store_rollback (self);
      return FALSE;
    }
  store_emit_values_changed (self, 0);
  return TRUE;
}

static gboolean
owner_exists (LedgerStore *self,
              const char  *uuid,
              gboolean     tasks_only)
{
  StoreStatement *stmt = store_prepare (self,
    "SELECT 1 FROM tasks WHERE uuid = ?1 UNION ALL "
    "SELECT 1 FROM indicators WHERE uuid = ?1 AND NOT ?2", NULL);
  gboolean exists;

  if (stmt == NULL)
    return FALSE;
  store_bind_text (stmt, 1, uuid);
  store_bind_int (stmt, 2, tasks_only);
  exists = store_step (stmt) == SQLITE_ROW;
  store_reset (stmt);
  return exists;
}

/* Milestones */

static LedgerMilestone *
milestone_from_row (StoreStatement *stmt)
{
  LedgerMilestone *milestone = ledger_milestone_new (store_column_text (stmt, 0),
                                                     store_column_text (stmt, 1),
                                                     store_column_text (stmt, 2),
                                                     store_column_text (stmt, 3));

  milestone->share = store_column_is_number (stmt, 4) ? store_column_double (stmt, 4) : NAN;
  ledger_milestone_set_done (milestone, store_column_text (stmt, 5), store_column_text (stmt, 6));
  return milestone;
}

#define MILESTONE_COLUMNS "uuid, owner_uuid, due, what, share, done_on, done_note"

static LedgerMilestone *
load_milestone (LedgerStore *self,
                const char  *uuid)
{
  StoreStatement *stmt = store_prepare (self,
    "SELECT " MILESTONE_COLUMNS " FROM milestones WHERE uuid = ?", NULL);
  LedgerMilestone *milestone = NULL;

  if (stmt == NULL)
    return NULL;
  store_bind_text (stmt, 1, uuid);
  if (store_step (stmt) == SQLITE_ROW)
    milestone = milestone_from_row (stmt);
  store_reset (stmt);
  return milestone;
}

static gboolean
check_milestone (LedgerStore           *self,
                 const LedgerMilestone *milestone,
                 GError               **error)
{
  if (!ledger_date_is_valid (milestone->due))
    return fail_invalid (error, _("A milestone needs a due date written YYYY-MM-DD"));
  if (milestone->what == NULL || milestone->what[0] == '\0')
    return fail_invalid (error, _("A milestone needs to say what is due"));
  if (!isnan (milestone->share) && (milestone->share < 0 || milestone->share > 100))
    return fail_invalid (error, _("A milestone’s share of the target is between 0 and 100 %"));
  if (milestone->done_on[0] != '\0' && !ledger_date_is_valid (milestone->done_on))
    return fail_invalid (error, _("A milestone’s date of completion is written YYYY-MM-DD"));
  if (!owner_exists (self, milestone->owner_uuid, FALSE))
    return fail_invalid (error, _("There is no such task or indicator in the ledger"));
  return TRUE;
}

/* Inserts or replaces @milestone (by UUID): a new one comes last. */
gboolean
store_put_milestone (LedgerStore           *self,
                     const LedgerMilestone *milestone,
                     GError               **error)
{
  StoreStatement *stmt = store_prepare (self,
    "INSERT INTO milestones (uuid, owner_uuid, position, due, what, share, done_on, done_note) "
    "VALUES (?1, ?2, (SELECT coalesce(max(position) + 1, 0) FROM milestones WHERE owner_uuid = ?2), "
    "?3, ?4, ?5, ?6, ?7) ON CONFLICT (uuid) DO UPDATE SET due = excluded.due, what = excluded.what, "
    "share = excluded.share, done_on = excluded.done_on, done_note = excluded.done_note", error);

  if (stmt == NULL)
    return FALSE;
  store_bind_text (stmt, 1, milestone->uuid);
  store_bind_text (stmt, 2, milestone->owner_uuid);
  store_bind_text (stmt, 3, milestone->due);
  store_bind_text (stmt, 4, milestone->what);
  if (!isnan (milestone->share))
    store_bind_double (stmt, 5, milestone->share);
  else
    store_bind_null (stmt, 5);
  store_bind_text (stmt, 6, milestone->done_on);
  store_bind_text (stmt, 7, milestone->note);
  return store_run (self, stmt, error);
}

static gboolean
remove_row (LedgerStore  *self,
            const char   *sql,
            const char   *uuid,
            GError      **error)
{
  StoreStatement *stmt = store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  store_bind_text (stmt, 1, uuid);
  return store_run (self, stmt, error);
}

static gboolean
restore_milestone (LedgerStore  *self,
                   const char   *uuid,
                   gpointer      old,
                   GError      **error)
{
  return store_replace_milestone (self, uuid, old, error);
}

/* Replaces the milestone @uuid by @milestone (%NULL: deletes it), logged
 * and recorded for undo. */
gboolean
store_replace_milestone (LedgerStore           *self,
                         const char            *uuid,
                         const LedgerMilestone *milestone,
                         GError               **error)
{
  g_autoptr(LedgerMilestone) old = load_milestone (self, uuid);
  const LedgerMilestone *either = old != NULL ? old : milestone;
  g_autofree char *old_json = old != NULL ? ledger_plan_file_milestone_to_json (old) : NULL;
  g_autofree char *new_json = milestone != NULL ? ledger_plan_file_milestone_to_json (milestone) : NULL;
  gboolean written;

  if (either == NULL)
    return fail_invalid (error, _("There is no such milestone in the ledger"));
  if (milestone != NULL)
    written = check_milestone (self, milestone, error) && store_put_milestone (self, milestone, error);
  else
    written = remove_row (self, "DELETE FROM milestones WHERE uuid = ?", uuid, error);
  if (!written || !store_log_change (self, old == NULL ? "insert" : milestone == NULL ? "delete" : "update",
                                     "milestone", either->owner_uuid, "", old_json, new_json, "", error))
    return FALSE;
  store_undo_record_row (self, uuid, restore_milestone, g_steal_pointer (&old),
                         (GDestroyNotify) ledger_milestone_free);
  return TRUE;
}

static gboolean
write_milestone (LedgerStore  *self,
                 gpointer      row,
                 GError      **error)
{
  const LedgerMilestone *milestone = row;

  return store_replace_milestone (self, milestone->uuid, milestone, error);
}

/**
 * ledger_store_save_milestone:
 * @milestone: a new milestone (a UUID the ledger lacks) or a changed one
 *
 * Writes @milestone, logged and one step of undo. Emits
 * #LedgerStore::plans-changed.
 */
gboolean
ledger_store_save_milestone (LedgerStore            *self,
                             const LedgerMilestone  *milestone,
                             GError                **error)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (milestone != NULL && milestone->uuid != NULL, FALSE);

  return write_follow_up (self, write_milestone, (gpointer) milestone, error);
}

static gboolean
write_milestone_deletion (LedgerStore  *self,
                          gpointer      uuid,
                          GError      **error)
{
  return store_replace_milestone (self, uuid, NULL, error);
}

gboolean
ledger_store_delete_milestone (LedgerStore  *self,
                               const char   *uuid,
                               GError      **error)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);

  return write_follow_up (self, write_milestone_deletion, (gpointer) uuid, error);
}

/* Sub-items */

#define SUB_ITEM_COLUMNS "uuid, owner_uuid, title, status, note"

static LedgerSubItem *
sub_item_from_row (StoreStatement *stmt)
{
  return ledger_sub_item_new (store_column_text (stmt, 0), store_column_text (stmt, 1),
                              store_column_text (stmt, 2), store_column_text (stmt, 3),
                              store_column_text (stmt, 4));
}

static LedgerSubItem *
load_sub_item (LedgerStore *self,
               const char  *uuid)
{
  StoreStatement *stmt = store_prepare (self,
    "SELECT " SUB_ITEM_COLUMNS " FROM sub_items WHERE uuid = ?", NULL);
  LedgerSubItem *item = NULL;

  if (stmt == NULL)
    return NULL;
  store_bind_text (stmt, 1, uuid);
  if (store_step (stmt) == SQLITE_ROW)
    item = sub_item_from_row (stmt);
  store_reset (stmt);
  return item;
}

gboolean
store_put_sub_item (LedgerStore         *self,
                    const LedgerSubItem *item,
                    GError             **error)
{
  StoreStatement *stmt = store_prepare (self,
    "INSERT INTO sub_items (uuid, owner_uuid, position, title, status, note) "
    "VALUES (?1, ?2, (SELECT coalesce(max(position) + 1, 0) FROM sub_items WHERE owner_uuid = ?2), "
    "?3, ?4, ?5) ON CONFLICT (uuid) DO UPDATE SET title = excluded.title, "
    "status = excluded.status, note = excluded.note", error);

  if (stmt == NULL)
    return FALSE;
  store_bind_text (stmt, 1, item->uuid);
  store_bind_text (stmt, 2, item->owner_uuid);
  store_bind_text (stmt, 3, item->title);
  store_bind_text (stmt, 4, item->status);
  store_bind_text (stmt, 5, item->note);
  return store_run (self, stmt, error);
}

static gboolean
check_sub_item (LedgerStore         *self,
                const LedgerSubItem *item,
                GError             **error)
{
  if (item->title == NULL || item->title[0] == '\0')
    return fail_invalid (error, _("A sub-item needs a title"));
  if (!ledger_sub_item_status_is_valid (item->status))
    return fail_invalid (error, _("A sub-item’s status is not started, in progress, done or behind"));
  if (!owner_exists (self, item->owner_uuid, TRUE))
    return fail_invalid (error, _("There is no such task in the ledger"));
  return TRUE;
}

static gboolean store_replace_sub_item (LedgerStore *self, const char *uuid,
                                        const LedgerSubItem *item, GError **error);

static gboolean
restore_sub_item (LedgerStore  *self,
                  const char   *uuid,
                  gpointer      old,
                  GError      **error)
{
  return store_replace_sub_item (self, uuid, old, error);
}

static gboolean
store_replace_sub_item (LedgerStore         *self,
                        const char          *uuid,
                        const LedgerSubItem *item,
                        GError             **error)
{
  g_autoptr(LedgerSubItem) old = load_sub_item (self, uuid);
  const LedgerSubItem *either = old != NULL ? old : item;
  g_autofree char *old_json = old != NULL ? ledger_plan_file_sub_item_to_json (old) : NULL;
  g_autofree char *new_json = item != NULL ? ledger_plan_file_sub_item_to_json (item) : NULL;
  gboolean written;

  if (either == NULL)
    return fail_invalid (error, _("There is no such sub-item in the ledger"));
  if (item != NULL)
    written = check_sub_item (self, item, error) && store_put_sub_item (self, item, error);
  else
    written = remove_row (self, "DELETE FROM sub_items WHERE uuid = ?", uuid, error);
  if (!written || !store_log_change (self, old == NULL ? "insert" : item == NULL ? "delete" : "update",
                                     "sub_item", either->owner_uuid, "", old_json, new_json, "", error))
    return FALSE;
  store_undo_record_row (self, uuid, restore_sub_item, g_steal_pointer (&old),
                         (GDestroyNotify) ledger_sub_item_free);
  return TRUE;
}

static gboolean
write_sub_item (LedgerStore  *self,
                gpointer      row,
                GError      **error)
{
  const LedgerSubItem *item = row;

  return store_replace_sub_item (self, item->uuid, item, error);
}

gboolean
ledger_store_save_sub_item (LedgerStore          *self,
                            const LedgerSubItem  *item,
                            GError              **error)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL && item->uuid != NULL, FALSE);

  return write_follow_up (self, write_sub_item, (gpointer) item, error);
}

static gboolean
write_sub_item_deletion (LedgerStore  *self,
                         gpointer      uuid,
                         GError      **error)
{
  return store_replace_sub_item (self, uuid, NULL, error);
}

gboolean
ledger_store_delete_sub_item (LedgerStore  *self,
                              const char   *uuid,
                              GError      **error)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);

  return write_follow_up (self, write_sub_item_deletion, (gpointer) uuid, error);
}

/* A task's units */

static TaskUnits *
load_task_units (LedgerStore *self,
                 const char  *task_uuid)
{
  StoreStatement *stmt = store_prepare (self,
    "SELECT lead_unit, supporting_units FROM tasks WHERE uuid = ?", NULL);
  TaskUnits *units = NULL;

  if (stmt == NULL)
    return NULL;
  store_bind_text (stmt, 1, task_uuid);
  if (store_step (stmt) == SQLITE_ROW)
    {
      units = g_new0 (TaskUnits, 1);
      units->task_uuid = g_strdup (task_uuid);
      units->lead_unit = g_strdup (store_column_text (stmt, 0));
      units->supporting_units = g_strdup (store_column_text (stmt, 1));
    }
  store_reset (stmt);
  return units;
}

static char *
task_units_to_json (const TaskUnits *units)
{
  g_autoptr(GString) json = g_string_new ("{\"lead_unit\":");
  g_auto(GStrv) supporting = g_strsplit (units->supporting_units, "\n", -1);

  ledger_json_append_string (json, units->lead_unit);
  g_string_append (json, ",\"supporting_units\":[");
  for (guint i = 0; supporting[i] != NULL && supporting[i][0] != '\0'; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      ledger_json_append_string (json, supporting[i]);
    }
  g_string_append (json, "]}");
  return g_string_free (g_steal_pointer (&json), FALSE);
}

static gboolean store_replace_task_units (LedgerStore *self, const TaskUnits *units, GError **error);

static gboolean
restore_task_units (LedgerStore  *self,
                    const char   *uuid G_GNUC_UNUSED,
                    gpointer      old,
                    GError      **error)
{
  return store_replace_task_units (self, old, error);
}

static gboolean
store_replace_task_units (LedgerStore      *self,
                          const TaskUnits  *units,
                          GError          **error)
{
  TaskUnits *old = load_task_units (self, units->task_uuid);
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = task_units_to_json (units);
  StoreStatement *stmt;

  if (old == NULL)
    return fail_invalid (error, _("There is no such task in the ledger"));
  old_json = task_units_to_json (old);
  if ((stmt = store_prepare (self,
         "UPDATE tasks SET lead_unit = ?, supporting_units = ? WHERE uuid = ?", error)) == NULL)
    {
      task_units_free (old);
      return FALSE;
    }
  store_bind_text (stmt, 1, units->lead_unit);
  store_bind_text (stmt, 2, units->supporting_units);
  store_bind_text (stmt, 3, units->task_uuid);
  store_undo_record_row (self, units->task_uuid, restore_task_units, old,
                         (GDestroyNotify) task_units_free);
  return store_run (self, stmt, error) &&
         store_log_change (self, "update", "task", units->task_uuid, "", old_json, new_json, "", error);
}

/* Within a transaction: sets a task's units, logged and recorded for
 * undo. */
gboolean
store_write_task_units (LedgerStore  *self,
                        const char   *task_uuid,
                        const char   *lead_unit,
                        const char   *supporting_units,
                        GError      **error)
{
  TaskUnits units = { (char *) task_uuid, (char *) lead_unit, (char *) supporting_units };

  return store_replace_task_units (self, &units, error);
}

static gboolean
write_task_units (LedgerStore  *self,
                  gpointer      row,
                  GError      **error)
{
  return store_replace_task_units (self, row, error);
}

/**
 * ledger_store_set_task_units:
 * @lead_unit: the task's lead unit (牵头单位), or ""
 * @supporting_units: its supporting units (配合单位), one per line
 *
 * Logged and one step of undo. Emits #LedgerStore::plans-changed.
 */
gboolean
ledger_store_set_task_units (LedgerStore  *self,
                             const char   *task_uuid,
                             const char   *lead_unit,
                             const char   *supporting_units,
                             GError      **error)
{
  TaskUnits units = { (char *) task_uuid, g_strstrip (g_strdup (lead_unit != NULL ? lead_unit : "")),
                      (char *) (supporting_units != NULL ? supporting_units : "") };
  gboolean written;

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (task_uuid != NULL, FALSE);

  written = write_follow_up (self, write_task_units, &units, error);
  g_free (units.lead_unit);
  return written;
}

/* Deletes the milestones and sub-items of the task or indicator
 * @owner_uuid, as it is deleted. */
gboolean
store_delete_follow_up (LedgerStore  *self,
                        const char   *owner_uuid,
                        GError      **error)
{
  return remove_row (self, "DELETE FROM milestones WHERE owner_uuid = ?", owner_uuid, error) &&
         remove_row (self, "DELETE FROM sub_items WHERE owner_uuid = ?", owner_uuid, error);
}

/* Reading them with the plans */

static void
index_owners (GHashTable *owners,
              LedgerNode *node)
{
  GListModel *children = ledger_node_get_children (node);

  if (LEDGER_IS_TASK (node))
    g_hash_table_insert (owners, (gpointer) ledger_node_get_uuid (node), node);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(GObject) child = g_list_model_get_item (children, i);

      if (LEDGER_IS_INDICATOR (child))
        g_hash_table_insert (owners, (gpointer) ledger_indicator_get_uuid (LEDGER_INDICATOR (child)), child);
      else
        index_owners (owners, LEDGER_NODE (child));
    }
}

static GPtrArray *
owner_milestones (GObject *owner)
{
  return LEDGER_IS_TASK (owner) ? ledger_task_get_milestones (LEDGER_TASK (owner))
                                : ledger_indicator_get_milestones (LEDGER_INDICATOR (owner));
}

/* Gives each task and indicator of @owners (by UUID) its milestones and
 * sub-items. */
static gboolean
load_follow_up_into (LedgerStore  *self,
                     GHashTable   *owners,
                     GError      **error)
{
  StoreStatement *stmt;
  int rc;

  if ((stmt = store_prepare (self, "SELECT " MILESTONE_COLUMNS " FROM milestones ORDER BY due, position",
                             error)) == NULL)
    return FALSE;
  while ((rc = store_step (stmt)) == SQLITE_ROW)
    {
      GObject *owner = g_hash_table_lookup (owners, store_column_text (stmt, 1));

      if (owner != NULL)
        g_ptr_array_add (owner_milestones (owner), milestone_from_row (stmt));
    }
  store_reset (stmt);
  if (rc != SQLITE_DONE)
    return store_set_error (self, rc, error);

  if ((stmt = store_prepare (self, "SELECT " SUB_ITEM_COLUMNS " FROM sub_items ORDER BY position",
                             error)) == NULL)
    return FALSE;
  while ((rc = store_step (stmt)) == SQLITE_ROW)
    {
      GObject *owner = g_hash_table_lookup (owners, store_column_text (stmt, 1));

      if (owner != NULL && LEDGER_IS_TASK (owner))
        g_ptr_array_add (ledger_task_get_sub_items (LEDGER_TASK (owner)), sub_item_from_row (stmt));
    }
  store_reset (stmt);
  return rc == SQLITE_DONE || store_set_error (self, rc, error);
}

/* Gives the tasks and indicators of @plans their milestones and
 * sub-items. */
gboolean
store_load_follow_up (LedgerStore  *self,
                      GPtrArray    *plans,
                      GError      **error)
{
  g_autoptr(GHashTable) owners = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < plans->len; i++)
    index_owners (owners, g_ptr_array_index (plans, i));
  return load_follow_up_into (self, owners, error);
}

/**
 * ledger_store_reload_follow_up:
 * @task: a task as the store listed it
 * @indicator: (nullable): one of its indicators
 *
 * Reads again the units, milestones and sub-items of @task and the
 * milestones of @indicator into them: the follow-up's writes do not
 * rebuild the plans (they emit #LedgerStore::values-changed only).
 */
gboolean
ledger_store_reload_follow_up (LedgerStore      *self,
                               LedgerTask       *task,
                               LedgerIndicator  *indicator,
                               GError          **error)
{
  g_autoptr(GHashTable) owners = g_hash_table_new (g_str_hash, g_str_equal);
  TaskUnits *units;

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (LEDGER_IS_TASK (task), FALSE);

  if ((units = load_task_units (self, ledger_node_get_uuid (LEDGER_NODE (task)))) != NULL)
    {
      g_object_set (task, "lead-unit", units->lead_unit, "supporting-units", units->supporting_units, NULL);
      task_units_free (units);
    }
  g_ptr_array_set_size (ledger_task_get_milestones (task), 0);
  g_ptr_array_set_size (ledger_task_get_sub_items (task), 0);
  g_hash_table_insert (owners, (gpointer) ledger_node_get_uuid (LEDGER_NODE (task)), task);
  if (indicator != NULL)
    {
      g_ptr_array_set_size (ledger_indicator_get_milestones (indicator), 0);
      g_hash_table_insert (owners, (gpointer) ledger_indicator_get_uuid (indicator), indicator);
    }
  return load_follow_up_into (self, owners, error);
}

/**
 * ledger_store_list_milestones:
 * @owner_uuid: a task's or an indicator's UUID
 *
 * Returns: (transfer full) (element-type LedgerMilestone): its milestones
 *   by due date, or %NULL with @error set
 */
GPtrArray *
ledger_store_list_milestones (LedgerStore  *self,
                              const char   *owner_uuid,
                              GError      **error)
{
  g_autoptr(GPtrArray) milestones = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_milestone_free);
  StoreStatement *stmt;
  int rc;

  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);

  if ((stmt = store_prepare (self, "SELECT " MILESTONE_COLUMNS " FROM milestones WHERE owner_uuid = ? "
                             "ORDER BY due, position", error)) == NULL)
    return NULL;
  store_bind_text (stmt, 1, owner_uuid);
  while ((rc = store_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (milestones, milestone_from_row (stmt));
  store_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&milestones);
}

/* Writes the milestones and sub-items a plan file gave a task or an
 * indicator, as the plan is added. */
gboolean
store_insert_follow_up (LedgerStore  *self,
                        GPtrArray    *milestones,
                        GPtrArray    *sub_items,
                        GError      **error)
{
  for (guint i = 0; milestones != NULL && i < milestones->len; i++)
    {
      if (!store_put_milestone (self, g_ptr_array_index (milestones, i), error))
        return FALSE;
    }
  for (guint i = 0; sub_items != NULL && i < sub_items->len; i++)
    {
      if (!store_put_sub_item (self, g_ptr_array_index (sub_items, i), error))
        return FALSE;
    }
  return TRUE;
}

/**
 * ledger_store_find_overdue_milestone:
 * @today: the day milestones are judged on (ledger_follow_up_reference_date())
 *
 * Returns: (transfer full) (nullable): the earliest milestone of the
 * indicator or of its task due before @today and not done
 */
LedgerMilestone *
ledger_store_find_overdue_milestone (LedgerStore *self,
                                     gint64       indicator_id,
                                     const char  *today)
{
  StoreStatement *stmt = store_prepare (self,
    "SELECT " MILESTONE_COLUMNS " FROM milestones WHERE done_on = '' AND due < ?2 AND owner_uuid IN "
    "(SELECT i.uuid FROM indicators i WHERE i.id = ?1 UNION ALL "
    " SELECT t.uuid FROM tasks t JOIN indicators i ON i.task_id = t.id WHERE i.id = ?1) "
    "ORDER BY due, position LIMIT 1", NULL);
  LedgerMilestone *milestone = NULL;

  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);

  if (stmt == NULL)
    return NULL;
  store_bind_int64 (stmt, 1, indicator_id);
  store_bind_text (stmt, 2, today);
  if (store_step (stmt) == SQLITE_ROW)
    milestone = milestone_from_row (stmt);
  store_reset (stmt);
  return milestone;
}

/* Returns: whether a sub-item of the indicator's task is behind (滞后),
 * which makes the task behind */
gboolean
ledger_store_has_sub_item_behind (LedgerStore *self,
                                  gint64       indicator_id)
{
  StoreStatement *stmt = store_prepare (self,
    "SELECT 1 FROM sub_items s JOIN tasks t ON t.uuid = s.owner_uuid "
    "JOIN indicators i ON i.task_id = t.id WHERE i.id = ? AND s.status = 'behind' LIMIT 1", NULL);
  gboolean behind;

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);

  if (stmt == NULL)
    return FALSE;
  store_bind_int64 (stmt, 1, indicator_id);
  behind = store_step (stmt) == SQLITE_ROW;
  store_reset (stmt);
  return behind;
}

/**
 * ledger_store_read_plan_follow_up:
 * @indicator_id: an indicator of the plan
 * @today: the day milestones are judged on, YYYY-MM-DD
 * @func: called for every indicator of the plan: whether a milestone of it
 *   or its task is past due before @today and not done, and whether a
 *   sub-item of its task is behind
 *
 * What ledger_store_find_overdue_milestone() and
 * ledger_store_has_sub_item_behind() say of each indicator, for a whole
 * plan in one query.
 *
 * Returns: %FALSE if the ledger could not be read
 */
gboolean
ledger_store_read_plan_follow_up (LedgerStore           *self,
                                  gint64                 indicator_id,
                                  const char            *today,
                                  LedgerFollowUpFunc     func,
                                  gpointer               user_data)
{
  StoreStatement *stmt;
  int rc;

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (today != NULL && func != NULL, FALSE);

  stmt = store_prepare (self,
    "SELECT i.id, "
    "CASE WHEN EXISTS (SELECT 1 FROM milestones m WHERE m.done_on = '' AND m.due < ?2 "
    "  AND (m.owner_uuid = i.uuid OR m.owner_uuid = t.uuid)) THEN 1 ELSE 0 END, "
    "CASE WHEN EXISTS (SELECT 1 FROM sub_items s WHERE s.owner_uuid = t.uuid AND s.status = 'behind') "
    "  THEN 1 ELSE 0 END "
    "FROM indicators i LEFT JOIN tasks t ON t.id = i.task_id "
    "WHERE i.plan_id = (SELECT plan_id FROM indicators WHERE id = ?1)", NULL);
  if (stmt == NULL)
    return FALSE;
  store_bind_int64 (stmt, 1, indicator_id);
  store_bind_text (stmt, 2, today);
  while ((rc = store_step (stmt)) == SQLITE_ROW)
    func (store_column_int64 (stmt, 0), store_column_int (stmt, 1) != 0, store_column_int (stmt, 2) != 0,
          user_data);
  store_reset (stmt);
  return rc == SQLITE_DONE;
}
