/* ledger-progress.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-indicator.h"
#include "ledger-value.h"

G_BEGIN_DECLS

typedef enum
{
  LEDGER_STATUS_NO_DATA,
  LEDGER_STATUS_BEHIND,
  LEDGER_STATUS_WARNING,
  LEDGER_STATUS_ON_TRACK,
  LEDGER_STATUS_ACHIEVED,
  LEDGER_STATUS_NOT_STARTED,
  LEDGER_STATUS_IN_PROGRESS,
  LEDGER_STATUS_DONE,
  LEDGER_N_STATUSES
} LedgerStatus;

/* The bands of docs/domain.md (Tolerances), as settings. */
typedef struct
{
  double about_points;      /* an `about` target's band for percent figures: 0.5 point */
  double about_share;       /* … and for others, as a share of the target: 0.05 */
  double warning_points;    /* the warning band of rates and levels in percent: 1 point */
  double warning_share;     /* … and as a share of the target: 0.10 */
  double cumulative_warning;/* a cumulative figure is on warning down to 0.9 of expected */
} LedgerTolerances;

/* How an indicator stands as of a period. */
typedef struct
{
  LedgerStatus status;
  double       pace;        /* 序时进度 of the value's period (cumulative), else NAN */
  double       expected;    /* what is due by the value's period (target × pace), else the target */
  double       progress;    /* value / target: share of the year's target, NAN without a value */
  double       gap;         /* cumulative: points ahead (+) or behind (−) pace, (progress − pace) × 100;
                               rate and level: value − target; NAN without a value */
  gboolean     stale;       /* the value is from an earlier period than the one asked for */
} LedgerProgress;

void           ledger_tolerances_init_default (LedgerTolerances        *tolerances);
void           ledger_tolerances_widths       (const LedgerTolerances  *tolerances,
                                               LedgerIndicator         *indicator,
                                               double                  *about,
                                               double                  *warning);
LedgerProgress ledger_progress_evaluate       (LedgerIndicator         *indicator,
                                               LedgerValue             *value,
                                               const char              *as_of,
                                               const LedgerTolerances  *tolerances);
char          *ledger_progress_indicator_period (LedgerIndicator       *indicator,
                                                 const char            *as_of);
char          *ledger_progress_dup_gap_text   (LedgerIndicator         *indicator,
                                               const LedgerProgress    *progress);
LedgerStatus   ledger_status_bucket           (LedgerStatus             status);
const char    *ledger_status_to_string        (LedgerStatus             status);
gboolean       ledger_status_from_string      (const char              *string,
                                               LedgerStatus            *status);

G_END_DECLS
