/* ledger-milestone.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-milestone"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger-milestone.h"
#include "ledger-period.h"

G_DEFINE_BOXED_TYPE (LedgerMilestone, ledger_milestone, ledger_milestone_copy, ledger_milestone_free)

LedgerMilestone *
ledger_milestone_new (const char *uuid,
                      const char *owner_uuid,
                      const char *due,
                      const char *what)
{
  LedgerMilestone *self = g_new0 (LedgerMilestone, 1);

  self->uuid = g_strdup (uuid);
  self->owner_uuid = g_strdup (owner_uuid);
  self->due = g_strdup (due);
  self->what = g_strdup (what != NULL ? what : "");
  self->share = NAN;
  self->done_on = g_strdup ("");
  self->note = g_strdup ("");
  return self;
}

LedgerMilestone *
ledger_milestone_copy (const LedgerMilestone *self)
{
  LedgerMilestone *copy = ledger_milestone_new (self->uuid, self->owner_uuid, self->due, self->what);

  copy->share = self->share;
  ledger_milestone_set_done (copy, self->done_on, self->note);
  return copy;
}

void
ledger_milestone_free (LedgerMilestone *self)
{
  if (self == NULL)
    return;
  g_free (self->uuid);
  g_free (self->owner_uuid);
  g_free (self->due);
  g_free (self->what);
  g_free (self->done_on);
  g_free (self->note);
  g_free (self);
}

/* Marks the milestone done on @done_on ("" opens it again). */
void
ledger_milestone_set_done (LedgerMilestone *self,
                           const char      *done_on,
                           const char      *note)
{
  g_free (self->done_on);
  g_free (self->note);
  self->done_on = g_strdup (done_on != NULL ? done_on : "");
  self->note = g_strdup (note != NULL ? note : "");
}

gboolean
ledger_milestone_is_done (const LedgerMilestone *self)
{
  return self->done_on[0] != '\0';
}

/* Overdue: not done, and its day has passed by @today (YYYY-MM-DD). A
 * milestone due today is not overdue yet. */
gboolean
ledger_milestone_is_overdue (const LedgerMilestone *self,
                             const char            *today)
{
  return !ledger_milestone_is_done (self) && strcmp (self->due, today) < 0;
}

/* Whether @date is a real day written YYYY-MM-DD. */
gboolean
ledger_date_is_valid (const char *date)
{
  int year, month, day;
  char end;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-' ||
      sscanf (date, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3)
    return FALSE;
  return g_date_valid_dmy (day, month, year);
}

/* The custom shares of a pace profile built from @milestones: each one
 * with a share gives it by its month ("6:30,12:100"); a later milestone of
 * the same month wins. %NULL when none has a share. */
char *
ledger_milestones_custom_shares (GPtrArray *milestones)
{
  double shares[13];
  g_autoptr(GString) text = g_string_new ("");

  for (int month = 0; month <= 12; month++)
    shares[month] = NAN;
  for (guint i = 0; i < milestones->len; i++)
    {
      const LedgerMilestone *milestone = g_ptr_array_index (milestones, i);
      int month = atoi (milestone->due + 5);

      if (!isnan (milestone->share) && month >= 1 && month <= 12)
        shares[month] = milestone->share;
    }
  for (int month = 1; month <= 12; month++)
    {
      g_autofree char *share = NULL;

      if (isnan (shares[month]))
        continue;
      share = g_strdup_printf ("%s%d:%g", text->len > 0 ? "," : "", month, shares[month]);
      g_string_append (text, share);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* The day milestones are judged on as of the period @as_of: its last day,
 * or @now's day while that period has not ended (the current month). */
char *
ledger_follow_up_reference_date (const char *as_of,
                                 GDateTime  *now)
{
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *end = NULL;
  LedgerPeriod period;
  int month;

  if (as_of == NULL || !ledger_period_parse (as_of, &period))
    return g_steal_pointer (&today);
  month = ledger_period_end_month (&period);
  end = g_strdup_printf ("%04d-%02d-%02d", period.year, month,
                         g_date_get_days_in_month (month, period.year));
  return strcmp (end, today) < 0 ? g_steal_pointer (&end) : g_steal_pointer (&today);
}
