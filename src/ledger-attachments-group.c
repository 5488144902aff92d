/* ledger-attachments-group.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-attachments-group"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "ledger-accessible.h"
#include "ledger-attachments-group.h"
#include "ledger-read-only.h"
#include "ledger-settings.h"
#include "ledger-store-jobs.h"
#include "ledger-toast.h"

/* 佐证材料 of an indicator (docs/attachments.md): a row for each file
 * attached to one of its periods, with its name, period, size, type and
 * date, a button to open it with the desktop's application and one to
 * remove it (with Undo). Files come in through Add… (a file chooser, to
 * the period picked beside it) or dropped onto the page; each is copied
 * into the ledger in a worker thread while a spinner turns. */

struct _LedgerAttachmentsGroup
{
  AdwPreferencesGroup  parent_instance;

  LedgerContext       *context;
  LedgerPlan          *plan;
  LedgerIndicator     *indicator;
  GPtrArray           *rows;
  GPtrArray           *periods;    /* the indicator's period codes */
  GtkDropDown         *period_picker;
  GtkButton           *add_button;
  GtkSpinner          *spinner;
  guint                n_adding;
};

G_DEFINE_FINAL_TYPE (LedgerAttachmentsGroup, ledger_attachments_group, ADW_TYPE_PREFERENCES_GROUP)

static LedgerStore *
store_of (LedgerAttachmentsGroup *self)
{
  return ledger_context_get_store (self->context);
}

/* ---- the rows ------------------------------------------------------- */

static GtkWidget *
icon_button_new (const char *icon,
                 const char *label,
                 const char *action,
                 const char *uuid)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uuid);
  return button;
}

/* "1-6月 · 292.9 kB · PDF 文档 · 2026-12-02" */
static char *
row_subtitle (LedgerAttachment *attachment)
{
  g_autofree char *period = ledger_period_code_label (ledger_attachment_get_period (attachment));
  g_autofree char *size = g_format_size (ledger_attachment_get_size (attachment));
  g_autofree char *type = g_content_type_from_mime_type (ledger_attachment_get_media_type (attachment));
  g_autofree char *description = g_content_type_get_description (type != NULL ? type : "application/octet-stream");
  g_autofree char *date = g_strndup (ledger_attachment_get_added_at (attachment), 10);

  return g_strjoin (" · ", period, size, description, date, NULL);
}

static GtkWidget *
row_new (LedgerAttachment *attachment)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = row_subtitle (attachment);
  g_autofree char *type = g_content_type_from_mime_type (ledger_attachment_get_media_type (attachment));
  g_autoptr(GIcon) icon = g_content_type_get_symbolic_icon (type != NULL ? type : "application/octet-stream");
  const char *uuid = ledger_attachment_get_uuid (attachment);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ledger_attachment_get_name (attachment));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_gicon (icon));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button_new ("document-open-symbolic", _("Open"), "attachments.open", uuid));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button_new ("user-trash-symbolic", _("Remove"), "attachments.remove", uuid));
  g_object_set_data_full (G_OBJECT (row), "attachment", g_object_ref (attachment), g_object_unref);
  return row;
}

static void
show_attachments (LedgerAttachmentsGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attachments = ledger_store_list_attachments (store_of (self),
                                                                    ledger_indicator_get_id (self->indicator),
                                                                    NULL, &error);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  if (attachments == NULL)
    {
      g_warning ("Attachments not listed: %s", error->message);
      return;
    }
  for (guint i = 0; i < attachments->len; i++)
    {
      GtkWidget *row = row_new (g_ptr_array_index (attachments, i));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         attachments->len == 0
                                         ? _("No file backs these figures yet. Add one, or drop it here.")
                                         : NULL);
}

static LedgerAttachment *
attachment_of_uuid (LedgerAttachmentsGroup *self,
                    const char             *uuid)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      LedgerAttachment *attachment = g_object_get_data (g_ptr_array_index (self->rows, i), "attachment");

      if (g_str_equal (ledger_attachment_get_uuid (attachment), uuid))
        return attachment;
    }
  return NULL;
}

/* ---- adding --------------------------------------------------------- */

/* What the window needs when the store's job is over. */
typedef struct
{
  char           *path;
  GtkWidget      *widget;
  GDestroyNotify  done;
  gpointer        done_data;
} AddJob;

static void
add_job_free (AddJob *job)
{
  g_free (job->path);
  g_clear_object (&job->widget);
  g_free (job);
}

static void
added_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AddJob *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (job->path);
  g_autofree char *message = NULL;
  g_autoptr(LedgerAttachment) attachment = ledger_store_add_attachment_finish (LEDGER_STORE (source), result,
                                                                               &error);

  if (attachment == NULL)
    ledger_toast_show (job->widget, error->message);
  else
    {
      /* Translators: a toast, the file's name */
      message = g_strdup_printf (_("Attached “%s”"), name);
      ledger_toast_show (job->widget, message);
    }
  if (job->done != NULL)
    job->done (job->done_data);
  add_job_free (job);
}

