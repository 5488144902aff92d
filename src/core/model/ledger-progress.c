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
  "pending", "overdue",
};

void
ledger_tolerances_init_default (LedgerTolerances *tolerances)
{
  tolerances->about_points = 0.5;
  tolerances->about_share = 0.05;
  tolerances->warning_points = 1.0;
  tolerances->warning_share = 0.10;
  tolerances->cumulative_warning = 0.9;
  ledger_check_limits_init_default (&tolerances->checks);
  tolerances->due_skip_weekends = FALSE;
  tolerances->roll_up = 0.01;
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

/* Whether a status belongs in the lists of what needs attention: overdue,
 * behind or on warning. */
gboolean
ledger_status_needs_attention (LedgerStatus status)
{
  return status == LEDGER_STATUS_OVERDUE || status == LEDGER_STATUS_BEHIND ||
         status == LEDGER_STATUS_WARNING;
}

/* Orders two statuses that need attention, the worst first: overdue,
 * behind, warning; 0 when alike. */
int
ledger_status_compare_severity (LedgerStatus a,
                                LedgerStatus b)
{
  static const LedgerStatus worst_first[] = { LEDGER_STATUS_OVERDUE, LEDGER_STATUS_BEHIND,
                                              LEDGER_STATUS_WARNING };
  guint rank_a = G_N_ELEMENTS (worst_first), rank_b = G_N_ELEMENTS (worst_first);

  for (guint i = 0; i < G_N_ELEMENTS (worst_first); i++)
    {
      rank_a = worst_first[i] == a ? MIN (rank_a, i) : rank_a;
      rank_b = worst_first[i] == b ? MIN (rank_b, i) : rank_b;
    }
  return (rank_a > rank_b) - (rank_a < rank_b);
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
      if (end < (ledger_indicator_get_january (indicator) == LEDGER_JANUARY_SEPARATE ? 1 : 2))
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

/* The direction a comparator judges in: an `about` target keeps the
 * indicator's own, which may be none (稳定在…左右: two-sided). The
 * rankings score in the same direction (ledger-rank-rules.c). */
LedgerBetter
ledger_progress_judged_better (LedgerIndicator *indicator)
{
  switch (ledger_indicator_get_comparator (indicator))
    {
    case LEDGER_COMPARATOR_AT_MOST: return LEDGER_BETTER_LOWER;
    case LEDGER_COMPARATOR_AT_LEAST: return LEDGER_BETTER_HIGHER;
    default: return ledger_indicator_get_better (indicator);
    }
}

static LedgerStatus
cumulative_status (LedgerIndicator        *indicator,
                   LedgerBetter            better,
                   double                  number,
                   double                  expected,
                   gboolean                final,
                   const LedgerTolerances *tolerances)
{
  gboolean about = ledger_indicator_get_comparator (indicator) == LEDGER_COMPARATOR_ABOUT;
  double target = ledger_indicator_get_target (indicator);
  double band = about ? tolerances->about_share : 0;
  double sign = better == LEDGER_BETTER_HIGHER ? -1 : 1;
  double due = expected * (1 + sign * band);
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
               LedgerBetter            better,
               double                  number,
               double                  expected,
               gboolean                final,
               const LedgerTolerances *tolerances)
{
  gboolean about = ledger_indicator_get_comparator (indicator) == LEDGER_COMPARATOR_ABOUT;
  double target = ledger_indicator_get_target (indicator);
  gboolean percent = g_str_equal (ledger_indicator_get_unit (indicator), "%");
  double scale = percent ? 1 : fabs (target);
  double band = about ? (percent ? tolerances->about_points : tolerances->about_share) : 0;
  double warning = percent ? tolerances->warning_points : tolerances->warning_share;
  /* A hair's breadth of rounding must not turn "at the limit" into "beyond". */
  double miss = shortfall (better, number, expected) / (scale > 0 ? scale : 1) - 1e-9;

  if (miss > warning)
    return LEDGER_STATUS_BEHIND;
  if (miss > band)
    return LEDGER_STATUS_WARNING;
  return final ? LEDGER_STATUS_ACHIEVED : LEDGER_STATUS_ON_TRACK;
}

/* The traffic light of a number against what is due. A two-sided target
 * is judged from below and from above, and stands as the worse of the
 * two: 1.9 亿吨 against "稳定在1.7亿吨左右" is as far off as 1.5. */
static LedgerStatus
judge (LedgerIndicator        *indicator,
       double                  number,
       double                  expected,
       gboolean                final,
       const LedgerTolerances *tolerances)
{
  LedgerBetter better = ledger_progress_judged_better (indicator);
  gboolean cumulative = ledger_indicator_get_kind (indicator) == LEDGER_KIND_CUMULATIVE;
  LedgerStatus (*status) (LedgerIndicator *, LedgerBetter, double, double, gboolean,
                          const LedgerTolerances *) = cumulative ? cumulative_status : direct_status;

  /* Statuses run from behind to achieved: the lesser is the worse. */
  if (better == LEDGER_BETTER_NONE)
    return MIN (status (indicator, LEDGER_BETTER_HIGHER, number, expected, final, tolerances),
                status (indicator, LEDGER_BETTER_LOWER, number, expected, final, tolerances));
  return status (indicator, better, number, expected, final, tolerances);
}

static gboolean
has_base (const LedgerBaseYear *base)
{
  return base != NULL && isfinite (base->same_period) && isfinite (base->full_year) &&
         base->same_period != 0 && base->full_year != 0;
}

/**
 * ledger_progress_due_share:
 * @month: the last month of the value's period, 1–12
 * @base: (nullable): the base year's figures
 * @fallback: (out) (optional): set when a seasonal profile lacks the base
 *   year's figures and falls back to months
 *
 * Returns: the share of the year's target due by the end of @month: for
 *   a total m/12 (序时进度), as last year went, or as the office set it;
 *   for a level the target itself (1), or the base year's seasonal swing.
 *   A rate is judged against its target whatever the profile; a year-end
 *   target or a milestone has all of it due when it is assessed.
 */
double
ledger_progress_due_share (LedgerIndicator      *indicator,
                           int                   month,
                           const LedgerBaseYear *base,
                           gboolean             *fallback)
{
  LedgerKind kind = ledger_indicator_get_kind (indicator);
  double linear = kind == LEDGER_KIND_CUMULATIVE ? month / 12.0 : 1;

  if (fallback != NULL)
    *fallback = FALSE;
  if (kind == LEDGER_KIND_RATE || kind == LEDGER_KIND_QUALITATIVE)
    return 1;

  switch (ledger_indicator_get_profile (indicator))
    {
    case LEDGER_PROFILE_SEASONAL:
      if (has_base (base))
        return base->same_period / base->full_year;
      if (fallback != NULL)
        *fallback = TRUE;
      return linear;
    case LEDGER_PROFILE_CUSTOM:
      return kind == LEDGER_KIND_CUMULATIVE ? ledger_indicator_custom_share (indicator, month) : 1;
    case LEDGER_PROFILE_YEAR_END:
    case LEDGER_PROFILE_MILESTONE:
      return 1;
    case LEDGER_PROFILE_LINEAR:
    default:
      return linear;
    }
}

/* The period of @indicator's frequency that ends with @month of @year,
 * or %NULL (a quarterly indicator in February). */
static char *
period_ending (LedgerIndicator *indicator,
               int              year,
               int              month)
{
  LedgerPeriod period = { year, LEDGER_PERIOD_MONTH, month };

  switch (ledger_indicator_get_frequency (indicator))
    {
    case LEDGER_FREQUENCY_QUARTERLY:
      if (month % 3 != 0)
        return NULL;
      period.type = LEDGER_PERIOD_QUARTER, period.index = month / 3;
      break;
    case LEDGER_FREQUENCY_ANNUAL:
      if (month != 12)
        return NULL;
      period.type = LEDGER_PERIOD_YEAR, period.index = 0;
      break;
    case LEDGER_FREQUENCY_MONTHLY:
    default:
      break;
    }
  return ledger_period_to_code (&period);
}

/**
 * ledger_progress_due_line:
 * @values: (nullable) (element-type LedgerValue): the indicator's values,
 *   the base year's among them
 * @year: the year the line is for
 * @due: (out caller-allocates): what is due by the end of each month,
 *   @due[0] being the start of the year
 *
 * The line a chart draws for a total: target × the profile's share by the
 * end of each month (序时进度, as the base year went, or as the office
 * set it), straight between the ends of periods the indicator has not.
 *
 * Returns: %FALSE when the total has no such line: a year-end target or
 *   a milestone is due whole when it is assessed, not by months
 */
gboolean
ledger_progress_due_line (LedgerIndicator *indicator,
                          GListModel      *values,
                          int              year,
                          double           due[13])
{
  double target;
  int known = 0;

  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), FALSE);

  if (ledger_indicator_get_profile (indicator) == LEDGER_PROFILE_YEAR_END ||
      ledger_indicator_get_profile (indicator) == LEDGER_PROFILE_MILESTONE)
    return FALSE;
  target = ledger_indicator_get_target (indicator);
  due[0] = 0;
  for (int month = 1; month <= 12; month++)
    {
      g_autofree char *code = period_ending (indicator, year, month);
      LedgerBaseYear base;

      if (code == NULL)
        continue;
      base = values != NULL ? ledger_base_year_among (values, code) : (LedgerBaseYear) { NAN, NAN };
      due[month] = target * ledger_progress_due_share (indicator, month, &base, NULL);
      for (int between = known + 1; between < month; between++)
        due[between] = due[known] + (due[month] - due[known]) * (between - known) / (month - known);
      known = month;
    }
  return TRUE;
}

