/* ledger-indicator-page.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-indicator-page"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "ledger-accessible.h"
#include "ledger-attachments-group.h"
#include "ledger-chart.h"
#include "ledger-entry-check.h"
#include "ledger-entry-dialog.h"
#include "ledger-follow-up-view.h"
#include "ledger-indicator-dialog.h"
#include "ledger-indicator-page.h"
#include "ledger-json.h"
#include "ledger-pace-text.h"
#include "ledger-read-only.h"
#include "ledger-region-group.h"
#include "ledger-status.h"
#include "ledger-status-pill.h"

/* One indicator in full: the value, target, progress and pace as large
 * figures; the chart of the year; the list of values (edit, delete); the
 * report's sentence; the change history. Everything is read from the store
 * and read again when it says something changed. */
struct _LedgerIndicatorPage
{
  AdwBin               parent_instance;

  LedgerContext       *context;
  LedgerPlan          *plan;
  LedgerIndicator     *indicator;
  GPtrArray           *value_rows;
  GPtrArray           *history_rows;

  GtkLabel            *name_label;
  GtkLabel            *definition_label;
  GtkLabel            *value_caption;
  GtkLabel            *value_label;
  GtkLabel            *summed_label;
  GtkLabel            *target_label;
  GtkLabel            *progress_caption;
  GtkLabel            *progress_label;
  LedgerStatusPill    *status_pill;
  GtkLabel            *gap_label;
  GtkLabel            *base_caption;
  GtkLabel            *base_label;
  GtkLabel            *base_note;
  GtkLabel            *projection_caption;
  GtkLabel            *projection_label;
  GtkLabel            *projection_note;
  GtkLabel            *fallback_label;
  LedgerChart         *chart;
  AdwPreferencesGroup *values_group;
  AdwBin              *regions_bin;
  LedgerRegionGroup   *region_group;
  AdwBin              *follow_up_bin;
  AdwBin              *attachments_bin;
  AdwPreferencesGroup *source_group;
  GtkLabel            *source_label;
  AdwPreferencesGroup *history_group;
};

G_DEFINE_FINAL_TYPE (LedgerIndicatorPage, ledger_indicator_page, ADW_TYPE_BIN)

static LedgerStore *
store_of (LedgerIndicatorPage *self)
{
  return ledger_context_get_store (self->context);
}

static char *
percent_text (double fraction)
{
  if (isnan (fraction))
    return g_strdup ("—");
  return g_strdup_printf ("%.1f%%", fraction * 100);
}

static void
show_definition (LedgerIndicatorPage *self)
{
  g_autofree char *target = ledger_indicator_dup_target_text (self->indicator);
  const char *unit = ledger_indicator_get_responsible_unit (self->indicator);
  const char *source = ledger_indicator_get_source_text (self->indicator);
  g_autofree char *definition = NULL;

  g_autofree char *proposed = g_strdup_printf (_("%s (proposed)"), unit);
  const char *commitment = ledger_pace_text_commitment (ledger_indicator_get_commitment (self->indicator));
  g_autoptr(GString) settings = g_string_new (NULL);

  /* Translators: under an indicator's name: how often and by whom it is reported */
  definition = g_strdup_printf (_("Reported %s by %s"),
                                ledger_frequency_label (ledger_indicator_get_frequency (self->indicator)),
                                unit[0] == '\0' ? _("no responsible unit")
                                : ledger_indicator_get_unit_confirmed (self->indicator) ? unit : proposed);
  g_string_append (settings, definition);
  if (ledger_indicator_get_kind (self->indicator) != LEDGER_KIND_QUALITATIVE)
    g_string_append_printf (settings, " · %s", ledger_pace_text_profile (ledger_indicator_get_profile (self->indicator)));
  if (commitment != NULL)
    g_string_append_printf (settings, " · %s", commitment);
  gtk_label_set_text (self->name_label, ledger_indicator_get_name (self->indicator));
  gtk_label_set_text (self->definition_label, settings->str);
  gtk_label_set_text (self->target_label, target);
  gtk_label_set_text (self->source_label, source);
  gtk_widget_set_visible (GTK_WIDGET (self->source_group), source[0] != '\0');
}

