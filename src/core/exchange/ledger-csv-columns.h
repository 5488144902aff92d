/* ledger-csv-columns.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The columns of the ledger as CSV (docs/csv-format.md), which the export
 * writes and the import reads back: the import reads the cell (code or
 * indicator, period, region), the value (value or status), note and source, and
 * takes every other column the export writes as the export's own
 * reading, left out. */
enum {
  COL_PLAN, COL_AREA, COL_TASK, COL_CODE, COL_INDICATOR, COL_UNIT, COL_KIND, COL_COMPARATOR,
  COL_BETTER, COL_TARGET, COL_COMMITMENT, COL_PROFILE, COL_PERIOD, COL_VALUE, COL_BASE_VALUE,
  COL_YOY, COL_EXPECTED, COL_PACE, COL_PROGRESS, COL_STATUS, COL_PROJECTION, COL_GROWTH_NEEDED,
  COL_RESPONSIBLE_UNIT, COL_UNIT_CONFIRMED, COL_SUPPORTING_UNITS, COL_NOTE, COL_SOURCE,
  COL_REGION,  /* a region's code, empty for the city's own figure (docs/regions.md) */
  N_COLUMNS
};

G_GNUC_INTERNAL extern const char *ledger_csv_column_names[N_COLUMNS];

G_END_DECLS
