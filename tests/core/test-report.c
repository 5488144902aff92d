/* test-report.c: the monthly PDF report (README.md: --report), checked
 * with poppler's tools as a reader would see it
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "ledger-report.h"
#include "ledger-store-scoring.h"
#include "ledger-status.h"
#include "test-pdf.h"
#include "test-util.h"

#define PLAN_2026 "changzhi-2026"
#define PLAN_15TH "changzhi-15th-five-year"
#define AS_OF "2026-06"

typedef struct
{
  char          *dir;
  LedgerStore   *store;
  LedgerContext *context;
} Fixture;

static LedgerPlan *
find_plan (LedgerStore *store,
           const char  *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (store, &error);
  LedgerPlan *plan;

  g_assert_no_error (error);
  if ((plan = ledger_plan_find (plans, code)) == NULL)
    g_error ("no plan “%s”", code);
  return g_object_ref (plan);
}

/* ---- a half year of values ------------------------------------------ */

typedef struct
{
  GPtrArray *values;
  guint      index;
} Filler;

/* The figure due by @period: target × pace for a total, else the target. */
static double
due (LedgerIndicator *indicator,
     const char      *period)
{
  LedgerPeriod parsed;

  g_assert_true (ledger_period_parse (period, &parsed));
  if (ledger_indicator_get_kind (indicator) == LEDGER_KIND_CUMULATIVE)
    return ledger_indicator_get_target (indicator) * ledger_period_pace (&parsed);
  return ledger_indicator_get_target (indicator);
}

/* Every third measured indicator far behind, the others a little ahead;
 * the qualitative tasks in turn in progress, behind and done, with notes.
 * Values for each of an indicator's periods up to 1-6月. */
static void
fill_indicator (LedgerNode      *area,
                LedgerNode      *task,
                LedgerIndicator *indicator,
                gpointer         user_data)
{
  static const char *statuses[] = { "in_progress", "behind", "done" };
  Filler *filler = user_data;
  g_autoptr(GPtrArray) periods = ledger_frequency_periods (ledger_indicator_get_frequency (indicator),
                                                           2026, 2026);
  gboolean lower = ledger_indicator_get_better (indicator) == LEDGER_BETTER_LOWER ||
                   ledger_indicator_get_comparator (indicator) == LEDGER_COMPARATOR_AT_MOST;
  gboolean behind = filler->index % 3 == 0;
  double factor = behind ? 0.6 : 1.02;
  gint64 id = ledger_indicator_get_id (indicator);

  for (guint i = 0; i < periods->len; i++)
    {
      const char *period = g_ptr_array_index (periods, i);
      LedgerPeriod parsed;

      ledger_period_parse (period, &parsed);
      if (ledger_period_end_month (&parsed) > 6)
        continue;
      if (ledger_indicator_get_kind (indicator) == LEDGER_KIND_QUALITATIVE)
        {
          g_autofree char *note = g_strdup_printf ("%s：第%u项进展说明", ledger_indicator_get_name (indicator),
                                                   filler->index);

          g_ptr_array_add (filler->values,
                           ledger_value_new_status (id, period, statuses[filler->index % 3], note, ""));
        }
      else
        g_ptr_array_add (filler->values,
                         ledger_value_new (id, period, due (indicator, period) * (lower ? 2 - factor : factor),
                                           NULL, ""));
    }
  filler->index++;
}

static void
fill_half_year (LedgerStore *store,
                LedgerPlan  *plan)
{
  g_autoptr(GError) error = NULL;
  Filler filler = { g_ptr_array_new_with_free_func (g_object_unref), 0 };

  ledger_plan_foreach_indicator (plan, fill_indicator, &filler);
  ledger_store_import_values (store, filler.values, "test", &error);
  g_assert_no_error (error);
  g_ptr_array_unref (filler.values);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(LedgerPlan) plan = NULL;

  fixture->dir = test_tmp_dir_new ();
  path = g_build_filename (fixture->dir, "ledger.sqlite3", NULL);
  fixture->store = test_open_ledger (path);
  plan = find_plan (fixture->store, PLAN_2026);
  if (data != NULL)
    fill_half_year (fixture->store, plan);
  fixture->context = ledger_context_new (fixture->store);
  ledger_context_set_as_of (fixture->context, AS_OF);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->dir, test_tmp_dir_free);
}

