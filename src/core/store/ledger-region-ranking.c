/* ledger-region-ranking.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-region-ranking"

#include "config.h"

#include <math.h>

#include "ledger-region-ranking.h"
#include "ledger-store-scoring.h"

/* The regions of a plan ranked on one indicator, or on all of them
 * weighted (the composite), as of the context's "as of" period: the
 * figures and targets gathered from the store, scored and ranked by the
 * rules of ledger-rank-rules.c (docs/regions.md, Rankings). */

struct _LedgerRegionRanking
{
  GObject  parent_instance;

  GArray  *rows;        /* of LedgerRankRow, in their order */
  double   city_score;
  char    *as_of;
  char    *previous;
};

G_DEFINE_FINAL_TYPE (LedgerRegionRanking, ledger_region_ranking, G_TYPE_OBJECT)

/* An indicator a ranking scores, with what it needs of the store. */
typedef struct
{
  LedgerIndicator *indicator;
  GPtrArray       *targets;   /* of LedgerRegionTarget */
  double           weight;
  gboolean         included;  /* the composite counts it as of the period last ranked */
} Ranked;

/* What a ranking is made from. */
typedef struct
{
  LedgerContext *context;
  LedgerStore   *store;
  LedgerPlan    *plan;
  GPtrArray     *regions;     /* of LedgerRegion */
  GArray        *ranked;      /* of Ranked */
  GHashTable    *targets;     /* indicator id → its region targets, read at once */
  GHashTable    *weights;     /* indicator id → its weight if not 1 */
  gboolean       composite;
  double         cap;         /* a composite counts each score up to this */
} Sources;

typedef GArray *(*RowsFunc) (Sources    *sources,
                             const char *as_of);

static void
ranked_clear (Ranked *ranked)
{
  g_clear_object (&ranked->indicator);
  g_clear_pointer (&ranked->targets, g_ptr_array_unref);
}

static void
row_clear (LedgerRankRow *row)
{
  g_clear_pointer (&row->region, g_free);
  g_clear_pointer (&row->name, g_free);
  g_clear_pointer (&row->period, g_free);
}

static GArray *
rows_new (void)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (LedgerRankRow));

  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);
  return rows;
}

static void
sources_free (Sources *sources)
{
  g_clear_pointer (&sources->regions, g_ptr_array_unref);
  g_clear_pointer (&sources->ranked, g_array_unref);
  g_clear_pointer (&sources->targets, g_hash_table_unref);
  g_clear_pointer (&sources->weights, g_hash_table_unref);
  g_free (sources);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sources, sources_free)

static Sources *
sources_new (LedgerContext *context,
             LedgerPlan    *plan,
             gboolean       composite)
{
  Sources *sources = g_new0 (Sources, 1);

  sources->context = context;
  sources->store = ledger_context_get_store (context);
  sources->plan = plan;
  sources->regions = ledger_store_list_regions (sources->store, plan);
  if (sources->regions == NULL)
    sources->regions = g_ptr_array_new ();
  /* Read for the whole plan at once: on the office's server, one
   * reading per indicator would be a round trip each. */
  sources->targets = ledger_store_list_plan_region_targets (sources->store, plan);
  sources->weights = composite ? ledger_store_list_ranking_weights (sources->store,
                                                                   ledger_node_get_id (LEDGER_NODE (plan)))
                               : NULL;
  sources->ranked = g_array_new (FALSE, TRUE, sizeof (Ranked));
  g_array_set_clear_func (sources->ranked, (GDestroyNotify) ranked_clear);
  sources->composite = composite;
  sources->cap = LEDGER_RANK_SCORE_CAP;
  return sources;
}

