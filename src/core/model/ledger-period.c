/* ledger-period.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-period"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-names.h"
#include "ledger-period.h"

static const char *frequency_names[] = { "monthly", "quarterly", "annual" };

static gboolean
parse_int (const char *text,
           gsize       digits,
           int        *out)
{
  int value = 0;

  for (gsize i = 0; i < digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

gboolean
ledger_period_parse (const char   *code,
                     LedgerPeriod *period)
{
  LedgerPeriod parsed = { 0 };
  gsize len;

  g_return_val_if_fail (period != NULL, FALSE);

  if (code == NULL)
    return FALSE;
  len = strlen (code);
  if (len < 4 || !parse_int (code, 4, &parsed.year) || parsed.year < 1900)
    return FALSE;

  if (len == 4)
    parsed.type = LEDGER_PERIOD_YEAR;
  else if (len == 7 && code[4] == '-' && code[5] == 'Q')
    {
      parsed.type = LEDGER_PERIOD_QUARTER;
      if (!parse_int (code + 6, 1, &parsed.index) || parsed.index < 1 || parsed.index > 4)
        return FALSE;
    }
  else if (len == 7 && code[4] == '-')
    {
      parsed.type = LEDGER_PERIOD_MONTH;
      if (!parse_int (code + 5, 2, &parsed.index) || parsed.index < 1 || parsed.index > 12)
        return FALSE;
    }
  else
    return FALSE;

  *period = parsed;
  return TRUE;
}

char *
ledger_period_to_code (const LedgerPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  switch (period->type)
    {
    case LEDGER_PERIOD_MONTH:
      return g_strdup_printf ("%04d-%02d", period->year, period->index);
    case LEDGER_PERIOD_QUARTER:
      return g_strdup_printf ("%04d-Q%d", period->year, period->index);
    case LEDGER_PERIOD_YEAR:
    default:
      return g_strdup_printf ("%04d", period->year);
    }
}

static const char *
month_label (int month)
{
  switch (month)
    {
    /* Translators: year-to-date periods, as statistics offices publish them */
    case 1: return C_("period", "Jan");
    case 2: return C_("period", "Jan–Feb");
    case 3: return C_("period", "Jan–Mar");
    case 4: return C_("period", "Jan–Apr");
    case 5: return C_("period", "Jan–May");
    case 6: return C_("period", "Jan–Jun");
    case 7: return C_("period", "Jan–Jul");
    case 8: return C_("period", "Jan–Aug");
    case 9: return C_("period", "Jan–Sep");
    case 10: return C_("period", "Jan–Oct");
    case 11: return C_("period", "Jan–Nov");
    case 12: return C_("period", "Jan–Dec");
    default: g_return_val_if_reached (NULL);
    }
}

static const char *
quarter_label (int quarter)
{
  switch (quarter)
    {
    case 1: return C_("period", "Q1");
    case 2: return C_("period", "H1");
    case 3: return C_("period", "Q1–Q3");
    case 4: return C_("period", "Full year");
    default: g_return_val_if_reached (NULL);
    }
}

/* The label without the year, as the office writes it: 1-2月, 上半年. A
 * whole-year period is labelled with its year. */
char *
ledger_period_label (const LedgerPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  switch (period->type)
    {
    case LEDGER_PERIOD_MONTH:
      return g_strdup (month_label (period->index));
    case LEDGER_PERIOD_QUARTER:
      return g_strdup (quarter_label (period->index));
    case LEDGER_PERIOD_YEAR:
    default:
      /* Translators: a whole year, %d is the year */
      return g_strdup_printf (C_("period", "%d"), period->year);
    }
}

char *
ledger_period_code_label (const char *code)
{
  LedgerPeriod period;

  if (!ledger_period_parse (code, &period))
    return g_strdup (code != NULL ? code : "");
  return ledger_period_label (&period);
}

