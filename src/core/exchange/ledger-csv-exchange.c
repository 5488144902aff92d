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
#include "ledger-context.h"
#include "ledger-csv.h"
#include "ledger-csv-columns.h"
#include "ledger-csv-exchange.h"
#include "ledger-names.h"
#include "ledger-output-file.h"
#include "ledger-status.h"
#include "ledger-task.h"

/* The ledger as CSV (docs/csv-format.md): one row per indicator and period, and
 * a row for each indicator without a value, then a row for each of its
 * regions' figures (read back by ledger-csv-import.c), and the change log
 * as CSV. */

const char *ledger_csv_column_names[N_COLUMNS] = {
  "plan", "area", "task", "code", "indicator", "unit", "kind", "comparator", "better",
  "target", "commitment", "profile", "period", "value", "base_value", "yoy", "expected", "pace",
  "progress", "status", "projection", "growth_needed", "responsible_unit", "unit_confirmed",
  "supporting_units", "note", "source", "region",
};

/* The columns written as numbers; every other is text, protected from
 * being run as a formula (ledger_csv_unprotect()). */
static const guint64 number_columns =
  1 << COL_TARGET | 1 << COL_VALUE | 1 << COL_BASE_VALUE | 1 << COL_YOY | 1 << COL_EXPECTED |
  1 << COL_PACE | 1 << COL_PROGRESS | 1 << COL_PROJECTION | 1 << COL_GROWTH_NEEDED;

/* The numbers of a row that follow from its value, as text: NULL (an
 * empty cell) where they do not apply. */
typedef struct
{
  char *cells[N_COLUMNS];
} Reading;

