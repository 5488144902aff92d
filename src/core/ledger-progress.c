/* ledger-progress.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-progress"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ledger-names.h"
#include "ledger-progress.h"

/* The progress engine (docs/domain.md): pure functions from an indicator, a
 * value and the "as of" period to a status, the pace and the gap. */

static const char *status_names[LEDGER_N_STATUSES] = {
  "no_data", "behind", "warning", "on_track", "achieved", "not_started", "in_progress", "done",
};

void
ledger_tolerances_init_default (LedgerTolerances *tolerances)
{
  tolerances->about_points = 0.5;
  tolerances->about_share = 0.05;
  tolerances->warning_points = 1.0;
  tolerances->warning_share = 0.10;
  tolerances->cumulative_warning = 0.9;
}

/**
 * ledger_tolerances_widths:
 * @about: (out): how far from an `about` target a figure is still on track
 * @warning: (out): how far short of its target a figure is on warning
 *
 * The tolerances in @indicator's own unit, as the charts draw them:
 * percentage points for a rate in %, else shares of the target.
 */
void
ledger_tolerances_widths (const LedgerTolerances *tolerances,
                          LedgerIndicator        *indicator,
                          double                 *about,
                          double                 *warning)
{
  gboolean percent = g_str_equal (ledger_indicator_get_unit (indicator), "%");
  double target = fabs (ledger_indicator_get_target (indicator));

  *about = percent ? tolerances->about_points : target * tolerances->about_share;
  *warning = percent ? tolerances->warning_points : target * tolerances->warning_share;
}

/* The traffic light a status counts under in summaries: a qualitative
 * task done is achieved, in progress is on track, and one not started
 * needs a look, like a warning. */
LedgerStatus
ledger_status_bucket (LedgerStatus status)
{
  switch (status)
    {
    case LEDGER_STATUS_DONE: return LEDGER_STATUS_ACHIEVED;
    case LEDGER_STATUS_IN_PROGRESS: return LEDGER_STATUS_ON_TRACK;
    case LEDGER_STATUS_NOT_STARTED: return LEDGER_STATUS_WARNING;
    default: return status;
    }
}

const char *
ledger_status_to_string (LedgerStatus status)
{
  g_return_val_if_fail (status < LEDGER_N_STATUSES, NULL);
  return status_names[status];
}

gboolean
ledger_status_from_string (const char   *string,
                           LedgerStatus *status)
{
  return ledger_names_lookup (status_names, LEDGER_N_STATUSES, string, (int *) status);
}

/* The indicator's own period as of @as_of: the last period of its
 * frequency that ends by then. GDP as of 1-10月 is 前三季度; a monthly
 * figure as of 上半年 is 1-6月. NULL when none has ended yet. */
char *
ledger_progress_indicator_period (LedgerIndicator *indicator,
                                  const char      *as_of)
{
  LedgerPeriod period, candidate = { 0 };
  int end;

  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), NULL);

  if (!ledger_period_parse (as_of, &period))
    return NULL;
  end = ledger_period_end_month (&period);
  candidate.year = period.year;

  switch (ledger_indicator_get_frequency (indicator))
    {
    case LEDGER_FREQUENCY_MONTHLY:
      if (end < 2)
        return NULL;
      candidate.type = LEDGER_PERIOD_MONTH;
      candidate.index = end;
      break;
    case LEDGER_FREQUENCY_QUARTERLY:
      if (end < 3)
        return NULL;
      candidate.type = LEDGER_PERIOD_QUARTER;
      candidate.index = end / 3;
      break;
    case LEDGER_FREQUENCY_ANNUAL:
    default:
      if (end < 12)
        return NULL;
      candidate.type = LEDGER_PERIOD_YEAR;
      break;
    }
  return ledger_period_to_code (&candidate);
}

static LedgerStatus
qualitative_status (LedgerValue *value)
{
  LedgerStatus status;

  if (!ledger_status_from_string (ledger_value_get_status (value), &status))
    return LEDGER_STATUS_NO_DATA;
  return status;
}

