/* ledger-store-pending.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-store-private.h"

G_BEGIN_DECLS

/* A value of a batch an import writes (ledger-store-batch.c), checked
 * against its indicator's rules, on its way into a free cell. */
typedef struct
{
  LedgerValue      *value;
  const char       *origin;
  const StoreRules *rules;
  LedgerPeriod      period;
  char             *json;      /* the change log's record of it */
  char             *uuid;      /* the row's, once it is inserted */
  gboolean          inserted;  /* FALSE: its cell was taken */
  gboolean          done;      /* in a taken cell: written, or found the same */
  gboolean          updated;   /* in a taken cell: written over another value */
} StorePending;

/* The server's way (ledger-store-server-batch.c): the batch sent with
 * COPY, inserted and logged in two statements. */
G_GNUC_INTERNAL gboolean store_server_may_copy     (LedgerStore   *self);
G_GNUC_INTERNAL gboolean store_server_insert_batch (LedgerStore   *self,
                                                    StorePending  *pending,
                                                    guint          n,
                                                    GError       **error);

G_END_DECLS
