/* test-xlsx-export.c: the ledger as an XLSX workbook (--export-xlsx), read
 * back from the archive with unzip
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ledger-context.h"
#include "ledger-csv.h"
#include "ledger-csv-exchange.h"
#include "ledger-sheet.h"
#include "ledger-plan-file.h"
#include "ledger-status.h"
#include "ledger-store-scoring.h"
#include "ledger-xlsx-export.h"
#include "test-util.h"

#define PLAN_2026 "changzhi-2026"
#define HALF_YEAR "2026-06"

/* ---- reading the archive ------------------------------------------------- */

/* A member of the zip @file, or %NULL when it has none of that name. */
static char *
unzip_member (const char *file,
              const char *member)
{
  const char *argv[] = { "unzip", "-p", file, member, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL) || out[0] == '\0')
    return NULL;
  return g_steal_pointer (&out);
}

static char *
unzip_ok (const char *file,
          const char *member)
{
  char *text = unzip_member (file, member);

  if (text == NULL)
    g_error ("%s has no %s", file, member);
  return text;
}

typedef struct
{
  char    *text;     /* a string, or a number as written */
  gboolean number;
  guint    style;
} Cell;

static void
cell_free (Cell *cell)
{
  g_free (cell->text);
  g_free (cell);
}

/* What the tests look at in a workbook: shared strings, one sheet's cells
 * and rows' outline levels, and the styles' number formats and fills. */
typedef struct
{
  GPtrArray  *strings;
  GHashTable *cells;        /* "B3" → Cell */
  GHashTable *levels;       /* row number → outline level */
  GHashTable *num_formats;  /* id → format code */
  GArray     *xf_formats;   /* cellXfs: number format id */
  GArray     *xf_fills;     /* cellXfs: fill id */
  GPtrArray  *fills;        /* fill id → "FFRRGGBB" or "" */
  char       *xml;          /* the sheet as written */

  /* while parsing */
  GString    *text;
  Cell       *cell;
  char       *ref;
  char       *type;
} Book;

static const char *
attribute (const char **names,
           const char **values,
           const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], name))
        return values[i];
    }
  return NULL;
}

static gboolean
inside (GMarkupParseContext *context,
        const char          *parent)
{
  const GSList *stack = g_markup_parse_context_get_element_stack (context);

  for (; stack != NULL; stack = stack->next)
    {
      if (g_str_equal (stack->data, parent))
        return TRUE;
    }
  return FALSE;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Book *book = user_data;
  const char *value;

  if (g_str_equal (element, "si") || g_str_equal (element, "v"))
    g_string_truncate (book->text, 0);
  else if (g_str_equal (element, "c"))
    {
      g_free (book->ref);
      g_free (book->type);
      book->ref = g_strdup (attribute (names, values, "r"));
      book->type = g_strdup (attribute (names, values, "t"));
      book->cell = g_new0 (Cell, 1);
      value = attribute (names, values, "s");
      book->cell->style = value != NULL ? atoi (value) : 0;
    }
  else if (g_str_equal (element, "row") &&
           (value = attribute (names, values, "outlineLevel")) != NULL)
    g_hash_table_insert (book->levels, GUINT_TO_POINTER (atoi (attribute (names, values, "r"))),
                         GUINT_TO_POINTER (atoi (value)));
  else if (g_str_equal (element, "numFmt"))
    g_hash_table_insert (book->num_formats,
                         GUINT_TO_POINTER (atoi (attribute (names, values, "numFmtId"))),
                         g_strdup (attribute (names, values, "formatCode")));
  else if (g_str_equal (element, "xf") && inside (context, "cellXfs"))
    {
      guint format = atoi (attribute (names, values, "numFmtId"));
      guint fill = atoi (attribute (names, values, "fillId"));

      g_array_append_val (book->xf_formats, format);
      g_array_append_val (book->xf_fills, fill);
    }
  else if (g_str_equal (element, "fill"))
    g_ptr_array_add (book->fills, g_strdup (""));
  else if (g_str_equal (element, "fgColor") && (value = attribute (names, values, "rgb")) != NULL)
    {
      g_free (book->fills->pdata[book->fills->len - 1]);
      book->fills->pdata[book->fills->len - 1] = g_strdup (value);
    }
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  Book *book = user_data;

  if (g_str_equal (element, "si"))
    g_ptr_array_add (book->strings, g_strdup (book->text->str));
  else if (g_str_equal (element, "c") && book->cell != NULL)
    {
      Cell *cell = g_steal_pointer (&book->cell);

      if (g_strcmp0 (book->type, "s") == 0)
        cell->text = g_strdup (g_ptr_array_index (book->strings, atoi (book->text->str)));
      else
        {
          cell->text = g_strdup (book->text->str);
          cell->number = cell->text[0] != '\0';
        }
      g_hash_table_insert (book->cells, g_strdup (book->ref), cell);
      g_string_truncate (book->text, 0);
    }
}

static void
text (GMarkupParseContext  *context,
      const char           *text,
      gsize                 length,
      gpointer              user_data,
      GError              **error)
{
  Book *book = user_data;
  const char *element = g_markup_parse_context_get_element (context);

  if (g_str_equal (element, "t") || g_str_equal (element, "v"))
    g_string_append_len (book->text, text, length);
}

static void
parse (Book       *book,
       const char *xml)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, book, NULL);
  g_autoptr(GError) error = NULL;

  g_markup_parse_context_parse (context, xml, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

/* The workbook @file's sheet number @sheet (from 1). */
static Book *
book_read (const char *file,
           guint       sheet)
{
  Book *book = g_new0 (Book, 1);
  g_autofree char *strings = unzip_ok (file, "xl/sharedStrings.xml");
  g_autofree char *styles = unzip_ok (file, "xl/styles.xml");
  g_autofree char *member = g_strdup_printf ("xl/worksheets/sheet%u.xml", sheet);

  book->strings = g_ptr_array_new_with_free_func (g_free);
  book->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cell_free);
  book->levels = g_hash_table_new (NULL, NULL);
  book->num_formats = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  book->xf_formats = g_array_new (FALSE, FALSE, sizeof (guint));
  book->xf_fills = g_array_new (FALSE, FALSE, sizeof (guint));
  book->fills = g_ptr_array_new_with_free_func (g_free);
  book->text = g_string_new (NULL);
  parse (book, strings);
  parse (book, styles);
  book->xml = unzip_ok (file, member);
  parse (book, book->xml);
  return book;
}

static void
book_free (Book *book)
{
  g_ptr_array_unref (book->strings);
  g_hash_table_unref (book->cells);
  g_hash_table_unref (book->levels);
  g_hash_table_unref (book->num_formats);
  g_array_unref (book->xf_formats);
  g_array_unref (book->xf_fills);
  g_ptr_array_unref (book->fills);
  g_string_free (book->text, TRUE);
  g_free (book->ref);
  g_free (book->type);
  g_free (book->xml);
  g_free (book);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Book, book_free)

