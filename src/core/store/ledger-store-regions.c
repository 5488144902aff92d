/* ledger-store-regions.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ledger-json.h"
#include "ledger-store-private.h"

/* A plan's regions (docs/regions.md), the targets split to them, and
 * their figures, which share the city's table under the region's code. */

static gint64
plan_id_of (LedgerPlan *plan)
{
  return ledger_node_get_id (LEDGER_NODE (plan));
}

/* Returns: (transfer full) (element-type LedgerRegion): the plan's
 * regions, in their order */
GPtrArray *
ledger_store_list_regions (LedgerStore *self,
                           LedgerPlan  *plan)
{
  GPtrArray *regions = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_region_free);
  StoreStatement *stmt;

  g_return_val_if_fail (LEDGER_IS_STORE (self), regions);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), regions);

  stmt = store_prepare (self, "SELECT code, name, kind, in_total, weight FROM regions "
                              "WHERE plan_id = ? ORDER BY position", NULL);
  if (stmt == NULL)
    return regions;
  store_bind_int64 (stmt, 1, plan_id_of (plan));
  while (store_step (stmt) == SQLITE_ROW)
    {
      LedgerRegionKind kind = LEDGER_REGION_COUNTY;
      LedgerRegion *region;

      ledger_region_kind_from_string (store_column_text (stmt, 2), &kind);
      region = ledger_region_new (store_column_text (stmt, 0), store_column_text (stmt, 1), kind);
      region->in_total = store_column_int (stmt, 3) != 0;
      region->weight = store_column_is_number (stmt, 4) ? store_column_double (stmt, 4) : NAN;
      g_ptr_array_add (regions, region);
    }
  store_reset (stmt);
  return regions;
}

/* A plan's regions as the ledger keeps them: codes valid and unique,
 * names (trimmed) readable and unique by their keys, so that a file's
 * "潞州区　" or "ＧＸＱ" names one region and never two. */
static gboolean
check_regions (GPtrArray  *regions,
               GError    **error)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (regions != NULL && regions->len > LEDGER_REGIONS_MAX)
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                   _("A plan has at most %u regions"), LEDGER_REGIONS_MAX);
      return FALSE;
    }
  for (guint i = 0; regions != NULL && i < regions->len; i++)
    {
      LedgerRegion *region = regions->pdata[i];
      gboolean utf8 = region->name != NULL && g_utf8_validate (region->name, -1, NULL);
      g_autofree char *name = ledger_region_name_trim (utf8 ? region->name : "");
      g_autofree char *key = ledger_region_name_key (name);

      if (!ledger_region_code_is_valid (region->code))
        {
          g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                       _("“%s” is not a region code: use 1 to 32 letters, digits, “-” or “_”"),
                       region->code != NULL ? region->code : "");
          return FALSE;
        }
      if (name[0] == '\0')
        {
          g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                       _("The region “%s” needs a name"), region->code);
          return FALSE;
        }
      if (!ledger_region_name_is_valid (name))
        {
          g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                       _("The name of the region “%s” must be at most %u characters, without line "
                         "breaks or control characters"), region->code, LEDGER_REGION_NAME_MAX);
          return FALSE;
        }
      if (!isnan (region->weight) && !(region->weight >= 0 && isfinite (region->weight)))
        {
          g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                       _("The weight of “%s” must be a number of 0 or more"), name);
          return FALSE;
        }
      if (g_hash_table_contains (codes, region->code) || g_hash_table_contains (keys, key))
        {
          g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                       _("Two regions are called “%s”"),
                       g_hash_table_contains (keys, key) ? name : region->code);
          return FALSE;
        }
      g_hash_table_add (codes, region->code);
      g_hash_table_add (keys, g_steal_pointer (&key));
    }
  return TRUE;
}

/* Within a transaction: writes @regions as the plan's, in their order,
 * over what it had. */
