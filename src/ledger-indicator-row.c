/* ledger-indicator-row.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-indicator-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-chart.h"
#include "ledger-entry-dialog.h"
#include "ledger-indicator-dialog.h"
#include "ledger-indicator-row.h"
#include "ledger-store-jobs.h"
#include "ledger-read-only.h"
#include "ledger-tooltip.h"
#include "ledger-pace-bar.h"
#include "ledger-names.h"
#include "ledger-pace-text.h"
#include "ledger-status.h"
#include "ledger-status-pill.h"
#include "ledger-wrap-layout.h"

/* One indicator on an area page: name, target and responsible unit; the
 * value as of the chosen period; a bar of progress with a mark at pace;
 * the status. It reads everything through the context and updates when
 * the store or the chosen period changes. */
struct _LedgerIndicatorRow
{
  AdwPreferencesRow  parent_instance;

  LedgerContext     *context;
  LedgerPlan        *plan;
  LedgerIndicator   *indicator;
  LedgerStatus       status;
  gboolean           stale_view;

  GtkLabel          *name_label;
  GtkWidget         *target_box;
  GtkLabel          *commitment_label;
  GtkLabel          *target_label;
  GtkLabel          *unit_label;
  GtkWidget         *pace_box;
  LedgerPaceBar     *pace_bar;
  LedgerChart       *sparkline;
  GtkLabel          *gap_label;
  GtkLabel          *value_label;
  GtkLabel          *period_label;
  GtkLabel          *summed_tag;
  LedgerStatusPill  *status_pill;
  GtkButton         *record_button;
  GtkMenuButton     *menu_button;
};

G_DEFINE_FINAL_TYPE (LedgerIndicatorRow, ledger_indicator_row, ADW_TYPE_PREFERENCES_ROW)

/* 确保 or 力争 as a small tag before the target: a firm target and a soft
 * one must not look the same. */
static void
show_commitment (GtkLabel         *label,
                 LedgerCommitment  commitment)
{
  const char *tag = ledger_pace_text_commitment (commitment);

  gtk_widget_set_visible (GTK_WIDGET (label), tag != NULL);
  gtk_label_set_text (label, tag != NULL ? tag : "");
  if (commitment == LEDGER_COMMITMENT_FIRM)
    gtk_widget_add_css_class (GTK_WIDGET (label), "firm");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "firm");
  ledger_tooltip_set (GTK_WIDGET (label),
                      commitment == LEDGER_COMMITMENT_FIRM ? _("The report commits to this target (确保)")
                      : tag != NULL ? _("The report strives for this target (力争)") : NULL);
}

/* The supporting units, short: the first two, "…" after more. */
static char *
short_units (const char *lines)
{
  g_auto(GStrv) units = g_strsplit (lines, "\n", -1);
  g_autofree char *first = NULL;

  if (g_strv_length (units) <= 2)
    return g_strjoinv ("、", units);
  g_free (units[2]);
  units[2] = NULL;
  first = g_strjoinv ("、", units);
  return g_strconcat (first, "…", NULL);
}

/* The lead unit, or the unit with its supporting units: "牵头：市发改委 ·
 * 配合：市统计局、市财政局…". */
static char *
units_text (const char *unit,
            const char *supporting)
{
  g_autofree char *few = NULL;

  if (supporting[0] == '\0')
    return g_strdup_printf ("· %s", unit);
  few = short_units (supporting);
  if (unit[0] == '\0')
    /* Translators: the supporting units (配合单位) of an indicator without a lead unit, in its row */
    return g_strdup_printf (_("· Supporting: %s"), few);
  /* Translators: the lead (牵头) and supporting (配合) units of an indicator, in its row */
  return g_strdup_printf (_("· Lead: %s · Supporting: %s"), unit, few);
}

/* The responsible unit, and the supporting units after it; one the
 * office has not confirmed is a proposal, and says so. */
