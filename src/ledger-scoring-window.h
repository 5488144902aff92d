/* ledger-scoring-window.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ledger-context.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_SCORING_WINDOW (ledger_scoring_window_get_type ())

G_DECLARE_FINAL_TYPE (LedgerScoringWindow, ledger_scoring_window, LEDGER, SCORING_WINDOW, AdwPreferencesWindow)

LedgerScoringWindow *ledger_scoring_window_new            (GtkWindow           *parent,
                                                           LedgerContext       *context,
                                                           LedgerPlan          *plan,
                                                           GPtrArray           *ranked);
gboolean             ledger_scoring_window_add_adjustment (LedgerScoringWindow *self);
gboolean             ledger_scoring_window_select_subject (LedgerScoringWindow *self,
                                                           const char          *subject);

G_END_DECLS