gboolean
store_write_regions (LedgerStore  *self,
                     gint64        plan_id,
                     GPtrArray    *regions,
                     GError      **error)
{
  StoreStatement *stmt;

  if (!check_regions (regions, error) ||
      (stmt = store_prepare (self, "DELETE FROM regions WHERE plan_id = ?", error)) == NULL)
    return FALSE;
  store_bind_int64 (stmt, 1, plan_id);
  if (!store_run (self, stmt, error))
    return FALSE;
  for (guint i = 0; regions != NULL && i < regions->len; i++)
    {
      LedgerRegion *region = regions->pdata[i];
      g_autofree char *name = ledger_region_name_trim (region->name);

      if ((stmt = store_prepare (self, "INSERT INTO regions (plan_id, code, position, name, kind, in_total, "
                                       "weight) VALUES (?, ?, ?, ?, ?, ?, ?)", error)) == NULL)
        return FALSE;
      store_bind_int64 (stmt, 1, plan_id);
      store_bind_text (stmt, 2, region->code);
      store_bind_int (stmt, 3, (int) i);
      store_bind_text (stmt, 4, name);
      store_bind_static_text (stmt, 5, ledger_region_kind_to_string (region->kind));
      store_bind_int (stmt, 6, region->in_total ? 1 : 0);
      if (isnan (region->weight))
        store_bind_null (stmt, 7);
      else
        store_bind_double (stmt, 7, region->weight);
      if (!store_run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* A region that is gone must leave nothing behind: its figures and
 * targets are the office's data, removed only by hand. */
static gboolean
check_removed_regions_unused (LedgerStore  *self,
                              gint64        plan_id,
                              GPtrArray    *regions,
                              GError      **error)
{
  StoreStatement *stmt = store_prepare (self,
    "SELECT r.code, r.name, EXISTS (SELECT 1 FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id "
    "WHERE i.plan_id = r.plan_id AND v.region = r.code), "
    "EXISTS (SELECT 1 FROM region_targets t JOIN indicators i ON i.id = t.indicator_id "
    "WHERE i.plan_id = r.plan_id AND t.region = r.code) "
    "FROM regions r WHERE r.plan_id = ?", error);
  gboolean ok = stmt != NULL;

  if (!ok)
    return FALSE;
  store_bind_int64 (stmt, 1, plan_id);
  while (ok && store_step (stmt) == SQLITE_ROW)
    {
      const char *code = store_column_text (stmt, 0);
      gboolean kept = FALSE;

      for (guint i = 0; regions != NULL && i < regions->len && !kept; i++)
        kept = g_strcmp0 (((LedgerRegion *) regions->pdata[i])->code, code) == 0;
      if (kept || (store_column_int (stmt, 2) == 0 && store_column_int (stmt, 3) == 0))
        continue;
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                   store_column_int (stmt, 2)
                   ? _("“%s” has figures in the ledger and cannot be removed; delete its figures first")
                   : _("“%s” has targets split to it and cannot be removed; clear its targets first"),
                   store_column_text (stmt, 1));
      ok = FALSE;
    }
  store_reset (stmt);
  return ok;
}

static char *
regions_to_json (GPtrArray *regions)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; regions != NULL && i < regions->len; i++)
    {
      LedgerRegion *region = regions->pdata[i];

      g_string_append (out, i > 0 ? ",{\"code\":" : "{\"code\":");
      ledger_json_append_string (out, region->code);
      g_string_append (out, ",\"name\":");
      ledger_json_append_string (out, region->name);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

/**
 * ledger_store_save_regions:
 * @regions: (element-type LedgerRegion): the plan's regions, in order
 *
 * Replaces the plan's regions, logged. A region left out that has figures
 * or targets is refused, and nothing is written. Emits
 * #LedgerStore::plans-changed.
 */
gboolean
ledger_store_save_regions (LedgerStore  *self,
                           LedgerPlan   *plan,
                           GPtrArray    *regions,
                           GError      **error)
{
  g_autoptr(GPtrArray) old = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = regions_to_json (regions);
  gint64 plan_id;

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), FALSE);

  plan_id = plan_id_of (plan);
  old = ledger_store_list_regions (self, plan);
  old_json = regions_to_json (old);
  if (!store_begin (self, error))
    return FALSE;
  if (!check_removed_regions_unused (self, plan_id, regions, error) ||
      !store_write_regions (self, plan_id, regions, error) ||
      !store_log_change (self, "update", "regions", ledger_node_get_uuid (LEDGER_NODE (plan)), "",
                         old_json, new_json, "", error) ||
      !store_commit (self, error))
    {
      store_rollback (self);
      return FALSE;
    }
  store_emit_plans_changed (self);
  return TRUE;
}

