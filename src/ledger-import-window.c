/* ledger-import-window.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-import-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-accessible.h"
#include "ledger-csv.h"
#include "ledger-import-window.h"
#include "ledger-preview-row.h"
#include "ledger-toast.h"

/* Import Values…: a CSV file read in a worker thread (with progress and
 * Cancel), then a preview of what it would do — the values to add, the
 * values it changes (old → new) and the rows refused, each with its reason
 * — and, on Import, the values written in one transaction, again in the
 * worker. Closing the window before Import writes nothing; closing it
 * while the import is written cancels it unless it has committed. */

struct _LedgerImportWindow
{
  AdwWindow           parent_instance;

  LedgerContext      *context;
  GFile              *file;
  GBytes             *bytes;
  LedgerCsvImport    *import;
  GCancellable       *cancellable;
  GtkCustomFilter    *filter;
  LedgerImportAction  shown;
  guint               progress_source;

  AdwWindowTitle     *window_title;
  GtkButton          *cancel_button;
  GtkButton          *import_button;
  GtkStack           *stack;
  AdwStatusPage      *working_page;
  GtkProgressBar     *progress_bar;
  AdwStatusPage      *failed_page;
  GtkToggleButton    *add_toggle;
  GtkToggleButton    *change_toggle;
  GtkToggleButton    *refused_toggle;
  GtkLabel           *summary_label;
  GtkLabel           *changed_label;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
};

G_DEFINE_FINAL_TYPE (LedgerImportWindow, ledger_import_window, ADW_TYPE_WINDOW)

/* ---- the rows of the preview ------------------------------------------ */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_box_append (GTK_BOX (text), ledger_preview_label_new ("heading", FALSE));
  gtk_box_append (GTK_BOX (text), ledger_preview_label_new (NULL, TRUE));
  gtk_list_item_set_child (item, ledger_preview_row_new (text));
  gtk_list_item_set_activatable (item, FALSE);
}

static char *
row_detail (LedgerImportRow *row)
{
  switch (ledger_import_row_get_action (row))
    {
    case LEDGER_IMPORT_CHANGE:
      /* Translators: the ledger's value and the file's that replaces it */
      return g_strdup_printf (_("%s → %s"), ledger_import_row_get_old_text (row),
                              ledger_import_row_get_new_text (row));
    case LEDGER_IMPORT_REFUSED:
      return g_strdup (ledger_import_row_get_reason (row));
    case LEDGER_IMPORT_ADD:
    case LEDGER_IMPORT_UNCHANGED:
    case LEDGER_IMPORT_N_ACTIONS:
    default:
      return g_strdup (ledger_import_row_get_new_text (row));
    }
}

static char *
row_title (LedgerImportRow *row)
{
  const char *period = ledger_import_row_get_period (row);
  g_autofree char *label = ledger_period_code_label (period);
  const char *written;

  if (period == NULL || period[0] == '\0')
    return g_strdup (ledger_import_row_get_subject (row));
  written = ledger_import_row_get_written_period (row);
  if (written != NULL && !g_str_equal (written, period) && g_strcmp0 (written, label) != 0)
    /* Translators: an indicator, the period as the file wrote it and as
     * the ledger reads it, "新增城镇就业 · 上半年 → 1-6月" */
    return g_strdup_printf (_("%s · %s → %s"), ledger_import_row_get_subject (row), written,
                            label != NULL ? label : period);
  /* Translators: an indicator and a period, "新增城镇就业 · 1-5月" */
  return g_strdup_printf (_("%s · %s"), ledger_import_row_get_subject (row),
                          label != NULL ? label : period);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  LedgerImportRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *text = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_first_child (text);
  GtkWidget *detail = gtk_widget_get_next_sibling (title);
  g_autofree char *title_text = row_title (row);
  g_autofree char *detail_text = row_detail (row);
  g_autofree char *line_text = g_strdup_printf (_("Line %u"), ledger_import_row_get_line (row));
  g_autofree char *description = g_strconcat (detail_text, " · ", line_text, NULL);
  gboolean refused = ledger_import_row_get_action (row) == LEDGER_IMPORT_REFUSED;

  gtk_label_set_text (GTK_LABEL (title), title_text);
  gtk_label_set_text (GTK_LABEL (detail), detail_text);
  ledger_preview_row_set_line (box, line_text);
  ledger_accessible_name_list_item (box, title_text, description);
  if (refused)
    gtk_widget_add_css_class (detail, "error");
  else
    gtk_widget_remove_css_class (detail, "error");
}

