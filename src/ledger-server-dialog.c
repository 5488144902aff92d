/* ledger-server-dialog.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-server-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-application.h"
#include "ledger-server-dialog.h"
#include "ledger-server-fields.h"
#include "ledger-server-login.h"
#include "ledger-toast.h"

/* Connect to Office Server…: host, port, database, user and password of
 * a ledger on the office's PostgreSQL server (docs/server.md). Connect
 * opens it in a worker, the window never waits; on success it replaces
 * the ledger of the window the dialog is for, and the location is
 * remembered without its password, which the keyring keeps if asked to.
 * A failure is told in the dialog, with the store's words. */
struct _LedgerServerDialog
{
  AdwWindow     parent_instance;

  LedgerServerFields *server_fields;
  AdwActionRow *remember_row;
  GtkSwitch    *remember_switch;
  GtkWidget    *error_group;
  GtkLabel     *error_label;
  GtkWidget    *flatpak_box;
  GtkLabel     *flatpak_command;
  GtkWidget    *connect_button;
  GtkWidget    *file_group;
  GtkWidget    *file_button;
  GtkSpinner   *spinner;

  GCancellable *cancellable;   /* cancelled when the dialog goes */
  gboolean      connecting;
};

G_DEFINE_FINAL_TYPE (LedgerServerDialog, ledger_server_dialog, ADW_TYPE_WINDOW)

/* What a worker tries: the connection string holds the password, and is
 * never shown nor kept. */
typedef struct
{
  char              *conninfo;
  LedgerServerLogin *login;
  char              *password;
  gboolean           remember;
  char              *keyring_problem;
} Attempt;

static void
attempt_free (Attempt *attempt)
{
  g_free (attempt->conninfo);
  g_clear_object (&attempt->login);
  g_free (attempt->password);
  g_free (attempt->keyring_problem);
  g_free (attempt);
}

static gboolean
can_connect (LedgerServerDialog *self)
{
  return !self->connecting && ledger_server_fields_is_complete (self->server_fields);
}

static void
fields_changed_cb (LedgerServerDialog *self)
{
  gtk_widget_set_sensitive (self->connect_button, can_connect (self));
}

/* While it tries, nothing is changed. */
static void
set_connecting (LedgerServerDialog *self,
                gboolean            connecting)
{
  self->connecting = connecting;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), connecting);
  gtk_spinner_set_spinning (self->spinner, connecting);
  ledger_server_fields_set_busy (self->server_fields, connecting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remember_switch), !connecting && ledger_server_login_has_keyring ());
  gtk_widget_set_sensitive (self->file_button, !connecting);
  fields_changed_cb (self);
}

/* A connection refused by a sandbox without network: the store cannot
 * say so, the dialog can. TARGET_LEDGER_FLATPAK_INFO stands for
 * /.flatpak-info in the tests. */
static gboolean
in_sandbox (void)
{
  const char *info = g_getenv ("TARGET_LEDGER_FLATPAK_INFO");

  return g_file_test (info != NULL ? info : "/.flatpak-info", G_FILE_TEST_EXISTS);
}

static gboolean
is_network_error (GError *error)
{
  if (g_error_matches (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_OFFLINE))
    return TRUE;
  return error->domain == G_IO_ERROR &&
         (error->code == G_IO_ERROR_HOST_UNREACHABLE || error->code == G_IO_ERROR_NETWORK_UNREACHABLE ||
          error->code == G_IO_ERROR_HOST_NOT_FOUND || error->code == G_IO_ERROR_CONNECTION_REFUSED ||
          error->code == G_IO_ERROR_TIMED_OUT);
}

static void
show_error (LedgerServerDialog *self,
            GError             *error)
{
  g_autoptr(GString) text = g_string_new (error->message);

  /* The store's own words: they name the server, never the password.
   * libpq indents its hint with a tab, which a label shows as a gap. */
  g_string_replace (text, "\n\t", "\n", 0);
  gtk_label_set_text (self->error_label, text->str);
  gtk_widget_set_visible (self->flatpak_box, in_sandbox () && is_network_error (error));
  gtk_widget_set_visible (self->error_group, TRUE);
}

