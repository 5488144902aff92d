/* ledger-entry-check.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-entry-check"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ledger-entry-check.h"
#include "ledger-period.h"

/* The checks a figure goes through as it is typed or imported: pure rules
 * over the indicator's history (its values, the base year's included). */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of @numbers (sorted in place); NAN for none. */
double
ledger_median (GArray *numbers)
{
  guint n = numbers->len;

  if (n == 0)
    return NAN;
  g_array_sort (numbers, compare_doubles);
  return n % 2 == 1 ? g_array_index (numbers, double, n / 2)
                    : (g_array_index (numbers, double, n / 2 - 1) + g_array_index (numbers, double, n / 2)) / 2;
}

static gboolean
in_percent (LedgerIndicator *indicator)
{
  return strstr (ledger_indicator_get_unit (indicator), "%") != NULL;
}

/* The thresholds of docs/monthly-cycle.md (Checks on entry). */
void
ledger_check_limits_init_default (LedgerCheckLimits *limits)
{
  limits->times = 5.0;
  limits->rate_low = -50.0;
  limits->rate_high = 50.0;
  limits->level_high = 100.0;
}

/* @limits, or the defaults for %NULL. */
static LedgerCheckLimits
limits_or_default (const LedgerCheckLimits *limits)
{
  LedgerCheckLimits result;

  if (limits != NULL)
    return *limits;
  ledger_check_limits_init_default (&result);
  return result;
}

/* The numbers of @history by their periods' sort keys. */
static GHashTable *
numbers_by_key (GListModel *history)
{
  GHashTable *numbers = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(LedgerValue) value = g_list_model_get_item (history, i);
      LedgerPeriod period;

      if (ledger_value_has_number (value) && ledger_period_parse (ledger_value_get_period (value), &period))
        g_hash_table_insert (numbers, GINT_TO_POINTER (ledger_period_sort_key (&period)),
                             g_memdup2 (&(double) { ledger_value_get_number (value) }, sizeof (double)));
    }
  return numbers;
}

/* The number for the period just before @period: the same year, the same
 * kind of period; NAN for none (and for a year, which has none). */
static double
number_before (GHashTable         *numbers,
               const LedgerPeriod *period)
{
  LedgerPeriod before = { period->year, period->type, period->index - 1 };
  double *number;

  if (period->type == LEDGER_PERIOD_YEAR || before.index < 1)
    return NAN;
  number = g_hash_table_lookup (numbers, GINT_TO_POINTER (ledger_period_sort_key (&before)));
  return number != NULL ? *number : NAN;
}

/* The period-on-period changes of @numbers, leaving out those to and from
 * @skip, the period being checked. */
static GArray *
changes_of (GHashTable         *numbers,
            const LedgerPeriod *skip)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (double));
  int skip_key = ledger_period_sort_key (skip);
  GHashTableIter iter;
  gpointer key, number;

  g_hash_table_iter_init (&iter, numbers);
  while (g_hash_table_iter_next (&iter, &key, &number))
    {
      int sort_key = GPOINTER_TO_INT (key);
      LedgerPeriod period = { sort_key / 1000, sort_key % 10, 0 };
      int end = sort_key / 10 % 100;
      double before, change;

      period.index = period.type == LEDGER_PERIOD_MONTH ? end : period.type == LEDGER_PERIOD_QUARTER ? end / 3 : 0;
      if (sort_key == skip_key || isnan (before = number_before (numbers, &period)))
        continue;
      {
        LedgerPeriod previous = { period.year, period.type, period.index - 1 };

        if (ledger_period_sort_key (&previous) == skip_key)
          continue;
      }
      change = *(double *) number - before;
      g_array_append_val (changes, change);
    }
  return changes;
}

/* Whether @change is more than @times the usual spread (median absolute
 * deviation, scaled to a standard deviation) off the usual change; with no
 * spread, more than @times the usual change itself. */
static gboolean
is_unusual (GArray *changes,
            double  change,
            double  times)
{
  g_autoptr(GArray) deviations = g_array_new (FALSE, FALSE, sizeof (double));
  double median, spread;

  if (changes->len < LEDGER_CHECK_MIN_CHANGES)
    return FALSE;
  median = ledger_median (changes);
  for (guint i = 0; i < changes->len; i++)
    {
      double deviation = fabs (g_array_index (changes, double, i) - median);

      g_array_append_val (deviations, deviation);
    }
  spread = 1.4826 * ledger_median (deviations);
  /* Changes equal but for rounding (0.9 − 0.6 ≠ 0.6 − 0.3) have no spread. */
  if (spread <= 1e-9 * fabs (median))
    spread = fabs (median);
  return spread > 0 && fabs (change - median) > times * spread;
}

