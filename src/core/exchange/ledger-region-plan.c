/* ledger-region-plan.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-region-plan"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ledger-indicator-index.h"
#include "ledger-output-file.h"
#include "ledger-plan-file.h"
#include "ledger-region-plan.h"
#include "ledger-worker.h"

/* A region's plan (docs/regions.md): a county keeps its own ledger of the
 * city's plan, imported from a plan file the city writes for it. The copy
 * keeps the city plan's UUIDs and codes, so that the data package the
 * county sends back meets the city's indicators; its targets are the
 * region's where the city split them (分解目标), else the city's; its
 * "for_region" says whose figures its values are, and the merge files
 * them under that region. */

/* The plan @code names with its regions, or without a code the first
 * plan that has regions. */
static LedgerPlan *
choose_plan (LedgerStore  *store,
             GPtrArray    *plans,
             const char   *code,
             GPtrArray   **regions,
             GError      **error)
{
  for (guint i = 0; i < plans->len; i++)
    {
      LedgerPlan *plan = g_ptr_array_index (plans, i);

      if (code != NULL && !g_str_equal (ledger_plan_get_code (plan), code))
        continue;
      *regions = ledger_store_list_regions (store, plan);
      if (code != NULL || (*regions != NULL && (*regions)->len > 0))
        return plan;
      g_clear_pointer (regions, g_ptr_array_unref);
    }
  if (code != NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No plan has the code “%s”"), code);
  else
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No plan of the ledger has regions"));
  return NULL;
}

typedef struct
{
  LedgerStore *store;
  const char  *region;     /* its code */
  guint        n_unsplit;  /* totals that keep the city's target */
} Splitter;

/* The indicator's target becomes the region's, where the city split it.
 * A rate or a level not split keeps the city's: the same growth is asked
 * of every county (docs/regions.md); a total not split keeps it too, as a
 * plan needs a target, and is counted for the user to be told. */
static void
take_region_target (LedgerNode      *area,
                    LedgerNode      *task,
                    LedgerIndicator *indicator,
                    gpointer         user_data)
{
  Splitter *splitter = user_data;
  g_autoptr(GPtrArray) targets = NULL;
  double target;

  g_ptr_array_set_size (ledger_indicator_get_region_targets (indicator), 0);
  if (ledger_indicator_get_kind (indicator) == LEDGER_KIND_QUALITATIVE)
    return;
  targets = ledger_store_list_region_targets (splitter->store, ledger_indicator_get_id (indicator));
  target = ledger_region_targets_lookup (targets, splitter->region);
  if (isnan (target))
    splitter->n_unsplit += ledger_indicator_get_kind (indicator) == LEDGER_KIND_CUMULATIVE;
  else
    g_object_set (indicator, "target", target, NULL);
}

/**
 * ledger_region_plan_build:
 * @plan_code: (nullable): the city's plan, or %NULL for the first with regions
 * @region: the region's code or name
 * @n_unsplit: (out) (optional): how many totals (cumulative indicators)
 *   have no target of the region's and keep the city's
 *
 * Returns: (transfer full): @region's copy of the city's plan, or %NULL
 *   with @error set when the ledger has no such plan or region
 */
LedgerPlan *
ledger_region_plan_build (LedgerStore  *store,
                          const char   *plan_code,
                          const char   *region,
                          guint        *n_unsplit,
                          GError      **error)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) regions = NULL;
  Splitter splitter = { store, NULL, 0 };
  const LedgerRegion *found;
  LedgerPlan *plan;

  g_return_val_if_fail (LEDGER_IS_STORE (store), NULL);
  g_return_val_if_fail (region != NULL, NULL);

  if ((plans = ledger_store_list_plans (store, error)) == NULL ||
      (plan = choose_plan (store, plans, plan_code, &regions, error)) == NULL)
    return NULL;
  if (ledger_plan_get_for_region (plan) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The plan “%s” is itself the plan of a region (%s): only the city splits its plan"),
                   ledger_node_get_title (LEDGER_NODE (plan)), ledger_plan_get_for_region (plan)->name);
      return NULL;
    }
  if ((found = ledger_regions_find (regions, region)) == NULL)
    {
      g_autofree char *reason = ledger_region_not_found_reason (plan, regions, region);

      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, reason);
      return NULL;
    }
  splitter.region = found->code;
  ledger_plan_foreach_indicator (plan, take_region_target, &splitter);
  g_ptr_array_set_size (ledger_plan_get_regions (plan), 0);
  ledger_plan_set_for_region (plan, found);
  if (n_unsplit != NULL)
    *n_unsplit = splitter.n_unsplit;
  return g_object_ref (plan);
}

