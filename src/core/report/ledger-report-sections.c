/* ledger-report-sections.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-report-sections"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ledger-report-chart.h"
#include "ledger-report-private.h"
#include "ledger-report-table.h"

/* The body of the report: a section per work area, with the table of its
 * measured indicators and their charts, then the qualitative tasks of the
 * whole plan with their status and progress notes. */

#define CHARTS_PER_ROW 3

static void
entry_free (LedgerReportEntry *entry)
{
  g_clear_object (&entry->value);
  g_free (entry);
}

static void
collect_cb (LedgerNode      *area,
            LedgerNode      *task,
            LedgerIndicator *indicator,
            gpointer         user_data)
{
  LedgerReportBuilder *builder = user_data;
  LedgerReportEntry *entry = g_new0 (LedgerReportEntry, 1);

  entry->area = area;
  entry->task = task;
  entry->indicator = indicator;
  entry->progress = ledger_context_evaluate (builder->context, indicator, &entry->value);
  g_ptr_array_add (builder->entries, entry);
}

/* Works out every indicator's standing once, for all the sections. The
 * plan holds the nodes, so the entries need no references to them. */
void
ledger_report_builder_init (LedgerReportBuilder *builder,
                            LedgerContext       *context,
                            LedgerPlan          *plan,
                            GDateTime           *date)
{
  builder->context = context;
  builder->plan = plan;
  builder->date = date;
  builder->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  builder->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_report_block_free);
  ledger_plan_foreach_indicator (plan, collect_cb, builder);
}

void
ledger_report_builder_clear (LedgerReportBuilder *builder)
{
  g_clear_pointer (&builder->entries, g_ptr_array_unref);
  g_clear_pointer (&builder->blocks, g_ptr_array_unref);
}

gboolean
ledger_report_entry_is_measured (const LedgerReportEntry *entry)
{
  return ledger_indicator_get_kind (entry->indicator) != LEDGER_KIND_QUALITATIVE;
}

/* "812 个", a qualitative task's status, or a dash without a value */
char *
ledger_report_entry_value_text (const LedgerReportEntry *entry)
{
  if (entry->value == NULL)
    return g_strdup ("—");
  if (ledger_value_has_number (entry->value))
    return ledger_indicator_format_value (entry->indicator, ledger_value_get_number (entry->value));
  return g_strdup (ledger_report_status_label (entry->progress.status));
}

/* "1-6月", or "1-5月 · 未更新" for a value older than the report's period */
char *
ledger_report_entry_period_text (const LedgerReportEntry *entry)
{
  g_autofree char *period = NULL;

  if (entry->value == NULL)
    return NULL;
  period = ledger_period_code_label (ledger_value_get_period (entry->value));
  if (entry->progress.stale)
    return g_strdup_printf (_("%s · not updated"), period);
  return g_steal_pointer (&period);
}

/* "47.3%" */
char *
ledger_report_format_percent (double fraction)
{
  if (isnan (fraction))
    return g_strdup ("—");
  /* Translators: a share in percent, "47.3%" */
  return g_strdup_printf (_("%.1f%%"), fraction * 100);
}

/* The target with the report's word for it: "≥ 30 家（力争）" where the
 * report strives for it, "（确保）" where it commits to it: a soft target
 * and a firm one must not read the same. */
char *
ledger_report_entry_target_text (const LedgerReportEntry *entry)
{
  g_autofree char *target = ledger_indicator_dup_target_text (entry->indicator);

  switch (ledger_indicator_get_commitment (entry->indicator))
    {
    case LEDGER_COMMITMENT_FIRM:
      /* Translators: a target the report commits to, "≥ 4.3 万人（确保）" */
      return g_strdup_printf (_("%s (firm)"), target);
    case LEDGER_COMMITMENT_STRIVE:
      /* Translators: a target the report strives for, "≥ 20%（力争）" */
      return g_strdup_printf (_("%s (strive)"), target);
    case LEDGER_COMMITMENT_NONE:
    default:
      return g_steal_pointer (&target);
    }
}

/* ---- a work area ---------------------------------------------------- */

enum {
  AREA_INDICATOR, AREA_TARGET, AREA_VALUE, AREA_PROGRESS, AREA_OUTLOOK, AREA_STATUS, N_AREA_COLUMNS
};

static LedgerReportTable *
area_table_new (void)
{
  LedgerReportColumn columns[N_AREA_COLUMNS] = {
    [AREA_INDICATOR] = { _("Indicator"), 0.23 },
    [AREA_TARGET] = { _("Target"), 0.14 },
    [AREA_VALUE] = { _("Value · period"), 0.14 },
    [AREA_PROGRESS] = { _("Progress / pace"), 0.19 },
    [AREA_OUTLOOK] = { _("Outlook"), 0.13 },
    /* wide enough for "Not yet assessed" */
    [AREA_STATUS] = { _("Status"), 0.17 },
  };

  return ledger_report_table_new (columns, N_AREA_COLUMNS);
}

