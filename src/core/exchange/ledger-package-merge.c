/* ledger-package-merge.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-package"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-package-sort.h"
#include "ledger-status.h"

/* Merging data packages into the ledger: values meet by indicator UUID and
 * period. A cell the ledger does not fill yet and one package fills is
 * added; one that already holds the same value is unchanged; any other is
 * a conflict, listed with every candidate for the user to choose. Nothing
 * the ledger holds is overwritten unless the user chooses a package's
 * value. Applying writes everything in one transaction, each value with
 * its package as the change log's origin. */

struct _LedgerPackageMerge
{
  GObject               parent_instance;

  LedgerStore          *store;
  GPtrArray            *packages;
  LedgerPackageSorting  sorting;
  LedgerPackageFiles    files;
  gboolean              applied;
};

G_DEFINE_FINAL_TYPE (LedgerPackageMerge, ledger_package_merge, G_TYPE_OBJECT)

static void
ledger_package_merge_finalize (GObject *object)
{
  LedgerPackageMerge *self = LEDGER_PACKAGE_MERGE (object);

  ledger_package_sorting_clear (&self->sorting);
  ledger_package_files_clear (&self->files);
  g_clear_object (&self->store);
  g_clear_pointer (&self->packages, g_ptr_array_unref);

  G_OBJECT_CLASS (ledger_package_merge_parent_class)->finalize (object);
}

static void
ledger_package_merge_class_init (LedgerPackageMergeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ledger_package_merge_finalize;
}

static void
ledger_package_merge_init (LedgerPackageMerge *self)
{
  ledger_package_sorting_init (&self->sorting);
  ledger_package_files_init (&self->files);
}

/**
 * ledger_package_merge_new:
 * @packages: (element-type LedgerPackage): the packages to merge, in the
 *   order to list them
 * @checks: (nullable): the thresholds of the checks on entry; %NULL for
 *   the defaults
 *
 * Works out what merging @packages into the ledger would do, writing
 * nothing: the values to add, those the ledger already holds, the
 * conflicts and the values refused, each with its reason.
 *
 * Returns: (transfer full): the merge, or %NULL with @error set when the
 *   ledger cannot be read
 */
LedgerPackageMerge *
ledger_package_merge_new (LedgerStore             *store,
                          GPtrArray               *packages,
                          const LedgerCheckLimits *checks,
                          GError                 **error)
{
  g_autoptr(LedgerPackageMerge) self = NULL;

  g_return_val_if_fail (LEDGER_IS_STORE (store), NULL);
  g_return_val_if_fail (packages != NULL, NULL);

  self = g_object_new (LEDGER_TYPE_PACKAGE_MERGE, NULL);
  self->store = g_object_ref (store);
  self->packages = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < packages->len; i++)
    g_ptr_array_add (self->packages, g_object_ref (g_ptr_array_index (packages, i)));

  if (!ledger_package_sort (store, self->packages, checks, &self->sorting, error) ||
      !ledger_package_files_sort (store, self->packages, &self->files, error))
    return NULL;
  return g_steal_pointer (&self);
}

guint
ledger_package_merge_get_n_added (LedgerPackageMerge *self)
{
  g_return_val_if_fail (LEDGER_IS_PACKAGE_MERGE (self), 0);
  return self->sorting.added->len;
}

/* The values the ledger has no value for yet, that one package or several
 * that agree give. */
/* Returns: (transfer none): a row to add, with its origin */
LedgerImportRow *
ledger_package_merge_get_added (LedgerPackageMerge *self,
                                guint               index)
{
  g_return_val_if_fail (LEDGER_IS_PACKAGE_MERGE (self), NULL);
  g_return_val_if_fail (index < self->sorting.added->len, NULL);
  return g_ptr_array_index (self->sorting.added, index);
}

guint
ledger_package_merge_get_n_unchanged (LedgerPackageMerge *self)
{
  g_return_val_if_fail (LEDGER_IS_PACKAGE_MERGE (self), 0);
  return self->sorting.unchanged->len;
}

