/* ledger-xlsx-export.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-xlsx-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "ledger-area.h"
#include "ledger-document-text.h"
#include "ledger-output-file.h"
#include "ledger-status.h"
#include "ledger-names.h"
#include "ledger-xlsx-export.h"
#include "ledger-xlsx-private.h"

/* The ledger as an XLSX workbook laid out like the office's own 台账: a
 * sheet per plan with its areas as grouped rows, a column per period, the
 * standing as of a period and the status in words on its colour; and a
 * sheet of charts (ledger-xlsx-charts.c). Statuses come from the context,
 * as the window shows them. */

enum {
  COL_AREA, COL_TASK, COL_INDICATOR, COL_UNIT, COL_RESPONSIBLE_UNIT, COL_SUPPORTING_UNITS, COL_PROFILE,
  COL_COMMITMENT, COL_TARGET, N_LEADING
};

/* The columns after the periods: the standing as the CSV gives it, with
 * the same cells empty (ledger_progress_clear_inapplicable()). */
enum {
  TAIL_LATEST, TAIL_REPORTED_FOR, TAIL_BASE_VALUE, TAIL_YOY, TAIL_EXPECTED, TAIL_PACE,
  TAIL_PROGRESS, TAIL_STANDING, TAIL_PROJECTION, TAIL_GROWTH_NEEDED, TAIL_STATUS, TAIL_NOTE,
  N_TRAILING
};

#define MAX_DECIMALS 3
#define MAX_LINES    6

/* Column widths in Excel's units, about one Latin character; a Chinese
 * character takes two. Long text wraps at the widest. */
typedef struct
{
  double narrowest;
  double widest;
} Limits;

static const Limits leading_limits[N_LEADING] = {
  { 8, 14 }, { 10, 26 }, { 12, 30 }, { 5, 12 }, { 8, 16 }, { 8, 20 }, { 8, 12 }, { 6, 8 }, { 8, 18 },
};
static const Limits period_limits = { 7, 12 };
static const Limits trailing_limits[N_TRAILING] = {
  { 8, 12 }, { 8, 10 }, { 8, 12 }, { 7, 10 }, { 8, 12 }, { 8, 10 }, { 8, 10 }, { 10, 26 },
  { 8, 12 }, { 8, 10 }, { 7, 12 }, { 10, 30 },
};

/* The status cells' colours, by traffic light (ledger_status_bucket(); a
 * qualitative status is never one, its rows stay empty):
 * Excel's own Bad, Neutral and Good styles, grey for no data. */
static const struct { lxw_color_t fill; lxw_color_t font; } status_colors[] = {
  [LEDGER_STATUS_NO_DATA] = { 0xEDEDED, 0x595959 },
  [LEDGER_STATUS_BEHIND] = { 0xFFC7CE, 0x9C0006 },
  [LEDGER_STATUS_WARNING] = { 0xFFEB9C, 0x9C5700 },
  [LEDGER_STATUS_ON_TRACK] = { 0xC6EFCE, 0x006100 },
  [LEDGER_STATUS_ACHIEVED] = { 0xA9D08E, 0x375623 },
  [LEDGER_STATUS_PENDING] = { 0xDDEBF7, 0x44546A },
  [LEDGER_STATUS_OVERDUE] = { 0xF2CEEF, 0x7A0E58 },
};

typedef struct
{
  LedgerXlsx  xlsx;
  lxw_format *subtitle;
  lxw_format *header;
  lxw_format *area;
  lxw_format *text;
  lxw_format *number[MAX_DECIMALS + 1];
  lxw_format *percent;
  lxw_format *status[G_N_ELEMENTS (status_colors)];
} Export;

/* One plan's sheet as it is written. */
typedef struct
{
  Export        *export;
  LedgerPlan    *plan;
  lxw_worksheet *worksheet;
  GPtrArray     *periods;   /* the codes of the period columns */
  guint          n_shown;   /* the columns up to the "as of" one hold values */
  double        *widths;    /* the widest text of each column */
  lxw_row_t      row;       /* the row being written */
  double         lines;     /* its height, in lines of text */
  LedgerNode    *area;      /* the area of the last indicator */
  gboolean       charts;    /* the charts sheet draws from this sheet */
} Sheet;

/* ---- formats ----------------------------------------------------------- */

