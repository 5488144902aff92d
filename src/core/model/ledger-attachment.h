/* ledger-attachment.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The size above which a file is refused, unless the settings say another. */
#define LEDGER_ATTACHMENT_DEFAULT_LIMIT (G_GUINT64_CONSTANT (50) * 1024 * 1024)

#define LEDGER_TYPE_ATTACHMENT (ledger_attachment_get_type ())

G_DECLARE_FINAL_TYPE (LedgerAttachment, ledger_attachment, LEDGER, ATTACHMENT, GObject)

LedgerAttachment *ledger_attachment_new              (const char       *uuid,
                                                      gint64            indicator_id,
                                                      const char       *period,
                                                      const char       *name,
                                                      const char       *media_type,
                                                      const char       *sha256,
                                                      guint64           size,
                                                      const char       *added_at,
                                                      const char       *added_by);
const char       *ledger_attachment_get_uuid         (LedgerAttachment *self);
gint64            ledger_attachment_get_indicator_id (LedgerAttachment *self);
const char       *ledger_attachment_get_period       (LedgerAttachment *self);
const char       *ledger_attachment_get_name         (LedgerAttachment *self);
const char       *ledger_attachment_get_media_type   (LedgerAttachment *self);
const char       *ledger_attachment_get_sha256       (LedgerAttachment *self);
guint64           ledger_attachment_get_size         (LedgerAttachment *self);
const char       *ledger_attachment_get_added_at     (LedgerAttachment *self);
const char       *ledger_attachment_get_added_by     (LedgerAttachment *self);
gboolean          ledger_attachment_is_sha256        (const char       *text);
char             *ledger_attachment_safe_name        (const char       *name);
char             *ledger_attachment_guess_media_type (const char       *name);

G_END_DECLS
