/* ledger-package-export.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-package"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-json.h"
#include "ledger-output-file.h"
#include "ledger-package.h"
#include "ledger-task.h"

/* A responsible unit's values as a data package (docs/package-format.md):
 * the values of every indicator whose responsible unit names the unit, for
 * a range of periods. */

/* What separates the units of a responsible unit that names several:
 * "市发展改革委、市统计局". */
static const char *unit_separators[] = { "、", "，", ",", "；", ";", "/", "／", "\n", NULL };

/**
 * ledger_responsible_unit_split:
 *
 * Returns: (transfer full): the units a responsible unit's text names, in
 *   its order, each trimmed of spaces, without empty ones
 */
char **
ledger_responsible_unit_split (const char *responsible_unit)
{
  g_autoptr(GStrvBuilder) units = g_strv_builder_new ();
  g_autofree char *text = g_strdup (responsible_unit != NULL ? responsible_unit : "");
  g_auto(GStrv) parts = NULL;

  /* Every separator becomes the first one, then the text is split once. */
  for (guint i = 1; unit_separators[i] != NULL; i++)
    {
      g_auto(GStrv) pieces = g_strsplit (text, unit_separators[i], -1);

      g_free (text);
      text = g_strjoinv (unit_separators[0], pieces);
    }
  parts = g_strsplit (text, unit_separators[0], -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *unit = g_strstrip (g_strdup (parts[i]));

      /* The ideographic space U+3000 is a space too. */
      while (g_str_has_prefix (unit, "　"))
        memmove (unit, unit + strlen ("　"), strlen (unit) - strlen ("　") + 1);
      while (g_str_has_suffix (unit, "　"))
        unit[strlen (unit) - strlen ("　")] = '\0';
      if (unit[0] != '\0')
        g_strv_builder_add (units, unit);
    }
  return g_strv_builder_end (units);
}

/* Whether @unit is one of the units @responsible_unit names: the whole
 * name, so that "市统计局" is not "统计局". */
gboolean
ledger_responsible_unit_names (const char *responsible_unit,
                               const char *unit)
{
  g_auto(GStrv) units = ledger_responsible_unit_split (responsible_unit);
  g_autofree char *wanted = g_strstrip (g_strdup (unit != NULL ? unit : ""));

  return wanted[0] != '\0' && g_strv_contains ((const char * const *) units, wanted);
}

/**
 * ledger_responsible_units_add:
 * @units: (element-type utf8): units, each once, in the locale's order
 * @responsible_unit: an indicator's responsible unit: one unit or several
 *
 * Adds each unit @responsible_unit names that @units lacks, in its place.
 */
void
ledger_responsible_units_add (GPtrArray  *units,
                              const char *responsible_unit)
{
  g_auto(GStrv) names = ledger_responsible_unit_split (responsible_unit);

  for (guint n = 0; names[n] != NULL; n++)
    {
      guint at = 0;

      while (at < units->len && g_utf8_collate (g_ptr_array_index (units, at), names[n]) < 0)
        at++;
      if (at == units->len || !g_str_equal (g_ptr_array_index (units, at), names[n]))
        g_ptr_array_insert (units, (int) at, g_strdup (names[n]));
    }
}

/**
 * ledger_unit_takes_part:
 * @unit: a unit
 * @task: (nullable): @indicator's task, whose lead and supporting units
 *   count too
 *
 * Returns: whether @unit answers for @indicator (its responsible unit) or
 *   supports it, or leads or supports its task
 */
gboolean
ledger_unit_takes_part (const char      *unit,
                        LedgerNode      *task,
                        LedgerIndicator *indicator)
{
  if (ledger_responsible_unit_names (ledger_indicator_get_responsible_unit (indicator), unit) ||
      ledger_responsible_unit_names (ledger_indicator_get_supporting_units (indicator), unit))
    return TRUE;
  return task != NULL && LEDGER_IS_TASK (task) &&
         (ledger_responsible_unit_names (ledger_task_get_lead_unit (LEDGER_TASK (task)), unit) ||
          ledger_responsible_unit_names (ledger_task_get_supporting_units (LEDGER_TASK (task)), unit));
}

/* Adds the units ledger_unit_takes_part() finds for @indicator (and
 * @task, if not %NULL) that @units lacks. */
