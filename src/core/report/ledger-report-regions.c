/* ledger-report-regions.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ledger-rank-words.h"
#include "ledger-report-private.h"
#include "ledger-report-table.h"
#include "ledger-score-sheet.h"
#include "ledger-store-scoring.h"

/* ---- the regions ranked (区县排名) ----------------------------------- */

/* For a plan split to districts, counties and zones (docs/regions.md): the
 * composite ranking of the regions as of the report's period, then the
 * indicators a region has a figure of, a column each, the regions down the
 * side, as the month's 通报 tables them. The ranking's rules are the
 * store's (ledger-region-ranking.c); the report only words them. */

enum { COMPOSITE_RANK, COMPOSITE_REGION, COMPOSITE_SCORE, COMPOSITE_CHANGE, COMPOSITE_BAND,
       N_COMPOSITE_COLUMNS };

/* A region's line of the composite ranking, but its score. */
static guint
add_rank_row (LedgerReportTable   *table,
              const LedgerRankRow *row)
{
  guint r = ledger_report_table_add_row (table);
  g_autofree char *place = ledger_rank_dup_place (row);
  g_autofree char *change = ledger_rank_dup_change (row);
  const char *band = ledger_rank_band_label (row->band);

  ledger_report_table_set_text (table, r, COMPOSITE_RANK, place, NULL);
  ledger_report_table_set_text (table, r, COMPOSITE_REGION, row->name, NULL);
  ledger_report_table_set_text (table, r, COMPOSITE_CHANGE, change, NULL);
  ledger_report_table_set_text (table, r, COMPOSITE_BAND, band[0] != '\0' ? band : "—", NULL);
  return r;
}

/* "全市 96.2%. 位次变化与1-5月相比." */
static char *
composite_caption (LedgerRegionRanking *ranking)
{
  g_autofree char *city = ledger_report_format_percent (ledger_region_ranking_get_city_score (ranking));
  const char *previous = ledger_region_ranking_get_previous (ranking);
  /* Translators: under 综合排名; %s is the city's own score, "96.2%" */
  g_autofree char *text = g_strdup_printf (_("The composite score is the completion of what is due, weighted "
                                             "over the indicators ranked. The city: %s."), city);
  g_autofree char *since = NULL;
  g_autofree char *label = NULL;

  if (previous == NULL)
    return g_steal_pointer (&text);
  label = ledger_period_code_label (previous);
  /* Translators: the period the change of places (位次变化) is counted from, "1-5月" */
  since = g_strdup_printf (_("Places changed since %s."), label);
  return g_strconcat (text, " ", since, NULL);
}

static void
add_text (LedgerReportBuilder *builder,
          LedgerReportFont     font,
          const char          *text,
          double               space_before)
{
  LedgerReportBlock *block = ledger_report_block_new_text (font, LEDGER_REPORT_INK, text, space_before);

  block->flags = LEDGER_REPORT_BLOCK_KEEP_WITH_NEXT;
  g_ptr_array_add (builder->blocks, block);
}

static void
add_composite (LedgerReportBuilder *builder,
               LedgerRegionRanking *ranking)
{
  LedgerReportColumn columns[N_COMPOSITE_COLUMNS] = {
    [COMPOSITE_RANK] = { C_("ranking", "Rank"), 0.14 },
    [COMPOSITE_REGION] = { _("Region"), 0.26 },
    [COMPOSITE_SCORE] = { _("Composite score"), 0.22 },
    [COMPOSITE_CHANGE] = { _("Change"), 0.14 },
    [COMPOSITE_BAND] = { _("Against the city"), 0.24 },
  };
  g_autoptr(LedgerReportTable) table = ledger_report_table_new (columns, N_COMPOSITE_COLUMNS);
  g_autofree char *caption = composite_caption (ranking);

  add_text (builder, LEDGER_REPORT_FONT_SUBHEADING, _("Composite ranking"), 14);
  add_text (builder, LEDGER_REPORT_FONT_BODY, caption, 6);
  for (guint i = 0; i < ledger_region_ranking_get_n_rows (ranking); i++)
    {
      const LedgerRankRow *row = ledger_region_ranking_get_row (ranking, i);
      guint r = add_rank_row (table, row);
      g_autofree char *score = ledger_report_format_percent (row->score);
      g_autofree char *missing = row->n_missing == 0 ? NULL
        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u figure not reported", "%u figures not reported",
                                        row->n_missing), row->n_missing);

      ledger_report_table_set_text (table, r, COMPOSITE_SCORE, score, missing);
    }
  ledger_report_table_append_blocks (table, builder->blocks);
}

/* ---- 考核评分 ------------------------------------------------------ */

enum { SCORE_PLACE, SCORE_SUBJECT, SCORE_COMPLETION, SCORE_RANK, SCORE_ADJUSTMENTS, SCORE_TOTAL,
       N_SCORE_COLUMNS };