static gboolean
row_is_shown (gpointer item,
              gpointer user_data)
{
  LedgerImportWindow *self = user_data;

  return ledger_import_row_get_action (item) == self->shown;
}

static void
set_up_list (LedgerImportWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkFilterListModel *filtered;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_clear_object (&self->filter);
  self->filter = gtk_custom_filter_new (row_is_shown, self, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (ledger_csv_import_get_rows (self->import)),
                                        g_object_ref (GTK_FILTER (self->filter)));
  selection = gtk_no_selection_new (G_LIST_MODEL (filtered));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
}

/* ---- the steps --------------------------------------------------------- */

/* Closed: a job that finishes afterwards (it may have finished just before
 * the cancel) has nothing left to show. */
static gboolean
is_closed (LedgerImportWindow *self)
{
  return g_cancellable_is_cancelled (self->cancellable);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  LedgerImportWindow *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, ledger_csv_import_get_fraction (self->import));
  return G_SOURCE_CONTINUE;
}

static void
show_working (LedgerImportWindow *self,
              const char         *title)
{
  adw_status_page_set_title (self->working_page, title);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "working");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  if (self->progress_source == 0)
    self->progress_source = g_timeout_add (100, update_progress_cb, self);
}

static void
stop_progress (LedgerImportWindow *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
}

static void
show_failed (LedgerImportWindow *self,
             const char         *message)
{
  stop_progress (self);
  adw_status_page_set_description (self->failed_page, message);
  gtk_stack_set_visible_child_name (self->stack, "failed");
  gtk_button_set_label (self->cancel_button, _("_Close"));
}

static void
label_toggle (GtkToggleButton *toggle,
              const char      *text,
              guint            count)
{
  g_autofree char *label = g_strdup_printf ("%s (%u)", text, count);

  gtk_button_set_label (GTK_BUTTON (toggle), label);
  gtk_widget_set_sensitive (GTK_WIDGET (toggle), count > 0);
}

/* The refused rows beyond those listed, "… and 999900 more lines refused",
 * or "" */
static char *
unlisted_text (LedgerImportWindow *self)
{
  guint unlisted = ledger_csv_import_count_unlisted (self->import);

  if (unlisted == 0)
    return g_strdup ("");
  return g_strdup_printf (ngettext ("… and %u more line refused\n", "… and %u more lines refused\n",
                                    unlisted), unlisted);
}

static char *
summary_text (LedgerImportWindow *self)
{
  guint unchanged = ledger_csv_import_count (self->import, LEDGER_IMPORT_UNCHANGED);
  g_autofree char *counted = g_strdup_printf (ngettext ("%u value is already in the ledger",
                                                        "%u values are already in the ledger", unchanged),
                                              unchanged);
  /* Translators: "UTF-8 · 12 values are already in the ledger" */
  g_autofree char *text = g_strdup_printf (_("%s · %s"), ledger_csv_import_get_encoding (self->import),
                                           counted);
  g_autofree char *unlisted = unlisted_text (self);

  if (ledger_csv_import_count (self->import, LEDGER_IMPORT_REFUSED) == 0)
    return g_steal_pointer (&text);
  return g_strdup_printf ("%s\n%s%s", text, unlisted,
                          _("Refused rows are left out: correct them in the file and import it again."));
}