void
ledger_units_add_taking_part (GPtrArray       *units,
                              LedgerNode      *task,
                              LedgerIndicator *indicator)
{
  ledger_responsible_units_add (units, ledger_indicator_get_responsible_unit (indicator));
  ledger_responsible_units_add (units, ledger_indicator_get_supporting_units (indicator));
  if (task != NULL && LEDGER_IS_TASK (task))
    {
      ledger_responsible_units_add (units, ledger_task_get_lead_unit (LEDGER_TASK (task)));
      ledger_responsible_units_add (units, ledger_task_get_supporting_units (LEDGER_TASK (task)));
    }
}

static void
add_units (LedgerNode      *area,
           LedgerNode      *task,
           LedgerIndicator *indicator,
           gpointer         user_data)
{
  ledger_units_add_taking_part (user_data, task, indicator);
}

/**
 * ledger_package_list_units:
 *
 * Returns: (transfer full) (element-type utf8): the responsible units the
 *   ledger's indicators name, each once, in the locale's order
 */
GPtrArray *
ledger_package_list_units (LedgerStore  *store,
                           GError      **error)
{
  g_autoptr(GPtrArray) plans = NULL;
  GPtrArray *units;

  g_return_val_if_fail (LEDGER_IS_STORE (store), NULL);

  if ((plans = ledger_store_list_plans (store, error)) == NULL)
    return NULL;
  units = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < plans->len; i++)
    ledger_plan_foreach_indicator (g_ptr_array_index (plans, i), add_units, units);
  return units;
}

typedef struct
{
  LedgerStore  *store;
  const char   *unit;
  LedgerPeriod *from;      /* NULL: from the earliest value */
  LedgerPeriod *to;        /* NULL: to the latest */
  JsonBuilder  *values;    /* the "values" list being built */
  guint         n_values;
  guint         n_indicators;
  LedgerPeriod  first;     /* the earliest and latest period exported */
  LedgerPeriod  last;
  GPtrArray    *attachments;  /* of LedgerAttachment: the unit's indicators' */
  GHashTable   *uuids;        /* id → the UUID of those indicators */
  GHashTable   *codes;        /* id → their code */
  GPtrArray    *regions;      /* the plan's, of LedgerRegion */
  gboolean      has_regions;  /* a value of a region, or a plan for one: version 3 */
} Exporter;

static void
add_value (Exporter        *exporter,
           LedgerIndicator *indicator,
           LedgerValue     *value)
{
  JsonBuilder *builder = exporter->values;

  json_builder_begin_object (builder);
  ledger_json_add_string (builder, "indicator", ledger_indicator_get_uuid (indicator));
  ledger_json_add_string (builder, "code", ledger_indicator_get_code (indicator));
  ledger_json_add_string (builder, "name", ledger_indicator_get_name (indicator));
  ledger_json_add_string (builder, "period", ledger_value_get_period (value));
  if (ledger_value_has_number (value))
    ledger_json_add_number (builder, "value", ledger_value_get_number (value));
  else
    ledger_json_add_string (builder, "status", ledger_value_get_status (value));
  ledger_json_add_string (builder, "note", ledger_value_get_note (value));
  ledger_json_add_string (builder, "source", ledger_value_get_source (value));
  ledger_json_add_string (builder, "updated_at", ledger_value_get_updated_at (value));
  ledger_json_add_string (builder, "updated_by", ledger_value_get_updated_by (value));
  ledger_json_add_string (builder, "region", ledger_value_get_region (value));
  json_builder_end_object (builder);
}

static gboolean
in_range (Exporter     *exporter,
          LedgerPeriod *period)
{
  LedgerPeriod earliest = { 1900, LEDGER_PERIOD_YEAR, 0 };
  LedgerPeriod latest = { 9999, LEDGER_PERIOD_YEAR, 0 };

  return ledger_period_in_range (period, exporter->from != NULL ? exporter->from : &earliest,
                                 exporter->to != NULL ? exporter->to : &latest);
}

static void
add_attachments (Exporter        *exporter,
                 LedgerIndicator *indicator)
{
  g_autoptr(GPtrArray) attachments = ledger_store_list_attachments (exporter->store,
                                                                    ledger_indicator_get_id (indicator), NULL,
                                                                    NULL);
  gint64 id = ledger_indicator_get_id (indicator);

  g_hash_table_insert (exporter->uuids, g_memdup2 (&id, sizeof id), g_strdup (ledger_indicator_get_uuid (indicator)));
  g_hash_table_insert (exporter->codes, g_memdup2 (&id, sizeof id), g_strdup (ledger_indicator_get_code (indicator)));
  for (guint i = 0; attachments != NULL && i < attachments->len; i++)
    g_ptr_array_add (exporter->attachments, g_object_ref (g_ptr_array_index (attachments, i)));
}

