/* ledger-store-plans.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "ledger-area.h"
#include "ledger-plan-file.h"
#include "ledger-status.h"
#include "ledger-store-private.h"
#include "ledger-task.h"

/* The store's plans: adding plans, reading them back as trees, and the
 * office's edits of indicators and tasks, each logged in the change log. */

static const char *builtin_plans[] = { "changzhi-2026.json", "changzhi-15th-five-year.json" };
static const char *indicator_columns =
  "id, uuid, code, name, unit, kind, comparator, better, target, frequency, "
  "responsible_unit, notes, source_text, profile, custom_shares, due_month, january, commitment, "
  "unit_confirmed, supporting_units";
static const char *indicator_columns_prefixed =
  "id, i.uuid, i.code, i.name, i.unit, i.kind, i.comparator, i.better, i.target, i.frequency, "
  "i.responsible_unit, i.notes, i.source_text, i.profile, i.custom_shares, i.due_month, i.january, "
  "i.commitment, i.unit_confirmed, i.supporting_units";

/* Binds how an indicator is paced and read, from parameter @first on:
 * profile, custom shares, due month, January, commitment, unit confirmed. */
static void
bind_schedule (StoreStatement    *stmt,
               int              first,
               LedgerIndicator *indicator)
{
  store_bind_text (stmt, first, ledger_profile_to_string (ledger_indicator_get_profile (indicator)));
  store_bind_text (stmt, first + 1, ledger_indicator_get_custom_shares (indicator));
  store_bind_int (stmt, first + 2, ledger_indicator_get_due_month (indicator));
  store_bind_text (stmt, first + 3, ledger_january_to_string (ledger_indicator_get_january (indicator)));
  store_bind_text (stmt, first + 4,
                   ledger_commitment_to_string (ledger_indicator_get_commitment (indicator)));
  store_bind_int (stmt, first + 5, ledger_indicator_get_unit_confirmed (indicator) ? 1 : 0);
}

