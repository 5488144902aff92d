/* ledger-batch-row.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ledger-context.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_BATCH_ROW (ledger_batch_row_get_type ())

G_DECLARE_FINAL_TYPE (LedgerBatchRow, ledger_batch_row, LEDGER, BATCH_ROW, GtkListBoxRow)

GtkWidget       *ledger_batch_row_new           (LedgerContext   *context,
                                                 LedgerIndicator *indicator,
                                                 const char      *period,
                                                 const char      *region,
                                                 double           target);
void             ledger_batch_row_set_judged    (LedgerBatchRow  *self,
                                                 gboolean         judged);
LedgerIndicator *ledger_batch_row_get_indicator (LedgerBatchRow  *self);
gboolean         ledger_batch_row_is_changed    (LedgerBatchRow  *self);
void             ledger_batch_row_take_stored_version (LedgerBatchRow *self);
LedgerValue     *ledger_batch_row_read_value    (LedgerBatchRow  *self,
                                                 GError         **error);
void             ledger_batch_row_set_text      (LedgerBatchRow  *self,
                                                 const char      *text);
LedgerStatus     ledger_batch_row_get_status    (LedgerBatchRow  *self);
GtkWidget       *ledger_batch_row_get_entry     (LedgerBatchRow  *self);

G_END_DECLS
