/* ledger-units-window.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-units-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-store-jobs.h"
#include "ledger-units-window.h"

/* Responsible Units…: the shown plan's units, how many indicators each
 * answers for and whether the office confirmed it. A unit is renamed (or
 * merged into another, by giving it that one's name) and confirmed for all
 * its indicators at once; each change is one step of the main window's
 * undo, offered in a toast. */
struct _LedgerUnitsWindow
{
  AdwWindow            parent_instance;

  LedgerStore         *store;
  LedgerPlan          *plan;
  GPtrArray           *units;   /* LedgerUnitUse, as last listed */
  GPtrArray           *rows;
  /* The states and the Confirm / Unconfirm buttons: one width down the
   * list, so that the Rename… buttons line up. */
  GtkSizeGroup        *states;
  GtkSizeGroup        *confirms;

  AdwToastOverlay     *toast_overlay;
  AdwPreferencesGroup *group;
};

G_DEFINE_FINAL_TYPE (LedgerUnitsWindow, ledger_units_window, ADW_TYPE_WINDOW)

/* What the rename dialog works on, freed with it. */
typedef struct
{
  LedgerUnitsWindow *self;
  char              *from;
  GtkEditable       *entry;
  GtkLabel          *hint;
} Rename;

static void
rename_free (Rename *rename)
{
  g_object_unref (rename->self);
  g_free (rename->from);
  g_free (rename);
}

static const LedgerUnitUse *
find_unit (LedgerUnitsWindow *self,
           const char        *name)
{
  for (guint i = 0; self->units != NULL && i < self->units->len; i++)
    {
      const LedgerUnitUse *use = g_ptr_array_index (self->units, i);

      if (g_str_equal (use->name, name))
        return use;
    }
  return NULL;
}

/* A change is one step of the main window's undo: its toast offers it. */
static void
add_undo_toast (LedgerUnitsWindow *self,
                const char        *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "units.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  gtk_widget_activate_action (GTK_WIDGET (parent), "win.undo", NULL);
}

static void
show_error (LedgerUnitsWindow *self,
            const char        *heading,
            const char        *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The name typed, as the store will take it: without spaces around. */
static char *
typed_name (Rename *rename)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (rename->entry)));
}

/* Renaming to a unit the plan has merges the two: the dialog says so
 * before, and its button says what it will do. */
static void
rename_changed_cb (AdwMessageDialog *dialog)
{
  Rename *rename = g_object_get_data (G_OBJECT (dialog), "rename");
  g_autofree char *name = typed_name (rename);
  const LedgerUnitUse *other = find_unit (rename->self, name);
  gboolean merge = other != NULL && !g_str_equal (name, rename->from);

  adw_message_dialog_set_response_enabled (dialog, "rename",
                                           name[0] != '\0' && !g_str_equal (name, rename->from));
  adw_message_dialog_set_response_label (dialog, "rename", merge ? _("_Merge") : _("_Rename"));
  gtk_widget_set_visible (GTK_WIDGET (rename->hint), merge);
  if (merge)
    {
      g_autofree char *text = NULL;

      /* Translators: the unit typed, and how many indicators it has */
      text = g_strdup_printf (ngettext ("Will be merged with “%s”, which answers for %u indicator",
                                        "Will be merged with “%s”, which answers for %u indicators",
                                        other->n_indicators),
                              other->name, other->n_indicators);
      gtk_label_set_text (rename->hint, text);
    }
}

/* A rename running in a worker, and what its toast says once done. */
typedef struct
{
  LedgerUnitsWindow *self;
  char              *done;
} RenameJob;

