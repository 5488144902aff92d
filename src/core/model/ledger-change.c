/* ledger-change.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-change"

#include "config.h"

#include "ledger-change.h"

/* One entry of the change log: what was done to what, when and by whom,
 * with the old and new contents as JSON. Entries are never edited. */
struct _LedgerChange
{
  GObject  parent_instance;

  char    *fields[9];
};

enum { AT, BY, ACTION, ENTITY, PERIOD, OLD, NEW, ORIGIN, SUBJECT };

G_DEFINE_FINAL_TYPE (LedgerChange, ledger_change, G_TYPE_OBJECT)

static void
ledger_change_finalize (GObject *object)
{
  LedgerChange *self = LEDGER_CHANGE (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->fields); i++)
    g_free (self->fields[i]);

  G_OBJECT_CLASS (ledger_change_parent_class)->finalize (object);
}

static void
ledger_change_class_init (LedgerChangeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ledger_change_finalize;
}

static void
ledger_change_init (LedgerChange *self)
{
}

/* @old_json and @new_json may be %NULL: an insert has no old contents, a
 * delete no new ones. */
LedgerChange *
ledger_change_new (const char *at,
                   const char *by,
                   const char *action,
                   const char *entity,
                   const char *period,
                   const char *old_json,
                   const char *new_json,
                   const char *origin)
{
  LedgerChange *self = g_object_new (LEDGER_TYPE_CHANGE, NULL);
  const char *values[] = { at, by, action, entity, period, old_json, new_json, origin };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    self->fields[i] = g_strdup (values[i] != NULL || i == OLD || i == NEW ? values[i] : "");
  self->fields[SUBJECT] = g_strdup ("");
  return self;
}

#define GETTER(name, index) \
  const char * \
  ledger_change_get_##name (LedgerChange *self) \
  { \
    g_return_val_if_fail (LEDGER_IS_CHANGE (self), NULL); \
    return self->fields[index]; \
  }

GETTER (at, AT)
GETTER (by, BY)
GETTER (action, ACTION)
GETTER (entity, ENTITY)
GETTER (period, PERIOD)
GETTER (old, OLD)
GETTER (new, NEW)
GETTER (origin, ORIGIN)
GETTER (subject, SUBJECT)

/* What the change is about, in words a person knows it by: the
 * indicator's code, the task's or plan's title. */
void
ledger_change_set_subject (LedgerChange *self,
                           const char   *subject)
{
  g_return_if_fail (LEDGER_IS_CHANGE (self));

  g_free (self->fields[SUBJECT]);
  self->fields[SUBJECT] = g_strdup (subject != NULL ? subject : "");
}
