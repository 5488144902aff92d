/* ledger-store-values.c
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
#include "ledger-json.h"
#include "ledger-store-plan-values.h"
#include "ledger-store-private.h"
#include "ledger-task.h"

/* The store's values: one per indicator and period, read, recorded,
 * imported and deleted, each change logged. */

static const char *value_columns =
  "indicator_id, period, value, status, note, source, updated_at, updated_by, region, version";

LedgerValue *
store_value_from_row (StoreStatement *stmt)
{
  LedgerValue *value;

  if (!store_column_is_number (stmt, 2))
    value = ledger_value_new_status (store_column_int64 (stmt, 0), store_column_text (stmt, 1),
                                     store_column_text (stmt, 3), store_column_text (stmt, 4),
                                     store_column_text (stmt, 5));
  else
    value = ledger_value_new (store_column_int64 (stmt, 0), store_column_text (stmt, 1),
                              store_column_double (stmt, 2), store_column_text (stmt, 4),
                              store_column_text (stmt, 5));
  ledger_value_set_updated (value, store_column_text (stmt, 6), store_column_text (stmt, 7));
  ledger_value_set_region (value, store_column_text (stmt, 8));
  ledger_value_set_version (value, store_column_int64 (stmt, 9));
  return value;
}

/* The columns store_value_from_row() reads, in its order. */
const char *
store_value_columns (void)
{
  return value_columns;
}

static LedgerValue *
query_one_value (LedgerStore  *self,
                 const char   *where,
                 gint64        indicator_id,
                 const char   *period)
{
  g_autofree char *sql = g_strconcat ("SELECT ", value_columns, " FROM indicator_values ",
                                      where, NULL);
  StoreStatement *stmt = store_prepare (self, sql, NULL);
  LedgerValue *value = NULL;

  if (stmt == NULL)
    return NULL;
  store_bind_int64 (stmt, 1, indicator_id);
  if (period != NULL)
    store_bind_text (stmt, 2, period);
  if (store_step (stmt) == SQLITE_ROW)
    value = store_value_from_row (stmt);
  store_reset (stmt);
  return value;
}

/* Returns: (transfer full) (nullable): the value recorded for @period */
LedgerValue *
ledger_store_get_value (LedgerStore *self,
                        gint64       indicator_id,
                        const char  *period)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  return query_one_value (self, "WHERE indicator_id = ? AND region = '' AND period = ?", indicator_id, period);
}

/* Returns: (transfer full) (nullable): the value of the latest period */
LedgerValue *
ledger_store_get_latest_value (LedgerStore *self,
                               gint64       indicator_id)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);

  return query_one_value (self, "WHERE indicator_id = ?1 AND region = '' AND period_key >= " PLAN_START_KEY
                          " ORDER BY period_key DESC LIMIT 1", indicator_id, NULL);
}

/* The largest period_key of the periods that end by the end of @period,
 * whatever their length: as of 1-9月, 前三季度 counts. */
int
store_period_key_bound (const LedgerPeriod *period)
{
  return ledger_period_last_sort_key (period);
}

/* Returns: (transfer full) (nullable): the latest value whose period ends
 * by the end of @as_of */
LedgerValue *
ledger_store_get_latest_value_until (LedgerStore        *self,
                                     gint64              indicator_id,
                                     const LedgerPeriod *as_of)
{
  g_autofree char *sql = g_strconcat ("SELECT ", value_columns, " FROM indicator_values "
                                      "WHERE indicator_id = ?1 AND region = '' AND period_key <= ?2 "
                                      "AND period_key >= " PLAN_START_KEY " "
                                      "ORDER BY period_key DESC LIMIT 1", NULL);
  StoreStatement *stmt;
  LedgerValue *value = NULL;

  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);
  g_return_val_if_fail (as_of != NULL, NULL);

  if ((stmt = store_prepare (self, sql, NULL)) == NULL)
    return NULL;
  store_bind_int64 (stmt, 1, indicator_id);
  store_bind_int (stmt, 2, store_period_key_bound (as_of));
  if (store_step (stmt) == SQLITE_ROW)
    value = store_value_from_row (stmt);
  store_reset (stmt);
  return value;
}

/* Returns: (transfer full) (nullable): the latest period of @plan that has
 * any value, the default "as of" period */