static gint64
insert_plan_row (LedgerStore  *self,
                 LedgerPlan   *plan,
                 GError      **error)
{
  const LedgerRegion *for_region = ledger_plan_get_for_region (plan);
  StoreStatement *stmt = store_prepare (self,
    "INSERT INTO plans (uuid, code, title, region, source, first_year, last_year, for_region_code, "
    "for_region_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return 0;
  store_bind_text (stmt, 1, ledger_node_get_uuid (LEDGER_NODE (plan)));
  store_bind_text (stmt, 2, ledger_plan_get_code (plan));
  store_bind_text (stmt, 3, ledger_node_get_title (LEDGER_NODE (plan)));
  store_bind_text (stmt, 4, ledger_plan_get_region (plan));
  store_bind_text (stmt, 5, ledger_plan_get_source (plan));
  store_bind_int (stmt, 6, ledger_plan_get_first_year (plan));
  store_bind_int (stmt, 7, ledger_plan_get_last_year (plan));
  store_bind_text (stmt, 8, for_region != NULL ? for_region->code : "");
  store_bind_text (stmt, 9, for_region != NULL ? for_region->name : "");
  return store_run (self, stmt, error) ? store_last_insert_id (self) : 0;
}

static gint64
insert_area_row (LedgerStore  *self,
                 LedgerArea   *area,
                 gint64        plan_id,
                 guint         position,
                 GError      **error)
{
  StoreStatement *stmt = store_prepare (self,
    "INSERT INTO areas (uuid, plan_id, position, title, short_title) VALUES (?, ?, ?, ?, ?)",
    error);

  if (stmt == NULL)
    return 0;
  store_bind_text (stmt, 1, ledger_node_get_uuid (LEDGER_NODE (area)));
  store_bind_int64 (stmt, 2, plan_id);
  store_bind_int (stmt, 3, position);
  store_bind_text (stmt, 4, ledger_node_get_title (LEDGER_NODE (area)));
  store_bind_text (stmt, 5, ledger_area_get_short_title (area));
  return store_run (self, stmt, error) ? store_last_insert_id (self) : 0;
}

static gint64
store_insert_task_row (LedgerStore  *self,
                 LedgerTask   *task,
                 gint64        area_id,
                 guint         position,
                 GError      **error)
{
  StoreStatement *stmt = store_prepare (self,
    "INSERT INTO tasks (uuid, area_id, position, title, text, lead_unit, supporting_units) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return 0;
  store_bind_text (stmt, 1, ledger_node_get_uuid (LEDGER_NODE (task)));
  store_bind_int64 (stmt, 2, area_id);
  store_bind_int (stmt, 3, position);
  store_bind_text (stmt, 4, ledger_node_get_title (LEDGER_NODE (task)));
  store_bind_text (stmt, 5, ledger_task_get_text (task));
  store_bind_text (stmt, 6, ledger_task_get_lead_unit (task));
  store_bind_text (stmt, 7, ledger_task_get_supporting_units (task));
  return store_run (self, stmt, error) ? store_last_insert_id (self) : 0;
}

static gint64
store_insert_indicator_row (LedgerStore      *self,
                      LedgerIndicator  *indicator,
                      gint64            plan_id,
                      gint64            task_id,
                      guint             position,
                      GError          **error)
{
  LedgerKind kind = ledger_indicator_get_kind (indicator);
  StoreStatement *stmt = store_prepare (self,
    "INSERT INTO indicators (uuid, plan_id, task_id, position, code, name, unit, kind, "
    "comparator, better, target, frequency, responsible_unit, notes, source_text, profile, "
    "custom_shares, due_month, january, commitment, unit_confirmed, supporting_units) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return 0;
  store_bind_text (stmt, 1, ledger_indicator_get_uuid (indicator));
  store_bind_int64 (stmt, 2, plan_id);
  store_bind_int64 (stmt, 3, task_id);
  store_bind_int (stmt, 4, position);
  store_bind_text (stmt, 5, ledger_indicator_get_code (indicator));
  store_bind_text (stmt, 6, ledger_indicator_get_name (indicator));
  store_bind_text (stmt, 7, ledger_indicator_get_unit (indicator));
  store_bind_text (stmt, 8, ledger_kind_to_string (kind));
  store_bind_text (stmt, 9, ledger_comparator_to_string (ledger_indicator_get_comparator (indicator)));
  store_bind_text (stmt, 10, ledger_better_to_string (ledger_indicator_get_better (indicator)));
  if (kind != LEDGER_KIND_QUALITATIVE)
    store_bind_double (stmt, 11, ledger_indicator_get_target (indicator));
  store_bind_text (stmt, 12, ledger_frequency_to_string (ledger_indicator_get_frequency (indicator)));
  store_bind_text (stmt, 13, ledger_indicator_get_responsible_unit (indicator));
  store_bind_text (stmt, 14, ledger_indicator_get_notes (indicator));
  store_bind_text (stmt, 15, ledger_indicator_get_source_text (indicator));
  bind_schedule (stmt, 16, indicator);
  store_bind_text (stmt, 22, ledger_indicator_get_supporting_units (indicator));
  return store_run (self, stmt, error) ? store_last_insert_id (self) : 0;
}

static gboolean
insert_plan_tree (LedgerStore  *self,
                  LedgerPlan   *plan,
                  GError      **error)
{
  GListModel *areas = ledger_node_get_children (LEDGER_NODE (plan));
  gint64 plan_id = insert_plan_row (self, plan, error);

  if (plan_id == 0)
    return FALSE;
  ledger_node_set_id (LEDGER_NODE (plan), plan_id);
  if (!store_write_plan_due_days (self, plan, error) ||
      !store_write_regions (self, plan_id, ledger_plan_get_regions (plan), error))
    return FALSE;

  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(LedgerArea) area = g_list_model_get_item (areas, a);
      GListModel *tasks = ledger_node_get_children (LEDGER_NODE (area));
      gint64 area_id = insert_area_row (self, area, plan_id, a, error);

      if (area_id == 0)
        return FALSE;
      ledger_node_set_id (LEDGER_NODE (area), area_id);

      for (guint t = 0; t < g_list_model_get_n_items (tasks); t++)
        {
          g_autoptr(LedgerTask) task = g_list_model_get_item (tasks, t);
          GListModel *indicators = ledger_node_get_children (LEDGER_NODE (task));
          gint64 task_id = store_insert_task_row (self, task, area_id, t, error);

          if (task_id == 0 ||
              !store_insert_follow_up (self, ledger_task_get_milestones (task),
                                       ledger_task_get_sub_items (task), error))
            return FALSE;
          ledger_node_set_id (LEDGER_NODE (task), task_id);

          for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
            {
              g_autoptr(LedgerIndicator) indicator = g_list_model_get_item (indicators, i);
              gint64 id = store_insert_indicator_row (self, indicator, plan_id, task_id, i, error);

              if (id == 0 ||
                  !store_insert_follow_up (self, ledger_indicator_get_milestones (indicator), NULL, error) ||
                  !store_write_region_targets (self, id, ledger_indicator_get_region_targets (indicator),
                                               error))
                return FALSE;
              ledger_indicator_set_id (indicator, id);
            }
        }
    }

  return store_log_change (self, "insert", "plan", ledger_node_get_uuid (LEDGER_NODE (plan)), "",
                     NULL, ledger_plan_get_code (plan), "", error);
}

static gboolean
check_plan_is_new (LedgerStore  *self,
                   LedgerPlan   *plan,
                   GError      **error)
{
  StoreStatement *stmt = store_prepare (self, "SELECT 1 FROM plans WHERE uuid = ? OR code = ?", error);
  gboolean exists;

  if (stmt == NULL)
    return FALSE;
  store_bind_text (stmt, 1, ledger_node_get_uuid (LEDGER_NODE (plan)));
  store_bind_text (stmt, 2, ledger_plan_get_code (plan));
  exists = store_step (stmt) == SQLITE_ROW;
  store_reset (stmt);
  if (exists)
    g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_EXISTS,
                 _("The ledger already holds the plan “%s”"),
                 ledger_node_get_title (LEDGER_NODE (plan)));
  return !exists;
}

/**
 * ledger_store_add_plans:
 * @plans: (element-type LedgerPlan): plans, as read from a plan file
 *
 * Adds the plans in one transaction: all of them or, on error, none. The
 * objects get their database ids.
 */
gboolean
ledger_store_add_plans (LedgerStore  *self,
                        GPtrArray    *plans,
                        GError      **error)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (plans != NULL, FALSE);

  if (!store_begin (self, error))
    return FALSE;
  store_undo_forget (self);
  for (guint i = 0; i < plans->len; i++)
    {
      LedgerPlan *plan = g_ptr_array_index (plans, i);

      if (!check_plan_is_new (self, plan, error) || !insert_plan_tree (self, plan, error))
        {
          store_rollback (self);
          return FALSE;
        }
    }
  if (!store_commit (self, error))
    {
      store_rollback (self);
      return FALSE;
    }
  store_emit_plans_changed (self);
  return TRUE;
}

/* Loads the plans compiled into the program into a ledger that has none:
 * the first start of an empty ledger. */
gboolean
ledger_store_add_builtin_plans (LedgerStore  *self,
                                GError      **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  StoreStatement *stmt;
  gboolean has_plans;

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);

  if ((stmt = store_prepare (self, "SELECT 1 FROM plans LIMIT 1", error)) == NULL)
    return FALSE;
  has_plans = store_step (stmt) == SQLITE_ROW;
  store_reset (stmt);
  if (has_plans)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (builtin_plans); i++)
    {
      g_autoptr(GPtrArray) plans = ledger_plan_file_load_builtin (builtin_plans[i], error);

      if (plans == NULL)
        return FALSE;
      g_ptr_array_extend_and_steal (all, g_steal_pointer (&plans));
    }
  return ledger_store_add_plans (self, all, error);
}