/* Whether @region ("" the city) is one of the plan's regions. */
gboolean
store_check_region (LedgerStore       *self,
                    const StoreRules  *rules,
                    const char        *region,
                    GError           **error)
{
  StoreStatement *stmt;
  gboolean found = FALSE;

  if (region == NULL || region[0] == '\0')
    return TRUE;
  if ((stmt = store_prepare (self, "SELECT 1 FROM regions WHERE plan_id = ? AND code = ?", error)) == NULL)
    return FALSE;
  store_bind_int64 (stmt, 1, store_rules_get_plan_id (rules));
  store_bind_text (stmt, 2, region);
  found = store_step (stmt) == SQLITE_ROW;
  store_reset (stmt);
  if (!found)
    g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                 _("“%s” is not a region of this plan"), region);
  return found;
}

/* Returns: (transfer full) (element-type LedgerRegionTarget): the
 * indicator's targets split to regions, in the regions' order */
GPtrArray *
ledger_store_list_region_targets (LedgerStore *self,
                                  gint64       indicator_id)
{
  GPtrArray *targets = ledger_region_targets_new ();
  StoreStatement *stmt;

  g_return_val_if_fail (LEDGER_IS_STORE (self), targets);

  stmt = store_prepare (self,
    "SELECT t.region, t.target FROM region_targets t JOIN indicators i ON i.id = t.indicator_id "
    "LEFT JOIN regions r ON r.plan_id = i.plan_id AND r.code = t.region "
    "WHERE t.indicator_id = ? ORDER BY r.position, t.region", NULL);
  if (stmt == NULL)
    return targets;
  store_bind_int64 (stmt, 1, indicator_id);
  while (store_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (targets, ledger_region_target_new (store_column_text (stmt, 0),
                                                        store_column_double (stmt, 1)));
  store_reset (stmt);
  return targets;
}

/**
 * ledger_store_list_split_indicators:
 *
 * Returns: (transfer full): the ids (gint64) of the indicators of @plan
 *   whose target is split to regions, read in one query (a page of the
 *   plan asks about each of them)
 */
GHashTable *
ledger_store_list_split_indicators (LedgerStore *self,
                                    LedgerPlan  *plan)
{
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  StoreStatement *stmt;

  g_return_val_if_fail (LEDGER_IS_STORE (self), ids);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), ids);

  stmt = store_prepare (self,
    "SELECT DISTINCT t.indicator_id FROM region_targets t JOIN indicators i ON i.id = t.indicator_id "
    "WHERE i.plan_id = ?", NULL);
  if (stmt == NULL)
    return ids;
  store_bind_int64 (stmt, 1, plan_id_of (plan));
  while (store_step (stmt) == SQLITE_ROW)
    {
      gint64 id = store_column_int64 (stmt, 0);

      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }
  store_reset (stmt);
  return ids;
}

/**
 * ledger_store_list_plan_region_targets:
 *
 * Returns: (transfer full): for each indicator (gint64) of @plan whose
 *   target is split to regions, its targets as
 *   ledger_store_list_region_targets() lists them, in one query
 */