char *
ledger_store_get_latest_period (LedgerStore *self,
                                LedgerPlan  *plan)
{
  StoreStatement *stmt;
  char *period = NULL;

  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);

  stmt = store_prepare (self,
    "SELECT v.period FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id "
    "JOIN plans p ON p.id = i.plan_id "
    "WHERE i.plan_id = ? AND v.period_key >= p.first_year * 1000 "
    "ORDER BY v.period_key DESC LIMIT 1", NULL);
  if (stmt == NULL)
    return NULL;
  store_bind_int64 (stmt, 1, ledger_node_get_id (LEDGER_NODE (plan)));
  if (store_step (stmt) == SQLITE_ROW)
    period = g_strdup (store_column_text (stmt, 0));
  store_reset (stmt);
  return period;
}

/**
 * ledger_store_get_default_as_of:
 * @now: today, for a plan without values
 *
 * Returns: (transfer full): the "as of" period a plan is shown at first:
 *   the one of its latest value, or else the last month that has ended
 */
char *
ledger_store_get_default_as_of (LedgerStore *self,
                                LedgerPlan  *plan,
                                GDateTime   *now)
{
  g_autofree char *latest = ledger_store_get_latest_period (self, plan);
  int first = ledger_plan_get_first_year (plan);
  int last = ledger_plan_get_last_year (plan);

  if (latest != NULL)
    return ledger_period_as_of_for (latest, first, last);
  return ledger_frequency_default_period (first == last ? LEDGER_FREQUENCY_MONTHLY
                                                        : LEDGER_FREQUENCY_ANNUAL,
                                          first, last, now);
}

/* Returns: (transfer full): the values of an indicator, earliest first */
GListModel *
ledger_store_list_values (LedgerStore *self,
                          gint64       indicator_id)
{
  g_autofree char *sql = g_strconcat ("SELECT ", value_columns, " FROM indicator_values "
                                      "WHERE indicator_id = ? AND region = '' ORDER BY period_key", NULL);
  GListStore *values = g_list_store_new (LEDGER_TYPE_VALUE);
  StoreStatement *stmt;

  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);

  if ((stmt = store_prepare (self, sql, NULL)) == NULL)
    return G_LIST_MODEL (values);
  store_bind_int64 (stmt, 1, indicator_id);
  while (store_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(LedgerValue) value = store_value_from_row (stmt);

      g_list_store_append (values, value);
    }
  store_reset (stmt);
  return G_LIST_MODEL (values);
}

/* After a change of frequency or kind: refuses if a value no longer fits
 * the indicator. */
gboolean
store_check_values_fit (LedgerStore      *self,
                  LedgerIndicator  *indicator,
                  GError          **error)
{
  g_autoptr(GListModel) values = ledger_store_list_values (self, ledger_indicator_get_id (indicator));

  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      g_autoptr(LedgerValue) value = g_list_model_get_item (values, i);
      LedgerPeriod period;

      gboolean qualitative = ledger_indicator_get_kind (indicator) == LEDGER_KIND_QUALITATIVE;

      if (qualitative == ledger_value_has_number (value))
        {
          g_set_error_literal (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                               _("The indicator has values that the new kind cannot hold; "
                                 "delete them first"));
          return FALSE;
        }
      if (!ledger_period_parse (ledger_value_get_period (value), &period) ||
          !ledger_indicator_has_period (indicator, &period))
        {
          g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                       _("The indicator has a value for “%s”, which is not a period of the new "
                         "frequency; delete that value first"), ledger_value_get_period (value));
          return FALSE;
        }
    }
  return TRUE;
}

/* What the indicator says about where its values may go. */
struct _StoreRules
{
  char            *uuid;
  gint64           plan_id;
  gboolean         has_closed;   /* whether a month of the plan is closed */
  LedgerKind       kind;
  LedgerFrequency  frequency;
  LedgerJanuary    january;
  int              first_year;
  int              last_year;
};

const char *
store_rules_get_uuid (const StoreRules *rules)
{
  return rules->uuid;
}

gint64
store_rules_get_plan_id (const StoreRules *rules)
{
  return rules->plan_id;
}

/* Whether a month of the indicator's plan was closed when its rules were read. */
gboolean
store_rules_have_closed (const StoreRules *rules)
{
  return rules->has_closed;
}

/* Whether a value of @period may be written: not if its month is closed.
 * A plan with no month closed (read with the rules, once a transaction)
 * needs no look at each value's. */
gboolean
store_rules_check_open (LedgerStore        *self,
                        const StoreRules   *rules,
                        const LedgerPeriod *period,
                        GError            **error)
{
  return !rules->has_closed || store_check_period_open (self, rules->plan_id, period, error);
}

void
store_rules_free (gpointer rules)
{
  g_free (((StoreRules *) rules)->uuid);
  g_free (rules);
}

