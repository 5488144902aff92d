/* ledger-status-pill.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ledger-progress.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_STATUS_PILL (ledger_status_pill_get_type ())

G_DECLARE_FINAL_TYPE (LedgerStatusPill, ledger_status_pill, LEDGER, STATUS_PILL, GtkWidget)

GtkWidget  *ledger_status_pill_new            (void);
void        ledger_status_pill_set_status     (LedgerStatusPill *self,
                                               LedgerStatus      status);
void        ledger_status_pill_set_count      (LedgerStatusPill *self,
                                               LedgerStatus      status,
                                               guint             count);
void        ledger_status_pill_set_compact    (LedgerStatusPill *self,
                                               gboolean          compact);
const char *ledger_status_pill_get_text       (LedgerStatusPill *self);
void        ledger_status_pill_set_css_status (GtkWidget        *widget,
                                               LedgerStatus      old_status,
                                               LedgerStatus      new_status);

G_END_DECLS
