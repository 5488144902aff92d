/* test-rank-rules.c: the rules of the regions' rankings and of 考核评分
 * (docs/regions.md, Rankings and Scoring), each number worked by hand in
 * the comment beside it.
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "ledger-rank-rules.h"
#include "ledger-scoring.h"

#define EPSILON 1e-9

static LedgerIndicator *
indicator_new (LedgerKind       kind,
               LedgerComparator comparator,
               LedgerBetter     better,
               double           target)
{
  return g_object_new (LEDGER_TYPE_INDICATOR, "kind", kind, "comparator", comparator,
                       "better", better, "target", target, "frequency", LEDGER_FREQUENCY_MONTHLY,
                       "unit", "万人", NULL);
}

/* value ÷ expected, 2 − value ÷ expected, 1 − |value − expected| ÷ |expected|. */
static void
test_score_directions (void)
{
  /* 45 of 50 due: 0.9 */
  g_assert_cmpfloat_with_epsilon (ledger_rank_score (LEDGER_BETTER_HIGHER, 45, 50), 0.9, EPSILON);
  /* PM2.5 33 against 30, lower better: 2 − 1.1 = 0.9; 27: 2 − 0.9 = 1.1 */
  g_assert_cmpfloat_with_epsilon (ledger_rank_score (LEDGER_BETTER_LOWER, 33, 30), 0.9, EPSILON);
  g_assert_cmpfloat_with_epsilon (ledger_rank_score (LEDGER_BETTER_LOWER, 27, 30), 1.1, EPSILON);
  /* 稳定在 1.7 左右: 1.9 and 1.5 are both 0.2 off, 1 − 0.2/1.7 */
  g_assert_cmpfloat_with_epsilon (ledger_rank_score (LEDGER_BETTER_NONE, 1.9, 1.7), 1 - 0.2 / 1.7, EPSILON);
  g_assert_cmpfloat_with_epsilon (ledger_rank_score (LEDGER_BETTER_NONE, 1.5, 1.7), 1 - 0.2 / 1.7, EPSILON);
  /* Nothing due, no figure: no score */
  g_assert_true (isnan (ledger_rank_score (LEDGER_BETTER_HIGHER, 5, 0)));
  g_assert_true (isnan (ledger_rank_score (LEDGER_BETTER_HIGHER, NAN, 5)));
}

/* Through the progress rules: a cumulative figure against its 序时进度. */
static void
test_score_of_progress (void)
{
  LedgerTolerances tolerances;
  g_autoptr(LedgerIndicator) jobs = indicator_new (LEDGER_KIND_CUMULATIVE, LEDGER_COMPARATOR_AT_LEAST,
                                                   LEDGER_BETTER_HIGHER, 1.2);
  g_autoptr(LedgerIndicator) pm25 = indicator_new (LEDGER_KIND_LEVEL, LEDGER_COMPARATOR_AT_MOST,
                                                   LEDGER_BETTER_HIGHER, 30);
  g_autoptr(LedgerIndicator) coal = indicator_new (LEDGER_KIND_RATE, LEDGER_COMPARATOR_ABOUT,
                                                   LEDGER_BETTER_NONE, 6);
  g_autoptr(LedgerIndicator) plan = indicator_new (LEDGER_KIND_QUALITATIVE, LEDGER_COMPARATOR_NONE,
                                                   LEDGER_BETTER_NONE, 0);
  g_autoptr(LedgerIndicator) copy = NULL;
  g_autoptr(LedgerValue) jobs_june = ledger_value_new (1, "2026-06", 0.66, "", "");
  g_autoptr(LedgerValue) pm25_june = ledger_value_new (2, "2026-06", 36, "", "");
  g_autoptr(LedgerValue) coal_june = ledger_value_new (3, "2026-06", 6.3, "", "");
  g_autoptr(LedgerValue) plan_june = ledger_value_new_status (4, "2026-06", "done", "", "");
  LedgerProgress progress;

  ledger_tolerances_init_default (&tolerances);
  /* 1.2 万人 a year, 6/12 due by June: 0.6; 0.66 ÷ 0.6 = 1.1 */
  progress = ledger_progress_evaluate (jobs, jobs_june, "2026-06", &tolerances);
  g_assert_cmpfloat_with_epsilon (ledger_rank_score_of (jobs, jobs_june, &progress), 1.1, EPSILON);
  /* The same figure against a region's target of 1.32: 0.66 due, 1.0 */
  copy = ledger_indicator_copy_with_target (jobs, 1.32);
  g_assert_cmpfloat_with_epsilon (ledger_indicator_get_target (copy), 1.32, EPSILON);
  g_assert_cmpint (ledger_indicator_get_kind (copy), ==, LEDGER_KIND_CUMULATIVE);
  g_assert_cmpstr (ledger_indicator_get_unit (copy), ==, "万人");
  progress = ledger_progress_evaluate (copy, jobs_june, "2026-06", &tolerances);
  g_assert_cmpfloat_with_epsilon (ledger_rank_score_of (copy, jobs_june, &progress), 1.0, EPSILON);
  /* at_most makes lower better whatever `better` says: 2 − 36/30 = 0.8 */
  progress = ledger_progress_evaluate (pm25, pm25_june, "2026-06", &tolerances);
  g_assert_cmpfloat_with_epsilon (ledger_rank_score_of (pm25, pm25_june, &progress), 0.8, EPSILON);
  /* 6% 左右, two-sided: 1 − 0.3/6 = 0.95 */
  progress = ledger_progress_evaluate (coal, coal_june, "2026-06", &tolerances);
  g_assert_cmpfloat_with_epsilon (ledger_rank_score_of (coal, coal_june, &progress), 0.95, EPSILON);
  /* Qualitative indicators are not ranked, and no figure has no score */
  progress = ledger_progress_evaluate (plan, plan_june, "2026-06", &tolerances);
  g_assert_true (isnan (ledger_rank_score_of (plan, plan_june, &progress)));
  progress = ledger_progress_evaluate (jobs, NULL, "2026-06", &tolerances);
  g_assert_true (isnan (ledger_rank_score_of (jobs, NULL, &progress)));
}

