/* ledger-style.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-style"

#include "config.h"

#include "ledger-style.h"

/* The colours the project's own drawing takes from the style: libadwaita's
 * named colours, so that dark mode and high contrast follow. */

/**
 * ledger_style_color:
 * @name: (nullable): a named colour ("accent_color"), or %NULL
 *
 * Returns: the named colour, or the widget's own colour when there is no
 *   such name
 */
GdkRGBA
ledger_style_color (GtkWidget  *widget,
                    const char *name)
{
  GtkStyleContext *style;
  GdkRGBA color;

  /* GTK 4.8 has no other way to read the style's colours; it is
   * deprecated only from 4.10 on. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  style = gtk_widget_get_style_context (widget);
  if (name == NULL || !gtk_style_context_lookup_color (style, name, &color))
    gtk_style_context_get_color (style, &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return color;
}

/* The colour of a status: red behind, yellow warning, green on track,
 * the accent achieved; no data and not yet assessed a faint foreground. */
GdkRGBA
ledger_style_status_color (GtkWidget    *widget,
                           LedgerStatus  status)
{
  static const char *names[LEDGER_N_STATUSES] = {
    NULL, "error_color", "warning_color", "success_color", "accent_color",
    "warning_color", "success_color", "accent_color", NULL, "error_color",
  };
  GdkRGBA color;

  g_return_val_if_fail (status < LEDGER_N_STATUSES, ledger_style_color (widget, NULL));

  if (names[status] != NULL)
    return ledger_style_color (widget, names[status]);
  color = ledger_style_color (widget, "window_fg_color");
  color.alpha *= 0.45f;
  return color;
}
