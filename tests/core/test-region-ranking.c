/* test-region-ranking.c: the regions ranked from the ledger, the rankings'
 * weights, the scoring store and the score sheet (docs/regions.md,
 * Rankings and Scoring). The ledger and every figure's score are in
 * ranking-fixture.c; the ranks, composites and points are worked by hand
 * beside each check.
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "ledger-ranking-csv.h"
#include "ledger-region-ranking.h"
#include "ledger-score-sheet.h"
#include "ledger-store-scoring.h"
#include "ranking-fixture.h"
#include "test-util.h"

#define EPSILON 1e-9

typedef struct
{
  TestLedgerFiles  files;
  LedgerStore     *store;
  LedgerContext   *context;
  LedgerPlan      *plan;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  test_ledger_files_set_up (&fixture->files, data);
  fixture->store = ranking_fixture_create (fixture->files.path, CORE_TEST_DATA "/ranking-plan.json");
  fixture->context = ledger_context_new (fixture->store);
  ledger_context_set_as_of (fixture->context, "2026-06");
  fixture->plan = test_find_plan (fixture->store, RANKING_PLAN);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->plan);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->store);
  test_ledger_files_tear_down (&fixture->files, data);
}

static LedgerRegionRanking *
rank_indicator (Fixture    *fixture,
                const char *code)
{
  g_autoptr(LedgerIndicator) indicator = test_find_indicator (fixture->store, RANKING_PLAN, code);

  return ledger_region_ranking_new_for_indicator (fixture->context, fixture->plan, indicator);
}

/* The row @index is @region's, ranked @rank with @score. */
static const LedgerRankRow *
assert_row (LedgerRegionRanking *ranking,
            guint                index,
            const char          *region,
            guint                rank,
            double               score,
            LedgerRankBand       band)
{
  const LedgerRankRow *row = ledger_region_ranking_get_row (ranking, index);

  g_assert_cmpstr (row->region, ==, region);
  g_assert_cmpuint (row->rank, ==, rank);
  if (isnan (score))
    g_assert_true (isnan (row->score));
  else
    g_assert_cmpfloat_with_epsilon (row->score, score, EPSILON);
  g_assert_cmpint (row->band, ==, band);
  return row;
}

static void
assert_change (const LedgerRankRow *row,
               gboolean             has_change,
               int                  change)
{
  g_assert_cmpint (row->has_change, ==, has_change);
  if (has_change)
    g_assert_cmpint (row->change, ==, change);
}

/* jobs: A and C tie at 1.1 (0.22/0.2 and 0.165/0.15 are equal to 4
 * decimals), B third, D without a figure last; Z has no target. */
static void
test_cumulative (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LedgerRegionRanking) ranking = rank_indicator (fixture, "jobs");
  const LedgerRankRow *row;

  g_assert_cmpstr (ledger_region_ranking_get_as_of (ranking), ==, "2026-06");
  g_assert_cmpstr (ledger_region_ranking_get_previous (ranking), ==, "2026-05");
  /* The city: 0.6 of 0.6 due */
  g_assert_cmpfloat_with_epsilon (ledger_region_ranking_get_city_score (ranking), 1.0, EPSILON);
  g_assert_cmpuint (ledger_region_ranking_get_n_rows (ranking), ==, 4);
  row = assert_row (ranking, 0, "A", 1, 1.1, LEDGER_RANK_BAND_ABOVE);
  g_assert_cmpstr (row->name, ==, "甲区");
  g_assert_cmpfloat_with_epsilon (row->value, 0.22, EPSILON);
  g_assert_cmpstr (row->period, ==, "2026-06");
  g_assert_cmpfloat_with_epsilon (row->target, 0.4, EPSILON);
  g_assert_cmpfloat_with_epsilon (row->expected, 0.2, EPSILON);
  /* 0.22 is past the 0.2 due, short of 0.4: on track */
  g_assert_cmpint (row->status, ==, LEDGER_STATUS_ON_TRACK);
  /* May: B 1.2 first, C 1.0 second, A 0.9 third; June: A 1, C 1, B 3 */
  assert_change (row, TRUE, 3 - 1);
  row = assert_row (ranking, 1, "C", 1, 1.1, LEDGER_RANK_BAND_ABOVE);
  assert_change (row, TRUE, 2 - 1);
  /* B: 0.15 of 0.15, level with the city's 1.0 */
  row = assert_row (ranking, 2, "B", 3, 1.0, LEDGER_RANK_BAND_LEVEL);
  assert_change (row, TRUE, 1 - 3);
  row = assert_row (ranking, 3, "D", 0, NAN, LEDGER_RANK_BAND_NONE);
  g_assert_true (isnan (row->value));
  g_assert_null (row->period);
  g_assert_cmpint (row->status, ==, LEDGER_STATUS_NO_DATA);
  assert_change (row, FALSE, 0);
}