static lxw_format *
cell_format (lxw_workbook *workbook)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_border (format, LXW_BORDER_THIN);
  format_set_border_color (format, 0xBFBFBF);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  return format;
}

static void
add_formats (Export *export)
{
  lxw_workbook *workbook = export->xlsx.workbook;
  static const char *number_formats[] = { "#,##0", "#,##0.0", "#,##0.00", "#,##0.000" };

  export->xlsx.title = workbook_add_format (workbook);
  format_set_bold (export->xlsx.title);
  format_set_font_size (export->xlsx.title, 14);

  export->subtitle = workbook_add_format (workbook);
  format_set_font_color (export->subtitle, 0x595959);

  export->header = cell_format (workbook);
  format_set_bold (export->header);
  format_set_font_color (export->header, LXW_COLOR_WHITE);
  format_set_bg_color (export->header, 0x1F4E78);
  format_set_align (export->header, LXW_ALIGN_CENTER);
  format_set_text_wrap (export->header);

  export->area = cell_format (workbook);
  format_set_bold (export->area);
  format_set_bg_color (export->area, 0xDDEBF7);

  export->text = cell_format (workbook);
  format_set_text_wrap (export->text);

  for (guint d = 0; d <= MAX_DECIMALS; d++)
    {
      export->number[d] = cell_format (workbook);
      format_set_num_format (export->number[d], number_formats[d]);
    }

  export->percent = cell_format (workbook);
  format_set_num_format (export->percent, "0.0%");

  for (guint s = 0; s < G_N_ELEMENTS (status_colors); s++)
    {
      export->status[s] = cell_format (workbook);
      format_set_align (export->status[s], LXW_ALIGN_CENTER);
      format_set_bg_color (export->status[s], status_colors[s].fill);
      format_set_font_color (export->status[s], status_colors[s].font);
    }
}

/* ---- text --------------------------------------------------------------- */

/* A cell holds at most 32 767 characters: a longer text is cut, with an
 * ellipsis, instead of leaving the cell empty. */
#define CELL_MAX_CHARS 32767

/**
 * ledger_xlsx_text:
 * @text: (nullable): a text from the ledger, for a cell, a sheet's name or
 *   a chart
 *
 * libxlsxwriter escapes "<", "&" and, in cells, the C0 controls, but writes
 * invalid UTF-8, and the controls elsewhere, as they are: a file that Excel
 * calls damaged. The ledger is a file that can be written behind the
 * program's back, so every text goes through here: invalid UTF-8 becomes
 * U+FFFD, what XML forbids is left out (ledger_document_text_clean()), and
 * a text too long for a cell is cut.
 *
 * Returns: (transfer none) (nullable): @text, or a clean copy that lives as
 *   long as the export
 */
const char *
ledger_xlsx_text (LedgerXlsx *xlsx,
                  const char *text)
{
  g_autofree char *clean = NULL;

  if (text == NULL || (ledger_document_text_is_clean (text) &&
                       (strlen (text) <= CELL_MAX_CHARS || g_utf8_strlen (text, -1) <= CELL_MAX_CHARS)))
    return text;
  clean = ledger_document_text_clean (text);
  if (g_utf8_strlen (clean, -1) > CELL_MAX_CHARS)
    {
      g_autofree char *start = g_utf8_substring (clean, 0, CELL_MAX_CHARS - 1);

      g_free (clean);
      clean = g_strconcat (start, "…", NULL);
    }
  g_ptr_array_add (xlsx->texts, g_steal_pointer (&clean));
  return g_ptr_array_index (xlsx->texts, xlsx->texts->len - 1);
}

/* ---- sheet names -------------------------------------------------------- */

static gboolean
name_taken (LedgerXlsx *xlsx,
            const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  return g_ptr_array_find_with_equal_func (xlsx->sheet_names, folded, g_str_equal, NULL);
}

/* @text cut to Excel's 31 characters, less @room. */
static char *
cut (const char *text,
     glong       room)
{
  return g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 31 - room));
}

/* A name Excel takes for a sheet: @title without the characters it
 * refuses, at most 31 characters, not a name already taken (Excel compares
 * them ignoring case). */
