/* ledger-csv.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LEDGER_CSV_ERROR (ledger_csv_error_quark ())

typedef enum
{
  LEDGER_CSV_ERROR_ENCODING,
  LEDGER_CSV_ERROR_SYNTAX,
  LEDGER_CSV_ERROR_FILE,      /* not a regular file, or too large */
} LedgerCsvError;

/* The largest CSV file read: a year's ledger of a city is a few MiB. */
#define LEDGER_CSV_MAX_FILE_SIZE ((goffset) 512 * 1024 * 1024)

/* How a CSV file is written: UTF-8 with a byte order mark, which Excel
 * and WPS need to read it as UTF-8; plain UTF-8 for scripts; or GB18030,
 * the encoding of Chinese Windows. */
typedef enum
{
  LEDGER_CSV_UTF8_BOM,
  LEDGER_CSV_UTF8,
  LEDGER_CSV_GB18030,
} LedgerCsvEncoding;

/* One record of a CSV file and the line it starts on. */
typedef struct
{
  guint   line;
  GStrv   fields;
} LedgerCsvRecord;

GQuark     ledger_csv_error_quark (void);
char      *ledger_csv_decode      (const char  *data,
                                   gsize        length,
                                   const char **encoding,
                                   GError     **error);
GBytes    *ledger_csv_encode      (const char         *text,
                                   LedgerCsvEncoding   encoding,
                                   GError            **error);
gboolean   ledger_csv_encoding_from_string (const char        *name,
                                            LedgerCsvEncoding *encoding);
GPtrArray *ledger_csv_parse       (const char  *text,
                                   GError     **error);
void       ledger_csv_append_row  (GString            *out,
                                   const char * const *fields,
                                   guint               n_fields);
void       ledger_csv_append_row_with_numbers (GString            *out,
                                               const char * const *fields,
                                               guint               n_fields,
                                               guint64             numbers);
const char *ledger_csv_unprotect  (const char         *field);
GBytes    *ledger_csv_read_file   (GFile         *file,
                                   goffset        max_size,
                                   GCancellable  *cancellable,
                                   GError       **error);
void       ledger_csv_read_file_async  (GFile               *file,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
GBytes    *ledger_csv_read_file_finish (GFile         *file,
                                        GAsyncResult  *result,
                                        GError       **error);
void       ledger_csv_record_free (LedgerCsvRecord    *record);

G_END_DECLS
