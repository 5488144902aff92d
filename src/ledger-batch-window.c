/* ledger-batch-window.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-batch-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ledger-accessible.h"
#include "ledger-package.h"
#include "ledger-area.h"
#include "ledger-batch-row.h"
#include "ledger-batch-window.h"
#include "ledger-job-bar.h"
#include "ledger-region-picker.h"
#include "ledger-region-progress.h"
#include "ledger-store-jobs.h"
#include "ledger-toast.h"

/* "Record Period": the office's monthly job — some fifty figures for one
 * period — in one sheet. Every indicator due for the period, grouped by
 * area and filterable by responsible unit, with its previous value and
 * target; the values typed from the keyboard; one Save writes them all in
 * one transaction, undone as one, in a worker (shown in the job bar), so
 * that it waits while another program writes the ledger. When the plan
 * has regions, the sheet is the city's own figures or one region's, with
 * that region's targets (docs/regions.md). */
struct _LedgerBatchWindow
{
  AdwWindow      parent_instance;

  LedgerContext *context;
  LedgerPlan    *plan;
  GPtrArray     *periods;
  GPtrArray     *rows;
  GPtrArray     *units;
  GPtrArray     *regions;  /* LedgerRegion, after the city in the region picker */

  GtkDropDown   *period_dropdown;
  GtkDropDown   *unit_dropdown;
  GtkDropDown   *region_dropdown;
  GtkBox        *groups;
  GtkLabel      *message_label;
  GtkWidget     *sheet;
  GtkWidget     *save_button;
  LedgerJobBar  *job_bar;
  GCancellable  *job;      /* the save running, from the job bar */
  guint          n_saved;  /* the values it writes */
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

/* The chosen region's code, or "" for the city's own figures. */
static const char *
chosen_region (LedgerBatchWindow *self)
{
  return ledger_region_picker_code (self->regions, gtk_drop_down_get_selected (self->region_dropdown));
}

/* The region's target of @indicator, or NAN for the city (its row reads
 * the indicator's). */
static double
region_target (LedgerBatchWindow *self,
               LedgerIndicator   *indicator)
{
  const char *region = chosen_region (self);
  g_autoptr(GPtrArray) targets = NULL;

  if (region[0] == '\0')
    return NAN;
  targets = ledger_store_list_region_targets (ledger_context_get_store (self->context),
                                              ledger_indicator_get_id (indicator));
  return ledger_region_progress_target (indicator, targets, region);
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
          row = ledger_batch_row_new (self->context, indicator, period, chosen_region (self),
                                      region_target (self, indicator));
          ledger_batch_row_set_judged (LEDGER_BATCH_ROW (row),
                                       g_ascii_strtoll (period, NULL, 10) >= ledger_plan_get_first_year (self->plan));
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
      LedgerIndicator *indicator = ledger_batch_row_get_indicator (row);

      gtk_widget_set_visible (GTK_WIDGET (row), unit == NULL || ledger_unit_takes_part (unit, NULL, indicator));
    }
}

static void
collect_unit (LedgerNode      *area,
              LedgerNode      *task,
              LedgerIndicator *indicator,
              gpointer         user_data)
{
  ledger_units_add_taking_part (user_data, NULL, indicator);
}

static void
find_separate_january (LedgerNode      *area,
                       LedgerNode      *task,
                       LedgerIndicator *indicator,
                       gpointer         user_data)
{
  if (ledger_indicator_get_january (indicator) == LEDGER_JANUARY_SEPARATE)
    *(gboolean *) user_data = TRUE;
}

/* The sheet's periods: the base year's (同期, typed like any value), then
 * January alone where an indicator is released alone, then the plan's. */
static GPtrArray *
period_choices (LedgerBatchWindow *self,
                int                first,
                int                last)
{
  GPtrArray *choices = g_ptr_array_new_with_free_func (g_free);
  LedgerFrequency frequency = first == last ? LEDGER_FREQUENCY_MONTHLY : LEDGER_FREQUENCY_ANNUAL;
  gboolean january = FALSE;

  ledger_plan_foreach_indicator (self->plan, find_separate_january, &january);
  january = january && first == last;
  for (int year = first - 1; year <= first; year++)
    {
      if (january)
        g_ptr_array_add (choices, g_strdup_printf ("%d-01", year));
      g_ptr_array_extend_and_steal (choices, year < first ? ledger_frequency_periods (frequency, year, year)
                                                          : ledger_period_as_of_choices (first, last));
    }
  return choices;
}

/* The region picker is there only when the plan has regions: the city
 * (全市) first, then each region in the plan's order. */
static void
fill_regions (LedgerBatchWindow *self)
{
  g_autoptr(GtkStringList) labels = NULL;

  self->regions = ledger_store_list_regions (ledger_context_get_store (self->context), self->plan);
  labels = ledger_region_picker_labels (self->regions);
  gtk_drop_down_set_model (self->region_dropdown, G_LIST_MODEL (labels));
  gtk_widget_set_visible (GTK_WIDGET (self->region_dropdown), self->regions->len > 0);
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

  self->periods = period_choices (self, first, last);
  for (guint i = 0; i < self->periods->len; i++)
    {
      const char *code = g_ptr_array_index (self->periods, i);
      g_autofree char *label = ledger_period_as_of_label (code);
      g_autofree char *with_year = g_strdup_printf ("%.4s %s", code, label);

      /* The base year's periods say their year: 2025 1-3月. */
      gtk_string_list_append (periods, g_ascii_strtoll (code, NULL, 10) < first && first == last ? with_year : label);
    }
  g_ptr_array_find_with_equal_func (self->periods, current, g_str_equal, &selected);
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (periods));
  gtk_drop_down_set_selected (self->period_dropdown, selected);

  ledger_plan_foreach_indicator (self->plan, collect_unit, self->units);
  gtk_string_list_append (units, _("All Units"));
  for (guint i = 0; i < self->units->len; i++)
    gtk_string_list_append (units, g_ptr_array_index (self->units, i));
  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (units));
  fill_regions (self);
}