static char *
sheet_name (LedgerXlsx *xlsx,
            const char *title,
            const char *fallback)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  char *name;

  for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 128 || strchr ("[]:*?/\\", (char) c) == NULL)
        g_string_append_unichar (clean, c);
    }
  g_strstrip (clean->str);
  while (clean->str[0] == '\'')
    g_string_erase (clean, 0, 1);
  while (clean->len > 0 && clean->str[clean->len - 1] == '\'')
    g_string_truncate (clean, clean->len - 1);
  if (clean->str[0] == '\0')
    g_string_assign (clean, fallback);

  name = cut (clean->str, 0);
  for (guint n = 2; name_taken (xlsx, name); n++)
    {
      g_autofree char *suffix = g_strdup_printf (" (%u)", n);
      g_autofree char *base = cut (clean->str, strlen (suffix));

      g_free (name);
      name = g_strconcat (base, suffix, NULL);
    }
  return name;
}

/**
 * ledger_xlsx_add_sheet:
 * @name: (out) (transfer full): the name it was given
 *
 * Returns: a new worksheet named after @title (or @fallback)
 */
lxw_worksheet *
ledger_xlsx_add_sheet (LedgerXlsx  *xlsx,
                       const char  *title,
                       const char  *fallback,
                       char       **name)
{
  *name = sheet_name (xlsx, ledger_xlsx_text (xlsx, title), ledger_xlsx_text (xlsx, fallback));
  g_ptr_array_add (xlsx->sheet_names, g_utf8_casefold (*name, -1));
  return workbook_add_worksheet (xlsx->workbook, *name);
}

/* Landscape A4, as wide as the page, numbered pages. */
void
ledger_xlsx_set_up_printing (lxw_worksheet *worksheet)
{
  worksheet_set_landscape (worksheet);
  worksheet_set_paper (worksheet, 9 /* A4 */);
  worksheet_fit_to_pages (worksheet, 1, 0);
  worksheet_set_footer (worksheet, "&C&P / &N");
}

/* ---- cells -------------------------------------------------------------- */

static guint
n_columns (Sheet *sheet)
{
  return N_LEADING + sheet->periods->len + N_TRAILING;
}

static lxw_col_t
tail (Sheet *sheet,
      guint  column)
{
  return N_LEADING + sheet->periods->len + column;
}

static Limits
limits (Sheet     *sheet,
        lxw_col_t  column)
{
  if (column < N_LEADING)
    return leading_limits[column];
  if (column < tail (sheet, 0))
    return period_limits;
  return trailing_limits[column - tail (sheet, 0)];
}

/* About how wide @text shows: Chinese characters and full-width signs take
 * two units, Latin letters of a proportional font a little less than one. */
static double
text_width (const char *text)
{
  double width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide_cjk (g_utf8_get_char (p)) ? 2 : 0.9;
  return width;
}

/* Widens @column for @width; text wider than the column's limit wraps and
 * makes the row taller. */
static void
fit (Sheet     *sheet,
     lxw_col_t  column,
     double     width)
{
  double widest = limits (sheet, column).widest;

  sheet->widths[column] = MAX (sheet->widths[column], width);
  if (width > widest - 1)
    sheet->lines = MAX (sheet->lines, MIN (MAX_LINES, ceil (width / (widest - 1))));
}

static void
put_text (Sheet      *sheet,
          lxw_col_t   column,
          const char *text,
          lxw_format *format)
{
  text = ledger_xlsx_text (&sheet->export->xlsx, text);
  if (text == NULL || text[0] == '\0')
    {
      worksheet_write_blank (sheet->worksheet, sheet->row, column, format);
      return;
    }
  worksheet_write_string (sheet->worksheet, sheet->row, column, text, format);
  fit (sheet, column, text_width (text));
}

static void
put_number (Sheet      *sheet,
            lxw_col_t   column,
            double      number,
            lxw_format *format)
{
  g_autofree char *digits = NULL;

  if (isnan (number))
    {
      worksheet_write_blank (sheet->worksheet, sheet->row, column, format);
      return;
    }
  worksheet_write_number (sheet->worksheet, sheet->row, column, number, format);
  /* with a thousands separator every three digits */
  digits = g_strdup_printf ("%.*f", MAX_DECIMALS, fabs (number));
  fit (sheet, column, strlen (digits) + strlen (digits) / 4.0);
}

/* How many decimals @number needs, up to MAX_DECIMALS. */
static guint
decimals_of (double number)
{
  for (guint d = 0; d < MAX_DECIMALS; d++)
    {
      double scaled = number * pow (10, d);

      if (fabs (scaled - round (scaled)) < 1e-6 * MAX (1.0, fabs (scaled)))
        return d;
    }
  return MAX_DECIMALS;
}