GHashTable *
ledger_store_list_plan_region_targets (LedgerStore *self,
                                       LedgerPlan  *plan)
{
  GHashTable *targets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                               (GDestroyNotify) g_ptr_array_unref);
  StoreStatement *stmt;

  g_return_val_if_fail (LEDGER_IS_STORE (self), targets);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), targets);

  stmt = store_prepare (self,
    "SELECT t.indicator_id, t.region, t.target FROM region_targets t JOIN indicators i ON i.id = t.indicator_id "
    "LEFT JOIN regions r ON r.plan_id = i.plan_id AND r.code = t.region "
    "WHERE i.plan_id = ? ORDER BY t.indicator_id, r.position, t.region", NULL);
  if (stmt == NULL)
    return targets;
  store_bind_int64 (stmt, 1, plan_id_of (plan));
  while (store_step (stmt) == SQLITE_ROW)
    {
      gint64 id = store_column_int64 (stmt, 0);
      GPtrArray *of_indicator = g_hash_table_lookup (targets, &id);

      if (of_indicator == NULL)
        {
          of_indicator = ledger_region_targets_new ();
          g_hash_table_insert (targets, g_memdup2 (&id, sizeof id), of_indicator);
        }
      g_ptr_array_add (of_indicator, ledger_region_target_new (store_column_text (stmt, 1),
                                                               store_column_double (stmt, 2)));
    }
  store_reset (stmt);
  return targets;
}

static char *
targets_to_json (GPtrArray *targets)
{
  GString *out = g_string_new ("{");

  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      LedgerRegionTarget *target = targets->pdata[i];

      if (i > 0)
        g_string_append_c (out, ',');
      ledger_json_append_string (out, target->region);
      g_string_append_c (out, ':');
      ledger_json_append_number (out, target->target);
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

/* Within a transaction: writes @targets as the indicator's split, over
 * what it had; each region must be one of its plan's. */
gboolean
store_write_region_targets (LedgerStore  *self,
                            gint64        indicator_id,
                            GPtrArray    *targets,
                            GError      **error)
{
  const StoreRules *rules;
  StoreStatement *stmt;

  if ((rules = store_load_rules (self, indicator_id, error)) == NULL ||
      (stmt = store_prepare (self, "DELETE FROM region_targets WHERE indicator_id = ?", error)) == NULL)
    return FALSE;
  store_bind_int64 (stmt, 1, indicator_id);
  if (!store_run (self, stmt, error))
    return FALSE;
  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      LedgerRegionTarget *target = targets->pdata[i];

      if (!isfinite (target->target))
        {
          g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                       _("The target of “%s” must be a number"), target->region);
          return FALSE;
        }
      if (target->region == NULL || target->region[0] == '\0' ||
          !store_check_region (self, rules, target->region, error) ||
          (stmt = store_prepare (self, "INSERT INTO region_targets (indicator_id, region, target) "
                                       "VALUES (?, ?, ?) ON CONFLICT (indicator_id, region) "
                                       "DO UPDATE SET target = excluded.target", error)) == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error_literal (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                                 _("A target split to a region needs the region"));
          return FALSE;
        }
      store_bind_int64 (stmt, 1, indicator_id);
      store_bind_text (stmt, 2, target->region);
      store_bind_double (stmt, 3, target->target);
      if (!store_run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  gint64     indicator_id;
  GPtrArray *targets;
} RegionTargets;

static void
region_targets_free (RegionTargets *row)
{
  g_clear_pointer (&row->targets, g_ptr_array_unref);
  g_free (row);
}

static gboolean
replace_region_targets (LedgerStore   *self,
                        RegionTargets *row,
                        GError       **error);

static gboolean
restore_region_targets (LedgerStore  *self,
                        const char   *key,
                        gpointer      old,
                        GError      **error)
{
  return replace_region_targets (self, old, error);
}

/* Writes @row's targets, logged and recorded for undo. */
static gboolean
replace_region_targets (LedgerStore   *self,
                        RegionTargets *row,
                        GError       **error)
{
  RegionTargets *old = g_new0 (RegionTargets, 1);
  g_autofree char *key = g_strdup_printf ("region-targets:%" G_GINT64_FORMAT, row->indicator_id);
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = targets_to_json (row->targets);
  const StoreRules *rules = store_load_rules (self, row->indicator_id, error);

  old->indicator_id = row->indicator_id;
  old->targets = ledger_store_list_region_targets (self, row->indicator_id);
  old_json = targets_to_json (old->targets);
  if (rules == NULL)
    {
      region_targets_free (old);
      return FALSE;
    }
  store_undo_record_row (self, key, restore_region_targets, old, (GDestroyNotify) region_targets_free);
  return store_write_region_targets (self, row->indicator_id, row->targets, error) &&
         store_log_change (self, "update", "region_targets", store_rules_get_uuid (rules), "", old_json,
                           new_json, "", error);
}

/**
 * ledger_store_set_region_targets:
 * @targets: (element-type LedgerRegionTarget): the indicator's targets by
 *   region; regions left out have none
 *
 * Logged and one step of undo. Emits #LedgerStore::values-changed.
 */
gboolean
ledger_store_set_region_targets (LedgerStore  *self,
                                 gint64        indicator_id,
                                 GPtrArray    *targets,
                                 GError      **error)
{
  RegionTargets row = { indicator_id, targets };

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);

  if (!store_begin (self, error))
    return FALSE;
  if (!replace_region_targets (self, &row, error) || !store_commit (self, error))
    {
      store_rollback (self);
      return FALSE;
    }
  store_emit_values_changed (self, indicator_id);
  return TRUE;
}

