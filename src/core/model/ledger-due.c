/* ledger-due.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-due"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ledger-due.h"
#include "ledger-names.h"

/* When a period's figures are due, and who sent them on time: the month's
 * cycle (docs/monthly-cycle.md). */

static const char *scope_names[] = { "frequency", "unit", "indicator" };

const char *
ledger_due_scope_to_string (LedgerDueScope scope)
{
  g_return_val_if_fail (scope <= LEDGER_DUE_FOR_INDICATOR, NULL);
  return scope_names[scope];
}

gboolean
ledger_due_scope_from_string (const char     *string,
                              LedgerDueScope *scope)
{
  return ledger_names_lookup (scope_names, G_N_ELEMENTS (scope_names), string, (int *) scope);
}

/* The key of a due day in a plan and in the ledger: "unit/市统计局". */
char *
ledger_due_key (LedgerDueScope  scope,
                const char     *name)
{
  return g_strdup_printf ("%s/%s", ledger_due_scope_to_string (scope), name);
}

/* Reads a key of ledger_due_key(); @name points into it. */
gboolean
ledger_due_key_split (const char      *key,
                      LedgerDueScope  *scope,
                      const char     **name)
{
  const char *slash = strchr (key, '/');
  g_autofree char *head = slash != NULL ? g_strndup (key, slash - key) : NULL;

  if (head == NULL || !ledger_due_scope_from_string (head, scope))
    return FALSE;
  *name = slash + 1;
  return TRUE;
}

/* The day of the month after a period by which its figures are due,
 * unless the plan, the unit or the indicator sets another. */
int
ledger_due_default_day (LedgerFrequency frequency)
{
  switch (frequency)
    {
    case LEDGER_FREQUENCY_MONTHLY:
      return 10;
    case LEDGER_FREQUENCY_QUARTERLY:
      return 15;
    case LEDGER_FREQUENCY_ANNUAL:
    default:
      return 20;
    }
}

/* Day @day of the month after @period ends, or that month's last day if
 * it is shorter (a 31 in February is the 28th or 29th); with
 * @skip_weekends, a Saturday or Sunday moves on to the Monday. */
void
ledger_due_date (const LedgerPeriod *period,
                 int                 day,
                 gboolean            skip_weekends,
                 GDate              *due)
{
  int month = ledger_period_end_month (period) % 12 + 1;
  int year = period->year + (month == 1 ? 1 : 0);
  int last = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
  GDateWeekday weekday;

  g_date_clear (due, 1);
  g_date_set_dmy (due, (GDateDay) CLAMP (day, 1, last), (GDateMonth) month, (GDateYear) year);
  weekday = g_date_get_weekday (due);
  if (skip_weekends && weekday >= G_DATE_SATURDAY)
    g_date_add_days (due, G_DATE_SUNDAY - weekday + 1);
}

/* Days from @due to @when; 0 when @when is on or before it. */
int
ledger_due_days_late (const GDate *due,
                      const GDate *when)
{
  return MAX (0, g_date_days_between (due, when));
}

void
ledger_due_figure_free (LedgerDueFigure *figure)
{
  g_clear_object (&figure->indicator);
  g_free (figure->code);
  g_free (figure->unit);
  g_free (figure->period);
  g_free (figure);
}

/* Returns: (transfer none) (nullable): the figure of @indicator_id */
LedgerDueFigure *
ledger_due_figure_find (GPtrArray *figures,
                        gint64     indicator_id)
{
  for (guint i = 0; i < figures->len; i++)
    {
      LedgerDueFigure *figure = g_ptr_array_index (figures, i);

      if (figure->indicator_id == indicator_id)
        return figure;
    }
  return NULL;
}

gboolean
ledger_due_figure_on_time (const LedgerDueFigure *figure)
{
  return g_date_valid (&figure->recorded) && g_date_compare (&figure->recorded, &figure->due) <= 0;
}

/* How late the figure came, or is as of @today if it has not come. */
int
ledger_due_figure_days_late (const LedgerDueFigure *figure,
                             const GDate           *today)
{
  return ledger_due_days_late (&figure->due, g_date_valid (&figure->recorded) ? &figure->recorded : today);
}

