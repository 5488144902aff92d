/* ledger-due.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ledger-indicator.h"
#include "ledger-period.h"

G_BEGIN_DECLS

/* What a due day is set for. */
typedef enum
{
  LEDGER_DUE_FOR_FREQUENCY,  /* name: monthly, quarterly or annual */
  LEDGER_DUE_FOR_UNIT,       /* name: the responsible unit */
  LEDGER_DUE_FOR_INDICATOR,  /* name: the indicator's code */
} LedgerDueScope;

/* One figure a unit owes for a period (docs/monthly-cycle.md). */
typedef struct
{
  gint64           indicator_id;
  LedgerIndicator *indicator;
  char   *code;       /* the indicator's */
  char   *unit;       /* its responsible unit, "" for none */
  char   *period;     /* the figure's own period code */
  GDate   due;        /* the day it is due by */
  GDate   recorded;   /* when it was first recorded; invalid: not received */
} LedgerDueFigure;

/* A unit's figures due for a period, or the office's (unit ""). */
typedef struct
{
  char  *unit;
  guint  due;
  guint  received;
  guint  on_time;
  int    days_late;   /* the most of its figures, received late or still missing */
  GDate  due_date;    /* the earliest of its figures' */
} LedgerCompleteness;

const char  *ledger_due_scope_to_string  (LedgerDueScope      scope);
gboolean     ledger_due_scope_from_string (const char         *string,
                                           LedgerDueScope     *scope);
char        *ledger_due_key              (LedgerDueScope      scope,
                                          const char         *name);
gboolean     ledger_due_key_split        (const char         *key,
                                          LedgerDueScope     *scope,
                                          const char        **name);
int          ledger_due_default_day      (LedgerFrequency     frequency);
void         ledger_due_date             (const LedgerPeriod *period,
                                          int                 day,
                                          gboolean            skip_weekends,
                                          GDate              *due);
int          ledger_due_days_late        (const GDate        *due,
                                          const GDate        *when);
void         ledger_due_figure_free      (LedgerDueFigure    *figure);
LedgerDueFigure *ledger_due_figure_find (GPtrArray          *figures,
                                         gint64              indicator_id);
gboolean     ledger_due_figure_on_time   (const LedgerDueFigure *figure);
int          ledger_due_figure_days_late (const LedgerDueFigure *figure,
                                          const GDate           *today);
void         ledger_completeness_free    (LedgerCompleteness *row);
GPtrArray   *ledger_completeness_by_unit (GPtrArray          *figures,
                                          const GDate        *today,
                                          LedgerCompleteness **office);
double       ledger_completeness_rate    (const LedgerCompleteness *row);
double       ledger_timeliness_rate      (const LedgerCompleteness *row);
char        *ledger_date_to_string       (const GDate        *date);
void         ledger_date_set_day_of      (GDate              *date,
                                          GDateTime          *time);
gboolean     ledger_date_parse           (const char         *text,
                                          GDate              *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerDueFigure, ledger_due_figure_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerCompleteness, ledger_completeness_free)

G_END_DECLS
