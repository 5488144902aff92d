/* ledger-score-sheet.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-score-sheet"

#include "config.h"

#include <math.h>

#include "ledger-rank-rules.h"
#include "ledger-region-ranking.h"
#include "ledger-score-sheet.h"
#include "ledger-store-scoring.h"

/* 考核评分 as of a period (docs/regions.md, Scoring): the regions scored
 * on the composite ranking, the responsible units on the city's figures of
 * the indicators they answer for, each with its rank points and the
 * office's adjustments of the period, by the rules of ledger-scoring.c. */

struct _LedgerScoreSheet
{
  GObject              parent_instance;

  gboolean             has_scheme;
  LedgerScoringScheme  scheme;
  GPtrArray           *regions;  /* of LedgerScoreLine, by rank */
  GPtrArray           *units;    /* of LedgerScoreLine, by rank */
};

G_DEFINE_FINAL_TYPE (LedgerScoreSheet, ledger_score_sheet, G_TYPE_OBJECT)

/* A unit's scores on the indicators it answers for. */
typedef struct
{
  char   *unit;
  GArray *scores;
  GArray *weights;
} UnitScores;

typedef struct
{
  LedgerContext *context;
  GPtrArray     *units;    /* of UnitScores, in the plan's order */
} UnitSearch;

static void
unit_scores_free (UnitScores *scores)
{
  g_free (scores->unit);
  g_array_unref (scores->scores);
  g_array_unref (scores->weights);
  g_free (scores);
}

static UnitScores *
find_unit (GPtrArray  *units,
           const char *unit)
{
  UnitScores *scores;

  for (guint i = 0; i < units->len; i++)
    {
      if (g_str_equal (((UnitScores *) units->pdata[i])->unit, unit))
        return units->pdata[i];
    }
  scores = g_new0 (UnitScores, 1);
  scores->unit = g_strdup (unit);
  scores->scores = g_array_new (FALSE, FALSE, sizeof (double));
  scores->weights = g_array_new (FALSE, FALSE, sizeof (double));
  g_ptr_array_add (units, scores);
  return scores;
}

/* An indicator counts for its unit once it is due: an annual one not
 * before December. Without the city's figure it counts 0. */
static void
add_unit_indicator_cb (LedgerNode      *area,
                       LedgerNode      *task,
                       LedgerIndicator *indicator,
                       gpointer         user_data)
{
  UnitSearch *search = user_data;
  LedgerStore *store = ledger_context_get_store (search->context);
  const char *unit = ledger_indicator_get_responsible_unit (indicator);
  g_autofree char *own_period = NULL;
  g_autoptr(LedgerValue) value = NULL;
  LedgerProgress progress;
  UnitScores *scores;
  double weight, score;

  if (unit == NULL || *unit == '\0' || ledger_indicator_get_kind (indicator) == LEDGER_KIND_QUALITATIVE ||
      (weight = ledger_store_get_ranking_weight (store, ledger_indicator_get_id (indicator))) <= 0 ||
      (own_period = ledger_progress_indicator_period (indicator, ledger_context_get_as_of (search->context))) == NULL)
    return;
  progress = ledger_context_evaluate (search->context, indicator, &value);
  score = ledger_rank_score_of (indicator, value, &progress);
  scores = find_unit (search->units, unit);
  g_array_append_val (scores->scores, score);
  g_array_append_val (scores->weights, weight);
}

static GPtrArray *
lines_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_score_line_free);
}

static GPtrArray *
unit_lines (LedgerScoreSheet *self,
            LedgerContext    *context,
            LedgerPlan       *plan)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_scores_free);
  UnitSearch search = { context, units };
  GPtrArray *lines = lines_new ();

  if (ledger_context_get_as_of (context) == NULL)
    return lines;
  ledger_plan_foreach_indicator (plan, add_unit_indicator_cb, &search);
  for (guint i = 0; i < units->len; i++)
    {
      UnitScores *scores = units->pdata[i];
      LedgerScoreLine *line = ledger_score_line_new (LEDGER_SCORE_UNIT, scores->unit, scores->unit);

      ledger_score_line_set_scores (line, &self->scheme, (double *) scores->scores->data,
                                    (double *) scores->weights->data, scores->scores->len);
      g_ptr_array_add (lines, line);
    }
  return lines;
}

static GPtrArray *
region_lines (LedgerScoreSheet *self,
              LedgerContext    *context,
              LedgerPlan       *plan)
{
  g_autoptr(LedgerRegionRanking) ranking = ledger_region_ranking_new_composite_capped (context, plan,
                                                                                       self->scheme.cap);
  GPtrArray *lines = lines_new ();

  for (guint i = 0; i < ledger_region_ranking_get_n_rows (ranking); i++)
    {
      const LedgerRankRow *row = ledger_region_ranking_get_row (ranking, i);
      LedgerScoreLine *line = ledger_score_line_new (LEDGER_SCORE_REGION, row->region, row->name);

      ledger_score_line_set_score (line, &self->scheme, row->score, row->n_missing);
      g_ptr_array_add (lines, line);
    }
  return lines;
}

