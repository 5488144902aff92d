/* ledger-server-location.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* A server's location (a libpq URI or "key=value …") as the desk wrote
 * it: whether libpq can read it, and libpq's words about it with nothing
 * of its password left in them. */
gboolean  ledger_server_location_check         (const char  *conninfo,
                                                GError     **error);
char     *ledger_server_location_hide_password (const char  *conninfo,
                                                const char  *message);
const char *ledger_server_location_option      (PQconninfoOption *options,
                                                const char       *keyword);

G_END_DECLS
