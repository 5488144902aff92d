/* ledger-batch-row.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-batch-row"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ledger-accessible.h"
#include "ledger-batch-row.h"
#include "ledger-entry-check.h"
#include "ledger-number.h"
#include "ledger-region-progress.h"
#include "ledger-status.h"
#include "ledger-status-pill.h"

/* One indicator in the "Record Period" sheet: its name, previous value and
 * target; the value for the period, typed from the keyboard (Enter moves
 * down, Escape reverts, Tab reaches the note); and the status it would
 * have, updated as one types. Nothing is written until the sheet saves.
 * For a region (docs/regions.md) it is that region's figure, read against
 * the region's own target. */
struct _LedgerBatchRow
{
  GtkListBoxRow    parent_instance;

  LedgerContext   *context;
  LedgerIndicator *indicator;
  char            *period;
  char            *region;       /* the region's code, "" for the city's own figure */
  double           target;       /* the region's target, or NAN (the city's row uses the indicator's) */
  char            *original_text;
  char            *original_note;
  char            *original_status;
  gint64           original_version;  /* of the stored figure shown, 0 for none */

  GtkWidget       *entry;        /* a GtkEntry, or a GtkDropDown for a qualitative task */
  GtkWidget       *note;
  GtkWidget       *pill;
  LedgerStatus     status;
  GListModel      *history;      /* the indicator's values, for the checks on entry */
  LedgerCheck      check;        /* of the value typed */
};

G_DEFINE_FINAL_TYPE (LedgerBatchRow, ledger_batch_row, GTK_TYPE_LIST_BOX_ROW)

static gboolean
is_qualitative (LedgerBatchRow *self)
{
  return ledger_indicator_get_kind (self->indicator) == LEDGER_KIND_QUALITATIVE;
}

static const char *
chosen_status (LedgerBatchRow *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->entry));

  /* The first choice is "—": no status recorded. */
  return selected > 0 ? ledger_status_qualitative_codes ()[selected - 1] : "";
}

static gboolean
is_city (LedgerBatchRow *self)
{
  return self->region[0] == '\0';
}

/* The thresholds of the checks on entry, as the settings have them. */
static const LedgerCheckLimits *
checks_of (LedgerBatchRow *self)
{
  return &ledger_context_get_tolerances (self->context)->checks;
}

/* An error in the value, or else a figure that looks wrong but is
 * explained in its note: said on the entry, red or amber, and in its
 * tooltip. */
static void
show_error (LedgerBatchRow *self,
            const char     *message)
{
  g_autofree char *flag = message == NULL ? ledger_entry_check_describe (self->check, checks_of (self)) : NULL;

  if (message != NULL)
    gtk_widget_add_css_class (self->entry, "error");
  else
    gtk_widget_remove_css_class (self->entry, "error");
  if (flag != NULL)
    gtk_widget_add_css_class (self->entry, "warning");
  else
    gtk_widget_remove_css_class (self->entry, "warning");
  gtk_widget_set_tooltip_text (self->entry, message != NULL ? message : flag);
}

/* The value as typed, and what the checks on entry say of it. */
static LedgerValue *
read_typed (LedgerBatchRow  *self,
            GError         **error)
{
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note));
  gint64 id = ledger_indicator_get_id (self->indicator);
  LedgerValue *value;
  double number;

  self->check = LEDGER_CHECK_OK;
  if (is_qualitative (self))
    {
      if (chosen_status (self)[0] == '\0')
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Choose a status"));
          return NULL;
        }
      value = ledger_value_new_status (id, self->period, chosen_status (self), note, "");
      ledger_value_set_region (value, self->region);
      ledger_value_set_expected_version (value, self->original_version);
      return value;
    }
  if (!ledger_number_parse_for (self->indicator, gtk_editable_get_text (GTK_EDITABLE (self->entry)),
                                LEDGER_NUMBER_TYPED, &number, error))
    return NULL;
  value = ledger_value_new (id, self->period, number, note, "");
  ledger_value_set_region (value, self->region);
  /* Another desk's figure saved since this row was shown is not
   * overwritten unseen. */
  ledger_value_set_expected_version (value, self->original_version);
  self->check = ledger_entry_check_typed (self->indicator, self->history, value, checks_of (self));
  return value;
}