static char *
column_letters (guint column)
{
  GString *letters = g_string_new (NULL);

  for (column++; column > 0; column = (column - 1) / 26)
    g_string_prepend_c (letters, 'A' + (column - 1) % 26);
  return g_string_free (letters, FALSE);
}

static Cell *
cell_at (Book  *book,
         guint  row,
         guint  column)
{
  g_autofree char *letters = column_letters (column);
  g_autofree char *ref = g_strdup_printf ("%s%u", letters, row);

  return g_hash_table_lookup (book->cells, ref);
}

/* Where @text first stands from the cell (@row, @column) on, down its
 * column or along its row: the row (from 1) or the column (from 0), or -1. */
static int
find (Book       *book,
      guint       row,
      guint       column,
      gboolean    down,
      const char *text)
{
  for (guint i = 0; i < 1000; i++)
    {
      Cell *cell = cell_at (book, down ? row + i : row, down ? column : column + i);

      if (cell != NULL && g_str_equal (cell->text, text))
        return down ? row + i : column + i;
    }
  return -1;
}

#define find_row(book, column, text) find ((book), 1, (column), TRUE, (text))
#define find_column(book, row, text) find ((book), (row), 0, FALSE, (text))

static const char *
number_format (Book *book,
               Cell *cell)
{
  guint id = g_array_index (book->xf_formats, guint, cell->style);

  return id == 0 ? "General" : g_hash_table_lookup (book->num_formats, GUINT_TO_POINTER (id));
}

/* The cell's fill as red, green and blue (0–255). */
static void
fill_color (Book *book,
            Cell *cell,
            guint rgb[3])
{
  guint fill = g_array_index (book->xf_fills, guint, cell->style);
  const char *color = g_ptr_array_index (book->fills, fill);

  g_assert_cmpuint (strlen (color), ==, 8);
  for (guint i = 0; i < 3; i++)
    {
      char hex[3] = { color[2 + 2 * i], color[3 + 2 * i], 0 };

      rgb[i] = strtoul (hex, NULL, 16);
    }
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* ---- the ledger ---------------------------------------------------------- */

typedef struct
{
  char        *dir;
  char        *xlsx;    /* where the workbook is written */
  LedgerStore *store;
  GPtrArray   *plans;
  GPtrArray   *recorded;  /* LedgerValue of the 2026 plan, first half of the year */
  GHashTable  *indicators;  /* id → LedgerIndicator of every plan */
} Fixture;

typedef struct
{
  Fixture *fixture;
  guint    index;
} Recorder;

/* A figure for each period of the first half year, of each indicator of the
 * 2026 plan: on pace, ahead or behind in turn, in quarters so that they
 * read back exactly. */
static void
record_indicator (LedgerNode      *area,
                  LedgerNode      *task,
                  LedgerIndicator *indicator,
                  gpointer         user_data)
{
  static const double factors[] = { 1.0, 1.2, 0.95, 0.5 };
  Recorder *recorder = user_data;
  LedgerFrequency frequency = ledger_indicator_get_frequency (indicator);
  g_autoptr(GPtrArray) periods = ledger_frequency_periods (frequency, 2026, 2026);
  double factor = factors[recorder->index++ % G_N_ELEMENTS (factors)];
  double target = ledger_indicator_get_target (indicator);

  for (guint i = 0; i < periods->len; i++)
    {
      const char *code = g_ptr_array_index (periods, i);
      LedgerValue *value;
      LedgerPeriod period;

      ledger_period_parse (code, &period);
      if (ledger_period_end_month (&period) > 6)
        continue;
      if (ledger_indicator_get_kind (indicator) == LEDGER_KIND_QUALITATIVE)
        value = ledger_value_new_status (ledger_indicator_get_id (indicator), code, "in_progress",
                                         "推进中", "");
      else
        {
          double pace = ledger_indicator_get_kind (indicator) == LEDGER_KIND_CUMULATIVE
                        ? ledger_period_pace (&period) : 1;

          value = ledger_value_new (ledger_indicator_get_id (indicator), code,
                                    round (target * pace * factor * 4) / 4, "", "");
        }
      g_ptr_array_add (recorder->fixture->recorded, value);
    }
}

static void
index_indicator (LedgerNode      *area,
                 LedgerNode      *task,
                 LedgerIndicator *indicator,
                 gpointer         user_data)
{
  gint64 id = ledger_indicator_get_id (indicator);

  g_hash_table_insert (user_data, g_memdup2 (&id, sizeof id), g_object_ref (indicator));
}

static LedgerPlan *
plan_of (Fixture    *fixture,
         const char *code)
{
  LedgerPlan *plan = ledger_plan_find (fixture->plans, code);

  g_assert_nonnull (plan);
  return plan;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  Recorder recorder = { fixture, 0 };

  fixture->dir = test_tmp_dir_new ();
  path = g_build_filename (fixture->dir, "ledger.sqlite3", NULL);
  fixture->xlsx = g_build_filename (fixture->dir, "台账.xlsx", NULL);
  fixture->store = test_open_ledger (path);
  fixture->plans = ledger_store_list_plans (fixture->store, &error);
  g_assert_no_error (error);
  fixture->recorded = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->indicators = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  for (guint i = 0; i < fixture->plans->len; i++)
    ledger_plan_foreach_indicator (fixture->plans->pdata[i], index_indicator, fixture->indicators);

  ledger_plan_foreach_indicator (plan_of (fixture, PLAN_2026), record_indicator, &recorder);
  ledger_store_import_values (fixture->store, fixture->recorded, "test", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->recorded, g_ptr_array_unref);
  g_clear_pointer (&fixture->indicators, g_hash_table_unref);
  g_clear_pointer (&fixture->plans, g_ptr_array_unref);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->xlsx, g_free);
  g_clear_pointer (&fixture->dir, test_tmp_dir_free);
}

static void
export_ok (Fixture    *fixture,
           const char *as_of)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ledger_xlsx_export (fixture->store, NULL, as_of, fixture->xlsx, &error));
  g_assert_no_error (error);
}

static LedgerIndicator *
indicator_of (Fixture *fixture,
              gint64   id)
{
  LedgerIndicator *indicator = g_hash_table_lookup (fixture->indicators, &id);

  g_assert_nonnull (indicator);
  return indicator;
}

/* ---- tests --------------------------------------------------------------- */

static void
collect_names (LedgerNode      *area,
               LedgerNode      *task,
               LedgerIndicator *indicator,
               gpointer         user_data)
{
  g_ptr_array_add (user_data, (gpointer) ledger_indicator_get_name (indicator));
}

/* A sheet per plan and the charts sheet; every indicator of every plan by
 * name; the periods of each plan as columns. */
