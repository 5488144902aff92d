/* test-chart-scale.c: the value axis of the charts — round steps, ticks
 * that cover the data and zero, labels in the indicator's unit
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "ledger-chart-scale.h"

/* A step is 1, 2, 2.5 or 5 times a power of ten, and the smallest such
 * that covers the span in max_ticks - 1 intervals. */
static void
test_nice_step (void)
{
  static const struct { double span; guint ticks; double step; } cases[] = {
    { 4.3, 6, 1 },        /* 4.3 万人 in 5 intervals: 0.86 → 1 */
    { 2000, 6, 500 },     /* 2000 个: 400 → 500 */
    { 1.7, 6, 0.5 },      /* 1.7 亿吨: 0.34 → 0.5 */
    { 6.3, 6, 2 },        /* 6.3%: 1.26 → 2 */
    { 100, 6, 20 },       /* 100%: 20 → 20 */
    { 1.12, 6, 0.25 },    /* 1.12 万亩: 0.224 → 0.25 */
    { 45, 6, 10 },        /* 45 微克/立方米: 9 → 10 */
    { 400, 3, 200 },      /* a sparkline's 3 ticks */
    { 0, 6, 1 },          /* nothing to show */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpfloat_with_epsilon (ledger_chart_nice_step (cases[i].span, cases[i].ticks), cases[i].step, 1e-9);
}

/* The axis covers zero and the data, at round ends, in no more ticks than
 * asked. */
static void
test_scale_covers (void)
{
  static const struct { double min, max; guint ticks; double lower, upper, step; } cases[] = {
    { 0.5, 4.515, 6, 0, 5, 1 },
    { 5.2, 6.3, 6, 0, 8, 2 },
    { -1.5, 6, 6, -2, 6, 2 },
    { 28, 46, 6, 0, 50, 10 },
    { 0, 0, 6, 0, 1, 0.2 },
    { 1234, 1234, 6, 0, 1250, 250 },   /* 246.8 → 250 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LedgerChartScale scale;

      ledger_chart_scale_init (&scale, cases[i].min, cases[i].max, cases[i].ticks);
      g_assert_cmpfloat_with_epsilon (scale.lower, cases[i].lower, 1e-9);
      g_assert_cmpfloat_with_epsilon (scale.upper, cases[i].upper, 1e-9);
      g_assert_cmpfloat_with_epsilon (scale.step, cases[i].step, 1e-9);
      g_assert_cmpuint (scale.n_ticks, <=, cases[i].ticks);
      g_assert_cmpfloat (scale.lower, <=, MIN (cases[i].min, 0));
      g_assert_cmpfloat (scale.upper, >=, MAX (cases[i].max, 0));
      /* The ticks run from end to end. */
      g_assert_cmpfloat_with_epsilon (ledger_chart_scale_tick (&scale, scale.n_ticks - 1), scale.upper, 1e-9);
      g_assert_cmpfloat_with_epsilon (ledger_chart_scale_position (&scale, scale.lower), 0, 1e-9);
      g_assert_cmpfloat_with_epsilon (ledger_chart_scale_position (&scale, scale.upper), 1, 1e-9);
    }
}

/* Ticks are exact round numbers: 0.1 × 3 shows as 0.3. */
static void
test_ticks_are_round (void)
{
  LedgerChartScale scale;
  g_autofree char *label = NULL;

  ledger_chart_scale_init (&scale, 0, 0.5, 6);
  g_assert_cmpfloat (scale.step, ==, 0.1);
  g_assert_cmpfloat (ledger_chart_scale_tick (&scale, 3), ==, 0.3);
  label = ledger_chart_scale_label (&scale, ledger_chart_scale_tick (&scale, 3), NULL);
  g_assert_cmpstr (label, ==, "0.3");
}

/* Labels: as few digits as the step needs, and the unit as the report
 * writes it. */
static void
test_labels (void)
{
  static const struct { double max; double value; const char *unit; const char *label; } cases[] = {
    { 2000, 1500, "个", "1500 个" },
    { 6.3, 4, "%", "4%" },
    { 1.7, 1.5, "亿吨", "1.5 亿吨" },
    { 1.12, 0.75, "万亩", "0.75 万亩" },
    { 45, 30, "微克/立方米", "30 微克/立方米" },
    { 100, 0, "%", "0%" },
    { 4.3, 3, "", "3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LedgerChartScale scale;
      g_autofree char *label = NULL;

      ledger_chart_scale_init (&scale, 0, cases[i].max, 6);
      label = ledger_chart_scale_label (&scale, cases[i].value, cases[i].unit);
      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-scale/nice-step", test_nice_step);
  g_test_add_func ("/chart-scale/covers", test_scale_covers);
  g_test_add_func ("/chart-scale/ticks-are-round", test_ticks_are_round);
  g_test_add_func ("/chart-scale/labels", test_labels);

  return g_test_run ();
}