/* The status the typed value would have, or the error in it. */
static void
update_status (LedgerBatchRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerValue) value = NULL;
  LedgerProgress progress;
  gboolean empty = is_qualitative (self) ? chosen_status (self)[0] == '\0'
                                          : gtk_editable_get_text (GTK_EDITABLE (self->entry))[0] == '\0';

  /* Nothing recorded and nothing typed: nothing to judge. */
  if (empty && !ledger_batch_row_is_changed (self))
    {
      self->check = LEDGER_CHECK_OK;
      show_error (self, NULL);
      ledger_status_pill_set_status (LEDGER_STATUS_PILL (self->pill), LEDGER_STATUS_NO_DATA);
      self->status = LEDGER_STATUS_NO_DATA;
      return;
    }
  value = read_typed (self, &error);
  if (value != NULL)
    ledger_entry_check_refuses (self->check, value, checks_of (self), &error);
  show_error (self, error != NULL ? error->message : NULL);
  progress = is_city (self) ? ledger_context_evaluate_value (self->context, self->indicator, value, self->period)
                             : ledger_region_progress_evaluate_value (self->context, self->indicator, self->target,
                                                                      value, self->period);
  self->status = progress.status;
  ledger_status_pill_set_status (LEDGER_STATUS_PILL (self->pill), progress.status);
}

/* Enter: on to the next row's value, as in a spreadsheet. */
static void
entry_activate_cb (LedgerBatchRow *self)
{
  GtkWidget *next = gtk_widget_get_next_sibling (GTK_WIDGET (self));

  while (next != NULL && (!LEDGER_IS_BATCH_ROW (next) || !gtk_widget_get_visible (next)))
    next = gtk_widget_get_next_sibling (next);
  if (next != NULL)
    gtk_widget_grab_focus (LEDGER_BATCH_ROW (next)->entry);
}

/* Escape: back to what was recorded. */
static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  LedgerBatchRow *self = LEDGER_BATCH_ROW (gtk_widget_get_ancestor (widget, LEDGER_TYPE_BATCH_ROW));

  ledger_batch_row_set_text (self, self->original_text);
  gtk_editable_set_text (GTK_EDITABLE (self->note), self->original_note);
  return TRUE;
}

/* The city's target as the plan words it, or the region's own. */
static char *
target_text (LedgerBatchRow *self)
{
  g_autofree char *number = NULL;

  if (is_city (self) || is_qualitative (self))
    return ledger_indicator_dup_target_text (self->indicator);
  if (isnan (self->target))
    return g_strdup (_("No target split"));
  number = ledger_indicator_format_value (self->indicator, self->target);
  return g_strdup_printf (_("Target %s"), number);
}

static GtkWidget *
info_label_new (LedgerBatchRow *self,
                LedgerValue    *previous)
{
  g_autofree char *target = target_text (self);
  g_autofree char *before = NULL;
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (previous != NULL && ledger_value_has_number (previous))
    {
      g_autofree char *number = ledger_indicator_format_value (self->indicator, ledger_value_get_number (previous));
      g_autofree char *period = ledger_period_code_label (ledger_value_get_period (previous));

      /* Translators: the previous value in the batch sheet, "上期 1-5月 1.8 万人" */
      before = g_strdup_printf (_("before: %s %s"), period, number);
    }
  text = before != NULL ? g_strdup_printf ("%s · %s", target, before) : g_strdup (target);
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
value_widget_new (LedgerBatchRow *self)
{
  g_autoptr(GtkStringList) statuses = NULL;
  const char * const *codes = ledger_status_qualitative_codes ();
  GtkShortcutController *shortcuts;
  GtkWidget *entry;

  if (is_qualitative (self))
    {
      statuses = gtk_string_list_new ((const char *[]) { "—", NULL });
      for (guint i = 0; codes[i] != NULL; i++)
        gtk_string_list_append (statuses, ledger_status_label (codes[i]));
      entry = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&statuses)), NULL);
      g_signal_connect_swapped (entry, "notify::selected", G_CALLBACK (update_status), self);
      ledger_accessible_name_drop_down (GTK_DROP_DOWN (entry), ledger_indicator_get_name (self->indicator));
      return entry;
    }

  entry = gtk_entry_new ();
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), ledger_indicator_get_unit (self->indicator));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (update_status), self);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (entry_activate_cb), self);

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (shortcuts,
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0), gtk_callback_action_new (escape_cb, NULL, NULL)));
  gtk_widget_add_controller (entry, GTK_EVENT_CONTROLLER (shortcuts));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ledger_indicator_get_name (self->indicator), -1);
  return entry;
}

