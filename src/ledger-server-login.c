/* ledger-server-login.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-server-login"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>
#include <string.h>

#include "ledger-server-login.h"

/* Who connects to which ledger on the office's server: host, port,
 * database and user. It makes the libpq connection string of them, and
 * keeps the password in the desktop's keyring (libsecret), never in the
 * settings: the location remembered is the string without it.
 *
 * TARGET_LEDGER_KEYRING=none behaves as a desktop without a keyring, and
 * TARGET_LEDGER_KEYRING=memory keeps passwords in this process only: the
 * tests never touch a real keyring. */

struct _LedgerServerLogin
{
  GObject  parent_instance;

  char    *host;
  guint    port;
  char    *dbname;
  char    *user;
};

G_DEFINE_FINAL_TYPE (LedgerServerLogin, ledger_server_login, G_TYPE_OBJECT)

static const SecretSchema *
login_schema (void)
{
  static const SecretSchema schema = {
    "io.github.targetledger.TargetLedger.Server", SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "dbname", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static void
ledger_server_login_finalize (GObject *object)
{
  LedgerServerLogin *self = LEDGER_SERVER_LOGIN (object);

  g_free (self->host);
  g_free (self->dbname);
  g_free (self->user);

  G_OBJECT_CLASS (ledger_server_login_parent_class)->finalize (object);
}

static void
ledger_server_login_class_init (LedgerServerLoginClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ledger_server_login_finalize;
}

static void
ledger_server_login_init (LedgerServerLogin *self)
{
}

/**
 * ledger_server_login_new:
 * @host: (nullable): a host name or address, or a socket's folder; empty
 *   or %NULL for libpq's default
 * @port: the port, 0 for libpq's default
 */
LedgerServerLogin *
ledger_server_login_new (const char *host,
                         guint       port,
                         const char *dbname,
                         const char *user)
{
  LedgerServerLogin *self = g_object_new (LEDGER_TYPE_SERVER_LOGIN, NULL);

  self->host = g_strdup (host != NULL ? host : "");
  self->port = port;
  self->dbname = g_strdup (dbname != NULL ? dbname : "");
  self->user = g_strdup (user != NULL ? user : "");
  return self;
}

/* Reads one value of a "key=value …" string at *@at, quoted or not, with
 * libpq's backslash escapes; moves *@at past it. */
static char *
read_value (const char **at)
{
  GString *value = g_string_new (NULL);
  const char *p = *at;
  gboolean quoted = (*p == '\'');

  if (quoted)
    p++;
  while (*p != '\0' && (quoted ? *p != '\'' : !g_ascii_isspace (*p)))
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      g_string_append_c (value, *p++);
    }
  if (quoted && *p == '\'')
    p++;
  *at = p;
  return g_string_free (value, FALSE);
}

static const char *
skip_spaces (const char *p)
{
  while (g_ascii_isspace (*p))
    p++;
  return p;
}

/* The pairs of a "key=value …" string, or %NULL if it is not one. */
static GHashTable *
parse_pairs (const char *conninfo)
{
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *p = skip_spaces (conninfo);

  while (*p != '\0')
    {
      const char *key = p;
      g_autofree char *name = NULL;

      while (g_ascii_isalnum (*p) || *p == '_')
        p++;
      name = g_strndup (key, p - key);
      p = skip_spaces (p);
      if (name[0] == '\0' || *p != '=')
        return NULL;
      p = skip_spaces (p + 1);
      g_hash_table_replace (pairs, g_steal_pointer (&name), read_value (&p));
      p = skip_spaces (p);
    }
  return g_steal_pointer (&pairs);
}

static guint
parse_port (const char *text)
{
  guint64 port = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, 65535, &port, NULL))
    return 0;
  return (guint) port;
}

static LedgerServerLogin *
login_from_uri (const char *location)
{
  g_autoptr(GUri) uri = g_uri_parse (location, G_URI_FLAGS_HAS_PASSWORD, NULL);
  const char *path;

  if (uri == NULL)
    return NULL;
  path = g_uri_get_path (uri);
  return ledger_server_login_new (g_uri_get_host (uri),
                                  g_uri_get_port (uri) > 0 ? (guint) g_uri_get_port (uri) : 0,
                                  path[0] == '/' ? path + 1 : path,
                                  g_uri_get_user (uri));
}

/**
 * ledger_server_login_new_from_location:
 * @location: a server's location: a "key=value …" string or a
 *   postgresql:// URI
 *
 * Returns: (transfer full) (nullable): its host, port, database and user,
 *   or %NULL if @location is neither
 */