static void
test_sheets (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *workbook = NULL;
  g_autoptr(Book) book = NULL;

  guint n_split = 0;

  export_ok (fixture, NULL);
  workbook = unzip_ok (fixture->xlsx, "xl/workbook.xml");
  /* A plan split to regions (the built-in 2026 plan's 13) has its
   * rankings' sheet too (区县排名, docs/regions.md). */
  for (guint p = 0; p < fixture->plans->len; p++)
    n_split += ledger_plan_get_regions (g_ptr_array_index (fixture->plans, p))->len > 0;
  g_assert_cmpuint (n_split, ==, 1);
  g_assert_cmpuint (count (workbook, "<sheet "), ==, fixture->plans->len + 1 + n_split);
  g_assert_nonnull (strstr (workbook, "<sheet name=\"Charts\""));

  for (guint p = 0; p < fixture->plans->len; p++)
    {
      LedgerPlan *plan = g_ptr_array_index (fixture->plans, p);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autoptr(GPtrArray) periods = ledger_period_as_of_choices (ledger_plan_get_first_year (plan),
                                                                  ledger_plan_get_last_year (plan));
      g_autoptr(Book) sheet = book_read (fixture->xlsx, p + 1);
      g_autofree char *name = g_strdup_printf ("<sheet name=\"%s\"",
                                                       ledger_node_get_title (LEDGER_NODE (plan)));

      g_assert_nonnull (strstr (workbook, name));
      ledger_plan_foreach_indicator (plan, collect_names, names);
      g_assert_cmpuint (names->len, >, 0);
      for (guint i = 0; i < names->len; i++)
        {
          const char *name = names->pdata[i];

          if (!g_ptr_array_find_with_equal_func (sheet->strings, name, g_str_equal, NULL))
            test_fail_and_go_on ("%s: “%s” is not in the workbook's strings",
                                 ledger_plan_get_code (plan), (char *) names->pdata[i]);
          if (find_row (sheet, 2, names->pdata[i]) < 0)
            test_fail_and_go_on ("%s: “%s” has no row", ledger_plan_get_code (plan),
                                 (char *) names->pdata[i]);
        }
      /* one column per period of the plan's years, in order */
      for (guint i = 0; i < periods->len; i++)
        {
          g_autofree char *label = ledger_period_code_label (g_ptr_array_index (periods, i));

          g_assert_cmpuint (find_column (sheet, 3, label), ==,
                            find_column (sheet, 3, _("Target")) + 1 + i);
        }
      g_assert_nonnull (strstr (sheet->xml, "state=\"frozen\""));
      g_assert_nonnull (strstr (sheet->xml, "<autoFilter ref=\"A3:"));
      g_assert_nonnull (strstr (sheet->xml, "orientation=\"landscape\""));
      g_assert_nonnull (strstr (sheet->xml, "fitToPage=\"1\""));
    }
}

/* Each recorded figure in its indicator's row and its period's column, as
 * a number; each qualitative status in words. */
static void
test_values (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(Book) book = NULL;
  guint numbers = 0;

  export_ok (fixture, NULL);
  book = book_read (fixture->xlsx, 1);

  for (guint i = 0; i < fixture->recorded->len; i++)
    {
      LedgerValue *value = g_ptr_array_index (fixture->recorded, i);
      LedgerIndicator *indicator = indicator_of (fixture, ledger_value_get_indicator_id (value));
      g_autofree char *label = NULL;
      const char *period = ledger_value_get_period (value);
      g_autofree char *as_of = ledger_period_as_of_for (period, 2026, 2026);
      guint row = find_row (book, 2, ledger_indicator_get_name (indicator));
      Cell *cell;

      label = ledger_period_code_label (as_of);
      cell = cell_at (book, row, find_column (book, 3, label));
      if (cell == NULL)
        {
          test_fail_and_go_on ("%s %s: no cell", ledger_indicator_get_code (indicator), as_of);
          continue;
        }
      if (!ledger_value_has_number (value))
        {
          g_assert_cmpstr (cell->text, ==, ledger_status_label (ledger_value_get_status (value)));
          continue;
        }
      g_assert_true (cell->number);
      g_assert_cmpfloat (g_ascii_strtod (cell->text, NULL), ==, ledger_value_get_number (value));
      g_assert_null (strchr (number_format (book, cell), '%'));
      numbers++;
    }
  g_assert_cmpuint (numbers, >, 100);
}

/* The workbook reads back through LedgerSheet, the importers' reader: every
 * cell of every plan's sheet with its text, each figure as the same number. */
