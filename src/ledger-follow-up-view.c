/* ledger-follow-up-view.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-follow-up-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ledger-accessible.h"
#include "ledger-follow-up-view.h"
#include "ledger-read-only.h"
#include "ledger-status.h"
#include "ledger-task.h"
#include "ledger-toast.h"

/* The follow-up of an indicator and its task on the indicator's page
 * (docs/domain.md, Follow-up): the lead and supporting units, the
 * milestones of both (Mark Done…, Remove) and the task's sub-items with
 * their status. Every change is one write of the store, undone with
 * Ctrl+Z; the window rebuilds the page when the plan changes. */
struct _LedgerFollowUpView
{
  GtkBox               parent_instance;

  LedgerContext       *context;
  LedgerIndicator     *indicator;
  LedgerTask          *task;

  AdwPreferencesGroup *units_group;
  AdwPreferencesGroup *milestones_group;
  AdwPreferencesGroup *sub_items_group;
};

G_DEFINE_FINAL_TYPE (LedgerFollowUpView, ledger_follow_up_view, GTK_TYPE_BOX)

/* The fields of a small form in a message dialog. */
typedef enum
{
  FORM_MARK_DONE,
  FORM_ADD_MILESTONE,
  FORM_ADD_SUB_ITEM,
  FORM_UNITS,
} FormKind;

static LedgerStore *
store_of (LedgerFollowUpView *self)
{
  return ledger_context_get_store (self->context);
}

/* The milestones are the task's when the indicator is the task's own
 * (a qualitative task), else the indicator's. */
static const char *
milestone_owner (LedgerFollowUpView *self)
{
  return ledger_indicator_get_kind (self->indicator) == LEDGER_KIND_QUALITATIVE
    ? ledger_node_get_uuid (LEDGER_NODE (self->task)) : ledger_indicator_get_uuid (self->indicator);
}

static const LedgerMilestone *
find_milestone (LedgerFollowUpView *self,
                const char         *uuid)
{
  GPtrArray *lists[] = { ledger_indicator_get_milestones (self->indicator),
                         ledger_task_get_milestones (self->task) };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        const LedgerMilestone *milestone = g_ptr_array_index (lists[l], i);

        if (g_str_equal (milestone->uuid, uuid))
          return milestone;
      }
  return NULL;
}

static void
report (LedgerFollowUpView *self,
        gboolean            written,
        GError             *error,
        const char         *done)
{
  if (!written)
    ledger_toast_show (GTK_WIDGET (self), error->message);
  else
    ledger_toast_show_undo (GTK_WIDGET (self), done);
}

/* Units */

static char *
units_text (const char *lines)
{
  g_auto(GStrv) names = g_strsplit (lines != NULL ? lines : "", "\n", -1);

  return g_strjoinv ("、", names);
}

/* "市财政局、市统计局" typed in a form, one per line for the store. */
static char *
units_lines (const char *text)
{
  g_autoptr(GString) lines = g_string_new ("");
  g_autofree char *normal = g_strdup (text);
  g_auto(GStrv) names = NULL;

  for (char *c = normal; *c != '\0'; c++)
    *c = *c == ',' || *c == ';' ? '\n' : *c;
  names = g_regex_split_simple ("[\n、，；]", normal, 0, 0);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (names[i]));

      if (name[0] != '\0')
        g_string_append_printf (lines, "%s%s", lines->len > 0 ? "\n" : "", name);
    }
  return g_string_free (g_steal_pointer (&lines), FALSE);
}

static GtkWidget *
text_row_new (const char *title,
              const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text[0] != '\0' ? text : _("None"));
  gtk_widget_add_css_class (row, "property");
  return row;
}

static void
show_units (LedgerFollowUpView *self)
{
  const char *task_lead = ledger_task_get_lead_unit (self->task);
  g_autofree char *task_supporting = units_text (ledger_task_get_supporting_units (self->task));
  g_autofree char *supporting = units_text (ledger_indicator_get_supporting_units (self->indicator));

  adw_preferences_group_add (self->units_group,
                             text_row_new (_("Lead Unit of the Task"),
                                           task_lead[0] != '\0' ? task_lead
                                             : ledger_indicator_get_responsible_unit (self->indicator)));
  adw_preferences_group_add (self->units_group, text_row_new (_("Supporting Units of the Task"), task_supporting));
  if (ledger_indicator_get_kind (self->indicator) != LEDGER_KIND_QUALITATIVE)
    adw_preferences_group_add (self->units_group,
                               text_row_new (_("Supporting Units of the Indicator"), supporting));
}

/* Milestones */

