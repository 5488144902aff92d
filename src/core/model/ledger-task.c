/* ledger-task.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-task"

#include "config.h"

#include "ledger-task.h"

/* A bullet of an area (重点任务). Its children are the indicators; a task
 * without a number has one qualitative indicator. */
struct _LedgerTask
{
  LedgerNode  parent_instance;

  char       *text;
};

G_DEFINE_FINAL_TYPE (LedgerTask, ledger_task, LEDGER_TYPE_NODE)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
ledger_task_finalize (GObject *object)
{
  LedgerTask *self = LEDGER_TASK (object);

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (ledger_task_parent_class)->finalize (object);
}

static void
ledger_task_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LedgerTask *self = LEDGER_TASK (object);

  if (prop_id == PROP_TEXT)
    g_value_set_string (value, self->text);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ledger_task_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LedgerTask *self = LEDGER_TASK (object);

  if (prop_id == PROP_TEXT)
    self->text = g_value_dup_string (value);
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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ledger_task_init (LedgerTask *self)
{
}

const char *
ledger_task_get_text (LedgerTask *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK (self), NULL);
  return self->text;
}
