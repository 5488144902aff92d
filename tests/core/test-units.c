/* test-units.c: responsible units renamed, merged and confirmed across a
 * plan, each a logged change undone in one step
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ledger-store.h"
#include "test-util.h"

#define PLAN_2026 "changzhi-2026"
#define PLAN_15TH "changzhi-15th-five-year"
#define STATISTICS "市统计局"              /* gdp-growth, cpi-rise, new-above-scale-enterprises */
#define SURVEY_TEAM "国家统计局长治调查队"
#define DEVELOPMENT "市发展改革委"         /* eight indicators of the 2026 plan */

static const char *statistics_codes[] = { "gdp-growth", "cpi-rise", "new-above-scale-enterprises" };

typedef struct
{
  char        *dir;
  LedgerStore *store;
  LedgerPlan  *plan;
  LedgerPlan  *plan_15th;
  guint        plans_changed;
} Fixture;

static void
plans_changed_cb (LedgerStore *store,
                  Fixture     *fixture)
{
  fixture->plans_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = test_tmp_dir_new ();
  path = g_build_filename (fixture->dir, "ledger.sqlite3", NULL);
  fixture->store = test_open_ledger (path);
  fixture->plan = test_find_plan (fixture->store, PLAN_2026);
  fixture->plan_15th = test_find_plan (fixture->store, PLAN_15TH);
  g_signal_connect (fixture->store, "plans-changed", G_CALLBACK (plans_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->plan);
  g_clear_object (&fixture->plan_15th);
  g_clear_object (&fixture->store);
  test_tmp_dir_free (fixture->dir);
}

static void
assert_unit (Fixture    *fixture,
             const char *plan_code,
             const char *code,
             const char *unit)
{
  g_autoptr(LedgerIndicator) indicator = test_find_indicator (fixture->store, plan_code, code);

  g_assert_cmpstr (ledger_indicator_get_responsible_unit (indicator), ==, unit);
}

static gboolean
is_confirmed (Fixture    *fixture,
              const char *code)
{
  g_autoptr(LedgerIndicator) indicator = test_find_indicator (fixture->store, PLAN_2026, code);

  return ledger_indicator_get_unit_confirmed (indicator);
}

/* The plan's units as "name:indicators:confirmed" lines, to compare. */
static char *
units_of (Fixture    *fixture,
          LedgerPlan *plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = ledger_store_list_units (fixture->store, plan, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < units->len; i++)
    {
      LedgerUnitUse *use = g_ptr_array_index (units, i);

      g_string_append_printf (text, "%s:%u:%u\n", use->name, use->n_indicators, use->n_confirmed);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const LedgerUnitUse *
find_unit (GPtrArray  *units,
           const char *name)
{
  for (guint i = 0; i < units->len; i++)
    {
      LedgerUnitUse *use = g_ptr_array_index (units, i);

      if (g_str_equal (use->name, name))
        return use;
    }
  return NULL;
}

/* The newest change logged for the indicator @code: an update whose old
 * definition holds @old_fragment and not @new_fragment, and whose new one
 * holds @new_fragment. */
static void
assert_logged (Fixture    *fixture,
               const char *code,
               const char *old_fragment,
               const char *new_fragment)
{
  g_autoptr(LedgerIndicator) indicator = test_find_indicator (fixture->store, PLAN_2026, code);
  g_autoptr(GListModel) changes = ledger_store_list_changes (fixture->store,
                                                            ledger_indicator_get_uuid (indicator));
  g_autoptr(LedgerChange) change = g_list_model_get_item (changes, 0);

  g_assert_nonnull (change);
  g_assert_cmpstr (ledger_change_get_action (change), ==, "update");
  g_assert_cmpstr (ledger_change_get_entity (change), ==, "indicator");
  g_assert_nonnull (strstr (ledger_change_get_old (change), old_fragment));
  g_assert_null (strstr (ledger_change_get_old (change), new_fragment));
  g_assert_nonnull (strstr (ledger_change_get_new (change), new_fragment));
}

/* CPI's unit becomes the survey team: every indicator of 市统计局 in the
 * plan follows, each logged; the other plan keeps its 市统计局; one undo
 * brings all three back. */
static void
test_rename (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *units_15th = units_of (fixture, fixture->plan_15th);
  g_autofree char *units_before = units_of (fixture, fixture->plan);
  g_autofree char *units_undone = NULL;
  g_autofree char *units_15th_after = NULL;
  g_autoptr(GPtrArray) units = NULL;
  guint changes = ledger_store_count_changes (fixture->store);

  g_assert_false (ledger_store_can_undo (fixture->store));
  g_assert_true (ledger_store_rename_unit (fixture->store, fixture->plan, STATISTICS, SURVEY_TEAM, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->plans_changed, ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (statistics_codes); i++)
    {
      assert_unit (fixture, PLAN_2026, statistics_codes[i], SURVEY_TEAM);
      assert_logged (fixture, statistics_codes[i], "\"responsible_unit\":\"" STATISTICS "\"",
                     "\"responsible_unit\":\"" SURVEY_TEAM "\"");
    }
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, changes + 3);
  units_15th_after = units_of (fixture, fixture->plan_15th);
  g_assert_cmpstr (units_15th_after, ==, units_15th);

  units = ledger_store_list_units (fixture->store, fixture->plan, &error);
  g_assert_null (find_unit (units, STATISTICS));
  g_assert_cmpuint (find_unit (units, SURVEY_TEAM)->n_indicators, ==, 3);
  g_assert_cmpuint (find_unit (units, SURVEY_TEAM)->n_confirmed, ==, 0);

  test_undo (fixture->store);
  for (guint i = 0; i < G_N_ELEMENTS (statistics_codes); i++)
    assert_unit (fixture, PLAN_2026, statistics_codes[i], STATISTICS);
  units_undone = units_of (fixture, fixture->plan);
  g_assert_cmpstr (units_undone, ==, units_before);
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, changes + 6);
  g_assert_false (ledger_store_can_undo (fixture->store));
}

/* Renamed to a unit the plan has: the two are one, and an undo parts
 * them as they were. */
static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autofree char *units_before = units_of (fixture, fixture->plan);
  g_autofree char *units_undone = NULL;
  guint changes = ledger_store_count_changes (fixture->store);

  g_assert_true (ledger_store_rename_unit (fixture->store, fixture->plan, STATISTICS, DEVELOPMENT, &error));
  g_assert_no_error (error);
  units = ledger_store_list_units (fixture->store, fixture->plan, &error);
  g_assert_null (find_unit (units, STATISTICS));
  g_assert_cmpuint (find_unit (units, DEVELOPMENT)->n_indicators, ==, 8 + 3);
  assert_unit (fixture, PLAN_2026, "cpi-rise", DEVELOPMENT);
  /* Only the indicators that changed are logged. */
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, changes + 3);

  test_undo (fixture->store);
  units_undone = units_of (fixture, fixture->plan);
  g_assert_cmpstr (units_undone, ==, units_before);
  assert_unit (fixture, PLAN_2026, "cpi-rise", STATISTICS);
  assert_unit (fixture, PLAN_2026, "fixed-asset-investment-growth", DEVELOPMENT);
}

