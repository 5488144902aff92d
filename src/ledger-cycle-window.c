/* ledger-cycle-window.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-cycle-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-cycle-window.h"
#include "ledger-due-day-row.h"
#include "ledger-entry-check.h"
#include "ledger-store-cycle.h"

/* The month's cycle of the "as of" period (docs/monthly-cycle.md): who
 * sent the figures due, on time or how late, 完整率 and 及时率 for each
 * unit and the office, the worst first; and the month's review, closing
 * and reopening. */

struct _LedgerCycleWindow
{
  AdwWindow             parent_instance;

  LedgerContext        *context;
  LedgerPlan           *plan;
  GDate                 today;
  GPtrArray            *rows;

  AdwWindowTitle       *title;
  AdwActionRow         *state_row;
  GtkWidget            *review_button;
  GtkWidget            *close_button;
  GtkWidget            *reopen_button;
  AdwActionRow         *office_row;
  GtkLabel             *office_late;
  AdwPreferencesGroup  *units_group;
  AdwPreferencesGroup  *review_group;
  GtkSpinButton        *due_monthly;
  GtkSpinButton        *due_quarterly;
  GtkSpinButton        *due_annual;
  AdwPreferencesGroup  *unit_due_group;
};

G_DEFINE_FINAL_TYPE (LedgerCycleWindow, ledger_cycle_window, ADW_TYPE_WINDOW)

static LedgerStore *
store_of (LedgerCycleWindow *self)
{
  return ledger_context_get_store (self->context);
}

static gint64
plan_id_of (LedgerCycleWindow *self)
{
  return ledger_node_get_id (LEDGER_NODE (self->plan));
}

static void
show_error (LedgerCycleWindow *self,
            const char        *heading,
            const char        *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_state (LedgerCycleWindow *self,
           LedgerPeriodState  state,
           const char        *reason)
{
  g_autoptr(GError) error = NULL;

  if (!ledger_store_set_period_state (store_of (self), plan_id_of (self), ledger_context_get_as_of (self->context),
                                      state, reason, &error))
    show_error (self, _("The Period Was Not Changed"), error->message);
}

static void
review_clicked_cb (LedgerCycleWindow *self)
{
  set_state (self, LEDGER_PERIOD_REVIEWED, NULL);
}

static void
close_clicked_cb (LedgerCycleWindow *self)
{
  set_state (self, LEDGER_PERIOD_CLOSED, NULL);
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "reopen", reason[0] != '\0');
}

static void
reopen_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    GtkEditable      *entry)
{
  LedgerCycleWindow *self = LEDGER_CYCLE_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  if (g_str_equal (response, "reopen"))
    set_state (self, LEDGER_PERIOD_OPEN, gtk_editable_get_text (entry));
}

/* Reopening asks why: the reason goes to the change log. */
static void
reopen_clicked_cb (LedgerCycleWindow *self)
{
  g_autofree char *month = ledger_period_month_of (ledger_context_get_as_of (self->context));
  g_autofree char *heading = g_strdup_printf (_("Reopen %s?"), month);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                              _("Its figures can be changed again. Say why, for the change log."));
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "reopen", _("_Reopen"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reopen", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reopen");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reopen", FALSE);
  g_signal_connect_object (entry, "changed", G_CALLBACK (reason_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reopen_response_cb), entry, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
state_label (LedgerPeriodState state)
{
  switch (state)
    {
    case LEDGER_PERIOD_REVIEWED:
      return _("Reviewed");
    case LEDGER_PERIOD_CLOSED:
      return _("Closed");
    case LEDGER_PERIOD_OPEN:
    default:
      return _("Open");
    }
}

static void
show_state (LedgerCycleWindow *self)
{
  LedgerPeriodState state = ledger_store_get_period_state (store_of (self), plan_id_of (self),
                                                           ledger_context_get_as_of (self->context));
  g_autofree char *month = ledger_period_month_of (ledger_context_get_as_of (self->context));
  /* Translators: the month (2026-03) and its state (Open, Reviewed, Closed) */
  g_autofree char *title = g_strdup_printf (_("%s: %s"), month, state_label (state));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->state_row), title);
  gtk_widget_set_visible (self->review_button, state == LEDGER_PERIOD_OPEN);
  gtk_widget_set_visible (self->close_button, state != LEDGER_PERIOD_CLOSED);
  gtk_widget_set_visible (self->reopen_button, state == LEDGER_PERIOD_CLOSED);
}

/* "2 of 3 received, 1 on time · due 2026-04-10" */
static char *
describe (const LedgerCompleteness *row)
{
  g_autofree char *due_date = ledger_date_to_string (&row->due_date);

  /* Translators: received of due, on time, the earliest due date */
  return g_strdup_printf (_("%u of %u received, %u on time · due %s"), row->received, row->due,
                          row->on_time, due_date);
}

/* "完整率 67% · 及时率 33%" */
static char *
describe_rates (const LedgerCompleteness *row)
{
  /* Translators: completeness and timeliness rates, in percent */
  return g_strdup_printf (_("Complete %.0f%% · on time %.0f%%"), 100 * ledger_completeness_rate (row),
                          100 * ledger_timeliness_rate (row));
}

