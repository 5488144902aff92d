/* test-follow-up.c: lead and supporting units, milestones and sub-items —
 * stored, logged, undone, renamed, migrated, carried by plan files — and
 * the statuses they make (overdue, behind)
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "ledger-context.h"
#include "ledger-csv-exchange.h"
#include "ledger-package.h"
#include "ledger-plan-file.h"
#include "ledger-report.h"
#include "ledger-store.h"
#include "ledger-task.h"
#include "test-pdf.h"
#include "test-util.h"

#define PLAN_2026 "changzhi-2026"
#define JOBS "new-urban-jobs"          /* cumulative, 4.3 万人, 市人社局 */
#define CONSUMPTION "boost-consumption" /* qualitative, 市商务局 */

typedef struct
{
  char        *dir;
  char        *path;
  LedgerStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = test_tmp_dir_new ();
  fixture->path = g_build_filename (fixture->dir, "ledger.sqlite3", NULL);
  fixture->store = test_open_ledger (fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_free (fixture->path);
  test_tmp_dir_free (fixture->dir);
}

/* The task holding the indicator @code in @plans, a reference. */
static LedgerTask *
find_task (GPtrArray  *plans,
           const char *code)
{
  LedgerPlan *plan = ledger_plan_find (plans, PLAN_2026);
  GListModel *areas = ledger_node_get_children (LEDGER_NODE (plan));

  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(LedgerNode) area = g_list_model_get_item (areas, a);
      GListModel *tasks = ledger_node_get_children (area);

      for (guint t = 0; t < g_list_model_get_n_items (tasks); t++)
        {
          g_autoptr(LedgerTask) task = g_list_model_get_item (tasks, t);
          GListModel *indicators = ledger_node_get_children (LEDGER_NODE (task));

          for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
            {
              g_autoptr(LedgerIndicator) indicator = g_list_model_get_item (indicators, i);

              if (g_str_equal (ledger_indicator_get_code (indicator), code))
                return g_steal_pointer (&task);
            }
        }
    }
  g_assert_not_reached ();
}

/* The first task of the first area of the first plan; @plans keep it. */
static LedgerTask *
first_task (GPtrArray *plans)
{
  g_autoptr(LedgerNode) area = g_list_model_get_item (ledger_node_get_children (g_ptr_array_index (plans, 0)), 0);
  g_autoptr(LedgerTask) task = g_list_model_get_item (ledger_node_get_children (area), 0);

  return task;
}

static GPtrArray *
list_plans (LedgerStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *plans = ledger_store_list_plans (store, &error);

  g_assert_no_error (error);
  return plans;
}

static LedgerTask *
task_of (LedgerStore *store,
         const char  *code)
{
  g_autoptr(GPtrArray) plans = list_plans (store);

  return find_task (plans, code);
}

static char *
task_uuid_of (LedgerStore *store,
              const char  *code)
{
  g_autoptr(LedgerTask) task = task_of (store, code);

  return g_strdup (ledger_node_get_uuid (LEDGER_NODE (task)));
}

static LedgerMilestone *
save_milestone (LedgerStore *store,
                const char  *owner_uuid,
                const char  *due,
                const char  *what,
                double       share)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  LedgerMilestone *milestone = ledger_milestone_new (uuid, owner_uuid, due, what);

  milestone->share = share;
  g_assert_true (ledger_store_save_milestone (store, milestone, &error));
  g_assert_no_error (error);
  return milestone;
}

static LedgerSubItem *
save_sub_item (LedgerStore *store,
               const char  *task_uuid,
               const char  *title,
               const char  *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  LedgerSubItem *item = ledger_sub_item_new (uuid, task_uuid, title, status, "");

  g_assert_true (ledger_store_save_sub_item (store, item, &error));
  g_assert_no_error (error);
  return item;
}

static void
set_supporting (LedgerStore *store,
                const char  *code,
                const char  *units)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerIndicator) indicator = test_find_indicator (store, PLAN_2026, code);

  g_object_set (indicator, "supporting-units", units, NULL);
  g_assert_true (ledger_store_update_indicator (store, indicator, &error));
  g_assert_no_error (error);
}

static void
set_task_units (LedgerStore *store,
                const char  *code,
                const char  *lead,
                const char  *supporting)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *task_uuid = task_uuid_of (store, code);

  g_assert_true (ledger_store_set_task_units (store, task_uuid, lead, supporting, &error));
  g_assert_no_error (error);
}

