/* ledger-report-table.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-report-table"

#include "config.h"

#include "ledger-report-table.h"

/* A table of the report: a header band, then rows, each a block of its
 * own so that a page break falls between rows, never through one; a row
 * that starts a page brings the header along. A cell holds a text with an
 * optional detail in small print under it (a unit, a period), or a status
 * mark. Group rows span the table, as area names between tasks. */

#define PAD_X 4.0
#define PAD_Y 4.0
#define DETAIL_GAP 1.0
/* A long note is cut, with an ellipsis, rather than run off the page. */
#define MAX_TEXT_LINES 10
#define MAX_DETAIL_LINES 4

typedef struct
{
  char           *text;
  char           *detail;
  gboolean        has_status;
  LedgerStatus    status;
  PangoAlignment  alignment;
} Cell;

typedef struct
{
  Cell *cells;   /* NULL for a group row */
  char *group;
} Row;

struct _LedgerReportTable
{
  LedgerReportColumn *columns;
  guint               n_columns;
  GPtrArray          *rows;
};

typedef struct
{
  LedgerReportTable *table;
  guint              row;    /* G_MAXUINT for the header */
} Part;

static void
row_free (LedgerReportTable *table,
          Row               *row)
{
  for (guint c = 0; row->cells != NULL && c < table->n_columns; c++)
    {
      g_free (row->cells[c].text);
      g_free (row->cells[c].detail);
    }
  g_free (row->cells);
  g_free (row->group);
  g_free (row);
}

static void
table_clear (LedgerReportTable *table)
{
  for (guint i = 0; i < table->rows->len; i++)
    row_free (table, g_ptr_array_index (table->rows, i));
  g_ptr_array_unref (table->rows);
  for (guint c = 0; c < table->n_columns; c++)
    g_free ((char *) table->columns[c].title);
  g_free (table->columns);
}

LedgerReportTable *
ledger_report_table_new (const LedgerReportColumn *columns,
                         guint                     n_columns)
{
  LedgerReportTable *table = g_rc_box_new0 (LedgerReportTable);

  table->n_columns = n_columns;
  table->columns = g_new0 (LedgerReportColumn, n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      table->columns[c].title = g_strdup (columns[c].title);
      table->columns[c].share = columns[c].share;
    }
  table->rows = g_ptr_array_new ();
  return table;
}

void
ledger_report_table_unref (LedgerReportTable *table)
{
  g_rc_box_release_full (table, (GDestroyNotify) table_clear);
}

static Row *
row_at (LedgerReportTable *table,
        guint              index)
{
  g_assert (index < table->rows->len);
  return g_ptr_array_index (table->rows, index);
}

void
ledger_report_table_add_group (LedgerReportTable *table,
                               const char        *title)
{
  Row *row = g_new0 (Row, 1);

  row->group = g_strdup (title);
  g_ptr_array_add (table->rows, row);
}

/* Returns: the index of a new, empty row */
guint
ledger_report_table_add_row (LedgerReportTable *table)
{
  Row *row = g_new0 (Row, 1);

  row->cells = g_new0 (Cell, table->n_columns);
  g_ptr_array_add (table->rows, row);
  return table->rows->len - 1;
}

/**
 * ledger_report_table_set_text:
 * @detail: (nullable): small print under the text
 */
void
ledger_report_table_set_text (LedgerReportTable *table,
                              guint              row,
                              guint              column,
                              const char        *text,
                              const char        *detail)
{
  Cell *cell;

  g_return_if_fail (column < table->n_columns);
  cell = &row_at (table, row)->cells[column];
  g_free (cell->text);
  g_free (cell->detail);
  cell->text = g_strdup (text);
  cell->detail = detail != NULL && detail[0] != '\0' ? g_strdup (detail) : NULL;
}

void
ledger_report_table_set_status (LedgerReportTable *table,
                                guint              row,
                                guint              column,
                                LedgerStatus       status)
{
  Cell *cell;

  g_return_if_fail (column < table->n_columns);
  cell = &row_at (table, row)->cells[column];
  cell->has_status = TRUE;
  cell->status = status;
}

guint
ledger_report_table_get_n_rows (LedgerReportTable *table)
{
  return table->rows->len;
}

/* ---- measuring and drawing ----------------------------------------- */

