/* ledger-toast.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-toast"

#include "config.h"

#include "ledger-toast.h"

/* Toasts asked for by pages and dialogs. They do not know the main window:
 * they activate its win.toast or win.undo-toast action. A widget inside the
 * window finds the action on its ancestors; a dialog is a window of its
 * own, so the action is looked for on the window it is transient for. */

static GtkWidget *
main_window_of (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  if (window == NULL)
    return widget;
  /* A message dialog over a dialog over the window: the window. */
  while (gtk_window_get_transient_for (window) != NULL)
    window = gtk_window_get_transient_for (window);
  return GTK_WIDGET (window);
}

static void
show (GtkWidget  *widget,
      const char *action,
      const char *message)
{
  GApplication *application = g_application_get_default ();
  GtkWidget *window;
  GtkWindow *active;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  window = main_window_of (widget);
  if (gtk_widget_activate_action (window, action, "s", message))
    return;
  /* A dialog left without its parent: the application's window says it. */
  if (!GTK_IS_APPLICATION (application))
    return;
  active = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (active != NULL && GTK_WIDGET (active) != window)
    gtk_widget_activate_action (GTK_WIDGET (active), action, "s", message);
}

/* Shows @message in a toast of the window @widget is in or belongs to. */
void
ledger_toast_show (GtkWidget  *widget,
                   const char *message)
{
  show (widget, "win.toast", message);
}

/* The same toast after a change, with the button that undoes it. */
void
ledger_toast_show_undo (GtkWidget  *widget,
                        const char *message)
{
  show (widget, "win.undo-toast", message);
}
