/* ledger-import-row.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-indicator.h"
#include "ledger-region.h"
#include "ledger-value.h"

G_BEGIN_DECLS

/* What an import would do with one value of a file: a row of a CSV file
 * (LedgerImportRow, with its line) or a value of data packages (with its
 * origin, in a LedgerPackageMerge). Both importers sort a value the same
 * way (ledger_import_classify(), through LedgerIndicatorIndex). A row
 * refused gives its reason; a conflict of packages is a row to change
 * with its candidates, one of which the user chooses. */
typedef enum
{
  LEDGER_IMPORT_ADD,        /* a value where there was none */
  LEDGER_IMPORT_CHANGE,     /* another value than the ledger's */
  LEDGER_IMPORT_UNCHANGED,  /* the value the ledger already has */
  LEDGER_IMPORT_REFUSED,    /* a row that cannot be imported, with its reason */
  LEDGER_IMPORT_N_ACTIONS
} LedgerImportAction;

LedgerImportAction  ledger_import_classify        (LedgerValue     *old,
                                                   LedgerValue     *value);

/* One of the values a conflict can be resolved to. */
typedef struct
{
  LedgerValue *value;
  gboolean     in_ledger;  /* the value the ledger holds now */
  char        *origin;     /* the packages that give it, "; "-separated;
                            * "" for the ledger's value that no package gives */
} LedgerImportCandidate;

LedgerImportCandidate *ledger_import_candidate_new  (LedgerValue           *value,
                                                     gboolean               in_ledger);
void                   ledger_import_candidate_free (LedgerImportCandidate *candidate);

#define LEDGER_TYPE_IMPORT_ROW (ledger_import_row_get_type ())

G_DECLARE_FINAL_TYPE (LedgerImportRow, ledger_import_row, LEDGER, IMPORT_ROW, GObject)

LedgerImportRow    *ledger_import_row_new_refused (guint            line,
                                                   const char      *subject,
                                                   const char      *period,
                                                   const char      *reason);
LedgerImportRow    *ledger_import_row_new         (guint            line,
                                                   LedgerImportAction action,
                                                   LedgerIndicator *indicator,
                                                   LedgerValue     *value,
                                                   LedgerValue     *old);
guint               ledger_import_row_get_line    (LedgerImportRow *self);
LedgerImportAction  ledger_import_row_get_action  (LedgerImportRow *self);
const char         *ledger_import_row_get_subject (LedgerImportRow *self);
void                ledger_import_row_set_region  (LedgerImportRow    *self,
                                                   const LedgerRegion *region);
const char         *ledger_import_row_get_period  (LedgerImportRow *self);
void                ledger_import_row_set_written_period (LedgerImportRow *self,
                                                   const char      *written);
const char         *ledger_import_row_get_written_period (LedgerImportRow *self);
const char         *ledger_import_row_get_old_text (LedgerImportRow *self);
const char         *ledger_import_row_get_new_text (LedgerImportRow *self);
const char         *ledger_import_row_get_reason  (LedgerImportRow *self);
LedgerValue        *ledger_import_row_get_value   (LedgerImportRow *self);
LedgerValue        *ledger_import_row_get_old     (LedgerImportRow *self);
LedgerIndicator    *ledger_import_row_get_indicator (LedgerImportRow *self);
void                ledger_import_row_set_origin  (LedgerImportRow *self,
                                                   const char      *origin);
const char         *ledger_import_row_get_origin  (LedgerImportRow *self);
void                ledger_import_row_set_code    (LedgerImportRow *self,
                                                   const char      *code);
const char         *ledger_import_row_get_code    (LedgerImportRow *self);

LedgerImportRow    *ledger_import_row_new_conflict (LedgerIndicator *indicator,
                                                   const char      *period,
                                                   LedgerValue     *old,
                                                   GPtrArray       *candidates);
guint               ledger_import_row_get_n_candidates (LedgerImportRow *self);
const LedgerImportCandidate *ledger_import_row_get_candidate (LedgerImportRow *self,
                                                   guint            index);
gboolean            ledger_import_row_choose      (LedgerImportRow *self,
                                                   int              index);
int                 ledger_import_row_get_chosen  (LedgerImportRow *self);

G_END_DECLS
