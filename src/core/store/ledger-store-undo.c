/* ledger-store-undo.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-store-private.h"

/* Undo: every committed transaction that wrote values or changed an
 * indicator's definition can be reverted as a whole, last first — a batch
 * of sixty values is one step. The store remembers, while a transaction is
 * open, what each write overwrote; the undo writes it back in one
 * transaction, logged like any change (origin "undo"). The history lives
 * as long as the store is open. */

#define MAX_UNDO_STEPS 100

typedef struct
{
  gint64           indicator_id;
  char            *period;     /* NULL for a change of definition */
  char            *region;     /* a value's region, "" for the city's */
  LedgerValue     *old;        /* NULL when there was no value */
  LedgerValue     *written;    /* what the transaction left there, NULL: none */
  LedgerIndicator *indicator;  /* the old definition */
  StoreRestoreFunc restore;    /* a row of the follow-up (period is its UUID) */
  gpointer         row;        /* as it was, or NULL */
  GDestroyNotify   row_free;
  LedgerAttachment *attachment; /* an attachment added (attachment_added) or removed */
  gboolean          attachment_added;
} UndoStep;

static void
undo_step_free (UndoStep *step)
{
  g_free (step->period);
  g_free (step->region);
  g_clear_object (&step->old);
  g_clear_object (&step->written);
  g_clear_object (&step->indicator);
  if (step->row != NULL)
    step->row_free (step->row);
  g_clear_object (&step->attachment);
  g_free (step);
}

static GPtrArray *
steps_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) undo_step_free);
}

static guint
step_hash (gconstpointer step)
{
  const UndoStep *s = step;

  return g_int64_hash (&s->indicator_id) * 31 + (s->period != NULL ? g_str_hash (s->period) : 0) +
         (s->region != NULL ? g_str_hash (s->region) * 7 : 0) +
         (s->attachment != NULL ? g_str_hash (ledger_attachment_get_uuid (s->attachment)) : 0);
}

static gboolean
step_equal (gconstpointer a,
            gconstpointer b)
{
  const UndoStep *s = a, *t = b;

  return s->indicator_id == t->indicator_id && g_strcmp0 (s->period, t->period) == 0 &&
         g_strcmp0 (s->region, t->region) == 0 &&
         (s->attachment == NULL) == (t->attachment == NULL) &&
         (s->attachment == NULL || g_str_equal (ledger_attachment_get_uuid (s->attachment),
                                                ledger_attachment_get_uuid (t->attachment)));
}

void
store_undo_init (LedgerStore *self)
{
  self->undo_pending = steps_new ();
  self->undo_pending_keys = g_hash_table_new (step_hash, step_equal);
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
}

/* The first write of a value in a transaction is the one to undo to: a
 * set of the steps recorded (by indicator and period) keeps an import of
 * 100 000 rows linear. Takes @step, or frees it if its cell has one. */
static void
record (LedgerStore *self,
        UndoStep    *step)
{
  UndoStep *first = self->undoing ? NULL : g_hash_table_lookup (self->undo_pending_keys, step);

  if (self->undoing || first != NULL)
    {
      /* The cell's last write in the transaction is what it left. */
      if (first != NULL)
        g_set_object (&first->written, step->written);
      undo_step_free (step);
      return;
    }
  g_hash_table_add (self->undo_pending_keys, step);
  g_ptr_array_add (self->undo_pending, step);
}

/* @written: what the transaction writes to the cell, %NULL for a removal */
void
store_undo_record_value (LedgerStore *self,
                         gint64       indicator_id,
                         const char  *region,
                         const char  *period,
                         LedgerValue *old,
                         LedgerValue *written)
{
  UndoStep *step = g_new0 (UndoStep, 1);

  step->indicator_id = indicator_id;
  step->region = g_strdup (region);
  step->period = g_strdup (period);
  step->old = old != NULL ? g_object_ref (old) : NULL;
  step->written = written != NULL ? g_object_ref (written) : NULL;
  record (self, step);
}

/* Undo puts back what this desk replaced, unless someone else (another
 * desk on the server, another program on the file) has written the cell
 * since: theirs is not overwritten unseen. */
