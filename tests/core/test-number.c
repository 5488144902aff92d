/* test-number.c: the one parser of typed and imported figures
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "ledger-indicator.h"
#include "ledger-number.h"
#include "test-util.h"

static void
test_accepted (void)
{
  const struct {
    const char *text;
    const char *unit;
    double      value;
  } cases[] = {
    { "12", NULL, 12 },
    { "-3.5", NULL, -3.5 },
    { "+2", NULL, 2 },
    { "1,234.5", NULL, 1234.5 },
    { "12,345,678", "亿元", 12345678 },
    { "１２.３", NULL, 12.3 },           /* full-width digits, ASCII point */
    { "１２．３", NULL, 12.3 },          /* full-width digits and point */
    { "6.2%", "%", 6.2 },
    { "6.2", "%", 6.2 },
    { "812 个", "个", 812 },
    { "812个", "个", 812 },
    { "4.3万人", "万人", 4.3 },
    { "30 微克/立方米", "微克/立方米", 30 },
    { " 7 ", NULL, 7 },
    { "\t7\u3000", "", 7 },              /* ideographic space */
    { "0", NULL, 0 },
    { "-0", NULL, 0 },
    { ".5", NULL, 0.5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = -999;

      if (!ledger_number_parse (cases[i].text, cases[i].unit, &value, &error))
        g_error ("“%s” (%s) was refused: %s", cases[i].text,
                 cases[i].unit != NULL ? cases[i].unit : "no unit", error->message);
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (value, cases[i].value, 1e-9);
    }
}

/* Goes on after a failure, so that one run lists every input that is
 * wrongly accepted. */
static void
assert_refused (const char *text,
                const char *unit)
{
  g_autoptr(GError) error = NULL;
  double value = 42;

  if (ledger_number_parse (text, unit, &value, &error))
    {
      test_fail_and_go_on ("“%s” (%s) was accepted as %g", text != NULL ? text : "(null)",
                          unit != NULL ? unit : "no unit", value);
      return;
    }
  g_assert_error (error, LEDGER_NUMBER_ERROR, LEDGER_NUMBER_ERROR_INVALID);
  g_assert_cmpfloat (value, ==, 42);
  /* The message says what is expected: a number in the indicator's unit. */
  if (unit != NULL && unit[0] != '\0' && strstr (error->message, unit) == NULL)
    test_fail_and_go_on ("the message “%s” for “%s” does not mention the unit %s",
                        error->message, text, unit);
}

static void
test_refused (void)
{
  const char *bad[] = {
    "", " ", "abc", "1,23", "1,2345", ",123", "1,,234", "inf", "-inf", "nan", "NaN",
    "infinity", "1e999", "0x10", "1.2.3", "12-", "--1", "+", "-", ".", "½", "一二",
  };
  const char *units[] = { NULL, "%", "亿元" };

  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
        assert_refused (bad[i], units[u]);
      assert_refused (NULL, units[u]);
    }
}

/* Thousands separators only where they group by three: the first group has
 * one to three digits, and there are digits before the first comma. */