static void
connect_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Attempt *attempt = task_data;
  g_autoptr(LedgerStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) keyring_error = NULL;

  if ((store = ledger_application_connect (attempt->conninfo, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!attempt->remember)
    ledger_server_login_clear_password (attempt->login, NULL, NULL);
  else if (attempt->password[0] != '\0' &&
           !ledger_server_login_store_password (attempt->login, attempt->password, NULL, &keyring_error))
    attempt->keyring_problem = g_strdup (keyring_error->message);
  g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
}

/* The new window says what the keyring could not do; the dialog is gone. */
static void
tell_keyring_problem (GtkWindow  *window,
                      const char *problem)
{
  g_autofree char *message = NULL;

  if (problem == NULL || window == NULL)
    return;
  message = g_strdup_printf (_("Connected, but the password is not remembered: %s"), problem);
  ledger_toast_show (GTK_WIDGET (window), message);
}

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LedgerServerDialog) self = LEDGER_SERVER_DIALOG (source);
  Attempt *attempt = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerStore) store = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *location = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkApplication *app = parent != NULL ? gtk_window_get_application (parent) : NULL;
  GtkWindow *window;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  set_connecting (self, FALSE);
  if (store == NULL)
    {
      show_error (self, error);
      return;
    }
  if (!LEDGER_IS_APPLICATION (app))
    return;
  location = ledger_server_login_build_conninfo (attempt->login, NULL);
  gtk_window_destroy (GTK_WINDOW (self));
  window = ledger_application_replace_ledger (LEDGER_APPLICATION (app), parent, store, location);
  tell_keyring_problem (window, attempt->keyring_problem);
}

static void
connect_clicked_cb (LedgerServerDialog *self)
{
  Attempt *attempt = g_new0 (Attempt, 1);
  g_autoptr(GTask) task = NULL;

  if (!can_connect (self))
    {
      attempt_free (attempt);
      return;
    }
  attempt->login = ledger_server_fields_dup_login (self->server_fields);
  attempt->password = g_strdup (ledger_server_fields_get_password (self->server_fields));
  attempt->conninfo = ledger_server_login_build_conninfo (attempt->login, attempt->password);
  attempt->remember = gtk_switch_get_active (self->remember_switch) && ledger_server_login_has_keyring ();

  gtk_widget_set_visible (self->error_group, FALSE);
  set_connecting (self, TRUE);
  task = g_task_new (g_object_ref (self), NULL, connected_cb, NULL);
  g_task_set_task_data (task, attempt, (GDestroyNotify) attempt_free);
  g_task_run_in_thread (task, connect_thread);
}

static void
use_file_clicked_cb (LedgerServerDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkApplication *app = parent != NULL ? gtk_window_get_application (parent) : NULL;
  g_autofree char *path = ledger_store_default_path ();

  g_object_ref (self);
  gtk_window_destroy (GTK_WINDOW (self));
  if (LEDGER_IS_APPLICATION (app))
    ledger_application_switch_ledger (LEDGER_APPLICATION (app), parent, path);
  g_object_unref (self);
}

/* The password the keyring keeps for the prefilled login, looked up in a
 * worker: the keyring may take its time to answer. */
static void
lookup_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  char *password = ledger_server_login_lookup_password (task_data, cancellable, NULL);

  g_task_return_pointer (task, password, g_free);
}

static void
looked_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LedgerServerDialog) self = LEDGER_SERVER_DIALOG (source);
  g_autofree char *password = g_task_propagate_pointer (G_TASK (result), NULL);

  if (password == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  if (ledger_server_fields_get_password (self->server_fields)[0] == '\0')
    ledger_server_fields_set_password (self->server_fields, password);
}

