/* ledger-server-location.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>
#include <string.h>

#include "private/ledger-server-location.h"

/* Whether @word is one of libpq's option names ("host", "port" …). */
static gboolean
is_keyword (const char *word)
{
  PQconninfoOption *defaults = PQconndefaults ();
  gboolean found = FALSE;

  for (PQconninfoOption *option = defaults; option != NULL && option->keyword != NULL && !found; option++)
    found = g_str_equal (option->keyword, word);
  PQconninfoFree (defaults);
  return found;
}

/* A word as an option's name is written: "prot" of "prot=5432". */
static gboolean
is_plain_word (const char *word)
{
  gsize length = strlen (word);

  for (const char *c = word; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && *c != '_')
      return FALSE;
  return length > 0 && length <= 32;
}

/* libpq's word on a location it cannot read quotes what it stumbled on,
 * which may be the whole URI, or a word of a password: a quoted part is
 * kept only if it is an option's name or a sign ("=", "]"), or the
 * mistyped name of "invalid connection option "prot"". Where the quotes
 * do not pair up (a quote in the location itself), nothing after the
 * first is kept. */
static char *
scrub_quoted (const char *message)
{
  g_auto(GStrv) parts = g_strsplit (message, "\"", -1);
  guint n_parts = g_strv_length (parts);
  gboolean names_option = g_str_has_prefix (message, "invalid connection option ");

  if (n_parts % 2 == 0)
    return g_strconcat (parts[0], "…", NULL);
  for (guint i = 1; i < n_parts; i += 2)
    if (!g_str_equal (parts[i], "=") && !g_str_equal (parts[i], "]") && !is_keyword (parts[i]) &&
        !(names_option && is_plain_word (parts[i])))
      {
        g_free (parts[i]);
        parts[i] = g_strdup ("…");
      }
  return g_strjoinv ("\"", parts);
}

/**
 * ledger_server_location_option:
 * @options: a location as PQconninfoParse() reads it
 * @keyword: an option's name: "host", "dbname" …
 *
 * Returns: (nullable): the option's value, %NULL if it is not given
 */
const char *
ledger_server_location_option (PQconninfoOption *options,
                               const char       *keyword)
{
  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    if (g_str_equal (option->keyword, keyword) && option->val != NULL && option->val[0] != '\0')
      return option->val;
  return NULL;
}

/* What libpq reads in a mistyped URI without a word: a password with
 * "@" in it (postgresql://wang:p@ss@db/ledger) leaves its end in the
 * host, and a missing host (postgresql://wang:secret/ledger) puts the
 * password in the port. Returns: why @options cannot be used, or %NULL */
static const char *
misread (PQconninfoOption *options)
{
  const char *host = ledger_server_location_option (options, "host");
  const char *port = ledger_server_location_option (options, "port");

  if (host != NULL && strchr (host, '@') != NULL)
    return _("an “@” in a user’s name or a password is written %40");
  if (port != NULL && strspn (port, "0123456789,") != strlen (port))
    return _("the port is not a number");
  return NULL;
}

/**
 * ledger_server_location_check:
 * @conninfo: a server's location
 *
 * Returns: whether libpq can read @conninfo as meant; if not, @error
 *   (G_IO_ERROR_INVALID_ARGUMENT) says why, with nothing of the password
 */
gboolean
ledger_server_location_check (const char  *conninfo,
                              GError     **error)
{
  char *message = NULL;
  PQconninfoOption *options = PQconninfoParse (conninfo, &message);
  g_autofree char *scrubbed = NULL;
  const char *why;

  if (options != NULL)
    {
      why = misread (options);
      PQconninfoFree (options);
      if (why != NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, why);
      return why == NULL;
    }
  scrubbed = scrub_quoted (message != NULL ? g_strchomp (message) : g_strerror (ENOMEM));
  PQfreemem (message);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, scrubbed);
  return FALSE;
}

/**
 * ledger_server_location_hide_password:
 * @conninfo: a server's location, which libpq reads
 * @message: libpq's words about it
 *
 * Returns: (transfer full): @message with the password @conninfo gives,
 *   if any, replaced by "…"
 */
char *
ledger_server_location_hide_password (const char *conninfo,
                                      const char *message)
{
  PQconninfoOption *options = PQconninfoParse (conninfo, NULL);
  const char *password = options != NULL ? ledger_server_location_option (options, "password") : NULL;
  GString *hidden = g_string_new (message);

  if (password != NULL)
    g_string_replace (hidden, password, "…", 0);
  if (options != NULL)
    PQconninfoFree (options);
  return g_string_free (hidden, FALSE);
}