static void
test_read_back (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;

  export_ok (fixture, NULL);
  file = g_file_new_for_path (fixture->xlsx);
  for (guint p = 0; p < fixture->plans->len; p++)
    {
      LedgerPlan *plan = g_ptr_array_index (fixture->plans, p);
      const char *title = ledger_node_get_title (LEDGER_NODE (plan));
      g_autoptr(Book) book = book_read (fixture->xlsx, p + 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(LedgerSheet) sheet = ledger_sheet_new_from_file (file, title, NULL, &error);
      GHashTableIter iter;
      gpointer ref, value;

      g_assert_no_error (error);
      g_assert_cmpstr (ledger_sheet_get_name (sheet), ==, title);
      g_assert_cmpuint (g_hash_table_size (book->cells), >, 100);
      g_hash_table_iter_init (&iter, book->cells);
      while (g_hash_table_iter_next (&iter, &ref, &value))
        {
          const Cell *cell = value;
          guint row = (guint) atoi ((const char *) ref + strspn (ref, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
          guint column = 0;
          const char *text;

          for (const char *c = ref; g_ascii_isupper (*c); c++)
            column = column * 26 + (guint) (*c - 'A' + 1);
          text = ledger_sheet_get_cell (sheet, row - 1, column - 1);
          if (cell->number)
            g_assert_cmpfloat (g_ascii_strtod (text, NULL), ==, g_ascii_strtod (cell->text, NULL));
          else if (!ledger_sheet_is_merged (sheet, row - 1, column - 1))
            g_assert_cmpstr (text, ==, cell->text);
        }
    }
}

/* The standing of an indicator's row as the window shows it: its status in
 * words on a colour, its pace and progress as percentages. */
static void
test_standing (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 jobs = test_indicator_id (fixture->store, PLAN_2026, "new-urban-jobs");
  g_autoptr(LedgerContext) context = ledger_context_new (fixture->store);
  LedgerIndicator *indicator = indicator_of (fixture, jobs);
  g_autoptr(Book) book = NULL;
  guint row, status, pace, progress;
  guint rgb[3];
  Cell *cell;

  /* half of the year, and a quarter of the target: behind */
  test_set_number (fixture->store, jobs, HALF_YEAR, 1.075, "");
  export_ok (fixture, NULL);
  book = book_read (fixture->xlsx, 1);
  row = find_row (book, 2, ledger_indicator_get_name (indicator));
  status = find_column (book, 3, _("Status"));
  pace = find_column (book, 3, _("Pace"));
  progress = find_column (book, 3, _("Progress"));

  ledger_context_set_as_of (context, HALF_YEAR);
  g_assert_cmpint (ledger_context_evaluate (context, indicator, NULL).status, ==,
                   LEDGER_STATUS_BEHIND);
  cell = cell_at (book, row, status);
  g_assert_cmpstr (cell->text, ==, ledger_status_label ("behind"));
  fill_color (book, cell, rgb);
  g_assert_cmpuint (rgb[0], >, rgb[1] + 40);  /* red */

  cell = cell_at (book, row, pace);
  g_assert_cmpfloat (g_ascii_strtod (cell->text, NULL), ==, 0.5);
  g_assert_nonnull (strchr (number_format (book, cell), '%'));
  cell = cell_at (book, row, progress);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cell->text, NULL), 0.25, 1e-12);
  g_assert_nonnull (strchr (number_format (book, cell), '%'));

  /* every row's status is the context's, on green for a good one */
  for (guint i = 0; i < fixture->recorded->len; i++)
    {
      LedgerValue *value = g_ptr_array_index (fixture->recorded, i);
      LedgerIndicator *other = indicator_of (fixture, ledger_value_get_indicator_id (value));
      LedgerStatus expected = ledger_context_evaluate (context, other, NULL).status;

      cell = cell_at (book, find_row (book, 2, ledger_indicator_get_name (other)), status);
      g_assert_cmpstr (cell->text, ==, ledger_status_label (ledger_status_to_string (expected)));
      fill_color (book, cell, rgb);
      if (ledger_status_bucket (expected) == LEDGER_STATUS_ON_TRACK)
        g_assert_cmpuint (rgb[1], >, rgb[0] + 20);
    }
}

/* ---- one judgment: the window, the CSV and the XLSX ---------------------- */

/* The base year's figures (同期) of a few indicators: totals paced by
 * months and projected as 2025 went, two seasonal levels, a rate's base
 * totals (后续需增长). PM2.5 is 36 by 1-6月: behind "≤ 30" by months, on
 * track as 2025 went (30 × 42 / 35 = 36 due). */
static const struct { const char *code; const char *period; double number; } base_figures[] = {
  { "new-urban-jobs", "2025-06", 2.0 }, { "new-urban-jobs", "2025-12", 4.2 },
  { "signed-investment", "2025-06", 900 }, { "signed-investment", "2025-12", 2000 },
  { "pm25", "2025-06", 42 }, { "pm25", "2025-12", 35 }, { "pm25", HALF_YEAR, 36 },
  /* a year-end level, not reached yet: not yet assessed (pending) */
  { "signed-projects-start-rate", HALF_YEAR, 30 },
  { "good-air-days-ratio", "2025-06", 75 }, { "good-air-days-ratio", "2025-12", 80 },
  { "gdp-growth", "2025-Q2", 1000 }, { "gdp-growth", "2025-Q4", 2200 },
};

typedef struct
{
  LedgerContext *context;   /* what the window shows */
  Book          *book;      /* the XLSX's sheet of the plan */
  GPtrArray     *csv;       /* the CSV's records */
  guint          compared;
  guint          judged_with_base;
  guint          statuses_with_base;
} Agreement;

static const char *
csv_cell (Agreement       *agreement,
          LedgerCsvRecord *record,
          const char      *name)
{
  LedgerCsvRecord *header = g_ptr_array_index (agreement->csv, 0);

  for (guint i = 0; header->fields[i] != NULL; i++)
    if (g_str_equal (header->fields[i], name))
      return record->fields[i];
  g_error ("the CSV has no column “%s”", name);
}

static LedgerCsvRecord *
csv_row (Agreement  *agreement,
         const char *code,
         const char *period)
{
  for (guint i = 1; i < agreement->csv->len; i++)
    {
      LedgerCsvRecord *record = g_ptr_array_index (agreement->csv, i);

      if (g_str_equal (csv_cell (agreement, record, "plan"), PLAN_2026) &&
          g_str_equal (csv_cell (agreement, record, "code"), code) &&
          g_str_equal (csv_cell (agreement, record, "period"), period))
        return record;
    }
  g_error ("the CSV has no row for %s “%s”", code, period);
}

/* Whether a cell's number is @number, both empty (NAN) alike. */
static gboolean
same_number (const char *text,
             double      number)
{
  if (text == NULL || text[0] == '\0')
    return isnan (number);
  return isfinite (number) &&
         fabs (g_ascii_strtod (text, NULL) - number) <= 1e-6 * MAX (1.0, fabs (number));
}

static void
compare_number (const char *where,
                const char *code,
                const char *what,
                const char *text,
                double      number)
{
  if (!same_number (text, number))
    test_fail_and_go_on ("%s: %s of %s is “%s”, the window's %g", where, what, code,
                         text != NULL ? text : "", number);
}

static void
compare_indicator (LedgerNode      *area,
                   LedgerNode      *task,
                   LedgerIndicator *indicator,
                   gpointer         user_data)
{
  Agreement *agreement = user_data;
  const char *code = ledger_indicator_get_code (indicator);
  g_autoptr(LedgerValue) value = NULL;
  LedgerProgress window = ledger_context_evaluate (agreement->context, indicator, &value);
  LedgerProgress plain;
  LedgerCsvRecord *row = csv_row (agreement, code, value != NULL ? ledger_value_get_period (value) : "");
  guint xlsx_row = find_row (agreement->book, 2, ledger_indicator_get_name (indicator));
  Cell *status = cell_at (agreement->book, xlsx_row, find_column (agreement->book, 3, _("Status")));
  Cell *expected = cell_at (agreement->book, xlsx_row, find_column (agreement->book, 3, _("Due by Now")));
  Cell *projection = cell_at (agreement->book, xlsx_row,
                              find_column (agreement->book, 3, _("Projected for the Year")));

  plain = ledger_progress_evaluate (indicator, value, HALF_YEAR,
                                    ledger_context_get_tolerances (agreement->context));
  agreement->statuses_with_base += plain.status != window.status;
  agreement->judged_with_base += plain.status != window.status ||
                                 isfinite (plain.projection) != isfinite (window.projection) ||
                                 (isfinite (plain.projection) && plain.projection != window.projection);
  ledger_progress_clear_inapplicable (indicator, &window);
  agreement->compared++;

  if (!g_str_equal (csv_cell (agreement, row, "status"), ledger_status_to_string (window.status)))
    test_fail_and_go_on ("CSV: %s is %s, the window's %s", code, csv_cell (agreement, row, "status"),
                         ledger_status_to_string (window.status));
  compare_number ("CSV", code, "expected", csv_cell (agreement, row, "expected"), window.expected);
  compare_number ("CSV", code, "projection", csv_cell (agreement, row, "projection"), window.projection);

  if (!g_str_equal (status->text, ledger_status_label (ledger_status_to_string (window.status))))
    test_fail_and_go_on ("XLSX: %s is %s, the window's %s", code, status->text,
                         ledger_status_to_string (window.status));
  compare_number ("XLSX", code, "expected", expected != NULL ? expected->text : NULL, window.expected);
  compare_number ("XLSX", code, "projection", projection != NULL ? projection->text : NULL,
                  window.projection);
}

/* A status not yet assessed reads so on its own neutral blue, neither
 * red, amber nor green. */
static void
assert_pending_cell (Fixture *fixture,
                     Book    *book)
{
  gint64 id = test_indicator_id (fixture->store, PLAN_2026, "signed-projects-start-rate");
  guint row = find_row (book, 2, ledger_indicator_get_name (indicator_of (fixture, id)));
  Cell *cell = cell_at (book, row, find_column (book, 3, _("Status")));
  guint rgb[3];

  g_assert_cmpstr (cell->text, ==, ledger_status_label ("pending"));
  fill_color (book, cell, rgb);
  g_assert_cmpuint (rgb[2], >, rgb[0] + 10);
  g_assert_cmpuint (rgb[2], >, rgb[1]);
}

/* For the built-in plan, with the first half year and a few figures of
 * the base year, every indicator's status, amount due and projection are
 * the same in the window (the context), the CSV and the XLSX. */
static void
test_agreement (Fixture       *fixture,
                gconstpointer  data)
{
  LedgerStore *store = fixture->store;
  g_autoptr(LedgerContext) context = ledger_context_new (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(Book) book = NULL;
  g_autoptr(GPtrArray) csv = NULL;
  g_autofree char *text = NULL;
  Agreement agreement = { context, NULL, NULL, 0, 0, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (base_figures); i++)
    test_set_number (store, test_indicator_id (store, PLAN_2026, base_figures[i].code),
                     base_figures[i].period, base_figures[i].number, "");
  ledger_context_set_as_of (context, HALF_YEAR);
  export_ok (fixture, HALF_YEAR);
  book = agreement.book = book_read (fixture->xlsx, 1);
  text = ledger_csv_export_ledger (store, NULL, &error);
  g_assert_no_error (error);
  csv = agreement.csv = ledger_csv_parse (text, &error);
  g_assert_no_error (error);

  ledger_plan_foreach_indicator (plan_of (fixture, PLAN_2026), compare_indicator, &agreement);
  g_assert_cmpuint (agreement.compared, ==, ledger_plan_count_indicators (plan_of (fixture, PLAN_2026)));
  /* The base year changed some standings: the test compares what it
   * means to. */
  g_assert_cmpuint (agreement.judged_with_base, >=, 3);
  g_assert_cmpuint (agreement.statuses_with_base, >=, 1);
  assert_pending_cell (fixture, book);
}

/* Areas are headings with their indicators grouped under them. */
/* A note longer than a cell can hold (32 767 characters) is cut with an
 * ellipsis, not left out. */
static void
test_long_note (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 jobs = test_indicator_id (fixture->store, PLAN_2026, "new-urban-jobs");
  LedgerIndicator *indicator = indicator_of (fixture, jobs);
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(Book) book = NULL;
  Cell *cell;

  for (guint i = 0; i < 40000; i++)
    g_string_append (note, "记");
  test_set_number (fixture->store, jobs, "2026-12", 4.5, note->str);
  export_ok (fixture, NULL);
  book = book_read (fixture->xlsx, 1);
  cell = cell_at (book, find_row (book, 2, ledger_indicator_get_name (indicator)), find_column (book, 3, _("Note")));
  g_assert_nonnull (cell);
  g_assert_cmpint (g_utf8_strlen (cell->text, -1), ==, 32767);
  g_assert_true (g_str_has_prefix (cell->text, "记记记"));
  g_assert_true (g_str_has_suffix (cell->text, "记…"));
}

/* The supporting units of an indicator in their column, beside the
 * responsible unit, as the office writes a list of units. */
static void
test_supporting_units (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerIndicator) indicator = test_find_indicator (fixture->store, PLAN_2026, "new-urban-jobs");
  g_autoptr(Book) book = NULL;
  Cell *cell;
  guint column;

  g_object_set (indicator, "supporting-units", "市统计局\n市财政局", NULL);
  g_assert_true (ledger_store_update_indicator (fixture->store, indicator, &error));
  g_assert_no_error (error);
  export_ok (fixture, NULL);
  book = book_read (fixture->xlsx, 1);
  column = find_column (book, 3, _("Supporting Units"));
  g_assert_cmpuint (column, ==, find_column (book, 3, _("Responsible Unit")) + 1);
  cell = cell_at (book, find_row (book, 2, ledger_indicator_get_name (indicator)), column);
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell->text, ==, "市统计局、市财政局");
}

