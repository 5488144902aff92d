/* ledger-report-chart.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-report-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ledger-chart-scale.h"
#include "ledger-chart-series.h"
#include "ledger-report-chart.h"

/* The small charts of the report, a row of them to a block. A cumulative
 * total is drawn against the pace line (target × m/12) and the target; a
 * rate or a level against its target, the `about` band shaded. Each point
 * is coloured by its status then. Only values up to the report's period
 * are drawn: a report as of 1-6月 does not know July. */

struct _LedgerReportChart
{
  LedgerChartSeries *series;
  LedgerIndicator   *indicator;  /* the series's, for short */
  GArray            *points;     /* the series's, of LedgerChartPoint */
  LedgerChartScale   scale;
};

#define CHART_GAP 14.0          /* between the charts of a row */
#define PLOT_HEIGHT 78.0
#define AXIS_WIDTH 30.0         /* the value labels, left of the plot */
#define AXIS_HEIGHT 12.0        /* the period labels, under it */
#define TITLE_GAP 4.0
#define DOT_RADIUS 2.2

static LedgerKind
kind_of (LedgerReportChart *chart)
{
  return ledger_indicator_get_kind (chart->indicator);
}

/**
 * ledger_report_chart_new:
 * @values: (element-type LedgerValue): the indicator's values, earliest first
 * @as_of: the report's period: later values are left out
 */
LedgerReportChart *
ledger_report_chart_new (LedgerIndicator        *indicator,
                         GListModel             *values,
                         const char             *as_of,
                         int                     first_year,
                         int                     last_year,
                         const LedgerTolerances *tolerances)
{
  LedgerReportChart *chart = g_new0 (LedgerReportChart, 1);
  double minimum, maximum;

  chart->series = ledger_chart_series_new (indicator, first_year, last_year, tolerances);
  ledger_chart_series_set_values (chart->series, values, as_of, LEDGER_CHART_SERIES_LATEST_FIGURES);
  chart->indicator = ledger_chart_series_get_indicator (chart->series);
  chart->points = ledger_chart_series_get_points (chart->series);
  ledger_chart_series_get_range (chart->series, &minimum, &maximum);
  ledger_chart_scale_init (&chart->scale, minimum, maximum, 4);
  return chart;
}

void
ledger_report_chart_free (LedgerReportChart *chart)
{
  if (chart == NULL)
    return;
  g_object_unref (chart->series);
  g_free (chart);
}

guint
ledger_report_chart_get_n_points (LedgerReportChart *chart)
{
  return chart->points->len;
}

/* ---- drawing -------------------------------------------------------- */

typedef struct
{
  double x, y, width, height;
} Area;

static double
x_of (LedgerReportChart *chart,
      const Area        *area,
      double             slot)
{
  return area->x + area->width * slot / ledger_chart_series_get_n_slots (chart->series);
}

static double
y_of (LedgerReportChart *chart,
      const Area        *area,
      double             value)
{
  return area->y + area->height * (1 - ledger_chart_scale_position (&chart->scale, value));
}

static void
horizontal (LedgerReportChart *chart,
            cairo_t           *cr,
            const Area        *area,
            double             value)
{
  cairo_move_to (cr, area->x, y_of (chart, area, value));
  cairo_line_to (cr, area->x + area->width, y_of (chart, area, value));
  cairo_stroke (cr);
}

static void
set_dash (cairo_t *cr,
          double   on,
          double   off)
{
  const double dashes[] = { on, off };

  cairo_set_dash (cr, dashes, on > 0 ? 2 : 0, 0);
}

static void
show_text (LedgerReportStyle *style,
           cairo_t           *cr,
           const char        *text,
           double             x,
           double             y,
           double             x_align)
{
  g_autoptr(PangoLayout) layout = ledger_report_style_layout (style, LEDGER_REPORT_FONT_SMALL, text, 0);

  ledger_report_show_layout (cr, layout, x - ledger_report_layout_width (layout) * x_align,
                             y - ledger_report_layout_height (layout) / 2);
}

/* The month a slot ends in, short: the year-to-date labels (1-9月) would
 * crowd a small chart. */
static const char *
month_label (guint month)
{
  switch (month)
    {
    case 3: return C_("month", "Mar");
    case 6: return C_("month", "Jun");
    case 9: return C_("month", "Sep");
    case 12: return C_("month", "Dec");
    default: g_return_val_if_reached ("");
    }
}