/* Whether a year-end target or a milestone is assessed by @month. */
static gboolean
assessed_by (LedgerIndicator *indicator,
             int              month)
{
  switch (ledger_indicator_get_profile (indicator))
    {
    case LEDGER_PROFILE_YEAR_END: return month == 12;
    case LEDGER_PROFILE_MILESTONE: return month >= ledger_indicator_get_due_month (indicator);
    default: return TRUE;
    }
}

/* How far a total's projection (预计全年) falls short of its target, as a
 * share of the target, whatever its status today (a year-end target is
 * pending and may still miss): a total to keep low falls short by going
 * over; one to stay about a figure only beyond its band, and by going over
 * too when it is two-sided (稳定在…左右). */
static double
projection_shortfall (LedgerIndicator        *indicator,
                      const LedgerProgress   *progress,
                      const LedgerTolerances *tolerances)
{
  double target = ledger_indicator_get_target (indicator);
  LedgerComparator comparator = ledger_indicator_get_comparator (indicator);
  LedgerBetter better = ledger_indicator_get_better (indicator);
  double about, warning, below, above;

  if (ledger_indicator_get_kind (indicator) != LEDGER_KIND_CUMULATIVE ||
      !isfinite (progress->projection) || target <= 0)
    return 0;
  if (comparator == LEDGER_COMPARATOR_AT_MOST || better == LEDGER_BETTER_LOWER)
    return MAX (progress->projection - target, 0) / target;
  if (comparator != LEDGER_COMPARATOR_ABOUT)
    return MAX (target - progress->projection, 0) / target;
  ledger_tolerances_widths (tolerances, indicator, &about, &warning);
  below = target - about - progress->projection;
  above = better == LEDGER_BETTER_NONE ? progress->projection - target - about : 0;
  return MAX (MAX (below, above), 0) / target;
}

