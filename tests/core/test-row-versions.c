/* test-row-versions.c: two desks on one ledger never overwrite each
 * other's figures unseen
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test opens a second store on the fixture's ledger: another program
 * on the same file, or (in the server suite) another desk on the same
 * server database. The same code runs on both engines.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "ledger-store.h"
#include "test-util.h"

typedef struct
{
  TestLedgerStore  base;
  LedgerStore     *other;   /* the second desk */
  gint64           jobs;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  test_ledger_store_set_up (&fixture->base, data);
  fixture->other = ledger_store_open_checked (ledger_store_get_path (fixture->base.store), &error);
  g_assert_no_error (error);
  fixture->jobs = test_indicator_id (fixture->base.store, TEST_RANKED_PLAN, TEST_RANKED_INDICATOR);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->other);
  test_ledger_store_tear_down (&fixture->base, data);
}

/* A figure as the value dialog saves it: typed against what it showed. */
static gboolean
save_typed (LedgerStore  *store,
            gint64        indicator_id,
            double        number,
            gint64        shown_version,
            GError      **error)
{
  g_autoptr(LedgerValue) value = ledger_value_new (indicator_id, "2026-05", number, NULL, "");

  ledger_value_set_expected_version (value, shown_version);
  return ledger_store_set_value (store, value, error);
}

static gint64
version_of (LedgerStore *store,
            gint64       indicator_id)
{
  g_autoptr(LedgerValue) value = ledger_store_get_value (store, indicator_id, "2026-05");

  return value != NULL ? ledger_value_get_version (value) : 0;
}

static double
number_of (LedgerStore *store,
           gint64       indicator_id)
{
  g_autoptr(LedgerValue) value = ledger_store_get_value (store, indicator_id, "2026-05");

  g_assert_nonnull (value);
  return ledger_value_get_number (value);
}

/* Every save of a cell counts one up; an unchanged save writes nothing. */
static void
test_versions_count_saves (Fixture       *fixture,
                           gconstpointer  data)
{
  g_assert_cmpint (version_of (fixture->base.store, fixture->jobs), ==, 0);
  test_set_number (fixture->base.store, fixture->jobs, "2026-05", 1.0, NULL);
  g_assert_cmpint (version_of (fixture->base.store, fixture->jobs), ==, 1);
  test_set_number (fixture->base.store, fixture->jobs, "2026-05", 1.5, NULL);
  test_set_number (fixture->base.store, fixture->jobs, "2026-05", 1.5, NULL);
  g_assert_cmpint (version_of (fixture->base.store, fixture->jobs), ==, 2);
  g_assert_cmpint (version_of (fixture->other, fixture->jobs), ==, 2);
}

/* Desk A shows 1.0 (version 1); desk B saves 1.2; A's 1.1 is refused with
 * B's figure and B's name; saved again against what A now sees, it goes. */
