/* ledger-area-page.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-area-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-area-page.h"
#include "ledger-indicator-row.h"
#include "ledger-status-summary.h"
#include "ledger-task.h"

/* A work area of the plan: its full title, then each task with the report's
 * words and a row per indicator. */
struct _LedgerAreaPage
{
  AdwBin      parent_instance;

  LedgerContext       *context;
  LedgerPlan          *plan;
  LedgerArea          *area;

  GtkBox              *box;
  GtkLabel            *title_label;
  LedgerStatusSummary *summary;
};

G_DEFINE_FINAL_TYPE (LedgerAreaPage, ledger_area_page, ADW_TYPE_BIN)

/* A task whose one indicator is named like the task (most 主要预期目标)
 * needs no heading of its own: such tasks share one group. */
static gboolean
is_single_indicator_task (LedgerTask *task)
{
  GListModel *indicators = ledger_node_get_children (LEDGER_NODE (task));
  g_autoptr(LedgerIndicator) first = NULL;

  if (g_list_model_get_n_items (indicators) != 1)
    return FALSE;
  first = g_list_model_get_item (indicators, 0);
  return g_str_equal (ledger_indicator_get_name (first), ledger_node_get_title (LEDGER_NODE (task)));
}

static AdwPreferencesGroup *
task_group_new (LedgerTask *task)
{
  const char *text = ledger_task_get_text (task);
  g_autofree char *title = g_markup_escape_text (ledger_node_get_title (LEDGER_NODE (task)), -1);
  g_autofree char *description = g_markup_escape_text (text, -1);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  /* Group titles and descriptions are markup at libadwaita 1.2. */
  adw_preferences_group_set_title (group, title);
  if (text[0] != '\0' && !g_str_equal (text, ledger_node_get_title (LEDGER_NODE (task))))
    adw_preferences_group_set_description (group, description);
  return group;
}

static void
add_indicator_rows (LedgerAreaPage      *self,
                    AdwPreferencesGroup *group,
                    LedgerTask          *task)
{
  GListModel *indicators = ledger_node_get_children (LEDGER_NODE (task));

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(LedgerIndicator) indicator = g_list_model_get_item (indicators, i);
      LedgerIndicatorRow *row = ledger_indicator_row_new (self->context, self->plan, indicator);

      adw_preferences_group_add (group, GTK_WIDGET (row));
    }
}

static void
build (LedgerAreaPage *self)
{
  GListModel *tasks = ledger_node_get_children (LEDGER_NODE (self->area));
  AdwPreferencesGroup *shared_group = NULL;

  gtk_label_set_text (self->title_label, ledger_node_get_title (LEDGER_NODE (self->area)));
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(LedgerTask) task = g_list_model_get_item (tasks, i);
      AdwPreferencesGroup *group;

      if (is_single_indicator_task (task))
        {
          if (shared_group == NULL)
            {
              shared_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
              gtk_box_append (self->box, GTK_WIDGET (shared_group));
            }
          group = shared_group;
        }
      else
        {
          shared_group = NULL;
          group = task_group_new (task);
          gtk_box_append (self->box, GTK_WIDGET (group));
        }
      add_indicator_rows (self, group, task);
    }
}

static void
update_summary (LedgerAreaPage *self)
{
  guint counts[LEDGER_N_STATUSES];

  ledger_context_count_statuses (self->context, LEDGER_NODE (self->area), counts);
  ledger_status_summary_set_counts (self->summary, counts);
}

static void
ledger_area_page_dispose (GObject *object)
{
  LedgerAreaPage *self = LEDGER_AREA_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_AREA_PAGE);
  g_clear_object (&self->context);
  g_clear_object (&self->plan);
  g_clear_object (&self->area);

  G_OBJECT_CLASS (ledger_area_page_parent_class)->dispose (object);
}

static void
ledger_area_page_class_init (LedgerAreaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_area_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ledger-area-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerAreaPage, box);
  gtk_widget_class_bind_template_child (widget_class, LedgerAreaPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerAreaPage, summary);
}

static void
ledger_area_page_init (LedgerAreaPage *self)
{
  g_type_ensure (LEDGER_TYPE_STATUS_SUMMARY);
  gtk_widget_init_template (GTK_WIDGET (self));
}

LedgerAreaPage *
ledger_area_page_new (LedgerContext *context,
                      LedgerPlan    *plan,
                      LedgerArea    *area)
{
  LedgerAreaPage *self;

  g_return_val_if_fail (LEDGER_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (LEDGER_IS_AREA (area), NULL);

  self = g_object_new (LEDGER_TYPE_AREA_PAGE, NULL);
  self->context = g_object_ref (context);
  self->plan = g_object_ref (plan);
  self->area = g_object_ref (area);
  build (self);
  update_summary (self);
  g_signal_connect_object (ledger_context_get_store (context), "values-changed",
                           G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::as-of", G_CALLBACK (update_summary), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::tolerances", G_CALLBACK (update_summary), self,
                           G_CONNECT_SWAPPED);
  return self;
}

LedgerArea *
ledger_area_page_get_area (LedgerAreaPage *self)
{
  g_return_val_if_fail (LEDGER_IS_AREA_PAGE (self), NULL);
  return self->area;
}
