/* ledger-city-figures.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-store.h"

G_BEGIN_DECLS

#define LEDGER_TYPE_CITY_FIGURES (ledger_city_figures_get_type ())

G_DECLARE_FINAL_TYPE (LedgerCityFigures, ledger_city_figures, LEDGER, CITY_FIGURES, GObject)

LedgerCityFigures *ledger_city_figures_new          (LedgerStore        *store);
LedgerValue       *ledger_city_figures_get          (LedgerCityFigures  *self,
                                                     gint64              indicator_id,
                                                     const char         *period);
LedgerValue       *ledger_city_figures_get_latest   (LedgerCityFigures  *self,
                                                     gint64              indicator_id,
                                                     const LedgerPeriod *as_of);
void               ledger_city_figures_forget       (LedgerCityFigures  *self,
                                                     gint64              indicator_id);

G_END_DECLS
