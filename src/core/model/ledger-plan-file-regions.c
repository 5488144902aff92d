/* ledger-plan-file-regions.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-plan-file"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ledger-plan-file-regions.h"
#include "ledger-region.h"
#include "ledger-region-target.h"

/* A plan file's "regions", "for_region" and an indicator's
 * "region_targets" (docs/plan-format.md, docs/regions.md). A region's code
 * is its key in CSV files and data packages, so codes and names are both
 * unique: either may name the region there. */

static const char *region_members[] = { "code", "name", "kind", "in_total", "weight", NULL };
static const char *for_region_members[] = { "code", "name", NULL };

static gboolean
read_code_and_name (LedgerJsonReader  *reader,
                    JsonObject        *object,
                    const char       **code,
                    const char       **name)
{
  if (!ledger_json_read_string (reader, object, "code", TRUE, code) ||
      !ledger_json_read_string (reader, object, "name", TRUE, name))
    return FALSE;
  ledger_json_at (reader, object, "code");
  if (!ledger_region_code_is_valid (*code))
    return ledger_json_fail (reader, _("the region code “%s” may only hold 1 to 32 letters, "
                                       "digits, “-” and “_”"), *code);
  return TRUE;
}

static gboolean
read_in_total (LedgerJsonReader *reader,
               JsonObject       *object,
               LedgerRegion     *region)
{
  JsonNode *node = json_object_get_member (object, "in_total");

  if (node == NULL)
    return TRUE;
  ledger_json_at (reader, object, "in_total");
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return ledger_json_fail (reader, _("“%s” must be true or false"), "in_total");
  region->in_total = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_weight (LedgerJsonReader *reader,
             JsonObject       *object,
             LedgerRegion     *region)
{
  if (!json_object_has_member (object, "weight"))
    return TRUE;
  if (!ledger_json_read_number (reader, object, "weight", &region->weight))
    return FALSE;
  if (region->weight < 0)
    return ledger_json_fail (reader, _("“weight” must not be negative"));
  return TRUE;
}

static LedgerRegion *
read_region (LedgerJsonReader *reader,
             JsonObject       *object)
{
  g_autoptr(LedgerRegion) region = NULL;
  const char *code, *name, *kind_text;
  LedgerRegionKind kind;

  if (!ledger_json_check_members (reader, object, region_members) ||
      !read_code_and_name (reader, object, &code, &name) ||
      !ledger_json_read_string (reader, object, "kind", TRUE, &kind_text))
    return NULL;
  ledger_json_at (reader, object, "kind");
  if (!ledger_region_kind_from_string (kind_text, &kind))
    return ledger_json_fail (reader, _("“%s” is not a valid %s"), kind_text, "kind"), NULL;
  region = ledger_region_new (code, name, kind);
  if (!read_in_total (reader, object, region) || !read_weight (reader, object, region))
    return NULL;
  return g_steal_pointer (&region);
}

/* Whether @region's code and name are new among @regions. */
static gboolean
check_region_is_new (LedgerJsonReader *reader,
                     JsonObject       *object,
                     GPtrArray        *regions,
                     LedgerRegion     *region)
{
  for (guint i = 0; i < regions->len; i++)
    {
      LedgerRegion *other = regions->pdata[i];

      ledger_json_at (reader, object, "code");
      if (g_str_equal (other->code, region->code))
        return ledger_json_fail (reader, _("the region code “%s” is used twice"), region->code);
      ledger_json_at (reader, object, "name");
      if (g_str_equal (other->name, region->name))
        return ledger_json_fail (reader, _("the region name “%s” is used twice"), region->name);
    }
  return TRUE;
}

static gboolean
read_region_list (LedgerJsonReader *reader,
                  JsonObject       *object,
                  GPtrArray        *regions)
{
  JsonArray *array;

  if (!json_object_has_member (object, "regions"))
    return TRUE;
  if ((array = ledger_json_read_array (reader, object, "regions", FALSE)) == NULL)
    return FALSE;
  if (json_array_get_length (array) > LEDGER_REGIONS_MAX)
    return ledger_json_fail (reader, _("a plan has at most %u regions"), LEDGER_REGIONS_MAX);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize saved = ledger_json_reader_enter (reader, "regions", i);
      JsonObject *region_object;
      LedgerRegion *region;

      ledger_json_at (reader, object, "regions");
      if ((region_object = ledger_json_array_object (reader, array, i)) == NULL ||
          (region = read_region (reader, region_object)) == NULL)
        return FALSE;
      if (!check_region_is_new (reader, region_object, regions, region))
        {
          ledger_region_free (region);
          return FALSE;
        }
      g_ptr_array_add (regions, region);
      ledger_json_reader_leave (reader, saved);
    }
  return TRUE;
}

static gboolean
read_for_region (LedgerJsonReader *reader,
                 JsonObject       *object,
                 LedgerPlan       *plan)
{
  g_autoptr(LedgerRegion) region = NULL;
  JsonObject *region_object;
  g_autofree char *trimmed = NULL;
  const char *code, *name;

  if (!json_object_has_member (object, "for_region"))
    return TRUE;
  ledger_json_at (reader, object, "for_region");
  if (!JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "for_region")))
    return ledger_json_fail (reader, _("“%s” must be an object"), "for_region");
  region_object = json_object_get_object_member (object, "for_region");
  if (!ledger_json_check_members (reader, region_object, for_region_members) ||
      !read_code_and_name (reader, region_object, &code, &name))
    return FALSE;
  /* The store checks the regions' names; this one it keeps as given,
   * and the window shows it: held to the same rules here. */
  trimmed = ledger_region_name_trim (name);
  ledger_json_at (reader, region_object, "name");
  if (!ledger_region_name_is_valid (trimmed))
    return ledger_json_fail (reader, _("a region’s name must be 1 to %u characters, without line breaks "
                                       "or control characters"), LEDGER_REGION_NAME_MAX);
  region = ledger_region_new (code, trimmed, LEDGER_REGION_COUNTY);
  ledger_plan_set_for_region (plan, region);
  return TRUE;
}

