/* ledger-output-file.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LedgerOutputFile LedgerOutputFile;

gboolean          ledger_output_file_check         (const char        *path,
                                                    const char        *ledger_path,
                                                    GError           **error);
LedgerOutputFile *ledger_output_file_begin         (const char        *path,
                                                    const char        *ledger_path,
                                                    int                mode,
                                                    GError           **error);
int               ledger_output_file_get_fd        (LedgerOutputFile  *self);
const char       *ledger_output_file_get_temporary (LedgerOutputFile  *self);
gboolean          ledger_output_file_finish        (LedgerOutputFile  *self,
                                                    GError           **error);
gboolean          ledger_output_file_is_ledger_file (const char     *path,
                                                     const char     *ledger_path);
void              ledger_output_file_free          (LedgerOutputFile  *self);
gboolean          ledger_output_file_write         (const char        *path,
                                                    const char        *ledger_path,
                                                    const void        *data,
                                                    gsize              length,
                                                    GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerOutputFile, ledger_output_file_free)

G_END_DECLS