static void
show_message (LedgerBatchWindow *self,
              const char        *message)
{
  gtk_label_set_text (self->message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
}

/* Returns: (transfer full) (nullable) (element-type LedgerValue): the
 * values of the changed rows; %NULL when one is not a value, which then
 * has the focus and says why */
static GPtrArray *
read_values (LedgerBatchWindow *self)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

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
          return NULL;
        }
      g_ptr_array_add (values, value);
    }
  return g_steal_pointer (&values);
}

/* While the save runs, what was typed stays as it is. */
static void
set_saving (LedgerBatchWindow *self,
            gboolean           saving)
{
  /* An entry that keeps the focus while insensitive blinks on, unfocused. */
  if (saving)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_set_sensitive (self->sheet, !saving);
  gtk_widget_set_sensitive (self->save_button, !saving);
}

/* Another desk saved figures meanwhile: the message names one; saving
 * again replaces them knowingly. */
static void
take_stored_versions (LedgerBatchWindow *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    ledger_batch_row_take_stored_version (g_ptr_array_index (self->rows, i));
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(LedgerBatchWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *period = NULL;
  gboolean saved = ledger_store_import_values_finish (LEDGER_STORE (source), result, &error);

  g_application_release (g_application_get_default ());
  if (self->job_bar == NULL)  /* closed meanwhile */
    return;
  ledger_job_bar_stop (self->job_bar, self->job);
  self->job = NULL;
  set_saving (self, FALSE);
  if (!saved)
    {
      if (g_error_matches (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CONFLICT))
        take_stored_versions (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, error->message);
      return;
    }
  period = ledger_period_code_label (chosen_period (self));
  message = g_strdup_printf (ngettext ("Recorded %u value for %s", "Recorded %u values for %s", self->n_saved),
                             self->n_saved, period);
  ledger_toast_show_undo (GTK_WIDGET (self), message);
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * ledger_batch_window_save:
 *
 * Writes every changed row in one transaction, in a worker. A row whose
 * value is not a number stops the save: it gets the focus and nothing is
 * written. Once written the window closes; if the store refuses (a closed
 * month, a rule of the indicator) or the job bar's Cancel stops it,
 * nothing is written and the window keeps what was typed.
 *
 * Returns: %FALSE if a row stopped the save; %TRUE when it started (or
 *   there was nothing to save, and the window closed)
 */
gboolean
ledger_batch_window_save (LedgerBatchWindow *self)
{
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(LedgerJobProgress) progress = NULL;

  g_return_val_if_fail (LEDGER_IS_BATCH_WINDOW (self), FALSE);
  g_return_val_if_fail (self->job == NULL, FALSE);

  if ((values = read_values (self)) == NULL)
    return FALSE;
  if (values->len == 0)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return TRUE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
  set_saving (self, TRUE);
  progress = ledger_job_progress_new ();
  self->n_saved = values->len;
  self->job = ledger_job_bar_start (self->job_bar, _("Saving…"), progress);
  /* The application stays until the values are written. */
  g_application_hold (g_application_get_default ());
  ledger_store_import_values_async (ledger_context_get_store (self->context), values, "", progress, self->job,
                                    saved_cb, g_object_ref (self));
  return TRUE;
}

/* Returns: whether a save is running */
gboolean
ledger_batch_window_is_saving (LedgerBatchWindow *self)
{
  g_return_val_if_fail (LEDGER_IS_BATCH_WINDOW (self), FALSE);
  return self->job != NULL;
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

static void
ledger_batch_window_dispose (GObject *object)
{
  LedgerBatchWindow *self = LEDGER_BATCH_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_BATCH_WINDOW);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (ledger_batch_window_parent_class)->dispose (object);
}

static void
ledger_batch_window_class_init (LedgerBatchWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ledger_batch_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ledger-batch-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerBatchWindow, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LedgerBatchWindow, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LedgerBatchWindow, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LedgerBatchWindow, groups);
  gtk_widget_class_bind_template_child (widget_class, LedgerBatchWindow, sheet);
  gtk_widget_class_bind_template_child (widget_class, LedgerBatchWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerBatchWindow, job_bar);
  gtk_widget_class_bind_template_child (widget_class, LedgerBatchWindow, message_label);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
}

static void
ledger_batch_window_init (LedgerBatchWindow *self)
{
  self->rows = g_ptr_array_new ();
  self->units = g_ptr_array_new_with_free_func (g_free);
  g_type_ensure (LEDGER_TYPE_JOB_BAR);
  gtk_widget_init_template (GTK_WIDGET (self));
  ledger_accessible_name_drop_down (self->period_dropdown, _("Period"));
  ledger_accessible_name_drop_down (self->unit_dropdown, _("Responsible Unit"));
  ledger_accessible_name_drop_down (self->region_dropdown, _("Region"));
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
  g_signal_connect_swapped (self->region_dropdown, "notify::selected", G_CALLBACK (period_selected_cb), self);
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

/* Shows the figures of @region ("" for the city's own), one of the plan's. */
gboolean
ledger_batch_window_set_region (LedgerBatchWindow *self,
                                const char        *region)
{
  guint selected;

  g_return_val_if_fail (LEDGER_IS_BATCH_WINDOW (self), FALSE);

  if (!ledger_region_picker_find (self->regions, region, &selected))
    return FALSE;
  gtk_drop_down_set_selected (self->region_dropdown, selected);
  return TRUE;
}
