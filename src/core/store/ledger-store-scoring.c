/* ledger-store-scoring.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ledger-json.h"
#include "ledger-store-private.h"
#include "ledger-store-scoring.h"

/* The rankings' weights, a plan's scoring scheme and the office's 加分
 * and 扣分 (docs/regions.md, Rankings and Scoring; schema 8). Each write
 * is one transaction with its entry in the change log (the weight under
 * its indicator, the scheme and the adjustments under their plan) and one
 * step of undo: a row of undo keyed "ranking_weight/ID" (the indicator's),
 * "scoring_scheme/ID" (the plan's) or "score_adjustment/ID", restored by
 * the same writer. */

#define WEIGHT_MAX 1000
#define POINTS_MAX 1000

/* The uuid of row @id of @table ("plans" or "indicators"). */
static char *
uuid_of (LedgerStore  *self,
         const char   *sql,
         gint64        id,
         GError      **error)
{
  StoreStatement *stmt = store_prepare (self, sql, error);
  char *uuid = NULL;

  if (stmt == NULL)
    return NULL;
  store_bind_int64 (stmt, 1, id);
  if (store_step (stmt) == SQLITE_ROW)
    uuid = g_strdup (store_column_text (stmt, 0));
  store_reset (stmt);
  if (uuid == NULL)
    g_set_error_literal (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                         _("There is no such plan or indicator in the ledger"));
  return uuid;
}

#define PLAN_UUID "SELECT uuid FROM plans WHERE id = ?"
#define INDICATOR_UUID "SELECT uuid FROM indicators WHERE id = ?"

/* Ends a transaction: committed if @ok, else rolled back. */
static gboolean
finish (LedgerStore  *self,
        gboolean      ok,
        GError      **error)
{
  if (!ok || !store_commit (self, error))
    {
      store_rollback (self);
      return FALSE;
    }
  store_emit_values_changed (self, 0);
  return TRUE;
}

