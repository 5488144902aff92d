/* ledger-test-ui.h: helpers of the UI tests
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void       ledger_test_ui_init        (int         *argc,
                                       char      ***argv);
void       ledger_test_ui_wait        (guint        milliseconds);
void       ledger_test_ui_screenshot  (GtkWidget   *widget,
                                       const char  *name);
GtkWidget *ledger_test_ui_find        (GtkWidget   *root,
                                       GType        type,
                                       gboolean   (*match) (GtkWidget *, gpointer),
                                       gpointer     data);
GtkWindow *ledger_test_ui_find_window (GType        type);

G_END_DECLS
