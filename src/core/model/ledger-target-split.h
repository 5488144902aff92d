/* ledger-target-split.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LEDGER_TARGET_SPLIT_ERROR (ledger_target_split_error_quark ())

typedef enum
{
  LEDGER_TARGET_SPLIT_ERROR_TARGET,           /* the city's target is not a number */
  LEDGER_TARGET_SPLIT_ERROR_NEGATIVE_WEIGHT,  /* a region's weight is below zero */
  LEDGER_TARGET_SPLIT_ERROR_NO_WEIGHTS,       /* no region has a weight above zero */
} LedgerTargetSplitError;

/* The three ways a city's target becomes the regions' (分解目标). */
typedef enum
{
  LEDGER_SPLIT_BY_HAND,     /* the office types each region's */
  LEDGER_SPLIT_BY_WEIGHTS,  /* the total shared out by the regions' weights */
  LEDGER_SPLIT_COPY,        /* each region has the city's: rates and levels */
} LedgerSplitWay;

GQuark     ledger_target_split_error_quark (void);
guint      ledger_target_decimals          (double      target);
GPtrArray *ledger_target_split_by_weights  (double      target,
                                            GPtrArray  *regions,
                                            GError    **error);
GPtrArray *ledger_target_split_copy        (double      target,
                                            GPtrArray  *regions);
double     ledger_target_split_sum         (GPtrArray  *targets);

G_END_DECLS