static char *
number_json (const char *name,
             double      number)
{
  GString *out = g_string_new ("{\"");

  g_string_append (out, name);
  g_string_append (out, "\":");
  ledger_json_append_number (out, number);
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

/* Returns: @indicator_id's weight in the composite ranking: 1 unless set */
double
ledger_store_get_ranking_weight (LedgerStore *self,
                                 gint64       indicator_id)
{
  StoreStatement *stmt;
  double weight = 1;

  g_return_val_if_fail (LEDGER_IS_STORE (self), 1);

  stmt = store_prepare (self, "SELECT weight FROM ranking_weights WHERE indicator_id = ?", NULL);
  if (stmt == NULL)
    return weight;
  store_bind_int64 (stmt, 1, indicator_id);
  if (store_step (stmt) == SQLITE_ROW)
    weight = store_column_double (stmt, 0);
  store_reset (stmt);
  return weight;
}

/**
 * ledger_store_list_ranking_weights:
 * @plan_id: a plan
 *
 * Returns: (transfer full): the weight (a double) of each indicator
 *   (gint64) of the plan that has one other than 1, in one query
 */
GHashTable *
ledger_store_list_ranking_weights (LedgerStore *self,
                                   gint64       plan_id)
{
  GHashTable *weights = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  StoreStatement *stmt;

  g_return_val_if_fail (LEDGER_IS_STORE (self), weights);

  stmt = store_prepare (self, "SELECT w.indicator_id, w.weight FROM ranking_weights w "
                              "JOIN indicators i ON i.id = w.indicator_id WHERE i.plan_id = ?", NULL);
  if (stmt == NULL)
    return weights;
  store_bind_int64 (stmt, 1, plan_id);
  while (store_step (stmt) == SQLITE_ROW)
    {
      gint64 id = store_column_int64 (stmt, 0);
      double weight = store_column_double (stmt, 1);

      g_hash_table_insert (weights, g_memdup2 (&id, sizeof id), g_memdup2 (&weight, sizeof weight));
    }
  store_reset (stmt);
  return weights;
}

static gboolean
write_weight (LedgerStore  *self,
              gint64        indicator_id,
              double        weight,
              GError      **error)
{
  /* The default is not stored: a ledger without weights has none. */
  StoreStatement *stmt = store_prepare (self, weight == 1
    ? "DELETE FROM ranking_weights WHERE indicator_id = ?1"
    : "INSERT INTO ranking_weights (indicator_id, weight) VALUES (?1, ?2) "
      "ON CONFLICT (indicator_id) DO UPDATE SET weight = excluded.weight", error);

  if (stmt == NULL)
    return FALSE;
  store_bind_int64 (stmt, 1, indicator_id);
  if (weight != 1)
    store_bind_double (stmt, 2, weight);
  return store_run (self, stmt, error);
}

static char *
undo_key (const char *kind,
          gint64      id)
{
  return g_strdup_printf ("%s/%" G_GINT64_FORMAT, kind, id);
}

/* The id an undo key ends with. */
static gint64
undo_key_id (const char *key)
{
  return g_ascii_strtoll (strrchr (key, '/') + 1, NULL, 10);
}

static gboolean restore_weight (LedgerStore  *self,
                                const char   *key,
                                gpointer      old,
                                GError      **error);

/* Within a transaction: the weight written, logged and recorded for undo. */
static gboolean
replace_weight (LedgerStore  *self,
                gint64        indicator_id,
                double        weight,
                GError      **error)
{
  double old = ledger_store_get_ranking_weight (self, indicator_id);
  g_autofree char *uuid = NULL;
  g_autofree char *old_json = number_json ("weight", old);
  g_autofree char *new_json = number_json ("weight", weight);
  g_autofree char *key = NULL;

  if (old == weight)
    return TRUE;
  if ((uuid = uuid_of (self, INDICATOR_UUID, indicator_id, error)) == NULL ||
      !write_weight (self, indicator_id, weight, error) ||
      !store_log_change (self, "update", "ranking_weight", uuid, "", old_json, new_json, "", error))
    return FALSE;
  key = undo_key ("ranking_weight", indicator_id);
  store_undo_record_row (self, key, restore_weight, g_memdup2 (&old, sizeof old), g_free);
  return TRUE;
}

static gboolean
restore_weight (LedgerStore  *self,
                const char   *key,
                gpointer      old,
                GError      **error)
{
  return replace_weight (self, undo_key_id (key), *(double *) old, error);
}

/**
 * ledger_store_set_ranking_weight:
 * @weight: 0 (left out of the composite) to 1000; 1 is the default
 *
 * Sets an indicator's weight in the composite ranking, logged under the
 * indicator and one step of undo. Setting the weight it has writes
 * nothing.
 */
gboolean
ledger_store_set_ranking_weight (LedgerStore  *self,
                                 gint64        indicator_id,
                                 double        weight,
                                 GError      **error)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);

  if (!isfinite (weight) || weight < 0 || weight > WEIGHT_MAX)
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                   _("A ranking weight is a number from 0 to %d"), WEIGHT_MAX);
      return FALSE;
    }
  if (ledger_store_get_ranking_weight (self, indicator_id) == weight)
    return TRUE;
  if (!store_begin (self, error))
    return FALSE;
  return finish (self, replace_weight (self, indicator_id, weight, error), error);
}

/**
 * ledger_store_get_scoring_scheme:
 * @scheme: (out): the plan's scheme; the default one if it has none
 *
 * Returns: whether the plan has a scoring scheme
 */
gboolean
ledger_store_get_scoring_scheme (LedgerStore         *self,
                                 gint64               plan_id,
                                 LedgerScoringScheme *scheme)
{
  StoreStatement *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);

  ledger_scoring_scheme_init_default (scheme);
  stmt = store_prepare (self, "SELECT completion_points, rank_first, rank_step, cap "
                              "FROM scoring_schemes WHERE plan_id = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  store_bind_int64 (stmt, 1, plan_id);
  if ((found = store_step (stmt) == SQLITE_ROW))
    *scheme = (LedgerScoringScheme) {
      .completion_points = store_column_double (stmt, 0), .rank_first = store_column_double (stmt, 1),
      .rank_step = store_column_double (stmt, 2), .cap = store_column_double (stmt, 3),
    };
  store_reset (stmt);
  return found;
}