static char *
milestone_subtitle (LedgerFollowUpView    *self,
                    const LedgerMilestone *milestone,
                    const char            *today,
                    gboolean               of_task)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (ledger_milestone_is_done (milestone))
    g_string_printf (text, _("Due %s · done on %s"), milestone->due, milestone->done_on);
  else if (ledger_milestone_is_overdue (milestone, today))
    g_string_printf (text, _("Due %s · overdue"), milestone->due);
  else
    g_string_printf (text, _("Due %s"), milestone->due);
  if (!isnan (milestone->share))
    g_string_append_printf (text, _(" · %g%% of the target"), milestone->share);
  if (of_task && ledger_indicator_get_kind (self->indicator) != LEDGER_KIND_QUALITATIVE)
    g_string_append (text, _(" · of the task"));
  if (milestone->note[0] != '\0')
    g_string_append_printf (text, " · %s", milestone->note);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
milestone_row_new (LedgerFollowUpView    *self,
                   const LedgerMilestone *milestone,
                   const char            *today,
                   gboolean               of_task)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = milestone_subtitle (self, milestone, today, of_task);
  GtkWidget *pill = gtk_image_new_from_icon_name (ledger_milestone_is_done (milestone) ? "emblem-ok-symbolic"
                                                  : ledger_milestone_is_overdue (milestone, today)
                                                    ? "appointment-missed-symbolic" : "alarm-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), milestone->what);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (pill, ledger_milestone_is_done (milestone) ? "done"
                                  : ledger_milestone_is_overdue (milestone, today) ? "overdue" : "pending");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), pill);
  if (!ledger_milestone_is_done (milestone))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Mark Done…"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", milestone->uuid);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "follow-up.mark-done");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             ledger_accessible_row_button_new ("user-trash-symbolic", _("Remove Milestone"),
                                             "follow-up.remove-milestone", milestone->uuid));
  return row;
}

static void
show_milestones (LedgerFollowUpView *self)
{
  g_autofree char *today = ledger_context_dup_reference_day (self->context);
  GPtrArray *own = ledger_indicator_get_milestones (self->indicator);
  GPtrArray *of_task = ledger_task_get_milestones (self->task);

  for (guint i = 0; i < of_task->len; i++)
    adw_preferences_group_add (self->milestones_group,
                               milestone_row_new (self, g_ptr_array_index (of_task, i), today, TRUE));
  for (guint i = 0; i < own->len; i++)
    adw_preferences_group_add (self->milestones_group,
                               milestone_row_new (self, g_ptr_array_index (own, i), today, FALSE));
  if (own->len + of_task->len == 0)
    adw_preferences_group_add (self->milestones_group, text_row_new (_("No milestones yet"), ""));
}

/* Sub-items */

typedef struct
{
  LedgerFollowUpView *self;
  LedgerSubItem      *item;
} StatusChange;

/* Written once the dropdown is done with its signal: the write rebuilds
 * the view, the dropdown with it. */
static gboolean
save_status_idle (gpointer data)
{
  StatusChange *change = data;
  g_autoptr(GError) error = NULL;
  gboolean written = ledger_store_save_sub_item (store_of (change->self), change->item, &error);

  report (change->self, written, error, _("Sub-item changed"));
  g_object_unref (change->self);
  ledger_sub_item_free (change->item);
  g_free (change);
  return G_SOURCE_REMOVE;
}

static void
sub_item_status_cb (GtkDropDown        *dropdown,
                    GParamSpec         *pspec,
                    LedgerFollowUpView *self)
{
  const LedgerSubItem *item = g_object_get_data (G_OBJECT (dropdown), "sub-item");
  const char *status = ledger_status_qualitative_codes ()[gtk_drop_down_get_selected (dropdown)];
  StatusChange *change;

  if (status == NULL || g_str_equal (status, item->status))
    return;
  change = g_new0 (StatusChange, 1);
  change->self = g_object_ref (self);
  change->item = ledger_sub_item_copy (item);
  g_free (change->item->status);
  change->item->status = g_strdup (status);
  g_idle_add (save_status_idle, change);
}

static GtkWidget *
status_dropdown_new (LedgerFollowUpView  *self,
                     const LedgerSubItem *item)
{
  const char * const *codes = ledger_status_qualitative_codes ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *dropdown;
  guint selected = 0;

  for (guint i = 0; codes[i] != NULL; i++)
    {
      gtk_string_list_append (labels, ledger_status_label (codes[i]));
      selected = g_str_equal (codes[i], item->status) ? i : selected;
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status"), -1);
  g_object_set_data (G_OBJECT (dropdown), "sub-item", (gpointer) item);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (sub_item_status_cb), self, 0);
  return dropdown;
}

