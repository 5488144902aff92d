/* ledger-indicator-index.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-import-row.h"
#include "ledger-period.h"
#include "ledger-store.h"

G_BEGIN_DECLS

/* How a file names an indicator. */
typedef enum
{
  LEDGER_INDICATOR_BY_CODE,
  LEDGER_INDICATOR_BY_NAME,
} LedgerIndicatorKey;

/* Whether an indicator takes a value of a period. */
typedef enum
{
  LEDGER_INDICATOR_TAKES,           /* it does */
  LEDGER_INDICATOR_NOT_ITS_PERIOD,  /* it is reported otherwise (monthly, quarterly…) */
  LEDGER_INDICATOR_OUTSIDE_YEARS,   /* the period is not of its plan's years or base year */
} LedgerIndicatorFit;

typedef struct _LedgerIndicatorIndex LedgerIndicatorIndex;

LedgerIndicatorIndex *ledger_indicator_index_new       (LedgerStore           *store,
                                                        GError               **error);
void                  ledger_indicator_index_free      (LedgerIndicatorIndex  *self);
LedgerIndicator      *ledger_indicator_index_find      (LedgerIndicatorIndex  *self,
                                                        LedgerIndicatorKey     by,
                                                        const char            *plan,
                                                        const char            *key,
                                                        const LedgerPeriod    *period,
                                                        char                 **reason);
char                 *ledger_indicator_index_fold_name (const char          *name);
LedgerIndicator      *ledger_indicator_index_find_uuid (LedgerIndicatorIndex  *self,
                                                        const char            *uuid);
LedgerIndicatorFit    ledger_indicator_index_fit       (LedgerIndicatorIndex  *self,
                                                        LedgerIndicator       *indicator,
                                                        const LedgerPeriod    *period);
LedgerValue          *ledger_indicator_index_get_value (LedgerIndicatorIndex  *self,
                                                        LedgerIndicator       *indicator,
                                                        const char            *period);
LedgerImportAction    ledger_indicator_index_classify  (LedgerIndicatorIndex  *self,
                                                        LedgerIndicator       *indicator,
                                                        LedgerValue           *value,
                                                        LedgerValue          **old);
LedgerValue          *ledger_indicator_index_get_cell  (LedgerIndicatorIndex  *self,
                                                        LedgerIndicator       *indicator,
                                                        const char            *region,
                                                        const char            *period);
GListModel           *ledger_indicator_index_get_history (LedgerIndicatorIndex *self,
                                                        LedgerIndicator       *indicator,
                                                        const char            *region);
LedgerPlan           *ledger_indicator_index_get_plan  (LedgerIndicatorIndex  *self,
                                                        LedgerIndicator       *indicator);
const LedgerRegion   *ledger_indicator_index_find_region (LedgerIndicatorIndex *self,
                                                        LedgerIndicator       *indicator,
                                                        const char            *code_or_name,
                                                        char                 **reason);

char                 *ledger_region_not_found_reason   (LedgerPlan            *plan,
                                                        GPtrArray             *regions,
                                                        const char            *written);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerIndicatorIndex, ledger_indicator_index_free)

G_END_DECLS
