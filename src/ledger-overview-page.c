/* ledger-overview-page.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-area.h"
#include "ledger-overview-page.h"
#include "ledger-status-summary.h"
#include "ledger-window.h"

/* 总览: the plan at a glance — its areas, and how many of each area's
 * indicators have a value recorded. */
struct _LedgerOverviewPage
{
  AdwBin                parent_instance;

  LedgerContext        *context;
  LedgerPlan           *plan;
  GPtrArray            *area_rows;

  GtkLabel             *title_label;
  GtkLabel             *summary_label;
  LedgerStatusSummary  *summary;
  AdwPreferencesGroup  *areas_group;
};

G_DEFINE_FINAL_TYPE (LedgerOverviewPage, ledger_overview_page, ADW_TYPE_BIN)

static guint
total (const guint counts[LEDGER_N_STATUSES])
{
  guint sum = 0;

  for (guint i = 0; i < LEDGER_N_STATUSES; i++)
    sum += counts[i];
  return sum;
}

static void
update_counts (LedgerOverviewPage *self)
{
  guint counts[LEDGER_N_STATUSES];
  g_autofree char *summary = NULL;
  guint n;

  for (guint i = 0; i < self->area_rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (self->area_rows, i);
      LedgerNode *area = g_object_get_data (G_OBJECT (row), "area");
      LedgerStatusSummary *area_summary = g_object_get_data (G_OBJECT (row), "summary");

      ledger_context_count_statuses (self->context, area, counts);
      ledger_status_summary_set_counts (area_summary, counts);
    }

  ledger_context_count_statuses (self->context, LEDGER_NODE (self->plan), counts);
  ledger_status_summary_set_counts (self->summary, counts);
  n = total (counts);
  summary = g_strdup_printf (ngettext ("%s · %u indicator or task", "%s · %u indicators and tasks", n),
                             ledger_plan_get_region (self->plan), n);
  gtk_label_set_text (self->summary_label, summary);
}

static void
area_row_activated_cb (AdwActionRow *row,
                       gpointer      user_data)
{
  LedgerNode *area = g_object_get_data (G_OBJECT (row), "area");
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (row), LEDGER_TYPE_WINDOW);

  if (window != NULL)
    ledger_window_select_page (LEDGER_WINDOW (window), ledger_node_get_uuid (area));
}

static void
build (LedgerOverviewPage *self)
{
  GListModel *areas = ledger_node_get_children (LEDGER_NODE (self->plan));

  gtk_label_set_text (self->title_label, ledger_node_get_title (LEDGER_NODE (self->plan)));
  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      g_autoptr(LedgerArea) area = g_list_model_get_item (areas, i);
      g_autofree char *title = g_markup_escape_text (ledger_node_get_title (LEDGER_NODE (area)), -1);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *area_summary = ledger_status_summary_new (TRUE);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_valign (area_summary, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), area_summary);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "area", g_object_ref (area), g_object_unref);
      g_object_set_data (G_OBJECT (row), "summary", area_summary);
      g_signal_connect (row, "activated", G_CALLBACK (area_row_activated_cb), NULL);
      adw_preferences_group_add (self->areas_group, row);
      g_ptr_array_add (self->area_rows, row);
    }
  update_counts (self);
}

static void
ledger_overview_page_dispose (GObject *object)
{
  LedgerOverviewPage *self = LEDGER_OVERVIEW_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_OVERVIEW_PAGE);
  g_clear_pointer (&self->area_rows, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (ledger_overview_page_parent_class)->dispose (object);
}

static void
ledger_overview_page_class_init (LedgerOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_overview_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ledger-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerOverviewPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerOverviewPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerOverviewPage, summary);
  gtk_widget_class_bind_template_child (widget_class, LedgerOverviewPage, areas_group);
}

static void
ledger_overview_page_init (LedgerOverviewPage *self)
{
  g_type_ensure (LEDGER_TYPE_STATUS_SUMMARY);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->area_rows = g_ptr_array_new ();
}

LedgerOverviewPage *
ledger_overview_page_new (LedgerContext *context,
                          LedgerPlan    *plan)
{
  LedgerOverviewPage *self;

  g_return_val_if_fail (LEDGER_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), NULL);

  self = g_object_new (LEDGER_TYPE_OVERVIEW_PAGE, NULL);
  self->context = g_object_ref (context);
  self->plan = g_object_ref (plan);
  build (self);
  g_signal_connect_object (ledger_context_get_store (context), "values-changed",
                           G_CALLBACK (update_counts), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::as-of", G_CALLBACK (update_counts), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::tolerances", G_CALLBACK (update_counts), self,
                           G_CONNECT_SWAPPED);
  return self;
}
