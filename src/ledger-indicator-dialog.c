/* ledger-indicator-dialog.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-indicator-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-due-day-row.h"
#include "ledger-indicator-dialog.h"
#include "ledger-store-cycle.h"
#include "ledger-number.h"
#include "ledger-pace-text.h"

/* Edits an indicator's definition, or adds one to a task: the plan is the
 * office's to maintain. The store checks and logs every change. */
struct _LedgerIndicatorDialog
{
  AdwWindow        parent_instance;

  LedgerStore     *store;
  LedgerIndicator *indicator;  /* NULL when adding */
  gint64           task_id;    /* adding an indicator to a task */
  gint64           area_id;    /* adding a task with its first indicator */

  AdwEntryRow     *task_row;
  AdwEntryRow     *name_row;
  AdwEntryRow     *code_row;
  AdwComboRow     *kind_row;
  GtkWidget       *target_group;
  AdwComboRow     *comparator_row;
  AdwEntryRow     *target_row;
  AdwEntryRow     *unit_row;
  AdwComboRow     *better_row;
  AdwComboRow     *profile_row;
  AdwEntryRow     *shares_row;
  AdwActionRow    *shares_reading_row;
  AdwComboRow     *due_month_row;
  AdwComboRow     *commitment_row;
  AdwComboRow     *frequency_row;
  AdwComboRow     *january_row;
  AdwEntryRow     *unit_responsible_row;
  GtkSwitch       *unit_confirmed_switch;
  AdwEntryRow     *source_text_row;
  AdwEntryRow     *notes_row;
  GtkLabel        *error_label;
  GtkButton       *from_milestones_button;
  GtkButton       *save_button;
  LedgerDueDayRow *due_day_row;  /* editing, when the plan is known */
  gint64           plan_id;

  /* The profiles the pace row offers for the chosen kind, in its order. */
  LedgerProfile    profiles[LEDGER_PROFILE_MILESTONE + 1];
  guint            n_profiles;
};

G_DEFINE_FINAL_TYPE (LedgerIndicatorDialog, ledger_indicator_dialog, ADW_TYPE_WINDOW)

/* The choices of the combo rows, in the order of the enums. The
 * comparator row leaves out LEDGER_COMPARATOR_NONE. */
static void
set_choices (AdwComboRow        *row,
             const char * const *labels)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; labels[i] != NULL; i++)
    gtk_string_list_append (list, _(labels[i]));
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

static void
fill_choices (LedgerIndicatorDialog *self)
{
  static const char *kinds[] = { N_("Cumulative total (序时进度 applies)"), N_("Growth rate"),
                                 N_("Level or share"), N_("Qualitative task"), NULL };
  static const char *comparators[] = { N_("At least (以上)"), N_("About (左右)"),
                                       N_("At most (以下)"), NULL };
  static const char *betters[] = { N_("Higher is better"), N_("Lower is better"),
                                   N_("Close to the target either way (稳定在)"), NULL };
  static const char *frequencies[] = { N_("Monthly (1-2月, 1-3月 …)"),
                                       N_("Quarterly (一季度, 上半年 …)"), N_("Annual"), NULL };

  static const char *januaries[] = { N_("With February (1-2月合并)"), N_("Released alone (1月单独发布)"), NULL };
  static const char *commitments[] = { N_("None"), N_("Firm (确保)"), N_("Strive (力争)"), NULL };
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);

  set_choices (self->kind_row, kinds);
  set_choices (self->comparator_row, comparators);
  set_choices (self->better_row, betters);
  set_choices (self->frequency_row, frequencies);
  set_choices (self->january_row, januaries);
  set_choices (self->commitment_row, commitments);
  for (int month = 1; month <= 12; month++)
    {
      g_autofree char *code = g_strdup_printf ("2000-%02d", month);
      g_autofree char *label = ledger_period_as_of_label (code);

      gtk_string_list_append (months, label);
    }
  adw_combo_row_set_model (self->due_month_row, G_LIST_MODEL (months));
}

/* Whether a pace profile applies to a kind (docs/plan-format.md): a
 * qualitative task has none, a rate is judged against its target, only
 * a total has shares. */
static gboolean
profile_applies (LedgerProfile profile,
                 LedgerKind    kind)
{
  if (profile == LEDGER_PROFILE_LINEAR)
    return TRUE;
  if (kind == LEDGER_KIND_QUALITATIVE)
    return FALSE;
  if (profile == LEDGER_PROFILE_CUSTOM)
    return kind == LEDGER_KIND_CUMULATIVE;
  return kind != LEDGER_KIND_RATE || profile != LEDGER_PROFILE_SEASONAL;
}

