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

#include "ledger-cli.h"
#include "ledger-csv-exchange.h"
#include "ledger-plan-file.h"
#include "ledger-report.h"
#include "ledger-settings.h"
#include "ledger-store.h"

/* The commands that work without a window (DESIGN.md §8). Each prints a
 * clear message and returns non-zero on failure, having changed nothing. */

static const char *commands[] = { "export-csv", "import-csv", "export-plan", "import-plan",
                                  "export-changes", "backup", "restore", "check", "report", NULL };

gboolean
ledger_cli_wants_command (GVariantDict *options)
{
  for (guint i = 0; commands[i] != NULL; i++)
    {
      if (g_variant_dict_contains (options, commands[i]))
        return TRUE;
    }
  return FALSE;
}

static int
fail (GError *error)
{
  g_printerr ("target-ledger: %s\n", error->message);
  return 1;
}

static int write_text (const char *out, const char *text);

/* The tolerances of the preferences, as the window would judge. */
static void
read_tolerances (LedgerTolerances *tolerances)
{
  g_autoptr(GSettings) settings = ledger_settings_new_if_installed ();

  ledger_settings_read_tolerances (settings, tolerances);
}

static int
export_csv (LedgerStore *store,
            const char  *out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  LedgerTolerances tolerances;

  read_tolerances (&tolerances);
  if ((text = ledger_csv_export_ledger (store, &tolerances, &error)) == NULL)
    return fail (error);
  return write_text (out, text);
}

static int
import_csv (LedgerStore *store,
            const char  *in)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = g_path_get_basename (in);
  gsize length;
  guint n_values = 0;

  if (!g_file_get_contents (in, &data, &length, &error))
    return fail (error);
  if (!ledger_csv_import_values (store, data, length, name, &n_values, &error))
    {
      g_printerr ("target-ledger: %s: %s\n", in, error->message);
      g_printerr ("target-ledger: %s\n", _("Nothing was imported"));
      return 1;
    }
  g_print (ngettext ("Imported %u value from %s\n", "Imported %u values from %s\n", n_values),
           n_values, in);
  return 0;
}

static int
write_text (const char *out,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (out, "-"))
    {
      if (fputs (text, stdout) < 0 || fflush (stdout) != 0)
        {
          g_printerr ("target-ledger: %s\n", _("Could not write to standard output"));
          return 1;
        }
      return 0;
    }
  /* g_file_set_contents writes a temporary file and renames it: the old
   * file stays whole if anything fails. */
  if (!g_file_set_contents (out, text, -1, &error))
    return fail (error);
  return 0;
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
  text = ledger_plan_file_to_data (plans);
  return write_text (out, text);
}

static int
import_plan (LedgerStore *store,
             const char  *in)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (in);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_plan_file_load (file, &error);

  if (plans == NULL || !ledger_store_add_plans (store, plans, &error))
    {
      g_printerr ("target-ledger: %s: %s\n", in, error->message);
      g_printerr ("target-ledger: %s\n", _("No plan was added"));
      return 1;
    }
  for (guint i = 0; i < plans->len; i++)
    g_print (_("Added the plan “%s”\n"), ledger_node_get_title (g_ptr_array_index (plans, i)));
  return 0;
}

