/* ledger-store-cycle.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-entry-check.h"
#include "ledger-json.h"
#include "ledger-names.h"
#include "ledger-progress.h"
#include "ledger-store-cycle.h"
#include "ledger-store-private.h"

/* The month's cycle (docs/monthly-cycle.md): a plan's month is open,
 * reviewed or closed, and a closed month refuses every write of a value
 * whose period ends in it — store_check_period_open() is called by each
 * write of a value, so a dialog, Record Period, an import, a package and
 * undo are refused alike. And when each period's figures are due. */

static const char *state_names[] = { "open", "reviewed", "closed" };

const char *
ledger_period_state_to_string (LedgerPeriodState state)
{
  g_return_val_if_fail (state <= LEDGER_PERIOD_CLOSED, NULL);
  return state_names[state];
}

gboolean
ledger_period_state_from_string (const char        *string,
                                 LedgerPeriodState *state)
{
  return ledger_names_lookup (state_names, G_N_ELEMENTS (state_names), string, (int *) state);
}

static int
month_key (const LedgerPeriod *period)
{
  return period->year * 100 + ledger_period_end_month (period);
}

/* The month a period ends in, as a period code: 2026-Q1 → 2026-03; NULL
 * for what is not a period. */
char *
ledger_period_month_of (const char *period)
{
  LedgerPeriod parsed;

  if (period == NULL || !ledger_period_parse (period, &parsed))
    return NULL;
  return g_strdup_printf ("%04d-%02d", parsed.year, ledger_period_end_month (&parsed));
}

static LedgerPeriodState
read_state (LedgerStore        *self,
            gint64              plan_id,
            const LedgerPeriod *period)
{
  StoreStatement *stmt = store_prepare (self,
    "SELECT state FROM period_states WHERE plan_id = ? AND month_key = ?", NULL);
  LedgerPeriodState state = LEDGER_PERIOD_OPEN;

  if (stmt == NULL)
    return state;
  store_bind_int64 (stmt, 1, plan_id);
  store_bind_int (stmt, 2, month_key (period));
  if (store_step (stmt) == SQLITE_ROW)
    ledger_period_state_from_string (store_column_text (stmt, 0), &state);
  store_reset (stmt);
  return state;
}

LedgerPeriodState
ledger_store_get_period_state (LedgerStore *self,
                               gint64       plan_id,
                               const char  *period)
{
  LedgerPeriod parsed;

  g_return_val_if_fail (LEDGER_IS_STORE (self), LEDGER_PERIOD_OPEN);

  if (period == NULL || !ledger_period_parse (period, &parsed))
    return LEDGER_PERIOD_OPEN;
  return read_state (self, plan_id, &parsed);
}

/* The store's guard of closed months: a value of @period of the plan
 * @plan_id is written or deleted only while its month is not closed. */
static void
set_closed_error (int      year,
                  int      month,
                  GError **error)
{
  g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CLOSED,
               _("The period %04d-%02d is closed; reopen it before changing its figures"), year, month);
}

gboolean
store_check_period_open (LedgerStore        *self,
                         gint64              plan_id,
                         const LedgerPeriod *period,
                         GError            **error)
{
  if (read_state (self, plan_id, period) != LEDGER_PERIOD_CLOSED)
    return TRUE;
  set_closed_error (period->year, ledger_period_end_month (period), error);
  return FALSE;
}

/* Deleting an indicator deletes its values: not while one of them is in a
 * closed month. */
gboolean
store_check_indicator_values_open (LedgerStore  *self,
                                   gint64        indicator_id,
                                   GError      **error)
{
  StoreStatement *stmt = store_prepare (self,
    "SELECT min (s.month_key) FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id "
    "JOIN period_states s ON s.plan_id = i.plan_id AND s.month_key = v.period_key / 10 "
    "WHERE v.indicator_id = ? AND s.state = 'closed'", error);
  int closed = 0;

  if (stmt == NULL)
    return FALSE;
  store_bind_int64 (stmt, 1, indicator_id);
  if (store_step (stmt) == SQLITE_ROW)
    closed = store_column_int (stmt, 0);
  store_reset (stmt);
  if (closed == 0)
    return TRUE;
  set_closed_error (closed / 100, closed % 100, error);
  return FALSE;
}

