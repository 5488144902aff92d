/* ledger-job-progress.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LEDGER_TYPE_JOB_PROGRESS (ledger_job_progress_get_type ())

G_DECLARE_FINAL_TYPE (LedgerJobProgress, ledger_job_progress, LEDGER, JOB_PROGRESS, GObject)

LedgerJobProgress *ledger_job_progress_new          (void);
void               ledger_job_progress_report       (LedgerJobProgress *self,
                                                     guint64            done,
                                                     guint64            total);
gboolean           ledger_job_progress_step         (LedgerJobProgress *self,
                                                     guint64            done,
                                                     guint64            total,
                                                     GCancellable      *cancellable,
                                                     GError           **error);
void               ledger_job_progress_finish       (LedgerJobProgress *self);
guint64            ledger_job_progress_get_done     (LedgerJobProgress *self);
guint64            ledger_job_progress_get_total    (LedgerJobProgress *self);
double             ledger_job_progress_get_fraction (LedgerJobProgress *self);

G_END_DECLS