static char *
slot_label (LedgerReportChart *chart,
            guint              slot)
{
  LedgerPeriod year = { ledger_chart_series_get_first_year (chart->series) + (int) slot - 1, LEDGER_PERIOD_YEAR, 0 };

  if (ledger_chart_series_is_multi_year (chart->series))
    return ledger_period_label (&year);
  return g_strdup (month_label (slot));
}

static void
draw_axes (LedgerReportChart *chart,
           LedgerReportStyle *style,
           cairo_t           *cr,
           const Area        *area)
{
  guint step = ledger_chart_series_is_multi_year (chart->series) ? 1 : 3;
  double n_slots = ledger_chart_series_get_n_slots (chart->series);

  cairo_set_line_width (cr, 0.4);
  for (guint i = 0; i < chart->scale.n_ticks; i++)
    {
      double tick = ledger_chart_scale_tick (&chart->scale, i);
      g_autofree char *label = ledger_chart_scale_label (&chart->scale, tick, NULL);

      ledger_report_set_color (cr, i == 0 ? LEDGER_REPORT_MUTED : LEDGER_REPORT_RULE);
      horizontal (chart, cr, area, tick);
      ledger_report_set_color (cr, LEDGER_REPORT_MUTED);
      show_text (style, cr, label, area->x - 3, y_of (chart, area, tick), 1);
    }
  for (guint slot = step; slot <= n_slots; slot += step)
    {
      g_autofree char *label = slot_label (chart, slot);

      show_text (style, cr, label, x_of (chart, area, slot), area->y + area->height + AXIS_HEIGHT / 2 + 1,
                 slot == n_slots ? 1 : 0.5);
    }
}

/* Where a total should be by each month, as its pace profile has it (a
 * straight line to the target over several years; none for a year-end
 * target or a milestone). */
static void
draw_pace (LedgerReportChart *chart,
           cairo_t           *cr,
           const Area        *area)
{
  double target = ledger_indicator_get_target (chart->indicator);
  const double *due = ledger_chart_series_get_due (chart->series);

  ledger_report_set_color (cr, LEDGER_REPORT_MUTED);
  cairo_set_line_width (cr, 0.9);
  set_dash (cr, 3, 2);
  cairo_move_to (cr, x_of (chart, area, 0), y_of (chart, area, 0));
  if (due != NULL)
    for (int month = 1; month <= 12; month++)
      cairo_line_to (cr, x_of (chart, area, month), y_of (chart, area, due[month]));
  else if (ledger_chart_series_is_multi_year (chart->series))
    cairo_line_to (cr, x_of (chart, area, ledger_chart_series_get_n_slots (chart->series)),
                   y_of (chart, area, target));
  cairo_stroke (cr);
  set_dash (cr, 0, 0);
}

/* The band where a rate or level is on track around an `about` target. */
static void
draw_band (LedgerReportChart *chart,
           cairo_t           *cr,
           const Area        *area)
{
  double target = ledger_indicator_get_target (chart->indicator);
  double about, warning, top, bottom;

  if (ledger_indicator_get_comparator (chart->indicator) != LEDGER_COMPARATOR_ABOUT)
    return;
  ledger_tolerances_widths (ledger_chart_series_get_tolerances (chart->series), chart->indicator, &about, &warning);
  top = MAX (area->y, y_of (chart, area, target + about));
  bottom = MIN (area->y + area->height, y_of (chart, area, target - about));
  ledger_report_set_color (cr, LEDGER_REPORT_BAND);
  cairo_rectangle (cr, area->x, top, area->width, bottom - top);
  cairo_fill (cr);
}

static void
draw_target (LedgerReportChart *chart,
             cairo_t           *cr,
             const Area        *area)
{
  ledger_report_set_color (cr, LEDGER_REPORT_ACCENT);
  cairo_set_line_width (cr, 0.8);
  set_dash (cr, 1, 1.5);
  horizontal (chart, cr, area, ledger_indicator_get_target (chart->indicator));
  set_dash (cr, 0, 0);
}

