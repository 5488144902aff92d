/* ledger-names.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ledger-names.h"

/* The machine codes of files and the command line (kinds, comparators,
 * frequencies, statuses) are tables of names in enum order; this finds a
 * name's value. Returns: whether @name is one of @names */
gboolean
ledger_names_lookup (const char * const *names,
                     guint               n_names,
                     const char         *name,
                     int                *index)
{
  for (guint i = 0; i < n_names; i++)
    {
      if (g_strcmp0 (names[i], name) == 0)
        {
          *index = (int) i;
          return TRUE;
        }
    }
  return FALSE;
}

/* The parts of @text between any of @separators (UTF-8 strings), without
 * their spaces; empty parts are left out. */
GStrv
ledger_names_split (const char         *text,
                    const char * const *separators)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *joined = g_strdup (text);
  g_auto(GStrv) parts = NULL;

  for (guint i = 1; separators[i] != NULL; i++)
    {
      g_auto(GStrv) pieces = g_strsplit (joined, separators[i], -1);

      g_free (joined);
      joined = g_strjoinv (separators[0], pieces);
    }
  parts = g_strsplit (joined, separators[0], -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

/* Units kept one a line, as the office writes a list of them:
 * "市财政局、市统计局". */
char *
ledger_names_join_units (const char *lines)
{
  g_auto(GStrv) names = g_strsplit (lines != NULL ? lines : "", "\n", -1);

  return g_strjoinv ("、", names);
}