#define RULES_SELECT \
  "SELECT i.uuid, i.kind, i.frequency, p.first_year, p.last_year, i.january, p.id, " \
  "EXISTS (SELECT 1 FROM period_states s WHERE s.plan_id = p.id AND s.state = 'closed'), i.id " \
  "FROM indicators i JOIN plans p ON p.id = i.plan_id "

static StoreRules *
rules_from_row (StoreStatement *stmt)
{
  StoreRules *rules = g_new0 (StoreRules, 1);

  rules->uuid = g_strdup (store_column_text (stmt, 0));
  ledger_kind_from_string (store_column_text (stmt, 1), &rules->kind);
  ledger_frequency_from_string (store_column_text (stmt, 2), &rules->frequency);
  rules->first_year = store_column_int (stmt, 3);
  rules->last_year = store_column_int (stmt, 4);
  ledger_january_from_string (store_column_text (stmt, 5), &rules->january);
  rules->plan_id = store_column_int64 (stmt, 6);
  rules->has_closed = store_column_int (stmt, 7);
  return rules;
}

static void
no_such_indicator (GError **error)
{
  g_set_error_literal (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                       _("There is no such indicator in the ledger"));
}

static StoreRules *
read_rules (LedgerStore  *self,
            gint64        indicator_id,
            GError      **error)
{
  StoreStatement *stmt = store_prepare (self, RULES_SELECT "WHERE i.id = ?", error);
  StoreRules *rules = NULL;

  if (stmt == NULL)
    return NULL;
  store_bind_int64 (stmt, 1, indicator_id);
  if (store_step (stmt) == SQLITE_ROW)
    rules = rules_from_row (stmt);
  store_reset (stmt);
  if (rules == NULL)
    no_such_indicator (error);
  return rules;
}

/* Returns: (transfer none): the indicator's rules, read once per
 * transaction (a transaction may change a definition; the next one reads
 * it again) */
const StoreRules *
store_load_rules (LedgerStore  *self,
                  gint64        indicator_id,
                  GError      **error)
{
  StoreRules *rules = g_hash_table_lookup (self->rules_cache, &indicator_id);

  if (rules == NULL && (rules = read_rules (self, indicator_id, error)) != NULL)
    g_hash_table_insert (self->rules_cache, g_memdup2 (&indicator_id, sizeof indicator_id), rules);
  return rules;
}

/* Reads the rules of all the indicators of @indicator_id's plan into the
 * cache, those not there yet (the batch being written holds those). */
static gboolean
read_plan_rules (LedgerStore  *self,
                 gint64        indicator_id,
                 GError      **error)
{
  StoreStatement *stmt = store_prepare (self, RULES_SELECT
                                        "WHERE i.plan_id = (SELECT plan_id FROM indicators WHERE id = ?)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  store_bind_int64 (stmt, 1, indicator_id);
  while ((rc = store_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = store_column_int64 (stmt, 8);

      if (!g_hash_table_contains (self->rules_cache, &id))
        g_hash_table_insert (self->rules_cache, g_memdup2 (&id, sizeof id), rules_from_row (stmt));
    }
  store_reset (stmt);
  return rc == SQLITE_DONE || store_set_error (self, rc, error);
}

/* Returns: (transfer none): as store_load_rules(), and an import's: the
 * rules of the indicator's whole plan are read at once, one statement a
 * plan instead of one an indicator */
const StoreRules *
store_load_plan_rules (LedgerStore  *self,
                       gint64        indicator_id,
                       GError      **error)
{
  StoreRules *rules = g_hash_table_lookup (self->rules_cache, &indicator_id);

  if (rules != NULL)
    return rules;
  if (!read_plan_rules (self, indicator_id, error))
    return NULL;
  if ((rules = g_hash_table_lookup (self->rules_cache, &indicator_id)) == NULL)
    no_such_indicator (error);
  return rules;
}

/* Whether @period is one of the indicator's: of its frequency (January
 * alone only where it is released alone), in the plan's years or in the
 * year before, whose figures are the base (同期) the plan's are read
 * against. */
static gboolean
rules_have_period (const StoreRules   *rules,
                   const LedgerPeriod *period)
{
  return ledger_schedule_has_period (rules->frequency, rules->january, period) &&
         ledger_plan_years_hold (rules->first_year, rules->last_year, period->year);
}

/* The store's own guard: whatever the caller checked, a value that breaks
 * the plan's rules is never written. */
gboolean
store_validate_value (LedgerValue     *value,
                const StoreRules *rules,
                LedgerPeriod    *period,
                GError         **error)
{
  if (!store_check_period (rules, ledger_value_get_period (value), period, error))
    return FALSE;
  if (rules->kind == LEDGER_KIND_QUALITATIVE)
    {
      if (!g_strv_contains (ledger_status_qualitative_codes (), ledger_value_get_status (value)))
        {
          g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                       _("A qualitative task needs a status"));
          return FALSE;
        }
      return TRUE;
    }
  if (!ledger_value_has_number (value) || !isfinite (ledger_value_get_number (value)))
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                   _("The value must be a number"));
      return FALSE;
    }
  return TRUE;
}

