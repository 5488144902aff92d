/* ledger-completeness-csv.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-completeness-csv.h"
#include "ledger-csv.h"

/* Who sent the period's figures, and when: a row per responsible unit, the
 * worst first, then the office's (docs/monthly-cycle.md). */

static void
append_row (GString                  *out,
            const LedgerCompleteness *row,
            const char               *unit,
            const char               *period)
{
  g_autofree char *due_date = ledger_date_to_string (&row->due_date);
  g_autofree char *due = g_strdup_printf ("%u", row->due);
  g_autofree char *received = g_strdup_printf ("%u", row->received);
  g_autofree char *on_time = g_strdup_printf ("%u", row->on_time);
  g_autofree char *days_late = g_strdup_printf ("%d", row->days_late);
  const char *fields[] = { unit, period, due_date, due, received, on_time, days_late };

  /* Every column but the unit's and the period's is a number. */
  ledger_csv_append_row_with_numbers (out, fields, G_N_ELEMENTS (fields), 0x78);
}

/**
 * ledger_completeness_export_csv:
 * @today: the day missing figures are late to
 *
 * Returns: (transfer full): the CSV text, columns unit, period, due_date,
 *   due, received, on_time, days_late; the last row is the office's
 */
char *
ledger_completeness_export_csv (LedgerStore  *store,
                                LedgerPlan   *plan,
                                const char   *as_of,
                                const GDate  *today,
                                gboolean      skip_weekends,
                                GError      **error)
{
  static const char *header[] = { "unit", "period", "due_date", "due", "received", "on_time", "days_late" };
  g_autoptr(GPtrArray) figures = ledger_store_list_due_figures (store, plan, as_of, skip_weekends, error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(LedgerCompleteness) office = NULL;
  GString *out;

  if (figures == NULL)
    return NULL;
  rows = ledger_completeness_by_unit (figures, today, &office);
  out = g_string_new (NULL);
  ledger_csv_append_row (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < rows->len; i++)
    {
      LedgerCompleteness *row = g_ptr_array_index (rows, i);

      append_row (out, row, *row->unit != '\0' ? row->unit : _("(no unit)"), as_of);
    }
  append_row (out, office, _("Office total"), as_of);
  return g_string_free (out, FALSE);
}
