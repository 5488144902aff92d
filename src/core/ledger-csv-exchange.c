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
#include "ledger-csv-exchange.h"
#include "ledger-number.h"
#include "ledger-status.h"
#include "ledger-task.h"

/* The ledger as CSV (DESIGN.md §8): one row per indicator and period, and
 * a row for each indicator without a value; and values read back from such
 * a file, all rows or none. */

enum {
  COL_PLAN, COL_AREA, COL_TASK, COL_CODE, COL_INDICATOR, COL_UNIT, COL_KIND, COL_COMPARATOR,
  COL_BETTER, COL_TARGET, COL_PERIOD, COL_VALUE, COL_PACE, COL_PROGRESS, COL_STATUS,
  COL_RESPONSIBLE_UNIT, COL_NOTE, COL_SOURCE, N_COLUMNS
};

static const char *column_names[N_COLUMNS] = {
  "plan", "area", "task", "code", "indicator", "unit", "kind", "comparator", "better",
  "target", "period", "value", "pace", "progress", "status", "responsible_unit", "note", "source",
};

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
  LedgerProgress progress = { LEDGER_STATUS_NO_DATA, NAN, NAN, NAN, NAN, FALSE };
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
  ledger_csv_append_row (out, fields, N_COLUMNS);
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
  ledger_csv_append_row (out, column_names, N_COLUMNS);
  for (guint p = 0; p < plans->len; p++)
    {
      Exporter exporter = { out, store, g_ptr_array_index (plans, p), tolerances };

      ledger_plan_foreach_indicator (exporter.plan, export_indicator, &exporter);
    }
  return g_string_free (out, FALSE);
}

/* An indicator as import looks it up, with the plan it belongs to. */
typedef struct
{
  LedgerPlan      *plan;
  LedgerIndicator *indicator;
} Target;

typedef struct
{
  GPtrArray  *plans;
  GHashTable *by_code;  /* code → GPtrArray of Target */
  GHashTable *by_name;  /* name → GPtrArray of Target */
  int         columns[N_COLUMNS];
} Importer;

static void
index_target (GHashTable      *table,
              const char      *key,
              LedgerPlan      *plan,
              LedgerIndicator *indicator)
{
  GPtrArray *targets = g_hash_table_lookup (table, key);
  Target *target = g_new (Target, 1);

  if (targets == NULL)
    {
      targets = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (table, g_strdup (key), targets);
    }
  target->plan = plan;
  target->indicator = indicator;
  g_ptr_array_add (targets, target);
}

typedef struct
{
  Importer   *importer;
  LedgerPlan *plan;
} IndexContext;

static void
index_indicator (LedgerNode      *area,
                 LedgerNode      *task,
                 LedgerIndicator *indicator,
                 gpointer         user_data)
{
  IndexContext *context = user_data;

  index_target (context->importer->by_code, ledger_indicator_get_code (indicator),
                context->plan, indicator);
  index_target (context->importer->by_name, ledger_indicator_get_name (indicator),
                context->plan, indicator);
}

static void
importer_index (Importer *importer)
{
  for (guint p = 0; p < importer->plans->len; p++)
    {
      IndexContext context = { importer, g_ptr_array_index (importer->plans, p) };

      ledger_plan_foreach_indicator (context.plan, index_indicator, &context);
    }
}

static const char *
field (Importer        *importer,
       LedgerCsvRecord *record,
       int              column)
{
  int index = importer->columns[column];

  if (index < 0 || index >= (int) g_strv_length (record->fields))
    return "";
  return record->fields[index];
}

static gboolean
map_header (Importer         *importer,
            LedgerCsvRecord  *header,
            GError          **error)
{
  for (int c = 0; c < N_COLUMNS; c++)
    importer->columns[c] = -1;
  for (int i = 0; header->fields[i] != NULL; i++)
    {
      g_autofree char *name = g_ascii_strdown (g_strstrip (header->fields[i]), -1);

      for (int c = 0; c < N_COLUMNS; c++)
        if (g_str_equal (name, column_names[c]) && importer->columns[c] < 0)
          importer->columns[c] = i;
    }
  if ((importer->columns[COL_CODE] < 0 && importer->columns[COL_INDICATOR] < 0) ||
      importer->columns[COL_PERIOD] < 0 || importer->columns[COL_VALUE] < 0)
    {
      g_set_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_SYNTAX,
                   _("Line %u: the header needs the columns “code” or “indicator”, "
                     "“period” and “value”"), header->line);
      return FALSE;
    }
  return TRUE;
}

static gboolean
target_matches (Target       *target,
                const char   *plan_name,
                LedgerPeriod *period)
{
  if (plan_name[0] != '\0' &&
      !g_str_equal (plan_name, ledger_plan_get_code (target->plan)) &&
      !g_str_equal (plan_name, ledger_node_get_title (LEDGER_NODE (target->plan))))
    return FALSE;
  return ledger_plan_covers_year (target->plan, period->year);
}

/* Finds the one indicator a row means: by code, else by name, within the
 * plan named in the row (if any) that covers the period's year. */
