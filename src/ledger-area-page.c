/* ledger-area-page.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-area-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-accessible.h"
#include "ledger-package.h"
#include "ledger-area-page.h"
#include "ledger-read-only.h"
#include "ledger-tooltip.h"
#include "ledger-indicator-dialog.h"
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
  GtkDropDown         *unit_dropdown;
  GPtrArray           *rows;
  GPtrArray           *units;
  GPtrArray           *pending;      /* PendingRow: rows not built yet */
  guint                build_source;
  LedgerTask          *last_task;    /* of the last row built, and its group */
  AdwPreferencesGroup *last_group;
  GtkWidget           *add_task_button;
};

/* A row to build: which indicator, of which task. */
typedef struct
{
  LedgerTask      *task;
  LedgerIndicator *indicator;
} PendingRow;

/* The rows a window shows at once are built with the page; the rest follow
 * a few frames later, so that a page of 200 rows opens at once. */
#define ROWS_AT_ONCE 8
#define ROWS_PER_IDLE 24

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

static void
add_indicator_clicked_cb (GtkButton      *button,
                          LedgerAreaPage *self)
{
  LedgerTask *task = g_object_get_data (G_OBJECT (button), "task");
  LedgerIndicatorDialog *dialog;

  dialog = ledger_indicator_dialog_new_add (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                            ledger_context_get_store (self->context),
                                            ledger_node_get_id (LEDGER_NODE (task)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_task_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LedgerAreaPage *self = LEDGER_AREA_PAGE (widget);
  LedgerIndicatorDialog *dialog;

  dialog = ledger_indicator_dialog_new_add_task (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                 ledger_context_get_store (self->context),
                                                 ledger_node_get_id (LEDGER_NODE (self->area)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
add_indicator_button_new (LedgerAreaPage *self,
                          LedgerTask     *task)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  ledger_tooltip_set (button, _("Add Indicator to This Task"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add Indicator to This Task"), -1);
  g_object_set_data_full (G_OBJECT (button), "task", g_object_ref (task), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (add_indicator_clicked_cb), self, 0);
  return button;
}

static AdwPreferencesGroup *
task_group_new (LedgerAreaPage *self,
                LedgerTask     *task)
{
  const char *text = ledger_task_get_text (task);
  g_autofree char *title = g_markup_escape_text (ledger_node_get_title (LEDGER_NODE (task)), -1);
  g_autofree char *description = g_markup_escape_text (text, -1);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  /* Group titles and descriptions are markup at libadwaita 1.2. */
  adw_preferences_group_set_title (group, title);
  if (text[0] != '\0' && !g_str_equal (text, ledger_node_get_title (LEDGER_NODE (task))))
    adw_preferences_group_set_description (group, description);
  adw_preferences_group_set_header_suffix (group, add_indicator_button_new (self, task));
  return group;
}

static void
pending_row_free (PendingRow *pending)
{
  g_clear_object (&pending->task);
  g_clear_object (&pending->indicator);
  g_free (pending);
}

static void
queue_indicator_rows (LedgerAreaPage *self,
                      LedgerTask     *task)
{
  GListModel *indicators = ledger_node_get_children (LEDGER_NODE (task));

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      PendingRow *pending = g_new0 (PendingRow, 1);

      pending->task = g_object_ref (task);
      pending->indicator = g_list_model_get_item (indicators, i);
      g_ptr_array_add (self->pending, pending);
    }
}

static const char *chosen_unit (LedgerAreaPage *self);

/* Whether the filter on @unit (%NULL: all units) shows @indicator: one
 * that two units answer for shows under each. */
static gboolean
is_shown (const char      *unit,
          LedgerIndicator *indicator)
{
  return unit == NULL || ledger_unit_takes_part (unit, NULL, indicator);
}

/* The group a row goes into, made when its first row is built: its own
 * task's, or the one that gathers tasks of a single, same-named indicator. */
static AdwPreferencesGroup *
group_for (LedgerAreaPage *self,
           LedgerTask     *task)
{
  gboolean shared = is_single_indicator_task (task);
  gboolean last_shared = self->last_task != NULL && is_single_indicator_task (self->last_task);
  AdwPreferencesGroup *group;

  if (task == self->last_task || (shared && last_shared))
    group = self->last_group;
  else
    {
      group = shared ? ADW_PREFERENCES_GROUP (adw_preferences_group_new ()) : task_group_new (self, task);
      gtk_box_insert_child_after (self->box, GTK_WIDGET (group),
                                  gtk_widget_get_prev_sibling (self->add_task_button));
      /* Under a filter, a group shows once it has a row to show. */
      gtk_widget_set_visible (GTK_WIDGET (group), chosen_unit (self) == NULL);
    }
  self->last_task = task;
  self->last_group = group;
  return group;
}

static void
build_row (LedgerAreaPage *self,
           PendingRow     *pending)
{
  AdwPreferencesGroup *group = group_for (self, pending->task);
  LedgerIndicatorRow *row = ledger_indicator_row_new (self->context, self->plan, pending->indicator);
  const char *unit = chosen_unit (self);

  adw_preferences_group_add (group, GTK_WIDGET (row));
  g_ptr_array_add (self->rows, row);
  if (!is_shown (unit, pending->indicator))
    gtk_widget_set_visible (GTK_WIDGET (row), FALSE);
  else
    gtk_widget_set_visible (GTK_WIDGET (group), TRUE);
}

/* Builds up to @count of the rows still to build. Returns: whether some
 * are left */
static gboolean
build_rows (LedgerAreaPage *self,
            guint           count)
{
  guint n = MIN (count, self->pending->len);

  for (guint i = 0; i < n; i++)
    build_row (self, g_ptr_array_index (self->pending, i));
  g_ptr_array_remove_range (self->pending, 0, n);
  return self->pending->len > 0;
}

static gboolean
build_rows_idle (gpointer user_data)
{
  LedgerAreaPage *self = user_data;

  if (build_rows (self, ROWS_PER_IDLE))
    return G_SOURCE_CONTINUE;
  self->build_source = 0;
  return G_SOURCE_REMOVE;
}

/* The responsible units of the area's indicators, sorted, for the filter;
 * the first choice is all of them. */
static void
fill_units (LedgerAreaPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < self->pending->len; i++)
    {
      PendingRow *pending = g_ptr_array_index (self->pending, i);

      ledger_units_add_taking_part (self->units, NULL, pending->indicator);
    }

  gtk_string_list_append (labels, _("All Units"));
  for (guint i = 0; i < self->units->len; i++)
    gtk_string_list_append (labels, g_ptr_array_index (self->units, i));
  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (labels));
  gtk_widget_set_visible (GTK_WIDGET (self->unit_dropdown), self->units->len > 1);
}

static const char *
chosen_unit (LedgerAreaPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->unit_dropdown);

  return selected > 0 && selected <= self->units->len ? g_ptr_array_index (self->units, selected - 1) : NULL;
}

/* Shows only the rows of the chosen unit, and only the groups that still
 * have a row. */
static void
unit_selected_cb (LedgerAreaPage *self)
{
  const char *unit = chosen_unit (self);

  for (guint i = 0; i < self->rows->len; i++)
    {
      LedgerIndicatorRow *row = g_ptr_array_index (self->rows, i);
      LedgerIndicator *indicator = ledger_indicator_row_get_indicator (row);

      gtk_widget_set_visible (GTK_WIDGET (row), is_shown (unit, indicator));
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *group = gtk_widget_get_ancestor (g_ptr_array_index (self->rows, i),
                                                  ADW_TYPE_PREFERENCES_GROUP);

      gtk_widget_set_visible (group, FALSE);
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (gtk_widget_get_visible (row))
        gtk_widget_set_visible (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP), TRUE);
    }
}

static GtkWidget *
add_task_button_new (LedgerAreaPage *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add Task…"));

  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "area.add-task");
  return button;
}