static void
show_preview (LedgerImportWindow *self)
{
  guint added = ledger_csv_import_count (self->import, LEDGER_IMPORT_ADD);
  guint changed = ledger_csv_import_count (self->import, LEDGER_IMPORT_CHANGE);
  guint refused = ledger_csv_import_count (self->import, LEDGER_IMPORT_REFUSED);
  g_autofree char *import_label = g_strdup_printf (ngettext ("_Import %u Value", "_Import %u Values",
                                                             added + changed), added + changed);
  g_autofree char *summary = summary_text (self);

  stop_progress (self);
  /* Only now: the worker thread filled the rows, and a list model may
   * only be watched from the thread that changes it. */
  set_up_list (self);
  label_toggle (self->add_toggle, _("To Add"), added);
  label_toggle (self->change_toggle, _("To Change"), changed);
  label_toggle (self->refused_toggle, _("Refused"), refused);
  gtk_label_set_text (self->summary_label, summary);
  gtk_button_set_label (self->import_button, import_label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), added + changed > 0);

  /* Problems first. */
  ledger_import_window_show_rows (self, refused > 0 ? LEDGER_IMPORT_REFUSED
                                        : changed > 0 ? LEDGER_IMPORT_CHANGE : LEDGER_IMPORT_ADD);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

static void read_bytes (LedgerImportWindow *self);

/* The ledger changed since the preview (another window, another import):
 * nothing was written; the file is read again against the ledger as it
 * is now, and the new preview says why. */
static void
read_again (LedgerImportWindow *self,
            const char         *message)
{
  g_autofree char *notice = g_strdup_printf ("%s\n%s", message,
                                             _("The file was read again: check the values and import again."));

  gtk_label_set_text (self->changed_label, notice);
  gtk_widget_set_visible (GTK_WIDGET (self->changed_label), TRUE);
  /* The worker changes the rows: nothing may watch them meanwhile. */
  gtk_list_view_set_model (self->list_view, NULL);
  show_working (self, _("Reading the File…"));
  read_bytes (self);
}

static void
applied_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LedgerImportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n_values;
  g_autofree char *message = NULL;

  /* Finished first, whatever happened meanwhile: an import that committed
   * just as the window closed is the window's store's to show and undo. */
  g_application_release (g_application_get_default ());
  if (!ledger_csv_import_apply_finish (self->import, result, &error))
    {
      if (is_closed (self))
        return;
      if (g_error_matches (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_CHANGED))
        read_again (self, error->message);
      else
        show_failed (self, error->message);
      return;
    }
  stop_progress (self);
  n_values = ledger_csv_import_count (self->import, LEDGER_IMPORT_ADD) +
             ledger_csv_import_count (self->import, LEDGER_IMPORT_CHANGE);
  message = g_strdup_printf (ngettext ("Imported %u value", "Imported %u values", n_values), n_values);
  ledger_toast_show_undo (GTK_WIDGET (self), message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
import_clicked_cb (LedgerImportWindow *self)
{
  show_working (self, _("Importing…"));
  /* The application stays until the import is written. */
  g_application_hold (g_application_get_default ());
  ledger_csv_import_apply_async (self->import, ledger_context_get_store (self->context),
                                 self->cancellable, applied_cb, g_object_ref (self));
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(LedgerImportWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (is_closed (self))
    return;
  if (!ledger_csv_import_read_finish (self->import, result, &error))
    {
      show_failed (self, error->message);
      return;
    }
  show_preview (self);
}

static void
read_bytes (LedgerImportWindow *self)
{
  ledger_csv_import_read_async (self->import, ledger_context_get_store (self->context), self->bytes,
                                self->cancellable, read_cb, g_object_ref (self));
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LedgerImportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = ledger_csv_read_file_finish (G_FILE (source), result, &error);

  if (is_closed (self))
    return;
  if (bytes == NULL)
    {
      show_failed (self, error->message);
      return;
    }
  /* Kept to read again if the ledger changes before Import. */
  self->bytes = g_steal_pointer (&bytes);
  read_bytes (self);
}

/* The year of periods written without one: that of the "as of" period. */
static int
as_of_year (LedgerContext *context)
{
  LedgerPeriod period;

  return ledger_period_parse (ledger_context_get_as_of (context), &period) ? period.year : 0;
}

static void
start (LedgerImportWindow *self)
{
  g_autofree char *name = g_file_get_basename (self->file);

  adw_window_title_set_subtitle (self->window_title, name);
  self->import = ledger_csv_import_new (name);
  ledger_csv_import_set_default_year (self->import, as_of_year (self->context));
  ledger_csv_import_set_check_limits (self->import, &ledger_context_get_tolerances (self->context)->checks);
  show_working (self, _("Reading the File…"));
  /* Never more than a CSV file can be: /dev/zero or a pipe chosen by
   * mistake is said at once. */
  ledger_csv_read_file_async (self->file, self->cancellable, loaded_cb, g_object_ref (self));
}

/* ---- callbacks and class ----------------------------------------------- */

static void
cancel_clicked_cb (LedgerImportWindow *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
filter_toggled_cb (LedgerImportWindow *self,
                   GtkToggleButton    *toggle)
{
  if (!gtk_toggle_button_get_active (toggle))
    return;
  if (toggle == self->add_toggle)
    ledger_import_window_show_rows (self, LEDGER_IMPORT_ADD);
  else if (toggle == self->change_toggle)
    ledger_import_window_show_rows (self, LEDGER_IMPORT_CHANGE);
  else
    ledger_import_window_show_rows (self, LEDGER_IMPORT_REFUSED);
}

/* Whatever is running stops; a cancelled write leaves the ledger as it
 * was. */
static gboolean
ledger_import_window_close_request (GtkWindow *window)
{
  LedgerImportWindow *self = LEDGER_IMPORT_WINDOW (window);

  g_cancellable_cancel (self->cancellable);
  stop_progress (self);
  return GTK_WINDOW_CLASS (ledger_import_window_parent_class)->close_request (window);
}

static void
ledger_import_window_dispose (GObject *object)
{
  LedgerImportWindow *self = LEDGER_IMPORT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  stop_progress (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_IMPORT_WINDOW);
  g_clear_object (&self->filter);
  g_clear_object (&self->import);
  g_clear_object (&self->file);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ledger_import_window_parent_class)->dispose (object);
}

static void
ledger_import_window_finalize (GObject *object)
{
  LedgerImportWindow *self = LEDGER_IMPORT_WINDOW (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ledger_import_window_parent_class)->finalize (object);
}

static void
ledger_import_window_class_init (LedgerImportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ledger_import_window_dispose;
  object_class->finalize = ledger_import_window_finalize;
  window_class->close_request = ledger_import_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ledger-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerImportWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportWindow, working_page);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportWindow, failed_page);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportWindow, add_toggle);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportWindow, change_toggle);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportWindow, refused_toggle);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportWindow, changed_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, LedgerImportWindow, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_toggled_cb);
}

