/* ledger-entry-dialog.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-entry-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ledger-entry-check.h"
#include "ledger-attachments-group.h"
#include "ledger-entry-dialog.h"
#include "ledger-number.h"
#include "ledger-region-picker.h"
#include "ledger-region-progress.h"
#include "ledger-status.h"
#include "ledger-toast.h"

/* Records one value of one indicator: the period (labelled as the office
 * writes it), the figure in the indicator's unit or, for a qualitative
 * task, its status, and a note and source. A figure that is not a number
 * is refused here, inline, and nothing is written. When the plan has
 * regions, the figure is the city's own or one region's (docs/regions.md). */
struct _LedgerEntryDialog
{
  AdwWindow        parent_instance;

  LedgerStore     *store;
  LedgerPlan      *plan;
  LedgerIndicator *indicator;
  GPtrArray       *periods;
  GPtrArray       *regions;   /* LedgerRegion, in the picker's order after the city */
  LedgerCheckLimits checks;
  gint64           shown_version;  /* of the stored figure shown, 0 for none */

  AdwPreferencesGroup *group;
  AdwComboRow     *period_row;
  AdwComboRow     *region_row;
  AdwEntryRow     *value_row;
  GtkLabel        *unit_label;
  AdwComboRow     *status_row;
  AdwEntryRow     *note_row;
  AdwEntryRow     *source_row;
  GtkLabel        *error_label;
  GtkButton       *save_button;
};

G_DEFINE_FINAL_TYPE (LedgerEntryDialog, ledger_entry_dialog, ADW_TYPE_WINDOW)

static gboolean
is_qualitative (LedgerEntryDialog *self)
{
  return ledger_indicator_get_kind (self->indicator) == LEDGER_KIND_QUALITATIVE;
}

static void
show_error (LedgerEntryDialog *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->value_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->value_row), "error");
}

static guint
status_index (const char *code)
{
  const char * const *codes = ledger_status_qualitative_codes ();

  for (guint i = 0; codes[i] != NULL; i++)
    {
      if (g_str_equal (codes[i], code))
        return i;
    }
  return 0;
}

/* The chosen region's figures, or the city's own. */
static LedgerValue *
stored_value (LedgerEntryDialog *self)
{
  gint64 id = ledger_indicator_get_id (self->indicator);
  const char *region = ledger_entry_dialog_get_region (self);

  if (region[0] == '\0')
    return ledger_store_get_value (self->store, id, ledger_entry_dialog_get_period (self));
  return ledger_store_get_region_value (self->store, id, region, ledger_entry_dialog_get_period (self));
}

static GListModel *
stored_history (LedgerEntryDialog *self)
{
  gint64 id = ledger_indicator_get_id (self->indicator);
  const char *region = ledger_entry_dialog_get_region (self);

  if (region[0] == '\0')
    return ledger_store_list_values (self->store, id);
  return ledger_store_list_region_values (self->store, id, region);
}

/* Shows what is recorded for the chosen period and region, so that
 * choosing a period that has a value edits it. */
static void
load_value (LedgerEntryDialog *self)
{
  g_autoptr(LedgerValue) value = NULL;
  g_autofree char *number = NULL;

  value = stored_value (self);
  self->shown_version = value != NULL ? ledger_value_get_version (value) : 0;
  if (value != NULL && ledger_value_has_number (value))
    number = ledger_format_number (ledger_value_get_number (value));

  gtk_editable_set_text (GTK_EDITABLE (self->value_row), number != NULL ? number : "");
  if (value != NULL && is_qualitative (self))
    adw_combo_row_set_selected (self->status_row, status_index (ledger_value_get_status (value)));
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), value != NULL ? ledger_value_get_note (value) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->source_row), value != NULL ? ledger_value_get_source (value) : "");
  show_error (self, NULL);
}

/* The target the figure is read against: the city's, or the region's own. */
static void
show_target (LedgerEntryDialog *self)
{
  const char *code = ledger_entry_dialog_get_region (self);
  const LedgerRegion *region = code[0] != '\0' ? ledger_regions_find (self->regions, code) : NULL;
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;

  if (region == NULL || is_qualitative (self))
    text = ledger_indicator_dup_target_text (self->indicator);
  else
    {
      g_autoptr(GPtrArray) targets = ledger_store_list_region_targets (self->store,
                                                                       ledger_indicator_get_id (self->indicator));
      double target = ledger_region_progress_target (self->indicator, targets, code);
      g_autofree char *number = isnan (target) ? g_strdup (_("No target split"))
                                               : ledger_indicator_format_value (self->indicator, target);

      /* Translators: a region's own target in the value dialog, "上党区目标：1.7 万人" */
      text = g_strdup_printf (_("Target of %s: %s"), region->name, number);
    }
  markup = g_markup_escape_text (text, -1);
  adw_preferences_group_set_description (self->group, markup);
}