/* ---- reading the PDF back ------------------------------------------ */

static void
assert_holds (const char *text,
              const char *fragment,
              const char *what)
{
  g_autofree char *squeezed = test_squeeze (fragment);

  if (strstr (text, squeezed) == NULL)
    test_fail_and_go_on ("the report does not show %s “%s”", what, fragment);
}

static char *
write_report (Fixture    *fixture,
              const char *plan_code,
              guint      *n_pages)
{
  g_autoptr(LedgerPlan) plan = find_plan (fixture->store, plan_code);
  g_autoptr(LedgerReport) report = ledger_report_new (fixture->context, plan);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, "report.pdf", NULL);

  g_assert_true (ledger_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  if (n_pages != NULL)
    *n_pages = ledger_report_get_n_pages (report);
  return path;
}

/* ---- the report of a half year -------------------------------------- */

typedef struct
{
  LedgerContext *context;
  const char    *text;
  guint          n_measured;
  guint          n_behind;
  guint          n_on_track;
} Reader;

/* Every measured indicator is in the report; each one behind or on
 * warning with its gap. */
static void
check_indicator (LedgerNode      *area,
                 LedgerNode      *task,
                 LedgerIndicator *indicator,
                 gpointer         user_data)
{
  Reader *reader = user_data;
  g_autoptr(LedgerValue) value = NULL;
  LedgerProgress progress = ledger_context_evaluate (reader->context, indicator, &value);
  g_autofree char *gap = NULL;

  if (ledger_indicator_get_kind (indicator) == LEDGER_KIND_QUALITATIVE)
    {
      assert_holds (reader->text, ledger_indicator_get_name (indicator), "the task");
      assert_holds (reader->text, ledger_value_get_note (value), "the task's note");
      return;
    }

  reader->n_measured++;
  assert_holds (reader->text, ledger_indicator_get_name (indicator), "the indicator");
  reader->n_on_track += progress.status == LEDGER_STATUS_ON_TRACK;
  if (progress.status != LEDGER_STATUS_BEHIND && progress.status != LEDGER_STATUS_WARNING)
    return;
  reader->n_behind += progress.status == LEDGER_STATUS_BEHIND;
  gap = ledger_progress_dup_gap_text (indicator, &progress);
  g_assert_nonnull (gap);
  assert_holds (reader->text, gap, "the gap");
}

static void
test_report_half_year (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(LedgerPlan) plan = find_plan (fixture->store, PLAN_2026);
  guint n_pages = 0;
  g_autofree char *path = write_report (fixture, PLAN_2026, &n_pages);
  g_autofree char *text = test_pdf_text (path, 0, 0);
  g_autofree char *page_two = test_pdf_text (path, 2, 2);
  g_autofree char *footer = g_strdup_printf (_("Page %u of %u"), 2, n_pages);
  g_autofree char *as_of = ledger_period_as_of_label (AS_OF);
  Reader reader = { fixture->context, text, 0, 0, 0 };

  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_cmpuint (test_pdf_pages (path), ==, n_pages);

  ledger_plan_foreach_indicator (plan, check_indicator, &reader);
  g_assert_cmpuint (reader.n_measured, >, 40);
  /* The values were made to put many on each side. */
  g_assert_cmpuint (reader.n_behind, >=, 10);
  g_assert_cmpuint (reader.n_on_track, >=, 10);

  assert_holds (text, ledger_node_get_title (LEDGER_NODE (plan)), "the plan's title");
  assert_holds (text, as_of, "the period");
  assert_holds (text, _("Pace"), "the pace's label");
  assert_holds (page_two, footer, "the page's number");
  if (g_strcmp0 (g_getenv ("LANGUAGE"), "zh_CN") == 0)
    assert_holds (text, "序时进度", "the office's word for pace");
  else
    assert_holds (text, "pace", "the word");
}