static void
renamed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  RenameJob *job = user_data;
  g_autoptr(GError) error = NULL;

  gboolean renamed = ledger_store_rename_unit_finish (LEDGER_STORE (source), result, &error);

  g_application_release (g_application_get_default ());
  if (job->self->toast_overlay == NULL)  /* closed meanwhile */
    ;
  else if (!renamed)
    show_error (job->self, _("The Unit Was Not Renamed"), error->message);
  else
    add_undo_toast (job->self, job->done);
  g_object_unref (job->self);
  g_free (job->done);
  g_free (job);
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response)
{
  Rename *rename = g_object_get_data (G_OBJECT (dialog), "rename");
  LedgerUnitsWindow *self = rename->self;
  g_autofree char *name = typed_name (rename);
  RenameJob *job;

  if (!g_str_equal (response, "rename"))
    return;
  job = g_new0 (RenameJob, 1);
  job->self = g_object_ref (self);
  if (find_unit (self, name) != NULL)
    job->done = g_strdup_printf (_("Merged “%s” into “%s”"), rename->from, name);
  else
    job->done = g_strdup_printf (_("Renamed “%s” to “%s”"), rename->from, name);
  /* Every indicator of the unit, in a worker; the application stays until it is written. */
  g_application_hold (g_application_get_default ());
  ledger_store_rename_unit_async (self->store, self->plan, rename->from, name, NULL, NULL, renamed_cb, job);
}

static GtkWidget *
rename_fields_new (Rename *rename)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *hint = gtk_label_new (NULL);

  gtk_editable_set_text (GTK_EDITABLE (entry), rename->from);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("New name"), -1);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_justify (GTK_LABEL (hint), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (hint, "warning");
  gtk_widget_set_visible (hint, FALSE);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), hint);
  rename->entry = GTK_EDITABLE (entry);
  rename->hint = GTK_LABEL (hint);
  return box;
}

static void
rename_clicked_cb (GtkButton         *button,
                   LedgerUnitsWindow *self)
{
  const LedgerUnitUse *use = g_object_get_data (G_OBJECT (button), "unit");
  Rename *rename = g_new0 (Rename, 1);
  g_autofree char *heading = g_strdup_printf (_("Rename “%s”"), use->name);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (ngettext ("Its %u indicator in this plan gets the new name. A unit the plan "
                                    "has already is merged with it.",
                                    "Its %u indicators in this plan get the new name. A unit the plan "
                                    "has already is merged with it.", use->n_indicators),
                          use->n_indicators);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  rename->self = g_object_ref (self);
  rename->from = g_strdup (use->name);
  g_object_set_data_full (G_OBJECT (dialog), "rename", rename, (GDestroyNotify) rename_free);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), rename_fields_new (rename));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "rename", _("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (rename->entry, "changed", G_CALLBACK (rename_changed_cb), dialog,
                           G_CONNECT_SWAPPED);
  g_signal_connect (dialog, "response", G_CALLBACK (rename_response_cb), NULL);
  rename_changed_cb (ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_editable_select_region (rename->entry, 0, -1);
}

static gboolean
is_confirmed (const LedgerUnitUse *use)
{
  return use->n_confirmed == use->n_indicators;
}

static void
confirm_clicked_cb (GtkButton         *button,
                    LedgerUnitsWindow *self)
{
  const LedgerUnitUse *use = g_object_get_data (G_OBJECT (button), "unit");
  g_autofree char *name = g_strdup (use->name);
  gboolean confirm = !is_confirmed (use);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  /* The store says the plan changed: the rows, and @use, are made anew. */
  if (!ledger_store_confirm_unit (self->store, self->plan, name, confirm, &error))
    {
      show_error (self, _("The Unit Was Not Changed"), error->message);
      return;
    }
  if (confirm)
    message = g_strdup_printf (_("Confirmed “%s”"), name);
  else
    message = g_strdup_printf (_("“%s” is unconfirmed again"), name);
  add_undo_toast (self, message);
}

static GtkWidget *
row_button_new (const char          *label,
                const char          *accessible_format,
                const LedgerUnitUse *use,
                GCallback            clicked,
                LedgerUnitsWindow   *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);
  g_autofree char *accessible = g_strdup_printf (accessible_format, use->name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data (G_OBJECT (button), "unit", (gpointer) use);
  g_signal_connect_object (button, "clicked", clicked, self, 0);
  return button;
}

/* "3 indicators", or "3 indicators, 1 confirmed" when a merge left the
 * unit confirmed for some of them only. */
static char *
describe_indicators (const LedgerUnitUse *use)
{
  g_autofree char *count = g_strdup_printf (ngettext ("%u indicator", "%u indicators", use->n_indicators),
                                            use->n_indicators);

  if (use->n_confirmed == 0 || is_confirmed (use))
    return g_steal_pointer (&count);
  /* Translators: "3 indicators, 1 confirmed" */
  return g_strdup_printf (_("%s, %u confirmed"), count, use->n_confirmed);
}