/* Whether @code is a period of the indicator of @rules; parses it into
 * @period. */
gboolean
store_check_period (const StoreRules  *rules,
                    const char        *code,
                    LedgerPeriod      *period,
                    GError           **error)
{
  if (!ledger_period_parse (code, period) || !rules_have_period (rules, period))
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                   _("“%s” is not a period of this indicator"), code);
      return FALSE;
    }
  return TRUE;
}

/* The change log's record of a value: {"value":5.7,"note":"","source":""},
 * or "status" for a qualitative task. Written by hand: json-glib took a
 * tenth of a large import's time. */
char *
store_value_to_json (LedgerValue *value)
{
  GString *out;

  if (value == NULL)
    return NULL;
  out = g_string_new ("{");
  if (ledger_value_has_number (value))
    {
      g_string_append (out, "\"value\":");
      ledger_json_append_number (out, ledger_value_get_number (value));
    }
  else
    {
      g_string_append (out, "\"status\":");
      ledger_json_append_string (out, ledger_value_get_status (value));
    }
  g_string_append (out, ",\"note\":");
  ledger_json_append_string (out, ledger_value_get_note (value));
  g_string_append (out, ",\"source\":");
  ledger_json_append_string (out, ledger_value_get_source (value));
  if (ledger_value_get_region (value)[0] != '\0')
    {
      g_string_append (out, ",\"region\":");
      ledger_json_append_string (out, ledger_value_get_region (value));
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

/* Binds a value's eleven columns of indicator_values, from parameter
 * @first on: uuid, indicator, period, period key, value, status, note,
 * source, when, by whom, region. @value and @uuid must outlive the
 * statement's run. */
void
store_bind_value_row (LedgerStore        *self,
                      StoreStatement       *stmt,
                      int                 first,
                      LedgerValue        *value,
                      const LedgerPeriod *period,
                      const char         *uuid)
{
  store_bind_static_text (stmt, first, uuid);
  store_bind_int64 (stmt, first + 1, ledger_value_get_indicator_id (value));
  store_bind_static_text (stmt, first + 2, ledger_value_get_period (value));
  store_bind_int (stmt, first + 3, ledger_period_sort_key (period));
  if (ledger_value_has_number (value))
    store_bind_double (stmt, first + 4, ledger_value_get_number (value));
  else
    store_bind_null (stmt, first + 4);
  store_bind_static_text (stmt, first + 5, ledger_value_get_status (value));
  store_bind_static_text (stmt, first + 6, ledger_value_get_note (value));
  store_bind_static_text (stmt, first + 7, ledger_value_get_source (value));
  store_bind_static_text (stmt, first + 8, store_transaction_at (self));
  store_bind_static_text (stmt, first + 9, store_user ());
  store_bind_static_text (stmt, first + 10, ledger_value_get_region (value));
}

/* Writes a new value, or with @is_new FALSE replaces the old one. A new
 * value where there is one already writes nothing: the caller sees that
 * sqlite3_changes() is 0. */
static gboolean
upsert_value (LedgerStore   *self,
              LedgerValue   *value,
              LedgerPeriod  *period,
              gboolean       is_new,
              GError       **error)
{
  g_autofree char *uuid = ledger_uuid_new ();
  StoreStatement *stmt = store_prepare (self, is_new
    ? "INSERT INTO indicator_values (uuid, indicator_id, period, period_key, value, status, note, "
      "source, updated_at, updated_by, region) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (indicator_id, region, period) DO NOTHING"
    : "UPDATE indicator_values SET value = ?5, status = ?6, note = ?7, source = ?8, "
      "updated_at = ?9, updated_by = ?10, version = version + 1 "
      "WHERE indicator_id = ?2 AND period = ?3 AND region = ?11", error);

  if (stmt == NULL)
    return FALSE;
  store_bind_value_row (self, stmt, 1, value, period, uuid);
  return store_run (self, stmt, error);
}

/* "123.4", or a qualitative status's code: a figure in a message. */
static char *
figure_text (LedgerValue *value)
{
  if (value == NULL)
    return g_strdup ("—");
  if (!ledger_value_has_number (value))
    return g_strdup (ledger_value_get_status (value));
  return g_strdup_printf ("%.15g", ledger_value_get_number (value));
}

/* A save typed against what a desk was shown: the cell must still hold
 * that version. Another desk's newer figure is refused with both figures
 * and who wrote it; saving again then replaces it knowingly. */
static gboolean
check_version (LedgerStore  *self,
               LedgerValue  *value,
               GError      **error)
{
  gint64 expected = ledger_value_get_expected_version (value);
  g_autoptr(LedgerValue) now = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *yours = NULL;
  g_autofree char *period = NULL;
  g_autofree char *when = NULL;

  if (expected < 0)
    return TRUE;
  now = ledger_store_get_region_value (self, ledger_value_get_indicator_id (value),
                                       ledger_value_get_region (value), ledger_value_get_period (value));
  if ((now != NULL ? ledger_value_get_version (now) : 0) == expected)
    return TRUE;
  yours = figure_text (value);
  period = ledger_period_code_label (ledger_value_get_period (value));
  if (now == NULL)
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CONFLICT,
                   _("Someone else removed the figure for %s while you were typing. Yours (%s) was not "
                     "saved: save again to record it."), period, yours);
      return FALSE;
    }
  theirs = figure_text (now);
  when = store_time_words (ledger_value_get_updated_at (now));
  g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CONFLICT,
               _("%s saved %s for %s at %s while you were typing. Yours (%s) was not saved: "
                 "compare them, then save again to replace theirs."),
               ledger_value_get_updated_by (now), theirs, period, when, yours);
  return FALSE;
}

