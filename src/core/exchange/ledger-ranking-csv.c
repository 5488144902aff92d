/* ledger-ranking-csv.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ledger-csv.h"
#include "ledger-ranking-csv.h"
#include "ledger-region-ranking.h"
#include "ledger-score-sheet.h"

/* The regions' rankings as CSV (docs/regions.md, Rankings): a row per
 * region of the composite, then of each ranked indicator, in one table an
 * office can filter and sort in Excel. */

static const char *header[] = {
  "indicator_code", "indicator", "region_code", "region", "value", "target", "expected", "score", "rank",
  "change", "band", "completion", "rank_points", "adjustments", "total",
};

enum { COL_VALUE = 4, COL_N = G_N_ELEMENTS (header) };

/* The columns from value on are numbers, but the band. */
#define NUMBER_COLUMNS (((G_GUINT64_CONSTANT (1) << COL_N) - 1) & ~G_GUINT64_CONSTANT (0xf) & \
                        ~(G_GUINT64_CONSTANT (1) << 10))

static char *
number_or_empty (double number)
{
  return isfinite (number) ? ledger_format_number (number) : g_strdup ("");
}

/* A score to 4 decimals, as it is ranked. */
static char *
score_text (double score)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return isfinite (score) ? g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.4f", score)) : g_strdup ("");
}

static void
append_row (GString               *out,
            const char            *code,
            const char            *name,
            const LedgerRankRow   *row,
            const LedgerScoreLine *line)
{
  g_autofree char *value = number_or_empty (row->value);
  g_autofree char *target = number_or_empty (row->target);
  g_autofree char *expected = number_or_empty (row->expected);
  g_autofree char *score = score_text (row->score);
  g_autofree char *rank = g_strdup_printf ("%u", row->rank);
  g_autofree char *change = row->has_change ? g_strdup_printf ("%d", row->change) : g_strdup ("");
  g_autofree char *completion = line != NULL ? number_or_empty (round (line->completion * 100) / 100) : NULL;
  g_autofree char *rank_points = line != NULL ? number_or_empty (line->rank_points) : NULL;
  g_autofree char *adjustments = line != NULL ? number_or_empty (line->adjustments) : NULL;
  g_autofree char *total = line != NULL ? number_or_empty (round (line->total * 100) / 100) : NULL;
  const char *fields[] = {
    code, name, row->region, row->name, value, target, expected, score, rank, change,
    ledger_rank_band_to_string (row->band), completion, rank_points, adjustments, total,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == COL_N);
  ledger_csv_append_row_with_numbers (out, fields, COL_N, NUMBER_COLUMNS);
}

static void
append_ranking (GString             *out,
                const char          *code,
                const char          *name,
                LedgerRegionRanking *ranking,
                LedgerScoreSheet    *sheet)
{
  for (guint i = 0; i < ledger_region_ranking_get_n_rows (ranking); i++)
    {
      const LedgerRankRow *row = ledger_region_ranking_get_row (ranking, i);

      append_row (out, code, name, row, sheet != NULL ? ledger_score_sheet_find_region (sheet, row->region) : NULL);
    }
}

typedef struct
{
  LedgerContext *context;
  LedgerPlan    *plan;
  GString       *out;
} Export;

static void
append_indicator_cb (LedgerNode      *area,
                     LedgerNode      *task,
                     LedgerIndicator *indicator,
                     gpointer         user_data)
{
  Export *export = user_data;
  g_autoptr(LedgerRegionRanking) ranking = NULL;

  if (ledger_indicator_get_kind (indicator) == LEDGER_KIND_QUALITATIVE)
    return;
  ranking = ledger_region_ranking_new_for_indicator (export->context, export->plan, indicator);
  append_ranking (export->out, ledger_indicator_get_code (indicator), ledger_indicator_get_name (indicator),
                  ranking, NULL);
}

/**
 * ledger_ranking_export_csv:
 *
 * Returns: (transfer full): the composite ranking of @plan's regions and
 *   each indicator's as of the context's period, as CSV text; the score
 *   columns are filled on the composite's rows when the plan has a scoring
 *   scheme. An error when the plan has no regions.
 */
char *
ledger_ranking_export_csv (LedgerContext  *context,
                           LedgerPlan     *plan,
                           GError        **error)
{
  g_autoptr(GPtrArray) regions = ledger_store_list_regions (ledger_context_get_store (context), plan);
  g_autoptr(LedgerRegionRanking) composite = NULL;
  g_autoptr(LedgerScoreSheet) sheet = NULL;
  Export export = { context, plan, NULL };

  if (regions == NULL || regions->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The plan “%s” has no regions to rank"), ledger_node_get_title (LEDGER_NODE (plan)));
      return NULL;
    }
  sheet = ledger_score_sheet_new (context, plan);
  composite = ledger_region_ranking_new_composite_capped (context, plan, ledger_score_sheet_get_scheme (sheet)->cap);
  export.out = g_string_new (NULL);
  ledger_csv_append_row (export.out, header, COL_N);
  append_ranking (export.out, "composite", _("Composite ranking"), composite,
                  ledger_score_sheet_has_scheme (sheet) ? sheet : NULL);
  ledger_plan_foreach_indicator (plan, append_indicator_cb, &export);
  return g_string_free (export.out, FALSE);
}
