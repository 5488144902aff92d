/* ledger-attachments-group.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ledger-context.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_ATTACHMENTS_GROUP (ledger_attachments_group_get_type ())

G_DECLARE_FINAL_TYPE (LedgerAttachmentsGroup, ledger_attachments_group, LEDGER, ATTACHMENTS_GROUP,
                      AdwPreferencesGroup)

LedgerAttachmentsGroup *ledger_attachments_group_new             (LedgerContext          *context,
                                                                  LedgerPlan             *plan,
                                                                  LedgerIndicator        *indicator);
void                    ledger_attachments_group_add_file        (LedgerAttachmentsGroup *self,
                                                                  const char             *path);
void                    ledger_attachments_group_accept_drops_on (LedgerAttachmentsGroup *self,
                                                                  GtkWidget              *widget);
guint                   ledger_attachments_group_get_n_attachments (LedgerAttachmentsGroup *self);
LedgerAttachment       *ledger_attachments_group_get_attachment  (LedgerAttachmentsGroup *self,
                                                                  guint                   index);

typedef void (*LedgerDroppedFunc) (const char *path,
                                   gpointer    user_data);

void                    ledger_attachments_attach_async          (LedgerStore            *store,
                                                                  gint64                  indicator_id,
                                                                  const char             *period,
                                                                  const char             *path,
                                                                  GtkWidget              *widget,
                                                                  GDestroyNotify          done,
                                                                  gpointer                done_data);
void                    ledger_attachments_accept_drops          (GtkWidget              *widget,
                                                                  LedgerDroppedFunc       func,
                                                                  gpointer                user_data);

G_END_DECLS