static void
period_changed_cb (LedgerEntryDialog *self)
{
  if (self->indicator == NULL)
    return;
  show_target (self);
  load_value (self);
}

static void
value_changed_cb (LedgerEntryDialog *self)
{
  show_error (self, NULL);
}

static LedgerValue *
read_value (LedgerEntryDialog  *self,
            GError            **error)
{
  gint64 id = ledger_indicator_get_id (self->indicator);
  const char *period = ledger_entry_dialog_get_period (self);
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  const char *source = gtk_editable_get_text (GTK_EDITABLE (self->source_row));
  g_autoptr(LedgerValue) value = NULL;
  g_autoptr(GListModel) history = NULL;
  double number;

  if (is_qualitative (self))
    {
      guint selected = adw_combo_row_get_selected (self->status_row);

      value = ledger_value_new_status (id, period, ledger_status_qualitative_codes ()[selected],
                                       note, source);
      ledger_value_set_region (value, ledger_entry_dialog_get_region (self));
      ledger_value_set_expected_version (value, self->shown_version);
      return g_steal_pointer (&value);
    }

  if (!ledger_number_parse_for (self->indicator, gtk_editable_get_text (GTK_EDITABLE (self->value_row)),
                                LEDGER_NUMBER_TYPED, &number, error))
    return NULL;
  value = ledger_value_new (id, period, number, note, source);
  ledger_value_set_region (value, ledger_entry_dialog_get_region (self));
  /* Another desk's figure saved since this one was shown is not
   * overwritten unseen (docs/server.md). */
  ledger_value_set_expected_version (value, self->shown_version);
  /* A figure that looks wrong (against its own region's history) is saved
   * only with a note explaining it. */
  history = stored_history (self);
  if (ledger_entry_check_refuses (ledger_entry_check_typed (self->indicator, history, value, &self->checks), value,
                                  &self->checks, error))
    return NULL;
  return g_steal_pointer (&value);
}

static void
announce (LedgerEntryDialog *self,
          LedgerValue       *value)
{
  g_autofree char *period = ledger_period_code_label (ledger_value_get_period (value));
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  const LedgerRegion *region = ledger_regions_find (self->regions, ledger_value_get_region (value));

  text = ledger_indicator_describe_value (self->indicator, value);
  if (region != NULL)
    /* Translators: a toast after saving a region's figure, "新增城镇就业 潞州区 1-10月: 3.9 万人" */
    message = g_strdup_printf (_("Recorded %s %s %s: %s"), ledger_indicator_get_name (self->indicator),
                               region->name, period, text);
  else
    /* Translators: a toast after saving, "新增城镇就业 1-10月: 3.9 万人" */
    message = g_strdup_printf (_("Recorded %s %s: %s"), ledger_indicator_get_name (self->indicator),
                               period, text);
  ledger_toast_show_undo (GTK_WIDGET (self), message);
}

static void
save_clicked_cb (LedgerEntryDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerValue) value = read_value (self, &error);

  if (value == NULL || !ledger_store_set_value (self->store, value, &error))
    {
      /* Another desk's figure is now the one shown beside the typed one:
       * saving again replaces it knowingly. Nothing typed is lost. */
      if (g_error_matches (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CONFLICT))
        {
          g_autoptr(LedgerValue) now = stored_value (self);

          self->shown_version = now != NULL ? ledger_value_get_version (now) : 0;
        }
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->value_row));
      return;
    }
  announce (self, value);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fill_periods (LedgerEntryDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *current = NULL;
  LedgerFrequency frequency = ledger_indicator_get_frequency (self->indicator);
  int first = ledger_plan_get_first_year (self->plan);
  int last = ledger_plan_get_last_year (self->plan);
  gboolean several_years = first != last && frequency != LEDGER_FREQUENCY_ANNUAL;

  /* The base year's periods come first, each with its year (2025 1-3月). */
  self->periods = ledger_indicator_list_periods (self->indicator, first, last);
  for (guint i = 0; i < self->periods->len; i++)
    {
      const char *code = g_ptr_array_index (self->periods, i);
      g_autofree char *label = ledger_period_code_label (code);
      g_autofree char *with_year = g_strdup_printf ("%.4s %s", code, label);
      gboolean base_year = g_ascii_strtoll (code, NULL, 10) < first;

      gtk_string_list_append (labels, several_years || (base_year && frequency != LEDGER_FREQUENCY_ANNUAL)
                                      ? with_year : label);
    }
  adw_combo_row_set_model (self->period_row, G_LIST_MODEL (labels));

  current = ledger_frequency_default_period (frequency, first, last, now);
  ledger_entry_dialog_set_period (self, current);
}

/* The picker is there only when the plan has regions: the city (全市)
 * first, then each region in the plan's order. */
