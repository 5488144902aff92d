/* ledger-batch-window.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-batch-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-accessible.h"
#include "ledger-package.h"
#include "ledger-area.h"
#include "ledger-batch-row.h"
#include "ledger-batch-window.h"
#include "ledger-window.h"

/* "Record Period": the office's monthly job — some fifty figures for one
 * period — in one sheet. Every indicator due for the period, grouped by
 * area and filterable by responsible unit, with its previous value and
 * target; the values typed from the keyboard; one Save writes them all in
 * one transaction, undone as one. */
struct _LedgerBatchWindow
{
  AdwWindow      parent_instance;

  LedgerContext *context;
  LedgerPlan    *plan;
  GPtrArray     *periods;
  GPtrArray     *rows;
  GPtrArray     *units;

  GtkDropDown   *period_dropdown;
  GtkDropDown   *unit_dropdown;
  GtkBox        *groups;
  GtkLabel      *message_label;
};

G_DEFINE_FINAL_TYPE (LedgerBatchWindow, ledger_batch_window, ADW_TYPE_WINDOW)

static const char *
chosen_period (LedgerBatchWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->period_dropdown);

  return selected < self->periods->len ? g_ptr_array_index (self->periods, selected) : NULL;
}

/* The indicator's period that closes with the chosen month, if it reports
 * for one: every month for monthly figures, quarter ends for quarterly
 * ones, December for annual ones. */
static char *
due_period (LedgerIndicator *indicator,
            const char      *as_of)
{
  g_autofree char *period = ledger_progress_indicator_period (indicator, as_of);
  LedgerPeriod due, chosen;

  if (period == NULL || !ledger_period_parse (period, &due) || !ledger_period_parse (as_of, &chosen) ||
      ledger_period_end_month (&due) != ledger_period_end_month (&chosen))
    return NULL;
  return g_steal_pointer (&period);
}

static void
clear_groups (LedgerBatchWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups))) != NULL)
    gtk_box_remove (self->groups, child);
  g_ptr_array_set_size (self->rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
}

static GtkWidget *
area_list_new (LedgerBatchWindow *self,
               LedgerNode        *area,
               const char        *as_of)
{
  GtkWidget *list = gtk_list_box_new ();
  GListModel *tasks = ledger_node_get_children (area);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint t = 0; t < g_list_model_get_n_items (tasks); t++)
    {
      g_autoptr(LedgerNode) task = g_list_model_get_item (tasks, t);
      GListModel *indicators = ledger_node_get_children (task);

      for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
        {
          g_autoptr(LedgerIndicator) indicator = g_list_model_get_item (indicators, i);
          g_autofree char *period = due_period (indicator, as_of);
          GtkWidget *row;

          if (period == NULL)
            continue;
          row = ledger_batch_row_new (self->context, indicator, period);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
          g_ptr_array_add (self->rows, row);
        }
    }
  return list;
}

static void
fill_rows (LedgerBatchWindow *self)
{
  GListModel *areas = ledger_node_get_children (LEDGER_NODE (self->plan));
  const char *as_of = chosen_period (self);

  clear_groups (self);
  for (guint a = 0; as_of != NULL && a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(LedgerNode) area = g_list_model_get_item (areas, a);
      guint before = self->rows->len;
      GtkWidget *list = area_list_new (self, area, as_of);
      GtkWidget *title;

      if (self->rows->len == before)
        {
          g_object_ref_sink (list);
          g_object_unref (list);
          continue;
        }
      title = gtk_label_new (ledger_area_get_short_title (LEDGER_AREA (area)));
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "heading");
      gtk_widget_set_margin_top (title, 12);
      gtk_box_append (self->groups, title);
      gtk_box_append (self->groups, list);
    }
}

static void
filter_rows (LedgerBatchWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->unit_dropdown);
  const char *unit = selected > 0 && selected <= self->units->len ? g_ptr_array_index (self->units, selected - 1) : NULL;

  for (guint i = 0; i < self->rows->len; i++)
    {
      LedgerBatchRow *row = g_ptr_array_index (self->rows, i);
      const char *own = ledger_indicator_get_responsible_unit (ledger_batch_row_get_indicator (row));

      gtk_widget_set_visible (GTK_WIDGET (row), unit == NULL || ledger_responsible_unit_names (own, unit));
    }
}

static void
collect_unit (LedgerNode      *area,
              LedgerNode      *task,
              LedgerIndicator *indicator,
              gpointer         user_data)
{
  ledger_responsible_units_add (user_data, ledger_indicator_get_responsible_unit (indicator));
}

static void
fill_choices (LedgerBatchWindow *self)
{
  g_autoptr(GtkStringList) periods = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) units = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int first = ledger_plan_get_first_year (self->plan), last = ledger_plan_get_last_year (self->plan);
  g_autofree char *current = ledger_frequency_default_period (first == last ? LEDGER_FREQUENCY_MONTHLY
                                                                            : LEDGER_FREQUENCY_ANNUAL,
                                                              first, last, now);
  guint selected = 0;

  self->periods = ledger_period_as_of_choices (first, last);
  for (guint i = 0; i < self->periods->len; i++)
    {
      g_autofree char *label = ledger_period_as_of_label (g_ptr_array_index (self->periods, i));

      gtk_string_list_append (periods, label);
    }
  g_ptr_array_find_with_equal_func (self->periods, current, g_str_equal, &selected);
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (periods));
  gtk_drop_down_set_selected (self->period_dropdown, selected);

  ledger_plan_foreach_indicator (self->plan, collect_unit, self->units);
  gtk_string_list_append (units, _("All Units"));
  for (guint i = 0; i < self->units->len; i++)
    gtk_string_list_append (units, g_ptr_array_index (self->units, i));
  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (units));
}

