/* ledger-task.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-milestone.h"
#include "ledger-node.h"
#include "ledger-sub-item.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_TASK (ledger_task_get_type ())

G_DECLARE_FINAL_TYPE (LedgerTask, ledger_task, LEDGER, TASK, LedgerNode)

const char *ledger_task_get_text             (LedgerTask *self);
const char *ledger_task_get_lead_unit        (LedgerTask *self);
const char *ledger_task_get_supporting_units (LedgerTask *self);
GPtrArray  *ledger_task_get_milestones       (LedgerTask *self);
GPtrArray  *ledger_task_get_sub_items        (LedgerTask *self);

G_END_DECLS
