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
 * (with the ledger's value it replaces) or why it is refused. A conflict
 * of data packages is a row to change with the candidates the cell could
 * take, where they came from, and the one chosen, which is its value.
 * Immutable but for that choice; the values are put in words only when
 * shown, as an import of 100 000 rows shows few of them. */

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
  char               *code;        /* as the file wrote it, for a row refused */
  char               *region_subject;  /* "新增城镇就业 · 潞州区" for a region's figure */
  GPtrArray          *candidates;  /* of LedgerImportCandidate, for a conflict */
  int                 chosen;      /* the candidate to keep, or -1 */
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
  g_free (self->code);
  g_free (self->region_subject);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);
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
  self->chosen = -1;
}

/* Returns: (transfer full): a candidate given by no package yet */
LedgerImportCandidate *
ledger_import_candidate_new (LedgerValue *value,
                             gboolean     in_ledger)
{
  LedgerImportCandidate *candidate = g_new0 (LedgerImportCandidate, 1);

  candidate->value = g_object_ref (value);
  candidate->in_ledger = in_ledger;
  candidate->origin = g_strdup ("");
  return candidate;
}

void
ledger_import_candidate_free (LedgerImportCandidate *candidate)
{
  g_clear_object (&candidate->value);
  g_free (candidate->origin);
  g_free (candidate);
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
  if (self->region_subject != NULL)
    return self->region_subject;
  return self->indicator != NULL ? ledger_indicator_get_name (self->indicator) : self->subject;
}

/**
 * ledger_import_row_set_region:
 * @region: (nullable): the region whose figure the row gives
 *
 * A region's figure is shown as the indicator and the region:
 * "新增城镇就业 · 潞州区" (docs/regions.md).
 */
void
ledger_import_row_set_region (LedgerImportRow    *self,
                              const LedgerRegion *region)
{
  g_return_if_fail (LEDGER_IS_IMPORT_ROW (self));

  g_clear_pointer (&self->region_subject, g_free);
  if (region != NULL)
    self->region_subject = g_strdup_printf ("%s · %s", self->indicator != NULL
                                                       ? ledger_indicator_get_name (self->indicator)
                                                       : self->subject,
                                            region->name);
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

/**
 * ledger_import_row_set_code:
 * @code: the indicator's code as the file wrote it, for a row refused
 */
void
ledger_import_row_set_code (LedgerImportRow *self,
                            const char      *code)
{
  g_return_if_fail (LEDGER_IS_IMPORT_ROW (self));
  g_free (self->code);
  self->code = g_strdup (code);
}

/* Returns: (nullable): the indicator's code: the ledger's, or as written */
const char *
ledger_import_row_get_code (LedgerImportRow *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ROW (self), NULL);
  return self->indicator != NULL ? ledger_indicator_get_code (self->indicator) : self->code;
}

/**
 * ledger_import_row_new_conflict:
 * @old: (nullable): the ledger's value of the cell
 * @candidates: (transfer full) (element-type LedgerImportCandidate): the
 *   values the cell could take, the ledger's first if it has one
 *
 * A cell the ledger and a package, or two packages, fill differently.
 * By default the ledger keeps what it has: its candidate is chosen, or
 * none when the cell is empty.
 */
LedgerImportRow *
ledger_import_row_new_conflict (LedgerIndicator *indicator,
                                const char      *period,
                                LedgerValue     *old,
                                GPtrArray       *candidates)
{
  LedgerImportRow *self;

  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), NULL);
  g_return_val_if_fail (candidates != NULL && candidates->len > 0, NULL);

  self = g_object_new (LEDGER_TYPE_IMPORT_ROW, NULL);
  self->action = LEDGER_IMPORT_CHANGE;
  self->indicator = g_object_ref (indicator);
  self->period = g_strdup (period);
  self->old = old != NULL ? g_object_ref (old) : NULL;
  self->candidates = candidates;
  ledger_import_row_choose (self, old != NULL ? 0 : -1);
  return self;
}

/* Returns: how many values a conflict can take; 0 for any other row */
guint
ledger_import_row_get_n_candidates (LedgerImportRow *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ROW (self), 0);
  return self->candidates != NULL ? self->candidates->len : 0;
}

const LedgerImportCandidate *
ledger_import_row_get_candidate (LedgerImportRow *self,
                                 guint            index)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ROW (self), NULL);
  g_return_val_if_fail (index < ledger_import_row_get_n_candidates (self), NULL);
  return g_ptr_array_index (self->candidates, index);
}

/**
 * ledger_import_row_choose:
 * @index: the candidate to keep, or -1 to leave the cell as the ledger has it
 *
 * Resolves a conflict: the chosen candidate becomes the row's value and
 * origin (none for -1).
 *
 * Returns: %FALSE if @index is out of range or the row is no conflict
 */
gboolean
ledger_import_row_choose (LedgerImportRow *self,
                          int              index)
{
  const LedgerImportCandidate *chosen;

  g_return_val_if_fail (LEDGER_IS_IMPORT_ROW (self), FALSE);

  if (self->candidates == NULL || index < -1 || index >= (int) self->candidates->len)
    return FALSE;
  self->chosen = index;
  chosen = index >= 0 ? g_ptr_array_index (self->candidates, index) : NULL;
  g_clear_object (&self->value);
  self->value = chosen != NULL ? g_object_ref (chosen->value) : NULL;
  ledger_import_row_set_origin (self, chosen != NULL ? chosen->origin : NULL);
  g_clear_pointer (&self->new_text, g_free);
  return TRUE;
}

/* Returns: the candidate chosen, or -1 for none */
int
ledger_import_row_get_chosen (LedgerImportRow *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_ROW (self), -1);
  return self->chosen;
}
