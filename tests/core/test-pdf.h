/* test-pdf.h: a PDF file as a reader sees it, through poppler-utils
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs a program (asserting that it succeeds) and returns what it printed. */
char  *test_run_tool   (const char * const *argv);
guint  test_pdf_pages  (const char         *path);
char  *test_pdf_info   (const char         *path,
                        const char         *key);
/* The text without white space: a name wrapped in a table cell reads as
 * one word again. */
char  *test_squeeze    (const char         *text);
/* The squeezed text of the pages @first to @last, or of all with 0. */
char  *test_pdf_text   (const char         *path,
                        guint               first,
                        guint               last);

G_END_DECLS