/* The figures the row reads: the city's own, or its region's. */
static LedgerValue *
stored_value (LedgerBatchRow *self,
              const char     *period)
{
  LedgerStore *store = ledger_context_get_store (self->context);
  gint64 id = ledger_indicator_get_id (self->indicator);

  if (is_city (self))
    return ledger_store_get_value (store, id, period);
  return ledger_store_get_region_value (store, id, self->region, period);
}

static LedgerValue *
stored_latest_until (LedgerBatchRow     *self,
                     const LedgerPeriod *until)
{
  LedgerStore *store = ledger_context_get_store (self->context);
  gint64 id = ledger_indicator_get_id (self->indicator);

  if (is_city (self))
    return ledger_store_get_latest_value_until (store, id, until);
  return ledger_store_get_latest_region_value_until (store, id, self->region, until);
}

static GListModel *
stored_history (LedgerBatchRow *self)
{
  LedgerStore *store = ledger_context_get_store (self->context);
  gint64 id = ledger_indicator_get_id (self->indicator);

  if (is_city (self))
    return ledger_store_list_values (store, id);
  return ledger_store_list_region_values (store, id, self->region);
}

static void
build (LedgerBatchRow *self)
{
  g_autoptr(LedgerValue) current = stored_value (self, self->period);
  g_autoptr(LedgerValue) previous = NULL;
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *name = gtk_label_new (ledger_indicator_get_name (self->indicator));
  g_autofree char *note_label = g_strdup_printf (_("Note on %s"), ledger_indicator_get_name (self->indicator));
  LedgerPeriod period;

  if (ledger_period_parse (self->period, &period) && ledger_period_end_month (&period) > 1)
    {
      LedgerPeriod before = { period.year, LEDGER_PERIOD_MONTH, ledger_period_end_month (&period) - 1 };

      previous = stored_latest_until (self, &before);
    }

  self->original_text = current != NULL && ledger_value_has_number (current)
                        ? ledger_format_number (ledger_value_get_number (current)) : g_strdup ("");
  self->original_note = g_strdup (current != NULL ? ledger_value_get_note (current) : "");
  self->original_status = g_strdup (current != NULL ? ledger_value_get_status (current) : "");
  self->original_version = current != NULL ? ledger_value_get_version (current) : 0;

  self->history = stored_history (self);
  self->entry = value_widget_new (self);
  self->note = gtk_entry_new ();
  g_signal_connect_swapped (self->note, "changed", G_CALLBACK (update_status), self);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->note), _("Note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note), GTK_ACCESSIBLE_PROPERTY_LABEL, note_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ledger_indicator_get_name (self->indicator), -1);
  gtk_editable_set_text (GTK_EDITABLE (self->note), self->original_note);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->note), 12);
  gtk_widget_set_valign (self->note, GTK_ALIGN_CENTER);
  self->pill = ledger_status_pill_new ();
  /* The same width on every row, so that the entries line up. */
  gtk_widget_set_size_request (self->pill, 96, -1);
  gtk_widget_set_halign (self->pill, GTK_ALIGN_START);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  g_object_set (grid, "margin-top", 8, "margin-bottom", 8, "margin-start", 12, "margin-end", 12, NULL);
  gtk_grid_attach (GTK_GRID (grid), name, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), info_label_new (self, previous), 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->entry, 1, 0, 1, 2);
  gtk_grid_attach (GTK_GRID (grid), self->note, 2, 0, 1, 2);
  gtk_grid_attach (GTK_GRID (grid), self->pill, 3, 0, 1, 2);
  gtk_widget_set_valign (self->entry, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (self->entry, 150, -1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), grid);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);

  ledger_batch_row_set_text (self, self->original_text);
  if (is_qualitative (self))
    for (guint i = 0; ledger_status_qualitative_codes ()[i] != NULL; i++)
      if (g_str_equal (ledger_status_qualitative_codes ()[i], self->original_status))
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->entry), i + 1);
  update_status (self);
}