/* The base year's figures and what follows from them: 同期, 同比 and
 * 预计全年 of a total, 后续需增长 of a rate. */
static void
add_base_figures (LedgerProgress       *progress,
                  LedgerIndicator      *indicator,
                  double                number,
                  int                   month,
                  const LedgerBaseYear *base)
{
  LedgerKind kind = ledger_indicator_get_kind (indicator);
  double target = ledger_indicator_get_target (indicator);

  if (base != NULL && isfinite (base->same_period))
    progress->base_value = base->same_period;

  if (kind == LEDGER_KIND_CUMULATIVE)
    {
      if (isfinite (progress->base_value) && progress->base_value != 0)
        progress->yoy = (number / progress->base_value - 1) * 100;
      /* The rest of the year goes as the rest of the base year went, or
       * else as the months so far went. */
      progress->projection_fallback = !has_base (base);
      progress->projection = has_base (base) ? number * base->full_year / base->same_period
                                             : number * 12 / month;
    }
  else if (kind == LEDGER_KIND_RATE && has_base (base) && month < 12 &&
           base->full_year != base->same_period)
    {
      /* The year needs full × (1 + target) in all; so far it has
       * same × (1 + value); the rest grows on what the base year had
       * left, full − same. */
      double needed = base->full_year * (1 + target / 100);
      double so_far = base->same_period * (1 + number / 100);

      progress->growth_needed = ((needed - so_far) / (base->full_year - base->same_period) - 1) * 100;
    }
}

