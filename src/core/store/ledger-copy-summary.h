/* ledger-copy-summary.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-store.h"

G_BEGIN_DECLS

/* What a copy of a ledger (ledger_store_copy_to()) carried, as its
 * user thinks of it. */
typedef struct
{
  guint plans;
  guint values;
  guint attachments;
} LedgerCopySummary;

gboolean  ledger_copy_summary_count    (LedgerStore              *store,
                                        LedgerCopySummary        *summary,
                                        GError                  **error);
char     *ledger_copy_summary_describe (const LedgerCopySummary  *summary,
                                        const char               *described);

G_END_DECLS