/* Everything written comes back, in its order, from a new connection. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *task_uuid = task_uuid_of (fixture->store, CONSUMPTION);
  g_autoptr(LedgerIndicator) jobs = test_find_indicator (fixture->store, PLAN_2026, JOBS);
  g_autoptr(LedgerMilestone) late = save_milestone (fixture->store, task_uuid, "2026-09-30", "9月底前 全面推开", NAN);
  g_autoptr(LedgerMilestone) early = save_milestone (fixture->store, task_uuid, "2026-06-30", "6月底前 出台方案", 30);
  g_autoptr(LedgerMilestone) own = save_milestone (fixture->store, ledger_indicator_get_uuid (jobs),
                                                   "2026-12-31", "全年 4.3万人", 100);
  g_autoptr(LedgerSubItem) first = save_sub_item (fixture->store, task_uuid, "以旧换新", "done");
  g_autoptr(LedgerSubItem) second = save_sub_item (fixture->store, task_uuid, "夜间经济", "in_progress");
  g_autoptr(LedgerStore) again = NULL;
  g_autofree char *location = NULL;
  g_autoptr(LedgerTask) task = NULL;
  g_autoptr(LedgerIndicator) jobs_again = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *milestones, *items;
  const LedgerMilestone *read;

  set_task_units (fixture->store, CONSUMPTION, " 市商务局 ", "市财政局\n市档案馆");
  set_supporting (fixture->store, JOBS, "市财政局\n市统计局");

  location = test_ledger_location (fixture->path);
  again = ledger_store_open (location, &error);
  g_assert_no_error (error);
  task = task_of (again, CONSUMPTION);
  g_assert_cmpstr (ledger_task_get_lead_unit (task), ==, "市商务局");
  g_assert_cmpstr (ledger_task_get_supporting_units (task), ==, "市财政局\n市档案馆");
  milestones = ledger_task_get_milestones (task);
  g_assert_cmpuint (milestones->len, ==, 2);
  read = g_ptr_array_index (milestones, 0);   /* by due date */
  g_assert_cmpstr (read->uuid, ==, early->uuid);
  g_assert_cmpstr (read->what, ==, "6月底前 出台方案");
  g_assert_cmpfloat (read->share, ==, 30);
  g_assert_false (ledger_milestone_is_done (read));
  g_assert_true (isnan (((LedgerMilestone *) g_ptr_array_index (milestones, 1))->share));
  items = ledger_task_get_sub_items (task);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpstr (((LedgerSubItem *) g_ptr_array_index (items, 0))->title, ==, "以旧换新");
  g_assert_cmpstr (((LedgerSubItem *) g_ptr_array_index (items, 1))->status, ==, "in_progress");

  jobs_again = test_find_indicator (again, PLAN_2026, JOBS);
  g_assert_cmpstr (ledger_indicator_get_supporting_units (jobs_again), ==, "市财政局\n市统计局");
  g_assert_cmpuint (ledger_indicator_get_milestones (jobs_again)->len, ==, 1);
  g_assert_cmpstr (((LedgerMilestone *) g_ptr_array_index (ledger_indicator_get_milestones (jobs_again), 0))->uuid,
                   ==, own->uuid);
  (void) late;
  (void) first;
  (void) second;
}

/* Marking done, editing and removing are logged under the owner and
 * undone one step at a time. */
static void
test_undo_and_log (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *task_uuid = task_uuid_of (fixture->store, CONSUMPTION);
  g_autoptr(LedgerMilestone) milestone = save_milestone (fixture->store, task_uuid, "2026-06-30", "出台方案", NAN);
  g_autoptr(LedgerSubItem) item = save_sub_item (fixture->store, task_uuid, "以旧换新", "not_started");
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerTask) task = NULL;

  ledger_milestone_set_done (milestone, "2026-06-20", "已印发");
  g_assert_true (ledger_store_save_milestone (fixture->store, milestone, &error));
  g_assert_no_error (error);
  g_assert_true (ledger_store_delete_sub_item (fixture->store, item->uuid, &error));
  g_assert_no_error (error);
  set_task_units (fixture->store, CONSUMPTION, "市商务局", "市财政局");

  changes = ledger_store_list_changes (fixture->store, task_uuid);
  g_assert_cmpuint (g_list_model_get_n_items (changes), >=, 5);

  test_undo (fixture->store);   /* the units */
  task = task_of (fixture->store, CONSUMPTION);
  g_assert_cmpstr (ledger_task_get_lead_unit (task), ==, "");
  g_assert_cmpuint (ledger_task_get_sub_items (task)->len, ==, 0);
  g_clear_object (&task);

  test_undo (fixture->store);   /* the sub-item comes back */
  task = task_of (fixture->store, CONSUMPTION);
  g_assert_cmpuint (ledger_task_get_sub_items (task)->len, ==, 1);
  g_assert_cmpstr (((LedgerSubItem *) g_ptr_array_index (ledger_task_get_sub_items (task), 0))->title, ==, "以旧换新");
  g_assert_true (ledger_milestone_is_done (g_ptr_array_index (ledger_task_get_milestones (task), 0)));
  g_clear_object (&task);

  test_undo (fixture->store);   /* open again */
  task = task_of (fixture->store, CONSUMPTION);
  g_assert_false (ledger_milestone_is_done (g_ptr_array_index (ledger_task_get_milestones (task), 0)));
  g_clear_object (&task);

  test_undo (fixture->store);   /* the sub-item never was */
  test_undo (fixture->store);   /* nor the milestone */
  task = task_of (fixture->store, CONSUMPTION);
  g_assert_cmpuint (ledger_task_get_milestones (task)->len, ==, 0);
  g_assert_cmpuint (ledger_task_get_sub_items (task)->len, ==, 0);
}

