/* ledger-report-summary.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-report-summary"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ledger-area.h"
#include "ledger-report-private.h"
#include "ledger-report-table.h"

/* The front of the report: the title page, then the summary — the pace of
 * the period, how many indicators and tasks stand in each status, and the
 * indicators behind or on warning, the worst first. */

/* ---- the title page ------------------------------------------------- */

typedef struct
{
  char *region;
  char *title;
  char *subtitle;
  char *as_of;
  char *footer;
} TitlePage;

static void
title_page_free (TitlePage *page)
{
  g_free (page->region);
  g_free (page->title);
  g_free (page->subtitle);
  g_free (page->as_of);
  g_free (page->footer);
  g_free (page);
}

/* Draws @text centred at @y; returns the y under it. */
static double
centered (LedgerReportStyle *style,
          cairo_t           *cr,
          LedgerReportFont   font,
          const char        *text,
          double             width,
          double             y)
{
  g_autoptr(PangoLayout) layout = ledger_report_style_layout (style, font, text, width);

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  ledger_report_show_layout (cr, layout, 0, y);
  return y + ledger_report_layout_height (layout);
}

static double
title_page_measure (LedgerReportBlock *block,
                    LedgerReportStyle *style,
                    double             width)
{
  return 0;  /* a full page: the paginator gives it the page's height */
}

/* As an official document: the title in red serif over a double rule,
 * what the report is and its period under it, who made it at the foot. */
static void
title_page_draw (LedgerReportBlock *block,
                 LedgerReportStyle *style,
                 cairo_t           *cr,
                 double             width)
{
  TitlePage *page = block->data;
  double y = block->height * 0.24;

  if (page->region != NULL)
    {
      ledger_report_set_color (cr, LEDGER_REPORT_MUTED);
      y = centered (style, cr, LEDGER_REPORT_FONT_SUBTITLE, page->region, width, y - 30);
    }
  ledger_report_set_color (cr, LEDGER_REPORT_ACCENT);
  y = centered (style, cr, LEDGER_REPORT_FONT_TITLE, page->title, width, y + 10) + 16;
  cairo_rectangle (cr, 0, y, width, 2.2);
  cairo_rectangle (cr, 0, y + 4.2, width, 0.6);
  cairo_fill (cr);

  ledger_report_set_color (cr, LEDGER_REPORT_INK);
  y = centered (style, cr, LEDGER_REPORT_FONT_SUBTITLE, page->subtitle, width, y + 28);
  ledger_report_set_color (cr, LEDGER_REPORT_MUTED);
  centered (style, cr, LEDGER_REPORT_FONT_BODY, page->as_of, width, y + 10);

  {
    g_autoptr(PangoLayout) footer = ledger_report_style_layout (style, LEDGER_REPORT_FONT_BODY,
                                                                page->footer, width);

    pango_layout_set_alignment (footer, PANGO_ALIGN_CENTER);
    ledger_report_set_color (cr, LEDGER_REPORT_MUTED);
    ledger_report_show_layout (cr, footer, 0, block->height * 0.82);
  }
}

static char *
format_date (GDateTime *date)
{
  /* Translators: the report's date, as strftime() writes it: "2026年7月10日" */
  return g_date_time_format (date, _("%B %-d, %Y"));
}

void
ledger_report_add_title_page (LedgerReportBuilder *builder)
{
  TitlePage *page = g_new0 (TitlePage, 1);
  LedgerReportBlock *block;
  g_autofree char *as_of = ledger_period_as_of_label (ledger_context_get_as_of (builder->context));
  g_autofree char *date = format_date (builder->date);
  const char *region = ledger_plan_get_region (builder->plan);
  const char *source = ledger_plan_get_source (builder->plan);
  GString *footer = g_string_new (NULL);

  page->title = g_strdup (ledger_node_get_title (LEDGER_NODE (builder->plan)));
  /* The region over the title, unless the title says it already. */
  page->region = region[0] != '\0' && strstr (page->title, region) == NULL ? g_strdup (region) : NULL;
  page->subtitle = g_strdup (_("Monthly progress report on the targets"));
  /* Translators: the report's period on its title page, "截至 1-6月（上半年）" */
  page->as_of = g_strdup_printf (_("As of %s"), as_of);
  if (source[0] != '\0')
    /* Translators: the document the plan is taken from */
    g_string_append_printf (footer, _("Source: %s"), source), g_string_append_c (footer, '\n');
  /* Translators: the report's date on its title page */
  g_string_append_printf (footer, _("Report date: %s"), date);
  g_string_append_c (footer, '\n');
  /* Translators: %s is the application's name, 目标台账 */
  g_string_append_printf (footer, _("Prepared with %s"), _("Target Ledger"));
  page->footer = g_string_free (footer, FALSE);

  block = ledger_report_block_new (title_page_measure, title_page_draw, page,
                                   (GDestroyNotify) title_page_free);
  block->flags = LEDGER_REPORT_BLOCK_FULL_PAGE;
  g_ptr_array_add (builder->blocks, block);
}

