/* ledger-status-pill.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-status-pill"

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-status.h"
#include "ledger-status-pill.h"
#include "ledger-tooltip.h"

/* A status as a small coloured label: 已完成, 正常, 预警, 滞后, 未填报. It is
 * told by its word and its icon, not by colour alone; with a count it
 * reads "滞后 3". */
struct _LedgerStatusPill
{
  GtkWidget     parent_instance;

  GtkWidget    *box;
  GtkWidget    *icon;
  GtkWidget    *label;
  LedgerStatus  status;
  gboolean      compact;
  char         *text;
};

G_DEFINE_FINAL_TYPE (LedgerStatusPill, ledger_status_pill, GTK_TYPE_WIDGET)

static const char *css_classes[LEDGER_N_STATUSES] = {
  "no-data", "behind", "warning", "on-track", "achieved", "not-started", "in-progress", "done",
  "pending", "overdue",
};

static const char *icons[LEDGER_N_STATUSES] = {
  "content-loading-symbolic", "dialog-error-symbolic", "dialog-warning-symbolic",
  "emblem-ok-symbolic", "starred-symbolic", "content-loading-symbolic",
  "media-playback-start-symbolic", "starred-symbolic", "alarm-symbolic",
  "appointment-missed-symbolic",
};

/* Moves @widget from one status's style class to another's. */
void
ledger_status_pill_set_css_status (GtkWidget    *widget,
                                   LedgerStatus  old_status,
                                   LedgerStatus  new_status)
{
  g_return_if_fail (old_status < LEDGER_N_STATUSES && new_status < LEDGER_N_STATUSES);

  gtk_widget_remove_css_class (widget, css_classes[old_status]);
  gtk_widget_add_css_class (widget, css_classes[new_status]);
}

static void
ledger_status_pill_dispose (GObject *object)
{
  LedgerStatusPill *self = LEDGER_STATUS_PILL (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (ledger_status_pill_parent_class)->dispose (object);
}

static void
ledger_status_pill_class_init (LedgerStatusPillClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_status_pill_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "statuspill");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
ledger_status_pill_init (LedgerStatusPill *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  self->icon = gtk_image_new ();
  self->label = gtk_label_new (NULL);
  gtk_box_append (GTK_BOX (self->box), self->icon);
  gtk_box_append (GTK_BOX (self->box), self->label);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  self->status = LEDGER_STATUS_NO_DATA;
  ledger_status_pill_set_status (self, LEDGER_STATUS_NO_DATA);
}

GtkWidget *
ledger_status_pill_new (void)
{
  return g_object_new (LEDGER_TYPE_STATUS_PILL, NULL);
}

/* @short_text is shown in the compact form; @text is always what the
 * tooltip and screen readers say. */
static void
show_status (LedgerStatusPill *self,
             LedgerStatus      status,
             const char       *text,
             const char       *short_text)
{
  ledger_status_pill_set_css_status (GTK_WIDGET (self), self->status, status);
  self->status = status;
  g_free (self->text);
  self->text = g_strdup (text);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), icons[status]);
  gtk_label_set_text (GTK_LABEL (self->label), self->compact ? short_text : text);
  ledger_tooltip_set (GTK_WIDGET (self), self->compact ? text : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

void
ledger_status_pill_set_status (LedgerStatusPill *self,
                               LedgerStatus      status)
{
  const char *label;
  g_autofree char *accessible_label = NULL;

  g_return_if_fail (LEDGER_IS_STATUS_PILL (self));

  label = ledger_status_label (ledger_status_to_string (status));
  show_status (self, status, label, "");
  /* Translators: what a screen reader says of an indicator's status pill, "状态：滞后" */
  accessible_label = g_strdup_printf (_("Status: %s"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
}

/* Shows "滞后 3": how many indicators have @status. */
void
ledger_status_pill_set_count (LedgerStatusPill *self,
                              LedgerStatus      status,
                              guint             count)
{
  g_autofree char *text = NULL;
  g_autofree char *number = NULL;

  g_return_if_fail (LEDGER_IS_STATUS_PILL (self));

  /* Translators: a status and how many indicators have it, "滞后 3" */
  text = g_strdup_printf (C_("status count", "%s %u"),
                          ledger_status_label (ledger_status_to_string (status)), count);
  number = g_strdup_printf ("%u", count);
  show_status (self, status, text, number);
}

/* The compact form shows the icon and the count only. */
void
ledger_status_pill_set_compact (LedgerStatusPill *self,
                                gboolean          compact)
{
  g_return_if_fail (LEDGER_IS_STATUS_PILL (self));

  self->compact = !!compact;
  if (compact)
    gtk_widget_add_css_class (GTK_WIDGET (self), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "compact");
}

/* Returns: the full text, "滞后 3", also in the compact form */
const char *
ledger_status_pill_get_text (LedgerStatusPill *self)
{
  g_return_val_if_fail (LEDGER_IS_STATUS_PILL (self), NULL);
  return self->text;
}