/* Qualitative indicators are not ranked. */
static void
sources_add (Sources         *sources,
             LedgerIndicator *indicator,
             double           weight)
{
  gint64 id = ledger_indicator_get_id (indicator);
  GPtrArray *targets = g_hash_table_lookup (sources->targets, &id);
  Ranked ranked = { 0 };

  if (ledger_indicator_get_kind (indicator) == LEDGER_KIND_QUALITATIVE)
    return;
  ranked.indicator = g_object_ref (indicator);
  ranked.targets = targets != NULL ? g_ptr_array_ref (targets) : ledger_region_targets_new ();
  ranked.weight = weight;
  g_array_append_val (sources->ranked, ranked);
}

static void
add_indicator_cb (LedgerNode      *area,
                  LedgerNode      *task,
                  LedgerIndicator *indicator,
                  gpointer         user_data)
{
  Sources *sources = user_data;
  gint64 id = ledger_indicator_get_id (indicator);
  const double *stored = g_hash_table_lookup (sources->weights, &id);
  double weight = stored != NULL ? *stored : 1;

  /* A weight of 0 takes an indicator out of the composite. */
  if (weight > 0)
    sources_add (sources, indicator, weight);
}

static char *
figure_key (gint64      indicator_id,
            const char *region)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%s", indicator_id, region);
}

static GHashTable *
figures_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

static void
figures_add (GHashTable  *figures,
             LedgerValue *value)
{
  const char *region = ledger_value_get_region (value);

  /* The city's own figure ("") is the city's, not a region's. */
  if (region == NULL || *region == '\0')
    return;
  g_hash_table_replace (figures, figure_key (ledger_value_get_indicator_id (value), region),
                        g_object_ref (value));
}

/* Every region's latest figure of every indicator of the plan, at once. */
static GHashTable *
figures_of_plan (Sources            *sources,
                 const LedgerPeriod *as_of)
{
  g_autoptr(GPtrArray) values = ledger_store_list_latest_region_values (sources->store, sources->plan, as_of);
  GHashTable *figures = figures_new ();

  for (guint i = 0; values != NULL && i < values->len; i++)
    figures_add (figures, values->pdata[i]);
  return figures;
}

/* Each region's latest figure of one indicator. */
static GHashTable *
figures_of_indicator (Sources            *sources,
                      LedgerIndicator    *indicator,
                      const LedgerPeriod *as_of)
{
  GHashTable *figures = figures_new ();

  for (guint i = 0; i < sources->regions->len; i++)
    {
      LedgerRegion *region = sources->regions->pdata[i];
      g_autoptr(LedgerValue) value =
        ledger_store_get_latest_region_value_until (sources->store, ledger_indicator_get_id (indicator),
                                                    region->code, as_of);

      if (value != NULL)
        {
          /* Whatever the store says, it is this region's figure. */
          ledger_value_set_region (value, region->code);
          figures_add (figures, value);
        }
    }
  return figures;
}

static LedgerValue *
find_figure (GHashTable      *figures,
             LedgerIndicator *indicator,
             const char      *region)
{
  g_autofree char *key = figure_key (ledger_indicator_get_id (indicator), region);

  return g_hash_table_lookup (figures, key);
}

/* A region's target: its own, or for a rate or a level the city's; a
 * total split to other regions and not to this one is not ranked for it,
 * nor is anything against a target of 0. */
static gboolean
region_target (Ranked     *ranked,
               const char *region,
               double     *target)
{
  LedgerKind kind = ledger_indicator_get_kind (ranked->indicator);

  *target = ledger_region_targets_lookup (ranked->targets, region);
  if (!isfinite (*target) && kind != LEDGER_KIND_CUMULATIVE)
    *target = ledger_indicator_get_target (ranked->indicator);
  return isfinite (*target) && *target != 0;
}

/* What is due by @as_of from a region without a figure: its target by
 * the indicator's profile (序时进度 for a total) as of its own period
 * (一季度 for a quarterly one as of May); NAN before its first. */