static void
ledger_import_window_init (LedgerImportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/* ---- public API -------------------------------------------------------- */

/**
 * ledger_import_window_new:
 * @file: the CSV file; reading it starts at once
 */
LedgerImportWindow *
ledger_import_window_new (GtkWindow     *parent,
                          LedgerContext *context,
                          GFile         *file)
{
  LedgerImportWindow *self;

  g_return_val_if_fail (LEDGER_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (LEDGER_TYPE_IMPORT_WINDOW, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->file = g_object_ref (file);
  start (self);
  return self;
}

LedgerCsvImport *
ledger_import_window_get_import (LedgerImportWindow *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_WINDOW (self), NULL);
  return self->import;
}

/* Returns: "working", "failed" or "preview" */
const char *
ledger_import_window_get_state (LedgerImportWindow *self)
{
  g_return_val_if_fail (LEDGER_IS_IMPORT_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/* Lists the rows to add, to change or refused. */
void
ledger_import_window_show_rows (LedgerImportWindow *self,
                                LedgerImportAction  action)
{
  GtkToggleButton *toggles[] = { self->add_toggle, self->change_toggle, NULL, self->refused_toggle };
  static const char *empty_titles[] = { N_("No Values to Add"), N_("No Values to Change"), NULL,
                                        N_("No Rows Refused") };

  g_return_if_fail (LEDGER_IS_IMPORT_WINDOW (self));
  g_return_if_fail (action != LEDGER_IMPORT_UNCHANGED && action < LEDGER_IMPORT_N_ACTIONS);

  self->shown = action;
  gtk_toggle_button_set_active (toggles[action], TRUE);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  adw_status_page_set_title (self->empty_page, _(empty_titles[action]));
  gtk_stack_set_visible_child_name (self->list_stack,
                                    ledger_csv_import_count (self->import, action) > 0 ? "list" : "empty");
}