/* The summary lists the worst first: the indicators behind, then those on
 * warning, by how far they are from where they should be. */
static void
test_report_worst_first (Fixture       *fixture,
                         gconstpointer  data)
{
  gint64 jobs = test_indicator_id (fixture->store, PLAN_2026, "new-urban-jobs");
  gint64 mines = test_indicator_id (fixture->store, PLAN_2026, "new-smart-mines");
  gint64 gdp = test_indicator_id (fixture->store, PLAN_2026, "gdp-growth");
  g_autofree char *path = NULL;
  g_autofree char *summary = NULL;
  const char *names[] = { "新建智能化矿井", "新增城镇就业", "地区生产总值增长" };
  const char *previous = NULL;

  /* Mines 10% of what is due, jobs 60%: both behind; GDP 0.7 point
   * under an "about 6%" target: on warning. */
  test_set_number (fixture->store, mines, "2026-Q2", 8 * 0.5 * 0.1, NULL);
  test_set_number (fixture->store, jobs, "2026-06", 4.3 * 0.5 * 0.6, NULL);
  test_set_number (fixture->store, gdp, "2026-Q2", 5.3, NULL);
  path = write_report (fixture, PLAN_2026, NULL);
  summary = test_pdf_text (path, 2, 2);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *at = strstr (summary, names[i]);

      g_assert_nonnull (at);
      g_assert_true (previous == NULL || at > previous);
      previous = at;
    }
}

/* After the alerts, the totals whose projection (预计全年) falls short of
 * the target, the largest shortfall first:
 * - 国家高新技术企业 2 家 by 上半年: 2 × 12 / 6 = 4 of 30, 86.7 % short;
 * - 招商引资签约金额 700 亿元 by 1-6月: 1400 of 2000, 30 % short;
 * - 新增城镇就业 1.8 万人 by 1-6月, as 2025 went (2.0 by 1-6月 of 4.2):
 *   1.8 × 4.2 / 2.0 = 3.78 of 4.3, 12.1 % short;
 * not 招商引资签约项目 600 个 by 1-6月: 1200 of 1000. Each target with the
 * report's word for it (力争), and a year-end target not yet assessed. */
static void
test_report_may_miss (Fixture       *fixture,
                      gconstpointer  data)
{
  LedgerStore *store = fixture->store;
  const char *names[] = { "新认定国家高新技术企业", "招商引资签约金额", "新增城镇就业" };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *heading = test_squeeze (_("May miss the year"));
  g_autofree char *strive = g_strdup_printf (_("%s (strive)"), "≥ 1 个");
  g_autofree char *projected = g_strdup_printf (_("%s short (%s)"), "0.52 万人", "12.1%");
  g_autoptr(LedgerPlan) plan = find_plan (store, PLAN_2026);
  g_autoptr(LedgerNode) area = g_list_model_get_item (ledger_node_get_children (LEDGER_NODE (plan)), 0);
  g_autofree char *first_area = test_squeeze (ledger_node_get_title (area));
  char *section;
  char *end;
  const char *previous;

  test_set_number (store, test_indicator_id (store, PLAN_2026, "new-high-tech-enterprises"), "2026-Q2", 2, NULL);
  test_set_number (store, test_indicator_id (store, PLAN_2026, "signed-investment"), "2026-06", 700, NULL);
  test_set_number (store, test_indicator_id (store, PLAN_2026, "signed-projects"), "2026-06", 600, NULL);
  test_set_number (store, test_indicator_id (store, PLAN_2026, "new-urban-jobs"), "2025-06", 2.0, NULL);
  test_set_number (store, test_indicator_id (store, PLAN_2026, "new-urban-jobs"), "2025-12", 4.2, NULL);
  test_set_number (store, test_indicator_id (store, PLAN_2026, "new-urban-jobs"), "2026-06", 1.8, NULL);
  test_set_number (store, test_indicator_id (store, PLAN_2026, "signed-projects-start-rate"), "2026-06", 30, NULL);
  path = write_report (fixture, PLAN_2026, NULL);
  text = test_pdf_text (path, 0, 0);

  section = strstr (text, heading);
  g_assert_nonnull (section);
  /* The section runs up to the first work area's page. */
  end = strstr (section, first_area);
  g_assert_nonnull (end);
  *end = '\0';
  previous = section;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *at = strstr (previous, names[i]);

      if (at == NULL)
        g_error ("“%s” is not among the totals that may miss the year, in order", names[i]);
      previous = at;
    }
  g_assert_null (strstr (section, "招商引资签约项目"));
  assert_holds (section, projected, "the shortfall as the base year went");
  *end = first_area[0];
  assert_holds (text, strive, "a target the report strives for");
  assert_holds (text, ledger_status_label ("pending"), "a year-end target not yet assessed");
}

