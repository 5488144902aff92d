/* ledger-ranking-table.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-ranking-table"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "ledger-ranking-table.h"

/* A ranking as a table: a row of headings over a boxed list whose rows
 * line up in columns (a size group per column). A list rather than a grid,
 * because a screen reader reads a list row as one line, by the label the
 * page gives it ("1, 潞州区, 103% of pace, up 2, above the city"), where a
 * grid's cells would be read one label at a time. */
struct _LedgerRankingTable
{
  GtkWidget     parent_instance;

  GtkWidget    *box;
  GtkWidget    *header;
  GtkWidget    *list;
  GPtrArray    *groups;   /* GtkSizeGroup, one per column */
  GArray       *numeric;  /* gboolean, one per column */
  guint         name_column;
  GPtrArray    *rows;     /* GPtrArray of the cells, one per row */
};

G_DEFINE_FINAL_TYPE (LedgerRankingTable, ledger_ranking_table, GTK_TYPE_WIDGET)

static GtkWidget *
line_new (void)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_add_css_class (line, "ranking-line");
  return line;
}

/* Puts @cell in its column: the column's width (a size group), numbers to
 * the right. The first column of text (the region's or unit's name) takes
 * the spare width, the same in every line, so that the columns line up. */
static void
place_cell (LedgerRankingTable *self,
            GtkWidget          *line,
            GtkWidget          *cell,
            guint               column)
{
  gboolean numeric = g_array_index (self->numeric, gboolean, column);
  GtkWidget *slot = adw_bin_new ();

  gtk_widget_set_halign (cell, numeric ? GTK_ALIGN_END : GTK_ALIGN_START);
  gtk_widget_set_valign (cell, GTK_ALIGN_CENTER);
  if (numeric)
    gtk_widget_add_css_class (cell, "numeric");
  gtk_widget_set_hexpand (slot, column == self->name_column);
  adw_bin_set_child (ADW_BIN (slot), cell);
  gtk_size_group_add_widget (g_ptr_array_index (self->groups, column), slot);
  gtk_box_append (GTK_BOX (line), slot);
}

static void
ledger_ranking_table_dispose (GObject *object)
{
  LedgerRankingTable *self = LEDGER_RANKING_TABLE (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->numeric, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ledger_ranking_table_parent_class)->dispose (object);
}

static void
ledger_ranking_table_class_init (LedgerRankingTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_ranking_table_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rankingtable");
}

static void
ledger_ranking_table_init (LedgerRankingTable *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->header = line_new ();
  gtk_widget_add_css_class (self->header, "ranking-header");
  /* The headings repeat what each row's label says: not read twice. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->header), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  /* The list is what a screen reader enters: it takes the table's name. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_RELATION_LABELLED_BY, self, NULL, -1);
  gtk_box_append (GTK_BOX (self->box), self->header);
  gtk_box_append (GTK_BOX (self->box), self->list);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->groups = g_ptr_array_new_with_free_func (g_object_unref);
  self->numeric = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
}

GtkWidget *
ledger_ranking_table_new (void)
{
  return g_object_new (LEDGER_TYPE_RANKING_TABLE, NULL);
}

/* "Completion Points" as "Completion\nPoints": a heading of words is
 * broken at the space nearest its middle, so that its column is as wide
 * as its longer half (or its cells) and the points' columns, total last,
 * fit beside the ranking at 1090 px. A heading without a space (完成分)
 * stays as it is. */
static char *
two_lines (const char *title)
{
  char *text = g_strdup (title);
  gssize middle = (gssize) strlen (text) / 2;
  char *best = NULL;

  for (char *space = strchr (text, ' '); space != NULL; space = strchr (space + 1, ' '))
    if (best == NULL || ABS ((space - text) - middle) < ABS ((best - text) - middle))
      best = space;
  if (best != NULL)
    *best = '\n';
  return text;
}

/* Sets the columns, and empties the table. */
void
ledger_ranking_table_set_columns (LedgerRankingTable        *self,
                                  const LedgerRankingColumn *columns,
                                  guint                      n_columns)
{
  GtkWidget *child;

  g_return_if_fail (LEDGER_IS_RANKING_TABLE (self));

  ledger_ranking_table_clear (self);
  while ((child = gtk_widget_get_first_child (self->header)) != NULL)
    gtk_box_remove (GTK_BOX (self->header), child);
  g_ptr_array_set_size (self->groups, 0);
  g_array_set_size (self->numeric, 0);
  self->name_column = 0;
  while (self->name_column < n_columns && columns[self->name_column].numeric)
    self->name_column++;
  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *title = i == self->name_column ? g_strdup (columns[i].title) : two_lines (columns[i].title);
      GtkWidget *heading = gtk_label_new (title);

      g_ptr_array_add (self->groups, gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL));
      g_array_append_val (self->numeric, columns[i].numeric);
      /* Not wrapped: a wrapping heading would ask for less than its
       * column's cells, and the size group would lose the columns' line.
       * Broken in two by hand instead, to keep the total in sight. */
      gtk_label_set_justify (GTK_LABEL (heading), columns[i].numeric ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
      gtk_widget_add_css_class (heading, "caption-heading");
      gtk_widget_add_css_class (heading, "dim-label");
      place_cell (self, self->header, heading, i);
    }
}

