/* ledger-rank-rules.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-rank-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ledger-rank-rules.h"

/* The rules of the regions' rankings (docs/regions.md, Rankings), pure:
 * a score from a standing, shared ranks, the weighted composite, the band
 * against the city and the period a change is counted from. The store's
 * ledger-region-ranking.c gathers the figures they are applied to. */

/**
 * ledger_rank_score:
 * @better: the direction the figure is judged in
 *   (ledger_progress_judged_better())
 * @expected: what is due: target × pace for a total, else the target
 *
 * Returns: completion against what is due, 1.0 on it: value ÷ expected
 *   when higher is better, 2 − value ÷ expected when lower is, and
 *   1 − |value − expected| ÷ |expected| for a two-sided target (稳定在…
 *   左右); NAN without a figure or with nothing due to divide by
 */
double
ledger_rank_score (LedgerBetter better,
                   double       value,
                   double       expected)
{
  if (!isfinite (value) || !isfinite (expected) || expected == 0)
    return NAN;
  switch (better)
    {
    case LEDGER_BETTER_LOWER: return 2 - value / expected;
    case LEDGER_BETTER_NONE: return 1 - fabs (value - expected) / fabs (expected);
    case LEDGER_BETTER_HIGHER:
    default: return value / expected;
    }
}

/**
 * ledger_rank_score_of:
 * @indicator: the indicator, with the target the figure is ranked against
 * @value: (nullable): the figure
 * @progress: @value's standing by ledger_progress_evaluate()
 *
 * Returns: the score of @value (ledger_rank_score()), NAN for a
 *   qualitative indicator or without a number
 */
double
ledger_rank_score_of (LedgerIndicator      *indicator,
                      LedgerValue          *value,
                      const LedgerProgress *progress)
{
  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), NAN);
  g_return_val_if_fail (progress != NULL, NAN);

  if (value == NULL || !ledger_value_has_number (value) ||
      ledger_indicator_get_kind (indicator) == LEDGER_KIND_QUALITATIVE)
    return NAN;
  return ledger_rank_score (ledger_progress_judged_better (indicator),
                            ledger_value_get_number (value), progress->expected);
}

/* Scores equal to 4 decimals share a rank: 0.98765 and 0.98768 are both
 * 0.9877, a difference no office would rank on. */
static gint64
rank_key (double score)
{
  return (gint64) llround (score * 10000);
}

/**
 * ledger_rank_assign:
 * @scores: (array length=n_scores): the scores, NAN for none
 * @ranks: (out caller-allocates) (array length=n_scores): each one's rank
 *
 * Ranks the scores, highest first: 1 + how many score higher, so ties
 * share a rank and the next is skipped (1, 2, 2, 4). A score of NAN is
 * not ranked: 0 (未报).
 */
void
ledger_rank_assign (const double *scores,
                    guint         n_scores,
                    guint        *ranks)
{
  for (guint i = 0; i < n_scores; i++)
    {
      ranks[i] = 0;
      if (!isfinite (scores[i]))
        continue;
      ranks[i] = 1;
      for (guint j = 0; j < n_scores; j++)
        {
          if (isfinite (scores[j]) && rank_key (scores[j]) > rank_key (scores[i]))
            ranks[i]++;
        }
    }
}

/**
 * ledger_rank_weighted_mean:
 * @scores: (array length=n_scores): a region's scores, NAN where it has no
 *   figure
 * @weights: (array length=n_scores): each score's weight, 0 or more
 * @cap: no score counts for more than this
 * @n_missing: (out) (optional): how many scores were NAN
 *
 * Returns: Σ wᵢ·min(scoreᵢ, cap) ÷ Σ wᵢ, a missing score counting 0; NAN
 *   when the weights add up to nothing
 */
double
ledger_rank_weighted_mean (const double *scores,
                           const double *weights,
                           guint         n_scores,
                           double        cap,
                           guint        *n_missing)
{
  double sum = 0, total_weight = 0;
  guint missing = 0;

  for (guint i = 0; i < n_scores; i++)
    {
      total_weight += weights[i];
      if (isfinite (scores[i]))
        sum += weights[i] * MIN (scores[i], cap);
      else
        missing++;
    }
  if (n_missing != NULL)
    *n_missing = missing;
  return total_weight > 0 ? sum / total_weight : NAN;
}

/**
 * ledger_rank_band:
 *
 * Returns: above (or below) when @score is better (or worse) than the
 *   city's by more than %LEDGER_RANK_BAND_TOLERANCE, level within it, none
 *   when either is missing
 */
LedgerRankBand
ledger_rank_band (double score,
                  double city_score)
{
  /* 1.005 − 1.0 is 0.00499999…: the tolerance itself is level. */
  double tolerance = LEDGER_RANK_BAND_TOLERANCE + 1e-9;

  if (!isfinite (score) || !isfinite (city_score))
    return LEDGER_RANK_BAND_NONE;
  if (score - city_score > tolerance)
    return LEDGER_RANK_BAND_ABOVE;
  if (city_score - score > tolerance)
    return LEDGER_RANK_BAND_BELOW;
  return LEDGER_RANK_BAND_LEVEL;
}

/* The band's code in CSV files: "above", "level", "below", or "". */
const char *
ledger_rank_band_to_string (LedgerRankBand band)
{
  static const char *names[] = { "", "above", "level", "below" };

  g_return_val_if_fail (band <= LEDGER_RANK_BAND_BELOW, "");
  return names[band];
}

/* The band in words, or "" for none. */
const char *
ledger_rank_band_label (LedgerRankBand band)
{
  switch (band)
    {
    case LEDGER_RANK_BAND_ABOVE: return _("Above the city");
    case LEDGER_RANK_BAND_LEVEL: return _("Level with the city");
    case LEDGER_RANK_BAND_BELOW: return _("Below the city");
    case LEDGER_RANK_BAND_NONE:
    default: return "";
    }
}

/**
 * ledger_rank_previous_period:
 * @as_of: the period ranked
 * @first_year: the plan's first year
 * @last_year: … and its last
 *
 * Returns: (transfer full) (nullable): the period of the same length just
 *   before @as_of (2026-06 → 2026-05, 2026-Q1 → 2025-Q4, 2027 → 2026), or
 *   %NULL when that is outside the plan's years: a plan's first period
 *   has no change to show.
 */
char *
ledger_rank_previous_period (const char *as_of,
                             int         first_year,
                             int         last_year)
{
  LedgerPeriod period;

  if (!ledger_period_parse (as_of, &period))
    return NULL;
  if (period.type == LEDGER_PERIOD_YEAR || period.index == 1)
    {
      period.year--;
      if (period.type != LEDGER_PERIOD_YEAR)
        period.index = period.type == LEDGER_PERIOD_MONTH ? 12 : 4;
    }
  else
    period.index--;
  if (period.year < first_year || period.year > last_year)
    return NULL;
  return ledger_period_to_code (&period);
}
