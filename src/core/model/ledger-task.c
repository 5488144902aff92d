/* ledger-task.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-task"

#include "config.h"

#include "ledger-task.h"

/* A bullet of an area (重点任务). Its children are the indicators; a task
 * without a number has one qualitative indicator. It has a lead unit
 * (牵头单位), supporting units (配合单位, one per line), milestones and
 * sub-items (docs/domain.md, Follow-up). */
struct _LedgerTask
{
  LedgerNode  parent_instance;

  char       *text;
  char       *lead_unit;
  char       *supporting_units;
  GPtrArray  *milestones;
  GPtrArray  *sub_items;
};

G_DEFINE_FINAL_TYPE (LedgerTask, ledger_task, LEDGER_TYPE_NODE)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_LEAD_UNIT,
  PROP_SUPPORTING_UNITS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
ledger_task_finalize (GObject *object)
{
  LedgerTask *self = LEDGER_TASK (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->lead_unit, g_free);
  g_clear_pointer (&self->supporting_units, g_free);
  g_clear_pointer (&self->milestones, g_ptr_array_unref);
  g_clear_pointer (&self->sub_items, g_ptr_array_unref);

  G_OBJECT_CLASS (ledger_task_parent_class)->finalize (object);
}

static char **
string_field (LedgerTask *self,
              guint       prop_id)
{
  switch (prop_id)
    {
    case PROP_TEXT: return &self->text;
    case PROP_LEAD_UNIT: return &self->lead_unit;
    case PROP_SUPPORTING_UNITS: return &self->supporting_units;
    default: return NULL;
    }
}

static void
ledger_task_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  char **field = string_field (LEDGER_TASK (object), prop_id);

  if (field != NULL)
    g_value_set_string (value, *field);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ledger_task_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  char **field = string_field (LEDGER_TASK (object), prop_id);

  if (field != NULL)
    {
      g_free (*field);
      *field = g_value_dup_string (value);
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ledger_task_class_init (LedgerTaskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ledger_task_finalize;
  object_class->get_property = ledger_task_get_property;
  object_class->set_property = ledger_task_set_property;

  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_LEAD_UNIT] =
    g_param_spec_string ("lead-unit", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  /* One unit per line, in the office's order */
  properties [PROP_SUPPORTING_UNITS] =
    g_param_spec_string ("supporting-units", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ledger_task_init (LedgerTask *self)
{
  self->milestones = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_milestone_free);
  self->sub_items = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_sub_item_free);
}

const char *
ledger_task_get_text (LedgerTask *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK (self), NULL);
  return self->text;
}

const char *
ledger_task_get_lead_unit (LedgerTask *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK (self), NULL);
  return self->lead_unit;
}

const char *
ledger_task_get_supporting_units (LedgerTask *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK (self), NULL);
  return self->supporting_units;
}

/* Returns: (transfer none) (element-type LedgerMilestone): the task's
 * milestones, by due date; the array is the task's own to fill */
GPtrArray *
ledger_task_get_milestones (LedgerTask *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK (self), NULL);
  return self->milestones;
}

/* Returns: (transfer none) (element-type LedgerSubItem): the task's
 * sub-items, in their order */
GPtrArray *
ledger_task_get_sub_items (LedgerTask *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK (self), NULL);
  return self->sub_items;
}
