/* ledger-cli.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "ledger-cli.h"
#include "ledger-copy-summary.h"
#include "ledger-period-words.h"
#include "ledger-completeness-csv.h"
#include "ledger-csv.h"
#include "ledger-csv-exchange.h"
#include "ledger-output-file.h"
#include "ledger-package-merge.h"
#include "ledger-plan-file.h"
#include "ledger-ranking-csv.h"
#include "ledger-region-plan.h"
#include "ledger-report.h"
#include "ledger-settings.h"
#include "ledger-store.h"
#include "ledger-task-list.h"
#include "ledger-task-list-export.h"
#include "ledger-xlsx-export.h"
#include "ledger-cli-attachments.h"
#include "ledger-cli-roll-up.h"

/* The commands that work without a window (README.md, Command line).
 * Each prints a clear message and returns non-zero on failure, having
 * changed nothing. */

static const char *commands[] = { "export-csv", "import-csv", "import-sheet", "export-plan", "import-plan",
                                  "export-changes", "export-xlsx", "export-package", "import-package",
                                  "backup", "restore", "check", "report", "rename-unit", "confirm-unit",
                                  "milestone-done", "export-completeness", "review-period", "close-period",
                                  "reopen-period", "attach", "export-attachments", "export-ranking",
                                  "export-region-plan", "copy-ledger", NULL };
/* The commands that write a file: never the ledger's (see check_output()). */
static const char *outputs[] = { "export-csv", "export-plan", "export-changes", "export-xlsx",
                                 "export-package", "backup", "report", "export-completeness",
                                 "export-ranking", NULL };
/* Options that only go with a command: alone, they are a mistake to tell
 * about, not a reason to open the window. */
/* The commands that only read the ledger: they work on one that cannot
 * be written, and on one changed outside the program, opened for reading. */
static const char *reading_commands[] = { "export-csv", "export-plan", "export-changes", "export-xlsx",
                                          "export-package", "backup", "check", "report",
                                          "export-completeness", "export-attachments", "export-ranking",
                                          "export-region-plan", "copy-ledger",
                                          NULL };
static const char *modifiers[] = { "unit", "from", "to", "prefer-ledger", "as-of", "encoding", "plan", "due",
                                   "note", "sheet", "plan-code", "plan-title", "year", "reason", "code",
                                   "period", NULL };

static gboolean
contains_any (GVariantDict       *options,
              const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_variant_dict_contains (options, names[i]))
        return TRUE;
    }
  return FALSE;
}

/* An argument left after the options is a command's (only
 * --export-region-plan takes one): never a reason to open the window. */
gboolean
ledger_cli_wants_command (GVariantDict *options)
{
  return contains_any (options, commands) || contains_any (options, modifiers) ||
         g_variant_dict_contains (options, G_OPTION_REMAINING);
}

static int
fail (GError *error)
{
  g_printerr ("target-ledger: %s\n", error->message);
  return 1;
}


/* Files get a byte order mark, so that Excel and WPS read them as UTF-8;
 * standard output, read by scripts, does not, unless asked. */
static gboolean
pick_encoding (GVariantDict       *options,
               const char         *out,
               LedgerCsvEncoding  *encoding)
{
  const char *name = NULL;

  *encoding = g_str_equal (out, "-") ? LEDGER_CSV_UTF8 : LEDGER_CSV_UTF8_BOM;
  if (!g_variant_dict_lookup (options, "encoding", "&s", &name) ||
      ledger_csv_encoding_from_string (name, encoding))
    return TRUE;
  g_printerr ("target-ledger: %s\n", _("The encoding must be utf-8-bom, utf-8 or gb18030"));
  return FALSE;
}

static int write_bytes (LedgerStore *store, const char *out, GBytes *bytes);

/* The status bands of the preferences, as the window uses them. */
static void
read_tolerances (LedgerTolerances *tolerances)
{
  g_autoptr(GSettings) settings = ledger_settings_new_if_installed ();

  ledger_settings_read_tolerances (settings, tolerances);
}

static int
write_csv (LedgerStore  *store,
           GVariantDict *options,
           const char   *out,
           const char   *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  LedgerCsvEncoding encoding;

  if (!pick_encoding (options, out, &encoding))
    return 2;
  if ((bytes = ledger_csv_encode (text, encoding, &error)) == NULL)
    return fail (error);
  return write_bytes (store, out, bytes);
}

static int
export_csv (LedgerStore  *store,
            GVariantDict *options,
            const char   *out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  LedgerTolerances tolerances;

  read_tolerances (&tolerances);
  if ((text = ledger_csv_export_ledger (store, &tolerances, &error)) == NULL)
    return fail (error);
  return write_csv (store, options, out, text);
}

/* The first refused rows, and how many more there are. */
static void
print_refused (LedgerCsvImport *import,
               const char      *in)
{
  GListModel *rows = ledger_csv_import_get_rows (import);
  guint unlisted = ledger_csv_import_count_unlisted (import);

  g_printerr ("target-ledger: %s:\n", in);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(LedgerImportRow) row = g_list_model_get_item (rows, i);

      if (ledger_import_row_get_action (row) == LEDGER_IMPORT_REFUSED)
        g_printerr (_("Line %u: %s\n"), ledger_import_row_get_line (row),
                    ledger_import_row_get_reason (row));
    }
  if (unlisted > 0)
    g_printerr (ngettext ("… and %u more line refused\n", "… and %u more lines refused\n", unlisted),
                unlisted);
}

/* All rows or none: a file with any refused row imports nothing, and
 * every refused row is listed with its reason. */
/* The code of the period @text of the option @option (--as-of, --from):
 * the ledger's codes as they are; words (上半年, 2026年1-6月) as a month,
 * in @default_year (0: none) if they give none. */
