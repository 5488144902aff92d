/* ledger-xlsx-charts.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-xlsx-charts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-xlsx-private.h"

/* The charts sheet of the XLSX ledger: native Excel charts of the first
 * cumulative indicators of the one-year plan, the year's figures read from
 * the plan's sheet against the pace line (target × months ÷ 12). The pace
 * lines' figures sit in hidden columns of the charts sheet, so that the
 * charts stay cell references a user can follow. */

#define CHART_ROW      2    /* the first chart's top row */
#define CHART_ROWS     16   /* the rows a chart and its gap take */
#define CHART_COLUMNS  8    /* the columns a chart and its gap take */
#define CHART_COLOR    0x2F5597
#define PACE_COLOR     0x7F7F7F

/* Where the pace lines' figures go: right of two charts side by side, a
 * line each from the first chart's row. */
#define PACE_COLUMN    (2 * CHART_COLUMNS + 4)

static void
write_pace_line (LedgerXlsx        *xlsx,
                 lxw_worksheet     *worksheet,
                 lxw_row_t          row,
                 LedgerIndicator   *indicator)
{
  double target = ledger_indicator_get_target (indicator);

  for (guint p = 0; p < xlsx->chart_periods->len; p++)
    {
      LedgerPeriod period;

      ledger_period_parse (g_ptr_array_index (xlsx->chart_periods, p), &period);
      worksheet_write_number (worksheet, row, PACE_COLUMN + p,
                              target * ledger_period_pace (&period), NULL);
    }
}

static lxw_chart *
chart_new (LedgerXlsx        *xlsx,
           const char        *sheet_name,
           lxw_row_t          pace_row,
           LedgerXlsxCharted *charted)
{
  lxw_chart *chart = workbook_add_chart (xlsx->workbook, LXW_CHART_LINE);
  lxw_col_t first = xlsx->chart_column;
  lxw_col_t last = first + xlsx->chart_periods->len - 1;
  lxw_col_t pace_last = PACE_COLUMN + xlsx->chart_periods->len - 1;
  lxw_chart_line value_line = { .color = CHART_COLOR, .width = 2.25 };
  lxw_chart_line pace_line = {
    .color = PACE_COLOR, .width = 1.5, .dash_type = LXW_CHART_LINE_DASH_DASH
  };
  lxw_chart_font title_font = { .size = 11, .bold = LXW_TRUE };
  g_autofree char *target = ledger_indicator_dup_target_text (charted->indicator);
  /* Translators: a chart's title, the indicator and its target: 新增城镇就业（≥ 4.3 万人） */
  g_autofree char *title = g_strdup_printf (_("%s (%s)"),
                                            ledger_indicator_get_name (charted->indicator), target);
  lxw_chart_series *series;

  series = chart_add_series (chart, NULL, NULL);
  chart_series_set_categories (series, xlsx->chart_sheet, LEDGER_XLSX_HEADER_ROW, first,
                               LEDGER_XLSX_HEADER_ROW, last);
  chart_series_set_values (series, xlsx->chart_sheet, charted->row, first, charted->row, last);
  chart_series_set_name (series, _("Value"));
  chart_series_set_line (series, &value_line);
  chart_series_set_marker_type (series, LXW_CHART_MARKER_CIRCLE);

  series = chart_add_series (chart, NULL, NULL);
  chart_series_set_categories (series, xlsx->chart_sheet, LEDGER_XLSX_HEADER_ROW, first,
                               LEDGER_XLSX_HEADER_ROW, last);
  chart_series_set_values (series, sheet_name, pace_row, PACE_COLUMN, pace_row, pace_last);
  chart_series_set_name (series, _("Pace"));
  chart_series_set_line (series, &pace_line);
  chart_series_set_marker_type (series, LXW_CHART_MARKER_NONE);

  chart_title_set_name (chart, ledger_xlsx_text (xlsx, title));
  chart_title_set_name_font (chart, &title_font);
  chart_axis_set_name (chart->y_axis, ledger_xlsx_text (xlsx, ledger_indicator_get_unit (charted->indicator)));
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  /* Quarterly figures leave months blank: the line goes on across them. */
  chart_show_blanks_as (chart, LXW_CHART_BLANKS_AS_CONNECTED);
  /* The pace figures are in hidden columns. */
  chart_show_hidden_data (chart);
  return chart;
}

/**
 * ledger_xlsx_write_charts:
 *
 * Adds the charts sheet, after the plans' sheets that it draws from.
 */
void
ledger_xlsx_write_charts (LedgerXlsx *xlsx)
{
  g_autofree char *name = NULL;
  lxw_worksheet *worksheet = ledger_xlsx_add_sheet (xlsx, _("Charts"), "Charts", &name);
  lxw_row_col_options hidden = { .hidden = LXW_TRUE };
  g_autofree char *title = NULL;

  if (worksheet == NULL)
    return;
  ledger_xlsx_set_up_printing (worksheet);
  if (xlsx->charted->len == 0)
    {
      worksheet_write_string (worksheet, 0, 0,
                              _("No one-year plan has cumulative targets to chart"), xlsx->title);
      return;
    }

  /* Translators: the charts sheet's title, %s is the plan's sheet */
  title = g_strdup_printf (_("%s: year-to-date values against the pace line "
                             "(target × months ÷ 12)"), xlsx->chart_sheet);
  worksheet_write_string (worksheet, 0, 0, title, xlsx->title);
  for (guint i = 0; i < xlsx->charted->len; i++)
    {
      LedgerXlsxCharted *charted = &g_array_index (xlsx->charted, LedgerXlsxCharted, i);
      lxw_row_t pace_row = CHART_ROW + i;
      lxw_chart_options options = { .x_scale = 1.0, .y_scale = 1.0 };
      lxw_chart *chart;

      write_pace_line (xlsx, worksheet, pace_row, charted->indicator);
      chart = chart_new (xlsx, name, pace_row, charted);
      options.description = (char *) ledger_xlsx_text (xlsx, ledger_indicator_get_name (charted->indicator));
      worksheet_insert_chart_opt (worksheet, CHART_ROW + (i / 2) * CHART_ROWS,
                                  (i % 2) * CHART_COLUMNS, chart, &options);
    }
  worksheet_set_column_opt (worksheet, PACE_COLUMN, PACE_COLUMN + xlsx->chart_periods->len - 1,
                            LXW_DEF_COL_WIDTH, NULL, &hidden);
}