static void
draw_values (LedgerReportChart *chart,
             cairo_t           *cr,
             const Area        *area)
{
  ledger_report_set_color (cr, LEDGER_REPORT_LINE);
  cairo_set_line_width (cr, 1.4);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < chart->points->len; i++)
    {
      LedgerChartPoint *point = &g_array_index (chart->points, LedgerChartPoint, i);

      cairo_line_to (cr, x_of (chart, area, point->slot), y_of (chart, area, point->number));
    }
  cairo_stroke (cr);

  for (guint i = 0; i < chart->points->len; i++)
    {
      LedgerChartPoint *point = &g_array_index (chart->points, LedgerChartPoint, i);

      cairo_arc (cr, x_of (chart, area, point->slot), y_of (chart, area, point->number), DOT_RADIUS,
                 0, 2 * G_PI);
      ledger_report_set_status_color (cr, point->status, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 0.6);
      cairo_stroke (cr);
    }
}

/* The title: the indicator's name, then its target in small print. */
static PangoLayout *
title_layout (LedgerReportChart *chart,
              LedgerReportStyle *style,
              double             width)
{
  PangoLayout *layout = ledger_report_style_layout (style, LEDGER_REPORT_FONT_TABLE_BOLD,
                                                    ledger_indicator_get_name (chart->indicator), width);

  pango_layout_set_height (layout, -2);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

static PangoLayout *
target_layout (LedgerReportChart *chart,
               LedgerReportStyle *style,
               double             width)
{
  g_autofree char *target = ledger_indicator_dup_target_text (chart->indicator);
  /* Translators: under a chart's title, "目标 ≥ 1000 个" */
  g_autofree char *text = g_strdup_printf (_("Target %s"), target);

  return ledger_report_style_layout (style, LEDGER_REPORT_FONT_SMALL, text, width);
}

static double
header_height (LedgerReportChart *chart,
               LedgerReportStyle *style,
               double             width)
{
  g_autoptr(PangoLayout) title = title_layout (chart, style, width);
  g_autoptr(PangoLayout) target = target_layout (chart, style, width);

  return ledger_report_layout_height (title) + ledger_report_layout_height (target) + TITLE_GAP;
}

static void
chart_draw (LedgerReportChart *chart,
            LedgerReportStyle *style,
            cairo_t           *cr,
            double             width,
            double             top)
{
  g_autoptr(PangoLayout) title = title_layout (chart, style, width);
  g_autoptr(PangoLayout) target = target_layout (chart, style, width);
  Area area = { AXIS_WIDTH, top, width - AXIS_WIDTH - 4, PLOT_HEIGHT };

  ledger_report_set_color (cr, LEDGER_REPORT_INK);
  ledger_report_show_layout (cr, title, 0, 0);
  ledger_report_set_color (cr, LEDGER_REPORT_MUTED);
  ledger_report_show_layout (cr, target, 0, ledger_report_layout_height (title));

  if (kind_of (chart) == LEDGER_KIND_CUMULATIVE)
    draw_pace (chart, cr, &area);
  else
    draw_band (chart, cr, &area);
  draw_axes (chart, style, cr, &area);
  draw_target (chart, cr, &area);
  draw_values (chart, cr, &area);
}

/* ---- a row of charts ------------------------------------------------ */

typedef struct
{
  GPtrArray *charts;
  guint      n_columns;
} ChartRow;

static void
chart_row_free (ChartRow *row)
{
  g_ptr_array_unref (row->charts);
  g_free (row);
}

static double
cell_width (ChartRow *row,
            double    width)
{
  return (width - CHART_GAP * (row->n_columns - 1)) / row->n_columns;
}

/* The plots of a row line up: they start under the tallest title. */
static double
plot_top (ChartRow          *row,
          LedgerReportStyle *style,
          double             width)
{
  double top = 0;

  for (guint i = 0; i < row->charts->len; i++)
    top = MAX (top, header_height (g_ptr_array_index (row->charts, i), style, cell_width (row, width)));
  return top + 6;
}

static double
chart_row_measure (LedgerReportBlock *block,
                   LedgerReportStyle *style,
                   double             width)
{
  return plot_top (block->data, style, width) + PLOT_HEIGHT + AXIS_HEIGHT + 4;
}

static void
chart_row_draw (LedgerReportBlock *block,
                LedgerReportStyle *style,
                cairo_t           *cr,
                double             width)
{
  ChartRow *row = block->data;
  double top = plot_top (row, style, width);
  double cell = cell_width (row, width);

  for (guint i = 0; i < row->charts->len; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, i * (cell + CHART_GAP), 0);
      ledger_report_style_update (style, cr);
      chart_draw (g_ptr_array_index (row->charts, i), style, cr, cell, top);
      cairo_restore (cr);
    }
}

