/* test-uuid.c: the UUIDs of the rows the ledger writes
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ledger-uuid.h"

/* Version 7, the RFC 9562 variant, and readable by GLib as a UUID. */
static void
test_uuid_format (void)
{
  g_autofree char *uuid = ledger_uuid_new ();
  gint64 ms = 0;

  g_assert_true (g_uuid_string_is_valid (uuid));
  g_assert_cmpint (uuid[14], ==, '7');
  g_assert_nonnull (strchr ("89ab", uuid[19]));

  /* The first 48 bits are the time in milliseconds. */
  for (int i = 0; i < 13; i++)
    if (uuid[i] != '-')
      ms = ms * 16 + g_ascii_xdigit_value (uuid[i]);
  g_assert_cmpint (ABS (ms - g_get_real_time () / 1000), <, 60 * 1000);
}

/* Each UUID is greater than the one before, also within one millisecond,
 * and none repeats: an import's rows go to the end of the index. */
static void
test_uuid_rising (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *previous = ledger_uuid_new ();

  for (int i = 0; i < 20000; i++)
    {
      char *uuid = ledger_uuid_new ();

      g_assert_cmpstr (uuid, >, previous);
      g_assert_true (g_hash_table_add (seen, uuid));
      g_free (previous);
      previous = g_strdup (uuid);
    }
}

/* Another process (another office) makes other UUIDs in the same
 * millisecond: the bits after the time are random. */
static void
test_uuid_random_part (void)
{
  g_autofree char *a = ledger_uuid_new ();
  g_autofree char *b = NULL;

  g_usleep (2000);
  b = ledger_uuid_new ();
  /* A new millisecond starts from new random bits, not from a's. */
  g_assert_cmpstr (a + 15, !=, b + 15);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/uuid/format", test_uuid_format);
  g_test_add_func ("/uuid/rising", test_uuid_rising);
  g_test_add_func ("/uuid/random-part", test_uuid_random_part);
  return g_test_run ();
}
