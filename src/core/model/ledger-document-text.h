/* ledger-document-text.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean ledger_document_text_is_clean (const char *text);
char    *ledger_document_text_clean    (const char *text);

G_END_DECLS