/* A plan with nothing recorded: every indicator without data, no alerts. */
static void
test_report_empty (Fixture       *fixture,
                   gconstpointer  data)
{
  guint n_pages = 0;
  g_autofree char *path = write_report (fixture, PLAN_2026, &n_pages);
  g_autofree char *text = test_pdf_text (path, 0, 0);

  g_assert_cmpuint (test_pdf_pages (path), ==, n_pages);
  assert_holds (text, _("No indicator is behind or on warning."), "that none is behind");
  assert_holds (text, ledger_status_label ("no_data"), "the status");
}

/* A plan over five years, of qualitative tasks only, as of a year. */
static void
test_report_multi_year (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LedgerPlan) plan = find_plan (fixture->store, PLAN_15TH);
  g_autoptr(GListModel) areas = NULL;
  g_autoptr(LedgerNode) area = NULL;
  g_autoptr(LedgerNode) task = NULL;
  g_autoptr(LedgerIndicator) indicator = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  areas = g_object_ref (ledger_node_get_children (LEDGER_NODE (plan)));
  area = g_list_model_get_item (areas, 0);
  task = g_list_model_get_item (ledger_node_get_children (area), 0);
  indicator = g_list_model_get_item (ledger_node_get_children (task), 0);
  test_set_status (fixture->store, ledger_indicator_get_id (indicator), "2027", "behind", "进度滞后的说明");
  ledger_context_set_as_of (fixture->context, "2027");

  path = write_report (fixture, PLAN_15TH, NULL);
  text = test_pdf_text (path, 0, 0);
  assert_holds (text, ledger_node_get_title (LEDGER_NODE (plan)), "the plan's title");
  assert_holds (text, ledger_indicator_get_name (indicator), "the task");
  assert_holds (text, "进度滞后的说明", "the task's note");
}

/* The fonts are in the file: it reads the same on a machine without Noto
 * CJK. */
static void
test_report_fonts (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = write_report (fixture, PLAN_2026, NULL);
  const char *argv[] = { "pdffonts", path, NULL };
  g_autofree char *fonts = test_run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
  guint n_fonts = 0;

  /* name  type  encoding  emb sub uni  object ID */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_regex_split_simple ("\\s+", lines[i], 0, 0);
      guint n = g_strv_length (fields);

      if (n < 6)
        continue;
      n_fonts++;
      g_assert_true (strstr (fields[0], "CJK") != NULL);
      g_assert_cmpstr (fields[n - 5], ==, "yes");
    }
  g_assert_cmpuint (n_fonts, >=, 2);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (listing);
  while (g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

/* A report that cannot be written says why and leaves nothing behind; an
 * earlier file at the path stays whole. */
static void
test_report_unwritable (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LedgerPlan) plan = find_plan (fixture->store, PLAN_2026);
  g_autoptr(LedgerReport) report = ledger_report_new (fixture->context, plan);
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "missing", "report.pdf", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "folder.pdf", NULL);
  guint before;

  g_assert_false (ledger_report_write_pdf (report, missing, &error));
  test_assert_error_mentions (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, missing);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* The path is a folder: everything is written, then the last step fails. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  before = count_files (fixture->dir);
  g_assert_false (ledger_report_write_pdf (report, folder, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, folder));
  g_assert_cmpuint (count_files (fixture->dir), ==, before);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
}