LedgerServerLogin *
ledger_server_login_new_from_location (const char *location)
{
  g_autoptr(GHashTable) pairs = NULL;

  g_return_val_if_fail (location != NULL, NULL);

  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"))
    return login_from_uri (location);
  if (strchr (location, '=') == NULL || (pairs = parse_pairs (location)) == NULL)
    return NULL;
  return ledger_server_login_new (g_hash_table_lookup (pairs, "host"),
                                  parse_port (g_hash_table_lookup (pairs, "port")),
                                  g_hash_table_lookup (pairs, "dbname"),
                                  g_hash_table_lookup (pairs, "user"));
}

/**
 * ledger_server_login_location_has_password:
 * @location: a server's location
 *
 * Returns: whether @location gives a password of its own (which the
 *   keyring's must not replace)
 */
gboolean
ledger_server_login_location_has_password (const char *location)
{
  g_autoptr(GHashTable) pairs = NULL;

  g_return_val_if_fail (location != NULL, FALSE);

  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"))
    {
      g_autoptr(GUri) uri = g_uri_parse (location, G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED_QUERY, NULL);
      g_autoptr(GHashTable) query = NULL;

      if (uri == NULL)
        return FALSE;
      if (g_uri_get_password (uri) != NULL)
        return TRUE;
      query = g_uri_get_query (uri) != NULL ? g_uri_parse_params (g_uri_get_query (uri), -1, "&",
                                                                   G_URI_PARAMS_NONE, NULL) : NULL;
      return query != NULL && g_hash_table_contains (query, "password");
    }
  pairs = parse_pairs (location);
  return pairs != NULL && g_hash_table_contains (pairs, "password");
}

/**
 * ledger_server_login_parse_port:
 * @text: a port as typed in a form
 *
 * Returns: the port; LEDGER_SERVER_DEFAULT_PORT for an empty @text, 0
 *   for one that is no port
 */
guint
ledger_server_login_parse_port (const char *text)
{
  g_return_val_if_fail (text != NULL, 0);

  return text[0] == '\0' ? LEDGER_SERVER_DEFAULT_PORT : parse_port (text);
}

const char *
ledger_server_login_get_host (LedgerServerLogin *self)
{
  g_return_val_if_fail (LEDGER_IS_SERVER_LOGIN (self), NULL);
  return self->host;
}

guint
ledger_server_login_get_port (LedgerServerLogin *self)
{
  g_return_val_if_fail (LEDGER_IS_SERVER_LOGIN (self), 0);
  return self->port;
}

const char *
ledger_server_login_get_dbname (LedgerServerLogin *self)
{
  g_return_val_if_fail (LEDGER_IS_SERVER_LOGIN (self), NULL);
  return self->dbname;
}

const char *
ledger_server_login_get_user (LedgerServerLogin *self)
{
  g_return_val_if_fail (LEDGER_IS_SERVER_LOGIN (self), NULL);
  return self->user;
}

/* " key='value'", quoted as libpq reads it: in single quotes, with ' and
 * \ escaped by a backslash; nothing for an empty value (libpq's default). */
static void
append_pair (GString    *conninfo,
             const char *key,
             const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  if (conninfo->len > 0)
    g_string_append_c (conninfo, ' ');
  g_string_append_printf (conninfo, "%s='", key);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (conninfo, '\\');
      g_string_append_c (conninfo, *p);
    }
  g_string_append_c (conninfo, '\'');
}

/**
 * ledger_server_login_build_conninfo:
 * @password: (nullable): the password, or %NULL (or empty) for none: the
 *   location to remember
 *
 * Returns: (transfer full): the libpq "key=value …" connection string
 */
char *
ledger_server_login_build_conninfo (LedgerServerLogin *self,
                                    const char        *password)
{
  GString *conninfo = g_string_new (NULL);
  g_autofree char *port = self->port > 0 ? g_strdup_printf ("%u", self->port) : NULL;

  g_return_val_if_fail (LEDGER_IS_SERVER_LOGIN (self), NULL);

  append_pair (conninfo, "host", self->host);
  append_pair (conninfo, "port", port);
  append_pair (conninfo, "dbname", self->dbname);
  append_pair (conninfo, "user", self->user);
  append_pair (conninfo, "password", password);
  return g_string_free (conninfo, FALSE);
}

/**
 * ledger_server_login_add_password:
 * @location: a server's location without a password
 * @password: (nullable): the password
 *
 * Returns: (transfer full): @location with @password, as a URI's
 *   parameter or a "key=value" pair; @location as it is without one
 */
char *
ledger_server_login_add_password (const char *location,
                                  const char *password)
{
  g_autoptr(GString) with = NULL;
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (location != NULL, NULL);

  if (password == NULL || password[0] == '\0')
    return g_strdup (location);
  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"))
    {
      escaped = g_uri_escape_string (password, NULL, FALSE);
      return g_strconcat (location, strchr (location, '?') != NULL ? "&" : "?", "password=", escaped, NULL);
    }
  with = g_string_new (location);
  append_pair (with, "password", password);
  return g_string_free (g_steal_pointer (&with), FALSE);
}

