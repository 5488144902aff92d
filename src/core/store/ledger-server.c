/* ledger-server.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-store"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "ledger-server.h"
#include "ledger-server-location.h"
#include "ledger-store-statement.h"

/* The office's server: one libpq connection. Statements are prepared on
 * their first run and kept by name; a connection that was lost is opened
 * again once before a statement outside a transaction is given up, and
 * prepares its statements anew. Changes other connections commit arrive
 * as notifications on the "target_ledger" channel: they are read when the
 * socket has data, or after any statement whose reply carried them, and
 * handed on from the main loop, never in the middle of a statement. */

#define CHANNEL "target_ledger"

struct _LedgerServer
{
  PGconn                *conn;
  GHashTable            *prepared;   /* names prepared on this connection */
  guint                  next_name;
  char                  *last_error;
  gint64                 last_changes;
  gboolean               lost_transaction;  /* lost inside one the store has not ended */

  LedgerServerHeardFunc  heard;
  gpointer               heard_data;
  guint                  socket_source;
  guint                  idle_source;
  GQueue                 payloads;
};

static void
set_last_error (LedgerServer *self,
                const char   *message)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (message != NULL ? message : ""));

  g_free (self->last_error);
  self->last_error = g_steal_pointer (&trimmed);
}

/* SQLite's result code for an error the server reported. */
static int
code_for_state (const char *state)
{
  if (state == NULL)
    return STORE_OFFLINE;
  if (g_str_has_prefix (state, "23"))
    return SQLITE_CONSTRAINT;
  if (g_str_equal (state, "40001") || g_str_equal (state, "40P01") || g_str_equal (state, "55P03"))
    return SQLITE_BUSY;
  if (g_str_equal (state, "25006") || g_str_equal (state, "42501"))
    return SQLITE_READONLY;
  if (g_str_has_prefix (state, "08") || g_str_has_prefix (state, "57P"))
    return STORE_OFFLINE;
  return SQLITE_ERROR;
}

/* The server's words for the desk: its message, with the DETAIL and HINT
 * it gives, never where in a statement or function it happened (CONTEXT,
 * LINE and its caret, the row of a COPY), which are the program's
 * business and would bury the message under SQL. */
static char *
words_of_result (PGresult *result)
{
  const char *severity = PQresultErrorField (result, PG_DIAG_SEVERITY);
  const char *primary = PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY);
  const char *detail = PQresultErrorField (result, PG_DIAG_MESSAGE_DETAIL);
  const char *hint = PQresultErrorField (result, PG_DIAG_MESSAGE_HINT);
  GString *words;

  if (primary == NULL)
    return NULL;
  words = g_string_new (NULL);
  g_string_append_printf (words, "%s:  %s", severity != NULL ? severity : "ERROR", primary);
  if (detail != NULL)
    g_string_append_printf (words, "\nDETAIL:  %s", detail);
  if (hint != NULL)
    g_string_append_printf (words, "\nHINT:  %s", hint);
  return g_string_free (words, FALSE);
}

static int
code_for_result (LedgerServer *self,
                 PGresult     *result)
{
  g_autofree char *words = result != NULL ? words_of_result (result) : NULL;

  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      set_last_error (self, words != NULL ? words : PQerrorMessage (self->conn));
      return STORE_OFFLINE;
    }
  set_last_error (self, words != NULL ? words : result != NULL ? PQresultErrorMessage (result)
                                                               : PQerrorMessage (self->conn));
  return code_for_state (result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL);
}

