/* fuzz-number.c: libFuzzer target for ledger_number_parse, the one parser
 * of typed and imported figures.
 *
 * The first byte chooses the indicator's unit, the rest is the text. Every
 * caller hands the parser valid UTF-8 (GTK's entries, decoded CSV), so the
 * text is made valid first.
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdint.h>

#include "fuzz-log.h"
#include "ledger-number.h"

static const char *units[] = {
  NULL, "", "%", "万人", "亿元", "个", "微克/立方米", "万吨标准煤", "％", " 元 ",
};

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *unit;
  double value = 42;
  gboolean ok;

  if (size == 0)
    return 0;
  unit = units[data[0] % G_N_ELEMENTS (units)];
  text = g_utf8_make_valid ((const char *) data + 1, size - 1);

  ok = ledger_number_parse (text, unit, &value, &error);
  /* Either a finite value, or an error and the value untouched. */
  FUZZ_CHECK (ok == (error == NULL));
  if (ok)
    FUZZ_CHECK (isfinite (value));
  else
    FUZZ_CHECK (value == 42);
  return 0;
}
