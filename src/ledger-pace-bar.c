/* ledger-pace-bar.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-pace-bar"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ledger-pace-bar.h"
#include "ledger-status-pill.h"
#include "ledger-style.h"

/* A progress bar with a mark at 序时进度: how much of the year's target is
 * done, filled in the status's colour, against how much should be by now.
 * The colours come from CSS (the status classes), so dark mode follows. */
struct _LedgerPaceBar
{
  GtkWidget    parent_instance;

  double       fraction;
  double       pace;
  LedgerStatus status;
};

G_DEFINE_FINAL_TYPE (LedgerPaceBar, ledger_pace_bar, GTK_TYPE_WIDGET)

#define BAR_HEIGHT 6
#define MARK_HEIGHT 12
#define MIN_WIDTH 60

static void
ledger_pace_bar_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = MIN_WIDTH;
  else
    *minimum = *natural = MARK_HEIGHT;
}

static void
append_rect (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             float          x,
             float          y,
             float          width,
             float          height)
{
  GskRoundedRect rounded;
  graphene_rect_t rect = GRAPHENE_RECT_INIT (x, y, width, height);

  gsk_rounded_rect_init_from_rect (&rounded, &rect, height / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, &rect);
  gtk_snapshot_pop (snapshot);
}

static void
ledger_pace_bar_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  LedgerPaceBar *self = LEDGER_PACE_BAR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float bar_y = (height - BAR_HEIGHT) / 2.0f;
  GdkRGBA fill = ledger_style_color (widget, NULL);
  GdkRGBA track = fill;
  double fraction = isnan (self->fraction) ? 0 : CLAMP (self->fraction, 0, 1);

  track.alpha *= 0.18f;
  append_rect (snapshot, &track, 0, bar_y, width, BAR_HEIGHT);
  if (fraction > 0)
    append_rect (snapshot, &fill, 0, bar_y, MAX (BAR_HEIGHT, width * fraction), BAR_HEIGHT);

  if (!isnan (self->pace))
    {
      GtkWidget *parent = gtk_widget_get_parent (widget);
      GdkRGBA mark = parent != NULL ? ledger_style_color (parent, NULL) : fill;
      float x = CLAMP (width * self->pace, 1, width - 1);

      gtk_snapshot_append_color (snapshot, &mark,
                                 &GRAPHENE_RECT_INIT (x - 1, (height - MARK_HEIGHT) / 2.0f, 2, MARK_HEIGHT));
    }
}

static void
ledger_pace_bar_class_init (LedgerPaceBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = ledger_pace_bar_measure;
  widget_class->snapshot = ledger_pace_bar_snapshot;

  gtk_widget_class_set_css_name (widget_class, "pacebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
}

static void
ledger_pace_bar_init (LedgerPaceBar *self)
{
  self->fraction = NAN;
  self->pace = NAN;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Progress toward the target"), -1);
}

GtkWidget *
ledger_pace_bar_new (void)
{
  return g_object_new (LEDGER_TYPE_PACE_BAR, NULL);
}

void
ledger_pace_bar_set_progress (LedgerPaceBar        *self,
                              const LedgerProgress *progress)
{
  g_autofree char *description = NULL;

  g_return_if_fail (LEDGER_IS_PACE_BAR (self));
  g_return_if_fail (progress != NULL);

  ledger_status_pill_set_css_status (GTK_WIDGET (self), self->status, progress->status);
  self->fraction = progress->progress;
  self->pace = progress->pace;
  self->status = progress->status;

  if (!isnan (progress->progress) && !isnan (progress->pace))
    /* Translators: the progress bar's text for screen readers */
    description = g_strdup_printf (_("%.0f%% of the target, pace %.0f%%"),
                                   progress->progress * 100, progress->pace * 100);
  else if (!isnan (progress->progress))
    description = g_strdup_printf (_("%.0f%% of the target"), progress->progress * 100);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 100.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW,
                                  isnan (progress->progress) ? 0.0 : progress->progress * 100,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                  description != NULL ? description : "",
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