void
ledger_completeness_free (LedgerCompleteness *row)
{
  g_free (row->unit);
  g_free (row);
}

static LedgerCompleteness *
completeness_new (const char *unit)
{
  LedgerCompleteness *row = g_new0 (LedgerCompleteness, 1);

  row->unit = g_strdup (unit);
  g_date_clear (&row->due_date, 1);
  return row;
}

static void
count_figure (LedgerCompleteness    *row,
              const LedgerDueFigure *figure,
              const GDate           *today)
{
  row->due++;
  row->received += g_date_valid (&figure->recorded);
  row->on_time += ledger_due_figure_on_time (figure);
  row->days_late = MAX (row->days_late, ledger_due_figure_days_late (figure, today));
  if (!g_date_valid (&row->due_date) || g_date_compare (&figure->due, &row->due_date) < 0)
    row->due_date = figure->due;
}

/* 完整率: the share of the figures due that came; 1 when none is due. */
double
ledger_completeness_rate (const LedgerCompleteness *row)
{
  return row->due == 0 ? 1.0 : (double) row->received / row->due;
}

/* 及时率: the share of the figures due that came on time. */
double
ledger_timeliness_rate (const LedgerCompleteness *row)
{
  return row->due == 0 ? 1.0 : (double) row->on_time / row->due;
}

static int
compare_worst_first (gconstpointer a,
                     gconstpointer b)
{
  const LedgerCompleteness *x = *(LedgerCompleteness * const *) a;
  const LedgerCompleteness *y = *(LedgerCompleteness * const *) b;
  double dx = ledger_completeness_rate (x), dy = ledger_completeness_rate (y);
  double tx = ledger_timeliness_rate (x), ty = ledger_timeliness_rate (y);

  if (dx != dy)
    return dx < dy ? -1 : 1;
  if (tx != ty)
    return tx < ty ? -1 : 1;
  if (x->days_late != y->days_late)
    return y->days_late - x->days_late;
  return g_strcmp0 (x->unit, y->unit);
}

/**
 * ledger_completeness_by_unit:
 * @figures: (element-type LedgerDueFigure): the figures due
 * @today: the day to count missing figures' lateness to
 * @office: (out) (optional): the office's totals (unit "")
 *
 * Returns: (transfer full) (element-type LedgerCompleteness): a row for
 *   each responsible unit, the worst first: the lowest 完整率, then the
 *   lowest 及时率, then the most days late
 */
GPtrArray *
ledger_completeness_by_unit (GPtrArray           *figures,
                             const GDate         *today,
                             LedgerCompleteness **office)
{
  g_autoptr(GHashTable) by_unit = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_completeness_free);
  LedgerCompleteness *total = completeness_new ("");

  for (guint i = 0; i < figures->len; i++)
    {
      LedgerDueFigure *figure = g_ptr_array_index (figures, i);
      LedgerCompleteness *row = g_hash_table_lookup (by_unit, figure->unit);

      if (row == NULL)
        {
          row = completeness_new (figure->unit);
          g_hash_table_insert (by_unit, row->unit, row);
          g_ptr_array_add (rows, row);
        }
      count_figure (row, figure, today);
      count_figure (total, figure, today);
    }
  g_ptr_array_sort (rows, compare_worst_first);
  if (office != NULL)
    *office = total;
  else
    ledger_completeness_free (total);
  return rows;
}

/* "2026-04-10" */
char *
ledger_date_to_string (const GDate *date)
{
  if (!g_date_valid (date))
    return g_strdup ("");
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* Reads the date at the start of @text, "2026-04-10" or a time stamp
 * "2026-04-10T08:00:00Z". */
gboolean
ledger_date_parse (const char *text,
                   GDate      *date)
{
  int year, month, day;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/* Sets @date to the day of @time, in its time zone. */
void
ledger_date_set_day_of (GDate     *date,
                        GDateTime *time)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (time), (GDateMonth) g_date_time_get_month (time),
                  (GDateYear) g_date_time_get_year (time));
}
