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
