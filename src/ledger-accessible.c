/* ledger-accessible.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-accessible"

#include "config.h"

#include "ledger-accessible.h"

/**
 * ledger_accessible_name_drop_down:
 * @label: (nullable): what the drop-down picks, or %NULL if its template
 *   gave it a label already
 *
 * Names a drop-down and the button inside it. GTK 4.8 leaves that button,
 * which is what takes the focus, without a name: a screen reader would say
 * only "toggle button". The button is labelled by the drop-down.
 */
void
ledger_accessible_name_drop_down (GtkDropDown *drop_down,
                                  const char  *label)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_relation (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, drop_down, NULL,
                                      -1);
}

/**
 * ledger_accessible_name_list_item:
 * @child: the child a list item factory set up
 * @label: what the row is
 * @description: what else it says
 *
 * Names the row of a GtkListView. GTK 4.8 names such a row by nothing
 * (gtk_list_item_set_accessible_label() is 4.12's) and reads no text from
 * inside it: the row is the widget around @child.
 */
void
ledger_accessible_name_list_item (GtkWidget  *child,
                                  const char *label,
                                  const char *description)
{
  GtkWidget *row;

  g_return_if_fail (GTK_IS_WIDGET (child));

  row = gtk_widget_get_parent (child);
  if (row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
}

/**
 * ledger_accessible_row_button_new:
 * @label: what the button does, its tooltip and its accessible name
 * @target: the string the action @action is activated with
 *
 * Returns: (transfer floating): a flat icon button at the end of a row
 */
GtkWidget *
ledger_accessible_row_button_new (const char *icon,
                                  const char *label,
                                  const char *action,
                                  const char *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}
