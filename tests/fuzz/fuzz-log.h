/* fuzz-log.h: GLib logging for the libFuzzer targets
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>

/* The fuzzers look for crashes and leaks, not for GLib's messages: json-glib
 * warns about absurd numbers such as 1e999, so warnings and everything below
 * them are dropped and nothing is fatal by default. A critical, though, is a
 * broken precondition (the test suite runs with G_DEBUG=fatal-criticals): it
 * is printed and aborts, so that libFuzzer keeps the input. */

static void
fuzz_log_handler (const char     *domain,
                  GLogLevelFlags  level,
                  const char     *message,
                  gpointer        user_data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL))
    {
      g_printerr ("%s-CRITICAL **: %s\n", domain != NULL ? domain : "", message);
      abort ();
    }
}

static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL))
    {
      g_log_writer_standard_streams (level, fields, n_fields, user_data);
      abort ();
    }
  return G_LOG_WRITER_HANDLED;
}

/* Call once, before anything logs (from LLVMFuzzerInitialize). */
static inline void
fuzz_log_init (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_log_set_default_handler (fuzz_log_handler, NULL);
  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
}

/* libFuzzer's entry points: each target defines LLVMFuzzerTestOneInput();
 * this header, included once by each, sets up the logging before the
 * first input. */
int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_log_init ();
  return 0;
}

/* Aborts (a crash libFuzzer records) when an invariant does not hold;
 * unlike g_assert it cannot be compiled out. */
#define FUZZ_CHECK(expr) \
  G_STMT_START { \
    if (G_UNLIKELY (!(expr))) \
      { \
        g_printerr ("%s:%d: check failed: %s\n", __FILE__, __LINE__, #expr); \
        abort (); \
      } \
  } G_STMT_END