static gboolean
result_ok (PGresult *result)
{
  ExecStatusType status = PQresultStatus (result);

  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

static void drain_notifications (LedgerServer *self);

static gboolean
ends_transaction (const char *sql)
{
  return g_str_equal (sql, "COMMIT") || g_str_equal (sql, "ROLLBACK");
}

/* Remembers that the connection was lost inside a transaction the store
 * has still to end (refused_in_lost_transaction()); not when it was lost
 * while ending it. */
static void
note_lost (LedgerServer *self,
           const char   *sql,
           gboolean      inside,
           int           rc)
{
  if (inside && rc == STORE_OFFLINE && !ends_transaction (sql))
    self->lost_transaction = TRUE;
}

/* The server's notices ("relation already exists, skipping") are not the
 * user's business. */
static void
notice_cb (void       *data,
           const char *message)
{
  g_debug ("Server notice: %s", message);
}

LedgerServer *
ledger_server_connect (const char  *conninfo,
                       GError     **error)
{
  g_autoptr(LedgerServer) self = NULL;
  const char *keys[] = { "dbname", "application_name", "client_encoding", NULL };
  const char *values[] = { conninfo, "target-ledger", "UTF8", NULL };

  if (!ledger_server_location_check (conninfo, error))
    return NULL;
  self = g_new0 (LedgerServer, 1);
  self->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_queue_init (&self->payloads);
  /* dbname with expand_dbname: a URI or "host=… dbname=…" alike. */
  self->conn = PQconnectdbParams (keys, values, 1);
  if (self->conn == NULL || PQstatus (self->conn) != CONNECTION_OK)
    {
      g_autofree char *words = ledger_server_location_hide_password (conninfo, self->conn != NULL
                                                                     ? PQerrorMessage (self->conn)
                                                                     : g_strerror (ENOMEM));

      set_last_error (self, words);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE, self->last_error);
      return NULL;
    }
  PQsetNoticeProcessor (self->conn, notice_cb, NULL);
  /* Where in a statement or function an error happened is no desk's
   * business, including in the messages of a connection the server ends
   * mid-statement, which have no result to take the words from
   * (words_of_result()). */
  PQsetErrorContextVisibility (self->conn, PQSHOW_CONTEXT_NEVER);
  return g_steal_pointer (&self);
}

void
ledger_server_free (LedgerServer *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->socket_source, g_source_remove);
  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_queue_clear_full (&self->payloads, g_free);
  g_clear_pointer (&self->conn, PQfinish);
  g_clear_pointer (&self->prepared, g_hash_table_unref);
  g_free (self->last_error);
  g_free (self);
}

char *
ledger_server_next_name (LedgerServer *self)
{
  return g_strdup_printf ("ledger_%u", ++self->next_name);
}

static gboolean
prepare (LedgerServer *self,
         const char   *name,
         const char   *sql,
         int           n_params,
         const Oid    *types,
         int          *rc)
{
  PGresult *result;
  gboolean ok;

  if (g_hash_table_contains (self->prepared, name))
    return TRUE;
  result = PQprepare (self->conn, name, sql, n_params, types);
  ok = result != NULL && result_ok (result);
  if (!ok)
    *rc = code_for_result (self, result);
  else
    g_hash_table_add (self->prepared, g_strdup (name));
  PQclear (result);
  return ok;
}

static PGresult *
execute_once (LedgerServer        *self,
              const char          *name,
              const char          *sql,
              int                  n_params,
              const Oid           *types,
              const char * const  *values,
              const int           *lengths,
              const int           *formats,
              int                 *rc)
{
  PGresult *result;

  if (!prepare (self, name, sql, n_params, types, rc))
    return NULL;
  result = PQexecPrepared (self->conn, name, n_params, values, lengths, formats, 0);
  if (result == NULL || !result_ok (result))
    {
      *rc = code_for_result (self, result);
      PQclear (result);
      return NULL;
    }
  self->last_changes = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
  return result;
}

/* A transaction the connection was lost in went with it: the server
 * kept none of it. Its remaining statements are refused until the store
 * ends it (COMMIT, which fails, or ROLLBACK), never run on a new
 * connection, where each would be kept on its own, half a write and
 * without the ledger's write lock. A BEGIN says the store holds it ended.
 *
 * Returns: whether @sql is refused, with @rc set */