static LedgerProfile
chosen_profile (LedgerIndicatorDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->profile_row);

  return selected < self->n_profiles ? self->profiles[selected] : LEDGER_PROFILE_LINEAR;
}

static void
select_profile (LedgerIndicatorDialog *self,
                LedgerProfile          profile)
{
  for (guint i = 0; i < self->n_profiles; i++)
    if (self->profiles[i] == profile)
      adw_combo_row_set_selected (self->profile_row, i);
}

/* Offers the profiles that apply to @kind, keeping the chosen one if it
 * still applies. */
static void
fill_profiles (LedgerIndicatorDialog *self,
               LedgerKind             kind)
{
  static const char *labels[] = { N_("Linear (序时进度)"), N_("Seasonal (同期比例)"), N_("Custom (自定义节点)"),
                                  N_("Year end (年终考核)"), N_("Milestone (节点任务)") };
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  LedgerProfile chosen = chosen_profile (self);

  self->n_profiles = 0;
  for (LedgerProfile profile = LEDGER_PROFILE_LINEAR; profile <= LEDGER_PROFILE_MILESTONE; profile++)
    {
      if (!profile_applies (profile, kind))
        continue;
      self->profiles[self->n_profiles++] = profile;
      gtk_string_list_append (list, _(labels[profile]));
    }
  adw_combo_row_set_model (self->profile_row, G_LIST_MODEL (list));
  select_profile (self, chosen);
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static const char *
get_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* The pace, the January rule, the commitment and whether the unit is
 * confirmed: the fields of docs/plan-format.md's format 2. */
static void
show_schedule (LedgerIndicatorDialog *self,
               LedgerIndicator       *indicator)
{
  g_autofree char *shares = ledger_shares_text_format (ledger_indicator_get_custom_shares (indicator));

  fill_profiles (self, ledger_indicator_get_kind (indicator));
  select_profile (self, ledger_indicator_get_profile (indicator));
  set_text (self->shares_row, shares);
  adw_combo_row_set_selected (self->due_month_row, CLAMP (ledger_indicator_get_due_month (indicator), 1, 12) - 1);
  adw_combo_row_set_selected (self->january_row, ledger_indicator_get_january (indicator));
  adw_combo_row_set_selected (self->commitment_row, ledger_indicator_get_commitment (indicator));
  gtk_switch_set_active (self->unit_confirmed_switch, ledger_indicator_get_unit_confirmed (indicator));
}

static void
show_indicator (LedgerIndicatorDialog *self)
{
  LedgerIndicator *indicator = self->indicator;
  g_autofree char *target = NULL;
  LedgerComparator comparator;

  if (indicator != NULL)
    gtk_window_set_title (GTK_WINDOW (self), _("Edit Indicator"));
  else
    gtk_window_set_title (GTK_WINDOW (self), self->area_id != 0 ? _("Add Task") : _("Add Indicator"));
  gtk_widget_set_visible (GTK_WIDGET (self->task_row), self->area_id != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->from_milestones_button), indicator != NULL);
  adw_combo_row_set_selected (self->frequency_row, LEDGER_FREQUENCY_MONTHLY);
  adw_combo_row_set_selected (self->comparator_row, LEDGER_COMPARATOR_AT_LEAST - 1);
  adw_combo_row_set_selected (self->due_month_row, 11);
  if (indicator == NULL)
    return;

  comparator = ledger_indicator_get_comparator (indicator);
  target = ledger_format_number (ledger_indicator_get_target (indicator));
  set_text (self->name_row, ledger_indicator_get_name (indicator));
  set_text (self->code_row, ledger_indicator_get_code (indicator));
  adw_combo_row_set_selected (self->kind_row, ledger_indicator_get_kind (indicator));
  if (comparator != LEDGER_COMPARATOR_NONE)
    adw_combo_row_set_selected (self->comparator_row, comparator - 1);
  set_text (self->target_row, ledger_indicator_get_kind (indicator) != LEDGER_KIND_QUALITATIVE ? target : "");
  set_text (self->unit_row, ledger_indicator_get_unit (indicator));
  adw_combo_row_set_selected (self->better_row, ledger_indicator_get_better (indicator));
  adw_combo_row_set_selected (self->frequency_row, ledger_indicator_get_frequency (indicator));
  set_text (self->unit_responsible_row, ledger_indicator_get_responsible_unit (indicator));
  set_text (self->source_text_row, ledger_indicator_get_source_text (indicator));
  set_text (self->notes_row, ledger_indicator_get_notes (indicator));
  show_schedule (self, indicator);
}