/* Returns: the standing of an indicator without a value */
LedgerProgress
ledger_progress_none (void)
{
  return (LedgerProgress) {
    .status = LEDGER_STATUS_NO_DATA,
    .pace = NAN, .expected = NAN, .progress = NAN, .gap = NAN,
    .base_value = NAN, .yoy = NAN, .projection = NAN, .growth_needed = NAN,
  };
}

/* Before a year-end target or a milestone is assessed: achieved if it is
 * already there, else not yet judged. A total kept low or a two-sided
 * target can still go wrong, so it waits. */
static LedgerStatus
early_status (LedgerIndicator        *indicator,
              double                  number,
              const LedgerTolerances *tolerances)
{
  if (ledger_progress_judged_better (indicator) != LEDGER_BETTER_HIGHER)
    return LEDGER_STATUS_PENDING;
  return judge (indicator, number, ledger_indicator_get_target (indicator), TRUE, tolerances)
         == LEDGER_STATUS_ACHIEVED ? LEDGER_STATUS_ACHIEVED : LEDGER_STATUS_PENDING;
}

/**
 * ledger_progress_evaluate:
 * @value: (nullable): the latest value of the indicator up to @as_of
 * @as_of: the period the user looks at
 *
 * Returns: the indicator's standing as of @as_of, without the base
 * year's figures. See ledger_progress_evaluate_with_base().
 */
LedgerProgress
ledger_progress_evaluate (LedgerIndicator        *indicator,
                          LedgerValue            *value,
                          const char             *as_of,
                          const LedgerTolerances *tolerances)
{
  return ledger_progress_evaluate_with_base (indicator, value, as_of, NULL, tolerances);
}

/**
 * ledger_progress_evaluate_with_base:
 * @value: (nullable): the latest value of the indicator up to @as_of
 * @as_of: the period the user looks at
 * @base: (nullable): the base year's figures for @value's period
 *
 * Returns: the indicator's standing as of @as_of. A value of an earlier
 * period than the indicator's own period as of @as_of is stale: its figures
 * are given, but the status is no data. A year-end target or a milestone
 * has a value but no judgement before its time: pending.
 */
LedgerProgress
ledger_progress_evaluate_with_base (LedgerIndicator        *indicator,
                                    LedgerValue            *value,
                                    const char             *as_of,
                                    const LedgerBaseYear   *base,
                                    const LedgerTolerances *tolerances)
{
  LedgerProgress progress = ledger_progress_none ();
  g_autofree char *own_period = NULL;
  LedgerKind kind;
  LedgerPeriod period;
  double target, share, number;
  gboolean final, assessed;
  int month;

  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), progress);
  g_return_val_if_fail (tolerances != NULL, progress);

  kind = ledger_indicator_get_kind (indicator);
  target = ledger_indicator_get_target (indicator);
  progress.expected = target;
  if (value == NULL || !ledger_period_parse (ledger_value_get_period (value), &period))
    return progress;

  own_period = ledger_progress_indicator_period (indicator, as_of);
  progress.stale = g_strcmp0 (own_period, ledger_value_get_period (value)) != 0;
  month = ledger_period_end_month (&period);
  final = month == 12;

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
  add_base_figures (&progress, indicator, number, month, base);
  progress.projection_shortfall = projection_shortfall (indicator, &progress, tolerances);

  assessed = assessed_by (indicator, month);
  share = ledger_progress_due_share (indicator, month, base, &progress.pace_fallback);
  progress.expected = target * share;
  if (kind == LEDGER_KIND_CUMULATIVE)
    {
      progress.pace = assessed ? share : NAN;
      progress.gap = (progress.progress - progress.pace) * 100;
    }
  else
    progress.gap = number - target;

  if (progress.stale)
    return progress;
  if (!assessed)
    progress.status = early_status (indicator, number, tolerances);
  else if (ledger_indicator_get_profile (indicator) == LEDGER_PROFILE_MILESTONE)
    /* A one-off result is there by its time or it is not. */
    progress.status = judge (indicator, number, target, TRUE, tolerances) == LEDGER_STATUS_ACHIEVED
                      ? LEDGER_STATUS_ACHIEVED : LEDGER_STATUS_BEHIND;
  else
    progress.status = judge (indicator, number, progress.expected, final, tolerances);
  return progress;
}

