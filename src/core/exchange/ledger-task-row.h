/* ledger-task-row.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-indicator.h"
#include "ledger-task.h"

G_BEGIN_DECLS

/* The columns of a 清单 the importer knows (docs/task-list-format.md). */
typedef enum
{
  LEDGER_TASK_FIELD_NUMBER,       /* 序号 */
  LEDGER_TASK_FIELD_AREA,         /* 领域 */
  LEDGER_TASK_FIELD_AREA_SHORT,   /* 领域简称 */
  LEDGER_TASK_FIELD_TASK,         /* 重点任务 */
  LEDGER_TASK_FIELD_TASK_TEXT,    /* 任务内容 */
  LEDGER_TASK_FIELD_NAME,         /* 指标名称 */
  LEDGER_TASK_FIELD_TARGET,       /* 具体目标 */
  LEDGER_TASK_FIELD_VALUE,        /* 目标值 */
  LEDGER_TASK_FIELD_UNIT,         /* 单位 */
  LEDGER_TASK_FIELD_LEAD,         /* 牵头单位 */
  LEDGER_TASK_FIELD_SUPPORT,      /* 配合单位 */
  LEDGER_TASK_FIELD_DEADLINE,     /* 完成时限 */
  LEDGER_TASK_FIELD_NOTES,        /* 备注 */
  LEDGER_TASK_FIELD_CODE,         /* 指标代码, and the plan's settings below */
  LEDGER_TASK_FIELD_KIND,
  LEDGER_TASK_FIELD_COMPARATOR,
  LEDGER_TASK_FIELD_BETTER,
  LEDGER_TASK_FIELD_COMMITMENT,
  LEDGER_TASK_FIELD_FREQUENCY,
  LEDGER_TASK_FIELD_PROFILE,
  LEDGER_TASK_FIELD_SHARES,
  LEDGER_TASK_FIELD_DUE_MONTH,
  LEDGER_TASK_FIELD_JANUARY,
  LEDGER_TASK_FIELD_CONFIRMED,
  LEDGER_TASK_FIELD_DONE,         /* 节点完成情况: the milestones done */
  LEDGER_TASK_FIELD_TASK_LEAD,    /* 任务牵头单位, and the task's own below */
  LEDGER_TASK_FIELD_TASK_SUPPORT,
  LEDGER_TASK_FIELD_TASK_DEADLINE,
  LEDGER_TASK_FIELD_TASK_DONE,
  LEDGER_TASK_FIELD_SUB_ITEMS,    /* 子项 */
  LEDGER_TASK_N_FIELDS
} LedgerTaskField;

#define LEDGER_TYPE_TASK_ROW (ledger_task_row_get_type ())

G_DECLARE_FINAL_TYPE (LedgerTaskRow, ledger_task_row, LEDGER, TASK_ROW, GObject)

LedgerTaskRow    *ledger_task_row_new                  (guint               line,
                                                        const char * const *cells,
                                                        gboolean            value_mapped,
                                                        int                 year);
guint             ledger_task_row_get_line             (LedgerTaskRow      *self);
const char       *ledger_task_row_get_cell             (LedgerTaskRow      *self,
                                                        LedgerTaskField     field);
const char       *ledger_task_row_get_area             (LedgerTaskRow      *self);
const char       *ledger_task_row_get_task             (LedgerTaskRow      *self);
const char       *ledger_task_row_get_name             (LedgerTaskRow      *self);
gboolean          ledger_task_row_has_target           (LedgerTaskRow      *self);
double            ledger_task_row_get_target           (LedgerTaskRow      *self);
const char       *ledger_task_row_get_unit             (LedgerTaskRow      *self);
LedgerComparator  ledger_task_row_get_comparator       (LedgerTaskRow      *self);
LedgerCommitment  ledger_task_row_get_commitment       (LedgerTaskRow      *self);
LedgerKind        ledger_task_row_get_kind             (LedgerTaskRow      *self);
const char       *ledger_task_row_get_lead             (LedgerTaskRow      *self);
const char * const *ledger_task_row_get_supporting     (LedgerTaskRow      *self);
GArray           *ledger_task_row_get_deadlines        (LedgerTaskRow      *self);
const char       *ledger_task_row_get_code             (LedgerTaskRow      *self);
void              ledger_task_row_set_code             (LedgerTaskRow      *self,
                                                        const char         *code);
char             *ledger_task_row_dup_code_base        (LedgerTaskRow      *self);
const char       *ledger_task_row_get_reason           (LedgerTaskRow      *self);
void              ledger_task_row_refuse               (LedgerTaskRow      *self,
                                                        const char         *reason);
LedgerIndicator  *ledger_task_row_to_indicator         (LedgerTaskRow      *self,
                                                        const char         *uuid);
LedgerTask       *ledger_task_row_to_task              (LedgerTaskRow      *self,
                                                        const char         *uuid);
char             *ledger_task_row_name_uuid            (const char         *code,
                                                        const char         *path);
double            ledger_task_row_read_share           (const char         *words);
char             *ledger_task_row_format_milestones    (GPtrArray          *milestones,
                                                        int                 year);
char             *ledger_task_row_format_done          (GPtrArray          *milestones);
char             *ledger_task_row_format_sub_items     (GPtrArray          *sub_items);

G_END_DECLS
