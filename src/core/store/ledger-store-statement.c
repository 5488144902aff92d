/* ledger-store-statement.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-store"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ledger-server.h"
#include "ledger-store-statement.h"

/* A statement of either engine. A SQLite statement is SQLite's own; a
 * server statement keeps its bound values as text until its first step,
 * which runs it (prepared once per connection) and then walks the rows
 * the server returned. Its SQL is the store's, with ?N turned into $N. */

#define MAX_PARAMS 65535
#define TEXT_OID 25

struct _StoreStatement
{
  sqlite3_stmt *lite;

  LedgerServer *server;
  char         *name;      /* the server's prepared statement */
  char         *sql;       /* with $N placeholders */
  int           n_params;
  char        **values;    /* owned, or borrowed where owned[i] is FALSE */
  gboolean     *owned;
  int          *lengths;
  int          *formats;
  Oid          *types;     /* 0: the server infers it */
  PGresult     *result;
  int           row;       /* the row the last step reached, -1 before */
  guchar       *blob;      /* the last blob read, decoded */
  gboolean      ran;
};

/* "... WHERE a = ?1 AND b = ?" → "... WHERE a = $1 AND b = $2": a bare
 * ? takes the number after the largest so far, as in SQLite. Quoted
 * text and names are left alone. */
static char *
server_sql (const char  *sql,
            int         *n_params,
            GHashTable  *used)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  char quote = 0;
  int largest = 0;

  for (const char *p = sql; *p != '\0'; p++)
    {
      if (quote != 0)
        {
          if (*p == quote)
            quote = 0;
          g_string_append_c (out, *p);
        }
      else if (*p == '\'' || *p == '"')
        {
          quote = *p;
          g_string_append_c (out, *p);
        }
      else if (*p == '?')
        {
          int number = largest + 1;

          if (g_ascii_isdigit (p[1]))
            {
              char *end = NULL;

              number = (int) strtol (p + 1, &end, 10);
              p = end - 1;
            }
          largest = MAX (largest, number);
          g_hash_table_add (used, GINT_TO_POINTER (number));
          g_string_append_printf (out, "$%d", number);
        }
      else
        g_string_append_c (out, *p);
    }
  *n_params = MIN (largest, MAX_PARAMS);
  return g_string_free (out, FALSE);
}

StoreStatement *
store_statement_new_lite (sqlite3_stmt *lite)
{
  StoreStatement *stmt = g_new0 (StoreStatement, 1);

  stmt->lite = lite;
  return stmt;
}

StoreStatement *
store_statement_new_server (LedgerServer *server,
                            const char   *sql)
{
  StoreStatement *stmt = g_new0 (StoreStatement, 1);

  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);

  stmt->server = server;
  stmt->sql = server_sql (sql, &stmt->n_params, used);
  stmt->name = ledger_server_next_name (server);
  stmt->values = g_new0 (char *, MAX (stmt->n_params, 1));
  stmt->owned = g_new0 (gboolean, MAX (stmt->n_params, 1));
  stmt->lengths = g_new0 (int, MAX (stmt->n_params, 1));
  stmt->formats = g_new0 (int, MAX (stmt->n_params, 1));
  /* The server infers each parameter's type from its use; one a
   * statement binds but does not use (an UPDATE's key columns of a row
   * binder shared with the INSERT) is given text. */
  stmt->types = g_new0 (Oid, MAX (stmt->n_params, 1));
  for (int i = 0; i < stmt->n_params; i++)
    if (!g_hash_table_contains (used, GINT_TO_POINTER (i + 1)))
      stmt->types[i] = TEXT_OID;
  stmt->row = -1;
  return stmt;
}

sqlite3_stmt *
store_statement_get_lite (StoreStatement *stmt)
{
  return stmt->lite;
}

void
store_clear_bindings (StoreStatement *stmt)
{
  if (stmt->lite != NULL)
    {
      sqlite3_clear_bindings (stmt->lite);
      return;
    }
  for (int i = 0; i < stmt->n_params; i++)
    {
      if (stmt->owned[i])
        g_free (stmt->values[i]);
      stmt->values[i] = NULL;
      stmt->owned[i] = FALSE;
      stmt->lengths[i] = 0;
      stmt->formats[i] = 0;
    }
}