static void
end_row (Sheet   *sheet,
         uint8_t  level)
{
  lxw_row_col_options options = { .level = level };
  double height = sheet->lines > 1 ? sheet->lines * LXW_DEF_ROW_HEIGHT : LXW_DEF_ROW_HEIGHT;

  worksheet_set_row_opt (sheet->worksheet, sheet->row, height, NULL, &options);
  sheet->row++;
  sheet->lines = 1;
}

/* ---- rows ---------------------------------------------------------------- */

static void
write_header (Sheet *sheet)
{
  static const char *leading[N_LEADING] = {
    N_("Area"), N_("Task"), N_("Indicator"), N_("Unit"), N_("Responsible Unit"), N_("Supporting Units"),
    N_("Pace Profile"), N_("Firm or Strive"), N_("Target"),
  };
  static const char *trailing[N_TRAILING] = {
    N_("Latest Value"), N_("Reported For"), N_("Same Period Last Year"), N_("Year on Year"),
    N_("Due by Now"), N_("Pace"), N_("Progress"), N_("Against Pace or Target"),
    N_("Projected for the Year"), N_("Growth Still Needed"), N_("Status"), N_("Note"),
  };
  lxw_format *format = sheet->export->header;

  for (guint c = 0; c < N_LEADING; c++)
    put_text (sheet, c, _(leading[c]), format);
  /* 1-3月 holds the figures of 一季度 too; the quarter's name would not fit */
  for (guint p = 0; p < sheet->periods->len; p++)
    {
      g_autofree char *label = ledger_period_code_label (g_ptr_array_index (sheet->periods, p));

      put_text (sheet, N_LEADING + p, label, format);
    }
  for (guint c = 0; c < N_TRAILING; c++)
    put_text (sheet, tail (sheet, c), _(trailing[c]), format);
  end_row (sheet, 0);
}

/* An area's heading: its title, spilling over the row's empty cells. */
static void
write_area (Sheet      *sheet,
            LedgerNode *area)
{
  for (guint c = 0; c < n_columns (sheet); c++)
    worksheet_write_blank (sheet->worksheet, sheet->row, c, sheet->export->area);
  worksheet_write_string (sheet->worksheet, sheet->row, COL_AREA,
                          ledger_xlsx_text (&sheet->export->xlsx, ledger_node_get_title (area)),
                          sheet->export->area);
  end_row (sheet, 0);
}

/* A free function for arrays with holes. */
static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* The values of @indicator by period column, up to the "as of" one: in
 * each, the latest of those the column covers. */
static GPtrArray *
values_by_column (Sheet           *sheet,
                  LedgerIndicator *indicator)
{
  LedgerStore *store = ledger_context_get_store (sheet->export->xlsx.context);
  gint64 id = ledger_indicator_get_id (indicator);
  g_autoptr(GListModel) values = ledger_store_list_values (store, id);
  GPtrArray *columns = g_ptr_array_new_with_free_func (unref_if_set);
  int first = ledger_plan_get_first_year (sheet->plan);
  int last = ledger_plan_get_last_year (sheet->plan);

  g_ptr_array_set_size (columns, sheet->n_shown);
  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      g_autoptr(LedgerValue) value = g_list_model_get_item (values, i);
      const char *period = ledger_value_get_period (value);
      g_autofree char *code = ledger_period_as_of_for (period, first, last);
      guint column;

      if (code == NULL ||
          !g_ptr_array_find_with_equal_func (sheet->periods, code, g_str_equal, &column) ||
          column >= sheet->n_shown)
        continue;
      g_clear_object (&columns->pdata[column]);
      columns->pdata[column] = g_steal_pointer (&value);
    }
  return columns;
}

/* The decimals of the row's figures, so that they line up. */
static guint
row_decimals (GPtrArray   *columns,
              LedgerValue *latest)
{
  guint decimals = 0;

  if (latest != NULL && ledger_value_has_number (latest))
    decimals = decimals_of (ledger_value_get_number (latest));
  for (guint i = 0; i < columns->len; i++)
    {
      LedgerValue *value = g_ptr_array_index (columns, i);

      if (value != NULL && ledger_value_has_number (value))
        decimals = MAX (decimals, decimals_of (ledger_value_get_number (value)));
    }
  return decimals;
}

