/* ledger-period-words.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-period.h"

G_BEGIN_DECLS

/* Periods as offices write them (docs/csv-format.md): 1-6月, 上半年,
 * 2026年一季度, 2026.06 … read into the ledger's year-to-date codes, for
 * an indicator of a given frequency. */

#define LEDGER_PERIOD_ERROR (ledger_period_error_quark ())

typedef enum
{
  LEDGER_PERIOD_ERROR_INVALID,    /* not a period */
  LEDGER_PERIOD_ERROR_NO_YEAR,    /* no year written, and none to assume */
  LEDGER_PERIOD_ERROR_AMBIGUOUS,  /* one month or quarter alone, or from January? */
  LEDGER_PERIOD_ERROR_FREQUENCY,  /* not a period of the indicator's frequency */
} LedgerPeriodError;

/* How a period was written. */
typedef enum
{
  LEDGER_PERIOD_WORDING_CODE,     /* 2026-06, 2026.06, 2026/6, 2026-Q2, Q2, 2026 */
  LEDGER_PERIOD_WORDING_MONTH,    /* 6月, 2026年6月: June alone, or January to June */
  LEDGER_PERIOD_WORDING_MONTHS,   /* 1-6月, 1-2月 */
  LEDGER_PERIOD_WORDING_QUARTER,  /* 一季度, 上半年, 前三季度 */
  LEDGER_PERIOD_WORDING_ONE_QUARTER, /* 二季度: the quarter alone, or to its end */
  LEDGER_PERIOD_WORDING_YEAR,     /* 2026年, 全年, 年度 */
} LedgerPeriodWording;

typedef struct
{
  int                 year;       /* 0 if none is written */
  int                 end_month;  /* the period runs from January to this month */
  LedgerPeriodWording wording;
} LedgerPeriodWords;

GQuark    ledger_period_error_quark  (void);
gboolean  ledger_period_words_parse  (const char        *text,
                                      LedgerPeriodWords *words);
char     *ledger_period_words_to_code (const char       *text,
                                      LedgerFrequency    frequency,
                                      int                default_year,
                                      GError           **error);

G_END_DECLS
