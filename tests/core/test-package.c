/* test-package.c: department data packages — a responsible unit's values
 * exported from its own copy of the ledger, read back and merged into the
 * planning office's ledger (docs/package-format.md)
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ledger-package.h"
#include "ledger-package-jobs.h"
#include "ledger-package-merge.h"
#include "ledger-plan-file.h"
#include "ledger-region-plan.h"
#include "test-util.h"

#define PLAN_2026 "changzhi-2026"
#define PLAN_15TH "changzhi-15th-five-year"
#define STATS "市统计局"
#define TRICKY_NOTE "据\"统计快报\", 初步核算\n第二行"

typedef struct
{
  char        *dir;
  LedgerStore *unit;    /* 市统计局's own copy of the ledger */
  LedgerStore *office;  /* the planning office's ledger */
} Fixture;

static LedgerStore *
open_in (Fixture    *fixture,
         const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  return test_open_ledger (path);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = test_tmp_dir_new ();
  fixture->unit = open_in (fixture, "unit.sqlite3");
  fixture->office = open_in (fixture, "office.sqlite3");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->unit);
  g_clear_object (&fixture->office);
  g_clear_pointer (&fixture->dir, test_tmp_dir_free);
}

/* ---- helpers ---------------------------------------------------------- */

/* "@code" is an indicator of the 十五五 plan, "code" one of 2026's. */
static LedgerIndicator *
indicator_in (LedgerStore *store,
              const char  *code)
{
  return test_find_indicator (store, code[0] == '@' ? PLAN_15TH : PLAN_2026,
                              code[0] == '@' ? code + 1 : code);
}

static gint64
id_in (LedgerStore *store,
       const char  *code)
{
  g_autoptr(LedgerIndicator) indicator = indicator_in (store, code);

  return ledger_indicator_get_id (indicator);
}

static void
set_value (LedgerStore *store,
           const char  *code,
           const char  *period,
           double       number,
           const char  *note,
           const char  *source)
{
  g_autoptr(LedgerValue) value = ledger_value_new (id_in (store, code), period, number, note, source);
  g_autoptr(GError) error = NULL;

  ledger_store_set_value (store, value, &error);
  g_assert_no_error (error);
}

static LedgerValue *
value_in (LedgerStore *store,
          const char  *code,
          const char  *period)
{
  return ledger_store_get_value (store, id_in (store, code), period);
}

/* The statistics bureau's figures, a few outside 2026-01 – 2026-06 and one
 * of another unit (市人社局). */
static void
fill_unit_ledger (LedgerStore *unit)
{
  set_value (unit, "gdp-growth", "2026-Q1", 5.7, "", "市统计局快报");
  set_value (unit, "gdp-growth", "2026-Q2", 5.9, TRICKY_NOTE, "市统计局");
  set_value (unit, "gdp-growth", "2026-Q3", 6.0, "", "");
  set_value (unit, "cpi-rise", "2026-03", 0.3, "", "");
  set_value (unit, "cpi-rise", "2026-06", 1.2, "", "");
  set_value (unit, "cpi-rise", "2026-07", 1.5, "", "");
  set_value (unit, "new-above-scale-enterprises", "2026-05", 35, "", "");
  set_value (unit, "new-urban-jobs", "2026-05", 2.6, "", "");
  test_set_status (unit, id_in (unit, "@gdp-rank-old-revolutionary-cities"), "2026", "in_progress", "");
}

/* What the package of 市统计局 for 2026-01 – 2026-06 holds. */
static const char *stats_first_half[] = {
  "gdp-growth/2026-Q1", "gdp-growth/2026-Q2", "cpi-rise/2026-03", "cpi-rise/2026-06",
  "new-above-scale-enterprises/2026-05", NULL,
};

