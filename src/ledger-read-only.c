/* ledger-read-only.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-read-only"

#include "config.h"

#include "ledger-read-only.h"

/* A ledger open for reading only (a read-only file, folder or disk, or a
 * ledger changed outside the program) is shown whole, but nothing offers
 * to change it: the window, its pages and its rows each disable the
 * actions of theirs that write. The store would refuse the writes anyway. */

/**
 * ledger_read_only_disable_actions:
 * @widget: the widget the actions are installed on
 * @actions: (array zero-terminated=1): the names of its actions that write
 *
 * Disables @actions if @store is open for reading only.
 */
void
ledger_read_only_disable_actions (GtkWidget          *widget,
                                  LedgerStore        *store,
                                  const char * const *actions)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (LEDGER_IS_STORE (store));

  if (!ledger_store_is_read_only (store))
    return;
  for (guint i = 0; actions[i] != NULL; i++)
    gtk_widget_action_set_enabled (widget, actions[i], FALSE);
}