/* Bad input is refused with a reason, and nothing is written. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *task_uuid = task_uuid_of (fixture->store, CONSUMPTION);
  g_autoptr(LedgerIndicator) jobs = test_find_indicator (fixture->store, PLAN_2026, JOBS);
  const struct { const char *owner; const char *due; const char *what; double share; const char *done; const char *says; } cases[] = {
    { task_uuid, "2026-02-30", "x", NAN, "", "YYYY-MM-DD" },
    { task_uuid, "2026/06/30", "x", NAN, "", "YYYY-MM-DD" },
    { task_uuid, "2026-06-30", "", NAN, "", "what is due" },
    { task_uuid, "2026-06-30", "x", 130, "", "100" },
    { task_uuid, "2026-06-30", "x", NAN, "yesterday", "completion" },
    { "no-such-owner", "2026-06-30", "x", NAN, "", "no such task" },
    { task_uuid, "2026-06-30'); DROP TABLE milestones; --", "x", NAN, "", "YYYY-MM-DD" },
  };
  g_autoptr(LedgerSubItem) on_indicator = ledger_sub_item_new ("s-1", ledger_indicator_get_uuid (jobs), "x", NULL, "");
  g_autoptr(LedgerSubItem) bad_status = ledger_sub_item_new ("s-2", task_uuid, "x", "finished", "");
  g_autoptr(LedgerTask) task = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LedgerMilestone) milestone = ledger_milestone_new ("m-1", cases[i].owner, cases[i].due, cases[i].what);
      g_autoptr(GError) error = NULL;

      milestone->share = cases[i].share;
      ledger_milestone_set_done (milestone, cases[i].done, "");
      g_assert_false (ledger_store_save_milestone (fixture->store, milestone, &error));
      test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID, cases[i].says);
    }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (ledger_store_save_sub_item (fixture->store, on_indicator, &error));
    test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID, "task");
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (ledger_store_save_sub_item (fixture->store, bad_status, &error));
    test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID, "status");
  }
  task = task_of (fixture->store, CONSUMPTION);
  g_assert_cmpuint (ledger_task_get_milestones (task)->len, ==, 0);
  g_assert_cmpuint (ledger_task_get_sub_items (task)->len, ==, 0);
  g_assert_false (ledger_store_can_undo (fixture->store));
}

static const LedgerUnitUse *
find_use (GPtrArray  *units,
          const char *name)
{
  for (guint i = 0; i < units->len; i++)
    {
      const LedgerUnitUse *use = g_ptr_array_index (units, i);

      if (g_str_equal (use->name, name))
        return use;
    }
  return NULL;
}

/* Milestones and sub-items go with their task or indicator. */
static void
test_deleted_with_owner (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *task_uuid = task_uuid_of (fixture->store, CONSUMPTION);
  g_autoptr(LedgerIndicator) consumption = test_find_indicator (fixture->store, PLAN_2026, CONSUMPTION);
  g_autoptr(LedgerMilestone) of_task = save_milestone (fixture->store, task_uuid, "2026-06-30", "x", NAN);
  g_autoptr(LedgerMilestone) own = save_milestone (fixture->store, ledger_indicator_get_uuid (consumption),
                                                   "2026-06-30", "y", NAN);
  g_autoptr(LedgerSubItem) item = save_sub_item (fixture->store, task_uuid, "z", NULL);
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GError) error = NULL;

  /* The task's only indicator: the task goes too. */
  g_assert_true (ledger_store_delete_indicator (fixture->store, ledger_indicator_get_id (consumption), &error));
  g_assert_no_error (error);
  left = ledger_store_list_milestones (fixture->store, task_uuid, &error);
  g_assert_cmpuint (left->len, ==, 0);
  g_clear_pointer (&left, g_ptr_array_unref);
  left = ledger_store_list_milestones (fixture->store, ledger_indicator_get_uuid (consumption), &error);
  g_assert_cmpuint (left->len, ==, 0);
  g_assert_no_error (error);
  /* A sub-item of a task that is gone cannot be saved again. */
  g_assert_false (ledger_store_save_sub_item (fixture->store, item, &error));
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID);
  g_assert_cmpuint (ledger_store_count_schema_problems (fixture->store), ==, 0);
  (void) of_task;
  (void) own;
}

