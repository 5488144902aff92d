/* ledger-split-dialog.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-split-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ledger-number.h"
#include "ledger-split-dialog.h"
#include "ledger-toast.h"

/* Split Target…: an indicator's target for each of the plan's regions
 * (分解目标). The three ways (ledger-target-split.c) fill the entries; the
 * office may change any of them after, and the sum is shown against the
 * city's target. Save writes them all at once, or nothing if one does not
 * read as a number. */
struct _LedgerSplitDialog
{
  AdwWindow            parent_instance;

  LedgerStore         *store;
  LedgerIndicator     *indicator;
  GPtrArray           *regions;   /* LedgerRegion, in the plan's order */
  GPtrArray           *entries;   /* AdwEntryRow, one for each region */
  gboolean             filling;   /* the entries are being filled by a way, not typed */
  gboolean             changed;   /* targets filled or typed since it opened, not saved */

  AdwPreferencesGroup *way_group;
  AdwComboRow         *way_row;
  AdwPreferencesGroup *targets_group;
  GtkLabel            *sum_label;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (LedgerSplitDialog, ledger_split_dialog, ADW_TYPE_WINDOW)

static gboolean
is_cumulative (LedgerSplitDialog *self)
{
  return ledger_indicator_get_kind (self->indicator) == LEDGER_KIND_CUMULATIVE;
}

static void
show_error (LedgerSplitDialog *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_entry_error (GtkWidget *entry,
                 gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (entry, "error");
  else
    gtk_widget_remove_css_class (entry, "error");
}

/* Reads the entry of region @index: FALSE with @error if it is not a
 * figure of the indicator; an empty one is no target (NAN). */
static gboolean
read_entry (LedgerSplitDialog  *self,
            guint               index,
            double             *target,
            GError            **error)
{
  GtkEditable *entry = self->entries->pdata[index];
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  const LedgerRegion *region = self->regions->pdata[index];
  g_autoptr(GError) parse_error = NULL;

  *target = NAN;
  if (text[0] == '\0')
    return TRUE;
  if (ledger_number_parse_for (self->indicator, text, LEDGER_NUMBER_TYPED, target, &parse_error))
    return TRUE;
  /* Translators: a region's name and what is wrong with its target, "潞州区: 请输入数字" */
  g_set_error (error, parse_error->domain, parse_error->code, _("%s: %s"), region->name, parse_error->message);
  return FALSE;
}

/* Returns: (transfer full) (nullable): the typed targets, or NULL with
 * @error naming the first region whose target does not read */
static GPtrArray *
read_targets (LedgerSplitDialog  *self,
              GError            **error)
{
  g_autoptr(GPtrArray) targets = ledger_region_targets_new ();

  for (guint i = 0; i < self->regions->len; i++)
    {
      double target;

      if (!read_entry (self, i, &target, error))
        {
          set_entry_error (self->entries->pdata[i], TRUE);
          return NULL;
        }
      if (!isnan (target))
        g_ptr_array_add (targets,
                         ledger_region_target_new (((LedgerRegion *) self->regions->pdata[i])->code, target));
    }
  return g_steal_pointer (&targets);
}

/* "Sum of the regions 1,200 个, the city's target 1,200 个": totals add up,
 * and a sum off the city's is pointed out. Rates and levels do not add. */
static void
update_sum (LedgerSplitDialog *self)
{
  g_autoptr(GPtrArray) targets = ledger_region_targets_new ();
  double city = ledger_indicator_get_target (self->indicator);
  g_autofree char *city_text = ledger_indicator_format_value (self->indicator, city);
  g_autofree char *sum_text = NULL;
  g_autofree char *text = NULL;
  double sum;

  gtk_widget_set_visible (GTK_WIDGET (self->sum_label), is_cumulative (self));
  for (guint i = 0; i < self->regions->len; i++)
    {
      double target;

      if (read_entry (self, i, &target, NULL) && !isnan (target))
        g_ptr_array_add (targets, ledger_region_target_new ("", target));
    }
  sum = ledger_target_split_sum (targets);
  sum_text = isnan (sum) ? g_strdup ("—") : ledger_indicator_format_value (self->indicator, sum);
  /* Translators: under the regions' targets, "各区县合计 1200 个，全市目标 1200 个" */
  text = g_strdup_printf (_("Sum of the regions %s, the city's target %s"), sum_text, city_text);
  gtk_label_set_text (self->sum_label, text);
  if (!isnan (sum) && fabs (sum - city) > 1e-9)
    gtk_widget_add_css_class (GTK_WIDGET (self->sum_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->sum_label), "warning");
}

static void
fill_entries (LedgerSplitDialog *self,
              GPtrArray         *targets)
{
  self->filling = TRUE;
  for (guint i = 0; i < self->regions->len; i++)
    {
      double target = ledger_region_targets_lookup (targets, ((LedgerRegion *) self->regions->pdata[i])->code);
      g_autofree char *text = isnan (target) ? g_strdup ("") : ledger_format_number (target);

      gtk_editable_set_text (self->entries->pdata[i], text);
      set_entry_error (self->entries->pdata[i], FALSE);
    }
  self->filling = FALSE;
  update_sum (self);
}

static void
way_changed_cb (LedgerSplitDialog *self)
{
  double city = ledger_indicator_get_target (self->indicator);
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GError) error = NULL;

  show_error (self, NULL);
  if (self->filling)
    return;
  switch ((LedgerSplitWay) adw_combo_row_get_selected (self->way_row))
    {
    case LEDGER_SPLIT_BY_WEIGHTS:
      targets = ledger_target_split_by_weights (city, self->regions, &error);
      break;
    case LEDGER_SPLIT_COPY:
      targets = ledger_target_split_copy (city, self->regions);
      break;
    case LEDGER_SPLIT_BY_HAND:
    default:
      return;
    }
  /* A split refused leaves what was typed as it was. */
  if (targets == NULL)
    show_error (self, error->message);
  else
    {
      fill_entries (self, targets);
      self->changed = TRUE;
    }
}

/* A target typed by hand: the way says so, and the sum follows. */
static void
entry_changed_cb (GtkEditable       *entry,
                  LedgerSplitDialog *self)
{
  if (self->filling)
    return;
  set_entry_error (GTK_WIDGET (entry), FALSE);
  show_error (self, NULL);
  self->changed = TRUE;
  self->filling = TRUE;
  adw_combo_row_set_selected (self->way_row, LEDGER_SPLIT_BY_HAND);
  self->filling = FALSE;
  update_sum (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LedgerSplitDialog *self = LEDGER_SPLIT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = read_targets (self, &error);
  g_autofree char *message = NULL;

  if (targets == NULL ||
      !ledger_store_set_region_targets (self->store, ledger_indicator_get_id (self->indicator), targets, &error))
    {
      show_error (self, error->message);
      return;
    }
  /* Translators: a toast, "新增城镇就业: 已分解到 12 个区县" */
  message = g_strdup_printf (ngettext ("%s: target split to %u region", "%s: targets split to %u regions",
                                       targets->len),
                             ledger_indicator_get_name (self->indicator), targets->len);
  ledger_toast_show (GTK_WIDGET (self), message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static GtkWidget *
entry_row_new (LedgerSplitDialog  *self,
               const LedgerRegion *region)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *unit = gtk_label_new (ledger_indicator_get_unit (self->indicator));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), region->name);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_widget_add_css_class (unit, "dim-label");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), unit);
  g_signal_connect_object (row, "changed", G_CALLBACK (entry_changed_cb), self, 0);
  return row;
}