static char *
export_ok (LedgerStore *store,
           const char  *unit,
           const char  *from,
           const char  *to)
{
  g_autoptr(GError) error = NULL;
  char *text = ledger_package_export (store, unit, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static LedgerPackage *
read_ok (const char *text,
         const char *file_name)
{
  g_autoptr(GError) error = NULL;
  LedgerPackage *package = ledger_package_read (text, strlen (text), file_name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (package);
  return package;
}

static LedgerPackage *
package_of (LedgerStore *store,
            const char  *from,
            const char  *to,
            const char  *file_name)
{
  g_autofree char *text = export_ok (store, STATS, from, to);

  return read_ok (text, file_name);
}

static LedgerPackageMerge *
merge_ok (LedgerStore   *store,
          LedgerPackage *first,
          ...)
{
  g_autoptr(GPtrArray) packages = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  LedgerPackageMerge *merge;
  va_list args;

  va_start (args, first);
  for (LedgerPackage *p = first; p != NULL; p = va_arg (args, LedgerPackage *))
    g_ptr_array_add (packages, p);
  va_end (args);
  merge = ledger_package_merge_new (store, packages, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (merge);
  return merge;
}

static void
apply_ok (LedgerPackageMerge *merge)
{
  g_autoptr(GError) error = NULL;

  ledger_package_merge_apply (merge, &error);
  g_assert_no_error (error);
}

static void
assert_counts (LedgerPackageMerge *merge,
               guint               added,
               guint               unchanged,
               guint               conflicts,
               guint               refused)
{
  g_assert_cmpuint (ledger_package_merge_get_n_added (merge), ==, added);
  g_assert_cmpuint (ledger_package_merge_get_n_unchanged (merge), ==, unchanged);
  g_assert_cmpuint (ledger_package_merge_get_n_conflicts (merge), ==, conflicts);
  g_assert_cmpuint (ledger_package_merge_get_n_refused (merge), ==, refused);
}

/* "code/period" of each entry, in order. */
static GStrv
entry_keys (LedgerPackage *package)
{
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();

  for (guint i = 0; i < ledger_package_get_n_entries (package); i++)
    {
      const LedgerPackageEntry *entry = ledger_package_get_entry (package, i);
      g_autofree char *key = g_strdup_printf ("%s/%s", entry->code, ledger_value_get_period (entry->value));

      g_strv_builder_add (keys, key);
    }
  return g_strv_builder_end (keys);
}

static void
assert_same_figure (LedgerValue *a,
                    LedgerValue *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpstr (ledger_value_get_period (a), ==, ledger_value_get_period (b));
  g_assert_cmpint (ledger_value_has_number (a), ==, ledger_value_has_number (b));
  g_assert_cmpfloat (ledger_value_get_number (a), ==, ledger_value_get_number (b));
  g_assert_cmpstr (ledger_value_get_status (a), ==, ledger_value_get_status (b));
  g_assert_cmpstr (ledger_value_get_note (a), ==, ledger_value_get_note (b));
  g_assert_cmpstr (ledger_value_get_source (a), ==, ledger_value_get_source (b));
}

/* Every value of the first half of the year, in @office as in @unit. */
static void
assert_first_half_arrived (LedgerStore *office,
                           LedgerStore *unit)
{
  for (guint i = 0; stats_first_half[i] != NULL; i++)
    {
      g_auto(GStrv) key = g_strsplit (stats_first_half[i], "/", 2);
      g_autoptr(LedgerValue) there = value_in (office, key[0], key[1]);
      g_autoptr(LedgerValue) here = value_in (unit, key[0], key[1]);

      assert_same_figure (there, here);
    }
}

/* ---- export and read -------------------------------------------------- */

/* A package holds the unit's values of the range, no other, each as the
 * unit's ledger has it, keyed by the indicator's UUID. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr(LedgerPackage) package = NULL;
  g_autoptr(GDateTime) exported_at = NULL;
  g_auto(GStrv) keys = NULL;
  const LedgerPackagePlan *plan;

  fill_unit_ledger (fixture->unit);
  text = export_ok (fixture->unit, STATS, "2026-01", "2026-06");
  package = read_ok (text, "stats-2026-06.tlpkg");

  g_assert_cmpstr (ledger_package_get_unit (package), ==, STATS);
  g_assert_cmpstr (ledger_package_get_from (package), ==, "2026-01");
  g_assert_cmpstr (ledger_package_get_to (package), ==, "2026-06");
  g_assert_cmpstr (ledger_package_get_exported_by (package), ==,
                   ledger_store_get_user_name (fixture->unit));
  exported_at = g_date_time_new_from_iso8601 (ledger_package_get_exported_at (package), NULL);
  g_assert_nonnull (exported_at);
  g_assert_cmpstr (ledger_package_get_origin (package), ==, STATS " · stats-2026-06.tlpkg");

  keys = entry_keys (package);
  g_assert_true (g_strv_equal ((const char * const *) keys, stats_first_half));
  for (guint i = 0; i < ledger_package_get_n_entries (package); i++)
    {
      const LedgerPackageEntry *entry = ledger_package_get_entry (package, i);
      g_autoptr(LedgerIndicator) indicator = indicator_in (fixture->unit, entry->code);
      g_autoptr(LedgerValue) stored = value_in (fixture->unit, entry->code,
                                                ledger_value_get_period (entry->value));

      g_assert_cmpstr (entry->indicator, ==, ledger_indicator_get_uuid (indicator));
      g_assert_cmpstr (entry->name, ==, ledger_indicator_get_name (indicator));
      assert_same_figure (entry->value, stored);
      g_assert_cmpstr (ledger_value_get_updated_at (entry->value), ==, ledger_value_get_updated_at (stored));
      g_assert_cmpstr (ledger_value_get_updated_by (entry->value), ==, ledger_value_get_updated_by (stored));
    }

  /* Only the plan the values belong to; numbers as typed, not 5.7000000000000002. */
  g_assert_cmpuint (ledger_package_get_n_plans (package), ==, 1);
  plan = ledger_package_get_plan (package, 0);
  g_assert_cmpstr (plan->code, ==, PLAN_2026);
  g_assert_nonnull (strstr (text, "\"value\": 5.7,"));
  g_assert_null (strstr (text, "5.70000"));
  g_assert_nonnull (strstr (text, "\"value\": 35,"));
}

/* The whole year holds the later periods, the annual qualitative task
 * (with its status) and its plan. */
static void
test_whole_year (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LedgerPackage) package = NULL;
  g_autoptr(LedgerPackage) unbounded = NULL;
  g_auto(GStrv) keys = NULL;
  g_autofree char *text = NULL;

  fill_unit_ledger (fixture->unit);
  package = package_of (fixture->unit, "2026-01", "2026-12", "year.tlpkg");
  keys = entry_keys (package);
  g_assert_cmpuint (g_strv_length (keys), ==, 8);
  g_assert_true (g_strv_contains ((const char * const *) keys, "gdp-growth/2026-Q3"));
  g_assert_true (g_strv_contains ((const char * const *) keys, "cpi-rise/2026-07"));
  g_assert_true (g_strv_contains ((const char * const *) keys, "gdp-rank-old-revolutionary-cities/2026"));
  g_assert_false (g_strv_contains ((const char * const *) keys, "new-urban-jobs/2026-05"));
  g_assert_cmpuint (ledger_package_get_n_plans (package), ==, 2);

  /* Without bounds: from the earliest value to the latest. */
  text = export_ok (fixture->unit, STATS, NULL, NULL);
  unbounded = read_ok (text, NULL);
  g_assert_cmpstr (ledger_package_get_from (unbounded), ==, "2026-03");
  g_assert_cmpstr (ledger_package_get_to (unbounded), ==, "2026");
  g_assert_cmpuint (ledger_package_get_n_entries (unbounded), ==, 8);
  g_assert_cmpstr (ledger_package_get_origin (unbounded), ==, STATS);
}

/* A responsible unit that names several units counts for each of them. */
static void
test_units (Fixture       *fixture,
            gconstpointer  data)
{
  static const struct { const char *text; const char *unit; gboolean names; } cases[] = {
    { "市统计局", "市统计局", TRUE },
    { "市发展改革委、市统计局", "市统计局", TRUE },
    { "市发展改革委、市统计局", "市发展改革委", TRUE },
    { " 市财政局 ，　市统计局　", "市统计局", TRUE },
    { "市财政局;市统计局/市商务局", "市商务局", TRUE },
    { "市统计局", "统计局", FALSE },
    { "市统计局", "", FALSE },
    { "", "市统计局", FALSE },
  };
  g_autoptr(LedgerIndicator) cpi = indicator_in (fixture->unit, "cpi-rise");
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(LedgerPackage) package = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  guint stats = 0, development = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (ledger_responsible_unit_names (cases[i].text, cases[i].unit) != cases[i].names)
      test_fail_and_go_on ("“%s” names “%s”: expected %d", cases[i].text, cases[i].unit, cases[i].names);

  g_object_set (cpi, "responsible-unit", "市发展改革委、 市统计局", NULL);
  ledger_store_update_indicator (fixture->unit, cpi, &error);
  g_assert_no_error (error);
  set_value (fixture->unit, "cpi-rise", "2026-03", 0.3, "", "");

  units = ledger_package_list_units (fixture->unit, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < units->len; i++)
    {
      const char *unit = g_ptr_array_index (units, i);
      g_autofree char *stripped = g_strstrip (g_strdup (unit));

      g_assert_null (strstr (unit, "、"));
      g_assert_cmpstr (unit, ==, stripped);
      stats += g_str_equal (unit, STATS);
      development += g_str_equal (unit, "市发展改革委");
      if (i > 0)
        g_assert_cmpint (g_utf8_collate (g_ptr_array_index (units, i - 1), unit), <, 0);
    }
  g_assert_cmpuint (stats, ==, 1);
  g_assert_cmpuint (development, ==, 1);

  /* Both units' packages hold the shared indicator. */
  package = package_of (fixture->unit, "2026-01", "2026-06", NULL);
  g_assert_cmpuint (ledger_package_get_n_entries (package), ==, 1);
  text = export_ok (fixture->unit, "市发展改革委", "2026-01", "2026-06");
  g_assert_nonnull (strstr (text, "\"code\": \"cpi-rise\""));
}

static void
test_export_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct {
    const char *unit, *from, *to;
    int         code;
    const char *fragment;
  } cases[] = {
    { "", "2026-01", "2026-06", LEDGER_PACKAGE_ERROR_INVALID, "responsible unit" },
    { "市气象局", "2026-01", "2026-06", LEDGER_PACKAGE_ERROR_INVALID, "市气象局" },
    { "统计局", "2026-01", "2026-06", LEDGER_PACKAGE_ERROR_INVALID, "统计局" },
    { STATS, "2026-13", "2026-06", LEDGER_PACKAGE_ERROR_INVALID, "2026-13" },
    { STATS, "2026-01", "June", LEDGER_PACKAGE_ERROR_INVALID, "June" },
    { STATS, "2026-07", "2026-06", LEDGER_PACKAGE_ERROR_INVALID, "before" },
    { STATS, NULL, NULL, LEDGER_PACKAGE_ERROR_NO_VALUES, STATS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = ledger_package_export (fixture->office, cases[i].unit, cases[i].from,
                                                     cases[i].to, &error);

      g_assert_null (text);
      test_assert_error_mentions (error, LEDGER_PACKAGE_ERROR, cases[i].code, cases[i].fragment);
    }

  /* Within bounds, a unit with no values has an empty package. */
  {
    g_autoptr(LedgerPackage) empty = package_of (fixture->office, "2026-01", "2026-06", NULL);

    g_assert_cmpuint (ledger_package_get_n_entries (empty), ==, 0);
  }
}

/* Written through a temporary file; read back from it by name. */
static void
test_file (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *name = ledger_package_suggest_file_name (STATS, "2026-01", "2026-06");
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing", name, NULL);
  g_autofree char *odd = ledger_package_suggest_file_name ("市/统计:局", "2026-Q2", "2026-Q2");
  g_autoptr(GFile) file = NULL;
  g_autoptr(LedgerPackage) package = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (name, ==, STATS "-2026-01-2026-06.tlpkg");
  g_assert_cmpstr (odd, ==, "市-统计-局-2026-Q2.tlpkg");

  fill_unit_ledger (fixture->unit);
  g_assert_true (ledger_package_export_to_file (fixture->unit, STATS, "2026-01", "2026-06", path, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  package = ledger_package_load (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ledger_package_get_n_entries (package), ==, g_strv_length ((GStrv) stats_first_half));
  g_assert_cmpstr (ledger_package_get_file_name (package), ==, name);
  g_assert_cmpstr (ledger_package_get_origin (package), ==, STATS " · " STATS "-2026-01-2026-06.tlpkg");

  g_assert_false (ledger_package_export_to_file (fixture->unit, STATS, "2026-01", "2026-06", missing, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* A package header with @values (JSON text) as its list of values. */
static char *
package_text (const char *from,
              const char *to,
              const char *values)
{
  return g_strdup_printf ("{\"format\": \"target-ledger-package\", \"version\": 1, \"unit\": \"%s\", "
                          "\"from\": \"%s\", \"to\": \"%s\", \"values\": [%s]}",
                          STATS, from, to, values);
}

#define GDP_UUID "b3e9bfa5-0000-4000-8000-000000000001"

/* Malformed files, and files that are not packages of this version, are
 * refused with what is wrong and where. */
static void
test_read_refused (void)
{
  static const struct {
    const char *text;
    int         code;
    const char *fragment;
  } cases[] = {
    { "", LEDGER_PACKAGE_ERROR_FORMAT, "JSON object" },
    { "not json", LEDGER_PACKAGE_ERROR_SYNTAX, "Not a valid data package" },
    { "{\"format\": \"target-ledger-package\"} {}", LEDGER_PACKAGE_ERROR_SYNTAX, "more than one value" },
    { "[1, 2]", LEDGER_PACKAGE_ERROR_FORMAT, "JSON object" },
    { "{\"format\": 1, \"plans\": []}", LEDGER_PACKAGE_ERROR_FORMAT, "not a data package" },
    { "{\"format\": \"target-ledger-plan\"}", LEDGER_PACKAGE_ERROR_FORMAT, "not a data package" },
    { "{\"format\": \"target-ledger-package\", \"version\": 4, \"sheets\": []}",
      LEDGER_PACKAGE_ERROR_FORMAT, "version 4" },
    { "{\"format\": \"target-ledger-package\", \"unit\": \"x\"}", LEDGER_PACKAGE_ERROR_INVALID,
      "“version” is missing" },
    { "{\"format\": \"target-ledger-package\", \"version\": 1, \"from\": \"2026-01\", \"to\": \"2026-06\", "
      "\"values\": []}", LEDGER_PACKAGE_ERROR_INVALID, "“unit” is missing" },
    { "{\"format\": \"target-ledger-package\", \"version\": 1, \"unit\": \"x\", \"from\": \"2026-13\", "
      "\"to\": \"2026-06\", \"values\": []}", LEDGER_PACKAGE_ERROR_INVALID, "“2026-13” is not a period" },
    { "{\"format\": \"target-ledger-package\", \"version\": 1, \"unit\": \"x\", \"from\": \"2026-07\", "
      "\"to\": \"2026-06\", \"values\": []}", LEDGER_PACKAGE_ERROR_INVALID, "before" },
    { "{\"format\": \"target-ledger-package\", \"version\": 1, \"unit\": \"x\", \"from\": \"2026-01\", "
      "\"to\": \"2026-06\", \"values\": {}}", LEDGER_PACKAGE_ERROR_INVALID, "“values” must be a list" },
    { "{\"format\": \"target-ledger-package\", \"version\": 1, \"unit\": \"x\", \"from\": \"2026-01\", "
      "\"to\": \"2026-06\", \"values\": [], \"colour\": \"red\"}", LEDGER_PACKAGE_ERROR_INVALID,
      "unknown member “colour”" },
  };
  static const struct {
    const char *values;
    const char *fragment;
  } value_cases[] = {
    { "{\"indicator\": \"" GDP_UUID "\", \"period\": \"2026-Q2\", \"value\": \"5.9\"}",
      "values[0]: “value” must be a number" },
    { "{\"indicator\": \"" GDP_UUID "\", \"period\": \"2026-Q2\", \"value\": null}",
      "“value” must be a number" },
    { "{\"indicator\": \"" GDP_UUID "\", \"period\": \"2026-Q3\", \"value\": 6}",
      "2026-Q3 is outside the package’s range" },
    { "{\"indicator\": \"" GDP_UUID "\", \"period\": \"2026\", \"value\": 6}",
      "2026 is outside the package’s range" },
    { "{\"indicator\": \"" GDP_UUID "\", \"period\": \"Q2\", \"value\": 6}", "“Q2” is not a period" },
    { "{\"indicator\": \"gdp-growth\", \"period\": \"2026-Q2\", \"value\": 6}", "is not a UUID" },
    { "{\"indicator\": \"" GDP_UUID "\", \"period\": \"2026-Q2\", \"value\": 6, \"status\": \"done\"}",
      "not both" },
    { "{\"indicator\": \"" GDP_UUID "\", \"period\": \"2026-Q2\"}", "is missing" },
    { "{\"indicator\": \"" GDP_UUID "\", \"period\": \"2026-Q2\", \"status\": \"finished\"}",
      "“finished” is not a status" },
    { "{\"indicator\": \"" GDP_UUID "\", \"period\": \"2026-Q2\", \"valeu\": 6}", "unknown member “valeu”" },
    { "{\"indicator\": \"" GDP_UUID "\", \"period\": \"2026-Q1\", \"value\": 5.7}, "
      "{\"indicator\": \"" GDP_UUID "\", \"period\": \"2026-Q1\", \"value\": 5.8}",
      "values[1]: a second value of " GDP_UUID " for 2026-Q1" },
    { "{\"indicator\": \"" GDP_UUID "\", \"period\": \"2026-Q1\", \"value\": 5.7}, "
      "{\"indicator\": \"B3E9BFA5-0000-4000-8000-000000000001\", \"period\": \"2026-Q1\", \"value\": 5.8}",
      "a second value" },
    { "7", "values[0]: must be an object" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LedgerPackage) package = ledger_package_read (cases[i].text, strlen (cases[i].text),
                                                              "bad.tlpkg", &error);

      g_assert_null (package);
      test_assert_error_mentions (error, LEDGER_PACKAGE_ERROR, cases[i].code, cases[i].fragment);
    }
  for (guint i = 0; i < G_N_ELEMENTS (value_cases); i++)
    {
      g_autofree char *text = package_text ("2026-01", "2026-06", value_cases[i].values);
      g_autoptr(GError) error = NULL;
      g_autoptr(LedgerPackage) package = ledger_package_read (text, strlen (text), NULL, &error);

      g_assert_null (package);
      test_assert_error_mentions (error, LEDGER_PACKAGE_ERROR, LEDGER_PACKAGE_ERROR_INVALID,
                                  value_cases[i].fragment);
    }
}

/* A package written over many lines, as by hand, with one value: @members
 * are its members, from line 9 on. */
static char *
package_lines (const char *members)
{
  return g_strconcat ("{\n"
                      "  \"format\": \"target-ledger-package\",\n"
                      "  \"version\": 1,\n"
                      "  \"unit\": \"市统计局\",\n"
                      "  \"from\": \"2026-01\",\n"
                      "  \"to\": \"2026-06\",\n"
                      "  \"values\": [\n"
                      "    {\n",
                      members,
                      "    }\n"
                      "  ]\n"
                      "}\n", NULL);
}

/* An error names the line of a mistake in a file written over many lines. */
static void
test_read_line (void)
{
  g_autofree char *text = package_lines ("      \"indicator\": \"" GDP_UUID "\",\n"
                                         "      \"period\": \"2026-Q2\",\n"
                                         "      \"value\": \"5,9\"\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerPackage) package = ledger_package_read (text, strlen (text), NULL, &error);

  g_assert_null (package);
  test_assert_error_mentions (error, LEDGER_PACKAGE_ERROR, LEDGER_PACKAGE_ERROR_INVALID,
                              "line 11, values[0]: “value” must be a number");
}

/* What json-glib cannot be given safely is refused before it parses, with
 * the line and column (ledger-json-check.c); a whole pair is read. */
static void
test_read_unsafe (void)
{
  static const struct { const char *note; const char *fragment; } cases[] = {
    { "初步\\u0000核算", "line 11, column 18: “\\u0000”" },
    { "初步\\ud800核算", "line 11, column 18: “\\ud800”" },
    { "初步\\udc00核算", "line 11, column 18: “\\udc00”" },
    { "初步\\ud800\\\"", "line 11, column 18: “\\ud800”" },
    { "初步@核算", "line 11, column 18:" },
    { "初步\xff核算", "line 11, column 18:" },
    { "初步\\0", "line 11, column 18:" },
    { "初步\\ud83d\\ude00核算", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *members = g_strdup_printf ("      \"indicator\": \"" GDP_UUID "\", "
                                                  "\"period\": \"2026-Q2\",\n"
                                                  "      \"value\": 5.9,\n"
                                                  "      \"note\": \"%s\"\n", cases[i].note);
      g_autofree char *text = package_lines (members);
      gsize length = strlen (text);
      char *nul = strchr (text, '@');
      g_autoptr(GError) error = NULL;
      g_autoptr(LedgerPackage) package = NULL;

      if (nul != NULL)
        *nul = '\0';
      package = ledger_package_read (text, length, NULL, &error);
      if (cases[i].fragment == NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (ledger_value_get_note (ledger_package_get_entry (package, 0)->value), ==,
                           "初步😀核算");
          continue;
        }
      g_assert_null (package);
      test_assert_error_mentions (error, LEDGER_PACKAGE_ERROR, LEDGER_PACKAGE_ERROR_SYNTAX,
                                  cases[i].fragment);
    }
}

/* What crashed the program: 200 000 "[". */
static void
test_read_deep (void)
{
  g_autofree char *text = g_strnfill (200000, '[');
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerPackage) package = ledger_package_read (text, strlen (text), NULL, &error);

  g_assert_null (package);
  test_assert_error_mentions (error, LEDGER_PACKAGE_ERROR, LEDGER_PACKAGE_ERROR_SYNTAX,
                              "line 1, column 65:");
}

/* ---- merge ------------------------------------------------------------ */

/* Into a ledger without values, everything is added; the change log names
 * the unit and the file each value came from. */
static void
test_merge_adds_all (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LedgerPackage) package = NULL;
  g_autoptr(LedgerPackageMerge) merge = NULL;
  g_autoptr(LedgerIndicator) gdp = indicator_in (fixture->office, "gdp-growth");
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(LedgerChange) newest = NULL;
  guint n = g_strv_length ((GStrv) stats_first_half);

  fill_unit_ledger (fixture->unit);
  package = package_of (fixture->unit, "2026-01", "2026-06", "stats-2026-06.tlpkg");
  merge = merge_ok (fixture->office, package, NULL);
  assert_counts (merge, n, 0, 0, 0);
  g_assert_cmpuint (ledger_package_merge_count_writes (merge), ==, n);
  g_assert_cmpuint (test_count_all_values (fixture->office), ==, 0);  /* a preview writes nothing */
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (ledger_import_row_get_origin (ledger_package_merge_get_added (merge, i)), ==, STATS " · stats-2026-06.tlpkg");

  apply_ok (merge);
  g_assert_cmpuint (test_count_all_values (fixture->office), ==, n);
  assert_first_half_arrived (fixture->office, fixture->unit);

  changes = ledger_store_list_changes (fixture->office, ledger_indicator_get_uuid (gdp));
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 2);
  newest = g_list_model_get_item (changes, 0);
  g_assert_cmpstr (ledger_change_get_origin (newest), ==, STATS " · stats-2026-06.tlpkg");
  g_assert_cmpstr (ledger_change_get_action (newest), ==, "insert");

  /* One transaction: one step of undo takes it all back. */
  g_assert_true (ledger_store_undo (fixture->office, NULL));
  g_assert_cmpuint (test_count_all_values (fixture->office), ==, 0);
}

/* Merging the same package again finds everything unchanged, writes
 * nothing. */
static void
test_merge_twice (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LedgerPackage) package = NULL;
  g_autoptr(LedgerPackageMerge) first = NULL;
  g_autoptr(LedgerPackageMerge) again = NULL;
  guint n = g_strv_length ((GStrv) stats_first_half);
  guint n_changes;

  fill_unit_ledger (fixture->unit);
  package = package_of (fixture->unit, "2026-01", "2026-06", "stats.tlpkg");
  first = merge_ok (fixture->office, package, NULL);
  apply_ok (first);
  n_changes = ledger_store_count_changes (fixture->office);

  again = merge_ok (fixture->office, package, NULL);
  assert_counts (again, 0, n, 0, 0);
  g_assert_cmpuint (ledger_package_merge_count_writes (again), ==, 0);
  apply_ok (again);
  g_assert_cmpuint (ledger_store_count_changes (fixture->office), ==, n_changes);
}

/* The "value" of a change's old or new contents. */
static double
number_in_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_object_get_double_member (json_node_get_object (json_parser_get_root (parser)), "value");
}

static LedgerImportRow *
only_conflict (LedgerPackageMerge *merge,
               const char         *code,
               const char         *period)
{
  for (guint i = 0; i < ledger_package_merge_get_n_conflicts (merge); i++)
    {
      LedgerImportRow *conflict = ledger_package_merge_get_conflict (merge, i);

      if (g_str_equal (ledger_indicator_get_code (ledger_import_row_get_indicator (conflict)), code) &&
          g_str_equal (ledger_import_row_get_period (conflict), period))
        return conflict;
    }
  g_error ("no conflict for %s %s", code, period);
}

static const LedgerImportCandidate *
candidate (LedgerImportRow *conflict,
           guint            index)
{
  g_assert_cmpuint (index, <, ledger_import_row_get_n_candidates (conflict));
  return ledger_import_row_get_candidate (conflict, index);
}

/* A value the ledger holds otherwise is a conflict: kept unless the user
 * chooses the package's value. */
static void
test_merge_conflict_with_ledger (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(LedgerPackage) package = NULL;
  g_autoptr(LedgerPackageMerge) merge = NULL;
  g_autoptr(LedgerPackageMerge) again = NULL;
  g_autoptr(LedgerValue) kept = NULL;
  g_autoptr(LedgerValue) taken = NULL;
  g_autoptr(LedgerValue) from_unit = NULL;
  g_autoptr(LedgerIndicator) gdp = indicator_in (fixture->office, "gdp-growth");
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(LedgerChange) newest = NULL;
  g_autofree char *ledger_text = NULL;
  LedgerImportRow *conflict;
  guint n = g_strv_length ((GStrv) stats_first_half);

  fill_unit_ledger (fixture->unit);
  set_value (fixture->office, "gdp-growth", "2026-Q2", 6.1, "电话核实", "");
  /* The same figure with another note is another value: the user sees both. */
  set_value (fixture->office, "cpi-rise", "2026-03", 0.3, "办公室录入", "");
  package = package_of (fixture->unit, "2026-01", "2026-06", "stats.tlpkg");

  merge = merge_ok (fixture->office, package, NULL);
  assert_counts (merge, n - 2, 0, 2, 0);
  conflict = only_conflict (merge, "gdp-growth", "2026-Q2");
  g_assert_cmpuint (ledger_import_row_get_n_candidates (conflict), ==, 2);
  g_assert_true (candidate (conflict, 0)->in_ledger);
  g_assert_cmpfloat (ledger_value_get_number (candidate (conflict, 0)->value), ==, 6.1);
  g_assert_cmpstr (candidate (conflict, 0)->origin, ==, "");
  g_assert_false (candidate (conflict, 1)->in_ledger);
  g_assert_cmpfloat (ledger_value_get_number (candidate (conflict, 1)->value), ==, 5.9);
  g_assert_cmpstr (candidate (conflict, 1)->origin, ==, STATS " · stats.tlpkg");
  g_assert_cmpint (ledger_import_row_get_chosen (conflict), ==, 0);
  /* A conflict is a row to change: the ledger's value old, the chosen one new. */
  g_assert_cmpint (ledger_import_row_get_action (conflict), ==, LEDGER_IMPORT_CHANGE);
  g_assert_cmpstr (ledger_import_row_get_code (conflict), ==, "gdp-growth");
  g_assert_cmpstr (ledger_import_row_get_old_text (conflict), ==, "6.1%");
  g_assert_cmpstr (ledger_import_row_get_new_text (conflict), ==, "6.1%");
  g_assert_true (ledger_import_row_choose (conflict, 1));
  g_assert_cmpstr (ledger_import_row_get_new_text (conflict), ==, "5.9%");
  g_assert_cmpstr (ledger_import_row_get_origin (conflict), ==, STATS " · stats.tlpkg");
  g_assert_cmpuint (ledger_package_merge_count_writes (merge), ==, n - 1);
  g_assert_true (ledger_import_row_choose (conflict, 0));
  ledger_text = ledger_indicator_describe_value (ledger_import_row_get_indicator (conflict), candidate (conflict, 0)->value);
  g_assert_cmpstr (ledger_text, ==, "6.1%");
  g_assert_cmpuint (ledger_package_merge_count_unresolved (merge), ==, 0);
  g_assert_cmpuint (ledger_package_merge_count_writes (merge), ==, n - 2);

  /* Applied as it is, the ledger keeps its value. */
  apply_ok (merge);
  kept = value_in (fixture->office, "gdp-growth", "2026-Q2");
  g_assert_cmpfloat (ledger_value_get_number (kept), ==, 6.1);
  g_assert_cmpstr (ledger_value_get_note (kept), ==, "电话核实");
  g_assert_cmpuint (test_count_all_values (fixture->office), ==, n);

  /* Chosen, the package's value is written, with its origin. */
  again = merge_ok (fixture->office, package, NULL);
  assert_counts (again, 0, n - 2, 2, 0);
  g_assert_false (ledger_package_merge_choose (again, 0, 2));
  g_assert_false (ledger_package_merge_choose (again, 2, 0));
  g_assert_false (ledger_package_merge_choose (again, 0, -2));
  for (guint i = 0; i < 2; i++)
    if (ledger_package_merge_get_conflict (again, i) == only_conflict (again, "gdp-growth", "2026-Q2"))
      g_assert_true (ledger_package_merge_choose (again, i, 1));
  g_assert_cmpuint (ledger_package_merge_count_writes (again), ==, 1);
  apply_ok (again);
  taken = value_in (fixture->office, "gdp-growth", "2026-Q2");
  from_unit = value_in (fixture->unit, "gdp-growth", "2026-Q2");
  assert_same_figure (taken, from_unit);

  changes = ledger_store_list_changes (fixture->office, ledger_indicator_get_uuid (gdp));
  newest = g_list_model_get_item (changes, 0);
  g_assert_cmpstr (ledger_change_get_origin (newest), ==, STATS " · stats.tlpkg");
  g_assert_cmpstr (ledger_change_get_action (newest), ==, "update");
  g_assert_cmpfloat (number_in_json (ledger_change_get_old (newest)), ==, 6.1);

  /* The other conflict was left alone. */
  {
    g_autoptr(LedgerValue) cpi = value_in (fixture->office, "cpi-rise", "2026-03");

    g_assert_cmpstr (ledger_value_get_note (cpi), ==, "办公室录入");
  }
}

/* Two packages that disagree are a conflict with both candidates; where
 * they agree, the value is added with both as its origin. */
static void
test_merge_two_packages (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LedgerStore) other = open_in (fixture, "other-copy.sqlite3");
  g_autoptr(LedgerPackage) a = NULL;
  g_autoptr(LedgerPackage) b = NULL;
  g_autoptr(LedgerPackageMerge) merge = NULL;
  g_autoptr(LedgerPackageMerge) again = NULL;
  g_autoptr(LedgerValue) empty = NULL;
  g_autoptr(LedgerValue) chosen = NULL;
  LedgerImportRow *conflict;
  LedgerImportRow *item = NULL;
  guint n = g_strv_length ((GStrv) stats_first_half);

  fill_unit_ledger (fixture->unit);
  set_value (other, "gdp-growth", "2026-Q1", 5.7, "", "市统计局快报");
  set_value (other, "gdp-growth", "2026-Q2", 6.0, "修订数", "");
  a = package_of (fixture->unit, "2026-01", "2026-06", "stats-a.tlpkg");
  b = package_of (other, "2026-01", "2026-06", "stats-b.tlpkg");

  merge = merge_ok (fixture->office, a, b, NULL);
  assert_counts (merge, n - 1, 0, 1, 0);
  for (guint i = 0; i < ledger_package_merge_get_n_added (merge); i++)
    if (g_str_equal (ledger_import_row_get_period (ledger_package_merge_get_added (merge, i)), "2026-Q1"))
      item = ledger_package_merge_get_added (merge, i);
  g_assert_nonnull (item);
  g_assert_cmpstr (ledger_import_row_get_origin (item), ==, STATS " · stats-a.tlpkg; " STATS " · stats-b.tlpkg");

  conflict = only_conflict (merge, "gdp-growth", "2026-Q2");
  g_assert_cmpuint (ledger_import_row_get_n_candidates (conflict), ==, 2);
  g_assert_false (candidate (conflict, 0)->in_ledger);
  g_assert_false (candidate (conflict, 1)->in_ledger);
  g_assert_cmpfloat (ledger_value_get_number (candidate (conflict, 0)->value), ==, 5.9);
  g_assert_cmpstr (candidate (conflict, 0)->origin, ==, STATS " · stats-a.tlpkg");
  g_assert_cmpfloat (ledger_value_get_number (candidate (conflict, 1)->value), ==, 6.0);
  g_assert_cmpstr (candidate (conflict, 1)->origin, ==, STATS " · stats-b.tlpkg");
  g_assert_cmpint (ledger_import_row_get_chosen (conflict), ==, -1);
  g_assert_cmpuint (ledger_package_merge_count_unresolved (merge), ==, 1);

  /* Unresolved, the cell stays empty. */
  apply_ok (merge);
  empty = value_in (fixture->office, "gdp-growth", "2026-Q2");
  g_assert_null (empty);
  g_assert_cmpuint (test_count_all_values (fixture->office), ==, n - 1);

  again = merge_ok (fixture->office, a, b, NULL);
  assert_counts (again, 0, n - 1, 1, 0);
  g_assert_true (ledger_package_merge_choose (again, 0, 1));
  g_assert_cmpuint (ledger_package_merge_count_unresolved (again), ==, 0);
  apply_ok (again);
  chosen = value_in (fixture->office, "gdp-growth", "2026-Q2");
  g_assert_cmpfloat (ledger_value_get_number (chosen), ==, 6.0);
  g_assert_cmpstr (ledger_value_get_note (chosen), ==, "修订数");
}

/* A package may hold the base year's figures (同期) and a January of its
 * own where the figure is released for January alone; not a year earlier,
 * nor January alone of a figure that comes as 1-2月. */
static void
test_merge_base_year_and_january (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(LedgerIndicator) gdp = indicator_in (fixture->office, "gdp-growth");
  g_autoptr(LedgerIndicator) cpi = indicator_in (fixture->office, "cpi-rise");
  g_autoptr(LedgerIndicator) retail = indicator_in (fixture->office, "retail-sales-growth");
  g_autofree char *values = g_strdup_printf (
    "{\"indicator\": \"%s\", \"code\": \"cpi-rise\", \"period\": \"2026-01\", \"value\": 1.1},"
    "{\"indicator\": \"%s\", \"code\": \"gdp-growth\", \"period\": \"2025-Q2\", \"value\": 5.9},"
    "{\"indicator\": \"%s\", \"code\": \"gdp-growth\", \"period\": \"2024-Q2\", \"value\": 8.5},"
    "{\"indicator\": \"%s\", \"code\": \"retail-sales-growth\", \"period\": \"2026-01\", \"value\": 5}",
    ledger_indicator_get_uuid (cpi), ledger_indicator_get_uuid (gdp), ledger_indicator_get_uuid (gdp),
    ledger_indicator_get_uuid (retail));
  g_autofree char *text = package_text ("2024-01", "2026-12", values);
  g_autoptr(LedgerPackage) package = read_ok (text, "base-year.tlpkg");
  g_autoptr(LedgerPackageMerge) merge = merge_ok (fixture->office, package, NULL);
  g_autoptr(LedgerValue) january = NULL;
  g_autoptr(LedgerValue) base = NULL;

  assert_counts (merge, 2, 0, 0, 2);
  g_assert_nonnull (strstr (ledger_import_row_get_reason (ledger_package_merge_get_refused (merge, 0)), "2024-Q2"));
  g_assert_nonnull (strstr (ledger_import_row_get_reason (ledger_package_merge_get_refused (merge, 1)), "2026-01"));
  apply_ok (merge);
  january = value_in (fixture->office, "cpi-rise", "2026-01");
  base = value_in (fixture->office, "gdp-growth", "2025-Q2");
  g_assert_cmpfloat (ledger_value_get_number (january), ==, 1.1);
  g_assert_cmpfloat (ledger_value_get_number (base), ==, 5.9);
}

/* A figure the checks on entry flag is refused, saying why, unless its
 * note explains it; the thresholds are the settings'. */
static void
test_merge_flagged (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LedgerIndicator) cpi = indicator_in (fixture->office, "cpi-rise");
  g_autofree char *values = g_strdup_printf (
    "{\"indicator\": \"%s\", \"code\": \"cpi-rise\", \"period\": \"2026-05\", \"value\": 60},"
    "{\"indicator\": \"%s\", \"code\": \"cpi-rise\", \"period\": \"2026-06\", \"value\": 61, "
    "\"note\": \"口径调整\"}",
    ledger_indicator_get_uuid (cpi), ledger_indicator_get_uuid (cpi));
  g_autofree char *text = package_text ("2026-01", "2026-12", values);
  g_autoptr(LedgerPackage) package = read_ok (text, "flagged.tlpkg");
  g_autoptr(LedgerPackageMerge) merge = merge_ok (fixture->office, package, NULL);
  g_autoptr(LedgerPackageMerge) lenient = NULL;
  g_autoptr(GPtrArray) packages = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  LedgerImportRow *refusal;
  LedgerCheckLimits checks;

  assert_counts (merge, 1, 0, 0, 1);
  refusal = ledger_package_merge_get_refused (merge, 0);
  g_assert_cmpstr (ledger_import_row_get_period (refusal), ==, "2026-05");
  g_assert_nonnull (strstr (ledger_import_row_get_reason (refusal), "explain it in the note"));
  g_assert_cmpstr (ledger_value_get_period (ledger_import_row_get_value (ledger_package_merge_get_added (merge, 0))), ==,
                   "2026-06");

  ledger_check_limits_init_default (&checks);
  checks.rate_high = 70;
  g_ptr_array_add (packages, package);
  lenient = ledger_package_merge_new (fixture->office, packages, &checks, &error);
  g_assert_no_error (error);
  assert_counts (lenient, 2, 0, 0, 0);
}

/* Values this ledger cannot take are refused, each with its reason; the
 * others still go in. */
static void
test_merge_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LedgerIndicator) gdp = indicator_in (fixture->office, "gdp-growth");
  g_autoptr(LedgerIndicator) cpi = indicator_in (fixture->office, "cpi-rise");
  g_autoptr(LedgerIndicator) talent = indicator_in (fixture->office, "gather-innovation-talent");
  g_autofree char *ghost = g_uuid_string_random ();
  g_autofree char *values = g_strdup_printf (
    "{\"indicator\": \"%s\", \"code\": \"ghost\", \"name\": \"不存在的指标\", \"period\": \"2026-05\", \"value\": 1},"
    "{\"indicator\": \"%s\", \"code\": \"gdp-growth\", \"period\": \"2026-05\", \"value\": 5.5},"
    "{\"indicator\": \"%s\", \"code\": \"gdp-growth\", \"period\": \"2026-Q2\", \"status\": \"done\"},"
    "{\"indicator\": \"%s\", \"period\": \"2026-Q2\", \"value\": 3},"
    "{\"indicator\": \"%s\", \"code\": \"gdp-growth\", \"period\": \"2027-Q1\", \"value\": 6},"
    "{\"indicator\": \"%s\", \"code\": \"cpi-rise\", \"period\": \"2026-05\", \"value\": 1.1}",
    ghost, ledger_indicator_get_uuid (gdp), ledger_indicator_get_uuid (gdp),
    ledger_indicator_get_uuid (talent), ledger_indicator_get_uuid (gdp), ledger_indicator_get_uuid (cpi));
  g_autofree char *text = package_text ("2026-01", "2027-12", values);
  g_autoptr(LedgerPackage) package = read_ok (text, "hand-made.tlpkg");
  g_autoptr(LedgerPackageMerge) merge = merge_ok (fixture->office, package, NULL);
  static const char *reasons[] = {
    "不存在的指标", "not an indicator of this ledger",
    "reported quarterly, not for 2026-05", "needs a number",
    "is a qualitative task", "2027-Q1 is outside the years",
  };
  g_autoptr(LedgerValue) cpi_value = NULL;

  assert_counts (merge, 1, 0, 0, 5);
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      LedgerImportRow *refusal = ledger_package_merge_get_refused (merge, i == 0 ? 0 : i - 1);
      const char *reason = ledger_import_row_get_reason (refusal);

      g_assert_cmpint (ledger_import_row_get_action (refusal), ==, LEDGER_IMPORT_REFUSED);
      g_assert_cmpstr (ledger_import_row_get_origin (refusal), ==, ledger_package_get_origin (package));
      if (strstr (reason, reasons[i]) == NULL)
        test_fail_and_go_on ("refusal “%s” does not say “%s”", reason, reasons[i]);
    }
  g_assert_cmpstr (ledger_import_row_get_code (ledger_package_merge_get_refused (merge, 0)), ==, "ghost");

  apply_ok (merge);
  cpi_value = value_in (fixture->office, "cpi-rise", "2026-05");
  g_assert_cmpfloat (ledger_value_get_number (cpi_value), ==, 1.1);
  g_assert_cmpuint (test_count_all_values (fixture->office), ==, 1);
}

