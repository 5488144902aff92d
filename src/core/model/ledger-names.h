/* ledger-names.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean ledger_names_lookup (const char * const *names,
                              guint               n_names,
                              const char         *name,
                              int                *index);

GStrv    ledger_names_split  (const char         *text,
                              const char * const *separators);

char    *ledger_names_join_units (const char     *lines);

G_END_DECLS
