/* ledger-report.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-report"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "ledger-document-text.h"
#include "ledger-output-file.h"
#include "ledger-report.h"
#include "ledger-report-private.h"

/* The monthly progress report of a plan as of the context's period: laid
 * out for any page size and drawn onto any cairo_t, so that the same code
 * writes the PDF file and prints (GtkPrintOperation gives a cairo_t of
 * its own). Paginate first at the printable area's size, then draw each
 * page with its origin at the printable area's top left. */

struct _LedgerReport
{
  GObject             parent_instance;

  LedgerContext      *context;
  LedgerPlan         *plan;
  GDateTime          *date;

  /* What the last pagination made. */
  LedgerReportBuilder builder;
  LedgerReportStyle  *style;
  GPtrArray          *pages;      /* of GArray of LedgerReportPlacement */
  double              width;
  double              height;
  char               *as_of_label;
};

G_DEFINE_FINAL_TYPE (LedgerReport, ledger_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The running header and footer of every page but the title page. */
#define HEADER_HEIGHT 30.0
#define HEADER_RULE 14.0
#define FOOTER_HEIGHT 26.0
#define FOOTER_TEXT 12.0

static void
clear_layout (LedgerReport *self)
{
  ledger_report_builder_clear (&self->builder);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->style, ledger_report_style_free);
  g_clear_pointer (&self->as_of_label, g_free);
}

static gboolean
is_title_page (LedgerReport *self,
               guint         page)
{
  GArray *placements = g_ptr_array_index (self->pages, page);

  return placements->len > 0 &&
         (g_array_index (placements, LedgerReportPlacement, 0).block->flags & LEDGER_REPORT_BLOCK_FULL_PAGE);
}

static void
draw_text (LedgerReport     *self,
           cairo_t          *cr,
           const char       *text,
           double            x,
           double            y,
           PangoAlignment    alignment)
{
  g_autoptr(PangoLayout) layout = ledger_report_style_layout (self->style, LEDGER_REPORT_FONT_SMALL, text, 0);
  double width = ledger_report_layout_width (layout);

  if (alignment == PANGO_ALIGN_CENTER)
    x -= width / 2;
  else if (alignment == PANGO_ALIGN_RIGHT)
    x -= width;
  ledger_report_show_layout (cr, layout, x, y);
}

static void
draw_frame (LedgerReport *self,
            cairo_t      *cr,
            guint         page)
{
  g_autofree char *number = NULL;
  /* Translators: the report's period, "截至 1-6月（上半年）" */
  g_autofree char *as_of = g_strdup_printf (_("As of %s"), self->as_of_label);

  ledger_report_set_color (cr, LEDGER_REPORT_MUTED);
  draw_text (self, cr, ledger_node_get_title (LEDGER_NODE (self->plan)), 0, 0, PANGO_ALIGN_LEFT);
  draw_text (self, cr, as_of, self->width, 0, PANGO_ALIGN_RIGHT);
  ledger_report_set_color (cr, LEDGER_REPORT_ACCENT);
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, 0, HEADER_RULE);
  cairo_line_to (cr, self->width, HEADER_RULE);
  cairo_stroke (cr);

  /* Translators: the footer of a page of the report, "第 3 页，共 12 页" */
  number = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  ledger_report_set_color (cr, LEDGER_REPORT_MUTED);
  draw_text (self, cr, number, self->width / 2, self->height - FOOTER_TEXT, PANGO_ALIGN_CENTER);
}

static void
ledger_report_finalize (GObject *object)
{
  LedgerReport *self = LEDGER_REPORT (object);

  clear_layout (self);
  g_clear_object (&self->context);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->date, g_date_time_unref);

  G_OBJECT_CLASS (ledger_report_parent_class)->finalize (object);
}