static char *
state_to_json (LedgerPeriodState  state,
               const char        *reason)
{
  GString *out = g_string_new ("{\"state\":");

  ledger_json_append_string (out, state_names[state]);
  if (reason != NULL && *reason != '\0')
    {
      g_string_append (out, ",\"reason\":");
      ledger_json_append_string (out, reason);
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

static char *
plan_uuid (LedgerStore  *self,
           gint64        plan_id,
           GError      **error)
{
  StoreStatement *stmt = store_prepare (self, "SELECT uuid FROM plans WHERE id = ?", error);
  char *uuid = NULL;

  if (stmt == NULL)
    return NULL;
  store_bind_int64 (stmt, 1, plan_id);
  if (store_step (stmt) == SQLITE_ROW)
    uuid = g_strdup (store_column_text (stmt, 0));
  store_reset (stmt);
  if (uuid == NULL)
    g_set_error_literal (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                         _("There is no such plan in the ledger"));
  return uuid;
}

static gboolean
write_state (LedgerStore        *self,
             gint64              plan_id,
             const LedgerPeriod *period,
             LedgerPeriodState   state,
             GError            **error)
{
  StoreStatement *stmt = store_prepare (self, state == LEDGER_PERIOD_OPEN
    ? "DELETE FROM period_states WHERE plan_id = ?1 AND month_key = ?2"
    : "INSERT INTO period_states (plan_id, month_key, state) VALUES (?1, ?2, ?3) "
      "ON CONFLICT (plan_id, month_key) DO UPDATE SET state = excluded.state", error);

  if (stmt == NULL)
    return FALSE;
  store_bind_int64 (stmt, 1, plan_id);
  store_bind_int (stmt, 2, month_key (period));
  if (state != LEDGER_PERIOD_OPEN)
    store_bind_static_text (stmt, 3, state_names[state]);
  return store_run (self, stmt, error);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    {
      if (!g_unichar_isspace (g_utf8_get_char (text)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_transition (LedgerPeriodState   from,
                  LedgerPeriodState   to,
                  const char         *month,
                  const char         *reason,
                  GError            **error)
{
  if (from == LEDGER_PERIOD_CLOSED && to != LEDGER_PERIOD_CLOSED && is_blank (reason))
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                   _("The period %s is closed: reopening it needs a reason"), month);
      return FALSE;
    }
  return TRUE;
}

/**
 * ledger_store_set_period_state:
 * @period: a period code; the month it ends in is the one set
 * @reason: (nullable): why; needed to reopen a closed month
 *
 * Moves a plan's month to @state, in one transaction with its entry in the
 * change log (who, when, from and to what, why). Setting the state it has
 * writes nothing.
 */
gboolean
ledger_store_set_period_state (LedgerStore        *self,
                               gint64              plan_id,
                               const char         *period,
                               LedgerPeriodState   state,
                               const char         *reason,
                               GError            **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *month = ledger_period_month_of (period);
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  LedgerPeriod parsed;
  LedgerPeriodState from;

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (state <= LEDGER_PERIOD_CLOSED, FALSE);

  if (month == NULL || !ledger_period_parse (month, &parsed))
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                   _("“%s” is not a period"), period != NULL ? period : "");
      return FALSE;
    }
  if (!store_begin (self, error))
    return FALSE;
  from = read_state (self, plan_id, &parsed);
  old_json = state_to_json (from, NULL);
  new_json = state_to_json (state, reason);
  if (from != state &&
      (!check_transition (from, state, month, reason, error) ||
       (uuid = plan_uuid (self, plan_id, error)) == NULL ||
       !write_state (self, plan_id, &parsed, state, error) ||
       !store_log_change (self, "update", "period", uuid, month, old_json, new_json, "", error)))
    {
      store_rollback (self);
      return FALSE;
    }
  if (!store_commit (self, error))
    {
      store_rollback (self);
      return FALSE;
    }
  store_emit_values_changed (self, 0);
  return TRUE;
}

/* Returns: the due day set for @name, or 0 for none */
int
ledger_store_get_due_day (LedgerStore    *self,
                          gint64          plan_id,
                          LedgerDueScope  scope,
                          const char     *name)
{
  StoreStatement *stmt = store_prepare (self,
    "SELECT day FROM due_days WHERE plan_id = ? AND scope = ? AND name = ?", NULL);
  int day = 0;

  if (stmt == NULL)
    return 0;
  store_bind_int64 (stmt, 1, plan_id);
  store_bind_static_text (stmt, 2, ledger_due_scope_to_string (scope));
  store_bind_text (stmt, 3, name);
  if (store_step (stmt) == SQLITE_ROW)
    day = store_column_int (stmt, 0);
  store_reset (stmt);
  return day;
}

static gboolean
write_due_day (LedgerStore     *self,
               gint64           plan_id,
               LedgerDueScope   scope,
               const char      *name,
               int              day,
               GError         **error)
{
  StoreStatement *stmt;

  if (day < 0 || day > 31)
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                   _("A due day is a day of the month, 1 to 31, not %d"), day);
      return FALSE;
    }
  stmt = store_prepare (self, day == 0
    ? "DELETE FROM due_days WHERE plan_id = ?1 AND scope = ?2 AND name = ?3"
    : "INSERT INTO due_days (plan_id, scope, name, day) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (plan_id, scope, name) DO UPDATE SET day = excluded.day", error);
  if (stmt == NULL)
    return FALSE;
  store_bind_int64 (stmt, 1, plan_id);
  store_bind_static_text (stmt, 2, ledger_due_scope_to_string (scope));
  store_bind_text (stmt, 3, name);
  if (day != 0)
    store_bind_int (stmt, 4, day);
  return store_run (self, stmt, error);
}

