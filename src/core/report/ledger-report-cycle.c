/* ledger-report-cycle.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-report-private.h"
#include "ledger-report-table.h"
#include "ledger-store-cycle.h"

/* ---- completeness and timeliness ------------------------------------ */

/* Who sent the period's figures and when (docs/monthly-cycle.md): a row
 * for each responsible unit, the worst first, then the office. */

enum { CYCLE_UNIT, CYCLE_RECEIVED, CYCLE_COMPLETE, CYCLE_ON_TIME, CYCLE_LATE, N_CYCLE_COLUMNS };

static void
add_cycle_row (LedgerReportTable        *table,
               const LedgerCompleteness *row,
               const char               *unit)
{
  guint r = ledger_report_table_add_row (table);
  g_autofree char *received = g_strdup_printf ("%u / %u", row->received, row->due);
  g_autofree char *due_date = ledger_date_to_string (&row->due_date);
  g_autofree char *complete = ledger_report_format_percent (ledger_completeness_rate (row));
  g_autofree char *on_time = ledger_report_format_percent (ledger_timeliness_rate (row));
  g_autofree char *late = row->days_late > 0
    ? g_strdup_printf (ngettext ("%d day late", "%d days late", row->days_late), row->days_late)
    : g_strdup ("—");

  ledger_report_table_set_text (table, r, CYCLE_UNIT, unit, NULL);
  ledger_report_table_set_text (table, r, CYCLE_RECEIVED, received, due_date);
  ledger_report_table_set_text (table, r, CYCLE_COMPLETE, complete, NULL);
  ledger_report_table_set_text (table, r, CYCLE_ON_TIME, on_time, NULL);
  ledger_report_table_set_text (table, r, CYCLE_LATE, late, NULL);
}

void
ledger_report_add_completeness (LedgerReportBuilder *builder)
{
  LedgerReportColumn columns[N_CYCLE_COLUMNS] = {
    [CYCLE_UNIT] = { _("Responsible unit"), 0.34 },
    [CYCLE_RECEIVED] = { _("Received / due"), 0.18 },
    [CYCLE_COMPLETE] = { _("Completeness"), 0.16 },
    [CYCLE_ON_TIME] = { _("Timeliness"), 0.16 },
    [CYCLE_LATE] = { _("Days late"), 0.16 },
  };
  g_autoptr(LedgerReportTable) table = ledger_report_table_new (columns, N_CYCLE_COLUMNS);
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(LedgerCompleteness) office = NULL;
  GDate today;

  figures = ledger_store_list_due_figures (ledger_context_get_store (builder->context), builder->plan,
                                           ledger_context_get_as_of (builder->context),
                                           ledger_context_get_tolerances (builder->context)->due_skip_weekends, NULL);
  if (figures == NULL || figures->len == 0)
    return;
  ledger_date_set_day_of (&today, builder->date);
  rows = ledger_completeness_by_unit (figures, &today, &office);
  for (guint i = 0; i < rows->len; i++)
    {
      LedgerCompleteness *row = g_ptr_array_index (rows, i);

      add_cycle_row (table, row, row->unit[0] != '\0' ? row->unit : _("(no unit)"));
    }
  add_cycle_row (table, office, _("Office total"));

  g_ptr_array_add (builder->blocks, ledger_report_block_new_heading (_("Completeness and timeliness"), TRUE));
  ledger_report_table_append_blocks (table, builder->blocks);
}