static void
show_sub_items (LedgerFollowUpView *self)
{
  GPtrArray *items = ledger_task_get_sub_items (self->task);
  LedgerSubItemsRollUp roll_up = ledger_sub_items_roll_up (items);
  g_autofree char *description = NULL;

  if (roll_up.n_items > 0)
    description = g_strdup_printf (ngettext ("%u of %u done", "%u of %u done", roll_up.n_items),
                                   roll_up.n_done, roll_up.n_items);
  if (roll_up.n_behind > 0)
    {
      g_autofree char *done = g_steal_pointer (&description);

      description = g_strdup_printf (ngettext ("%s, %u behind: the task is behind",
                                               "%s, %u behind: the task is behind", roll_up.n_behind),
                                     done, roll_up.n_behind);
    }
  adw_preferences_group_set_description (self->sub_items_group, description);
  for (guint i = 0; i < items->len; i++)
    {
      const LedgerSubItem *item = g_ptr_array_index (items, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (item->note[0] != '\0')
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->note);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_dropdown_new (self, item));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 ledger_accessible_row_button_new ("user-trash-symbolic", _("Remove Sub-item"),
                                                 "follow-up.remove-sub-item", item->uuid));
      adw_preferences_group_add (self->sub_items_group, row);
    }
  if (items->len == 0)
    adw_preferences_group_add (self->sub_items_group, text_row_new (_("No sub-items yet"), ""));
}

/* Forms */

static GtkWidget *
form_entry (GtkWidget  *list,
            const char *key,
            const char *title,
            const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  g_object_set_data (G_OBJECT (list), key, row);
  return row;
}

static const char *
form_text (AdwMessageDialog *dialog,
           const char       *key)
{
  GtkWidget *list = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *entry = g_object_get_data (G_OBJECT (list), key);

  /* A field the form left out (a task's share of a target) is empty. */
  return entry != NULL ? gtk_editable_get_text (GTK_EDITABLE (entry)) : "";
}

static char *
stripped (AdwMessageDialog *dialog,
          const char       *key)
{
  return g_strstrip (g_strdup (form_text (dialog, key)));
}

static gboolean
save_mark_done (LedgerFollowUpView  *self,
                AdwMessageDialog    *dialog,
                GError             **error)
{
  const LedgerMilestone *milestone = find_milestone (self, g_object_get_data (G_OBJECT (dialog), "uuid"));
  g_autoptr(LedgerMilestone) done = NULL;
  g_autofree char *day = stripped (dialog, "date");
  g_autofree char *note = stripped (dialog, "note");

  if (milestone == NULL)
    return TRUE;
  done = ledger_milestone_copy (milestone);
  ledger_milestone_set_done (done, day, note);
  if (day[0] == '\0')
    {
      g_set_error_literal (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                           _("A milestone’s date of completion is written YYYY-MM-DD"));
      return FALSE;
    }
  return ledger_store_save_milestone (store_of (self), done, error);
}

static gboolean
save_new_milestone (LedgerFollowUpView  *self,
                    AdwMessageDialog    *dialog,
                    GError             **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *due = stripped (dialog, "due");
  g_autofree char *what = stripped (dialog, "what");
  g_autofree char *share = stripped (dialog, "share");
  g_autoptr(LedgerMilestone) milestone = ledger_milestone_new (uuid, milestone_owner (self), due, what);
  char *end = NULL;

  if (share[0] != '\0')
    {
      milestone->share = g_ascii_strtod (share, &end);
      if (end == share || *(end[0] == '%' ? end + 1 : end) != '\0')
        milestone->share = -1;   /* refused by the store, with its reason */
    }
  return ledger_store_save_milestone (store_of (self), milestone, error);
}

static gboolean
save_new_sub_item (LedgerFollowUpView  *self,
                   AdwMessageDialog    *dialog,
                   GError             **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *title = stripped (dialog, "title");
  g_autofree char *note = stripped (dialog, "note");
  g_autoptr(LedgerSubItem) item = ledger_sub_item_new (uuid, ledger_node_get_uuid (LEDGER_NODE (self->task)),
                                                       title, NULL, note);

  return ledger_store_save_sub_item (store_of (self), item, error);
}

/* The task's units, then the indicator's supporting units if changed:
 * each its own step of undo. */
