/* ledger-region-group.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-region-group"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ledger-accessible.h"
#include "ledger-entry-dialog.h"
#include "ledger-pace-bar.h"
#include "ledger-read-only.h"
#include "ledger-region-group.h"
#include "ledger-region-progress.h"
#include "ledger-split-dialog.h"
#include "ledger-status-pill.h"

/* 分区县 on an indicator's page: each region's target, its latest figure
 * as of the period, and where it stands against its own target, with
 * Split Target… and a region's figure to record. Shown only when the
 * plan has regions; read again when the page is. */
struct _LedgerRegionGroup
{
  AdwPreferencesGroup parent_instance;

  LedgerContext      *context;
  LedgerPlan         *plan;
  LedgerIndicator    *indicator;
  GPtrArray          *rows;
  GtkWidget          *split_button;
};

G_DEFINE_FINAL_TYPE (LedgerRegionGroup, ledger_region_group, ADW_TYPE_PREFERENCES_GROUP)

static LedgerStore *
store_of (LedgerRegionGroup *self)
{
  return ledger_context_get_store (self->context);
}

static gboolean
is_qualitative (LedgerRegionGroup *self)
{
  return ledger_indicator_get_kind (self->indicator) == LEDGER_KIND_QUALITATIVE;
}

/* "Target 300 个 · 1-10月 · not in the city's total" */
static char *
region_subtitle (LedgerRegionGroup  *self,
                 const LedgerRegion *region,
                 double              target,
                 LedgerValue        *value)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (!is_qualitative (self) && !isnan (target))
    {
      g_autofree char *number = ledger_indicator_format_value (self->indicator, target);

      /* Translators: a region's target on the indicator page, "目标 300 个" */
      g_string_append_printf (text, _("Target %s"), number);
    }
  else if (!is_qualitative (self))
    g_string_append (text, _("No target split"));
  if (value != NULL)
    {
      g_autofree char *period = ledger_period_code_label (ledger_value_get_period (value));

      g_string_append_printf (text, " · %s", period);
    }
  if (!region->in_total)
    g_string_append_printf (text, " · %s", _("not in the city's total"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
value_label_new (LedgerRegionGroup *self,
                 LedgerValue       *value)
{
  g_autofree char *text = ledger_indicator_describe_value (self->indicator, value);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "indicator-value");
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  return label;
}

/* The pace bar of a total that has a figure and a target, as on the
 * indicator rows. */
static GtkWidget *
pace_bar_new (LedgerRegionGroup    *self,
              LedgerValue          *value,
              const LedgerProgress *progress)
{
  GtkWidget *bar = ledger_pace_bar_new ();

  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (bar, 90, -1);
  ledger_pace_bar_set_progress (LEDGER_PACE_BAR (bar), progress);
  gtk_widget_set_visible (bar, ledger_indicator_get_kind (self->indicator) == LEDGER_KIND_CUMULATIVE &&
                               value != NULL && !isnan (progress->progress));
  return bar;
}

static GtkWidget *
region_row_new (LedgerRegionGroup  *self,
                const LedgerRegion *region,
                GPtrArray          *targets)
{
  double target = ledger_region_progress_target (self->indicator, targets, region->code);
  g_autoptr(LedgerValue) value = NULL;
  LedgerProgress progress = ledger_region_progress_evaluate (self->context, self->indicator, region->code,
                                                             target, &value);
  g_autofree char *subtitle = region_subtitle (self, region, target, value);
  g_autofree char *record = g_strdup_printf (_("Record a Figure of %s"), region->name);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *pill = ledger_status_pill_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), region->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  ledger_status_pill_set_compact (LEDGER_STATUS_PILL (pill), TRUE);
  ledger_status_pill_set_status (LEDGER_STATUS_PILL (pill), progress.status);
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pace_bar_new (self, value, &progress));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value_label_new (self, value));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             ledger_accessible_row_button_new ("document-edit-symbolic", record,
                                                               "region-group.record", region->code));
  return row;
}

/* Where the city's own figure and its regions' sum disagree (roll-up,
 * docs/regions.md), both are shown, so that the office finds which one is
 * wrong; the store keeps both as they were typed. */
static GtkWidget *
roll_up_row_new (LedgerRegionGroup  *self,
                 const LedgerRollUp *gap)
{
  g_autofree char *period = ledger_period_code_label (gap->period);
  g_autofree char *city = ledger_indicator_format_value (self->indicator, gap->city);
  g_autofree char *sum = ledger_indicator_format_value (self->indicator, gap->sum);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  /* Translators: the city's own figure against its regions' sum, "1-10月：全市 1200 亿元，区县合计 1150 亿元（11/12）" */
  subtitle = g_strdup_printf (_("%s: the city %s, the regions' sum %s (%u/%u)"), period, city, sum,
                              gap->n_summed, gap->n_regions);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The city's figure and its regions' sum differ"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_set_name (row, "roll-up-gap");
  return row;
}

