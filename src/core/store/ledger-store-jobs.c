/* ledger-store-jobs.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-store-jobs"

#include "config.h"

#include <string.h>

#include "ledger-output-file.h"
#include "ledger-plan-file.h"
#include "ledger-store-jobs.h"
#include "ledger-worker.h"
#include "private/ledger-store-private.h"

/* The store's work on more than one row, as _async/_finish pairs for the
 * window: a backup made now or today's, a restore (with its safety copy),
 * a plan file added, the plans written to one. Each runs on a worker's connection (ledger-worker.c),
 * reports to a LedgerJobProgress and honours its GCancellable between
 * steps; the window's store hears of what changed when it finishes. The
 * command line calls the synchronous functions these wrap. */

typedef struct
{
  LedgerJobProgress *progress;
  char              *what;     /* the backup's name, or the backup to restore */
  GDateTime         *today;
  GFile             *file;
  char              *made;     /* the backup written, or the safety copy */
  GPtrArray         *plans;
} StoreJob;

static void
store_job_free (StoreJob *job)
{
  g_clear_object (&job->progress);
  g_free (job->what);
  g_clear_pointer (&job->today, g_date_time_unref);
  g_clear_object (&job->file);
  g_free (job->made);
  g_clear_pointer (&job->plans, g_ptr_array_unref);
  g_free (job);
}

static StoreJob *
store_job_new (LedgerJobProgress *progress)
{
  StoreJob *job = g_new0 (StoreJob, 1);

  job->progress = progress != NULL ? g_object_ref (progress) : NULL;
  return job;
}

typedef gboolean (*StoreJobFunc) (LedgerStore *store, StoreJob *job, GError **error);

/* Runs @func with the job's progress and cancel followed by @store's long steps. */
static gboolean
run_store_job (LedgerStore   *store,
               StoreJob      *job,
               GCancellable  *cancellable,
               StoreJobFunc   func,
               GError       **error)
{
  gboolean ok;

  store_set_job (store, job->progress, cancellable);
  ok = func (store, job, error);
  store_set_job (store, NULL, NULL);
  return ok;
}

static gboolean
back_up_named (LedgerStore  *store,
               StoreJob     *job,
               GError      **error)
{
  return (job->made = ledger_store_backup_named (store, job->what, error)) != NULL;
}

static gboolean
backup_named_job (LedgerStore   *store,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return run_store_job (store, data, cancellable, back_up_named, error);
}

/**
 * ledger_store_backup_named_async:
 *
 * ledger_store_backup_named() in a worker. A cancelled backup leaves no
 * file.
 */
void
ledger_store_backup_named_async (LedgerStore         *self,
                                 const char          *what,
                                 LedgerJobProgress   *progress,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  StoreJob *job = store_job_new (progress);

  g_return_if_fail (LEDGER_IS_STORE (self));
  g_return_if_fail (what != NULL);

  job->what = g_strdup (what);
  ledger_worker_run_async (self, backup_named_job, job, (GDestroyNotify) store_job_free,
                           cancellable, callback, user_data);
}

/* Returns: (transfer full): the backup's path, or %NULL with @error set */
char *
ledger_store_backup_named_finish (LedgerStore   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  StoreJob *job = ledger_worker_get_data (result);

  if (!ledger_worker_run_finish (result, error))
    return NULL;
  return g_steal_pointer (&job->made);
}

static gboolean
back_up_daily (LedgerStore  *store,
               StoreJob     *job,
               GError      **error)
{
  return ledger_store_backup_daily (store, job->today, error);
}

static gboolean
backup_daily_job (LedgerStore   *store,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return run_store_job (store, data, cancellable, back_up_daily, error);
}

/* ledger_store_backup_daily() in a worker. */
void
ledger_store_backup_daily_async (LedgerStore         *self,
                                 GDateTime           *today,
                                 LedgerJobProgress   *progress,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  StoreJob *job = store_job_new (progress);

  g_return_if_fail (LEDGER_IS_STORE (self));
  g_return_if_fail (today != NULL);

  job->today = g_date_time_ref (today);
  ledger_worker_run_async (self, backup_daily_job, job, (GDestroyNotify) store_job_free,
                           cancellable, callback, user_data);
}

gboolean
ledger_store_backup_daily_finish (LedgerStore   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return ledger_worker_run_finish (result, error);
}

static gboolean
restore (LedgerStore  *store,
         StoreJob     *job,
         GError      **error)
{
  return ledger_store_restore_from (store, job->what, &job->made, error);
}

static gboolean
restore_job (LedgerStore   *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return run_store_job (store, data, cancellable, restore, error);
}