/* Equal to 4 decimals is a tie: 1, 2, 2, 4; no figure is rank 0, last. */
static void
test_ties_and_missing (void)
{
  /* 1.10004 and 1.10001 both round to 1.1000: tied second behind 1.2;
   * 0.9 is fourth, as two are ahead of it at second; NAN has no rank. */
  double scores[] = { 0.9, 1.10004, NAN, 1.2, 1.10001 };
  guint ranks[G_N_ELEMENTS (scores)];
  guint expected[] = { 4, 2, 0, 1, 2 };
  /* 0.98766 → 0.9877 and 0.98774 → 0.9877: a tie; 0.98756 → 0.9876 below */
  double close[] = { 0.98766, 0.98774, 0.98756 };
  guint close_ranks[3];

  ledger_rank_assign (scores, G_N_ELEMENTS (scores), ranks);
  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    g_assert_cmpuint (ranks[i], ==, expected[i]);
  ledger_rank_assign (close, 3, close_ranks);
  g_assert_cmpuint (close_ranks[0], ==, 1);
  g_assert_cmpuint (close_ranks[1], ==, 1);
  g_assert_cmpuint (close_ranks[2], ==, 3);
}

/* Σ wᵢ·min(scoreᵢ, 1.2) ÷ Σ wᵢ, a missing figure counting 0. */
static void
test_composite (void)
{
  /* Weights 2, 1, 1; scores 1.5 (counts 1.2), 0.8, none:
   * (2 × 1.2 + 1 × 0.8 + 1 × 0) ÷ 4 = 3.2 ÷ 4 = 0.8, one missing */
  double scores[] = { 1.5, 0.8, NAN };
  double weights[] = { 2, 1, 1 };
  /* A weight of 0 leaves an indicator out: (1 × 0.8) ÷ 1 */
  double zero_first[] = { 0, 1, 0 };
  guint n_missing = 99;

  g_assert_cmpfloat_with_epsilon (ledger_rank_weighted_mean (scores, weights, 3, LEDGER_RANK_SCORE_CAP,
                                                             &n_missing), 0.8, EPSILON);
  g_assert_cmpuint (n_missing, ==, 1);
  g_assert_cmpfloat_with_epsilon (ledger_rank_weighted_mean (scores, zero_first, 3, LEDGER_RANK_SCORE_CAP,
                                                             NULL), 0.8, EPSILON);
  /* No weight at all: no composite */
  g_assert_true (isnan (ledger_rank_weighted_mean (scores, (double[]) { 0, 0, 0 }, 3, 1.2, NULL)));
}

/* More than 0.005 from the city's score is above or below. */
static void
test_band (void)
{
  g_assert_cmpint (ledger_rank_band (1.006, 1.0), ==, LEDGER_RANK_BAND_ABOVE);
  g_assert_cmpint (ledger_rank_band (1.005, 1.0), ==, LEDGER_RANK_BAND_LEVEL);
  g_assert_cmpint (ledger_rank_band (0.995, 1.0), ==, LEDGER_RANK_BAND_LEVEL);
  g_assert_cmpint (ledger_rank_band (0.994, 1.0), ==, LEDGER_RANK_BAND_BELOW);
  g_assert_cmpint (ledger_rank_band (NAN, 1.0), ==, LEDGER_RANK_BAND_NONE);
  g_assert_cmpint (ledger_rank_band (1.0, NAN), ==, LEDGER_RANK_BAND_NONE);
  g_assert_cmpstr (ledger_rank_band_to_string (LEDGER_RANK_BAND_BELOW), ==, "below");
}