/* ---- the figures ---------------------------------------------------- */

typedef struct
{
  char         *figure;
  char         *label;
  gboolean      has_status;  /* else the accent: the pace */
  LedgerStatus  status;
} Tile;

static void
tile_clear (Tile *tile)
{
  g_free (tile->figure);
  g_free (tile->label);
}

#define TILE_GAP 8.0
#define TILE_BAR 3.0
#define TILE_PAD 6.0
/* The pace and six statuses: a total may be achieved, on track, on
 * warning, behind, not yet assessed or without data. */
#define TILES_PER_ROW 7

static double
tile_width (double width)
{
  return (width - TILE_GAP * (TILES_PER_ROW - 1)) / TILES_PER_ROW;
}

/* Draws a tile (when @cr is set) and returns its height. */
static double
tile_render (LedgerReportStyle *style,
             cairo_t           *cr,
             Tile              *tile,
             double             width)
{
  g_autoptr(PangoLayout) figure = ledger_report_style_layout (style, LEDGER_REPORT_FONT_FIGURE,
                                                              tile->figure, width);
  g_autoptr(PangoLayout) label = ledger_report_style_layout (style, LEDGER_REPORT_FONT_TABLE,
                                                             tile->label, width - 2 * TILE_PAD);
  double figure_height = ledger_report_layout_height (figure);
  double height = TILE_BAR + TILE_PAD + figure_height + ledger_report_layout_height (label) + TILE_PAD;

  if (cr == NULL)
    return height;

  pango_layout_set_alignment (figure, PANGO_ALIGN_CENTER);
  pango_layout_set_alignment (label, PANGO_ALIGN_CENTER);
  ledger_report_set_color (cr, LEDGER_REPORT_BAND);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  if (tile->has_status)
    ledger_report_set_status_color (cr, tile->status, 1);
  else
    ledger_report_set_color (cr, LEDGER_REPORT_ACCENT);
  cairo_rectangle (cr, 0, 0, width, TILE_BAR);
  cairo_fill (cr);
  if (tile->has_status)
    ledger_report_set_status_ink (cr, tile->status);
  ledger_report_show_layout (cr, figure, 0, TILE_BAR + TILE_PAD);
  ledger_report_set_color (cr, LEDGER_REPORT_INK);
  ledger_report_show_layout (cr, label, TILE_PAD, TILE_BAR + TILE_PAD + figure_height);
  return height;
}

/* A row of tiles (when @cr is set) and its height. */
static double
tiles_render (GArray            *tiles,
              LedgerReportStyle *style,
              cairo_t           *cr,
              double             width)
{
  double height = 0;

  for (guint i = 0; i < tiles->len; i++)
    height = MAX (height, tile_render (style, NULL, &g_array_index (tiles, Tile, i), tile_width (width)));
  for (guint i = 0; cr != NULL && i < tiles->len; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, i * (tile_width (width) + TILE_GAP), 0);
      ledger_report_style_update (style, cr);
      tile_render (style, cr, &g_array_index (tiles, Tile, i), tile_width (width));
      cairo_restore (cr);
    }
  return height;
}

static double
tiles_measure (LedgerReportBlock *block,
               LedgerReportStyle *style,
               double             width)
{
  return tiles_render (block->data, style, NULL, width);
}

static void
tiles_draw (LedgerReportBlock *block,
            LedgerReportStyle *style,
            cairo_t           *cr,
            double             width)
{
  tiles_render (block->data, style, cr, width);
}

static GArray *
tiles_new (void)
{
  GArray *tiles = g_array_new (FALSE, TRUE, sizeof (Tile));

  g_array_set_clear_func (tiles, (GDestroyNotify) tile_clear);
  return tiles;
}

