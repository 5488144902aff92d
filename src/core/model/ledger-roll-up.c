/* ledger-roll-up.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-roll-up"

#include "config.h"

#include <math.h>

#include "ledger-roll-up.h"

LedgerRollUp *
ledger_roll_up_new (gint64      indicator_id,
                    const char *period,
                    double      city,
                    double      sum,
                    guint       n_summed,
                    guint       n_regions)
{
  LedgerRollUp *self = g_new0 (LedgerRollUp, 1);

  self->indicator_id = indicator_id;
  self->period = g_strdup (period);
  self->city = city;
  self->sum = sum;
  self->n_summed = n_summed;
  self->n_regions = n_regions;
  return self;
}

void
ledger_roll_up_free (LedgerRollUp *self)
{
  if (self == NULL)
    return;
  g_free (self->period);
  g_free (self);
}

/**
 * ledger_roll_up_differs:
 * @tolerance: the share of the city's figure the two may differ by (0.01)
 *
 * Whether the city's figure and its regions' disagree: with every region
 * reported, when the sum is off the city's figure by more than
 * @tolerance of it; with some missing, only when the regions' sum already
 * exceeds the city's by more than that: the totals summed are counts and
 * amounts, which the missing figures can only add to.
 */
gboolean
ledger_roll_up_differs (const LedgerRollUp *self,
                        double              tolerance)
{
  double allowed = tolerance * fabs (self->city);

  if (self->n_summed == 0 || !isfinite (self->city) || !isfinite (self->sum))
    return FALSE;
  /* Figures written to a few decimals: 1e-9 keeps rounding from warning. */
  allowed = MAX (allowed, 1e-9);
  if (self->n_summed >= self->n_regions)
    return fabs (self->sum - self->city) > allowed;
  return self->city >= 0 && self->sum - self->city > allowed;
}
