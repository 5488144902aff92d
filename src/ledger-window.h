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
} LedgerExportKind;

G_DECLARE_FINAL_TYPE (LedgerWindow, ledger_window, LEDGER, WINDOW, AdwApplicationWindow)

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
void          ledger_window_show_indicator   (LedgerWindow    *self,
                                              LedgerIndicator *indicator);
void          ledger_window_export       (LedgerWindow      *self,
                                          LedgerExportKind   kind,
                                          const char        *path);
void          ledger_window_add_toast    (LedgerWindow      *self,
                                          const char        *title);
void          ledger_window_add_undo_toast (LedgerWindow    *self,
                                            const char      *title);

G_END_DECLS
