/* ledger-scoring-window.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-scoring-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ledger-accessible.h"
#include "ledger-scoring-window.h"
#include "ledger-store-scoring.h"

/* Scoring Scheme… (考核评分方案): the plan's points for completion and
 * rank, each ranked indicator's weight, and the 加分 and 扣分 of the "as
 * of" period for a region or a responsible unit (docs/regions.md,
 * Scoring). Like the preferences, each change is saved at once, one write
 * each; a write the store refuses says why and leaves what was typed. The
 * store's values-changed tells the ranking page. */
struct _LedgerScoringWindow
{
  AdwPreferencesWindow  parent_instance;

  LedgerContext        *context;
  LedgerPlan           *plan;
  GPtrArray            *ranked;      /* LedgerIndicator */
  GPtrArray            *subjects;    /* Subject, as in the dropdown */
  GPtrArray            *adjustment_rows;
  gboolean              filling;     /* the controls are being set from the store */

  GtkSpinButton        *completion_spin;
  GtkSpinButton        *cap_spin;
  GtkSpinButton        *rank_first_spin;
  GtkSpinButton        *rank_step_spin;
  AdwPreferencesGroup  *weights_group;
  AdwPreferencesGroup  *adjustments_group;
  GtkDropDown          *subject_dropdown;
  GtkSpinButton        *points_spin;
  AdwEntryRow          *reason_row;
  GtkLabel             *add_error_label;
  GtkWidget            *add_button;
  GtkWidget            *remove_scheme_button;
};

G_DEFINE_FINAL_TYPE (LedgerScoringWindow, ledger_scoring_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Whom an adjustment may be for: a region, or a responsible unit. */
typedef struct
{
  LedgerScoreSubject  kind;
  char               *subject;  /* the region's code, or the unit's name */
  char               *name;
} Subject;

static void
subject_free (Subject *subject)
{
  g_free (subject->subject);
  g_free (subject->name);
  g_free (subject);
}

static Subject *
subject_new (LedgerScoreSubject  kind,
             const char         *subject,
             const char         *name)
{
  Subject *self = g_new0 (Subject, 1);

  self->kind = kind;
  self->subject = g_strdup (subject);
  self->name = g_strdup (name);
  return self;
}

static LedgerStore *
store_of (LedgerScoringWindow *self)
{
  return ledger_context_get_store (self->context);
}

static void
show_error (LedgerScoringWindow *self,
            const GError        *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
}

static void
fill_scheme (LedgerScoringWindow *self)
{
  LedgerScoringScheme scheme;
  gboolean has_scheme = ledger_store_get_scoring_scheme (store_of (self), ledger_node_get_id (LEDGER_NODE (self->plan)),
                                                         &scheme);

  if (!has_scheme)
    ledger_scoring_scheme_init_default (&scheme);
  /* Only a scheme saved can be removed; the defaults shown are none. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scoring.remove-scheme", has_scheme);
  self->filling = TRUE;
  gtk_spin_button_set_value (self->completion_spin, scheme.completion_points);
  gtk_spin_button_set_value (self->cap_spin, scheme.cap);
  gtk_spin_button_set_value (self->rank_first_spin, scheme.rank_first);
  gtk_spin_button_set_value (self->rank_step_spin, scheme.rank_step);
  self->filling = FALSE;
}

/* Any of the four numbers changed: the scheme is saved whole. One the
 * store refuses is shown, and the numbers go back to what is saved. */
static void
scheme_changed_cb (LedgerScoringWindow *self)
{
  LedgerScoringScheme scheme = {
    .completion_points = gtk_spin_button_get_value (self->completion_spin),
    .cap = gtk_spin_button_get_value (self->cap_spin),
    .rank_first = gtk_spin_button_get_value (self->rank_first_spin),
    .rank_step = gtk_spin_button_get_value (self->rank_step_spin),
  };
  g_autoptr(GError) error = NULL;

  if (self->filling)
    return;
  if (!ledger_scoring_scheme_check (&scheme, &error) ||
      !ledger_store_set_scoring_scheme (store_of (self), ledger_node_get_id (LEDGER_NODE (self->plan)), &scheme,
                                        &error))
    {
      show_error (self, error);
      fill_scheme (self);
      return;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scoring.remove-scheme", TRUE);
}

/* Remove Scheme: the plan is scored no more (the ranking loses its points
 * columns); one step of undo brings the scheme back. */
static void
remove_scheme_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LedgerScoringWindow *self = LEDGER_SCORING_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!ledger_store_set_scoring_scheme (store_of (self), ledger_node_get_id (LEDGER_NODE (self->plan)), NULL, &error))
    show_error (self, error);
  else
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                      adw_toast_new (_("Scoring scheme removed; the defaults are shown")));
  fill_scheme (self);
}