static char *
period_option (const char  *option,
               const char  *text,
               int          default_year,
               GError     **error)
{
  LedgerPeriod period;
  char *code;

  if (ledger_period_parse (text, &period))
    return g_strdup (text);
  code = ledger_period_words_to_code (text, LEDGER_FREQUENCY_MONTHLY, default_year, error);
  if (code == NULL)
    g_prefix_error (error, "%s: ", option);
  return code;
}

static int
export_xlsx (LedgerStore *store,
             const char  *out,
             const char  *as_of)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  LedgerTolerances tolerances;

  read_tolerances (&tolerances);
  if (as_of != NULL && (code = period_option ("--as-of", as_of, 0, &error)) == NULL)
    return fail (error);
  if (!ledger_xlsx_export (store, &tolerances, code, out, &error))
    return fail (error);
  return 0;
}

/* The file is read whole, but never more than a CSV file of values can
 * be; if another program writes the ledger between reading and writing,
 * the file is read again, so that the counts printed are what was
 * written. */
static int
import_values (LedgerStore *store,
               const char  *in,
               const char  *sheet_name)
{
  g_autofree char *name = g_path_get_basename (in);
  g_autoptr(LedgerCsvImport) import = ledger_csv_import_new (name);
  g_autoptr(GFile) file = g_file_new_for_path (in);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data = NULL;
  gsize length = 0;
  guint added, changed;
  LedgerTolerances tolerances;

  read_tolerances (&tolerances);
  ledger_csv_import_set_check_limits (import, &tolerances.checks);

  ledger_csv_import_set_sheet_name (import, sheet_name);
  if ((bytes = ledger_csv_read_file (file, LEDGER_CSV_MAX_FILE_SIZE, NULL, &error)) != NULL)
    data = g_bytes_get_data (bytes, &length);
  if (data != NULL && ledger_csv_import_read (import, store, data, length, NULL, &error) &&
      ledger_csv_import_count (import, LEDGER_IMPORT_REFUSED) == 0)
    ledger_csv_import_apply_or_reread (import, store, data, length, &error);

  if (error != NULL || ledger_csv_import_count (import, LEDGER_IMPORT_REFUSED) > 0)
    {
      if (ledger_csv_import_count (import, LEDGER_IMPORT_REFUSED) > 0)
        print_refused (import, in);
      else if (error != NULL)
        g_printerr ("target-ledger: %s: %s\n", in, error->message);
      g_printerr ("target-ledger: %s\n", _("Nothing was imported"));
      return 1;
    }
  added = ledger_csv_import_count (import, LEDGER_IMPORT_ADD);
  changed = ledger_csv_import_count (import, LEDGER_IMPORT_CHANGE);
  g_print (ngettext ("Imported %u value from %s", "Imported %u values from %s", added + changed),
           added + changed, in);
  /* Translators: after "Imported 12 values from FILE" */
  g_print (_(" (%u new, %u changed, %u unchanged)\n"), added, changed,
           ledger_csv_import_count (import, LEDGER_IMPORT_UNCHANGED));
  return 0;
}

/* The file is written whole or not at all, never over the ledger or its
 * files (ledger_output_file_write()). */
static int
write_bytes (LedgerStore *store,
             const char  *out,
             GBytes      *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (g_str_equal (out, "-"))
    {
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_printerr ("target-ledger: %s\n", _("Could not write to standard output"));
          return 1;
        }
      return 0;
    }
  if (!ledger_output_file_write (out, ledger_store_get_path (store), data, length, &error))
    return fail (error);
  return 0;
}

static int
write_text (LedgerStore *store,
            const char  *out,
            const char  *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));

  return write_bytes (store, out, bytes);
}

static int
export_plan (LedgerStore *store,
             const char  *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (store, &error);
  g_autofree char *text = NULL;

  if (plans == NULL)
    return fail (error);
  /* A name ending in .xlsx asks for the plans as task list workbooks. */
  if (g_str_has_suffix (out, ".xlsx") || g_str_has_suffix (out, ".XLSX"))
    return ledger_task_list_export (store, plans, out, &error) ? 0 : fail (error);
  text = ledger_plan_file_to_data (plans);
  return write_text (store, out, text);
}

/* --export-region-plan REGION OUT [--plan CODE]: the city's plan as a
 * plan file for the region's own ledger (docs/regions.md). OUT is the one
 * argument left after the options. */
static int
export_region_plan (LedgerStore  *store,
                    const char   *region,
                    GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree const char **rest = NULL;
  g_autofree char *text = NULL;
  const char *code = NULL;
  guint n_unsplit = 0;

  if (!g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &rest) || rest[0] == NULL || rest[1] != NULL)
    {
      g_printerr ("target-ledger: %s\n", _("Name the region and the file to write: --export-region-plan REGION OUT"));
      return 2;
    }
  g_variant_dict_lookup (options, "plan", "&s", &code);
  if (!g_str_equal (rest[0], "-") && !ledger_output_file_check (rest[0], ledger_store_get_path (store), &error))
    return fail (error);
  if ((text = ledger_region_plan_export (store, code, region, &n_unsplit, &error)) == NULL)
    return fail (error);
  if (write_text (store, rest[0], text) != 0)
    return 1;
  if (g_str_equal (rest[0], "-"))
    return 0;
  g_print (_("Wrote the plan of %s to %s\n"), region, rest[0]);
  if (n_unsplit > 0)
    g_print (ngettext ("%u total has no target of the region’s own and keeps the city’s: split it first\n",
                       "%u totals have no target of the region’s own and keep the city’s: split them first\n",
                       n_unsplit),
             n_unsplit);
  return 0;
}

static int
refuse_plan (const char *in,
             GError     *error)
{
  g_printerr ("target-ledger: %s: %s\n", in, error->message);
  g_printerr ("target-ledger: %s\n", _("No plan was added"));
  return 1;
}

