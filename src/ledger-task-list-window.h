/* ledger-task-list-window.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ledger-store.h"
#include "ledger-task-list.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_TASK_LIST_WINDOW (ledger_task_list_window_get_type ())

G_DECLARE_FINAL_TYPE (LedgerTaskListWindow, ledger_task_list_window, LEDGER, TASK_LIST_WINDOW, AdwWindow)

LedgerTaskListWindow *ledger_task_list_window_new       (GtkWindow            *parent,
                                                         LedgerStore          *store,
                                                         GFile                *file);
LedgerTaskList       *ledger_task_list_window_get_list  (LedgerTaskListWindow *self);
const char           *ledger_task_list_window_get_state (LedgerTaskListWindow *self);
void                  ledger_task_list_window_set_column (LedgerTaskListWindow *self,
                                                         LedgerTaskField       field,
                                                         int                   column);

G_END_DECLS