static void
add_status_tile (GArray       *tiles,
                 LedgerStatus  status,
                 guint         count)
{
  Tile tile = { g_strdup_printf ("%u", count), g_strdup (ledger_report_status_label (status)), TRUE, status };

  g_array_append_val (tiles, tile);
}

/* The statuses in the order of a traffic light, best first; a qualitative
 * task's beside the light it counts under. */
static const LedgerStatus status_order[] = {
  LEDGER_STATUS_ACHIEVED, LEDGER_STATUS_DONE, LEDGER_STATUS_ON_TRACK, LEDGER_STATUS_IN_PROGRESS,
  LEDGER_STATUS_WARNING, LEDGER_STATUS_NOT_STARTED, LEDGER_STATUS_BEHIND, LEDGER_STATUS_OVERDUE,
  LEDGER_STATUS_PENDING, LEDGER_STATUS_NO_DATA,
};

/* A caption ("量化指标 48 项") over a row of tiles: the statuses that occur
 * among the entries that are (or are not) measured, with the pace first
 * for the measured ones. */
static void
add_tiles (LedgerReportBuilder *builder,
           gboolean             measured)
{
  guint counts[LEDGER_N_STATUSES] = { 0 };
  guint total = 0;
  g_autofree char *caption = NULL;
  LedgerReportBlock *block;
  GArray *tiles = tiles_new ();

  for (guint i = 0; i < builder->entries->len; i++)
    {
      LedgerReportEntry *entry = g_ptr_array_index (builder->entries, i);

      if (ledger_report_entry_is_measured (entry) == measured)
        counts[entry->progress.status]++, total++;
    }
  if (total == 0)
    {
      g_array_unref (tiles);
      return;
    }

  if (measured)
    {
      LedgerPeriod period;
      Tile pace = { NULL, g_strdup (_("Pace")), FALSE, 0 };

      if (ledger_period_parse (ledger_context_get_as_of (builder->context), &period))
        pace.figure = ledger_report_format_percent (ledger_period_pace (&period));
      else
        pace.figure = g_strdup ("—");
      g_array_append_val (tiles, pace);
    }
  for (guint i = 0; i < G_N_ELEMENTS (status_order) && tiles->len < TILES_PER_ROW; i++)
    if (counts[status_order[i]] > 0)
      add_status_tile (tiles, status_order[i], counts[status_order[i]]);

  caption = measured
            ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u measured indicator",
                                            "%u measured indicators", total), total)
            : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u qualitative task",
                                            "%u qualitative tasks", total), total);
  block = ledger_report_block_new_text (LEDGER_REPORT_FONT_SUBHEADING, LEDGER_REPORT_INK, caption, 14);
  block->flags = LEDGER_REPORT_BLOCK_KEEP_WITH_NEXT;
  g_ptr_array_add (builder->blocks, block);
  block = ledger_report_block_new (tiles_measure, tiles_draw, tiles, (GDestroyNotify) g_array_unref);
  block->space_before = 6;
  g_ptr_array_add (builder->blocks, block);
}

/* ---- the indicators that need attention ---------------------------- */

/* How far an indicator is from where it should be, as a share of that:
 * comparable between a total behind pace and a rate under its target. */
static double
shortfall (const LedgerReportEntry *entry)
{
  double due = entry->progress.expected;

  if (entry->value == NULL || !ledger_value_has_number (entry->value) || !isfinite (due))
    return 0;
  return fabs (ledger_value_get_number (entry->value) - due) / MAX (fabs (due), 1e-9);
}

static int
compare_worst_first (gconstpointer a,
                     gconstpointer b)
{
  const LedgerReportEntry *x = *(LedgerReportEntry * const *) a;
  const LedgerReportEntry *y = *(LedgerReportEntry * const *) b;
  double dx, dy;

  if (x->progress.status != y->progress.status)
    return ledger_status_compare_severity (x->progress.status, y->progress.status);
  dx = shortfall (x);
  dy = shortfall (y);
  return (dx < dy) - (dx > dy);
}

enum { ALERT_INDICATOR, ALERT_VALUE, ALERT_GAP, ALERT_STATUS, N_ALERT_COLUMNS };