static int
import_plan_file (LedgerStore *store,
                  GFile       *file,
                  const char  *in)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_plan_file_load (file, &error);

  if (plans == NULL || !ledger_store_add_plans (store, plans, &error))
    return refuse_plan (in, error);
  for (guint i = 0; i < plans->len; i++)
    g_print (_("Added the plan “%s”\n"), ledger_node_get_title (g_ptr_array_index (plans, i)));
  return 0;
}

static void
print_refused_rows (LedgerTaskList *list,
                    const char     *in)
{
  GListModel *rows = ledger_task_list_get_rows (list);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(LedgerTaskRow) row = g_list_model_get_item (rows, i);

      if (ledger_task_row_get_reason (row) != NULL)
        {
          g_printerr ("target-ledger: ");
          g_printerr (_("%s: row %u: %s"), in, ledger_task_row_get_line (row), ledger_task_row_get_reason (row));
          g_printerr ("\n");
        }
    }
}

/* A 清单 spreadsheet: the plan its rows make, or every refused row. */
static int
import_task_list (LedgerStore  *store,
                  GVariantDict *options,
                  GFile        *file,
                  const char   *in)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerSheet) sheet = NULL;
  g_autoptr(LedgerTaskList) list = NULL;
  g_autoptr(LedgerPlan) plan = NULL;
  g_autoptr(GPtrArray) plans = g_ptr_array_new ();
  g_autofree char *code = NULL;
  g_autofree char *title = NULL;
  const char *sheet_name = NULL;
  guint n_areas, n_tasks, n_indicators;
  int year;

  g_variant_dict_lookup (options, "sheet", "&s", &sheet_name);
  if ((sheet = ledger_sheet_new_from_file (file, sheet_name, NULL, &error)) == NULL ||
      (list = ledger_task_list_new (sheet, &error)) == NULL)
    return refuse_plan (in, error);
  if (g_variant_dict_lookup (options, "year", "i", &year))
    ledger_task_list_set_year (list, year);
  year = ledger_task_list_get_year (list);
  if (!g_variant_dict_lookup (options, "plan-code", "s", &code))
    code = ledger_task_list_dup_code (list);
  if (!g_variant_dict_lookup (options, "plan-title", "s", &title))
    title = *ledger_task_list_get_title (list) != '\0' ? g_strdup (ledger_task_list_get_title (list))
                                                       : g_strdup_printf (_("%d Task List"), year);
  print_refused_rows (list, in);
  if ((plan = ledger_task_list_build_plan (list, code, title, year, ledger_task_list_get_last_year (list),
                                           &error)) == NULL)
    return refuse_plan (in, error);
  g_ptr_array_add (plans, plan);
  if (!ledger_store_add_plans (store, plans, &error))
    return refuse_plan (in, error);
  ledger_task_list_count_nodes (list, &n_areas, &n_tasks, &n_indicators);
  g_print (_("Added the plan “%s” (%s): areas %u, tasks %u, indicators %u\n"), title, code,
           n_areas, n_tasks, n_indicators);
  return 0;
}

/* A plan file, or a 清单 as XLSX or CSV, told apart by content. */
static int
import_plan (LedgerStore  *store,
             GVariantDict *options,
             const char   *in)
{
  g_autoptr(GFile) file = g_file_new_for_path (in);
  g_autoptr(GError) error = NULL;
  gboolean is_plan_file;

  if (!ledger_task_list_is_plan_file (file, &is_plan_file, &error))
    return refuse_plan (in, error);
  if (is_plan_file)
    return import_plan_file (store, file, in);
  return import_task_list (store, options, file, in);
}

static int
export_package (LedgerStore  *store,
                const char   *out,
                GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerPackage) package = NULL;
  g_autofree char *text = NULL;
  g_autofree char *from_code = NULL;
  g_autofree char *to_code = NULL;
  const char *unit = NULL, *from = NULL, *to = NULL;

  g_variant_dict_lookup (options, "from", "&s", &from);
  g_variant_dict_lookup (options, "to", "&s", &to);
  if ((from != NULL && (from_code = period_option ("--from", from, 0, &error)) == NULL) ||
      (to != NULL && (to_code = period_option ("--to", to, 0, &error)) == NULL))
    return fail (error);
  if (!g_variant_dict_lookup (options, "unit", "&s", &unit))
    {
      g_autoptr(GPtrArray) units = ledger_package_list_units (store, NULL);

      g_printerr ("target-ledger: %s\n", _("Name the responsible unit with --unit UNIT; the ledger’s units are:"));
      for (guint i = 0; units != NULL && i < units->len; i++)
        g_printerr ("  %s\n", (const char *) g_ptr_array_index (units, i));
      return 1;
    }
  /* Read back before it is written: a package that this program could not
   * read is never handed to anyone. */
  if ((text = ledger_package_export (store, unit, from_code, to_code, &error)) == NULL ||
      (package = ledger_package_read (text, strlen (text), NULL, &error)) == NULL)
    return fail (error);
  if (write_text (store, out, text) != 0)
    return 1;
  if (!g_str_equal (out, "-"))
    g_print (ngettext ("Exported %u value of %s (%s to %s) to %s\n",
                       "Exported %u values of %s (%s to %s) to %s\n",
                       ledger_package_get_n_entries (package)),
             ledger_package_get_n_entries (package), ledger_package_get_unit (package),
             ledger_package_get_from (package), ledger_package_get_to (package), out);
  return 0;
}

static GPtrArray *
read_packages (const char * const  *paths,
               GError             **error)
{
  g_autoptr(GPtrArray) packages = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);
      g_autoptr(GError) local_error = NULL;
      LedgerPackage *package = ledger_package_load (file, &local_error);

      if (package == NULL)
        {
          g_set_error (error, local_error->domain, local_error->code, "%s: %s", paths[i], local_error->message);
          return NULL;
        }
      g_print (ngettext ("%s: %s, %s to %s, %u value\n", "%s: %s, %s to %s, %u values\n",
                         ledger_package_get_n_entries (package)),
               paths[i], ledger_package_get_unit (package), ledger_package_get_from (package),
               ledger_package_get_to (package), ledger_package_get_n_entries (package));
      g_ptr_array_add (packages, package);
    }
  return g_steal_pointer (&packages);
}

