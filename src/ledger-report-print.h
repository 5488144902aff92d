/* ledger-report-print.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ledger-context.h"

G_BEGIN_DECLS

GtkPrintOperation *ledger_report_print_operation_new (LedgerContext *context,
                                                      LedgerPlan    *plan);
void               ledger_report_print_run           (GtkWindow     *parent,
                                                      LedgerContext *context,
                                                      LedgerPlan    *plan);

G_END_DECLS