/* "3 days late", "On time", or "Not due yet" for figures still to come. */
static char *
describe_lateness (const LedgerCompleteness *row,
                   gboolean                  office)
{
  int days = row->days_late;

  if (days > 0 && office)
    return g_strdup_printf (ngettext ("Up to %d day late", "Up to %d days late", days), days);
  if (days > 0)
    return g_strdup_printf (ngettext ("%d day late", "%d days late", days), days);
  return g_strdup (row->received < row->due ? _("Not due yet") : _("On time"));
}

static GtkWidget *
late_label_new (const LedgerCompleteness *row)
{
  g_autofree char *text = describe_lateness (row, FALSE);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, row->days_late > 7 ? "error" : row->days_late > 0 ? "warning"
                                   : row->received < row->due ? "dim-label" : "success");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

static GtkWidget *
unit_row_new (const LedgerCompleteness *row)
{
  GtkWidget *widget = adw_action_row_new ();
  g_autofree char *counts = describe (row);
  g_autofree char *rates = describe_rates (row);
  g_autofree char *subtitle = g_strdup_printf ("%s\n%s", rates, counts);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), *row->unit != '\0' ? row->unit : _("(no unit)"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (widget), late_label_new (row));
  return widget;
}

static void
show_office (LedgerCycleWindow        *self,
             const LedgerCompleteness *office)
{
  g_autofree char *rates = describe_rates (office);
  g_autofree char *counts = describe (office);
  g_autofree char *late = describe_lateness (office, TRUE);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->office_row), rates);
  adw_action_row_set_subtitle (self->office_row, office->due > 0 ? counts : _("No figure is due for this period"));
  gtk_label_set_text (self->office_late, late);
}

/* "The year-to-date total is lower than the period before · 核减重复统计" */
static GtkWidget *
flagged_row_new (LedgerIndicator         *indicator,
                 LedgerValue             *value,
                 LedgerCheck              check,
                 const LedgerCheckLimits *limits)
{
  GtkWidget *widget = adw_action_row_new ();
  g_autofree char *what = ledger_entry_check_describe (check, limits);
  g_autofree char *number = ledger_indicator_describe_value (indicator, value);
  g_autofree char *subtitle = g_strdup_printf ("%s\n%s", what, ledger_value_get_note (value));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), ledger_indicator_get_name (indicator));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (widget), gtk_label_new (number));
  gtk_widget_add_css_class (widget, "flagged");
  return widget;
}

static void
add_row (LedgerCycleWindow   *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
show_flagged (LedgerCycleWindow *self,
              GPtrArray         *figures)
{
  const LedgerCheckLimits *limits = &ledger_context_get_tolerances (self->context)->checks;
  g_autoptr(GArray) checks = NULL;
  g_autoptr(GPtrArray) values = ledger_store_list_flagged (store_of (self), figures, limits, &checks);

  gtk_widget_set_visible (GTK_WIDGET (self->review_group), values->len > 0);
  for (guint i = 0; i < values->len; i++)
    {
      LedgerValue *value = g_ptr_array_index (values, i);
      LedgerDueFigure *figure = ledger_due_figure_find (figures, ledger_value_get_indicator_id (value));

      add_row (self, self->review_group,
               flagged_row_new (figure->indicator, value, g_array_index (checks, LedgerCheck, i), limits));
    }
}

static void
fill (LedgerCycleWindow *self)
{
  const char *as_of = ledger_context_get_as_of (self->context);
  gboolean skip_weekends = ledger_context_get_tolerances (self->context)->due_skip_weekends;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(LedgerCompleteness) office = NULL;
  g_autofree char *label = ledger_period_as_of_label (as_of);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (self->rows, 0);
  adw_window_title_set_title (self->title, ledger_node_get_title (LEDGER_NODE (self->plan)));
  adw_window_title_set_subtitle (self->title, label);
  show_state (self);
  if ((figures = ledger_store_list_due_figures (store_of (self), self->plan, as_of, skip_weekends, &error)) == NULL)
    {
      g_warning ("Could not list the figures due: %s", error->message);
      return;
    }
  rows = ledger_completeness_by_unit (figures, &self->today, &office);
  show_office (self, office);
  show_flagged (self, figures);
  for (guint i = 0; i < rows->len; i++)
    add_row (self, self->units_group, unit_row_new (g_ptr_array_index (rows, i)));
}

static GtkSpinButton *
due_spin (LedgerCycleWindow *self,
          LedgerFrequency    frequency)
{
  GtkSpinButton *spins[] = { self->due_monthly, self->due_quarterly, self->due_annual };

  return spins[frequency];
}

/* The plan's due day of each frequency, as the ledger holds it. */
static void
show_due_days (LedgerCycleWindow *self)
{
  for (LedgerFrequency f = LEDGER_FREQUENCY_MONTHLY; f <= LEDGER_FREQUENCY_ANNUAL; f++)
    {
      int day = ledger_store_get_due_day (store_of (self), plan_id_of (self), LEDGER_DUE_FOR_FREQUENCY,
                                          ledger_frequency_to_string (f));

      gtk_spin_button_set_value (due_spin (self, f), day != 0 ? day : ledger_due_default_day (f));
    }
}

static void
due_day_changed_cb (GtkSpinButton     *spin,
                    LedgerCycleWindow *self)
{
  g_autoptr(GError) error = NULL;

  for (LedgerFrequency f = LEDGER_FREQUENCY_MONTHLY; f <= LEDGER_FREQUENCY_ANNUAL; f++)
    {
      int day = gtk_spin_button_get_value_as_int (spin);

      if (due_spin (self, f) != spin ||
          day == ledger_store_get_due_day (store_of (self), plan_id_of (self), LEDGER_DUE_FOR_FREQUENCY,
                                           ledger_frequency_to_string (f)))
        continue;
      if (!ledger_store_set_due_day (store_of (self), plan_id_of (self), LEDGER_DUE_FOR_FREQUENCY,
                                     ledger_frequency_to_string (f), day, &error))
        show_error (self, _("The Due Day Was Not Changed"), error->message);
    }
}

static void
unit_due_day_changed_cb (LedgerDueDayRow   *row,
                         LedgerCycleWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!ledger_store_set_due_day (store_of (self), plan_id_of (self), LEDGER_DUE_FOR_UNIT,
                                 ledger_due_day_row_get_name (row), ledger_due_day_row_get_day (row), &error))
    show_error (self, _("The Due Day Was Not Changed"), error->message);
}