static double
due_by (LedgerIndicator *indicator,
        const char      *as_of)
{
  g_autofree char *own = ledger_progress_indicator_period (indicator, as_of);
  LedgerPeriod period;

  if (own == NULL || !ledger_period_parse (own, &period))
    return NAN;
  return ledger_indicator_get_target (indicator) *
         ledger_progress_due_share (indicator, ledger_period_end_month (&period), NULL, NULL);
}

/* A region's row for one indicator: its figure judged against its own
 * target by the city's rules. */
static void
score_row (LedgerRankRow          *row,
           Ranked                 *ranked,
           LedgerValue            *value,
           const char             *as_of,
           const LedgerTolerances *tolerances)
{
  g_autoptr(LedgerIndicator) copy = ledger_indicator_copy_with_target (ranked->indicator, row->target);
  LedgerProgress progress = ledger_progress_evaluate (copy, value, as_of, tolerances);

  row->value = value != NULL && ledger_value_has_number (value) ? ledger_value_get_number (value) : NAN;
  row->period = value != NULL ? g_strdup (ledger_value_get_period (value)) : NULL;
  row->expected = value != NULL ? progress.expected : due_by (copy, as_of);
  row->score = ledger_rank_score_of (copy, value, &progress);
  row->status = progress.status;
}

static LedgerRankRow
row_for_region (LedgerRegion *region)
{
  return (LedgerRankRow) {
    .region = g_strdup (region->code), .name = g_strdup (region->name),
    .value = NAN, .target = NAN, .expected = NAN, .score = NAN,
    .band = LEDGER_RANK_BAND_NONE, .status = LEDGER_STATUS_NO_DATA,
  };
}

static GArray *
indicator_rows (Sources    *sources,
                const char *as_of)
{
  Ranked *ranked = &g_array_index (sources->ranked, Ranked, 0);
  const LedgerTolerances *tolerances = ledger_context_get_tolerances (sources->context);
  g_autoptr(GHashTable) figures = NULL;
  GArray *rows = rows_new ();
  LedgerPeriod period;

  if (!ledger_period_parse (as_of, &period))
    return rows;
  figures = figures_of_indicator (sources, ranked->indicator, &period);
  for (guint i = 0; i < sources->regions->len; i++)
    {
      LedgerRegion *region = sources->regions->pdata[i];
      LedgerRankRow row = row_for_region (region);

      if (!region_target (ranked, region->code, &row.target))
        {
          row_clear (&row);
          continue;
        }
      score_row (&row, ranked, find_figure (figures, ranked->indicator, region->code), as_of, tolerances);
      g_array_append_val (rows, row);
    }
  return rows;
}

/* The composite counts an indicator once a region has a figure for it:
 * an annual total in June weighs on no one. */
static void
mark_included (Sources    *sources,
               GHashTable *figures)
{
  for (guint i = 0; i < sources->ranked->len; i++)
    {
      Ranked *ranked = &g_array_index (sources->ranked, Ranked, i);

      ranked->included = FALSE;
      for (guint j = 0; !ranked->included && j < sources->regions->len; j++)
        ranked->included = find_figure (figures, ranked->indicator,
                                        ((LedgerRegion *) sources->regions->pdata[j])->code) != NULL;
    }
}

/* A region's composite: the weighted mean of its scores on the indicators
 * counted that it has a target for; none without a single figure. */
static void
composite_row (Sources       *sources,
               LedgerRankRow *row,
               GHashTable    *figures,
               const char    *as_of)
{
  const LedgerTolerances *tolerances = ledger_context_get_tolerances (sources->context);
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) weights = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < sources->ranked->len; i++)
    {
      Ranked *ranked = &g_array_index (sources->ranked, Ranked, i);
      LedgerRankRow cell = { 0 };

      if (!ranked->included || !region_target (ranked, row->region, &cell.target))
        continue;
      score_row (&cell, ranked, find_figure (figures, ranked->indicator, row->region), as_of, tolerances);
      g_array_append_val (scores, cell.score);
      g_array_append_val (weights, ranked->weight);
      row_clear (&cell);
    }
  row->score = ledger_rank_weighted_mean ((double *) scores->data, (double *) weights->data, scores->len,
                                          sources->cap, &row->n_missing);
  if (row->n_missing == scores->len)
    row->score = NAN;
}

