/* ledger-export-job.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-export-job"

#include "config.h"

#include "ledger-export-job.h"
#include "ledger-worker.h"

/* The one way an export runs off the window's thread: a LedgerExportFunc
 * on a worker's connection, inside one read transaction (the ledger as it
 * was when the export started), told what the window shows. The exports
 * of exchange and report build their _async/_finish pairs on it. */

typedef struct
{
  LedgerExportJob   job;
  LedgerExportFunc  func;
} Export;

static void
export_free (Export *export)
{
  g_free (export->job.path);
  g_free (export->job.as_of);
  g_free (export->job.plan_code);
  g_clear_object (&export->job.progress);
  g_free (export);
}

static gboolean
run_export (LedgerStore   *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Export *export = data;
  gboolean ok;

  export->job.cancellable = cancellable;
  ok = ledger_export_job_step (&export->job, 0, 1, error) && export->func (store, &export->job, error);
  export->job.cancellable = NULL;
  if (ok)
    ledger_job_progress_finish (export->job.progress);
  return ok;
}

/**
 * ledger_export_job_run_async:
 * @context: the window's context: its store, "as of" period and tolerances
 * @plan_code: (nullable): the plan the export is of, if it is of one
 * @variant: the export's own choice, passed on in the job
 * @path: the file to write
 * @progress: (nullable): told how far the export has come
 *
 * Runs @func in a worker on a snapshot of the ledger. A job cancelled
 * before it starts does not start; once done, its progress is full.
 */
void
ledger_export_job_run_async (LedgerContext       *context,
                             LedgerExportFunc     func,
                             const char          *plan_code,
                             int                  variant,
                             const char          *path,
                             LedgerJobProgress   *progress,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Export *export;

  g_return_if_fail (LEDGER_IS_CONTEXT (context));
  g_return_if_fail (func != NULL);
  g_return_if_fail (path != NULL);

  export = g_new0 (Export, 1);
  export->func = func;
  export->job.path = g_strdup (path);
  export->job.as_of = g_strdup (ledger_context_get_as_of (context));
  export->job.plan_code = g_strdup (plan_code);
  export->job.tolerances = *ledger_context_get_tolerances (context);
  export->job.variant = variant;
  export->job.progress = progress != NULL ? g_object_ref (progress) : NULL;
  ledger_worker_read_async (ledger_context_get_store (context), run_export, export,
                            (GDestroyNotify) export_free, cancellable, callback, user_data);
}

gboolean
ledger_export_job_run_finish (GAsyncResult  *result,
                              GError       **error)
{
  return ledger_worker_run_finish (result, error);
}

/**
 * ledger_export_job_step:
 *
 * The export reports that it has done @done of its @total steps.
 * Returns: %FALSE with @error set if it was cancelled meanwhile; it then
 *   stops without writing its file
 */
gboolean
ledger_export_job_step (LedgerExportJob  *job,
                        guint             done,
                        guint             total,
                        GError          **error)
{
  return ledger_job_progress_step (job->progress, done, total, job->cancellable, error);
}