/* pm25, lower is better, the city's target for every region: 2 − v/30. */
static void
test_lower_is_better (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LedgerRegionRanking) ranking = rank_indicator (fixture, "pm25");
  const LedgerRankRow *row;

  g_assert_cmpuint (ledger_region_ranking_get_n_rows (ranking), ==, 5);
  /* D 24 → 1.2, A 27 → 1.1, B 30 → 1.0, C 33 → 0.9, Z 36 → 0.8 */
  row = assert_row (ranking, 0, "D", 1, 1.2, LEDGER_RANK_BAND_ABOVE);
  g_assert_cmpfloat_with_epsilon (row->target, 30, EPSILON);
  /* No region had a figure in May: no change to show */
  assert_change (row, FALSE, 0);
  assert_row (ranking, 1, "A", 2, 1.1, LEDGER_RANK_BAND_ABOVE);
  assert_row (ranking, 2, "B", 3, 1.0, LEDGER_RANK_BAND_LEVEL);
  assert_row (ranking, 3, "C", 4, 0.9, LEDGER_RANK_BAND_BELOW);
  row = assert_row (ranking, 4, "Z", 5, 0.8, LEDGER_RANK_BAND_BELOW);
  g_assert_cmpstr (row->name, ==, "高新区");
}

/* fai: D's own target of 8, the city's 6 for the others; C and D tie. */
static void
test_rate (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(LedgerRegionRanking) ranking = rank_indicator (fixture, "fai");
  const LedgerRankRow *row;

  /* The city: 6.3 / 6 = 1.05 */
  g_assert_cmpfloat_with_epsilon (ledger_region_ranking_get_city_score (ranking), 1.05, EPSILON);
  /* Z 7.2/6 = 1.2, A 6.6/6 = 1.1, C 6/6 and D 8/8 = 1.0, B 5.4/6 = 0.9 */
  assert_row (ranking, 0, "Z", 1, 1.2, LEDGER_RANK_BAND_ABOVE);
  /* 1.1 − 1.05 = 0.05 > 0.005 */
  assert_row (ranking, 1, "A", 2, 1.1, LEDGER_RANK_BAND_ABOVE);
  assert_row (ranking, 2, "C", 3, 1.0, LEDGER_RANK_BAND_BELOW);
  row = assert_row (ranking, 3, "D", 3, 1.0, LEDGER_RANK_BAND_BELOW);
  g_assert_cmpfloat_with_epsilon (row->target, 8, EPSILON);
  assert_row (ranking, 4, "B", 5, 0.9, LEDGER_RANK_BAND_BELOW);
}

static void
test_qualitative (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LedgerRegionRanking) ranking = rank_indicator (fixture, "binding");

  g_assert_cmpuint (ledger_region_ranking_get_n_rows (ranking), ==, 0);
}

/* Weights jobs 2, pm25 1, fai 1; a missing figure counts 0:
 *   A (2 × 1.1 + 1.1 + 1.1) / 4 = 1.1
 *   C (2 × 1.1 + 0.9 + 1.0) / 4 = 1.025
 *   Z (pm25 0.8 + fai 1.2) / 2 = 1.0 — no target of jobs
 *   B (2 × 1.0 + 1.0 + 0.9) / 4 = 0.975
 *   D (2 × 0 + 1.2 + 1.0) / 4 = 0.55, one missing
 *   city (2 × 1.0 + 1.0 + 1.05) / 4 = 1.0125
 * In May only jobs had figures: B 1.2, C 1.0, A 0.9; Z and D none. */