static void
weight_changed_cb (GtkSpinButton       *spin,
                   LedgerScoringWindow *self)
{
  LedgerIndicator *indicator = g_object_get_data (G_OBJECT (spin), "indicator");
  g_autoptr(GError) error = NULL;

  if (self->filling)
    return;
  if (!ledger_store_set_ranking_weight (store_of (self), ledger_indicator_get_id (indicator),
                                        gtk_spin_button_get_value (spin), &error))
    {
      show_error (self, error);
      self->filling = TRUE;
      gtk_spin_button_set_value (spin, ledger_store_get_ranking_weight (store_of (self),
                                                                        ledger_indicator_get_id (indicator)));
      self->filling = FALSE;
    }
}

static GtkWidget *
weight_row_new (LedgerScoringWindow *self,
                LedgerIndicator     *indicator)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 0.5);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ledger_indicator_get_name (indicator));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ledger_indicator_get_responsible_unit (indicator));
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 6);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin),
                             ledger_store_get_ranking_weight (store_of (self), ledger_indicator_get_id (indicator)));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ledger_indicator_get_name (indicator), -1);
  g_object_set_data_full (G_OBJECT (spin), "indicator", g_object_ref (indicator), g_object_unref);
  g_signal_connect (spin, "value-changed", G_CALLBACK (weight_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  return row;
}

static void
fill_weights (LedgerScoringWindow *self)
{
  self->filling = TRUE;
  for (guint i = 0; i < self->ranked->len; i++)
    adw_preferences_group_add (self->weights_group, weight_row_new (self, g_ptr_array_index (self->ranked, i)));
  self->filling = FALSE;
}

static const char *
subject_name (LedgerScoringWindow *self,
              LedgerScoreSubject   kind,
              const char          *subject)
{
  for (guint i = 0; i < self->subjects->len; i++)
    {
      Subject *candidate = g_ptr_array_index (self->subjects, i);

      if (candidate->kind == kind && g_str_equal (candidate->subject, subject))
        return candidate->name;
    }
  return subject;
}

static void fill_adjustments (LedgerScoringWindow *self);

static void
remove_clicked_cb (GtkButton           *button,
                   LedgerScoringWindow *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "id");
  g_autoptr(GError) error = NULL;

  if (!ledger_store_remove_score_adjustment (store_of (self), id, &error))
    {
      show_error (self, error);
      return;
    }
  fill_adjustments (self);
}