static void
write_periods (Sheet      *sheet,
               GPtrArray  *columns,
               lxw_format *number)
{
  for (guint p = 0; p < sheet->periods->len; p++)
    {
      LedgerValue *value = p < columns->len ? g_ptr_array_index (columns, p) : NULL;

      if (value != NULL && !ledger_value_has_number (value))
        put_text (sheet, N_LEADING + p, ledger_status_label (ledger_value_get_status (value)),
                  sheet->export->text);
      else
        put_number (sheet, N_LEADING + p, value != NULL ? ledger_value_get_number (value) : NAN,
                    number);
    }
}

/* A figure in the indicator's unit, with the decimals it needs. */
static void
put_figure (Sheet  *sheet,
            guint   column,
            double  number)
{
  lxw_format *format = sheet->export->number[isfinite (number) ? decimals_of (number) : 0];

  put_number (sheet, tail (sheet, column), number, format);
}

/* A growth in percent (25 for 25 %), as a percentage cell. */
static void
put_growth (Sheet  *sheet,
            guint   column,
            double  percent)
{
  put_number (sheet, tail (sheet, column), percent / 100, sheet->export->percent);
}

/* The standing as of the sheet's period, as the window shows it. */
static void
write_standing (Sheet           *sheet,
                LedgerIndicator *indicator,
                lxw_format      *number)
{
  Export *export = sheet->export;
  g_autoptr(LedgerValue) latest = NULL;
  LedgerProgress progress = ledger_context_evaluate (export->xlsx.context, indicator, &latest);
  g_autofree char *period = NULL;
  g_autofree char *standing = ledger_progress_dup_gap_text (indicator, &progress);
  LedgerStatus bucket = ledger_status_bucket (progress.status);

  g_assert (bucket < G_N_ELEMENTS (export->status));
  if (latest != NULL)
    period = ledger_period_code_label (ledger_value_get_period (latest));
  ledger_progress_clear_inapplicable (indicator, &progress);

  put_number (sheet, tail (sheet, TAIL_LATEST),
              latest != NULL && ledger_value_has_number (latest) ? ledger_value_get_number (latest)
                                                                  : NAN,
              number);
  put_text (sheet, tail (sheet, TAIL_REPORTED_FOR), period, export->text);
  put_figure (sheet, TAIL_BASE_VALUE, progress.base_value);
  put_growth (sheet, TAIL_YOY, progress.yoy);
  put_figure (sheet, TAIL_EXPECTED, progress.expected);
  put_number (sheet, tail (sheet, TAIL_PACE), progress.pace, export->percent);
  put_number (sheet, tail (sheet, TAIL_PROGRESS), progress.progress, export->percent);
  put_text (sheet, tail (sheet, TAIL_STANDING), standing, export->text);
  put_figure (sheet, TAIL_PROJECTION, progress.projection);
  put_growth (sheet, TAIL_GROWTH_NEEDED, progress.growth_needed);
  put_text (sheet, tail (sheet, TAIL_STATUS),
            ledger_status_label (ledger_status_to_string (progress.status)),
            export->status[bucket]);
  put_text (sheet, tail (sheet, TAIL_NOTE), latest != NULL ? ledger_value_get_note (latest) : NULL,
            export->text);
}

/* How the target is paced, in the office's words. */
static const char *
profile_label (LedgerProfile profile)
{
  switch (profile)
    {
    case LEDGER_PROFILE_SEASONAL: return C_("pace profile", "Seasonal");
    case LEDGER_PROFILE_CUSTOM: return C_("pace profile", "Custom");
    case LEDGER_PROFILE_YEAR_END: return C_("pace profile", "Year end");
    case LEDGER_PROFILE_MILESTONE: return C_("pace profile", "Milestone");
    case LEDGER_PROFILE_LINEAR:
    default: return C_("pace profile", "Linear");
    }
}

/* 确保 or 力争 as the report words the target; nothing where it says
 * neither. */
static const char *
commitment_label (LedgerCommitment commitment)
{
  switch (commitment)
    {
    case LEDGER_COMMITMENT_FIRM: return C_("target wording", "Firm");
    case LEDGER_COMMITMENT_STRIVE: return C_("target wording", "Strive");
    case LEDGER_COMMITMENT_NONE:
    default: return NULL;
    }
}

