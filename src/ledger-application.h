/* ledger-application.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ledger-store.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_APPLICATION (ledger_application_get_type ())

G_DECLARE_FINAL_TYPE (LedgerApplication, ledger_application, LEDGER, APPLICATION, AdwApplication)

LedgerApplication *ledger_application_new         (void);
void               ledger_application_open_ledger (LedgerApplication *self,
                                                   const char        *path);
LedgerStore       *ledger_application_connect     (const char        *location,
                                                   GError           **error);
GtkWindow         *ledger_application_replace_ledger (LedgerApplication *self,
                                                   GtkWindow         *window,
                                                   LedgerStore       *store,
                                                   const char        *location);
void               ledger_application_switch_ledger (LedgerApplication *self,
                                                   GtkWindow         *window,
                                                   const char        *location);

G_END_DECLS