/* The same length, one step back, inside the plan's years. */
static void
test_previous_period (void)
{
  struct { const char *as_of; const char *previous; } cases[] = {
    { "2026-06", "2026-05" }, { "2026-Q2", "2026-Q1" }, { "2027-01", "2026-12" },
    { "2027-Q1", "2026-Q4" }, { "2027", "2026" },
    /* the plan's first period has none */
    { "2026-01", NULL }, { "2026-Q1", NULL }, { "2026", NULL }, { "nonsense", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *previous = ledger_rank_previous_period (cases[i].as_of, 2026, 2027);

      g_assert_cmpstr (previous, ==, cases[i].previous);
    }
}

/* 60 for completion, 20 for first, 1.5 less a place (docs/regions.md). */
static void
test_scoring (void)
{
  LedgerScoringScheme scheme;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_score_line_free);
  g_autoptr(GPtrArray) adjustments = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_score_adjustment_free);
  LedgerScoreLine *a, *b, *c;
  double weights[] = { 2, 1 };

  ledger_scoring_scheme_init_default (&scheme);
  g_assert_cmpfloat (ledger_scoring_rank_points (&scheme, 1), ==, 20);
  g_assert_cmpfloat (ledger_scoring_rank_points (&scheme, 3), ==, 17);   /* 20 − 2 × 1.5 */
  g_assert_cmpfloat (ledger_scoring_rank_points (&scheme, 15), ==, 0);   /* 20 − 21, not below 0 */
  g_assert_cmpfloat (ledger_scoring_rank_points (&scheme, 0), ==, 0);

  a = ledger_score_line_new (LEDGER_SCORE_REGION, "A", "甲区");
  b = ledger_score_line_new (LEDGER_SCORE_REGION, "B", "乙县");
  c = ledger_score_line_new (LEDGER_SCORE_REGION, "C", "丙县");
  g_ptr_array_add (lines, a);
  g_ptr_array_add (lines, b);
  g_ptr_array_add (lines, c);
  /* A: 1.5 → 1.2 and 0.9: (2 × 1.2 + 0.9) ÷ 3 = 1.1; 60 × 1.1 = 66 */
  ledger_score_line_set_scores (a, &scheme, (double[]) { 1.5, 0.9 }, weights, 2);
  /* B: 1.0 and 1.0: 1.0; 60 */
  ledger_score_line_set_scores (b, &scheme, (double[]) { 1.0, 1.0 }, weights, 2);
  /* C: no figure for the first: (0 + 0.9) ÷ 3 = 0.3; 18, one missing */
  ledger_score_line_set_scores (c, &scheme, (double[]) { NAN, 0.9 }, weights, 2);
  g_assert_cmpfloat_with_epsilon (a->completion, 66, EPSILON);
  g_assert_cmpfloat_with_epsilon (c->completion, 18, EPSILON);
  g_assert_cmpuint (c->n_missing, ==, 1);

  /* B has 扣分 7 for a late report: 60 + 18.5 − 7 = 71.5; A 66 + 20 + 2 */
  g_ptr_array_add (adjustments, ledger_score_adjustment_new ("2026-06", LEDGER_SCORE_REGION, "B", -7, "迟报"));
  g_ptr_array_add (adjustments, ledger_score_adjustment_new ("2026-06", LEDGER_SCORE_REGION, "A", 2, "创新"));
  g_ptr_array_add (adjustments, ledger_score_adjustment_new ("2026-06", LEDGER_SCORE_UNIT, "C", 50, "a unit"));
  ledger_scoring_total (&scheme, lines, adjustments);
  g_assert_cmpuint (a->score_rank, ==, 1);
  g_assert_cmpuint (b->score_rank, ==, 2);
  g_assert_cmpuint (c->score_rank, ==, 3);
  g_assert_cmpfloat_with_epsilon (a->total, 66 + 20 + 2, EPSILON);
  g_assert_cmpfloat_with_epsilon (b->total, 60 + 18.5 - 7, EPSILON);
  /* C: 18 + 17, the unit's adjustment of the same name is not its own */
  g_assert_cmpfloat_with_epsilon (c->adjustments, 0, EPSILON);
  g_assert_cmpfloat_with_epsilon (c->total, 35, EPSILON);
  g_assert_cmpuint (a->rank, ==, 1);
  g_assert_cmpuint (b->rank, ==, 2);
  g_assert_cmpuint (c->rank, ==, 3);
}

static void
test_scheme_check (void)
{
  LedgerScoringScheme scheme;
  g_autoptr(GError) error = NULL;

  ledger_scoring_scheme_init_default (&scheme);
  g_assert_true (ledger_scoring_scheme_check (&scheme, NULL));
  scheme.rank_step = -1;
  g_assert_false (ledger_scoring_scheme_check (&scheme, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  ledger_scoring_scheme_init_default (&scheme);
  scheme.cap = 0.5;
  g_assert_false (ledger_scoring_scheme_check (&scheme, &error));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rank-rules/score/directions", test_score_directions);
  g_test_add_func ("/rank-rules/score/progress", test_score_of_progress);
  g_test_add_func ("/rank-rules/ties-and-missing", test_ties_and_missing);
  g_test_add_func ("/rank-rules/composite", test_composite);
  g_test_add_func ("/rank-rules/band", test_band);
  g_test_add_func ("/rank-rules/previous-period", test_previous_period);
  g_test_add_func ("/scoring/total", test_scoring);
  g_test_add_func ("/scoring/scheme-check", test_scheme_check);

  return g_test_run ();
}
