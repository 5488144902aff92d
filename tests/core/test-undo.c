/* test-undo.c: undoing the last change, a whole batch at a time
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "ledger-plan-file.h"
#include "ledger-store.h"
#include "test-util.h"

typedef struct
{
  char        *dir;
  LedgerStore *store;
  gint64       jobs;
  gint64       gdp;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = test_tmp_dir_new ();
  path = g_build_filename (fixture->dir, "ledger.sqlite3", NULL);
  fixture->store = test_open_ledger (path);
  fixture->jobs = test_indicator_id (fixture->store, "changzhi-2026", "new-urban-jobs");
  fixture->gdp = test_indicator_id (fixture->store, "changzhi-2026", "gdp-growth");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  test_tmp_dir_free (fixture->dir);
}

/* The number recorded for @period, or -1 when there is none. */
static double
number_of (Fixture    *fixture,
           gint64      id,
           const char *period)
{
  g_autoptr(LedgerValue) value = ledger_store_get_value (fixture->store, id, period);

  return value != NULL ? ledger_value_get_number (value) : -1;
}

/* Insert, update and delete are undone one at a time, last first. */
static void
test_each_kind_of_change (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ledger_store_can_undo (fixture->store));
  test_set_number (fixture->store, fixture->jobs, "2026-05", 1.8, "");
  test_set_number (fixture->store, fixture->jobs, "2026-05", 2.0, "");
  g_assert_true (ledger_store_delete_value (fixture->store, fixture->jobs, "2026-05", &error));
  g_assert_true (ledger_store_can_undo (fixture->store));

  test_undo (fixture->store);   /* the delete */
  g_assert_cmpfloat (number_of (fixture, fixture->jobs, "2026-05"), ==, 2.0);
  test_undo (fixture->store);   /* the update */
  g_assert_cmpfloat (number_of (fixture, fixture->jobs, "2026-05"), ==, 1.8);
  test_undo (fixture->store);   /* the insert */
  g_assert_cmpfloat (number_of (fixture, fixture->jobs, "2026-05"), ==, -1);
  g_assert_false (ledger_store_can_undo (fixture->store));
  g_assert_false (ledger_store_undo (fixture->store, &error));
  g_assert_no_error (error);
}

/* A batch is undone as a whole, and the undo is in the change log. */
static void
test_batch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint changes;

  test_set_number (fixture->store, fixture->gdp, "2026-Q1", 5.1, "");
  g_ptr_array_add (batch, ledger_value_new (fixture->gdp, "2026-Q1", 5.4, "revised", ""));
  g_ptr_array_add (batch, ledger_value_new (fixture->gdp, "2026-Q2", 5.8, "", ""));
  g_ptr_array_add (batch, ledger_value_new (fixture->jobs, "2026-06", 2.6, "", ""));
  g_assert_true (ledger_store_import_values (fixture->store, batch, "batch", &error));
  changes = ledger_store_count_changes (fixture->store);

  test_undo (fixture->store);
  g_assert_cmpfloat (number_of (fixture, fixture->gdp, "2026-Q1"), ==, 5.1);
  g_assert_cmpfloat (number_of (fixture, fixture->gdp, "2026-Q2"), ==, -1);
  g_assert_cmpfloat (number_of (fixture, fixture->jobs, "2026-06"), ==, -1);
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, changes + 3);

  test_undo (fixture->store);
  g_assert_cmpfloat (number_of (fixture, fixture->gdp, "2026-Q1"), ==, -1);
}

static LedgerIndicator *
find_indicator (LedgerStore *store,
                gint64       id)
{
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (store, NULL);
  GListModel *areas = ledger_node_get_children (g_ptr_array_index (plans, 0));
  g_autoptr(LedgerNode) area = g_list_model_get_item (areas, 0);

  for (guint t = 0; t < g_list_model_get_n_items (ledger_node_get_children (area)); t++)
    {
      g_autoptr(LedgerNode) task = g_list_model_get_item (ledger_node_get_children (area), t);
      g_autoptr(LedgerIndicator) indicator = g_list_model_get_item (ledger_node_get_children (task), 0);

      if (ledger_indicator_get_id (indicator) == id)
        return g_steal_pointer (&indicator);
    }
  g_assert_not_reached ();
}

/* A change of an indicator's definition is undone too; adding a plan
 * starts the history anew. */
static void
test_definition (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LedgerIndicator) before = find_indicator (fixture->store, fixture->gdp);
  g_autoptr(LedgerIndicator) changed = NULL;
  g_autoptr(LedgerIndicator) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;

  changed = g_object_new (LEDGER_TYPE_INDICATOR,
                          "uuid", ledger_indicator_get_uuid (before), "code", "gdp-growth",
                          "name", "地区生产总值增长", "unit", "%", "kind", LEDGER_KIND_RATE,
                          "comparator", LEDGER_COMPARATOR_AT_LEAST, "better", LEDGER_BETTER_HIGHER,
                          "target", 6.5, "frequency", LEDGER_FREQUENCY_QUARTERLY, NULL);
  ledger_indicator_set_id (changed, fixture->gdp);
  g_assert_true (ledger_store_update_indicator (fixture->store, changed, &error));
  test_undo (fixture->store);
  after = find_indicator (fixture->store, fixture->gdp);
  g_assert_cmpfloat (ledger_indicator_get_target (after), ==, ledger_indicator_get_target (before));
  g_assert_cmpint (ledger_indicator_get_comparator (after), ==, ledger_indicator_get_comparator (before));
  g_assert_cmpstr (ledger_indicator_get_responsible_unit (after), ==,
                   ledger_indicator_get_responsible_unit (before));

  test_set_number (fixture->store, fixture->jobs, "2026-05", 1.8, "");
  plans = ledger_plan_file_load_builtin ("changzhi-2026.json", &error);
  g_assert_false (ledger_store_add_plans (fixture->store, plans, &error));  /* already there */
  g_clear_error (&error);
  g_assert_true (ledger_store_can_undo (fixture->store));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/undo/each-kind-of-change", Fixture, NULL, fixture_set_up, test_each_kind_of_change,
              fixture_tear_down);
  g_test_add ("/undo/batch", Fixture, NULL, fixture_set_up, test_batch, fixture_tear_down);
  g_test_add ("/undo/definition", Fixture, NULL, fixture_set_up, test_definition, fixture_tear_down);

  return g_test_run ();
}
