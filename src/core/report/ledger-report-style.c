/* ledger-report-style.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-report-style"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-document-text.h"
#include "ledger-report-style.h"
#include "ledger-status.h"

/* The look of the printed report: its fonts, colours and status marks. A
 * report is on paper, so the colours are fixed (no dark mode) and every
 * status is written out as well as coloured: it must survive a grey-scale
 * copier. Text is laid out in points (72 per inch) whatever the target,
 * without hinting, so that a page measured for a PDF file draws the same
 * on a printer's surface. */

struct _LedgerReportStyle
{
  PangoFontMap         *font_map;
  PangoContext         *context;
  PangoFontDescription *fonts[LEDGER_REPORT_N_FONTS];
};

/* Noto CJK carries both scripts: plan data is Chinese, labels may be
 * English. The serif (宋体-like) face is for the title, as on an official
 * document; everything else is in the sans (黑体-like) face. */
static const char *font_names[LEDGER_REPORT_N_FONTS] = {
  [LEDGER_REPORT_FONT_TITLE] = "Noto Serif CJK SC Bold 24",
  [LEDGER_REPORT_FONT_SUBTITLE] = "Noto Sans CJK SC 14",
  [LEDGER_REPORT_FONT_HEADING] = "Noto Sans CJK SC Bold 14",
  [LEDGER_REPORT_FONT_SUBHEADING] = "Noto Sans CJK SC Bold 10.5",
  [LEDGER_REPORT_FONT_BODY] = "Noto Sans CJK SC 10",
  [LEDGER_REPORT_FONT_TABLE] = "Noto Sans CJK SC 8.5",
  [LEDGER_REPORT_FONT_TABLE_BOLD] = "Noto Sans CJK SC Bold 8.5",
  [LEDGER_REPORT_FONT_SMALL] = "Noto Sans CJK SC 7",
  [LEDGER_REPORT_FONT_FIGURE] = "Noto Sans CJK SC Bold 18",
};

typedef struct
{
  double red, green, blue;
} Rgb;

static const Rgb colors[] = {
  [LEDGER_REPORT_INK] = { 0.12, 0.12, 0.14 },
  [LEDGER_REPORT_MUTED] = { 0.37, 0.36, 0.39 },
  [LEDGER_REPORT_RULE] = { 0.75, 0.75, 0.74 },
  [LEDGER_REPORT_BAND] = { 0.93, 0.94, 0.95 },
  [LEDGER_REPORT_ACCENT] = { 0.65, 0.11, 0.18 },
  [LEDGER_REPORT_LINE] = { 0.10, 0.37, 0.71 },
};

/* The traffic lights of the window (red, amber, green, blue, grey), and a
 * darker shade of each for words, legible on white and on the tint. */
static const Rgb status_colors[] = {
  [LEDGER_STATUS_NO_DATA] = { 0.60, 0.60, 0.59 },
  [LEDGER_STATUS_BEHIND] = { 0.75, 0.11, 0.16 },
  [LEDGER_STATUS_WARNING] = { 0.90, 0.65, 0.04 },
  [LEDGER_STATUS_ON_TRACK] = { 0.15, 0.64, 0.41 },
  [LEDGER_STATUS_ACHIEVED] = { 0.11, 0.44, 0.85 },
  [LEDGER_STATUS_PENDING] = { 0.45, 0.52, 0.60 },
  [LEDGER_STATUS_OVERDUE] = { 0.56, 0.07, 0.38 },
};

static const Rgb status_inks[] = {
  [LEDGER_STATUS_NO_DATA] = { 0.37, 0.36, 0.39 },
  [LEDGER_STATUS_BEHIND] = { 0.65, 0.11, 0.18 },
  [LEDGER_STATUS_WARNING] = { 0.54, 0.35, 0.00 },
  [LEDGER_STATUS_ON_TRACK] = { 0.12, 0.48, 0.31 },
  [LEDGER_STATUS_ACHIEVED] = { 0.10, 0.37, 0.71 },
  [LEDGER_STATUS_PENDING] = { 0.27, 0.33, 0.42 },
  [LEDGER_STATUS_OVERDUE] = { 0.50, 0.05, 0.33 },
};

#define STATUS_PADDING_X 5.0
#define STATUS_PADDING_Y 1.5
#define STATUS_MIN_WIDTH 40.0

/**
 * ledger_report_style_new:
 * @cr: the target the report is measured for
 */