int
ledger_period_end_month (const LedgerPeriod *period)
{
  g_return_val_if_fail (period != NULL, 0);

  switch (period->type)
    {
    case LEDGER_PERIOD_MONTH:
      return period->index;
    case LEDGER_PERIOD_QUARTER:
      return period->index * 3;
    case LEDGER_PERIOD_YEAR:
    default:
      return 12;
    }
}

/* 序时进度: the share of the year the period covers. */
double
ledger_period_pace (const LedgerPeriod *period)
{
  return ledger_period_end_month (period) / 12.0;
}

/* Orders periods by the month they end in; at the same month a longer
 * reporting granularity sorts after a shorter one (1-3月 < 一季度 < …). */
int
ledger_period_sort_key (const LedgerPeriod *period)
{
  return (period->year * 100 + ledger_period_end_month (period)) * 10 + (int) period->type;
}

/* The largest sort key of the periods that end by the end of @period,
 * whatever their length: by the end of 1-9月, 前三季度 has ended too. */
int
ledger_period_last_sort_key (const LedgerPeriod *period)
{
  return (period->year * 100 + ledger_period_end_month (period)) * 10 + 9;
}

int
ledger_period_compare (const LedgerPeriod *a,
                       const LedgerPeriod *b)
{
  int ka = ledger_period_sort_key (a);
  int kb = ledger_period_sort_key (b);

  return (ka > kb) - (ka < kb);
}

/* Months since year 0 of the first and the last month a period's range
 * reaches: a range "from 2026-Q2" starts in April, not in June. */
static int
range_start (const LedgerPeriod *from)
{
  int first_month = from->type == LEDGER_PERIOD_MONTH ? from->index
                  : from->type == LEDGER_PERIOD_QUARTER ? from->index * 3 - 2
                  : 1;

  return from->year * 12 + first_month - 1;
}

static int
range_end (const LedgerPeriod *period)
{
  return period->year * 12 + ledger_period_end_month (period) - 1;
}

/* Whether the range @from – @to holds anything: it does not end before it
 * starts. */
gboolean
ledger_period_range_is_valid (const LedgerPeriod *from,
                              const LedgerPeriod *to)
{
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  return range_start (from) <= range_end (to);
}

/* Whether @period falls in the range @from – @to: it ends in a month from
 * the first month of @from to the last of @to. "2026-01" – "2026-06" holds
 * 1-2月 to 1-6月, 一季度 and 上半年, not 全年. */
gboolean
ledger_period_in_range (const LedgerPeriod *period,
                        const LedgerPeriod *from,
                        const LedgerPeriod *to)
{
  g_return_val_if_fail (period != NULL && from != NULL && to != NULL, FALSE);

  return range_start (from) <= range_end (period) && range_end (period) <= range_end (to);
}

static void
add_period (GPtrArray        *periods,
            int               year,
            LedgerPeriodType  type,
            int               index)
{
  LedgerPeriod period = { year, type, index };

  g_ptr_array_add (periods, ledger_period_to_code (&period));
}

/* The periods an indicator of this frequency is reported for, as codes.
 * Monthly statistics start with the combined 1-2月 release. */
GPtrArray *
ledger_frequency_periods (LedgerFrequency frequency,
                          int             first_year,
                          int             last_year)
{
  GPtrArray *periods = g_ptr_array_new_with_free_func (g_free);

  for (int year = first_year; year <= last_year; year++)
    {
      switch (frequency)
        {
        case LEDGER_FREQUENCY_MONTHLY:
          for (int month = 2; month <= 12; month++)
            add_period (periods, year, LEDGER_PERIOD_MONTH, month);
          break;
        case LEDGER_FREQUENCY_QUARTERLY:
          for (int quarter = 1; quarter <= 4; quarter++)
            add_period (periods, year, LEDGER_PERIOD_QUARTER, quarter);
          break;
        case LEDGER_FREQUENCY_ANNUAL:
        default:
          add_period (periods, year, LEDGER_PERIOD_YEAR, 0);
          break;
        }
    }
  return periods;
}

