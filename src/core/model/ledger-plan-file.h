/* ledger-plan-file.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ledger-indicator.h"
#include "ledger-plan.h"
#include "ledger-sub-item.h"

G_BEGIN_DECLS

#define LEDGER_PLAN_FILE_ERROR (ledger_plan_file_error_quark ())
#define LEDGER_PLAN_FILE_FORMAT 3

typedef enum
{
  LEDGER_PLAN_FILE_ERROR_SYNTAX,
  LEDGER_PLAN_FILE_ERROR_INVALID,
} LedgerPlanFileError;

GQuark     ledger_plan_file_error_quark (void);
GPtrArray *ledger_plan_file_parse       (const char  *data,
                                         gssize       length,
                                         GError     **error);
GPtrArray *ledger_plan_file_load        (GFile       *file,
                                         GError     **error);
GPtrArray *ledger_plan_file_load_builtin (const char *name,
                                          GError    **error);
char      *ledger_plan_file_to_data     (GPtrArray   *plans);
char      *ledger_plan_file_indicator_to_json (LedgerIndicator *indicator);
char      *ledger_plan_file_milestone_to_json (const LedgerMilestone *milestone);
char      *ledger_plan_file_sub_item_to_json  (const LedgerSubItem   *item);

G_END_DECLS