static void
show_unit (GtkLabel        *label,
           LedgerIndicator *indicator)
{
  const char *unit = ledger_indicator_get_responsible_unit (indicator);
  const char *supporting = ledger_indicator_get_supporting_units (indicator);
  gboolean proposed = unit[0] != '\0' && !ledger_indicator_get_unit_confirmed (indicator);
  g_autofree char *proposal = NULL;
  g_autofree char *text = NULL;
  g_autofree char *all = ledger_names_join_units (supporting);
  g_autofree char *tooltip = NULL;

  /* Translators: a responsible unit not yet confirmed, "市统计局（待确认）" */
  proposal = g_strdup_printf (_("%s (proposed)"), unit);
  text = units_text (proposed ? proposal : unit, supporting);
  /* Translators: every supporting unit of an indicator, on hover over its row's units */
  tooltip = supporting[0] != '\0' ? g_strdup_printf (_("Supporting units: %s"), all) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (label), unit[0] != '\0' || supporting[0] != '\0');
  gtk_label_set_text (label, text);
  if (proposed)
    gtk_widget_add_css_class (GTK_WIDGET (label), "proposed-unit");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "proposed-unit");
  ledger_tooltip_set (GTK_WIDGET (label),
                      proposed ? _("The responsible unit is a proposal until the office confirms it") : tooltip);
}

static void
show_definition (LedgerIndicatorRow *self)
{
  g_autofree char *target = ledger_indicator_dup_target_text (self->indicator);
  const char *source = ledger_indicator_get_source_text (self->indicator);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), ledger_indicator_get_name (self->indicator));
  /* GTK 4.8 names a row by its label only, not by the labels inside it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ledger_indicator_get_name (self->indicator), -1);
  gtk_label_set_text (self->name_label, ledger_indicator_get_name (self->indicator));
  gtk_label_set_text (self->target_label, target);
  show_commitment (self->commitment_label, ledger_indicator_get_commitment (self->indicator));
  show_unit (self->unit_label, self->indicator);
  /* The report's own sentence (原文), on hover. */
  ledger_tooltip_set (GTK_WIDGET (self->name_label), source[0] != '\0' ? source : NULL);
}

static char *
period_text (LedgerValue          *value,
             const LedgerProgress *progress)
{
  g_autofree char *period = NULL;

  if (value == NULL)
    return NULL;
  period = ledger_period_code_label (ledger_value_get_period (value));
  if (progress->stale)
    /* Translators: a value of an earlier period than the one chosen, "1-8月 · 未更新" */
    return g_strdup_printf (_("%s · not updated"), period);
  return g_steal_pointer (&period);
}

/* The year at a glance; drawn from the second value on. */
static void
show_sparkline (LedgerIndicatorRow *self)
{
  LedgerStore *store = ledger_context_get_store (self->context);
  g_autoptr(GListModel) values = ledger_store_list_values (store, ledger_indicator_get_id (self->indicator));

  ledger_chart_set_data (self->sparkline, self->indicator, ledger_plan_get_first_year (self->plan),
                         ledger_plan_get_last_year (self->plan), values, NULL,
                         ledger_context_get_tolerances (self->context));
  gtk_widget_set_visible (GTK_WIDGET (self->sparkline),
                          ledger_chart_get_n_points (self->sparkline) > 1 &&
                          ledger_indicator_get_kind (self->indicator) != LEDGER_KIND_QUALITATIVE);
}

