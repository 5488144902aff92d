/* ledger-follow-up-view.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ledger-context.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_FOLLOW_UP_VIEW (ledger_follow_up_view_get_type ())

G_DECLARE_FINAL_TYPE (LedgerFollowUpView, ledger_follow_up_view, LEDGER, FOLLOW_UP_VIEW, GtkBox)

GtkWidget *ledger_follow_up_view_new (LedgerContext   *context,
                                      LedgerPlan      *plan,
                                      LedgerIndicator *indicator);

G_END_DECLS
