/* ledger-report-print.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-report-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ledger-report.h"
#include "ledger-report-print.h"

/* Printing the monthly report: GtkPrintOperation gives a cairo context for
 * the printer's page; the report is laid out at its printable size when
 * printing begins and each page drawn by the same code as the PDF file. */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                LedgerReport      *report)
{
  ledger_report_paginate (report, gtk_print_context_get_cairo_context (context),
                          gtk_print_context_get_width (context),
                          gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, (int) ledger_report_get_n_pages (report));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              LedgerReport      *report)
{
  ledger_report_draw_page (report, gtk_print_context_get_cairo_context (context), (guint) page);
}

/* A4 with 20 mm margins, as the PDF file; the print dialog can change it. */
static GtkPageSetup *
page_setup_new (void)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  GtkPaperSize *a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  double margin = LEDGER_REPORT_MARGIN;

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_top_margin (setup, margin, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, margin, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, margin, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, margin, GTK_UNIT_POINTS);
  gtk_paper_size_free (a4);
  return setup;
}

/**
 * ledger_report_print_operation_new:
 * @context: the store, the "as of" period and the tolerances
 * @plan: the plan to report on
 *
 * Returns: (transfer full): an operation that prints the report of @plan
 *   as of @context's period; run it with any action (print dialog, preview
 *   or export to a PDF file)
 */
GtkPrintOperation *
ledger_report_print_operation_new (LedgerContext *context,
                                   LedgerPlan    *plan)
{
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *job_name = NULL;
  GtkPrintOperation *operation;
  LedgerReport *report;

  g_return_val_if_fail (LEDGER_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), NULL);

  setup = page_setup_new ();
  as_of = ledger_period_as_of_label (ledger_context_get_as_of (context));
  job_name = g_strdup_printf ("%s · %s", ledger_node_get_title (LEDGER_NODE (plan)), as_of);
  operation = gtk_print_operation_new ();
  report = ledger_report_new (context, plan);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (begin_print_cb), report, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), report, 0);
  g_object_set_data_full (G_OBJECT (operation), "ledger-report", report, g_object_unref);
  return operation;
}

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Could not print the report"),
                                              error != NULL ? error->message : NULL);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What the print dialog's window and the one error message need. */
typedef struct
{
  GtkWindow *parent;    /* weak */
  gboolean   reported;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_weak_pointer (&job->parent);
  g_free (job);
}

static void
report_error (PrintJob     *job,
              const GError *error)
{
  if (job->reported)
    return;
  job->reported = TRUE;
  show_error (job->parent, error);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         PrintJob                *job)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  report_error (job, error);
}

/**
 * ledger_report_print_run:
 * @parent: (nullable): the window the print dialog belongs to
 *
 * Shows the print dialog for the report of @plan as of @context's period,
 * then prints it; a failure is told in a dialog.
 */
void
ledger_report_print_run (GtkWindow     *parent,
                         LedgerContext *context,
                         LedgerPlan    *plan)
{
  g_autoptr(GtkPrintOperation) operation = ledger_report_print_operation_new (context, plan);
  g_autoptr(GError) error = NULL;
  PrintJob *job = g_new0 (PrintJob, 1);

  g_set_weak_pointer (&job->parent, parent);
  g_object_set_data_full (G_OBJECT (operation), "ledger-print-job", job, (GDestroyNotify) print_job_free);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), job);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    report_error (job, error);
}
