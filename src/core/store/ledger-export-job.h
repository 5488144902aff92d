/* ledger-export-job.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ledger-context.h"
#include "ledger-job-progress.h"

G_BEGIN_DECLS

typedef struct _LedgerExportJob LedgerExportJob;

/* What an export in a worker is given: the ledger as the window shows it
 * (its "as of" period, its tolerances), the plan (its code) and the file
 * to write. The export writes it through ledger_output_file_*(). */
struct _LedgerExportJob
{
  char              *path;
  char              *as_of;
  char              *plan_code;
  LedgerTolerances   tolerances;
  int                variant;   /* the export's own choice: an encoding … */
  LedgerJobProgress *progress;
  GCancellable      *cancellable;
};

typedef gboolean (*LedgerExportFunc) (LedgerStore      *store,
                                      LedgerExportJob  *job,
                                      GError          **error);

void     ledger_export_job_run_async  (LedgerContext       *context,
                                       LedgerExportFunc     func,
                                       const char          *plan_code,
                                       int                  variant,
                                       const char          *path,
                                       LedgerJobProgress   *progress,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean ledger_export_job_run_finish (GAsyncResult        *result,
                                       GError             **error);
gboolean ledger_export_job_step       (LedgerExportJob     *job,
                                       guint                done,
                                       guint                total,
                                       GError             **error);

G_END_DECLS
