/* test-jobs.c: the store's background jobs (backup, restore, plan
 * import): what they do, their progress, their cancel, their errors, and
 * what the window's store hears when they finish
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "ledger-job-progress.h"
#include "ledger-store-cycle.h"
#include "ledger-store-jobs.h"
#include "test-util.h"

typedef struct
{
  char        *dir;
  char        *path;
  LedgerStore *store;
  gint64       gdp;
  guint        plans_changed;
  guint        values_changed;
} Fixture;

static void
count_plans (LedgerStore *store,
             guint       *count)
{
  (*count)++;
}

static void
count_values (LedgerStore *store,
              gint64       indicator_id,
              guint       *count)
{
  (*count)++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = test_tmp_dir_new ();
  fixture->path = g_build_filename (fixture->dir, "ledger.sqlite3", NULL);
  fixture->store = test_open_ledger (fixture->path);
  fixture->gdp = test_indicator_id (fixture->store, "changzhi-2026", "gdp-growth");
  g_signal_connect (fixture->store, "plans-changed", G_CALLBACK (count_plans), &fixture->plans_changed);
  g_signal_connect (fixture->store, "values-changed", G_CALLBACK (count_values), &fixture->values_changed);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_free (fixture->path);
  test_tmp_dir_free (fixture->dir);
}

static GCancellable *
cancelled_new (void)
{
  GCancellable *cancellable = g_cancellable_new ();

  g_cancellable_cancel (cancellable);
  return cancellable;
}

static double
gdp_q1 (Fixture *fixture)
{
  g_autoptr(LedgerValue) value = ledger_store_get_value (fixture->store, fixture->gdp, "2026-Q1");

  return value != NULL ? ledger_value_get_number (value) : -1;
}

static gboolean
has_plan (Fixture    *fixture,
          const char *code)
{
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (fixture->store, NULL);

  return ledger_plan_find (plans, code) != NULL;
}

static guint
count_backups (Fixture *fixture)
{
  g_autoptr(GPtrArray) backups = ledger_store_list_backups (fixture->store);

  return backups->len;
}

static char *
back_up (Fixture            *fixture,
         LedgerJobProgress  *progress,
         GCancellable       *cancellable,
         GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ledger_store_backup_named_async (fixture->store, "manual", progress, cancellable, test_keep_result, &result);
  return ledger_store_backup_named_finish (fixture->store, test_wait_for (&result), error);
}

static gboolean
restore (Fixture            *fixture,
         const char         *path,
         LedgerJobProgress  *progress,
         GCancellable       *cancellable,
         char              **safety,
         GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ledger_store_restore_from_async (fixture->store, path, progress, cancellable, test_keep_result, &result);
  return ledger_store_restore_from_finish (fixture->store, test_wait_for (&result), safety, error);
}

static GPtrArray *
add_plans (Fixture            *fixture,
           GFile              *file,
           LedgerJobProgress  *progress,
           GCancellable       *cancellable,
           GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ledger_store_add_plans_from_file_async (fixture->store, file, progress, cancellable, test_keep_result, &result);
  return ledger_store_add_plans_from_file_finish (fixture->store, test_wait_for (&result), error);
}

/* Runs the main context until the progress has told all it was told. */
static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Reports from a thread arrive on the main context, the last one last,
 * and a burst of them is told once. */
static gpointer
report_from_thread (gpointer data)
{
  for (guint i = 1; i <= 1000; i++)
    ledger_job_progress_report (data, i, 1000);
  return NULL;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  (*count)++;
}

static void
test_progress_on_main_context (void)
{
  g_autoptr(LedgerJobProgress) progress = ledger_job_progress_new ();
  g_autoptr(GThread) thread = NULL;
  guint notified = 0;

  g_signal_connect (progress, "notify::fraction", G_CALLBACK (count_notify), &notified);
  thread = g_thread_new ("reporter", report_from_thread, progress);
  g_thread_join (g_steal_pointer (&thread));
  g_assert_cmpuint (notified, ==, 0);  /* not in the reporting thread */
  settle ();
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (ledger_job_progress_get_done (progress), ==, 1000);
  g_assert_cmpuint (ledger_job_progress_get_total (progress), ==, 1000);
  g_assert_cmpfloat (ledger_job_progress_get_fraction (progress), ==, 1.0);
  ledger_job_progress_report (NULL, 1, 2);  /* nobody watches: nothing happens */
}

/* Back Up Now in a worker: the backup is written, its pages counted. */
static void
test_backup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LedgerJobProgress) progress = ledger_job_progress_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = back_up (fixture, progress, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (strstr (path, "manual-") != NULL);
  settle ();
  g_assert_cmpuint (ledger_job_progress_get_total (progress), >, 0);
  g_assert_cmpfloat (ledger_job_progress_get_fraction (progress), ==, 1.0);
  g_assert_cmpuint (count_backups (fixture), ==, 1);
}