static double
column_width (LedgerReportTable *table,
              guint              column,
              double             width)
{
  return table->columns[column].share * width;
}

static PangoLayout *
cell_layout (LedgerReportStyle *style,
             LedgerReportFont   font,
             const char        *text,
             double             width,
             int                max_lines)
{
  PangoLayout *layout = ledger_report_style_layout (style, font, text, width - 2 * PAD_X);

  pango_layout_set_height (layout, -max_lines);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

/* Draws (when @cr is set) a cell at its column's left, and returns its
 * height. */
static double
cell_render (LedgerReportStyle *style,
             cairo_t           *cr,
             Cell              *cell,
             LedgerReportFont   font,
             double             width)
{
  g_autoptr(PangoLayout) text = NULL;
  g_autoptr(PangoLayout) detail = NULL;
  double height;

  if (cell->has_status)
    {
      if (cr != NULL)
        ledger_report_style_draw_status (style, cr, cell->status, PAD_X, PAD_Y, width - 2 * PAD_X);
      return ledger_report_style_status_height (style);
    }

  text = cell_layout (style, font, cell->text, width, MAX_TEXT_LINES);
  pango_layout_set_alignment (text, cell->alignment);
  height = ledger_report_layout_height (text);
  if (cr != NULL)
    {
      ledger_report_set_color (cr, LEDGER_REPORT_INK);
      ledger_report_show_layout (cr, text, PAD_X, PAD_Y);
    }
  if (cell->detail == NULL)
    return height;

  detail = cell_layout (style, LEDGER_REPORT_FONT_SMALL, cell->detail, width, MAX_DETAIL_LINES);
  if (cr != NULL)
    {
      ledger_report_set_color (cr, LEDGER_REPORT_MUTED);
      ledger_report_show_layout (cr, detail, PAD_X, PAD_Y + height + DETAIL_GAP);
    }
  return height + DETAIL_GAP + ledger_report_layout_height (detail);
}

/* Whether a column holds status marks: they are centred, so is its title. */
static gboolean
is_status_column (LedgerReportTable *table,
                  guint              column)
{
  for (guint i = 0; i < table->rows->len; i++)
    {
      Row *row = g_ptr_array_index (table->rows, i);

      if (row->cells != NULL)
        return row->cells[column].has_status;
    }
  return FALSE;
}

/* The header's cells: each column's title, in bold. */
static Cell *
header_cells (LedgerReportTable *table)
{
  Cell *cells = g_new0 (Cell, table->n_columns);

  for (guint c = 0; c < table->n_columns; c++)
    {
      cells[c].text = (char *) table->columns[c].title;
      cells[c].alignment = is_status_column (table, c) ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
    }
  return cells;
}

/* Draws (when @cr is set) a row of cells, and returns its height. */
static double
cells_render (LedgerReportTable *table,
              LedgerReportStyle *style,
              cairo_t           *cr,
              Cell              *cells,
              LedgerReportFont   font,
              double             width)
{
  double height = 0, x = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      double cell_width = column_width (table, c, width);

      if (cr != NULL)
        {
          cairo_save (cr);
          cairo_translate (cr, x, 0);
          ledger_report_style_update (style, cr);
        }
      height = MAX (height, cell_render (style, cr, &cells[c], font, cell_width));
      if (cr != NULL)
        cairo_restore (cr);
      x += cell_width;
    }
  return height + 2 * PAD_Y;
}

static double
group_render (LedgerReportStyle *style,
              cairo_t           *cr,
              const char        *title,
              double             width)
{
  g_autoptr(PangoLayout) layout = cell_layout (style, LEDGER_REPORT_FONT_TABLE_BOLD, title, width, 2);
  double height = ledger_report_layout_height (layout) + 2 * PAD_Y;

  if (cr != NULL)
    {
      ledger_report_set_color (cr, LEDGER_REPORT_BAND);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
      ledger_report_set_color (cr, LEDGER_REPORT_ACCENT);
      ledger_report_show_layout (cr, layout, PAD_X, PAD_Y);
    }
  return height;
}