/* "5.9%", or "5.9% (初步核算)" with its note. */
static char *
describe (LedgerIndicator *indicator,
          LedgerValue     *value)
{
  g_autofree char *figure = ledger_indicator_describe_value (indicator, value);
  const char *note = ledger_value_get_note (value);

  if (note[0] == '\0')
    return g_steal_pointer (&figure);
  return g_strdup_printf ("%s (%s)", figure, note);
}

static void
print_conflict (LedgerImportRow *conflict)
{
  g_print (_("Conflict: %s (%s), %s:\n"), ledger_import_row_get_subject (conflict),
           ledger_import_row_get_code (conflict), ledger_import_row_get_period (conflict));
  for (guint i = 0; i < ledger_import_row_get_n_candidates (conflict); i++)
    {
      const LedgerImportCandidate *candidate = ledger_import_row_get_candidate (conflict, i);
      g_autofree char *text = describe (ledger_import_row_get_indicator (conflict), candidate->value);

      if (candidate->in_ledger)
        g_print ("  %s: %s\n", _("in the ledger"), text);
      else
        g_print ("  %s: %s\n", candidate->origin, text);
    }
}

static void
print_merge (LedgerPackageMerge *merge)
{
  g_print (_("Added: %u, unchanged: %u, conflicts: %u, refused: %u\n"),
           ledger_package_merge_get_n_added (merge), ledger_package_merge_get_n_unchanged (merge),
           ledger_package_merge_get_n_conflicts (merge), ledger_package_merge_get_n_refused (merge));
  for (guint i = 0; i < ledger_package_merge_get_n_conflicts (merge); i++)
    print_conflict (ledger_package_merge_get_conflict (merge, i));
  for (guint i = 0; i < ledger_package_merge_get_n_refused (merge); i++)
    {
      LedgerImportRow *refusal = ledger_package_merge_get_refused (merge, i);

      g_print (_("Refused: %s, %s (%s): %s\n"), ledger_import_row_get_code (refusal),
               ledger_import_row_get_period (refusal), ledger_import_row_get_origin (refusal),
               ledger_import_row_get_reason (refusal));
    }
  ledger_cli_print_merged_files (ledger_package_merge_get_files (merge));
}

/* On the command line conflicts cannot be chosen: with any, nothing is
 * imported, unless --prefer-ledger keeps the ledger as it is where they are. */
static int
import_packages (LedgerStore  *store,
                 GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) packages = NULL;
  g_autoptr(LedgerPackageMerge) merge = NULL;
  g_autofree const char **paths = NULL;
  gboolean prefer_ledger = g_variant_dict_contains (options, "prefer-ledger");
  LedgerTolerances tolerances;
  guint n_writes;

  read_tolerances (&tolerances);
  g_variant_dict_lookup (options, "import-package", "^a&ay", &paths);
  if ((packages = read_packages (paths, &error)) == NULL ||
      (merge = ledger_package_merge_new (store, packages, &tolerances.checks, &error)) == NULL)
    {
      g_printerr ("target-ledger: %s\n", error->message);
      g_printerr ("target-ledger: %s\n", _("Nothing was imported"));
      return 1;
    }
  print_merge (merge);
  if (ledger_package_merge_get_n_conflicts (merge) > 0 && !prefer_ledger)
    {
      g_printerr ("target-ledger: %s\n",
                  _("Nothing was imported: choose between the conflicting values in the window "
                    "(Import Data Packages…), or run again with --prefer-ledger to import the rest "
                    "and keep the ledger as it is where values conflict"));
      return 1;
    }
  n_writes = ledger_package_merge_count_writes (merge);
  if (!ledger_package_merge_apply (merge, &error))
    {
      g_printerr ("target-ledger: %s\n", error->message);
      g_printerr ("target-ledger: %s\n", _("Nothing was imported"));
      return 1;
    }
  g_print (ngettext ("Imported %u value\n", "Imported %u values\n", n_writes), n_writes);
  return 0;
}

static int
backup (LedgerStore *store,
        const char  *out)
{
  g_autoptr(GError) error = NULL;

  if (!ledger_store_backup_to (store, out, &error))
    return fail (error);
  /* A server's location is said without its password. */
  g_print (_("Backed up %s to %s\n"), ledger_store_get_display_name (store), out);
  return 0;
}

/* How many rows of @table the ledger holds, for a message. */
static guint
count_rows (LedgerStore *store,
            const char  *table)
{
  return (guint) MAX (ledger_store_count_rows (store, table, NULL), 0);
}

/* Where the copy went is said without the server's password, in the
 * window's words (ledger-copy-summary.c). */
static int
copy_ledger (LedgerStore *store,
             const char  *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *described = ledger_store_describe_location (to);
  g_autofree char *told = NULL;
  LedgerCopySummary copied = { 0 };
  gboolean ok;

  /* A --db mistyped opens a new, empty ledger: not worth a copy. */
  if (count_rows (store, "plans") == 0)
    {
      g_printerr ("target-ledger: ");
      g_printerr (_("The ledger “%s” holds no plan: there is nothing to copy"),
                  ledger_store_get_display_name (store));
      g_printerr ("\n");
      return 1;
    }
  /* One read transaction for the copy and its count: what was copied is
   * said, whatever another desk wrote meanwhile. */
  ok = ledger_store_begin_read (store, &error) && ledger_store_copy_to (store, to, NULL, NULL, &error) &&
       ledger_copy_summary_count (store, &copied, &error);
  ledger_store_end_read (store);
  if (!ok)
    {
      g_printerr ("target-ledger: %s\n", error->message);
      g_printerr ("target-ledger: %s\n", _("Nothing was copied"));
      return 1;
    }
  told = ledger_copy_summary_describe (&copied, described);
  g_print ("%s\n", told);
  return 0;
}

