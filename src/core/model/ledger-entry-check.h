/* ledger-entry-check.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ledger-indicator.h"
#include "ledger-value.h"

G_BEGIN_DECLS

/* What looks wrong in a figure as it is entered (docs/monthly-cycle.md,
 * Checks on entry). A flagged figure is saved only with a note. */
typedef enum
{
  LEDGER_CHECK_OK,
  LEDGER_CHECK_CUMULATIVE_DROP,  /* a year-to-date total below the period before */
  LEDGER_CHECK_UNUSUAL_CHANGE,   /* a change far from the indicator's usual ones */
  LEDGER_CHECK_RATE_RANGE,       /* a rate in percent outside −50 … 50 */
  LEDGER_CHECK_LEVEL_OVER_100,   /* a level in percent above 100 */
} LedgerCheck;

/* The thresholds of the checks, as settings (Preferences → Monthly Cycle). */
typedef struct
{
  double times;       /* a change more than this many times the usual spread off the usual one: 5 */
  double rate_low;    /* a rate in percent below this: −50 */
  double rate_high;   /* … or above this: 50 */
  double level_high;  /* a level in percent above this: 100 */
} LedgerCheckLimits;

/* Changes needed before one is judged against them. */
#define LEDGER_CHECK_MIN_CHANGES  4

void         ledger_check_limits_init_default (LedgerCheckLimits *limits);
LedgerCheck  ledger_entry_check          (LedgerIndicator *indicator,
                                          GListModel      *history,
                                          LedgerValue     *value,
                                          const LedgerCheckLimits *limits);
LedgerCheck  ledger_entry_check_typed    (LedgerIndicator *indicator,
                                          GListModel      *history,
                                          LedgerValue     *value,
                                          const LedgerCheckLimits *limits);
char        *ledger_entry_check_describe (LedgerCheck      check,
                                          const LedgerCheckLimits *limits);
gboolean     ledger_entry_check_refuses  (LedgerCheck      check,
                                          LedgerValue     *value,
                                          const LedgerCheckLimits *limits,
                                          GError         **error);
double       ledger_median               (GArray          *numbers);

G_END_DECLS