/* Writes one value inside an open transaction, and logs the change. An
 * unchanged value writes nothing. */
gboolean
store_write_value (LedgerStore  *self,
                   LedgerValue  *value,
                   const char   *origin,
                   GError      **error)
{
  gint64 indicator_id = ledger_value_get_indicator_id (value);
  const char *period_code = ledger_value_get_period (value);
  const char *region = ledger_value_get_region (value);
  const StoreRules *rules = store_load_rules (self, indicator_id, error);
  g_autoptr(LedgerValue) old = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  LedgerPeriod period;

  if (rules == NULL || !store_validate_value (value, rules, &period, error) ||
      !store_rules_check_open (self, rules, &period, error) ||
      !store_check_region (self, rules, region, error) ||
      !check_version (self, value, error))
    return FALSE;

  /* Most values an import writes are new: trying the insert first saves
   * reading the old value of each. */
  new_json = store_value_to_json (value);
  if (!upsert_value (self, value, &period, TRUE, error))
    return FALSE;
  if (store_changes (self) == 1)
    {
      store_undo_record_value (self, indicator_id, region, period_code, NULL, value);
      return store_log_change (self, "insert", "value", rules->uuid, period_code, NULL, new_json,
                               origin, error);
    }

  old = ledger_store_get_region_value (self, indicator_id, region, period_code);
  if (old == NULL || ledger_value_equal (old, value))
    return TRUE;
  store_undo_record_value (self, indicator_id, region, period_code, old, value);
  old_json = store_value_to_json (old);
  return upsert_value (self, value, &period, FALSE, error) &&
         store_log_change (self, "update", "value", rules->uuid, period_code, old_json, new_json,
                           origin, error);
}

/**
 * ledger_store_set_value:
 *
 * Records @value for its indicator and period, replacing what was there,
 * and logs the change. Emits #LedgerStore::values-changed once committed.
 */
gboolean
ledger_store_set_value (LedgerStore  *self,
                        LedgerValue  *value,
                        GError      **error)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (LEDGER_IS_VALUE (value), FALSE);

  if (!store_begin (self, error))
    return FALSE;
  if (!store_write_value (self, value, "", error) || !store_commit (self, error))
    {
      store_rollback (self);
      return FALSE;
    }
  store_emit_values_changed (self, ledger_value_get_indicator_id (value));
  return TRUE;
}

/* How an import writes: with one origin for all values or one each, the
 * values each is expected to replace and those expected to stay, a
 * cancellable, a count and a job's progress (else the store's job's). */
typedef struct
{
  const char   *origin;
  GPtrArray    *origins;
  GPtrArray    *expected;
  GPtrArray    *unchanged;
  gint64        mark;
  GCancellable *cancellable;
  guint        *n_written;
  guint        *changed;
  GPtrArray    *attachments;  /* of LedgerIncomingAttachment, or NULL */
  LedgerJobProgress *progress;
} ImportOptions;

/* What an import's checks read the cells from: its plans' values, read
 * in the import's transaction a plan at a time (one statement a plan, not
 * one a cell: on the server each is a round trip). A cell checked before
 * or written since is read from the store. */
typedef struct
{
  LedgerValueCells *cells;
  GHashTable       *read_plans;  /* plan ids → 1 read, 2 could not be */
} ImportChecks;

