/* ledger-report-block.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-report-block"

#include "config.h"

#include "ledger-report-block.h"

/* The blocks a report flows in, and the pagination that puts them on
 * pages: whole blocks only, a heading never alone at the foot of a page,
 * and a table's header again above rows that go on to a new page. */

/* How far a chain of headings reaches into what they introduce. */
#define MAX_KEEP_CHAIN 4

LedgerReportBlock *
ledger_report_block_new (LedgerReportMeasureFunc measure,
                         LedgerReportDrawFunc    draw,
                         gpointer                data,
                         GDestroyNotify          destroy)
{
  LedgerReportBlock *block = g_new0 (LedgerReportBlock, 1);

  block->measure = measure;
  block->draw = draw;
  block->data = data;
  block->destroy = destroy;
  return block;
}

void
ledger_report_block_free (LedgerReportBlock *block)
{
  if (block == NULL)
    return;
  if (block->destroy != NULL)
    block->destroy (block->data);
  g_free (block->outline);
  g_free (block);
}

/* ---- text ----------------------------------------------------------- */

typedef struct
{
  LedgerReportFont   font;
  LedgerReportColor  color;
  char              *text;
} Text;

static void
text_free (Text *text)
{
  g_free (text->text);
  g_free (text);
}

static double
text_measure (LedgerReportBlock *block,
              LedgerReportStyle *style,
              double             width)
{
  Text *text = block->data;
  g_autoptr(PangoLayout) layout = ledger_report_style_layout (style, text->font, text->text, width);

  return ledger_report_layout_height (layout);
}

static void
text_draw (LedgerReportBlock *block,
           LedgerReportStyle *style,
           cairo_t           *cr,
           double             width)
{
  Text *text = block->data;
  g_autoptr(PangoLayout) layout = ledger_report_style_layout (style, text->font, text->text, width);

  ledger_report_set_color (cr, text->color);
  ledger_report_show_layout (cr, layout, 0, 0);
}

static void
text_say (LedgerReportBlock       *block,
          const LedgerReportWords *words,
          gpointer                 user_data)
{
  Text *text = block->data;

  words->text (user_data, text->font, text->text);
}

/* A paragraph, wrapped at the page's width. */
LedgerReportBlock *
ledger_report_block_new_text (LedgerReportFont   font,
                              LedgerReportColor  color,
                              const char        *string,
                              double             space_before)
{
  Text *text = g_new0 (Text, 1);
  LedgerReportBlock *block = ledger_report_block_new (text_measure, text_draw, text,
                                                      (GDestroyNotify) text_free);

  text->font = font;
  text->color = color;
  text->text = g_strdup (string);
  block->space_before = space_before;
  block->say = text_say;
  return block;
}

/* ---- headings ------------------------------------------------------- */

#define HEADING_INDENT 10.0
#define HEADING_BAR 3.0
#define HEADING_RULE_GAP 4.0

static double
heading_measure (LedgerReportBlock *block,
                 LedgerReportStyle *style,
                 double             width)
{
  Text *text = block->data;
  g_autoptr(PangoLayout) layout = ledger_report_style_layout (style, text->font, text->text,
                                                              width - HEADING_INDENT);

  return ledger_report_layout_height (layout) + HEADING_RULE_GAP + 1;
}

/* The heading with a bar of the accent colour before it and a rule under
 * it across the page. */
static void
heading_draw (LedgerReportBlock *block,
              LedgerReportStyle *style,
              cairo_t           *cr,
              double             width)
{
  Text *text = block->data;
  g_autoptr(PangoLayout) layout = ledger_report_style_layout (style, text->font, text->text,
                                                              width - HEADING_INDENT);
  double height = ledger_report_layout_height (layout);

  ledger_report_set_color (cr, LEDGER_REPORT_ACCENT);
  cairo_rectangle (cr, 0, 3, HEADING_BAR, height - 6);
  cairo_fill (cr);
  ledger_report_set_color (cr, LEDGER_REPORT_INK);
  ledger_report_show_layout (cr, layout, HEADING_INDENT, 0);
  ledger_report_set_color (cr, LEDGER_REPORT_RULE);
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, 0, height + HEADING_RULE_GAP);
  cairo_line_to (cr, width, height + HEADING_RULE_GAP);
  cairo_stroke (cr);
}