/* A cumulative figure: its share of the target against the pace, and
 * how far ahead or behind; a rate or level: how far from the target. */
static void
set_progress (LedgerReportTable       *table,
              guint                    row,
              const LedgerReportEntry *entry)
{
  g_autofree char *gap = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *pace = NULL;
  g_autofree char *text = NULL;

  if (entry->value == NULL || entry->progress.stale)
    {
      ledger_report_table_set_text (table, row, AREA_PROGRESS, "—", NULL);
      return;
    }
  gap = ledger_progress_dup_gap_text (entry->indicator, &entry->progress);
  if (ledger_indicator_get_kind (entry->indicator) != LEDGER_KIND_CUMULATIVE)
    {
      ledger_report_table_set_text (table, row, AREA_PROGRESS, gap != NULL ? gap : "—", NULL);
      return;
    }
  progress = ledger_report_format_percent (entry->progress.progress);
  pace = ledger_report_format_percent (entry->progress.pace);
  /* Translators: a total's share of the year's target, then 序时进度: "47.3% / 50.0%" */
  text = g_strdup_printf (_("%s / %s"), progress, pace);
  ledger_report_table_set_text (table, row, AREA_PROGRESS, text, gap);
}

/* 预计全年 of a total, 后续需增长 of a rate read against the base year's
 * totals; a dash where neither applies. */
static void
set_outlook (LedgerReportTable       *table,
             guint                    row,
             const LedgerReportEntry *entry)
{
  const LedgerProgress *progress = &entry->progress;
  g_autofree char *figure = NULL;
  g_autofree char *percent = NULL;

  if (entry->value == NULL || progress->stale)
    ledger_report_table_set_text (table, row, AREA_OUTLOOK, "—", NULL);
  else if (isfinite (progress->projection))
    {
      figure = ledger_indicator_format_value (entry->indicator, progress->projection);
      ledger_report_table_set_text (table, row, AREA_OUTLOOK, figure,
                                    progress->projection_fallback ? _("projected by months")
                                                                  : _("projected for the year"));
    }
  else if (isfinite (progress->growth_needed))
    {
      /* Translators: a growth rate, "6.4%" */
      percent = g_strdup_printf (_("%.1f%%"), progress->growth_needed);
      ledger_report_table_set_text (table, row, AREA_OUTLOOK, percent, _("growth still needed"));
    }
  else
    ledger_report_table_set_text (table, row, AREA_OUTLOOK, "—", NULL);
}

static void
add_area_row (LedgerReportTable       *table,
              const LedgerReportEntry *entry)
{
  guint row = ledger_report_table_add_row (table);
  g_autofree char *target = ledger_report_entry_target_text (entry);
  g_autofree char *value = ledger_report_entry_value_text (entry);
  g_autofree char *period = ledger_report_entry_period_text (entry);

  ledger_report_table_set_text (table, row, AREA_INDICATOR, ledger_indicator_get_name (entry->indicator),
                                ledger_indicator_get_responsible_unit (entry->indicator));
  ledger_report_table_set_text (table, row, AREA_TARGET, target, NULL);
  ledger_report_table_set_text (table, row, AREA_VALUE, value, period);
  set_progress (table, row, entry);
  set_outlook (table, row, entry);
  ledger_report_table_set_status (table, row, AREA_STATUS, entry->progress.status);
}

/* "6 项指标：正常 3 · 预警 1 · 滞后 2" */
static char *
area_counts_text (GPtrArray *entries)
{
  static const LedgerStatus order[] = {
    LEDGER_STATUS_ACHIEVED, LEDGER_STATUS_ON_TRACK, LEDGER_STATUS_WARNING, LEDGER_STATUS_BEHIND,
    LEDGER_STATUS_OVERDUE, LEDGER_STATUS_PENDING, LEDGER_STATUS_NO_DATA,
  };
  guint counts[LEDGER_N_STATUSES] = { 0 };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    counts[((LedgerReportEntry *) g_ptr_array_index (entries, i))->progress.status]++;
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u indicator: ", "%u indicators: ",
                                             entries->len), entries->len);
  for (guint i = 0, shown = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (counts[order[i]] == 0)
        continue;
      if (shown++ > 0)
        g_string_append (text, " · ");
      /* Translators: a status and how many stand in it, "正常 3" */
      g_string_append_printf (text, _("%s %u"), ledger_report_status_label (order[i]), counts[order[i]]);
    }
  return g_string_free (text, FALSE);
}

