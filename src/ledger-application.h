/* ledger-application.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LEDGER_TYPE_APPLICATION (ledger_application_get_type ())

G_DECLARE_FINAL_TYPE (LedgerApplication, ledger_application, LEDGER, APPLICATION, AdwApplication)

LedgerApplication *ledger_application_new         (void);
void               ledger_application_open_ledger (LedgerApplication *self,
                                                   const char        *path);

G_END_DECLS