static void
add_alert_row (LedgerReportTable       *table,
               const LedgerReportEntry *entry)
{
  guint row = ledger_report_table_add_row (table);
  g_autofree char *value = ledger_report_entry_value_text (entry);
  g_autofree char *period = ledger_report_entry_period_text (entry);
  g_autofree char *target = ledger_report_entry_target_text (entry);
  g_autofree char *gap = ledger_progress_dup_gap_text (entry->indicator, &entry->progress);
  /* Translators: under a value in the summary, the indicator's target: "目标 ≥ 1000 个" */
  g_autofree char *target_text = g_strdup_printf (_("Target %s"), target);
  const char *note = entry->value != NULL ? ledger_value_get_note (entry->value) : "";
  LedgerNode *area = entry->area;
  const char *area_title = LEDGER_IS_AREA (area) ? ledger_area_get_short_title (LEDGER_AREA (area))
                                                 : ledger_node_get_title (area);

  ledger_report_table_set_text (table, row, ALERT_INDICATOR, ledger_indicator_get_name (entry->indicator),
                                area_title);
  if (ledger_report_entry_is_measured (entry))
    {
      /* Translators: a value and its period, "812 个 · 1-10月" */
      g_autofree char *value_period = g_strdup_printf (_("%s · %s"), value, period);

      ledger_report_table_set_text (table, row, ALERT_VALUE, value_period, target_text);
      ledger_report_table_set_text (table, row, ALERT_GAP, gap != NULL ? gap : "—", NULL);
    }
  else
    {
      ledger_report_table_set_text (table, row, ALERT_VALUE, period != NULL ? period : "—", NULL);
      ledger_report_table_set_text (table, row, ALERT_GAP, note[0] != '\0' ? note : "—", NULL);
    }
  ledger_report_table_set_status (table, row, ALERT_STATUS, entry->progress.status);
}

typedef gboolean (*EntryFilter) (const LedgerReportEntry *entry);
typedef void     (*RowWriter)   (LedgerReportTable       *table,
                                 const LedgerReportEntry *entry);

/* A list of the summary: its heading, then a table of the entries @keep
 * takes, in the order of @compare, or @none when it takes none. */
static void
add_listing (LedgerReportBuilder *builder,
             const char          *title,
             const char          *none,
             LedgerReportTable   *table,
             EntryFilter          keep,
             GCompareFunc         compare,
             RowWriter            add_row)
{
  g_autoptr(GPtrArray) listed = g_ptr_array_new ();
  LedgerReportBlock *heading;

  for (guint i = 0; i < builder->entries->len; i++)
    {
      LedgerReportEntry *entry = g_ptr_array_index (builder->entries, i);

      if (keep (entry))
        g_ptr_array_add (listed, entry);
    }
  g_ptr_array_sort (listed, compare);

  heading = ledger_report_block_new_text (LEDGER_REPORT_FONT_SUBHEADING, LEDGER_REPORT_INK, title, 22);
  heading->flags = LEDGER_REPORT_BLOCK_KEEP_WITH_NEXT;
  g_ptr_array_add (builder->blocks, heading);
  if (listed->len == 0)
    {
      g_ptr_array_add (builder->blocks,
                       ledger_report_block_new_text (LEDGER_REPORT_FONT_BODY, LEDGER_REPORT_MUTED, none, 6));
      return;
    }
  for (guint i = 0; i < listed->len; i++)
    add_row (table, g_ptr_array_index (listed, i));
  ledger_report_table_append_blocks (table, builder->blocks);
}

static gboolean
needs_attention (const LedgerReportEntry *entry)
{
  return ledger_status_needs_attention (entry->progress.status);
}

static void
add_alerts (LedgerReportBuilder *builder)
{
  LedgerReportColumn columns[N_ALERT_COLUMNS] = {
    [ALERT_INDICATOR] = { _("Indicator"), 0.28 },
    [ALERT_VALUE] = { _("Value · period"), 0.24 },
    [ALERT_GAP] = { _("Gap"), 0.31 },
    [ALERT_STATUS] = { _("Status"), 0.17 },
  };
  g_autoptr(LedgerReportTable) table = ledger_report_table_new (columns, N_ALERT_COLUMNS);

  add_listing (builder, _("Behind and on warning"), _("No indicator is behind or on warning."), table,
               needs_attention, compare_worst_first, add_alert_row);
}

/* ---- the totals that may miss the year ----------------------------- */

