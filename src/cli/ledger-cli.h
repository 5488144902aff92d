/* ledger-cli.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean ledger_cli_wants_command (GVariantDict *options);
int      ledger_cli_run           (const char   *db_path,
                                   GVariantDict *options);

G_END_DECLS