/* A rename reaches supporting lists and a task's lead unit, keeps their
 * order, merges a name listed twice, and is undone in one step. */
static void
test_rename_unit (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LedgerPlan) plan = test_find_plan (fixture->store, PLAN_2026);
  g_autoptr(LedgerIndicator) jobs = NULL;
  g_autoptr(LedgerTask) task = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GError) error = NULL;
  const LedgerUnitUse *use;

  set_supporting (fixture->store, JOBS, "市财政局\n市统计局\n市档案馆");
  set_task_units (fixture->store, CONSUMPTION, "市统计局", "市发展改革委\n市统计局");

  units = ledger_store_list_units (fixture->store, plan, &error);
  g_assert_no_error (error);
  use = find_use (units, "市档案馆");
  g_assert_nonnull (use);
  g_assert_cmpuint (use->n_indicators, ==, 0);
  g_assert_cmpuint (use->n_supporting, ==, 1);
  use = find_use (units, "市统计局");
  g_assert_cmpuint (use->n_tasks, ==, 1);
  g_assert_cmpuint (use->n_supporting, ==, 2);
  g_clear_pointer (&units, g_ptr_array_unref);

  g_assert_true (ledger_store_rename_unit (fixture->store, plan, "市统计局", "市统计局（长治）", &error));
  g_assert_no_error (error);
  jobs = test_find_indicator (fixture->store, PLAN_2026, JOBS);
  g_assert_cmpstr (ledger_indicator_get_supporting_units (jobs), ==, "市财政局\n市统计局（长治）\n市档案馆");
  task = task_of (fixture->store, CONSUMPTION);
  g_assert_cmpstr (ledger_task_get_lead_unit (task), ==, "市统计局（长治）");
  g_assert_cmpstr (ledger_task_get_supporting_units (task), ==, "市发展改革委\n市统计局（长治）");
  g_clear_object (&jobs);
  g_clear_object (&task);

  /* A unit named only in a supporting list is renamed too; merged where
   * the new name is there already. */
  g_assert_true (ledger_store_rename_unit (fixture->store, plan, "市档案馆", "市财政局", &error));
  g_assert_no_error (error);
  jobs = test_find_indicator (fixture->store, PLAN_2026, JOBS);
  g_assert_cmpstr (ledger_indicator_get_supporting_units (jobs), ==, "市财政局\n市统计局（长治）");
  g_clear_object (&jobs);

  test_undo (fixture->store);
  test_undo (fixture->store);
  jobs = test_find_indicator (fixture->store, PLAN_2026, JOBS);
  g_assert_cmpstr (ledger_indicator_get_supporting_units (jobs), ==, "市财政局\n市统计局\n市档案馆");
  task = task_of (fixture->store, CONSUMPTION);
  g_assert_cmpstr (ledger_task_get_lead_unit (task), ==, "市统计局");
  g_assert_cmpstr (ledger_task_get_supporting_units (task), ==, "市发展改革委\n市统计局");
}

/* A ledger of version 3 keeps its plan, values, units and change log;
 * its tasks and indicators start without follow-up. */
static void
test_migration_from_3 (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "old.sqlite3", NULL);
  g_autoptr(LedgerStore) store = NULL;
  g_autoptr(LedgerIndicator) jobs = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerMilestone) milestone = NULL;

  test_write_ledger_version_3 (path);
  store = ledger_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ledger_store_get_schema_version (store), ==, LEDGER_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (test_count_all_values (store), ==, 2);
  jobs = test_find_indicator (store, "p", "jobs");
  g_assert_cmpstr (ledger_indicator_get_responsible_unit (jobs), ==, "市人社局");
  g_assert_true (ledger_indicator_get_unit_confirmed (jobs));
  g_assert_cmpstr (ledger_indicator_get_supporting_units (jobs), ==, "");
  g_assert_cmpuint (ledger_indicator_get_milestones (jobs)->len, ==, 0);
  changes = ledger_store_list_changes (store, "i-uuid");
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 3);
  g_assert_cmpuint (ledger_store_count_schema_problems (store), ==, 0);

  milestone = save_milestone (store, "t-uuid", "2026-03-31", "一季度", NAN);
  plans = list_plans (store);
  g_assert_cmpuint (ledger_task_get_milestones (first_task (plans))->len, ==, 1);
}

/* The day milestones are judged on: the "as of" period's last day, or
 * today while it has not ended. */