/* A signed distance on the bad side: how far @value falls short of
 * @threshold in the indicator's bad direction (0 or less when it does not). */
static double
shortfall (LedgerBetter better,
           double       value,
           double       threshold)
{
  return better == LEDGER_BETTER_HIGHER ? threshold - value : value - threshold;
}

/* Whether @value reaches @threshold on the good side. A hair's breadth of
 * rounding (400 × 10/12 × 0.9 is 300.00000000000006) must not turn "at the
 * mark" into "short of it". */
static gboolean
reaches (LedgerBetter better,
         double       value,
         double       threshold)
{
  return shortfall (better, value, threshold) <= 1e-9 * MAX (1.0, fabs (threshold));
}

static LedgerStatus
cumulative_status (LedgerIndicator        *indicator,
                   double                  number,
                   const LedgerProgress   *progress,
                   gboolean                final,
                   const LedgerTolerances *tolerances)
{
  LedgerComparator comparator = ledger_indicator_get_comparator (indicator);
  LedgerBetter better = comparator == LEDGER_COMPARATOR_AT_MOST ? LEDGER_BETTER_LOWER
                      : comparator == LEDGER_COMPARATOR_AT_LEAST ? LEDGER_BETTER_HIGHER
                      : ledger_indicator_get_better (indicator);
  double target = ledger_indicator_get_target (indicator);
  double band = comparator == LEDGER_COMPARATOR_ABOUT ? tolerances->about_share : 0;
  double sign = better == LEDGER_BETTER_HIGHER ? -1 : 1;
  double due = progress->expected * (1 + sign * band);
  /* Down to 0.9 of what is due for a total to raise; up to 1.1 of it for a
   * total to keep low. */
  double warning = due * (1 + sign * (1 - tolerances->cumulative_warning));

  /* A total kept low can only be called achieved once the year is over. */
  if (reaches (better, number, target * (1 + sign * band)) &&
      (better == LEDGER_BETTER_HIGHER || final))
    return LEDGER_STATUS_ACHIEVED;
  if (reaches (better, number, due))
    return LEDGER_STATUS_ON_TRACK;
  if (reaches (better, number, warning))
    return LEDGER_STATUS_WARNING;
  return LEDGER_STATUS_BEHIND;
}

static LedgerStatus
direct_status (LedgerIndicator        *indicator,
               double                  number,
               gboolean                final,
               const LedgerTolerances *tolerances)
{
  LedgerComparator comparator = ledger_indicator_get_comparator (indicator);
  LedgerBetter better = comparator == LEDGER_COMPARATOR_AT_MOST ? LEDGER_BETTER_LOWER
                      : comparator == LEDGER_COMPARATOR_AT_LEAST ? LEDGER_BETTER_HIGHER
                      : ledger_indicator_get_better (indicator);
  double target = ledger_indicator_get_target (indicator);
  gboolean percent = g_str_equal (ledger_indicator_get_unit (indicator), "%");
  double scale = percent ? 1 : fabs (target);
  double band = comparator == LEDGER_COMPARATOR_ABOUT
                ? (percent ? tolerances->about_points : tolerances->about_share) : 0;
  double warning = percent ? tolerances->warning_points : tolerances->warning_share;
  /* A hair's breadth of rounding must not turn "at the limit" into "beyond". */
  double miss = shortfall (better, number, target) / (scale > 0 ? scale : 1) - 1e-9;

  if (miss > warning)
    return LEDGER_STATUS_BEHIND;
  if (miss > band)
    return LEDGER_STATUS_WARNING;
  return final ? LEDGER_STATUS_ACHIEVED : LEDGER_STATUS_ON_TRACK;
}

/**
 * ledger_progress_evaluate:
 * @value: (nullable): the latest value of the indicator up to @as_of
 * @as_of: the period the user looks at
 *
 * Returns: the indicator's standing as of @as_of. A value of an earlier
 * period than the indicator's own period as of @as_of is stale: its figures
 * are given, but the status is no data.
 */