static void
show_message (LedgerBatchWindow *self,
              const char        *message)
{
  gtk_label_set_text (self->message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
}

/**
 * ledger_batch_window_save:
 *
 * Writes every changed row in one transaction. A row whose value is not a
 * number stops the save: it gets the focus and nothing is written.
 *
 * Returns: whether the values were saved (the window then closes)
 */
gboolean
ledger_batch_window_save (LedgerBatchWindow *self)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *period = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  g_return_val_if_fail (LEDGER_IS_BATCH_WINDOW (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      LedgerBatchRow *row = g_ptr_array_index (self->rows, i);
      LedgerValue *value;

      if (!ledger_batch_row_is_changed (row))
        continue;
      if ((value = ledger_batch_row_read_value (row, &error)) == NULL)
        {
          g_autofree char *text = g_strdup_printf ("%s: %s",
                                                   ledger_indicator_get_name (ledger_batch_row_get_indicator (row)),
                                                   error->message);

          show_message (self, text);
          gtk_widget_grab_focus (ledger_batch_row_get_entry (row));
          return FALSE;
        }
      g_ptr_array_add (values, value);
    }

  if (values->len > 0 &&
      !ledger_store_import_values (ledger_context_get_store (self->context), values, "", &error))
    {
      show_message (self, error->message);
      return FALSE;
    }

  period = ledger_period_code_label (chosen_period (self));
  message = g_strdup_printf (ngettext ("Recorded %u value for %s", "Recorded %u values for %s", values->len),
                             values->len, period);
  if (LEDGER_IS_WINDOW (parent) && values->len > 0)
    ledger_window_add_undo_toast (LEDGER_WINDOW (parent), message);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_clicked_cb (LedgerBatchWindow *self)
{
  ledger_batch_window_save (self);
}

static void
period_selected_cb (LedgerBatchWindow *self)
{
  fill_rows (self);
  filter_rows (self);
}

static GtkWidget *
header_new (LedgerBatchWindow *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  return header;
}

static GtkWidget *
choices_new (LedgerBatchWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->period_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  self->unit_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->period_dropdown), _("Period"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->unit_dropdown), _("Responsible Unit"));
  ledger_accessible_name_drop_down (self->period_dropdown, _("Period"));
  ledger_accessible_name_drop_down (self->unit_dropdown, _("Responsible Unit"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->period_dropdown));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->unit_dropdown));
  return box;
}

static void
ledger_batch_window_dispose (GObject *object)
{
  LedgerBatchWindow *self = LEDGER_BATCH_WINDOW (object);

  g_clear_pointer (&self->periods, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (ledger_batch_window_parent_class)->dispose (object);
}

static void
ledger_batch_window_class_init (LedgerBatchWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ledger_batch_window_dispose;
}

static void
ledger_batch_window_init (LedgerBatchWindow *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->rows = g_ptr_array_new ();
  self->units = g_ptr_array_new_with_free_func (g_free);
  self->groups = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  self->message_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message_label, TRUE);
  gtk_label_set_xalign (self->message_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);

  gtk_box_append (GTK_BOX (content), choices_new (self));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->message_label));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->groups));
  g_object_set (content, "margin-top", 12, "margin-bottom", 24, "margin-start", 12, "margin-end", 12, NULL);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (outer), header_new (self));
  gtk_box_append (GTK_BOX (outer), scrolled);
  adw_window_set_content (ADW_WINDOW (self), outer);
  gtk_window_set_title (GTK_WINDOW (self), _("Record Period"));
  gtk_window_set_default_size (GTK_WINDOW (self), 820, 720);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
}

LedgerBatchWindow *
ledger_batch_window_new (GtkWindow     *parent,
                         LedgerContext *context,
                         LedgerPlan    *plan)
{
  LedgerBatchWindow *self;

  g_return_val_if_fail (LEDGER_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), NULL);

  self = g_object_new (LEDGER_TYPE_BATCH_WINDOW, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->plan = g_object_ref (plan);
  fill_choices (self);
  fill_rows (self);
  g_signal_connect_swapped (self->period_dropdown, "notify::selected", G_CALLBACK (period_selected_cb), self);
  g_signal_connect_swapped (self->unit_dropdown, "notify::selected", G_CALLBACK (filter_rows), self);
  return self;
}

/* Shows the indicators due for @period, one of the plan's "as of" periods. */
gboolean
ledger_batch_window_set_period (LedgerBatchWindow *self,
                                const char        *period)
{
  guint index;

  g_return_val_if_fail (LEDGER_IS_BATCH_WINDOW (self), FALSE);

  if (!g_ptr_array_find_with_equal_func (self->periods, period, g_str_equal, &index))
    return FALSE;
  gtk_drop_down_set_selected (self->period_dropdown, index);
  return TRUE;
}

/* Returns: (transfer none) (element-type LedgerBatchRow): the rows shown */
GPtrArray *
ledger_batch_window_get_rows (LedgerBatchWindow *self)
{
  g_return_val_if_fail (LEDGER_IS_BATCH_WINDOW (self), NULL);
  return self->rows;
}
