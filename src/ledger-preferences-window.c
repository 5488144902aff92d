/* ledger-preferences-window.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-preferences-window.h"

/* The tolerances of the status rules (docs/domain.md, Tolerances), as
 * GSettings keys. Shares are stored as fractions and shown as percents. */
struct _LedgerPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  GtkSpinButton        *about_points;
  GtkSpinButton        *about_share;
  GtkSpinButton        *warning_points;
  GtkSpinButton        *warning_share;
  GtkSpinButton        *cumulative_warning;
  GtkSpinButton        *roll_up_tolerance;
  GtkSwitch            *reminders;
  GtkSwitch            *skip_weekends;
  GtkSpinButton        *check_spread_times;
  GtkSpinButton        *check_rate_low;
  GtkSpinButton        *check_rate_high;
  GtkSpinButton        *check_level_high;
  GtkSpinButton        *attachment_limit;
};

G_DEFINE_FINAL_TYPE (LedgerPreferencesWindow, ledger_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char *keys[] = {
  "about-points", "about-share", "warning-points", "warning-share", "cumulative-warning",
  "roll-up-tolerance", "attachment-limit-mib", "check-spread-times", "check-rate-low", "check-rate-high",
  "check-level-high",
};

static gboolean
fraction_to_percent (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100);
  return TRUE;
}

static GVariant *
percent_to_fraction (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  return g_variant_new_double (g_value_get_double (value) / 100);
}

static void
bind (LedgerPreferencesWindow *self,
      const char              *key,
      GtkSpinButton           *spin,
      gboolean                 as_percent)
{
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);

  if (as_percent)
    g_settings_bind_with_mapping (self->settings, key, adjustment, "value", G_SETTINGS_BIND_DEFAULT,
                                  fraction_to_percent, percent_to_fraction, NULL, NULL);
  else
    g_settings_bind (self->settings, key, adjustment, "value", G_SETTINGS_BIND_DEFAULT);
}

static void
reset_clicked_cb (LedgerPreferencesWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (self->settings, keys[i]);
}

static void
ledger_preferences_window_dispose (GObject *object)
{
  LedgerPreferencesWindow *self = LEDGER_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ledger_preferences_window_parent_class)->dispose (object);
}

static void
ledger_preferences_window_class_init (LedgerPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ledger-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerPreferencesWindow, about_points);
  gtk_widget_class_bind_template_child (widget_class, LedgerPreferencesWindow, about_share);
  gtk_widget_class_bind_template_child (widget_class, LedgerPreferencesWindow, warning_points);
  gtk_widget_class_bind_template_child (widget_class, LedgerPreferencesWindow, warning_share);
  gtk_widget_class_bind_template_child (widget_class, LedgerPreferencesWindow, cumulative_warning);
  gtk_widget_class_bind_template_child (widget_class, LedgerPreferencesWindow, roll_up_tolerance);
  gtk_widget_class_bind_template_child (widget_class, LedgerPreferencesWindow, reminders);
  gtk_widget_class_bind_template_child (widget_class, LedgerPreferencesWindow, skip_weekends);
  gtk_widget_class_bind_template_child (widget_class, LedgerPreferencesWindow, check_spread_times);
  gtk_widget_class_bind_template_child (widget_class, LedgerPreferencesWindow, check_rate_low);
  gtk_widget_class_bind_template_child (widget_class, LedgerPreferencesWindow, check_rate_high);
  gtk_widget_class_bind_template_child (widget_class, LedgerPreferencesWindow, check_level_high);
  gtk_widget_class_bind_template_child (widget_class, LedgerPreferencesWindow, attachment_limit);
  gtk_widget_class_bind_template_callback (widget_class, reset_clicked_cb);
}

static void
ledger_preferences_window_init (LedgerPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LedgerPreferencesWindow *
ledger_preferences_window_new (GtkWindow *parent,
                               GSettings *settings)
{
  LedgerPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (LEDGER_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  bind (self, "about-points", self->about_points, FALSE);
  bind (self, "about-share", self->about_share, TRUE);
  bind (self, "warning-points", self->warning_points, FALSE);
  bind (self, "warning-share", self->warning_share, TRUE);
  bind (self, "cumulative-warning", self->cumulative_warning, TRUE);
  bind (self, "roll-up-tolerance", self->roll_up_tolerance, TRUE);
  g_settings_bind (settings, "reminders", self->reminders, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "due-skip-weekends", self->skip_weekends, "active", G_SETTINGS_BIND_DEFAULT);
  bind (self, "attachment-limit-mib", self->attachment_limit, FALSE);
  bind (self, "check-spread-times", self->check_spread_times, FALSE);
  bind (self, "check-rate-low", self->check_rate_low, FALSE);
  bind (self, "check-rate-high", self->check_rate_high, FALSE);
  bind (self, "check-level-high", self->check_level_high, FALSE);
  return self;
}
