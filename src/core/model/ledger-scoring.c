/* ledger-scoring.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-scoring"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <math.h>

#include "ledger-names.h"
#include "ledger-rank-rules.h"
#include "ledger-scoring.h"

/* 考核评分, pure (docs/regions.md, Scoring): a line's points for
 * completion and for its place, and its total with the office's 加分 and
 * 扣分. The store's ledger-score-sheet.c gathers what they are applied to. */

static const char *subject_names[] = { "region", "unit" };

G_DEFINE_BOXED_TYPE (LedgerScoreAdjustment, ledger_score_adjustment, ledger_score_adjustment_copy,
                     ledger_score_adjustment_free)

/* The example of docs/regions.md: 60 for completion, 20 for first place,
 * 1.5 less for each place lower, scores counted up to 1.2. */
void
ledger_scoring_scheme_init_default (LedgerScoringScheme *scheme)
{
  *scheme = (LedgerScoringScheme) {
    .completion_points = 60, .rank_first = 20, .rank_step = 1.5, .cap = LEDGER_RANK_SCORE_CAP,
  };
}

/* Points are 0 or more and finite; the cap is at least 1: on pace must
 * earn all the completion points. */
gboolean
ledger_scoring_scheme_check (const LedgerScoringScheme *scheme,
                             GError                   **error)
{
  double points[] = { scheme->completion_points, scheme->rank_first, scheme->rank_step };

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      if (!isfinite (points[i]) || points[i] < 0 || points[i] > 1000)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("The points of a scoring scheme are numbers from 0 to 1000"));
          return FALSE;
        }
    }
  if (!isfinite (scheme->cap) || scheme->cap < 1 || scheme->cap > 10)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The cap of a scoring scheme is a number from 1 to 10"));
      return FALSE;
    }
  return TRUE;
}

/* Returns: the points of place @rank (1 first): rank_first, less
 * rank_step for each place lower, never below 0; 0 for no place */
double
ledger_scoring_rank_points (const LedgerScoringScheme *scheme,
                            guint                      rank)
{
  if (rank == 0)
    return 0;
  return MAX (scheme->rank_first - (rank - 1) * scheme->rank_step, 0);
}

/**
 * ledger_score_line_set_scores:
 * @scores: (array length=n_scores): the line's score for each indicator it
 *   is scored on (ledger_rank_score()), NAN without its figure
 * @weights: (array length=n_scores): the indicators' weights
 *
 * Sets the line's score, the weighted mean of @scores each counted up to
 * the scheme's cap (none when all are NAN), and its completion points:
 * the scheme's completion points times that score, never below 0.
 */
void
ledger_score_line_set_scores (LedgerScoreLine           *self,
                              const LedgerScoringScheme *scheme,
                              const double              *scores,
                              const double              *weights,
                              guint                      n_scores)
{
  guint n_missing;
  double score = ledger_rank_weighted_mean (scores, weights, n_scores, scheme->cap, &n_missing);

  /* Without a single figure it has no score, as a region has no rank. */
  ledger_score_line_set_score (self, scheme, n_missing < n_scores ? score : NAN, n_missing);
}

/* Sets the line's score, capped already, and its completion points. */
void
ledger_score_line_set_score (LedgerScoreLine           *self,
                             const LedgerScoringScheme *scheme,
                             double                     score,
                             guint                      n_missing)
{
  self->score = score;
  self->n_missing = n_missing;
  self->completion = isfinite (score) ? scheme->completion_points * MAX (score, 0) : 0;
}

/**
 * ledger_scoring_total:
 * @lines: (element-type LedgerScoreLine): the lines of one kind, their
 *   scores set (ledger_score_line_set_scores())
 * @adjustments: (element-type LedgerScoreAdjustment): the period's
 *
 * Ranks the lines by score for their rank points, adds their adjustments,
 * and ranks them by the total.
 */