static LedgerIndicator *
resolve (Importer         *importer,
         LedgerCsvRecord  *record,
         LedgerPeriod     *period,
         GError          **error)
{
  const char *code = field (importer, record, COL_CODE);
  const char *key = code[0] != '\0' ? code : field (importer, record, COL_INDICATOR);
  GPtrArray *candidates = g_hash_table_lookup (code[0] != '\0' ? importer->by_code
                                                               : importer->by_name, key);
  const char *plan_name = field (importer, record, COL_PLAN);
  LedgerIndicator *found = NULL;

  for (guint i = 0; candidates != NULL && i < candidates->len; i++)
    {
      Target *target = g_ptr_array_index (candidates, i);

      if (!target_matches (target, plan_name, period))
        continue;
      if (found != NULL)
        {
          g_set_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_SYNTAX,
                       _("Line %u: “%s” is in several plans; add a “plan” column"),
                       record->line, key);
          return NULL;
        }
      found = target->indicator;
    }
  if (found == NULL)
    g_set_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_SYNTAX,
                 _("Line %u: there is no indicator “%s” for %d"), record->line, key, period->year);
  return found;
}

static LedgerValue *
read_status (Importer         *importer,
             LedgerCsvRecord  *record,
             LedgerIndicator  *indicator,
             GError          **error)
{
  const char *status = field (importer, record, COL_STATUS);

  if (!g_strv_contains (ledger_status_qualitative_codes (), status))
    {
      g_set_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_SYNTAX,
                   _("Line %u: %s is a qualitative task; its “status” must be one of "
                     "not_started, in_progress, done or behind"),
                   record->line, ledger_indicator_get_name (indicator));
      return NULL;
    }
  return ledger_value_new_status (ledger_indicator_get_id (indicator),
                                  field (importer, record, COL_PERIOD), status,
                                  field (importer, record, COL_NOTE),
                                  field (importer, record, COL_SOURCE));
}

static LedgerValue *
read_value (Importer         *importer,
            LedgerCsvRecord  *record,
            GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *period_code = field (importer, record, COL_PERIOD);
  const char *text = field (importer, record, COL_VALUE);
  const char *note = field (importer, record, COL_NOTE);
  const char *source = field (importer, record, COL_SOURCE);
  LedgerIndicator *indicator;
  LedgerPeriod period;
  double number;
  gint64 id;

  if (!ledger_period_parse (g_strstrip ((char *) period_code), &period))
    {
      g_set_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_SYNTAX,
                   _("Line %u: “%s” is not a period (write 2026-05, 2026-Q2 or 2026)"),
                   record->line, period_code);
      return NULL;
    }
  if ((indicator = resolve (importer, record, &period, error)) == NULL)
    return NULL;
  id = ledger_indicator_get_id (indicator);

  if (!ledger_frequency_has_period (ledger_indicator_get_frequency (indicator), &period))
    {
      g_set_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_SYNTAX,
                   _("Line %u: %s is reported %s, not for “%s”"), record->line,
                   ledger_indicator_get_name (indicator),
                   ledger_frequency_label (ledger_indicator_get_frequency (indicator)),
                   period_code);
      return NULL;
    }

  if (ledger_indicator_get_kind (indicator) == LEDGER_KIND_QUALITATIVE)
    return read_status (importer, record, indicator, error);

  if (!ledger_number_parse_for (indicator, text, LEDGER_NUMBER_FILE, &number, &local_error))
    {
      g_set_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_SYNTAX,
                   _("Line %u: “%s” for %s: %s"), record->line, text,
                   ledger_indicator_get_name (indicator), local_error->message);
      return NULL;
    }
  return ledger_value_new (id, period_code, number, note, source);
}

/* A row that an export writes for an indicator without values. */
static gboolean
is_placeholder (Importer        *importer,
                LedgerCsvRecord *record)
{
  return field (importer, record, COL_PERIOD)[0] == '\0' &&
         field (importer, record, COL_VALUE)[0] == '\0';
}

static GPtrArray *
read_values (Importer   *importer,
             GPtrArray  *records,
             GError    **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_object_unref);

  if (records->len == 0)
    {
      g_set_error (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_SYNTAX, _("The file is empty"));
      return NULL;
    }
  if (!map_header (importer, g_ptr_array_index (records, 0), error))
    return NULL;

  for (guint i = 1; i < records->len; i++)
    {
      LedgerCsvRecord *record = g_ptr_array_index (records, i);
      LedgerValue *value;

      if (is_placeholder (importer, record))
        continue;
      if ((value = read_value (importer, record, error)) == NULL)
        return NULL;
      g_ptr_array_add (values, value);
    }
  return g_steal_pointer (&values);
}

/**
 * ledger_csv_import_values:
 * @origin: the file's name, for the change log and messages
 * @n_values: (out) (optional): how many values were read
 *
 * Reads values from CSV (UTF-8, with or without BOM, or GB18030) and records
 * them all in one transaction. On any error nothing is recorded and @error
 * names the line.
 */
gboolean
ledger_csv_import_values (LedgerStore  *store,
                          const char   *data,
                          gsize         length,
                          const char   *origin,
                          guint        *n_values,
                          GError      **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autofree char *text = NULL;
  Importer importer = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (LEDGER_IS_STORE (store), FALSE);

  if ((text = ledger_csv_decode (data, length, NULL, error)) == NULL ||
      (records = ledger_csv_parse (text, error)) == NULL ||
      (importer.plans = ledger_store_list_plans (store, error)) == NULL)
    return FALSE;

  importer.by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  importer.by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  importer_index (&importer);

  values = read_values (&importer, records, error);
  if (values != NULL)
    ok = ledger_store_import_values (store, values, origin, error);
  if (ok && n_values != NULL)
    *n_values = values->len;

  g_hash_table_unref (importer.by_code);
  g_hash_table_unref (importer.by_name);
  g_ptr_array_unref (importer.plans);
  return ok;
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
