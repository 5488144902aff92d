/* test-period.c: year-to-date periods, pace and reporting frequencies
 * (docs/domain.md, "Periods")
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "ledger-period.h"

static LedgerPeriod
parse_or_fail (const char *code)
{
  LedgerPeriod period;

  if (!ledger_period_parse (code, &period))
    g_error ("“%s” was refused", code);
  return period;
}

static void
test_round_trip (void)
{
  const struct {
    const char       *code;
    int               year;
    LedgerPeriodType  type;
    int               index;
  } cases[] = {
    { "2026-02", 2026, LEDGER_PERIOD_MONTH, 2 },
    { "2026-12", 2026, LEDGER_PERIOD_MONTH, 12 },
    { "2026-Q3", 2026, LEDGER_PERIOD_QUARTER, 3 },
    { "2026", 2026, LEDGER_PERIOD_YEAR, 0 },
    { "2030", 2030, LEDGER_PERIOD_YEAR, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LedgerPeriod period = parse_or_fail (cases[i].code);
      g_autofree char *code = ledger_period_to_code (&period);

      g_assert_cmpint (period.year, ==, cases[i].year);
      g_assert_cmpint (period.type, ==, cases[i].type);
      g_assert_cmpint (period.index, ==, cases[i].index);
      g_assert_cmpstr (code, ==, cases[i].code);
    }
}

static void
test_refused (void)
{
  const char *bad[] = {
    "2026-13", "2026-00", "2026-Q5", "2026-Q0", "26-01", "2026-1", "2026-", "2026-q1",
    "2026-Q", "2026-1a", "2026/05", "202605", "20260", "2026-05 ", " 2026", "abcd", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      LedgerPeriod period = { 1, LEDGER_PERIOD_MONTH, 7 };

      if (ledger_period_parse (bad[i], &period))
        g_error ("“%s” was accepted as a period", bad[i]);
      /* A refused code leaves the output alone. */
      g_assert_cmpint (period.year, ==, 1);
      g_assert_cmpint (period.index, ==, 7);
    }

  {
    LedgerPeriod period;
    g_autofree char *label = ledger_period_code_label (NULL);

    g_assert_false (ledger_period_parse (NULL, &period));
    g_assert_cmpstr (label, ==, "");
  }
}