static void
test_reference_date (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 12, 2, 10, 0, 0);
  const struct { const char *as_of; const char *day; } cases[] = {
    { "2026-02", "2026-02-28" },
    { "2026-06", "2026-06-30" },
    { "2026-Q3", "2026-09-30" },
    { "2026-11", "2026-11-30" },
    { "2026-12", "2026-12-02" },   /* the current month: today */
    { "2026", "2026-12-02" },
    { "2027-Q1", "2026-12-02" },
    { "2024-02", "2024-02-29" },   /* a leap year */
    { NULL, "2026-12-02" },
    { "garbage", "2026-12-02" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *day = ledger_follow_up_reference_date (cases[i].as_of, now);

      g_assert_cmpstr (day, ==, cases[i].day);
    }
}

static void
test_milestone_rules (void)
{
  g_autoptr(LedgerMilestone) milestone = ledger_milestone_new ("m", "o", "2026-06-30", "x");
  g_autoptr(GPtrArray) milestones = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_milestone_free);
  g_autofree char *shares = NULL;
  g_autofree char *none = NULL;
  const char *dates[] = { "2026-06-30", "2024-02-29" };
  const char *not_dates[] = { "2026-6-30", "2025-02-29", "2026-13-01", "2026-06-30x", "", "２０２６-06-30" };

  g_assert_false (ledger_milestone_is_overdue (milestone, "2026-06-30"));   /* due today */
  g_assert_true (ledger_milestone_is_overdue (milestone, "2026-07-01"));
  ledger_milestone_set_done (milestone, "2026-07-05", "迟了");
  g_assert_false (ledger_milestone_is_overdue (milestone, "2026-07-31"));  /* done: never overdue */

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    g_assert_true (ledger_date_is_valid (dates[i]));
  for (guint i = 0; i < G_N_ELEMENTS (not_dates); i++)
    g_assert_false (ledger_date_is_valid (not_dates[i]));

  none = ledger_milestones_custom_shares (milestones);
  g_assert_null (none);
  g_ptr_array_add (milestones, ledger_milestone_new ("a", "o", "2026-12-31", "全年"));
  ((LedgerMilestone *) g_ptr_array_index (milestones, 0))->share = 100;
  g_ptr_array_add (milestones, ledger_milestone_new ("b", "o", "2026-06-30", "6月底前 完成30%"));
  ((LedgerMilestone *) g_ptr_array_index (milestones, 1))->share = 30;
  g_ptr_array_add (milestones, ledger_milestone_new ("c", "o", "2026-03-31", "无比例"));
  shares = ledger_milestones_custom_shares (milestones);
  g_assert_cmpstr (shares, ==, "6:30,12:100");
}

static void
test_sub_items_roll_up (void)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_sub_item_free);
  const char *statuses[] = { "done", "done", "in_progress", "not_started", "done" };
  LedgerSubItemsRollUp roll_up;

  roll_up = ledger_sub_items_roll_up (NULL);
  g_assert_cmpuint (roll_up.n_items, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    g_ptr_array_add (items, ledger_sub_item_new ("s", "t", "x", statuses[i], ""));
  roll_up = ledger_sub_items_roll_up (items);
  g_assert_cmpuint (roll_up.n_items, ==, 5);
  g_assert_cmpuint (roll_up.n_done, ==, 3);
  g_assert_cmpuint (roll_up.n_behind, ==, 0);
  g_ptr_array_add (items, ledger_sub_item_new ("s", "t", "x", "behind", ""));
  g_assert_cmpuint (ledger_sub_items_roll_up (items).n_behind, ==, 1);
}

static LedgerStatus
status_as_of (LedgerStore *store,
              const char  *code,
              const char  *as_of)
{
  g_autoptr(LedgerContext) context = ledger_context_new (store);
  g_autoptr(LedgerIndicator) indicator = test_find_indicator (store, PLAN_2026, code);
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 12, 20, 9, 0, 0);

  ledger_context_set_today (context, today);
  ledger_context_set_as_of (context, as_of);
  return ledger_context_evaluate (context, indicator, NULL).status;
}

/* Overdue as of a month's end: not on the day it is due, from the next
 * month on; not once done; an achieved target stays achieved; a task's
 * milestone makes its indicators overdue. */
