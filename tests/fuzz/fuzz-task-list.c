/* fuzz-task-list.c: libFuzzer target for the task list import: the target
 * and deadline words of any text, and any sheet (CSV or XLSX) read as a
 * task list and, without refused rows, made a plan the plan file accepts.
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fuzz-log.h"
#include "ledger-deadline.h"
#include "ledger-plan-file.h"
#include "ledger-target-text.h"
#include "ledger-task-list.h"

static void
check_words (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) deadlines = ledger_deadline_parse (text, 2026, &error);
  LedgerTargetText target;

  FUZZ_CHECK ((deadlines == NULL) != (error == NULL));
  for (guint i = 0; deadlines != NULL && i < deadlines->len; i++)
    FUZZ_CHECK (g_date_valid (&g_array_index (deadlines, LedgerDeadline, i).date));
  ledger_target_text_parse (&target, text);
  FUZZ_CHECK (target.unit != NULL && g_utf8_validate (target.unit, -1, NULL));
  FUZZ_CHECK (target.has_number || target.comparator == LEDGER_COMPARATOR_NONE);
  (void) ledger_target_text_guess_kind (&target, text);
  ledger_target_text_clear (&target);
}

/* A plan made of rows, none of them refused, is one the plan file format
 * reads back. */
static void
check_plan (LedgerTaskList *list)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerPlan) plan = ledger_task_list_build_plan (list, "fuzz", "fuzz", 2026, 2026, &error);
  g_autoptr(GPtrArray) plans = g_ptr_array_new ();
  g_autoptr(GPtrArray) read_back = NULL;
  g_autofree char *json = NULL;

  FUZZ_CHECK ((plan == NULL) == (ledger_task_list_count_refused (list) > 0 ||
                                 g_list_model_get_n_items (ledger_task_list_get_rows (list)) == 0));
  if (plan == NULL)
    return;
  g_ptr_array_add (plans, plan);
  json = ledger_plan_file_to_data (plans);
  read_back = ledger_plan_file_parse (json, -1, &error);
  if (read_back == NULL)
    g_printerr ("%s\n", error->message);
  FUZZ_CHECK (read_back != NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerSheet) sheet = NULL;
  g_autoptr(LedgerTaskList) list = NULL;
  g_autofree char *text = NULL;

  /* An empty file is the CSV fuzzer's. */
  if (size == 0)
    return 0;
  bytes = g_bytes_new (data, size);
  text = g_utf8_make_valid ((const char *) data, size);
  check_words (text);
  if ((sheet = ledger_sheet_new_from_bytes (bytes, NULL, &error)) == NULL)
    return 0;
  if ((list = ledger_task_list_new (sheet, &error)) == NULL)
    {
      FUZZ_CHECK (error != NULL);
      return 0;
    }
  check_plan (list);
  return 0;
}
