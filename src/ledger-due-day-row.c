/* ledger-due-day-row.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-due-day-row"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "ledger-due-day-row.h"

/* A due day of its own for a unit or an indicator (docs/monthly-cycle.md,
 * Due dates): a day of the month 1 to 31, or 0, shown as "Default", to
 * take the day of the frequency. It emits "changed" when the user sets
 * another day; what to do with it is its owner's. */
struct _LedgerDueDayRow
{
  AdwActionRow   parent_instance;

  GtkSpinButton *spin;
  char          *name;      /* the unit's name or the indicator's code */
  gboolean       setting;   /* the day is set by the program, not the user */
};

G_DEFINE_FINAL_TYPE (LedgerDueDayRow, ledger_due_day_row, ADW_TYPE_ACTION_ROW)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* 0 reads "Default". */
static gboolean
output_cb (GtkSpinButton *spin,
           gpointer       user_data)
{
  int day = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = day == 0 ? g_strdup (C_("due day", "Default")) : g_strdup_printf ("%d", day);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* A typed day, or "Default" (or nothing) for 0. */
static int
input_cb (GtkSpinButton *spin,
          double        *value,
          gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;
  long day = strtol (text, &end, 10);

  if (end == text || *end != '\0')
    day = 0;
  *value = CLAMP (day, 0, 31);
  return TRUE;
}

static void
value_changed_cb (LedgerDueDayRow *self)
{
  if (!self->setting)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
ledger_due_day_row_finalize (GObject *object)
{
  LedgerDueDayRow *self = LEDGER_DUE_DAY_ROW (object);

  g_free (self->name);

  G_OBJECT_CLASS (ledger_due_day_row_parent_class)->finalize (object);
}

static void
ledger_due_day_row_class_init (LedgerDueDayRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ledger_due_day_row_finalize;

  /**
   * LedgerDueDayRow::changed:
   *
   * The user set another day.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 0);
}

static void
ledger_due_day_row_init (LedgerDueDayRow *self)
{
  self->spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 31, 1));
  gtk_spin_button_set_numeric (self->spin, FALSE);   /* it shows "Default" */
  gtk_widget_set_valign (GTK_WIDGET (self->spin), GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->spin), 7);
  g_signal_connect (self->spin, "output", G_CALLBACK (output_cb), NULL);
  g_signal_connect (self->spin, "input", G_CALLBACK (input_cb), NULL);
  g_signal_connect_swapped (self->spin, "value-changed", G_CALLBACK (value_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->spin));
  output_cb (self->spin, NULL);   /* 0 from the start: no change to say it */
}

/**
 * ledger_due_day_row_new:
 * @title: what the row is for, shown
 * @name: the unit's name or the indicator's code, for its owner
 */
GtkWidget *
ledger_due_day_row_new (const char *title,
                        const char *name)
{
  LedgerDueDayRow *self = g_object_new (LEDGER_TYPE_DUE_DAY_ROW, "title", title, "use-markup", FALSE, NULL);

  self->name = g_strdup (name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return GTK_WIDGET (self);
}

const char *
ledger_due_day_row_get_name (LedgerDueDayRow *self)
{
  g_return_val_if_fail (LEDGER_IS_DUE_DAY_ROW (self), NULL);

  return self->name;
}

/* Returns: the day, 0 for the default */
int
ledger_due_day_row_get_day (LedgerDueDayRow *self)
{
  g_return_val_if_fail (LEDGER_IS_DUE_DAY_ROW (self), 0);

  return gtk_spin_button_get_value_as_int (self->spin);
}

/* Shows @day (0: the default) without emitting "changed". */
void
ledger_due_day_row_set_day (LedgerDueDayRow *self,
                            int              day)
{
  g_return_if_fail (LEDGER_IS_DUE_DAY_ROW (self));

  self->setting = TRUE;
  gtk_spin_button_set_value (self->spin, day);
  self->setting = FALSE;
}
