/* ledger-job-bar.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ledger-job-progress.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_JOB_BAR (ledger_job_bar_get_type ())

G_DECLARE_FINAL_TYPE (LedgerJobBar, ledger_job_bar, LEDGER, JOB_BAR, GtkWidget)

GtkWidget    *ledger_job_bar_new        (void);
GCancellable *ledger_job_bar_start      (LedgerJobBar      *self,
                                         const char        *title,
                                         LedgerJobProgress *progress);
void          ledger_job_bar_stop       (LedgerJobBar      *self,
                                         GCancellable      *cancellable);
gboolean      ledger_job_bar_is_running (LedgerJobBar      *self);

G_END_DECLS
