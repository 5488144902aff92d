/* ledger-batch-window.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ledger-context.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_BATCH_WINDOW (ledger_batch_window_get_type ())

G_DECLARE_FINAL_TYPE (LedgerBatchWindow, ledger_batch_window, LEDGER, BATCH_WINDOW, AdwWindow)

LedgerBatchWindow *ledger_batch_window_new        (GtkWindow         *parent,
                                                   LedgerContext     *context,
                                                   LedgerPlan        *plan);
gboolean           ledger_batch_window_set_period (LedgerBatchWindow *self,
                                                   const char        *period);
gboolean           ledger_batch_window_set_region (LedgerBatchWindow *self,
                                                   const char        *region);
GPtrArray         *ledger_batch_window_get_rows   (LedgerBatchWindow *self);
gboolean           ledger_batch_window_save       (LedgerBatchWindow *self);
gboolean           ledger_batch_window_is_saving  (LedgerBatchWindow *self);

G_END_DECLS