/* …and the tasks it leads and what it supports: "3 indicators · leads 1
 * task · supports 2". */
static char *
describe_use (const LedgerUnitUse *use)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *indicators = describe_indicators (use);

  if (use->n_indicators > 0)
    g_string_append (text, indicators);
  if (use->n_tasks > 0)
    g_string_append_printf (text, ngettext ("%sleads %u task", "%sleads %u tasks", use->n_tasks),
                            text->len > 0 ? " · " : "", use->n_tasks);
  if (use->n_supporting > 0)
    g_string_append_printf (text, ngettext ("%ssupports %u", "%ssupports %u", use->n_supporting),
                            text->len > 0 ? " · " : "", use->n_supporting);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
unit_row_new (LedgerUnitsWindow   *self,
              const LedgerUnitUse *use)
{
  gboolean confirmed = is_confirmed (use);
  g_autofree char *subtitle = describe_use (use);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *state = gtk_label_new (confirmed ? _("Confirmed") : _("Unconfirmed"));
  GtkWidget *rename = row_button_new (_("Re_name…"), _("Rename %s"), use, G_CALLBACK (rename_clicked_cb), self);
  GtkWidget *confirm = confirmed
    ? row_button_new (_("_Unconfirm"), _("Unconfirm %s"), use, G_CALLBACK (confirm_clicked_cb), self)
    : row_button_new (_("_Confirm"), _("Confirm %s"), use, G_CALLBACK (confirm_clicked_cb), self);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), use->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (state, confirmed ? "success" : "warning");
  gtk_label_set_xalign (GTK_LABEL (state), 1);
  gtk_size_group_add_widget (self->states, state);
  gtk_size_group_add_widget (self->confirms, confirm);
  gtk_widget_set_name (rename, "rename");
  gtk_widget_set_name (confirm, "confirm");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), rename);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), confirm);
  /* Only a responsible unit is confirmed; one that supports only is not. */
  gtk_widget_set_visible (state, use->n_indicators > 0);
  gtk_widget_set_visible (confirm, use->n_indicators > 0);
  return row;
}

static void
fill (LedgerUnitsWindow *self)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->units, g_ptr_array_unref);

  adw_preferences_group_set_title (self->group, ledger_node_get_title (LEDGER_NODE (self->plan)));
  if ((self->units = ledger_store_list_units (self->store, self->plan, &error)) == NULL)
    {
      g_warning ("Could not list the responsible units: %s", error->message);
      return;
    }
  for (guint i = 0; i < self->units->len; i++)
    g_ptr_array_add (self->rows, unit_row_new (self, g_ptr_array_index (self->units, i)));
  if (self->units->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No indicator of this plan names a responsible unit"));
      g_ptr_array_add (self->rows, row);
    }
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_add (self->group, g_ptr_array_index (self->rows, i));
}

static void
ledger_units_window_dispose (GObject *object)
{
  LedgerUnitsWindow *self = LEDGER_UNITS_WINDOW (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_object (&self->plan);
  g_clear_object (&self->store);
  g_clear_object (&self->states);
  g_clear_object (&self->confirms);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_UNITS_WINDOW);

  G_OBJECT_CLASS (ledger_units_window_parent_class)->dispose (object);
}

static void
ledger_units_window_class_init (LedgerUnitsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_units_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/targetledger/TargetLedger/ledger-units-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerUnitsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LedgerUnitsWindow, group);
  gtk_widget_class_install_action (widget_class, "units.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "units.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ledger_units_window_init (LedgerUnitsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->states = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->confirms = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
}

/* The rows follow the plan: after a change here, an undo, or any other
 * change of the plan. @parent is the main window, whose win.undo takes
 * the changes back. */
LedgerUnitsWindow *
ledger_units_window_new (GtkWindow   *parent,
                         LedgerStore *store,
                         LedgerPlan  *plan)
{
  LedgerUnitsWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LEDGER_IS_STORE (store), NULL);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), NULL);

  self = g_object_new (LEDGER_TYPE_UNITS_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->plan = g_object_ref (plan);
  g_signal_connect_object (store, "plans-changed", G_CALLBACK (fill), self, G_CONNECT_SWAPPED);
  fill (self);
  return self;
}
