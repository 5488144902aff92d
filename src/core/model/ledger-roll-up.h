/* ledger-roll-up.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A city's own figure of a period beside the sum of its regions' figures
 * of the same period (docs/regions.md, Roll-up). */
typedef struct
{
  gint64  indicator_id;
  char   *period;
  double  city;       /* the city's own figure */
  double  sum;        /* the sum of the figures of the regions counted in the total */
  guint   n_summed;   /* how many of them have a figure */
  guint   n_regions;  /* how many regions count in the total */
} LedgerRollUp;

LedgerRollUp *ledger_roll_up_new     (gint64              indicator_id,
                                      const char         *period,
                                      double              city,
                                      double              sum,
                                      guint               n_summed,
                                      guint               n_regions);
void          ledger_roll_up_free    (LedgerRollUp       *self);
gboolean      ledger_roll_up_differs (const LedgerRollUp *self,
                                      double              tolerance);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerRollUp, ledger_roll_up_free)

G_END_DECLS