static void
test_outline (Fixture       *fixture,
              gconstpointer  data)
{
  LedgerPlan *plan = plan_of (fixture, PLAN_2026);
  GListModel *areas = ledger_node_get_children (LEDGER_NODE (plan));
  g_autoptr(LedgerNode) area = g_list_model_get_item (areas, 0);
  g_autoptr(LedgerNode) task = g_list_model_get_item (ledger_node_get_children (area), 0);
  g_autoptr(LedgerIndicator) first = g_list_model_get_item (ledger_node_get_children (task), 0);
  g_autoptr(Book) book = NULL;
  guint heading, row;

  export_ok (fixture, NULL);
  book = book_read (fixture->xlsx, 1);
  heading = find_row (book, 0, ledger_node_get_title (area));
  row = find_row (book, 2, ledger_indicator_get_name (first));
  g_assert_cmpuint (heading, >, 3);
  g_assert_cmpuint (row, ==, heading + 1);
  g_assert_null (g_hash_table_lookup (book->levels, GUINT_TO_POINTER (heading)));
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (book->levels, GUINT_TO_POINTER (row))),
                    ==, 1);
  g_assert_cmpuint (g_hash_table_size (book->levels), ==, ledger_plan_count_indicators (plan));
  g_assert_nonnull (strstr (book->xml, "<outlinePr summaryBelow=\"0\"/>"));
}

static void
count_cumulative (LedgerNode      *area,
                  LedgerNode      *task,
                  LedgerIndicator *indicator,
                  gpointer         user_data)
{
  GPtrArray *cumulative = user_data;

  if (ledger_indicator_get_kind (indicator) == LEDGER_KIND_CUMULATIVE)
    g_ptr_array_add (cumulative, indicator);
}

/* The charts sheet holds a chart for each of the first eight cumulative
 * indicators, drawn from their rows of the plan's sheet. */