static int
restore (LedgerStore *store,
         const char  *in)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *safety_copy = NULL;

  if (!ledger_store_restore_from (store, in, &safety_copy, &error))
    {
      g_printerr ("target-ledger: %s\n", error->message);
      g_printerr ("target-ledger: %s\n", _("The ledger was not changed"));
      return 1;
    }
  g_print (_("Restored %s from %s; the ledger as it was is saved as %s\n"),
           ledger_store_get_path (store), in, safety_copy);
  return 0;
}

/* The plan named by --plan, or the first plan. */
LedgerPlan *
ledger_cli_find_plan (GPtrArray   *plans,
                      const char  *code,
                      GError     **error)
{
  g_autoptr(GString) codes = g_string_new (NULL);
  LedgerPlan *plan;

  if (code == NULL && plans->len > 0)
    return g_ptr_array_index (plans, 0);
  if (code != NULL && (plan = ledger_plan_find (plans, code)) != NULL)
    return plan;
  for (guint i = 0; i < plans->len; i++)
    g_string_append_printf (codes, "%s%s", i > 0 ? ", " : "", ledger_plan_get_code (g_ptr_array_index (plans, i)));
  if (code == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The ledger has no plan"));
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("No plan has the code “%s”; the plans are: %s"), code, codes->str);
  return NULL;
}

/* The "as of" period of --as-of, as the window's picker would show it
 * (2026-Q2 is 2026-06 in a one-year plan), or the window's default. */
static char *
resolve_as_of (LedgerStore  *store,
               LedgerPlan   *plan,
               const char   *period,
               GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int first = ledger_plan_get_first_year (plan);
  int last = ledger_plan_get_last_year (plan);
  LedgerPeriod parsed;

  g_autofree char *code = NULL;

  if (period == NULL)
    return ledger_store_get_default_as_of (store, plan, now);
  /* Words without a year are in the plan's year, if it has one. */
  if ((code = period_option ("--as-of", period, first == last ? first : 0, error)) == NULL)
    return NULL;
  ledger_period_parse (code, &parsed);
  if (!ledger_plan_covers_year (plan, parsed.year))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The period “%s” is outside the years of the plan “%s” (%d–%d)"),
                   period, ledger_node_get_title (LEDGER_NODE (plan)), first, last);
      return NULL;
    }
  return ledger_period_as_of_for (code, first, last);
}

static gboolean
is_docx (const char *path)
{
  g_autofree char *folded = g_utf8_casefold (path, -1);

  return g_str_has_suffix (folded, ".docx");
}

/* The context of --plan (or the first plan) as of --as-of (or its latest
 * period), judged with the settings' tolerances; @plan is one of @plans. */
static LedgerContext *
plan_context (LedgerStore   *store,
              GVariantDict  *options,
              GPtrArray     *plans,
              LedgerPlan   **plan,
              GError       **error)
{
  g_autofree char *as_of = NULL;
  const char *code = NULL, *period = NULL;
  LedgerTolerances tolerances;
  LedgerContext *context;

  g_variant_dict_lookup (options, "plan", "&s", &code);
  g_variant_dict_lookup (options, "as-of", "&s", &period);
  if ((*plan = ledger_cli_find_plan (plans, code, error)) == NULL ||
      (as_of = resolve_as_of (store, *plan, period, error)) == NULL)
    return NULL;
  context = ledger_context_new (store);
  read_tolerances (&tolerances);
  ledger_context_set_tolerances (context, &tolerances);
  ledger_context_set_as_of (context, as_of);
  return context;
}

static int
report (LedgerStore  *store,
        const char   *out,
        GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (store, &error);
  g_autoptr(LedgerContext) context = NULL;
  g_autoptr(LedgerReport) report = NULL;
  g_autofree char *as_of_label = NULL;
  LedgerPlan *plan;

  if (plans == NULL || (context = plan_context (store, options, plans, &plan, &error)) == NULL)
    return fail (error);
  report = ledger_report_new (context, plan);
  /* A name ending in .docx asks for the Word document, any other the PDF. */
  if (!(is_docx (out) ? ledger_report_write_docx (report, out, &error)
                      : ledger_report_write_pdf (report, out, &error)))
    return fail (error);
  as_of_label = ledger_period_as_of_label (ledger_context_get_as_of (context));
  /* Translators: the plan's title, its period, the file */
  g_print (_("Wrote the report on “%s” as of %s to %s\n"), ledger_node_get_title (LEDGER_NODE (plan)),
           as_of_label, out);
  return 0;
}

/* How the unit @name (trimmed as the store trims it) is used now, for the
 * counts printed: %NULL for a unit the plan does not have. */
