/* ledger-region.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  LEDGER_REGION_COUNTY,  /* 区县: a district or county */
  LEDGER_REGION_ZONE,    /* 开发区: a development zone */
} LedgerRegionKind;

/* A region of a plan (docs/regions.md): a district, county or zone its
 * targets are split to and whose figures are recorded beside the city's.
 * The code is its key in the ledger and in files, and never changes; the
 * name is what people read and may. A plan's regions are kept in order. */
typedef struct
{
  char             *code;      /* the division code (140403) or the office's own */
  char             *name;      /* 潞州区 */
  LedgerRegionKind  kind;
  gboolean          in_total;  /* its figures add up to the city's total */
  double            weight;    /* its share when a target is split by weights, or NAN */
} LedgerRegion;

#define LEDGER_TYPE_REGION (ledger_region_get_type ())

/* A city has a few dozen districts, counties and zones, a province a few
 * hundred: more in one plan is a file gone wrong. */
#define LEDGER_REGIONS_MAX 1000
/* The most characters in a region's name (新疆生产建设兵团第十四师昆玉市 is 15). */
#define LEDGER_REGION_NAME_MAX 64

GType         ledger_region_get_type          (void) G_GNUC_CONST;
LedgerRegion *ledger_region_new               (const char         *code,
                                               const char         *name,
                                               LedgerRegionKind    kind);
LedgerRegion *ledger_region_copy              (const LedgerRegion *self);
void          ledger_region_free              (LedgerRegion       *self);
gboolean      ledger_region_code_is_valid     (const char         *code);
char         *ledger_region_name_trim         (const char         *name);
gboolean      ledger_region_name_is_valid     (const char         *name);
char         *ledger_region_name_key          (const char         *name);
const char   *ledger_region_kind_to_string    (LedgerRegionKind    kind);
gboolean      ledger_region_kind_from_string  (const char         *string,
                                               LedgerRegionKind   *kind);
LedgerRegion *ledger_regions_find             (GPtrArray          *regions,
                                               const char         *code_or_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerRegion, ledger_region_free)

G_END_DECLS