/* A write that fails halfway writes nothing: here the indicator's
 * frequency changed after the preview, so the store refuses its month. */
static void
test_apply_all_or_nothing (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(LedgerPackage) package = NULL;
  g_autoptr(LedgerPackageMerge) merge = NULL;
  g_autoptr(LedgerIndicator) cpi = indicator_in (fixture->office, "cpi-rise");
  g_autoptr(GError) error = NULL;
  guint n_changes;

  fill_unit_ledger (fixture->unit);
  package = package_of (fixture->unit, "2026-01", "2026-06", "stats.tlpkg");
  merge = merge_ok (fixture->office, package, NULL);
  /* Other values come before the one that fails (the store checks a whole
   * statement's worth before writing it: test-store's all-or-nothing-large
   * covers a failure after writes). */
  g_assert_cmpstr (ledger_indicator_get_code (ledger_import_row_get_indicator (ledger_package_merge_get_added (merge, 0))), ==,
                   "gdp-growth");
  g_assert_cmpstr (ledger_import_row_get_period (ledger_package_merge_get_added (merge, 2)), ==, "2026-03");

  g_object_set (cpi, "frequency", LEDGER_FREQUENCY_QUARTERLY, NULL);
  ledger_store_update_indicator (fixture->office, cpi, &error);
  g_assert_no_error (error);
  n_changes = ledger_store_count_changes (fixture->office);

  g_assert_false (ledger_package_merge_apply (merge, &error));
  test_assert_error_mentions (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID, "2026-03");
  g_assert_cmpuint (test_count_all_values (fixture->office), ==, 0);
  g_assert_cmpuint (ledger_store_count_changes (fixture->office), ==, n_changes);
}