static const char *
area_name (LedgerNode *area)
{
  const char *short_title = LEDGER_IS_AREA (area) ? ledger_area_get_short_title (LEDGER_AREA (area))
                                                  : NULL;

  return short_title != NULL && short_title[0] != '\0' ? short_title : ledger_node_get_title (area);
}

static void
note_chart (Sheet           *sheet,
            LedgerIndicator *indicator)
{
  LedgerXlsx *xlsx = &sheet->export->xlsx;
  LedgerXlsxCharted charted = { indicator, sheet->row };

  if (sheet->charts && xlsx->charted->len < LEDGER_XLSX_MAX_CHARTS &&
      ledger_indicator_get_kind (indicator) == LEDGER_KIND_CUMULATIVE)
    g_array_append_val (xlsx->charted, charted);
}

static void
write_indicator (LedgerNode      *area,
                 LedgerNode      *task,
                 LedgerIndicator *indicator,
                 gpointer         user_data)
{
  Sheet *sheet = user_data;
  Export *export = sheet->export;
  g_autoptr(GPtrArray) columns = values_by_column (sheet, indicator);
  g_autoptr(LedgerValue) latest = NULL;
  g_autofree char *target = ledger_indicator_dup_target_text (indicator);
  g_autofree char *supporting = ledger_names_join_units (ledger_indicator_get_supporting_units (indicator));
  lxw_format *number;

  if (area != sheet->area)
    write_area (sheet, area);
  sheet->area = area;

  ledger_context_evaluate (export->xlsx.context, indicator, &latest);
  number = export->number[row_decimals (columns, latest)];

  put_text (sheet, COL_AREA, area_name (area), export->text);
  put_text (sheet, COL_TASK, ledger_node_get_title (task), export->text);
  put_text (sheet, COL_INDICATOR, ledger_indicator_get_name (indicator), export->text);
  put_text (sheet, COL_UNIT, ledger_indicator_get_unit (indicator), export->text);
  put_text (sheet, COL_RESPONSIBLE_UNIT, ledger_indicator_get_responsible_unit (indicator),
            export->text);
  put_text (sheet, COL_SUPPORTING_UNITS, supporting, export->text);
  put_text (sheet, COL_PROFILE, ledger_indicator_get_kind (indicator) == LEDGER_KIND_QUALITATIVE
                                ? NULL : profile_label (ledger_indicator_get_profile (indicator)),
            export->text);
  put_text (sheet, COL_COMMITMENT, commitment_label (ledger_indicator_get_commitment (indicator)),
            export->text);
  put_text (sheet, COL_TARGET, target, export->text);
  write_periods (sheet, columns, number);
  write_standing (sheet, indicator, number);
  note_chart (sheet, indicator);
  end_row (sheet, 1);
}

/* ---- sheets -------------------------------------------------------------- */

static void
write_title (Sheet      *sheet,
             const char *as_of)
{
  g_autofree char *label = ledger_period_as_of_label (as_of);
  /* Translators: a plan's sheet in the XLSX ledger, 长治市2026年政府工作报告台账 */
  g_autofree char *title = g_strdup_printf (_("%s: Targets Ledger"),
                                            ledger_node_get_title (LEDGER_NODE (sheet->plan)));
  /* Translators: 截至1-6月（上半年） */
  g_autofree char *subtitle = g_strdup_printf (_("As of %s"), label);

  lxw_worksheet *worksheet = sheet->worksheet;

  worksheet_write_string (worksheet, LEDGER_XLSX_TITLE_ROW, 0, ledger_xlsx_text (&sheet->export->xlsx, title),
                          sheet->export->xlsx.title);
  worksheet_set_row (worksheet, LEDGER_XLSX_TITLE_ROW, 22, NULL);
  worksheet_write_string (worksheet, LEDGER_XLSX_AS_OF_ROW, 0, subtitle, sheet->export->subtitle);
  sheet->row = LEDGER_XLSX_HEADER_ROW;
}

