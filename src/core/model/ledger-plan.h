/* ledger-plan.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-indicator.h"
#include "ledger-node.h"
#include "ledger-region.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_PLAN (ledger_plan_get_type ())

G_DECLARE_FINAL_TYPE (LedgerPlan, ledger_plan, LEDGER, PLAN, LedgerNode)

typedef void (*LedgerIndicatorFunc) (LedgerNode      *area,
                                     LedgerNode      *task,
                                     LedgerIndicator *indicator,
                                     gpointer         user_data);

const char *ledger_plan_get_code       (LedgerPlan *self);
const char *ledger_plan_get_region     (LedgerPlan *self);
const char *ledger_plan_get_source     (LedgerPlan *self);
int         ledger_plan_get_first_year (LedgerPlan *self);
int         ledger_plan_get_last_year  (LedgerPlan *self);
gboolean    ledger_plan_covers_year    (LedgerPlan *self,
                                        int         year);
gboolean    ledger_plan_holds_year     (LedgerPlan *self,
                                        int         year);
gboolean    ledger_plan_years_hold     (int         first_year,
                                        int         last_year,
                                        int         year);
guint       ledger_plan_count_indicators  (LedgerPlan          *self);
void        ledger_plan_foreach_indicator (LedgerPlan          *self,
                                           LedgerIndicatorFunc  func,
                                           gpointer             user_data);

void        ledger_plan_set_due_day       (LedgerPlan          *self,
                                           const char          *key,
                                           int                  day);
int         ledger_plan_get_due_day       (LedgerPlan          *self,
                                           const char          *key);
GPtrArray  *ledger_plan_list_due_keys     (LedgerPlan          *self);

GPtrArray  *ledger_plan_get_regions       (LedgerPlan          *self);
const LedgerRegion *ledger_plan_get_for_region (LedgerPlan       *self);
void        ledger_plan_set_for_region    (LedgerPlan          *self,
                                           const LedgerRegion  *region);
LedgerPlan *ledger_plan_find              (GPtrArray           *plans,
                                           const char          *code);

G_END_DECLS