static void
build (LedgerSplitDialog *self,
       LedgerPlan        *plan)
{
  g_autoptr(GPtrArray) stored = ledger_store_list_region_targets (self->store,
                                                                   ledger_indicator_get_id (self->indicator));
  g_autofree char *name = g_markup_escape_text (ledger_indicator_get_name (self->indicator), -1);
  g_autofree char *target = ledger_indicator_dup_target_text (self->indicator);
  /* Translators: above the regions' targets, "全市目标：≥ 4.3 万人" */
  g_autofree char *city = g_strdup_printf (_("The city's target: %s"), target);
  g_autofree char *target_markup = g_markup_escape_text (city, -1);
  gboolean copies = !is_cumulative (self) && (stored == NULL || stored->len == 0);

  self->regions = ledger_store_list_regions (self->store, plan);
  adw_preferences_group_set_title (self->way_group, name);
  adw_preferences_group_set_description (self->targets_group, target_markup);
  for (guint i = 0; i < self->regions->len; i++)
    {
      GtkWidget *row = entry_row_new (self, self->regions->pdata[i]);

      g_ptr_array_add (self->entries, row);
      adw_preferences_group_add (self->targets_group, row);
    }
  fill_entries (self, stored);
  /* A rate or a level not split yet: each region is held to the city's. */
  ledger_split_dialog_set_way (self, copies ? LEDGER_SPLIT_COPY : LEDGER_SPLIT_BY_HAND);
  /* What it opens with is what is saved, or the city's target copied:
   * nothing the office would lose by closing. */
  self->changed = FALSE;
}

