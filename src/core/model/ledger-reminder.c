/* ledger-reminder.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-reminder"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-due.h"
#include "ledger-reminder.h"

/* What the daily reminder says and when it is sent: pure rules, given the
 * day, so that a test runs a year of days in no time
 * (docs/monthly-cycle.md, Reminders). */

/* Whether today's reminder is still to be sent: at most one a day.
 * @last_reminded: the day of the last one, "2026-04-10", or "" for none */
gboolean
ledger_reminder_is_due (const char  *last_reminded,
                        const GDate *today)
{
  GDate last;

  if (!ledger_date_parse (last_reminded, &last))
    return TRUE;
  return g_date_compare (&last, today) < 0;
}

static void
add_unit (GPtrArray  *units,
          const char *unit)
{
  const char *name = *unit != '\0' ? unit : _("(no unit)");

  if (!g_ptr_array_find_with_equal_func (units, name, g_str_equal, NULL))
    g_ptr_array_add (units, (gpointer) name);
}

static char *
join_units (GPtrArray *units)
{
  g_ptr_array_add (units, NULL);
  /* Translators: between the names of units in a list */
  return g_strjoinv (_(", "), (char **) units->pdata);
}

/**
 * ledger_reminder_compose:
 * @figures: (element-type LedgerDueFigure): the figures due
 * @today: the day
 *
 * Returns: (nullable): the reminder's text, naming the units whose figures
 *   are overdue and those due within %LEDGER_REMINDER_DAYS_AHEAD days, or
 *   %NULL when nothing is to be reminded of
 */
char *
ledger_reminder_compose (GPtrArray   *figures,
                         const GDate *today)
{
  g_autoptr(GPtrArray) overdue = g_ptr_array_new ();
  g_autoptr(GPtrArray) soon = g_ptr_array_new ();
  g_autofree char *overdue_text = NULL;
  g_autofree char *soon_text = NULL;

  for (guint i = 0; i < figures->len; i++)
    {
      LedgerDueFigure *figure = g_ptr_array_index (figures, i);
      int left = g_date_days_between (today, &figure->due);

      if (g_date_valid (&figure->recorded))
        continue;
      if (left < 0)
        add_unit (overdue, figure->unit);
      else if (left <= LEDGER_REMINDER_DAYS_AHEAD)
        add_unit (soon, figure->unit);
    }
  if (overdue->len == 0 && soon->len == 0)
    return NULL;
  if (overdue->len > 0)
    {
      g_autofree char *names = join_units (overdue);

      overdue_text = g_strdup_printf (_("Overdue: %s."), names);
    }
  if (soon->len > 0)
    {
      g_autofree char *names = join_units (soon);

      soon_text = g_strdup_printf (_("Due within three days: %s."), names);
    }
  return g_strjoin (" ", overdue_text != NULL ? overdue_text : soon_text,
                    overdue_text != NULL ? soon_text : NULL, NULL);
}