static void
prefill (LedgerServerDialog *self,
         const char         *location)
{
  g_autoptr(LedgerServerLogin) login = NULL;
  g_autoptr(GTask) task = NULL;

  if (!ledger_server_fields_fill_from_location (self->server_fields, location))
    return;
  if (!ledger_server_login_has_keyring ())
    return;
  /* The login as remembered, port and all: the keyring knows it so. */
  login = ledger_server_login_new_from_location (location);
  task = g_task_new (g_object_ref (self), self->cancellable, looked_up_cb, NULL);
  g_task_set_task_data (task, g_object_ref (login), g_object_unref);
  g_task_run_in_thread (task, lookup_thread);
}

static void
ledger_server_dialog_dispose (GObject *object)
{
  LedgerServerDialog *self = LEDGER_SERVER_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_SERVER_DIALOG);

  G_OBJECT_CLASS (ledger_server_dialog_parent_class)->dispose (object);
}

static void
ledger_server_dialog_finalize (GObject *object)
{
  LedgerServerDialog *self = LEDGER_SERVER_DIALOG (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ledger_server_dialog_parent_class)->finalize (object);
}

static void
ledger_server_dialog_class_init (LedgerServerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_server_dialog_dispose;
  object_class->finalize = ledger_server_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ledger-server-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerServerDialog, server_fields);
  gtk_widget_class_bind_template_child (widget_class, LedgerServerDialog, remember_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerServerDialog, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, LedgerServerDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerServerDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerServerDialog, flatpak_box);
  gtk_widget_class_bind_template_child (widget_class, LedgerServerDialog, flatpak_command);
  gtk_widget_class_bind_template_child (widget_class, LedgerServerDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerServerDialog, file_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerServerDialog, file_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerServerDialog, spinner);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, connect_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, use_file_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* Without a keyring, the password is asked for each time: the row says so. */
static void
show_keyring (LedgerServerDialog *self)
{
  if (ledger_server_login_has_keyring ())
    return;
  gtk_switch_set_active (self->remember_switch, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remember_row), FALSE);
  adw_action_row_set_subtitle (self->remember_row,
                               _("No keyring is available on this desktop: the password is not remembered"));
}

/* A command to type as shown: broken between lines where it must be,
 * without the hyphens Pango would add there. */
static void
no_hyphens (GtkLabel *label)
{
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));
  gtk_label_set_attributes (label, attributes);
  pango_attr_list_unref (attributes);
}

static void
ledger_server_dialog_init (LedgerServerDialog *self)
{
  self->cancellable = g_cancellable_new ();
  g_type_ensure (LEDGER_TYPE_SERVER_FIELDS);
  gtk_widget_init_template (GTK_WIDGET (self));
  no_hyphens (self->flatpak_command);
  show_keyring (self);
  fields_changed_cb (self);
}

/**
 * ledger_server_dialog_new:
 * @parent: the window whose ledger a connection replaces
 * @location: (nullable): a server's location to start from, the
 *   remembered one
 * @offer_file: whether to offer going back to a ledger file: from a
 *   window on the server only
 */
LedgerServerDialog *
ledger_server_dialog_new (GtkWindow  *parent,
                          const char *location,
                          gboolean    offer_file)
{
  LedgerServerDialog *self = g_object_new (LEDGER_TYPE_SERVER_DIALOG, "transient-for", parent, NULL);

  gtk_widget_set_visible (self->file_group, offer_file);
  if (location != NULL)
    prefill (self, location);
  /* What is remembered is typed no more: the cursor waits after it. */
  ledger_server_fields_focus_first_empty (self->server_fields);
  return self;
}

gboolean
ledger_server_dialog_is_connecting (LedgerServerDialog *self)
{
  g_return_val_if_fail (LEDGER_IS_SERVER_DIALOG (self), FALSE);
  return self->connecting;
}

/**
 * ledger_server_dialog_connect:
 * @password: (nullable): the password, one the user typed elsewhere (Copy
 *   Ledger…), or %NULL for the one in the dialog
 *
 * Connects as Connect does, with what the dialog was prefilled with.
 */
void
ledger_server_dialog_connect (LedgerServerDialog *self,
                              const char         *password)
{
  g_return_if_fail (LEDGER_IS_SERVER_DIALOG (self));

  if (password != NULL)
    ledger_server_fields_set_password (self->server_fields, password);
  connect_clicked_cb (self);
}