static void
test_refused_grouping (void)
{
  const char *bad[] = { "1234,567", "12345,678.5", "-,123", "+,123", "-1234,567" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_refused (bad[i], NULL);
}

/* A figure in another unit than the indicator's is refused, not read as a
 * number in the wrong unit. */
static void
test_wrong_unit (void)
{
  assert_refused ("12 万人", "亿元");
  assert_refused ("12%", "亿元");
  assert_refused ("12 亿元", "%");
  assert_refused ("12 亿元 亿元", "亿元");
  assert_refused ("亿元", "亿元");
}

/* Numbers are written plainly (docs/csv-format.md: "1.7", "2000", "0.5"), and
 * what is written reads back as the same number. */
static void
test_format_round_trip (void)
{
  const double values[] = {
    0, 1.7, 2000, 0.5, -3.25, 1234.5678, 4.3, 123456789.125, 1e15, 3e25, 1e40,
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = ledger_format_number (values[i]);
      g_autoptr(GError) error = NULL;
      double back = G_MAXDOUBLE;

      g_assert_null (strpbrk (text, ",eE "));
      ledger_number_parse (text, NULL, &back, &error);
      g_assert_no_error (error);
      if (fabs (back - values[i]) > 1e-9 * MAX (1.0, fabs (values[i])))
        test_fail_and_go_on ("%g is written as “%s”, which reads back as %g", values[i], text, back);
    }
  {
    g_autofree char *text = ledger_format_number (1.7);
    g_autofree char *whole = ledger_format_number (2000);
    g_autofree char *negative_zero = ledger_format_number (-0.0);

    g_assert_cmpstr (text, ==, "1.7");
    g_assert_cmpstr (whole, ==, "2000");
    g_assert_cmpstr (negative_zero, ==, "0");
  }
}

typedef struct
{
  const char *text;
  LedgerKind  kind;
  const char *unit;
  gboolean    accepted;
  double      expected;
} ParseCase;

/* Figures as an office types them into the dialog and the sheet, for an
 * indicator of a given kind and unit (C/zh_CN locale: "." is the decimal
 * point). */
static const ParseCase parse_cases[] = {
  { "12", LEDGER_KIND_CUMULATIVE, "个", TRUE, 12 },
  { "2000 个", LEDGER_KIND_CUMULATIVE, "个", TRUE, 2000 },
  { "2000个", LEDGER_KIND_CUMULATIVE, "个", TRUE, 2000 },
  { "1,234.5", LEDGER_KIND_CUMULATIVE, "亿元", TRUE, 1234.5 },
  { "1,234,567", LEDGER_KIND_CUMULATIVE, "亿元", TRUE, 1234567 },
  { "１２３．４", LEDGER_KIND_CUMULATIVE, "亿元", TRUE, 123.4 },
  { "４.３万人", LEDGER_KIND_CUMULATIVE, "万人", TRUE, 4.3 },
  { " 7 ", LEDGER_KIND_CUMULATIVE, "座", TRUE, 7 },
  { "\u3000" "8\u3000", LEDGER_KIND_CUMULATIVE, "座", TRUE, 8 },
  { "0", LEDGER_KIND_CUMULATIVE, "个", TRUE, 0 },
  { "6.2%", LEDGER_KIND_RATE, "%", TRUE, 6.2 },
  { "6.2％", LEDGER_KIND_RATE, "%", TRUE, 6.2 },
  { "-1.5", LEDGER_KIND_RATE, "%", TRUE, -1.5 },
  { "－0.3%", LEDGER_KIND_RATE, "%", TRUE, -0.3 },
  { "+2", LEDGER_KIND_RATE, "%", TRUE, 2 },
  { "43", LEDGER_KIND_LEVEL, "%", TRUE, 43 },
  { "31 微克/立方米", LEDGER_KIND_LEVEL, "微克/立方米", TRUE, 31 },
  { ".5", LEDGER_KIND_LEVEL, "%", TRUE, 0.5 },
  { "5.", LEDGER_KIND_LEVEL, "%", TRUE, 5 },
  /* refused */
  { "", LEDGER_KIND_CUMULATIVE, "个", FALSE, 0 },
  { "   ", LEDGER_KIND_CUMULATIVE, "个", FALSE, 0 },
  { "abc", LEDGER_KIND_CUMULATIVE, "个", FALSE, 0 },
  { "四点二", LEDGER_KIND_RATE, "%", FALSE, 0 },
  { "-3", LEDGER_KIND_CUMULATIVE, "个", FALSE, 0 },
  { "-0.5", LEDGER_KIND_LEVEL, "%", FALSE, 0 },
  { "inf", LEDGER_KIND_RATE, "%", FALSE, 0 },
  { "nan", LEDGER_KIND_RATE, "%", FALSE, 0 },
  { "1e999", LEDGER_KIND_RATE, "%", FALSE, 0 },
  { "1e3", LEDGER_KIND_CUMULATIVE, "个", FALSE, 0 },
  { "12 万人", LEDGER_KIND_CUMULATIVE, "亿元", FALSE, 0 },
  { "6%", LEDGER_KIND_CUMULATIVE, "个", FALSE, 0 },
  { "1,23", LEDGER_KIND_CUMULATIVE, "个", FALSE, 0 },
  { "1.2.3", LEDGER_KIND_CUMULATIVE, "个", FALSE, 0 },
  { "--1", LEDGER_KIND_RATE, "%", FALSE, 0 },
  { "0x10", LEDGER_KIND_CUMULATIVE, "个", FALSE, 0 },
};

static LedgerIndicator *
indicator_of (LedgerKind  kind,
              const char *unit)
{
  return g_object_new (LEDGER_TYPE_INDICATOR, "code", "x", "name", "x", "unit", unit, "kind", kind,
                       "comparator", LEDGER_COMPARATOR_AT_LEAST, "target", 1.0, NULL);
}

static void
test_parse_table (void)
{
  g_assert_cmpuint (G_N_ELEMENTS (parse_cases), >=, 30);

  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      const ParseCase *c = &parse_cases[i];
      g_autoptr(LedgerIndicator) indicator = indicator_of (c->kind, c->unit);
      g_autoptr(GError) error = NULL;
      double value = -12345;
      gboolean ok = ledger_number_parse_for (indicator, c->text, LEDGER_NUMBER_TYPED, &value, &error);

      if (ok != c->accepted || (ok && value != c->expected))
        g_test_fail_printf ("“%s” (%s): accepted %d, value %g; expected %d, %g",
                            c->text, c->unit, ok, value, c->accepted, c->expected);
      /* A refusal says what is expected, in the indicator's unit. */
      if (!ok && (error == NULL || strstr (error->message, c->unit) == NULL))
        g_test_fail_printf ("“%s”: the message does not name the unit %s", c->text, c->unit);
    }
}

