/* ledger-indicator-row.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-indicator-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-entry-dialog.h"
#include "ledger-indicator-row.h"
#include "ledger-status.h"

/* One indicator on an area page: its name, target, responsible unit and
 * latest value. It reads the value from the store and updates when the
 * store says the indicator's values changed. */
struct _LedgerIndicatorRow
{
  AdwActionRow     parent_instance;

  LedgerStore     *store;
  LedgerPlan      *plan;
  LedgerIndicator *indicator;

  GtkLabel        *value_label;
  GtkLabel        *period_label;
  GtkButton       *record_button;
};

G_DEFINE_FINAL_TYPE (LedgerIndicatorRow, ledger_indicator_row, ADW_TYPE_ACTION_ROW)

static void
update_subtitle (LedgerIndicatorRow *self)
{
  g_autofree char *target = ledger_indicator_dup_target_text (self->indicator);
  const char *unit = ledger_indicator_get_responsible_unit (self->indicator);
  g_autofree char *subtitle = NULL;

  if (unit[0] != '\0')
    subtitle = g_strdup_printf ("%s · %s", target, unit);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle != NULL ? subtitle : target);
}

static void
update_value (LedgerIndicatorRow *self)
{
  g_autoptr(LedgerValue) value = NULL;
  g_autofree char *text = NULL;
  g_autofree char *period = NULL;

  value = ledger_store_get_latest_value (self->store, ledger_indicator_get_id (self->indicator));
  if (value == NULL)
    {
      gtk_label_set_text (self->value_label, _("No value yet"));
      gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "dim-label");
      gtk_widget_set_visible (GTK_WIDGET (self->period_label), FALSE);
      return;
    }

  if (ledger_value_has_number (value))
    text = ledger_indicator_format_value (self->indicator, ledger_value_get_number (value));
  else
    text = g_strdup (ledger_status_label (ledger_value_get_status (value)));
  period = ledger_period_code_label (ledger_value_get_period (value));

  gtk_label_set_text (self->value_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->value_label), "dim-label");
  gtk_label_set_text (self->period_label, period);
  gtk_widget_set_visible (GTK_WIDGET (self->period_label), TRUE);
}

static void
values_changed_cb (LedgerIndicatorRow *self,
                   gint64              indicator_id)
{
  if (indicator_id == 0 || indicator_id == ledger_indicator_get_id (self->indicator))
    update_value (self);
}

static void
record_value_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ledger_indicator_row_record_value (LEDGER_INDICATOR_ROW (widget));
}

static void
ledger_indicator_row_dispose (GObject *object)
{
  LedgerIndicatorRow *self = LEDGER_INDICATOR_ROW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->plan);
  g_clear_object (&self->indicator);

  G_OBJECT_CLASS (ledger_indicator_row_parent_class)->dispose (object);
}

static void
ledger_indicator_row_class_init (LedgerIndicatorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_indicator_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ledger-indicator-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorRow, value_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorRow, period_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorRow, record_button);

  gtk_widget_class_install_action (widget_class, "row.record-value", NULL, record_value_action);
}

static void
ledger_indicator_row_init (LedgerIndicatorRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LedgerIndicatorRow *
ledger_indicator_row_new (LedgerStore     *store,
                          LedgerPlan      *plan,
                          LedgerIndicator *indicator)
{
  LedgerIndicatorRow *self;

  g_return_val_if_fail (LEDGER_IS_STORE (store), NULL);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), NULL);
  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), NULL);

  self = g_object_new (LEDGER_TYPE_INDICATOR_ROW, NULL);
  self->store = g_object_ref (store);
  self->plan = g_object_ref (plan);
  self->indicator = g_object_ref (indicator);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), ledger_indicator_get_name (indicator));
  update_subtitle (self);
  update_value (self);
  /* The report's own sentence (原文), on hover. */
  if (ledger_indicator_get_source_text (indicator)[0] != '\0')
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), ledger_indicator_get_source_text (indicator));
  g_signal_connect_object (store, "values-changed", G_CALLBACK (values_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

LedgerIndicator *
ledger_indicator_row_get_indicator (LedgerIndicatorRow *self)
{
  g_return_val_if_fail (LEDGER_IS_INDICATOR_ROW (self), NULL);
  return self->indicator;
}

/* Opens the dialog to record a value for this row's indicator. */
void
ledger_indicator_row_record_value (LedgerIndicatorRow *self)
{
  LedgerEntryDialog *dialog;

  g_return_if_fail (LEDGER_IS_INDICATOR_ROW (self));

  dialog = ledger_entry_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    self->store, self->plan, self->indicator);
  gtk_window_present (GTK_WINDOW (dialog));
}
