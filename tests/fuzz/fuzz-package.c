/* fuzz-package.c: libFuzzer target for ledger_package_read, the reader of
 * --import-package and of the import dialog.
 *
 * A package that is accepted must hold what the format promises: each
 * value a period within the package's range, each indicator and period
 * once, a number or a status.
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "fuzz-log.h"
#include "ledger-package.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerPackage) package = NULL;
  g_autoptr(GHashTable) seen = NULL;
  LedgerPeriod from, to;

  package = ledger_package_read ((const char *) data, size, "fuzz.tlpkg", &error);
  FUZZ_CHECK ((package == NULL) != (error == NULL));
  if (package == NULL)
    return 0;

  FUZZ_CHECK (ledger_period_parse (ledger_package_get_from (package), &from));
  FUZZ_CHECK (ledger_period_parse (ledger_package_get_to (package), &to));
  FUZZ_CHECK (ledger_period_range_is_valid (&from, &to));
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < ledger_package_get_n_entries (package); i++)
    {
      const LedgerPackageEntry *entry = ledger_package_get_entry (package, i);
      LedgerValue *value = entry->value;
      LedgerPeriod period;

      FUZZ_CHECK (g_uuid_string_is_valid (entry->indicator));
      FUZZ_CHECK (ledger_period_parse (ledger_value_get_period (value), &period));
      FUZZ_CHECK (ledger_period_in_range (&period, &from, &to));
      FUZZ_CHECK (ledger_value_has_number (value) != (ledger_value_get_status (value)[0] != '\0'));
      /* One figure per indicator, region and period. */
      FUZZ_CHECK (g_hash_table_add (seen, g_strdup_printf ("%s/%s/%s", entry->indicator,
                                                           ledger_value_get_region (value),
                                                           ledger_value_get_period (value))));
    }
  return 0;
}