/* A file's figures (read with a shortcut when plain) read as the typed
 * ones do, in this locale; a negative figure without a unit is refused
 * in words that do not leave a gap for one. */
static void
test_file_figures (void)
{
  g_autoptr(LedgerIndicator) count = indicator_of (LEDGER_KIND_CUMULATIVE, "");
  g_autoptr(GError) error = NULL;
  double value;

  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      const ParseCase *c = &parse_cases[i];
      g_autoptr(LedgerIndicator) indicator = indicator_of (c->kind, c->unit);
      double typed = -12345, filed = -12345;
      gboolean typed_ok = ledger_number_parse_for (indicator, c->text, LEDGER_NUMBER_TYPED, &typed, NULL);
      gboolean filed_ok = ledger_number_parse_for (indicator, c->text, LEDGER_NUMBER_FILE, &filed, NULL);

      if (typed_ok != filed_ok || typed != filed)
        g_test_fail_printf ("“%s”: typed %d %g, in a file %d %g", c->text, typed_ok, typed, filed_ok, filed);
    }
  g_assert_false (ledger_number_parse_for (count, "-3", LEDGER_NUMBER_FILE, &value, &error));
  g_assert_cmpstr (error->message, ==, "Enter a number that is not negative");
}

/* Where the locale writes "1.234,5", so does the user; files still use "." */
static void
test_comma_locale (void)
{
  g_autoptr(LedgerIndicator) indicator = indicator_of (LEDGER_KIND_CUMULATIVE, "亿元");
  const char *locale = setlocale (LC_NUMERIC, "de_DE.UTF-8");
  double value = 0;

  if (locale == NULL)
    {
      g_test_skip ("no de_DE.UTF-8 locale on this machine");
      return;
    }
  g_assert_true (ledger_number_parse_for (indicator, "1.234,5", LEDGER_NUMBER_TYPED, &value, NULL));
  g_assert_cmpfloat (value, ==, 1234.5);
  g_assert_true (ledger_number_parse_for (indicator, "1234.5", LEDGER_NUMBER_FILE, &value, NULL));
  g_assert_cmpfloat (value, ==, 1234.5);
  setlocale (LC_NUMERIC, "C");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/number/accepted", test_accepted);
  g_test_add_func ("/number/parse-table", test_parse_table);
  g_test_add_func ("/number/comma-locale", test_comma_locale);
  g_test_add_func ("/number/file-figures", test_file_figures);
  g_test_add_func ("/number/refused/malformed", test_refused);
  g_test_add_func ("/number/refused/grouping", test_refused_grouping);
  g_test_add_func ("/number/wrong-unit", test_wrong_unit);
  g_test_add_func ("/number/format/round-trip", test_format_round_trip);

  return g_test_run ();
}
