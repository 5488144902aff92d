/* ledger-indicator.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ledger-period.h"
#include "ledger-value.h"

G_BEGIN_DECLS

typedef enum
{
  LEDGER_KIND_CUMULATIVE,
  LEDGER_KIND_RATE,
  LEDGER_KIND_LEVEL,
  LEDGER_KIND_QUALITATIVE,
} LedgerKind;

typedef enum
{
  LEDGER_COMPARATOR_NONE,
  LEDGER_COMPARATOR_AT_LEAST,
  LEDGER_COMPARATOR_ABOUT,
  LEDGER_COMPARATOR_AT_MOST,
} LedgerComparator;

typedef enum
{
  LEDGER_BETTER_HIGHER,
  LEDGER_BETTER_LOWER,
} LedgerBetter;

#define LEDGER_TYPE_INDICATOR (ledger_indicator_get_type ())

G_DECLARE_FINAL_TYPE (LedgerIndicator, ledger_indicator, LEDGER, INDICATOR, GObject)

LedgerIndicator  *ledger_indicator_new                  (void);
gint64            ledger_indicator_get_id               (LedgerIndicator  *self);
void              ledger_indicator_set_id               (LedgerIndicator  *self,
                                                         gint64            id);
const char       *ledger_indicator_get_uuid             (LedgerIndicator  *self);
const char       *ledger_indicator_get_code             (LedgerIndicator  *self);
const char       *ledger_indicator_get_name             (LedgerIndicator  *self);
const char       *ledger_indicator_get_unit             (LedgerIndicator  *self);
LedgerKind        ledger_indicator_get_kind             (LedgerIndicator  *self);
LedgerComparator  ledger_indicator_get_comparator       (LedgerIndicator  *self);
LedgerBetter      ledger_indicator_get_better           (LedgerIndicator  *self);
double            ledger_indicator_get_target           (LedgerIndicator  *self);
LedgerFrequency   ledger_indicator_get_frequency        (LedgerIndicator  *self);
const char       *ledger_indicator_get_responsible_unit (LedgerIndicator  *self);
const char       *ledger_indicator_get_notes            (LedgerIndicator  *self);
const char       *ledger_indicator_get_source_text      (LedgerIndicator  *self);
char             *ledger_indicator_dup_target_text      (LedgerIndicator  *self);
char             *ledger_indicator_format_value         (LedgerIndicator  *self,
                                                         double            value);
char             *ledger_indicator_describe_value       (LedgerIndicator  *self,
                                                         LedgerValue      *value);

const char       *ledger_kind_to_string                 (LedgerKind        kind);
gboolean          ledger_kind_from_string               (const char       *string,
                                                         LedgerKind       *kind);
const char       *ledger_comparator_to_string           (LedgerComparator  comparator);
gboolean          ledger_comparator_from_string         (const char       *string,
                                                         LedgerComparator *comparator);
const char       *ledger_better_to_string               (LedgerBetter      better);
gboolean          ledger_better_from_string             (const char       *string,
                                                         LedgerBetter     *better);
gboolean          ledger_indicator_code_is_valid        (const char       *code);
char             *ledger_format_number                  (double            value);

G_END_DECLS
