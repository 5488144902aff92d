/* ledger-window.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ledger-application.h"
#include "ledger-context.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_WINDOW (ledger_window_get_type ())

/* What the window exports (ledger-window-exchange.c). */
typedef enum
{
  LEDGER_EXPORT_CSV,          /* UTF-8 with BOM */
  LEDGER_EXPORT_CSV_GB18030,
  LEDGER_EXPORT_XLSX,
  LEDGER_EXPORT_REPORT,       /* the shown plan's monthly report, as a PDF */
  LEDGER_EXPORT_REPORT_DOCX,  /* the same, as a Word document */
} LedgerExportKind;

G_DECLARE_FINAL_TYPE (LedgerWindow, ledger_window, LEDGER, WINDOW, AdwApplicationWindow)

/* Pages and dialogs do not call the window: they activate its actions
 * (win.toast, win.undo-toast, win.show-indicator, win.select-page; see
 * ledger-window-actions.c). The functions below are for the application,
 * which creates it, and for the tests. */

LedgerWindow *ledger_window_new          (LedgerApplication *application,
                                          LedgerStore       *store);
LedgerContext *ledger_window_get_context (LedgerWindow      *self);
gboolean      ledger_window_select_page  (LedgerWindow      *self,
                                          const char        *uuid);
gboolean      ledger_window_select_plan  (LedgerWindow      *self,
                                          const char        *code);
gboolean      ledger_window_select_as_of (LedgerWindow      *self,
                                          const char        *as_of);
GtkWidget    *ledger_window_get_visible_page (LedgerWindow  *self);
void          ledger_window_import_plan  (LedgerWindow      *self,
                                          GFile             *file);
void          ledger_window_export       (LedgerWindow      *self,
                                          LedgerExportKind   kind,
                                          const char        *path);
void          ledger_window_export_region_plan (LedgerWindow *self,
                                          const char        *region,
                                          const char        *path);
void          ledger_window_import_plan  (LedgerWindow      *self,
                                          GFile             *file);
void          ledger_window_show_connection (LedgerWindow   *self,
                                          gboolean           online);

G_END_DECLS