/**
 * ledger_report_chart_row_new:
 * @charts: (transfer full) (element-type LedgerReportChart): at most
 *   @n_columns charts, each freed with the block
 *
 * Returns: (transfer full): a block of charts side by side, @n_columns to
 *   the width of the page
 */
LedgerReportBlock *
ledger_report_chart_row_new (GPtrArray *charts,
                             guint      n_columns)
{
  ChartRow *row = g_new0 (ChartRow, 1);
  LedgerReportBlock *block;

  g_return_val_if_fail (n_columns > 0 && charts->len <= n_columns, NULL);

  row->charts = charts;
  row->n_columns = n_columns;
  block = ledger_report_block_new (chart_row_measure, chart_row_draw, row, (GDestroyNotify) chart_row_free);
  block->space_before = 10;
  return block;
}

/* ---- the legend ----------------------------------------------------- */

#define SAMPLE_WIDTH 16.0
#define SAMPLE_GAP 4.0
#define ENTRY_GAP 14.0

typedef enum
{
  SAMPLE_VALUE,
  SAMPLE_PACE,
  SAMPLE_TARGET,
  N_SAMPLES
} Sample;

static const char *
sample_label (Sample sample)
{
  switch (sample)
    {
    case SAMPLE_VALUE: return _("Year-to-date value (dot coloured by status)");
    case SAMPLE_PACE: return _("Pace line: what is due by each month");
    case SAMPLE_TARGET:
    default: return _("Target");
    }
}

static void
draw_sample (cairo_t *cr,
             Sample   sample,
             double   x,
             double   y)
{
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + SAMPLE_WIDTH, y);
  switch (sample)
    {
    case SAMPLE_VALUE:
      ledger_report_set_color (cr, LEDGER_REPORT_LINE);
      cairo_set_line_width (cr, 1.4);
      cairo_stroke (cr);
      cairo_arc (cr, x + SAMPLE_WIDTH / 2, y, DOT_RADIUS, 0, 2 * G_PI);
      ledger_report_set_status_color (cr, LEDGER_STATUS_ON_TRACK, 1);
      cairo_fill (cr);
      break;
    case SAMPLE_PACE:
      ledger_report_set_color (cr, LEDGER_REPORT_MUTED);
      cairo_set_line_width (cr, 0.9);
      set_dash (cr, 3, 2);
      cairo_stroke (cr);
      break;
    case SAMPLE_TARGET:
    default:
      ledger_report_set_color (cr, LEDGER_REPORT_ACCENT);
      cairo_set_line_width (cr, 0.8);
      set_dash (cr, 1, 1.5);
      cairo_stroke (cr);
      break;
    }
  set_dash (cr, 0, 0);
}

static double
legend_measure (LedgerReportBlock *block,
                LedgerReportStyle *style,
                double             width)
{
  g_autoptr(PangoLayout) layout = ledger_report_style_layout (style, LEDGER_REPORT_FONT_SMALL, "0", 0);

  return ledger_report_layout_height (layout);
}

static void
legend_draw (LedgerReportBlock *block,
             LedgerReportStyle *style,
             cairo_t           *cr,
             double             width)
{
  double x = 0;

  for (Sample sample = 0; sample < N_SAMPLES; sample++)
    {
      g_autoptr(PangoLayout) layout = ledger_report_style_layout (style, LEDGER_REPORT_FONT_SMALL,
                                                                  sample_label (sample), 0);
      double height = ledger_report_layout_height (layout);

      draw_sample (cr, sample, x, height / 2);
      x += SAMPLE_WIDTH + SAMPLE_GAP;
      ledger_report_set_color (cr, LEDGER_REPORT_MUTED);
      ledger_report_show_layout (cr, layout, x, 0);
      x += ledger_report_layout_width (layout) + ENTRY_GAP;
    }
}

/* A line that says what the lines of the charts are. */
LedgerReportBlock *
ledger_report_chart_legend_new (void)
{
  LedgerReportBlock *block = ledger_report_block_new (legend_measure, legend_draw, NULL, NULL);

  block->space_before = 14;
  block->flags = LEDGER_REPORT_BLOCK_KEEP_WITH_NEXT;
  return block;
}