static LedgerIndicator *
store_indicator_from_row (StoreStatement *stmt)
{
  LedgerKind kind = LEDGER_KIND_QUALITATIVE;
  LedgerComparator comparator = LEDGER_COMPARATOR_NONE;
  LedgerBetter better = LEDGER_BETTER_HIGHER;
  LedgerFrequency frequency = LEDGER_FREQUENCY_ANNUAL;
  LedgerProfile profile = LEDGER_PROFILE_LINEAR;
  LedgerJanuary january = LEDGER_JANUARY_COMBINED;
  LedgerCommitment commitment = LEDGER_COMMITMENT_NONE;
  LedgerIndicator *indicator;

  ledger_kind_from_string (store_column_text (stmt, 5), &kind);
  ledger_comparator_from_string (store_column_text (stmt, 6), &comparator);
  ledger_better_from_string (store_column_text (stmt, 7), &better);
  ledger_frequency_from_string (store_column_text (stmt, 9), &frequency);
  ledger_profile_from_string (store_column_text (stmt, 13), &profile);
  ledger_january_from_string (store_column_text (stmt, 16), &january);
  ledger_commitment_from_string (store_column_text (stmt, 17), &commitment);

  indicator = g_object_new (LEDGER_TYPE_INDICATOR,
                            "uuid", store_column_text (stmt, 1),
                            "code", store_column_text (stmt, 2),
                            "name", store_column_text (stmt, 3),
                            "unit", store_column_text (stmt, 4),
                            "kind", kind,
                            "comparator", comparator,
                            "better", better,
                            "target", store_column_is_number (stmt, 8) ? store_column_double (stmt, 8) : 0.0,
                            "frequency", frequency,
                            "responsible-unit", store_column_text (stmt, 10),
                            "notes", store_column_text (stmt, 11),
                            "source-text", store_column_text (stmt, 12),
                            "profile", profile,
                            "custom-shares", store_column_text (stmt, 14),
                            "due-month", CLAMP (store_column_int (stmt, 15), 1, 12),
                            "january", january,
                            "commitment", commitment,
                            "unit-confirmed", store_column_int (stmt, 18) != 0,
                            "supporting-units", store_column_text (stmt, 19),
                            NULL);
  ledger_indicator_set_id (indicator, store_column_int64 (stmt, 0));
  return indicator;
}

static gboolean
load_indicators (LedgerStore  *self,
                 LedgerNode   *task,
                 GError      **error)
{
  /* Built once, from any thread: workers list plans too. */
  static char *sql = NULL;
  StoreStatement *stmt;
  int rc;

  if (g_once_init_enter (&sql))
    g_once_init_leave (&sql, g_strconcat ("SELECT ", indicator_columns,
                                          " FROM indicators WHERE task_id = ? ORDER BY position", NULL));
  if ((stmt = store_prepare (self, sql, error)) == NULL)
    return FALSE;
  store_bind_int64 (stmt, 1, ledger_node_get_id (task));
  while ((rc = store_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(LedgerIndicator) indicator = store_indicator_from_row (stmt);

      ledger_node_append_child (task, G_OBJECT (indicator));
    }
  store_reset (stmt);
  return rc == SQLITE_DONE || store_set_error (self, rc, error);
}

static gboolean
load_tasks (LedgerStore  *self,
            LedgerNode   *area,
            GError      **error)
{
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);
  StoreStatement *stmt = store_prepare (self,
    "SELECT id, uuid, title, text, lead_unit, supporting_units FROM tasks "
    "WHERE area_id = ? ORDER BY position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  store_bind_int64 (stmt, 1, ledger_node_get_id (area));
  while ((rc = store_step (stmt)) == SQLITE_ROW)
    {
      LedgerNode *task = g_object_new (LEDGER_TYPE_TASK,
                                       "id", store_column_int64 (stmt, 0),
                                       "uuid", store_column_text (stmt, 1),
                                       "title", store_column_text (stmt, 2),
                                       "text", store_column_text (stmt, 3),
                                       "lead-unit", store_column_text (stmt, 4),
                                       "supporting-units", store_column_text (stmt, 5),
                                       NULL);
      g_ptr_array_add (tasks, task);
    }
  store_reset (stmt);
  if (rc != SQLITE_DONE)
    return store_set_error (self, rc, error);

  /* The children are read after the statement is done with: it is cached,
   * and reading a level below reuses other statements only. */
  for (guint i = 0; i < tasks->len; i++)
    {
      if (!load_indicators (self, g_ptr_array_index (tasks, i), error))
        return FALSE;
      ledger_node_append_child (area, g_ptr_array_index (tasks, i));
    }
  return TRUE;
}

static gboolean
load_areas (LedgerStore  *self,
            LedgerNode   *plan,
            GError      **error)
{
  g_autoptr(GPtrArray) areas = g_ptr_array_new_with_free_func (g_object_unref);
  StoreStatement *stmt = store_prepare (self,
    "SELECT id, uuid, title, short_title FROM areas WHERE plan_id = ? ORDER BY position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  store_bind_int64 (stmt, 1, ledger_node_get_id (plan));
  while ((rc = store_step (stmt)) == SQLITE_ROW)
    {
      LedgerNode *area = g_object_new (LEDGER_TYPE_AREA,
                                       "id", store_column_int64 (stmt, 0),
                                       "uuid", store_column_text (stmt, 1),
                                       "title", store_column_text (stmt, 2),
                                       "short-title", store_column_text (stmt, 3),
                                       NULL);
      g_ptr_array_add (areas, area);
    }
  store_reset (stmt);
  if (rc != SQLITE_DONE)
    return store_set_error (self, rc, error);

  for (guint i = 0; i < areas->len; i++)
    {
      if (!load_tasks (self, g_ptr_array_index (areas, i), error))
        return FALSE;
      ledger_node_append_child (plan, g_ptr_array_index (areas, i));
    }
  return TRUE;
}

static void
set_for_region (LedgerPlan *plan,
                const char *code,
                const char *name)
{
  g_autoptr(LedgerRegion) region = NULL;

  if (code[0] == '\0')
    return;
  region = ledger_region_new (code, name, LEDGER_REGION_COUNTY);
  ledger_plan_set_for_region (plan, region);
}

static void
index_indicator (LedgerNode      *area,
                 LedgerNode      *task,
                 LedgerIndicator *indicator,
                 gpointer         by_id)
{
  gint64 id = ledger_indicator_get_id (indicator);

  g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), indicator);
}

