/* test-period-words.c: periods as offices write them, read for indicators
 * of each frequency
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ledger-period-words.h"

typedef struct
{
  const char *text;
  int         default_year;
  const char *monthly;     /* the code, or NULL if refused */
  const char *quarterly;
  const char *annual;
} Case;

static const Case cases[] = {
  /* the ledger's codes and their spellings */
  { "2026-06", 0, "2026-06", "2026-Q2", NULL },
  { "2026.06", 0, "2026-06", "2026-Q2", NULL },
  { "2026/6", 0, "2026-06", "2026-Q2", NULL },
  { "2026-05", 0, "2026-05", NULL, NULL },
  { "2026-12", 0, "2026-12", "2026-Q4", "2026" },
  { "2026-Q2", 0, NULL, "2026-Q2", NULL },
  { "2026Q1", 0, "2026-03", "2026-Q1", NULL },
  { "Q3", 2025, "2025-09", "2025-Q3", NULL },
  { "2026", 0, NULL, NULL, "2026" },
  /* months from January */
  { "2026年1-6月", 0, "2026-06", "2026-Q2", NULL },
  { "1-6月", 2026, "2026-06", "2026-Q2", NULL },
  { "１－６月", 2026, "2026-06", "2026-Q2", NULL },
  { "1—6月份", 2026, "2026-06", "2026-Q2", NULL },
  { "1至3月", 2026, "2026-03", "2026-Q1", NULL },
  { "1-2月", 2026, "2026-02", NULL, NULL },
  { "1月", 2026, "2026-01", NULL, NULL },
  { "1-12月", 2026, "2026-12", "2026-Q4", "2026" },
  /* quarters and halves */
  { "一季度", 2026, "2026-03", "2026-Q1", NULL },
  { "第一季度", 2026, "2026-03", "2026-Q1", NULL },
  { "1季度", 2026, "2026-03", "2026-Q1", NULL },
  { "2026年一季度", 0, "2026-03", "2026-Q1", NULL },
  { "上半年", 2026, "2026-06", "2026-Q2", NULL },
  { "2026年上半年", 0, "2026-06", "2026-Q2", NULL },
  { "2026 年 上半年", 0, "2026-06", "2026-Q2", NULL },
  { "前三季度", 2026, "2026-09", "2026-Q3", NULL },
  { "全年", 2026, "2026-12", "2026-Q4", "2026" },
  { "年度", 2026, "2026-12", "2026-Q4", "2026" },
  { "2026年度", 0, "2026-12", "2026-Q4", "2026" },
  { "2026年", 0, "2026-12", "2026-Q4", "2026" },
  /* one month: the month's period for a monthly indicator, unclear for others */
  { "6月", 2026, "2026-06", NULL, NULL },
  { "2026年6月", 0, "2026-06", NULL, NULL },
  { "12月", 2026, "2026-12", NULL, NULL },
  /* one quarter after the first: alone, or to its end? */
  { "二季度", 2026, NULL, NULL, NULL },
  { "第四季度", 2026, NULL, NULL, NULL },
};

static void
test_forms (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      const char *expected[] = { c->monthly, c->quarterly, c->annual };

      for (LedgerFrequency f = LEDGER_FREQUENCY_MONTHLY; f <= LEDGER_FREQUENCY_ANNUAL; f++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *code = ledger_period_words_to_code (c->text, f, c->default_year, &error);

          g_test_message ("%s (%s): %s", c->text, ledger_frequency_to_string (f),
                          code != NULL ? code : error->message);
          g_assert_cmpstr (code, ==, expected[f]);
          g_assert_true ((code == NULL) == (error != NULL));
        }
    }
}

static void
test_ambiguous (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = ledger_period_words_to_code ("6月", LEDGER_FREQUENCY_QUARTERLY, 2026, &error);

  g_assert_error (error, LEDGER_PERIOD_ERROR, LEDGER_PERIOD_ERROR_AMBIGUOUS);
  g_assert_null (code);
  /* it says what to write instead */
  g_assert_nonnull (strstr (error->message, "2026-Q2"));
  g_clear_error (&error);
  g_free (ledger_period_words_to_code ("二季度", LEDGER_FREQUENCY_MONTHLY, 2026, &error));
  g_assert_error (error, LEDGER_PERIOD_ERROR, LEDGER_PERIOD_ERROR_AMBIGUOUS);
  g_assert_nonnull (strstr (error->message, "2026-06"));
}

static void
test_refused (void)
{
  static const char *not_periods[] = {
    "", "6", "13月", "0月", "3-6月", "下半年", "第6月", "2026-13", "2026-Q5", "Q0", "1899-06",
    "20260", "2026年13月", "一季度度", "2026-06-30", "x2026", "上半年上半年", "\xff\xfe",
  };

  for (guint i = 0; i < G_N_ELEMENTS (not_periods); i++)
    {
      LedgerPeriodWords words;
      g_autoptr(GError) error = NULL;
      g_autofree char *code = ledger_period_words_to_code (not_periods[i], LEDGER_FREQUENCY_MONTHLY,
                                                           2026, &error);

      g_test_message ("%s", not_periods[i]);
      g_assert_false (ledger_period_words_parse (not_periods[i], &words));
      g_assert_error (error, LEDGER_PERIOD_ERROR, LEDGER_PERIOD_ERROR_INVALID);
      g_assert_null (code);
    }
}

static void
test_no_year (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = ledger_period_words_to_code ("上半年", LEDGER_FREQUENCY_MONTHLY, 0, &error);
  g_autofree char *with_year = ledger_period_words_to_code ("2025年上半年", LEDGER_FREQUENCY_MONTHLY,
                                                            2026, NULL);

  g_assert_error (error, LEDGER_PERIOD_ERROR, LEDGER_PERIOD_ERROR_NO_YEAR);
  g_assert_null (code);
  /* a year written wins over the one assumed */
  g_assert_cmpstr (with_year, ==, "2025-06");
}

static void
test_wording (void)
{
  LedgerPeriodWords words;

  g_assert_true (ledger_period_words_parse ("2026年1-6月", &words));
  g_assert_cmpint (words.year, ==, 2026);
  g_assert_cmpint (words.end_month, ==, 6);
  g_assert_cmpint (words.wording, ==, LEDGER_PERIOD_WORDING_MONTHS);
  g_assert_true (ledger_period_words_parse ("上半年", &words));
  g_assert_cmpint (words.year, ==, 0);
  g_assert_cmpint (words.wording, ==, LEDGER_PERIOD_WORDING_QUARTER);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/period-words/forms", test_forms);
  g_test_add_func ("/period-words/ambiguous", test_ambiguous);
  g_test_add_func ("/period-words/refused", test_refused);
  g_test_add_func ("/period-words/no-year", test_no_year);
  g_test_add_func ("/period-words/wording", test_wording);

  return g_test_run ();
}
