/* ledger-report-style.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "ledger-progress.h"

G_BEGIN_DECLS

typedef enum
{
  LEDGER_REPORT_FONT_TITLE,
  LEDGER_REPORT_FONT_SUBTITLE,
  LEDGER_REPORT_FONT_HEADING,
  LEDGER_REPORT_FONT_SUBHEADING,
  LEDGER_REPORT_FONT_BODY,
  LEDGER_REPORT_FONT_TABLE,
  LEDGER_REPORT_FONT_TABLE_BOLD,
  LEDGER_REPORT_FONT_SMALL,
  LEDGER_REPORT_FONT_FIGURE,
  LEDGER_REPORT_N_FONTS
} LedgerReportFont;

typedef enum
{
  LEDGER_REPORT_INK,
  LEDGER_REPORT_MUTED,
  LEDGER_REPORT_RULE,
  LEDGER_REPORT_BAND,
  LEDGER_REPORT_ACCENT,
  LEDGER_REPORT_LINE,
} LedgerReportColor;

typedef struct _LedgerReportStyle LedgerReportStyle;

LedgerReportStyle *ledger_report_style_new          (cairo_t           *cr);
void               ledger_report_style_free         (LedgerReportStyle *style);
void               ledger_report_style_update       (LedgerReportStyle *style,
                                                     cairo_t           *cr);
PangoLayout       *ledger_report_style_layout       (LedgerReportStyle *style,
                                                     LedgerReportFont   font,
                                                     const char        *text,
                                                     double             width);
double             ledger_report_layout_width       (PangoLayout       *layout);
double             ledger_report_layout_height      (PangoLayout       *layout);
void               ledger_report_show_layout        (cairo_t           *cr,
                                                     PangoLayout       *layout,
                                                     double             x,
                                                     double             y);
void               ledger_report_set_color          (cairo_t           *cr,
                                                     LedgerReportColor  color);
void               ledger_report_set_status_color   (cairo_t           *cr,
                                                     LedgerStatus       status,
                                                     double             tint);
void               ledger_report_set_status_ink     (cairo_t           *cr,
                                                     LedgerStatus       status);
char              *ledger_report_status_ink_hex     (LedgerStatus       status);
const char        *ledger_report_status_label       (LedgerStatus       status);
double             ledger_report_style_status_height (LedgerReportStyle *style);
void               ledger_report_style_draw_status  (LedgerReportStyle *style,
                                                     cairo_t           *cr,
                                                     LedgerStatus       status,
                                                     double             x,
                                                     double             y,
                                                     double             width);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerReportStyle, ledger_report_style_free)

G_END_DECLS