static void
show_progress (LedgerIndicatorRow *self)
{
  g_autoptr(LedgerValue) value = NULL;
  LedgerProgress progress = ledger_context_evaluate (self->context, self->indicator, &value);
  LedgerKind kind = ledger_indicator_get_kind (self->indicator);
  g_autofree char *text = ledger_indicator_describe_value (self->indicator, value);
  g_autofree char *period = period_text (value, &progress);
  g_autofree char *gap = NULL;
  g_autofree char *description = NULL;

  if (kind == LEDGER_KIND_QUALITATIVE)
    gap = value != NULL && ledger_value_get_note (value)[0] != '\0'
          ? g_strdup (ledger_value_get_note (value)) : NULL;
  else if (progress.status == LEDGER_STATUS_PENDING)
    gap = ledger_pace_text_pending (self->indicator);
  else if (!progress.stale)
    gap = ledger_progress_dup_gap_text (self->indicator, &progress);

  self->status = progress.status;
  gtk_label_set_text (self->value_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->period_label), period != NULL);
  gtk_label_set_text (self->period_label, period != NULL ? period : "");
  /* 合计: the city's figure is its regions' sum (docs/regions.md). */
  gtk_widget_set_visible (GTK_WIDGET (self->summed_tag),
                          value != NULL && ledger_value_get_summed (value, NULL) > 0);
  gtk_label_set_text (self->gap_label, gap != NULL ? gap : "");
  ledger_tooltip_set (GTK_WIDGET (self->gap_label), gap);

  if (value == NULL || progress.stale)
    gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->value_label), "dim-label");

  gtk_widget_set_visible (GTK_WIDGET (self->pace_bar), kind == LEDGER_KIND_CUMULATIVE && value != NULL);
  gtk_widget_set_visible (self->pace_box, value != NULL || gap != NULL);
  show_sparkline (self);
  ledger_pace_bar_set_progress (self->pace_bar, &progress);
  ledger_status_pill_set_status (self->status_pill, progress.status);
  /* What a screen reader says after the row's name; the gap may be none. */
  description = g_strjoin (_(", "), ledger_status_label (ledger_status_to_string (progress.status)),
                           text, gap, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

/* A row reads the store when it is shown, not before: a page of 200 rows
 * builds without 200 queries, and a row off screen does not follow every
 * change. */
static void
refresh (LedgerIndicatorRow *self)
{
  self->stale_view = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale_view = FALSE;
      show_progress (self);
    }
}

static void
ledger_indicator_row_map (GtkWidget *widget)
{
  LedgerIndicatorRow *self = LEDGER_INDICATOR_ROW (widget);

  GTK_WIDGET_CLASS (ledger_indicator_row_parent_class)->map (widget);
  if (self->stale_view)
    {
      self->stale_view = FALSE;
      show_progress (self);
    }
}

static void
values_changed_cb (LedgerIndicatorRow *self,
                   gint64              indicator_id)
{
  if (indicator_id == 0 || indicator_id == ledger_indicator_get_id (self->indicator))
    refresh (self);
}

static void
record_value_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ledger_indicator_row_record_value (LEDGER_INDICATOR_ROW (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LedgerIndicatorRow *self = LEDGER_INDICATOR_ROW (widget);
  LedgerIndicatorDialog *dialog;

  dialog = ledger_indicator_dialog_new_edit (GTK_WINDOW (gtk_widget_get_root (widget)),
                                             ledger_context_get_store (self->context),
                                             self->indicator);
  if (self->plan != NULL)
    ledger_indicator_dialog_set_plan (dialog, self->plan);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
deleted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_application_release (g_application_get_default ());
  if (!ledger_store_delete_indicator_finish (LEDGER_STORE (source), result, &error))
    g_warning ("Could not delete the indicator: %s", error->message);
}

/* The indicator and its values go in a worker, one step of undo. */
static void
delete_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    LedgerIndicatorRow *self)
{
  if (!g_str_equal (response, "delete"))
    return;
  g_application_hold (g_application_get_default ());
  ledger_store_delete_indicator_async (ledger_context_get_store (self->context),
                                       ledger_indicator_get_id (self->indicator), NULL, NULL, deleted_cb, NULL);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LedgerIndicatorRow *self = LEDGER_INDICATOR_ROW (widget);
  g_autoptr(GListModel) values = ledger_store_list_values (ledger_context_get_store (self->context),
                                                           ledger_indicator_get_id (self->indicator));
  guint n_values = g_list_model_get_n_items (values);
  g_autofree char *heading = g_strdup_printf (_("Delete “%s”?"), ledger_indicator_get_name (self->indicator));
  g_autofree char *body = g_strdup_printf (ngettext ("Its %u recorded value is deleted with it. The change log keeps its definition.",
                                                     "Its %u recorded values are deleted with it. The change log keeps its definition.",
                                                     n_values), n_values);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Activating the row drills into the indicator's page. */
static void
ledger_indicator_row_activate (GtkListBoxRow *row)
{
  gtk_widget_activate_action (GTK_WIDGET (row), "win.show-indicator", "s",
                              ledger_indicator_get_uuid (LEDGER_INDICATOR_ROW (row)->indicator));
}

static void
ledger_indicator_row_dispose (GObject *object)
{
  LedgerIndicatorRow *self = LEDGER_INDICATOR_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_INDICATOR_ROW);
  g_clear_object (&self->context);
  g_clear_object (&self->plan);
  g_clear_object (&self->indicator);

  G_OBJECT_CLASS (ledger_indicator_row_parent_class)->dispose (object);
}

