/* ledger-cli.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ledger-cli.h"
#include "ledger-csv-exchange.h"
#include "ledger-settings.h"
#include "ledger-store.h"

/* The commands that work without a window (DESIGN.md §8). Each prints a
 * clear message and returns non-zero on failure, having changed nothing. */

static const char *commands[] = { "export-csv", "import-csv", "check", NULL };

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

static int
export_csv (LedgerStore *store,
            const char  *out)
{
  g_autoptr(GSettings) settings = ledger_settings_new_if_installed ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  LedgerTolerances tolerances;

  ledger_settings_read_tolerances (settings, &tolerances);
  text = ledger_csv_export_ledger (store, &tolerances, &error);

  if (text == NULL)
    return fail (error);

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

int
ledger_cli_run (const char   *db_path,
                GVariantDict *options)
{
  g_autoptr(LedgerStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;
  const char *path;

  if (db_path == NULL)
    db_path = default_path = ledger_store_default_path ();

  if ((store = ledger_store_open (db_path, &error)) == NULL)
    return fail (error);
  if (g_variant_dict_contains (options, "check"))
    return check (store);

  /* Like the window, the commands see the built-in plan in a new ledger. */
  if (!ledger_store_add_builtin_plans (store, &error))
    return fail (error);
  if (g_variant_dict_lookup (options, "export-csv", "^&ay", &path))
    return export_csv (store, path);
  if (g_variant_dict_lookup (options, "import-csv", "^&ay", &path))
    return import_csv (store, path);
  g_return_val_if_reached (2);
}
