/* ledger-settings.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ledger-attachment.h"
#include "ledger-progress.h"

G_BEGIN_DECLS

GSettings *ledger_settings_new_if_installed (void);
guint64    ledger_settings_attachment_limit (GSettings        *settings);
void       ledger_settings_read_tolerances  (GSettings        *settings,
                                             LedgerTolerances *tolerances);

G_END_DECLS