void
ledger_scoring_total (const LedgerScoringScheme *scheme,
                      GPtrArray                 *lines,
                      GPtrArray                 *adjustments)
{
  g_autofree double *values = g_new0 (double, MAX (lines->len, 1));
  g_autofree guint *ranks = g_new0 (guint, MAX (lines->len, 1));

  for (guint i = 0; i < lines->len; i++)
    values[i] = ((LedgerScoreLine *) lines->pdata[i])->score;
  ledger_rank_assign (values, lines->len, ranks);
  for (guint i = 0; i < lines->len; i++)
    {
      LedgerScoreLine *line = lines->pdata[i];

      line->score_rank = ranks[i];
      line->rank_points = ledger_scoring_rank_points (scheme, ranks[i]);
      line->adjustments = ledger_score_adjustments_sum (adjustments, line->kind, line->subject);
      line->total = line->completion + line->rank_points + line->adjustments;
      values[i] = line->total;
    }
  ledger_rank_assign (values, lines->len, ranks);
  for (guint i = 0; i < lines->len; i++)
    ((LedgerScoreLine *) lines->pdata[i])->rank = ranks[i];
}

const char *
ledger_score_subject_to_string (LedgerScoreSubject kind)
{
  g_return_val_if_fail (kind <= LEDGER_SCORE_UNIT, NULL);
  return subject_names[kind];
}

gboolean
ledger_score_subject_from_string (const char         *string,
                                  LedgerScoreSubject *kind)
{
  return ledger_names_lookup (subject_names, G_N_ELEMENTS (subject_names), string, (int *) kind);
}

LedgerScoreAdjustment *
ledger_score_adjustment_new (const char         *period,
                             LedgerScoreSubject  kind,
                             const char         *subject,
                             double              points,
                             const char         *reason)
{
  LedgerScoreAdjustment *self = g_new0 (LedgerScoreAdjustment, 1);

  self->period = g_strdup (period);
  self->kind = kind;
  self->subject = g_strdup (subject);
  self->points = points;
  self->reason = g_strdup (reason != NULL ? reason : "");
  self->created_at = g_strdup ("");
  self->created_by = g_strdup ("");
  return self;
}

LedgerScoreAdjustment *
ledger_score_adjustment_copy (const LedgerScoreAdjustment *self)
{
  LedgerScoreAdjustment *copy = ledger_score_adjustment_new (self->period, self->kind, self->subject,
                                                             self->points, self->reason);

  copy->id = self->id;
  copy->plan_id = self->plan_id;
  g_free (copy->created_at);
  copy->created_at = g_strdup (self->created_at);
  g_free (copy->created_by);
  copy->created_by = g_strdup (self->created_by);
  return copy;
}

void
ledger_score_adjustment_free (LedgerScoreAdjustment *self)
{
  if (self == NULL)
    return;
  g_free (self->period);
  g_free (self->subject);
  g_free (self->reason);
  g_free (self->created_at);
  g_free (self->created_by);
  g_free (self);
}

/* Returns: the sum of the points of @adjustments for @subject */
double
ledger_score_adjustments_sum (GPtrArray          *adjustments,
                              LedgerScoreSubject  kind,
                              const char         *subject)
{
  double sum = 0;

  for (guint i = 0; adjustments != NULL && i < adjustments->len; i++)
    {
      LedgerScoreAdjustment *adjustment = adjustments->pdata[i];

      if (adjustment->kind == kind && g_strcmp0 (adjustment->subject, subject) == 0)
        sum += adjustment->points;
    }
  return sum;
}

LedgerScoreLine *
ledger_score_line_new (LedgerScoreSubject  kind,
                       const char         *subject,
                       const char         *name)
{
  LedgerScoreLine *self = g_new0 (LedgerScoreLine, 1);

  self->kind = kind;
  self->subject = g_strdup (subject);
  self->name = g_strdup (name != NULL ? name : subject);
  self->score = NAN;
  return self;
}

void
ledger_score_line_free (LedgerScoreLine *self)
{
  if (self == NULL)
    return;
  g_free (self->subject);
  g_free (self->name);
  g_free (self);
}