static void
test_charts (Fixture       *fixture,
             gconstpointer  data)
{
  LedgerPlan *plan = plan_of (fixture, PLAN_2026);
  g_autoptr(GPtrArray) cumulative = g_ptr_array_new ();
  g_autoptr(Book) book = NULL;
  g_autofree char *charts_sheet = NULL;
  g_autofree char *member = g_strdup_printf ("xl/worksheets/sheet%u.xml", fixture->plans->len + 1);
  g_autofree char *drawing = NULL;
  const char *title = ledger_node_get_title (LEDGER_NODE (plan));
  g_autofree char *sheet_ref = g_strdup_printf ("'%s'!$", title);
  g_autofree char *first_period = ledger_period_code_label ("2026-02");
  g_autofree char *header_ref = NULL;
  g_autofree char *letters = NULL;
  guint n_charts;

  ledger_plan_foreach_indicator (plan, count_cumulative, cumulative);
  n_charts = MIN (cumulative->len, 8);
  g_assert_cmpuint (n_charts, ==, 8);

  export_ok (fixture, NULL);
  book = book_read (fixture->xlsx, 1);
  charts_sheet = unzip_ok (fixture->xlsx, member);
  g_assert_nonnull (strstr (charts_sheet, "<drawing r:id="));
  /* the pace lines' figures, out of sight */
  g_assert_nonnull (strstr (charts_sheet, "hidden=\"1\""));
  /* the periods of the plan's header along the axis */
  letters = column_letters (find_column (book, 3, first_period));
  header_ref = g_strdup_printf ("%s%s$3:", sheet_ref, letters);
  drawing = unzip_ok (fixture->xlsx, "xl/drawings/drawing1.xml");
  g_assert_cmpuint (count (drawing, "<c:chart "), ==, n_charts);

  for (guint i = 0; i < n_charts + 1; i++)
    {
      g_autofree char *name = g_strdup_printf ("xl/charts/chart%u.xml", i + 1);
      g_autofree char *chart = unzip_member (fixture->xlsx, name);
      g_autofree char *row_ref = NULL;
      LedgerIndicator *indicator;
      int row;

      if (i == n_charts)
        {
          g_assert_null (chart);
          break;
        }
      g_assert_nonnull (chart);
      indicator = g_ptr_array_index (cumulative, i);
      row = find_row (book, 2, ledger_indicator_get_name (indicator));
      row_ref = g_strdup_printf ("$%d:$", row);
      g_assert_nonnull (strstr (chart, header_ref));
      g_assert_nonnull (strstr (chart, row_ref));
      g_assert_nonnull (strstr (chart, "<c:f>Charts!$"));
      g_assert_nonnull (strstr (chart, ledger_indicator_get_name (indicator)));
    }
}

/* As of an earlier period, later figures are left out and the standing is
 * as of then; without one, as of the latest figures. */
static void
test_as_of (Fixture       *fixture,
            gconstpointer  data)
{
  gint64 jobs = test_indicator_id (fixture->store, PLAN_2026, "new-urban-jobs");
  LedgerIndicator *indicator = indicator_of (fixture, jobs);
  g_autofree char *june = ledger_period_code_label (HALF_YEAR);
  g_autofree char *march = ledger_period_code_label ("2026-03");
  g_autofree char *june_label = ledger_period_as_of_label (HALF_YEAR);
  g_autofree char *march_label = ledger_period_as_of_label ("2026-03");
  g_autofree char *as_of_june = g_strdup_printf (_("As of %s"), june_label);
  g_autofree char *as_of_march = g_strdup_printf (_("As of %s"), march_label);
  g_autoptr(Book) latest = NULL;
  g_autoptr(Book) earlier = NULL;
  guint row;

  export_ok (fixture, NULL);
  latest = book_read (fixture->xlsx, 1);
  g_assert_cmpstr (cell_at (latest, 2, 0)->text, ==, as_of_june);

  export_ok (fixture, "2026-03");
  earlier = book_read (fixture->xlsx, 1);
  g_assert_cmpstr (cell_at (earlier, 2, 0)->text, ==, as_of_march);
  row = find_row (earlier, 2, ledger_indicator_get_name (indicator));
  g_assert_true (cell_at (latest, row, find_column (latest, 3, june))->number);
  g_assert_false (cell_at (earlier, row, find_column (earlier, 3, june))->number);
  g_assert_true (cell_at (earlier, row, find_column (earlier, 3, march))->number);
  g_assert_cmpstr (cell_at (earlier, row, find_column (earlier, 3, _("Reported For")))->text, ==,
                   march);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

/* An export that fails says why and leaves nothing behind; a file it would
 * have replaced stays as it was. */
static void
test_failure (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing", "out.xlsx", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "folder.xlsx", NULL);
  g_autofree char *old = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  g_assert_false (ledger_xlsx_export (fixture->store, NULL, NULL, missing, &error));
  test_assert_error_mentions (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, missing);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* the workbook is written, but cannot take a folder's place */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  before = count_files (fixture->dir);
  g_assert_false (ledger_xlsx_export (fixture->store, NULL, NULL, folder, &error));
  test_assert_error_mentions (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, folder);
  g_assert_cmpuint (count_files (fixture->dir), ==, before);
  g_assert_cmpuint (count_files (folder), ==, 0);
  g_clear_error (&error);

  test_write_file (fixture->xlsx, "an older export", -1);
  g_assert_false (ledger_xlsx_export (fixture->store, NULL, "June", fixture->xlsx, &error));
  test_assert_error_mentions (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "June");
  old = test_read_file (fixture->xlsx, NULL);
  g_assert_cmpstr (old, ==, "an older export");
  g_assert_cmpuint (count_files (fixture->dir), ==, before + 1);

  /* and a good one replaces it */
  export_ok (fixture, NULL);
  g_assert_cmpuint (count_files (fixture->dir), ==, before + 1);
  g_free (unzip_ok (fixture->xlsx, "xl/worksheets/sheet1.xml"));
}

/* Sheet names as Excel takes them: without []:*?/\, at most 31 characters,
 * each its own. */
static void
test_sheet_names (void)
{
  static const char *plan_template =
    "{\"uuid\": \"00000000-0000-4000-8000-00000000000%u\", \"code\": \"p%u\", \"title\": \"%s\","
    " \"region\": \"r\", \"first_year\": 2026, \"last_year\": 2026, \"areas\": ["
    "{\"uuid\": \"00000000-0000-4000-8000-00000000001%u\", \"title\": \"a\", \"tasks\": ["
    "{\"uuid\": \"00000000-0000-4000-8000-00000000002%u\", \"title\": \"t\", \"indicators\": ["
    "{\"uuid\": \"00000000-0000-4000-8000-00000000003%u\", \"code\": \"i\", \"name\": \"n\","
    " \"kind\": \"qualitative\", \"frequency\": \"quarterly\"}]}]}]}";
  static const char *titles[] = {
    "规划[一]: 目标*任务?/进度\\\\台账",
    "长治市国民经济和社会发展第十五个五年规划纲要确定的主要目标任务分解表",
    "长治市国民经济和社会发展第十五个五年规划纲要确定的主要目标任务分解表",
    "'",
  };
  g_autofree char *dir = test_tmp_dir_new ();
  g_autofree char *path = g_build_filename (dir, "ledger.sqlite3", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "out.xlsx", NULL);
  g_autoptr(GString) json = g_string_new ("{\"format\": 1, \"plans\": [");
  g_autoptr(LedgerStore) store = ledger_store_open (path, NULL);
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *workbook = NULL;
  const char *p;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_string_append_printf (json, plan_template, i, i, titles[i], i, i, i);
      g_string_append (json, i + 1 < G_N_ELEMENTS (titles) ? ", " : "]}");
    }
  plans = ledger_plan_file_parse (json->str, json->len, &error);
  g_assert_no_error (error);
  ledger_store_add_plans (store, plans, &error);
  g_assert_no_error (error);
  g_assert_true (ledger_xlsx_export (store, NULL, NULL, xlsx, &error));
  g_assert_no_error (error);

  workbook = unzip_ok (xlsx, "xl/workbook.xml");
  for (p = strstr (workbook, "<sheet name=\""); p != NULL; p = strstr (p, "<sheet name=\""))
    {
      const char *end;

      p += strlen ("<sheet name=\"");
      end = strchr (p, '"');
      g_ptr_array_add (names, g_strndup (p, end - p));
    }
  g_assert_cmpuint (names->len, ==, G_N_ELEMENTS (titles) + 1);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];

      g_assert_cmpuint (g_utf8_strlen (name, -1), <=, 31);
      g_assert_cmpuint (g_utf8_strlen (name, -1), >, 0);
      g_assert_null (strpbrk (name, "[]:*?/\\"));
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (name, !=, names->pdata[j]);
    }
  g_assert_true (g_str_has_prefix (names->pdata[0], "规划一"));
  g_assert_true (g_str_has_prefix (names->pdata[1], "长治市国民经济和社会发展"));
  g_assert_true (g_str_has_prefix (names->pdata[2], "长治市国民经济和社会发展"));
  g_assert_cmpstr (names->pdata[3], ==, "p3");
  test_tmp_dir_free (g_steal_pointer (&dir));
}