static gboolean
refused_in_lost_transaction (LedgerServer *self,
                             const char   *sql,
                             int          *rc)
{
  if (!self->lost_transaction)
    return FALSE;
  if (g_str_has_prefix (sql, "BEGIN"))
    {
      self->lost_transaction = FALSE;
      return FALSE;
    }
  if (ends_transaction (sql))
    self->lost_transaction = FALSE;
  set_last_error (self, _("the connection went in the middle of this write"));
  *rc = STORE_OFFLINE;
  return TRUE;
}

/* Runs a prepared statement. A connection lost between transactions is
 * opened again, once, and the statement run there; one lost inside a
 * transaction is not (refused_in_lost_transaction()).
 *
 * Returns: (transfer full): its result, or %NULL with @rc set */
PGresult *
ledger_server_execute (LedgerServer        *self,
                       const char          *name,
                       const char          *sql,
                       int                  n_params,
                       const Oid           *types,
                       const char * const  *values,
                       const int           *lengths,
                       const int           *formats,
                       int                 *rc)
{
  gboolean inside;
  PGresult *result;

  *rc = SQLITE_OK;
  if (refused_in_lost_transaction (self, sql, rc))
    return NULL;
  inside = ledger_server_in_transaction (self);
  result = execute_once (self, name, sql, n_params, types, values, lengths, formats, rc);
  if (inside && *rc == STORE_OFFLINE && g_str_equal (sql, "COMMIT"))
    /* The server may have kept it before the connection went, or not. */
    *rc = STORE_COMMIT_UNKNOWN;
  note_lost (self, sql, inside, *rc);
  if (result == NULL && *rc == STORE_OFFLINE && !inside && ledger_server_reconnect (self))
    {
      *rc = SQLITE_OK;
      result = execute_once (self, name, sql, n_params, types, values, lengths, formats, rc);
    }
  drain_notifications (self);
  return result;
}

/* Sends @data, COPY's text format, to "COPY … FROM STDIN" @sql: many rows
 * in one go, without a statement's parameters or plan per row. */
gboolean
ledger_server_copy_in (LedgerServer *self,
                       const char   *sql,
                       const char   *data,
                       gsize         length,
                       int          *rc)
{
  gboolean inside;
  PGresult *result;
  gboolean sent, copied = FALSE;

  *rc = SQLITE_OK;
  if (refused_in_lost_transaction (self, sql, rc))
    return FALSE;
  inside = ledger_server_in_transaction (self);
  result = PQexec (self->conn, sql);
  if (result == NULL || PQresultStatus (result) != PGRES_COPY_IN)
    {
      *rc = code_for_result (self, result);
      PQclear (result);
      note_lost (self, sql, inside, *rc);
      return FALSE;
    }
  PQclear (result);
  sent = length <= G_MAXINT && PQputCopyData (self->conn, data, (int) length) == 1;
  /* Ended with an error message, the server refuses the COPY: nothing of it is kept. */
  if (PQputCopyEnd (self->conn, sent ? NULL : "the rows could not be sent") != 1)
    sent = FALSE;
  while ((result = PQgetResult (self->conn)) != NULL)
    {
      if (PQresultStatus (result) == PGRES_COMMAND_OK)
        copied = TRUE;
      else
        *rc = code_for_result (self, result);
      PQclear (result);
    }
  drain_notifications (self);
  if (copied && sent && *rc == SQLITE_OK)
    return TRUE;
  if (*rc == SQLITE_OK)
    *rc = code_for_result (self, NULL);
  note_lost (self, sql, inside, *rc);
  return FALSE;
}

gboolean
ledger_server_run_script (LedgerServer *self,
                          const char   *script,
                          int          *rc)
{
  gboolean inside;
  PGresult *result;
  gboolean ok;

  if (refused_in_lost_transaction (self, script, rc))
    return FALSE;
  inside = ledger_server_in_transaction (self);
  result = PQexec (self->conn, script);
  ok = result != NULL && result_ok (result);
  *rc = ok ? SQLITE_OK : code_for_result (self, result);
  PQclear (result);
  note_lost (self, script, inside, *rc);
  return ok;
}

