/* ledger-milestone.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A milestone (时间节点) of a task or an indicator: what is due by a date,
 * and once done, when and with what note (docs/domain.md, Follow-up). */
typedef struct
{
  char   *uuid;
  char   *owner_uuid;  /* the task's or the indicator's */
  char   *due;         /* YYYY-MM-DD */
  char   *what;
  double  share;       /* the part of the year's target due by then, in percent, or NAN */
  char   *done_on;     /* YYYY-MM-DD, or "" while open */
  char   *note;
} LedgerMilestone;

#define LEDGER_TYPE_MILESTONE (ledger_milestone_get_type ())

GType            ledger_milestone_get_type        (void) G_GNUC_CONST;
LedgerMilestone *ledger_milestone_new             (const char            *uuid,
                                                   const char            *owner_uuid,
                                                   const char            *due,
                                                   const char            *what);
LedgerMilestone *ledger_milestone_copy            (const LedgerMilestone *self);
void             ledger_milestone_free            (LedgerMilestone       *self);
void             ledger_milestone_set_done        (LedgerMilestone       *self,
                                                   const char            *done_on,
                                                   const char            *note);
gboolean         ledger_milestone_is_done         (const LedgerMilestone *self);
gboolean         ledger_milestone_is_overdue      (const LedgerMilestone *self,
                                                   const char            *today);
char            *ledger_milestones_custom_shares  (GPtrArray             *milestones);
char            *ledger_follow_up_reference_date  (const char            *as_of,
                                                   GDateTime             *now);
gboolean         ledger_date_is_valid             (const char            *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerMilestone, ledger_milestone_free)

G_END_DECLS