/* A section's heading; it is the section's bookmark in the PDF too. */
LedgerReportBlock *
ledger_report_block_new_heading (const char *string,
                                 gboolean    new_page)
{
  LedgerReportBlock *block = ledger_report_block_new_text (LEDGER_REPORT_FONT_HEADING,
                                                           LEDGER_REPORT_INK, string, 20);

  block->measure = heading_measure;
  block->draw = heading_draw;
  block->flags = LEDGER_REPORT_BLOCK_KEEP_WITH_NEXT | (new_page ? LEDGER_REPORT_BLOCK_NEW_PAGE : 0);
  block->outline = g_strdup (string);
  return block;
}

/* ---- pagination ----------------------------------------------------- */

/* The room a block needs where it starts: itself, and what it must stay
 * with (a heading with the first row of its table). */
static double
needed_height (GPtrArray *blocks,
               guint      index)
{
  LedgerReportBlock *block = g_ptr_array_index (blocks, index);
  double needed = block->height;

  for (guint i = index, n = 0;
       i + 1 < blocks->len && n < MAX_KEEP_CHAIN &&
       (((LedgerReportBlock *) g_ptr_array_index (blocks, i))->flags & LEDGER_REPORT_BLOCK_KEEP_WITH_NEXT);
       i++, n++)
    {
      LedgerReportBlock *next = g_ptr_array_index (blocks, i + 1);

      if (next->flags & (LEDGER_REPORT_BLOCK_NEW_PAGE | LEDGER_REPORT_BLOCK_FULL_PAGE))
        break;
      needed += next->space_before + next->height;
    }
  return needed;
}

static GArray *
add_page (GPtrArray *pages)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (LedgerReportPlacement));

  g_ptr_array_add (pages, page);
  return page;
}

static void
place (GArray            *page,
       LedgerReportBlock *block,
       double            *y)
{
  LedgerReportPlacement placement = { block, *y };

  g_array_append_val (page, placement);
  *y += block->height;
}

/**
 * ledger_report_paginate_blocks:
 * @blocks: (element-type LedgerReportBlock): the report's flow
 * @height: the height of a page's text area
 *
 * Measures each block at @width and puts it on a page.
 *
 * Returns: (transfer full) (element-type GArray): the pages, each an array
 *   of #LedgerReportPlacement
 */
GPtrArray *
ledger_report_paginate_blocks (GPtrArray         *blocks,
                               LedgerReportStyle *style,
                               double             width,
                               double             height)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  GArray *page = add_page (pages);
  double y = 0;

  for (guint i = 0; i < blocks->len; i++)
    {
      LedgerReportBlock *block = g_ptr_array_index (blocks, i);

      block->height = block->flags & LEDGER_REPORT_BLOCK_FULL_PAGE
                      ? height : block->measure (block, style, width);
      if (block->repeat != NULL && block->repeat->height == 0)
        block->repeat->height = block->repeat->measure (block->repeat, style, width);
    }

  for (guint i = 0; i < blocks->len; i++)
    {
      LedgerReportBlock *block = g_ptr_array_index (blocks, i);
      gboolean fresh = page->len == 0;

      if (!fresh && ((block->flags & (LEDGER_REPORT_BLOCK_NEW_PAGE | LEDGER_REPORT_BLOCK_FULL_PAGE)) ||
                     y + block->space_before + needed_height (blocks, i) > height))
        {
          page = add_page (pages);
          y = 0;
          fresh = TRUE;
        }
      if (fresh && block->repeat != NULL && block->repeat != block)
        place (page, block->repeat, &y);
      else if (!fresh)
        y += block->space_before;
      place (page, block, &y);
      /* Nothing shares the title page. */
      if (block->flags & LEDGER_REPORT_BLOCK_FULL_PAGE)
        y = height + 1;
    }
  return pages;
}

/* Draws a page's blocks, from the top of its text area. */
void
ledger_report_draw_placements (GArray            *placements,
                               LedgerReportStyle *style,
                               cairo_t           *cr,
                               double             width)
{
  for (guint i = 0; i < placements->len; i++)
    {
      LedgerReportPlacement *placement = &g_array_index (placements, LedgerReportPlacement, i);

      cairo_save (cr);
      cairo_translate (cr, 0, placement->y);
      ledger_report_style_update (style, cr);
      placement->block->draw (placement->block, style, cr, width);
      cairo_restore (cr);
    }
  ledger_report_style_update (style, cr);
}