/**
 * ledger_store_restore_from_async:
 * @path: a backup
 *
 * ledger_store_restore_from() in a worker; when it finishes, @self forgets
 * what it could undo and tells its views that plans and values changed. A
 * restore cancelled before the backup has been copied in whole leaves the
 * ledger as it was.
 */
void
ledger_store_restore_from_async (LedgerStore         *self,
                                 const char          *path,
                                 LedgerJobProgress   *progress,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  StoreJob *job = store_job_new (progress);

  g_return_if_fail (LEDGER_IS_STORE (self));
  g_return_if_fail (path != NULL);

  job->what = g_strdup (path);
  ledger_worker_run_async (self, restore_job, job, (GDestroyNotify) store_job_free,
                           cancellable, callback, user_data);
}

/**
 * ledger_store_restore_from_finish:
 * @safety_copy: (out) (optional) (transfer full): where the ledger as it
 *   was has been saved first
 */
gboolean
ledger_store_restore_from_finish (LedgerStore   *self,
                                  GAsyncResult  *result,
                                  char         **safety_copy,
                                  GError       **error)
{
  StoreJob *job = ledger_worker_get_data (result);

  if (!ledger_worker_run_finish (result, error))
    return FALSE;
  if (safety_copy != NULL)
    *safety_copy = g_steal_pointer (&job->made);
  return TRUE;
}

/* The plan file's steps: read and checked, then written. */
#define PLAN_STEPS 2

static gboolean
add_plans_from_file (LedgerStore  *store,
                     StoreJob     *job,
                     GError      **error)
{
  if (!store_job_step (store, 0, PLAN_STEPS, error) ||
      (job->plans = ledger_plan_file_load (job->file, error)) == NULL ||
      !store_job_step (store, 1, PLAN_STEPS, error) ||
      !ledger_store_add_plans (store, job->plans, error))
    return FALSE;
  ledger_job_progress_report (job->progress, PLAN_STEPS, PLAN_STEPS);
  return TRUE;
}

static gboolean
add_plans_job (LedgerStore   *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  return run_store_job (store, data, cancellable, add_plans_from_file, error);
}

/**
 * ledger_store_add_plans_from_file_async:
 * @file: a plan file
 *
 * Reads and checks the plan file and adds its plans
 * (ledger_store_add_plans()), in a worker: all of them or none.
 */
void
ledger_store_add_plans_from_file_async (LedgerStore         *self,
                                        GFile               *file,
                                        LedgerJobProgress   *progress,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  StoreJob *job = store_job_new (progress);

  g_return_if_fail (LEDGER_IS_STORE (self));
  g_return_if_fail (G_IS_FILE (file));

  job->file = g_object_ref (file);
  ledger_worker_run_async (self, add_plans_job, job, (GDestroyNotify) store_job_free,
                           cancellable, callback, user_data);
}

/* Returns: (transfer full) (element-type LedgerPlan): the plans added, or %NULL with @error set */
GPtrArray *
ledger_store_add_plans_from_file_finish (LedgerStore   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  StoreJob *job = ledger_worker_get_data (result);

  if (!ledger_worker_run_finish (result, error))
    return NULL;
  return g_steal_pointer (&job->plans);
}

static gboolean
write_plans (LedgerStore  *store,
             StoreJob     *job,
             GError      **error)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autofree char *text = NULL;

  if (!store_job_step (store, 0, PLAN_STEPS, error) || (plans = ledger_store_list_plans (store, error)) == NULL ||
      !store_job_step (store, 1, PLAN_STEPS, error))
    return FALSE;
  text = ledger_plan_file_to_data (plans);
  /* A new file renamed over the old one; never over the ledger. */
  if (!ledger_output_file_write (job->what, store->path, text, strlen (text), error))
    return FALSE;
  ledger_job_progress_report (job->progress, PLAN_STEPS, PLAN_STEPS);
  return TRUE;
}

static gboolean
write_plans_job (LedgerStore   *store,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return run_store_job (store, data, cancellable, write_plans, error);
}

/**
 * ledger_store_write_plans_async:
 * @path: the plan file to write, whole or not at all
 *
 * Writes every plan of the ledger as a plan file, in a worker.
 */
void
ledger_store_write_plans_async (LedgerStore         *self,
                                const char          *path,
                                LedgerJobProgress   *progress,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  StoreJob *job = store_job_new (progress);

  g_return_if_fail (LEDGER_IS_STORE (self));
  g_return_if_fail (path != NULL);

  job->what = g_strdup (path);
  ledger_worker_read_async (self, write_plans_job, job, (GDestroyNotify) store_job_free,
                            cancellable, callback, user_data);
}

gboolean
ledger_store_write_plans_finish (LedgerStore   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return ledger_worker_run_finish (result, error);
}