/* XML 1.0 holds no C0 control but tab, line feed and carriage return, and
 * neither U+FFFE nor U+FFFF, even escaped as "&#1;". */
static gboolean
xml_well_formed (const char  *xml,
                 GError     **error)
{
  static const GMarkupParser parser = { NULL, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autoptr(GRegex) reference = g_regex_new ("&#(x0*[0-8bcefBCEF]|x0*1[0-9a-fA-F]|0*([0-8]|1[124-9]|2[0-9]|3[01])|"
                                             "x0*[fF]{3}[eEfF]|0*6553[45]);", 0, 0, NULL);

  if (!g_utf8_validate (xml, -1, NULL))
    return g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_BAD_UTF8, "not UTF-8"), FALSE;
  for (const char *p = xml; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xfffe || c == 0xffff)
        return g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE, "U+%04X at %zd", c, p - xml), FALSE;
    }
  if (g_regex_match (reference, xml, 0, NULL))
    return g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE, "a reference to a control"), FALSE;
  return g_markup_parse_context_parse (context, xml, -1, error) &&
         g_markup_parse_context_end_parse (context, error);
}

/* The member @member itself: unzip reads "[" as a wildcard, "[[]" as "[". */
static char *
unzip_named (const char *file,
             const char *member)
{
  g_autoptr(GString) pattern = g_string_new (member);

  g_string_replace (pattern, "[", "[[]", 0);
  return unzip_ok (file, pattern->str);
}

/* Every XML part of the workbook @file, checked as an XML parser would. */
static void
assert_well_formed (const char *file)
{
  const char *argv[] = { "unzip", "-Z1", file, NULL };
  g_autofree char *listing = NULL;
  g_auto(GStrv) members = NULL;
  g_autoptr(GError) error = NULL;
  guint checked = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &listing, NULL, NULL, &error);
  g_assert_no_error (error);
  members = g_strsplit (listing, "\n", -1);
  for (guint i = 0; members[i] != NULL; i++)
    {
      g_autofree char *xml = NULL;

      if (!g_str_has_suffix (members[i], ".xml") && !g_str_has_suffix (members[i], ".rels"))
        continue;
      xml = unzip_named (file, members[i]);
      if (!xml_well_formed (xml, &error))
        g_error ("%s of %s is not well-formed: %s", members[i], file, error->message);
      checked++;
    }
  g_assert_cmpuint (checked, >, 10);
}

/* Text XML cannot hold — a ledger written behind the program's back, a
 * control character from a plan file's "\u0001" — is cleaned: invalid
 * UTF-8 becomes U+FFFD, what XML forbids is left out, in the cells, the
 * sheets' names and the charts. */
static void
test_unsafe_text (Fixture       *fixture,
                  gconstpointer  data)
{
  if (test_skip_on_server ("writes to the SQLite file directly"))
    return;

  g_autofree char *path = g_build_filename (fixture->dir, "ledger.sqlite3", NULL);
  g_autofree char *workbook = NULL;
  g_autofree char *chart = NULL;
  g_autofree char *strings = NULL;
  g_autoptr(Book) book = NULL;

  /* 台\x01\xff\uffff账: the control left out, the broken byte U+FFFD */
  test_exec_sql (path,
                 "UPDATE plans SET title = CAST (X'E58FB001FFEFBFBFE8B4A6' AS TEXT) WHERE code = '" PLAN_2026 "';"
                 "UPDATE areas SET title = title || CAST (X'02EFBFBE' AS TEXT),"
                 "                 short_title = short_title || CAST (X'1B' AS TEXT);"
                 "UPDATE tasks SET title = title || CAST (X'E5' AS TEXT);"
                 "UPDATE indicators SET name = name || CAST (X'0B' AS TEXT) || CAST (X'C080' AS TEXT),"
                 "                      unit = unit || CAST (X'1F' AS TEXT);"
                 "UPDATE indicator_values SET note = CAST (X'E5A48701ED' AS TEXT);");
  export_ok (fixture, NULL);
  assert_well_formed (fixture->xlsx);

  workbook = unzip_ok (fixture->xlsx, "xl/workbook.xml");
  g_assert_nonnull (strstr (workbook, "<sheet name=\"台\xef\xbf\xbd账\""));
  book = book_read (fixture->xlsx, 1);
  g_assert_true (g_str_has_prefix (cell_at (book, 1, 0)->text, "台\xef\xbf\xbd账"));
  strings = unzip_ok (fixture->xlsx, "xl/sharedStrings.xml");
  g_assert_nonnull (strstr (strings, ">备\xef\xbf\xbd<"));
  /* the name's "\xc0\x80" is two broken bytes */
  chart = unzip_ok (fixture->xlsx, "xl/charts/chart1.xml");
  g_assert_nonnull (strstr (chart, "\xef\xbf\xbd\xef\xbf\xbd ("));
}

/* ---- the regions ranked ------------------------------------------------ */

enum { RANK_CODE, RANK_INDICATOR, RANK_REGION_CODE, RANK_REGION, RANK_VALUE, RANK_PERIOD, RANK_TARGET,
       RANK_EXPECTED, RANK_SCORE, RANK_PLACE, RANK_CHANGE, RANK_BAND, RANK_MISSING, RANK_COMPLETION_POINTS,
       RANK_RANK_POINTS, RANK_ADJUSTMENTS, RANK_TOTAL, RANK_PLACE_BY_TOTAL };
#define RANK_FIRST_ROW 3

/* A row of the rankings' sheet as test_add_ranked_regions() works it out;
 * NAN for an empty cell, a place of 0 for 未报. */
typedef struct
{
  const char *region;
  double      value;
  double      target;
  double      expected;
  double      score;
  guint       place;
  int         change;
  const char *band;
} RankedRow;

static void
assert_number_cell (LedgerSheet *sheet,
                    guint        row,
                    guint        column,
                    double       expected)
{
  const char *text = ledger_sheet_get_cell (sheet, row, column);

  if (isnan (expected))
    g_assert_cmpstr (text, ==, "");
  else
    {
      g_assert_cmpint (ledger_sheet_get_cell_kind (sheet, row, column), ==, LEDGER_SHEET_CELL_NUMBER);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (text, NULL), expected, 1e-9);
    }
}