/**
 * ledger_store_set_due_day:
 * @day: 1 to 31, or 0 to drop what was set
 *
 * Sets the day of the month after a period by which the figures of a
 * plan's frequency, of a unit or of an indicator are due.
 */
gboolean
ledger_store_set_due_day (LedgerStore     *self,
                          gint64           plan_id,
                          LedgerDueScope   scope,
                          const char      *name,
                          int              day,
                          GError         **error)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (scope <= LEDGER_DUE_FOR_INDICATOR && name != NULL, FALSE);

  if (!write_due_day (self, plan_id, scope, name, day, error))
    return FALSE;
  store_emit_values_changed (self, 0);
  return TRUE;
}

/* Writes the due days a plan file set for @plan, inside the transaction
 * that adds it. */
gboolean
store_write_plan_due_days (LedgerStore  *self,
                           LedgerPlan   *plan,
                           GError      **error)
{
  g_autoptr(GPtrArray) keys = ledger_plan_list_due_keys (plan);

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i), *name;
      LedgerDueScope scope;

      if (ledger_due_key_split (key, &scope, &name) &&
          !write_due_day (self, ledger_node_get_id (LEDGER_NODE (plan)), scope, name,
                          ledger_plan_get_due_day (plan, key), error))
        return FALSE;
    }
  return TRUE;
}