/**
 * ledger_entry_check:
 * @history: (element-type LedgerValue): the indicator's values
 * @value: the figure entered
 * @limits: (nullable): the thresholds; %NULL for the defaults
 *
 * Returns: the first thing that looks wrong in @value, or %LEDGER_CHECK_OK
 */
LedgerCheck
ledger_entry_check (LedgerIndicator *indicator,
                    GListModel      *history,
                    LedgerValue     *value,
                    const LedgerCheckLimits *limits)
{
  LedgerCheckLimits limit = limits_or_default (limits);
  LedgerKind kind = ledger_indicator_get_kind (indicator);
  g_autoptr(GHashTable) numbers = NULL;
  g_autoptr(GArray) changes = NULL;
  LedgerPeriod period;
  double number, before;

  if (!ledger_value_has_number (value) || !ledger_period_parse (ledger_value_get_period (value), &period))
    return LEDGER_CHECK_OK;
  number = ledger_value_get_number (value);
  numbers = numbers_by_key (history);
  before = number_before (numbers, &period);
  if (kind == LEDGER_KIND_CUMULATIVE && !isnan (before) && number < before)
    return LEDGER_CHECK_CUMULATIVE_DROP;
  if (kind == LEDGER_KIND_RATE && in_percent (indicator) &&
      (number < limit.rate_low || number > limit.rate_high))
    return LEDGER_CHECK_RATE_RANGE;
  if (kind == LEDGER_KIND_LEVEL && in_percent (indicator) && number > limit.level_high)
    return LEDGER_CHECK_LEVEL_OVER_100;
  changes = changes_of (numbers, &period);
  if (!isnan (before) && is_unusual (changes, number - before, limit.times))
    return LEDGER_CHECK_UNUSUAL_CHANGE;
  return LEDGER_CHECK_OK;
}

/* Whether @history holds @value's number for its period already. */
static gboolean
is_recorded (GListModel  *history,
             LedgerValue *value)
{
  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(LedgerValue) other = g_list_model_get_item (history, i);

      if (g_strcmp0 (ledger_value_get_period (other), ledger_value_get_period (value)) == 0)
        return ledger_value_has_number (other) && ledger_value_get_number (other) == ledger_value_get_number (value);
    }
  return FALSE;
}

/**
 * ledger_entry_check_typed:
 *
 * Like ledger_entry_check(), for a figure as typed: one recorded already was checked when it was, and is not again.
 */
LedgerCheck
ledger_entry_check_typed (LedgerIndicator *indicator,
                          GListModel      *history,
                          LedgerValue     *value,
                          const LedgerCheckLimits *limits)
{
  if (!ledger_value_has_number (value) || is_recorded (history, value))
    return LEDGER_CHECK_OK;
  return ledger_entry_check (indicator, history, value, limits);
}

/* Returns: (transfer full): what is wrong, for the person entering it */
char *
ledger_entry_check_describe (LedgerCheck              check,
                             const LedgerCheckLimits *limits)
{
  LedgerCheckLimits limit = limits_or_default (limits);

  switch (check)
    {
    case LEDGER_CHECK_CUMULATIVE_DROP:
      return g_strdup (_("The year-to-date total is lower than the period before"));
    case LEDGER_CHECK_UNUSUAL_CHANGE:
      return g_strdup_printf (_("The change from the period before is more than %g times the usual spread"),
                              limit.times);
    case LEDGER_CHECK_RATE_RANGE:
      return g_strdup_printf (_("A rate outside %g%% to %g%% is unlikely"), limit.rate_low, limit.rate_high);
    case LEDGER_CHECK_LEVEL_OVER_100:
      return limit.level_high == 100 ? g_strdup (_("A level above 100 percent is unlikely"))
                                     : g_strdup_printf (_("A level above %g%% is unlikely"), limit.level_high);
    case LEDGER_CHECK_OK:
    default:
      return NULL;
    }
}

/* A flagged figure is saved only with a note that explains it. */
gboolean
ledger_entry_check_refuses (LedgerCheck              check,
                            LedgerValue             *value,
                            const LedgerCheckLimits *limits,
                            GError                 **error)
{
  g_autofree char *what = NULL;
  g_autofree char *note = NULL;

  if (check == LEDGER_CHECK_OK)
    return FALSE;
  note = g_strstrip (g_strdup (ledger_value_get_note (value)));
  if (note[0] != '\0')
    return FALSE;
  what = ledger_entry_check_describe (check, limits);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: explain it in the note to save it"), what);
  return TRUE;
}
