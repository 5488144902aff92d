/* ledger-reminders.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ledger-store.h"

G_BEGIN_DECLS

char     *ledger_reminders_compose (LedgerStore  *store,
                                    gboolean      skip_weekends,
                                    const GDate  *today,
                                    char        **month);
gboolean  ledger_reminders_check   (GApplication *application,
                                    LedgerStore  *store,
                                    GSettings    *settings,
                                    GDateTime    *now);

G_END_DECLS
