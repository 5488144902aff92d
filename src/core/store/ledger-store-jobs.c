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
 * a plan file added, the plans written to one, values typed for a period
 * imported, a unit renamed, an indicator deleted, the ledger copied to a
 * new file or the office's server. Each runs on a worker's connection (ledger-worker.c),
 * reports to a LedgerJobProgress and honours its GCancellable between
 * steps; the window's store hears of what changed when it finishes. The
 * command line calls the synchronous functions these wrap. */

typedef struct _StoreJob StoreJob;

typedef gboolean (*StoreJobFunc) (LedgerStore *store, StoreJob *job, GError **error);

struct _StoreJob
{
  StoreJobFunc       func;
  LedgerJobProgress *progress;
  char              *what;     /* the backup's name, the backup to restore, a unit's old name */
  GDateTime         *today;
  GFile             *file;
  char              *made;     /* the backup written, or the safety copy */
  GPtrArray         *plans;
  GPtrArray         *undo;     /* the step of undo a worker undoes */
  gboolean           undone;
  gint64             indicator_id;  /* an attachment's */
  char              *period;
  guint64            limit;
  LedgerAttachment  *attachment;    /* the attachment added */
  GPtrArray         *values;        /* to import */
  LedgerPlan        *plan;          /* whose unit is renamed */
  char              *new_name;      /* the unit's */
  LedgerCopySummary  copied;        /* what a copy carried */
};

static void
store_job_free (StoreJob *job)
{
  g_clear_object (&job->progress);
  g_free (job->what);
  g_clear_pointer (&job->today, g_date_time_unref);
  g_clear_object (&job->file);
  g_free (job->made);
  g_clear_pointer (&job->plans, g_ptr_array_unref);
  g_clear_pointer (&job->undo, g_ptr_array_unref);
  g_free (job->period);
  g_clear_object (&job->attachment);
  g_clear_pointer (&job->values, g_ptr_array_unref);
  g_clear_object (&job->plan);
  g_free (job->new_name);
  g_free (job);
}

static StoreJob *
store_job_new (StoreJobFunc       func,
               LedgerJobProgress *progress)
{
  StoreJob *job = g_new0 (StoreJob, 1);

  job->func = func;
  job->progress = progress != NULL ? g_object_ref (progress) : NULL;
  return job;
}

/* In the worker: the job's function, with its progress and cancel
 * followed by @store's long steps. */
static gboolean
run_store_job (LedgerStore   *store,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  StoreJob *job = data;
  gboolean ok;

  store_set_job (store, job->progress, cancellable);
  ok = job->func (store, job, error);
  store_set_job (store, NULL, NULL);
  if (ok)
    ledger_job_progress_finish (job->progress);
  return ok;
}

/* Runs @job on a worker's connection, inside one read transaction if it @reads. */
static void
launch (LedgerStore         *self,
        StoreJob            *job,
        gboolean             reads,
        GCancellable        *cancellable,
        GAsyncReadyCallback  callback,
        gpointer             user_data)
{
  (reads ? ledger_worker_read_async : ledger_worker_run_async) (self, run_store_job, job,
                                                                (GDestroyNotify) store_job_free,
                                                                cancellable, callback, user_data);
}