/* Column widths, filter, frozen header, outline and print setup. */
static void
finish_sheet (Sheet *sheet)
{
  lxw_worksheet *worksheet = sheet->worksheet;
  lxw_col_t last = n_columns (sheet) - 1;
  lxw_row_t last_row = MAX (sheet->row - 1, LEDGER_XLSX_HEADER_ROW);

  for (lxw_col_t c = 0; c <= last; c++)
    {
      Limits l = limits (sheet, c);
      double width = CLAMP (sheet->widths[c] + 1, l.narrowest, l.widest);

      worksheet_set_column (worksheet, c, c, width, NULL);
    }
  worksheet_autofilter (worksheet, LEDGER_XLSX_HEADER_ROW, 0, last_row, last);
  worksheet_freeze_panes (worksheet, LEDGER_XLSX_FIRST_DATA_ROW, COL_INDICATOR + 1);
  /* An area's heading is above its indicators, and folds them. */
  worksheet_outline_settings (worksheet, LXW_TRUE, LXW_FALSE, LXW_TRUE, LXW_FALSE);

  ledger_xlsx_set_up_printing (worksheet);
  worksheet_repeat_rows (worksheet, LEDGER_XLSX_HEADER_ROW, LEDGER_XLSX_HEADER_ROW);
}

/* The "as of" period of @plan: @as_of if it falls in the plan's years, else
 * the one the window would show first. */
static char *
plan_as_of (Export     *export,
            LedgerPlan *plan,
            const char *as_of)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  LedgerPeriod period;

  if (as_of != NULL && ledger_period_parse (as_of, &period) &&
      ledger_plan_covers_year (plan, period.year))
    return ledger_period_as_of_for (as_of, ledger_plan_get_first_year (plan),
                                    ledger_plan_get_last_year (plan));
  return ledger_store_get_default_as_of (ledger_context_get_store (export->xlsx.context), plan, now);
}

static gboolean
write_plan (Export      *export,
            LedgerPlan  *plan,
            const char  *as_of,
            GError     **error)
{
  LedgerXlsx *xlsx = &export->xlsx;
  g_autofree char *plan_period = plan_as_of (export, plan, as_of);
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) periods = ledger_period_as_of_choices (ledger_plan_get_first_year (plan),
                                                              ledger_plan_get_last_year (plan));
  Sheet sheet = { export, plan, NULL, periods, periods->len, NULL, 0, 1, NULL, FALSE };
  guint as_of_column;

  sheet.worksheet = ledger_xlsx_add_sheet (xlsx, ledger_node_get_title (LEDGER_NODE (plan)),
                                           ledger_plan_get_code (plan), &name);
  if (sheet.worksheet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not add a sheet for the plan “%s”"), ledger_plan_get_code (plan));
      return FALSE;
    }

  if (g_ptr_array_find_with_equal_func (periods, plan_period, g_str_equal, &as_of_column))
    sheet.n_shown = as_of_column + 1;
  ledger_context_set_as_of (xlsx->context, plan_period);

  /* The charts draw the first one-year plan. */
  if (xlsx->chart_sheet == NULL &&
      ledger_plan_get_first_year (plan) == ledger_plan_get_last_year (plan))
    {
      sheet.charts = TRUE;
      xlsx->chart_sheet = g_strdup (name);
      xlsx->chart_periods = g_ptr_array_ref (periods);
      xlsx->chart_column = N_LEADING;
    }

  sheet.widths = g_new0 (double, n_columns (&sheet));
  write_title (&sheet, plan_period);
  write_header (&sheet);
  ledger_plan_foreach_indicator (plan, write_indicator, &sheet);
  finish_sheet (&sheet);
  g_free (sheet.widths);
  return TRUE;
}

/* ---- the file ------------------------------------------------------------ */

void
ledger_xlsx_set_write_error (GError     **error,
                             int          code,
                             const char  *path,
                             const char  *reason)
{
  /* Translators: %s are a file name and the reason */
  g_set_error (error, G_IO_ERROR, code, _("Could not write “%s”: %s"), path, reason);
}

static gboolean
write_workbook (Export      *export,
                GPtrArray   *plans,
                const char  *as_of,
                GError     **error)
{
  g_autoptr(GPtrArray) plan_as_of = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < plans->len; i++)
    {
      if (!write_plan (export, g_ptr_array_index (plans, i), as_of, error))
        return FALSE;
      /* the period the plan's sheet shows, for its rankings */
      g_ptr_array_add (plan_as_of, g_strdup (ledger_context_get_as_of (export->xlsx.context)));
    }
  ledger_xlsx_write_charts (&export->xlsx);
  ledger_xlsx_write_evidence (&export->xlsx, plans);
  ledger_xlsx_write_rankings (&export->xlsx, plans, plan_as_of);
  return TRUE;
}

