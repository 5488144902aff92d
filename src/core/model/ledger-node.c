/* ledger-node.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-node"

#include "config.h"

#include "ledger-node.h"

/* The common part of plans, areas and tasks: an identity, a title and the
 * ordered children of the next level (areas, tasks, indicators). */
typedef struct
{
  gint64      id;
  char       *uuid;
  char       *title;
  GListStore *children;
} LedgerNodePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (LedgerNode, ledger_node, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_TITLE,
  PROP_CHILDREN,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
ledger_node_finalize (GObject *object)
{
  LedgerNodePrivate *priv = ledger_node_get_instance_private (LEDGER_NODE (object));

  g_clear_pointer (&priv->uuid, g_free);
  g_clear_pointer (&priv->title, g_free);
  g_clear_object (&priv->children);

  G_OBJECT_CLASS (ledger_node_parent_class)->finalize (object);
}

static void
ledger_node_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LedgerNodePrivate *priv = ledger_node_get_instance_private (LEDGER_NODE (object));

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, priv->id); break;
    case PROP_UUID: g_value_set_string (value, priv->uuid); break;
    case PROP_TITLE: g_value_set_string (value, priv->title); break;
    case PROP_CHILDREN: g_value_set_object (value, priv->children); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_node_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LedgerNode *self = LEDGER_NODE (object);
  LedgerNodePrivate *priv = ledger_node_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      ledger_node_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_UUID:
      g_free (priv->uuid);
      priv->uuid = g_value_dup_string (value);
      break;
    case PROP_TITLE:
      g_free (priv->title);
      priv->title = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_node_class_init (LedgerNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ledger_node_finalize;
  object_class->get_property = ledger_node_get_property;
  object_class->set_property = ledger_node_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_CHILDREN] =
    g_param_spec_object ("children", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ledger_node_init (LedgerNode *self)
{
  LedgerNodePrivate *priv = ledger_node_get_instance_private (self);

  priv->children = g_list_store_new (G_TYPE_OBJECT);
}

gint64
ledger_node_get_id (LedgerNode *self)
{
  LedgerNodePrivate *priv = ledger_node_get_instance_private (self);

  g_return_val_if_fail (LEDGER_IS_NODE (self), 0);
  return priv->id;
}

void
ledger_node_set_id (LedgerNode *self,
                    gint64      id)
{
  LedgerNodePrivate *priv = ledger_node_get_instance_private (self);

  g_return_if_fail (LEDGER_IS_NODE (self));

  if (priv->id != id)
    {
      priv->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
    }
}

const char *
ledger_node_get_uuid (LedgerNode *self)
{
  LedgerNodePrivate *priv = ledger_node_get_instance_private (self);

  g_return_val_if_fail (LEDGER_IS_NODE (self), NULL);
  return priv->uuid;
}

const char *
ledger_node_get_title (LedgerNode *self)
{
  LedgerNodePrivate *priv = ledger_node_get_instance_private (self);

  g_return_val_if_fail (LEDGER_IS_NODE (self), NULL);
  return priv->title;
}

/* Returns: (transfer none): the areas of a plan, the tasks of an area or the
 * indicators of a task, in the order of the document */
GListModel *
ledger_node_get_children (LedgerNode *self)
{
  LedgerNodePrivate *priv = ledger_node_get_instance_private (self);

  g_return_val_if_fail (LEDGER_IS_NODE (self), NULL);
  return G_LIST_MODEL (priv->children);
}

void
ledger_node_append_child (LedgerNode *self,
                          GObject    *child)
{
  LedgerNodePrivate *priv = ledger_node_get_instance_private (self);

  g_return_if_fail (LEDGER_IS_NODE (self));
  g_list_store_append (priv->children, child);
}