static gboolean
is_qualitative (LedgerIndicatorDialog *self)
{
  return adw_combo_row_get_selected (self->kind_row) == LEDGER_KIND_QUALITATIVE;
}

/* "Read as: 一季度 30%，上半年 60%": what the dialog made of the shares,
 * or what is wrong with them. */
static void
shares_changed_cb (LedgerIndicatorDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shares = ledger_shares_text_parse (get_text (self->shares_row), &error);
  g_autofree char *whole = NULL;
  g_autofree char *reading = NULL;
  int months[LEDGER_CUSTOM_SHARES_MAX];
  double percents[LEDGER_CUSTOM_SHARES_MAX];
  guint n = 0;

  /* The reading says the whole year too: all of it is due by December. */
  if (shares != NULL && ledger_custom_shares_parse (shares, months, percents, &n, NULL) && n > 0)
    whole = months[n - 1] != 12 ? g_strconcat (shares, ",12:100", NULL) : g_strdup (shares);
  reading = whole != NULL ? ledger_shares_text_format (whole) : NULL;

  if (shares != NULL && shares[0] == '\0')
    adw_action_row_set_subtitle (self->shares_reading_row,
                                 _("Write the percent due by each period, such as 一季度 30%, 上半年 60%"));
  else
    adw_action_row_set_subtitle (self->shares_reading_row, reading != NULL ? reading : error->message);
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->shares_reading_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->shares_reading_row), "error");
}

/* Shows only the fields that apply to the chosen kind, pace and frequency. */
/* Pace from Milestones: the custom shares the indicator's milestones give
 * ("6月底前 完成30%" with a share of 30 → 一季度… 6月 30%). */
static void
pace_from_milestones_cb (LedgerIndicatorDialog *self)
{
  g_autoptr(GPtrArray) milestones = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shares = NULL;
  g_autofree char *text = NULL;

  if (self->indicator == NULL)
    return;
  milestones = ledger_store_list_milestones (self->store, ledger_indicator_get_uuid (self->indicator), &error);
  if (milestones != NULL && (shares = ledger_milestones_custom_shares (milestones)) == NULL)
    g_set_error_literal (&error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                         _("No milestone of the indicator gives a share of the target"));
  if (shares == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  text = ledger_shares_text_format (shares);
  set_text (self->shares_row, text);
}

static void
schedule_changed_cb (LedgerIndicatorDialog *self)
{
  LedgerProfile profile = chosen_profile (self);

  gtk_widget_set_visible (GTK_WIDGET (self->profile_row), !is_qualitative (self));
  gtk_widget_set_visible (GTK_WIDGET (self->shares_row), profile == LEDGER_PROFILE_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->shares_reading_row), profile == LEDGER_PROFILE_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->due_month_row), profile == LEDGER_PROFILE_MILESTONE);
  gtk_widget_set_visible (GTK_WIDGET (self->january_row),
                          adw_combo_row_get_selected (self->frequency_row) == LEDGER_FREQUENCY_MONTHLY);
}

static void
kind_changed_cb (LedgerIndicatorDialog *self)
{
  gtk_widget_set_visible (self->target_group, !is_qualitative (self));
  fill_profiles (self, adw_combo_row_get_selected (self->kind_row));
  schedule_changed_cb (self);
}

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
  return FALSE;
}