static GArray *
composite_rows (Sources    *sources,
                const char *as_of)
{
  g_autoptr(GHashTable) figures = NULL;
  GArray *rows = rows_new ();
  LedgerPeriod period;

  if (!ledger_period_parse (as_of, &period))
    return rows;
  figures = figures_of_plan (sources, &period);
  mark_included (sources, figures);
  for (guint i = 0; i < sources->regions->len; i++)
    {
      LedgerRankRow row = row_for_region (sources->regions->pdata[i]);

      composite_row (sources, &row, figures, as_of);
      g_array_append_val (rows, row);
    }
  return rows;
}

static double
city_score_of (Sources *sources,
               Ranked  *ranked)
{
  g_autoptr(LedgerValue) value = NULL;
  LedgerProgress progress = ledger_context_evaluate (sources->context, ranked->indicator, &value);

  return ledger_rank_score_of (ranked->indicator, value, &progress);
}

/* The city's score the regions' are banded against: from its own figure
 * (or the regions' sum) and its target; the composite's over the
 * indicators the regions' composite counted that the city has a figure
 * for (a rate is not summed from the regions': the city's may come later,
 * and is no zero meanwhile). */
static double
city_score (Sources *sources)
{
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) weights = g_array_new (FALSE, FALSE, sizeof (double));

  if (!sources->composite)
    return sources->ranked->len > 0 ? city_score_of (sources, &g_array_index (sources->ranked, Ranked, 0)) : NAN;
  for (guint i = 0; i < sources->ranked->len; i++)
    {
      Ranked *ranked = &g_array_index (sources->ranked, Ranked, i);
      double score;

      if (!ranked->included || isnan (score = city_score_of (sources, ranked)))
        continue;
      g_array_append_val (scores, score);
      g_array_append_val (weights, ranked->weight);
    }
  return ledger_rank_weighted_mean ((double *) scores->data, (double *) weights->data, scores->len,
                                    sources->cap, NULL);
}

static void
assign_ranks (GArray *rows)
{
  g_autofree double *scores = g_new0 (double, MAX (rows->len, 1));
  g_autofree guint *ranks = g_new0 (guint, MAX (rows->len, 1));

  for (guint i = 0; i < rows->len; i++)
    scores[i] = g_array_index (rows, LedgerRankRow, i).score;
  ledger_rank_assign (scores, rows->len, ranks);
  for (guint i = 0; i < rows->len; i++)
    g_array_index (rows, LedgerRankRow, i).rank = ranks[i];
}

/* 争先进位: places gained since the previous period, for a region ranked
 * in both. */
static void
add_changes (GArray *rows,
             GArray *previous)
{
  for (guint i = 0; i < rows->len; i++)
    {
      LedgerRankRow *row = &g_array_index (rows, LedgerRankRow, i);

      for (guint j = 0; j < previous->len; j++)
        {
          LedgerRankRow *before = &g_array_index (previous, LedgerRankRow, j);

          if (g_str_equal (before->region, row->region) && before->rank > 0 && row->rank > 0)
            {
              row->has_change = TRUE;
              row->change = (int) before->rank - (int) row->rank;
            }
        }
    }
}

/* Ranked first, in rank order; then the regions without a figure; in
 * the plan's order among equals (g_array_sort is not stable: the index
 * decides). */
static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const LedgerRankRow *x = a, *y = b;
  GHashTable *order = user_data;
  guint x_rank = x->rank > 0 ? x->rank : G_MAXUINT, y_rank = y->rank > 0 ? y->rank : G_MAXUINT;

  if (x_rank != y_rank)
    return x_rank < y_rank ? -1 : 1;
  return GPOINTER_TO_INT (g_hash_table_lookup (order, x->region)) -
         GPOINTER_TO_INT (g_hash_table_lookup (order, y->region));
}

