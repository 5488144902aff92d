/* ledger-target-text.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ledger-indicator.h"

G_BEGIN_DECLS

/* What a target's words say: "新增城镇就业4.3万人以上" is 4.3, 万人,
 * at least. Full-width digits are read as digits; a range "6%-7%" is its
 * lower bound, at least. docs/task-list-format.md lists the words. */
typedef struct
{
  gboolean          has_number;
  double            number;
  gboolean          is_range;
  double            upper;        /* with is_range */
  char             *unit;         /* "" when none is written */
  LedgerComparator  comparator;   /* none without a number */
  LedgerBetter      better;
  LedgerCommitment  commitment;
} LedgerTargetText;

void       ledger_target_text_parse      (LedgerTargetText       *self,
                                          const char             *text);
void       ledger_target_text_clear      (LedgerTargetText       *self);
LedgerKind ledger_target_text_guess_kind (const LedgerTargetText *self,
                                          const char             *words);

G_END_DECLS
