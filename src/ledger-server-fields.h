/* ledger-server-fields.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ledger-server-login.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_SERVER_FIELDS (ledger_server_fields_get_type ())

G_DECLARE_FINAL_TYPE (LedgerServerFields, ledger_server_fields, LEDGER, SERVER_FIELDS, AdwPreferencesGroup)

LedgerServerLogin *ledger_server_fields_dup_login          (LedgerServerFields *self);
const char        *ledger_server_fields_get_password       (LedgerServerFields *self);
void               ledger_server_fields_set_password       (LedgerServerFields *self,
                                                            const char         *password);
gboolean           ledger_server_fields_is_complete        (LedgerServerFields *self);
void               ledger_server_fields_set_busy           (LedgerServerFields *self,
                                                            gboolean            busy);
gboolean           ledger_server_fields_fill_from_location (LedgerServerFields *self,
                                                            const char         *location);
gboolean           ledger_server_fields_fill_server_from_location (LedgerServerFields *self,
                                                            const char         *location);
gboolean           ledger_server_fields_focus_first_empty  (LedgerServerFields *self);
void               ledger_server_fields_set_nested         (LedgerServerFields *self,
                                                            gboolean            nested);

G_END_DECLS
