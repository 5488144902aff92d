/* test-import-batches.c: large imports, written a batch at a time
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import writes its values in batches (on the office's server, sent
 * with COPY) and reads the ledger's cells a plan at a time: more values
 * than one batch of either engine, and what must come out the same as a
 * value at a time — all or nothing, the text as written, the change log's
 * origins, a cell written by an earlier batch, the preview's cells. In
 * the server suite the same tests run on the test server.
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "ledger-csv-import.h"
#include "ledger-indicator-index.h"
#include "ledger-plan-file.h"
#include "ledger-store.h"
#include "ledger-store-cycle.h"
#include "ledger-store-plan-values.h"
#include "test-util.h"

#define PLAN "batches-2026"
/* 11 months of each: 4 620 cells, more than a server's batch (4 096) and
 * than many of a file's (256). */
#define N_INDICATORS 420

/* A plan of @N_INDICATORS monthly indicators, b-0 … b-419, and a
 * qualitative task q, with two regions. */
static char *
plan_json (void)
{
  GString *json = g_string_new ("{\"format\":1,\"plans\":[{\"uuid\":\"7b1c2c5e-0000-4000-8000-000000000001\","
                                "\"code\":\"" PLAN "\",\"title\":\"分批导入\",\"first_year\":2026,"
                                "\"last_year\":2026,\"areas\":[{\"uuid\":\"7b1c2c5e-0000-4000-8000-000000000002\","
                                "\"title\":\"领域\",\"tasks\":[{\"uuid\":\"7b1c2c5e-0000-4000-8000-000000000003\","
                                "\"title\":\"任务\",\"indicators\":[");

  for (int i = 0; i < N_INDICATORS; i++)
    g_string_append_printf (json, "{\"uuid\":\"7b1c2c5e-0000-4000-8001-%012d\",\"code\":\"b-%d\","
                            "\"name\":\"指标 %d\",\"unit\":\"亿元\",\"kind\":\"cumulative\","
                            "\"comparator\":\"at_least\",\"better\":\"higher\",\"target\":1200,"
                            "\"frequency\":\"monthly\",\"responsible_unit\":\"单位\"},", i, i, i);
  g_string_append (json, "{\"uuid\":\"7b1c2c5e-0000-4000-8002-000000000000\",\"code\":\"q\","
                   "\"name\":\"定性任务\",\"unit\":\"\",\"kind\":\"qualitative\",\"frequency\":\"monthly\","
                   "\"responsible_unit\":\"单位\"}]}]}]}]}");
  return g_string_free (json, FALSE);
}

static void
set_up (TestLedgerStore *fixture,
        gconstpointer    data)
{
  g_autofree char *json = plan_json ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_plan_file_parse (json, -1, &error);
  g_autoptr(GPtrArray) regions = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_region_free);
  g_autoptr(LedgerPlan) plan = NULL;

  g_assert_no_error (error);
  test_ledger_store_set_up (fixture, data);
  g_assert_true (ledger_store_add_plans (fixture->store, plans, &error));
  g_assert_no_error (error);
  plan = test_find_plan (fixture->store, PLAN);
  g_ptr_array_add (regions, ledger_region_new ("140403", "潞州区", LEDGER_REGION_COUNTY));
  g_ptr_array_add (regions, ledger_region_new ("140404", "上党区", LEDGER_REGION_COUNTY));
  g_assert_true (ledger_store_save_regions (fixture->store, plan, regions, &error));
  g_assert_no_error (error);
}

static gint64
id_of (LedgerStore *store,
       int          indicator)
{
  g_autofree char *code = g_strdup_printf ("b-%d", indicator);

  return test_indicator_id (store, PLAN, code);
}

typedef struct
{
  GPtrArray *values;
  double     number;
} Filler;

/* A value for every month of a monthly indicator. */
static void
fill_months (LedgerNode      *area,
             LedgerNode      *task,
             LedgerIndicator *indicator,
             gpointer         user_data)
{
  Filler *filler = user_data;

  if (ledger_indicator_get_kind (indicator) == LEDGER_KIND_QUALITATIVE)
    return;
  for (int month = 2; month <= 12; month++)
    {
      g_autofree char *period = g_strdup_printf ("2026-%02d", month);

      g_ptr_array_add (filler->values, ledger_value_new (ledger_indicator_get_id (indicator), period,
                                                         filler->number + filler->values->len, "", "统计局"));
    }
}