/* "60 分 × 综合得分；第1名 20 分，每降一位减 1.5 分；另计本期加分、扣分。" */
static char *
scheme_text (const LedgerScoringScheme *scheme)
{
  /* Translators: how 考核评分 is worked out: the completion points, the first place's points and
   * how many fewer each place lower has */
  return g_strdup_printf (_("Completion points: %g × the composite score. Rank points: %g for first "
                            "place, %g fewer for each place lower. With the period’s additions and "
                            "deductions."), scheme->completion_points, scheme->rank_first, scheme->rank_step);
}

/* A number of points to one decimal; an adjustment with its sign. */
static char *
points_text (double   points,
             gboolean signed_points)
{
  if (!isfinite (points) || (signed_points && points == 0))
    return g_strdup ("—");
  return g_strdup_printf (signed_points ? "%+.1f" : "%.1f", points);
}

/* The score sheet's lines, by their place: the regions' or the units'. */
static void
add_score_table (LedgerReportBuilder *builder,
                 GPtrArray           *lines,
                 const char          *subject)
{
  LedgerReportColumn columns[N_SCORE_COLUMNS] = {
    [SCORE_PLACE] = { C_("ranking", "Rank"), 0.10 },
    [SCORE_SUBJECT] = { subject, 0.30 },
    [SCORE_COMPLETION] = { _("Completion points"), 0.15 },
    [SCORE_RANK] = { _("Rank points"), 0.15 },
    [SCORE_ADJUSTMENTS] = { _("Additions and deductions"), 0.15 },
    [SCORE_TOTAL] = { _("Total points"), 0.15 },
  };
  g_autoptr(LedgerReportTable) table = ledger_report_table_new (columns, N_SCORE_COLUMNS);

  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      const LedgerScoreLine *line = g_ptr_array_index (lines, i);
      guint r = ledger_report_table_add_row (table);
      g_autofree char *place = line->rank > 0 ? g_strdup_printf ("%u", line->rank) : g_strdup ("—");
      g_autofree char *completion = points_text (line->completion, FALSE);
      g_autofree char *rank = points_text (line->rank_points, FALSE);
      g_autofree char *adjustments = points_text (line->adjustments, TRUE);
      g_autofree char *total = points_text (line->total, FALSE);

      ledger_report_table_set_text (table, r, SCORE_PLACE, place, NULL);
      ledger_report_table_set_text (table, r, SCORE_SUBJECT, line->name, NULL);
      ledger_report_table_set_text (table, r, SCORE_COMPLETION, completion, NULL);
      ledger_report_table_set_text (table, r, SCORE_RANK, rank, NULL);
      ledger_report_table_set_text (table, r, SCORE_ADJUSTMENTS, adjustments, NULL);
      ledger_report_table_set_text (table, r, SCORE_TOTAL, total, NULL);
    }
  if (ledger_report_table_get_n_rows (table) > 0)
    ledger_report_table_append_blocks (table, builder->blocks);
}

/* Where the office has set a scheme for the plan: the regions' and the
 * responsible units' points, each ranked by their total. */
static void
add_scores (LedgerReportBuilder *builder)
{
  g_autoptr(LedgerScoreSheet) sheet = NULL;
  g_autofree char *scheme = NULL;
  LedgerScoringScheme set;

  /* the sheet is worked out only for a plan that has a scheme */
  if (!ledger_store_get_scoring_scheme (ledger_context_get_store (builder->context),
                                        ledger_node_get_id (LEDGER_NODE (builder->plan)), &set))
    return;
  sheet = ledger_score_sheet_new (builder->context, builder->plan);
  scheme = scheme_text (ledger_score_sheet_get_scheme (sheet));
  add_text (builder, LEDGER_REPORT_FONT_SUBHEADING, _("Scoring"), 22);
  add_text (builder, LEDGER_REPORT_FONT_BODY, scheme, 6);
  add_score_table (builder, ledger_score_sheet_get_regions (sheet), _("Region"));
  add_score_table (builder, ledger_score_sheet_get_units (sheet), _("Responsible unit"));
}

/* ---- by indicator: regions down, indicators across ----------------- */

/* How many indicators share a table: their names still fit their column. */
#define INDICATORS_PER_TABLE 5
#define REGION_SHARE 0.16

typedef struct
{
  LedgerReportEntry   *entry;
  LedgerRegionRanking *ranking;
} Ranked;

static void
ranked_clear (Ranked *ranked)
{
  g_clear_object (&ranked->ranking);
}

static const LedgerRankRow *
row_of (LedgerRegionRanking *ranking,
        const char          *region)
{
  for (guint i = 0; i < ledger_region_ranking_get_n_rows (ranking); i++)
    {
      const LedgerRankRow *row = ledger_region_ranking_get_row (ranking, i);

      if (g_strcmp0 (row->region, region) == 0)
        return row;
    }
  return NULL;
}

/* A region's completion of one indicator, its place and change under it:
 * "110.0%" over "第1名 ↑1"; a dash over 未报 without a figure. */