static StoreStatement *
prepare_values (LedgerStore *self,
                const char  *where)
{
  g_autofree char *sql = g_strconcat ("SELECT ", store_value_columns (), " FROM indicator_values ",
                                      where, NULL);

  return store_prepare (self, sql, NULL);
}

static LedgerValue *
step_one (StoreStatement *stmt)
{
  LedgerValue *value = NULL;

  if (store_step (stmt) == SQLITE_ROW)
    value = store_value_from_row (stmt);
  store_reset (stmt);
  return value;
}

static GPtrArray *
step_all (StoreStatement *stmt)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_object_unref);

  while (stmt != NULL && store_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (values, store_value_from_row (stmt));
  if (stmt != NULL)
    store_reset (stmt);
  return values;
}

/* Returns: (transfer full) (nullable): @region's figure of @period ("" the city's) */
LedgerValue *
ledger_store_get_region_value (LedgerStore *self,
                               gint64       indicator_id,
                               const char  *region,
                               const char  *period)
{
  StoreStatement *stmt;

  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  if ((stmt = prepare_values (self, "WHERE indicator_id = ? AND region = ? AND period = ?")) == NULL)
    return NULL;
  store_bind_int64 (stmt, 1, indicator_id);
  store_bind_text (stmt, 2, region != NULL ? region : "");
  store_bind_text (stmt, 3, period);
  return step_one (stmt);
}

/* Returns: (transfer full): @region's figures of the indicator, earliest first */
GListModel *
ledger_store_list_region_values (LedgerStore *self,
                                 gint64       indicator_id,
                                 const char  *region)
{
  GListStore *list = g_list_store_new (LEDGER_TYPE_VALUE);
  g_autoptr(GPtrArray) values = NULL;
  StoreStatement *stmt;

  g_return_val_if_fail (LEDGER_IS_STORE (self), G_LIST_MODEL (list));

  stmt = prepare_values (self, "WHERE indicator_id = ? AND region = ? ORDER BY period_key");
  if (stmt != NULL)
    {
      store_bind_int64 (stmt, 1, indicator_id);
      store_bind_text (stmt, 2, region != NULL ? region : "");
    }
  values = step_all (stmt);
  g_list_store_splice (list, 0, 0, values->pdata, values->len);
  return G_LIST_MODEL (list);
}

/* Returns: (transfer full) (element-type LedgerValue): every region's
 * figure of @period, in the regions' order (the city's not among them) */