void
store_statement_free (gpointer data)
{
  StoreStatement *stmt = data;

  if (stmt->lite != NULL)
    sqlite3_finalize (stmt->lite);
  else
    {
      store_clear_bindings (stmt);
      g_clear_pointer (&stmt->result, PQclear);
      g_clear_pointer (&stmt->blob, PQfreemem);
    }
  g_free (stmt->values);
  g_free (stmt->owned);
  g_free (stmt->lengths);
  g_free (stmt->formats);
  g_free (stmt->types);
  g_free (stmt->name);
  g_free (stmt->sql);
  g_free (stmt);
}

/* Keeps @text as parameter @index (1-based): a copy when @owned. */
static void
server_bind (StoreStatement *stmt,
             int             index,
             char           *text,
             gboolean        owned,
             int             length,
             int             format)
{
  int i = index - 1;

  if (i < 0 || i >= stmt->n_params)
    {
      if (owned)
        g_free (text);
      return;
    }
  if (stmt->owned[i])
    g_free (stmt->values[i]);
  stmt->values[i] = text;
  stmt->owned[i] = owned;
  stmt->lengths[i] = length;
  stmt->formats[i] = format;
}

void
store_bind_int64 (StoreStatement *stmt,
                  int             index,
                  gint64          number)
{
  if (stmt->lite != NULL)
    sqlite3_bind_int64 (stmt->lite, index, number);
  else
    server_bind (stmt, index, g_strdup_printf ("%" G_GINT64_FORMAT, number), TRUE, 0, 0);
}

void
store_bind_int (StoreStatement *stmt,
                int             index,
                int             number)
{
  if (stmt->lite != NULL)
    sqlite3_bind_int (stmt->lite, index, number);
  else
    store_bind_int64 (stmt, index, number);
}

void
store_bind_double (StoreStatement *stmt,
                   int             index,
                   double          number)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (stmt->lite != NULL)
    sqlite3_bind_double (stmt->lite, index, number);
  else if (isnan (number))
    server_bind (stmt, index, g_strdup ("NaN"), TRUE, 0, 0);
  else if (isinf (number))
    server_bind (stmt, index, g_strdup (number > 0 ? "Infinity" : "-Infinity"), TRUE, 0, 0);
  else
    server_bind (stmt, index, g_strdup (g_ascii_dtostr (buffer, sizeof buffer, number)), TRUE, 0, 0);
}

void
store_bind_null (StoreStatement *stmt,
                 int             index)
{
  if (stmt->lite != NULL)
    sqlite3_bind_null (stmt->lite, index);
  else
    server_bind (stmt, index, NULL, FALSE, 0, 0);
}

