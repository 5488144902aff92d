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
#include "ledger-window.h"

/* 总览: the plan at a glance — its areas, and how many of each area's
 * indicators have a value recorded. */
struct _LedgerOverviewPage
{
  AdwBin                parent_instance;

  LedgerStore          *store;
  LedgerPlan           *plan;
  GPtrArray            *area_rows;

  GtkLabel             *title_label;
  GtkLabel             *summary_label;
  AdwPreferencesGroup  *areas_group;
};

G_DEFINE_FINAL_TYPE (LedgerOverviewPage, ledger_overview_page, ADW_TYPE_BIN)

typedef struct
{
  guint total;
  guint recorded;
} Count;

static Count
count_area (LedgerOverviewPage *self,
            LedgerNode         *area)
{
  GListModel *tasks = ledger_node_get_children (area);
  Count count = { 0, 0 };

  for (guint t = 0; t < g_list_model_get_n_items (tasks); t++)
    {
      g_autoptr(LedgerNode) task = g_list_model_get_item (tasks, t);
      GListModel *indicators = ledger_node_get_children (task);

      for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
        {
          g_autoptr(LedgerIndicator) indicator = g_list_model_get_item (indicators, i);
          g_autoptr(LedgerValue) value = NULL;

          value = ledger_store_get_latest_value (self->store, ledger_indicator_get_id (indicator));
          count.total++;
          count.recorded += value != NULL;
        }
    }
  return count;
}

static void
update_counts (LedgerOverviewPage *self)
{
  guint total = 0, recorded = 0;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < self->area_rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (self->area_rows, i);
      LedgerNode *area = g_object_get_data (G_OBJECT (row), "area");
      Count count = count_area (self, area);
      g_autofree char *subtitle = NULL;

      /* Translators: how many of an area's indicators have a value */
      subtitle = g_strdup_printf (_("%u of %u recorded"), count.recorded, count.total);
      adw_action_row_set_subtitle (row, subtitle);
      total += count.total;
      recorded += count.recorded;
    }

  summary = g_strdup_printf (ngettext ("%s · %u indicator or task, %u with a value",
                                       "%s · %u indicators and tasks, %u with a value", total),
                             ledger_plan_get_region (self->plan), total, recorded);
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

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "area", g_object_ref (area), g_object_unref);
      g_signal_connect (row, "activated", G_CALLBACK (area_row_activated_cb), NULL);
      adw_preferences_group_add (self->areas_group, row);
      g_ptr_array_add (self->area_rows, row);
    }
  update_counts (self);
}

static void
values_changed_cb (LedgerOverviewPage *self)
{
  update_counts (self);
}

static void
ledger_overview_page_dispose (GObject *object)
{
  LedgerOverviewPage *self = LEDGER_OVERVIEW_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_OVERVIEW_PAGE);
  g_clear_pointer (&self->area_rows, g_ptr_array_unref);
  g_clear_object (&self->store);
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
  gtk_widget_class_bind_template_child (widget_class, LedgerOverviewPage, areas_group);
}

static void
ledger_overview_page_init (LedgerOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->area_rows = g_ptr_array_new ();
}

LedgerOverviewPage *
ledger_overview_page_new (LedgerStore *store,
                          LedgerPlan  *plan)
{
  LedgerOverviewPage *self;

  g_return_val_if_fail (LEDGER_IS_STORE (store), NULL);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), NULL);

  self = g_object_new (LEDGER_TYPE_OVERVIEW_PAGE, NULL);
  self->store = g_object_ref (store);
  self->plan = g_object_ref (plan);
  build (self);
  g_signal_connect_object (store, "values-changed", G_CALLBACK (values_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}