/* The plan's regions and its indicators' targets split to them, as a plan
 * file gives them (ledger_plan_get_regions(),
 * ledger_indicator_get_region_targets()): a plan exported is read back
 * whole. */
static gboolean
load_regions (LedgerStore  *self,
              LedgerPlan   *plan,
              GError      **error)
{
  g_autoptr(GPtrArray) regions = ledger_store_list_regions (self, plan);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  StoreStatement *stmt;
  int rc;

  g_ptr_array_extend_and_steal (ledger_plan_get_regions (plan), g_steal_pointer (&regions));
  stmt = store_prepare (self,
    "SELECT t.indicator_id, t.region, t.target FROM region_targets t JOIN indicators i ON i.id = t.indicator_id "
    "LEFT JOIN regions r ON r.plan_id = i.plan_id AND r.code = t.region "
    "WHERE i.plan_id = ? ORDER BY t.indicator_id, r.position, t.region", error);
  if (stmt == NULL)
    return FALSE;
  ledger_plan_foreach_indicator (plan, index_indicator, by_id);
  store_bind_int64 (stmt, 1, ledger_node_get_id (LEDGER_NODE (plan)));
  while ((rc = store_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = store_column_int64 (stmt, 0);
      LedgerIndicator *indicator = g_hash_table_lookup (by_id, &id);

      if (indicator != NULL)
        g_ptr_array_add (ledger_indicator_get_region_targets (indicator),
                         ledger_region_target_new (store_column_text (stmt, 1), store_column_double (stmt, 2)));
    }
  store_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * ledger_store_list_plans:
 *
 * Returns: (transfer full) (element-type LedgerPlan): every plan of the
 * ledger with its areas, tasks and indicators, in the order they were added
 */
GPtrArray *
ledger_store_list_plans (LedgerStore  *self,
                         GError      **error)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  StoreStatement *stmt;
  int rc;

  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);

  stmt = store_prepare (self,
    "SELECT id, uuid, code, title, region, source, first_year, last_year, for_region_code, for_region_name "
    "FROM plans ORDER BY id",
    error);
  if (stmt == NULL)
    return NULL;
  while ((rc = store_step (stmt)) == SQLITE_ROW)
    {
      LedgerPlan *plan = g_object_new (LEDGER_TYPE_PLAN,
                                       "id", store_column_int64 (stmt, 0),
                                       "uuid", store_column_text (stmt, 1),
                                       "code", store_column_text (stmt, 2),
                                       "title", store_column_text (stmt, 3),
                                       "region", store_column_text (stmt, 4),
                                       "source", store_column_text (stmt, 5),
                                       "first-year", store_column_int (stmt, 6),
                                       "last-year", store_column_int (stmt, 7),
                                       NULL);
      set_for_region (plan, store_column_text (stmt, 8), store_column_text (stmt, 9));
      g_ptr_array_add (plans, plan);
    }
  store_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      store_set_error (self, rc, error);
      return NULL;
    }

  for (guint i = 0; i < plans->len; i++)
    {
      store_load_plan_due_days (self, g_ptr_array_index (plans, i));
      if (!load_areas (self, g_ptr_array_index (plans, i), error) ||
          !load_regions (self, g_ptr_array_index (plans, i), error))
        return NULL;
    }
  if (!store_load_follow_up (self, plans, error))
    return NULL;
  return g_steal_pointer (&plans);
}

static gboolean write_indicator_update (LedgerStore *self, gpointer data, GError **error);
static gboolean write_unit_change (LedgerStore *self, gpointer data, GError **error);

/* Runs @write in a transaction and, once committed, tells the views that
 * the plan changed. Only changes of indicators' definitions (one, or a
 * unit's across the plan) can be undone; other changes of the plan start
 * the undo history anew. */
static gboolean
write_plan (LedgerStore  *self,
            gboolean    (*write) (LedgerStore *, gpointer, GError **),
            gpointer      data,
            GError      **error)
{
  if (!store_begin (self, error))
    return FALSE;
  if (write != write_indicator_update && write != write_unit_change)
    store_undo_forget (self);
  if (!write (self, data, error) || !store_commit (self, error))
    {
      store_rollback (self);
      return FALSE;
    }
  store_emit_plans_changed (self);
  return TRUE;
}

static LedgerIndicator *
load_indicator (LedgerStore  *self,
                gint64        indicator_id,
                GError      **error)
{
  g_autofree char *sql = g_strconcat ("SELECT ", indicator_columns, " FROM indicators WHERE id = ?",
                                      NULL);
  StoreStatement *stmt = store_prepare (self, sql, error);
  LedgerIndicator *indicator = NULL;

  if (stmt == NULL)
    return NULL;
  store_bind_int64 (stmt, 1, indicator_id);
  if (store_step (stmt) == SQLITE_ROW)
    indicator = store_indicator_from_row (stmt);
  store_reset (stmt);
  if (indicator == NULL)
    g_set_error_literal (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                         _("There is no such indicator in the ledger"));
  return indicator;
}

