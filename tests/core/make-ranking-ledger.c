/* make-ranking-ledger.c: writes the ledger of ranking-fixture.c at the
 * path given, for tests/e2e-ranking.sh
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "ranking-fixture.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LedgerStore) store = NULL;

  setlocale (LC_ALL, "C.UTF-8");
  if (argc != 2)
    {
      g_printerr ("usage: %s LEDGER\n", argv[0]);
      return 2;
    }
  store = ranking_fixture_create (argv[1], CORE_TEST_DATA "/ranking-plan.json");
  return 0;
}
