/* ledger-job-bar.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-job-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-job-bar.h"

/* What a window shows while a job of the core runs in a worker: what it
 * is, how far it has come (its LedgerJobProgress) and a Cancel button
 * that cancels it. Hidden when no job runs. Every window that starts a
 * job shows it the same way through this bar. */
struct _LedgerJobBar
{
  GtkWidget          parent_instance;

  GtkWidget         *box;
  GtkLabel          *title;
  GtkProgressBar    *bar;
  GtkButton         *cancel;
  LedgerJobProgress *progress;
  GCancellable      *cancellable;
  gulong             notify_id;
};

G_DEFINE_FINAL_TYPE (LedgerJobBar, ledger_job_bar, GTK_TYPE_WIDGET)

static void
progress_cb (LedgerJobProgress *progress,
             GParamSpec        *pspec,
             LedgerJobBar      *self)
{
  guint total = (guint) MIN (ledger_job_progress_get_total (progress), G_MAXUINT);
  /* Translators: how far a job has come: "3 of 10" steps */
  g_autofree char *text = total > 0 ? g_strdup_printf (_("%u of %u"), (guint) ledger_job_progress_get_done (progress),
                                                        total)
                                    : NULL;

  gtk_progress_bar_set_fraction (self->bar, ledger_job_progress_get_fraction (progress));
  gtk_progress_bar_set_text (self->bar, text);
}

static void
forget_job (LedgerJobBar *self)
{
  if (self->progress != NULL)
    g_clear_signal_handler (&self->notify_id, self->progress);
  g_clear_object (&self->progress);
  g_clear_object (&self->cancellable);
}

static void
cancel_clicked_cb (LedgerJobBar *self)
{
  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel), FALSE);
}

/**
 * ledger_job_bar_start:
 * @title: what the job does: "Backing up…"
 * @progress: (nullable): the job's progress; without it the bar pulses
 *
 * Shows the job. Returns: (transfer none): the cancellable to give the
 *   job, cancelled by the bar's Cancel button; valid until the job is
 *   stopped or another one started
 */
GCancellable *
ledger_job_bar_start (LedgerJobBar      *self,
                      const char        *title,
                      LedgerJobProgress *progress)
{
  g_return_val_if_fail (LEDGER_IS_JOB_BAR (self), NULL);

  forget_job (self);
  self->cancellable = g_cancellable_new ();
  gtk_label_set_text (self->title, title);
  gtk_progress_bar_set_fraction (self->bar, 0);
  gtk_progress_bar_set_text (self->bar, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel), TRUE);
  if (progress != NULL)
    {
      self->progress = g_object_ref (progress);
      self->notify_id = g_signal_connect_object (progress, "notify::fraction", G_CALLBACK (progress_cb), self, 0);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  return self->cancellable;
}

/**
 * ledger_job_bar_stop:
 * @cancellable: what ledger_job_bar_start() returned for the job that ended
 *
 * Hides the bar, unless another job has been started since.
 */
void
ledger_job_bar_stop (LedgerJobBar *self,
                     GCancellable *cancellable)
{
  g_return_if_fail (LEDGER_IS_JOB_BAR (self));

  if (cancellable != self->cancellable)
    return;
  forget_job (self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

gboolean
ledger_job_bar_is_running (LedgerJobBar *self)
{
  g_return_val_if_fail (LEDGER_IS_JOB_BAR (self), FALSE);

  return self->cancellable != NULL;
}

static void
ledger_job_bar_dispose (GObject *object)
{
  LedgerJobBar *self = LEDGER_JOB_BAR (object);

  /* A job outlives its window: an export is still written. */
  forget_job (self);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (ledger_job_bar_parent_class)->dispose (object);
}

static void
ledger_job_bar_class_init (LedgerJobBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_job_bar_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "jobbar");
}

static void
ledger_job_bar_init (LedgerJobBar *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->title = GTK_LABEL (gtk_label_new (NULL));
  self->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  self->cancel = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Cancel")));

  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  gtk_widget_set_margin_top (self->box, 6);
  gtk_widget_set_margin_bottom (self->box, 6);
  gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);
  gtk_progress_bar_set_show_text (self->bar, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->bar), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->bar), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->bar));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->cancel));
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
ledger_job_bar_new (void)
{
  return g_object_new (LEDGER_TYPE_JOB_BAR, NULL);
}