guint
ledger_package_merge_get_n_conflicts (LedgerPackageMerge *self)
{
  g_return_val_if_fail (LEDGER_IS_PACKAGE_MERGE (self), 0);
  return self->sorting.conflicts->len;
}

/* Returns: (transfer none): a cell in conflict: a row to change, with its
 * candidates and the one chosen */
LedgerImportRow *
ledger_package_merge_get_conflict (LedgerPackageMerge *self,
                                   guint               index)
{
  g_return_val_if_fail (LEDGER_IS_PACKAGE_MERGE (self), NULL);
  g_return_val_if_fail (index < self->sorting.conflicts->len, NULL);
  return g_ptr_array_index (self->sorting.conflicts, index);
}

guint
ledger_package_merge_get_n_refused (LedgerPackageMerge *self)
{
  g_return_val_if_fail (LEDGER_IS_PACKAGE_MERGE (self), 0);
  return self->sorting.refused->len;
}

/* Returns: (transfer none): a value refused, with its reason, its code as
 * written and its package as the origin */
LedgerImportRow *
ledger_package_merge_get_refused (LedgerPackageMerge *self,
                                  guint               index)
{
  g_return_val_if_fail (LEDGER_IS_PACKAGE_MERGE (self), NULL);
  g_return_val_if_fail (index < self->sorting.refused->len, NULL);
  return g_ptr_array_index (self->sorting.refused, index);
}

/**
 * ledger_package_merge_choose:
 * @candidate_index: the candidate to keep, or -1 to leave the cell as the
 *   ledger has it
 *
 * Resolves a conflict. Choosing the ledger's own candidate (or -1) writes
 * nothing; choosing a package's writes that value on apply.
 *
 * Returns: %FALSE if either index is out of range
 */
gboolean
ledger_package_merge_choose (LedgerPackageMerge *self,
                             guint               conflict_index,
                             int                 candidate_index)
{
  g_return_val_if_fail (LEDGER_IS_PACKAGE_MERGE (self), FALSE);

  return conflict_index < self->sorting.conflicts->len &&
         ledger_import_row_choose (g_ptr_array_index (self->sorting.conflicts, conflict_index), candidate_index);
}

/* Returns: how many conflicts between packages are left with nothing
 * chosen: those cells stay empty */
guint
ledger_package_merge_count_unresolved (LedgerPackageMerge *self)
{
  guint count = 0;

  g_return_val_if_fail (LEDGER_IS_PACKAGE_MERGE (self), 0);

  for (guint i = 0; i < self->sorting.conflicts->len; i++)
    {
      LedgerImportRow *conflict = g_ptr_array_index (self->sorting.conflicts, i);

      count += ledger_import_row_get_value (conflict) == NULL && ledger_import_row_get_old (conflict) == NULL;
    }
  return count;
}

/* A value apply writes, with its origin, and what the ledger held in its
 * cell at the preview (or %NULL). */
typedef struct
{
  LedgerIndicator *indicator;
  LedgerValue     *value;
  const char      *origin;
  LedgerValue     *expected;
} Write;

static void
add_write (GArray          *writes,
           LedgerImportRow *row)
{
  Write write = { ledger_import_row_get_indicator (row), ledger_import_row_get_value (row),
                  ledger_import_row_get_origin (row), ledger_import_row_get_old (row) };

  g_array_append_val (writes, write);
}

/* Returns: (transfer full) (element-type Write): what apply writes: the
 * added values and the conflicts resolved to a package's value */
static GArray *
collect_writes (LedgerPackageMerge *self)
{
  GArray *writes = g_array_new (FALSE, FALSE, sizeof (Write));

  for (guint i = 0; i < self->sorting.added->len; i++)
    add_write (writes, g_ptr_array_index (self->sorting.added, i));
  for (guint i = 0; i < self->sorting.conflicts->len; i++)
    {
      LedgerImportRow *conflict = g_ptr_array_index (self->sorting.conflicts, i);
      int chosen = ledger_import_row_get_chosen (conflict);

      if (chosen >= 0 && !ledger_import_row_get_candidate (conflict, (guint) chosen)->in_ledger)
        add_write (writes, conflict);
    }
  return writes;
}

