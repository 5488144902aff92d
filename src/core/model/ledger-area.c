/* ledger-area.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-area"

#include "config.h"

#include "ledger-area.h"

/* A section of the plan (工作领域). Its children are the tasks; the short title
 * names it in the sidebar. */
struct _LedgerArea
{
  LedgerNode  parent_instance;

  char       *short_title;
};

G_DEFINE_FINAL_TYPE (LedgerArea, ledger_area, LEDGER_TYPE_NODE)

enum {
  PROP_0,
  PROP_SHORT_TITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
ledger_area_finalize (GObject *object)
{
  LedgerArea *self = LEDGER_AREA (object);

  g_clear_pointer (&self->short_title, g_free);

  G_OBJECT_CLASS (ledger_area_parent_class)->finalize (object);
}

static void
ledger_area_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LedgerArea *self = LEDGER_AREA (object);

  if (prop_id == PROP_SHORT_TITLE)
    g_value_set_string (value, self->short_title);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ledger_area_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LedgerArea *self = LEDGER_AREA (object);

  if (prop_id == PROP_SHORT_TITLE)
    self->short_title = g_value_dup_string (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ledger_area_class_init (LedgerAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ledger_area_finalize;
  object_class->get_property = ledger_area_get_property;
  object_class->set_property = ledger_area_set_property;

  properties [PROP_SHORT_TITLE] =
    g_param_spec_string ("short-title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ledger_area_init (LedgerArea *self)
{
}

const char *
ledger_area_get_short_title (LedgerArea *self)
{
  g_return_val_if_fail (LEDGER_IS_AREA (self), NULL);
  return self->short_title;
}