static void
add_charts (LedgerReportBuilder *builder,
            GPtrArray           *entries)
{
  LedgerStore *store = ledger_context_get_store (builder->context);
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_report_chart_free);

  for (guint i = 0; i < entries->len; i++)
    {
      LedgerReportEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GListModel) values = ledger_store_list_values (store, ledger_indicator_get_id (entry->indicator));
      LedgerReportChart *chart = ledger_report_chart_new (entry->indicator, values,
                                                          ledger_context_get_as_of (builder->context),
                                                          ledger_plan_get_first_year (builder->plan),
                                                          ledger_plan_get_last_year (builder->plan),
                                                          ledger_context_get_tolerances (builder->context));

      /* A chart without a point says nothing the table does not. */
      if (ledger_report_chart_get_n_points (chart) > 0)
        g_ptr_array_add (charts, chart);
      else
        ledger_report_chart_free (chart);
    }
  if (charts->len == 0)
    return;

  g_ptr_array_add (builder->blocks, ledger_report_chart_legend_new ());
  for (guint i = 0; i < charts->len; i += CHARTS_PER_ROW)
    {
      GPtrArray *row = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_report_chart_free);

      for (guint j = i; j < MIN (charts->len, i + CHARTS_PER_ROW); j++)
        g_ptr_array_add (row, g_steal_pointer (&charts->pdata[j]));
      g_ptr_array_add (builder->blocks, ledger_report_chart_row_new (row, CHARTS_PER_ROW));
    }
}

static void
add_area (LedgerReportBuilder *builder,
          LedgerNode          *area,
          GPtrArray           *entries)
{
  g_autoptr(LedgerReportTable) table = area_table_new ();
  g_autofree char *counts = area_counts_text (entries);
  LedgerReportBlock *caption;

  g_ptr_array_add (builder->blocks, ledger_report_block_new_heading (ledger_node_get_title (area), TRUE));
  caption = ledger_report_block_new_text (LEDGER_REPORT_FONT_TABLE, LEDGER_REPORT_MUTED, counts, 6);
  caption->flags = LEDGER_REPORT_BLOCK_KEEP_WITH_NEXT;
  g_ptr_array_add (builder->blocks, caption);

  for (guint i = 0; i < entries->len; i++)
    add_area_row (table, g_ptr_array_index (entries, i));
  ledger_report_table_append_blocks (table, builder->blocks);
  add_charts (builder, entries);
}

/* A section for each area with measured indicators, in the plan's order;
 * an area of qualitative tasks alone has them in the tasks' section. */
void
ledger_report_add_areas (LedgerReportBuilder *builder)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  LedgerNode *area = NULL;

  for (guint i = 0; i <= builder->entries->len; i++)
    {
      LedgerReportEntry *entry = i < builder->entries->len ? g_ptr_array_index (builder->entries, i) : NULL;

      if (entry != NULL && !ledger_report_entry_is_measured (entry))
        continue;
      if ((entry == NULL || entry->area != area) && entries->len > 0)
        {
          add_area (builder, area, entries);
          g_ptr_array_set_size (entries, 0);
        }
      if (entry != NULL)
        {
          area = entry->area;
          g_ptr_array_add (entries, entry);
        }
    }
}

/* ---- the qualitative tasks ----------------------------------------- */

enum { TASK_NAME, TASK_STATUS, TASK_NOTE, N_TASK_COLUMNS };

static void
add_task_row (LedgerReportTable       *table,
              const LedgerReportEntry *entry)
{
  guint row = ledger_report_table_add_row (table);
  g_autofree char *period = ledger_report_entry_period_text (entry);
  const char *note = entry->value != NULL ? ledger_value_get_note (entry->value) : "";

  ledger_report_table_set_text (table, row, TASK_NAME, ledger_indicator_get_name (entry->indicator),
                                ledger_indicator_get_responsible_unit (entry->indicator));
  ledger_report_table_set_status (table, row, TASK_STATUS, entry->progress.status);
  ledger_report_table_set_text (table, row, TASK_NOTE, note[0] != '\0' ? note : "—", period);
}

/* The tasks with no number, grouped by area: their hand-set status and
 * the note of their latest report. */
void
ledger_report_add_tasks (LedgerReportBuilder *builder)
{
  LedgerReportColumn columns[N_TASK_COLUMNS] = {
    [TASK_NAME] = { _("Task"), 0.32 },
    [TASK_STATUS] = { _("Status"), 0.14 },
    [TASK_NOTE] = { _("Progress notes"), 0.54 },
  };
  g_autoptr(LedgerReportTable) table = ledger_report_table_new (columns, N_TASK_COLUMNS);
  LedgerNode *area = NULL;

  for (guint i = 0; i < builder->entries->len; i++)
    {
      LedgerReportEntry *entry = g_ptr_array_index (builder->entries, i);

      if (ledger_report_entry_is_measured (entry))
        continue;
      if (entry->area != area)
        ledger_report_table_add_group (table, ledger_node_get_title (entry->area));
      area = entry->area;
      add_task_row (table, entry);
    }
  if (ledger_report_table_get_n_rows (table) == 0)
    return;

  g_ptr_array_add (builder->blocks, ledger_report_block_new_heading (_("Qualitative tasks"), TRUE));
  ledger_report_table_append_blocks (table, builder->blocks);
}
