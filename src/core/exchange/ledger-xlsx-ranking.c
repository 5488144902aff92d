/* ledger-xlsx-ranking.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-xlsx"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ledger-rank-words.h"
#include "ledger-score-sheet.h"
#include "ledger-store-scoring.h"
#include "ledger-xlsx-private.h"

/* The sheet of the regions ranked (区县排名, docs/regions.md), for each
 * plan split to regions: the composite ranking, then each indicator some
 * region has a figure of, a row per region in rank order. One flat table
 * with a filter, so that the office sorts and picks in Excel; the
 * figures are numbers, the score a percentage, the change a number shown
 * as ↑2 / ↓1. Where the plan has a scoring scheme (考核评分), the
 * composite's rows have the regions' points too. */

enum {
  COL_CODE, COL_INDICATOR, COL_REGION_CODE, COL_REGION, COL_VALUE, COL_PERIOD, COL_TARGET, COL_EXPECTED,
  COL_SCORE, COL_RANK, COL_CHANGE, COL_BAND, COL_MISSING,
  COL_COMPLETION_POINTS, COL_RANK_POINTS, COL_ADJUSTMENTS, COL_TOTAL, COL_PLACE_BY_TOTAL, N_SCORED_COLUMNS
};
/* the columns of a plan without a scoring scheme */
#define N_COLUMNS COL_COMPLETION_POINTS

typedef struct
{
  LedgerXlsx       *xlsx;
  LedgerPlan       *plan;
  lxw_worksheet    *worksheet;
  LedgerScoreSheet *scores;     /* the plan's 考核评分, or NULL without a scheme */
  guint             n_columns;
  lxw_row_t         row;
  lxw_format       *header;
  lxw_format       *percent;
  lxw_format       *change;
} Ranking;

static void
add_formats (Ranking *sheet)
{
  lxw_workbook *workbook = sheet->xlsx->workbook;

  sheet->header = workbook_add_format (workbook);
  format_set_bold (sheet->header);
  format_set_text_wrap (sheet->header);
  sheet->percent = workbook_add_format (workbook);
  format_set_num_format (sheet->percent, "0.0%");
  /* places gained up, lost down, none a dash */
  sheet->change = workbook_add_format (workbook);
  format_set_num_format (sheet->change, "\"↑\"0;\"↓\"0;\"—\"");
}

static void
write_header (Ranking *sheet)
{
  const char *titles[N_SCORED_COLUMNS] = {
    [COL_CODE] = _("Code"), [COL_INDICATOR] = _("Indicator"), [COL_REGION_CODE] = _("Region code"),
    [COL_REGION] = _("Region"), [COL_VALUE] = _("Value"), [COL_PERIOD] = _("Period"),
    [COL_TARGET] = _("Target"), [COL_EXPECTED] = _("Due by Now"), [COL_SCORE] = _("Completion"),
    [COL_RANK] = C_("ranking", "Rank"), [COL_CHANGE] = _("Change"), [COL_BAND] = _("Against the city"),
    [COL_MISSING] = _("Figures not reported"), [COL_COMPLETION_POINTS] = _("Completion points"),
    [COL_RANK_POINTS] = _("Rank points"), [COL_ADJUSTMENTS] = _("Additions and deductions"),
    [COL_TOTAL] = _("Total points"), [COL_PLACE_BY_TOTAL] = _("Place by total"),
  };
  static const double widths[N_SCORED_COLUMNS] = { 16, 28, 10, 14, 12, 10, 12, 12, 11, 8, 8, 14, 10,
                                                    10, 10, 10, 10, 10 };

  for (guint c = 0; c < sheet->n_columns; c++)
    {
      worksheet_write_string (sheet->worksheet, sheet->row, c, titles[c], sheet->header);
      worksheet_set_column (sheet->worksheet, c, c, widths[c], NULL);
    }
  sheet->row++;
}

static void
put_text (Ranking    *sheet,
          lxw_col_t   column,
          const char *text)
{
  if (text != NULL && text[0] != '\0')
    worksheet_write_string (sheet->worksheet, sheet->row, column, ledger_xlsx_text (sheet->xlsx, text), NULL);
}

/* A number, or an empty cell for none. */
static void
put_number (Ranking    *sheet,
            lxw_col_t   column,
            double      number,
            lxw_format *format)
{
  if (isfinite (number))
    worksheet_write_number (sheet->worksheet, sheet->row, column, number, format);
}

/* A composite row's figures missing, and its points where the plan has
 * a scheme. */
static void
write_points (Ranking             *sheet,
              const LedgerRankRow *row)
{
  const LedgerScoreLine *line = sheet->scores != NULL ? ledger_score_sheet_find_region (sheet->scores, row->region)
                                                      : NULL;

  put_number (sheet, COL_MISSING, row->n_missing, NULL);
  if (line == NULL)
    return;
  put_number (sheet, COL_COMPLETION_POINTS, line->completion, NULL);
  put_number (sheet, COL_RANK_POINTS, line->rank_points, NULL);
  put_number (sheet, COL_ADJUSTMENTS, line->adjustments, NULL);
  put_number (sheet, COL_TOTAL, line->total, NULL);
  if (line->rank > 0)
    put_number (sheet, COL_PLACE_BY_TOTAL, line->rank, NULL);
}