/* The plan's due days, by "scope/name". */
static GHashTable *
read_due_days (LedgerStore  *self,
               gint64        plan_id,
               GError      **error)
{
  StoreStatement *stmt = store_prepare (self, "SELECT scope, name, day FROM due_days WHERE plan_id = ?", error);
  GHashTable *days;

  if (stmt == NULL)
    return NULL;
  days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  store_bind_int64 (stmt, 1, plan_id);
  while (store_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (days, g_strdup_printf ("%s/%s", store_column_text (stmt, 0), store_column_text (stmt, 1)),
                         GINT_TO_POINTER (store_column_int (stmt, 2)));
  store_reset (stmt);
  return days;
}

/* Gives @plan, as listed, the due days the ledger holds for it. */
void
store_load_plan_due_days (LedgerStore *self,
                          LedgerPlan  *plan)
{
  g_autoptr(GHashTable) days = read_due_days (self, ledger_node_get_id (LEDGER_NODE (plan)), NULL);
  GHashTableIter iter;
  gpointer key, day;

  if (days == NULL)
    return;
  g_hash_table_iter_init (&iter, days);
  while (g_hash_table_iter_next (&iter, &key, &day))
    ledger_plan_set_due_day (plan, key, GPOINTER_TO_INT (day));
}

static int
lookup_day (GHashTable     *days,
            LedgerDueScope  scope,
            const char     *name)
{
  g_autofree char *key = ledger_due_key (scope, name);

  return GPOINTER_TO_INT (g_hash_table_lookup (days, key));
}

/* The indicator's due day: its own, its unit's, its plan's for its
 * frequency, or the default. */
static int
due_day_of (GHashTable      *days,
            LedgerIndicator *indicator)
{
  LedgerFrequency frequency = ledger_indicator_get_frequency (indicator);
  int day;

  if ((day = lookup_day (days, LEDGER_DUE_FOR_INDICATOR, ledger_indicator_get_code (indicator))) != 0 ||
      (day = lookup_day (days, LEDGER_DUE_FOR_UNIT, ledger_indicator_get_responsible_unit (indicator))) != 0 ||
      (day = lookup_day (days, LEDGER_DUE_FOR_FREQUENCY, ledger_frequency_to_string (frequency))) != 0)
    return day;
  return ledger_due_default_day (frequency);
}

typedef struct
{
  const char *as_of;
  int         end_month;
  GHashTable *days;
  gboolean    skip_weekends;
  GPtrArray  *figures;
} DueSurvey;

/* An indicator owes a figure for the period the "as of" month ends: a
 * monthly one as of March its 1-3月, a quarterly one its 一季度, nothing
 * as of April. */
static void
survey_indicator (LedgerNode      *area,
                  LedgerNode      *task,
                  LedgerIndicator *indicator,
                  gpointer         user_data)
{
  DueSurvey *survey = user_data;
  g_autofree char *own = ledger_progress_indicator_period (indicator, survey->as_of);
  LedgerDueFigure *figure;
  LedgerPeriod period;

  if (own == NULL || !ledger_period_parse (own, &period) ||
      ledger_period_end_month (&period) != survey->end_month)
    return;
  figure = g_new0 (LedgerDueFigure, 1);
  figure->indicator_id = ledger_indicator_get_id (indicator);
  figure->indicator = g_object_ref (indicator);
  figure->code = g_strdup (ledger_indicator_get_code (indicator));
  figure->unit = g_strdup (ledger_indicator_get_responsible_unit (indicator));
  figure->period = g_steal_pointer (&own);
  ledger_due_date (&period, due_day_of (survey->days, indicator), survey->skip_weekends, &figure->due);
  g_date_clear (&figure->recorded, 1);
  g_ptr_array_add (survey->figures, figure);
}

/* When each value of the plan's periods ending in the "as of" month was
 * first recorded, by "indicator id/period": read from the change log, in
 * one query; a value the log does not know (written before it was kept)
 * counts from its last change. */
static GHashTable *
read_first_recorded (LedgerStore  *self,
                     gint64        plan_id,
                     int           year,
                     int           end_month,
                     GError      **error)
{
  StoreStatement *stmt = store_prepare (self,
    "SELECT v.indicator_id, v.period, coalesce ((SELECT min (s.at) FROM changes c "
    "JOIN change_sets s ON s.id = c.change_set WHERE c.entity_id = v.indicator_id "
    "AND c.entity = 'value' AND c.action = 'insert' AND c.period = v.period), v.updated_at) "
    "FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id "
    "WHERE i.plan_id = ? AND v.period_key / 10 = ? AND v.region = ''", error);
  GHashTable *recorded;

  if (stmt == NULL)
    return NULL;
  recorded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  store_bind_int64 (stmt, 1, plan_id);
  store_bind_int (stmt, 2, year * 100 + end_month);
  while (store_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (recorded,
                         g_strdup_printf ("%" G_GINT64_FORMAT "/%s", (gint64) store_column_int64 (stmt, 0),
                                          store_column_text (stmt, 1)),
                         g_strdup (store_column_text (stmt, 2)));
  store_reset (stmt);
  return recorded;
}

/**
 * ledger_store_list_due_figures:
 * @plan: the plan, with its indicators
 * @as_of: the period whose figures are counted: those ending in its month
 * @skip_weekends: whether a due date on a weekend moves to the Monday
 *
 * Returns: (transfer full) (element-type LedgerDueFigure): each figure due
 *   for the period, with its due date and when it was first recorded
 */
GPtrArray *
ledger_store_list_due_figures (LedgerStore  *self,
                               LedgerPlan   *plan,
                               const char   *as_of,
                               gboolean      skip_weekends,
                               GError      **error)
{
  gint64 plan_id = ledger_node_get_id (LEDGER_NODE (plan));
  g_autoptr(GHashTable) days = NULL;
  g_autoptr(GHashTable) recorded = NULL;
  DueSurvey survey = { as_of };
  LedgerPeriod period;

  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), NULL);

  if (as_of == NULL || !ledger_period_parse (as_of, &period))
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                   _("“%s” is not a period"), as_of != NULL ? as_of : "");
      return NULL;
    }
  survey.end_month = ledger_period_end_month (&period);
  if ((days = read_due_days (self, plan_id, error)) == NULL ||
      (recorded = read_first_recorded (self, plan_id, period.year, survey.end_month, error)) == NULL)
    return NULL;
  survey.days = days;
  survey.skip_weekends = skip_weekends;
  survey.figures = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_due_figure_free);
  ledger_plan_foreach_indicator (plan, survey_indicator, &survey);
  for (guint i = 0; i < survey.figures->len; i++)
    {
      LedgerDueFigure *figure = g_ptr_array_index (survey.figures, i);
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", figure->indicator_id, figure->period);

      ledger_date_parse (g_hash_table_lookup (recorded, key), &figure->recorded);
    }
  return survey.figures;
}

