/* test-util.h: helpers shared by the core tests
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ledger-csv-import.h"
#include "ledger-store.h"

G_BEGIN_DECLS

/* A private folder for one test's files, removed with everything in it. */
char            *test_tmp_dir_new          (void);
void             test_tmp_dir_free         (char            *dir);

/* A fixture: a private folder and the path of a ledger in it (not made). */
typedef struct
{
  char *dir;
  char *path;
} TestLedgerFiles;

void             test_ledger_files_set_up  (TestLedgerFiles *files,
                                            gconstpointer    data);
void             test_ledger_files_tear_down (TestLedgerFiles *files,
                                            gconstpointer    data);

/* The bytes of a file, as a NUL-terminated string (asserts it can be read). */
char            *test_read_file            (const char      *path,
                                            gsize           *length);
void             test_write_file           (const char      *path,
                                            const char      *data,
                                            gssize           length);
void             test_write_sparse_file    (const char      *path,
                                            gsize            size);

/* Opens (creating) the ledger @path and loads the built-in plans into it.
 * With LEDGER_TEST_ENGINE=server the ledger is a database of its own on
 * LEDGER_TEST_SERVER's PostgreSQL server instead, dropped when @path's
 * folder is freed (test_tmp_dir_free()) or at the program's end. */
LedgerStore     *test_open_ledger          (const char      *path);
/* What ledger_store_open() takes for the ledger @path on the engine under
 * test: @path itself, or the connection string of its database. */
char            *test_ledger_location      (const char      *path);

/* TRUE when the tests run on the server engine (LEDGER_TEST_ENGINE=server). */
gboolean         test_on_server            (void);
/* On the server engine, skips the test (g_test_skip (@why)) and returns
 * TRUE: for the subtests that read or write the SQLite file itself. */
gboolean         test_skip_on_server       (const char      *why);

/* The indicator @code of the plan @plan_code, as the store lists it
 * (asserted to exist), a new object of its own. */
LedgerIndicator *test_find_indicator       (LedgerStore     *store,
                                            const char      *plan_code,
                                            const char      *code);

/* The database id of the indicator @code of the plan @plan_code, as the
 * store lists it (asserted to exist). */
gint64           test_indicator_id         (LedgerStore     *store,
                                            const char      *plan_code,
                                            const char      *code);
guint            test_count_all_values     (LedgerStore     *store);
guint            test_count_logged         (LedgerStore     *store,
                                            const char      *action,
                                            const char      *origin);

/* The plan @code as the store lists it (asserted to exist), a reference. */
LedgerPlan      *test_find_plan            (LedgerStore     *store,
                                            const char      *code);

/* Records a value, asserting that the store takes it. */
void             test_set_number           (LedgerStore     *store,
                                            gint64           indicator_id,
                                            const char      *period,
                                            double           number,
                                            const char      *note);
void             test_set_region_number    (LedgerStore     *store,
                                            gint64           indicator_id,
                                            const char      *region,
                                            const char      *period,
                                            double           number);

/* Regions, a split target and figures to rank (test-util.c says how). */
#define TEST_RANKED_PLAN      "changzhi-2026"
#define TEST_RANKED_INDICATOR "new-urban-jobs"
void             test_add_ranked_regions   (LedgerStore     *store);

/* Undoes the last change, asserting that there was one and it went. */
void             test_undo                 (LedgerStore     *store);
void             test_set_status           (LedgerStore     *store,
                                            gint64           indicator_id,
                                            const char      *period,
                                            const char      *status,
                                            const char      *note);

/* Marks the test failed, with @format as a message, and lets it go on: a
 * table-driven test then lists every case that fails, not just the first. */
void             test_keep_result          (GObject         *source,
                                            GAsyncResult    *result,
                                            gpointer         user_data);
GAsyncResult    *test_wait_for             (GAsyncResult   **result);

void             test_fail_and_go_on       (const char      *format,
                                            ...) G_GNUC_PRINTF (1, 2);

/* Asserts that @error is set, in @domain with @code, and that its message
 * holds @fragment (when not %NULL). */
#define test_assert_error_mentions(error, domain, code, fragment) \
  G_STMT_START { \
    g_assert_error ((error), (domain), (int) (code)); \
    if ((fragment) != NULL && strstr ((error)->message, (fragment)) == NULL) \
      g_error ("%s:%d: the message “%s” does not mention “%s”", \
               __FILE__, __LINE__, (error)->message, (const char *) (fragment)); \
  } G_STMT_END

/* A small ledger (plan 1, indicator 1 "jobs" with uuid "i-uuid", two
 * values and three changes) as version 1 of the schema wrote it. */
typedef struct
{
  char        *dir;
  LedgerStore *store;
} TestLedgerStore;

void             test_ledger_store_set_up  (TestLedgerStore *fixture,
                                            gconstpointer    data);
void             test_ledger_store_tear_down (TestLedgerStore *fixture,
                                            gconstpointer    data);
void             test_assert_import_counts (LedgerCsvImport *import,
                                            guint            added,
                                            guint            changed,
                                            guint            unchanged,
                                            guint            refused);
void             test_write_ledger_version_1 (const char *path);
void             test_write_ledger_version_2 (const char *path);
void             test_write_ledger_version_3 (const char *path);
void             test_exec_ledger_sql      (const char      *location,
                                            const char      *sql);
void             test_exec_sql             (const char      *path,
                                            const char      *sql);
gpointer         test_lock_ledger          (const char      *path);
void             test_unlock_ledger        (gpointer         lock);

G_END_DECLS
