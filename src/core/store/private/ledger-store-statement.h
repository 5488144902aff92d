/* ledger-store-statement.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* A prepared statement of either engine: SQLite (a ledger file) or the
 * office's PostgreSQL server (ledger-server.c). The store's code binds,
 * steps and reads columns through these functions alone, and the result
 * codes are SQLite's (SQLITE_ROW, SQLITE_DONE, SQLITE_BUSY, ...), which
 * the server's statements map their errors to. The SQL is written once,
 * with ? and ?N placeholders, in the subset both engines accept
 * (docs/server.md). */
typedef struct _StoreStatement StoreStatement;
typedef struct _LedgerServer   LedgerServer;

/* A result code of the server's own: the connection is gone. */
#define STORE_OFFLINE 1000
/* The connection was lost while COMMIT ran: whether it was kept is not known. */
#define STORE_COMMIT_UNKNOWN 1001

StoreStatement *store_statement_new_lite    (sqlite3_stmt   *lite);
StoreStatement *store_statement_new_server  (LedgerServer   *server,
                                             const char     *sql);
void            store_statement_free        (gpointer        stmt);
sqlite3_stmt   *store_statement_get_lite    (StoreStatement *stmt);

void            store_bind_int64            (StoreStatement *stmt,
                                             int             index,
                                             gint64          number);
void            store_bind_int              (StoreStatement *stmt,
                                             int             index,
                                             int             number);
void            store_bind_double           (StoreStatement *stmt,
                                             int             index,
                                             double          number);
void            store_bind_null             (StoreStatement *stmt,
                                             int             index);
void            store_bind_text             (StoreStatement *stmt,
                                             int             index,
                                             const char     *text);
void            store_bind_static_text      (StoreStatement *stmt,
                                             int             index,
                                             const char     *text);
void            store_bind_blob             (StoreStatement *stmt,
                                             int             index,
                                             gconstpointer   data,
                                             gsize           size);
void            store_clear_bindings        (StoreStatement *stmt);

int             store_step                  (StoreStatement *stmt);
void            store_reset                 (StoreStatement *stmt);

gint64          store_column_int64          (StoreStatement *stmt,
                                             int             index);
int             store_column_int            (StoreStatement *stmt,
                                             int             index);
double          store_column_double         (StoreStatement *stmt,
                                             int             index);
const char     *store_column_text           (StoreStatement *stmt,
                                             int             index);
const char     *store_column_text_or_null   (StoreStatement *stmt,
                                             int             index);
int             store_column_type           (StoreStatement *stmt,
                                             int             index);
gconstpointer   store_column_blob           (StoreStatement *stmt,
                                             int             index,
                                             gsize          *size);
gboolean        store_column_is_number      (StoreStatement *stmt,
                                             int             index);

G_END_DECLS
