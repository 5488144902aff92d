/* ledger-sub-item.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One concrete item of a task (子项), with a status set by hand: one of
 * the qualitative codes not_started, in_progress, done or behind. */
typedef struct
{
  char *uuid;
  char *owner_uuid;  /* the task's */
  char *title;
  char *status;
  char *note;
} LedgerSubItem;

/* How a task's sub-items stand together (ledger_sub_items_roll_up()). */
typedef struct
{
  guint n_items;
  guint n_done;
  guint n_behind;
} LedgerSubItemsRollUp;

#define LEDGER_TYPE_SUB_ITEM (ledger_sub_item_get_type ())

GType                ledger_sub_item_get_type (void) G_GNUC_CONST;
LedgerSubItem       *ledger_sub_item_new      (const char          *uuid,
                                               const char          *owner_uuid,
                                               const char          *title,
                                               const char          *status,
                                               const char          *note);
LedgerSubItem       *ledger_sub_item_copy     (const LedgerSubItem *self);
void                 ledger_sub_item_free     (LedgerSubItem       *self);
gboolean             ledger_sub_item_status_is_valid (const char   *status);
LedgerSubItemsRollUp ledger_sub_items_roll_up (GPtrArray           *sub_items);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerSubItem, ledger_sub_item_free)

G_END_DECLS