static void
sort_rows (GArray    *rows,
           GPtrArray *regions)
{
  g_autoptr(GHashTable) order = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < regions->len; i++)
    g_hash_table_insert (order, ((LedgerRegion *) regions->pdata[i])->code, GINT_TO_POINTER (i));
  g_array_sort_with_data (rows, compare_rows, order);
}

static LedgerRegionRanking *
ranking_new (Sources  *sources,
             RowsFunc  rows_of)
{
  LedgerRegionRanking *self = g_object_new (LEDGER_TYPE_REGION_RANKING, NULL);
  const char *as_of = ledger_context_get_as_of (sources->context);

  self->as_of = g_strdup (as_of);
  if (as_of != NULL)
    {
      g_array_unref (self->rows);
      self->rows = rows_of (sources, as_of);
    }
  assign_ranks (self->rows);
  /* Before the previous period's ranking marks its own indicators. */
  self->city_score = city_score (sources);
  for (guint i = 0; i < self->rows->len; i++)
    {
      LedgerRankRow *row = &g_array_index (self->rows, LedgerRankRow, i);

      row->band = ledger_rank_band (row->score, self->city_score);
    }
  if (as_of == NULL)
    return self;
  self->previous = ledger_rank_previous_period (as_of, ledger_plan_get_first_year (sources->plan),
                                                ledger_plan_get_last_year (sources->plan));
  if (self->previous != NULL)
    {
      g_autoptr(GArray) previous = rows_of (sources, self->previous);

      assign_ranks (previous);
      add_changes (self->rows, previous);
    }
  sort_rows (self->rows, sources->regions);
  return self;
}

/**
 * ledger_region_ranking_new_for_indicator:
 *
 * Returns: (transfer full): the regions that have a target for
 *   @indicator (their own, or the city's for a rate or a level), ranked by
 *   their figures as of the context's "as of" period; none for a
 *   qualitative indicator
 */
static LedgerRegionRanking *
for_indicator (LedgerContext   *context,
               LedgerPlan      *plan,
               LedgerIndicator *indicator)
{
  g_autoptr(Sources) sources = sources_new (context, plan, FALSE);
  sources_add (sources, indicator, 1);
  if (sources->ranked->len == 0)
    {
      LedgerRegionRanking *self = g_object_new (LEDGER_TYPE_REGION_RANKING, NULL);

      self->as_of = g_strdup (ledger_context_get_as_of (context));
      return self;
    }
  return ranking_new (sources, indicator_rows);
}

/* A ranking is worked out once for its key: the context keeps it until a
 * figure, a plan or the tolerances change. */
static LedgerRegionRanking *
kept_or_new (LedgerContext       *context,
             const char          *key,
             LedgerRegionRanking *(*work_out) (LedgerContext *, LedgerPlan *, gpointer),
             LedgerPlan          *plan,
             gpointer             what)
{
  GObject *kept = ledger_context_lookup_derived (context, key);
  LedgerRegionRanking *ranking;

  if (kept != NULL)
    return g_object_ref (LEDGER_REGION_RANKING (kept));
  ranking = work_out (context, plan, what);
  ledger_context_keep_derived (context, key, G_OBJECT (ranking));
  return ranking;
}

static LedgerRegionRanking *
work_out_for_indicator (LedgerContext *context,
                        LedgerPlan    *plan,
                        gpointer       indicator)
{
  return for_indicator (context, plan, indicator);
}