static void
show_card (GtkLabel *label,
           gboolean  visible)
{
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_FLOW_BOX_CHILD), visible);
}

/* "+12.5%": a growth in percent, with its sign. */
static char *
growth_text (double percent)
{
  return g_strdup_printf ("%+.1f%%", percent);
}

/* 同期: the base year's figure of the value's period beside it, and the
 * growth on it (同比). For a rate it is the total the rate grows on, in
 * units the indicator does not name: shown as a bare number. */
static void
show_base_year (LedgerIndicatorPage  *self,
                LedgerValue          *value,
                const LedgerProgress *progress)
{
  gboolean rate = ledger_indicator_get_kind (self->indicator) == LEDGER_KIND_RATE;
  g_autofree char *same_period = NULL;
  g_autofree char *full_year = NULL;
  g_autofree char *label = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *number = NULL;
  g_autofree char *yoy = NULL;
  g_autofree char *note = NULL;

  show_card (self->base_label, !isnan (progress->base_value) && value != NULL);
  if (isnan (progress->base_value) || value == NULL ||
      !ledger_progress_base_periods (ledger_value_get_period (value), &same_period, &full_year))
    return;
  label = ledger_period_code_label (same_period);
  /* Translators: a caption, "同期 · 2025 1-3月" */
  caption = g_strdup_printf (rate ? _("Base · %.4s %s") : _("Same period last year · %.4s %s"),
                             same_period, label);
  number = rate ? ledger_format_number (progress->base_value)
                : ledger_indicator_format_value (self->indicator, progress->base_value);
  if (!isnan (progress->yoy))
    {
      yoy = growth_text (progress->yoy);
      /* Translators: growth on the same period last year, "同比 +12.5%" */
      note = g_strdup_printf (_("Year on year %s"), yoy);
    }
  gtk_label_set_text (self->base_caption, caption);
  gtk_label_set_text (self->base_label, number);
  gtk_label_set_text (self->base_note, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->base_note), note != NULL);
}

/* 预计全年 of a total, or 后续需增长 of a rate: where the year is heading. */
static void
show_projection (LedgerIndicatorPage  *self,
                 const LedgerProgress *progress)
{
  g_autofree char *number = NULL;
  g_autofree char *note = NULL;
  double target = ledger_indicator_get_target (self->indicator);

  show_card (self->projection_label, !isnan (progress->projection) || !isnan (progress->growth_needed));
  if (!isnan (progress->projection))
    {
      g_autofree char *share = percent_text (target != 0 ? progress->projection / target : NAN);

      number = ledger_indicator_format_value (self->indicator, progress->projection);
      note = progress->projection_fallback
             /* Translators: how a projection was made without last year's figures */
             ? g_strdup_printf (_("%s of the target, by the months so far"), share)
             /* Translators: how a projection was made, "目标的 95.0%，按同期进度推算" */
             : g_strdup_printf (_("%s of the target, as last year went"), share);
      gtk_label_set_text (self->projection_caption, _("Projection for the year"));
    }
  else if (!isnan (progress->growth_needed))
    {
      g_autofree char *target_text = ledger_format_number (target);

      number = growth_text (progress->growth_needed);
      /* Translators: the growth the rest of the year needs, "全年达到 5.5%" */
      note = g_strdup_printf (_("for the rest of the year, to reach %s%%"), target_text);
      gtk_label_set_text (self->projection_caption, _("Growth still needed"));
    }
  gtk_label_set_text (self->projection_label, number != NULL ? number : "");
  gtk_label_set_text (self->projection_note, note != NULL ? note : "");
}

/* "区县合计 12/12" beside a city figure that is the regions' sum: how many
 * of the regions counted in the total it adds up. */
