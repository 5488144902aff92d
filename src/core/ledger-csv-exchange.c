/* ledger-csv-exchange.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-csv-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ledger-area.h"
#include "ledger-csv.h"
#include "ledger-csv-columns.h"
#include "ledger-csv-exchange.h"
#include "ledger-status.h"
#include "ledger-task.h"

/* The ledger as CSV (docs/csv-format.md): one row per indicator and period, and
 * a row for each indicator without a value (read back by
 * ledger-csv-import.c), and the change log as CSV. */

const char *ledger_csv_column_names[N_COLUMNS] = {
  "plan", "area", "task", "code", "indicator", "unit", "kind", "comparator", "better",
  "target", "period", "value", "pace", "progress", "status", "responsible_unit", "note", "source",
};

/* The columns written as numbers; every other is text, protected from
 * being run as a formula (ledger_csv_unprotect()). */
static const guint64 number_columns = 1 << COL_TARGET | 1 << COL_VALUE | 1 << COL_PACE | 1 << COL_PROGRESS;

static char *
format_fraction (double fraction)
{
  return isnan (fraction) ? NULL : ledger_format_number (fraction);
}

/* One row: the indicator and, if given, one of its values with the pace,
 * progress and status as of that value's own period. */
static void
export_row (GString                *out,
            const LedgerTolerances *tolerances,
            LedgerPlan             *plan,
            LedgerNode             *area,
            LedgerNode             *task,
            LedgerIndicator        *indicator,
            LedgerValue            *value)
{
  LedgerKind kind = ledger_indicator_get_kind (indicator);
  g_autofree char *target = NULL;
  g_autofree char *number = NULL;
  g_autofree char *pace = NULL;
  g_autofree char *progress_text = NULL;
  const char *fields[N_COLUMNS] = { NULL };
  LedgerProgress progress = ledger_progress_none ();
  LedgerPeriod period;

  if (kind != LEDGER_KIND_QUALITATIVE)
    target = ledger_format_number (ledger_indicator_get_target (indicator));
  if (value != NULL && ledger_value_has_number (value))
    number = ledger_format_number (ledger_value_get_number (value));
  if (value != NULL && ledger_period_parse (ledger_value_get_period (value), &period))
    {
      progress = ledger_progress_evaluate (indicator, value, ledger_value_get_period (value),
                                           tolerances);
      pace = ledger_format_number (ledger_period_pace (&period));
      progress_text = format_fraction (progress.progress);
    }

  fields[COL_PLAN] = ledger_plan_get_code (plan);
  fields[COL_AREA] = ledger_node_get_title (area);
  fields[COL_TASK] = ledger_node_get_title (task);
  fields[COL_CODE] = ledger_indicator_get_code (indicator);
  fields[COL_INDICATOR] = ledger_indicator_get_name (indicator);
  fields[COL_UNIT] = ledger_indicator_get_unit (indicator);
  fields[COL_KIND] = ledger_kind_to_string (kind);
  fields[COL_COMPARATOR] = ledger_comparator_to_string (ledger_indicator_get_comparator (indicator));
  fields[COL_BETTER] = ledger_better_to_string (ledger_indicator_get_better (indicator));
  fields[COL_TARGET] = target;
  fields[COL_PERIOD] = value != NULL ? ledger_value_get_period (value) : "";
  fields[COL_VALUE] = number;
  fields[COL_PACE] = pace;
  fields[COL_PROGRESS] = progress_text;
  fields[COL_STATUS] = ledger_status_to_string (progress.status);
  fields[COL_RESPONSIBLE_UNIT] = ledger_indicator_get_responsible_unit (indicator);
  fields[COL_NOTE] = value != NULL ? ledger_value_get_note (value) : "";
  fields[COL_SOURCE] = value != NULL ? ledger_value_get_source (value) : "";
  ledger_csv_append_row_with_numbers (out, fields, N_COLUMNS, number_columns);
}

typedef struct
{
  GString                *out;
  LedgerStore            *store;
  LedgerPlan             *plan;
  const LedgerTolerances *tolerances;
} Exporter;

static void
export_indicator (LedgerNode      *area,
                  LedgerNode      *task,
                  LedgerIndicator *indicator,
                  gpointer         user_data)
{
  Exporter *exporter = user_data;
  GString *out = exporter->out;
  LedgerPlan *plan = exporter->plan;
  LedgerStore *store = exporter->store;
  g_autoptr(GListModel) values = ledger_store_list_values (store, ledger_indicator_get_id (indicator));
  guint n_values = g_list_model_get_n_items (values);

  if (n_values == 0)
    export_row (out, exporter->tolerances, plan, area, task, indicator, NULL);
  for (guint i = 0; i < n_values; i++)
    {
      g_autoptr(LedgerValue) value = g_list_model_get_item (values, i);

      export_row (out, exporter->tolerances, plan, area, task, indicator, value);
    }
}

/**
 * ledger_csv_export_ledger:
 * @tolerances: (nullable): the status bands, or %NULL for the defaults
 *
 * Returns: (transfer full): the whole ledger as CSV text (UTF-8)
 */
char *
ledger_csv_export_ledger (LedgerStore             *store,
                          const LedgerTolerances  *tolerances,
                          GError                 **error)
{
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (store, error);
  LedgerTolerances defaults;
  GString *out;

  if (tolerances == NULL)
    {
      ledger_tolerances_init_default (&defaults);
      tolerances = &defaults;
    }

  if (plans == NULL)
    return NULL;

  out = g_string_new (NULL);
  ledger_csv_append_row (out, ledger_csv_column_names, N_COLUMNS);
  for (guint p = 0; p < plans->len; p++)
    {
      Exporter exporter = { out, store, g_ptr_array_index (plans, p), tolerances };

      ledger_plan_foreach_indicator (exporter.plan, export_indicator, &exporter);
    }
  return g_string_free (out, FALSE);
}

/**
 * ledger_csv_export_changes:
 *
 * Returns: (transfer full): the change log as CSV, newest first: when, by
 *   whom, what, of which indicator (code), for which period, old and new
 *   contents (JSON), and the file a change was imported from
 */
char *
ledger_csv_export_changes (LedgerStore *store)
{
  static const char *header[] = { "at", "by", "action", "entity", "subject", "period", "old", "new", "origin" };
  g_autoptr(GListModel) changes = ledger_store_list_changes (store, NULL);
  GString *out = g_string_new (NULL);

  ledger_csv_append_row (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(LedgerChange) change = g_list_model_get_item (changes, i);
      const char *fields[] = {
        ledger_change_get_at (change), ledger_change_get_by (change), ledger_change_get_action (change),
        ledger_change_get_entity (change), ledger_change_get_subject (change),
        ledger_change_get_period (change), ledger_change_get_old (change), ledger_change_get_new (change),
        ledger_change_get_origin (change),
      };

      ledger_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  return g_string_free (out, FALSE);
}