/* "潞州区 · +2.0", its reason below, and a button that removes it. */
static GtkWidget *
adjustment_row_new (LedgerScoringWindow         *self,
                    const LedgerScoreAdjustment *adjustment)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf ("%s · %s%.1f", subject_name (self, adjustment->kind, adjustment->subject),
                                            adjustment->points > 0 ? "+" : "−", fabs (adjustment->points));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), adjustment->reason);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Adjustment"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Adjustment"), -1);
  g_object_set_data_full (G_OBJECT (remove), "id", g_memdup2 (&adjustment->id, sizeof adjustment->id), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
add_adjustment_row (LedgerScoringWindow *self,
                    GtkWidget           *row)
{
  adw_preferences_group_add (self->adjustments_group, row);
  g_ptr_array_add (self->adjustment_rows, row);
}

/* The adjustments of the "as of" period, as the store has them. */
static void
fill_adjustments (LedgerScoringWindow *self)
{
  const char *period = ledger_context_get_as_of (self->context);
  g_autoptr(GPtrArray) adjustments = ledger_store_list_score_adjustments (store_of (self),
                                                                          ledger_node_get_id (LEDGER_NODE (self->plan)),
                                                                          period);
  g_autofree char *label = ledger_period_code_label (period);
  /* Translators: the 加分 and 扣分 of a period, "Adjustments of 1-6月" */
  g_autofree char *title = g_strdup_printf (_("Adjustments of %s"), label);

  for (guint i = 0; i < self->adjustment_rows->len; i++)
    adw_preferences_group_remove (self->adjustments_group, g_ptr_array_index (self->adjustment_rows, i));
  g_ptr_array_set_size (self->adjustment_rows, 0);
  adw_preferences_group_set_title (self->adjustments_group, title);
  for (guint i = 0; adjustments != NULL && i < adjustments->len; i++)
    add_adjustment_row (self, adjustment_row_new (self, g_ptr_array_index (adjustments, i)));
  if (adjustments == NULL || adjustments->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No adjustments for the period"));
      add_adjustment_row (self, row);
    }
}

static void
add_unit (LedgerNode      *area,
          LedgerNode      *task,
          LedgerIndicator *indicator,
          gpointer         user_data)
{
  GPtrArray *units = user_data;
  const char *unit = ledger_indicator_get_responsible_unit (indicator);

  if (unit[0] != '\0' && !g_ptr_array_find_with_equal_func (units, unit, g_str_equal, NULL))
    g_ptr_array_add (units, (gpointer) unit);
}

/* The regions in their order, then the responsible units by name. */
static void
fill_subjects (LedgerScoringWindow *self)
{
  g_autoptr(GPtrArray) regions = ledger_store_list_regions (store_of (self), self->plan);
  g_autoptr(GPtrArray) units = g_ptr_array_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  for (guint i = 0; regions != NULL && i < regions->len; i++)
    {
      LedgerRegion *region = g_ptr_array_index (regions, i);

      g_ptr_array_add (self->subjects, subject_new (LEDGER_SCORE_REGION, region->code, region->name));
    }
  ledger_plan_foreach_indicator (self->plan, add_unit, units);
  g_ptr_array_sort (units, (GCompareFunc) g_utf8_collate);
  for (guint i = 0; i < units->len; i++)
    {
      const char *unit = g_ptr_array_index (units, i);

      g_ptr_array_add (self->subjects, subject_new (LEDGER_SCORE_UNIT, unit, unit));
    }
  for (guint i = 0; i < self->subjects->len; i++)
    gtk_string_list_append (names, ((Subject *) g_ptr_array_index (self->subjects, i))->name);
  gtk_drop_down_set_expression (self->subject_dropdown, expression);
  gtk_drop_down_set_model (self->subject_dropdown, G_LIST_MODEL (names));
}

static void
show_add_error (LedgerScoringWindow *self,
                const char          *message)
{
  gtk_label_set_text (self->add_error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->add_error_label), message != NULL);
}

/* What the form says is refused before anything is written, and stays in
 * the form to be put right. Returns: the message, or %NULL if it may go */
static const char *
check_form (LedgerScoringWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->subject_dropdown);
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->subjects->len)
    return _("Choose the region or unit the adjustment is for.");
  if (gtk_spin_button_get_value (self->points_spin) == 0)
    return _("Give the points: more than 0 adds, less than 0 deducts.");
  if (reason[0] == '\0')
    return _("Give the reason: it is kept with the points, for the record.");
  return NULL;
}

/**
 * ledger_scoring_window_add_adjustment:
 *
 * Adds the adjustment the form describes, for the "as of" period, as the
 * Add Adjustment button does. The form is emptied once it is saved.
 *
 * Returns: whether it was saved
 */
