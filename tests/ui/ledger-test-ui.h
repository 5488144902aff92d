/* ledger-test-ui.h: helpers of the UI tests
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ledger-application.h"
#include "ledger-batch-window.h"
#include "ledger-indicator-row.h"
#include "ledger-window.h"

G_BEGIN_DECLS

/* A window on a new ledger with the built-in plans. */
typedef struct
{
  char         *db_path;
  LedgerStore  *store;
  LedgerWindow *window;
  LedgerPlan   *plan;
} LedgerTestWindow;

void                ledger_test_ui_init         (int               *argc,
                                                 char            ***argv);
int                 ledger_test_ui_run          (void);
LedgerApplication  *ledger_test_ui_get_app      (void);
void                ledger_test_ui_wait         (guint              milliseconds);
void                ledger_test_ui_wait_until_gone (gpointer       *weak_pointer);
void                ledger_test_ui_screenshot   (GtkWidget         *widget,
                                                 const char        *name);
GtkWidget          *ledger_test_ui_find         (GtkWidget         *root,
                                                 GType              type,
                                                 gboolean         (*match) (GtkWidget *, gpointer),
                                                 gpointer           data);
GtkWindow          *ledger_test_ui_find_window  (GType              type);
void                ledger_test_ui_wait_for_job (GtkWidget         *window);
gboolean            ledger_test_ui_save_batch   (LedgerBatchWindow *sheet);
gpointer            ledger_test_ui_child        (gpointer           widget,
                                                 GType              type,
                                                 const char        *name);
void                ledger_test_ui_click        (gpointer           button);
void                ledger_test_ui_type         (gpointer           editable,
                                                 const char        *text);

void                ledger_test_window_set_up    (LedgerTestWindow  *fixture,
                                                  gconstpointer      data);
void                ledger_test_window_set_up_file (LedgerTestWindow *fixture,
                                                    gconstpointer     data);
void                ledger_test_window_tear_down (LedgerTestWindow  *fixture,
                                                  gconstpointer      data);
void                ledger_test_window_open      (LedgerTestWindow  *fixture);
void                ledger_test_window_close     (LedgerTestWindow  *fixture);
const char         *ledger_test_window_area_uuid (LedgerTestWindow  *fixture,
                                                  guint              index);
LedgerIndicatorRow *ledger_test_window_find_row  (LedgerTestWindow  *fixture,
                                                  const char        *code);
gint64              ledger_test_window_id_of     (LedgerTestWindow  *fixture,
                                                  const char        *code);
double              ledger_test_window_number    (LedgerTestWindow *fixture,
                                                  const char       *code,
                                                  const char       *period);
void                ledger_test_window_set_number (LedgerTestWindow *fixture,
                                                   const char       *code,
                                                   const char       *period,
                                                   double            number);

G_END_DECLS