static void
set_region_cell (LedgerReportTable   *table,
                 guint                r,
                 guint                column,
                 const LedgerRankRow *row)
{
  g_autofree char *score = NULL;
  g_autofree char *place = NULL;
  g_autofree char *change = NULL;

  if (row == NULL || row->rank == 0)
    {
      g_autofree char *not_reported = row != NULL ? ledger_rank_dup_place (row) : NULL;

      ledger_report_table_set_text (table, r, column, "—", not_reported);
      return;
    }
  score = ledger_report_format_percent (row->score);
  /* Translators: a region's place in one indicator's ranking, 第3名 */
  place = g_strdup_printf (C_("ranking", "No. %u"), row->rank);
  change = ledger_rank_dup_change (row);
  if (row->has_change && row->change != 0)
    {
      g_autofree char *both = g_strdup_printf ("%s %s", place, change);

      g_free (place);
      place = g_steal_pointer (&both);
    }
  ledger_report_table_set_text (table, r, column, score, place);
}

/* A table of @n indicators, a column each, a row per region in the
 * plan's order, and the city's own completion last. */
static void
add_indicator_table (LedgerReportBuilder *builder,
                     GPtrArray           *regions,
                     Ranked              *ranked,
                     guint                n)
{
  g_autofree LedgerReportColumn *columns = g_new0 (LedgerReportColumn, n + 1);
  g_autoptr(LedgerReportTable) table = NULL;
  guint r;

  columns[0] = (LedgerReportColumn) { _("Region"), REGION_SHARE };
  for (guint i = 0; i < n; i++)
    columns[i + 1] = (LedgerReportColumn) { ledger_indicator_get_name (ranked[i].entry->indicator),
                                            (1 - REGION_SHARE) / n };
  table = ledger_report_table_new (columns, n + 1);
  for (guint g = 0; g < regions->len; g++)
    {
      LedgerRegion *region = g_ptr_array_index (regions, g);

      r = ledger_report_table_add_row (table);
      ledger_report_table_set_text (table, r, 0, region->name, NULL);
      for (guint i = 0; i < n; i++)
        set_region_cell (table, r, i + 1, row_of (ranked[i].ranking, region->code));
    }
  r = ledger_report_table_add_row (table);
  /* Translators: the city's own line under its regions, 全市 */
  ledger_report_table_set_text (table, r, 0, _("The city"), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *city = ledger_report_format_percent (ledger_region_ranking_get_city_score (ranked[i].ranking));

      ledger_report_table_set_text (table, r, i + 1, city, NULL);
    }
  ledger_report_table_append_blocks (table, builder->blocks);
}

/* The rankings of the measured indicators some region has a figure of, in
 * the plan's order. */
static GArray *
rank_indicators (LedgerReportBuilder *builder)
{
  GArray *ranked = g_array_new (FALSE, TRUE, sizeof (Ranked));

  g_array_set_clear_func (ranked, (GDestroyNotify) ranked_clear);
  for (guint i = 0; i < builder->entries->len; i++)
    {
      LedgerReportEntry *entry = g_ptr_array_index (builder->entries, i);
      Ranked next = { entry, NULL };

      if (!ledger_report_entry_is_measured (entry))
        continue;
      next.ranking = ledger_region_ranking_new_for_indicator (builder->context, builder->plan, entry->indicator);
      if (ledger_rank_any_ranked (next.ranking))
        g_array_append_val (ranked, next);
      else
        g_object_unref (next.ranking);
    }
  return ranked;
}

/* A few indicators to a table, as many in each (six are 3 + 3, not 5 + 1):
 * what the 通报's tables of 分项指标 show, a dozen pages where a table per
 * indicator would take fifty. */
static void
add_indicators (LedgerReportBuilder *builder,
                GPtrArray           *regions)
{
  g_autoptr(GArray) ranked = rank_indicators (builder);
  guint n_tables = (ranked->len + INDICATORS_PER_TABLE - 1) / INDICATORS_PER_TABLE;

  if (ranked->len == 0)
    return;
  add_text (builder, LEDGER_REPORT_FONT_SUBHEADING, _("Rankings by indicator"), 22);
  for (guint t = 0, first = 0; t < n_tables; t++)
    {
      guint n = ranked->len / n_tables + (t < ranked->len % n_tables ? 1 : 0);

      add_indicator_table (builder, regions, &g_array_index (ranked, Ranked, first), n);
      first += n;
    }
}

/* 区县排名: only in the report of a plan with regions. Before any region
 * has reported, a sentence says so instead of tables of dashes. */
void
ledger_report_add_regions (LedgerReportBuilder *builder)
{
  g_autoptr(GPtrArray) regions = ledger_store_list_regions (ledger_context_get_store (builder->context),
                                                            builder->plan);
  g_autoptr(LedgerRegionRanking) composite = NULL;

  if (regions == NULL || regions->len == 0)
    return;
  g_ptr_array_add (builder->blocks, ledger_report_block_new_heading (_("Regions ranked"), TRUE));
  composite = ledger_region_ranking_new_composite (builder->context, builder->plan);
  if (!ledger_rank_any_ranked (composite))
    {
      g_ptr_array_add (builder->blocks,
                       ledger_report_block_new_text (LEDGER_REPORT_FONT_BODY, LEDGER_REPORT_INK,
                                                     _("No region has reported a figure by this period."), 8));
      return;
    }
  add_composite (builder, composite);
  add_scores (builder);
  add_indicators (builder, regions);
}