static void
show_summed (LedgerIndicatorPage *self,
             LedgerValue         *value)
{
  guint n_regions = 0;
  guint n_summed = value != NULL ? ledger_value_get_summed (value, &n_regions) : 0;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->summed_label), n_summed > 0);
  if (n_summed == 0)
    return;
  /* Translators: beside the city's figure made of its regions' figures, "区县合计 12/12" */
  text = g_strdup_printf (_("Sum of regions %u/%u"), n_summed, n_regions);
  gtk_label_set_text (self->summed_label, text);
}

/* A status judged on a sum that not every region is in yet: the gap says
 * so, lest 滞后 be read as the city's when ten counties have not reported. */
static char *
partial_sum_note (LedgerValue *value,
                  const char  *gap)
{
  guint n_regions = 0;
  guint n_summed = value != NULL ? ledger_value_get_summed (value, &n_regions) : 0;

  if (n_summed == 0 || n_summed >= n_regions)
    return g_strdup (gap);
  if (gap == NULL)
    /* Translators: under the status of a city figure summed from its regions', "仅 2/12 个区县已报" */
    return g_strdup_printf (_("Only %u of %u regions have reported"), n_summed, n_regions);
  /* Translators: the gap to the pace, then how many regions the sum has, "落后序时进度 33.7 个百分点（仅 2/12 个区县已报）" */
  return g_strdup_printf (_("%s (only %u of %u regions have reported)"), gap, n_summed, n_regions);
}

static void
show_figures (LedgerIndicatorPage *self)
{
  g_autoptr(LedgerValue) value = NULL;
  LedgerProgress progress = ledger_context_evaluate (self->context, self->indicator, &value);
  g_autofree char *as_of = ledger_period_code_label (value != NULL ? ledger_value_get_period (value)
                                                                   : ledger_context_get_as_of (self->context));
  g_autofree char *caption = g_strdup_printf (_("Value · %s"), as_of);
  g_autofree char *text = ledger_indicator_describe_value (self->indicator, value);
  g_autofree char *progress_text = percent_text (progress.progress);
  g_autofree char *pace = percent_text (progress.pace);
  g_autofree char *gap = progress.status == LEDGER_STATUS_PENDING ? ledger_pace_text_pending (self->indicator)
                         : progress.stale ? NULL : ledger_progress_dup_gap_text (self->indicator, &progress);
  g_autofree char *progress_caption = NULL;
  g_autofree char *status_note = partial_sum_note (value, gap);

  if (!isnan (progress.pace) && ledger_indicator_get_profile (self->indicator) != LEDGER_PROFILE_LINEAR &&
      !progress.pace_fallback)
    /* Translators: a caption, the share due by the period under a seasonal
     * or custom pace, "完成进度 · 应完成 35.0%" */
    progress_caption = g_strdup_printf (_("Progress · due %s"), pace);
  else if (!isnan (progress.pace))
    /* Translators: a caption, "完成进度 · 序时进度 50.0%" */
    progress_caption = g_strdup_printf (_("Progress · pace %s"), pace);
  else
    progress_caption = g_strdup (_("Progress"));

  gtk_label_set_text (self->value_caption, caption);
  gtk_label_set_text (self->value_label, text);
  gtk_label_set_text (self->progress_caption, progress_caption);
  /* A qualitative task has no progress to speak of, only its status. */
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->progress_label), GTK_TYPE_FLOW_BOX_CHILD),
                          ledger_indicator_get_kind (self->indicator) != LEDGER_KIND_QUALITATIVE);
  gtk_label_set_text (self->progress_label, progress_text);
  ledger_status_pill_set_status (self->status_pill, progress.status);
  gtk_label_set_text (self->gap_label, status_note != NULL ? status_note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->gap_label), status_note != NULL);
  show_summed (self, value);
  show_base_year (self, value, &progress);
  show_projection (self, &progress);
  gtk_widget_set_visible (GTK_WIDGET (self->fallback_label), progress.pace_fallback);
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