/* Adds those of @values within the range; returns how many. */
static guint
add_values (Exporter        *exporter,
            LedgerIndicator *indicator,
            GListModel      *values)
{
  guint n_added = 0;

  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      g_autoptr(LedgerValue) value = g_list_model_get_item (values, i);
      LedgerPeriod period;

      if (!ledger_period_parse (ledger_value_get_period (value), &period) || !in_range (exporter, &period))
        continue;
      if (exporter->n_values == 0 || ledger_period_compare (&period, &exporter->first) < 0)
        exporter->first = period;
      if (exporter->n_values == 0 || ledger_period_compare (&period, &exporter->last) > 0)
        exporter->last = period;
      exporter->n_values++;
      n_added++;
      add_value (exporter, indicator, value);
    }
  return n_added;
}

static void
export_indicator (LedgerNode      *area,
                  LedgerNode      *task,
                  LedgerIndicator *indicator,
                  gpointer         user_data)
{
  Exporter *exporter = user_data;
  gint64 id = ledger_indicator_get_id (indicator);
  g_autoptr(GListModel) values = NULL;

  if (!ledger_unit_takes_part (exporter->unit, task, indicator))
    return;
  exporter->n_indicators++;
  add_attachments (exporter, indicator);
  values = ledger_store_list_values (exporter->store, id);
  add_values (exporter, indicator, values);
  for (guint r = 0; exporter->regions != NULL && r < exporter->regions->len; r++)
    {
      LedgerRegion *region = g_ptr_array_index (exporter->regions, r);
      g_autoptr(GListModel) region_values = ledger_store_list_region_values (exporter->store, id, region->code);

      exporter->has_regions |= add_values (exporter, indicator, region_values) > 0;
    }
}

static gboolean
parse_bound (const char    *code,
             LedgerPeriod  *period,
             LedgerPeriod **bound,
             GError       **error)
{
  *bound = NULL;
  if (code == NULL)
    return TRUE;
  if (!ledger_period_parse (code, period))
    {
      g_set_error (error, LEDGER_PACKAGE_ERROR, LEDGER_PACKAGE_ERROR_INVALID,
                   _("“%s” is not a period (write 2026-05, 2026-Q2 or 2026)"), code);
      return FALSE;
    }
  *bound = period;
  return TRUE;
}

static void
add_plan (JsonBuilder *builder,
          LedgerPlan  *plan)
{
  json_builder_begin_object (builder);
  ledger_json_add_string (builder, "uuid", ledger_node_get_uuid (LEDGER_NODE (plan)));
  ledger_json_add_string (builder, "code", ledger_plan_get_code (plan));
  ledger_json_add_string (builder, "title", ledger_node_get_title (LEDGER_NODE (plan)));
  /* A county's ledger of the city's plan: its figures are that region's. */
  if (ledger_plan_get_for_region (plan) != NULL)
    ledger_json_add_string (builder, "for_region", ledger_plan_get_for_region (plan)->code);
  json_builder_end_object (builder);
}

/* Fills @exporter->values with the unit's values and @plans_builder with
 * the plans those values belong to. */
static gboolean
collect (Exporter     *exporter,
         JsonBuilder  *plans_builder,
         GError      **error)
{
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (exporter->store, error);

  if (plans == NULL)
    return FALSE;
  json_builder_begin_array (plans_builder);
  json_builder_begin_array (exporter->values);
  for (guint i = 0; i < plans->len; i++)
    {
      LedgerPlan *plan = g_ptr_array_index (plans, i);
      g_autoptr(GPtrArray) regions = ledger_store_list_regions (exporter->store, plan);
      guint n_before = exporter->n_values;

      exporter->regions = regions;
      ledger_plan_foreach_indicator (plan, export_indicator, exporter);
      exporter->regions = NULL;
      if (exporter->n_values > n_before)
        {
          add_plan (plans_builder, plan);
          exporter->has_regions |= ledger_plan_get_for_region (plan) != NULL;
        }
    }
  json_builder_end_array (exporter->values);
  json_builder_end_array (plans_builder);

  if (exporter->n_indicators == 0)
    {
      g_set_error (error, LEDGER_PACKAGE_ERROR, LEDGER_PACKAGE_ERROR_INVALID,
                   _("No indicator of the ledger has “%s” as its responsible unit"), exporter->unit);
      return FALSE;
    }
  if ((exporter->from == NULL || exporter->to == NULL) && exporter->n_values == 0)
    {
      g_set_error (error, LEDGER_PACKAGE_ERROR, LEDGER_PACKAGE_ERROR_NO_VALUES,
                   _("%s has no values to export"), exporter->unit);
      return FALSE;
    }
  return TRUE;
}