/* One region's line: @indicator's, or the composite's without one. */
static void
write_row (Ranking             *sheet,
           LedgerIndicator     *indicator,
           const LedgerRankRow *row)
{
  g_autofree char *period = row->period != NULL ? ledger_period_code_label (row->period) : NULL;

  put_text (sheet, COL_CODE, indicator != NULL ? ledger_indicator_get_code (indicator) : NULL);
  put_text (sheet, COL_INDICATOR, indicator != NULL ? ledger_indicator_get_name (indicator)
                                                    : _("Composite ranking"));
  put_text (sheet, COL_REGION_CODE, row->region);
  put_text (sheet, COL_REGION, row->name);
  put_number (sheet, COL_VALUE, row->value, NULL);
  put_text (sheet, COL_PERIOD, period);
  put_number (sheet, COL_TARGET, row->target, NULL);
  put_number (sheet, COL_EXPECTED, row->expected, NULL);
  put_number (sheet, COL_SCORE, row->score, sheet->percent);
  if (row->rank > 0)
    put_number (sheet, COL_RANK, row->rank, NULL);
  else
    {
      g_autofree char *place = ledger_rank_dup_place (row);

      put_text (sheet, COL_RANK, place);
    }
  if (row->has_change)
    put_number (sheet, COL_CHANGE, row->change, sheet->change);
  put_text (sheet, COL_BAND, ledger_rank_band_label (row->band));
  if (indicator == NULL)
    write_points (sheet, row);
  sheet->row++;
}

static void
write_ranking (Ranking             *sheet,
               LedgerIndicator     *indicator,
               LedgerRegionRanking *ranking)
{
  for (guint i = 0; i < ledger_region_ranking_get_n_rows (ranking); i++)
    write_row (sheet, indicator, ledger_region_ranking_get_row (ranking, i));
}

static void
write_indicator_cb (LedgerNode      *area,
                    LedgerNode      *task,
                    LedgerIndicator *indicator,
                    gpointer         user_data)
{
  Ranking *sheet = user_data;
  g_autoptr(LedgerRegionRanking) ranking = NULL;

  if (ledger_indicator_get_kind (indicator) == LEDGER_KIND_QUALITATIVE)
    return;
  ranking = ledger_region_ranking_new_for_indicator (sheet->xlsx->context, sheet->plan, indicator);
  if (ledger_rank_any_ranked (ranking))
    write_ranking (sheet, indicator, ranking);
}

/* "截至1-6月，位次变化与1-5月相比" */
static char *
as_of_text (LedgerRegionRanking *ranking)
{
  g_autofree char *label = ledger_period_as_of_label (ledger_region_ranking_get_as_of (ranking));
  const char *previous = ledger_region_ranking_get_previous (ranking);
  g_autofree char *previous_label = NULL;

  if (previous == NULL)
    return g_strdup_printf (_("As of %s"), label);
  previous_label = ledger_period_code_label (previous);
  /* Translators: the ranking's period, then the one the change of places is counted from */
  return g_strdup_printf (_("As of %s; places changed since %s"), label, previous_label);
}

static void
write_plan (LedgerXlsx *xlsx,
            LedgerPlan *plan)
{
  g_autoptr(LedgerRegionRanking) composite = ledger_region_ranking_new_composite (xlsx->context, plan);
  /* Translators: a plan's sheet of rankings in the XLSX ledger, 长治市2026年政府工作报告：区县排名 */
  g_autofree char *title = g_strdup_printf (_("%s: Regions Ranked"), ledger_node_get_title (LEDGER_NODE (plan)));
  g_autofree char *subtitle = as_of_text (composite);
  g_autofree char *name = NULL;
  Ranking sheet = { xlsx, plan, NULL, NULL, N_COLUMNS, 0, NULL, NULL, NULL };
  LedgerScoringScheme scheme;

  /* Translators: the name of the XLSX ledger's sheet of rankings, 区县排名 */
  if ((sheet.worksheet = ledger_xlsx_add_sheet (xlsx, _("Regions Ranked"), "Regions Ranked", &name)) == NULL)
    return;
  add_formats (&sheet);
  if (ledger_store_get_scoring_scheme (ledger_context_get_store (xlsx->context),
                                       ledger_node_get_id (LEDGER_NODE (plan)), &scheme))
    {
      sheet.scores = ledger_score_sheet_new (xlsx->context, plan);
      sheet.n_columns = N_SCORED_COLUMNS;
    }
  worksheet_write_string (sheet.worksheet, 0, 0, ledger_xlsx_text (xlsx, title), xlsx->title);
  worksheet_write_string (sheet.worksheet, 1, 0, subtitle, NULL);
  sheet.row = 2;
  write_header (&sheet);
  write_ranking (&sheet, NULL, composite);
  ledger_plan_foreach_indicator (plan, write_indicator_cb, &sheet);

  worksheet_autofilter (sheet.worksheet, 2, 0, sheet.row - 1, sheet.n_columns - 1);
  worksheet_freeze_panes (sheet.worksheet, 3, COL_INDICATOR + 1);
  ledger_xlsx_set_up_printing (sheet.worksheet);
  worksheet_repeat_rows (sheet.worksheet, 2, 2);
  g_clear_object (&sheet.scores);
}

/* Adds a sheet of rankings for each of @plans split to regions, as of the
 * period its own sheet shows (@as_of, the plans' in the same order). */
void
ledger_xlsx_write_rankings (LedgerXlsx *xlsx,
                            GPtrArray  *plans,
                            GPtrArray  *as_of)
{
  LedgerStore *store = ledger_context_get_store (xlsx->context);

  for (guint i = 0; i < plans->len; i++)
    {
      LedgerPlan *plan = g_ptr_array_index (plans, i);
      g_autoptr(GPtrArray) regions = ledger_store_list_regions (store, plan);

      if (regions == NULL || regions->len == 0)
        continue;
      ledger_context_set_as_of (xlsx->context, g_ptr_array_index (as_of, i));
      write_plan (xlsx, plan);
    }
}