static void
ledger_batch_row_dispose (GObject *object)
{
  LedgerBatchRow *self = LEDGER_BATCH_ROW (object);

  g_clear_object (&self->context);
  g_clear_object (&self->indicator);
  g_clear_object (&self->history);
  g_clear_pointer (&self->period, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->original_text, g_free);
  g_clear_pointer (&self->original_note, g_free);
  g_clear_pointer (&self->original_status, g_free);

  G_OBJECT_CLASS (ledger_batch_row_parent_class)->dispose (object);
}

static void
ledger_batch_row_class_init (LedgerBatchRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ledger_batch_row_dispose;
}

static void
ledger_batch_row_init (LedgerBatchRow *self)
{
}

/* A row for @indicator's value of @period, which is one of its periods:
 * the city's own figure when @region is "" or NULL, else that region's,
 * against @target (ledger_region_progress_target()). */
GtkWidget *
ledger_batch_row_new (LedgerContext   *context,
                      LedgerIndicator *indicator,
                      const char      *period,
                      const char      *region,
                      double           target)
{
  LedgerBatchRow *self = g_object_new (LEDGER_TYPE_BATCH_ROW, NULL);

  self->context = g_object_ref (context);
  self->indicator = g_object_ref (indicator);
  self->period = g_strdup (period);
  self->region = g_strdup (region != NULL ? region : "");
  self->target = target;
  build (self);
  return GTK_WIDGET (self);
}

/* A base year's figure (同期) is not judged against this year's target:
 * its row shows no status. */
void
ledger_batch_row_set_judged (LedgerBatchRow *self,
                             gboolean        judged)
{
  g_return_if_fail (LEDGER_IS_BATCH_ROW (self));
  gtk_widget_set_visible (self->pill, judged);
}

LedgerIndicator *
ledger_batch_row_get_indicator (LedgerBatchRow *self)
{
  g_return_val_if_fail (LEDGER_IS_BATCH_ROW (self), NULL);
  return self->indicator;
}

/**
 * ledger_batch_row_take_stored_version:
 *
 * After another desk's figure refused a save, the row's figure is read as
 * the one it replaces: saving again replaces it knowingly. What was typed
 * stays.
 */
void
ledger_batch_row_take_stored_version (LedgerBatchRow *self)
{
  g_autoptr(LedgerValue) current = NULL;

  g_return_if_fail (LEDGER_IS_BATCH_ROW (self));

  current = stored_value (self, self->period);
  self->original_version = current != NULL ? ledger_value_get_version (current) : 0;
}

/* Whether the user typed something other than what is recorded. */
gboolean
ledger_batch_row_is_changed (LedgerBatchRow *self)
{
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note));

  g_return_val_if_fail (LEDGER_IS_BATCH_ROW (self), FALSE);

  if (!g_str_equal (note, self->original_note))
    return TRUE;
  if (is_qualitative (self))
    return !g_str_equal (chosen_status (self), self->original_status);
  return !g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->entry)), self->original_text);
}

/**
 * ledger_batch_row_read_value:
 *
 * Returns: (transfer full) (nullable): the value as typed, or %NULL with
 *   @error saying what is expected — also for a figure the checks on
 *   entry flag that has no note to explain it
 */
LedgerValue *
ledger_batch_row_read_value (LedgerBatchRow  *self,
                             GError         **error)
{
  g_autoptr(LedgerValue) value = NULL;

  g_return_val_if_fail (LEDGER_IS_BATCH_ROW (self), NULL);

  if ((value = read_typed (self, error)) == NULL || ledger_entry_check_refuses (self->check, value, checks_of (self), error))
    return NULL;
  return g_steal_pointer (&value);
}

void
ledger_batch_row_set_text (LedgerBatchRow *self,
                           const char     *text)
{
  g_return_if_fail (LEDGER_IS_BATCH_ROW (self));

  if (!is_qualitative (self))
    gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
}

LedgerStatus
ledger_batch_row_get_status (LedgerBatchRow *self)
{
  g_return_val_if_fail (LEDGER_IS_BATCH_ROW (self), LEDGER_STATUS_NO_DATA);
  return self->status;
}

GtkWidget *
ledger_batch_row_get_entry (LedgerBatchRow *self)
{
  g_return_val_if_fail (LEDGER_IS_BATCH_ROW (self), NULL);
  return self->entry;
}