/* "1-6月", or for the base year "2025 1-6月 · 上年同期": both years' values
 * are in one list. */
static char *
value_title (LedgerIndicatorPage *self,
             const char          *period)
{
  g_autofree char *label = ledger_period_code_label (period);
  LedgerPeriod parsed;

  if (!ledger_period_parse (period, &parsed) || parsed.year >= ledger_plan_get_first_year (self->plan))
    return g_steal_pointer (&label);
  if (parsed.type != LEDGER_PERIOD_YEAR)
    {
      g_autofree char *with_year = g_strdup_printf ("%d %s", parsed.year, label);

      g_free (label);
      label = g_steal_pointer (&with_year);
    }
  /* Translators: a value of the year before the plan, "2025 1-6月 · 上年同期" */
  return g_strdup_printf (_("%s · base year"), label);
}

/* "同期 2万人 · 同比 +15.0%" beside a value of the plan's years, or NULL. */
static char *
value_base_text (LedgerIndicatorPage *self,
                 LedgerValue         *value)
{
  LedgerProgress progress = ledger_context_evaluate_value (self->context, self->indicator, value,
                                                           ledger_value_get_period (value));
  g_autofree char *base = NULL;
  g_autofree char *same = NULL;
  g_autofree char *growth = NULL;
  g_autofree char *yoy = NULL;

  if (isnan (progress.base_value))
    return NULL;
  if (ledger_indicator_get_kind (self->indicator) == LEDGER_KIND_RATE)
    {
      base = ledger_format_number (progress.base_value);
      /* Translators: the total a rate grows on, beside a value, "基数 500" */
      return g_strdup_printf (_("Base %s"), base);
    }
  base = ledger_indicator_format_value (self->indicator, progress.base_value);
  /* Translators: the same period last year, beside a value, "同期 2万人" */
  same = g_strdup_printf (_("Same period %s"), base);
  if (isnan (progress.yoy))
    return g_steal_pointer (&same);
  growth = growth_text (progress.yoy);
  yoy = g_strdup_printf (_("Year on year %s"), growth);
  return g_strdup_printf ("%s · %s", same, yoy);
}

/* Adds "· @part" to a row's subtitle, if there is a part. */
static void
append_part (GString    *subtitle,
             const char *part)
{
  if (part != NULL && part[0] != '\0')
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", part);
}

/* A figure the checks on entry flag says so, beside the note that
 * explains it (docs/monthly-cycle.md). */
static GtkWidget *
value_row_new (LedgerIndicatorPage *self,
               LedgerValue         *value,
               GListModel          *values)
{
  const LedgerCheckLimits *checks = &ledger_context_get_tolerances (self->context)->checks;
  g_autofree char *flag = ledger_entry_check_describe (ledger_entry_check (self->indicator, values, value, checks),
                                                     checks);
  const char *period = ledger_value_get_period (value);
  g_autofree char *label = value_title (self, period);
  g_autofree char *text = ledger_indicator_describe_value (self->indicator, value);
  g_autofree char *base = value_base_text (self, value);
  g_autoptr(GString) subtitle = g_string_new (base);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *number = gtk_label_new (text);

  append_part (subtitle, flag);
  append_part (subtitle, ledger_value_get_note (value));
  append_part (subtitle, ledger_value_get_source (value));
  if (flag != NULL)
    {
      gtk_widget_add_css_class (number, "warning");
      gtk_widget_set_tooltip_text (number, flag);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_widget_add_css_class (number, "numeric");
  gtk_widget_add_css_class (number, "indicator-value");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), number);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             ledger_accessible_row_button_new ("document-edit-symbolic", _("Edit Value"),
                                             "indicator.edit-value", period));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             ledger_accessible_row_button_new ("user-trash-symbolic", _("Delete Value"),
                                             "indicator.delete-value", period));
  return row;
}