gboolean
ledger_frequency_has_period (LedgerFrequency     frequency,
                             const LedgerPeriod *period)
{
  switch (frequency)
    {
    case LEDGER_FREQUENCY_MONTHLY:
      return period->type == LEDGER_PERIOD_MONTH && period->index >= 2;
    case LEDGER_FREQUENCY_QUARTERLY:
      return period->type == LEDGER_PERIOD_QUARTER;
    case LEDGER_FREQUENCY_ANNUAL:
    default:
      return period->type == LEDGER_PERIOD_YEAR;
    }
}

/* The period a user most likely records now: the last one that has ended
 * (statistics come out after the period), kept within the plan's years. */
char *
ledger_frequency_default_period (LedgerFrequency  frequency,
                                 int              first_year,
                                 int              last_year,
                                 GDateTime       *now)
{
  g_autoptr(GPtrArray) periods = ledger_frequency_periods (frequency, first_year, last_year);
  int now_key = g_date_time_get_year (now) * 100 + g_date_time_get_month (now);
  const char *chosen = g_ptr_array_index (periods, 0);

  for (guint i = 0; i < periods->len; i++)
    {
      LedgerPeriod period;

      ledger_period_parse (g_ptr_array_index (periods, i), &period);
      if (period.year * 100 + ledger_period_end_month (&period) < now_key)
        chosen = g_ptr_array_index (periods, i);
    }
  return g_strdup (chosen);
}

/* The periods a plan can be looked at "as of": each month of a one-year
 * plan from 1-2月, or each year of a plan over several years. */
GPtrArray *
ledger_period_as_of_choices (int first_year,
                             int last_year)
{
  return ledger_frequency_periods (first_year == last_year ? LEDGER_FREQUENCY_MONTHLY
                                                           : LEDGER_FREQUENCY_ANNUAL,
                                   first_year, last_year);
}

/* "1-6月（上半年）": a month that closes a quarter says so. */
char *
ledger_period_as_of_label (const char *code)
{
  LedgerPeriod period;
  g_autofree char *label = ledger_period_code_label (code);

  if (!ledger_period_parse (code, &period) || period.type != LEDGER_PERIOD_MONTH ||
      period.index % 3 != 0)
    return g_steal_pointer (&label);

  /* Translators: a period and the quarter it closes, "1-6月（上半年）" */
  return g_strdup_printf (C_("period", "%s (%s)"), label, quarter_label (period.index / 3));
}

/* The "as of" choice that shows @period: its end month in a one-year plan,
 * its year otherwise. */
char *
ledger_period_as_of_for (const char *period,
                         int         first_year,
                         int         last_year)
{
  LedgerPeriod parsed, as_of;

  if (!ledger_period_parse (period, &parsed))
    return NULL;
  if (first_year != last_year)
    as_of = (LedgerPeriod) { parsed.year, LEDGER_PERIOD_YEAR, 0 };
  else
    as_of = (LedgerPeriod) { parsed.year, LEDGER_PERIOD_MONTH,
                             MAX (2, ledger_period_end_month (&parsed)) };
  return ledger_period_to_code (&as_of);
}

/* How often an indicator is reported, in words: "monthly". */
const char *
ledger_frequency_label (LedgerFrequency frequency)
{
  switch (frequency)
    {
    case LEDGER_FREQUENCY_MONTHLY: return _("monthly");
    case LEDGER_FREQUENCY_QUARTERLY: return _("quarterly");
    case LEDGER_FREQUENCY_ANNUAL:
    default: return _("annually");
    }
}

const char *
ledger_frequency_to_string (LedgerFrequency frequency)
{
  g_return_val_if_fail (frequency <= LEDGER_FREQUENCY_ANNUAL, NULL);
  return frequency_names[frequency];
}

gboolean
ledger_frequency_from_string (const char      *string,
                              LedgerFrequency *frequency)
{
  return ledger_names_lookup (frequency_names, G_N_ELEMENTS (frequency_names), string, (int *) frequency);
}