GPtrArray *
ledger_store_list_values_of_period (LedgerStore *self,
                                    gint64       indicator_id,
                                    const char  *period)
{
  StoreStatement *stmt;

  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);

  stmt = store_prepare (self,
    "SELECT v.indicator_id, v.period, v.value, v.status, v.note, v.source, v.updated_at, v.updated_by, "
    "v.region, v.version FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id "
    "LEFT JOIN regions r ON r.plan_id = i.plan_id AND r.code = v.region "
    "WHERE v.indicator_id = ? AND v.period = ? AND v.region != '' ORDER BY r.position", NULL);
  if (stmt != NULL)
    {
      store_bind_int64 (stmt, 1, indicator_id);
      store_bind_text (stmt, 2, period);
    }
  return step_all (stmt);
}

/* Returns: (transfer full) (nullable): @region's latest figure whose
 * period ends by the end of @as_of, in the plan's years */
LedgerValue *
ledger_store_get_latest_region_value_until (LedgerStore        *self,
                                            gint64              indicator_id,
                                            const char         *region,
                                            const LedgerPeriod *as_of)
{
  StoreStatement *stmt;

  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);
  g_return_val_if_fail (as_of != NULL, NULL);

  stmt = prepare_values (self, "WHERE indicator_id = ?1 AND region = ?3 AND period_key <= ?2 "
                               "AND period_key >= " PLAN_START_KEY " ORDER BY period_key DESC LIMIT 1");
  if (stmt == NULL)
    return NULL;
  store_bind_int64 (stmt, 1, indicator_id);
  store_bind_int (stmt, 2, store_period_key_bound (as_of));
  store_bind_text (stmt, 3, region != NULL ? region : "");
  return step_one (stmt);
}

/**
 * ledger_store_list_latest_region_values:
 * @as_of: the period the figures are read as of
 *
 * Returns: (transfer full) (element-type LedgerValue): for each indicator
 *   of @plan and each of its regions, the region's latest figure whose
 *   period ends by the end of @as_of, in one query
 */
GPtrArray *
ledger_store_list_latest_region_values (LedgerStore        *self,
                                        LedgerPlan         *plan,
                                        const LedgerPeriod *as_of)
{
  StoreStatement *stmt;

  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan) && as_of != NULL, NULL);

  stmt = store_prepare (self,
    "SELECT v.indicator_id, v.period, v.value, v.status, v.note, v.source, v.updated_at, v.updated_by, "
    "v.region, v.version FROM indicators i JOIN plans p ON p.id = i.plan_id "
    "JOIN regions r ON r.plan_id = p.id "
    "JOIN indicator_values v ON v.id = (SELECT w.id FROM indicator_values w "
    "  WHERE w.indicator_id = i.id AND w.region = r.code AND w.period_key <= ?2 "
    "  AND w.period_key >= p.first_year * 1000 ORDER BY w.period_key DESC LIMIT 1) "
    "WHERE p.id = ?1 ORDER BY i.id, r.position", NULL);
  if (stmt != NULL)
    {
      store_bind_int64 (stmt, 1, plan_id_of (plan));
      store_bind_int (stmt, 2, store_period_key_bound (as_of));
    }
  return step_all (stmt);
}

/* The regions counted in the city's total of indicator ?1, and their
 * figures of the period of key ?2 summed. */
#define SUM_REGIONS \
  "WITH counted AS (SELECT r.code FROM regions r JOIN indicators i ON i.plan_id = r.plan_id " \
  "                 WHERE i.id = ?1 AND r.in_total = 1) " \
  "SELECT v.period, coalesce (sum (v.value), 0.0), count (*), (SELECT count (*) FROM counted) " \
  "FROM indicator_values v WHERE v.indicator_id = ?1 AND v.region IN (SELECT code FROM counted) " \
  "AND v.value IS NOT NULL AND v.period_key = "

