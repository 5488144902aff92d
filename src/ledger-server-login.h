/* ledger-server-login.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LEDGER_TYPE_SERVER_LOGIN (ledger_server_login_get_type ())

G_DECLARE_FINAL_TYPE (LedgerServerLogin, ledger_server_login, LEDGER, SERVER_LOGIN, GObject)

#define LEDGER_SERVER_DEFAULT_PORT 5432

LedgerServerLogin *ledger_server_login_new           (const char         *host,
                                                      guint               port,
                                                      const char         *dbname,
                                                      const char         *user);
LedgerServerLogin *ledger_server_login_new_from_location (const char     *location);
gboolean           ledger_server_login_location_has_password (const char *location);
guint              ledger_server_login_parse_port    (const char         *text);
const char        *ledger_server_login_get_host      (LedgerServerLogin  *self);
guint              ledger_server_login_get_port      (LedgerServerLogin  *self);
const char        *ledger_server_login_get_dbname    (LedgerServerLogin  *self);
const char        *ledger_server_login_get_user      (LedgerServerLogin  *self);
char              *ledger_server_login_build_conninfo (LedgerServerLogin *self,
                                                      const char         *password);
char              *ledger_server_login_add_password  (const char         *location,
                                                      const char         *password);
gboolean           ledger_server_login_has_keyring   (void);
char              *ledger_server_login_lookup_password (LedgerServerLogin *self,
                                                      GCancellable       *cancellable,
                                                      GError            **error);
gboolean           ledger_server_login_store_password (LedgerServerLogin *self,
                                                      const char         *password,
                                                      GCancellable       *cancellable,
                                                      GError            **error);
gboolean           ledger_server_login_clear_password (LedgerServerLogin *self,
                                                      GCancellable       *cancellable,
                                                      GError            **error);

G_END_DECLS
