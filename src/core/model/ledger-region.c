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

static gboolean
is_space (gunichar c)
{
  /* g_unichar_isspace() knows U+3000, the ideographic space a Chinese
   * input method types, which g_strstrip() does not. */
  return g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

/**
 * ledger_region_name_trim:
 * @name: a region's name as typed, valid UTF-8
 *
 * Returns: (transfer full): @name without the spaces around it, full-width
 *   ones included
 */
char *
ledger_region_name_trim (const char *name)
{
  const char *start = name, *end = name + strlen (name);

  while (*start != '\0' && is_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start && is_space (g_utf8_get_char (g_utf8_find_prev_char (start, end))))
    end = g_utf8_find_prev_char (start, end);
  return g_strndup (start, end - start);
}

/**
 * ledger_region_name_is_valid:
 * @name: a name, trimmed
 *
 * A name is read on screens, in reports and in files' single cells: 1 to
 * %LEDGER_REGION_NAME_MAX characters of UTF-8 without control characters
 * (a line break, a tab) or invisible formatting ones (a right-to-left
 * override, which shows a name other than the one stored).
 */
gboolean
ledger_region_name_is_valid (const char *name)
{
  if (name == NULL || name[0] == '\0' || !g_utf8_validate (name, -1, NULL) ||
      g_utf8_strlen (name, -1) > LEDGER_REGION_NAME_MAX)
    return FALSE;
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      GUnicodeType type = g_unichar_type (g_utf8_get_char (p));

      if (type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT ||
          type == G_UNICODE_LINE_SEPARATOR || type == G_UNICODE_PARAGRAPH_SEPARATOR)
        return FALSE;
    }
  return TRUE;
}

/**
 * ledger_region_name_key:
 * @name: a name, valid UTF-8
 *
 * What names people take for one have alike: full-width forms made
 * ASCII (NFKC: "ＧＸＱ" is "GXQ"), case folded, spaces left out. Two
 * regions of a plan never share a key, and a file names a region by it.
 *
 * Returns: (transfer full): the key
 */
char *
ledger_region_name_key (const char *name)
{
  g_autofree char *normal = g_utf8_normalize (name, -1, G_NORMALIZE_ALL_COMPOSE);
  g_autofree char *folded = g_utf8_casefold (normal != NULL ? normal : "", -1);
  GString *key = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_space (g_utf8_get_char (p)))
      g_string_append_unichar (key, g_utf8_get_char (p));
  return g_string_free (key, FALSE);
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
 * Returns: (transfer none) (nullable): the region, by code first, then
 *   by its name's key (ledger_region_name_key(): "潞州区　" with a
 *   full-width space is 潞州区)
 */
LedgerRegion *
ledger_regions_find (GPtrArray  *regions,
                     const char *code_or_name)
{
  g_autofree char *key = NULL;

  if (regions == NULL || code_or_name == NULL || !g_utf8_validate (code_or_name, -1, NULL))
    return NULL;
  for (guint i = 0; i < regions->len; i++)
    if (g_str_equal (((LedgerRegion *) regions->pdata[i])->code, code_or_name))
      return regions->pdata[i];
  key = ledger_region_name_key (code_or_name);
  for (guint i = 0; i < regions->len; i++)
    {
      g_autofree char *other = ledger_region_name_key (((LedgerRegion *) regions->pdata[i])->name);

      if (key[0] != '\0' && g_str_equal (other, key))
        return regions->pdata[i];
    }
  return NULL;
}