/* A ranking asked for again is the one worked out before, as of each
 * period, until a figure changes; then it is worked out anew. */
static void
test_kept_until_a_change (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(LedgerRegionRanking) first = rank_indicator (fixture, "jobs");
  g_autoptr(LedgerRegionRanking) again = rank_indicator (fixture, "jobs");
  g_autoptr(LedgerRegionRanking) composite = ledger_region_ranking_new_composite (fixture->context, fixture->plan);
  g_autoptr(LedgerRegionRanking) composite_again = NULL;
  g_autoptr(LedgerRegionRanking) may = NULL;
  g_autoptr(LedgerRegionRanking) june = NULL;
  g_autoptr(LedgerRegionRanking) after = NULL;
  gint64 jobs = test_indicator_id (fixture->store, RANKING_PLAN, "jobs");
  g_autoptr(LedgerValue) value = ledger_value_new (jobs, "2026-06", 0.1, "", "");

  g_assert_true (first == again);
  composite_again = ledger_region_ranking_new_composite (fixture->context, fixture->plan);
  g_assert_true (composite == composite_again);
  ledger_context_set_as_of (fixture->context, "2026-05");
  may = rank_indicator (fixture, "jobs");
  g_assert_true (may != first);
  g_assert_cmpstr (ledger_region_ranking_get_as_of (may), ==, "2026-05");
  ledger_context_set_as_of (fixture->context, "2026-06");
  june = rank_indicator (fixture, "jobs");
  g_assert_true (june == first);

  /* A's 0.22 of June becomes 0.1: A drops from first. */
  ledger_value_set_region (value, "A");
  g_assert_true (ledger_store_set_value (fixture->store, value, NULL));
  after = rank_indicator (fixture, "jobs");
  g_assert_true (after != first);
  g_assert_cmpstr (ledger_region_ranking_get_row (after, 0)->region, !=, "A");
}

static void
test_composite (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LedgerRegionRanking) ranking = ledger_region_ranking_new_composite (fixture->context, fixture->plan);
  const LedgerRankRow *row;

  g_assert_cmpfloat_with_epsilon (ledger_region_ranking_get_city_score (ranking), 1.0125, EPSILON);
  g_assert_cmpuint (ledger_region_ranking_get_n_rows (ranking), ==, 5);
  row = assert_row (ranking, 0, "A", 1, 1.1, LEDGER_RANK_BAND_ABOVE);
  g_assert_true (isnan (row->value));
  g_assert_cmpuint (row->n_missing, ==, 0);
  assert_change (row, TRUE, 3 - 1);
  row = assert_row (ranking, 1, "C", 2, 1.025, LEDGER_RANK_BAND_ABOVE);
  assert_change (row, TRUE, 0);
  row = assert_row (ranking, 2, "Z", 3, 1.0, LEDGER_RANK_BAND_BELOW);
  assert_change (row, FALSE, 0);
  row = assert_row (ranking, 3, "B", 4, 0.975, LEDGER_RANK_BAND_BELOW);
  assert_change (row, TRUE, 1 - 4);
  row = assert_row (ranking, 4, "D", 5, 0.55, LEDGER_RANK_BAND_BELOW);
  g_assert_cmpuint (row->n_missing, ==, 1);
  assert_change (row, FALSE, 0);
}

