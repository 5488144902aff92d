/* ledger-worker.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-worker"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-worker.h"

/* Slow work (reading a large import, writing it, exports and reports) runs
 * in a GTask thread on a second connection to the same file, so the window
 * keeps drawing: SQLite's WAL lets the window read while the worker
 * writes. When a job has written values, the window's store takes over its
 * undo step and tells its views, as if it had written them itself. */

typedef struct
{
  char             *path;
  LedgerWorkerFunc  func;
  gpointer          data;
  GDestroyNotify    data_free;
  LedgerStore      *worker;
  gboolean          snapshot;  /* run inside a read transaction */
  gboolean          read_only; /* the window's ledger is only read */
} Job;

static void
job_free (Job *job)
{
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_clear_object (&job->worker);
  g_free (job->path);
  g_free (job);
}

static gboolean
run_job (Job           *job,
         GCancellable  *cancellable,
         GError       **error)
{
  gboolean ok;

  if (!job->snapshot)
    return job->func (job->worker, job->data, cancellable, error);
  if (!ledger_store_begin_read (job->worker, error))
    return FALSE;
  ok = job->func (job->worker, job->data, cancellable, error);
  ledger_store_end_read (job->worker);
  return ok;
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (job->worker == NULL)
    job->worker = ledger_store_open_full (job->path,
                                          LEDGER_STORE_OPEN_CHECKED |
                                          (job->read_only ? LEDGER_STORE_OPEN_READ_ONLY : 0),
                                          &error);
  if (job->worker == NULL ||
      g_cancellable_set_error_if_cancelled (cancellable, &error) ||
      !run_job (job, cancellable, &error))
    {
      if (error == NULL)
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, _("The work could not be done"));
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static Job *
job_new (LedgerStore      *store,
         LedgerStore      *worker,
         LedgerWorkerFunc  func,
         gpointer          data,
         GDestroyNotify    data_free)
{
  Job *job = g_new0 (Job, 1);

  job->path = g_strdup (ledger_store_get_path (store));
  job->read_only = ledger_store_is_read_only (store);
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->worker = worker != NULL ? g_object_ref (worker) : NULL;
  return job;
}

static void
launch (LedgerStore          *store,
        Job                  *job,
        GCancellable         *cancellable,
        GAsyncReadyCallback   callback,
        gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);

  g_task_set_source_tag (task, ledger_worker_run_async);
  /* A job cancelled after it committed has still written: what it returns
   * is what happened. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_in_thread);
}

/**
 * ledger_worker_run_async:
 * @store: the window's store; the job opens the same file again
 * @func: the job, called in a thread with its own store
 *
 * Runs @func in a thread. @data is freed (with @data_free) once the job is
 * finished, in either thread: it must not need the calling thread.
 */
void
ledger_worker_run_async (LedgerStore          *store,
                         LedgerWorkerFunc      func,
                         gpointer              data,
                         GDestroyNotify        data_free,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  g_return_if_fail (LEDGER_IS_STORE (store));
  g_return_if_fail (func != NULL);

  launch (store, job_new (store, NULL, func, data, data_free), cancellable, callback, user_data);
}

/**
 * ledger_worker_read_async:
 *
 * Like ledger_worker_run_async(), for a job that only reads (an export, a
 * report): it sees the ledger as it was when it started, all of it, even
 * if the window writes meanwhile.
 */
void
ledger_worker_read_async (LedgerStore          *store,
                          LedgerWorkerFunc      func,
                          gpointer              data,
                          GDestroyNotify        data_free,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  Job *job;

  g_return_if_fail (LEDGER_IS_STORE (store));
  g_return_if_fail (func != NULL);

  job = job_new (store, NULL, func, data, data_free);
  job->snapshot = TRUE;
  launch (store, job, cancellable, callback, user_data);
}

/**
 * ledger_worker_run_on_async:
 * @worker: a store a job opened before on @store's file (one a previous
 *   job's @data kept), for a job that goes on with what that one read;
 *   nothing else may use it meanwhile
 *
 * Like ledger_worker_run_async(), on @worker.
 */
void
ledger_worker_run_on_async (LedgerStore          *store,
                            LedgerStore          *worker,
                            LedgerWorkerFunc      func,
                            gpointer              data,
                            GDestroyNotify        data_free,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  g_return_if_fail (LEDGER_IS_STORE (store));
  g_return_if_fail (LEDGER_IS_STORE (worker));
  g_return_if_fail (g_strcmp0 (ledger_store_get_path (store), ledger_store_get_path (worker)) == 0);

  launch (store, job_new (store, worker, func, data, data_free), cancellable, callback, user_data);
}

/**
 * ledger_worker_run_finish:
 *
 * Finishes the job. If it wrote values, the store that started it emits
 * #LedgerStore::values-changed, and its undo reverts the job's writes.
 */
gboolean
ledger_worker_run_finish (GAsyncResult  *result,
                          GError       **error)
{
  GTask *task = G_TASK (result);
  LedgerStore *store = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  if (job->worker != NULL)
    ledger_store_take_changes_from (store, job->worker);
  return g_task_propagate_boolean (task, error);
}

/**
 * ledger_worker_get_data:
 * @result: a worker's result, in the callback
 *
 * Returns: (transfer none): the @data the job was given (and filled in),
 *   for its _finish() to return what the job made
 */
gpointer
ledger_worker_get_data (GAsyncResult *result)
{
  Job *job = g_task_get_task_data (G_TASK (result));

  return job->data;
}
