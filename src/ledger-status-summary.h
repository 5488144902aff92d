/* ledger-status-summary.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ledger-progress.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_STATUS_SUMMARY (ledger_status_summary_get_type ())

G_DECLARE_FINAL_TYPE (LedgerStatusSummary, ledger_status_summary, LEDGER, STATUS_SUMMARY, GtkWidget)

GtkWidget *ledger_status_summary_new        (gboolean             compact);
void       ledger_status_summary_set_counts (LedgerStatusSummary *self,
                                             const guint          counts[LEDGER_N_STATUSES]);
char      *ledger_status_summary_dup_text   (LedgerStatusSummary *self);
char      *ledger_status_counts_to_text     (const guint          counts[LEDGER_N_STATUSES]);

G_END_DECLS