/* A cancelled backup leaves no file; a backup that cannot be written says why. */
static void
test_backup_cancelled_or_failed (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = cancelled_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = ledger_store_dup_backup_folder (fixture->store);
  g_autofree char *path = back_up (fixture, NULL, cancellable, &error);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (path);
  g_assert_cmpuint (count_backups (fixture), ==, 0);
  g_clear_error (&error);

  /* The backups folder's place taken by a file. */
  g_autofree char *parent = g_path_get_dirname (folder);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_rmdir (folder);
  test_write_file (folder, "not a folder", -1);
  g_assert_null (back_up (fixture, NULL, NULL, &error));
  g_assert_nonnull (error);
}

/* Today's backup in a worker, once a day. */
static void
test_backup_daily (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 11, 2, 9, 0, 0);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GAsyncResult) result = NULL;

      ledger_store_backup_daily_async (fixture->store, today, NULL, NULL, test_keep_result, &result);
      g_assert_true (ledger_store_backup_daily_finish (fixture->store, test_wait_for (&result), &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (count_backups (fixture), ==, 1);
}

/* Restore in a worker: the ledger is the backup's, the window's store
 * tells its views and forgets what it could undo; the safety copy is
 * there. */
static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(LedgerJobProgress) progress = ledger_job_progress_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *safety = NULL;

  if (test_skip_on_server ("restoring a backup is the server administrator's business"))
    return;
  test_set_number (fixture->store, fixture->gdp, "2026-Q1", 5.1, NULL);
  backup = back_up (fixture, NULL, NULL, &error);
  g_assert_no_error (error);
  test_set_number (fixture->store, fixture->gdp, "2026-Q1", 7.7, NULL);
  g_assert_true (ledger_store_can_undo (fixture->store));
  fixture->plans_changed = fixture->values_changed = 0;

  g_assert_true (restore (fixture, backup, progress, NULL, &safety, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (gdp_q1 (fixture), ==, 5.1);
  g_assert_true (g_file_test (safety, G_FILE_TEST_IS_REGULAR));
  g_assert_false (ledger_store_can_undo (fixture->store));
  g_assert_cmpuint (fixture->plans_changed, ==, 1);
  g_assert_cmpuint (fixture->values_changed, ==, 1);
  settle ();
  g_assert_cmpfloat (ledger_job_progress_get_fraction (progress), ==, 1.0);
}

/* A cancelled restore, or one of a file that is no ledger, changes nothing. */
static void
test_restore_cancelled_or_refused (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = cancelled_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *junk = g_build_filename (fixture->dir, "junk.sqlite3", NULL);

  if (test_skip_on_server ("restoring a backup is the server administrator's business"))
    return;
  test_set_number (fixture->store, fixture->gdp, "2026-Q1", 5.1, NULL);
  backup = back_up (fixture, NULL, NULL, &error);
  test_set_number (fixture->store, fixture->gdp, "2026-Q1", 7.7, NULL);
  fixture->plans_changed = fixture->values_changed = 0;

  g_assert_false (restore (fixture, backup, NULL, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  test_write_file (junk, "SQLite format 3 but not really", -1);
  g_assert_false (restore (fixture, junk, NULL, NULL, NULL, &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_NOT_A_LEDGER, "junk.sqlite3");

  g_assert_cmpfloat (gdp_q1 (fixture), ==, 7.7);
  g_assert_true (ledger_store_can_undo (fixture->store));
  g_assert_cmpuint (fixture->plans_changed, ==, 0);
  g_assert_cmpuint (fixture->values_changed, ==, 0);
}

/* A plan file added in a worker: its plans are in the ledger and the
 * window's store says so. */
static void
test_add_plans (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (CORE_TEST_DATA, "minimal-plan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LedgerJobProgress) progress = ledger_job_progress_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = add_plans (fixture, file, progress, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  g_assert_cmpstr (ledger_plan_get_code (g_ptr_array_index (plans, 0)), ==, "test-2026");
  g_assert_cmpuint (fixture->plans_changed, ==, 1);
  g_assert_true (has_plan (fixture, "test-2026"));
  settle ();
  g_assert_cmpfloat (ledger_job_progress_get_fraction (progress), ==, 1.0);

  /* The same plan again is refused, and nothing changes. */
  fixture->plans_changed = 0;
  g_assert_null (add_plans (fixture, file, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (fixture->plans_changed, ==, 0);
}

/* A file that is not a plan, a missing file and a cancelled import add nothing. */
static void
test_add_plans_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *bad_path = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autofree char *good_path = g_build_filename (CORE_TEST_DATA, "minimal-plan.json", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/plan.json");
  g_autoptr(GCancellable) cancellable = cancelled_new ();
  g_autoptr(GError) error = NULL;

  test_write_file (bad_path, "{\"format\": 1, \"plans\": [{\"code\": \"x'); DROP TABLE plans; --\"}]}", -1);
  g_assert_null (add_plans (fixture, bad, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (add_plans (fixture, missing, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (add_plans (fixture, good, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_assert_false (has_plan (fixture, "test-2026"));
  g_assert_true (has_plan (fixture, "changzhi-2026"));
  g_assert_cmpuint (fixture->plans_changed, ==, 0);
}

static gboolean
unlock_cb (gpointer lock)
{
  test_unlock_ledger (lock);
  return G_SOURCE_REMOVE;
}

/* While another program writes, the window's store (which does not wait)
 * refuses a write at once and writes nothing; a job started meanwhile
 * waits on its own connection and succeeds once the other write is over. */
static void
test_window_store_never_waits (Fixture       *fixture,
                               gconstpointer  data)
{
  if (test_skip_on_server ("locks the SQLite file"))
    return;

  g_autofree char *path = g_build_filename (CORE_TEST_DATA, "minimal-plan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LedgerValue) value = ledger_value_new (fixture->gdp, "2026-Q1", 6.2, NULL, "");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  gpointer lock;
  gint64 start;

  test_set_number (fixture->store, fixture->gdp, "2026-Q1", 5.1, NULL);
  ledger_store_set_waits_for_locks (fixture->store, FALSE);
  lock = test_lock_ledger (fixture->path);

  start = g_get_monotonic_time ();
  g_assert_false (ledger_store_set_value (fixture->store, value, &error));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 2);
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_LOCKED, "Nothing was saved");
  g_clear_error (&error);
  g_assert_cmpfloat (gdp_q1 (fixture), ==, 5.1);  /* reads go on */

  /* The lock is let go 300 ms later, on this thread; the job has waited. */
  g_timeout_add (300, unlock_cb, lock);
  plans = add_plans (fixture, file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plans);
  g_assert_true (has_plan (fixture, "test-2026"));

  g_assert_true (ledger_store_set_value (fixture->store, value, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (gdp_q1 (fixture), ==, 6.2);
}

static gboolean
undo_in_worker (Fixture  *fixture,
                GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ledger_store_undo_async (fixture->store, NULL, NULL, test_keep_result, &result);
  g_assert_false (ledger_store_can_undo (fixture->store));  /* one undo at a time */
  return ledger_store_undo_finish (fixture->store, test_wait_for (&result), error);
}

/* Undo in a worker takes back the last step and tells the window's store;
 * with nothing left, it says so; a step it cannot undo (another program
 * holds the ledger longer than the worker waits) comes back, to try again. */
static void
test_undo_in_worker (Fixture       *fixture,
                     gconstpointer  data)
{
  if (test_skip_on_server ("locks the SQLite file"))
    return;

  g_autoptr(GError) error = NULL;
  gpointer lock;

  test_set_number (fixture->store, fixture->gdp, "2026-Q1", 5.1, NULL);
  test_set_number (fixture->store, fixture->gdp, "2026-Q1", 7.7, NULL);
  fixture->values_changed = 0;

  g_assert_true (undo_in_worker (fixture, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (gdp_q1 (fixture), ==, 5.1);
  g_assert_cmpuint (fixture->values_changed, ==, 1);
  g_assert_true (ledger_store_can_undo (fixture->store));

  lock = test_lock_ledger (fixture->path);
  g_assert_false (undo_in_worker (fixture, &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_LOCKED, "in use");
  g_clear_error (&error);
  test_unlock_ledger (lock);
  g_assert_cmpfloat (gdp_q1 (fixture), ==, 5.1);
  g_assert_true (ledger_store_can_undo (fixture->store));

  g_assert_true (undo_in_worker (fixture, &error));
  g_assert_cmpfloat (gdp_q1 (fixture), ==, -1);
  g_assert_false (ledger_store_can_undo (fixture->store));
  g_assert_false (undo_in_worker (fixture, &error));
  g_assert_no_error (error);
}

static gboolean
import_in_worker (Fixture            *fixture,
                  GPtrArray          *values,
                  LedgerJobProgress  *progress,
                  GCancellable       *cancellable,
                  GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ledger_store_import_values_async (fixture->store, values, "", progress, cancellable, test_keep_result, &result);
  return ledger_store_import_values_finish (fixture->store, test_wait_for (&result), error);
}

/* Values typed for a period, written in a worker: progress per batch, one
 * step of undo, the window's store told; cancelled or into a closed
 * period, nothing at all. */
static void
test_import_values (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (fixture->store, NULL);
  g_autoptr(LedgerJobProgress) progress = ledger_job_progress_new ();
  g_autoptr(GCancellable) cancelled = cancelled_new ();
  g_autoptr(GError) error = NULL;
  gint64 plan_id = ledger_node_get_id (LEDGER_NODE (ledger_plan_find (plans, "changzhi-2026")));
  guint changes = ledger_store_count_changes (fixture->store);

  g_ptr_array_add (values, ledger_value_new (fixture->gdp, "2026-Q1", 5.3, "", ""));
  g_ptr_array_add (values, ledger_value_new (fixture->gdp, "2026-Q2", 5.6, "", ""));

  g_assert_false (import_in_worker (fixture, values, NULL, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, changes);

  g_assert_true (ledger_store_set_period_state (fixture->store, plan_id, "2026-Q2", LEDGER_PERIOD_CLOSED, NULL,
                                                &error));
  g_assert_false (import_in_worker (fixture, values, NULL, NULL, &error));
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CLOSED);
  g_clear_error (&error);
  g_assert_cmpfloat (gdp_q1 (fixture), ==, -1);
  g_assert_true (ledger_store_set_period_state (fixture->store, plan_id, "2026-Q2", LEDGER_PERIOD_OPEN, "补录",
                                                &error));

  fixture->values_changed = 0;
  g_assert_true (import_in_worker (fixture, values, progress, NULL, &error));
  g_assert_no_error (error);
  settle ();
  g_assert_cmpuint (ledger_job_progress_get_total (progress), ==, 2);
  g_assert_cmpfloat (ledger_job_progress_get_fraction (progress), ==, 1.0);
  g_assert_cmpfloat (gdp_q1 (fixture), ==, 5.3);
  g_assert_cmpuint (fixture->values_changed, >, 0);
  g_assert_true (ledger_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (gdp_q1 (fixture), ==, -1);
}

static const char *
unit_of_gdp (Fixture *fixture)
{
  g_autoptr(LedgerIndicator) gdp = test_find_indicator (fixture->store, "changzhi-2026", "gdp-growth");
  static char unit[256];

  g_strlcpy (unit, ledger_indicator_get_responsible_unit (gdp), sizeof unit);
  return unit;
}

/* A unit renamed and an indicator deleted in a worker: written and the
 * window's store told; the rename is one step of undo; refused, nothing. */
static void
test_rename_and_delete (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (fixture->store, NULL);
  LedgerPlan *plan = ledger_plan_find (plans, "changzhi-2026");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  ledger_store_rename_unit_async (fixture->store, plan, "市统计局", "市统计局", NULL, NULL, test_keep_result, &result);
  g_assert_false (ledger_store_rename_unit_finish (fixture->store, test_wait_for (&result), &error));
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&result);

  fixture->plans_changed = 0;
  ledger_store_rename_unit_async (fixture->store, plan, "市统计局", "国家统计局长治调查队", NULL, NULL,
                                  test_keep_result, &result);
  g_assert_true (ledger_store_rename_unit_finish (fixture->store, test_wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpstr (unit_of_gdp (fixture), ==, "国家统计局长治调查队");
  g_assert_cmpuint (fixture->plans_changed, >, 0);
  g_assert_true (ledger_store_undo (fixture->store, &error));
  g_assert_cmpstr (unit_of_gdp (fixture), ==, "市统计局");

  test_set_number (fixture->store, fixture->gdp, "2026-Q1", 5.1, NULL);
  fixture->plans_changed = 0;
  ledger_store_delete_indicator_async (fixture->store, fixture->gdp, NULL, NULL, test_keep_result, &result);
  g_assert_true (ledger_store_delete_indicator_finish (fixture->store, test_wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (gdp_q1 (fixture), ==, -1);
  g_assert_cmpuint (fixture->plans_changed, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/jobs/progress-on-main-context", test_progress_on_main_context);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/jobs/backup", test_backup);
  ADD ("/jobs/backup-cancelled-or-failed", test_backup_cancelled_or_failed);
  ADD ("/jobs/backup-daily", test_backup_daily);
  ADD ("/jobs/restore", test_restore);
  ADD ("/jobs/restore-cancelled-or-refused", test_restore_cancelled_or_refused);
  ADD ("/jobs/add-plans", test_add_plans);
  ADD ("/jobs/add-plans-refused", test_add_plans_refused);
  ADD ("/jobs/window-store-never-waits", test_window_store_never_waits);
  ADD ("/jobs/undo", test_undo_in_worker);
  ADD ("/jobs/import-values", test_import_values);
  ADD ("/jobs/rename-and-delete", test_rename_and_delete);
#undef ADD
  return g_test_run ();
}