/* A row for each responsible unit of the plan, with its own due day or
 * the default. */
static void
show_unit_due_days (LedgerCycleWindow *self)
{
  g_autoptr(GPtrArray) units = ledger_store_list_units (store_of (self), self->plan, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->unit_due_group), units != NULL && units->len > 0);
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      LedgerUnitUse *use = g_ptr_array_index (units, i);
      GtkWidget *row = ledger_due_day_row_new (use->name, use->name);

      ledger_due_day_row_set_day (LEDGER_DUE_DAY_ROW (row),
                                  ledger_store_get_due_day (store_of (self), plan_id_of (self), LEDGER_DUE_FOR_UNIT,
                                                            use->name));
      g_signal_connect_object (row, "changed", G_CALLBACK (unit_due_day_changed_cb), self, 0);
      adw_preferences_group_add (self->unit_due_group, row);
    }
}

static void
ledger_cycle_window_dispose (GObject *object)
{
  LedgerCycleWindow *self = LEDGER_CYCLE_WINDOW (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->plan);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_CYCLE_WINDOW);

  G_OBJECT_CLASS (ledger_cycle_window_parent_class)->dispose (object);
}

static void
ledger_cycle_window_class_init (LedgerCycleWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_cycle_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/targetledger/TargetLedger/ledger-cycle-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerCycleWindow, title);
  gtk_widget_class_bind_template_child (widget_class, LedgerCycleWindow, state_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerCycleWindow, review_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerCycleWindow, close_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerCycleWindow, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerCycleWindow, office_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerCycleWindow, office_late);
  gtk_widget_class_bind_template_child (widget_class, LedgerCycleWindow, units_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerCycleWindow, review_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerCycleWindow, due_monthly);
  gtk_widget_class_bind_template_child (widget_class, LedgerCycleWindow, due_quarterly);
  gtk_widget_class_bind_template_child (widget_class, LedgerCycleWindow, due_annual);
  gtk_widget_class_bind_template_child (widget_class, LedgerCycleWindow, unit_due_group);
  gtk_widget_class_bind_template_callback (widget_class, review_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, reopen_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ledger_cycle_window_init (LedgerCycleWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  ledger_date_set_day_of (&self->today, now);
}

/* The day missing figures are late to: today, unless a test sets it. */
void
ledger_cycle_window_set_today (LedgerCycleWindow *self,
                               const GDate       *today)
{
  g_return_if_fail (LEDGER_IS_CYCLE_WINDOW (self));

  self->today = *today;
  fill (self);
}

/* The page follows the "as of" period and every change of the ledger. */
LedgerCycleWindow *
ledger_cycle_window_new (GtkWindow     *parent,
                         LedgerContext *context,
                         LedgerPlan    *plan)
{
  LedgerCycleWindow *self;

  g_return_val_if_fail (LEDGER_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), NULL);

  self = g_object_new (LEDGER_TYPE_CYCLE_WINDOW, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->plan = g_object_ref (plan);
  g_signal_connect_object (context, "changed", G_CALLBACK (fill), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::as-of", G_CALLBACK (fill), self, G_CONNECT_SWAPPED);
  show_due_days (self);
  show_unit_due_days (self);
  for (LedgerFrequency f = LEDGER_FREQUENCY_MONTHLY; f <= LEDGER_FREQUENCY_ANNUAL; f++)
    g_signal_connect_object (due_spin (self, f), "value-changed", G_CALLBACK (due_day_changed_cb), self, 0);
  fill (self);
  return self;
}
