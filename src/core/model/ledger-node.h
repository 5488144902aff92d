/* ledger-node.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LEDGER_TYPE_NODE (ledger_node_get_type ())

G_DECLARE_DERIVABLE_TYPE (LedgerNode, ledger_node, LEDGER, NODE, GObject)

struct _LedgerNodeClass
{
  GObjectClass parent_class;
};

gint64      ledger_node_get_id       (LedgerNode *self);
void        ledger_node_set_id       (LedgerNode *self,
                                      gint64      id);
const char *ledger_node_get_uuid     (LedgerNode *self);
const char *ledger_node_get_title    (LedgerNode *self);
GListModel *ledger_node_get_children (LedgerNode *self);
void        ledger_node_append_child (LedgerNode *self,
                                      GObject    *child);

G_END_DECLS