static gboolean
check_cell_is_ours (LedgerStore  *self,
                    UndoStep     *step,
                    GError      **error)
{
  g_autoptr(LedgerValue) now = ledger_store_get_region_value (self, step->indicator_id, step->region,
                                                              step->period);

  g_autofree char *period = NULL;
  g_autofree char *when = NULL;

  if (now == NULL ? step->written == NULL
                  : step->written != NULL && ledger_value_equal (now, step->written))
    return TRUE;
  period = ledger_period_code_label (step->period);
  if (now == NULL)
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CONFLICT,
                   _("Someone else has removed the figure for %s since: nothing was undone."), period);
      return FALSE;
    }
  when = store_time_words (ledger_value_get_updated_at (now));
  g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CONFLICT,
               _("%s has changed the figure for %s since (at %s): nothing was undone, so as not to "
                 "overwrite it."), ledger_value_get_updated_by (now), period, when);
  return FALSE;
}

void
store_undo_record_indicator (LedgerStore     *self,
                             LedgerIndicator *old)
{
  UndoStep *step = g_new0 (UndoStep, 1);

  step->indicator_id = ledger_indicator_get_id (old);
  step->indicator = g_object_ref (old);
  record (self, step);
}

/* A row of the follow-up (a milestone, a sub-item, a task's units) as it
 * was before the transaction, by its UUID: takes @old. */
void
store_undo_record_row (LedgerStore      *self,
                       const char       *uuid,
                       StoreRestoreFunc  restore,
                       gpointer          old,
                       GDestroyNotify    free_old)
{
  UndoStep *step = g_new0 (UndoStep, 1);

  step->period = g_strdup (uuid);
  step->restore = restore;
  step->row = old;
  step->row_free = free_old;
  record (self, step);
}

/* After a change that cannot be undone (a plan added, an indicator
 * deleted), earlier steps could no longer be undone safely: once the
 * transaction commits, the history starts anew. */
/* An attachment added (@added) or removed: undone by the opposite. */
void
store_undo_record_attachment (LedgerStore      *self,
                              LedgerAttachment *attachment,
                              gboolean          added)
{
  UndoStep *step = g_new0 (UndoStep, 1);

  step->indicator_id = ledger_attachment_get_indicator_id (attachment);
  step->period = g_strdup (ledger_attachment_get_period (attachment));
  step->attachment = g_object_ref (attachment);
  step->attachment_added = added;
  record (self, step);
}

void
store_undo_forget (LedgerStore *self)
{
  self->undo_forget = TRUE;
}

void
store_undo_commit (LedgerStore *self)
{
  if (self->undo_forget)
    {
      self->undo_forget = FALSE;
      self->told |= STORE_TOLD_FORGOT_UNDO;
      g_ptr_array_set_size (self->undo_stack, 0);
      g_ptr_array_set_size (self->undo_pending, 0);
      g_hash_table_remove_all (self->undo_pending_keys);
      return;
    }
  g_hash_table_remove_all (self->undo_pending_keys);
  if (self->undo_pending->len == 0)
    return;
  g_ptr_array_add (self->undo_stack, self->undo_pending);
  self->undo_pending = steps_new ();
  if (self->undo_stack->len > MAX_UNDO_STEPS)
    g_ptr_array_remove_index (self->undo_stack, 0);
}

void
store_undo_rollback (LedgerStore *self)
{
  self->undo_forget = FALSE;
  g_ptr_array_set_size (self->undo_pending, 0);
  g_hash_table_remove_all (self->undo_pending_keys);
}

gboolean
ledger_store_can_undo (LedgerStore *self)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  return self->undo_stack->len > 0 && !self->undo_away;
}

static gboolean
undo_step (LedgerStore  *self,
           UndoStep     *step,
           GError      **error)
{
  if (step->restore != NULL)
    return step->restore (self, step->period, step->row, error);
  if (step->attachment != NULL)
    return step->attachment_added ? store_unlink_attachment (self, step->attachment, "undo", error)
                                  : store_link_attachment (self, step->attachment, "undo", error);
  if (step->indicator != NULL)
    return store_update_indicator (self, step->indicator, error);
  if (!check_cell_is_ours (self, step, error))
    return FALSE;
  if (step->old != NULL)
    return store_write_value (self, step->old, "undo", error);
  return store_remove_value (self, step->indicator_id, step->region, step->period, "undo", error);
}