static LedgerValue *
sum_regions (LedgerStore *self,
             const char  *sql,
             gint64       indicator_id,
             int          key)
{
  StoreStatement *stmt = store_prepare (self, sql, NULL);
  LedgerValue *sum = NULL;

  if (stmt == NULL)
    return NULL;
  store_bind_int64 (stmt, 1, indicator_id);
  store_bind_int (stmt, 2, key);
  if (store_step (stmt) == SQLITE_ROW && store_column_int (stmt, 2) > 0)
    {
      sum = ledger_value_new (indicator_id, store_column_text (stmt, 0), store_column_double (stmt, 1),
                              "", "");
      ledger_value_set_summed (sum, (guint) store_column_int (stmt, 2), (guint) store_column_int (stmt, 3));
    }
  store_reset (stmt);
  return sum;
}

/**
 * ledger_store_sum_regions_until:
 *
 * The roll-up (docs/regions.md): the latest period by the end of @as_of
 * in which a region counted in the city's total has a figure, and the sum
 * of those regions' figures of that period.
 *
 * Returns: (transfer full) (nullable): the sum as a city figure, marked
 *   with ledger_value_get_summed(); %NULL where no region has one
 */
LedgerValue *
ledger_store_sum_regions_until (LedgerStore        *self,
                                gint64              indicator_id,
                                const LedgerPeriod *as_of)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);
  g_return_val_if_fail (as_of != NULL, NULL);

  return sum_regions (self, SUM_REGIONS
    "(SELECT w.period_key FROM indicator_values w WHERE w.indicator_id = ?1 AND w.region IN (SELECT code FROM counted) "
    " AND w.period_key <= ?2 AND w.period_key >= " PLAN_START_KEY " AND w.value IS NOT NULL "
    " ORDER BY w.period_key DESC LIMIT 1) GROUP BY v.period",
    indicator_id, store_period_key_bound (as_of));
}

/* Returns: (transfer full) (nullable): the regions' figures of @period
 * summed, as ledger_store_sum_regions_until() */
LedgerValue *
ledger_store_sum_regions_of (LedgerStore *self,
                             gint64       indicator_id,
                             const char  *period)
{
  LedgerPeriod parsed;

  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);

  if (period == NULL || !ledger_period_parse (period, &parsed))
    return NULL;
  return sum_regions (self, SUM_REGIONS "?2 GROUP BY v.period", indicator_id,
                      ledger_period_sort_key (&parsed));
}

/* The regions' sums of indicator ?1, a cumulative total, for each period
 * where the city has no figure of its own: period, sum, how many summed,
 * how many count, the period's key. */
#define SUMS_WITHOUT_CITY \
  "WITH counted AS (SELECT r.code FROM regions r JOIN indicators i ON i.plan_id = r.plan_id " \
  "                 WHERE i.id = ?1 AND i.kind = 'cumulative' AND r.in_total = 1) " \
  "SELECT v.period, coalesce (sum (v.value), 0.0), count (*), (SELECT count (*) FROM counted), min (v.period_key) " \
  "FROM indicator_values v WHERE v.indicator_id = ?1 AND v.region IN (SELECT code FROM counted) AND v.value IS NOT NULL " \
  "AND NOT EXISTS (SELECT 1 FROM indicator_values c WHERE c.indicator_id = ?1 AND c.region = '' " \
  "                AND c.period = v.period AND c.value IS NOT NULL) " \
  "GROUP BY v.period ORDER BY min (v.period_key)"

static int
value_key (LedgerValue *value)
{
  LedgerPeriod period;

  return ledger_period_parse (ledger_value_get_period (value), &period) ? ledger_period_sort_key (&period) : 0;
}

/**
 * ledger_store_list_values_rolled_up:
 *
 * What the city's chart plots (docs/regions.md, Roll-up): the city's own
 * values of the indicator and, for a cumulative total, in each period
 * where the city has no figure of its own and a region counted in the
 * total has one, the regions' sum, marked with ledger_value_get_summed().
 * Rates and levels are never summed: their list is the city's own.
 *
 * Returns: (transfer full) (element-type LedgerValue): earliest first
 */