static char *
scheme_json (const LedgerScoringScheme *scheme)
{
  GString *out;

  if (scheme == NULL)
    return NULL;
  out = g_string_new ("{\"completion_points\":");
  ledger_json_append_number (out, scheme->completion_points);
  g_string_append (out, ",\"rank_first\":");
  ledger_json_append_number (out, scheme->rank_first);
  g_string_append (out, ",\"rank_step\":");
  ledger_json_append_number (out, scheme->rank_step);
  g_string_append (out, ",\"cap\":");
  ledger_json_append_number (out, scheme->cap);
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

static gboolean
write_scheme (LedgerStore               *self,
              gint64                     plan_id,
              const LedgerScoringScheme *scheme,
              GError                   **error)
{
  StoreStatement *stmt = store_prepare (self, scheme == NULL
    ? "DELETE FROM scoring_schemes WHERE plan_id = ?1"
    : "INSERT INTO scoring_schemes (plan_id, completion_points, rank_first, rank_step, cap) "
      "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (plan_id) DO UPDATE SET "
      "completion_points = excluded.completion_points, rank_first = excluded.rank_first, "
      "rank_step = excluded.rank_step, cap = excluded.cap", error);

  if (stmt == NULL)
    return FALSE;
  store_bind_int64 (stmt, 1, plan_id);
  if (scheme != NULL)
    {
      store_bind_double (stmt, 2, scheme->completion_points);
      store_bind_double (stmt, 3, scheme->rank_first);
      store_bind_double (stmt, 4, scheme->rank_step);
      store_bind_double (stmt, 5, scheme->cap);
    }
  return store_run (self, stmt, error);
}

static gboolean restore_scheme (LedgerStore  *self,
                                const char   *key,
                                gpointer      old,
                                GError      **error);

/* Within a transaction: the scheme written (%NULL: removed), logged and
 * recorded for undo. */
static gboolean
replace_scheme (LedgerStore               *self,
                gint64                     plan_id,
                const LedgerScoringScheme *scheme,
                GError                   **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = scheme_json (scheme);
  g_autofree char *key = NULL;
  LedgerScoringScheme old;
  gboolean had = ledger_store_get_scoring_scheme (self, plan_id, &old);

  old_json = had ? scheme_json (&old) : NULL;
  if (g_strcmp0 (old_json, new_json) == 0)
    return TRUE;
  if ((uuid = uuid_of (self, PLAN_UUID, plan_id, error)) == NULL ||
      !write_scheme (self, plan_id, scheme, error) ||
      !store_log_change (self, scheme == NULL ? "delete" : had ? "update" : "insert",
                         "scoring_scheme", uuid, "", old_json, new_json, "", error))
    return FALSE;
  key = undo_key ("scoring_scheme", plan_id);
  store_undo_record_row (self, key, restore_scheme, had ? g_memdup2 (&old, sizeof old) : NULL, g_free);
  return TRUE;
}

static gboolean
restore_scheme (LedgerStore  *self,
                const char   *key,
                gpointer      old,
                GError      **error)
{
  return replace_scheme (self, undo_key_id (key), old, error);
}

/**
 * ledger_store_set_scoring_scheme:
 * @scheme: (nullable): the plan's scheme, or %NULL for none
 *
 * Sets (or removes) a plan's scoring scheme, logged under the plan and
 * one step of undo.
 */
gboolean
ledger_store_set_scoring_scheme (LedgerStore               *self,
                                 gint64                     plan_id,
                                 const LedgerScoringScheme *scheme,
                                 GError                   **error)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);

  if (scheme != NULL && !ledger_scoring_scheme_check (scheme, error))
    return FALSE;
  if (!store_begin (self, error))
    return FALSE;
  return finish (self, replace_scheme (self, plan_id, scheme, error), error);
}

static LedgerScoreAdjustment *
read_adjustment (StoreStatement *stmt)
{
  LedgerScoreSubject kind = LEDGER_SCORE_REGION;
  LedgerScoreAdjustment *adjustment;

  ledger_score_subject_from_string (store_column_text (stmt, 3), &kind);
  adjustment = ledger_score_adjustment_new (store_column_text (stmt, 2), kind, store_column_text (stmt, 4),
                                            store_column_double (stmt, 5), store_column_text (stmt, 6));
  adjustment->id = store_column_int64 (stmt, 0);
  adjustment->plan_id = store_column_int64 (stmt, 1);
  g_free (adjustment->created_at);
  adjustment->created_at = g_strdup (store_column_text (stmt, 7));
  g_free (adjustment->created_by);
  adjustment->created_by = g_strdup (store_column_text (stmt, 8));
  return adjustment;
}