gboolean
ledger_scoring_window_add_adjustment (LedgerScoringWindow *self)
{
  const char *problem;
  Subject *subject;
  g_autofree char *reason = NULL;
  g_autoptr(LedgerScoreAdjustment) adjustment = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LEDGER_IS_SCORING_WINDOW (self), FALSE);

  if ((problem = check_form (self)) != NULL)
    {
      show_add_error (self, problem);
      return FALSE;
    }
  subject = g_ptr_array_index (self->subjects, gtk_drop_down_get_selected (self->subject_dropdown));
  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));
  adjustment = ledger_score_adjustment_new (ledger_context_get_as_of (self->context), subject->kind, subject->subject,
                                            gtk_spin_button_get_value (self->points_spin), reason);
  if (!ledger_store_add_score_adjustment (store_of (self), ledger_node_get_id (LEDGER_NODE (self->plan)), adjustment,
                                          &error))
    {
      show_add_error (self, error->message);
      return FALSE;
    }
  show_add_error (self, NULL);
  gtk_spin_button_set_value (self->points_spin, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), "");
  fill_adjustments (self);
  return TRUE;
}

static void
add_clicked_cb (LedgerScoringWindow *self)
{
  ledger_scoring_window_add_adjustment (self);
}

/* Chooses whom the form's adjustment is for: a region's code or a unit's
 * name. Returns: whether there is such a one */
gboolean
ledger_scoring_window_select_subject (LedgerScoringWindow *self,
                                      const char          *subject)
{
  g_return_val_if_fail (LEDGER_IS_SCORING_WINDOW (self), FALSE);

  for (guint i = 0; i < self->subjects->len; i++)
    {
      if (g_str_equal (((Subject *) g_ptr_array_index (self->subjects, i))->subject, subject))
        {
          gtk_drop_down_set_selected (self->subject_dropdown, i);
          return TRUE;
        }
    }
  return FALSE;
}

static void
ledger_scoring_window_dispose (GObject *object)
{
  LedgerScoringWindow *self = LEDGER_SCORING_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_SCORING_WINDOW);
  g_clear_pointer (&self->ranked, g_ptr_array_unref);
  g_clear_pointer (&self->subjects, g_ptr_array_unref);
  g_clear_pointer (&self->adjustment_rows, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (ledger_scoring_window_parent_class)->dispose (object);
}

static void
ledger_scoring_window_class_init (LedgerScoringWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_scoring_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ledger-scoring-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerScoringWindow, completion_spin);
  gtk_widget_class_bind_template_child (widget_class, LedgerScoringWindow, cap_spin);
  gtk_widget_class_bind_template_child (widget_class, LedgerScoringWindow, rank_first_spin);
  gtk_widget_class_bind_template_child (widget_class, LedgerScoringWindow, rank_step_spin);
  gtk_widget_class_bind_template_child (widget_class, LedgerScoringWindow, weights_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerScoringWindow, adjustments_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerScoringWindow, subject_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LedgerScoringWindow, points_spin);
  gtk_widget_class_bind_template_child (widget_class, LedgerScoringWindow, reason_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerScoringWindow, add_error_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerScoringWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerScoringWindow, remove_scheme_button);
  gtk_widget_class_bind_template_callback (widget_class, scheme_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_install_action (widget_class, "scoring.remove-scheme", NULL, remove_scheme_action);
}

static void
ledger_scoring_window_init (LedgerScoringWindow *self)
{
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filling = FALSE;
  self->subjects = g_ptr_array_new_with_free_func ((GDestroyNotify) subject_free);
  self->adjustment_rows = g_ptr_array_new ();
  ledger_accessible_name_drop_down (self->subject_dropdown, NULL);
}

/**
 * ledger_scoring_window_new:
 * @ranked: (element-type LedgerIndicator): the plan's ranked indicators,
 *   whose weights it sets
 */
LedgerScoringWindow *
ledger_scoring_window_new (GtkWindow     *parent,
                           LedgerContext *context,
                           LedgerPlan    *plan,
                           GPtrArray     *ranked)
{
  LedgerScoringWindow *self;

  g_return_val_if_fail (LEDGER_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), NULL);

  self = g_object_new (LEDGER_TYPE_SCORING_WINDOW, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->plan = g_object_ref (plan);
  self->ranked = g_ptr_array_ref (ranked);
  fill_scheme (self);
  fill_weights (self);
  fill_subjects (self);
  fill_adjustments (self);
  return self;
}
