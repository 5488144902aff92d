/* ledger-value.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LEDGER_TYPE_VALUE (ledger_value_get_type ())

G_DECLARE_FINAL_TYPE (LedgerValue, ledger_value, LEDGER, VALUE, GObject)

LedgerValue *ledger_value_new                (gint64       indicator_id,
                                              const char  *period,
                                              double       value,
                                              const char  *note,
                                              const char  *source);
LedgerValue *ledger_value_new_status         (gint64       indicator_id,
                                              const char  *period,
                                              const char  *status,
                                              const char  *note,
                                              const char  *source);
gint64       ledger_value_get_indicator_id   (LedgerValue *self);
const char  *ledger_value_get_period         (LedgerValue *self);
gboolean     ledger_value_has_number         (LedgerValue *self);
double       ledger_value_get_number         (LedgerValue *self);
const char  *ledger_value_get_status         (LedgerValue *self);
const char  *ledger_value_get_note           (LedgerValue *self);
const char  *ledger_value_get_source         (LedgerValue *self);
const char  *ledger_value_get_updated_at     (LedgerValue *self);
const char  *ledger_value_get_updated_by     (LedgerValue *self);
void         ledger_value_set_updated        (LedgerValue *self,
                                              const char  *updated_at,
                                              const char  *updated_by);
gboolean     ledger_value_equal              (LedgerValue *a,
                                              LedgerValue *b);
const char  *ledger_value_get_region         (LedgerValue *self);
void         ledger_value_set_region         (LedgerValue *self,
                                              const char  *region);
guint        ledger_value_get_summed         (LedgerValue *self,
                                              guint       *n_regions);
void         ledger_value_set_summed         (LedgerValue *self,
                                              guint        n_summed,
                                              guint        n_regions);

gint64       ledger_value_get_version        (LedgerValue *self);
void         ledger_value_set_version        (LedgerValue *self,
                                              gint64       version);
gint64       ledger_value_get_expected_version (LedgerValue *self);
void         ledger_value_set_expected_version (LedgerValue *self,
                                                gint64       version);

G_END_DECLS