static void
test_overdue (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 jobs_id = test_indicator_id (fixture->store, PLAN_2026, JOBS);
  g_autoptr(LedgerIndicator) jobs = test_find_indicator (fixture->store, PLAN_2026, JOBS);
  g_autofree char *task_uuid = task_uuid_of (fixture->store, CONSUMPTION);
  g_autoptr(LedgerMilestone) milestone = NULL;
  g_autoptr(LedgerMilestone) of_task = NULL;
  g_autoptr(LedgerMilestone) milestone_due_today = NULL;
  g_autoptr(GDateTime) december = g_date_time_new_local (2026, 12, 20, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerContext) context = NULL;
  g_autoptr(LedgerPlan) plan = NULL;
  guint counts[LEDGER_N_STATUSES];

  test_set_number (fixture->store, jobs_id, "2026-05", 1.9, NULL);   /* 44 %: on track by May */
  milestone = save_milestone (fixture->store, ledger_indicator_get_uuid (jobs), "2026-06-30", "上半年 2.2万人", 50);
  g_assert_cmpint (status_as_of (fixture->store, JOBS, "2026-05"), !=, LEDGER_STATUS_OVERDUE);
  g_assert_cmpint (status_as_of (fixture->store, JOBS, "2026-06"), !=, LEDGER_STATUS_OVERDUE);
  g_assert_cmpint (status_as_of (fixture->store, JOBS, "2026-07"), ==, LEDGER_STATUS_OVERDUE);
  g_assert_cmpint (status_as_of (fixture->store, JOBS, "2026-12"), ==, LEDGER_STATUS_OVERDUE);
  milestone_due_today = save_milestone (fixture->store, task_uuid, "2026-12-20", "12月20日前", NAN);
  g_assert_cmpint (status_as_of (fixture->store, CONSUMPTION, "2026-12"), !=, LEDGER_STATUS_OVERDUE);
  g_assert_true (ledger_store_delete_milestone (fixture->store, milestone_due_today->uuid, &error));
  g_assert_no_error (error);

  context = ledger_context_new (fixture->store);
  ledger_context_set_today (context, december);
  ledger_context_set_as_of (context, "2026-07");
  plan = test_find_plan (fixture->store, PLAN_2026);
  ledger_context_count_statuses (context, LEDGER_NODE (plan), counts);
  g_assert_cmpuint (counts[LEDGER_STATUS_OVERDUE], ==, 1);

  ledger_milestone_set_done (milestone, "2026-07-10", "已完成");
  g_assert_true (ledger_store_save_milestone (fixture->store, milestone, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_as_of (fixture->store, JOBS, "2026-07"), !=, LEDGER_STATUS_OVERDUE);
  ledger_context_count_statuses (context, LEDGER_NODE (plan), counts);
  g_assert_cmpuint (counts[LEDGER_STATUS_OVERDUE], ==, 0);   /* the context followed the store */

  /* Achieved stays achieved, whatever is open. */
  g_assert_true (ledger_store_delete_milestone (fixture->store, milestone->uuid, &error));
  g_clear_pointer (&milestone, ledger_milestone_free);
  milestone = save_milestone (fixture->store, ledger_indicator_get_uuid (jobs), "2026-03-31", "一季度", NAN);
  test_set_number (fixture->store, jobs_id, "2026-07", 4.5, NULL);
  g_assert_cmpint (status_as_of (fixture->store, JOBS, "2026-07"), ==, LEDGER_STATUS_ACHIEVED);

  /* The task's milestone makes its qualitative indicator overdue. */
  test_set_status (fixture->store, test_indicator_id (fixture->store, PLAN_2026, CONSUMPTION), "2026-Q2",
                   "in_progress", NULL);
  of_task = save_milestone (fixture->store, task_uuid, "2026-08-31", "8月底前 出台方案", NAN);
  g_assert_cmpint (status_as_of (fixture->store, CONSUMPTION, "2026-08"), ==, LEDGER_STATUS_IN_PROGRESS);
  g_assert_cmpint (status_as_of (fixture->store, CONSUMPTION, "2026-09"), ==, LEDGER_STATUS_OVERDUE);
}

/* A sub-item behind (滞后) makes the task behind; overdue goes first; a
 * task done stays done. */
static void
test_sub_item_behind (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 id = test_indicator_id (fixture->store, PLAN_2026, CONSUMPTION);
  g_autofree char *task_uuid = task_uuid_of (fixture->store, CONSUMPTION);
  g_autoptr(LedgerSubItem) item = NULL;
  g_autoptr(LedgerMilestone) milestone = NULL;
  g_autoptr(GError) error = NULL;

  test_set_status (fixture->store, id, "2026-Q2", "in_progress", NULL);
  item = save_sub_item (fixture->store, task_uuid, "夜间经济", "in_progress");
  g_assert_cmpint (status_as_of (fixture->store, CONSUMPTION, "2026-06"), ==, LEDGER_STATUS_IN_PROGRESS);
  g_free (item->status);
  item->status = g_strdup ("behind");
  g_assert_true (ledger_store_save_sub_item (fixture->store, item, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_as_of (fixture->store, CONSUMPTION, "2026-06"), ==, LEDGER_STATUS_BEHIND);

  milestone = save_milestone (fixture->store, task_uuid, "2026-04-30", "4月底前", NAN);
  g_assert_cmpint (status_as_of (fixture->store, CONSUMPTION, "2026-06"), ==, LEDGER_STATUS_OVERDUE);

  test_set_status (fixture->store, id, "2026-Q2", "done", NULL);
  g_assert_cmpint (status_as_of (fixture->store, CONSUMPTION, "2026-06"), ==, LEDGER_STATUS_DONE);
}

static const char format_3_plan[] =
  "{\"format\": 3, \"plans\": [{\"uuid\": \"11111111-1111-4111-8111-111111111111\", \"code\": \"p\","
  " \"title\": \"P\", \"first_year\": 2026, \"last_year\": 2026, \"areas\": [{"
  " \"uuid\": \"22222222-2222-4222-8222-222222222222\", \"title\": \"A\", \"tasks\": [{"
  "  \"uuid\": \"33333333-3333-4333-8333-333333333333\", \"title\": \"T\","
  "  \"lead_unit\": \"市商务局\", \"supporting_units\": [\"市财政局\", \"市档案馆\"],"
  "  \"milestones\": [{\"uuid\": \"44444444-4444-4444-8444-444444444444\", \"due\": \"2026-06-30\","
  "    \"what\": \"6月底前 完成30%\", \"share\": 30, \"done_on\": \"2026-06-28\", \"note\": \"已完成\"}],"
  "  \"sub_items\": [{\"uuid\": \"55555555-5555-4555-8555-555555555555\", \"title\": \"以旧换新\","
  "    \"status\": \"behind\", \"note\": \"资金未到位\"}],"
  "  \"indicators\": [{\"uuid\": \"66666666-6666-4666-8666-666666666666\", \"code\": \"x\","
  "   \"name\": \"X\", \"kind\": \"qualitative\", \"frequency\": \"quarterly\","
  "   \"responsible_unit\": \"市商务局\", \"supporting_units\": [\"市统计局\"],"
  "   \"milestones\": [{\"uuid\": \"77777777-7777-4777-8777-777777777777\", \"due\": \"2026-09-30\","
  "     \"what\": \"9月底前\"}]}]}]}]}]}";

static GPtrArray *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *plans = ledger_plan_file_parse (text, -1, &error);

  g_assert_no_error (error);
  return plans;
}

static void
assert_refused (const char *from,
                const char *to,
                const char *says)
{
  g_autoptr(GString) text = g_string_new (format_3_plan);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;

  g_assert_cmpuint (g_string_replace (text, from, to, 1), ==, 1);
  plans = ledger_plan_file_parse (text->str, -1, &error);
  g_assert_null (plans);
  test_assert_error_mentions (error, LEDGER_PLAN_FILE_ERROR, LEDGER_PLAN_FILE_ERROR_INVALID, says);
}

/* Format 3 carries units, milestones and sub-items, written back as
 * read; a format 2 file is still read, but cannot hold them. */
static void
test_plan_file (void)
{
  g_autoptr(GPtrArray) plans = parse_ok (format_3_plan);
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *first = ledger_plan_file_to_data (plans);
  g_autofree char *second = NULL;
  LedgerTask *task = first_task (plans);
  g_autoptr(LedgerIndicator) indicator = g_list_model_get_item (ledger_node_get_children (LEDGER_NODE (task)), 0);
  const LedgerMilestone *milestone = g_ptr_array_index (ledger_task_get_milestones (task), 0);
  const LedgerSubItem *item = g_ptr_array_index (ledger_task_get_sub_items (task), 0);
  g_autoptr(GString) format_2 = g_string_new (format_3_plan);
  g_autoptr(GPtrArray) plain = NULL;

  g_assert_cmpstr (ledger_task_get_lead_unit (task), ==, "市商务局");
  g_assert_cmpstr (ledger_task_get_supporting_units (task), ==, "市财政局\n市档案馆");
  g_assert_cmpstr (milestone->owner_uuid, ==, "33333333-3333-4333-8333-333333333333");
  g_assert_cmpfloat (milestone->share, ==, 30);
  g_assert_cmpstr (milestone->done_on, ==, "2026-06-28");
  g_assert_cmpstr (milestone->note, ==, "已完成");
  g_assert_cmpstr (item->status, ==, "behind");
  g_assert_cmpstr (item->note, ==, "资金未到位");
  g_assert_cmpstr (ledger_indicator_get_supporting_units (indicator), ==, "市统计局");
  g_assert_cmpuint (ledger_indicator_get_milestones (indicator)->len, ==, 1);

  again = parse_ok (first);
  second = ledger_plan_file_to_data (again);
  g_assert_cmpstr (first, ==, second);
  g_assert_nonnull (strstr (first, "\"supporting_units\""));
  g_assert_nonnull (strstr (first, "\"sub_items\""));

  /* Format 2 is read, without the new members. */
  g_string_replace (format_2, "\"format\": 3", "\"format\": 2", 1);
  plain = ledger_plan_file_parse (format_2->str, -1, NULL);
  g_assert_null (plain);
  assert_refused ("\"due\": \"2026-06-30\"", "\"due\": \"2026-06-31\"", "due");
  assert_refused ("\"share\": 30", "\"share\": 300", "share");
  assert_refused ("\"status\": \"behind\"", "\"status\": \"late\"", "late");
  assert_refused ("[\"市财政局\", \"市档案馆\"]", "[\"市财政局\", 7]", "supporting_units");
  assert_refused ("[\"市财政局\", \"市档案馆\"]", "[\"市财政局\", \"  \"]", "supporting_units");
  assert_refused ("\"uuid\": \"77777777-7777-4777-8777-777777777777\"",
                  "\"uuid\": \"44444444-4444-4444-8444-444444444444\"", "twice");
}

/* A plan file of format 3 with follow-up goes into a ledger whole. */
static void
test_plan_into_store (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) plans = parse_ok (format_3_plan);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *written = NULL;
  g_autofree char *expected = ledger_plan_file_to_data (plans);
  g_autoptr(GPtrArray) only = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_true (ledger_store_add_plans (fixture->store, plans, &error));
  g_assert_no_error (error);
  listed = list_plans (fixture->store);
  g_ptr_array_add (only, g_object_ref (ledger_plan_find (listed, "p")));
  written = ledger_plan_file_to_data (only);
  g_assert_cmpstr (written, ==, expected);
}