/* A preview holds for the ledger as it was read: a cell filled since is
 * not overwritten, and nothing is written. */
static void
test_apply_stale (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LedgerPackage) package = NULL;
  g_autoptr(LedgerPackageMerge) merge = NULL;
  g_autoptr(LedgerValue) typed = NULL;
  g_autoptr(LedgerIndicator) cpi = indicator_in (fixture->office, "cpi-rise");
  g_autoptr(GError) error = NULL;

  fill_unit_ledger (fixture->unit);
  package = package_of (fixture->unit, "2026-01", "2026-06", "stats.tlpkg");
  merge = merge_ok (fixture->office, package, NULL);
  set_value (fixture->office, "cpi-rise", "2026-06", 1.4, "", "");

  g_assert_false (ledger_package_merge_apply (merge, &error));
  test_assert_error_mentions (error, LEDGER_PACKAGE_ERROR, LEDGER_PACKAGE_ERROR_STALE, "2026-06");
  test_assert_error_mentions (error, LEDGER_PACKAGE_ERROR, LEDGER_PACKAGE_ERROR_STALE,
                              ledger_indicator_get_name (cpi));
  typed = value_in (fixture->office, "cpi-rise", "2026-06");
  g_assert_cmpfloat (ledger_value_get_number (typed), ==, 1.4);
  g_assert_cmpuint (test_count_all_values (fixture->office), ==, 1);
}