static void
build (LedgerAreaPage *self)
{
  GListModel *tasks = ledger_node_get_children (LEDGER_NODE (self->area));

  gtk_label_set_text (self->title_label, ledger_node_get_title (LEDGER_NODE (self->area)));
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(LedgerTask) task = g_list_model_get_item (tasks, i);

      queue_indicator_rows (self, task);
    }
  self->add_task_button = add_task_button_new (self);
  gtk_box_append (self->box, self->add_task_button);
  fill_units (self);
  if (build_rows (self, ROWS_AT_ONCE))
    self->build_source = g_idle_add (build_rows_idle, self);
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
  g_clear_handle_id (&self->build_source, g_source_remove);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
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
  gtk_widget_class_bind_template_child (widget_class, LedgerAreaPage, unit_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, unit_selected_cb);

  gtk_widget_class_install_action (widget_class, "area.add-task", NULL, add_task_action);
}

static void
ledger_area_page_init (LedgerAreaPage *self)
{
  g_type_ensure (LEDGER_TYPE_STATUS_SUMMARY);
  self->rows = g_ptr_array_new ();
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_row_free);
  self->units = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  ledger_accessible_name_drop_down (self->unit_dropdown, NULL);
}

/* Builds the rows still to build now: for whoever needs them all (a test,
 * a benchmark, a search). */
void
ledger_area_page_build_all (LedgerAreaPage *self)
{
  g_return_if_fail (LEDGER_IS_AREA_PAGE (self));

  build_rows (self, G_MAXUINT);
  g_clear_handle_id (&self->build_source, g_source_remove);
}

static const char * const writing_actions[] = { "area.add-task", NULL };

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
  ledger_read_only_disable_actions (GTK_WIDGET (self), ledger_context_get_store (context), writing_actions);
  update_summary (self);
  g_signal_connect_object (context, "changed", G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
  return self;
}

/**
 * ledger_area_page_filter_unit:
 * @unit: (nullable): a responsible unit, or %NULL for all
 *
 * Returns: whether the area has indicators of @unit
 */
gboolean
ledger_area_page_filter_unit (LedgerAreaPage *self,
                              const char     *unit)
{
  guint index = 0;

  g_return_val_if_fail (LEDGER_IS_AREA_PAGE (self), FALSE);

  if (unit != NULL && !g_ptr_array_find_with_equal_func (self->units, unit, g_str_equal, &index))
    return FALSE;
  gtk_drop_down_set_selected (self->unit_dropdown, unit != NULL ? index + 1 : 0);
  return TRUE;
}
