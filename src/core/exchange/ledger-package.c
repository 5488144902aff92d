/* ledger-package.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-package"

#include "config.h"

#include "ledger-json.h"
#include "ledger-package-private.h"

/* A data package as read from its file (docs/package-format.md): whole,
 * its periods within its range, each indicator and period once. Reading
 * is in ledger-package-read.c. */

static void
attachment_free (LedgerPackageAttachment *attachment)
{
  g_free (attachment->indicator);
  g_free (attachment->code);
  g_free (attachment->period);
  g_free (attachment->name);
  g_free (attachment->media_type);
  g_free (attachment->sha256);
  g_bytes_unref (attachment->content);
  g_free (attachment);
}

G_DEFINE_FINAL_TYPE (LedgerPackage, ledger_package, G_TYPE_OBJECT)

G_DEFINE_QUARK (ledger-package-error-quark, ledger_package_error)

static void
plan_free (LedgerPackagePlan *plan)
{
  g_free (plan->uuid);
  g_free (plan->code);
  g_free (plan->title);
  g_free (plan->for_region);
  g_free (plan);
}

static void
entry_free (LedgerPackageEntry *entry)
{
  g_free (entry->indicator);
  g_free (entry->code);
  g_free (entry->name);
  g_clear_object (&entry->value);
  g_free (entry);
}

static void
ledger_package_finalize (GObject *object)
{
  LedgerPackage *self = LEDGER_PACKAGE (object);

  g_free (self->unit);
  g_free (self->from);
  g_free (self->to);
  g_free (self->exported_at);
  g_free (self->exported_by);
  g_free (self->file_name);
  g_free (self->origin);
  g_ptr_array_unref (self->plans);
  g_ptr_array_unref (self->entries);
  g_ptr_array_unref (self->attachments);

  G_OBJECT_CLASS (ledger_package_parent_class)->finalize (object);
}

static void
ledger_package_class_init (LedgerPackageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ledger_package_finalize;
}

static void
ledger_package_init (LedgerPackage *self)
{
  self->plans = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_free);
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) attachment_free);
}

void
ledger_package_add_plan (LedgerPackage *self,
                         const char    *uuid,
                         const char    *code,
                         const char    *title,
                         const char    *for_region)
{
  LedgerPackagePlan *plan = g_new0 (LedgerPackagePlan, 1);

  plan->uuid = g_ascii_strdown (uuid, -1);
  plan->code = g_strdup (code);
  plan->title = g_strdup (title);
  plan->for_region = g_strdup (for_region != NULL ? for_region : "");
  g_ptr_array_add (self->plans, plan);
}

/* Returns: (transfer full): the package in @file, or %NULL with @error set */
LedgerPackage *
ledger_package_load (GFile   *file,
                     GError **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!ledger_json_load_file (file, LEDGER_JSON_MAX_PACKAGE, &data, &length, error))
    return NULL;
  name = g_file_get_basename (file);
  return ledger_package_read (data, length, name, error);
}

/* The responsible unit that exported the package: "市统计局" */
const char *
ledger_package_get_unit (LedgerPackage *self)
{
  g_return_val_if_fail (LEDGER_IS_PACKAGE (self), NULL);
  return self->unit;
}

/* The first period of the package's range, as a code: "2026-01" */
const char *
ledger_package_get_from (LedgerPackage *self)
{
  g_return_val_if_fail (LEDGER_IS_PACKAGE (self), NULL);
  return self->from;
}

/* The last period of the package's range, as a code: "2026-06" */
const char *
ledger_package_get_to (LedgerPackage *self)
{
  g_return_val_if_fail (LEDGER_IS_PACKAGE (self), NULL);
  return self->to;
}

/* When it was exported (ISO 8601), or "" */
const char *
ledger_package_get_exported_at (LedgerPackage *self)
{
  g_return_val_if_fail (LEDGER_IS_PACKAGE (self), NULL);
  return self->exported_at;
}

/* Who exported it, or "" */
const char *
ledger_package_get_exported_by (LedgerPackage *self)
{
  g_return_val_if_fail (LEDGER_IS_PACKAGE (self), NULL);
  return self->exported_by;
}

const char *
ledger_package_get_file_name (LedgerPackage *self)
{
  g_return_val_if_fail (LEDGER_IS_PACKAGE (self), NULL);
  return self->file_name;
}

/* Where its values come from, for the change log: "市统计局 · stats-2026-06.tlpkg" */
const char *
ledger_package_get_origin (LedgerPackage *self)
{
  g_return_val_if_fail (LEDGER_IS_PACKAGE (self), NULL);
  return self->origin;
}

guint
ledger_package_get_n_plans (LedgerPackage *self)
{
  g_return_val_if_fail (LEDGER_IS_PACKAGE (self), 0);
  return self->plans->len;
}

const LedgerPackagePlan *
ledger_package_get_plan (LedgerPackage *self,
                         guint          index)
{
  g_return_val_if_fail (LEDGER_IS_PACKAGE (self), NULL);
  g_return_val_if_fail (index < self->plans->len, NULL);
  return g_ptr_array_index (self->plans, index);
}

guint
ledger_package_get_n_entries (LedgerPackage *self)
{
  g_return_val_if_fail (LEDGER_IS_PACKAGE (self), 0);
  return self->entries->len;
}

const LedgerPackageEntry *
ledger_package_get_entry (LedgerPackage *self,
                          guint          index)
{
  g_return_val_if_fail (LEDGER_IS_PACKAGE (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return g_ptr_array_index (self->entries, index);
}

guint
ledger_package_get_n_attachments (LedgerPackage *self)
{
  g_return_val_if_fail (LEDGER_IS_PACKAGE (self), 0);
  return self->attachments->len;
}

/* Returns: (transfer none): a file attached to one of the package's values */
const LedgerPackageAttachment *
ledger_package_get_attachment (LedgerPackage *self,
                               guint          index)
{
  g_return_val_if_fail (LEDGER_IS_PACKAGE (self), NULL);
  g_return_val_if_fail (index < self->attachments->len, NULL);
  return g_ptr_array_index (self->attachments, index);
}