/**
 * ledger_store_undo:
 *
 * Reverts the last change that can be undone, in one transaction, and
 * logs it. Emits the signals of the change.
 *
 * Returns: %TRUE when something was undone, %FALSE when there was nothing
 *   to undo or on error (with @error set)
 */
gboolean
ledger_store_undo (LedgerStore  *self,
                   GError      **error)
{
  g_autoptr(GPtrArray) steps = NULL;
  gboolean plan_changed = FALSE;

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);

  if (self->undo_stack->len == 0)
    return FALSE;
  steps = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  if (!store_begin (self, error))
    goto failed;

  self->undoing = TRUE;
  for (guint i = steps->len; i > 0; i--)
    {
      UndoStep *step = g_ptr_array_index (steps, i - 1);

      plan_changed |= step->indicator != NULL;
      if (!undo_step (self, step, error))
        {
          self->undoing = FALSE;
          store_rollback (self);
          goto failed;
        }
    }
  self->undoing = FALSE;
  if (!store_commit (self, error))
    {
      store_rollback (self);
      goto failed;
    }

  if (plan_changed)
    store_emit_plans_changed (self);
  store_emit_values_changed (self, steps->len == 1 ? ((UndoStep *) g_ptr_array_index (steps, 0))->indicator_id : 0);
  return TRUE;

failed:
  /* What could not be undone stays on the stack, to try again. */
  g_ptr_array_add (self->undo_stack, g_steal_pointer (&steps));
  return FALSE;
}

/**
 * ledger_store_take_changes_from:
 * @other: another store on the same file that wrote values (a worker's)
 *
 * Takes over what @other can undo, so that this store's undo reverts
 * writes made by a worker thread, and tells this store's views what
 * changed: values, plans, or the whole ledger (a restored backup).
 */
void
ledger_store_take_changes_from (LedgerStore *self,
                                LedgerStore *other)
{
  StoreTold told;

  g_return_if_fail (LEDGER_IS_STORE (self));
  g_return_if_fail (LEDGER_IS_STORE (other));
  g_return_if_fail (g_strcmp0 (self->path, other->path) == 0);

  told = other->told;
  other->told = 0;
  /* What the window could undo is gone from the file too. */
  if (told & (STORE_TOLD_FORGOT_UNDO | STORE_TOLD_REPLACED))
    g_ptr_array_set_size (self->undo_stack, 0);
  /* A restored ledger may have another schema: statements are prepared again. */
  if (told & STORE_TOLD_REPLACED)
    g_hash_table_remove_all (self->statements);
  if (told & STORE_TOLD_PLANS)
    store_emit_plans_changed (self);
  if (other->undo_stack->len == 0 && !(told & (STORE_TOLD_REPLACED | STORE_TOLD_VALUES)))
    return;
  while (other->undo_stack->len > 0)
    {
      g_ptr_array_add (self->undo_stack, g_ptr_array_steal_index (other->undo_stack, 0));
      if (self->undo_stack->len > MAX_UNDO_STEPS)
        g_ptr_array_remove_index (self->undo_stack, 0);
    }
  store_emit_values_changed (self, 0);
}

/* Takes the last step of undo off the stack, for a worker to undo it
 * (store_push_undo() on its store, then ledger_store_undo()); until it is
 * given back or undone, nothing else can be undone.
 * Returns: (transfer full) (nullable): the step, or %NULL if none */
GPtrArray *
store_take_last_undo (LedgerStore *self)
{
  if (self->undo_stack->len == 0 || self->undo_away)
    return NULL;
  self->undo_away = TRUE;
  return g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
}

/* Puts @steps on top of the stack: a step a worker is to undo, or one
 * that never reached it. */
void
store_push_undo (LedgerStore *self,
                 GPtrArray   *steps)
{
  g_ptr_array_add (self->undo_stack, steps);
}

/* The step taken by store_take_last_undo() is undone or back. */
void
store_undo_returned (LedgerStore *self)
{
  self->undo_away = FALSE;
}