/* By rank, those without one last, in their order among equals. */
static int
compare_lines (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const LedgerScoreLine *x = *(LedgerScoreLine **) a, *y = *(LedgerScoreLine **) b;
  GHashTable *order = user_data;
  guint x_rank = x->rank > 0 ? x->rank : G_MAXUINT, y_rank = y->rank > 0 ? y->rank : G_MAXUINT;

  if (x_rank != y_rank)
    return x_rank < y_rank ? -1 : 1;
  return GPOINTER_TO_INT (g_hash_table_lookup (order, x)) - GPOINTER_TO_INT (g_hash_table_lookup (order, y));
}

static void
total_and_sort (LedgerScoreSheet *self,
                GPtrArray        *lines,
                GPtrArray        *adjustments)
{
  g_autoptr(GHashTable) order = g_hash_table_new (NULL, NULL);

  ledger_scoring_total (&self->scheme, lines, adjustments);
  for (guint i = 0; i < lines->len; i++)
    g_hash_table_insert (order, lines->pdata[i], GINT_TO_POINTER (i));
  g_ptr_array_sort_with_data (lines, compare_lines, order);
}

/**
 * ledger_score_sheet_new:
 *
 * Returns: (transfer full): @plan's score sheet as of the context's
 *   period, by its scheme, or by the default one if it has none
 *   (ledger_score_sheet_has_scheme())
 */
LedgerScoreSheet *
ledger_score_sheet_new (LedgerContext *context,
                        LedgerPlan    *plan)
{
  LedgerScoreSheet *self;
  LedgerStore *store;
  g_autoptr(GPtrArray) adjustments = NULL;
  gint64 plan_id;

  g_return_val_if_fail (LEDGER_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), NULL);

  self = g_object_new (LEDGER_TYPE_SCORE_SHEET, NULL);
  store = ledger_context_get_store (context);
  plan_id = ledger_node_get_id (LEDGER_NODE (plan));
  self->has_scheme = ledger_store_get_scoring_scheme (store, plan_id, &self->scheme);
  adjustments = ledger_context_get_as_of (context) != NULL
                ? ledger_store_list_score_adjustments (store, plan_id, ledger_context_get_as_of (context))
                : NULL;
  self->regions = region_lines (self, context, plan);
  self->units = unit_lines (self, context, plan);
  total_and_sort (self, self->regions, adjustments);
  total_and_sort (self, self->units, adjustments);
  return self;
}

gboolean
ledger_score_sheet_has_scheme (LedgerScoreSheet *self)
{
  g_return_val_if_fail (LEDGER_IS_SCORE_SHEET (self), FALSE);
  return self->has_scheme;
}

const LedgerScoringScheme *
ledger_score_sheet_get_scheme (LedgerScoreSheet *self)
{
  g_return_val_if_fail (LEDGER_IS_SCORE_SHEET (self), NULL);
  return &self->scheme;
}

/* Returns: (transfer none) (element-type LedgerScoreLine): the regions' lines, by rank */
GPtrArray *
ledger_score_sheet_get_regions (LedgerScoreSheet *self)
{
  g_return_val_if_fail (LEDGER_IS_SCORE_SHEET (self), NULL);
  return self->regions;
}

/* Returns: (transfer none) (element-type LedgerScoreLine): the units' lines, by rank */
GPtrArray *
ledger_score_sheet_get_units (LedgerScoreSheet *self)
{
  g_return_val_if_fail (LEDGER_IS_SCORE_SHEET (self), NULL);
  return self->units;
}

/* Returns: (transfer none) (nullable): the line of the region @code */
const LedgerScoreLine *
ledger_score_sheet_find_region (LedgerScoreSheet *self,
                                const char       *code)
{
  g_return_val_if_fail (LEDGER_IS_SCORE_SHEET (self), NULL);

  for (guint i = 0; i < self->regions->len; i++)
    {
      LedgerScoreLine *line = self->regions->pdata[i];

      if (g_strcmp0 (line->subject, code) == 0)
        return line;
    }
  return NULL;
}

static void
ledger_score_sheet_finalize (GObject *object)
{
  LedgerScoreSheet *self = LEDGER_SCORE_SHEET (object);

  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);

  G_OBJECT_CLASS (ledger_score_sheet_parent_class)->finalize (object);
}

static void
ledger_score_sheet_class_init (LedgerScoreSheetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ledger_score_sheet_finalize;
}

static void
ledger_score_sheet_init (LedgerScoreSheet *self)
{
  ledger_scoring_scheme_init_default (&self->scheme);
}
