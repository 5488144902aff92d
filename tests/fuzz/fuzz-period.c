/* fuzz-period.c: libFuzzer target for the reader of periods as offices
 * write them (ledger-period-words.c), for each frequency.
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "fuzz-log.h"
#include "ledger-period-words.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  LedgerPeriodWords words;
  gboolean parsed = ledger_period_words_parse (text, &words);

  if (parsed)
    FUZZ_CHECK (words.end_month >= 1 && words.end_month <= 12 &&
                (words.year == 0 || (words.year >= 1900 && words.year <= 9999)));
  for (LedgerFrequency f = LEDGER_FREQUENCY_MONTHLY; f <= LEDGER_FREQUENCY_ANNUAL; f++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *code = ledger_period_words_to_code (text, f, 2026, &error);
      LedgerPeriod period;

      /* A refusal always says why; a code is the ledger's, of the frequency's type. */
      FUZZ_CHECK ((code == NULL) != (error == NULL));
      FUZZ_CHECK (parsed || code == NULL);
      if (code == NULL)
        continue;
      FUZZ_CHECK (ledger_period_parse (code, &period));
      FUZZ_CHECK (period.type == (f == LEDGER_FREQUENCY_MONTHLY ? LEDGER_PERIOD_MONTH :
                                  f == LEDGER_FREQUENCY_QUARTERLY ? LEDGER_PERIOD_QUARTER :
                                  LEDGER_PERIOD_YEAR));
    }
  return 0;
}
