/* ledger-package-sort.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-package"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-indicator-index.h"
#include "ledger-package-sort.h"

/* Sorts the values of data packages against the ledger, by indicator UUID
 * and period: refused (not an indicator or not a period of this ledger),
 * added (an empty cell that the packages fill alike), unchanged (the
 * ledger holds the same value) or in conflict (any other case), with the
 * candidates of each conflict. Reads the ledger, writes nothing. */

/* What the packages give for one indicator, region and period. */
typedef struct
{
  LedgerIndicator *indicator;
  const LedgerRegion *region;  /* NULL for the city */
  GPtrArray *values;    /* of LedgerValue, with the ledger's indicator id */
  GPtrArray *packages;  /* the package of each value */
} Cell;

static void
cell_free (Cell *cell)
{
  g_ptr_array_unref (cell->values);
  g_ptr_array_unref (cell->packages);
  g_free (cell);
}

void
ledger_package_sorting_init (LedgerPackageSorting *sorting)
{
  sorting->added = g_ptr_array_new_with_free_func (g_object_unref);
  sorting->unchanged = g_ptr_array_new_with_free_func (g_object_unref);
  sorting->conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  sorting->refused = g_ptr_array_new_with_free_func (g_object_unref);
}

void
ledger_package_sorting_clear (LedgerPackageSorting *sorting)
{
  g_clear_pointer (&sorting->added, g_ptr_array_unref);
  g_clear_pointer (&sorting->unchanged, g_ptr_array_unref);
  g_clear_pointer (&sorting->conflicts, g_ptr_array_unref);
  g_clear_pointer (&sorting->refused, g_ptr_array_unref);
}

/* What sorting the entries needs: the ledger's indicators, the thresholds
 * of the checks on entry, the indicators' values read so far. */
typedef struct
{
  LedgerPackageSorting    *sorting;
  LedgerIndicatorIndex    *index;
  const LedgerCheckLimits *checks;
} Gatherer;

/* Returns: (transfer full) (nullable): why @entry cannot go into the
 * ledger, or %NULL when it can */
static char *
check_entry (LedgerIndicatorIndex     *index,
             const LedgerPackageEntry *entry,
             LedgerIndicator          *indicator)
{
  const char *period_code = ledger_value_get_period (entry->value);
  LedgerPeriod period;
  const char *name;

  if (indicator == NULL)
    return g_strdup_printf (_("%s (%s) is not an indicator of this ledger"),
                            entry->name[0] != '\0' ? entry->name : entry->code,
                            entry->indicator);
  name = ledger_indicator_get_name (indicator);
  if ((ledger_indicator_get_kind (indicator) == LEDGER_KIND_QUALITATIVE) ==
      ledger_value_has_number (entry->value))
    return ledger_value_has_number (entry->value)
           ? g_strdup_printf (_("%s is a qualitative task here; the package gives a number"), name)
           : g_strdup_printf (_("%s needs a number here; the package gives a status"), name);
  ledger_period_parse (period_code, &period);
  switch (ledger_indicator_index_fit (index, indicator, &period))
    {
    case LEDGER_INDICATOR_NOT_ITS_PERIOD:
      return g_strdup_printf (_("%s is reported %s, not for %s"), name,
                              ledger_frequency_label (ledger_indicator_get_frequency (indicator)),
                              period_code);
    case LEDGER_INDICATOR_OUTSIDE_YEARS:
      return g_strdup_printf (_("%s is outside the years of the plan of %s"), period_code, name);
    case LEDGER_INDICATOR_TAKES:
    default:
      return NULL;
    }
}

static LedgerValue *
value_for (LedgerValue        *value,
           gint64              indicator_id,
           const LedgerRegion *region)
{
  LedgerValue *copy;

  if (ledger_value_has_number (value))
    copy = ledger_value_new (indicator_id, ledger_value_get_period (value),
                             ledger_value_get_number (value), ledger_value_get_note (value),
                             ledger_value_get_source (value));
  else
    copy = ledger_value_new_status (indicator_id, ledger_value_get_period (value),
                                    ledger_value_get_status (value), ledger_value_get_note (value),
                                    ledger_value_get_source (value));
  ledger_value_set_updated (copy, ledger_value_get_updated_at (value),
                            ledger_value_get_updated_by (value));
  ledger_value_set_region (copy, region != NULL ? region->code : "");
  return copy;
}