/* ---- jobs in a worker ------------------------------------------------- */

static gboolean
export_in_worker (LedgerStore        *store,
                  const char         *path,
                  LedgerJobProgress  *progress,
                  GCancellable       *cancellable,
                  GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ledger_package_export_to_file_async (store, STATS, "2026-01", "2026-06", path, progress, cancellable,
                                       test_keep_result, &result);
  return ledger_package_export_to_file_finish (test_wait_for (&result), error);
}

static LedgerPackageMerge *
load_in_worker (LedgerStore        *store,
                GListModel         *files,
                LedgerJobProgress  *progress,
                GCancellable       *cancellable,
                GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ledger_package_merge_load_async (store, files, NULL, progress, cancellable, test_keep_result, &result);
  return ledger_package_merge_load_finish (test_wait_for (&result), error);
}

static GListModel *
files_new (const char *first,
           ...)
{
  GListStore *files = g_list_store_new (G_TYPE_FILE);
  va_list args;

  va_start (args, first);
  for (const char *path = first; path != NULL; path = va_arg (args, const char *))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_list_store_append (files, file);
    }
  va_end (args);
  return G_LIST_MODEL (files);
}

/* A package written, read and merged, and applied, each in a worker: the
 * steps reported on this thread, the values in the office's ledger and
 * its undo; a cancelled job or a file that is no package writes nothing. */