/* The base year's periods of @period: the same period a year earlier and
 * that year's whole year in the same granularity (2026-05 → 2025-05 and
 * 2025-12; 2026-Q2 → 2025-Q2 and 2025-Q4). */
gboolean
ledger_progress_base_periods (const char  *period,
                              char       **same_period,
                              char       **full_year)
{
  LedgerPeriod parsed, full;

  if (!ledger_period_parse (period, &parsed))
    return FALSE;
  parsed.year--;
  full = parsed;
  full.index = parsed.type == LEDGER_PERIOD_MONTH ? 12 : parsed.type == LEDGER_PERIOD_QUARTER ? 4 : 0;
  *same_period = ledger_period_to_code (&parsed);
  *full_year = ledger_period_to_code (&full);
  return TRUE;
}

/**
 * ledger_base_year_read:
 * @period: (nullable): the period of a value
 * @lookup: finds the indicator's value of a period
 *
 * Returns: the base year's figures of @period: the same period a year
 *   earlier and that year's whole year (ledger_progress_base_periods()),
 *   NAN where @lookup finds no figure
 */
LedgerBaseYear
ledger_base_year_read (const char        *period,
                       LedgerValueLookup  lookup,
                       gpointer           user_data)
{
  LedgerBaseYear base = { NAN, NAN };
  g_autofree char *same_period = NULL;
  g_autofree char *full_year = NULL;
  g_autoptr(LedgerValue) same = NULL;
  g_autoptr(LedgerValue) full = NULL;

  if (period == NULL || !ledger_progress_base_periods (period, &same_period, &full_year))
    return base;
  same = lookup (same_period, user_data);
  full = lookup (full_year, user_data);
  if (same != NULL && ledger_value_has_number (same))
    base.same_period = ledger_value_get_number (same);
  if (full != NULL && ledger_value_has_number (full))
    base.full_year = ledger_value_get_number (full);
  return base;
}

static LedgerValue *
find_among (const char *period,
            gpointer    user_data)
{
  GListModel *values = user_data;

  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      g_autoptr(LedgerValue) value = g_list_model_get_item (values, i);

      if (g_str_equal (ledger_value_get_period (value), period))
        return g_steal_pointer (&value);
    }
  return NULL;
}

/**
 * ledger_base_year_among:
 * @values: (element-type LedgerValue): an indicator's values, as a chart
 *   holds them
 * @period: (nullable): the period of one of them
 *
 * Returns: the base year's figures of @period found among @values, as
 *   ledger_context_evaluate_value() reads them from the ledger
 */
LedgerBaseYear
ledger_base_year_among (GListModel *values,
                        const char *period)
{
  return ledger_base_year_read (period, find_among, values);
}

/**
 * ledger_progress_evaluate_among:
 * @values: (element-type LedgerValue): the indicator's values, @value's
 *   base year among them
 *
 * Returns: @value's standing as of @as_of, read against the base year's
 *   figures among @values: a chart of the values judges its points as
 *   the window's rows do.
 */
LedgerProgress
ledger_progress_evaluate_among (LedgerIndicator        *indicator,
                                LedgerValue            *value,
                                GListModel             *values,
                                const char             *as_of,
                                const LedgerTolerances *tolerances)
{
  LedgerBaseYear base = ledger_base_year_among (values, value != NULL ? ledger_value_get_period (value) : NULL);

  return ledger_progress_evaluate_with_base (indicator, value, as_of, &base, tolerances);
}

/**
 * ledger_progress_clear_inapplicable:
 *
 * Sets to NAN what @progress works out but an export does not show for
 * @indicator, so that the CSV and the XLSX leave the same cells empty: a
 * rate or a level is judged against its target alone, without a share of
 * it done or an amount due; a total not yet assessed (pending) has nothing
 * due yet.
 */
void
ledger_progress_clear_inapplicable (LedgerIndicator *indicator,
                                    LedgerProgress  *progress)
{
  g_return_if_fail (LEDGER_IS_INDICATOR (indicator));
  g_return_if_fail (progress != NULL);

  if (ledger_indicator_get_kind (indicator) != LEDGER_KIND_CUMULATIVE)
    progress->progress = progress->expected = progress->pace = NAN;
  else if (!isfinite (progress->pace))
    progress->expected = NAN;
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