static void
ledger_report_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LedgerReport *self = LEDGER_REPORT (object);

  switch (prop_id)
    {
    case PROP_CONTEXT: g_value_set_object (value, self->context); break;
    case PROP_PLAN: g_value_set_object (value, self->plan); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_report_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LedgerReport *self = LEDGER_REPORT (object);

  switch (prop_id)
    {
    case PROP_CONTEXT: self->context = g_value_dup_object (value); break;
    case PROP_PLAN: self->plan = g_value_dup_object (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_report_class_init (LedgerReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ledger_report_finalize;
  object_class->get_property = ledger_report_get_property;
  object_class->set_property = ledger_report_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, LEDGER_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, LEDGER_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ledger_report_init (LedgerReport *self)
{
  self->date = g_date_time_new_now_local ();
}

/**
 * ledger_report_new:
 * @context: the store, the "as of" period and the tolerances
 * @plan: the plan to report on
 */
LedgerReport *
ledger_report_new (LedgerContext *context,
                   LedgerPlan    *plan)
{
  g_return_val_if_fail (LEDGER_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), NULL);

  return g_object_new (LEDGER_TYPE_REPORT, "context", context, "plan", plan, NULL);
}

/* The date on the title page; today unless set. */
void
ledger_report_set_date (LedgerReport *self,
                        GDateTime    *date)
{
  g_return_if_fail (LEDGER_IS_REPORT (self));
  g_return_if_fail (date != NULL);

  g_date_time_unref (self->date);
  self->date = g_date_time_ref (date);
}

/* The report's blocks, with the standings as they are now. */
static void
build (LedgerReport *self)
{
  LedgerReportBuilder *builder = &self->builder;

  clear_layout (self);
  ledger_report_builder_init (builder, self->context, self->plan, self->date);
  ledger_report_add_title_page (builder);
  ledger_report_add_summary (builder);
  ledger_report_add_areas (builder);
  ledger_report_add_tasks (builder);
  ledger_report_add_regions (builder);
  ledger_report_add_completeness (builder);
  ledger_report_add_evidence (builder);
  self->as_of_label = ledger_period_as_of_label (ledger_context_get_as_of (self->context));
}

/**
 * ledger_report_paginate:
 * @cr: a context of the target the report is drawn on (a PDF surface, a
 *   print context's), to measure text with
 * @width: the printable width, in points
 * @height: the printable height, in points
 *
 * Lays the report out, with the standings as they are now.
 */
void
ledger_report_paginate (LedgerReport *self,
                        cairo_t      *cr,
                        double        width,
                        double        height)
{
  LedgerReportBuilder *builder = &self->builder;

  g_return_if_fail (LEDGER_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (width > 0 && height > HEADER_HEIGHT + FOOTER_HEIGHT);

  build (self);
  self->style = ledger_report_style_new (cr);
  self->width = width;
  self->height = height;
  self->pages = ledger_report_paginate_blocks (builder->blocks, self->style, width,
                                               height - HEADER_HEIGHT - FOOTER_HEIGHT);
}

/* Returns: the number of pages of the last pagination */
guint
ledger_report_get_n_pages (LedgerReport *self)
{
  g_return_val_if_fail (LEDGER_IS_REPORT (self), 0);

  return self->pages != NULL ? self->pages->len : 0;
}

/**
 * ledger_report_draw_page:
 * @cr: with its origin at the printable area's top left, in points
 * @page: from 0
 *
 * Draws a page as paginated by ledger_report_paginate().
 */
void
ledger_report_draw_page (LedgerReport *self,
                         cairo_t      *cr,
                         guint         page)
{
  g_return_if_fail (LEDGER_IS_REPORT (self));
  g_return_if_fail (self->pages != NULL && page < self->pages->len);

  cairo_save (cr);
  ledger_report_style_update (self->style, cr);
  if (!is_title_page (self, page))
    draw_frame (self, cr, page);
  cairo_translate (cr, 0, HEADER_HEIGHT);
  ledger_report_draw_placements (g_ptr_array_index (self->pages, page), self->style, cr, self->width);
  cairo_restore (cr);
  ledger_report_style_update (self->style, cr);
}

/* ---- the PDF file --------------------------------------------------- */

typedef struct
{
  int fd;
  int error;  /* errno of the first failed write */
} Sink;

static cairo_status_t
write_cb (void                *user_data,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = user_data;

  while (length > 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          sink->error = written < 0 ? errno : ENOSPC;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= (unsigned int) written;
    }
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
set_write_error (GError     **error,
                 const char  *path,
                 int          code)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (code),
               /* Translators: the report's file, then the reason */
               _("Could not write the report “%s”: %s"), path, g_strerror (code));
  return FALSE;
}

/* The sections as the PDF's bookmarks, each pointing at its page. */
static void
add_outline (LedgerReport     *self,
             cairo_surface_t  *surface,
             guint             page)
{
  GArray *placements = g_ptr_array_index (self->pages, page);

  for (guint i = 0; i < placements->len; i++)
    {
      LedgerReportPlacement *placement = &g_array_index (placements, LedgerReportPlacement, i);
      g_autofree char *link = NULL;

      if (placement->block->outline == NULL)
        continue;
      link = g_strdup_printf ("page=%u pos=[%.0f %.0f]", page + 1, LEDGER_REPORT_MARGIN,
                              LEDGER_REPORT_MARGIN + HEADER_HEIGHT + placement->y);
      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, placement->block->outline, link, 0);
    }
}

/* "长治市2026年政府工作报告 · 1-6月（上半年）" */
static char *
document_title (LedgerReport *self)
{
  g_autofree char *title = g_strdup_printf ("%s · %s", ledger_node_get_title (LEDGER_NODE (self->plan)),
                                            self->as_of_label);

  return ledger_document_text_clean (title);
}

static void
set_metadata (LedgerReport    *self,
              cairo_surface_t *surface)
{
  g_autofree char *title = document_title (self);
  g_autofree char *creator = g_strdup_printf ("%s %s", _("Target Ledger"), PACKAGE_VERSION);
  g_autofree char *date = g_date_time_format_iso8601 (self->date);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

/* Writes every page to @sink; returns the surface's status when done. */
static cairo_status_t
render_pdf (LedgerReport *self,
            Sink         *sink)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_cb, sink, LEDGER_REPORT_PAGE_WIDTH,
                                                                  LEDGER_REPORT_PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  ledger_report_paginate (self, cr, LEDGER_REPORT_PAGE_WIDTH - 2 * LEDGER_REPORT_MARGIN,
                          LEDGER_REPORT_PAGE_HEIGHT - 2 * LEDGER_REPORT_MARGIN);
  set_metadata (self, surface);
  for (guint page = 0; page < self->pages->len && cairo_status (cr) == CAIRO_STATUS_SUCCESS; page++)
    {
      cairo_save (cr);
      cairo_translate (cr, LEDGER_REPORT_MARGIN, LEDGER_REPORT_MARGIN);
      ledger_report_draw_page (self, cr, page);
      cairo_restore (cr);
      add_outline (self, surface, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

/**
 * ledger_report_write_pdf:
 * @path: the PDF file to write, replaced if it exists
 *
 * Writes the report as an A4 PDF file with the fonts embedded. The file is
 * written beside @path under another name and renamed when complete: on
 * failure @path is as it was, and nothing is left behind. The ledger, its
 * files and backups, and what is not a regular file are never written
 * over (ledger_output_file_check()).
 */
gboolean
ledger_report_write_pdf (LedgerReport  *self,
                         const char    *path,
                         GError       **error)
{
  LedgerStore *store;
  g_autoptr(LedgerOutputFile) file = NULL;
  Sink sink = { -1, 0 };
  cairo_status_t status;

  g_return_val_if_fail (LEDGER_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  store = ledger_context_get_store (self->context);
  if ((file = ledger_output_file_begin (path, ledger_store_get_path (store), 0666, error)) == NULL)
    return FALSE;
  sink.fd = ledger_output_file_get_fd (file);
  status = render_pdf (self, &sink);
  if (sink.error != 0)
    return set_write_error (error, path, sink.error);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the report “%s”: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return ledger_output_file_finish (file, error);
}

/**
 * ledger_report_write_docx:
 * @path: the Word document to write, replaced if it exists
 *
 * Writes the report as a Word document (DOCX) for the office to edit:
 * the same sections and tables as the PDF, without the charts. Written
 * whole or not at all, and never over the ledger, as
 * ledger_report_write_pdf().
 */
gboolean
ledger_report_write_docx (LedgerReport  *self,
                          const char    *path,
                          GError       **error)
{
  g_autoptr(LedgerOutputFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (LEDGER_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = ledger_output_file_begin (path, ledger_store_get_path (ledger_context_get_store (self->context)),
                                   0666, error);
  if (file == NULL)
    return FALSE;
  build (self);
  title = document_title (self);
  if (!ledger_report_docx_write (&self->builder, title, ledger_output_file_get_fd (file), &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the report “%s”: %s"),
                   path, local_error->message);
      return FALSE;
    }
  return ledger_output_file_finish (file, error);
}

/* The report of the job's plan, written in the worker on the worker's own
 * copy of the plan, as a PDF or a Word document (the job's variant). */
static gboolean
write_report_job (LedgerStore      *store,
               LedgerExportJob  *job,
               GError          **error)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(LedgerContext) context = NULL;
  g_autoptr(LedgerReport) report = NULL;
  LedgerPlan *plan;

  if ((plans = ledger_store_list_plans (store, error)) == NULL)
    return FALSE;
  if ((plan = ledger_plan_find (plans, job->plan_code)) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The plan is no longer in the ledger"));
      return FALSE;
    }
  context = ledger_context_new (store);
  ledger_context_set_tolerances (context, &job->tolerances);
  ledger_context_set_as_of (context, job->as_of);
  report = ledger_report_new (context, plan);
  if (job->variant == LEDGER_REPORT_DOCX)
    return ledger_report_write_docx (report, job->path, error);
  return ledger_report_write_pdf (report, job->path, error);
}

/**
 * ledger_report_write_async:
 * @context: the ledger as the window shows it: as of its period, with its tolerances
 * @plan: the plan the report is of
 * @format: a PDF or a Word document
 *
 * The report of @plan written to @path in a worker; finish with
 * ledger_export_job_run_finish().
 */
void
ledger_report_write_async (LedgerContext       *context,
                           LedgerPlan          *plan,
                           LedgerReportFormat   format,
                           const char          *path,
                           LedgerJobProgress   *progress,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (LEDGER_IS_PLAN (plan));

  ledger_export_job_run_async (context, write_report_job, ledger_plan_get_code (plan), format, path, progress,
                               cancellable, callback, user_data);
}
