/* ledger-change.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LEDGER_TYPE_CHANGE (ledger_change_get_type ())

G_DECLARE_FINAL_TYPE (LedgerChange, ledger_change, LEDGER, CHANGE, GObject)

LedgerChange *ledger_change_new         (const char   *at,
                                         const char   *by,
                                         const char   *action,
                                         const char   *entity,
                                         const char   *period,
                                         const char   *old_json,
                                         const char   *new_json,
                                         const char   *origin);
const char   *ledger_change_get_at      (LedgerChange *self);
const char   *ledger_change_get_by      (LedgerChange *self);
const char   *ledger_change_get_action  (LedgerChange *self);
const char   *ledger_change_get_entity  (LedgerChange *self);
const char   *ledger_change_get_period  (LedgerChange *self);
const char   *ledger_change_get_old     (LedgerChange *self);
const char   *ledger_change_get_new     (LedgerChange *self);
const char   *ledger_change_get_origin  (LedgerChange *self);
const char   *ledger_change_get_subject (LedgerChange *self);
void          ledger_change_set_subject (LedgerChange *self,
                                         const char   *subject);

G_END_DECLS
