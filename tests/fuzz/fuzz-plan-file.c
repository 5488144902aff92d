/* fuzz-plan-file.c: libFuzzer target for ledger_plan_file_parse, the reader
 * of --import-plan and of the built-in plans.
 *
 * A file that is accepted is also written back with ledger_plan_file_to_data
 * (as --export-plan does): that text must read again, and write the same.
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fuzz-log.h"
#include "ledger-plan-file.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;

  plans = ledger_plan_file_parse ((const char *) data, size, &error);
  FUZZ_CHECK ((plans == NULL) != (error == NULL));
  if (plans == NULL)
    return 0;
  FUZZ_CHECK (plans->len > 0);

  written = ledger_plan_file_to_data (plans);
  again = ledger_plan_file_parse (written, -1, &error);
  if (again == NULL)
    {
      g_printerr ("the written plan file does not read again: %s\n%s", error->message, written);
      abort ();
    }
  rewritten = ledger_plan_file_to_data (again);
  FUZZ_CHECK (strcmp (written, rewritten) == 0);
  return 0;
}