static gboolean
save_units (LedgerFollowUpView  *self,
            AdwMessageDialog    *dialog,
            GError             **error)
{
  g_autofree char *lead = stripped (dialog, "lead");
  g_autofree char *task_supporting = units_lines (form_text (dialog, "task-supporting"));
  g_autofree char *supporting = NULL;
  g_autoptr(LedgerIndicator) indicator = NULL;

  if (!ledger_store_set_task_units (store_of (self), ledger_node_get_uuid (LEDGER_NODE (self->task)), lead,
                                    task_supporting, error))
    return FALSE;
  if (ledger_indicator_get_kind (self->indicator) == LEDGER_KIND_QUALITATIVE)
    return TRUE;
  supporting = units_lines (form_text (dialog, "supporting"));
  if (g_str_equal (supporting, ledger_indicator_get_supporting_units (self->indicator)))
    return TRUE;
  indicator = g_object_ref (self->indicator);
  g_object_set (indicator, "supporting-units", supporting, NULL);
  return ledger_store_update_indicator (store_of (self), indicator, error);
}

static void
form_response_cb (AdwMessageDialog   *dialog,
                  const char         *response,
                  LedgerFollowUpView *self)
{
  static const char *done[] = { N_("Milestone marked done"), N_("Milestone added"), N_("Sub-item added"),
                                N_("Units changed") };
  gboolean (*save[]) (LedgerFollowUpView *, AdwMessageDialog *, GError **) = {
    save_mark_done, save_new_milestone, save_new_sub_item, save_units,
  };
  FormKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "kind"));
  g_autoptr(GError) error = NULL;
  gboolean written;

  if (!g_str_equal (response, "save"))
    return;
  written = save[kind] (self, dialog, &error);
  report (self, written, error, _(done[kind]));
}

static AdwMessageDialog *
form_new (LedgerFollowUpView *self,
          FormKind            kind,
          const char         *heading,
          const char         *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  g_object_set_data (G_OBJECT (dialog), "kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (dialog, "response", G_CALLBACK (form_response_cb), self, 0);
  return ADW_MESSAGE_DIALOG (dialog);
}

static GtkWidget *
form_list (AdwMessageDialog *dialog)
{
  return adw_message_dialog_get_extra_child (dialog);
}

static void
mark_done_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LedgerFollowUpView *self = LEDGER_FOLLOW_UP_VIEW (widget);
  const LedgerMilestone *milestone = find_milestone (self, g_variant_get_string (parameter, NULL));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  AdwMessageDialog *dialog;

  if (milestone == NULL)
    return;
  dialog = form_new (self, FORM_MARK_DONE, _("Mark the Milestone Done"), milestone->what);
  g_object_set_data_full (G_OBJECT (dialog), "uuid", g_strdup (milestone->uuid), g_free);
  form_entry (form_list (dialog), "date", _("Done on (YYYY-MM-DD)"), today);
  form_entry (form_list (dialog), "note", _("Note or Evidence"), "");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_milestone_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LedgerFollowUpView *self = LEDGER_FOLLOW_UP_VIEW (widget);
  AdwMessageDialog *dialog = form_new (self, FORM_ADD_MILESTONE, _("Add a Milestone"),
                                       _("A milestone not done by its date makes the task overdue."));

  form_entry (form_list (dialog), "what", _("What Is Due"), "");
  form_entry (form_list (dialog), "due", _("Due by (YYYY-MM-DD)"), "");
  if (ledger_indicator_get_kind (self->indicator) != LEDGER_KIND_QUALITATIVE)
    form_entry (form_list (dialog), "share", _("Share of the Target Due, in % (optional)"), "");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_sub_item_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LedgerFollowUpView *self = LEDGER_FOLLOW_UP_VIEW (widget);
  AdwMessageDialog *dialog = form_new (self, FORM_ADD_SUB_ITEM, _("Add a Sub-item"),
                                       ledger_node_get_title (LEDGER_NODE (self->task)));

  form_entry (form_list (dialog), "title", _("Title"), "");
  form_entry (form_list (dialog), "note", _("Note"), "");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_units_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LedgerFollowUpView *self = LEDGER_FOLLOW_UP_VIEW (widget);
  AdwMessageDialog *dialog = form_new (self, FORM_UNITS, _("Lead and Supporting Units"),
                                       _("Separate several units with “、”."));
  g_autofree char *task_supporting = units_text (ledger_task_get_supporting_units (self->task));
  g_autofree char *supporting = units_text (ledger_indicator_get_supporting_units (self->indicator));

  form_entry (form_list (dialog), "lead", _("Lead Unit of the Task"), ledger_task_get_lead_unit (self->task));
  form_entry (form_list (dialog), "task-supporting", _("Supporting Units of the Task"), task_supporting);
  if (ledger_indicator_get_kind (self->indicator) != LEDGER_KIND_QUALITATIVE)
    form_entry (form_list (dialog), "supporting", _("Supporting Units of the Indicator"), supporting);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LedgerFollowUpView *self = LEDGER_FOLLOW_UP_VIEW (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  gboolean milestone = g_str_equal (action_name, "follow-up.remove-milestone");
  gboolean written = milestone ? ledger_store_delete_milestone (store_of (self), uuid, &error)
                               : ledger_store_delete_sub_item (store_of (self), uuid, &error);

  report (self, written, error, milestone ? _("Milestone removed") : _("Sub-item removed"));
}

static GtkWidget *
header_button_new (const char *label,
                   const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static AdwPreferencesGroup *
group_new (LedgerFollowUpView *self,
           const char         *title,
           const char         *button,
           const char         *action)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), header_button_new (button, action));
  gtk_box_append (GTK_BOX (self), group);
  return ADW_PREFERENCES_GROUP (group);
}

