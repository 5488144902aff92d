/* ledger-pace-text.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-indicator.h"

G_BEGIN_DECLS

char *ledger_shares_text_parse  (const char  *text,
                                 GError     **error);
char *ledger_shares_text_format (const char  *shares);

const char *ledger_pace_text_profile    (LedgerProfile     profile);
const char *ledger_pace_text_commitment (LedgerCommitment  commitment);
char       *ledger_pace_text_pending    (LedgerIndicator  *indicator);

G_END_DECLS
