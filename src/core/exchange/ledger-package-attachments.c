/* ledger-package-attachments.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-package"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-indicator-index.h"
#include "ledger-package-attachments.h"

/* The files of data packages (佐证材料, docs/package-format.md) sorted for
 * a merge: a file the ledger lacks is added; one it holds under the same
 * name is left; the same name with another content (in the ledger, or in
 * another package), an indicator the ledger does not have or a period it
 * does not take is refused, with the reason. */

static void
incoming_free (LedgerIncomingAttachment *incoming)
{
  g_clear_object (&incoming->attachment);
  g_bytes_unref (incoming->content);
  g_free ((char *) incoming->origin);
  g_free (incoming);
}

void
ledger_package_files_init (LedgerPackageFiles *files)
{
  files->added = g_ptr_array_new_with_free_func ((GDestroyNotify) incoming_free);
  files->refused = g_ptr_array_new_with_free_func (g_free);
  files->n_unchanged = 0;
}

void
ledger_package_files_clear (LedgerPackageFiles *files)
{
  g_clear_pointer (&files->added, g_ptr_array_unref);
  g_clear_pointer (&files->refused, g_ptr_array_unref);
}

static void
refuse (LedgerPackageFiles            *files,
        LedgerPackage                 *package,
        const LedgerPackageAttachment *attachment,
        const char                    *reason)
{
  /* Translators: a file refused by a merge: its name, indicator, period, package, the reason */
  g_ptr_array_add (files->refused, g_strdup_printf (_("%s (%s, %s, %s): %s"), attachment->name,
                                                    attachment->code[0] != '\0' ? attachment->code
                                                                                : attachment->indicator,
                                                    attachment->period, ledger_package_get_origin (package),
                                                    reason));
}

/* The SHA-256 of @name on the period, in the ledger or added already by
 * an earlier package; %NULL if neither has it. */
static const char *
sha256_of_name (LedgerStore        *store,
                LedgerPackageFiles *files,
                LedgerIndicator    *indicator,
                const char         *period,
                const char         *name,
                GPtrArray         **ledger_list)
{
  *ledger_list = ledger_store_list_attachments (store, ledger_indicator_get_id (indicator), period, NULL);
  for (guint i = 0; *ledger_list != NULL && i < (*ledger_list)->len; i++)
    if (g_str_equal (ledger_attachment_get_name (g_ptr_array_index (*ledger_list, i)), name))
      return ledger_attachment_get_sha256 (g_ptr_array_index (*ledger_list, i));
  for (guint i = 0; i < files->added->len; i++)
    {
      LedgerAttachment *added = ((LedgerIncomingAttachment *) g_ptr_array_index (files->added, i))->attachment;

      if (ledger_attachment_get_indicator_id (added) == ledger_indicator_get_id (indicator) &&
          g_str_equal (ledger_attachment_get_period (added), period) &&
          g_str_equal (ledger_attachment_get_name (added), name))
        return ledger_attachment_get_sha256 (added);
    }
  return NULL;
}

static void
sort_one (LedgerStore                   *store,
          LedgerIndicatorIndex          *index,
          LedgerPackageFiles            *files,
          LedgerPackage                 *package,
          const LedgerPackageAttachment *attachment)
{
  LedgerIndicator *indicator = ledger_indicator_index_find_uuid (index, attachment->indicator);
  g_autoptr(GPtrArray) ledger_list = NULL;
  LedgerIncomingAttachment *incoming;
  LedgerPeriod period;
  const char *held;

  if (indicator == NULL)
    return refuse (files, package, attachment, _("the ledger has no such indicator"));
  if (!ledger_period_parse (attachment->period, &period) ||
      ledger_indicator_index_fit (index, indicator, &period) != LEDGER_INDICATOR_TAKES)
    return refuse (files, package, attachment, _("not a period of the indicator"));
  held = sha256_of_name (store, files, indicator, attachment->period, attachment->name, &ledger_list);
  if (held != NULL && g_str_equal (held, attachment->sha256))
    {
      files->n_unchanged++;
      return;
    }
  if (held != NULL)
    return refuse (files, package, attachment, _("another file of that name is attached already"));

  incoming = g_new0 (LedgerIncomingAttachment, 1);
  incoming->attachment = ledger_attachment_new ("", ledger_indicator_get_id (indicator), attachment->period,
                                                attachment->name, attachment->media_type, attachment->sha256,
                                                g_bytes_get_size (attachment->content), "", "");
  incoming->content = g_bytes_ref (attachment->content);
  incoming->origin = g_strdup (ledger_package_get_origin (package));
  g_ptr_array_add (files->added, incoming);
}

/* Sorts the files of @packages into @files. */
gboolean
ledger_package_files_sort (LedgerStore         *store,
                           GPtrArray           *packages,
                           LedgerPackageFiles  *files,
                           GError             **error)
{
  g_autoptr(LedgerIndicatorIndex) index = ledger_indicator_index_new (store, error);

  if (index == NULL)
    return FALSE;
  for (guint p = 0; p < packages->len; p++)
    {
      LedgerPackage *package = g_ptr_array_index (packages, p);

      for (guint i = 0; i < ledger_package_get_n_attachments (package); i++)
        sort_one (store, index, files, package, ledger_package_get_attachment (package, i));
    }
  return TRUE;
}
