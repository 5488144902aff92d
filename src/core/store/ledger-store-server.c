/* ledger-store-server.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-store-private.h"

/* The store on the office's server (docs/server.md): where a location is a
 * server's, what it is called without its password, and whether the
 * connection is up. */

/* Returns: whether @location names a server: a postgresql:// URI or a
 * libpq "key=value …" string, never a file's path */
gboolean
ledger_store_is_server_location (const char *location)
{
  PQconninfoOption *options;

  g_return_val_if_fail (location != NULL, FALSE);

  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"))
    return TRUE;
  if (location[0] == '/' || location[0] == '.' || strchr (location, '=') == NULL)
    return FALSE;
  options = PQconninfoParse (location, NULL);
  if (options == NULL)
    return FALSE;
  PQconninfoFree (options);
  return TRUE;
}

static const char *
option_value (PQconninfoOption *options,
              const char       *keyword)
{
  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    if (g_str_equal (option->keyword, keyword) && option->val != NULL && option->val[0] != '\0')
      return option->val;
  return NULL;
}

/* Returns: (transfer full): "ledger on db.office.lan as wang": a server's
 * location without its password, or a file's path as it is */
char *
ledger_store_describe_location (const char *location)
{
  PQconninfoOption *options;
  const char *dbname, *host, *user;
  char *described;

  g_return_val_if_fail (location != NULL, NULL);

  if (!ledger_store_is_server_location (location) ||
      (options = PQconninfoParse (location, NULL)) == NULL)
    return g_strdup (location);
  dbname = option_value (options, "dbname");
  host = option_value (options, "host");
  user = option_value (options, "user");
  if (host == NULL || host[0] == '/')
    host = _("this computer");
  if (user != NULL)
    /* Translators: a ledger on the office's server: database, host, user */
    described = g_strdup_printf (_("%s on %s as %s"), dbname != NULL ? dbname : "", host, user);
  else
    /* Translators: a ledger on the office's server: database, host */
    described = g_strdup_printf (_("%s on %s"), dbname != NULL ? dbname : "", host);
  PQconninfoFree (options);
  return described;
}

gboolean
ledger_store_is_on_server (LedgerStore *self)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  return self->server != NULL;
}

/**
 * ledger_store_is_online:
 *
 * Returns: %FALSE while the connection to the office's server is lost; a
 *   ledger file is always online
 */
gboolean
ledger_store_is_online (LedgerStore *self)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  return self->server == NULL || ledger_server_is_online (self->server);
}

/* Payloads on the channel: "values <indicator id>" or "plans". */
void
store_tell_other_desks (LedgerStore *self,
                        gint64       indicator_id)
{
  g_autofree char *payload = indicator_id >= 0
    ? g_strdup_printf ("values %" G_GINT64_FORMAT, indicator_id) : g_strdup ("plans");
  StoreStatement *stmt = store_prepare (self, "SELECT pg_notify ('target_ledger', ?)", NULL);

  if (stmt == NULL)
    return;
  store_bind_text (stmt, 1, payload);
  if (!store_run (self, stmt, NULL))
    g_debug ("Could not tell the other desks: %s", ledger_server_last_error (self->server));
}

#define RETRY_SECONDS 2

static gboolean
retry_cb (gpointer user_data)
{
  LedgerStore *self = user_data;

  if (!ledger_server_reconnect (self->server))
    return G_SOURCE_CONTINUE;
  self->retry_source = 0;
  store_notify_online (self);
  /* What was said while the connection was down was not heard. */
  store_signal_heard (self, -1);
  return G_SOURCE_REMOVE;
}

static void
heard_cb (const char *payload,
          gpointer    user_data)
{
  LedgerStore *self = user_data;
  gint64 indicator_id = 0;

  if (payload[0] == '\0')
    {
      store_notify_online (self);
      if (self->retry_source == 0)
        self->retry_source = g_timeout_add_seconds (RETRY_SECONDS, retry_cb, self);
      return;
    }
  if (g_str_has_prefix (payload, "values ") &&
      g_ascii_string_to_signed (payload + 7, 10, 0, G_MAXINT64, &indicator_id, NULL))
    store_signal_heard (self, indicator_id);
  else
    store_signal_heard (self, -1);
}

/**
 * ledger_store_listen:
 *
 * From now on, the store hears what other desks commit to the same server
 * ledger, from the thread-default main loop, and emits it as its own
 * #LedgerStore::values-changed and #LedgerStore::plans-changed; a lost
 * connection shows as #LedgerStore:online and is retried. Nothing for a
 * ledger file: there, only this program writes while a window is open.
 */
void
ledger_store_listen (LedgerStore *self)
{
  g_return_if_fail (LEDGER_IS_STORE (self));

  if (self->server != NULL)
    ledger_server_listen (self->server, heard_cb, self);
}
