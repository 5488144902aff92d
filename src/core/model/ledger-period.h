/* ledger-period.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LEDGER_FREQUENCY_MONTHLY,
  LEDGER_FREQUENCY_QUARTERLY,
  LEDGER_FREQUENCY_ANNUAL,
} LedgerFrequency;

typedef enum
{
  LEDGER_PERIOD_MONTH,
  LEDGER_PERIOD_QUARTER,
  LEDGER_PERIOD_YEAR,
} LedgerPeriodType;

/* A year-to-date period: January through the end of a month, of a quarter
 * or of the whole year. */
typedef struct
{
  int              year;
  LedgerPeriodType type;
  int              index; /* month 1–12, quarter 1–4, 0 for a year */
} LedgerPeriod;

gboolean     ledger_period_parse          (const char         *code,
                                           LedgerPeriod       *period);
char        *ledger_period_to_code        (const LedgerPeriod *period);
char        *ledger_period_label          (const LedgerPeriod *period);
char        *ledger_period_code_label     (const char         *code);
int          ledger_period_end_month      (const LedgerPeriod *period);
double       ledger_period_pace           (const LedgerPeriod *period);
int          ledger_period_sort_key       (const LedgerPeriod *period);
int          ledger_period_last_sort_key  (const LedgerPeriod *period);
int          ledger_period_compare        (const LedgerPeriod *a,
                                           const LedgerPeriod *b);
gboolean     ledger_period_range_is_valid (const LedgerPeriod *from,
                                           const LedgerPeriod *to);
gboolean     ledger_period_in_range       (const LedgerPeriod *period,
                                           const LedgerPeriod *from,
                                           const LedgerPeriod *to);
GPtrArray   *ledger_frequency_periods     (LedgerFrequency     frequency,
                                           int                 first_year,
                                           int                 last_year);
gboolean     ledger_frequency_has_period  (LedgerFrequency     frequency,
                                           const LedgerPeriod *period);
char        *ledger_frequency_default_period (LedgerFrequency  frequency,
                                             int              first_year,
                                             int              last_year,
                                             GDateTime       *now);
GPtrArray   *ledger_period_as_of_choices  (int                 first_year,
                                           int                 last_year);
char        *ledger_period_as_of_label    (const char         *code);
char        *ledger_period_as_of_for      (const char         *period,
                                           int                 first_year,
                                           int                 last_year);
const char  *ledger_frequency_label     (LedgerFrequency     frequency);
const char  *ledger_frequency_to_string   (LedgerFrequency     frequency);
gboolean     ledger_frequency_from_string (const char         *string,
                                           LedgerFrequency    *frequency);

G_END_DECLS
