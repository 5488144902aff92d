/* ledger-wrap-layout.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-wrap-layout"

#include "config.h"

#include "ledger-wrap-layout.h"

/* Children side by side at their natural width, wrapping to a new line
 * when the next one does not fit — like words. The overview's row of
 * status pills needs it in a narrow window; GtkFlowBox of GTK 4.8 lays
 * out children of different widths in columns of equal width. */

struct _LedgerWrapLayout
{
  GtkLayoutManager parent_instance;

  int              spacing;
};

G_DEFINE_FINAL_TYPE (LedgerWrapLayout, ledger_wrap_layout, GTK_TYPE_LAYOUT_MANAGER)

static int
child_width (GtkWidget *child,
             int        available)
{
  int minimum, natural;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  return available < 0 ? natural : CLAMP (natural, minimum, MAX (minimum, available));
}

static int
child_height (GtkWidget *child,
              int        width)
{
  int natural;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
  return natural;
}

/* Lays the children out in @width (or on one line for -1), allocating
 * them if @allocate; returns the height used. */
static int
flow (LedgerWrapLayout *self,
      GtkWidget        *widget,
      int               width,
      gboolean          allocate)
{
  int x = 0, y = 0, line_height = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int w, h;

      if (!gtk_widget_should_layout (child))
        continue;
      w = child_width (child, width);
      if (x > 0 && width >= 0 && x + w > width)
        {
          x = 0;
          y += line_height + self->spacing;
          line_height = 0;
        }
      h = child_height (child, w);
      if (allocate)
        gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, w, h }, -1);
      x += w + self->spacing;
      line_height = MAX (line_height, h);
    }
  return y + line_height;
}

static void
ledger_wrap_layout_measure (GtkLayoutManager *manager,
                            GtkWidget        *widget,
                            GtkOrientation    orientation,
                            int               for_size,
                            int              *minimum,
                            int              *natural,
                            int              *minimum_baseline,
                            int              *natural_baseline)
{
  LedgerWrapLayout *self = LEDGER_WRAP_LAYOUT (manager);

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = *natural = flow (self, widget, for_size, FALSE);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum, child_natural;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, -1, &child_minimum, &child_natural, NULL, NULL);
      *minimum = MAX (*minimum, child_minimum);
      *natural += (*natural > 0 ? self->spacing : 0) + child_natural;
    }
}

static void
ledger_wrap_layout_allocate (GtkLayoutManager *manager,
                             GtkWidget        *widget,
                             int               width,
                             int               height,
                             int               baseline)
{
  flow (LEDGER_WRAP_LAYOUT (manager), widget, width, TRUE);
}

static GtkSizeRequestMode
ledger_wrap_layout_get_request_mode (GtkLayoutManager *manager,
                                     GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ledger_wrap_layout_class_init (LedgerWrapLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->measure = ledger_wrap_layout_measure;
  manager_class->allocate = ledger_wrap_layout_allocate;
  manager_class->get_request_mode = ledger_wrap_layout_get_request_mode;
}

static void
ledger_wrap_layout_init (LedgerWrapLayout *self)
{
}

GtkLayoutManager *
ledger_wrap_layout_new (int spacing)
{
  LedgerWrapLayout *self = g_object_new (LEDGER_TYPE_WRAP_LAYOUT, NULL);

  self->spacing = spacing;
  return GTK_LAYOUT_MANAGER (self);
}
