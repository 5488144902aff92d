/* ledger-reminder.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many days ahead a figure not yet in is reminded of. */
#define LEDGER_REMINDER_DAYS_AHEAD 3

gboolean     ledger_reminder_is_due   (const char  *last_reminded,
                                       const GDate *today);
char        *ledger_reminder_compose  (GPtrArray   *figures,
                                       const GDate *today);

G_END_DECLS
