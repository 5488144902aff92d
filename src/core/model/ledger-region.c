/* ledger-region.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-region"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ledger-region.h"

G_DEFINE_BOXED_TYPE (LedgerRegion, ledger_region, ledger_region_copy, ledger_region_free)

/* A county is part of the city's total; a zone, whose figures the counties
 * around it usually count already, is not until the office says so. */
LedgerRegion *
ledger_region_new (const char       *code,
                   const char       *name,
                   LedgerRegionKind  kind)
{
  LedgerRegion *self = g_new0 (LedgerRegion, 1);

  self->code = g_strdup (code);
  self->name = g_strdup (name != NULL ? name : "");
  self->kind = kind;
  self->in_total = kind == LEDGER_REGION_COUNTY;
  self->weight = NAN;
  return self;
}

LedgerRegion *
ledger_region_copy (const LedgerRegion *self)
{
  LedgerRegion *copy = ledger_region_new (self->code, self->name, self->kind);

  copy->in_total = self->in_total;
  copy->weight = self->weight;
  return copy;
}

void
ledger_region_free (LedgerRegion *self)
{
  if (self == NULL)
    return;
  g_free (self->code);
  g_free (self->name);
  g_free (self);
}

/* A code is 1 to 32 ASCII letters, digits, '-' or '_': it names the region
 * in CSV files and data packages, where anything else would need quoting
 * or could pass for a name. */
gboolean
ledger_region_code_is_valid (const char *code)
{
  size_t length;

  if (code == NULL || (length = strlen (code)) == 0 || length > 32)
    return FALSE;
  for (const char *p = code; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

const char *
ledger_region_kind_to_string (LedgerRegionKind kind)
{
  return kind == LEDGER_REGION_ZONE ? "zone" : "county";
}

gboolean
ledger_region_kind_from_string (const char       *string,
                                LedgerRegionKind *kind)
{
  if (g_strcmp0 (string, "county") == 0)
    *kind = LEDGER_REGION_COUNTY;
  else if (g_strcmp0 (string, "zone") == 0)
    *kind = LEDGER_REGION_ZONE;
  else
    return FALSE;
  return TRUE;
}

/**
 * ledger_regions_find:
 * @regions: (element-type LedgerRegion): a plan's regions
 * @code_or_name: a region's code, or its name as people write it
 *
 * Returns: (transfer none) (nullable): the region, by code first
 */
LedgerRegion *
ledger_regions_find (GPtrArray  *regions,
                     const char *code_or_name)
{
  g_autofree char *name = NULL;

  if (regions == NULL || code_or_name == NULL)
    return NULL;
  for (guint i = 0; i < regions->len; i++)
    if (g_str_equal (((LedgerRegion *) regions->pdata[i])->code, code_or_name))
      return regions->pdata[i];
  name = g_strstrip (g_strdup (code_or_name));
  for (guint i = 0; i < regions->len; i++)
    if (g_str_equal (((LedgerRegion *) regions->pdata[i])->name, name))
      return regions->pdata[i];
  return NULL;
}
