/* ledger-progress.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ledger-entry-check.h"
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
  LEDGER_STATUS_PENDING,    /* 未到考核期: a year-end or milestone target before its time */
  LEDGER_STATUS_OVERDUE,    /* 逾期: a milestone past due and not done (docs/domain.md, Follow-up) */
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
  LedgerCheckLimits checks; /* the checks on entry (docs/monthly-cycle.md) */
  gboolean due_skip_weekends;/* a due date on a Saturday or Sunday moves to the Monday */
  double roll_up;           /* the city's figure and its regions' sum may differ by 0.01 of it */
} LedgerTolerances;

/* The base year's figures (同期) a value is read against: the same
 * period of the year before and that year's whole year, NAN where the
 * ledger has none. For a rate they are the totals the rate grows on. */
typedef struct
{
  double same_period;
  double full_year;
} LedgerBaseYear;

/* How an indicator stands as of a period. */
typedef struct
{
  LedgerStatus status;
  double       pace;        /* cumulative: the share of the target due by the value's period by
                               its profile (序时进度 when linear); NAN for rates and levels, and
                               for a total not yet assessed (pending) */
  double       expected;    /* what is due by the value's period: target × the profile's share
                               (the target itself for a rate, a linear level, or without a value) */
  double       progress;    /* value / target: share of the year's target, NAN without a value */
  double       gap;         /* cumulative: points ahead (+) or behind (−) pace, (progress − pace) × 100;
                               rate and level: value − target; NAN without a value */
  gboolean     stale;       /* the value is from an earlier period than the one asked for */
  double       base_value;  /* the base year's figure of the value's period (同期), else NAN */
  double       yoy;         /* cumulative: percent growth on base_value (同比), else NAN */
  double       projection;  /* cumulative: the year's total at this rate (预计全年), else NAN */
  double       growth_needed; /* rate: percent growth the rest of the year needs to reach the
                                 target (后续需增长), else NAN */
  double       projection_shortfall; /* cumulative: how far the projection falls short of the
                                        target beyond its band, as a share of the target; more
                                        than 0: the total may miss the year. Else 0 */
  gboolean     pace_fallback;       /* seasonal without the base year's figures: paced by months */
  gboolean     projection_fallback; /* projected by months, without the base year's figures */
} LedgerProgress;

void           ledger_tolerances_init_default (LedgerTolerances        *tolerances);
void           ledger_tolerances_widths       (const LedgerTolerances  *tolerances,
                                               LedgerIndicator         *indicator,
                                               double                  *about,
                                               double                  *warning);
LedgerProgress ledger_progress_none           (void);
LedgerProgress ledger_progress_evaluate       (LedgerIndicator         *indicator,
                                               LedgerValue             *value,
                                               const char              *as_of,
                                               const LedgerTolerances  *tolerances);
LedgerProgress ledger_progress_evaluate_with_base (LedgerIndicator     *indicator,
                                               LedgerValue             *value,
                                               const char              *as_of,
                                               const LedgerBaseYear    *base,
                                               const LedgerTolerances  *tolerances);
/* Returns: (transfer full) (nullable): the indicator's value of @period */
typedef LedgerValue *(*LedgerValueLookup) (const char *period,
                                           gpointer    user_data);

LedgerBaseYear ledger_base_year_read          (const char              *period,
                                               LedgerValueLookup        lookup,
                                               gpointer                 user_data);
LedgerBaseYear ledger_base_year_among         (GListModel              *values,
                                               const char              *period);
LedgerProgress ledger_progress_evaluate_among (LedgerIndicator         *indicator,
                                               LedgerValue             *value,
                                               GListModel              *values,
                                               const char              *as_of,
                                               const LedgerTolerances  *tolerances);
LedgerBetter   ledger_progress_judged_better  (LedgerIndicator         *indicator);
void           ledger_progress_clear_inapplicable (LedgerIndicator     *indicator,
                                                   LedgerProgress      *progress);
gboolean       ledger_progress_base_periods   (const char              *period,
                                               char                   **same_period,
                                               char                   **full_year);
double         ledger_progress_due_share      (LedgerIndicator         *indicator,
                                               int                      month,
                                               const LedgerBaseYear    *base,
                                               gboolean                *fallback);
gboolean       ledger_progress_due_line       (LedgerIndicator         *indicator,
                                               GListModel              *values,
                                               int                      year,
                                               double                   due[13]);
char          *ledger_progress_indicator_period (LedgerIndicator       *indicator,
                                                 const char            *as_of);
char          *ledger_progress_dup_gap_text   (LedgerIndicator         *indicator,
                                               const LedgerProgress    *progress);
LedgerStatus   ledger_status_bucket           (LedgerStatus             status);
const char    *ledger_status_to_string        (LedgerStatus             status);
gboolean       ledger_status_needs_attention  (LedgerStatus             status);
int            ledger_status_compare_severity (LedgerStatus             a,
                                               LedgerStatus             b);
gboolean       ledger_status_from_string      (const char              *string,
                                               LedgerStatus            *status);

G_END_DECLS
