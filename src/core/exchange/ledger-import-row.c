/* ledger-import-row.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-import-row"

#include "config.h"

#include "ledger-import-row.h"
#include "ledger-status.h"

/* One row of a file being imported, as the preview lists it: its line,
 * the indicator it names, the period, and either the value it would write
 * (with the ledger's value it replaces) or why it is refused. Immutable;
 * the values are put in words only when shown, as an import of 100 000
 * rows shows few of them. */

struct _LedgerImportRow
{
  GObject             parent_instance;

  guint               line;
  LedgerImportAction  action;
  char               *subject;
  char               *period;
  char               *written_period;  /* as the file wrote it */
  char               *old_text;
  char               *new_text;
  char               *reason;
  LedgerIndicator    *indicator;
  LedgerValue        *value;
  LedgerValue        *old;
  char               *origin;
};

G_DEFINE_FINAL_TYPE (LedgerImportRow, ledger_import_row, G_TYPE_OBJECT)

/**
 * ledger_import_classify:
 * @old: (nullable): the ledger's value of the cell, or %NULL for none
 * @value: the value a file gives for it
 *
 * The one rule of every import: a value where there was none is added,
 * the same value (figure, note and source) is unchanged, any other
 * changes the ledger's.
 */
LedgerImportAction
ledger_import_classify (LedgerValue *old,
                        LedgerValue *value)
{
  if (old == NULL)
    return LEDGER_IMPORT_ADD;
  return ledger_value_equal (old, value) ? LEDGER_IMPORT_UNCHANGED : LEDGER_IMPORT_CHANGE;
}

static void
ledger_import_row_finalize (GObject *object)
{
  LedgerImportRow *self = (LedgerImportRow *) object;

  g_free (self->subject);
  g_free (self->period);
  g_free (self->written_period);
  g_free (self->old_text);
  g_free (self->new_text);
  g_free (self->reason);
  g_free (self->origin);
  g_clear_object (&self->indicator);
  g_clear_object (&self->value);
  g_clear_object (&self->old);

  G_OBJECT_CLASS (ledger_import_row_parent_class)->finalize (object);
}

static void
ledger_import_row_class_init (LedgerImportRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ledger_import_row_finalize;
}

static void
ledger_import_row_init (LedgerImportRow *self)
{
}

LedgerImportRow *
ledger_import_row_new_refused (guint       line,
                               const char *subject,
                               const char *period,
                               const char *reason)
{
  LedgerImportRow *self = g_object_new (LEDGER_TYPE_IMPORT_ROW, NULL);

  self->line = line;
  self->action = LEDGER_IMPORT_REFUSED;
  self->subject = g_strdup (subject);
  self->period = g_strdup (period);
  self->reason = g_strdup (reason);
  return self;
}

/**
 * ledger_import_row_new:
 * @value: what the row would write
 * @old: (nullable): the ledger's value it replaces
 */
LedgerImportRow *
ledger_import_row_new (guint               line,
                       LedgerImportAction  action,
                       LedgerIndicator    *indicator,
                       LedgerValue        *value,
                       LedgerValue        *old)
{
  LedgerImportRow *self;

  g_return_val_if_fail (action != LEDGER_IMPORT_REFUSED, NULL);
  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), NULL);
  g_return_val_if_fail (LEDGER_IS_VALUE (value), NULL);

  self = g_object_new (LEDGER_TYPE_IMPORT_ROW, NULL);
  self->line = line;
  self->action = action;
  self->indicator = g_object_ref (indicator);
  self->value = g_object_ref (value);
  self->old = old != NULL ? g_object_ref (old) : NULL;
  return self;
}

guint
ledger_import_row_get_line (LedgerImportRow *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ROW (self), 0);
  return self->line;
}

LedgerImportAction
ledger_import_row_get_action (LedgerImportRow *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ROW (self), LEDGER_IMPORT_REFUSED);
  return self->action;
}

const char *
ledger_import_row_get_subject (LedgerImportRow *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ROW (self), NULL);
  return self->indicator != NULL ? ledger_indicator_get_name (self->indicator) : self->subject;
}

const char *
ledger_import_row_get_period (LedgerImportRow *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ROW (self), NULL);
  return self->value != NULL ? ledger_value_get_period (self->value) : self->period;
}

/* The period as the file wrote it ("上半年"), beside the ledger's code. */
void
ledger_import_row_set_written_period (LedgerImportRow *self,
                                      const char      *written)
{
  g_return_if_fail (LEDGER_IS_IMPORT_ROW (self));

  g_free (self->written_period);
  self->written_period = g_strstrip (g_strdup (written));
}

/* Returns: (nullable): the period as written, if it was set */
const char *
ledger_import_row_get_written_period (LedgerImportRow *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ROW (self), NULL);
  return self->written_period;
}

/* Returns: (nullable): the ledger's value that the row replaces */
const char *
ledger_import_row_get_old_text (LedgerImportRow *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ROW (self), NULL);
  if (self->old_text == NULL && self->old != NULL)
    self->old_text = ledger_indicator_describe_value (self->indicator, self->old);
  return self->old_text;
}

/* Returns: (nullable): the row's value; %NULL for a refused row */
const char *
ledger_import_row_get_new_text (LedgerImportRow *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ROW (self), NULL);
  if (self->new_text == NULL && self->value != NULL)
    self->new_text = ledger_indicator_describe_value (self->indicator, self->value);
  return self->new_text;
}

/* Returns: (nullable): why the row is refused */
const char *
ledger_import_row_get_reason (LedgerImportRow *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ROW (self), NULL);
  return self->reason;
}

/* Returns: (transfer none) (nullable): the value the row writes */
LedgerValue *
ledger_import_row_get_value (LedgerImportRow *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ROW (self), NULL);
  return self->value;
}

/* Returns: (transfer none) (nullable): the ledger's value the row
 * replaces, as read */
LedgerValue *
ledger_import_row_get_old (LedgerImportRow *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ROW (self), NULL);
  return self->old;
}

/* Returns: (transfer none) (nullable): the ledger's indicator the row writes to */
LedgerIndicator *
ledger_import_row_get_indicator (LedgerImportRow *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ROW (self), NULL);
  return self->indicator;
}

/**
 * ledger_import_row_set_origin:
 * @origin: where the row's value comes from, when its line does not say:
 *   the data packages that give it ("市统计局 · stats.tlpkg")
 */
void
ledger_import_row_set_origin (LedgerImportRow *self,
                              const char      *origin)
{
  g_return_if_fail (LEDGER_IS_IMPORT_ROW (self));
  g_free (self->origin);
  self->origin = g_strdup (origin);
}

/* Returns: (nullable): where the row's value comes from */
const char *
ledger_import_row_get_origin (LedgerImportRow *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ROW (self), NULL);
  return self->origin;
}