/* Weight 0 leaves jobs out: D (1.2 + 1.0) / 2 = 1.1 ties A (1.1 + 1.1) / 2. */
static void
test_weights (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 jobs = test_indicator_id (fixture->store, RANKING_PLAN, "jobs");
  gint64 pm25 = test_indicator_id (fixture->store, RANKING_PLAN, "pm25");
  g_autoptr(LedgerRegionRanking) ranking = NULL;
  g_autoptr(LedgerIndicator) indicator = NULL;
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(LedgerChange) change = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpfloat (ledger_store_get_ranking_weight (fixture->store, jobs), ==, 2);
  g_assert_cmpfloat (ledger_store_get_ranking_weight (fixture->store, pm25), ==, 1);
  g_assert_false (ledger_store_set_ranking_weight (fixture->store, pm25, -1, &error));
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ledger_store_set_ranking_weight (fixture->store, pm25, NAN, &error));
  g_clear_error (&error);
  g_assert_cmpfloat (ledger_store_get_ranking_weight (fixture->store, pm25), ==, 1);

  g_assert_true (ledger_store_set_ranking_weight (fixture->store, jobs, 0, &error));
  g_assert_no_error (error);
  ranking = ledger_region_ranking_new_composite (fixture->context, fixture->plan);
  assert_row (ranking, 0, "A", 1, 1.1, LEDGER_RANK_BAND_ABOVE);
  assert_row (ranking, 1, "D", 1, 1.1, LEDGER_RANK_BAND_ABOVE);
  g_assert_cmpuint (ledger_region_ranking_get_row (ranking, 1)->n_missing, ==, 0);

  /* Logged under the indicator, newest first: 2 → 0 */
  indicator = test_find_indicator (fixture->store, RANKING_PLAN, "jobs");
  changes = ledger_store_list_changes (fixture->store, ledger_indicator_get_uuid (indicator));
  change = g_list_model_get_item (changes, 0);
  g_assert_cmpstr (ledger_change_get_entity (change), ==, "ranking_weight");
  g_assert_cmpstr (ledger_change_get_old (change), ==, "{\"weight\":2}");
  g_assert_cmpstr (ledger_change_get_new (change), ==, "{\"weight\":0}");

  /* One step of undo: jobs weighs 2 again */
  test_undo (fixture->store);
  g_assert_cmpfloat (ledger_store_get_ranking_weight (fixture->store, jobs), ==, 2);
}

/* The scheme, and the adjustments by period. */
static void
test_scoring_store (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 plan_id = ledger_node_get_id (LEDGER_NODE (fixture->plan));
  g_autoptr(GPtrArray) june = ledger_store_list_score_adjustments (fixture->store, plan_id, "2026-06");
  g_autoptr(GPtrArray) all = ledger_store_list_score_adjustments (fixture->store, plan_id, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(LedgerScoreAdjustment) blank = ledger_score_adjustment_new ("2026-06", LEDGER_SCORE_REGION, "A", 3, " ");
  g_autoptr(LedgerScoreAdjustment) zero = ledger_score_adjustment_new ("2026-06", LEDGER_SCORE_REGION, "A", 0, "x");
  g_autoptr(GError) error = NULL;
  LedgerScoreAdjustment *first;
  LedgerScoringScheme scheme = { 50, 30, 2, 1.1 };

  g_assert_cmpuint (june->len, ==, 2);
  g_assert_cmpuint (all->len, ==, 3);
  first = june->pdata[0];
  g_assert_cmpstr (first->subject, ==, "B");
  g_assert_cmpint (first->kind, ==, LEDGER_SCORE_REGION);
  g_assert_cmpfloat (first->points, ==, -2);
  g_assert_cmpstr (first->reason, ==, "迟报");
  g_assert_cmpstr (first->created_at, !=, "");
  g_assert_cmpint (((LedgerScoreAdjustment *) june->pdata[1])->kind, ==, LEDGER_SCORE_UNIT);

  /* Without a reason, or of 0 points: refused, nothing written */
  g_assert_false (ledger_store_add_score_adjustment (fixture->store, plan_id, blank, &error));
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ledger_store_add_score_adjustment (fixture->store, plan_id, zero, &error));
  g_clear_error (&error);
  g_assert_true (ledger_store_remove_score_adjustment (fixture->store, first->id, &error));
  g_assert_no_error (error);
  g_assert_false (ledger_store_remove_score_adjustment (fixture->store, first->id, &error));
  g_clear_error (&error);
  after = ledger_store_list_score_adjustments (fixture->store, plan_id, NULL);
  g_assert_cmpuint (after->len, ==, 2);
  /* Undone: B's 扣分 is back, under its id */
  test_undo (fixture->store);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = ledger_store_list_score_adjustments (fixture->store, plan_id, "2026-06");
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_cmpint (((LedgerScoreAdjustment *) after->pdata[0])->id, ==, first->id);
  g_assert_cmpstr (((LedgerScoreAdjustment *) after->pdata[0])->reason, ==, "迟报");

  g_assert_true (ledger_store_set_scoring_scheme (fixture->store, plan_id, &scheme, &error));
  g_assert_no_error (error);
  scheme = (LedgerScoringScheme) { 0 };
  g_assert_true (ledger_store_get_scoring_scheme (fixture->store, plan_id, &scheme));
  g_assert_cmpfloat (scheme.completion_points, ==, 50);
  g_assert_cmpfloat (scheme.rank_first, ==, 30);
  g_assert_cmpfloat (scheme.rank_step, ==, 2);
  g_assert_cmpfloat (scheme.cap, ==, 1.1);
  scheme.cap = 0.5;
  g_assert_false (ledger_store_set_scoring_scheme (fixture->store, plan_id, &scheme, &error));
  g_clear_error (&error);
  g_assert_true (ledger_store_set_scoring_scheme (fixture->store, plan_id, NULL, &error));
  g_assert_false (ledger_store_get_scoring_scheme (fixture->store, plan_id, &scheme));
  /* none set: the default */
  g_assert_cmpfloat (scheme.completion_points, ==, 60);
  /* Undone: the scheme of 50 points is back */
  test_undo (fixture->store);
  g_assert_true (ledger_store_get_scoring_scheme (fixture->store, plan_id, &scheme));
  g_assert_cmpfloat (scheme.completion_points, ==, 50);
}