/**
 * ledger_region_plan_export:
 *
 * ledger_region_plan_build() as a plan file (docs/plan-format.md), read
 * back before it is handed out: a file the county could not import is
 * never written.
 *
 * Returns: (transfer full): the plan file's text, or %NULL with @error set
 */
char *
ledger_region_plan_export (LedgerStore  *store,
                           const char   *plan_code,
                           const char   *region,
                           guint        *n_unsplit,
                           GError      **error)
{
  g_autoptr(LedgerPlan) plan = ledger_region_plan_build (store, plan_code, region, n_unsplit, error);
  g_autoptr(GPtrArray) plans = g_ptr_array_new ();
  g_autoptr(GPtrArray) read_back = NULL;
  g_autofree char *text = NULL;

  if (plan == NULL)
    return NULL;
  g_ptr_array_add (plans, plan);
  text = ledger_plan_file_to_data (plans);
  if ((read_back = ledger_plan_file_parse (text, -1, error)) == NULL)
    return NULL;
  return g_steal_pointer (&text);
}

/**
 * ledger_region_plan_export_to_file:
 * @progress: (nullable): told of the steps: the file checked, the plan
 *   made, written
 * @cancellable: (nullable): looked at between the steps
 *
 * Writes ledger_region_plan_export() to @path, whole or not at all, never
 * over the ledger or its files (ledger_output_file_check()).
 */
gboolean
ledger_region_plan_export_to_file (LedgerStore        *store,
                                   const char         *plan_code,
                                   const char         *region,
                                   const char         *path,
                                   LedgerJobProgress  *progress,
                                   GCancellable       *cancellable,
                                   GError            **error)
{
  enum { CHECKED = 1, MADE, STEPS };
  g_autofree char *text = NULL;

  g_return_val_if_fail (LEDGER_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!ledger_output_file_check (path, ledger_store_get_path (store), error) ||
      !ledger_job_progress_step (progress, CHECKED, STEPS, cancellable, error) ||
      (text = ledger_region_plan_export (store, plan_code, region, NULL, error)) == NULL ||
      !ledger_job_progress_step (progress, MADE, STEPS, cancellable, error))
    return FALSE;
  return ledger_output_file_write (path, ledger_store_get_path (store), text, strlen (text), error);
}

typedef struct
{
  char              *plan_code;
  char              *region;
  char              *path;
  LedgerJobProgress *progress;
} Job;

static void
job_free (Job *job)
{
  g_free (job->plan_code);
  g_free (job->region);
  g_free (job->path);
  g_clear_object (&job->progress);
  g_free (job);
}

static gboolean
run_job (LedgerStore   *store,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  Job *job = data;

  return ledger_region_plan_export_to_file (store, job->plan_code, job->region, job->path, job->progress,
                                            cancellable, error);
}

/**
 * ledger_region_plan_export_async:
 *
 * ledger_region_plan_export_to_file() in a worker, on a snapshot of the
 * ledger; finish with ledger_region_plan_export_finish().
 */
void
ledger_region_plan_export_async (LedgerStore         *store,
                                 const char          *plan_code,
                                 const char          *region,
                                 const char          *path,
                                 LedgerJobProgress   *progress,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  job->plan_code = g_strdup (plan_code);
  job->region = g_strdup (region);
  job->path = g_strdup (path);
  job->progress = progress != NULL ? g_object_ref (progress) : NULL;
  ledger_worker_read_async (store, run_job, job, (GDestroyNotify) job_free, cancellable, callback, user_data);
}

gboolean
ledger_region_plan_export_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return ledger_worker_run_finish (result, error);
}

/* Returns: (transfer full): a file name for @region's plan,
 * "changzhi-2026-潞州区.json", without the characters file systems refuse */
char *
ledger_region_plan_suggest_file_name (LedgerPlan         *plan,
                                      const LedgerRegion *region)
{
  GString *name = g_string_new (ledger_plan_get_code (plan));

  g_string_append_c (name, '-');
  for (const char *c = region->name[0] != '\0' ? region->name : region->code; *c != '\0'; c++)
    g_string_append_c (name, strchr ("/\\:*?\"<>|", *c) != NULL || (guchar) *c < 0x20 ? '-' : *c);
  g_string_append (name, ".json");
  return g_string_free (name, FALSE);
}