/* Checks what was typed; the store checks the rest (a code used twice). */
static gboolean
read_target (LedgerIndicatorDialog  *self,
             double                 *target,
             GError                **error)
{
  g_autoptr(GError) local_error = NULL;

  g_autofree char *task = g_strstrip (g_strdup (get_text (self->task_row)));
  g_autofree char *name = g_strstrip (g_strdup (get_text (self->name_row)));

  *target = 0;
  if (self->area_id != 0 && task[0] == '\0')
    return refuse (error, _("The task needs a title"));
  if (name[0] == '\0')
    return refuse (error, _("The indicator needs a name"));
  if (!ledger_indicator_code_is_valid (get_text (self->code_row)))
    return refuse (error, _("The code may only hold a–z, 0–9 and “-”, and cannot be empty"));
  if (is_qualitative (self))
    return TRUE;
  if (get_text (self->unit_row)[0] == '\0')
    return refuse (error, _("The indicator needs a unit"));
  if (!ledger_number_parse (get_text (self->target_row), get_text (self->unit_row), target, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Target: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* The fields shown that apply; those hidden keep their defaults, so that
 * a milestone made linear again loses its month. */
static gboolean
read_schedule (LedgerIndicatorDialog  *self,
               LedgerIndicator        *indicator,
               GError                **error)
{
  LedgerProfile profile = is_qualitative (self) ? LEDGER_PROFILE_LINEAR : chosen_profile (self);
  gboolean monthly = adw_combo_row_get_selected (self->frequency_row) == LEDGER_FREQUENCY_MONTHLY;
  g_autofree char *shares = NULL;
  g_autoptr(GError) local_error = NULL;

  if (profile == LEDGER_PROFILE_CUSTOM)
    {
      if ((shares = ledger_shares_text_parse (get_text (self->shares_row), &local_error)) == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Due by: %s"), local_error->message);
          return FALSE;
        }
      if (shares[0] == '\0')
        return refuse (error, _("A pace the office sets needs the percent due by each period, "
                                "such as 一季度 30%, 上半年 60%"));
    }
  g_object_set (indicator,
                "profile", profile,
                "custom-shares", shares,
                "due-month", profile == LEDGER_PROFILE_MILESTONE
                             ? (int) adw_combo_row_get_selected (self->due_month_row) + 1 : 12,
                "january", monthly ? adw_combo_row_get_selected (self->january_row) : LEDGER_JANUARY_COMBINED,
                "commitment", adw_combo_row_get_selected (self->commitment_row),
                "unit-confirmed", gtk_switch_get_active (self->unit_confirmed_switch),
                NULL);
  return TRUE;
}

static LedgerIndicator *
read_indicator (LedgerIndicatorDialog  *self,
                GError                **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *name = g_strstrip (g_strdup (get_text (self->name_row)));
  LedgerIndicator *indicator;
  gboolean qualitative = is_qualitative (self);
  double target;

  if (!read_target (self, &target, error))
    return NULL;

  uuid = self->indicator != NULL ? g_strdup (ledger_indicator_get_uuid (self->indicator))
                                 : g_uuid_string_random ();
  indicator = g_object_new (LEDGER_TYPE_INDICATOR,
                            "uuid", uuid,
                            "code", get_text (self->code_row),
                            "name", name,
                            "unit", qualitative ? "" : get_text (self->unit_row),
                            "kind", adw_combo_row_get_selected (self->kind_row),
                            "comparator", qualitative ? LEDGER_COMPARATOR_NONE
                                                      : adw_combo_row_get_selected (self->comparator_row) + 1,
                            "better", adw_combo_row_get_selected (self->better_row),
                            "target", target,
                            "frequency", adw_combo_row_get_selected (self->frequency_row),
                            "responsible-unit", get_text (self->unit_responsible_row),
                            "notes", get_text (self->notes_row),
                            "source-text", get_text (self->source_text_row),
                            NULL);
  if (self->indicator != NULL)
    {
      ledger_indicator_set_id (indicator, ledger_indicator_get_id (self->indicator));
      /* Edited on the indicator's page, not here: kept as they are. */
      g_object_set (indicator, "supporting-units", ledger_indicator_get_supporting_units (self->indicator), NULL);
    }
  if (!read_schedule (self, indicator, error))
    g_clear_object (&indicator);
  return indicator;
}

/* The indicator's own due day, by its code as saved: a changed code
 * takes the day along. */
static gboolean
save_due_day (LedgerIndicatorDialog  *self,
              LedgerIndicator        *saved,
              GError                **error)
{
  const char *old_code = ledger_indicator_get_code (self->indicator);
  const char *new_code = ledger_indicator_get_code (saved);
  int day = ledger_due_day_row_get_day (self->due_day_row);

  if (g_strcmp0 (old_code, new_code) != 0 && old_code != NULL && old_code[0] != '\0' &&
      !ledger_store_set_due_day (self->store, self->plan_id, LEDGER_DUE_FOR_INDICATOR, old_code, 0, error))
    return FALSE;
  if (day == ledger_store_get_due_day (self->store, self->plan_id, LEDGER_DUE_FOR_INDICATOR, new_code))
    return TRUE;
  return ledger_store_set_due_day (self->store, self->plan_id, LEDGER_DUE_FOR_INDICATOR, new_code, day, error);
}

static void
save_clicked_cb (LedgerIndicatorDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerIndicator) indicator = read_indicator (self, &error);
  gboolean saved = FALSE;

  g_autofree char *task = g_strstrip (g_strdup (get_text (self->task_row)));

  if (indicator != NULL && self->indicator != NULL)
    saved = ledger_store_update_indicator (self->store, indicator, &error) &&
            (self->due_day_row == NULL || save_due_day (self, indicator, &error));
  else if (indicator != NULL && self->area_id != 0)
    saved = ledger_store_add_task (self->store, self->area_id, task, "", indicator, &error) != 0;
  else if (indicator != NULL)
    saved = ledger_store_add_indicator (self->store, self->task_id, indicator, &error) != 0;

  if (!saved)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
ledger_indicator_dialog_dispose (GObject *object)
{
  LedgerIndicatorDialog *self = LEDGER_INDICATOR_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_INDICATOR_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->indicator);

  G_OBJECT_CLASS (ledger_indicator_dialog_parent_class)->dispose (object);
}

static void
ledger_indicator_dialog_class_init (LedgerIndicatorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_indicator_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ledger-indicator-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorDialog, task_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorDialog, target_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorDialog, comparator_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorDialog, better_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorDialog, profile_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorDialog, shares_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorDialog, shares_reading_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorDialog, due_month_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorDialog, commitment_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorDialog, frequency_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorDialog, january_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorDialog, unit_confirmed_switch);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorDialog, unit_responsible_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorDialog, source_text_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorDialog, from_milestones_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerIndicatorDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, schedule_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, shares_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, pace_from_milestones_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ledger_indicator_dialog_init (LedgerIndicatorDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_choices (self);
  fill_profiles (self, LEDGER_KIND_CUMULATIVE);
}

static LedgerIndicatorDialog *
dialog_new (GtkWindow       *parent,
            LedgerStore     *store,
            LedgerIndicator *indicator,
            gint64           task_id,
            gint64           area_id)
{
  LedgerIndicatorDialog *self = g_object_new (LEDGER_TYPE_INDICATOR_DIALOG,
                                              "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  self->indicator = indicator != NULL ? g_object_ref (indicator) : NULL;
  self->task_id = task_id;
  self->area_id = area_id;
  show_indicator (self);
  kind_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (area_id != 0 ? self->task_row : self->name_row));
  return self;
}

LedgerIndicatorDialog *
ledger_indicator_dialog_new_edit (GtkWindow       *parent,
                                  LedgerStore     *store,
                                  LedgerIndicator *indicator)
{
  g_return_val_if_fail (LEDGER_IS_STORE (store), NULL);
  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), NULL);

  return dialog_new (parent, store, indicator, 0, 0);
}