GListModel *
ledger_store_list_values_rolled_up (LedgerStore *self,
                                    gint64       indicator_id)
{
  g_autoptr(GListModel) own = NULL;
  GListStore *values = g_list_store_new (LEDGER_TYPE_VALUE);
  StoreStatement *stmt;
  guint next = 0;

  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);

  own = ledger_store_list_values (self, indicator_id);
  if ((stmt = store_prepare (self, SUMS_WITHOUT_CITY, NULL)) != NULL)
    {
      store_bind_int64 (stmt, 1, indicator_id);
      while (store_step (stmt) == SQLITE_ROW)
        {
          g_autoptr(LedgerValue) sum = ledger_value_new (indicator_id, store_column_text (stmt, 0),
                                                         store_column_double (stmt, 1), "", "");
          int key = store_column_int (stmt, 4);

          ledger_value_set_summed (sum, (guint) store_column_int (stmt, 2), (guint) store_column_int (stmt, 3));
          /* The city's own of earlier periods first: both lists are in
           * period order. */
          for (; next < g_list_model_get_n_items (own); next++)
            {
              g_autoptr(LedgerValue) value = g_list_model_get_item (own, next);

              if (value_key (value) > key)
                break;
              g_list_store_append (values, value);
            }
          g_list_store_append (values, sum);
        }
      store_reset (stmt);
    }
  for (; next < g_list_model_get_n_items (own); next++)
    {
      g_autoptr(LedgerValue) value = g_list_model_get_item (own, next);

      g_list_store_append (values, value);
    }
  return G_LIST_MODEL (values);
}

/**
 * ledger_store_list_roll_ups:
 *
 * Returns: (transfer full) (element-type LedgerRollUp): for each additive
 *   total of @plan and each period where the city has its own figure and
 *   a region counted in the total has one, the two side by side
 */
GPtrArray *
ledger_store_list_roll_ups (LedgerStore *self,
                            LedgerPlan  *plan)
{
  GPtrArray *roll_ups = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_roll_up_free);
  StoreStatement *stmt;

  g_return_val_if_fail (LEDGER_IS_STORE (self), roll_ups);

  stmt = store_prepare (self,
    "SELECT c.indicator_id, c.period, c.value, coalesce (sum (v.value), 0.0), count (v.value), "
    "(SELECT count (*) FROM regions r WHERE r.plan_id = ?1 AND r.in_total = 1) "
    "FROM indicators i JOIN indicator_values c ON c.indicator_id = i.id AND c.region = '' "
    "JOIN indicator_values v ON v.indicator_id = i.id AND v.period = c.period "
    "JOIN regions r ON r.plan_id = i.plan_id AND r.code = v.region AND r.in_total = 1 "
    "WHERE i.plan_id = ?1 AND i.kind = 'cumulative' AND c.value IS NOT NULL "
    "GROUP BY c.id ORDER BY c.indicator_id, c.period_key", NULL);
  if (stmt == NULL)
    return roll_ups;
  store_bind_int64 (stmt, 1, plan_id_of (plan));
  while (store_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (roll_ups, ledger_roll_up_new (store_column_int64 (stmt, 0), store_column_text (stmt, 1),
                                                   store_column_double (stmt, 2),
                                                   store_column_double (stmt, 3),
                                                   (guint) store_column_int (stmt, 4),
                                                   (guint) store_column_int (stmt, 5)));
  store_reset (stmt);
  return roll_ups;
}

/* Deletes @region's figure of @period, logged and one step of undo. */
gboolean
ledger_store_delete_region_value (LedgerStore  *self,
                                  gint64        indicator_id,
                                  const char   *region,
                                  const char   *period,
                                  GError      **error)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);

  if (!store_begin (self, error))
    return FALSE;
  if (!store_remove_value (self, indicator_id, region != NULL ? region : "", period, "", error) ||
      !store_commit (self, error))
    {
      store_rollback (self);
      return FALSE;
    }
  store_emit_values_changed (self, indicator_id);
  return TRUE;
}