static const LedgerUnitUse *
find_unit (GPtrArray  *units,
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

/* The plan of --plan (or the first) and its units. */
typedef struct
{
  GPtrArray  *plans;
  LedgerPlan *plan;
  GPtrArray  *units;
} UnitsOfPlan;

static void
units_of_plan_clear (UnitsOfPlan *units)
{
  g_clear_pointer (&units->units, g_ptr_array_unref);
  g_clear_pointer (&units->plans, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (UnitsOfPlan, units_of_plan_clear)

static gboolean
read_units (LedgerStore   *store,
            GVariantDict  *options,
            UnitsOfPlan   *units,
            GError       **error)
{
  const char *code = NULL;

  g_variant_dict_lookup (options, "plan", "&s", &code);
  return (units->plans = ledger_store_list_plans (store, error)) != NULL &&
         (units->plan = ledger_cli_find_plan (units->plans, code, error)) != NULL &&
         (units->units = ledger_store_list_units (store, units->plan, error)) != NULL;
}

static int
unit_not_changed (GError *error)
{
  g_printerr ("target-ledger: %s\n", error->message);
  g_printerr ("target-ledger: %s\n", _("The ledger was not changed"));
  return 1;
}

/* Every indicator of the plan whose unit is FROM gets --to: a merge when
 * the plan has that unit already. The store refuses what is wrong. */
static int
rename_unit (LedgerStore  *store,
             const char   *from,
             GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_auto(UnitsOfPlan) units = { 0, };
  g_autofree char *old_name = g_strstrip (g_strdup (from));
  g_autofree char *new_name = NULL;
  const LedgerUnitUse *use, *merged;
  const char *to = NULL;
  guint n;

  if (!g_variant_dict_lookup (options, "to", "&s", &to))
    {
      g_printerr ("target-ledger: %s\n", _("Give the unit’s new name with --to NAME"));
      return 2;
    }
  new_name = g_strstrip (g_strdup (to));
  if (!read_units (store, options, &units, &error))
    return fail (error);
  use = find_unit (units.units, old_name);
  merged = find_unit (units.units, new_name);
  n = use != NULL ? use->n_indicators : 0;
  if (!ledger_store_rename_unit (store, units.plan, from, to, &error))
    return unit_not_changed (error);
  /* Translators: the number of indicators, the old unit, the new one, the plan's title */
  g_print (ngettext ("Renamed the responsible unit of %u indicator from “%s” to “%s” in “%s”\n",
                     "Renamed the responsible unit of %u indicators from “%s” to “%s” in “%s”\n", n),
           n, old_name, new_name, ledger_node_get_title (LEDGER_NODE (units.plan)));
  if (merged != NULL)
    g_print (ngettext ("Merged: “%s” now answers for %u indicator\n",
                       "Merged: “%s” now answers for %u indicators\n", merged->n_indicators + n),
             new_name, merged->n_indicators + n);
  return 0;
}

/* The office confirms a proposed unit for every indicator it answers for. */
static int
confirm_unit (LedgerStore  *store,
              const char   *name,
              GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_auto(UnitsOfPlan) units = { 0, };
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  const LedgerUnitUse *use;
  guint n;

  if (!read_units (store, options, &units, &error))
    return fail (error);
  use = find_unit (units.units, trimmed);
  n = use != NULL ? use->n_indicators - use->n_confirmed : 0;
  if (!ledger_store_confirm_unit (store, units.plan, name, TRUE, &error))
    return unit_not_changed (error);
  /* Translators: the unit, the number of indicators, the plan's title */
  g_print (ngettext ("Confirmed “%s” as the responsible unit of %u more indicator in “%s”\n",
                     "Confirmed “%s” as the responsible unit of %u more indicators in “%s”\n", n),
           trimmed, n, ledger_node_get_title (LEDGER_NODE (units.plan)));
  return 0;
}

typedef struct
{
  const char      *code;
  LedgerIndicator *indicator;
  LedgerNode      *task;
} CodeSearch;

static void
find_code_cb (LedgerNode      *area,
              LedgerNode      *task,
              LedgerIndicator *indicator,
              gpointer         user_data)
{
  CodeSearch *search = user_data;

  if (g_str_equal (ledger_indicator_get_code (indicator), search->code))
    {
      search->indicator = indicator;
      search->task = task;
    }
}

/* The open milestone of the indicator, else of its task, due on @due. */
static LedgerMilestone *
find_open_milestone (LedgerStore      *store,
                     const CodeSearch *search,
                     const char       *due,
                     GError          **error)
{
  const char *owners[] = { ledger_indicator_get_uuid (search->indicator),
                           ledger_node_get_uuid (search->task) };

  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    {
      g_autoptr(GPtrArray) milestones = ledger_store_list_milestones (store, owners[i], error);

      for (guint m = 0; milestones != NULL && m < milestones->len; m++)
        {
          LedgerMilestone *milestone = g_ptr_array_index (milestones, m);

          if (g_str_equal (milestone->due, due) && !ledger_milestone_is_done (milestone))
            return ledger_milestone_copy (milestone);
        }
      if (milestones == NULL)
        return NULL;
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("No open milestone of “%s” or its task is due on %s"), search->code, due);
  return NULL;
}

/* --milestone-done CODE --due DATE [--note TEXT]: done today, logged and
 * undone like the window's Mark Done…. */
static int
milestone_done (LedgerStore  *store,
                const char   *code,
                GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(LedgerMilestone) milestone = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  CodeSearch search = { code, NULL, NULL };
  const char *due = NULL, *note = "", *plan_code = NULL;
  LedgerPlan *plan;

  if (!g_variant_dict_lookup (options, "due", "&s", &due))
    {
      g_printerr ("target-ledger: %s\n", _("Give the day the milestone is due with --due DATE"));
      return 2;
    }
  g_variant_dict_lookup (options, "note", "&s", &note);
  g_variant_dict_lookup (options, "plan", "&s", &plan_code);
  if ((plans = ledger_store_list_plans (store, &error)) == NULL ||
      (plan = ledger_cli_find_plan (plans, plan_code, &error)) == NULL)
    return fail (error);
  ledger_plan_foreach_indicator (plan, find_code_cb, &search);
  if (search.indicator == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The plan has no indicator “%s”"), code);
      return fail (error);
    }
  if ((milestone = find_open_milestone (store, &search, due, &error)) == NULL)
    return unit_not_changed (error);
  ledger_milestone_set_done (milestone, today, note);
  if (!ledger_store_save_milestone (store, milestone, &error))
    return unit_not_changed (error);
  /* Translators: what was due, the day it was due, the day it was done */
  g_print (_("Marked “%s” (due %s) done on %s\n"), milestone->what, due, today);
  return 0;
}

/* Who sent the period's figures and when, as CSV (docs/monthly-cycle.md). */
static int
export_completeness (LedgerStore  *store,
                     const char   *out,
                     GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (store, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *as_of = NULL;
  g_autofree char *text = NULL;
  const char *code = NULL, *period = NULL;
  LedgerTolerances tolerances;
  LedgerPlan *plan;
  GDate today;

  read_tolerances (&tolerances);
  g_variant_dict_lookup (options, "plan", "&s", &code);
  g_variant_dict_lookup (options, "as-of", "&s", &period);
  ledger_date_set_day_of (&today, now);
  if (plans == NULL || (plan = ledger_cli_find_plan (plans, code, &error)) == NULL ||
      (as_of = resolve_as_of (store, plan, period, &error)) == NULL ||
      (text = ledger_completeness_export_csv (store, plan, as_of, &today,
                                              tolerances.due_skip_weekends, &error)) == NULL)
    return fail (error);
  return write_csv (store, options, out, text);
}

/* The regions' rankings as CSV (docs/regions.md, Rankings). */
static int
export_ranking (LedgerStore  *store,
                const char   *out,
                GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (store, &error);
  g_autoptr(LedgerContext) context = NULL;
  g_autofree char *text = NULL;
  LedgerPlan *plan;

  if (plans == NULL || (context = plan_context (store, options, plans, &plan, &error)) == NULL)
    return fail (error);
  if ((text = ledger_ranking_export_csv (context, plan, &error)) == NULL)
    return fail (error);
  return write_csv (store, options, out, text);
}

/* The plans a period state is set for: --plan's, or every plan whose
 * years (and base year) hold the period. */
static GPtrArray *
plans_of_period (GPtrArray   *plans,
                 const char  *code,
                 const char  *period,
                 GError     **error)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  LedgerPeriod parsed;
  LedgerPlan *plan;

  if (code != NULL)
    {
      if ((plan = ledger_cli_find_plan (plans, code, error)) == NULL)
        return NULL;
      g_ptr_array_add (chosen, plan);
      return g_steal_pointer (&chosen);
    }
  for (guint i = 0; ledger_period_parse (period, &parsed) && i < plans->len; i++)
    {
      plan = g_ptr_array_index (plans, i);
      if (ledger_plan_years_hold (ledger_plan_get_first_year (plan), ledger_plan_get_last_year (plan), parsed.year))
        g_ptr_array_add (chosen, plan);
    }
  if (chosen->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("No plan has the period “%s”: write 2026-06, 2026-Q2 or 2026"), period);
      return NULL;
    }
  return g_steal_pointer (&chosen);
}

static int
set_period_state (LedgerStore       *store,
                  const char        *period,
                  LedgerPeriodState  state,
                  GVariantDict      *options)
{
  static const char *done[] = { N_("Reopened %s of “%s”\n"), N_("Marked %s of “%s” as reviewed\n"),
                                N_("Closed %s of “%s”\n") };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (store, &error);
  g_autoptr(GPtrArray) chosen = NULL;
  const char *code = NULL, *reason = NULL;

  g_variant_dict_lookup (options, "plan", "&s", &code);
  g_variant_dict_lookup (options, "reason", "&s", &reason);
  if (plans == NULL || (chosen = plans_of_period (plans, code, period, &error)) == NULL)
    return fail (error);
  for (guint i = 0; i < chosen->len; i++)
    {
      LedgerNode *plan = g_ptr_array_index (chosen, i);
      g_autofree char *month = NULL;

      if (!ledger_store_set_period_state (store, ledger_node_get_id (plan), period, state, reason, &error))
        return fail (error);
      month = ledger_period_month_of (period);
      g_print (_(done[state]), month, ledger_node_get_title (plan));
    }
  return 0;
}

static int
check (LedgerStore *store)
{
  g_autoptr(GString) report = g_string_new (NULL);
  LedgerTolerances tolerances;

  if (!ledger_store_check (store, report))
    {
      g_printerr ("%s", report->str);
      g_printerr ("target-ledger: %s\n", _("The ledger has problems"));
      return 1;
    }
  read_tolerances (&tolerances);
  ledger_cli_print_roll_up_gaps (store, tolerances.roll_up);
  g_print (_("%s: no problems found\n"), ledger_store_get_display_name (store));
  return 0;
}

/* An export onto the ledger, its files or backups, or onto what is not a
 * regular file is refused before any work; writing checks again. */
static gboolean
check_output (LedgerStore   *store,
              GVariantDict  *options,
              GError       **error)
{
  const char *path;

  for (guint i = 0; outputs[i] != NULL; i++)
    {
      if (g_variant_dict_lookup (options, outputs[i], "^&ay", &path) && !g_str_equal (path, "-") &&
          !ledger_output_file_check (path, ledger_store_get_path (store), error))
        return FALSE;
    }
  return TRUE;
}

static int
run_command (LedgerStore  *store,
             GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  const char *as_of = NULL;
  const char *path, *name;

  if (!check_output (store, options, &error))
    return fail (error);
  if (g_variant_dict_contains (options, "check"))
    return check (store);
  if (g_variant_dict_lookup (options, "export-changes", "^&ay", &path))
    {
      g_autofree char *text = ledger_csv_export_changes (store);

      return write_csv (store, options, path, text);
    }
  if (g_variant_dict_lookup (options, "backup", "^&ay", &path))
    return backup (store, path);
  if (g_variant_dict_lookup (options, "copy-ledger", "^&ay", &path))
    return copy_ledger (store, path);

  if (ledger_store_is_read_only (store) && !contains_any (options, reading_commands))
    {
      g_printerr ("target-ledger: ");
      g_printerr (_("The ledger “%s” is open for reading only: nothing was changed"),
                  ledger_store_get_display_name (store));
      g_printerr ("\n");
      return 1;
    }
  if (g_variant_dict_lookup (options, "restore", "^&ay", &path))
    return restore (store, path);
  /* A plan file imported into a new ledger takes the built-in plans' place. */
  if (g_variant_dict_lookup (options, "import-plan", "^&ay", &path))
    return import_plan (store, options, path);

  /* Like the window, the other commands see the built-in plans in a new
   * ledger. */
  if (!ledger_store_is_read_only (store) && !ledger_store_add_builtin_plans (store, &error))
    return fail (error);
  if (g_variant_dict_lookup (options, "export-plan", "^&ay", &path))
    return export_plan (store, path);
  if (g_variant_dict_lookup (options, "export-region-plan", "&s", &name))
    return export_region_plan (store, name, options);
  if (g_variant_dict_lookup (options, "export-csv", "^&ay", &path))
    return export_csv (store, options, path);
  if (g_variant_dict_lookup (options, "export-xlsx", "^&ay", &path))
    {
      g_variant_dict_lookup (options, "as-of", "&s", &as_of);
      return export_xlsx (store, path, as_of);
    }
  if (g_variant_dict_lookup (options, "import-csv", "^&ay", &path))
    return import_values (store, path, NULL);
  if (g_variant_dict_lookup (options, "import-sheet", "^&ay", &path))
    {
      const char *sheet_name = NULL;

      g_variant_dict_lookup (options, "sheet", "&s", &sheet_name);
      return import_values (store, path, sheet_name);
    }
  if (g_variant_dict_lookup (options, "export-package", "^&ay", &path))
    return export_package (store, path, options);
  if (g_variant_dict_contains (options, "import-package"))
    return import_packages (store, options);
  if (g_variant_dict_lookup (options, "report", "^&ay", &path))
    return report (store, path, options);
  if (g_variant_dict_lookup (options, "rename-unit", "&s", &name))
    return rename_unit (store, name, options);
  if (g_variant_dict_lookup (options, "confirm-unit", "&s", &name))
    return confirm_unit (store, name, options);
  if (g_variant_dict_lookup (options, "milestone-done", "&s", &name))
    return milestone_done (store, name, options);
  if (g_variant_dict_lookup (options, "export-completeness", "^&ay", &path))
    return export_completeness (store, path, options);
  if (g_variant_dict_lookup (options, "export-ranking", "^&ay", &path))
    return export_ranking (store, path, options);
  if (g_variant_dict_lookup (options, "review-period", "&s", &name))
    return set_period_state (store, name, LEDGER_PERIOD_REVIEWED, options);
  if (g_variant_dict_lookup (options, "close-period", "&s", &name))
    return set_period_state (store, name, LEDGER_PERIOD_CLOSED, options);
  if (g_variant_dict_lookup (options, "reopen-period", "&s", &name))
    return set_period_state (store, name, LEDGER_PERIOD_OPEN, options);
  if (g_variant_dict_lookup (options, "attach", "^&ay", &path))
    return ledger_cli_attach (store, path, options);
  if (g_variant_dict_lookup (options, "export-attachments", "^&ay", &path))
    return ledger_cli_export_attachments (store, path);
  g_return_val_if_reached (2);
}

/* Options given without their command: said before the ledger is even
 * opened (which would bring an older one up to date). */
static int
modifiers_alone (void)
{
  g_printerr ("target-ledger: %s\n",
              _("--unit, --from and --to go with --export-package, --prefer-ledger with --import-package, "
                "--as-of with --export-xlsx, --report or --export-completeness, --plan with --report, "
                "--rename-unit, --confirm-unit or a period's review, closing and reopening, --to with "
                "--rename-unit too, --reason with --reopen-period, --encoding with a CSV export, --due and --note "
                "with --milestone-done"));
  g_printerr ("target-ledger: %s\n", _("--sheet goes with --import-plan or --import-sheet; --plan-code, "
                                       "--plan-title and --year with --import-plan"));
  g_printerr ("target-ledger: %s\n", _("--code and --period go with --attach"));
  return 2;
}

/* Arguments without the command that takes them. */
static int
arguments_alone (GVariantDict *options)
{
  g_autofree const char **rest = NULL;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &rest);
  g_printerr ("target-ledger: ");
  g_printerr (_("What is “%s”? Only --export-region-plan takes an argument besides its option: "
                "--export-region-plan REGION OUT"), rest != NULL && rest[0] != NULL ? rest[0] : "");
  g_printerr ("\n");
  return 2;
}

/* Removes a ledger the failed command created, with SQLite's side files. */
static void
remove_new_ledger (const char *db_path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (db_path, suffixes[i], NULL);

      g_remove (file);
    }
}

