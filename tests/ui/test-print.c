/* test-print.c: printing the monthly report through GtkPrintOperation,
 * without a printer: exported to a PDF file, and the print dialog opened
 * and cancelled
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-report.h"
#include "ledger-report-print.h"
#include "ledger-test-ui.h"
#include "test-pdf.h"

typedef LedgerTestWindow Fixture;

static LedgerContext *
first_half (Fixture *fixture)
{
  LedgerContext *context = ledger_window_get_context (fixture->window);

  ledger_test_window_set_number (fixture, "gdp-growth", "2026-Q2", 5.8);
  ledger_test_window_set_number (fixture, "new-urban-jobs", "2026-06", 1.2);
  g_assert_true (ledger_window_select_as_of (fixture->window, "2026-06"));
  return context;
}

/* The pixels of page @page of a PDF file, at a low resolution. */
static GBytes *
page_pixels (const char *path,
             guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  g_autofree char *prefix = g_strconcat (path, "-page", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  const char *argv[] = { "pdftoppm", "-png", "-r", "30", "-f", number, "-l", number, "-singlefile",
                         path, prefix, NULL };
  g_autofree char *out = test_run_tool (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (png, &error);

  g_assert_no_error (error);
  return gdk_texture_save_to_png_bytes (texture);
}

/* The print path draws the same pages as the PDF file: the same number of
 * them, on A4, with the same words, to the pixel. */
static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  LedgerContext *context = first_half (fixture);
  g_autoptr(GtkPrintOperation) operation = ledger_report_print_operation_new (context, fixture->plan);
  g_autoptr(LedgerReport) report = ledger_report_new (context, fixture->plan);
  g_autofree char *printed = g_build_filename (g_get_user_data_dir (), "printed.pdf", NULL);
  g_autofree char *written = g_build_filename (g_get_user_data_dir (), "written.pdf", NULL);
  g_autofree char *page_size = NULL;
  g_autofree char *text = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *footer_text = NULL;
  g_autofree char *title = test_squeeze (ledger_node_get_title (LEDGER_NODE (fixture->plan)));
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  int n_pages = 0;

  gtk_print_operation_set_export_filename (operation, printed);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (fixture->window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_object_get (operation, "n-pages", &n_pages, NULL);
  g_assert_cmpint (n_pages, >=, 3);
  g_assert_cmpuint (test_pdf_pages (printed), ==, (guint) n_pages);

  g_assert_true (ledger_report_write_pdf (report, written, &error));
  g_assert_cmpuint (test_pdf_pages (written), ==, (guint) n_pages);

  page_size = test_pdf_info (printed, "Page size");
  g_assert_nonnull (strstr (page_size, "(A4)"));
  text = test_pdf_text (printed, 0, 0);
  footer_text = g_strdup_printf (_("Page %u of %u"), 2, (guint) n_pages);
  footer = test_squeeze (footer_text);
  g_assert_nonnull (strstr (text, title));
  g_assert_nonnull (strstr (text, "新增城镇就业"));
  g_assert_nonnull (strstr (text, footer));

  for (guint page = 2; page <= (guint) n_pages; page += (guint) n_pages - 2)
    {
      g_autoptr(GBytes) print_pixels = page_pixels (printed, page);
      g_autoptr(GBytes) pdf_pixels = page_pixels (written, page);

      g_assert_true (g_bytes_equal (print_pixels, pdf_pixels));
    }
}

/* The print dialog opens for the window; cancelling it prints nothing and
 * says nothing. */
static void
test_dialog (Fixture       *fixture,
             gconstpointer  data)
{
  LedgerContext *context = first_half (fixture);
  GType dialog_type;
  GtkWindow *dialog;

  ledger_report_print_run (GTK_WINDOW (fixture->window), context, fixture->plan);
  ledger_test_ui_wait (300);
  dialog_type = g_type_from_name ("GtkPrintUnixDialog");
  g_assert_true (dialog_type != 0);
  dialog = ledger_test_ui_find_window (dialog_type);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (fixture->window));
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "print-dialog");

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  ledger_test_ui_wait (100);
  g_assert_null (ledger_test_ui_find_window (dialog_type));
  g_assert_null (ledger_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG));
}

int
main (int   argc,
      char *argv[])
{
  ledger_test_ui_init (&argc, &argv);

  g_test_add ("/print/export", Fixture, NULL,
              ledger_test_window_set_up, test_export, ledger_test_window_tear_down);
  g_test_add ("/print/dialog", Fixture, NULL,
              ledger_test_window_set_up, test_dialog, ledger_test_window_tear_down);

  return ledger_test_ui_run ();
}
