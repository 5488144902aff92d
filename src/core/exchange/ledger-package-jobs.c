/* ledger-package-jobs.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-package-jobs"

#include "config.h"

#include "ledger-package-jobs.h"
#include "ledger-worker.h"

/* The data packages' work for the window, as _async/_finish pairs on the
 * worker (ledger-worker.c): a unit's package written, packages read and
 * merged with the ledger (one step a file), the merge written. The merge
 * keeps the worker's connection it read the ledger on; its apply goes on
 * with it, so it writes what it showed. */

typedef struct _PackageJob PackageJob;

typedef gboolean (*PackageJobFunc) (LedgerStore *store, PackageJob *job, GCancellable *cancellable,
                                    GError **error);

struct _PackageJob
{
  PackageJobFunc      func;
  LedgerJobProgress  *progress;
  char               *unit;
  char               *from;
  char               *to;
  char               *path;
  GPtrArray          *files;  /* GFile */
  LedgerPackageMerge *merge;
  LedgerCheckLimits   checks;   /* of the figures of the packages loaded */
};

static void
package_job_free (PackageJob *job)
{
  g_clear_object (&job->progress);
  g_free (job->unit);
  g_free (job->from);
  g_free (job->to);
  g_free (job->path);
  g_clear_pointer (&job->files, g_ptr_array_unref);
  g_clear_object (&job->merge);
  g_free (job);
}

static PackageJob *
package_job_new (PackageJobFunc     func,
                 LedgerJobProgress *progress)
{
  PackageJob *job = g_new0 (PackageJob, 1);

  job->func = func;
  job->progress = progress != NULL ? g_object_ref (progress) : NULL;
  return job;
}

/* In the worker: the job, unless cancelled before it starts. */
static gboolean
run_package_job (LedgerStore   *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  PackageJob *job = data;

  if (!ledger_job_progress_step (job->progress, 0, 1, cancellable, error) ||
      !job->func (store, job, cancellable, error))
    return FALSE;
  ledger_job_progress_finish (job->progress);
  return TRUE;
}

static gboolean
export_package (LedgerStore   *store,
                PackageJob    *job,
                GCancellable  *cancellable,
                GError       **error)
{
  return ledger_package_export_to_file_reporting (store, job->unit, job->from, job->to, job->path, job->progress,
                                                  cancellable, error);
}

/**
 * ledger_package_export_to_file_async:
 *
 * ledger_package_export_to_file() in a worker, on a snapshot of the ledger.
 */
void
ledger_package_export_to_file_async (LedgerStore         *store,
                                     const char          *unit,
                                     const char          *from_period,
                                     const char          *to_period,
                                     const char          *path,
                                     LedgerJobProgress   *progress,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  PackageJob *job = package_job_new (export_package, progress);

  job->unit = g_strdup (unit);
  job->from = g_strdup (from_period);
  job->to = g_strdup (to_period);
  job->path = g_strdup (path);
  ledger_worker_read_async (store, run_package_job, job, (GDestroyNotify) package_job_free, cancellable,
                            callback, user_data);
}

gboolean
ledger_package_export_to_file_finish (GAsyncResult  *result,
                                      GError       **error)
{
  return ledger_worker_run_finish (result, error);
}

/* Reads each file (one step each), then merges them with the ledger. */
static gboolean
load_packages (LedgerStore   *store,
               PackageJob    *job,
               GCancellable  *cancellable,
               GError       **error)
{
  guint steps = job->files->len + 1;
  g_autoptr(GPtrArray) packages = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < job->files->len; i++)
    {
      GFile *file = g_ptr_array_index (job->files, i);
      g_autoptr(GError) local_error = NULL;
      LedgerPackage *package;

      if (!ledger_job_progress_step (job->progress, i, steps, cancellable, error))
        return FALSE;
      if ((package = ledger_package_load (file, &local_error)) == NULL)
        {
          g_autofree char *name = g_file_get_basename (file);

          g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);
          return FALSE;
        }
      g_ptr_array_add (packages, package);
    }
  return ledger_job_progress_step (job->progress, job->files->len, steps, cancellable, error) &&
         (job->merge = ledger_package_merge_new (store, packages, &job->checks, error)) != NULL;
}

/**
 * ledger_package_merge_load_async:
 * @store: the window's store
 * @files: (element-type GFile): the packages
 * @checks: (nullable): the thresholds of the checks on entry; %NULL for
 *   the defaults
 *
 * Reads the packages and merges them with the ledger, in a worker. A file
 * that is not a package fails the whole, naming it.
 */
void
ledger_package_merge_load_async (LedgerStore         *store,
                                 GListModel          *files,
                                 const LedgerCheckLimits *checks,
                                 LedgerJobProgress   *progress,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  PackageJob *job = package_job_new (load_packages, progress);
  guint n = g_list_model_get_n_items (files);

  if (checks != NULL)
    job->checks = *checks;
  else
    ledger_check_limits_init_default (&job->checks);
  job->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (job->files, g_list_model_get_item (files, i));
  ledger_worker_run_async (store, run_package_job, job, (GDestroyNotify) package_job_free, cancellable,
                           callback, user_data);
}

/* Returns: (transfer full): the merge, to show and then apply; or %NULL with @error set */
LedgerPackageMerge *
ledger_package_merge_load_finish (GAsyncResult  *result,
                                  GError       **error)
{
  PackageJob *job = ledger_worker_get_data (result);

  if (!ledger_worker_run_finish (result, error))
    return NULL;
  return g_steal_pointer (&job->merge);
}

static gboolean
apply_merge (LedgerStore   *store,
             PackageJob    *job,
             GCancellable  *cancellable,
             GError       **error)
{
  return ledger_package_merge_apply_reporting (job->merge, job->progress, cancellable, error);
}

/**
 * ledger_package_merge_apply_async:
 * @store: the window's store, which takes over the write's undo step
 *
 * ledger_package_merge_apply() in a worker, on the connection the merge
 * read the ledger on. Cancelled before it starts, it writes nothing; once
 * started, it is one transaction.
 */
void
ledger_package_merge_apply_async (LedgerPackageMerge  *self,
                                  LedgerStore         *store,
                                  LedgerJobProgress   *progress,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  PackageJob *job = package_job_new (apply_merge, progress);

  g_return_if_fail (LEDGER_IS_PACKAGE_MERGE (self));

  job->merge = g_object_ref (self);
  ledger_worker_run_on_async (store, ledger_package_merge_get_store (self), run_package_job, job,
                              (GDestroyNotify) package_job_free, cancellable, callback, user_data);
}

gboolean
ledger_package_merge_apply_finish (LedgerPackageMerge  *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  return ledger_worker_run_finish (result, error);
}