static void
import_checks_clear (ImportChecks *checks)
{
  g_clear_pointer (&checks->cells, ledger_value_cells_free);
  g_clear_pointer (&checks->read_plans, g_hash_table_unref);
}

/* Whether the cells of @indicator_id's plan are in @checks, read now if
 * they were not. */
static gboolean
plan_cells_read (LedgerStore   *self,
                 ImportChecks  *checks,
                 gint64         indicator_id)
{
  g_autoptr(GError) local_error = NULL;
  const StoreRules *rules = store_load_plan_rules (self, indicator_id, &local_error);
  gint64 plan_id;
  int known;

  if (rules == NULL)
    return FALSE;  /* the write says why */
  if (checks->cells == NULL)
    {
      checks->cells = ledger_value_cells_new ();
      checks->read_plans = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    }
  plan_id = store_rules_get_plan_id (rules);
  known = GPOINTER_TO_INT (g_hash_table_lookup (checks->read_plans, &plan_id));
  if (known == 0)
    {
      known = ledger_store_read_plan_cells (self, plan_id, checks->cells, &local_error) ? 1 : 2;
      g_hash_table_insert (checks->read_plans, g_memdup2 (&plan_id, sizeof plan_id), GINT_TO_POINTER (known));
    }
  return known == 1;
}

/* The ledger's value of the cell of @value now, or %NULL. */
static LedgerValue *
read_cell (LedgerStore   *self,
           ImportChecks  *checks,
           LedgerValue   *value)
{
  /* The cell of the value's own region: a region's figure is not the city's. */
  gint64 id = ledger_value_get_indicator_id (value);
  const char *region = ledger_value_get_region (value);
  const char *period = ledger_value_get_period (value);
  LedgerValue *now = NULL;

  if (plan_cells_read (self, checks, id) &&
      ledger_value_cells_take (checks->cells, id, region, period, &now) != LEDGER_CELL_UNKNOWN)
    return now;
  return ledger_store_get_region_value (self, id, region, period);
}

/* The cells of values @from to @from + @n were written: what @checks
 * read of them is past. */
static void
forget_written (ImportChecks  *checks,
                GPtrArray     *values,
                guint          from,
                guint          n)
{
  for (guint i = from; checks->cells != NULL && i < from + n; i++)
    {
      LedgerValue *value = g_ptr_array_index (values, i);

      ledger_value_cells_forget (checks->cells, ledger_value_get_indicator_id (value),
                                 ledger_value_get_region (value), ledger_value_get_period (value));
    }
}

/* Whether the cell of @value holds @expected (%NULL: nothing); if not, the
 * error says so and *@changed is @index. */
static gboolean
check_cell (LedgerStore          *self,
            ImportChecks         *checks,
            LedgerValue          *value,
            LedgerValue          *expected,
            guint                 index,
            const ImportOptions  *options,
            GError              **error)
{
  g_autoptr(LedgerValue) now = read_cell (self, checks, value);

  if (now == NULL ? expected == NULL : expected != NULL && ledger_value_equal (now, expected))
    return TRUE;
  if (options->changed != NULL)
    *options->changed = index;
  g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CHANGED,
               _("The ledger’s value for %s has changed meanwhile"), ledger_value_get_period (value));
  return FALSE;
}

/* The cells of values @from to @from + @n still hold what the caller read
 * before: checked inside the transaction, so nothing can slip in between. */
static gboolean
check_unchanged (LedgerStore          *self,
                 ImportChecks         *checks,
                 GPtrArray            *values,
                 guint                 from,
                 guint                 n,
                 const ImportOptions  *options,
                 GError              **error)
{
  for (guint i = from; options->expected != NULL && i < from + n; i++)
    {
      if (!check_cell (self, checks, g_ptr_array_index (values, i), g_ptr_array_index (options->expected, i),
                       i, options, error))
        return FALSE;
    }
  return TRUE;
}

