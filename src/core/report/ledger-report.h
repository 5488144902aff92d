/* ledger-report.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "ledger-context.h"
#include "ledger-export-job.h"

G_BEGIN_DECLS

/* A4 in points, and the margins of the PDF file. */
#define LEDGER_REPORT_PAGE_WIDTH   595.276
#define LEDGER_REPORT_PAGE_HEIGHT  841.890
#define LEDGER_REPORT_MARGIN       56.693   /* 20 mm */

#define LEDGER_TYPE_REPORT (ledger_report_get_type ())

/* What ledger_report_write_async() writes. */
typedef enum
{
  LEDGER_REPORT_PDF,
  LEDGER_REPORT_DOCX,
} LedgerReportFormat;

G_DECLARE_FINAL_TYPE (LedgerReport, ledger_report, LEDGER, REPORT, GObject)

LedgerReport *ledger_report_new         (LedgerContext  *context,
                                         LedgerPlan     *plan);
void          ledger_report_set_date    (LedgerReport   *self,
                                         GDateTime      *date);
void          ledger_report_paginate    (LedgerReport   *self,
                                         cairo_t        *cr,
                                         double          width,
                                         double          height);
guint         ledger_report_get_n_pages (LedgerReport   *self);
void          ledger_report_draw_page   (LedgerReport   *self,
                                         cairo_t        *cr,
                                         guint           page);
gboolean      ledger_report_write_pdf   (LedgerReport   *self,
                                         const char     *path,
                                         GError        **error);
gboolean      ledger_report_write_docx  (LedgerReport   *self,
                                         const char     *path,
                                         GError        **error);
void          ledger_report_write_async (LedgerContext       *context,
                                         LedgerPlan          *plan,
                                         LedgerReportFormat   format,
                                         const char          *path,
                                         LedgerJobProgress   *progress,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);

G_END_DECLS