static void
add_period (JsonBuilder        *builder,
            const char         *member,
            const LedgerPeriod *period)
{
  g_autofree char *code = ledger_period_to_code (period);

  ledger_json_add_string (builder, member, code);
}

/* The files of the unit's values within the package's range, content
 * and all; returns how many. */
static gboolean
add_attachment_list (Exporter     *exporter,
                     JsonBuilder  *builder,
                     guint        *n_added,
                     GError      **error)
{
  LedgerPeriod *from = exporter->from != NULL ? exporter->from : &exporter->first;
  LedgerPeriod *to = exporter->to != NULL ? exporter->to : &exporter->last;

  *n_added = 0;
  json_builder_begin_array (builder);
  for (guint i = 0; i < exporter->attachments->len; i++)
    {
      LedgerAttachment *attachment = g_ptr_array_index (exporter->attachments, i);
      gint64 id = ledger_attachment_get_indicator_id (attachment);
      g_autoptr(GBytes) content = NULL;
      g_autofree char *base64 = NULL;
      LedgerPeriod period;

      if (!ledger_period_parse (ledger_attachment_get_period (attachment), &period) ||
          !ledger_period_in_range (&period, from, to))
        continue;
      if ((content = ledger_store_read_attachment (exporter->store, attachment, error)) == NULL)
        return FALSE;
      base64 = g_base64_encode (g_bytes_get_data (content, NULL), g_bytes_get_size (content));
      json_builder_begin_object (builder);
      ledger_json_add_string (builder, "indicator", g_hash_table_lookup (exporter->uuids, &id));
      ledger_json_add_string (builder, "code", g_hash_table_lookup (exporter->codes, &id));
      ledger_json_add_string (builder, "period", ledger_attachment_get_period (attachment));
      ledger_json_add_string (builder, "name", ledger_attachment_get_name (attachment));
      ledger_json_add_string (builder, "media_type", ledger_attachment_get_media_type (attachment));
      ledger_json_add_string (builder, "sha256", ledger_attachment_get_sha256 (attachment));
      ledger_json_add_number (builder, "size", (double) ledger_attachment_get_size (attachment));
      ledger_json_add_string (builder, "content", base64);
      json_builder_end_object (builder);
      (*n_added)++;
    }
  json_builder_end_array (builder);
  return TRUE;
}

/**
 * ledger_package_export:
 * @unit: the responsible unit: a package holds the indicators whose
 *   responsible unit names it (alone or among others, "市发展改革委、市统计局")
 * @from_period: (nullable): the first period, or %NULL for the earliest value
 * @to_period: (nullable): the last period, or %NULL for the latest value
 *
 * Returns: (transfer full): the unit's values of the periods from
 *   @from_period to @to_period (those that end in that range: "2026-01" to
 *   "2026-06" holds 1-2月 … 1-6月, 一季度 and 上半年), as a data package; or
 *   %NULL with @error set when a period is not one, the range is empty, no
 *   indicator names the unit, or (without bounds) the unit has no values
 */