/* The same drawing at another page size, straight onto a cairo_t: more
 * pages, and a table broken over pages has its header on each. */
static void
test_report_small_pages (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LedgerPlan) plan = find_plan (fixture->store, PLAN_2026);
  g_autoptr(LedgerReport) report = ledger_report_new (fixture->context, plan);
  g_autofree char *path = g_build_filename (fixture->dir, "small.pdf", NULL);
  g_autofree char *header = NULL;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 420, 300);
  cairo_t *cr = cairo_create (surface);
  guint n_a4, n_small, n_with_header = 0;
  g_autofree char *a4 = write_report (fixture, PLAN_2026, &n_a4);

  ledger_report_paginate (report, cr, 380, 260);
  n_small = ledger_report_get_n_pages (report);
  for (guint page = 0; page < n_small; page++)
    {
      cairo_save (cr);
      cairo_translate (cr, 20, 20);
      ledger_report_draw_page (report, cr, page);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_cmpuint (n_small, >, n_a4 + 5);
  g_assert_cmpuint (test_pdf_pages (path), ==, n_small);
  /* The tasks' table runs over many small pages: its header is on each. */
  header = test_squeeze (_("Progress notes"));
  for (guint page = 1; page <= n_small; page++)
    {
      g_autofree char *text = test_pdf_text (path, page, page);

      n_with_header += strstr (text, header) != NULL;
    }
  g_assert_cmpuint (n_with_header, >=, 3);
}

/* A picture of a page of the PDF @path, as @prefix.png. */
static void
save_page (const char *path,
           guint       page,
           const char *prefix)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftoppm", "-png", "-r", "60", "-f", number, "-l", number, "-singlefile",
                         path, prefix, NULL };
  g_autofree char *out = test_run_tool (argv);
}

/* ---- the regions ranked --------------------------------------------- */

/* Each of @fragments in @text, in that order, from @from on; returns
 * where the last one is, or NULL (having said which is missing). */
static const char *
find_in_order (const char        *text,
               const char        *from,
               const char * const *fragments,
               guint              n_fragments)
{
  const char *at = strstr (text, from);

  if (at == NULL)
    {
      test_fail_and_go_on ("“%s” is missing", from);
      return NULL;
    }
  for (guint i = 0; i < n_fragments; i++)
    {
      g_autofree char *squeezed = test_squeeze (fragments[i]);
      const char *next = strstr (at, squeezed);

      if (next == NULL)
        {
          test_fail_and_go_on ("after “%s”, “%s” is missing or out of order", from, fragments[i]);
          return NULL;
        }
      at = next + strlen (squeezed);
    }
  return at;
}

/* The ranking as test_add_ranked_regions() works it out: the composite
 * (one indicator has regions' figures, so its scores: 潞州区 up one place
 * and above the city's 90 %, 上党区 down one and below, 长治高新区 not
 * reported), then 新增城镇就业's
 * column: each region's completion with its place and change under it,
 * in the plan's order of the regions, and the city's 90 % last. */
static void
check_regions_ranked (const char *text)
{
  g_autofree char *heading = test_squeeze (_("Regions ranked"));
  g_autofree char *composite = test_squeeze (_("Composite ranking"));
  g_autofree char *by_indicator = test_squeeze (_("Rankings by indicator"));
  const char *composite_rows[] = {
    "1", "潞州区", "110.0%", "↑1", _("Above the city"), "2", "上党区", "75.0%", "↓1", _("Below the city"),
    _("Not reported"), "长治高新区",
  };
  g_autofree char *first = g_strdup_printf (C_("ranking", "No. %u"), 1);
  g_autofree char *second = g_strdup_printf (C_("ranking", "No. %u"), 2);
  const char *jobs_rows[] = {
    "新增城镇就业", "潞州区", "110.0%", first, "↑1", "上党区", "75.0%", second, "↓1",
    "长治高新区", "—", _("Not reported"), _("The city"), "90.0%",
  };
  const char *end_of_composite;
  const char *section = strstr (text, heading);

  if (section == NULL)
    {
      test_fail_and_go_on ("the report has no section “%s”", heading);
      return;
    }
  end_of_composite = find_in_order (section, composite, composite_rows, G_N_ELEMENTS (composite_rows));
  if (end_of_composite != NULL && strstr (section, by_indicator) < end_of_composite)
    test_fail_and_go_on ("the composite ranking does not come first");
  find_in_order (section, by_indicator, jobs_rows, G_N_ELEMENTS (jobs_rows));
}

