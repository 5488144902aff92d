/* ledger-task-list.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ledger-plan.h"
#include "ledger-sheet.h"
#include "ledger-task-row.h"

G_BEGIN_DECLS

/* A 重点目标任务清单 read from a sheet: its header row, the column each
 * field is taken from, and every row as it will become an indicator of a
 * new plan (docs/task-list-format.md). */

#define LEDGER_TASK_LIST_ERROR (ledger_task_list_error_quark ())

typedef enum
{
  LEDGER_TASK_LIST_ERROR_NO_HEADER,   /* no row of the first ten names the columns */
  LEDGER_TASK_LIST_ERROR_REFUSED,     /* rows are refused: nothing is added */
  LEDGER_TASK_LIST_ERROR_EMPTY,       /* no row below the header */
  LEDGER_TASK_LIST_ERROR_PLAN,        /* the plan's code or title will not do */
} LedgerTaskListError;

/* How many rows down a header is looked for. */
#define LEDGER_TASK_LIST_HEADER_ROWS 10

#define LEDGER_TYPE_TASK_LIST (ledger_task_list_get_type ())

G_DECLARE_FINAL_TYPE (LedgerTaskList, ledger_task_list, LEDGER, TASK_LIST, GObject)

GQuark          ledger_task_list_error_quark     (void);
gboolean        ledger_task_list_is_plan_file    (GFile            *file,
                                                  gboolean         *is_plan_file,
                                                  GError          **error);
const char     *ledger_task_list_field_header    (LedgerTaskField   field);
LedgerTaskList *ledger_task_list_new             (LedgerSheet      *sheet,
                                                  GError          **error);
void            ledger_task_list_new_async       (GFile            *file,
                                                  const char       *sheet_name,
                                                  GCancellable     *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer          user_data);
LedgerTaskList *ledger_task_list_new_finish      (GAsyncResult     *result,
                                                  GError          **error);
LedgerSheet    *ledger_task_list_get_sheet       (LedgerTaskList   *self);
guint           ledger_task_list_get_header_row  (LedgerTaskList   *self);
const char     *ledger_task_list_get_column_title (LedgerTaskList  *self,
                                                  guint             column);
int             ledger_task_list_get_column      (LedgerTaskList   *self,
                                                  LedgerTaskField   field);
void            ledger_task_list_set_column      (LedgerTaskList   *self,
                                                  LedgerTaskField   field,
                                                  int               column);
int             ledger_task_list_get_year        (LedgerTaskList   *self);
int             ledger_task_list_get_last_year   (LedgerTaskList   *self);
void            ledger_task_list_set_year        (LedgerTaskList   *self,
                                                  int               year);
const char     *ledger_task_list_get_title       (LedgerTaskList   *self);
const char     *ledger_task_list_get_region      (LedgerTaskList   *self);
char           *ledger_task_list_dup_code        (LedgerTaskList   *self);
GListModel     *ledger_task_list_get_rows        (LedgerTaskList   *self);
guint           ledger_task_list_count_refused   (LedgerTaskList   *self);
void            ledger_task_list_count_nodes     (LedgerTaskList   *self,
                                                  guint            *n_areas,
                                                  guint            *n_tasks,
                                                  guint            *n_indicators);
LedgerPlan     *ledger_task_list_build_plan      (LedgerTaskList   *self,
                                                  const char       *code,
                                                  const char       *title,
                                                  int               first_year,
                                                  int               last_year,
                                                  GError          **error);

G_END_DECLS
