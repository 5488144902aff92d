/* ledger-connection-bar.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-connection-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-connection-bar.h"

/* The bar at the top of a window on the office's server while its
 * connection is lost: says so, that the store keeps retrying and that
 * nothing typed is lost, with a Retry button (the "retry" signal) for
 * those who will not wait. A banner of its own: AdwBanner is
 * libadwaita 1.3, after the floor. */
struct _LedgerConnectionBar
{
  GtkWidget    parent_instance;

  GtkRevealer *revealer;
};

G_DEFINE_FINAL_TYPE (LedgerConnectionBar, ledger_connection_bar, GTK_TYPE_WIDGET)

enum {
  RETRY,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
retry_clicked_cb (LedgerConnectionBar *self)
{
  g_signal_emit (self, signals [RETRY], 0);
}

static void
ledger_connection_bar_dispose (GObject *object)
{
  LedgerConnectionBar *self = LEDGER_CONNECTION_BAR (object);

  if (self->revealer != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->revealer));
      self->revealer = NULL;
    }

  G_OBJECT_CLASS (ledger_connection_bar_parent_class)->dispose (object);
}

static void
ledger_connection_bar_class_init (LedgerConnectionBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_connection_bar_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "connectionbar");

  /**
   * LedgerConnectionBar::retry:
   *
   * The user asks to try the connection now.
   */
  signals [RETRY] = g_signal_new ("retry", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static GtkWidget *
message_label_new (void)
{
  GtkWidget *label = gtk_label_new (_("Connection to the office server lost. Retrying… "
                                      "Nothing you type is lost."));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  return label;
}

static void
ledger_connection_bar_init (LedgerConnectionBar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", "network-offline-symbolic",
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  GtkWidget *retry = gtk_button_new_with_mnemonic (_("_Retry"));

  gtk_widget_set_valign (retry, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (retry, "clicked", G_CALLBACK (retry_clicked_cb), self);
  gtk_widget_add_css_class (box, "connection-bar");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), message_label_new ());
  gtk_box_append (GTK_BOX (box), retry);

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_revealer_set_child (self->revealer, box);
  gtk_widget_set_parent (GTK_WIDGET (self->revealer), GTK_WIDGET (self));
}

GtkWidget *
ledger_connection_bar_new (void)
{
  return g_object_new (LEDGER_TYPE_CONNECTION_BAR, NULL);
}

/* Shows the bar while @online is %FALSE. */
void
ledger_connection_bar_set_online (LedgerConnectionBar *self,
                                  gboolean             online)
{
  g_return_if_fail (LEDGER_IS_CONNECTION_BAR (self));

  gtk_revealer_set_reveal_child (self->revealer, !online);
}

gboolean
ledger_connection_bar_is_shown (LedgerConnectionBar *self)
{
  g_return_val_if_fail (LEDGER_IS_CONNECTION_BAR (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}
