/* ledger-job-progress.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-job-progress"

#include "config.h"

#include "ledger-job-progress.h"

/* How far a job in a worker thread has come: "done of total" steps (rows,
 * pages, files). The job reports from its thread as often as it likes;
 * the object tells its watchers (notify::done, ::total, ::fraction) on
 * the main context it was created on, at most once per turn of that
 * context, so a job of a million rows does not flood the window. */
struct _LedgerJobProgress
{
  GObject       parent_instance;

  GMainContext *context;
  GMutex        lock;
  guint64       pending_done;
  guint64       pending_total;
  gboolean      scheduled;

  /* As last delivered on the context. */
  guint64       done;
  guint64       total;
};

G_DEFINE_FINAL_TYPE (LedgerJobProgress, ledger_job_progress, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DONE,
  PROP_TOTAL,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
deliver_cb (gpointer user_data)
{
  LedgerJobProgress *self = user_data;

  g_mutex_lock (&self->lock);
  self->done = self->pending_done;
  self->total = self->pending_total;
  self->scheduled = FALSE;
  g_mutex_unlock (&self->lock);

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DONE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOTAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FRACTION]);
  g_object_thaw_notify (G_OBJECT (self));
  return G_SOURCE_REMOVE;
}

/**
 * ledger_job_progress_report:
 * @self: (nullable): the progress, or %NULL if nobody watches
 * @done: the steps done
 * @total: all steps, or 0 if not known yet
 *
 * Called from any thread. The watchers hear of it on the object's main
 * context.
 */
void
ledger_job_progress_report (LedgerJobProgress *self,
                            guint64            done,
                            guint64            total)
{
  gboolean schedule;

  if (self == NULL)
    return;
  g_return_if_fail (LEDGER_IS_JOB_PROGRESS (self));

  g_mutex_lock (&self->lock);
  self->pending_done = MIN (done, total > 0 ? total : done);
  self->pending_total = total;
  schedule = !self->scheduled;
  self->scheduled = TRUE;
  g_mutex_unlock (&self->lock);

  if (schedule)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      /* Not starved by a busy window's drawing, as an idle would be. */
      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, deliver_cb, g_object_ref (self), g_object_unref);
      g_source_set_static_name (source, "[ledger] job progress");
      g_source_attach (source, self->context);
    }
}

/**
 * ledger_job_progress_step:
 * @self: (nullable): the progress, or %NULL if nobody watches
 * @cancellable: (nullable): the job's
 *
 * Between two steps of a job: reports @done of @total, and looks whether
 * the job was cancelled. Returns: %FALSE with @error set if it was
 */
gboolean
ledger_job_progress_step (LedgerJobProgress  *self,
                          guint64             done,
                          guint64             total,
                          GCancellable       *cancellable,
                          GError            **error)
{
  ledger_job_progress_report (self, done, total);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/**
 * ledger_job_progress_finish:
 * @self: (nullable): the progress, or %NULL if nobody watches
 *
 * The job is done: all its steps, or the one step it had.
 */
void
ledger_job_progress_finish (LedgerJobProgress *self)
{
  guint64 total;

  if (self == NULL)
    return;
  g_mutex_lock (&self->lock);
  total = MAX (self->pending_total, 1);
  g_mutex_unlock (&self->lock);
  ledger_job_progress_report (self, total, total);
}

guint64
ledger_job_progress_get_done (LedgerJobProgress *self)
{
  g_return_val_if_fail (LEDGER_IS_JOB_PROGRESS (self), 0);

  return self->done;
}

guint64
ledger_job_progress_get_total (LedgerJobProgress *self)
{
  g_return_val_if_fail (LEDGER_IS_JOB_PROGRESS (self), 0);

  return self->total;
}

/* Returns: the fraction done, between 0 and 1; 0 while the total is not known */
double
ledger_job_progress_get_fraction (LedgerJobProgress *self)
{
  g_return_val_if_fail (LEDGER_IS_JOB_PROGRESS (self), 0);

  return self->total > 0 ? (double) self->done / (double) self->total : 0;
}

static void
ledger_job_progress_finalize (GObject *object)
{
  LedgerJobProgress *self = LEDGER_JOB_PROGRESS (object);

  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (ledger_job_progress_parent_class)->finalize (object);
}

static void
ledger_job_progress_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LedgerJobProgress *self = LEDGER_JOB_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_DONE:
      g_value_set_uint64 (value, self->done);
      break;
    case PROP_TOTAL:
      g_value_set_uint64 (value, self->total);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, ledger_job_progress_get_fraction (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_job_progress_class_init (LedgerJobProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ledger_job_progress_finalize;
  object_class->get_property = ledger_job_progress_get_property;

  properties [PROP_DONE] =
    g_param_spec_uint64 ("done", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_TOTAL] =
    g_param_spec_uint64 ("total", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ledger_job_progress_init (LedgerJobProgress *self)
{
  g_mutex_init (&self->lock);
  self->context = g_main_context_ref_thread_default ();
}

/**
 * ledger_job_progress_new:
 *
 * Returns: (transfer full): a progress that tells its watchers on the
 *   calling thread's default main context
 */
LedgerJobProgress *
ledger_job_progress_new (void)
{
  return g_object_new (LEDGER_TYPE_JOB_PROGRESS, NULL);
}