char *
ledger_package_export (LedgerStore  *store,
                       const char   *unit,
                       const char   *from_period,
                       const char   *to_period,
                       GError      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonBuilder) plans = json_builder_new ();
  g_autoptr(JsonBuilder) values = json_builder_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *exported_at = g_date_time_format_iso8601 (now);
  g_autofree char *wanted = g_strstrip (g_strdup (unit != NULL ? unit : ""));
  g_autoptr(JsonNode) root = NULL;
  LedgerPeriod from, to;
  g_autoptr(JsonBuilder) attachments = json_builder_new ();
  g_autoptr(GPtrArray) attached = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) uuids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  Exporter exporter = { .store = store, .unit = wanted, .values = values, .attachments = attached,
                        .uuids = uuids, .codes = codes };
  guint n_attachments = 0;

  g_return_val_if_fail (LEDGER_IS_STORE (store), NULL);

  if (wanted[0] == '\0')
    {
      g_set_error_literal (error, LEDGER_PACKAGE_ERROR, LEDGER_PACKAGE_ERROR_INVALID,
                           _("Name the responsible unit whose values to export"));
      return NULL;
    }
  if (!parse_bound (from_period, &from, &exporter.from, error) ||
      !parse_bound (to_period, &to, &exporter.to, error))
    return NULL;
  if (exporter.from != NULL && exporter.to != NULL && !ledger_period_range_is_valid (&from, &to))
    {
      g_set_error (error, LEDGER_PACKAGE_ERROR, LEDGER_PACKAGE_ERROR_INVALID,
                   _("The last period, %s, is before the first, %s"), to_period, from_period);
      return NULL;
    }
  if (!collect (&exporter, plans, error) || !add_attachment_list (&exporter, attachments, &n_attachments, error))
    return NULL;

  json_builder_begin_object (builder);
  ledger_json_add_string (builder, "format", LEDGER_PACKAGE_FORMAT);
  /* Without files or regions, a package older versions of the program
   * read too. */
  ledger_json_add_number (builder, "version", exporter.has_regions ? LEDGER_PACKAGE_VERSION
                                              : n_attachments > 0 ? 2 : 1);
  ledger_json_add_string (builder, "unit", wanted);
  add_period (builder, "from", exporter.from != NULL ? exporter.from : &exporter.first);
  add_period (builder, "to", exporter.to != NULL ? exporter.to : &exporter.last);
  ledger_json_add_string (builder, "exported_at", exported_at);
  ledger_json_add_string (builder, "exported_by", ledger_store_get_user_name (store));
  json_builder_set_member_name (builder, "plans");
  json_builder_add_value (builder, json_builder_get_root (plans));
  json_builder_set_member_name (builder, "values");
  json_builder_add_value (builder, json_builder_get_root (values));
  if (n_attachments > 0)
    {
      json_builder_set_member_name (builder, "attachments");
      json_builder_add_value (builder, json_builder_get_root (attachments));
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return ledger_json_to_data (root);
}

/* Writes the package to @path through a temporary file renamed into
 * place: an old file there stays whole if anything fails, and the ledger
 * and its files are never written over (ledger_output_file_check()). */
gboolean
ledger_package_export_to_file (LedgerStore  *store,
                               const char   *unit,
                               const char   *from_period,
                               const char   *to_period,
                               const char   *path,
                               GError      **error)
{
  return ledger_package_export_to_file_reporting (store, unit, from_period, to_period, path, NULL, NULL, error);
}

/**
 * ledger_package_export_to_file_reporting:
 * @progress: (nullable): told of the steps: the file checked, the package
 *   made, written
 * @cancellable: (nullable): looked at between the steps; a cancelled
 *   export leaves no file
 *
 * ledger_package_export_to_file() for a job.
 */
gboolean
ledger_package_export_to_file_reporting (LedgerStore        *store,
                                         const char         *unit,
                                         const char         *from_period,
                                         const char         *to_period,
                                         const char         *path,
                                         LedgerJobProgress  *progress,
                                         GCancellable       *cancellable,
                                         GError            **error)
{
  enum { CHECKED = 1, MADE, STEPS };
  g_autofree char *text = NULL;

  g_return_val_if_fail (LEDGER_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Refused before the work, checked again as it is written. */
  if (!ledger_output_file_check (path, ledger_store_get_path (store), error) ||
      !ledger_job_progress_step (progress, CHECKED, STEPS, cancellable, error) ||
      (text = ledger_package_export (store, unit, from_period, to_period, error)) == NULL ||
      !ledger_job_progress_step (progress, MADE, STEPS, cancellable, error))
    return FALSE;
  return ledger_output_file_write (path, ledger_store_get_path (store), text, strlen (text), error);
}

/* Returns: (transfer full): a file name for a package: "市统计局-2026-01-2026-06.tlpkg",
 * without the characters file systems refuse */
char *
ledger_package_suggest_file_name (const char *unit,
                                  const char *from_period,
                                  const char *to_period)
{
  GString *name = g_string_new (NULL);

  for (const char *c = unit != NULL ? unit : ""; *c != '\0'; c++)
    g_string_append_c (name, strchr ("/\\:*?\"<>|", *c) != NULL || (guchar) *c < 0x20 ? '-' : *c);
  if (from_period != NULL)
    g_string_append_printf (name, "-%s", from_period);
  if (to_period != NULL && g_strcmp0 (from_period, to_period) != 0)
    g_string_append_printf (name, "-%s", to_period);
  g_string_append (name, LEDGER_PACKAGE_EXTENSION);
  return g_string_free (name, FALSE);
}
