/* ledger-deadline.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LEDGER_DEADLINE_ERROR (ledger_deadline_error_quark ())

typedef enum
{
  LEDGER_DEADLINE_ERROR_NO_DATE,
} LedgerDeadlineError;

/* One 时间节点 of a task: the day it is due and the words that say what
 * is due then ("6月底前完成方案"). */
typedef struct
{
  GDate  date;
  char  *words;
} LedgerDeadline;

GQuark  ledger_deadline_error_quark (void);
GArray *ledger_deadline_parse       (const char  *text,
                                     int          year,
                                     GError     **error);
char   *ledger_deadline_format      (const GDate *date);

G_END_DECLS
