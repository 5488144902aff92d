/* ledger-value.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-value"

#include "config.h"

#include "ledger-value.h"

/* A figure an indicator reports for one year-to-date period, with its note
 * and source; for a qualitative task, the hand-set status instead of a
 * number. Values are immutable snapshots of a row of the store. */
struct _LedgerValue
{
  GObject   parent_instance;

  gint64    indicator_id;
  char     *period;
  gboolean  has_number;
  double    number;
  char     *status;
  char     *note;
  char     *source;
  char     *updated_at;
  char     *updated_by;
  char     *region;      /* a region's code, or "" for the city */
  guint     n_summed;    /* a city total summed from this many regions' figures, or 0 */
  guint     n_regions;   /* … of this many regions counted in the total */
  gint64    version;     /* the stored row's version, 0 if not stored */
  gint64    expected;    /* the version a save expects to replace, -1: any */
};

G_DEFINE_FINAL_TYPE (LedgerValue, ledger_value, G_TYPE_OBJECT)

static void
ledger_value_finalize (GObject *object)
{
  LedgerValue *self = LEDGER_VALUE (object);

  g_clear_pointer (&self->period, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->updated_at, g_free);
  g_clear_pointer (&self->updated_by, g_free);
  g_clear_pointer (&self->region, g_free);

  G_OBJECT_CLASS (ledger_value_parent_class)->finalize (object);
}

static void
ledger_value_class_init (LedgerValueClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ledger_value_finalize;
}

static void
ledger_value_init (LedgerValue *self)
{
  self->expected = -1;
}

static LedgerValue *
value_new (gint64      indicator_id,
           const char *period,
           const char *note,
           const char *source)
{
  LedgerValue *self = g_object_new (LEDGER_TYPE_VALUE, NULL);

  self->indicator_id = indicator_id;
  self->period = g_strdup (period);
  self->status = g_strdup ("");
  self->note = g_strdup (note != NULL ? note : "");
  self->source = g_strdup (source != NULL ? source : "");
  self->updated_at = g_strdup ("");
  self->updated_by = g_strdup ("");
  self->region = g_strdup ("");
  return self;
}

LedgerValue *
ledger_value_new (gint64      indicator_id,
                  const char *period,
                  double      value,
                  const char *note,
                  const char *source)
{
  LedgerValue *self = value_new (indicator_id, period, note, source);

  self->has_number = TRUE;
  self->number = value;
  return self;
}

LedgerValue *
ledger_value_new_status (gint64      indicator_id,
                         const char *period,
                         const char *status,
                         const char *note,
                         const char *source)
{
  LedgerValue *self = value_new (indicator_id, period, note, source);

  g_free (self->status);
  self->status = g_strdup (status != NULL ? status : "");
  return self;
}

gint64
ledger_value_get_indicator_id (LedgerValue *self)
{
  g_return_val_if_fail (LEDGER_IS_VALUE (self), 0);
  return self->indicator_id;
}

const char *
ledger_value_get_period (LedgerValue *self)
{
  g_return_val_if_fail (LEDGER_IS_VALUE (self), NULL);
  return self->period;
}

gboolean
ledger_value_has_number (LedgerValue *self)
{
  g_return_val_if_fail (LEDGER_IS_VALUE (self), FALSE);
  return self->has_number;
}

double
ledger_value_get_number (LedgerValue *self)
{
  g_return_val_if_fail (LEDGER_IS_VALUE (self), 0);
  return self->number;
}

const char *
ledger_value_get_status (LedgerValue *self)
{
  g_return_val_if_fail (LEDGER_IS_VALUE (self), NULL);
  return self->status;
}

const char *
ledger_value_get_note (LedgerValue *self)
{
  g_return_val_if_fail (LEDGER_IS_VALUE (self), NULL);
  return self->note;
}

const char *
ledger_value_get_source (LedgerValue *self)
{
  g_return_val_if_fail (LEDGER_IS_VALUE (self), NULL);
  return self->source;
}