/* "Sum of the regions' targets 1200 个 of the city's 1200 个", for a total
 * split to its regions: where it does not add up, the office sees it. */
static void
describe_targets (LedgerRegionGroup *self,
                  GPtrArray         *targets)
{
  double sum = ledger_target_split_sum (targets);
  double city = ledger_indicator_get_target (self->indicator);
  g_autofree char *sum_text = NULL;
  g_autofree char *city_text = NULL;
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;

  if (ledger_indicator_get_kind (self->indicator) != LEDGER_KIND_CUMULATIVE || isnan (sum))
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), NULL);
      return;
    }
  sum_text = ledger_indicator_format_value (self->indicator, sum);
  city_text = ledger_indicator_format_value (self->indicator, city);
  /* Translators: under 分区县, "分解目标合计 1200 个，全市目标 1200 个" */
  text = g_strdup_printf (_("Sum of the regions' targets %s, the city's target %s"), sum_text, city_text);
  markup = g_markup_escape_text (text, -1);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), markup);
}

void
ledger_region_group_refresh (LedgerRegionGroup *self)
{
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(LedgerRollUp) gap = NULL;

  g_return_if_fail (LEDGER_IS_REGION_GROUP (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);

  regions = ledger_store_list_regions (store_of (self), self->plan);
  gtk_widget_set_visible (GTK_WIDGET (self), regions->len > 0);
  if (regions->len == 0)
    return;
  targets = ledger_store_list_region_targets (store_of (self), ledger_indicator_get_id (self->indicator));
  describe_targets (self, targets);
  gap = ledger_context_find_roll_up_gap (self->context, self->indicator);
  if (gap != NULL)
    g_ptr_array_add (self->rows, roll_up_row_new (self, gap));
  for (guint i = 0; i < regions->len; i++)
    g_ptr_array_add (self->rows, region_row_new (self, regions->pdata[i], targets));
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->rows->pdata[i]);
}

static void
split_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LedgerRegionGroup *self = LEDGER_REGION_GROUP (widget);
  LedgerSplitDialog *dialog = ledger_split_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), store_of (self),
                                                       self->plan, self->indicator);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LedgerRegionGroup *self = LEDGER_REGION_GROUP (widget);
  LedgerEntryDialog *dialog = ledger_entry_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), store_of (self),
                                                       self->plan, self->indicator,
                                                       &ledger_context_get_tolerances (self->context)->checks);

  ledger_entry_dialog_set_region (dialog, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ledger_region_group_dispose (GObject *object)
{
  LedgerRegionGroup *self = LEDGER_REGION_GROUP (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->plan);
  g_clear_object (&self->indicator);

  G_OBJECT_CLASS (ledger_region_group_parent_class)->dispose (object);
}

static void
ledger_region_group_class_init (LedgerRegionGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_region_group_dispose;
  gtk_widget_class_install_action (widget_class, "region-group.split", NULL, split_action);
  gtk_widget_class_install_action (widget_class, "region-group.record", "s", record_action);
}

static void
ledger_region_group_init (LedgerRegionGroup *self)
{
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("By Region"));
  /* Words only, as the page's Record Value…: it keeps its width in a
   * narrow window beside the group's description. */
  self->split_button = gtk_button_new_with_mnemonic (_("_Split Target…"));
  gtk_widget_set_valign (self->split_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->split_button), "region-group.split");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->split_button);
}

static const char * const writing_actions[] = { "region-group.split", "region-group.record", NULL };

LedgerRegionGroup *
ledger_region_group_new (LedgerContext   *context,
                         LedgerPlan      *plan,
                         LedgerIndicator *indicator)
{
  LedgerRegionGroup *self;

  g_return_val_if_fail (LEDGER_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), NULL);
  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), NULL);

  self = g_object_new (LEDGER_TYPE_REGION_GROUP, NULL);
  self->context = g_object_ref (context);
  self->plan = g_object_ref (plan);
  self->indicator = g_object_ref (indicator);
  /* A qualitative task is not split: its regions only report how they stand. */
  gtk_widget_set_visible (self->split_button, !is_qualitative (self));
  ledger_read_only_disable_actions (GTK_WIDGET (self), ledger_context_get_store (context), writing_actions);
  ledger_region_group_refresh (self);
  return self;
}