void
store_bind_text (StoreStatement *stmt,
                 int             index,
                 const char     *text)
{
  if (stmt->lite != NULL)
    sqlite3_bind_text (stmt->lite, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
  else
    server_bind (stmt, index, g_strdup (text != NULL ? text : ""), TRUE, 0, 0);
}

/* Binds text that outlives the statement's run, without a copy (an
 * import binds hundreds of thousands). */
void
store_bind_static_text (StoreStatement *stmt,
                        int             index,
                        const char     *text)
{
  if (stmt->lite != NULL)
    sqlite3_bind_text (stmt->lite, index, text != NULL ? text : "", -1, SQLITE_STATIC);
  else
    server_bind (stmt, index, (char *) (text != NULL ? text : ""), FALSE, 0, 0);
}

void
store_bind_blob (StoreStatement *stmt,
                 int             index,
                 gconstpointer   data,
                 gsize           size)
{
  if (stmt->lite != NULL)
    sqlite3_bind_blob64 (stmt->lite, index, data, size, SQLITE_TRANSIENT);
  else
    server_bind (stmt, index, g_memdup2 (data != NULL ? data : "", MAX (size, 1)), TRUE,
                 (int) MIN (size, (gsize) G_MAXINT), 1);
}

static int
server_step (StoreStatement *stmt)
{
  int rc = SQLITE_OK;

  if (!stmt->ran)
    {
      stmt->ran = TRUE;
      stmt->row = -1;
      stmt->result = ledger_server_execute (stmt->server, stmt->name, stmt->sql, stmt->n_params, stmt->types,
                                            (const char * const *) stmt->values, stmt->lengths,
                                            stmt->formats, &rc);
      if (stmt->result == NULL)
        return rc;
    }
  if (stmt->result == NULL)
    return SQLITE_MISUSE;
  if (stmt->row + 1 < PQntuples (stmt->result))
    {
      stmt->row++;
      return SQLITE_ROW;
    }
  return SQLITE_DONE;
}

int
store_step (StoreStatement *stmt)
{
  if (stmt->lite != NULL)
    return sqlite3_step (stmt->lite);
  return server_step (stmt);
}

void
store_reset (StoreStatement *stmt)
{
  if (stmt->lite != NULL)
    {
      sqlite3_reset (stmt->lite);
      return;
    }
  g_clear_pointer (&stmt->result, PQclear);
  g_clear_pointer (&stmt->blob, PQfreemem);
  stmt->ran = FALSE;
  stmt->row = -1;
}

/* The text of a server's column in the current row, or %NULL. */
static const char *
server_value (StoreStatement *stmt,
              int             index)
{
  if (stmt->result == NULL || stmt->row < 0 || index < 0 || index >= PQnfields (stmt->result) ||
      PQgetisnull (stmt->result, stmt->row, index))
    return NULL;
  return PQgetvalue (stmt->result, stmt->row, index);
}

gint64
store_column_int64 (StoreStatement *stmt,
                    int             index)
{
  const char *text;

  if (stmt->lite != NULL)
    return sqlite3_column_int64 (stmt->lite, index);
  if ((text = server_value (stmt, index)) == NULL)
    return 0;
  if (g_str_equal (text, "t"))  /* a boolean */
    return 1;
  return g_ascii_strtoll (text, NULL, 10);
}

int
store_column_int (StoreStatement *stmt,
                  int             index)
{
  if (stmt->lite != NULL)
    return sqlite3_column_int (stmt->lite, index);
  return (int) CLAMP (store_column_int64 (stmt, index), G_MININT, G_MAXINT);
}

double
store_column_double (StoreStatement *stmt,
                     int             index)
{
  const char *text;

  if (stmt->lite != NULL)
    return sqlite3_column_double (stmt->lite, index);
  if ((text = server_value (stmt, index)) == NULL)
    return 0;
  return g_ascii_strtod (text, NULL);
}

const char *
store_column_text_or_null (StoreStatement *stmt,
                           int             index)
{
  if (stmt->lite != NULL)
    return (const char *) sqlite3_column_text (stmt->lite, index);
  return server_value (stmt, index);
}

const char *
store_column_text (StoreStatement *stmt,
                   int             index)
{
  const char *text = store_column_text_or_null (stmt, index);

  return text != NULL ? text : "";
}

/* SQLite's type of a column: a server's column is typed by its kind. */
int
store_column_type (StoreStatement *stmt,
                   int             index)
{
  if (stmt->lite != NULL)
    return sqlite3_column_type (stmt->lite, index);
  if (server_value (stmt, index) == NULL)
    return SQLITE_NULL;
  switch (PQftype (stmt->result, index))
    {
    case 16: case 20: case 21: case 23: return SQLITE_INTEGER; /* bool, int8, int2, int4 */
    case 700: case 701: case 1700: return SQLITE_FLOAT;          /* float4, float8, numeric */
    case 17: return SQLITE_BLOB;                                  /* bytea */
    default: return SQLITE_TEXT;
    }
}

gconstpointer
store_column_blob (StoreStatement *stmt,
                   int             index,
                   gsize          *size)
{
  if (stmt->lite != NULL)
    {
      *size = (gsize) sqlite3_column_bytes (stmt->lite, index);
      return sqlite3_column_blob (stmt->lite, index);
    }
  /* The server sends a bytea as text (\x and hex digits). */
  g_clear_pointer (&stmt->blob, PQfreemem);
  *size = 0;
  if (server_value (stmt, index) == NULL)
    return NULL;
  {
    size_t length = 0;

    stmt->blob = PQunescapeBytea ((const unsigned char *) server_value (stmt, index), &length);
    *size = length;
  }
  return stmt->blob;
}

/* Whether a column holds a finite number: a file from elsewhere may hold
 * text, a blob or an infinity where a number belongs, which are read as
 * no number at all. */
gboolean
store_column_is_number (StoreStatement *stmt,
                        int             index)
{
  int type = store_column_type (stmt, index);

  if (type == SQLITE_INTEGER)
    return TRUE;
  return type == SQLITE_FLOAT && isfinite (store_column_double (stmt, index));
}