static const LedgerScoreLine *
assert_line (GPtrArray  *lines,
             guint       index,
             const char *subject,
             guint       rank,
             double      completion,
             double      rank_points,
             double      adjustments)
{
  const LedgerScoreLine *line = lines->pdata[index];

  g_assert_cmpstr (line->subject, ==, subject);
  g_assert_cmpuint (line->rank, ==, rank);
  g_assert_cmpfloat_with_epsilon (line->completion, completion, 1e-6);
  g_assert_cmpfloat_with_epsilon (line->rank_points, rank_points, EPSILON);
  g_assert_cmpfloat_with_epsilon (line->adjustments, adjustments, EPSILON);
  g_assert_cmpfloat_with_epsilon (line->total, completion + rank_points + adjustments, 1e-6);
  return line;
}

/* 60 × the composite, 20 for first and 1.5 less a place, June's
 * adjustments (A's 5 is May's):
 *   A 66 + 20 = 86; C 61.5 + 18.5 = 80; Z 60 + 17 = 77;
 *   B 58.5 + 15.5 − 2 = 72; D 33 + 14 = 47.
 * Units on the city's figures: 市发展改革委 fai 1.05: 63 + 20 = 83;
 * 市人社局 jobs 1.0 and 市生态环境局 pm25 1.0 tie second: 60 + 18.5, +1 for
 * 市人社局: 79.5 and 78.5. */
static void
test_score_sheet (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LedgerScoreSheet) sheet = ledger_score_sheet_new (fixture->context, fixture->plan);
  GPtrArray *regions = ledger_score_sheet_get_regions (sheet);
  GPtrArray *units = ledger_score_sheet_get_units (sheet);
  const LedgerScoreLine *line;

  g_assert_true (ledger_score_sheet_has_scheme (sheet));
  g_assert_cmpuint (regions->len, ==, 5);
  assert_line (regions, 0, "A", 1, 66, 20, 0);
  assert_line (regions, 1, "C", 2, 61.5, 18.5, 0);
  assert_line (regions, 2, "Z", 3, 60, 17, 0);
  line = assert_line (regions, 3, "B", 4, 58.5, 15.5, -2);
  g_assert_cmpstr (line->name, ==, "乙县");
  line = assert_line (regions, 4, "D", 5, 33, 14, 0);
  g_assert_cmpuint (line->n_missing, ==, 1);
  g_assert_true (ledger_score_sheet_find_region (sheet, "B") == regions->pdata[3]);

  g_assert_cmpuint (units->len, ==, 3);
  line = assert_line (units, 0, "市发展改革委", 1, 63, 20, 0);
  g_assert_cmpuint (line->score_rank, ==, 1);
  line = assert_line (units, 1, "市人社局", 2, 60, 18.5, 1);
  g_assert_cmpuint (line->score_rank, ==, 2);
  line = assert_line (units, 2, "市生态环境局", 3, 60, 18.5, 0);
  g_assert_cmpuint (line->score_rank, ==, 2);
}

