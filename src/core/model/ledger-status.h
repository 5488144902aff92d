/* ledger-status.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char * const *ledger_status_qualitative_codes (void);
const char         *ledger_status_label             (const char *code);

G_END_DECLS