/* Reads a plan's "regions" into ledger_plan_get_regions() and its
 * "for_region". */
gboolean
ledger_plan_file_read_regions (LedgerJsonReader *reader,
                               JsonObject       *object,
                               LedgerPlan       *plan)
{
  g_autoptr(GPtrArray) regions = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_region_free);

  if (!read_region_list (reader, object, regions) || !read_for_region (reader, object, plan))
    return FALSE;
  g_ptr_array_extend_and_steal (ledger_plan_get_regions (plan), g_steal_pointer (&regions));
  return TRUE;
}

/* Whether every member of @targets names one of @plan's regions. */
static gboolean
check_target_codes (LedgerJsonReader *reader,
                    JsonObject       *object,
                    JsonObject       *targets,
                    LedgerPlan       *plan)
{
  g_autoptr(GList) codes = json_object_get_members (targets);

  for (GList *l = codes; l != NULL; l = l->next)
    {
      guint i;
      GPtrArray *regions = ledger_plan_get_regions (plan);

      for (i = 0; i < regions->len; i++)
        if (g_str_equal (((LedgerRegion *) regions->pdata[i])->code, l->data))
          break;
      ledger_json_at (reader, object, "region_targets");
      if (i == regions->len)
        return ledger_json_fail (reader, _("“%s” in “region_targets” is not one of the plan’s "
                                           "regions"), (const char *) l->data);
    }
  return TRUE;
}

/* An indicator's "region_targets", {"140403": 1.5, …}: a target for each
 * region it is split to, in the order of the plan's regions. */
gboolean
ledger_plan_file_read_region_targets (LedgerJsonReader *reader,
                                      JsonObject       *object,
                                      LedgerPlan       *plan,
                                      LedgerKind        kind,
                                      GPtrArray        *targets)
{
  GPtrArray *regions = ledger_plan_get_regions (plan);
  JsonObject *split;

  if (!json_object_has_member (object, "region_targets"))
    return TRUE;
  ledger_json_at (reader, object, "region_targets");
  if (kind == LEDGER_KIND_QUALITATIVE)
    return ledger_json_fail (reader, _("a qualitative indicator has no region targets"));
  if (!JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "region_targets")))
    return ledger_json_fail (reader, _("“%s” must be an object"), "region_targets");
  split = json_object_get_object_member (object, "region_targets");
  if (!check_target_codes (reader, object, split, plan))
    return FALSE;
  for (guint i = 0; i < regions->len; i++)
    {
      const char *code = ((LedgerRegion *) regions->pdata[i])->code;
      double target;

      if (!json_object_has_member (split, code))
        continue;
      if (!ledger_json_read_number (reader, split, code, &target))
        return FALSE;
      g_ptr_array_add (targets, ledger_region_target_new (code, target));
    }
  return TRUE;
}

static void
write_region (JsonBuilder        *builder,
              const LedgerRegion *region)
{
  json_builder_begin_object (builder);
  ledger_json_add_string (builder, "code", region->code);
  ledger_json_add_string (builder, "name", region->name);
  ledger_json_add_string (builder, "kind", ledger_region_kind_to_string (region->kind));
  /* in_total is written only where it is not the kind's default. */
  if (region->in_total != (region->kind == LEDGER_REGION_COUNTY))
    {
      json_builder_set_member_name (builder, "in_total");
      json_builder_add_boolean_value (builder, region->in_total);
    }
  if (!isnan (region->weight))
    ledger_json_add_number (builder, "weight", region->weight);
  json_builder_end_object (builder);
}

/* A plan's "regions" and "for_region", each left out when empty. */
void
ledger_plan_file_write_regions (JsonBuilder *builder,
                                LedgerPlan  *plan)
{
  GPtrArray *regions = ledger_plan_get_regions (plan);
  const LedgerRegion *for_region = ledger_plan_get_for_region (plan);

  if (regions->len > 0)
    {
      json_builder_set_member_name (builder, "regions");
      json_builder_begin_array (builder);
      for (guint i = 0; i < regions->len; i++)
        write_region (builder, regions->pdata[i]);
      json_builder_end_array (builder);
    }
  if (for_region != NULL)
    {
      json_builder_set_member_name (builder, "for_region");
      json_builder_begin_object (builder);
      ledger_json_add_string (builder, "code", for_region->code);
      ledger_json_add_string (builder, "name", for_region->name);
      json_builder_end_object (builder);
    }
}

void
ledger_plan_file_write_region_targets (JsonBuilder     *builder,
                                       LedgerIndicator *indicator)
{
  GPtrArray *targets = ledger_indicator_get_region_targets (indicator);

  if (targets->len == 0)
    return;
  json_builder_set_member_name (builder, "region_targets");
  json_builder_begin_object (builder);
  for (guint i = 0; i < targets->len; i++)
    {
      LedgerRegionTarget *target = targets->pdata[i];

      ledger_json_add_number (builder, target->region, target->target);
    }
  json_builder_end_object (builder);
}