/* The fake keyring of TARGET_LEDGER_KEYRING=memory, for the tests. */
static GMutex memory_lock;
static GHashTable *memory_keyring;

static const char *
keyring_kind (void)
{
  const char *kind = g_getenv ("TARGET_LEDGER_KEYRING");

  return kind != NULL ? kind : "";
}

/* The port a password is kept under: a location that names none means
 * libpq's default, the same server as one that names it. */
static guint
keyring_port (LedgerServerLogin *self)
{
  return self->port > 0 ? self->port : LEDGER_SERVER_DEFAULT_PORT;
}

static char *
memory_key (LedgerServerLogin *self)
{
  return g_strdup_printf ("%s\n%u\n%s\n%s", self->host, keyring_port (self), self->dbname, self->user);
}

static gboolean
no_keyring (GError **error)
{
  if (!g_str_equal (keyring_kind (), "none"))
    return FALSE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("No keyring is available on this desktop"));
  return TRUE;
}

/* Returns: whether passwords can be remembered at all; whether the
 * desktop's keyring answers is known only once asked. */
gboolean
ledger_server_login_has_keyring (void)
{
  return !g_str_equal (keyring_kind (), "none");
}

/**
 * ledger_server_login_lookup_password:
 *
 * Blocks: to be run in a worker, or before the window is shown.
 *
 * Returns: (transfer full) (nullable): the password the keyring keeps for
 *   this login, or %NULL (with @error set if the keyring could not be
 *   asked)
 */
char *
ledger_server_login_lookup_password (LedgerServerLogin  *self,
                                     GCancellable       *cancellable,
                                     GError            **error)
{
  g_autofree char *port = g_strdup_printf ("%u", keyring_port (self));
  g_autofree char *key = NULL;
  char *password;

  g_return_val_if_fail (LEDGER_IS_SERVER_LOGIN (self), NULL);

  if (no_keyring (error))
    return NULL;
  if (g_str_equal (keyring_kind (), "memory"))
    {
      key = memory_key (self);
      g_mutex_lock (&memory_lock);
      password = memory_keyring != NULL ? g_strdup (g_hash_table_lookup (memory_keyring, key)) : NULL;
      g_mutex_unlock (&memory_lock);
      return password;
    }
  return secret_password_lookup_sync (login_schema (), cancellable, error,
                                      "host", self->host, "port", port,
                                      "dbname", self->dbname, "user", self->user, NULL);
}

gboolean
ledger_server_login_store_password (LedgerServerLogin  *self,
                                    const char         *password,
                                    GCancellable       *cancellable,
                                    GError            **error)
{
  g_autofree char *port = g_strdup_printf ("%u", keyring_port (self));
  /* Translators: the keyring's name for a password: "ledger on db.office.lan" */
  g_autofree char *label = g_strdup_printf (_("Target Ledger: %s on %s"), self->dbname,
                                            self->host[0] != '\0' ? self->host : "localhost");

  g_return_val_if_fail (LEDGER_IS_SERVER_LOGIN (self), FALSE);
  g_return_val_if_fail (password != NULL, FALSE);

  if (no_keyring (error))
    return FALSE;
  if (g_str_equal (keyring_kind (), "memory"))
    {
      g_mutex_lock (&memory_lock);
      if (memory_keyring == NULL)
        memory_keyring = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_replace (memory_keyring, memory_key (self), g_strdup (password));
      g_mutex_unlock (&memory_lock);
      return TRUE;
    }
  return secret_password_store_sync (login_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                                     cancellable, error,
                                     "host", self->host, "port", port,
                                     "dbname", self->dbname, "user", self->user, NULL);
}

gboolean
ledger_server_login_clear_password (LedgerServerLogin  *self,
                                    GCancellable       *cancellable,
                                    GError            **error)
{
  g_autofree char *port = g_strdup_printf ("%u", keyring_port (self));
  g_autofree char *key = NULL;

  g_return_val_if_fail (LEDGER_IS_SERVER_LOGIN (self), FALSE);

  if (no_keyring (error))
    return FALSE;
  if (g_str_equal (keyring_kind (), "memory"))
    {
      key = memory_key (self);
      g_mutex_lock (&memory_lock);
      if (memory_keyring != NULL)
        g_hash_table_remove (memory_keyring, key);
      g_mutex_unlock (&memory_lock);
      return TRUE;
    }
  /* Nothing to clear is not an error. */
  secret_password_clear_sync (login_schema (), cancellable, error,
                              "host", self->host, "port", port,
                              "dbname", self->dbname, "user", self->user, NULL);
  return error == NULL || *error == NULL;
}