/* The values the caller found in the ledger already are still there. */
static gboolean
check_still_held (LedgerStore          *self,
                  ImportChecks         *checks,
                  GPtrArray            *values,
                  const ImportOptions  *options,
                  GError              **error)
{
  for (guint i = 0; options->unchanged != NULL && i < options->unchanged->len; i++)
    {
      LedgerValue *value = g_ptr_array_index (options->unchanged, i);

      if (!check_cell (self, checks, value, value, values->len + i, options, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * ledger_store_get_change_mark:
 *
 * Every write of the ledger adds to its change log, which nothing
 * shortens: while the mark stays the same, nothing has been written.
 *
 * Returns: the mark of the ledger's latest change (1 or more), or 0 if it
 *   cannot be read
 */
gint64
ledger_store_get_change_mark (LedgerStore *self)
{
  StoreStatement *stmt;
  gint64 mark = 0;

  g_return_val_if_fail (LEDGER_IS_STORE (self), 0);

  if ((stmt = store_prepare (self, "SELECT coalesce (max (id), 0) + 1 FROM changes", NULL)) == NULL)
    return 0;
  if (store_step (stmt) == SQLITE_ROW)
    mark = store_column_int64 (stmt, 0);
  store_reset (stmt);
  return mark;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImportChecks, import_checks_clear)

/* Whether the caller's expectations need checking cell by cell: not if
 * nothing was written since it read the ledger (checking every cell of a
 * large import takes as long as reading it). */
static gboolean
needs_checks (LedgerStore          *self,
              const ImportOptions  *options)
{
  return options->mark == 0 || ledger_store_get_change_mark (self) != options->mark;
}

/* Records @values in one transaction; cancelling writes nothing. */
static gboolean
import_values (LedgerStore          *self,
               GPtrArray            *values,
               const ImportOptions  *options,
               GError              **error)
{
  LedgerJobProgress *progress = options->progress != NULL ? options->progress : self->job_progress;
  guint batch = store_batch_size (self);
  g_auto(ImportChecks) checks = { NULL, NULL };
  gboolean check;

  if (!store_begin (self, error))
    return FALSE;
  if ((check = needs_checks (self, options)) && !check_still_held (self, &checks, values, options, error))
    {
      store_rollback (self);
      return FALSE;
    }
  for (guint i = 0; i < values->len; i += batch)
    {
      guint n = MIN (batch, values->len - i);

      if ((i % 1024 == 0 && g_cancellable_set_error_if_cancelled (options->cancellable, error)) ||
          (check && !check_unchanged (self, &checks, values, i, n, options, error)) ||
          !store_write_values (self, values, i, n, options->origin, options->origins, error))
        {
          store_rollback (self);
          return FALSE;
        }
      forget_written (&checks, values, i, n);
      if (options->n_written != NULL)
        g_atomic_int_set (options->n_written, i + n);
      ledger_job_progress_report (progress, i + n, values->len);
    }
  if (g_cancellable_set_error_if_cancelled (options->cancellable, error) ||
      (options->attachments != NULL && !store_write_incoming (self, options->attachments, error)) ||
      !store_commit (self, error))
    {
      store_rollback (self);
      return FALSE;
    }
  if (options->n_written != NULL)
    g_atomic_int_set (options->n_written, values->len);
  store_emit_values_changed (self, (gint64) 0);
  return TRUE;
}

/**
 * ledger_store_import_values:
 * @values: (element-type LedgerValue): the values to record
 * @origin: where they come from (a file name), for the change log
 *
 * Records all of @values in one transaction: all of them, or on the first
 * error none.
 */
gboolean
ledger_store_import_values (LedgerStore  *self,
                            GPtrArray    *values,
                            const char   *origin,
                            GError      **error)
{
  return ledger_store_import_values_cancellable (self, values, origin, NULL, NULL, error);
}

/**
 * ledger_store_import_values_cancellable:
 * @n_written: (optional): set, atomically, to the number of values written
 *   so far, for a progress bar in another thread
 *
 * Like ledger_store_import_values(), and cancelling @cancellable before the
 * end writes nothing.
 */
gboolean
ledger_store_import_values_cancellable (LedgerStore   *self,
                                        GPtrArray     *values,
                                        const char    *origin,
                                        GCancellable  *cancellable,
                                        guint         *n_written,
                                        GError       **error)
{
  ImportOptions options = { .origin = origin, .cancellable = cancellable, .n_written = n_written };

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (values != NULL, FALSE);

  return import_values (self, values, &options, error);
}

/**
 * ledger_store_import_values_expecting:
 * @expect: what the ledger must hold: the values each of @values replaces,
 *   the values it must hold as they are; and which did not, on error
 *
 * Like ledger_store_import_values_cancellable(), and checks, inside the
 * import's transaction, that every cell holds what @expect says: else it
 * writes nothing and fails with %LEDGER_STORE_ERROR_CHANGED, so that an
 * import reports exactly what it wrote however many write the ledger.
 */
gboolean
ledger_store_import_values_expecting (LedgerStore        *self,
                                      GPtrArray          *values,
                                      const char         *origin,
                                      LedgerStoreExpect  *expect,
                                      GCancellable       *cancellable,
                                      guint              *n_written,
                                      GError            **error)
{
  ImportOptions options = { .origin = origin, .expected = expect->expected, .unchanged = expect->unchanged,
                            .mark = expect->mark, .cancellable = cancellable, .n_written = n_written, .changed = &expect->changed };

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (values != NULL, FALSE);
  g_return_val_if_fail (expect->expected == NULL || expect->expected->len == values->len, FALSE);

  return import_values (self, values, &options, error);
}

/**
 * ledger_store_import_values_from:
 * @values: (element-type LedgerValue): the values to record
 * @origins: (element-type utf8): where each value comes from, for the
 *   change log ("市统计局 · stats-2026-06.tlpkg"): one for each of @values
 * @expected: (element-type LedgerValue) (nullable): for each of @values,
 *   the ledger's value it replaces as the caller read it (%NULL: none)
 * @changed: (out) (optional): with %LEDGER_STORE_ERROR_CHANGED, the index
 *   of the value whose cell changed since
 *
 * Like ledger_store_import_values(), for values from several sources: all
 * of them in one transaction, one step of undo, or on the first error none
 * — also when a cell no longer holds what @expected says.
 */
gboolean
ledger_store_import_values_from (LedgerStore  *self,
                                 GPtrArray    *values,
                                 GPtrArray    *origins,
                                 GPtrArray    *expected,
                                 guint        *changed,
                                 GError      **error)
{
  ImportOptions options = { .origins = origins, .expected = expected, .changed = changed };

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (values != NULL, FALSE);
  g_return_val_if_fail (origins != NULL && origins->len == values->len, FALSE);
  g_return_val_if_fail (expected == NULL || expected->len == values->len, FALSE);

  return import_values (self, values, &options, error);
}

/**
 * ledger_store_import_values_with_attachments:
 * @attachments: (element-type LedgerIncomingAttachment): files to attach
 *   with the values, each with its origin
 * @progress: (nullable): told of each batch of values written
 * @cancellable: (nullable): cancelled before the commit, nothing is written
 *
 * As ledger_store_import_values_from(), and the files in the same
 * transaction and step of undo: all of it is written, or none.
 */
gboolean
ledger_store_import_values_with_attachments (LedgerStore  *self,
                                             GPtrArray    *values,
                                             GPtrArray    *origins,
                                             GPtrArray    *expected,
                                             GPtrArray    *attachments,
                                             LedgerJobProgress *progress,
                                             GCancellable *cancellable,
                                             guint        *changed,
                                             GError      **error)
{
  ImportOptions options = { .origins = origins, .expected = expected, .changed = changed,
                            .attachments = attachments, .progress = progress, .cancellable = cancellable };

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (values != NULL && attachments != NULL, FALSE);
  g_return_val_if_fail (origins != NULL && origins->len == values->len, FALSE);

  return import_values (self, values, &options, error);
}

/* Deletes one value inside an open transaction, and logs it. A missing
 * value deletes nothing. */
gboolean
store_remove_value (LedgerStore  *self,
                    gint64        indicator_id,
                    const char   *region,
                    const char   *period,
                    const char   *origin,
                    GError      **error)
{
  const StoreRules *rules;
  g_autoptr(LedgerValue) old = ledger_store_get_region_value (self, indicator_id, region, period);
  g_autofree char *old_json = NULL;
  LedgerPeriod parsed;
  StoreStatement *stmt;
  gboolean ok;

  if (old == NULL)
    return TRUE;
  if ((rules = store_load_rules (self, indicator_id, error)) == NULL ||
      (ledger_period_parse (period, &parsed) && !store_rules_check_open (self, rules, &parsed, error)))
    return FALSE;
  old_json = store_value_to_json (old);
  stmt = store_prepare (self, "DELETE FROM indicator_values WHERE indicator_id = ? AND period = ? "
                        "AND region = ?", error);
  if (stmt == NULL)
    return FALSE;
  store_bind_int64 (stmt, 1, indicator_id);
  store_bind_text (stmt, 2, period);
  store_bind_text (stmt, 3, region);
  store_undo_record_value (self, indicator_id, region, period, old, NULL);
  ok = store_run (self, stmt, error) &&
       store_log_change (self, "delete", "value", rules->uuid, period, old_json, NULL, origin, error);
  return ok;
}

gboolean
ledger_store_delete_value (LedgerStore  *self,
                           gint64        indicator_id,
                           const char   *period,
                           GError      **error)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);

  if (!store_begin (self, error))
    return FALSE;
  if (!store_remove_value (self, indicator_id, "", period, "", error) || !store_commit (self, error))
    {
      store_rollback (self);
      return FALSE;
    }
  store_emit_values_changed (self, indicator_id);
  return TRUE;
}