void
ledger_ranking_table_clear (LedgerRankingTable *self)
{
  GtkWidget *row;

  g_return_if_fail (LEDGER_IS_RANKING_TABLE (self));

  while ((row = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), row);
  g_ptr_array_set_size (self->rows, 0);
}

/**
 * ledger_ranking_table_append:
 * @cells: (array) (transfer floating): one widget per column
 * @label: what a screen reader says of the whole row
 *
 * Returns: (transfer none): the new row
 */
GtkWidget *
ledger_ranking_table_append (LedgerRankingTable  *self,
                             GtkWidget          **cells,
                             const char          *label)
{
  GtkWidget *row, *line;
  GPtrArray *kept;

  g_return_val_if_fail (LEDGER_IS_RANKING_TABLE (self), NULL);

  row = gtk_list_box_row_new ();
  line = line_new ();
  kept = g_ptr_array_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  for (guint i = 0; i < self->groups->len; i++)
    {
      place_cell (self, line, cells[i], i);
      g_ptr_array_add (kept, cells[i]);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), line);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_list_box_append (GTK_LIST_BOX (self->list), row);
  g_ptr_array_add (self->rows, kept);
  return row;
}

guint
ledger_ranking_table_get_n_rows (LedgerRankingTable *self)
{
  g_return_val_if_fail (LEDGER_IS_RANKING_TABLE (self), 0);
  return self->rows->len;
}

/* Returns: (transfer none): the list row @row */
GtkWidget *
ledger_ranking_table_get_row (LedgerRankingTable *self,
                              guint               row)
{
  g_return_val_if_fail (LEDGER_IS_RANKING_TABLE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), row));
}

/* Returns: (transfer none): the widget of a cell */
GtkWidget *
ledger_ranking_table_get_cell (LedgerRankingTable *self,
                               guint               row,
                               guint               column)
{
  GPtrArray *cells;

  g_return_val_if_fail (LEDGER_IS_RANKING_TABLE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  cells = g_ptr_array_index (self->rows, row);
  g_return_val_if_fail (column < cells->len, NULL);

  return g_ptr_array_index (cells, column);
}

static GtkWidget *
first_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = first_label (child);

      if (label != NULL)
        return label;
    }
  return NULL;
}

/* Returns: the text of a cell: its first label's, or "" */
const char *
ledger_ranking_table_get_text (LedgerRankingTable *self,
                               guint               row,
                               guint               column)
{
  GtkWidget *cell = ledger_ranking_table_get_cell (self, row, column);
  GtkWidget *label = cell != NULL ? first_label (cell) : NULL;

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : "";
}
