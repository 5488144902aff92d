/* ledger-number.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ledger-indicator.h"

G_BEGIN_DECLS

#define LEDGER_NUMBER_ERROR (ledger_number_error_quark ())

typedef enum
{
  LEDGER_NUMBER_ERROR_INVALID,
} LedgerNumberError;

GQuark   ledger_number_error_quark (void);
gboolean ledger_number_parse       (const char  *text,
                                    const char  *unit,
                                    double      *value,
                                    GError     **error);

typedef enum
{
  LEDGER_NUMBER_FILE,
  LEDGER_NUMBER_TYPED,
} LedgerNumberFlags;

gboolean ledger_number_parse_for   (LedgerIndicator   *indicator,
                                    const char        *text,
                                    LedgerNumberFlags  flags,
                                    double            *value,
                                    GError           **error);

char    *ledger_number_fold        (const char  *text);

G_END_DECLS
