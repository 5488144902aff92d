/* ledger-server.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* One connection to the office's PostgreSQL server (docs/server.md): the
 * store's second engine. It runs the store's statements, turns the
 * server's errors into SQLite's result codes, and hears other desks'
 * changes (LISTEN/NOTIFY). */
typedef struct _LedgerServer LedgerServer;

/* Called with the payload of a change another connection committed. */
typedef void (*LedgerServerHeardFunc) (const char *payload,
                                       gpointer    user_data);

LedgerServer *ledger_server_connect          (const char     *conninfo,
                                              GError        **error);
void          ledger_server_free             (LedgerServer   *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerServer, ledger_server_free)

char         *ledger_server_next_name        (LedgerServer   *self);
PGresult     *ledger_server_execute          (LedgerServer   *self,
                                              const char     *name,
                                              const char     *sql,
                                              int             n_params,
                                              const Oid      *types,
                                              const char * const *values,
                                              const int      *lengths,
                                              const int      *formats,
                                              int            *rc);
gboolean      ledger_server_copy_in          (LedgerServer   *self,
                                              const char     *sql,
                                              const char     *data,
                                              gsize           length,
                                              int            *rc);
gboolean      ledger_server_run_script       (LedgerServer   *self,
                                              const char     *script,
                                              int            *rc);
const char   *ledger_server_last_error       (LedgerServer   *self);
gint64        ledger_server_last_changes     (LedgerServer   *self);
gboolean      ledger_server_in_transaction   (LedgerServer   *self);
gboolean      ledger_server_is_online        (LedgerServer   *self);
gboolean      ledger_server_reconnect        (LedgerServer   *self);
void          ledger_server_listen           (LedgerServer          *self,
                                              LedgerServerHeardFunc  heard,
                                              gpointer               user_data);
int           ledger_server_backend_pid      (LedgerServer   *self);

G_END_DECLS
