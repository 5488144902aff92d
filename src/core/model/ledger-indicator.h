/* ledger-indicator.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ledger-milestone.h"
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
  LEDGER_BETTER_NONE,   /* 稳定在…左右: off the target either way is off */
} LedgerBetter;

/* How much of the year's target is due by a period (docs/plan-format.md). */
typedef enum
{
  LEDGER_PROFILE_LINEAR,     /* 序时进度: month m of 12 */
  LEDGER_PROFILE_SEASONAL,   /* as the base year's figures went */
  LEDGER_PROFILE_CUSTOM,     /* shares by month the office sets */
  LEDGER_PROFILE_YEAR_END,   /* assessed at year end only */
  LEDGER_PROFILE_MILESTONE,  /* a one-off result due by a month */
} LedgerProfile;

/* Whether January is released on its own or only with February (1-2月). */
typedef enum
{
  LEDGER_JANUARY_COMBINED,
  LEDGER_JANUARY_SEPARATE,
} LedgerJanuary;

/* The report's word for the target: 确保 (firm) or 力争 (strive). */
typedef enum
{
  LEDGER_COMMITMENT_NONE,
  LEDGER_COMMITMENT_FIRM,
  LEDGER_COMMITMENT_STRIVE,
} LedgerCommitment;

#define LEDGER_CUSTOM_SHARES_MAX 12

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
const char       *ledger_indicator_get_supporting_units (LedgerIndicator *self);
GPtrArray        *ledger_indicator_get_milestones       (LedgerIndicator *self);
GPtrArray        *ledger_indicator_get_region_targets   (LedgerIndicator *self);
const char       *ledger_indicator_get_notes            (LedgerIndicator  *self);
const char       *ledger_indicator_get_source_text      (LedgerIndicator  *self);
LedgerProfile     ledger_indicator_get_profile          (LedgerIndicator  *self);
const char       *ledger_indicator_get_custom_shares    (LedgerIndicator  *self);
int               ledger_indicator_get_due_month        (LedgerIndicator  *self);
LedgerJanuary     ledger_indicator_get_january          (LedgerIndicator  *self);
LedgerCommitment  ledger_indicator_get_commitment       (LedgerIndicator  *self);
gboolean          ledger_indicator_get_unit_confirmed   (LedgerIndicator  *self);
void              ledger_indicator_copy_schedule        (LedgerIndicator  *self,
                                                         LedgerIndicator  *from);
LedgerIndicator  *ledger_indicator_copy_with_target     (LedgerIndicator  *self,
                                                         double            target);
gboolean          ledger_indicator_has_period           (LedgerIndicator  *self,
                                                         const LedgerPeriod *period);
GPtrArray        *ledger_indicator_list_periods         (LedgerIndicator  *self,
                                                         int               first_year,
                                                         int               last_year);
gboolean          ledger_schedule_has_period            (LedgerFrequency   frequency,
                                                         LedgerJanuary     january,
                                                         const LedgerPeriod *period);
double            ledger_indicator_custom_share         (LedgerIndicator  *self,
                                                         int               month);
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
const char       *ledger_profile_to_string              (LedgerProfile     profile);
gboolean          ledger_profile_from_string            (const char       *string,
                                                         LedgerProfile    *profile);
const char       *ledger_january_to_string              (LedgerJanuary     january);
gboolean          ledger_january_from_string            (const char       *string,
                                                         LedgerJanuary    *january);
const char       *ledger_commitment_to_string           (LedgerCommitment  commitment);
gboolean          ledger_commitment_from_string         (const char       *string,
                                                         LedgerCommitment *commitment);
gboolean          ledger_custom_shares_parse            (const char       *text,
                                                         int              *months,
                                                         double           *shares,
                                                         guint            *n_points,
                                                         GError          **error);
gboolean          ledger_indicator_code_is_valid        (const char       *code);
char             *ledger_format_number                  (double            value);

G_END_DECLS