static void
ledger_indicator_row_class_init (LedgerIndicatorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkListBoxRowClass *row_class = GTK_LIST_BOX_ROW_CLASS (klass);

  object_class->dispose = ledger_indicator_row_dispose;
  widget_class->map = ledger_indicator_row_map;
  row_class->activate = ledger_indicator_row_activate;

  g_type_ensure (LEDGER_TYPE_PACE_BAR);
  g_type_ensure (LEDGER_TYPE_CHART);
  g_type_ensure (LEDGER_TYPE_STATUS_PILL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ledger-indicator-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorRow, target_box);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorRow, commitment_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorRow, target_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorRow, unit_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorRow, pace_box);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorRow, pace_bar);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorRow, sparkline);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorRow, gap_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorRow, value_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorRow, period_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorRow, summed_tag);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorRow, status_pill);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorRow, record_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorRow, menu_button);

  gtk_widget_class_install_action (widget_class, "row.record-value", NULL, record_value_action);
  gtk_widget_class_install_action (widget_class, "row.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "row.delete", NULL, delete_action);
}

/* The menu is made when first opened: a page of 200 rows would otherwise
 * build 200 popovers nobody opens. */
static void
create_menu (GtkMenuButton *button,
             gpointer       user_data)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/ledger-indicator-row-menu.ui");

  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (gtk_builder_get_object (builder, "row_menu")));
}

static void
ledger_indicator_row_init (LedgerIndicatorRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The commitment, target and unit wrap like words in a narrow window. */
  gtk_widget_set_layout_manager (self->target_box, ledger_wrap_layout_new (6));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu, NULL, NULL);
  /* The icons' words, for the pointer; the template names them for screen
   * readers. */
  ledger_tooltip_set (GTK_WIDGET (self->record_button), _("Record Value (Ctrl+N)"));
  ledger_tooltip_set (GTK_WIDGET (self->menu_button), _("More"));
}

static const char * const writing_actions[] = { "row.record-value", "row.edit", "row.delete", NULL };

LedgerIndicatorRow *
ledger_indicator_row_new (LedgerContext   *context,
                          LedgerPlan      *plan,
                          LedgerIndicator *indicator)
{
  LedgerIndicatorRow *self;

  g_return_val_if_fail (LEDGER_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), NULL);
  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), NULL);

  self = g_object_new (LEDGER_TYPE_INDICATOR_ROW, NULL);
  self->context = g_object_ref (context);
  self->plan = g_object_ref (plan);
  self->indicator = g_object_ref (indicator);

  show_definition (self);
  ledger_read_only_disable_actions (GTK_WIDGET (self), ledger_context_get_store (context), writing_actions);
  self->stale_view = TRUE;
  g_signal_connect_object (context, "changed", G_CALLBACK (values_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

LedgerIndicator *
ledger_indicator_row_get_indicator (LedgerIndicatorRow *self)
{
  g_return_val_if_fail (LEDGER_IS_INDICATOR_ROW (self), NULL);
  return self->indicator;
}

LedgerStatus
ledger_indicator_row_get_status (LedgerIndicatorRow *self)
{
  g_return_val_if_fail (LEDGER_IS_INDICATOR_ROW (self), LEDGER_STATUS_NO_DATA);

  if (self->stale_view)
    {
      self->stale_view = FALSE;
      show_progress (self);
    }
  return self->status;
}

/* Opens the dialog to record a value for this row's indicator. */
void
ledger_indicator_row_record_value (LedgerIndicatorRow *self)
{
  LedgerEntryDialog *dialog;

  g_return_if_fail (LEDGER_IS_INDICATOR_ROW (self));

  dialog = ledger_entry_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    ledger_context_get_store (self->context), self->plan,
                                    self->indicator, &ledger_context_get_tolerances (self->context)->checks);
  gtk_window_present (GTK_WINDOW (dialog));
}