LedgerRegionRanking *
ledger_region_ranking_new_for_indicator (LedgerContext   *context,
                                         LedgerPlan      *plan,
                                         LedgerIndicator *indicator)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (LEDGER_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), NULL);
  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), NULL);

  key = g_strdup_printf ("ranking/indicator/%" G_GINT64_FORMAT "/%s", ledger_indicator_get_id (indicator),
                         ledger_context_get_as_of (context) != NULL ? ledger_context_get_as_of (context) : "");
  return kept_or_new (context, key, work_out_for_indicator, plan, indicator);
}

/**
 * ledger_region_ranking_new_composite:
 *
 * Returns: (transfer full): every region of @plan ranked by its weighted
 *   mean score on the plan's ranked indicators (ledger_rank_weighted_mean())
 */
LedgerRegionRanking *
ledger_region_ranking_new_composite (LedgerContext *context,
                                     LedgerPlan    *plan)
{
  return ledger_region_ranking_new_composite_capped (context, plan, LEDGER_RANK_SCORE_CAP);
}

/**
 * ledger_region_ranking_new_composite_capped:
 * @cap: no score counts for more than this (a scoring scheme's cap)
 *
 * Returns: (transfer full): the composite ranking of @plan's regions
 */
static LedgerRegionRanking *
work_out_composite (LedgerContext *context,
                    LedgerPlan    *plan,
                    gpointer       cap)
{
  g_autoptr(Sources) sources = sources_new (context, plan, TRUE);

  sources->cap = *(double *) cap;
  ledger_plan_foreach_indicator (plan, add_indicator_cb, sources);
  return ranking_new (sources, composite_rows);
}

LedgerRegionRanking *
ledger_region_ranking_new_composite_capped (LedgerContext *context,
                                            LedgerPlan    *plan,
                                            double         cap)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (LEDGER_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), NULL);

  key = g_strdup_printf ("ranking/composite/%" G_GINT64_FORMAT "/%.17g/%s", ledger_node_get_id (LEDGER_NODE (plan)),
                         cap, ledger_context_get_as_of (context) != NULL ? ledger_context_get_as_of (context) : "");
  return kept_or_new (context, key, work_out_composite, plan, &cap);
}

guint
ledger_region_ranking_get_n_rows (LedgerRegionRanking *self)
{
  g_return_val_if_fail (LEDGER_IS_REGION_RANKING (self), 0);
  return self->rows->len;
}

/* Returns: (transfer none): the row @index, ranked first */
const LedgerRankRow *
ledger_region_ranking_get_row (LedgerRegionRanking *self,
                               guint                index)
{
  g_return_val_if_fail (LEDGER_IS_REGION_RANKING (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return &g_array_index (self->rows, LedgerRankRow, index);
}

/* Returns: the city's score the bands compare with, NAN if it has none */
double
ledger_region_ranking_get_city_score (LedgerRegionRanking *self)
{
  g_return_val_if_fail (LEDGER_IS_REGION_RANKING (self), NAN);
  return self->city_score;
}

const char *
ledger_region_ranking_get_as_of (LedgerRegionRanking *self)
{
  g_return_val_if_fail (LEDGER_IS_REGION_RANKING (self), NULL);
  return self->as_of;
}

/* Returns: (nullable): the period the change is counted from, or %NULL */
const char *
ledger_region_ranking_get_previous (LedgerRegionRanking *self)
{
  g_return_val_if_fail (LEDGER_IS_REGION_RANKING (self), NULL);
  return self->previous;
}

static void
ledger_region_ranking_finalize (GObject *object)
{
  LedgerRegionRanking *self = LEDGER_REGION_RANKING (object);

  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->as_of, g_free);
  g_clear_pointer (&self->previous, g_free);

  G_OBJECT_CLASS (ledger_region_ranking_parent_class)->finalize (object);
}

static void
ledger_region_ranking_class_init (LedgerRegionRankingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ledger_region_ranking_finalize;
}

static void
ledger_region_ranking_init (LedgerRegionRanking *self)
{
  self->rows = rows_new ();
  self->city_score = NAN;
}