static gboolean
log_indicator_change (LedgerStore      *self,
                      const char       *action,
                      LedgerIndicator  *old,
                      LedgerIndicator  *new,
                      GError          **error)
{
  g_autofree char *old_json = old != NULL ? ledger_plan_file_indicator_to_json (old) : NULL;
  g_autofree char *new_json = new != NULL ? ledger_plan_file_indicator_to_json (new) : NULL;
  LedgerIndicator *either = old != NULL ? old : new;

  return store_log_change (self, action, "indicator", ledger_indicator_get_uuid (either), "",
                     old_json, new_json, "", error);
}

static gboolean
check_code_is_free (LedgerStore      *self,
                    LedgerIndicator  *indicator,
                    gint64            task_id,
                    GError          **error)
{
  StoreStatement *stmt = store_prepare (self,
    "SELECT 1 FROM indicators WHERE code = ? AND id != ? AND plan_id = "
    "(SELECT a.plan_id FROM tasks t JOIN areas a ON a.id = t.area_id WHERE t.id = ?)", error);
  gboolean taken;

  if (stmt == NULL)
    return FALSE;
  store_bind_text (stmt, 1, ledger_indicator_get_code (indicator));
  store_bind_int64 (stmt, 2, ledger_indicator_get_id (indicator));
  store_bind_int64 (stmt, 3, task_id);
  taken = store_step (stmt) == SQLITE_ROW;
  store_reset (stmt);
  if (taken)
    g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_EXISTS,
                 _("The plan already has an indicator with the code “%s”"),
                 ledger_indicator_get_code (indicator));
  return !taken;
}

static gint64
task_of_indicator (LedgerStore *self,
                   gint64       indicator_id)
{
  StoreStatement *stmt = store_prepare (self, "SELECT task_id FROM indicators WHERE id = ?", NULL);
  gint64 task_id = 0;

  if (stmt == NULL)
    return 0;
  store_bind_int64 (stmt, 1, indicator_id);
  if (store_step (stmt) == SQLITE_ROW)
    task_id = store_column_int64 (stmt, 0);
  store_reset (stmt);
  return task_id;
}

/* The definition of an indicator a user may change; its values stay. The
 * frequency and kind may only change while every value still fits. */
static gboolean
write_indicator_update (LedgerStore  *self,
                        gpointer      data,
                        GError      **error)
{
  return store_update_indicator (self, data, error);
}

gboolean
store_update_indicator (LedgerStore      *self,
                        LedgerIndicator  *indicator,
                        GError          **error)
{
  gint64 id = ledger_indicator_get_id (indicator);
  g_autoptr(LedgerIndicator) old = load_indicator (self, id, error);
  LedgerKind kind = ledger_indicator_get_kind (indicator);
  StoreStatement *stmt;

  if (old == NULL || !check_code_is_free (self, indicator, task_of_indicator (self, id), error))
    return FALSE;
  store_undo_record_indicator (self, old);
  /* Values written later in the transaction follow the new rules. */
  g_hash_table_remove (self->rules_cache, &id);
  stmt = store_prepare (self,
    "UPDATE indicators SET code = ?, name = ?, unit = ?, kind = ?, comparator = ?, better = ?, "
    "target = ?, frequency = ?, responsible_unit = ?, notes = ?, source_text = ?, profile = ?, "
    "custom_shares = ?, due_month = ?, january = ?, commitment = ?, unit_confirmed = ?, "
    "supporting_units = ? WHERE id = ?",
    error);
  if (stmt == NULL)
    return FALSE;
  store_bind_text (stmt, 1, ledger_indicator_get_code (indicator));
  store_bind_text (stmt, 2, ledger_indicator_get_name (indicator));
  store_bind_text (stmt, 3, ledger_indicator_get_unit (indicator));
  store_bind_text (stmt, 4, ledger_kind_to_string (kind));
  store_bind_text (stmt, 5, ledger_comparator_to_string (ledger_indicator_get_comparator (indicator)));
  store_bind_text (stmt, 6, ledger_better_to_string (ledger_indicator_get_better (indicator)));
  if (kind != LEDGER_KIND_QUALITATIVE)
    store_bind_double (stmt, 7, ledger_indicator_get_target (indicator));
  store_bind_text (stmt, 8, ledger_frequency_to_string (ledger_indicator_get_frequency (indicator)));
  store_bind_text (stmt, 9, ledger_indicator_get_responsible_unit (indicator));
  store_bind_text (stmt, 10, ledger_indicator_get_notes (indicator));
  store_bind_text (stmt, 11, ledger_indicator_get_source_text (indicator));
  bind_schedule (stmt, 12, indicator);
  store_bind_text (stmt, 18, ledger_indicator_get_supporting_units (indicator));
  store_bind_int64 (stmt, 19, id);
  if (!store_run (self, stmt, error))
    return FALSE;
  if (!store_check_values_fit (self, indicator, error))
    return FALSE;
  return log_indicator_change (self, "update", old, indicator, error);
}

/**
 * ledger_store_update_indicator:
 * @indicator: the indicator as it is to be, with its id
 *
 * Changes an indicator's definition and logs the change. Emits
 * #LedgerStore::plans-changed.
 */
gboolean
ledger_store_update_indicator (LedgerStore      *self,
                               LedgerIndicator  *indicator,
                               GError          **error)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), FALSE);

  return write_plan (self, write_indicator_update, indicator, error);
}

/* A change of a responsible unit across a plan: renamed (@to set) or
 * confirmed (@to %NULL). The names are trimmed. */
typedef struct
{
  gint64      plan_id;
  const char *unit;
  const char *to;
  gboolean    confirmed;
} UnitChange;

/* Whether the supporting units @units (one per line) name @unit. */
#define NAMES_SUPPORTING(column, unit) \
  "length (replace ('\n' || " column " || '\n', '\n' || " unit " || '\n', '')) < " \
  "length ('\n' || " column " || '\n')"

/* The ids of the plan's rows (indicators or tasks, by @sql) that name
 * @unit, read whole before any is written: the statement is cached. */