/* The document's XML from the heading on, checked as the PDF's text: the
 * heading is Word's first-level heading. */
static void
check_regions_docx (Fixture *fixture)
{
  g_autoptr(LedgerPlan) plan = find_plan (fixture->store, PLAN_2026);
  g_autoptr(LedgerReport) report = ledger_report_new (fixture->context, plan);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "report.docx", NULL);
  const char *argv[] = { "unzip", "-p", path, "word/document.xml", NULL };
  g_autofree char *xml = NULL;
  g_autofree char *heading = g_markup_printf_escaped (">%s<", _("Regions ranked"));
  g_autofree char *squeezed = NULL;
  const char *at;
  const char *style;

  g_assert_true (ledger_report_write_docx (report, path, &error));
  g_assert_no_error (error);
  xml = test_run_tool (argv);
  at = strstr (xml, heading);
  g_assert_nonnull (at);
  for (style = at; style > xml && !g_str_has_prefix (style, "<w:pStyle "); style--)
    ;
  g_assert_true (g_str_has_prefix (style, "<w:pStyle w:val=\"Heading1\"/>"));
  /* the words of the runs, as the PDF's text is read */
  squeezed = test_squeeze (at);
  check_regions_ranked (squeezed);
}

/* A picture of the section's first page, with the UI tests' screenshots. */
static void
save_regions_page (const char *path)
{
  const char *dir = g_getenv ("LEDGER_SCREENSHOT_DIR");
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *heading = test_squeeze (_("Regions ranked"));
  g_autofree char *name = g_strdup_printf ("report-regions-%s", language != NULL ? language : "C");
  g_autofree char *prefix = NULL;

  if (dir == NULL)
    return;
  g_mkdir_with_parents (dir, 0755);
  prefix = g_build_filename (dir, name, NULL);
  for (guint page = 1; page <= test_pdf_pages (path); page++)
    {
      g_autofree char *text = test_pdf_text (path, page, page);

      if (strstr (text, heading) != NULL)
        {
          save_page (path, page, prefix);
          return;
        }
    }
}

static void
test_report_regions (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  g_autofree char *scoring = test_squeeze (_("Scoring"));

  test_add_ranked_regions (fixture->store);
  path = write_report (fixture, PLAN_2026, NULL);
  text = test_pdf_text (path, 0, 0);
  check_regions_ranked (text);
  check_regions_docx (fixture);
  save_regions_page (path);
  /* no scheme, no points */
  g_assert_null (strstr (text, scoring));
}

/* With a scheme (the default: 60 points × the composite, 20 for first
 * place, 1.5 fewer each place lower) and 扣分 2 for 上党区 this month:
 * 潞州区 60 × 1.1 = 66 + 20 = 86; 上党区 60 × 0.75 = 45 + 18.5 − 2 = 61.5;
 * then the responsible units' table. */
