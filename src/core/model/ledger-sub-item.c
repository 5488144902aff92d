/* ledger-sub-item.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-sub-item"

#include "config.h"

#include "ledger-status.h"
#include "ledger-sub-item.h"

G_DEFINE_BOXED_TYPE (LedgerSubItem, ledger_sub_item, ledger_sub_item_copy, ledger_sub_item_free)

LedgerSubItem *
ledger_sub_item_new (const char *uuid,
                     const char *owner_uuid,
                     const char *title,
                     const char *status,
                     const char *note)
{
  LedgerSubItem *self = g_new0 (LedgerSubItem, 1);

  self->uuid = g_strdup (uuid);
  self->owner_uuid = g_strdup (owner_uuid);
  self->title = g_strdup (title != NULL ? title : "");
  self->status = g_strdup (status != NULL ? status : "not_started");
  self->note = g_strdup (note != NULL ? note : "");
  return self;
}

LedgerSubItem *
ledger_sub_item_copy (const LedgerSubItem *self)
{
  return ledger_sub_item_new (self->uuid, self->owner_uuid, self->title, self->status, self->note);
}

void
ledger_sub_item_free (LedgerSubItem *self)
{
  if (self == NULL)
    return;
  g_free (self->uuid);
  g_free (self->owner_uuid);
  g_free (self->title);
  g_free (self->status);
  g_free (self->note);
  g_free (self);
}

gboolean
ledger_sub_item_status_is_valid (const char *status)
{
  return status != NULL && g_strv_contains (ledger_status_qualitative_codes (), status);
}

/* "3 of 5 done", and whether one is behind (滞后), which makes the task
 * behind. */
LedgerSubItemsRollUp
ledger_sub_items_roll_up (GPtrArray *sub_items)
{
  LedgerSubItemsRollUp roll_up = { 0, };

  for (guint i = 0; sub_items != NULL && i < sub_items->len; i++)
    {
      const LedgerSubItem *item = g_ptr_array_index (sub_items, i);

      roll_up.n_items++;
      roll_up.n_done += g_str_equal (item->status, "done");
      roll_up.n_behind += g_str_equal (item->status, "behind");
    }
  return roll_up;
}