/**
 * ledger_attachments_attach_async:
 * @widget: where a toast says how it went
 * @done: (nullable): called when it is over, whatever the outcome
 *
 * Copies the file at @path into the ledger, attached to the indicator's
 * @period, in a worker thread, within the size limit of the settings.
 */
void
ledger_attachments_attach_async (LedgerStore    *store,
                                 gint64          indicator_id,
                                 const char     *period,
                                 const char     *path,
                                 GtkWidget      *widget,
                                 GDestroyNotify  done,
                                 gpointer        done_data)
{
  g_autoptr(GSettings) settings = ledger_settings_new_if_installed ();
  AddJob *job = g_new0 (AddJob, 1);

  job->path = g_strdup (path);
  job->widget = g_object_ref (widget);
  job->done = done;
  job->done_data = done_data;
  /* The job is freed by added_cb. */
  ledger_store_add_attachment_async (store, indicator_id, period, path, ledger_settings_attachment_limit (settings),
                                     NULL, NULL, added_cb, job);
}

static void
set_adding (LedgerAttachmentsGroup *self,
            int                     change)
{
  self->n_adding += change;
  gtk_spinner_set_spinning (self->spinner, self->n_adding > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->n_adding > 0);
}

static void
adding_done (gpointer user_data)
{
  set_adding (user_data, -1);
}

static const char *
picked_period (LedgerAttachmentsGroup *self)
{
  guint picked = gtk_drop_down_get_selected (self->period_picker);

  return picked < self->periods->len ? g_ptr_array_index (self->periods, picked) : NULL;
}

/**
 * ledger_attachments_group_add_file:
 * @path: a file on this computer
 *
 * Copies the file into the ledger, attached to the period picked, in a
 * worker thread; says in a toast why it was refused, if it is.
 */
void
ledger_attachments_group_add_file (LedgerAttachmentsGroup *self,
                                   const char             *path)
{
  g_return_if_fail (LEDGER_IS_ATTACHMENTS_GROUP (self));
  g_return_if_fail (path != NULL);

  if (picked_period (self) == NULL || ledger_store_is_read_only (store_of (self)))
    return;
  set_adding (self, 1);
  ledger_attachments_attach_async (store_of (self), ledger_indicator_get_id (self->indicator),
                                   picked_period (self), path, GTK_WIDGET (self), adding_done, self);
}

static void
chosen_cb (GtkNativeDialog        *chooser,
           int                     response,
           LedgerAttachmentsGroup *self)
{
  g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

  for (guint i = 0; response == GTK_RESPONSE_ACCEPT && i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        ledger_attachments_group_add_file (self, path);
    }
  g_object_unref (chooser);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LedgerAttachmentsGroup *self = LEDGER_ATTACHMENTS_GROUP (widget);
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Attach Evidence"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));

  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
drop_file_cb (const char *path,
              gpointer    user_data)
{
  ledger_attachments_group_add_file (user_data, path);
}

/**
 * ledger_attachments_group_accept_drops_on:
 * @widget: a widget a file may be dropped onto: the page
 */
void
ledger_attachments_group_accept_drops_on (LedgerAttachmentsGroup *self,
                                          GtkWidget              *widget)
{
  ledger_attachments_accept_drops (widget, drop_file_cb, self);
}

typedef struct
{
  LedgerDroppedFunc func;
  gpointer          user_data;
} Drop;

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         Drop          *drop)
{
  gboolean any = FALSE;

  for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);

      if (path != NULL)
        drop->func (path, drop->user_data), any = TRUE;
    }
  return any;
}

/**
 * ledger_attachments_accept_drops:
 * @func: called with the path of each file dropped onto @widget
 *
 * Lets files be dropped onto @widget (the indicator's page, the entry
 * dialog), as long as @user_data lives: it is the widget or one of its
 * descendants.
 */
void
ledger_attachments_accept_drops (GtkWidget         *widget,
                                 LedgerDroppedFunc  func,
                                 gpointer           user_data)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  Drop *drop = g_new0 (Drop, 1);

  drop->func = func;
  drop->user_data = user_data;
  g_signal_connect_data (target, "drop", G_CALLBACK (drop_cb), drop, (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (target));
}

/* ---- opening and removing ------------------------------------------ */

/* A copy in the cache, named as it was, for the desktop's application
 * (through the portal in the Flatpak). */