LedgerProgress
ledger_progress_evaluate (LedgerIndicator        *indicator,
                          LedgerValue            *value,
                          const char             *as_of,
                          const LedgerTolerances *tolerances)
{
  LedgerProgress progress = { LEDGER_STATUS_NO_DATA, NAN, NAN, NAN, NAN, FALSE };
  g_autofree char *own_period = ledger_progress_indicator_period (indicator, as_of);
  LedgerKind kind = ledger_indicator_get_kind (indicator);
  double target = ledger_indicator_get_target (indicator);
  LedgerPeriod period;
  gboolean final;
  double number;

  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), progress);
  g_return_val_if_fail (tolerances != NULL, progress);

  progress.expected = target;
  if (value == NULL || !ledger_period_parse (ledger_value_get_period (value), &period))
    return progress;

  progress.stale = g_strcmp0 (own_period, ledger_value_get_period (value)) != 0;
  final = ledger_period_end_month (&period) == 12;

  if (kind == LEDGER_KIND_QUALITATIVE)
    {
      if (!progress.stale)
        progress.status = qualitative_status (value);
      return progress;
    }

  number = ledger_value_get_number (value);
  if (target != 0)
    progress.progress = ledger_indicator_get_better (indicator) == LEDGER_BETTER_LOWER &&
                        kind != LEDGER_KIND_CUMULATIVE && number != 0
                        ? target / number : number / target;

  if (kind == LEDGER_KIND_CUMULATIVE)
    {
      progress.pace = ledger_period_pace (&period);
      progress.expected = target * progress.pace;
      progress.gap = (progress.progress - progress.pace) * 100;
      if (!progress.stale)
        progress.status = cumulative_status (indicator, number, &progress, final, tolerances);
    }
  else
    {
      progress.gap = number - target;
      if (!progress.stale)
        progress.status = direct_status (indicator, number, final, tolerances);
    }
  return progress;
}

/* A gap is "on pace" when it rounds to zero at one decimal. */
static gboolean
rounds_to_zero (double gap)
{
  return fabs (gap) < 0.05;
}

/**
 * ledger_progress_dup_gap_text:
 *
 * Returns: (transfer full) (nullable): the standing in the office's words:
 *   "超序时 3.5 个百分点", "落后序时 2.0 个百分点", "低于目标 0.4 个百分点"
 */
char *
ledger_progress_dup_gap_text (LedgerIndicator      *indicator,
                              const LedgerProgress *progress)
{
  g_autofree char *amount = NULL;
  const char *unit;

  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), NULL);
  g_return_val_if_fail (progress != NULL, NULL);

  if (isnan (progress->gap) || ledger_indicator_get_kind (indicator) == LEDGER_KIND_QUALITATIVE)
    return NULL;

  if (ledger_indicator_get_kind (indicator) == LEDGER_KIND_CUMULATIVE)
    {
      if (rounds_to_zero (progress->gap))
        return g_strdup (_("On pace"));
      if (progress->gap > 0)
        /* Translators: 超序时 3.5 个百分点 */
        return g_strdup_printf (_("%.1f points ahead of pace"), progress->gap);
      /* Translators: 落后序时 2.0 个百分点 */
      return g_strdup_printf (_("%.1f points behind pace"), -progress->gap);
    }

  if (rounds_to_zero (progress->gap))
    return g_strdup (_("At the target"));
  unit = ledger_indicator_get_unit (indicator);
  if (g_str_equal (unit, "%"))
    {
      if (progress->gap > 0)
        /* Translators: 高于目标 0.3 个百分点 */
        return g_strdup_printf (_("%.1f points above the target"), progress->gap);
      /* Translators: 低于目标 0.3 个百分点 */
      return g_strdup_printf (_("%.1f points below the target"), -progress->gap);
    }
  amount = ledger_format_number (fabs (progress->gap));
  if (progress->gap > 0)
    /* Translators: 高于目标 2 微克/立方米; %s is the amount, then its unit */
    return g_strdup_printf (_("%s %s above the target"), amount, unit);
  /* Translators: 低于目标 2 微克/立方米 */
  return g_strdup_printf (_("%s %s below the target"), amount, unit);
}