/* Confirmed for all its indicators, logged; confirmed again, nothing
 * changes; one undo makes it a proposal again. */
static void
test_confirm (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = NULL;
  guint changes = ledger_store_count_changes (fixture->store);

  g_assert_false (is_confirmed (fixture, "cpi-rise"));
  g_assert_true (ledger_store_confirm_unit (fixture->store, fixture->plan, STATISTICS, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->plans_changed, ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (statistics_codes); i++)
    {
      g_assert_true (is_confirmed (fixture, statistics_codes[i]));
      assert_logged (fixture, statistics_codes[i], "\"responsible_unit\":\"" STATISTICS "\"",
                     "\"unit_confirmed\":true");
    }
  g_assert_false (is_confirmed (fixture, "fixed-asset-investment-growth"));
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, changes + 3);
  units = ledger_store_list_units (fixture->store, fixture->plan, &error);
  g_assert_cmpuint (find_unit (units, STATISTICS)->n_confirmed, ==, 3);

  g_assert_true (ledger_store_confirm_unit (fixture->store, fixture->plan, STATISTICS, TRUE, &error));
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, changes + 3);

  test_undo (fixture->store);
  for (guint i = 0; i < G_N_ELEMENTS (statistics_codes); i++)
    g_assert_false (is_confirmed (fixture, statistics_codes[i]));
  g_assert_false (ledger_store_can_undo (fixture->store));

  /* And back to a proposal, the other way. */
  g_assert_true (ledger_store_confirm_unit (fixture->store, fixture->plan, STATISTICS, TRUE, &error));
  g_assert_true (ledger_store_confirm_unit (fixture->store, fixture->plan, STATISTICS, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (is_confirmed (fixture, "gdp-growth"));
  test_undo (fixture->store);
  g_assert_true (is_confirmed (fixture, "gdp-growth"));
}

/* A merge keeps each indicator's confirmation: the merged unit is
 * confirmed for some of its indicators only. */
static void
test_merge_keeps_confirmation (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = NULL;

  g_assert_true (ledger_store_confirm_unit (fixture->store, fixture->plan, DEVELOPMENT, TRUE, &error));
  g_assert_true (ledger_store_rename_unit (fixture->store, fixture->plan, STATISTICS, DEVELOPMENT, &error));
  g_assert_no_error (error);
  units = ledger_store_list_units (fixture->store, fixture->plan, &error);
  g_assert_cmpuint (find_unit (units, DEVELOPMENT)->n_confirmed, ==, 8);
  g_assert_false (is_confirmed (fixture, "cpi-rise"));
}

/* Names are taken without the spaces around them. */
static void
test_trimmed (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ledger_store_rename_unit (fixture->store, fixture->plan, " " STATISTICS "\t",
                                           "  " SURVEY_TEAM " ", &error));
  g_assert_no_error (error);
  assert_unit (fixture, PLAN_2026, "cpi-rise", SURVEY_TEAM);
  g_assert_true (ledger_store_confirm_unit (fixture->store, fixture->plan, SURVEY_TEAM "  ", TRUE, &error));
  g_assert_true (is_confirmed (fixture, "cpi-rise"));
}