static int
backup (LedgerStore *store,
        const char  *out)
{
  g_autoptr(GError) error = NULL;

  if (!ledger_store_backup_to (store, out, &error))
    return fail (error);
  g_print (_("Backed up %s to %s\n"), ledger_store_get_path (store), out);
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
static LedgerPlan *
find_plan (GPtrArray   *plans,
           const char  *code,
           GError     **error)
{
  g_autoptr(GString) codes = g_string_new (NULL);

  if (code == NULL && plans->len > 0)
    return g_ptr_array_index (plans, 0);
  for (guint i = 0; i < plans->len; i++)
    {
      LedgerPlan *plan = g_ptr_array_index (plans, i);

      if (g_strcmp0 (ledger_plan_get_code (plan), code) == 0)
        return plan;
      g_string_append_printf (codes, "%s%s", i > 0 ? ", " : "", ledger_plan_get_code (plan));
    }
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

  if (period == NULL)
    return ledger_store_get_default_as_of (store, plan, now);
  if (!ledger_period_parse (period, &parsed))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a period: write 2026-06, 2026-Q2 or 2026"), period);
      return NULL;
    }
  if (!ledger_plan_covers_year (plan, parsed.year))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The period “%s” is outside the years of the plan “%s” (%d–%d)"),
                   period, ledger_node_get_title (LEDGER_NODE (plan)), first, last);
      return NULL;
    }
  return ledger_period_as_of_for (period, first, last);
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
  g_autofree char *as_of = NULL;
  g_autofree char *as_of_label = NULL;
  const char *code = NULL, *period = NULL;
  LedgerTolerances tolerances;
  LedgerPlan *plan;

  g_variant_dict_lookup (options, "plan", "&s", &code);
  g_variant_dict_lookup (options, "as-of", "&s", &period);
  if (plans == NULL || (plan = find_plan (plans, code, &error)) == NULL ||
      (as_of = resolve_as_of (store, plan, period, &error)) == NULL)
    return fail (error);

  context = ledger_context_new (store);
  read_tolerances (&tolerances);
  ledger_context_set_tolerances (context, &tolerances);
  ledger_context_set_as_of (context, as_of);
  report = ledger_report_new (context, plan);
  if (!ledger_report_write_pdf (report, out, &error))
    return fail (error);
  as_of_label = ledger_period_as_of_label (as_of);
  /* Translators: the plan's title, its period, the file */
  g_print (_("Wrote the report on “%s” as of %s to %s\n"), ledger_node_get_title (LEDGER_NODE (plan)),
           as_of_label, out);
  return 0;
}

static int
check (LedgerStore *store)
{
  g_autoptr(GString) report = g_string_new (NULL);

  if (!ledger_store_check (store, report))
    {
      g_printerr ("%s", report->str);
      g_printerr ("target-ledger: %s\n", _("The ledger has problems"));
      return 1;
    }
  g_print (_("%s: no problems found\n"), ledger_store_get_path (store));
  return 0;
}

static int
run_command (LedgerStore  *store,
             GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  const char *path;

  if (g_variant_dict_contains (options, "check"))
    return check (store);
  if (g_variant_dict_lookup (options, "export-changes", "^&ay", &path))
    {
      g_autofree char *text = ledger_csv_export_changes (store);

      return write_text (path, text);
    }
  if (g_variant_dict_lookup (options, "backup", "^&ay", &path))
    return backup (store, path);
  if (g_variant_dict_lookup (options, "restore", "^&ay", &path))
    return restore (store, path);
  /* A plan file imported into a new ledger takes the built-in plans' place. */
  if (g_variant_dict_lookup (options, "import-plan", "^&ay", &path))
    return import_plan (store, path);

  /* Like the window, the other commands see the built-in plans in a new
   * ledger. */
  if (!ledger_store_add_builtin_plans (store, &error))
    return fail (error);
  if (g_variant_dict_lookup (options, "export-plan", "^&ay", &path))
    return export_plan (store, path);
  if (g_variant_dict_lookup (options, "export-csv", "^&ay", &path))
    return export_csv (store, path);
  if (g_variant_dict_lookup (options, "import-csv", "^&ay", &path))
    return import_csv (store, path);
  if (g_variant_dict_lookup (options, "report", "^&ay", &path))
    return report (store, path, options);
  g_return_val_if_reached (2);
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

int
ledger_cli_run (const char   *db_path,
                GVariantDict *options)
{
  g_autoptr(LedgerStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;
  gboolean existed;
  int status;

  if (db_path == NULL)
    db_path = default_path = ledger_store_default_path ();

  /* A command that fails changes nothing: not even a new, empty ledger is
   * left behind. */
  existed = g_file_test (db_path, G_FILE_TEST_EXISTS);
  if ((store = ledger_store_open (db_path, &error)) == NULL)
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