LedgerIndicatorDialog *
ledger_indicator_dialog_new_add (GtkWindow   *parent,
                                 LedgerStore *store,
                                 gint64       task_id)
{
  g_return_val_if_fail (LEDGER_IS_STORE (store), NULL);

  return dialog_new (parent, store, NULL, task_id, 0);
}

/**
 * ledger_indicator_dialog_set_plan:
 * @plan: the plan of the indicator edited
 *
 * Offers the indicator's own due day (docs/monthly-cycle.md), kept by the
 * plan.
 */
void
ledger_indicator_dialog_set_plan (LedgerIndicatorDialog *self,
                                  LedgerPlan            *plan)
{
  GtkWidget *group;
  const char *code;

  g_return_if_fail (LEDGER_IS_INDICATOR_DIALOG (self));
  g_return_if_fail (LEDGER_IS_PLAN (plan));

  if (self->indicator == NULL || self->due_day_row != NULL)
    return;
  code = ledger_indicator_get_code (self->indicator);
  self->plan_id = ledger_node_get_id (LEDGER_NODE (plan));
  self->due_day_row = LEDGER_DUE_DAY_ROW (ledger_due_day_row_new (_("Due Day of Its Figures"), code));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->due_day_row),
                               _("Of the month after each period; Default takes the unit’s or the frequency’s"));
  ledger_due_day_row_set_day (self->due_day_row,
                              ledger_store_get_due_day (self->store, self->plan_id, LEDGER_DUE_FOR_INDICATOR, code));
  group = gtk_widget_get_ancestor (GTK_WIDGET (self->unit_responsible_row), ADW_TYPE_PREFERENCES_GROUP);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->due_day_row));
}

/* Adds a task at the end of an area, with its first indicator. */
LedgerIndicatorDialog *
ledger_indicator_dialog_new_add_task (GtkWindow   *parent,
                                      LedgerStore *store,
                                      gint64       area_id)
{
  g_return_val_if_fail (LEDGER_IS_STORE (store), NULL);

  return dialog_new (parent, store, NULL, 0, area_id);
}