/* Returns: %FALSE if libxlsxwriter could not start a workbook */
static gboolean
export_init (Export                 *export,
             LedgerStore            *store,
             const LedgerTolerances *tolerances,
             const char             *temporary)
{
  LedgerTolerances defaults;

  if ((export->xlsx.workbook = workbook_new (temporary)) == NULL)
    return FALSE;
  if (tolerances == NULL)
    {
      ledger_tolerances_init_default (&defaults);
      tolerances = &defaults;
    }
  export->xlsx.context = ledger_context_new (store);
  ledger_context_set_tolerances (export->xlsx.context, tolerances);
  export->xlsx.sheet_names = g_ptr_array_new_with_free_func (g_free);
  /* a name Excel keeps for itself */
  g_ptr_array_add (export->xlsx.sheet_names, g_utf8_casefold ("History", -1));
  export->xlsx.texts = g_ptr_array_new_with_free_func (g_free);
  export->xlsx.charted = g_array_new (FALSE, FALSE, sizeof (LedgerXlsxCharted));
  add_formats (export);
  return TRUE;
}

static void
export_clear (Export *export)
{
  g_clear_object (&export->xlsx.context);
  g_clear_pointer (&export->xlsx.sheet_names, g_ptr_array_unref);
  g_clear_pointer (&export->xlsx.texts, g_ptr_array_unref);
  g_clear_pointer (&export->xlsx.chart_sheet, g_free);
  g_clear_pointer (&export->xlsx.chart_periods, g_ptr_array_unref);
  g_clear_pointer (&export->xlsx.charted, g_array_unref);
}

/**
 * ledger_xlsx_export:
 * @tolerances: (nullable): the status bands, or %NULL for the defaults
 * @as_of: (nullable): the period to show the standings at, e.g. "2026-06";
 *   %NULL for each plan's latest period with a value, as the window shows
 *   it first. A plan that does not cover @as_of's year is shown at its own.
 * @path: the file to write
 *
 * Writes the ledger as an XLSX workbook: a sheet per plan and a sheet of
 * charts. The file at @path is replaced only once the workbook is whole;
 * on failure nothing is left behind.
 */
gboolean
ledger_xlsx_export (LedgerStore             *store,
                    const LedgerTolerances  *tolerances,
                    const char              *as_of,
                    const char              *path,
                    GError                 **error)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(LedgerOutputFile) file = NULL;
  Export export = { { 0 } };
  LedgerPeriod period;
  gboolean ok;
  lxw_error status;

  g_return_val_if_fail (LEDGER_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (as_of != NULL && !ledger_period_parse (as_of, &period))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a period (write 2026-05, 2026-Q2 or 2026)"), as_of);
      return FALSE;
    }
  /* The workbook is written into an empty file beside @path, which takes
   * @path's place only once it is whole; never the ledger's. */
  if ((plans = ledger_store_list_plans (store, error)) == NULL ||
      (file = ledger_output_file_begin (path, ledger_store_get_path (store), 0666, error)) == NULL)
    return FALSE;

  if (!export_init (&export, store, tolerances, ledger_output_file_get_temporary (file)))
    {
      ledger_xlsx_set_write_error (error, G_IO_ERROR_FAILED, path, lxw_strerror (LXW_ERROR_MEMORY_MALLOC_FAILED));
      return FALSE;
    }
  ok = write_workbook (&export, plans, as_of, error);
  /* Closing writes the file and frees the workbook, whatever happened. */
  status = workbook_close (export.xlsx.workbook);
  export_clear (&export);

  if (ok && status != LXW_NO_ERROR)
    ledger_xlsx_set_write_error (error, G_IO_ERROR_FAILED, path, lxw_strerror (status));
  return ok && status == LXW_NO_ERROR && ledger_output_file_finish (file, error);
}

static gboolean
export_job (LedgerStore      *store,
            LedgerExportJob  *job,
            GError          **error)
{
  return ledger_xlsx_export (store, &job->tolerances, job->as_of, job->path, error);
}

/**
 * ledger_xlsx_export_async:
 * @context: the ledger as the window shows it: as of its period, with its tolerances
 *
 * ledger_xlsx_export() in a worker; finish with ledger_export_job_run_finish().
 */
void
ledger_xlsx_export_async (LedgerContext        *context,
                          const char           *path,
                          LedgerJobProgress    *progress,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  ledger_export_job_run_async (context, export_job, NULL, 0, path, progress, cancellable, callback, user_data);
}