static gboolean
back_up_named (LedgerStore  *store,
               StoreJob     *job,
               GError      **error)
{
  return (job->made = ledger_store_backup_named (store, job->what, error)) != NULL;
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
  StoreJob *job = store_job_new (back_up_named, progress);

  g_return_if_fail (LEDGER_IS_STORE (self));
  g_return_if_fail (what != NULL);

  job->what = g_strdup (what);
  launch (self, job, FALSE, cancellable, callback, user_data);
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

/* ledger_store_backup_daily() in a worker. */
void
ledger_store_backup_daily_async (LedgerStore         *self,
                                 GDateTime           *today,
                                 LedgerJobProgress   *progress,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  StoreJob *job = store_job_new (back_up_daily, progress);

  g_return_if_fail (LEDGER_IS_STORE (self));
  g_return_if_fail (today != NULL);

  job->today = g_date_time_ref (today);
  launch (self, job, FALSE, cancellable, callback, user_data);
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
  StoreJob *job = store_job_new (restore, progress);

  g_return_if_fail (LEDGER_IS_STORE (self));
  g_return_if_fail (path != NULL);

  job->what = g_strdup (path);
  launch (self, job, FALSE, cancellable, callback, user_data);
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
  return store_job_step (store, 0, PLAN_STEPS, error) &&
         (job->plans = ledger_plan_file_load (job->file, error)) != NULL &&
         store_job_step (store, 1, PLAN_STEPS, error) &&
         ledger_store_add_plans (store, job->plans, error);
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
  StoreJob *job = store_job_new (add_plans_from_file, progress);

  g_return_if_fail (LEDGER_IS_STORE (self));
  g_return_if_fail (G_IS_FILE (file));

  job->file = g_object_ref (file);
  launch (self, job, FALSE, cancellable, callback, user_data);
}

/* Returns: (transfer full) (element-type LedgerPlan): the plans added, or %NULL with @error set */
GPtrArray *
ledger_store_add_plans_from_file_finish (LedgerStore   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return ledger_store_add_plans_finish (self, result, error);
}

static gboolean
add_plans (LedgerStore  *store,
           StoreJob     *job,
           GError      **error)
{
  return ledger_store_add_plans (store, job->plans, error);
}

/**
 * ledger_store_add_plans_async:
 * @plans: (element-type LedgerPlan): the plans to add, made on the
 *   caller's thread and only read by the worker
 *
 * ledger_store_add_plans() in a worker: all of them or none.
 */
void
ledger_store_add_plans_async (LedgerStore         *self,
                              GPtrArray           *plans,
                              LedgerJobProgress   *progress,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  StoreJob *job = store_job_new (add_plans, progress);

  g_return_if_fail (LEDGER_IS_STORE (self));
  g_return_if_fail (plans != NULL);

  job->plans = g_ptr_array_ref (plans);
  launch (self, job, FALSE, cancellable, callback, user_data);
}

/* Returns: (transfer full) (element-type LedgerPlan): the plans added, or %NULL with @error set */
GPtrArray *
ledger_store_add_plans_finish (LedgerStore   *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  StoreJob *job = ledger_worker_get_data (result);

  if (!ledger_worker_run_finish (result, error))
    return NULL;
  return g_steal_pointer (&job->plans);
}

static gboolean
add_attachment (LedgerStore  *store,
                StoreJob     *job,
                GError      **error)
{
  job->attachment = ledger_store_add_attachment (store, job->indicator_id, job->period, job->what, NULL,
                                                 job->limit, store->job_cancellable, error);
  return job->attachment != NULL;
}

/**
 * ledger_store_add_attachment_async:
 * @path: the file to attach, no larger than @limit bytes
 *
 * ledger_store_add_attachment() in a worker: the file is copied into the
 * ledger, attached to the indicator's @period.
 */
void
ledger_store_add_attachment_async (LedgerStore         *self,
                                   gint64               indicator_id,
                                   const char          *period,
                                   const char          *path,
                                   guint64              limit,
                                   LedgerJobProgress   *progress,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  StoreJob *job = store_job_new (add_attachment, progress);

  g_return_if_fail (LEDGER_IS_STORE (self));
  g_return_if_fail (period != NULL && path != NULL);

  job->indicator_id = indicator_id;
  job->period = g_strdup (period);
  job->what = g_strdup (path);
  job->limit = limit;
  launch (self, job, FALSE, cancellable, callback, user_data);
}

/* Returns: (transfer full): the attachment added, or %NULL with @error set */
LedgerAttachment *
ledger_store_add_attachment_finish (LedgerStore   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  StoreJob *job = ledger_worker_get_data (result);

  if (!ledger_worker_run_finish (result, error))
    return NULL;
  return g_steal_pointer (&job->attachment);
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
  return ledger_output_file_write (job->what, store->path, text, strlen (text), error);
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
  StoreJob *job = store_job_new (write_plans, progress);

  g_return_if_fail (LEDGER_IS_STORE (self));
  g_return_if_fail (path != NULL);

  job->what = g_strdup (path);
  launch (self, job, TRUE, cancellable, callback, user_data);
}

gboolean
ledger_store_write_plans_finish (LedgerStore   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return ledger_worker_run_finish (result, error);
}

static gboolean
undo_last (LedgerStore  *store,
           StoreJob     *job,
           GError      **error)
{
  if (job->undo == NULL)
    return TRUE;
  /* A step that fails stays on the worker's stack and comes back. */
  store_push_undo (store, g_steal_pointer (&job->undo));
  return (job->undone = ledger_store_undo (store, error));
}

/**
 * ledger_store_undo_async:
 *
 * ledger_store_undo() in a worker: the last step of undo (an import of
 * 100 000 values is one) is undone on the worker's connection, which
 * waits for another program's write to end. Meanwhile nothing else can be
 * undone (ledger_store_can_undo() is %FALSE). Cancelled before it
 * starts, the step stays to undo; once started, it is one transaction.
 */
void
ledger_store_undo_async (LedgerStore         *self,
                         LedgerJobProgress   *progress,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  StoreJob *job = store_job_new (undo_last, progress);

  g_return_if_fail (LEDGER_IS_STORE (self));

  job->undo = store_take_last_undo (self);
  launch (self, job, FALSE, cancellable, callback, user_data);
}

/**
 * ledger_store_undo_finish:
 *
 * Returns: %TRUE when something was undone, %FALSE when there was nothing
 *   to undo or on error (with @error set); a step that could not be undone
 *   is back on the stack, to try again
 */
gboolean
ledger_store_undo_finish (LedgerStore   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  StoreJob *job = ledger_worker_get_data (result);
  gboolean ok = ledger_worker_run_finish (result, error);

  /* The worker did not start (cancelled, or no connection): the step never left. */
  if (job->undo != NULL)
    store_push_undo (self, g_steal_pointer (&job->undo));
  store_undo_returned (self);
  return ok && job->undone;
}

static gboolean
import_given_values (LedgerStore  *store,
               StoreJob     *job,
               GError      **error)
{
  ledger_job_progress_report (job->progress, 0, job->values->len);
  return ledger_store_import_values_cancellable (store, job->values, job->what, store->job_cancellable, NULL,
                                                 error);
}

/**
 * ledger_store_import_values_async:
 * @values: (element-type LedgerValue): the values to record
 *
 * ledger_store_import_values() in a worker: one transaction, one step of
 * undo, the closed periods and each value's rules checked as on the
 * window's connection; progress per batch of values. Cancelled, or on any
 * error, nothing is written.
 */
void
ledger_store_import_values_async (LedgerStore         *self,
                                  GPtrArray           *values,
                                  const char          *origin,
                                  LedgerJobProgress   *progress,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  StoreJob *job = store_job_new (import_given_values, progress);

  g_return_if_fail (LEDGER_IS_STORE (self));
  g_return_if_fail (values != NULL);

  job->values = g_ptr_array_new_full (values->len, g_object_unref);
  for (guint i = 0; i < values->len; i++)
    g_ptr_array_add (job->values, g_object_ref (g_ptr_array_index (values, i)));
  job->what = g_strdup (origin);
  launch (self, job, FALSE, cancellable, callback, user_data);
}

gboolean
ledger_store_import_values_finish (LedgerStore   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return ledger_worker_run_finish (result, error);
}

static gboolean
rename_unit (LedgerStore  *store,
             StoreJob     *job,
             GError      **error)
{
  return ledger_store_rename_unit (store, job->plan, job->what, job->new_name, error);
}

/**
 * ledger_store_rename_unit_async:
 *
 * ledger_store_rename_unit() in a worker: every indicator of the unit in
 * one transaction, one step of undo.
 */
void
ledger_store_rename_unit_async (LedgerStore         *self,
                                LedgerPlan          *plan,
                                const char          *from,
                                const char          *to,
                                LedgerJobProgress   *progress,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  StoreJob *job = store_job_new (rename_unit, progress);

  g_return_if_fail (LEDGER_IS_STORE (self));
  g_return_if_fail (LEDGER_IS_PLAN (plan));

  job->plan = g_object_ref (plan);
  job->what = g_strdup (from);
  job->new_name = g_strdup (to);
  launch (self, job, FALSE, cancellable, callback, user_data);
}

gboolean
ledger_store_rename_unit_finish (LedgerStore   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return ledger_worker_run_finish (result, error);
}

static gboolean
delete_indicator (LedgerStore  *store,
                  StoreJob     *job,
                  GError      **error)
{
  return ledger_store_delete_indicator (store, job->indicator_id, error);
}

/**
 * ledger_store_delete_indicator_async:
 *
 * ledger_store_delete_indicator() in a worker: the indicator and its
 * values in one transaction.
 */
void
ledger_store_delete_indicator_async (LedgerStore         *self,
                                     gint64               indicator_id,
                                     LedgerJobProgress   *progress,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  StoreJob *job = store_job_new (delete_indicator, progress);

  g_return_if_fail (LEDGER_IS_STORE (self));

  job->indicator_id = indicator_id;
  launch (self, job, FALSE, cancellable, callback, user_data);
}

gboolean
ledger_store_delete_indicator_finish (LedgerStore   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return ledger_worker_run_finish (result, error);
}

/* Counted in the read transaction the copy read in: what was copied, not
 * what the ledger holds by the time the window says so. */
static gboolean
copy_ledger (LedgerStore  *store,
             StoreJob     *job,
             GError      **error)
{
  return ledger_store_copy_to (store, job->what, NULL, NULL, error) &&
         ledger_copy_summary_count (store, &job->copied, error);
}

/**
 * ledger_store_copy_to_async:
 * @location: a new ledger file, or an empty database on the office's
 *   server (with its password)
 *
 * ledger_store_copy_to() in a worker, reading one snapshot of the ledger:
 * the window goes on meanwhile. Cancelled, or on any error, nothing is
 * left at @location.
 */
void
ledger_store_copy_to_async (LedgerStore         *self,
                            const char          *location,
                            LedgerJobProgress   *progress,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  StoreJob *job = store_job_new (copy_ledger, progress);

  g_return_if_fail (LEDGER_IS_STORE (self));
  g_return_if_fail (location != NULL);

  job->what = g_strdup (location);
  launch (self, job, TRUE, cancellable, callback, user_data);
}

/**
 * ledger_store_copy_to_finish:
 * @summary: (out) (optional): what was copied
 */
gboolean
ledger_store_copy_to_finish (LedgerStore        *self,
                             GAsyncResult       *result,
                             LedgerCopySummary  *summary,
                             GError            **error)
{
  StoreJob *job = ledger_worker_get_data (result);

  if (!ledger_worker_run_finish (result, error))
    return FALSE;
  if (summary != NULL)
    *summary = job->copied;
  return TRUE;
}