static void
reading_clear (Reading *reading)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_pointer (&reading->cells[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reading, reading_clear)

static void
set_number (Reading *reading,
            int      column,
            double   number)
{
  if (isfinite (number))
    reading->cells[column] = ledger_format_number (number);
}

/* The standing of a value of the plan's years, as the window judges it
 * (read against the base year, ledger_context_evaluate_value()): what is
 * due and the pace for a total being paced, its progress, 同期 and 同比,
 * 预计全年 and 后续需增长 where the engine works them out. A rate or a
 * level is judged against its target alone: no pace, expected or
 * progress. */
static const char *
read_standing (Reading         *reading,
               LedgerContext   *context,
               LedgerIndicator *indicator,
               LedgerValue     *value)
{
  LedgerProgress progress = ledger_context_evaluate_value (context, indicator, value,
                                                           ledger_value_get_period (value));

  ledger_progress_clear_inapplicable (indicator, &progress);
  set_number (reading, COL_PACE, progress.pace);
  set_number (reading, COL_EXPECTED, progress.expected);
  set_number (reading, COL_PROGRESS, progress.progress);
  set_number (reading, COL_BASE_VALUE, progress.base_value);
  set_number (reading, COL_YOY, progress.yoy);
  set_number (reading, COL_PROJECTION, progress.projection);
  set_number (reading, COL_GROWTH_NEEDED, progress.growth_needed);
  return ledger_status_to_string (progress.status);
}

/* Whether @value is a figure of the base year (同期), the year before the
 * plan's: it is there to read the plan's figures against, not judged. */
static gboolean
is_base_year (LedgerPlan  *plan,
              LedgerValue *value)
{
  LedgerPeriod period;

  return ledger_period_parse (ledger_value_get_period (value), &period) &&
         period.year < ledger_plan_get_first_year (plan);
}

/* The status cell: the standing of a value of the plan's years; for a
 * value of the base year none. A task's status is its value, read back
 * by the import as it was set: what its follow-up makes of it (overdue,
 * behind) is not written over it. */
static const char *
read_value (Reading         *reading,
            LedgerContext   *context,
            LedgerPlan      *plan,
            LedgerIndicator *indicator,
            LedgerValue     *value)
{
  /* No value yet: no data, or overdue as its milestones say today. */
  if (value == NULL)
    return ledger_status_to_string (ledger_context_evaluate_value (context, indicator, NULL, NULL).status);
  if (ledger_value_has_number (value))
    reading->cells[COL_VALUE] = ledger_format_number (ledger_value_get_number (value));
  if (!is_base_year (plan, value))
    {
      const char *status = read_standing (reading, context, indicator, value);

      return ledger_value_has_number (value) ? status : ledger_value_get_status (value);
    }
  return ledger_value_has_number (value) ? NULL : ledger_value_get_status (value);
}

typedef struct
{
  GString       *out;
  LedgerContext *context;
  LedgerPlan    *plan;
  GPtrArray     *regions;  /* the plan's, of LedgerRegion */
} Exporter;

/* Writes a row of @indicator: the columns that describe it, alike on
 * each of its rows, and those of @value that @reading and @fields hold. */
static void
write_row (Exporter        *exporter,
           LedgerNode      *area,
           LedgerNode      *task,
           LedgerIndicator *indicator,
           LedgerValue     *value,
           Reading         *reading,
           const char     **fields)
{
  LedgerKind kind = ledger_indicator_get_kind (indicator);
  gboolean qualitative = kind == LEDGER_KIND_QUALITATIVE;

  reading->cells[COL_SUPPORTING_UNITS] = ledger_names_join_units (ledger_indicator_get_supporting_units (indicator));
  for (guint i = 0; i < N_COLUMNS; i++)
    fields[i] = reading->cells[i] != NULL ? reading->cells[i] : fields[i];

  fields[COL_PLAN] = ledger_plan_get_code (exporter->plan);
  fields[COL_AREA] = ledger_node_get_title (area);
  fields[COL_TASK] = ledger_node_get_title (task);
  fields[COL_CODE] = ledger_indicator_get_code (indicator);
  fields[COL_INDICATOR] = ledger_indicator_get_name (indicator);
  fields[COL_UNIT] = ledger_indicator_get_unit (indicator);
  fields[COL_KIND] = ledger_kind_to_string (kind);
  fields[COL_COMPARATOR] = ledger_comparator_to_string (ledger_indicator_get_comparator (indicator));
  /* A task done or not has no better side. */
  fields[COL_BETTER] = qualitative ? NULL : ledger_better_to_string (ledger_indicator_get_better (indicator));
  fields[COL_COMMITMENT] = ledger_commitment_to_string (ledger_indicator_get_commitment (indicator));
  fields[COL_PROFILE] = ledger_profile_to_string (ledger_indicator_get_profile (indicator));
  fields[COL_PERIOD] = value != NULL ? ledger_value_get_period (value) : "";
  fields[COL_RESPONSIBLE_UNIT] = ledger_indicator_get_responsible_unit (indicator);
  fields[COL_UNIT_CONFIRMED] = ledger_indicator_get_unit_confirmed (indicator) ? "true" : "false";
  fields[COL_NOTE] = value != NULL ? ledger_value_get_note (value) : "";
  fields[COL_SOURCE] = value != NULL ? ledger_value_get_source (value) : "";
  ledger_csv_append_row_with_numbers (exporter->out, fields, N_COLUMNS, number_columns);
}

/* One row of the city: the indicator and, if given, one of its values
 * with its standing as of that value's own period. */
static void
export_row (Exporter        *exporter,
            LedgerNode      *area,
            LedgerNode      *task,
            LedgerIndicator *indicator,
            LedgerValue     *value)
{
  g_auto(Reading) reading = { { NULL } };
  const char *fields[N_COLUMNS] = { NULL };

  if (ledger_indicator_get_kind (indicator) != LEDGER_KIND_QUALITATIVE)
    reading.cells[COL_TARGET] = ledger_format_number (ledger_indicator_get_target (indicator));
  fields[COL_STATUS] = read_value (&reading, exporter->context, exporter->plan, indicator, value);
  write_row (exporter, area, task, indicator, value, &reading, fields);
}

/* One figure of a region: its code, its target where the indicator is
 * split to it (else empty), the figure, note and source. The city's
 * standing (what is due, progress, status) is the city's, not written;
 * a task's status is its value, and is. */
static void
export_region_row (Exporter        *exporter,
                   LedgerNode      *area,
                   LedgerNode      *task,
                   LedgerIndicator *indicator,
                   LedgerValue     *value,
                   GPtrArray       *targets)
{
  g_auto(Reading) reading = { { NULL } };
  const char *fields[N_COLUMNS] = { NULL };

  set_number (&reading, COL_TARGET, ledger_region_targets_lookup (targets, ledger_value_get_region (value)));
  if (ledger_value_has_number (value))
    reading.cells[COL_VALUE] = ledger_format_number (ledger_value_get_number (value));
  else
    fields[COL_STATUS] = ledger_value_get_status (value);
  fields[COL_REGION] = ledger_value_get_region (value);
  write_row (exporter, area, task, indicator, value, &reading, fields);
}

/* The regions' figures of @indicator, region by region in the plan's
 * order, after the city's. */
static void
export_regions (Exporter        *exporter,
                LedgerNode      *area,
                LedgerNode      *task,
                LedgerIndicator *indicator)
{
  LedgerStore *store = ledger_context_get_store (exporter->context);
  gint64 id = ledger_indicator_get_id (indicator);
  g_autoptr(GPtrArray) targets = NULL;

  for (guint r = 0; exporter->regions != NULL && r < exporter->regions->len; r++)
    {
      LedgerRegion *region = g_ptr_array_index (exporter->regions, r);
      g_autoptr(GListModel) values = ledger_store_list_region_values (store, id, region->code);

      if (targets == NULL && g_list_model_get_n_items (values) > 0)
        targets = ledger_store_list_region_targets (store, id);
      for (guint i = 0; i < g_list_model_get_n_items (values); i++)
        {
          g_autoptr(LedgerValue) value = g_list_model_get_item (values, i);

          export_region_row (exporter, area, task, indicator, value, targets);
        }
    }
}

static void
export_indicator (LedgerNode      *area,
                  LedgerNode      *task,
                  LedgerIndicator *indicator,
                  gpointer         user_data)
{
  Exporter *exporter = user_data;
  LedgerStore *store = ledger_context_get_store (exporter->context);
  g_autoptr(GListModel) values = ledger_store_list_values (store, ledger_indicator_get_id (indicator));
  guint n_values = g_list_model_get_n_items (values);

  if (n_values == 0)
    export_row (exporter, area, task, indicator, NULL);
  for (guint i = 0; i < n_values; i++)
    {
      g_autoptr(LedgerValue) value = g_list_model_get_item (values, i);

      export_row (exporter, area, task, indicator, value);
    }
  export_regions (exporter, area, task, indicator);
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
  g_autoptr(LedgerContext) context = NULL;
  GString *out;

  if (plans == NULL)
    return NULL;

  context = ledger_context_new (store);
  if (tolerances != NULL)
    ledger_context_set_tolerances (context, tolerances);
  out = g_string_new (NULL);
  ledger_csv_append_row (out, ledger_csv_column_names, N_COLUMNS);
  for (guint p = 0; p < plans->len; p++)
    {
      LedgerPlan *plan = g_ptr_array_index (plans, p);
      g_autoptr(GPtrArray) regions = ledger_store_list_regions (store, plan);
      Exporter exporter = { out, context, plan, regions };

      ledger_plan_foreach_indicator (plan, export_indicator, &exporter);
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

/* The steps of an export to a file: the text made, then written. */
#define EXPORT_STEPS 2

static gboolean
export_file (LedgerStore      *store,
             LedgerExportJob  *job,
             GError          **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;

  return (text = ledger_csv_export_ledger (store, &job->tolerances, error)) != NULL &&
         ledger_export_job_step (job, 1, EXPORT_STEPS, error) &&
         (bytes = ledger_csv_encode (text, job->variant, error)) != NULL &&
         ledger_output_file_write (job->path, ledger_store_get_path (store), g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), error);
}

/**
 * ledger_csv_export_file_async:
 * @context: the ledger, with the tolerances its statuses are computed with
 * @path: the file to write, whole or not at all
 *
 * ledger_csv_export_ledger() in @encoding to @path, in a worker; finish
 * with ledger_export_job_run_finish(). A cancelled export writes nothing.
 */
void
ledger_csv_export_file_async (LedgerContext       *context,
                              LedgerCsvEncoding    encoding,
                              const char          *path,
                              LedgerJobProgress   *progress,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  ledger_export_job_run_async (context, export_file, NULL, encoding, path, progress, cancellable,
                               callback, user_data);
}