static void
show_values (LedgerIndicatorPage *self,
             GListModel          *values)
{
  guint n_values = g_list_model_get_n_items (values);

  clear_rows (self->values_group, self->value_rows);
  /* Latest first: the month being worked on is at the top. */
  for (guint i = n_values; i > 0; i--)
    {
      g_autoptr(LedgerValue) value = g_list_model_get_item (values, i - 1);
      GtkWidget *row = value_row_new (self, value, values);

      adw_preferences_group_add (self->values_group, row);
      g_ptr_array_add (self->value_rows, row);
    }
  if (n_values == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No value recorded yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->values_group, row);
      g_ptr_array_add (self->value_rows, row);
    }
}

/* "2.3 → 2.6": a change's contents in short, from its JSON. The ledger
 * is a file that can be edited behind the program's back: its JSON is
 * checked as a file's would be. */
static char *
json_summary (LedgerIndicatorPage *self,
              const char          *json)
{
  g_autoptr(JsonNode) node = json != NULL ? ledger_json_parse (json, -1, LEDGER_JSON_MAX_CHANGE, NULL)
                                          : NULL;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return json != NULL ? g_utf8_make_valid (json, -1) : g_strdup ("—");
  object = json_node_get_object (node);
  if (json_object_has_member (object, "value"))
    return ledger_indicator_format_value (self->indicator, json_object_get_double_member (object, "value"));
  if (json_object_has_member (object, "status"))
    return g_strdup (ledger_status_label (json_object_get_string_member (object, "status")));
  if (json_object_has_member (object, "target"))
    {
      g_autofree char *target = ledger_format_number (json_object_get_double_member (object, "target"));

      /* Translators: an indicator's definition in the change history */
      return g_strdup_printf (_("%s, target %s"), json_object_get_string_member (object, "name"), target);
    }
  if (json_object_has_member (object, "name"))
    return g_strdup (json_object_get_string_member (object, "name"));
  if (json_object_has_member (object, "what") && json_object_has_member (object, "done_on"))
    /* Translators: a milestone in the change history */
    return g_strdup_printf (_("%s, done on %s"), json_object_get_string_member (object, "what"),
                            json_object_get_string_member (object, "done_on"));
  if (json_object_has_member (object, "what"))
    return g_strdup (json_object_get_string_member (object, "what"));
  return g_strdup ("—");
}

static char *
change_title (LedgerIndicatorPage *self,
              LedgerChange        *change)
{
  g_autofree char *old_text = json_summary (self, ledger_change_get_old (change));
  g_autofree char *new_text = json_summary (self, ledger_change_get_new (change));
  g_autofree char *period = value_title (self, ledger_change_get_period (change));
  const char *action = ledger_change_get_action (change);
  gboolean is_value = g_str_equal (ledger_change_get_entity (change), "value");

  if (is_value && g_str_equal (action, "insert"))
    /* Translators: the change history: "1-6月: recorded 2.6 万人" */
    return g_strdup_printf (_("%s: recorded %s"), period, new_text);
  if (is_value && g_str_equal (action, "update"))
    return g_strdup_printf (_("%s: %s → %s"), period, old_text, new_text);
  if (is_value)
    return g_strdup_printf (_("%s: deleted %s"), period, old_text);
  if (g_str_equal (ledger_change_get_entity (change), "milestone"))
    return g_strdup_printf (_("Milestone: %s → %s"), old_text, new_text);
  if (g_str_equal (ledger_change_get_entity (change), "attachment"))
    /* Translators: the change history: "1-6月: evidence added: 快报.pdf" */
    return g_str_equal (action, "insert") ? g_strdup_printf (_("%s: evidence added: %s"), period, new_text)
                                          : g_strdup_printf (_("%s: evidence removed: %s"), period, old_text);
  if (g_str_equal (action, "insert"))
    return g_strdup_printf (_("Indicator added: %s"), new_text);
  if (g_str_equal (action, "update"))
    return g_strdup_printf (_("Indicator changed: %s → %s"), old_text, new_text);
  return g_strdup_printf (_("Indicator deleted: %s"), old_text);
}

