/* fuzz-csv.c: libFuzzer target for the CSV importer's reader:
 * ledger_csv_decode, then ledger_csv_parse on the decoded text.
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "fuzz-log.h"
#include "ledger-csv.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *text = NULL;
  const char *encoding = NULL;

  text = ledger_csv_decode ((const char *) data, size, &encoding, &error);
  if (text == NULL)
    {
      /* A refusal always says why. */
      FUZZ_CHECK (error != NULL);
      return 0;
    }
  FUZZ_CHECK (error == NULL);
  FUZZ_CHECK (encoding != NULL);
  FUZZ_CHECK (g_utf8_validate (text, -1, NULL));

  records = ledger_csv_parse (text, &error);
  FUZZ_CHECK ((records == NULL) != (error == NULL));
  if (records == NULL)
    return 0;

  for (guint i = 0; i < records->len; i++)
    {
      const LedgerCsvRecord *record = g_ptr_array_index (records, i);

      /* Records are numbered from line 1, in order, and hold at least one
       * field of valid UTF-8. */
      FUZZ_CHECK (record->line >= 1);
      FUZZ_CHECK (record->fields != NULL && record->fields[0] != NULL);
      if (i > 0)
        FUZZ_CHECK (record->line > ((const LedgerCsvRecord *) g_ptr_array_index (records, i - 1))->line);
      for (guint j = 0; record->fields[j] != NULL; j++)
        FUZZ_CHECK (g_utf8_validate (record->fields[j], -1, NULL));
    }
  return 0;
}