LedgerReportStyle *
ledger_report_style_new (cairo_t *cr)
{
  LedgerReportStyle *style = g_new0 (LedgerReportStyle, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* A font map of the report's own, not the thread's default: the fonts
   * and layouts it caches go with the report. */
  style->font_map = pango_cairo_font_map_new ();
  style->context = pango_font_map_create_context (style->font_map);
  pango_cairo_update_context (cr, style->context);
  pango_cairo_context_set_resolution (style->context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (style->context, options);
  pango_context_set_round_glyph_positions (style->context, FALSE);
  cairo_font_options_destroy (options);

  for (guint i = 0; i < LEDGER_REPORT_N_FONTS; i++)
    style->fonts[i] = pango_font_description_from_string (font_names[i]);
  return style;
}

void
ledger_report_style_free (LedgerReportStyle *style)
{
  if (style == NULL)
    return;
  for (guint i = 0; i < LEDGER_REPORT_N_FONTS; i++)
    pango_font_description_free (style->fonts[i]);
  g_object_unref (style->context);
  g_object_unref (style->font_map);
  g_free (style);
}

/* Follows @cr's transformation, to draw on it what was measured before. */
void
ledger_report_style_update (LedgerReportStyle *style,
                            cairo_t           *cr)
{
  pango_cairo_update_context (cr, style->context);
}

/**
 * ledger_report_style_layout:
 * @width: the width to wrap at, in points, or 0 for one line
 *
 * Returns: (transfer full): @text laid out in @font
 */
PangoLayout *
ledger_report_style_layout (LedgerReportStyle *style,
                            LedgerReportFont   font,
                            const char        *text,
                            double             width)
{
  PangoLayout *layout = pango_layout_new (style->context);
  g_autofree char *clean = ledger_document_text_is_clean (text) ? NULL : ledger_document_text_clean (text);

  g_assert (font < LEDGER_REPORT_N_FONTS);

  pango_layout_set_font_description (layout, style->fonts[font]);
  /* cairo refuses a whole PDF for one text it cannot take. */
  pango_layout_set_text (layout, clean != NULL ? clean : text != NULL ? text : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

double
ledger_report_layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.width);
}

double
ledger_report_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.height);
}

void
ledger_report_show_layout (cairo_t     *cr,
                           PangoLayout *layout,
                           double       x,
                           double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
set_rgb (cairo_t    *cr,
         const Rgb  *rgb,
         double      tint)
{
  /* A tint is the colour on white, as ink thinned on paper. */
  cairo_set_source_rgb (cr,
                        1 - tint * (1 - rgb->red),
                        1 - tint * (1 - rgb->green),
                        1 - tint * (1 - rgb->blue));
}

void
ledger_report_set_color (cairo_t           *cr,
                         LedgerReportColor  color)
{
  g_assert (color < G_N_ELEMENTS (colors));
  set_rgb (cr, &colors[color], 1);
}

/* A qualitative status is coloured as the traffic light it counts under. */
static LedgerStatus
light_of (LedgerStatus status)
{
  status = ledger_status_bucket (status);
  return status < G_N_ELEMENTS (status_colors) ? status : LEDGER_STATUS_NO_DATA;
}

/**
 * ledger_report_set_status_color:
 * @tint: 1 for the full colour, less for a lighter shade of it
 */
void
ledger_report_set_status_color (cairo_t      *cr,
                                LedgerStatus  status,
                                double        tint)
{
  set_rgb (cr, &status_colors[light_of (status)], tint);
}

/* The colour of a status's words. */
void
ledger_report_set_status_ink (cairo_t      *cr,
                              LedgerStatus  status)
{
  set_rgb (cr, &status_inks[light_of (status)], 1);
}

/* Returns: (transfer full): the colour of a status's words as hex digits,
 * "A51C2E", for a document that names its colours */
char *
ledger_report_status_ink_hex (LedgerStatus status)
{
  const Rgb *rgb = &status_inks[light_of (status)];

  return g_strdup_printf ("%02X%02X%02X", (guint) (rgb->red * 255 + 0.5), (guint) (rgb->green * 255 + 0.5),
                          (guint) (rgb->blue * 255 + 0.5));
}

/* Returns: the status in the office's words: 滞后, 预警, 正常 … */
const char *
ledger_report_status_label (LedgerStatus status)
{
  return ledger_status_label (ledger_status_to_string (status));
}

/* The height of a status mark, as drawn by ledger_report_style_draw_status(). */
double
ledger_report_style_status_height (LedgerReportStyle *style)
{
  g_autoptr(PangoLayout) layout = ledger_report_style_layout (style, LEDGER_REPORT_FONT_TABLE_BOLD,
                                                              "0", 0);

  return ledger_report_layout_height (layout) + 2 * STATUS_PADDING_Y;
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A status as a mark: its word in a tinted, outlined pill, centred in
 * @width from @x. */
void
ledger_report_style_draw_status (LedgerReportStyle *style,
                                 cairo_t           *cr,
                                 LedgerStatus       status,
                                 double             x,
                                 double             y,
                                 double             width)
{
  g_autoptr(PangoLayout) layout = ledger_report_style_layout (style, LEDGER_REPORT_FONT_TABLE_BOLD,
                                                              ledger_report_status_label (status), 0);
  double text_width = ledger_report_layout_width (layout);
  double height = ledger_report_layout_height (layout) + 2 * STATUS_PADDING_Y;
  /* Marks of one width where the words allow: a tidier column. */
  double pill = MIN (width, MAX (STATUS_MIN_WIDTH, text_width + 2 * STATUS_PADDING_X));
  double left = x + (width - pill) / 2;

  rounded_rectangle (cr, left, y, pill, height, height / 2);
  ledger_report_set_status_color (cr, status, 0.16);
  cairo_fill_preserve (cr);
  ledger_report_set_status_color (cr, status, 1);
  cairo_set_line_width (cr, 0.75);
  cairo_stroke (cr);
  ledger_report_set_status_ink (cr, status);
  ledger_report_show_layout (cr, layout, left + (pill - text_width) / 2, y + STATUS_PADDING_Y);
}