typedef struct
{
  const char *from;
  const char *to;          /* NULL: confirm @from */
  const char *fragment;    /* of the message */
} Refusal;

/* Refused: an empty name, the same name, a unit no indicator of the plan
 * has (市住建局 is only in the other plan). Nothing changes, nothing is
 * logged or signalled, nothing to undo. */
static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  static const Refusal refusals[] = {
    { STATISTICS, "", "empty" },
    { STATISTICS, "   ", "empty" },
    { "", SURVEY_TEAM, "empty" },
    { NULL, SURVEY_TEAM, "empty" },
    { STATISTICS, STATISTICS, STATISTICS },
    { STATISTICS, " " STATISTICS " ", STATISTICS },
    { "市住建局", SURVEY_TEAM, "市住建局" },
    { "市统计", SURVEY_TEAM, "市统计" },
    { "市住建局", NULL, "市住建局" },
    { " ", NULL, "empty" },
  };
  g_autofree char *units_before = units_of (fixture, fixture->plan);
  g_autofree char *units_15th = units_of (fixture, fixture->plan_15th);
  g_autofree char *units_15th_after = NULL;
  guint changes = ledger_store_count_changes (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      const Refusal *refusal = &refusals[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *units_after = NULL;
      gboolean done;

      if (refusal->to != NULL)
        done = ledger_store_rename_unit (fixture->store, fixture->plan, refusal->from, refusal->to, &error);
      else
        done = ledger_store_confirm_unit (fixture->store, fixture->plan, refusal->from, TRUE, &error);
      g_assert_false (done);
      test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID, refusal->fragment);
      units_after = units_of (fixture, fixture->plan);
      g_assert_cmpstr (units_after, ==, units_before);
    }
  units_15th_after = units_of (fixture, fixture->plan_15th);
  g_assert_cmpstr (units_15th_after, ==, units_15th);
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, changes);
  g_assert_cmpuint (fixture->plans_changed, ==, 0);
  g_assert_false (ledger_store_can_undo (fixture->store));
}

/* A unit's rename does not start the undo history anew: values recorded
 * before can still be undone after it. */
static void
test_undo_history_kept (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 cpi = test_indicator_id (fixture->store, PLAN_2026, "cpi-rise");
  g_autoptr(LedgerValue) value = NULL;

  test_set_number (fixture->store, cpi, "2026-03", 0.4, "");
  g_assert_true (ledger_store_rename_unit (fixture->store, fixture->plan, STATISTICS, SURVEY_TEAM, &error));
  test_undo (fixture->store);
  test_undo (fixture->store);
  value = ledger_store_get_value (fixture->store, cpi, "2026-03");
  g_assert_null (value);
  assert_unit (fixture, PLAN_2026, "cpi-rise", STATISTICS);
}

/* The units are listed in the order they first appear, without the
 * indicators that name none. */
static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = ledger_store_list_units (fixture->store, fixture->plan, &error);
  guint total = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (((LedgerUnitUse *) g_ptr_array_index (units, 0))->name, ==, STATISTICS);
  for (guint i = 0; i < units->len; i++)
    {
      LedgerUnitUse *use = g_ptr_array_index (units, i);

      g_assert_cmpstr (use->name, !=, "");
      g_assert_cmpuint (use->n_confirmed, ==, 0);
      total += use->n_indicators;
    }
  g_assert_cmpuint (total, ==, ledger_plan_count_indicators (fixture->plan));
  g_assert_cmpuint (find_unit (units, DEVELOPMENT)->n_indicators, ==, 8);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/units/list", Fixture, NULL, fixture_set_up, test_list, fixture_tear_down);
  g_test_add ("/units/rename", Fixture, NULL, fixture_set_up, test_rename, fixture_tear_down);
  g_test_add ("/units/merge", Fixture, NULL, fixture_set_up, test_merge, fixture_tear_down);
  g_test_add ("/units/confirm", Fixture, NULL, fixture_set_up, test_confirm, fixture_tear_down);
  g_test_add ("/units/merge-keeps-confirmation", Fixture, NULL, fixture_set_up,
              test_merge_keeps_confirmation, fixture_tear_down);
  g_test_add ("/units/trimmed", Fixture, NULL, fixture_set_up, test_trimmed, fixture_tear_down);
  g_test_add ("/units/refusals", Fixture, NULL, fixture_set_up, test_refusals, fixture_tear_down);
  g_test_add ("/units/undo-history-kept", Fixture, NULL, fixture_set_up, test_undo_history_kept,
              fixture_tear_down);

  return g_test_run ();
}