static GArray *
ids_of_unit (LedgerStore  *self,
             const char   *sql,
             gint64        plan_id,
             const char   *unit,
             GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  StoreStatement *stmt = store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  store_bind_int64 (stmt, 1, plan_id);
  store_bind_text (stmt, 2, unit);
  while ((rc = store_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = store_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  store_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* Returns: (transfer full): the supporting units @units (one per line)
 * with @from renamed @to; a unit named twice is kept once, where it
 * came first */
static char *
rename_in_lines (const char *units,
                 const char *from,
                 const char *to)
{
  g_auto(GStrv) names = g_strsplit (units, "\n", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_str_equal (names[i], from) ? to : names[i];

      if (name[0] != '\0' && !g_ptr_array_find_with_equal_func (kept, name, g_str_equal, NULL))
        g_ptr_array_add (kept, (gpointer) name);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("\n", (char **) kept->pdata);
}

/* The tasks of the plan that @change renames the unit of: their lead
 * and supporting units follow, logged and undone like the indicators'. */
static gboolean
rename_in_tasks (LedgerStore       *self,
                 const UnitChange  *change,
                 guint             *n_changed,
                 GError           **error)
{
  g_autoptr(GArray) ids = ids_of_unit (self,
    "SELECT t.id FROM tasks t JOIN areas a ON a.id = t.area_id WHERE a.plan_id = ?1 AND "
    "(t.lead_unit = ?2 OR " NAMES_SUPPORTING ("t.supporting_units", "?2") ") ORDER BY t.id",
    change->plan_id, change->unit, error);
  StoreStatement *stmt;

  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *uuid = NULL;
      g_autofree char *lead = NULL;
      g_autofree char *supporting = NULL;

      if ((stmt = store_prepare (self, "SELECT uuid, lead_unit, supporting_units FROM tasks WHERE id = ?",
                                 error)) == NULL)
        return FALSE;
      store_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      if (store_step (stmt) == SQLITE_ROW)
        {
          uuid = g_strdup (store_column_text (stmt, 0));
          lead = g_strdup (store_column_text (stmt, 1));
          supporting = rename_in_lines (store_column_text (stmt, 2), change->unit, change->to);
        }
      store_reset (stmt);
      if (uuid == NULL)
        continue;
      if (!store_write_task_units (self, uuid, g_str_equal (lead, change->unit) ? change->to : lead,
                                   supporting, error))
        return FALSE;
    }
  *n_changed += ids->len;
  return TRUE;
}

/* Each indicator changed is updated as the indicator dialog would: logged
 * with its old and new definition, and recorded for undo, all in the one
 * transaction, so that one undo restores every one. A rename reaches the
 * supporting units of indicators and tasks, and the lead units of tasks,
 * too; a confirmation only the responsible units. */
static void
rename_indicator_unit (LedgerIndicator *indicator,
                       const char      *from,
                       const char      *to)
{
  g_autofree char *supporting = rename_in_lines (ledger_indicator_get_supporting_units (indicator), from, to);

  if (g_str_equal (ledger_indicator_get_responsible_unit (indicator), from))
    g_object_set (indicator, "responsible-unit", to, NULL);
  g_object_set (indicator, "supporting-units", supporting, NULL);
}

static gboolean
write_unit_change (LedgerStore  *self,
                   gpointer      data,
                   GError      **error)
{
  UnitChange *change = data;
  g_autoptr(GArray) ids = ids_of_unit (self, change->to != NULL
    ? "SELECT id FROM indicators WHERE plan_id = ?1 AND (responsible_unit = ?2 OR "
      NAMES_SUPPORTING ("supporting_units", "?2") ") ORDER BY id"
    : "SELECT id FROM indicators WHERE plan_id = ?1 AND responsible_unit = ?2 ORDER BY id",
    change->plan_id, change->unit, error);
  guint n_changed = 0;

  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(LedgerIndicator) indicator = load_indicator (self, g_array_index (ids, gint64, i), error);

      if (indicator == NULL)
        return FALSE;
      if (change->to != NULL)
        rename_indicator_unit (indicator, change->unit, change->to);
      else if (ledger_indicator_get_unit_confirmed (indicator) != change->confirmed)
        g_object_set (indicator, "unit-confirmed", change->confirmed, NULL);
      else
        continue;
      if (!store_update_indicator (self, indicator, error))
        return FALSE;
    }
  n_changed = ids->len;
  if (change->to != NULL && !rename_in_tasks (self, change, &n_changed, error))
    return FALSE;
  if (n_changed == 0)
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                   _("No indicator of the plan has the responsible unit “%s”"), change->unit);
      return FALSE;
    }
  return TRUE;
}

/* Returns: (transfer full): @name without the spaces around it, or %NULL
 * with @error set when nothing is left */
static char *
unit_name (const char  *name,
           GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                           _("The name of a responsible unit cannot be empty"));
      return NULL;
    }
  return g_steal_pointer (&trimmed);
}

/**
 * ledger_store_rename_unit:
 * @plan: the plan whose indicators change
 * @from: the responsible unit to rename
 * @to: its new name; when another unit of the plan has it already, the
 *   two are merged
 *
 * Gives every indicator of @plan whose responsible unit is @from the unit
 * @to, in one transaction: one change-log entry for each indicator, one
 * step of undo for all. Whether each unit is confirmed stays as it was.
 * Refuses an empty name, the same name, and a unit no indicator has.
 * Emits #LedgerStore::plans-changed.
 */