/* A unit's data package holds what it supports, of an indicator or of a
 * task; the CSV export lists the supporting units. */
static void
test_exchange (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *package = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) units = NULL;
  LedgerTolerances tolerances;

  set_supporting (fixture->store, JOBS, "市财政局\n市档案馆");
  set_task_units (fixture->store, CONSUMPTION, "", "市档案馆");
  test_set_number (fixture->store, test_indicator_id (fixture->store, PLAN_2026, JOBS), "2026-03", 1.2, NULL);
  test_set_status (fixture->store, test_indicator_id (fixture->store, PLAN_2026, CONSUMPTION), "2026-Q1",
                   "in_progress", NULL);

  package = ledger_package_export (fixture->store, "市档案馆", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (package, "\"" JOBS "\""));
  g_assert_nonnull (strstr (package, "\"" CONSUMPTION "\""));
  g_assert_null (strstr (package, "\"gdp-growth\""));
  units = ledger_package_list_units (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_true (g_ptr_array_find_with_equal_func (units, "市档案馆", g_str_equal, NULL));

  ledger_tolerances_init_default (&tolerances);
  csv = ledger_csv_export_ledger (fixture->store, &tolerances, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (csv, ",supporting_units,"));
  g_assert_nonnull (strstr (csv, ",市财政局、市档案馆,"));
}

