/* ledger-context.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-progress.h"
#include "ledger-store.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_CONTEXT (ledger_context_get_type ())

G_DECLARE_FINAL_TYPE (LedgerContext, ledger_context, LEDGER, CONTEXT, GObject)

LedgerContext          *ledger_context_new              (LedgerStore            *store);
LedgerStore            *ledger_context_get_store        (LedgerContext          *self);
const char             *ledger_context_get_as_of        (LedgerContext          *self);
void                    ledger_context_set_as_of        (LedgerContext          *self,
                                                         const char             *as_of);
void                    ledger_context_follow_default_as_of (LedgerContext      *self,
                                                         LedgerPlan             *plan);
gboolean                ledger_context_get_as_of_is_default (LedgerContext      *self);
const LedgerTolerances *ledger_context_get_tolerances   (LedgerContext          *self);
void                    ledger_context_set_tolerances   (LedgerContext          *self,
                                                         const LedgerTolerances *tolerances);
LedgerMilestone        *ledger_context_find_missed_milestone (LedgerContext *self,
                                                         LedgerIndicator        *indicator);
char                   *ledger_context_dup_reference_day (LedgerContext     *self);
void                    ledger_context_set_today        (LedgerContext          *self,
                                                         GDateTime              *today);
LedgerProgress          ledger_context_evaluate         (LedgerContext          *self,
                                                         LedgerIndicator        *indicator,
                                                         LedgerValue           **value);
LedgerProgress          ledger_context_evaluate_value   (LedgerContext          *self,
                                                         LedgerIndicator        *indicator,
                                                         LedgerValue            *value,
                                                         const char             *period);

LedgerRollUp           *ledger_context_find_roll_up_gap (LedgerContext          *self,
                                                         LedgerIndicator        *indicator);
GObject                *ledger_context_lookup_derived   (LedgerContext          *self,
                                                         const char             *key);
void                    ledger_context_keep_derived     (LedgerContext          *self,
                                                         const char             *key,
                                                         GObject                *object);
void                    ledger_context_count_statuses   (LedgerContext          *self,
                                                         LedgerNode             *node,
                                                         guint                   counts[LEDGER_N_STATUSES]);

G_END_DECLS