static gboolean
close_discarded (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

/* The dialog closes once the question has: closing it from the question's
 * own response would take the question with it while it still answers. */
static void
discard_response_cb (AdwMessageDialog  *question,
                     const char        *response,
                     LedgerSplitDialog *self)
{
  if (!g_str_equal (response, "discard"))
    return;
  self->changed = FALSE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_discarded, g_object_ref (self), g_object_unref);
}

/* Closing (Cancel, Escape) with targets typed or split and not saved asks
 * first: thirteen counties' targets are not lost by a stray key. */
static gboolean
ledger_split_dialog_close_request (GtkWindow *window)
{
  LedgerSplitDialog *self = LEDGER_SPLIT_DIALOG (window);
  GtkWidget *question;

  if (!self->changed)
    return GTK_WINDOW_CLASS (ledger_split_dialog_parent_class)->close_request (window);
  question = adw_message_dialog_new (window, _("Discard the Regions' Targets?"),
                                     _("The targets split or typed here are not saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (question), "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (question), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (question), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (question), "keep");
  g_signal_connect_object (question, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (question));
  return TRUE;
}

static void
ledger_split_dialog_dispose (GObject *object)
{
  LedgerSplitDialog *self = LEDGER_SPLIT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_SPLIT_DIALOG);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->indicator);

  G_OBJECT_CLASS (ledger_split_dialog_parent_class)->dispose (object);
}

static void
ledger_split_dialog_class_init (LedgerSplitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_split_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = ledger_split_dialog_close_request;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ledger-split-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerSplitDialog, way_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerSplitDialog, way_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerSplitDialog, targets_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerSplitDialog, sum_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerSplitDialog, error_label);
  gtk_widget_class_install_action (widget_class, "split.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ledger_split_dialog_init (LedgerSplitDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_ptr_array_new ();
  g_signal_connect_object (self->way_row, "notify::selected", G_CALLBACK (way_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

LedgerSplitDialog *
ledger_split_dialog_new (GtkWindow       *parent,
                         LedgerStore     *store,
                         LedgerPlan      *plan,
                         LedgerIndicator *indicator)
{
  LedgerSplitDialog *self;

  g_return_val_if_fail (LEDGER_IS_STORE (store), NULL);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), NULL);
  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), NULL);

  self = g_object_new (LEDGER_TYPE_SPLIT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->indicator = g_object_ref (indicator);
  build (self, plan);
  return self;
}

/* Fills the targets the way @way does (the tests choose one as the office would). */
void
ledger_split_dialog_set_way (LedgerSplitDialog *self,
                             LedgerSplitWay     way)
{
  g_return_if_fail (LEDGER_IS_SPLIT_DIALOG (self));

  if (adw_combo_row_get_selected (self->way_row) == (guint) way)
    way_changed_cb (self);
  else
    adw_combo_row_set_selected (self->way_row, way);
}