static int
compare_largest_shortfall_first (gconstpointer a,
                                 gconstpointer b)
{
  const LedgerReportEntry *x = *(LedgerReportEntry * const *) a;
  const LedgerReportEntry *y = *(LedgerReportEntry * const *) b;
  double dx = x->progress.projection_shortfall;
  double dy = y->progress.projection_shortfall;

  return (dx < dy) - (dx > dy);
}

enum { MISS_INDICATOR, MISS_PROJECTION, MISS_SHORTFALL, MISS_STATUS, N_MISS_COLUMNS };

static void
add_miss_row (LedgerReportTable       *table,
              const LedgerReportEntry *entry)
{
  guint row = ledger_report_table_add_row (table);
  LedgerIndicator *indicator = entry->indicator;
  double target = ledger_indicator_get_target (indicator);
  double shortfall = fabs (target - entry->progress.projection) / target;
  g_autofree char *projection = ledger_indicator_format_value (indicator, entry->progress.projection);
  g_autofree char *target_text = ledger_report_entry_target_text (entry);
  /* Translators: under a projection, the indicator's target: "目标 ≥ 30 家（力争）" */
  g_autofree char *target_line = g_strdup_printf (_("Target %s"), target_text);
  g_autofree char *amount = ledger_indicator_format_value (indicator, fabs (target - entry->progress.projection));
  g_autofree char *share = ledger_report_format_percent (shortfall);
  /* Translators: how far a projection falls short, "差 6 家（20.0%）" */
  g_autofree char *gap = g_strdup_printf (_("%s short (%s)"), amount, share);

  ledger_report_table_set_text (table, row, MISS_INDICATOR, ledger_indicator_get_name (indicator),
                                ledger_indicator_get_responsible_unit (indicator));
  ledger_report_table_set_text (table, row, MISS_PROJECTION, projection, target_line);
  ledger_report_table_set_text (table, row, MISS_SHORTFALL, gap,
                                entry->progress.projection_fallback
                                ? _("projected by months") : _("projected as last year went"));
  ledger_report_table_set_status (table, row, MISS_STATUS, entry->progress.status);
}

static gboolean
may_miss (const LedgerReportEntry *entry)
{
  return entry->value != NULL && !entry->progress.stale &&
         entry->progress.projection_shortfall > 0;
}

/* 预计难以完成全年目标: the totals whose projection for the year falls
 * short of the target, the largest shortfall first, whatever their status
 * today. */
static void
add_may_miss (LedgerReportBuilder *builder)
{
  LedgerReportColumn columns[N_MISS_COLUMNS] = {
    [MISS_INDICATOR] = { _("Indicator"), 0.28 },
    [MISS_PROJECTION] = { _("Projected for the year"), 0.24 },
    [MISS_SHORTFALL] = { _("Shortfall"), 0.31 },
    [MISS_STATUS] = { _("Status"), 0.17 },
  };
  g_autoptr(LedgerReportTable) table = ledger_report_table_new (columns, N_MISS_COLUMNS);

  add_listing (builder, _("May miss the year"), _("No total is projected to fall short of its target."),
               table, may_miss, compare_largest_shortfall_first, add_miss_row);
}

/* ---- the summary ---------------------------------------------------- */

void
ledger_report_add_summary (LedgerReportBuilder *builder)
{
  const char *as_of = ledger_context_get_as_of (builder->context);
  g_autofree char *as_of_label = ledger_period_as_of_label (as_of);
  g_autofree char *pace = NULL;
  g_autofree char *text = NULL;
  LedgerPeriod period;

  g_ptr_array_add (builder->blocks, ledger_report_block_new_heading (_("Summary"), TRUE));
  if (ledger_period_parse (as_of, &period))
    {
      pace = ledger_report_format_percent (ledger_period_pace (&period));
      /* Translators: the summary's first sentence, "截至1-6月（上半年），序时进度为 50.0%。" */
      text = g_strdup_printf (_("As of %s the pace is %s: a total on track has reached this share of "
                                "its target for the year."), as_of_label, pace);
      g_ptr_array_add (builder->blocks,
                       ledger_report_block_new_text (LEDGER_REPORT_FONT_BODY, LEDGER_REPORT_INK, text, 10));
    }
  add_tiles (builder, TRUE);
  add_tiles (builder, FALSE);
  add_alerts (builder);
  add_may_miss (builder);
}