/* A ledger changed outside the program is read, never written: its check
 * lists what was changed; an export says so first. */
static LedgerStore *
open_for_reading (const char    *db_path,
                  GVariantDict  *options,
                  GError       **error)
{
  if (!g_variant_dict_contains (options, "check"))
    {
      g_printerr ("target-ledger: %s\n", (*error)->message);
      g_printerr ("target-ledger: %s\n", _("It is opened for reading only"));
    }
  g_clear_error (error);
  return ledger_store_open_full (db_path, LEDGER_STORE_OPEN_READ_ONLY, error);
}

int
ledger_cli_run (const char   *db_path,
                GVariantDict *options)
{
  g_autoptr(LedgerStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;
  gboolean existed;
  int status;

  if (g_variant_dict_contains (options, G_OPTION_REMAINING) &&
      !g_variant_dict_contains (options, "export-region-plan"))
    return arguments_alone (options);
  if (!contains_any (options, commands))
    return modifiers_alone ();
  if (db_path == NULL)
    db_path = default_path = ledger_store_default_path ();

  /* A command that fails changes nothing: not even a new, empty ledger is
   * left behind. */
  existed = ledger_store_is_server_location (db_path) || g_file_test (db_path, G_FILE_TEST_EXISTS);
  if ((store = ledger_store_open (db_path, &error)) == NULL &&
      g_error_matches (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_UNEXPECTED_SCHEMA) &&
      contains_any (options, reading_commands))
    store = open_for_reading (db_path, options, &error);
  if (store == NULL)
    {
      if (!existed)
        remove_new_ledger (db_path);
      return fail (error);
    }
  status = run_command (store, options);
  g_clear_object (&store);
  if (status != 0 && !existed)
    remove_new_ledger (db_path);
  return status;
}
