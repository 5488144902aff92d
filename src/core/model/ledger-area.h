/* ledger-area.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-node.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_AREA (ledger_area_get_type ())

G_DECLARE_FINAL_TYPE (LedgerArea, ledger_area, LEDGER, AREA, LedgerNode)

const char *ledger_area_get_short_title (LedgerArea *self);

G_END_DECLS