const char *
ledger_server_last_error (LedgerServer *self)
{
  return self->last_error != NULL ? self->last_error : "";
}

gint64
ledger_server_last_changes (LedgerServer *self)
{
  return self->last_changes;
}

gboolean
ledger_server_in_transaction (LedgerServer *self)
{
  PGTransactionStatusType status = PQtransactionStatus (self->conn);

  /* A transaction lost with the connection is still to be ended. */
  return self->lost_transaction || status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

gboolean
ledger_server_is_online (LedgerServer *self)
{
  return PQstatus (self->conn) == CONNECTION_OK;
}

int
ledger_server_backend_pid (LedgerServer *self)
{
  return PQbackendPID (self->conn);
}

static gboolean socket_ready_cb (int fd, GIOCondition condition, gpointer user_data);

static gboolean
start_listening (LedgerServer *self)
{
  int rc;

  g_clear_handle_id (&self->socket_source, g_source_remove);
  if (!ledger_server_run_script (self, "LISTEN " CHANNEL, &rc) || PQsocket (self->conn) < 0)
    return FALSE;
  self->socket_source = g_unix_fd_add (PQsocket (self->conn), G_IO_IN | G_IO_HUP | G_IO_ERR,
                                       socket_ready_cb, self);
  return TRUE;
}

/* Opens the connection again after it was lost: the prepared statements
 * went with it. Returns: whether it is open */
gboolean
ledger_server_reconnect (LedgerServer *self)
{
  if (PQstatus (self->conn) == CONNECTION_OK)
    return TRUE;
  PQreset (self->conn);
  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      set_last_error (self, PQerrorMessage (self->conn));
      return FALSE;
    }
  g_hash_table_remove_all (self->prepared);
  if (self->heard != NULL)
    start_listening (self);
  return TRUE;
}

static gboolean
dispatch_cb (gpointer user_data)
{
  LedgerServer *self = user_data;
  char *payload;

  self->idle_source = 0;
  while ((payload = g_queue_pop_head (&self->payloads)) != NULL)
    {
      self->heard (payload, self->heard_data);
      g_free (payload);
    }
  return G_SOURCE_REMOVE;
}

/* Queues what other connections said; our own echoes are dropped. */
static void
drain_notifications (LedgerServer *self)
{
  PGnotify *notify;

  if (self->heard == NULL)
    return;
  while ((notify = PQnotifies (self->conn)) != NULL)
    {
      if (notify->be_pid != PQbackendPID (self->conn))
        g_queue_push_tail (&self->payloads, g_strdup (notify->extra));
      PQfreemem (notify);
    }
  if (!g_queue_is_empty (&self->payloads) && self->idle_source == 0)
    self->idle_source = g_idle_add_full (G_PRIORITY_DEFAULT, dispatch_cb, self, NULL);
}

static gboolean
socket_ready_cb (int           fd,
                 GIOCondition  condition,
                 gpointer      user_data)
{
  LedgerServer *self = user_data;

  if (!PQconsumeInput (self->conn) || PQstatus (self->conn) != CONNECTION_OK)
    {
      set_last_error (self, PQerrorMessage (self->conn));
      self->socket_source = 0;
      /* Heard as a change of state: the store tries again. */
      g_queue_push_tail (&self->payloads, g_strdup (""));
      if (self->idle_source == 0)
        self->idle_source = g_idle_add_full (G_PRIORITY_DEFAULT, dispatch_cb, self, NULL);
      return G_SOURCE_REMOVE;
    }
  drain_notifications (self);
  return G_SOURCE_CONTINUE;
}

/* From now on @heard hears each change another connection commits, from
 * the main loop, and "" when the connection is lost. */
void
ledger_server_listen (LedgerServer          *self,
                      LedgerServerHeardFunc  heard,
                      gpointer               user_data)
{
  self->heard = heard;
  self->heard_data = user_data;
  start_listening (self);
}
