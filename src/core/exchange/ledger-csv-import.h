/* ledger-csv-import.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-entry-check.h"
#include "ledger-import-row.h"
#include "ledger-store.h"

G_BEGIN_DECLS

/* Refused rows beyond these are only counted: a file of a million wrong
 * rows is told in a hundred lines and a sum. */
#define LEDGER_CSV_IMPORT_REFUSED_LISTED 100

#define LEDGER_TYPE_CSV_IMPORT (ledger_csv_import_get_type ())

G_DECLARE_FINAL_TYPE (LedgerCsvImport, ledger_csv_import, LEDGER, CSV_IMPORT, GObject)

LedgerCsvImport *ledger_csv_import_new          (const char       *origin);
void             ledger_csv_import_set_check_limits (LedgerCsvImport *self,
                                                  const LedgerCheckLimits *checks);
void             ledger_csv_import_set_default_year (LedgerCsvImport *self,
                                                 int               year);
void             ledger_csv_import_set_sheet_name (LedgerCsvImport *self,
                                                   const char      *sheet_name);
gboolean         ledger_csv_import_read         (LedgerCsvImport  *self,
                                                 LedgerStore      *store,
                                                 const char       *data,
                                                 gsize             length,
                                                 GCancellable     *cancellable,
                                                 GError          **error);
gboolean         ledger_csv_import_apply        (LedgerCsvImport  *self,
                                                 LedgerStore      *store,
                                                 GCancellable     *cancellable,
                                                 GError          **error);
gboolean         ledger_csv_import_apply_or_reread (LedgerCsvImport *self,
                                                   LedgerStore     *store,
                                                   const char      *data,
                                                   gsize            length,
                                                   GError         **error);
void             ledger_csv_import_read_async   (LedgerCsvImport     *self,
                                                 LedgerStore         *store,
                                                 GBytes              *data,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean         ledger_csv_import_read_finish  (LedgerCsvImport  *self,
                                                 GAsyncResult     *result,
                                                 GError          **error);
void             ledger_csv_import_apply_async  (LedgerCsvImport     *self,
                                                 LedgerStore         *store,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean         ledger_csv_import_apply_finish (LedgerCsvImport  *self,
                                                 GAsyncResult     *result,
                                                 GError          **error);
double           ledger_csv_import_get_fraction (LedgerCsvImport  *self);
const char      *ledger_csv_import_get_encoding (LedgerCsvImport  *self);
guint            ledger_csv_import_count        (LedgerCsvImport  *self,
                                                 LedgerImportAction action);
guint            ledger_csv_import_count_unlisted (LedgerCsvImport *self);
GListModel      *ledger_csv_import_get_rows     (LedgerCsvImport  *self);

gboolean         ledger_csv_import_values       (LedgerStore      *store,
                                                 const char       *data,
                                                 gsize             length,
                                                 const char       *origin,
                                                 guint            *n_values,
                                                 GError          **error);

G_END_DECLS