gboolean
ledger_store_rename_unit (LedgerStore  *self,
                          LedgerPlan   *plan,
                          const char   *from,
                          const char   *to,
                          GError      **error)
{
  g_autofree char *old_name = NULL;
  g_autofree char *new_name = NULL;
  UnitChange change = { 0, };

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), FALSE);

  if ((old_name = unit_name (from, error)) == NULL || (new_name = unit_name (to, error)) == NULL)
    return FALSE;
  if (g_str_equal (old_name, new_name))
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                   _("The responsible unit is already named “%s”"), new_name);
      return FALSE;
    }
  change.plan_id = ledger_node_get_id (LEDGER_NODE (plan));
  change.unit = old_name;
  change.to = new_name;
  return write_plan (self, write_unit_change, &change, error);
}

/**
 * ledger_store_confirm_unit:
 * @unit: a responsible unit of @plan
 * @confirmed: whether the office confirmed it
 *
 * Marks the responsible unit of every indicator of @plan whose unit is
 * @unit as confirmed (or as a proposal again), logged and undone like
 * ledger_store_rename_unit(). Indicators already so are left alone.
 * Emits #LedgerStore::plans-changed.
 */
gboolean
ledger_store_confirm_unit (LedgerStore  *self,
                           LedgerPlan   *plan,
                           const char   *unit,
                           gboolean      confirmed,
                           GError      **error)
{
  g_autofree char *name = NULL;
  UnitChange change = { 0, };

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), FALSE);

  if ((name = unit_name (unit, error)) == NULL)
    return FALSE;
  change.plan_id = ledger_node_get_id (LEDGER_NODE (plan));
  change.unit = name;
  change.confirmed = confirmed;
  return write_plan (self, write_unit_change, &change, error);
}

void
ledger_unit_use_free (LedgerUnitUse *use)
{
  g_free (use->name);
  g_free (use);
}

static LedgerUnitUse *
unit_use (GPtrArray  *units,
          GHashTable *by_name,
          const char *name)
{
  LedgerUnitUse *use = g_hash_table_lookup (by_name, name);

  if (use == NULL)
    {
      use = g_new0 (LedgerUnitUse, 1);
      use->name = g_strdup (name);
      g_ptr_array_add (units, use);
      g_hash_table_insert (by_name, use->name, use);
    }
  return use;
}

static void
count_supporting (GPtrArray  *units,
                  GHashTable *by_name,
                  const char *supporting_units)
{
  g_auto(GStrv) names = g_strsplit (supporting_units, "\n", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (names[i][0] != '\0')
        unit_use (units, by_name, names[i])->n_supporting++;
    }
}

/**
 * ledger_store_list_units:
 * @plan: a plan of the ledger
 *
 * Returns: (transfer full) (element-type LedgerUnitUse): the units of
 * @plan — responsible (lead) units of its indicators and tasks, and
 * supporting units — in the order they first appear, each with how many
 * indicators it answers for and how many of those it is confirmed for,
 * how many tasks it leads and how many indicators and tasks it supports;
 * %NULL with @error set on error
 */
GPtrArray *
ledger_store_list_units (LedgerStore  *self,
                         LedgerPlan   *plan,
                         GError      **error)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_unit_use_free);
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  StoreStatement *stmt;
  int rc;

  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), NULL);

  stmt = store_prepare (self,
    "SELECT 0, responsible_unit, unit_confirmed, supporting_units, id FROM indicators WHERE plan_id = ?1 "
    "UNION ALL SELECT 1, t.lead_unit, 0, t.supporting_units, t.id FROM tasks t "
    "JOIN areas a ON a.id = t.area_id WHERE a.plan_id = ?1 ORDER BY 1, 5", error);
  if (stmt == NULL)
    return NULL;
  store_bind_int64 (stmt, 1, ledger_node_get_id (LEDGER_NODE (plan)));
  while ((rc = store_step (stmt)) == SQLITE_ROW)
    {
      const char *lead = store_column_text (stmt, 1);
      gboolean task = store_column_int (stmt, 0) == 1;

      if (lead[0] != '\0')
        {
          LedgerUnitUse *use = unit_use (units, by_name, lead);

          use->n_tasks += task;
          use->n_indicators += !task;
          use->n_confirmed += !task && store_column_int (stmt, 2) != 0;
        }
      count_supporting (units, by_name, store_column_text (stmt, 3));
    }
  store_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&units);
}

typedef struct
{
  gint64           parent_id;
  LedgerIndicator *indicator;
  const char      *title;
  const char      *text;
  gint64           new_id;
} NewRow;

static int
next_position (LedgerStore *self,
               const char  *sql,
               gint64       parent_id)
{
  StoreStatement *stmt = store_prepare (self, sql, NULL);
  int position = 0;

  if (stmt == NULL)
    return 0;
  store_bind_int64 (stmt, 1, parent_id);
  if (store_step (stmt) == SQLITE_ROW)
    position = store_column_int (stmt, 0);
  store_reset (stmt);
  return position;
}

static gint64
plan_of_task (LedgerStore *self,
              gint64       task_id)
{
  StoreStatement *stmt = store_prepare (self,
    "SELECT a.plan_id FROM tasks t JOIN areas a ON a.id = t.area_id WHERE t.id = ?", NULL);
  gint64 plan_id = 0;

  if (stmt == NULL)
    return 0;
  store_bind_int64 (stmt, 1, task_id);
  if (store_step (stmt) == SQLITE_ROW)
    plan_id = store_column_int64 (stmt, 0);
  store_reset (stmt);
  return plan_id;
}

static gboolean
write_new_indicator (LedgerStore  *self,
                     gpointer      data,
                     GError      **error)
{
  NewRow *row = data;
  gint64 plan_id = plan_of_task (self, row->parent_id);
  int position = next_position (self,
    "SELECT coalesce(max(position) + 1, 0) FROM indicators WHERE task_id = ?", row->parent_id);

  if (plan_id == 0)
    {
      g_set_error_literal (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                           _("There is no such task in the ledger"));
      return FALSE;
    }
  if (!check_code_is_free (self, row->indicator, row->parent_id, error))
    return FALSE;
  row->new_id = store_insert_indicator_row (self, row->indicator, plan_id, row->parent_id, position, error);
  return row->new_id != 0 && log_indicator_change (self, "insert", NULL, row->indicator, error);
}