/**
 * ledger_store_list_score_adjustments:
 * @period: (nullable): the period's only, or every period's
 *
 * Returns: (transfer full) (element-type LedgerScoreAdjustment): the
 *   plan's adjustments, in the order they were added
 */
GPtrArray *
ledger_store_list_score_adjustments (LedgerStore *self,
                                     gint64       plan_id,
                                     const char  *period)
{
  GPtrArray *adjustments = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_score_adjustment_free);
  StoreStatement *stmt;

  g_return_val_if_fail (LEDGER_IS_STORE (self), adjustments);

  stmt = store_prepare (self, "SELECT id, plan_id, period, subject_kind, subject, points, reason, created_at, "
                              "created_by FROM score_adjustments WHERE plan_id = ?1 "
                              "AND (CAST (?2 AS TEXT) IS NULL OR period = ?2) ORDER BY id", NULL);
  if (stmt == NULL)
    return adjustments;
  store_bind_int64 (stmt, 1, plan_id);
  if (period != NULL)
    store_bind_text (stmt, 2, period);
  while (store_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (adjustments, read_adjustment (stmt));
  store_reset (stmt);
  return adjustments;
}

static gboolean
check_adjustment (const LedgerScoreAdjustment  *adjustment,
                  GError                      **error)
{
  LedgerPeriod period;
  g_autofree char *reason = g_strstrip (g_strdup (adjustment->reason != NULL ? adjustment->reason : ""));

  if (!ledger_period_parse (adjustment->period, &period))
    g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                 _("“%s” is not a period"), adjustment->period != NULL ? adjustment->period : "");
  else if (adjustment->subject == NULL || *adjustment->subject == '\0')
    g_set_error_literal (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                         _("An adjustment is for a region or a responsible unit: name it"));
  else if (!isfinite (adjustment->points) || adjustment->points == 0 || fabs (adjustment->points) > POINTS_MAX)
    g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                 _("An adjustment’s points are a number from −%d to %d, not 0"), POINTS_MAX, POINTS_MAX);
  else if (*reason == '\0')
    g_set_error_literal (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                         _("Give the reason for the points added or deducted"));
  else
    return TRUE;
  return FALSE;
}