/* A value for every month of every indicator, b-0 first, @number + its
 * place. */
static GPtrArray *
every_cell (LedgerStore *store,
            double       number)
{
  g_autoptr(LedgerPlan) plan = test_find_plan (store, PLAN);
  Filler filler = { g_ptr_array_new_with_free_func (g_object_unref), number };

  ledger_plan_foreach_indicator (plan, fill_months, &filler);
  g_assert_cmpuint (filler.values->len, ==, N_INDICATORS * 11);
  g_assert_cmpint (ledger_value_get_indicator_id (g_ptr_array_index (filler.values, 11)), ==, id_of (store, 1));
  return filler.values;
}

/* The plan's values as the store holds them now, all in one statement. */
static LedgerValueCells *
read_back (LedgerStore *store)
{
  g_autoptr(LedgerPlan) plan = test_find_plan (store, PLAN);
  g_autoptr(GError) error = NULL;
  LedgerValueCells *cells = ledger_value_cells_new ();

  g_assert_true (ledger_store_read_plan_cells (store, ledger_node_get_id (LEDGER_NODE (plan)), cells, &error));
  g_assert_no_error (error);
  return cells;
}

/* The value now in the cell of @value, asserted to be there. */
static LedgerValue *
held (LedgerValueCells *cells,
      LedgerValue      *value)
{
  LedgerValue *read = NULL;

  g_assert_cmpint (ledger_value_cells_peek (cells, ledger_value_get_indicator_id (value),
                                            ledger_value_get_region (value), ledger_value_get_period (value),
                                            &read), ==, LEDGER_CELL_HELD);
  return read;
}

/* A value the store refuses, past the first batch: nothing is written,
 * not even the batches before it; and then all of it goes in. */