/* Measures, or draws when @cr is set, a part of the table. */
static double
part_render (Part              *part,
             LedgerReportStyle *style,
             cairo_t           *cr,
             double             width)
{
  LedgerReportTable *table = part->table;
  g_autofree Cell *header = NULL;
  double height;
  Row *row;

  if (part->row == G_MAXUINT)
    {
      header = header_cells (table);
      if (cr != NULL)
        {
          height = cells_render (table, style, NULL, header, LEDGER_REPORT_FONT_TABLE_BOLD, width);
          ledger_report_set_color (cr, LEDGER_REPORT_BAND);
          cairo_rectangle (cr, 0, 0, width, height);
          cairo_fill (cr);
        }
      height = cells_render (table, style, cr, header, LEDGER_REPORT_FONT_TABLE_BOLD, width);
      if (cr != NULL)
        {
          ledger_report_set_color (cr, LEDGER_REPORT_MUTED);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, 0, height);
          cairo_line_to (cr, width, height);
          cairo_stroke (cr);
        }
      return height;
    }

  row = row_at (table, part->row);
  if (row->group != NULL)
    return group_render (style, cr, row->group, width);

  height = cells_render (table, style, cr, row->cells, LEDGER_REPORT_FONT_TABLE, width);
  if (cr != NULL)
    {
      ledger_report_set_color (cr, LEDGER_REPORT_RULE);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, 0, height);
      cairo_line_to (cr, width, height);
      cairo_stroke (cr);
    }
  return height;
}

static double
part_measure (LedgerReportBlock *block,
              LedgerReportStyle *style,
              double             width)
{
  return part_render (block->data, style, NULL, width);
}

static void
part_draw (LedgerReportBlock *block,
           LedgerReportStyle *style,
           cairo_t           *cr,
           double             width)
{
  part_render (block->data, style, cr, width);
}

static void
part_free (Part *part)
{
  ledger_report_table_unref (part->table);
  g_free (part);
}

/* The words of a part: the columns' titles, a group's title or a row's
 * cells, a status as its word. */
static void
part_say (LedgerReportBlock       *block,
          const LedgerReportWords *words,
          gpointer                 user_data)
{
  Part *part = block->data;
  LedgerReportTable *table = part->table;
  g_autofree LedgerReportCellText *cells = g_new0 (LedgerReportCellText, table->n_columns);
  Row *row = part->row == G_MAXUINT ? NULL : row_at (table, part->row);

  if (row != NULL && row->group != NULL)
    {
      words->table_group (user_data, row->group);
      return;
    }
  for (guint c = 0; c < table->n_columns; c++)
    {
      Cell *cell = row != NULL ? &row->cells[c] : NULL;

      cells[c].status = cell != NULL && cell->has_status ? (int) cell->status : -1;
      cells[c].share = table->columns[c].share;
      if (cell == NULL)
        cells[c].text = table->columns[c].title;
      else if (cell->has_status)
        cells[c].text = ledger_report_status_label (cell->status);
      else
        cells[c].text = cell->text != NULL ? cell->text : "", cells[c].detail = cell->detail;
    }
  if (row == NULL)
    words->table_header (user_data, cells, table->n_columns);
  else
    words->table_row (user_data, cells, table->n_columns);
}

static LedgerReportBlock *
part_block_new (LedgerReportTable *table,
                guint              row)
{
  Part *part = g_new0 (Part, 1);
  LedgerReportBlock *block;

  part->table = g_rc_box_acquire (table);
  part->row = row;
  block = ledger_report_block_new (part_measure, part_draw, part, (GDestroyNotify) part_free);
  block->say = part_say;
  return block;
}

/* Adds the table to a report's flow: its header, then a block per row. */
void
ledger_report_table_append_blocks (LedgerReportTable *table,
                                   GPtrArray         *blocks)
{
  LedgerReportBlock *header = part_block_new (table, G_MAXUINT);

  header->flags = LEDGER_REPORT_BLOCK_KEEP_WITH_NEXT;
  header->space_before = 8;
  g_ptr_array_add (blocks, header);
  for (guint i = 0; i < table->rows->len; i++)
    {
      LedgerReportBlock *block = part_block_new (table, i);

      block->repeat = header;
      if (row_at (table, i)->group != NULL)
        block->flags = LEDGER_REPORT_BLOCK_KEEP_WITH_NEXT;
      g_ptr_array_add (blocks, block);
    }
}
