/* ledger-cli-roll-up.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-store.h"

G_BEGIN_DECLS

guint ledger_cli_print_roll_up_gaps (LedgerStore *store,
                                     double       tolerance);

G_END_DECLS
