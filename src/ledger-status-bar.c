/* ledger-status-bar.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-status-bar"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ledger-status-bar.h"
#include "ledger-status-summary.h"
#include "ledger-style.h"

/* An area's indicators as one stacked bar: a segment per status, worst
 * first, in the statuses' colours (the style's, so dark mode follows). The
 * counts in words are beside it (LedgerStatusSummary); the bar is the
 * glance. */
struct _LedgerStatusBar
{
  GtkWidget  parent_instance;

  guint      counts[LEDGER_N_STATUSES];
};

G_DEFINE_FINAL_TYPE (LedgerStatusBar, ledger_status_bar, GTK_TYPE_WIDGET)

static const LedgerStatus segments[] = {
  LEDGER_STATUS_OVERDUE, LEDGER_STATUS_BEHIND, LEDGER_STATUS_WARNING, LEDGER_STATUS_ON_TRACK,
  LEDGER_STATUS_ACHIEVED, LEDGER_STATUS_PENDING, LEDGER_STATUS_NO_DATA,
};

static void
ledger_status_bar_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  LedgerStatusBar *self = LEDGER_STATUS_BAR (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  GskRoundedRect rounded;
  guint total = 0;
  float x = 0;

  for (guint i = 0; i < G_N_ELEMENTS (segments); i++)
    total += self->counts[segments[i]];
  if (total == 0)
    return;

  gsk_rounded_rect_init_from_rect (&rounded, &bounds, height / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  for (guint i = 0; i < G_N_ELEMENTS (segments); i++)
    {
      float w = width * self->counts[segments[i]] / total;
      GdkRGBA color = ledger_style_status_color (widget, segments[i]);

      gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x, 0, w, height));
      x += w;
    }
  gtk_snapshot_pop (snapshot);
}

static void
ledger_status_bar_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = 40, *natural = 120;
  else
    *minimum = *natural = 8;
}

/* The bar's text alternative: the counts it draws, in words. */
static void
update_label (LedgerStatusBar *self)
{
  g_autofree char *text = ledger_status_counts_to_text (self->counts);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text[0] != '\0' ? text : _("No indicators"), -1);
}

static void
ledger_status_bar_class_init (LedgerStatusBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = ledger_status_bar_snapshot;
  widget_class->measure = ledger_status_bar_measure;
  gtk_widget_class_set_css_name (widget_class, "statusbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ledger_status_bar_init (LedgerStatusBar *self)
{
  update_label (self);
}

GtkWidget *
ledger_status_bar_new (void)
{
  return g_object_new (LEDGER_TYPE_STATUS_BAR, NULL);
}

void
ledger_status_bar_set_counts (LedgerStatusBar *self,
                              const guint      counts[LEDGER_N_STATUSES])
{
  g_return_if_fail (LEDGER_IS_STATUS_BAR (self));

  if (memcmp (self->counts, counts, sizeof self->counts) == 0)
    return;
  memcpy (self->counts, counts, sizeof self->counts);
  update_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