const char *
ledger_value_get_updated_at (LedgerValue *self)
{
  g_return_val_if_fail (LEDGER_IS_VALUE (self), NULL);
  return self->updated_at;
}

const char *
ledger_value_get_updated_by (LedgerValue *self)
{
  g_return_val_if_fail (LEDGER_IS_VALUE (self), NULL);
  return self->updated_by;
}

void
ledger_value_set_updated (LedgerValue *self,
                          const char  *updated_at,
                          const char  *updated_by)
{
  g_return_if_fail (LEDGER_IS_VALUE (self));

  g_free (self->updated_at);
  g_free (self->updated_by);
  self->updated_at = g_strdup (updated_at != NULL ? updated_at : "");
  self->updated_by = g_strdup (updated_by != NULL ? updated_by : "");
}

/* Whether two values record the same thing (who and when aside). */
gboolean
ledger_value_equal (LedgerValue *a,
                    LedgerValue *b)
{
  g_return_val_if_fail (LEDGER_IS_VALUE (a) && LEDGER_IS_VALUE (b), FALSE);

  return a->indicator_id == b->indicator_id &&
         g_str_equal (a->period, b->period) &&
         g_str_equal (a->region, b->region) &&
         a->has_number == b->has_number &&
         (!a->has_number || a->number == b->number) &&
         g_str_equal (a->status, b->status) &&
         g_str_equal (a->note, b->note) &&
         g_str_equal (a->source, b->source);
}

/* The region whose figure this is: a region's code, or "" for the city's
 * own. Set once, before the value is shared. */
const char *
ledger_value_get_region (LedgerValue *self)
{
  g_return_val_if_fail (LEDGER_IS_VALUE (self), NULL);
  return self->region;
}

void
ledger_value_set_region (LedgerValue *self,
                         const char  *region)
{
  g_return_if_fail (LEDGER_IS_VALUE (self));

  g_free (self->region);
  self->region = g_strdup (region != NULL ? region : "");
}

/**
 * ledger_value_get_version:
 *
 * Returns: the version of the stored row the value was read from (each
 *   save of the cell counts one up), or 0 for a value not read from the
 *   store
 */
gint64
ledger_value_get_version (LedgerValue *self)
{
  g_return_val_if_fail (LEDGER_IS_VALUE (self), 0);
  return self->version;
}

void
ledger_value_set_version (LedgerValue *self,
                          gint64       version)
{
  g_return_if_fail (LEDGER_IS_VALUE (self));
  self->version = version;
}

/**
 * ledger_value_get_expected_version:
 *
 * Returns: the version of the cell a save of this value replaces: the one
 *   shown when it was typed, 0 for a cell that was empty, or -1 (the
 *   default) for a save that replaces whatever is there
 */
gint64
ledger_value_get_expected_version (LedgerValue *self)
{
  g_return_val_if_fail (LEDGER_IS_VALUE (self), -1);
  return self->expected;
}

/* A save checks the cell still holds @version (see above): what another
 * desk saved meanwhile is never overwritten unseen. */
void
ledger_value_set_expected_version (LedgerValue *self,
                                   gint64       version)
{
  g_return_if_fail (LEDGER_IS_VALUE (self));
  self->expected = version;
}

/**
 * ledger_value_get_summed:
 * @n_regions: (out) (optional): how many regions count in the city's total
 *
 * Returns: for a city figure the ledger summed from its regions' (it has
 *   none of its own for the period), how many regions it summed; else 0
 */
guint
ledger_value_get_summed (LedgerValue *self,
                         guint       *n_regions)
{
  g_return_val_if_fail (LEDGER_IS_VALUE (self), 0);

  if (n_regions != NULL)
    *n_regions = self->n_regions;
  return self->n_summed;
}

void
ledger_value_set_summed (LedgerValue *self,
                         guint        n_summed,
                         guint        n_regions)
{
  g_return_if_fail (LEDGER_IS_VALUE (self));

  self->n_summed = n_summed;
  self->n_regions = n_regions;
}