static void
fill_regions (LedgerEntryDialog *self)
{
  g_autoptr(GtkStringList) labels = NULL;

  self->regions = ledger_store_list_regions (self->store, self->plan);
  labels = ledger_region_picker_labels (self->regions);
  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (labels));
  gtk_widget_set_visible (GTK_WIDGET (self->region_row), self->regions->len > 0);
}

static void
fill_statuses (LedgerEntryDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *codes = ledger_status_qualitative_codes ();

  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (labels, ledger_status_label (codes[i]));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (labels));
}

/* A file dropped onto the dialog is evidence of the period chosen. */
static void
file_dropped_cb (const char *path,
                 gpointer    user_data)
{
  LedgerEntryDialog *self = user_data;

  if (!ledger_store_is_read_only (self->store))
    ledger_attachments_attach_async (self->store, ledger_indicator_get_id (self->indicator),
                                     ledger_entry_dialog_get_period (self), path, GTK_WIDGET (self), NULL, NULL);
}

static void
build (LedgerEntryDialog *self)
{
  g_autofree char *name = g_markup_escape_text (ledger_indicator_get_name (self->indicator), -1);

  adw_preferences_group_set_title (self->group, name);
  gtk_label_set_text (self->unit_label, ledger_indicator_get_unit (self->indicator));
  gtk_widget_set_visible (GTK_WIDGET (self->value_row), !is_qualitative (self));
  gtk_widget_set_visible (GTK_WIDGET (self->status_row), is_qualitative (self));

  fill_statuses (self);
  fill_regions (self);
  fill_periods (self);
  show_target (self);
  load_value (self);
  ledger_attachments_accept_drops (GTK_WIDGET (self), file_dropped_cb, self);
  gtk_widget_grab_focus (is_qualitative (self) ? GTK_WIDGET (self->status_row)
                                               : GTK_WIDGET (self->value_row));
}

static void
ledger_entry_dialog_dispose (GObject *object)
{
  LedgerEntryDialog *self = LEDGER_ENTRY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_ENTRY_DIALOG);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->plan);
  g_clear_object (&self->indicator);

  G_OBJECT_CLASS (ledger_entry_dialog_parent_class)->dispose (object);
}

static void
ledger_entry_dialog_class_init (LedgerEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_entry_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ledger-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerEntryDialog, group);
  gtk_widget_class_bind_template_child (widget_class, LedgerEntryDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerEntryDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerEntryDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerEntryDialog, unit_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerEntryDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerEntryDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerEntryDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerEntryDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerEntryDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, value_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ledger_entry_dialog_init (LedgerEntryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LedgerEntryDialog *
ledger_entry_dialog_new (GtkWindow               *parent,
                         LedgerStore             *store,
                         LedgerPlan              *plan,
                         LedgerIndicator         *indicator,
                         const LedgerCheckLimits *checks)
{
  LedgerEntryDialog *self;

  g_return_val_if_fail (LEDGER_IS_STORE (store), NULL);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), NULL);
  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), NULL);

  self = g_object_new (LEDGER_TYPE_ENTRY_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->checks = *checks;
  self->plan = g_object_ref (plan);
  self->indicator = g_object_ref (indicator);
  build (self);
  return self;
}

const char *
ledger_entry_dialog_get_period (LedgerEntryDialog *self)
{
  guint selected;

  g_return_val_if_fail (LEDGER_IS_ENTRY_DIALOG (self), NULL);

  selected = adw_combo_row_get_selected (self->period_row);
  if (self->periods == NULL || selected >= self->periods->len)
    return "";
  return g_ptr_array_index (self->periods, selected);
}

/* Returns: whether @period is one of the indicator's periods */
gboolean
ledger_entry_dialog_set_period (LedgerEntryDialog *self,
                                const char        *period)
{
  guint index;

  g_return_val_if_fail (LEDGER_IS_ENTRY_DIALOG (self), FALSE);

  if (!g_ptr_array_find_with_equal_func (self->periods, period, g_str_equal, &index))
    return FALSE;
  adw_combo_row_set_selected (self->period_row, index);
  return TRUE;
}

/* Returns: the chosen region's code, or "" for the city's own figure */
const char *
ledger_entry_dialog_get_region (LedgerEntryDialog *self)
{
  g_return_val_if_fail (LEDGER_IS_ENTRY_DIALOG (self), "");

  return ledger_region_picker_code (self->regions, adw_combo_row_get_selected (self->region_row));
}

/* Returns: whether @region ("" for the city) is one of the plan's */
gboolean
ledger_entry_dialog_set_region (LedgerEntryDialog *self,
                                const char        *region)
{
  guint selected;

  g_return_val_if_fail (LEDGER_IS_ENTRY_DIALOG (self), FALSE);

  if (!ledger_region_picker_find (self->regions, region, &selected))
    return FALSE;
  adw_combo_row_set_selected (self->region_row, selected);
  return TRUE;
}
