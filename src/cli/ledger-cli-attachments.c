/* ledger-cli-attachments.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ledger-cli-attachments.h"
#include "ledger-output-file.h"
#include "ledger-settings.h"

/* --attach FILE --code CODE --period PERIOD [--plan CODE] and
 * --export-attachments DIR (docs/attachments.md). */

static int
fail (GError *error)
{
  g_printerr ("target-ledger: %s\n", error->message);
  return 1;
}

typedef struct
{
  const char      *code;
  LedgerIndicator *found;
} Search;

static void
search_cb (LedgerNode      *area,
           LedgerNode      *task,
           LedgerIndicator *indicator,
           gpointer         user_data)
{
  Search *search = user_data;

  if (search->found == NULL && g_str_equal (ledger_indicator_get_code (indicator), search->code))
    search->found = indicator;
}

static LedgerIndicator *
find_indicator (LedgerPlan  *plan,
                const char  *code,
                GError     **error)
{
  Search search = { code, NULL };

  ledger_plan_foreach_indicator (plan, search_cb, &search);
  if (search.found == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The plan “%s” has no indicator “%s”"),
                 ledger_node_get_title (LEDGER_NODE (plan)), code);
  return search.found;
}

int
ledger_cli_attach (LedgerStore  *store,
                   const char   *path,
                   GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (store, &error);
  g_autoptr(GSettings) settings = ledger_settings_new_if_installed ();
  g_autoptr(LedgerAttachment) attachment = NULL;
  g_autofree char *size = NULL;
  const char *plan_code = NULL, *code = NULL, *period = NULL;
  LedgerIndicator *indicator;
  LedgerPlan *plan;

  g_variant_dict_lookup (options, "plan", "&s", &plan_code);
  if (!g_variant_dict_lookup (options, "code", "&s", &code) ||
      !g_variant_dict_lookup (options, "period", "&s", &period))
    {
      g_printerr ("target-ledger: %s\n", _("--attach needs --code and --period"));
      return 2;
    }
  if (plans == NULL || (plan = ledger_cli_find_plan (plans, plan_code, &error)) == NULL ||
      (indicator = find_indicator (plan, code, &error)) == NULL)
    return fail (error);
  attachment = ledger_store_add_attachment (store, ledger_indicator_get_id (indicator), period, path, NULL,
                                            ledger_settings_attachment_limit (settings), NULL, &error);
  if (attachment == NULL)
    return fail (error);
  size = g_format_size (ledger_attachment_get_size (attachment));
  /* Translators: the file's name, its size, the indicator, the period, the SHA-256 */
  g_print (_("Attached “%s” (%s) to %s %s, SHA-256 %s\n"), ledger_attachment_get_name (attachment), size,
           ledger_indicator_get_name (indicator), period, ledger_attachment_get_sha256 (attachment));
  return 0;
}

typedef struct
{
  GHashTable *codes;  /* indicator id → code */
} Codes;

static void
code_cb (LedgerNode      *area,
         LedgerNode      *task,
         LedgerIndicator *indicator,
         gpointer         user_data)
{
  GHashTable *codes = user_data;
  gint64 *id = g_new (gint64, 1);

  *id = ledger_indicator_get_id (indicator);
  g_hash_table_insert (codes, id, g_strdup (ledger_indicator_get_code (indicator)));
}

/* indicator id → "plan-code/indicator-code" */
static GHashTable *
indicator_names (GPtrArray *plans)
{
  GHashTable *codes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = 0; i < plans->len; i++)
    ledger_plan_foreach_indicator (g_ptr_array_index (plans, i), code_cb, codes);
  return codes;
}

/* @folder/@name, or @folder/"NAME (2).EXT" and so on if an attachment of
 * this export took it already: names that differ only in what a file name
 * cannot hold ("a/b.pdf", "a_b.pdf") are both written. */
static char *
untaken_path (GHashTable *taken,
              const char *folder,
              const char *name)
{
  const char *dot = strrchr (name, '.');
  gsize stem_length = dot != NULL ? (gsize) (dot - name) : strlen (name);
  char *path = g_build_filename (folder, name, NULL);

  for (guint n = 2; g_hash_table_contains (taken, path); n++)
    {
      g_autofree char *numbered = g_strdup_printf ("%.*s (%u)%s", (int) stem_length, name, n,
                                                   dot != NULL ? dot : "");

      g_free (path);
      path = g_build_filename (folder, numbered, NULL);
    }
  g_hash_table_add (taken, g_strdup (path));
  return path;
}

/* Each attachment as DIR/INDICATOR/PERIOD/NAME. */
int
ledger_cli_export_attachments (LedgerStore *store,
                               const char  *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (store, &error);
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GHashTable) codes = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (plans == NULL || (attachments = ledger_store_list_attachments (store, 0, NULL, &error)) == NULL)
    return fail (error);
  codes = indicator_names (plans);
  for (guint i = 0; i < attachments->len; i++)
    {
      LedgerAttachment *attachment = g_ptr_array_index (attachments, i);
      gint64 id = ledger_attachment_get_indicator_id (attachment);
      const char *code = g_hash_table_lookup (codes, &id);
      g_autofree char *safe_code = ledger_attachment_safe_name (code != NULL ? code : "_");
      g_autofree char *safe_period = ledger_attachment_safe_name (ledger_attachment_get_period (attachment));
      g_autofree char *safe_name = ledger_attachment_safe_name (ledger_attachment_get_name (attachment));
      g_autofree char *folder = g_build_filename (dir, safe_code, safe_period, NULL);
      g_autofree char *path = untaken_path (taken, folder, safe_name);

      /* Checked before its folder is made: none is made in the backups folder. */
      if (!ledger_output_file_check (path, ledger_store_get_path (store), &error))
        return fail (error);
      if (g_mkdir_with_parents (folder, 0755) != 0)
        {
          int saved_errno = errno;

          g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not create the folder “%s”: %s"), folder, g_strerror (saved_errno));
          return fail (error);
        }
      if (!ledger_store_save_attachment (store, attachment, path, &error))
        return fail (error);
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u attachment to %s\n", "Wrote %u attachments to %s\n",
                        attachments->len), attachments->len, dir);
  return 0;
}

/* What an import of packages does with their files (佐证材料). */
void
ledger_cli_print_merged_files (const LedgerPackageFiles *files)
{
  if (files->added->len + files->refused->len + files->n_unchanged == 0)
    return;
  g_print (_("Files: added %u, already in the ledger %u, refused %u\n"), files->added->len,
           files->n_unchanged, files->refused->len);
  for (guint i = 0; i < files->refused->len; i++)
    g_print (_("Refused file: %s\n"), (const char *) g_ptr_array_index (files->refused, i));
}