static void
test_report_regions_scored (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LedgerPlan) plan = find_plan (fixture->store, PLAN_2026);
  g_autoptr(LedgerScoreAdjustment) late = ledger_score_adjustment_new (AS_OF, LEDGER_SCORE_REGION, "140404", -2,
                                                                      "迟报");
  g_autoptr(GError) error = NULL;
  gint64 plan_id = ledger_node_get_id (LEDGER_NODE (plan));
  const char *rows[] = {
    "1", "潞州区", "66.0", "20.0", "86.0", "2", "上党区", "45.0", "18.5", "-2.0", "61.5", _("Responsible unit"),
  };
  LedgerScoringScheme scheme;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  test_add_ranked_regions (fixture->store);
  ledger_scoring_scheme_init_default (&scheme);
  g_assert_true (ledger_store_set_scoring_scheme (fixture->store, plan_id, &scheme, &error));
  g_assert_no_error (error);
  g_assert_true (ledger_store_add_score_adjustment (fixture->store, plan_id, late, &error));
  g_assert_no_error (error);
  path = write_report (fixture, PLAN_2026, NULL);
  text = test_pdf_text (path, 0, 0);
  find_in_order (text, _("Scoring"), rows, G_N_ELEMENTS (rows));
}

/* A plan without regions has no such section; one whose regions have not
 * reported says so in a sentence, without tables. */
static void
test_report_regions_absent (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LedgerPlan) plan = find_plan (fixture->store, PLAN_2026);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GPtrArray) regions = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_region_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = test_squeeze (_("Regions ranked"));
  g_autofree char *composite = test_squeeze (_("Composite ranking"));
  g_autofree char *nothing = test_squeeze (_("No region has reported a figure by this period."));
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  g_assert_true (ledger_store_save_regions (fixture->store, plan, none, &error));
  g_assert_no_error (error);
  path = write_report (fixture, PLAN_2026, NULL);
  text = test_pdf_text (path, 0, 0);
  g_assert_null (strstr (text, heading));

  g_ptr_array_add (regions, ledger_region_new ("140403", "潞州区", LEDGER_REGION_COUNTY));
  g_assert_true (ledger_store_save_regions (fixture->store, plan, regions, &error));
  g_assert_no_error (error);
  g_free (path);
  g_free (text);
  path = write_report (fixture, PLAN_2026, NULL);
  text = test_pdf_text (path, 0, 0);
  g_assert_nonnull (strstr (text, heading));
  g_assert_nonnull (strstr (text, nothing));
  g_assert_null (strstr (text, composite));
}

/* Pictures of the title page, the summary and the first area's page, in
 * the build tree, to look at. */
static void
test_report_screenshots (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *dir = g_getenv ("LEDGER_SCREENSHOT_DIR");
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *path = write_report (fixture, PLAN_2026, NULL);
  const char *names[] = { "title", "summary", NULL, "area" };

  if (dir == NULL)
    {
      g_test_skip ("LEDGER_SCREENSHOT_DIR is not set");
      return;
    }
  g_mkdir_with_parents (dir, 0755);
  for (guint page = 1; page <= G_N_ELEMENTS (names); page++)
    {
      g_autofree char *name = NULL;
      g_autofree char *prefix = NULL;
      g_autofree char *png = NULL;

      if (names[page - 1] == NULL)
        continue;
      name = g_strdup_printf ("report-%s-%s", names[page - 1], language != NULL ? language : "C");
      prefix = g_build_filename (dir, name, NULL);
      png = g_strconcat (prefix, ".png", NULL);
      save_page (path, page, prefix);
      g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("TARGET_LEDGER_LOCALEDIR");
  static const gboolean filled = TRUE;

  /* In the language the test is started in (LANGUAGE), as the program. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, data, func) \
  g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown)

  ADD ("/report/language/half-year", &filled, test_report_half_year);
  ADD ("/report/worst-first", NULL, test_report_worst_first);
  ADD ("/report/empty", NULL, test_report_empty);
  ADD ("/report/language/may-miss", NULL, test_report_may_miss);
  ADD ("/report/multi-year", NULL, test_report_multi_year);
  ADD ("/report/fonts", &filled, test_report_fonts);
  ADD ("/report/unwritable", NULL, test_report_unwritable);
  ADD ("/report/small-pages", &filled, test_report_small_pages);
  ADD ("/report/language/screenshots", &filled, test_report_screenshots);
  ADD ("/report/language/regions", &filled, test_report_regions);
  ADD ("/report/regions-absent", &filled, test_report_regions_absent);
  ADD ("/report/regions-scored", &filled, test_report_regions_scored);

  return g_test_run ();
}