static void
test_newer_figure_refuses_save (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 shown;

  test_set_number (fixture->base.store, fixture->jobs, "2026-05", 1.0, NULL);
  shown = version_of (fixture->base.store, fixture->jobs);
  g_assert_true (save_typed (fixture->other, fixture->jobs, 1.2, shown, &error));
  g_assert_no_error (error);

  g_assert_false (save_typed (fixture->base.store, fixture->jobs, 1.1, shown, &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CONFLICT, "1.2");
  g_assert_nonnull (strstr (error->message, "1.1"));
  g_assert_nonnull (strstr (error->message, g_get_real_name ()[0] != '\0' &&
                                            !g_str_equal (g_get_real_name (), "Unknown")
                                            ? g_get_real_name () : g_get_user_name ()));
  g_assert_cmpfloat (number_of (fixture->base.store, fixture->jobs), ==, 1.2);
  g_clear_error (&error);

  g_assert_true (save_typed (fixture->base.store, fixture->jobs, 1.1,
                             version_of (fixture->base.store, fixture->jobs), &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (number_of (fixture->other, fixture->jobs), ==, 1.1);
}

/* A cell that was empty when A began typing, filled by B meanwhile. */
static void
test_figure_in_empty_cell_refuses_save (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  test_set_number (fixture->other, fixture->jobs, "2026-05", 0.7, NULL);
  g_assert_false (save_typed (fixture->base.store, fixture->jobs, 0.9, 0, &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CONFLICT, "0.7");
  g_assert_cmpfloat (number_of (fixture->base.store, fixture->jobs), ==, 0.7);
}

/* A figure A was shown, removed by B meanwhile. */
static void
test_removed_figure_refuses_save (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 shown;

  test_set_number (fixture->base.store, fixture->jobs, "2026-05", 1.0, NULL);
  shown = version_of (fixture->base.store, fixture->jobs);
  g_assert_true (ledger_store_delete_value (fixture->other, fixture->jobs, "2026-05", &error));
  g_assert_no_error (error);
  g_assert_false (save_typed (fixture->base.store, fixture->jobs, 1.1, shown, &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CONFLICT, "1.1");
  g_assert_cmpint (version_of (fixture->base.store, fixture->jobs), ==, 0);
}

/* A's undo would put back what B has replaced since: refused, B's stays. */
static void
test_undo_keeps_other_desks_figure (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  test_set_number (fixture->base.store, fixture->jobs, "2026-05", 1.0, NULL);
  test_set_number (fixture->other, fixture->jobs, "2026-05", 1.2, NULL);
  g_assert_false (ledger_store_undo (fixture->base.store, &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CONFLICT, "Jan–May");
  g_assert_cmpfloat (number_of (fixture->base.store, fixture->jobs), ==, 1.2);
}

/* Undoing one's own saves, one after another, still works. */
static void
test_own_undo_goes_back_step_by_step (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerValue) gone = NULL;

  test_set_number (fixture->base.store, fixture->jobs, "2026-05", 1.0, NULL);
  test_set_number (fixture->base.store, fixture->jobs, "2026-05", 2.0, NULL);
  test_undo (fixture->base.store);
  g_assert_cmpfloat (number_of (fixture->base.store, fixture->jobs), ==, 1.0);
  test_undo (fixture->base.store);
  gone = ledger_store_get_value (fixture->base.store, fixture->jobs, "2026-05");
  g_assert_null (gone);
  g_assert_false (ledger_store_undo (fixture->base.store, &error));
}

/* An import replaces what is there: it checked its cells in its preview. */
static void
test_unchecked_save_replaces (Fixture       *fixture,
                              gconstpointer  data)
{
  test_set_number (fixture->other, fixture->jobs, "2026-05", 0.7, NULL);
  test_set_number (fixture->base.store, fixture->jobs, "2026-05", 0.8, NULL);
  g_assert_cmpfloat (number_of (fixture->other, fixture->jobs), ==, 0.8);
  g_assert_cmpint (version_of (fixture->other, fixture->jobs), ==, 2);
}

/* A ledger of schema 9 (a file, or a server ledger made before row
 * versions) gains them: each figure it holds is at version 1. */
static void
test_migration_from_9 (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *location = g_strdup (ledger_store_get_path (fixture->base.store));
  g_autoptr(GError) error = NULL;

  test_set_number (fixture->base.store, fixture->jobs, "2026-05", 1.0, NULL);
  test_set_number (fixture->base.store, fixture->jobs, "2026-05", 1.5, NULL);
  g_clear_object (&fixture->other);
  g_clear_object (&fixture->base.store);
  test_exec_ledger_sql (location, ledger_store_is_server_location (location)
    ? "ALTER TABLE indicator_values DROP COLUMN version; DELETE FROM ledger_schema WHERE version > 9"
    : "ALTER TABLE indicator_values DROP COLUMN version; PRAGMA user_version = 9");

  fixture->base.store = ledger_store_open (location, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ledger_store_get_schema_version (fixture->base.store), ==, LEDGER_STORE_SCHEMA_VERSION);
  g_assert_cmpint (version_of (fixture->base.store, fixture->jobs), ==, 1);
  g_assert_cmpfloat (number_of (fixture->base.store, fixture->jobs), ==, 1.5);
  test_set_number (fixture->base.store, fixture->jobs, "2026-05", 2.5, NULL);
  g_assert_cmpint (version_of (fixture->base.store, fixture->jobs), ==, 2);
}

/* A server ledger of a newer version than this program's is refused as
 * it was found, as a file is. */
static void
test_newer_schema_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *location = g_strdup (ledger_store_get_path (fixture->base.store));
  g_autoptr(LedgerStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->other);
  g_clear_object (&fixture->base.store);
  test_exec_ledger_sql (location, ledger_store_is_server_location (location)
    ? "INSERT INTO ledger_schema (version) VALUES (99)" : "PRAGMA user_version = 99");
  store = ledger_store_open (location, &error);
  g_assert_null (store);
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_TOO_NEW);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/row-versions/count-saves", test_versions_count_saves);
  ADD ("/row-versions/newer-figure-refuses-save", test_newer_figure_refuses_save);
  ADD ("/row-versions/figure-in-empty-cell-refuses-save", test_figure_in_empty_cell_refuses_save);
  ADD ("/row-versions/removed-figure-refuses-save", test_removed_figure_refuses_save);
  ADD ("/row-versions/undo-keeps-other-desks-figure", test_undo_keeps_other_desks_figure);
  ADD ("/row-versions/own-undo-step-by-step", test_own_undo_goes_back_step_by_step);
  ADD ("/row-versions/unchecked-save-replaces", test_unchecked_save_replaces);
  ADD ("/row-versions/migration-from-9", test_migration_from_9);
  ADD ("/row-versions/newer-schema-refused", test_newer_schema_refused);
#undef ADD

  return g_test_run ();
}