static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LedgerAttachmentsGroup *self = LEDGER_ATTACHMENTS_GROUP (widget);
  LedgerAttachment *attachment = attachment_of_uuid (self, g_variant_get_string (parameter, NULL));
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;

  if (attachment == NULL)
    return;
  folder = g_build_filename (g_get_user_cache_dir (), "target-ledger", "attachments",
                             ledger_attachment_get_sha256 (attachment), NULL);
  name = ledger_attachment_safe_name (ledger_attachment_get_name (attachment));
  path = g_build_filename (folder, name, NULL);
  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      (!g_file_test (path, G_FILE_TEST_IS_REGULAR) &&
       !ledger_store_save_attachment (store_of (self), attachment, path, &error)))
    {
      ledger_toast_show (widget, error != NULL ? error->message : g_strerror (errno));
      return;
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (widget)), uri, GDK_CURRENT_TIME);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LedgerAttachmentsGroup *self = LEDGER_ATTACHMENTS_GROUP (widget);
  LedgerAttachment *attachment = attachment_of_uuid (self, g_variant_get_string (parameter, NULL));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;

  if (attachment == NULL)
    return;
  name = g_strdup (ledger_attachment_get_name (attachment));
  if (!ledger_store_remove_attachment (store_of (self), g_variant_get_string (parameter, NULL), &error))
    {
      ledger_toast_show (widget, error->message);
      return;
    }
  /* Translators: a toast with Undo, the file's name */
  message = g_strdup_printf (_("Removed “%s”"), name);
  ledger_toast_show_undo (widget, message);
}

/* ---- the group ------------------------------------------------------ */

static void
context_changed_cb (LedgerAttachmentsGroup *self,
                    gint64                  indicator_id)
{
  if (indicator_id == 0 || indicator_id == ledger_indicator_get_id (self->indicator))
    show_attachments (self);
}

/* The period Add… attaches to first: the latest the indicator has reached
 * as of the window's period. */
static guint
default_period (LedgerAttachmentsGroup *self)
{
  LedgerPeriod as_of, period;
  guint chosen = 0;

  if (!ledger_period_parse (ledger_context_get_as_of (self->context), &as_of))
    return 0;
  for (guint i = 0; i < self->periods->len; i++)
    if (ledger_period_parse (g_ptr_array_index (self->periods, i), &period) &&
        period.year * 12 + ledger_period_end_month (&period) <= as_of.year * 12 + ledger_period_end_month (&as_of))
      chosen = i;
  return chosen;
}

static void
build_header (LedgerAttachmentsGroup *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->periods = ledger_frequency_periods (ledger_indicator_get_frequency (self->indicator),
                                            ledger_plan_get_first_year (self->plan),
                                            ledger_plan_get_last_year (self->plan));
  for (guint i = 0; i < self->periods->len; i++)
    {
      g_autofree char *label = ledger_period_code_label (g_ptr_array_index (self->periods, i));

      gtk_string_list_append (labels, label);
    }
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  self->period_picker = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL));
  gtk_drop_down_set_selected (self->period_picker, default_period (self));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->period_picker), _("The period the files back"));
  ledger_accessible_name_drop_down (self->period_picker, _("The period the files back"));
  self->add_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Add…")));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "attachments.add");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->period_picker));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->add_button));
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), box);
}

static void
ledger_attachments_group_dispose (GObject *object)
{
  LedgerAttachmentsGroup *self = LEDGER_ATTACHMENTS_GROUP (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->plan);
  g_clear_object (&self->indicator);

  G_OBJECT_CLASS (ledger_attachments_group_parent_class)->dispose (object);
}

static void
ledger_attachments_group_class_init (LedgerAttachmentsGroupClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ledger_attachments_group_dispose;
  gtk_widget_class_install_action (widget_class, "attachments.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "attachments.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "attachments.remove", "s", remove_action);
}

static void
ledger_attachments_group_init (LedgerAttachmentsGroup *self)
{
  self->rows = g_ptr_array_new ();
}

static const char * const writing_actions[] = { "attachments.add", "attachments.remove", NULL };

LedgerAttachmentsGroup *
ledger_attachments_group_new (LedgerContext   *context,
                              LedgerPlan      *plan,
                              LedgerIndicator *indicator)
{
  LedgerAttachmentsGroup *self;

  g_return_val_if_fail (LEDGER_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), NULL);

  self = g_object_new (LEDGER_TYPE_ATTACHMENTS_GROUP, "title", _("Evidence"), NULL);
  self->context = g_object_ref (context);
  self->plan = g_object_ref (plan);
  self->indicator = g_object_ref (indicator);
  build_header (self);
  ledger_read_only_disable_actions (GTK_WIDGET (self), store_of (self), writing_actions);
  show_attachments (self);
  g_signal_connect_object (context, "changed", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

/* Returns: how many files are listed */
guint
ledger_attachments_group_get_n_attachments (LedgerAttachmentsGroup *self)
{
  g_return_val_if_fail (LEDGER_IS_ATTACHMENTS_GROUP (self), 0);
  return self->rows->len;
}

/* Returns: (transfer none): the attachment of the row at @index */
LedgerAttachment *
ledger_attachments_group_get_attachment (LedgerAttachmentsGroup *self,
                                         guint                   index)
{
  g_return_val_if_fail (LEDGER_IS_ATTACHMENTS_GROUP (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return g_object_get_data (g_ptr_array_index (self->rows, index), "attachment");
}