static void
ledger_follow_up_view_dispose (GObject *object)
{
  LedgerFollowUpView *self = LEDGER_FOLLOW_UP_VIEW (object);

  g_clear_object (&self->context);
  g_clear_object (&self->indicator);
  g_clear_object (&self->task);

  G_OBJECT_CLASS (ledger_follow_up_view_parent_class)->dispose (object);
}

static void
ledger_follow_up_view_class_init (LedgerFollowUpViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_follow_up_view_dispose;

  gtk_widget_class_install_action (widget_class, "follow-up.mark-done", "s", mark_done_action);
  gtk_widget_class_install_action (widget_class, "follow-up.remove-milestone", "s", remove_action);
  gtk_widget_class_install_action (widget_class, "follow-up.remove-sub-item", "s", remove_action);
  gtk_widget_class_install_action (widget_class, "follow-up.add-milestone", NULL, add_milestone_action);
  gtk_widget_class_install_action (widget_class, "follow-up.add-sub-item", NULL, add_sub_item_action);
  gtk_widget_class_install_action (widget_class, "follow-up.edit-units", NULL, edit_units_action);
}

static void
ledger_follow_up_view_init (LedgerFollowUpView *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 24);
}

typedef struct
{
  LedgerIndicator *indicator;
  LedgerTask      *task;
} TaskSearch;

static void
find_task_cb (LedgerNode      *area,
              LedgerNode      *task,
              LedgerIndicator *indicator,
              gpointer         user_data)
{
  TaskSearch *search = user_data;

  if (search->task == NULL && indicator == search->indicator)
    search->task = LEDGER_TASK (task);
}

static const char * const writing_actions[] = {
  "follow-up.mark-done", "follow-up.remove-milestone", "follow-up.remove-sub-item",
  "follow-up.add-milestone", "follow-up.add-sub-item", "follow-up.edit-units", NULL
};

/**
 * ledger_follow_up_view_new:
 * @plan: the plan that holds @indicator (and its task)
 *
 * Returns: (transfer floating): the follow-up of @indicator and its task
 */
GtkWidget *
ledger_follow_up_view_new (LedgerContext   *context,
                           LedgerPlan      *plan,
                           LedgerIndicator *indicator)
{
  LedgerFollowUpView *self;
  TaskSearch search = { indicator, NULL };
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LEDGER_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), NULL);

  ledger_plan_foreach_indicator (plan, find_task_cb, &search);
  self = g_object_new (LEDGER_TYPE_FOLLOW_UP_VIEW, NULL);
  self->context = g_object_ref (context);
  self->indicator = g_object_ref (indicator);
  self->task = search.task != NULL ? g_object_ref (search.task) : g_object_new (LEDGER_TYPE_TASK, NULL);
  if (search.task != NULL && !ledger_store_reload_follow_up (ledger_context_get_store (context), self->task,
                                                             indicator, &error))
    g_warning ("Could not read the follow-up: %s", error->message);

  self->units_group = group_new (self, _("Lead and Supporting Units"), _("Edit _Units…"), "follow-up.edit-units");
  self->milestones_group = group_new (self, _("Milestones"), _("Add _Milestone…"), "follow-up.add-milestone");
  self->sub_items_group = group_new (self, _("Sub-items of the Task"), _("Add _Sub-item…"), "follow-up.add-sub-item");
  show_units (self);
  show_milestones (self);
  show_sub_items (self);
  ledger_read_only_disable_actions (GTK_WIDGET (self), ledger_context_get_store (context), writing_actions);
  return GTK_WIDGET (self);
}