/**
 * ledger_store_add_indicator:
 * @indicator: the new indicator; its uuid is used as given
 *
 * Returns: the new indicator's id, or 0 with @error set
 */
gint64
ledger_store_add_indicator (LedgerStore      *self,
                            gint64            task_id,
                            LedgerIndicator  *indicator,
                            GError          **error)
{
  NewRow row = { task_id, indicator, NULL, NULL, 0 };

  g_return_val_if_fail (LEDGER_IS_STORE (self), 0);
  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), 0);

  if (!write_plan (self, write_new_indicator, &row, error))
    return 0;
  ledger_indicator_set_id (indicator, row.new_id);
  return row.new_id;
}

/* A task is left without indicators only to go: it goes too. */
static gboolean
delete_task_if_empty (LedgerStore  *self,
                      gint64        task_id,
                      GError      **error)
{
  StoreStatement *stmt = store_prepare (self,
    "SELECT uuid, title FROM tasks WHERE id = ? AND NOT EXISTS "
    "(SELECT 1 FROM indicators WHERE task_id = tasks.id)", error);
  g_autofree char *uuid = NULL;
  g_autofree char *title = NULL;

  if (stmt == NULL)
    return FALSE;
  store_bind_int64 (stmt, 1, task_id);
  if (store_step (stmt) == SQLITE_ROW)
    {
      uuid = g_strdup (store_column_text (stmt, 0));
      title = g_strdup (store_column_text (stmt, 1));
    }
  store_reset (stmt);
  if (uuid == NULL)
    return TRUE;

  if ((stmt = store_prepare (self, "DELETE FROM tasks WHERE id = ?", error)) == NULL)
    return FALSE;
  store_bind_int64 (stmt, 1, task_id);
  return store_run (self, stmt, error) && store_delete_follow_up (self, uuid, error) &&
         store_log_change (self, "delete", "task", uuid, "", title, NULL, "", error);
}

static gboolean
write_indicator_deletion (LedgerStore  *self,
                          gpointer      data,
                          GError      **error)
{
  gint64 id = *(gint64 *) data;
  gint64 task_id = task_of_indicator (self, id);
  g_autoptr(LedgerIndicator) old = load_indicator (self, id, error);
  StoreStatement *stmt;

  if (old == NULL || !store_check_indicator_values_open (self, id, error) ||
      (stmt = store_prepare (self, "DELETE FROM indicators WHERE id = ?", error)) == NULL)
    return FALSE;
  store_bind_int64 (stmt, 1, id);
  return store_run (self, stmt, error) &&
         store_delete_follow_up (self, ledger_indicator_get_uuid (old), error) &&
         log_indicator_change (self, "delete", old, NULL, error) &&
         delete_task_if_empty (self, task_id, error);
}

/* Removes an indicator and its values, and its task if it was the task's
 * last indicator; the change log keeps its definition. */
gboolean
ledger_store_delete_indicator (LedgerStore  *self,
                               gint64        indicator_id,
                               GError      **error)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);

  return write_plan (self, write_indicator_deletion, &indicator_id, error);
}

static gboolean
write_new_task (LedgerStore  *self,
                gpointer      data,
                GError      **error)
{
  NewRow *row = data;
  g_autofree char *uuid = ledger_uuid_new ();
  g_autoptr(LedgerTask) task = g_object_new (LEDGER_TYPE_TASK, "uuid", uuid, "title", row->title,
                                             "text", row->text, NULL);
  int position = next_position (self,
    "SELECT coalesce(max(position) + 1, 0) FROM tasks WHERE area_id = ?", row->parent_id);
  gint64 task_id = store_insert_task_row (self, task, row->parent_id, position, error);

  if (task_id == 0 || !store_log_change (self, "insert", "task", uuid, "", NULL, row->title, "", error))
    return FALSE;
  row->parent_id = task_id;
  return write_new_indicator (self, row, error);
}

/**
 * ledger_store_add_task:
 * @indicator: the task's first indicator (a task always has one)
 *
 * Adds a task at the end of an area, with its first indicator, in one
 * transaction.
 *
 * Returns: the new indicator's id, or 0 with @error set
 */
gint64
ledger_store_add_task (LedgerStore      *self,
                       gint64            area_id,
                       const char       *title,
                       const char       *text,
                       LedgerIndicator  *indicator,
                       GError          **error)
{
  NewRow row = { area_id, indicator, title, text, 0 };

  g_return_val_if_fail (LEDGER_IS_STORE (self), 0);
  g_return_val_if_fail (title != NULL && title[0] != '\0', 0);
  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), 0);

  if (!write_plan (self, write_new_task, &row, error))
    return 0;
  ledger_indicator_set_id (indicator, row.new_id);
  return row.new_id;
}

/* Returns: (transfer full) (nullable): the indicator with the same code in
 * the latest plan that ends before @plan starts: last year's figure */
LedgerIndicator *
ledger_store_find_earlier_indicator (LedgerStore *self,
                                     LedgerPlan  *plan,
                                     const char  *code)
{
  g_autofree char *sql = g_strconcat ("SELECT i.", indicator_columns_prefixed,
                                      " FROM indicators i JOIN plans p ON p.id = i.plan_id "
                                      "WHERE i.code = ? AND p.last_year < ? "
                                      "ORDER BY p.last_year DESC LIMIT 1", NULL);
  StoreStatement *stmt;
  LedgerIndicator *indicator = NULL;

  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);

  if ((stmt = store_prepare (self, sql, NULL)) == NULL)
    return NULL;
  store_bind_text (stmt, 1, code);
  store_bind_int (stmt, 2, ledger_plan_get_first_year (plan));
  if (store_step (stmt) == SQLITE_ROW)
    indicator = store_indicator_from_row (stmt);
  store_reset (stmt);
  return indicator;
}
