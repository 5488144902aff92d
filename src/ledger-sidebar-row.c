/* ledger-sidebar-row.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-sidebar-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-area.h"
#include "ledger-sidebar-row.h"
#include "ledger-tooltip.h"
#include "ledger-status-summary.h"

/* A sidebar item: the plan's overview, or one of its areas by its short
 * title, with a compact count of its indicators by status; or, for a plan
 * with regions, its regions' ranking (no count: it ranks, it has no
 * statuses of its own). */
struct _LedgerSidebarRow
{
  GtkListBoxRow  parent_instance;

  LedgerContext *context;
  LedgerPlan    *plan;
  LedgerNode    *area;
  GtkWidget     *summary;
  gboolean       ranking;
};

G_DEFINE_FINAL_TYPE (LedgerSidebarRow, ledger_sidebar_row, GTK_TYPE_LIST_BOX_ROW)

static LedgerNode *
counted_node (LedgerSidebarRow *self)
{
  return self->area != NULL ? self->area : LEDGER_NODE (self->plan);
}

static void
update_summary (LedgerSidebarRow *self)
{
  guint counts[LEDGER_N_STATUSES];
  g_autofree char *text = NULL;

  if (self->ranking)
    return;
  ledger_context_count_statuses (self->context, counted_node (self), counts);
  ledger_status_summary_set_counts (LEDGER_STATUS_SUMMARY (self->summary), counts);
  /* GTK 4.8 names a row only by its label: the counts are its description. */
  text = ledger_status_summary_dup_text (LEDGER_STATUS_SUMMARY (self->summary));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void
ledger_sidebar_row_dispose (GObject *object)
{
  LedgerSidebarRow *self = LEDGER_SIDEBAR_ROW (object);

  g_clear_object (&self->context);
  g_clear_object (&self->plan);
  g_clear_object (&self->area);

  G_OBJECT_CLASS (ledger_sidebar_row_parent_class)->dispose (object);
}

static void
ledger_sidebar_row_class_init (LedgerSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ledger_sidebar_row_dispose;
}

static void
ledger_sidebar_row_init (LedgerSidebarRow *self)
{
}

static GtkWidget *
sidebar_row_new (LedgerContext *context,
                 LedgerPlan    *plan,
                 LedgerNode    *area,
                 gboolean       ranking)
{
  LedgerSidebarRow *self = g_object_new (LEDGER_TYPE_SIDEBAR_ROW, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;

  self->context = g_object_ref (context);
  self->plan = g_object_ref (plan);
  self->area = area != NULL ? g_object_ref (area) : NULL;
  self->ranking = ranking;

  label = gtk_label_new (ledger_sidebar_row_get_title (self));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  self->summary = ledger_status_summary_new (TRUE);
  gtk_widget_set_valign (self->summary, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), self->summary);
  gtk_widget_set_visible (self->summary, !ranking);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
  if (area != NULL)
    ledger_tooltip_set (GTK_WIDGET (self), ledger_node_get_title (area));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ledger_sidebar_row_get_title (self), -1);

  update_summary (self);
  g_signal_connect_object (context, "changed", G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

GtkWidget *
ledger_sidebar_row_new (LedgerContext *context,
                        LedgerPlan    *plan,
                        LedgerNode    *area)
{
  return sidebar_row_new (context, plan, area, FALSE);
}

/* The row of the plan's regions' ranking (区县排名). */
GtkWidget *
ledger_sidebar_row_new_ranking (LedgerContext *context,
                                LedgerPlan    *plan)
{
  return sidebar_row_new (context, plan, NULL, TRUE);
}

gboolean
ledger_sidebar_row_is_ranking (LedgerSidebarRow *self)
{
  g_return_val_if_fail (LEDGER_IS_SIDEBAR_ROW (self), FALSE);
  return self->ranking;
}

/* Returns: (nullable): the area, or %NULL for the overview */
LedgerNode *
ledger_sidebar_row_get_area (LedgerSidebarRow *self)
{
  g_return_val_if_fail (LEDGER_IS_SIDEBAR_ROW (self), NULL);
  return self->area;
}

/* The name of the row's page: the area's uuid, or the plan's for the
 * overview; "ranking" for the regions' ranking. */
const char *
ledger_sidebar_row_get_key (LedgerSidebarRow *self)
{
  g_return_val_if_fail (LEDGER_IS_SIDEBAR_ROW (self), NULL);
  if (self->ranking)
    return LEDGER_SIDEBAR_RANKING_KEY;
  return ledger_node_get_uuid (counted_node (self));
}

const char *
ledger_sidebar_row_get_title (LedgerSidebarRow *self)
{
  g_return_val_if_fail (LEDGER_IS_SIDEBAR_ROW (self), NULL);

  if (self->area != NULL)
    return ledger_area_get_short_title (LEDGER_AREA (self->area));
  if (self->ranking)
    return _("Region Rankings");
  return _("Overview");
}