/* The monthly report says a task is overdue. */
static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *task_uuid = task_uuid_of (fixture->store, CONSUMPTION);
  g_autoptr(LedgerMilestone) milestone = NULL;
  g_autoptr(GDateTime) december = g_date_time_new_local (2026, 12, 20, 9, 0, 0);
  g_autoptr(LedgerContext) context = ledger_context_new (fixture->store);
  g_autoptr(LedgerPlan) plan = test_find_plan (fixture->store, PLAN_2026);
  g_autoptr(LedgerReport) report = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  test_set_status (fixture->store, test_indicator_id (fixture->store, PLAN_2026, CONSUMPTION), "2026-Q2",
                   "in_progress", NULL);
  milestone = save_milestone (fixture->store, task_uuid, "2026-06-30", "6月底前 出台方案", NAN);
  ledger_context_set_today (context, december);
  ledger_context_set_as_of (context, "2026-07");
  report = ledger_report_new (context, plan);
  ledger_report_set_date (report, december);
  g_assert_true (ledger_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  text = test_pdf_text (path, 1, test_pdf_pages (path));
  g_assert_nonnull (strstr (text, "Overdue"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/follow-up/store/round-trip", test_round_trip);
  ADD ("/follow-up/store/undo-and-log", test_undo_and_log);
  ADD ("/follow-up/store/refused", test_refused);
  ADD ("/follow-up/store/rename-unit", test_rename_unit);
  ADD ("/follow-up/store/deleted-with-owner", test_deleted_with_owner);
  ADD ("/follow-up/store/migration-from-3", test_migration_from_3);
  ADD ("/follow-up/store/plan-file", test_plan_into_store);
  ADD ("/follow-up/exchange/package-and-csv", test_exchange);
  ADD ("/follow-up/report", test_report);
  ADD ("/follow-up/status/overdue", test_overdue);
  ADD ("/follow-up/status/sub-item-behind", test_sub_item_behind);
#undef ADD
  g_test_add_func ("/follow-up/status/reference-date", test_reference_date);
  g_test_add_func ("/follow-up/status/milestone-rules", test_milestone_rules);
  g_test_add_func ("/follow-up/status/sub-items-roll-up", test_sub_items_roll_up);
  g_test_add_func ("/follow-up/plan-file/format-3", test_plan_file);

  return g_test_run ();
}