static void
refuse (LedgerPackageSorting     *sorting,
        LedgerPackage            *package,
        const LedgerPackageEntry *entry,
        const char               *reason)
{
  LedgerImportRow *row = ledger_import_row_new_refused (0, entry->name[0] != '\0' ? entry->name : entry->code,
                                                        ledger_value_get_period (entry->value), reason);

  ledger_import_row_set_code (row, entry->code[0] != '\0' ? entry->code : entry->indicator);
  ledger_import_row_set_origin (row, ledger_package_get_origin (package));
  g_ptr_array_add (sorting->refused, row);
}

/* The region of @entry's figure (docs/regions.md): the value's own, or
 * else the one whose copy of the city's plan the package's plan is
 * ("for_region"); one of the regions of the indicator's plan here.
 * Returns: %FALSE with @reason set when the ledger has no such region */
static gboolean
find_region (Gatherer                  *gatherer,
             LedgerPackage             *package,
             const LedgerPackageEntry  *entry,
             LedgerIndicator           *indicator,
             const LedgerRegion       **region,
             char                     **reason)
{
  LedgerPlan *plan = ledger_indicator_index_get_plan (gatherer->index, indicator);
  const char *code = ledger_value_get_region (entry->value);
  const char *for_region = "";
  const LedgerRegion *here;

  for (guint i = 0; i < ledger_package_get_n_plans (package); i++)
    {
      const LedgerPackagePlan *from = ledger_package_get_plan (package, i);

      if (g_ascii_strcasecmp (from->uuid, ledger_node_get_uuid (LEDGER_NODE (plan))) == 0)
        for_region = from->for_region;
    }
  *region = NULL;
  /* A county's ledger sends its own figures: one that names another
   * region would let 潞州区 write 上党区's. */
  if (code[0] != '\0' && for_region[0] != '\0' && !g_str_equal (code, for_region))
    {
      *reason = g_strdup_printf (_("the package is for the region “%s” and cannot carry a figure of “%s”"),
                                 for_region, code);
      return FALSE;
    }
  if (code[0] == '\0')
    code = for_region;
  /* In a ledger of the region's own copy of the plan (another office of
   * the same county), its figures are the plan's own. */
  here = ledger_plan_get_for_region (plan);
  if (code[0] == '\0' || (here != NULL && g_str_equal (here->code, code)))
    return TRUE;
  /* Another county's package, in a county's ledger, which has no regions. */
  if (here != NULL)
    {
      *reason = g_strdup_printf (_("the package is for the region “%s”, and this ledger holds the plan of “%s”"),
                                 code, here->name);
      return FALSE;
    }
  *region = ledger_indicator_index_find_region (gatherer->index, indicator, code, reason);
  return *region != NULL;
}

/* What the checks on entry find in a package's figure: like a CSV file's,
 * a figure that looks wrong is refused unless its note explains it
 * (docs/monthly-cycle.md); a region's is read against its own figures.
 * Returns: (transfer full) (nullable): the reason, or %NULL */
static char *
check_figure (Gatherer                 *gatherer,
              const LedgerPackageEntry *entry,
              LedgerIndicator          *indicator,
              const LedgerRegion       *region)
{
  GListModel *history = ledger_indicator_index_get_history (gatherer->index, indicator,
                                                            region != NULL ? region->code : "");
  g_autoptr(GError) error = NULL;

  if (!ledger_entry_check_refuses (ledger_entry_check_typed (indicator, history, entry->value, gatherer->checks),
                                   entry->value, gatherer->checks, &error))
    return NULL;
  return g_strdup (error->message);
}

/* Sorts each entry of each package into a refusal or a cell; the cells in
 * the order they are first met. */
static void
gather (Gatherer  *gatherer,
        GPtrArray *packages,
        GPtrArray *cells)
{
  LedgerPackageSorting *sorting = gatherer->sorting;
  LedgerIndicatorIndex *index = gatherer->index;
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint p = 0; p < packages->len; p++)
    {
      LedgerPackage *package = g_ptr_array_index (packages, p);

      for (guint e = 0; e < ledger_package_get_n_entries (package); e++)
        {
          const LedgerPackageEntry *entry = ledger_package_get_entry (package, e);
          const char *period = ledger_value_get_period (entry->value);
          LedgerIndicator *indicator = ledger_indicator_index_find_uuid (index, entry->indicator);
          g_autofree char *reason = check_entry (index, entry, indicator);
          g_autofree char *key = NULL;
          const LedgerRegion *region = NULL;
          Cell *cell;

          if (reason == NULL && find_region (gatherer, package, entry, indicator, &region, &reason))
            reason = check_figure (gatherer, entry, indicator, region);
          if (reason != NULL)
            {
              refuse (sorting, package, entry, reason);
              continue;
            }
          key = g_strdup_printf ("%s/%s/%s", entry->indicator, region != NULL ? region->code : "", period);
          if ((cell = g_hash_table_lookup (by_key, key)) == NULL)
            {
              cell = g_new0 (Cell, 1);
              cell->indicator = indicator;
              cell->region = region;
              cell->values = g_ptr_array_new_with_free_func (g_object_unref);
              cell->packages = g_ptr_array_new ();
              g_hash_table_insert (by_key, g_steal_pointer (&key), cell);
              g_ptr_array_add (cells, cell);
            }
          g_ptr_array_add (cell->values, value_for (entry->value, ledger_indicator_get_id (indicator), region));
          g_ptr_array_add (cell->packages, package);
        }
    }
}