static char *
change_subtitle (LedgerChange *change)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (ledger_change_get_at (change), NULL);
  g_autoptr(GDateTime) local = at != NULL ? g_date_time_to_local (at) : NULL;
  g_autofree char *when = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M")
                                        : g_strdup (ledger_change_get_at (change));
  const char *origin = ledger_change_get_origin (change);

  if (origin[0] != '\0')
    /* Translators: when, who, and the file a change was imported from */
    return g_strdup_printf (_("%s · %s · from %s"), when, ledger_change_get_by (change), origin);
  return g_strdup_printf ("%s · %s", when, ledger_change_get_by (change));
}

static void
show_history (LedgerIndicatorPage *self)
{
  g_autoptr(GListModel) changes = ledger_store_list_changes (store_of (self),
                                                             ledger_indicator_get_uuid (self->indicator));

  clear_rows (self->history_group, self->history_rows);
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(LedgerChange) change = g_list_model_get_item (changes, i);
      g_autofree char *title = change_title (self, change);
      g_autofree char *subtitle = change_subtitle (change);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->history_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), TRUE);
}

static void
show_everything (LedgerIndicatorPage *self)
{
  LedgerStore *store = store_of (self);
  g_autoptr(GListModel) values = ledger_store_list_values (store, ledger_indicator_get_id (self->indicator));
  /* The chart plots the regions' sum where the city has no figure of its own. */
  g_autoptr(GListModel) plotted = ledger_store_list_values_rolled_up (store, ledger_indicator_get_id (self->indicator));
  g_autoptr(LedgerIndicator) earlier = ledger_store_find_earlier_indicator (store, self->plan,
                                                                           ledger_indicator_get_code (self->indicator));
  g_autoptr(GListModel) earlier_values = earlier != NULL
    ? ledger_store_list_values (store, ledger_indicator_get_id (earlier)) : NULL;

  show_figures (self);
  ledger_chart_set_data (self->chart, self->indicator, ledger_plan_get_first_year (self->plan),
                         ledger_plan_get_last_year (self->plan), plotted, earlier_values,
                         ledger_context_get_tolerances (self->context));
  show_values (self, values);
  if (self->region_group != NULL)
    ledger_region_group_refresh (self->region_group);
  adw_bin_set_child (self->follow_up_bin, ledger_follow_up_view_new (self->context, self->plan, self->indicator));
  show_history (self);
}

static void
values_changed_cb (LedgerIndicatorPage *self,
                   gint64               indicator_id)
{
  if (indicator_id == 0 || indicator_id == ledger_indicator_get_id (self->indicator))
    show_everything (self);
}

static void
record_value_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LedgerIndicatorPage *self = LEDGER_INDICATOR_PAGE (widget);
  LedgerEntryDialog *dialog;

  dialog = ledger_entry_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), store_of (self),
                                    self->plan, self->indicator,
                                    &ledger_context_get_tolerances (self->context)->checks);
  if (parameter != NULL)
    ledger_entry_dialog_set_period (dialog, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_value_response_cb (AdwMessageDialog    *dialog,
                          const char          *response,
                          LedgerIndicatorPage *self)
{
  const char *period = g_object_get_data (G_OBJECT (dialog), "period");
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "delete") &&
      !ledger_store_delete_value (store_of (self), ledger_indicator_get_id (self->indicator), period, &error))
    g_warning ("Could not delete the value: %s", error->message);
}