/* Returns: how many values apply would write */
guint
ledger_package_merge_count_writes (LedgerPackageMerge *self)
{
  g_autoptr(GArray) writes = NULL;

  g_return_val_if_fail (LEDGER_IS_PACKAGE_MERGE (self), 0);

  writes = collect_writes (self);
  return writes->len;
}

/* The preview holds for the ledger as it was: if a cell to be written
 * changed since (another window, an undo), nothing is written. The store
 * checks it inside the import's transaction; this says which cell. */
static void
set_stale_error (Write   *write,
                 GError **error)
{
  g_set_error (error, LEDGER_PACKAGE_ERROR, LEDGER_PACKAGE_ERROR_STALE,
               _("The ledger’s value of %s for %s has changed since the packages were read; "
                 "nothing was imported. Read them again."),
               ledger_indicator_get_name (write->indicator), ledger_value_get_period (write->value));
}

/**
 * ledger_package_merge_apply:
 *
 * Writes the added values and the conflicts resolved to a package's
 * value, in one transaction (one step of undo), each with its package as
 * the origin in the change log. On any error nothing is written.
 *
 * Returns: %TRUE when all was written (or there was nothing to write)
 */
gboolean
ledger_package_merge_apply (LedgerPackageMerge  *self,
                            GError             **error)
{
  return ledger_package_merge_apply_reporting (self, NULL, NULL, error);
}

/**
 * ledger_package_merge_apply_reporting:
 * @progress: (nullable): told of each batch of values written
 * @cancellable: (nullable): cancelled before the commit (while the
 *   ledger is locked by another program, say), nothing is written
 *
 * ledger_package_merge_apply() for a job that shows how far it has come.
 */
gboolean
ledger_package_merge_apply_reporting (LedgerPackageMerge  *self,
                                      LedgerJobProgress   *progress,
                                      GCancellable        *cancellable,
                                      GError             **error)
{
  g_autoptr(GArray) writes = NULL;
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GPtrArray) origins = g_ptr_array_new ();
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autoptr(GError) local_error = NULL;
  guint changed = 0;

  g_return_val_if_fail (LEDGER_IS_PACKAGE_MERGE (self), FALSE);
  g_return_val_if_fail (!self->applied, FALSE);

  writes = collect_writes (self);
  ledger_job_progress_report (progress, 0, writes->len);
  for (guint i = 0; i < writes->len; i++)
    {
      g_ptr_array_add (values, g_array_index (writes, Write, i).value);
      g_ptr_array_add (origins, (gpointer) g_array_index (writes, Write, i).origin);
      g_ptr_array_add (expected, g_array_index (writes, Write, i).expected);
    }
  if ((values->len > 0 || self->files.added->len > 0) &&
      !ledger_store_import_values_with_attachments (self->store, values, origins, expected, self->files.added,
                                                    progress, cancellable, &changed, &local_error))
    {
      if (g_error_matches (local_error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CHANGED))
        set_stale_error (&g_array_index (writes, Write, changed), error);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  self->applied = TRUE;
  return TRUE;
}


/* Returns: (transfer none): what the merge does with the packages' files */
const LedgerPackageFiles *
ledger_package_merge_get_files (LedgerPackageMerge *self)
{
  g_return_val_if_fail (LEDGER_IS_PACKAGE_MERGE (self), NULL);
  return &self->files;
}

/* Returns: (transfer none): the store the merge read the ledger on, and writes it on */
LedgerStore *
ledger_package_merge_get_store (LedgerPackageMerge *self)
{
  g_return_val_if_fail (LEDGER_IS_PACKAGE_MERGE (self), NULL);
  return self->store;
}

/* Returns: (transfer none) (element-type LedgerPackage): the packages merged */
GPtrArray *
ledger_package_merge_get_packages (LedgerPackageMerge *self)
{
  g_return_val_if_fail (LEDGER_IS_PACKAGE_MERGE (self), NULL);
  return self->packages;
}