static void
test_bad_row_midway (TestLedgerStore *fixture,
                     gconstpointer    data)
{
  g_autoptr(GPtrArray) values = every_cell (fixture->store, 1);
  /* The array's reference, taken over: its place is given other values. */
  LedgerValue *good = g_ptr_array_index (values, 4500);
  guint n_changes = ledger_store_count_changes (fixture->store);
  g_autoptr(GError) error = NULL;

  /* Not a period of a monthly indicator: refused by the store's checks. */
  g_ptr_array_index (values, 4500) = ledger_value_new (ledger_value_get_indicator_id (good), "2026-Q3", 1, "", "");
  g_assert_false (ledger_store_import_values (fixture->store, values, "bad.csv", &error));
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (test_count_all_values (fixture->store), ==, 0);
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, n_changes);
  g_object_unref (g_ptr_array_index (values, 4500));

  /* A note that is not UTF-8: the server refuses the batch it is sent
   * in, past the first; a file keeps it. Either way all or nothing. */
  g_ptr_array_index (values, 4500) = ledger_value_new (ledger_value_get_indicator_id (good),
                                                       ledger_value_get_period (good), 1, "\xff\xfe", "");
  if (test_on_server ())
    {
      g_assert_false (ledger_store_import_values (fixture->store, values, "bad.csv", &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
      g_assert_cmpuint (test_count_all_values (fixture->store), ==, 0);
      g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, n_changes);
      g_object_unref (g_ptr_array_index (values, 4500));
      g_ptr_array_index (values, 4500) = g_object_ref (good);
    }
  g_object_unref (good);

  /* And then it all goes in, on the same connection. */
  g_assert_true (ledger_store_import_values (fixture->store, values, "good.csv", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (test_count_all_values (fixture->store), ==, values->len);
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, n_changes + values->len);
  g_assert_cmpuint (test_count_logged (fixture->store, "insert", "good.csv"), ==, values->len);
}

/* Notes and sources with what COPY's text format escapes, a status
 * instead of a number, and regions' figures: read back as written, and
 * logged as a value at a time logs them. */
static void
test_text_as_written (TestLedgerStore *fixture,
                      gconstpointer    data)
{
  static const char *texts[] = { "tab\there", "line\nbreak", "carriage\rreturn", "back\\slash", "\\N",
                                 "\\\\N\t\\", "引号\"'；", "" };
  g_autoptr(GPtrArray) values = every_cell (fixture->store, 0.5);
  gint64 qualitative = test_indicator_id (fixture->store, PLAN, "q");
  g_autoptr(LedgerValueCells) cells = NULL;
  guint n_numbers = values->len;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      LedgerValue *value = g_ptr_array_index (values, n_numbers - 1 - i);
      g_autofree char *period = g_strdup_printf ("2026-%02d", 2 + i);
      LedgerValue *status = ledger_value_new_status (qualitative, period, "in_progress", texts[i], texts[i]);
      LedgerValue *region = ledger_value_new (id_of (fixture->store, 0), period, i, texts[i], "区统计局");

      ledger_value_set_region (region, i % 2 == 0 ? "140403" : "140404");
      g_ptr_array_index (values, n_numbers - 1 - i) =
        ledger_value_new (ledger_value_get_indicator_id (value), ledger_value_get_period (value), -1.234567890123e-300 * (i + 1),
                          texts[i], texts[G_N_ELEMENTS (texts) - 1 - i]);
      g_object_unref (value);
      g_ptr_array_add (values, status);
      g_ptr_array_add (values, region);
    }
  g_assert_true (ledger_store_import_values (fixture->store, values, "text.csv", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (test_count_logged (fixture->store, "insert", "text.csv"), ==, values->len);
  cells = read_back (fixture->store);
  for (guint i = 0; i < values->len; i++)
    {
      LedgerValue *value = g_ptr_array_index (values, i);
      g_autoptr(LedgerValue) read = held (cells, value);

      g_assert_true (ledger_value_equal (read, value));
      g_assert_cmpstr (ledger_value_get_note (read), ==, ledger_value_get_note (value));
      g_assert_cmpstr (ledger_value_get_source (read), ==, ledger_value_get_source (value));
      g_assert_cmpint (ledger_value_get_version (read), ==, 1);
    }
}

/* Values from several sources, some of whose cells are taken: each
 * logged under its own source, as an insert or an update, in their order. */
static void
test_origins (TestLedgerStore *fixture,
              gconstpointer    data)
{
  static const char *names[] = { "a.tlpkg", "b.tlpkg", "c.tlpkg" };
  g_autoptr(GPtrArray) values = every_cell (fixture->store, 10);
  g_autoptr(GPtrArray) origins = g_ptr_array_new ();
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(LedgerValue) updated = NULL;
  g_autoptr(GError) error = NULL;
  LedgerValue *taken = g_ptr_array_index (values, 4100);
  LedgerValue *same = g_ptr_array_index (values, 4101);
  guint before;

  for (guint i = 0; i < values->len; i++)
    g_ptr_array_add (origins, (gpointer) names[i % 2]);
  /* Only an unchanged value from c: c logs nothing. */
  g_ptr_array_index (origins, 4101) = (gpointer) names[2];
  test_set_number (fixture->store, ledger_value_get_indicator_id (taken), ledger_value_get_period (taken), 3, "");
  g_assert_true (ledger_store_set_value (fixture->store, same, &error));
  before = ledger_store_count_changes (fixture->store);

  g_assert_true (ledger_store_import_values_from (fixture->store, values, origins, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, before + values->len - 1);
  g_assert_cmpuint (test_count_logged (fixture->store, "insert", names[0]), ==, (values->len + 1) / 2 - 1);
  g_assert_cmpuint (test_count_logged (fixture->store, "insert", names[1]), ==, values->len / 2 - 1);
  g_assert_cmpuint (test_count_logged (fixture->store, "update", names[0]), ==, 1);
  g_assert_cmpuint (test_count_logged (fixture->store, "update", names[2]), ==, 0);
  g_assert_cmpuint (test_count_logged (fixture->store, "insert", names[2]), ==, 0);
  updated = ledger_store_get_value (fixture->store, ledger_value_get_indicator_id (taken),
                                    ledger_value_get_period (taken));
  g_assert_true (ledger_value_equal (updated, taken));
  g_assert_cmpint (ledger_value_get_version (updated), ==, 2);

  /* Newest first: the import's oldest entry is its first value's. */
  changes = ledger_store_list_changes (fixture->store, NULL);
  {
    g_autoptr(LedgerChange) first = g_list_model_get_item (changes, values->len - 2);
    g_autoptr(LedgerChange) second = g_list_model_get_item (changes, values->len - 3);

    g_assert_cmpstr (ledger_change_get_origin (first), ==, names[0]);
    g_assert_cmpstr (ledger_change_get_period (first), ==, ledger_value_get_period (g_ptr_array_index (values, 0)));
    g_assert_cmpstr (ledger_change_get_origin (second), ==, names[1]);
    g_assert_cmpstr (ledger_change_get_period (second), ==, ledger_value_get_period (g_ptr_array_index (values, 1)));
  }

  /* One step of undo takes the whole import back. */
  g_assert_true (ledger_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (test_count_all_values (fixture->store), ==, 2);
}

/* "old → new" of the update logged for the first indicator's @period. */
static char *
logged_update (LedgerStore *store,
               const char  *period)
{
  g_autoptr(GListModel) changes = ledger_store_list_changes (store, "7b1c2c5e-0000-4000-8001-000000000000");
  char *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (changes) && found == NULL; i++)
    {
      g_autoptr(LedgerChange) change = g_list_model_get_item (changes, i);

      if (g_str_equal (ledger_change_get_action (change), "update") &&
          g_str_equal (ledger_change_get_period (change), period))
        found = g_strdup_printf ("%s → %s", ledger_change_get_old (change), ledger_change_get_new (change));
    }
  return found;
}

/* The same cells again, some with other figures or notes: those are
 * updated (version 2, the old value logged), the rest left be (version
 * 1, nothing logged); a cell given twice ends with the second; one step
 * of undo brings back the first import's values. */
static void
test_changed_values (TestLedgerStore *fixture,
                     gconstpointer    data)
{
  g_autoptr(GPtrArray) values = every_cell (fixture->store, 1);
  g_autoptr(GPtrArray) again = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(LedgerChange) newest = NULL;
  g_autoptr(LedgerValue) twice = NULL;
  g_autoptr(LedgerValue) restored = NULL;
  g_autoptr(GError) error = NULL;
  LedgerValue *first = g_ptr_array_index (values, 0);
  g_autofree char *april = NULL;
  g_autofree char *july = NULL;
  g_autoptr(LedgerValueCells) cells = NULL;
  guint n_changed = 0;

  g_assert_true (ledger_store_import_values (fixture->store, values, "first.csv", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < values->len; i++)
    {
      LedgerValue *value = g_ptr_array_index (values, i);
      gboolean other_number = i % 2 == 0, other_note = i % 5 == 0;

      n_changed += other_number || other_note;
      g_ptr_array_add (again, ledger_value_new (ledger_value_get_indicator_id (value), ledger_value_get_period (value),
                                                ledger_value_get_number (value) + (other_number ? 0.5 : 0),
                                                other_note ? "修订" : "", "统计局"));
    }
  /* The first cell again at the end: 99 replaces its 1.5. */
  g_ptr_array_insert (again, 4096 + 7, ledger_value_new (ledger_value_get_indicator_id (first),
                                                         ledger_value_get_period (first), 99, "", "统计局"));
  g_assert_true (ledger_store_import_values (fixture->store, again, "again.csv", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (test_count_logged (fixture->store, "update", "again.csv"), ==, n_changed + 1);
  g_assert_cmpuint (test_count_logged (fixture->store, "insert", "again.csv"), ==, 0);
  cells = read_back (fixture->store);
  for (guint i = 1; i < values->len; i++)
    {
      LedgerValue *value = g_ptr_array_index (again, i < 4096 + 7 ? i : i + 1);
      g_autoptr(LedgerValue) read = held (cells, value);

      g_assert_true (ledger_value_equal (read, value));
      g_assert_cmpint (ledger_value_get_version (read), ==, i % 2 == 0 || i % 5 == 0 ? 2 : 1);
    }
  twice = ledger_store_get_value (fixture->store, ledger_value_get_indicator_id (first), ledger_value_get_period (first));
  g_assert_cmpfloat (ledger_value_get_number (twice), ==, 99);
  g_assert_cmpint (ledger_value_get_version (twice), ==, 3);

  changes = ledger_store_list_changes (fixture->store, NULL);
  newest = g_list_model_get_item (changes, 0);
  g_assert_cmpstr (ledger_change_get_action (newest), ==, "update");
  /* The last changed, the last indicator's November: 1 + 4618 → 4619.5. */
  g_assert_cmpstr (ledger_change_get_period (newest), ==, "2026-11");
  g_assert_cmpstr (ledger_change_get_old (newest), ==, "{\"value\":4619,\"note\":\"\",\"source\":\"统计局\"}");
  g_assert_cmpstr (ledger_change_get_new (newest), ==, "{\"value\":4619.5,\"note\":\"\",\"source\":\"统计局\"}");

  g_assert_cmpstr (april = logged_update (fixture->store, "2026-04"), ==,
                   "{\"value\":3,\"note\":\"\",\"source\":\"统计局\"} → "
                   "{\"value\":3.5,\"note\":\"\",\"source\":\"统计局\"}");
  g_assert_cmpstr (july = logged_update (fixture->store, "2026-07"), ==,
                   "{\"value\":6,\"note\":\"\",\"source\":\"统计局\"} → "
                   "{\"value\":6,\"note\":\"修订\",\"source\":\"统计局\"}");

  g_assert_true (ledger_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  restored = ledger_store_get_value (fixture->store, ledger_value_get_indicator_id (first),
                                     ledger_value_get_period (first));
  g_assert_true (ledger_value_equal (restored, first));
  g_clear_pointer (&cells, ledger_value_cells_free);
  cells = read_back (fixture->store);
  for (guint i = 0; i < values->len; i++)
    {
      LedgerValue *value = g_ptr_array_index (values, i);
      g_autoptr(LedgerValue) read = held (cells, value);

      g_assert_true (ledger_value_equal (read, value));
    }
}

/* Regions' figures and a closed month, each checked for every value of
 * a batch: one not a region of the plan, or in the closed month, past the
 * first batch and after values of the same region and month that pass,
 * refuses the import. */
static void
test_regions_and_closed_month (TestLedgerStore *fixture,
                               gconstpointer    data)
{
  g_autoptr(GPtrArray) values = every_cell (fixture->store, 1);
  g_autoptr(LedgerPlan) plan = test_find_plan (fixture->store, PLAN);
  gint64 plan_id = ledger_node_get_id (LEDGER_NODE (plan));
  LedgerValue *last = g_ptr_array_index (values, values->len - 1);
  guint n_changes = ledger_store_count_changes (fixture->store);
  g_autoptr(GError) error = NULL;

  /* December only last: the months before it pass first. */
  for (guint i = values->len - 1; i-- > 0;)
    if (g_str_equal (ledger_value_get_period (g_ptr_array_index (values, i)), "2026-12"))
      g_ptr_array_remove_index (values, i);
  g_assert_cmpuint (values->len, >, 4096);
  for (guint i = 0; i < values->len; i++)
    ledger_value_set_region (g_ptr_array_index (values, i), i % 3 == 0 ? "" : i % 3 == 1 ? "140403" : "140404");
  g_ptr_array_add (values, ledger_value_new (ledger_value_get_indicator_id (last), "2026-12", 1, "", ""));
  ledger_value_set_region (g_ptr_array_index (values, values->len - 1), "140499");
  g_assert_false (ledger_store_import_values (fixture->store, values, "regions.csv", &error));
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "140499"));
  g_clear_error (&error);
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, n_changes);
  g_ptr_array_remove_index (values, values->len - 1);

  /* December closed: its one value comes last. */
  g_assert_true (ledger_store_set_period_state (fixture->store, plan_id, "2026-12", LEDGER_PERIOD_CLOSED,
                                                "", &error));
  g_assert_no_error (error);
  n_changes = ledger_store_count_changes (fixture->store);
  g_assert_false (ledger_store_import_values (fixture->store, values, "regions.csv", &error));
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CLOSED);
  g_clear_error (&error);
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, n_changes);
  g_assert_true (ledger_store_set_period_state (fixture->store, plan_id, "2026-12", LEDGER_PERIOD_OPEN,
                                                "统计局更正", &error));
  g_assert_no_error (error);

  g_assert_true (ledger_store_import_values (fixture->store, values, "regions.csv", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (test_count_logged (fixture->store, "insert", "regions.csv"), ==, values->len);
  g_assert_cmpuint (test_count_all_values (fixture->store), ==, (values->len + 2) / 3);
}

/* A cell a batch wrote, given again later with nothing expected in it:
 * the later one finds it changed, as a value at a time would have. */
static void
test_cell_written_by_earlier_batch (TestLedgerStore *fixture,
                                    gconstpointer    data)
{
  g_autoptr(GPtrArray) values = every_cell (fixture->store, 1);
  g_autoptr(GPtrArray) origins = g_ptr_array_new ();
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  LedgerValue *first = g_ptr_array_index (values, 0);
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  g_ptr_array_add (values, ledger_value_new (ledger_value_get_indicator_id (first), ledger_value_get_period (first),
                                             99, "", ""));
  for (guint i = 0; i < values->len; i++)
    {
      g_ptr_array_add (origins, "again.csv");
      g_ptr_array_add (expected, NULL);
    }
  g_assert_false (ledger_store_import_values_from (fixture->store, values, origins, expected, &changed, &error));
  g_assert_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CHANGED);
  g_assert_cmpuint (changed, ==, values->len - 1);
  g_assert_cmpuint (test_count_all_values (fixture->store), ==, 0);
}

/* The preview reads its cells a plan at a time: what it says of each is
 * what the store holds, whatever cell is asked for again; and the same
 * file read again is all unchanged. */
static void
test_preview_cells (TestLedgerStore *fixture,
                    gconstpointer    data)
{
  g_autoptr(GPtrArray) values = every_cell (fixture->store, 1);
  g_autoptr(LedgerIndicatorIndex) index = NULL;
  LedgerIndicator *held, *empty;
  g_autoptr(LedgerValue) first = NULL;
  g_autoptr(LedgerValue) again = NULL;
  g_autoptr(LedgerValue) region = NULL;
  g_autoptr(LedgerValue) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = g_string_new ("plan,code,period,value,source,region\n");
  g_autoptr(LedgerCsvImport) import = ledger_csv_import_new ("again.csv");

  g_ptr_array_set_size (values, 2000);
  g_assert_true (ledger_store_import_values (fixture->store, values, "first.csv", &error));
  g_assert_no_error (error);
  test_set_region_number (fixture->store, id_of (fixture->store, 1), "140404", "2026-03", 0.25);

  index = ledger_indicator_index_new (fixture->store, &error);
  g_assert_no_error (error);
  held = ledger_indicator_index_find_uuid (index, "7b1c2c5e-0000-4000-8001-000000000001");
  empty = ledger_indicator_index_find_uuid (index, "7b1c2c5e-0000-4000-8002-000000000000");
  g_assert_nonnull (held);
  g_assert_nonnull (empty);
  first = ledger_indicator_index_get_value (index, held, "2026-03");
  again = ledger_indicator_index_get_cell (index, held, "", "2026-03");
  region = ledger_indicator_index_get_cell (index, held, "140404", "2026-03");
  none = ledger_indicator_index_get_cell (index, held, "140403", "2026-03");
  g_assert_true (ledger_value_equal (first, g_ptr_array_index (values, 11 + 1)));
  g_assert_true (ledger_value_equal (again, first));
  g_assert_cmpfloat (ledger_value_get_number (region), ==, 0.25);
  g_assert_null (none);
  g_assert_cmpuint (g_list_model_get_n_items (ledger_indicator_index_get_history (index, held, "")), ==, 11);
  g_assert_cmpuint (g_list_model_get_n_items (ledger_indicator_index_get_history (index, held, "140404")), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ledger_indicator_index_get_history (index, empty, "")), ==, 0);

  for (guint i = 0; i < values->len; i++)
    {
      LedgerValue *value = g_ptr_array_index (values, i);

      g_string_append_printf (csv, PLAN ",b-%u,%s,%g,统计局,\n", i / 11, ledger_value_get_period (value),
                              ledger_value_get_number (value));
    }
  g_string_append (csv, PLAN ",b-1,2026-03,0.25,,上党区\n");
  g_string_append (csv, PLAN ",b-1,2026-03,0.5,,潞州区\n");
  g_string_append (csv, PLAN ",b-1,2026-04,7,统计局,\n");
  g_string_append (csv, PLAN ",b-300,2026-04,7,统计局,\n");
  g_assert_true (ledger_csv_import_read (import, fixture->store, csv->str, csv->len, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ledger_csv_import_count (import, LEDGER_IMPORT_REFUSED), ==, 1);  /* b-1 2026-04 twice */
  g_assert_cmpuint (ledger_csv_import_count (import, LEDGER_IMPORT_UNCHANGED), ==, values->len + 1);
  g_assert_cmpuint (ledger_csv_import_count (import, LEDGER_IMPORT_ADD), ==, 2);
  g_assert_cmpuint (ledger_csv_import_count (import, LEDGER_IMPORT_CHANGE), ==, 0);
}

/* An office may take the right to make temporary tables away from the
 * desks' role: an import goes in without COPY then, all the same. */
static void
test_without_temporary_tables (TestLedgerStore *fixture,
                               gconstpointer    data)
{
  const char *location = ledger_store_get_path (fixture->store);
  g_autofree char *role = g_strdup_printf ("ledger_no_temp_%d", (int) getpid ());
  g_autofree char *as_role = g_strdup_printf ("%s user=%s", location, role);
  g_autofree char *create = g_strdup_printf (
    "CREATE ROLE %s LOGIN; GRANT USAGE ON SCHEMA public TO %s; "
    "GRANT ALL ON ALL TABLES IN SCHEMA public TO %s; GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO %s; "
    "DO $$ BEGIN EXECUTE format ('REVOKE TEMPORARY ON DATABASE %%I FROM PUBLIC', current_database ()); END $$",
    role, role, role, role);
  g_autofree char *drop = g_strdup_printf ("DROP OWNED BY %s; DROP ROLE %s", role, role);
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(LedgerValueCells) cells = NULL;
  g_autoptr(GError) error = NULL;

  if (!ledger_store_is_on_server (fixture->store))
    {
      g_test_skip ("A file has no temporary tables to refuse");
      return;
    }
  test_exec_ledger_sql (location, create);
  {
    g_autoptr(LedgerStore) desk = ledger_store_open (as_role, &error);

    g_assert_no_error (error);
    values = every_cell (desk, 1);
    g_assert_true (ledger_store_import_values (desk, values, "no-temp.csv", &error));
    g_assert_no_error (error);
  }
  test_exec_ledger_sql (location, drop);
  cells = read_back (fixture->store);
  for (guint i = 0; i < values->len; i += 997)
    {
      g_autoptr(LedgerValue) read = held (cells, g_ptr_array_index (values, i));

      g_assert_cmpfloat (ledger_value_get_number (read), ==, ledger_value_get_number (g_ptr_array_index (values, i)));
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, TestLedgerStore, NULL, set_up, func, test_ledger_store_tear_down)
  ADD ("/import-batches/bad-row-midway", test_bad_row_midway);
  ADD ("/import-batches/text-as-written", test_text_as_written);
  ADD ("/import-batches/origins", test_origins);
  ADD ("/import-batches/changed-values", test_changed_values);
  ADD ("/import-batches/regions-and-closed-month", test_regions_and_closed_month);
  ADD ("/import-batches/cell-written-by-earlier-batch", test_cell_written_by_earlier_batch);
  ADD ("/import-batches/preview-cells", test_preview_cells);
  ADD ("/import-batches/without-temporary-tables", test_without_temporary_tables);
#undef ADD

  return g_test_run ();
}