/**
 * ledger_store_list_flagged:
 * @figures: (element-type LedgerDueFigure): figures due, as listed
 * @checks: (out) (element-type LedgerCheck): what each value found is
 *   flagged for
 *
 * The month's figures to review: those received that the checks on entry
 * flag (docs/monthly-cycle.md), with the note that explains each.
 *
 * Returns: (transfer full) (element-type LedgerValue): the flagged values
 */
GPtrArray *
ledger_store_list_flagged (LedgerStore  *self,
                           GPtrArray    *figures,
                           const LedgerCheckLimits *limits,
                           GArray      **checks)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (LEDGER_IS_STORE (self), values);

  *checks = g_array_new (FALSE, FALSE, sizeof (LedgerCheck));
  for (guint i = 0; i < figures->len; i++)
    {
      LedgerDueFigure *figure = g_ptr_array_index (figures, i);
      g_autoptr(LedgerValue) value = NULL;
      g_autoptr(GListModel) history = NULL;
      LedgerCheck check;

      if (!g_date_valid (&figure->recorded) || figure->indicator == NULL ||
          (value = ledger_store_get_value (self, figure->indicator_id, figure->period)) == NULL)
        continue;
      history = ledger_store_list_values (self, figure->indicator_id);
      if ((check = ledger_entry_check (figure->indicator, history, value, limits)) == LEDGER_CHECK_OK)
        continue;
      g_ptr_array_add (values, g_steal_pointer (&value));
      g_array_append_val (*checks, check);
    }
  return values;
}
