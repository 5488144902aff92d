/* ledger-status-summary.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-status-summary"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ledger-status.h"
#include "ledger-status-pill.h"
#include "ledger-status-summary.h"
#include "ledger-tooltip.h"
#include "ledger-wrap-layout.h"

/* Counts by status, as a row of pills, worst first, leaving out the
 * statuses nobody has. The compact form, for the sidebar, leaves out the
 * words and the count of indicators without data; its tooltip and
 * accessible label say them all in full. */
struct _LedgerStatusSummary
{
  GtkWidget  parent_instance;

  gboolean   compact;
  GtkWidget *pills[LEDGER_N_STATUSES];
  guint      counts[LEDGER_N_STATUSES];
};

G_DEFINE_FINAL_TYPE (LedgerStatusSummary, ledger_status_summary, GTK_TYPE_WIDGET)

static const LedgerStatus shown[] = {
  LEDGER_STATUS_OVERDUE, LEDGER_STATUS_BEHIND, LEDGER_STATUS_WARNING, LEDGER_STATUS_ON_TRACK,
  LEDGER_STATUS_ACHIEVED, LEDGER_STATUS_PENDING, LEDGER_STATUS_NO_DATA,
};

static void
ledger_status_summary_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ledger_status_summary_parent_class)->dispose (object);
}

static void
ledger_status_summary_class_init (LedgerStatusSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_status_summary_dispose;

  gtk_widget_class_set_css_name (widget_class, "statussummary");
}

static void
ledger_status_summary_init (LedgerStatusSummary *self)
{
  /* The pills wrap to a second line in a narrow window. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), ledger_wrap_layout_new (4));
}

/* The pill of a status, made the first time the status has a count: most
 * sidebar rows never need most pills. */
static LedgerStatusPill *
pill_for (LedgerStatusSummary *self,
          guint                index)
{
  GtkWidget *before = NULL;

  if (self->pills[shown[index]] != NULL)
    return LEDGER_STATUS_PILL (self->pills[shown[index]]);
  for (guint i = 0; i < index; i++)
    before = self->pills[shown[i]] != NULL ? self->pills[shown[i]] : before;
  self->pills[shown[index]] = ledger_status_pill_new ();
  ledger_status_pill_set_compact (LEDGER_STATUS_PILL (self->pills[shown[index]]), self->compact);
  gtk_widget_insert_after (self->pills[shown[index]], GTK_WIDGET (self), before);
  return LEDGER_STATUS_PILL (self->pills[shown[index]]);
}

GtkWidget *
ledger_status_summary_new (gboolean compact)
{
  LedgerStatusSummary *self = g_object_new (LEDGER_TYPE_STATUS_SUMMARY, NULL);

  self->compact = compact;
  return GTK_WIDGET (self);
}

/* Returns: (transfer full): "滞后 1, 预警 2, 正常 3…", the nonzero counts */
char *
ledger_status_counts_to_text (const guint counts[LEDGER_N_STATUSES])
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      if (counts[shown[i]] == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, _(", "));
      /* Translators: a status and how many indicators have it, "滞后 3" */
      g_string_append_printf (text, C_("status count", "%s %u"),
                              ledger_status_label (ledger_status_to_string (shown[i])), counts[shown[i]]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
ledger_status_summary_dup_text (LedgerStatusSummary *self)
{
  g_return_val_if_fail (LEDGER_IS_STATUS_SUMMARY (self), NULL);
  return ledger_status_counts_to_text (self->counts);
}

void
ledger_status_summary_set_counts (LedgerStatusSummary *self,
                                  const guint          counts[LEDGER_N_STATUSES])
{
  g_autofree char *text = NULL;

  g_return_if_fail (LEDGER_IS_STATUS_SUMMARY (self));

  memcpy (self->counts, counts, sizeof self->counts);
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      /* The sidebar has room for the counts that call for attention. */
      gboolean visible = counts[shown[i]] > 0 && !(self->compact && shown[i] == LEDGER_STATUS_NO_DATA);
      LedgerStatusPill *pill;

      if (!visible && self->pills[shown[i]] == NULL)
        continue;
      pill = pill_for (self, i);
      ledger_status_pill_set_count (pill, shown[i], counts[shown[i]]);
      gtk_widget_set_visible (GTK_WIDGET (pill), visible);
    }

  text = ledger_status_summary_dup_text (self);
  ledger_tooltip_set (GTK_WIDGET (self), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}