static void
add_origin (LedgerImportCandidate *candidate,
            LedgerPackage         *package)
{
  const char *origin = ledger_package_get_origin (package);
  char *joined;

  if (candidate->origin[0] == '\0')
    joined = g_strdup (origin);
  else
    joined = g_strconcat (candidate->origin, "; ", origin, NULL);
  g_free (candidate->origin);
  candidate->origin = joined;
}

/* The distinct values of a cell: the ledger's first, if it has one, then
 * each package's, the packages that agree on a value together. */
static GPtrArray *
candidates_of (Cell        *cell,
               LedgerValue *in_ledger)
{
  GPtrArray *candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_import_candidate_free);

  if (in_ledger != NULL)
    g_ptr_array_add (candidates, ledger_import_candidate_new (in_ledger, TRUE));
  for (guint i = 0; i < cell->values->len; i++)
    {
      LedgerValue *value = g_ptr_array_index (cell->values, i);
      LedgerImportCandidate *match = NULL;

      for (guint c = 0; c < candidates->len && match == NULL; c++)
        {
          LedgerImportCandidate *candidate = g_ptr_array_index (candidates, c);

          if (ledger_value_equal (candidate->value, value))
            match = candidate;
        }
      if (match == NULL)
        g_ptr_array_add (candidates, match = ledger_import_candidate_new (value, FALSE));
      add_origin (match, g_ptr_array_index (cell->packages, i));
    }
  return candidates;
}

static void
sort_cell (LedgerPackageSorting *sorting,
           LedgerIndicatorIndex *index,
           Cell                 *cell)
{
  LedgerIndicator *indicator = cell->indicator;
  const char *period = ledger_value_get_period (g_ptr_array_index (cell->values, 0));
  g_autoptr(LedgerValue) in_ledger = ledger_indicator_index_get_cell (index, indicator,
                                                                      cell->region != NULL ? cell->region->code : "",
                                                                      period);
  g_autoptr(GPtrArray) candidates = candidates_of (cell, in_ledger);
  LedgerImportCandidate *only = g_ptr_array_index (candidates, 0);
  /* Packages that disagree are in conflict whatever the ledger holds. */
  LedgerImportAction action = candidates->len == 1 ? ledger_import_classify (in_ledger, only->value)
                                                   : LEDGER_IMPORT_CHANGE;

  if (action != LEDGER_IMPORT_CHANGE)
    {
      LedgerImportRow *row = ledger_import_row_new (0, action, indicator, only->value, in_ledger);

      ledger_import_row_set_origin (row, only->origin);
      ledger_import_row_set_region (row, cell->region);
      g_ptr_array_add (action == LEDGER_IMPORT_UNCHANGED ? sorting->unchanged : sorting->added, row);
    }
  else
    {
      LedgerImportRow *row = ledger_import_row_new_conflict (indicator, period, in_ledger,
                                                             g_steal_pointer (&candidates));

      ledger_import_row_set_region (row, cell->region);
      g_ptr_array_add (sorting->conflicts, row);
    }
}

/* Sorts the entries of @packages into @sorting. */
gboolean
ledger_package_sort (LedgerStore              *store,
                     GPtrArray                *packages,
                     const LedgerCheckLimits  *checks,
                     LedgerPackageSorting     *sorting,
                     GError                  **error)
{
  g_autoptr(LedgerIndicatorIndex) index = NULL;
  g_autoptr(GPtrArray) cells = NULL;
  Gatherer gatherer = { sorting, NULL, checks };

  if ((index = ledger_indicator_index_new (store, error)) == NULL)
    return FALSE;
  gatherer.index = index;
  cells = g_ptr_array_new_with_free_func ((GDestroyNotify) cell_free);
  gather (&gatherer, packages, cells);
  for (guint i = 0; i < cells->len; i++)
    sort_cell (sorting, index, g_ptr_array_index (cells, i));
  return TRUE;
}