/* The CSV of --export-ranking: the composite's rows first, with the
 * scores of the scheme, then each indicator's. */
static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = ledger_ranking_export_csv (fixture->context, fixture->plan, &error);
  g_auto(GStrv) lines = NULL;

  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "indicator_code,indicator,region_code,region,value,target,expected,score,"
                   "rank,change,band,completion,rank_points,adjustments,total");
  g_assert_cmpstr (lines[1], ==, "composite,Composite ranking,A,甲区,,,,1.1000,1,2,above,66,20,0,86");
  g_assert_cmpstr (lines[4], ==, "composite,Composite ranking,B,乙县,,,,0.9750,4,-3,below,58.5,15.5,-2,72");
  /* jobs: the composite's 5 rows, then A, C, B, D; D's due 0.2 × 6/12 */
  g_assert_cmpstr (lines[6], ==, "jobs,新增城镇就业,A,甲区,0.22,0.4,0.2,1.1000,1,2,above,,,,");
  g_assert_cmpstr (lines[9], ==, "jobs,新增城镇就业,D,丁县,,0.2,0.1,,0,,,,,,");
  /* 1 + 5 + 4 (jobs) + 5 (pm25) + 5 (fai) rows and the last newline */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 5 + 4 + 5 + 5 + 1);
}

/* A ledger of version 7 gains the tables of version 8, empty: every weight
 * the default. */
static void
test_migration (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 jobs = test_indicator_id (fixture->store, RANKING_PLAN, "jobs");
  g_autoptr(LedgerStore) store = NULL;
  g_autoptr(GError) error = NULL;
  LedgerScoringScheme scheme;

  g_clear_object (&fixture->context);
  g_clear_object (&fixture->store);
  /* Version 9's and 10's columns go too: a ledger of version 7 had none. */
  test_exec_sql (fixture->files.path, "DROP TABLE ranking_weights; DROP TABLE scoring_schemes; "
                                      "DROP TABLE score_adjustments; ALTER TABLE plans DROP COLUMN for_region_code; "
                                      "ALTER TABLE plans DROP COLUMN for_region_name; "
                                      "ALTER TABLE indicator_values DROP COLUMN version; PRAGMA user_version = 7;");
  store = ledger_store_open (fixture->files.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ledger_store_get_schema_version (store), ==, LEDGER_STORE_SCHEMA_VERSION);
  g_assert_cmpint (LEDGER_STORE_SCHEMA_VERSION, >=, 8);
  g_assert_cmpfloat (ledger_store_get_ranking_weight (store, jobs), ==, 1);
  g_assert_false (ledger_store_get_scoring_scheme (store, ledger_node_get_id (LEDGER_NODE (fixture->plan)), &scheme));
  g_assert_true (ledger_store_set_ranking_weight (store, jobs, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (ledger_store_get_ranking_weight (store, jobs), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/region-ranking/kept-until-a-change", test_kept_until_a_change);
  ADD ("/region-ranking/indicator/cumulative", test_cumulative);
  ADD ("/region-ranking/indicator/lower-is-better", test_lower_is_better);
  ADD ("/region-ranking/indicator/rate", test_rate);
  ADD ("/region-ranking/indicator/qualitative", test_qualitative);
  ADD ("/region-ranking/composite", test_composite);
  ADD ("/region-ranking/weights", test_weights);
  ADD ("/region-ranking/csv", test_csv);
  ADD ("/scoring/store", test_scoring_store);
  ADD ("/scoring/sheet", test_score_sheet);
  ADD ("/scoring/migration", test_migration);
#undef ADD

  return g_test_run ();
}
