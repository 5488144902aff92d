/* ledger-store-cycle.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-due.h"
#include "ledger-entry-check.h"
#include "ledger-store.h"

G_BEGIN_DECLS

/* How far the office has got with a plan's month (docs/monthly-cycle.md). */
typedef enum
{
  LEDGER_PERIOD_OPEN,
  LEDGER_PERIOD_REVIEWED,  /* 审核: checked, still open to writes */
  LEDGER_PERIOD_CLOSED,    /* 锁定: refuses every write until reopened */
} LedgerPeriodState;

const char        *ledger_period_state_to_string   (LedgerPeriodState  state);
gboolean           ledger_period_state_from_string (const char        *string,
                                                    LedgerPeriodState *state);
char              *ledger_period_month_of          (const char        *period);
LedgerPeriodState  ledger_store_get_period_state   (LedgerStore       *self,
                                                    gint64             plan_id,
                                                    const char        *period);
gboolean           ledger_store_set_period_state   (LedgerStore       *self,
                                                    gint64             plan_id,
                                                    const char        *period,
                                                    LedgerPeriodState  state,
                                                    const char        *reason,
                                                    GError           **error);
int                ledger_store_get_due_day        (LedgerStore       *self,
                                                    gint64             plan_id,
                                                    LedgerDueScope     scope,
                                                    const char        *name);
gboolean           ledger_store_set_due_day        (LedgerStore       *self,
                                                    gint64             plan_id,
                                                    LedgerDueScope     scope,
                                                    const char        *name,
                                                    int                day,
                                                    GError           **error);
GPtrArray         *ledger_store_list_due_figures   (LedgerStore       *self,
                                                    LedgerPlan        *plan,
                                                    const char        *as_of,
                                                    gboolean           skip_weekends,
                                                    GError           **error);

GPtrArray         *ledger_store_list_flagged       (LedgerStore       *self,
                                                    GPtrArray         *figures,
                                                    const LedgerCheckLimits *limits,
                                                    GArray           **checks);

G_END_DECLS