static void
test_jobs (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "stats.tlpkg", NULL);
  g_autofree char *junk = g_build_filename (fixture->dir, "junk.tlpkg", NULL);
  g_autoptr(LedgerJobProgress) progress = ledger_job_progress_new ();
  g_autoptr(LedgerJobProgress) applying = ledger_job_progress_new ();
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GListModel) with_junk = NULL;
  g_autoptr(LedgerPackageMerge) merge = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint changes;

  fill_unit_ledger (fixture->unit);
  g_cancellable_cancel (cancelled);
  g_assert_false (export_in_worker (fixture->unit, path, NULL, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_assert_true (export_in_worker (fixture->unit, path, progress, NULL, &error));
  g_assert_no_error (error);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (ledger_job_progress_get_total (progress), ==, 3);  /* checked, made, written */
  g_assert_cmpfloat (ledger_job_progress_get_fraction (progress), ==, 1.0);

  test_write_file (junk, "{\"format\": \"not a package\"}", -1);
  with_junk = files_new (path, junk, NULL);
  g_assert_null (load_in_worker (fixture->office, with_junk, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "junk.tlpkg"));
  g_clear_error (&error);

  files = files_new (path, NULL);
  g_assert_null (load_in_worker (fixture->office, files, NULL, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  merge = load_in_worker (fixture->office, files, progress, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ledger_package_merge_get_n_added (merge), ==, g_strv_length ((GStrv) stats_first_half));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (ledger_job_progress_get_total (progress), ==, 2);  /* one file, then the merge */
  g_assert_cmpfloat (ledger_job_progress_get_fraction (progress), ==, 1.0);

  changes = ledger_store_count_changes (fixture->office);
  ledger_package_merge_apply_async (merge, fixture->office, NULL, cancelled, test_keep_result, &result);
  g_assert_false (ledger_package_merge_apply_finish (merge, test_wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_cmpuint (ledger_store_count_changes (fixture->office), ==, changes);

  ledger_package_merge_apply_async (merge, fixture->office, applying, NULL, test_keep_result, &result);
  g_assert_true (ledger_package_merge_apply_finish (merge, test_wait_for (&result), &error));
  g_assert_no_error (error);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* The values written, batch by batch. */
  g_assert_cmpuint (ledger_job_progress_get_total (applying), ==, g_strv_length ((GStrv) stats_first_half));
  g_assert_cmpfloat (ledger_job_progress_get_fraction (applying), ==, 1.0);
  assert_first_half_arrived (fixture->office, fixture->unit);
  g_assert_true (ledger_store_can_undo (fixture->office));
}

/* ---- regions (docs/regions.md) ---------------------------------------- */

static void
set_region_value (LedgerStore *store,
                  const char  *code,
                  const char  *region,
                  const char  *period,
                  double       number)
{
  g_autoptr(LedgerValue) value = ledger_value_new (id_in (store, code), period, number, "", "");
  g_autoptr(GError) error = NULL;

  ledger_value_set_region (value, region);
  ledger_store_set_value (store, value, &error);
  g_assert_no_error (error);
}

/* A region's figure travels with its region (a package of version 3) and
 * lands beside the city's, each its own cell. */
static void
test_regions_round_trip (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr(LedgerPackage) package = NULL;
  g_autoptr(LedgerPackageMerge) merge = NULL;
  g_autoptr(LedgerValue) city = NULL;
  g_autoptr(LedgerValue) luzhou = NULL;

  set_value (fixture->unit, "gdp-growth", "2026-Q2", 5.9, "", "");
  set_region_value (fixture->unit, "gdp-growth", "140403", "2026-Q2", 6.2);
  text = export_ok (fixture->unit, STATS, "2026-01", "2026-06");
  g_assert_nonnull (strstr (text, "\"version\": 3"));
  g_assert_nonnull (strstr (text, "\"region\": \"140403\""));
  package = read_ok (text, "stats.tlpkg");
  g_assert_cmpuint (ledger_package_get_n_entries (package), ==, 2);
  g_assert_cmpstr (ledger_value_get_region (ledger_package_get_entry (package, 1)->value), ==, "140403");

  merge = merge_ok (fixture->office, package, NULL);
  assert_counts (merge, 2, 0, 0, 0);
  g_assert_cmpstr (ledger_import_row_get_subject (ledger_package_merge_get_added (merge, 1)), ==,
                   "地区生产总值增长 · 潞州区");
  apply_ok (merge);
  city = value_in (fixture->office, "gdp-growth", "2026-Q2");
  luzhou = ledger_store_get_region_value (fixture->office, id_in (fixture->office, "gdp-growth"), "140403", "2026-Q2");
  g_assert_cmpfloat (ledger_value_get_number (city), ==, 5.9);
  g_assert_cmpfloat (ledger_value_get_number (luzhou), ==, 6.2);
}

/* A new ledger holding only @plans: a county's, of the city's plan. */
static LedgerStore *
open_with_plans (Fixture   *fixture,
                 const char *name,
                 GPtrArray  *plans)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerStore) store = ledger_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (ledger_store_add_plans (store, plans, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

/* The city splits new-urban-jobs (4.3 万人) and gives 潞州区 1.2; 潞州区's
 * plan keeps the city's UUIDs, has 1.2 as its target and the city's 6 % for
 * gdp-growth, which is not split. */
static LedgerStore *
open_county (Fixture *fixture)
{
  g_autoptr(GPtrArray) targets = ledger_region_targets_new ();
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(LedgerIndicator) jobs = NULL;
  g_autoptr(LedgerIndicator) gdp = NULL;
  g_autoptr(LedgerIndicator) city_jobs = indicator_in (fixture->office, "new-urban-jobs");
  LedgerStore *county;
  LedgerPlan *plan;
  guint n_unsplit = 0;

  g_ptr_array_add (targets, ledger_region_target_new ("140403", 1.2));
  g_assert_true (ledger_store_set_region_targets (fixture->office, ledger_indicator_get_id (city_jobs),
                                                  targets, &error));
  g_assert_no_error (error);
  text = ledger_region_plan_export (fixture->office, PLAN_2026, "潞州区", &n_unsplit, &error);
  g_assert_no_error (error);
  /* The 2026 plan's 32 totals (cumulative), one of them split: 31 keep
   * the city's target; its rates and levels keep theirs by rule. */
  g_assert_cmpuint (n_unsplit, ==, 31);
  plans = ledger_plan_file_parse (text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 1);
  plan = g_ptr_array_index (plans, 0);
  g_assert_cmpuint (ledger_plan_get_regions (plan)->len, ==, 0);
  g_assert_cmpstr (ledger_plan_get_for_region (plan)->code, ==, "140403");

  county = open_with_plans (fixture, "county.sqlite3", plans);
  jobs = test_find_indicator (county, PLAN_2026, "new-urban-jobs");
  gdp = test_find_indicator (county, PLAN_2026, "gdp-growth");
  g_assert_cmpfloat (ledger_indicator_get_target (jobs), ==, 1.2);
  g_assert_cmpfloat (ledger_indicator_get_target (gdp), ==, 6);
  g_assert_cmpstr (ledger_indicator_get_uuid (jobs), ==, ledger_indicator_get_uuid (city_jobs));
  return county;
}

/* The county's own figures come back under the county; the city's cell
 * stays empty. */
static void
test_regions_county_cycle (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(LedgerStore) county = open_county (fixture);
  g_autoptr(GPtrArray) county_plans = ledger_store_list_plans (county, NULL);
  g_autoptr(LedgerPackage) package = NULL;
  g_autoptr(LedgerPackageMerge) merge = NULL;
  g_autoptr(LedgerValue) luzhou = NULL;
  g_autoptr(LedgerValue) city = NULL;
  g_autofree char *text = NULL;

  /* The county's ledger remembers whose copy it is. */
  g_assert_cmpstr (ledger_plan_get_for_region (g_ptr_array_index (county_plans, 0))->name, ==, "潞州区");
  set_value (county, "new-urban-jobs", "2026-05", 0.3, "", "");
  text = export_ok (county, "市人社局", "2026-01", "2026-06");
  g_assert_nonnull (strstr (text, "\"for_region\": \"140403\""));
  package = read_ok (text, "luzhou.tlpkg");
  merge = merge_ok (fixture->office, package, NULL);
  assert_counts (merge, 1, 0, 0, 0);
  apply_ok (merge);
  luzhou = ledger_store_get_region_value (fixture->office, id_in (fixture->office, "new-urban-jobs"), "140403",
                                          "2026-05");
  city = value_in (fixture->office, "new-urban-jobs", "2026-05");
  g_assert_nonnull (luzhou);
  g_assert_cmpfloat (ledger_value_get_number (luzhou), ==, 0.3);
  g_assert_null (city);
}

/* A package for a region the city's plan lacks is refused value by value,
 * naming the region; nothing is written. */
static void
test_regions_unknown (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LedgerStore) county = open_county (fixture);
  g_autoptr(LedgerPackage) package = NULL;
  g_autoptr(LedgerPackageMerge) merge = NULL;
  g_autofree char *text = NULL;
  GString *edited;

  set_value (county, "new-urban-jobs", "2026-05", 0.3, "", "");
  text = export_ok (county, "市人社局", "2026-01", "2026-06");
  edited = g_string_new (text);
  g_assert_cmpuint (g_string_replace (edited, "\"for_region\": \"140403\"", "\"for_region\": \"140499\"", 1), ==, 1);
  package = read_ok (edited->str, "other.tlpkg");
  g_string_free (edited, TRUE);
  merge = merge_ok (fixture->office, package, NULL);
  assert_counts (merge, 0, 0, 0, 1);
  g_assert_nonnull (strstr (ledger_import_row_get_reason (ledger_package_merge_get_refused (merge, 0)),
                            "“140499” is not a region of the plan"));
  apply_ok (merge);
  g_assert_cmpuint (test_count_all_values (fixture->office), ==, 0);
}

/* A region in a package older than version 3, or not a code, is refused. */
static void
test_regions_read_refused (void)
{
  static const char *cases[][2] = {
    { "{\"format\": \"target-ledger-package\", \"version\": 1, \"unit\": \"x\", \"from\": \"2026-01\", "
      "\"to\": \"2026-06\", \"values\": [{\"indicator\": \"7f812aa6-ca73-4ff7-b40b-70f26ca88864\", "
      "\"period\": \"2026-Q1\", \"value\": 1, \"region\": \"140403\"}]}", "“region”" },
    { "{\"format\": \"target-ledger-package\", \"version\": 3, \"unit\": \"x\", \"from\": \"2026-01\", "
      "\"to\": \"2026-06\", \"values\": [{\"indicator\": \"7f812aa6-ca73-4ff7-b40b-70f26ca88864\", "
      "\"period\": \"2026-Q1\", \"value\": 1, \"region\": \"潞州 区\"}]}", "“潞州 区” is not a region’s code" },
    { "{\"format\": \"target-ledger-package\", \"version\": 2, \"unit\": \"x\", \"from\": \"2026-01\", "
      "\"to\": \"2026-06\", \"plans\": [{\"uuid\": \"5ccd3a79-a31e-4c1d-bfa8-4f3c4387ecbd\", "
      "\"for_region\": \"140403\"}], \"values\": []}", "“for_region”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LedgerPackage) package = ledger_package_read (cases[i][0], strlen (cases[i][0]), NULL, &error);

      g_assert_null (package);
      test_assert_error_mentions (error, LEDGER_PACKAGE_ERROR, LEDGER_PACKAGE_ERROR_INVALID, cases[i][1]);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/package/export/round-trip", test_round_trip);
  ADD ("/package/export/whole-year", test_whole_year);
  ADD ("/package/export/units", test_units);
  ADD ("/package/export/refused", test_export_refused);
  ADD ("/package/export/file", test_file);
  g_test_add_func ("/package/read/refused", test_read_refused);
  g_test_add_func ("/package/read/line", test_read_line);
  g_test_add_func ("/package/read/unsafe", test_read_unsafe);
  g_test_add_func ("/package/read/deep", test_read_deep);
  ADD ("/package/merge/adds-all", test_merge_adds_all);
  ADD ("/package/merge/twice", test_merge_twice);
  ADD ("/package/merge/conflict-with-ledger", test_merge_conflict_with_ledger);
  ADD ("/package/merge/two-packages", test_merge_two_packages);
  ADD ("/package/merge/refused", test_merge_refused);
  ADD ("/package/merge/base-year-and-january", test_merge_base_year_and_january);
  ADD ("/package/merge/flagged", test_merge_flagged);
  ADD ("/package/apply/all-or-nothing", test_apply_all_or_nothing);
  ADD ("/package/apply/stale", test_apply_stale);
  ADD ("/package/jobs", test_jobs);
  ADD ("/package/regions/round-trip", test_regions_round_trip);
  ADD ("/package/regions/county-cycle", test_regions_county_cycle);
  ADD ("/package/regions/unknown", test_regions_unknown);
  g_test_add_func ("/package/regions/read-refused", test_regions_read_refused);
#undef ADD

  return g_test_run ();
}