static char *
adjustment_json (const LedgerScoreAdjustment *adjustment)
{
  GString *out = g_string_new ("{\"subject_kind\":");

  ledger_json_append_string (out, ledger_score_subject_to_string (adjustment->kind));
  g_string_append (out, ",\"subject\":");
  ledger_json_append_string (out, adjustment->subject);
  g_string_append (out, ",\"points\":");
  ledger_json_append_number (out, adjustment->points);
  g_string_append (out, ",\"reason\":");
  ledger_json_append_string (out, adjustment->reason);
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

static gboolean restore_adjustment (LedgerStore  *self,
                                    const char   *key,
                                    gpointer      old,
                                    GError      **error);

static void
record_adjustment (LedgerStore                 *self,
                   gint64                       id,
                   const LedgerScoreAdjustment *old)
{
  g_autofree char *key = undo_key ("score_adjustment", id);

  store_undo_record_row (self, key, restore_adjustment, old != NULL ? ledger_score_adjustment_copy (old) : NULL,
                         (GDestroyNotify) ledger_score_adjustment_free);
}

/* Within a transaction: @adjustment written under its id (0: a new one,
 * whose id is set), logged and recorded for undo. */
static gboolean
insert_adjustment (LedgerStore            *self,
                   gint64                  plan_id,
                   LedgerScoreAdjustment  *adjustment,
                   GError                **error)
{
  g_autofree char *uuid = uuid_of (self, PLAN_UUID, plan_id, error);
  g_autofree char *new_json = adjustment_json (adjustment);
  /* An adjustment put back by undo keeps its id; a new one is given one. */
  StoreStatement *stmt = uuid == NULL ? NULL : store_prepare (self, adjustment->id != 0
    ? "INSERT INTO score_adjustments (id, plan_id, period, subject_kind, subject, points, reason, created_at, "
      "created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
    : "INSERT INTO score_adjustments (plan_id, period, subject_kind, subject, points, reason, created_at, "
      "created_by) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);

  if (stmt == NULL)
    return FALSE;
  if (adjustment->id != 0)
    store_bind_int64 (stmt, 1, adjustment->id);
  store_bind_int64 (stmt, 2, plan_id);
  store_bind_text (stmt, 3, adjustment->period);
  store_bind_static_text (stmt, 4, ledger_score_subject_to_string (adjustment->kind));
  store_bind_text (stmt, 5, adjustment->subject);
  store_bind_double (stmt, 6, adjustment->points);
  store_bind_text (stmt, 7, adjustment->reason);
  store_bind_text (stmt, 8, adjustment->created_at);
  store_bind_text (stmt, 9, adjustment->created_by);
  if (!store_run (self, stmt, error) ||
      !store_log_change (self, "insert", "score_adjustment", uuid, adjustment->period, NULL, new_json, "", error))
    return FALSE;
  adjustment->id = store_last_insert_id (self);
  adjustment->plan_id = plan_id;
  record_adjustment (self, adjustment->id, NULL);
  return TRUE;
}

/**
 * ledger_store_add_score_adjustment:
 * @adjustment: a 加分 or 扣分, with a period, a subject, points other than
 *   0 and a reason; its id, plan, when and by whom are set
 *
 * Adds the adjustment to the plan, logged under the plan and its period,
 * one step of undo.
 */
gboolean
ledger_store_add_score_adjustment (LedgerStore            *self,
                                   gint64                  plan_id,
                                   LedgerScoreAdjustment  *adjustment,
                                   GError                **error)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (adjustment != NULL, FALSE);

  if (!check_adjustment (adjustment, error) || !store_begin (self, error))
    return FALSE;
  adjustment->id = 0;
  g_free (adjustment->created_at);
  adjustment->created_at = g_strdup (store_transaction_at (self));
  g_free (adjustment->created_by);
  adjustment->created_by = g_strdup (store_user ());
  return finish (self, insert_adjustment (self, plan_id, adjustment, error), error);
}

static LedgerScoreAdjustment *
find_adjustment (LedgerStore  *self,
                 gint64        id,
                 GError      **error)
{
  StoreStatement *stmt = store_prepare (self, "SELECT id, plan_id, period, subject_kind, subject, points, reason, "
                                            "created_at, created_by FROM score_adjustments WHERE id = ?", error);
  LedgerScoreAdjustment *adjustment = NULL;

  if (stmt == NULL)
    return NULL;
  store_bind_int64 (stmt, 1, id);
  if (store_step (stmt) == SQLITE_ROW)
    adjustment = read_adjustment (stmt);
  store_reset (stmt);
  if (adjustment == NULL)
    g_set_error_literal (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                         _("There is no such adjustment in the ledger"));
  return adjustment;
}

/* Within a transaction: the adjustment @id deleted, logged with what it
 * was and recorded for undo. */
static gboolean
delete_adjustment (LedgerStore  *self,
                   gint64        id,
                   GError      **error)
{
  g_autoptr(LedgerScoreAdjustment) old = find_adjustment (self, id, error);
  g_autofree char *uuid = NULL;
  g_autofree char *old_json = NULL;
  StoreStatement *stmt;

  if (old == NULL || (uuid = uuid_of (self, PLAN_UUID, old->plan_id, error)) == NULL ||
      (stmt = store_prepare (self, "DELETE FROM score_adjustments WHERE id = ?", error)) == NULL)
    return FALSE;
  store_bind_int64 (stmt, 1, id);
  old_json = adjustment_json (old);
  if (!store_run (self, stmt, error) ||
      !store_log_change (self, "delete", "score_adjustment", uuid, old->period, old_json, NULL, "", error))
    return FALSE;
  record_adjustment (self, id, old);
  return TRUE;
}

/* Undo: an adjustment added is deleted, one deleted is written back as
 * it was, under its id. */
static gboolean
restore_adjustment (LedgerStore  *self,
                    const char   *key,
                    gpointer      old,
                    GError      **error)
{
  g_autoptr(LedgerScoreAdjustment) copy = NULL;

  if (old == NULL)
    return delete_adjustment (self, undo_key_id (key), error);
  copy = ledger_score_adjustment_copy (old);
  return insert_adjustment (self, copy->plan_id, copy, error);
}

/* Removes the adjustment @id, logged under its plan with what it was, one
 * step of undo. */
gboolean
ledger_store_remove_score_adjustment (LedgerStore  *self,
                                      gint64        id,
                                      GError      **error)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);

  if (!store_begin (self, error))
    return FALSE;
  return finish (self, delete_adjustment (self, id, error), error);
}