/* 序时进度: a month m covers m/12 of the year, a quarter q covers 3q/12. */
static void
test_pace (void)
{
  const struct {
    const char *code;
    double      pace;
    int         end_month;
  } cases[] = {
    { "2026-01", 1 / 12.0, 1 },
    { "2026-02", 2 / 12.0, 2 },
    { "2026-06", 0.5, 6 },
    { "2026-12", 1.0, 12 },
    { "2026-Q1", 0.25, 3 },
    { "2026-Q2", 0.5, 6 },
    { "2026-Q3", 0.75, 9 },
    { "2026-Q4", 1.0, 12 },
    { "2026", 1.0, 12 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LedgerPeriod period = parse_or_fail (cases[i].code);

      g_assert_cmpfloat_with_epsilon (ledger_period_pace (&period), cases[i].pace, 1e-12);
      g_assert_cmpint (ledger_period_end_month (&period), ==, cases[i].end_month);
    }
}

static int
compare_codes (const char *a,
               const char *b)
{
  LedgerPeriod pa = parse_or_fail (a);
  LedgerPeriod pb = parse_or_fail (b);

  return ledger_period_compare (&pa, &pb);
}

static void
test_sort_order (void)
{
  /* Each code sorts strictly before the next: by the month a period ends
   * in, and at the same month the finer granularity first. */
  const char *ordered[] = {
    "2025", "2026-02", "2026-03", "2026-Q1", "2026-04", "2026-06", "2026-Q2",
    "2026-12", "2026-Q4", "2026", "2027-02", "2027-Q1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (ordered); i++)
    {
      for (guint j = 0; j < G_N_ELEMENTS (ordered); j++)
        {
          int expected = (i > j) - (i < j);

          if (compare_codes (ordered[i], ordered[j]) != expected)
            g_error ("compare (%s, %s) should be %d", ordered[i], ordered[j], expected);
        }
    }
}

static void
assert_periods (GPtrArray          *periods,
                const char * const *expected,
                guint               n_expected)
{
  g_assert_cmpuint (periods->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpstr (g_ptr_array_index (periods, i), ==, expected[i]);
}

static void
test_frequency_periods (void)
{
  static const char *monthly[] = {
    "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07",
    "2026-08", "2026-09", "2026-10", "2026-11", "2026-12",
  };
  static const char *quarterly[] = { "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4" };
  static const char *annual[] = { "2026", "2027", "2028", "2029", "2030" };
  g_autoptr(GPtrArray) months = ledger_frequency_periods (LEDGER_FREQUENCY_MONTHLY, 2026, 2026);
  g_autoptr(GPtrArray) quarters = ledger_frequency_periods (LEDGER_FREQUENCY_QUARTERLY, 2026, 2026);
  g_autoptr(GPtrArray) years = ledger_frequency_periods (LEDGER_FREQUENCY_ANNUAL, 2026, 2030);
  g_autoptr(GPtrArray) two_years = ledger_frequency_periods (LEDGER_FREQUENCY_QUARTERLY, 2026, 2027);

  /* Monthly statistics start with the combined 1-2月 release. */
  assert_periods (months, monthly, G_N_ELEMENTS (monthly));
  assert_periods (quarters, quarterly, G_N_ELEMENTS (quarterly));
  assert_periods (years, annual, G_N_ELEMENTS (annual));
  g_assert_cmpuint (two_years->len, ==, 8);
  g_assert_cmpstr (g_ptr_array_index (two_years, 4), ==, "2027-Q1");
}

static void
test_frequency_has_period (void)
{
  const struct {
    LedgerFrequency frequency;
    const char     *code;
    gboolean        has;
  } cases[] = {
    { LEDGER_FREQUENCY_MONTHLY, "2026-01", FALSE },
    { LEDGER_FREQUENCY_MONTHLY, "2026-02", TRUE },
    { LEDGER_FREQUENCY_MONTHLY, "2026-12", TRUE },
    { LEDGER_FREQUENCY_MONTHLY, "2026-Q1", FALSE },
    { LEDGER_FREQUENCY_MONTHLY, "2026", FALSE },
    { LEDGER_FREQUENCY_QUARTERLY, "2026-Q1", TRUE },
    { LEDGER_FREQUENCY_QUARTERLY, "2026-Q4", TRUE },
    { LEDGER_FREQUENCY_QUARTERLY, "2026-03", FALSE },
    { LEDGER_FREQUENCY_QUARTERLY, "2026", FALSE },
    { LEDGER_FREQUENCY_ANNUAL, "2028", TRUE },
    { LEDGER_FREQUENCY_ANNUAL, "2026-Q4", FALSE },
    { LEDGER_FREQUENCY_ANNUAL, "2026-12", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LedgerPeriod period = parse_or_fail (cases[i].code);

      if (ledger_frequency_has_period (cases[i].frequency, &period) != cases[i].has)
        g_error ("%s %s %s", ledger_frequency_to_string (cases[i].frequency),
                 cases[i].has ? "should have" : "should not have", cases[i].code);
    }
}

static void
test_frequency_strings (void)
{
  const LedgerFrequency all[] = {
    LEDGER_FREQUENCY_MONTHLY, LEDGER_FREQUENCY_QUARTERLY, LEDGER_FREQUENCY_ANNUAL,
  };
  LedgerFrequency frequency;

  g_assert_cmpstr (ledger_frequency_to_string (LEDGER_FREQUENCY_MONTHLY), ==, "monthly");
  g_assert_cmpstr (ledger_frequency_to_string (LEDGER_FREQUENCY_QUARTERLY), ==, "quarterly");
  g_assert_cmpstr (ledger_frequency_to_string (LEDGER_FREQUENCY_ANNUAL), ==, "annual");
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_assert_true (ledger_frequency_from_string (ledger_frequency_to_string (all[i]), &frequency));
      g_assert_cmpint (frequency, ==, all[i]);
    }
  g_assert_false (ledger_frequency_from_string ("weekly", &frequency));
  g_assert_false (ledger_frequency_from_string (NULL, &frequency));
}

/* English labels (the tests run in C.UTF-8), docs/domain.md: Jan–Jun, H1. */
static void
test_labels (void)
{
  const struct {
    const char *code;
    const char *label;
  } cases[] = {
    { "2026-01", "Jan" },
    { "2026-02", "Jan–Feb" },
    { "2026-06", "Jan–Jun" },
    { "2026-12", "Jan–Dec" },
    { "2026-Q1", "Q1" },
    { "2026-Q2", "H1" },
    { "2026-Q3", "Q1–Q3" },
    { "2026-Q4", "Full year" },
  };
  g_autofree char *year_label = ledger_period_code_label ("2026");
  g_autofree char *bad_label = ledger_period_code_label ("2026-13");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = ledger_period_code_label (cases[i].code);

      g_assert_cmpstr (label, ==, cases[i].label);
    }
  g_assert_nonnull (year_label);
  g_assert_cmpstr (year_label, !=, "");
  /* Something that is not a period is shown as it is. */
  g_assert_cmpstr (bad_label, ==, "2026-13");
}

/* A data package's range of periods: a period is in it when it ends within
 * the months the range covers, from the first month of "from". */
static void
test_range (void)
{
  const struct {
    const char *from;
    const char *to;
    const char *period;
    gboolean    in;
  } cases[] = {
    { "2026-01", "2026-06", "2026-02", TRUE },
    { "2026-01", "2026-06", "2026-06", TRUE },
    { "2026-01", "2026-06", "2026-07", FALSE },
    { "2026-01", "2026-06", "2026-Q2", TRUE },
    { "2026-01", "2026-06", "2026-Q3", FALSE },
    { "2026-01", "2026-06", "2026", FALSE },
    { "2026-01", "2026-12", "2026", TRUE },
    { "2026-Q2", "2026-Q2", "2026-04", TRUE },
    { "2026-Q2", "2026-Q2", "2026-03", FALSE },
    { "2026-Q2", "2026-Q2", "2026-Q1", FALSE },
    { "2026", "2027", "2027-05", TRUE },
    { "2026", "2027", "2025-12", FALSE },
    { "2026", "2027", "2028", FALSE },
    { "2026-05", "2026-05", "2026-05", TRUE },
    { "2026-05", "2026-05", "2026-04", FALSE },
  };
  LedgerPeriod june = parse_or_fail ("2026-06");
  LedgerPeriod march = parse_or_fail ("2026-03");
  LedgerPeriod h1 = parse_or_fail ("2026-Q2");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LedgerPeriod from = parse_or_fail (cases[i].from);
      LedgerPeriod to = parse_or_fail (cases[i].to);
      LedgerPeriod period = parse_or_fail (cases[i].period);

      if (ledger_period_in_range (&period, &from, &to) != cases[i].in)
        g_error ("%s in %s – %s: expected %s", cases[i].period, cases[i].from, cases[i].to,
                 cases[i].in ? "in" : "out");
    }

  g_assert_true (ledger_period_range_is_valid (&march, &june));
  g_assert_false (ledger_period_range_is_valid (&june, &march));
  /* From 上半年 to 1-3月: April to March, nothing. */
  g_assert_false (ledger_period_range_is_valid (&h1, &march));
  g_assert_true (ledger_period_range_is_valid (&h1, &june));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/period/parse/round-trip", test_round_trip);
  g_test_add_func ("/period/parse/refused", test_refused);
  g_test_add_func ("/period/pace", test_pace);
  g_test_add_func ("/period/sort-order", test_sort_order);
  g_test_add_func ("/period/frequency/periods", test_frequency_periods);
  g_test_add_func ("/period/frequency/has-period", test_frequency_has_period);
  g_test_add_func ("/period/frequency/strings", test_frequency_strings);
  g_test_add_func ("/period/labels", test_labels);
  g_test_add_func ("/period/range", test_range);

  return g_test_run ();
}
