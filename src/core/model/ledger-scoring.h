/* ledger-scoring.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A plan's 考核评分 (docs/regions.md, Scoring): points for completion,
 * shared among the ranked indicators by weight, points for the place in
 * the ranking, and the office's 加分 and 扣分. */
typedef struct
{
  double completion_points;  /* all indicators on pace: 60 */
  double rank_first;         /* first place: 20 */
  double rank_step;          /* each place lower, this much less: 1.5 */
  double cap;                /* a score counts up to this much: 1.2 */
} LedgerScoringScheme;

/* Whom an adjustment or a line of the score sheet is for. */
typedef enum
{
  LEDGER_SCORE_REGION,  /* a region, by its code */
  LEDGER_SCORE_UNIT,    /* a responsible unit, by its name */
} LedgerScoreSubject;

/* One 加分 (points > 0) or 扣分 (points < 0), for a period. */
typedef struct
{
  gint64              id;
  gint64              plan_id;
  char               *period;
  LedgerScoreSubject  kind;
  char               *subject;
  double              points;
  char               *reason;
  char               *created_at;
  char               *created_by;
} LedgerScoreAdjustment;

/* A region's or a unit's line of the score sheet. */
typedef struct
{
  LedgerScoreSubject  kind;
  char               *subject;      /* a region's code or a unit's name */
  char               *name;         /* what people read */
  double              score;        /* its weighted completion (the composite), NAN without figures */
  guint               n_missing;    /* indicators without its figure */
  guint               score_rank;   /* its place by that score, which gives the rank points; 0: none */
  double              completion;   /* completion_points × score capped */
  double              rank_points;
  double              adjustments;  /* the sum of its 加分 and 扣分 */
  double              total;
  guint               rank;         /* its place by the total */
} LedgerScoreLine;

#define LEDGER_TYPE_SCORE_ADJUSTMENT (ledger_score_adjustment_get_type ())

void                   ledger_scoring_scheme_init_default (LedgerScoringScheme       *scheme);
gboolean               ledger_scoring_scheme_check      (const LedgerScoringScheme *scheme,
                                                         GError                   **error);
double                 ledger_scoring_rank_points       (const LedgerScoringScheme *scheme,
                                                         guint                      rank);
void                   ledger_scoring_total             (const LedgerScoringScheme *scheme,
                                                         GPtrArray                 *lines,
                                                         GPtrArray                 *adjustments);

const char            *ledger_score_subject_to_string   (LedgerScoreSubject         kind);
gboolean               ledger_score_subject_from_string (const char                *string,
                                                         LedgerScoreSubject        *kind);

GType                  ledger_score_adjustment_get_type (void) G_GNUC_CONST;
LedgerScoreAdjustment *ledger_score_adjustment_new      (const char                *period,
                                                         LedgerScoreSubject         kind,
                                                         const char                *subject,
                                                         double                     points,
                                                         const char                *reason);
LedgerScoreAdjustment *ledger_score_adjustment_copy     (const LedgerScoreAdjustment *self);
void                   ledger_score_adjustment_free     (LedgerScoreAdjustment     *self);
double                 ledger_score_adjustments_sum     (GPtrArray                 *adjustments,
                                                         LedgerScoreSubject         kind,
                                                         const char                *subject);

LedgerScoreLine       *ledger_score_line_new            (LedgerScoreSubject         kind,
                                                         const char                *subject,
                                                         const char                *name);
void                   ledger_score_line_free           (LedgerScoreLine           *self);
void                   ledger_score_line_set_score      (LedgerScoreLine           *self,
                                                         const LedgerScoringScheme *scheme,
                                                         double                     score,
                                                         guint                      n_missing);
void                   ledger_score_line_set_scores     (LedgerScoreLine           *self,
                                                         const LedgerScoringScheme *scheme,
                                                         const double              *scores,
                                                         const double              *weights,
                                                         guint                      n_scores);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerScoreAdjustment, ledger_score_adjustment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerScoreLine, ledger_score_line_free)

G_END_DECLS