static void
assert_ranked_row (LedgerSheet     *sheet,
                   guint            row,
                   const RankedRow *expected)
{
  g_assert_cmpstr (ledger_sheet_get_cell (sheet, row, RANK_REGION_CODE), ==, expected->region);
  assert_number_cell (sheet, row, RANK_VALUE, expected->value);
  assert_number_cell (sheet, row, RANK_TARGET, expected->target);
  assert_number_cell (sheet, row, RANK_EXPECTED, expected->expected);
  assert_number_cell (sheet, row, RANK_SCORE, expected->score);
  if (expected->place == 0)
    g_assert_cmpstr (ledger_sheet_get_cell (sheet, row, RANK_PLACE), ==, _("Not reported"));
  else
    {
      assert_number_cell (sheet, row, RANK_PLACE, expected->place);
      assert_number_cell (sheet, row, RANK_CHANGE, expected->change);
      g_assert_cmpstr (ledger_sheet_get_cell (sheet, row, RANK_BAND), ==, expected->band);
    }
}

static LedgerSheet *
read_rankings (Fixture  *fixture,
               GError  **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->xlsx);

  return ledger_sheet_new_from_file (file, _("Regions Ranked"), NULL, error);
}

/* The sheet 区县排名: the composite ranking first, a line per region, then
 * the indicator a region has figures of, the numbers as numbers. */
static void
test_rankings (Fixture       *fixture,
               gconstpointer  data)
{
  /* test_add_ranked_regions(): 1.1 of 2.0 due 1.0, 0.45 of 1.2 due 0.6;
   * places changed since 1-5月, when 上党区 led */
  static const RankedRow jobs[] = {
    { "140403", 1.1, 2.0, 1.0, 1.1, 1, +1, "Above the city" },
    { "140404", 0.45, 1.2, 0.6, 0.75, 2, -1, "Below the city" },
    { "gxq", NAN, 0.4, 0.2, NAN, 0, 0, NULL },
  };
  /* only 新增城镇就业 has regions' figures: the composite is its score,
   * banded against the city's 90 % */
  static const RankedRow composite[] = {
    { "140403", NAN, NAN, NAN, 1.1, 1, +1, "Above the city" },
    { "140404", NAN, NAN, NAN, 0.75, 2, -1, "Below the city" },
    { "gxq", NAN, NAN, NAN, NAN, 0, 0, NULL },
  };
  g_autoptr(LedgerSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  guint first = 0;

  test_add_ranked_regions (fixture->store);
  export_ok (fixture, HALF_YEAR);
  sheet = read_rankings (fixture, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (ledger_sheet_get_cell (sheet, RANK_FIRST_ROW - 1, RANK_REGION), ==, _("Region"));
  for (guint i = 0; i < G_N_ELEMENTS (composite); i++)
    {
      g_assert_cmpstr (ledger_sheet_get_cell (sheet, RANK_FIRST_ROW + i, RANK_INDICATOR), ==,
                       _("Composite ranking"));
      assert_ranked_row (sheet, RANK_FIRST_ROW + i, &composite[i]);
    }
  /* 长治高新区 has a target and no figure */
  assert_number_cell (sheet, RANK_FIRST_ROW + 2, RANK_MISSING, 1);
  for (guint row = RANK_FIRST_ROW; row < ledger_sheet_get_n_rows (sheet) && first == 0; row++)
    if (g_str_equal (ledger_sheet_get_cell (sheet, row, RANK_CODE), TEST_RANKED_INDICATOR))
      first = row;
  g_assert_cmpuint (first, >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    assert_ranked_row (sheet, first + i, &jobs[i]);
  /* no other indicator has a region's figure */
  g_assert_cmpuint (ledger_sheet_get_n_rows (sheet), ==, first + G_N_ELEMENTS (jobs));
  /* no scheme, no points */
  g_assert_cmpstr (ledger_sheet_get_cell (sheet, RANK_FIRST_ROW - 1, RANK_COMPLETION_POINTS), ==, "");
}

/* With the default scheme (60 × the composite, 20 points for first place,
 * 1.5 fewer each place lower) and 扣分 2 for 上党区 in 1-6月, the
 * composite's rows have the points: 潞州区 66 + 20 = 86, first;
 * 上党区 45 + 18.5 − 2 = 61.5, second. */
static void
test_rankings_scored (Fixture       *fixture,
                      gconstpointer  data)
{
  static const double points[][5] = { { 66, 20, 0, 86, 1 }, { 45, 18.5, -2, 61.5, 2 } };
  LedgerPlan *plan = plan_of (fixture, PLAN_2026);
  gint64 plan_id = ledger_node_get_id (LEDGER_NODE (plan));
  g_autoptr(LedgerScoreAdjustment) late = ledger_score_adjustment_new (HALF_YEAR, LEDGER_SCORE_REGION, "140404",
                                                                      -2, "迟报");
  g_autoptr(LedgerSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  LedgerScoringScheme scheme;

  test_add_ranked_regions (fixture->store);
  ledger_scoring_scheme_init_default (&scheme);
  g_assert_true (ledger_store_set_scoring_scheme (fixture->store, plan_id, &scheme, &error));
  g_assert_no_error (error);
  g_assert_true (ledger_store_add_score_adjustment (fixture->store, plan_id, late, &error));
  g_assert_no_error (error);
  export_ok (fixture, HALF_YEAR);
  sheet = read_rankings (fixture, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (ledger_sheet_get_cell (sheet, RANK_FIRST_ROW - 1, RANK_TOTAL), ==, "Total points");
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    for (guint c = 0; c < G_N_ELEMENTS (points[i]); c++)
      assert_number_cell (sheet, RANK_FIRST_ROW + i, RANK_COMPLETION_POINTS + c, points[i][c]);
}

/* A ledger without regions has no rankings' sheet. */
static void
test_rankings_absent (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(LedgerSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < fixture->plans->len; i++)
    {
      g_assert_true (ledger_store_save_regions (fixture->store, fixture->plans->pdata[i], none, &error));
      g_assert_no_error (error);
    }
  export_ok (fixture, HALF_YEAR);
  sheet = read_rankings (fixture, &error);
  g_assert_error (error, LEDGER_SHEET_ERROR, LEDGER_SHEET_ERROR_NO_SHEET);
  g_assert_null (sheet);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add ("/xlsx-export/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("long-note", test_long_note);
  ADD ("supporting-units", test_supporting_units);
  ADD ("sheets", test_sheets);
  ADD ("values", test_values);
  ADD ("read-back", test_read_back);
  ADD ("standing", test_standing);
  ADD ("agreement", test_agreement);
  ADD ("outline", test_outline);
  ADD ("charts", test_charts);
  ADD ("as-of", test_as_of);
  ADD ("failure", test_failure);
  ADD ("unsafe-text", test_unsafe_text);
  ADD ("rankings", test_rankings);
  ADD ("rankings-absent", test_rankings_absent);
  ADD ("rankings-scored", test_rankings_scored);
#undef ADD
  g_test_add_func ("/xlsx-export/sheet-names", test_sheet_names);

  return g_test_run ();
}