static void
delete_value_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LedgerIndicatorPage *self = LEDGER_INDICATOR_PAGE (widget);
  const char *period = g_variant_get_string (parameter, NULL);
  g_autofree char *label = ledger_period_code_label (period);
  g_autofree char *heading = g_strdup_printf (_("Delete the Value of %s?"), label);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                              _("The change log keeps what it was."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "period", g_strdup (period), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_value_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LedgerIndicatorPage *self = LEDGER_INDICATOR_PAGE (widget);
  LedgerIndicatorDialog *dialog = ledger_indicator_dialog_new_edit (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                                    store_of (self), self->indicator);

  ledger_indicator_dialog_set_plan (dialog, self->plan);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ledger_indicator_page_dispose (GObject *object)
{
  LedgerIndicatorPage *self = LEDGER_INDICATOR_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_INDICATOR_PAGE);
  g_clear_pointer (&self->value_rows, g_ptr_array_unref);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->plan);
  g_clear_object (&self->indicator);

  G_OBJECT_CLASS (ledger_indicator_page_parent_class)->dispose (object);
}

static void
ledger_indicator_page_class_init (LedgerIndicatorPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_indicator_page_dispose;

  g_type_ensure (LEDGER_TYPE_CHART);
  g_type_ensure (LEDGER_TYPE_STATUS_PILL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ledger-indicator-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorPage, definition_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorPage, value_caption);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorPage, value_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorPage, summed_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorPage, target_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorPage, progress_caption);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorPage, status_pill);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorPage, gap_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorPage, base_caption);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorPage, base_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorPage, base_note);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorPage, projection_caption);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorPage, projection_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorPage, projection_note);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorPage, fallback_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorPage, chart);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorPage, values_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorPage, regions_bin);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorPage, follow_up_bin);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorPage, attachments_bin);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorPage, source_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorPage, source_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorPage, history_group);

  gtk_widget_class_install_action (widget_class, "indicator.record-value", NULL, record_value_action);
  gtk_widget_class_install_action (widget_class, "indicator.edit-value", "s", record_value_action);
  gtk_widget_class_install_action (widget_class, "indicator.delete-value", "s", delete_value_action);
  gtk_widget_class_install_action (widget_class, "indicator.edit", NULL, edit_action);
}

static void
ledger_indicator_page_init (LedgerIndicatorPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->value_rows = g_ptr_array_new ();
  self->history_rows = g_ptr_array_new ();
}

/* The evidence of the indicator's periods; a file dropped anywhere on the
 * page is attached too. */
static void
add_attachments (LedgerIndicatorPage *self)
{
  LedgerAttachmentsGroup *group = ledger_attachments_group_new (self->context, self->plan, self->indicator);

  adw_bin_set_child (self->attachments_bin, GTK_WIDGET (group));
  ledger_attachments_group_accept_drops_on (group, GTK_WIDGET (self));
}

static const char * const writing_actions[] = {
  "indicator.record-value", "indicator.edit-value", "indicator.delete-value", "indicator.edit", NULL
};

LedgerIndicatorPage *
ledger_indicator_page_new (LedgerContext   *context,
                           LedgerPlan      *plan,
                           LedgerIndicator *indicator)
{
  LedgerIndicatorPage *self;

  g_return_val_if_fail (LEDGER_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), NULL);

  self = g_object_new (LEDGER_TYPE_INDICATOR_PAGE, NULL);
  self->context = g_object_ref (context);
  self->plan = g_object_ref (plan);
  self->indicator = g_object_ref (indicator);
  show_definition (self);
  add_attachments (self);
  self->region_group = ledger_region_group_new (context, plan, indicator);
  adw_bin_set_child (self->regions_bin, GTK_WIDGET (self->region_group));
  ledger_read_only_disable_actions (GTK_WIDGET (self), ledger_context_get_store (context), writing_actions);
  show_everything (self);
  g_signal_connect_object (context, "changed", G_CALLBACK (values_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

LedgerIndicator *
ledger_indicator_page_get_indicator (LedgerIndicatorPage *self)
{
  g_return_val_if_fail (LEDGER_IS_INDICATOR_PAGE (self), NULL);
  return self->indicator;
}
