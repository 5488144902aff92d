/* ledger-report-block.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-report-style.h"

G_BEGIN_DECLS

typedef struct _LedgerReportBlock LedgerReportBlock;

/* Returns the height the block takes at @width; draws it at the origin. */
typedef double (*LedgerReportMeasureFunc) (LedgerReportBlock *block,
                                           LedgerReportStyle *style,
                                           double             width);
typedef void   (*LedgerReportDrawFunc)    (LedgerReportBlock *block,
                                           LedgerReportStyle *style,
                                           cairo_t           *cr,
                                           double             width);

/* What a cell, a column's title or a figure says, without its drawing: for
 * the writers of other formats than pages (the Word document). */
typedef struct
{
  const char *text;
  const char *detail;   /* small print under the text, or NULL */
  double      share;    /* a column's title: its share of the table's width */
  int         status;   /* a #LedgerStatus the text is the word of, or -1 */
} LedgerReportCellText;

/* The words of a report's flow, block by block; a block that is only a
 * picture (a row of charts) calls none of them. */
typedef struct
{
  void (*title_page)   (gpointer                    user_data,
                        const char * const         *lines,     /* region (or ""), title, subtitle, as of */
                        const char                 *footer);
  void (*text)         (gpointer                    user_data,
                        LedgerReportFont            font,
                        const char                 *text);
  void (*table_header) (gpointer                    user_data,
                        const LedgerReportCellText *columns,
                        guint                       n_columns);
  void (*table_row)    (gpointer                    user_data,
                        const LedgerReportCellText *cells,
                        guint                       n_cells);
  void (*table_group)  (gpointer                    user_data,
                        const char                 *title);
  void (*figures)      (gpointer                    user_data,
                        const LedgerReportCellText *figures,  /* text: the figure, detail: its label */
                        guint                       n_figures);
} LedgerReportWords;

typedef void (*LedgerReportSayFunc) (LedgerReportBlock       *block,
                                     const LedgerReportWords *words,
                                     gpointer                 user_data);

typedef enum
{
  LEDGER_REPORT_BLOCK_NEW_PAGE       = 1 << 0,  /* starts a page */
  LEDGER_REPORT_BLOCK_KEEP_WITH_NEXT = 1 << 1,  /* a heading: never last on a page */
  LEDGER_REPORT_BLOCK_FULL_PAGE      = 1 << 2,  /* takes the whole page: the title page */
} LedgerReportBlockFlags;

/* One piece of a report's flow: a heading, a paragraph, a table row, a row
 * of charts. Pagination puts whole blocks on pages. */
struct _LedgerReportBlock
{
  LedgerReportMeasureFunc  measure;
  LedgerReportDrawFunc     draw;
  gpointer                 data;
  GDestroyNotify           destroy;
  LedgerReportBlockFlags   flags;
  double                   space_before;  /* dropped at the top of a page */
  LedgerReportBlock       *repeat;        /* drawn first when this block starts a page: its
                                             table's header (not owned) */
  char                    *outline;       /* the section it opens, for the PDF's bookmarks */
  LedgerReportSayFunc      say;           /* its words, or NULL for a picture */
  double                   height;        /* as last measured */
};

/* Where a block goes on a page. */
typedef struct
{
  LedgerReportBlock *block;
  double             y;
} LedgerReportPlacement;

LedgerReportBlock *ledger_report_block_new       (LedgerReportMeasureFunc  measure,
                                                  LedgerReportDrawFunc     draw,
                                                  gpointer                 data,
                                                  GDestroyNotify           destroy);
void               ledger_report_block_free      (LedgerReportBlock       *block);
LedgerReportBlock *ledger_report_block_new_text  (LedgerReportFont         font,
                                                  LedgerReportColor        color,
                                                  const char              *text,
                                                  double                   space_before);
LedgerReportBlock *ledger_report_block_new_heading (const char            *text,
                                                    gboolean               new_page);
GPtrArray         *ledger_report_paginate_blocks (GPtrArray               *blocks,
                                                  LedgerReportStyle       *style,
                                                  double                   width,
                                                  double                   height);
void               ledger_report_draw_placements (GArray                  *placements,
                                                  LedgerReportStyle       *style,
                                                  cairo_t                 *cr,
                                                  double                   width);

G_END_DECLS
