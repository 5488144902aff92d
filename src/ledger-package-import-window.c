/* ledger-package-import-window.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-package-import-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-job-bar.h"
#include "ledger-package-import-window.h"
#include "ledger-toast.h"
#include "ledger-package-jobs.h"

/* Import Data Packages…: the packages of several responsible units read and
 * merged with the ledger in a worker thread, then shown before anything is
 * written: the packages, the values to add, the refused ones with their
 * reasons, and each conflict — the same cell with another value — with its
 * candidates to choose from. Nothing is overwritten unless chosen. Import
 * writes in one transaction (one step of undo), in the worker again. Both
 * jobs show in the job bar, with how far they have come and Cancel. */

#define MAX_LISTED 200

struct _LedgerPackageImportWindow
{
  AdwWindow            parent_instance;

  LedgerContext       *context;
  GCancellable        *cancellable;
  LedgerPackageMerge  *merge;     /* once read */
  GCancellable        *job;       /* the job running, from the job bar */
  GPtrArray           *choices;  /* per conflict: GPtrArray of GtkCheckButton, -1 last */
  gboolean             choosing;

  AdwWindowTitle      *window_title;
  GtkButton           *cancel_button;
  GtkButton           *import_button;
  GtkStack            *stack;
  AdwStatusPage       *failed_page;
  AdwPreferencesPage  *preview_page;
  AdwActionRow        *unresolved_row;
  LedgerJobBar        *job_bar;
};

G_DEFINE_FINAL_TYPE (LedgerPackageImportWindow, ledger_package_import_window, ADW_TYPE_WINDOW)

/* ---- the preview ------------------------------------------------------- */

static AdwPreferencesGroup *
add_group (LedgerPackageImportWindow *self,
           const char                *title,
           const char                *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (self->preview_page, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

/* Row titles and subtitles are markup in libadwaita 1.2. */
static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autofree char *subtitle_markup = g_markup_escape_text (subtitle != NULL ? subtitle : "", -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
  return row;
}

/* "新增城镇就业 · 潞州区 · 1-6月": a county's figure names the county, so
 * the city sees whose figure it files before it does. */
static char *
cell_title (LedgerImportRow *row)
{
  const char *period = ledger_import_row_get_period (row);
  g_autofree char *label = ledger_period_code_label (period);

  return g_strdup_printf (_("%s · %s"), ledger_import_row_get_subject (row), label != NULL ? label : period);
}

static void
show_packages (LedgerPackageImportWindow *self)
{
  AdwPreferencesGroup *group = add_group (self, _("Packages"), NULL);

  GPtrArray *packages = ledger_package_merge_get_packages (self->merge);

  for (guint i = 0; i < packages->len; i++)
    {
      LedgerPackage *package = g_ptr_array_index (packages, i);
      guint n = ledger_package_get_n_entries (package);
      g_autofree char *values = g_strdup_printf (ngettext ("%u value", "%u values", n), n);
      /* Translators: a package's file, the periods it covers and how many values it holds */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s to %s · %s"), ledger_package_get_file_name (package),
                                                   ledger_package_get_from (package),
                                                   ledger_package_get_to (package), values);

      adw_preferences_group_add (group, new_row (ledger_package_get_unit (package), subtitle));
    }
}

static GtkWidget *
count_row (const char *title,
           guint       count)
{
  GtkWidget *row = new_row (title, NULL);
  g_autofree char *text = g_strdup_printf ("%u", count);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static void
update_import_button (LedgerPackageImportWindow *self)
{
  LedgerPackageMerge *merge = self->merge;
  guint writes = ledger_package_merge_count_writes (merge);
  guint unresolved = ledger_package_merge_count_unresolved (merge);
  g_autofree char *label = g_strdup_printf (ngettext ("_Import %u Value", "_Import %u Values", writes), writes);
  g_autofree char *subtitle = g_strdup_printf (ngettext ("%u cell the packages disagree on stays empty until you choose",
                                                         "%u cells the packages disagree on stay empty until you choose",
                                                         unresolved), unresolved);

  gtk_button_set_label (self->import_button, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button),
                            writes > 0 || ledger_package_merge_get_files (merge)->added->len > 0);
  if (self->unresolved_row != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->unresolved_row), unresolved > 0);
      adw_action_row_set_subtitle (self->unresolved_row, subtitle);
    }
}

static void
show_summary (LedgerPackageImportWindow *self,
              LedgerPackageMerge        *merge)
{
  AdwPreferencesGroup *group = add_group (self, _("Summary"), NULL);

  adw_preferences_group_add (group, count_row (_("Values to add"), ledger_package_merge_get_n_added (merge)));
  adw_preferences_group_add (group, count_row (_("Already in the ledger"), ledger_package_merge_get_n_unchanged (merge)));
  adw_preferences_group_add (group, count_row (_("Conflicts"), ledger_package_merge_get_n_conflicts (merge)));
  adw_preferences_group_add (group, count_row (_("Refused"), ledger_package_merge_get_n_refused (merge)));
  adw_preferences_group_add (group, count_row (_("Evidence files to add"),
                                               ledger_package_merge_get_files (merge)->added->len));
  self->unresolved_row = ADW_ACTION_ROW (new_row (_("Not yet chosen"), NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->unresolved_row), "warning");
  adw_preferences_group_add (group, GTK_WIDGET (self->unresolved_row));
}

static void
choice_toggled_cb (GtkCheckButton            *button,
                   LedgerPackageImportWindow *self)
{
  guint conflict = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "conflict"));
  int candidate = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "candidate"));

  if (!gtk_check_button_get_active (button) || self->choosing)
    return;
  ledger_package_merge_choose (self->merge, conflict, candidate);
  update_import_button (self);
}

static char *
candidate_subtitle (const LedgerImportCandidate *candidate)
{
  if (candidate->in_ledger && candidate->origin[0] != '\0')
    /* Translators: the ledger holds this value, and these packages give it too */
    return g_strdup_printf (_("In the ledger, and in %s"), candidate->origin);
  if (candidate->in_ledger)
    return g_strdup (_("In the ledger now"));
  return g_strdup (candidate->origin);
}

static GtkWidget *
choice_row (LedgerPackageImportWindow *self,
            GPtrArray                 *buttons,
            guint                      conflict,
            int                        candidate,
            const char                *title,
            const char                *subtitle)
{
  GtkWidget *row = new_row (title, subtitle);
  GtkWidget *button = gtk_check_button_new ();

  if (buttons->len > 0)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (button), g_ptr_array_index (buttons, 0));
  g_object_set_data (G_OBJECT (button), "conflict", GUINT_TO_POINTER (conflict));
  g_object_set_data (G_OBJECT (button), "candidate", GINT_TO_POINTER (candidate));
  g_signal_connect_object (button, "toggled", G_CALLBACK (choice_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  g_ptr_array_add (buttons, button);
  return row;
}

static void
show_conflict (LedgerPackageImportWindow *self,
               AdwPreferencesGroup       *group,
               guint                      index,
               LedgerImportRow           *conflict)
{
  GtkWidget *expander = adw_expander_row_new ();
  GPtrArray *buttons = g_ptr_array_new ();
  g_autofree char *title = cell_title (conflict);
  g_autofree char *markup = g_markup_escape_text (title, -1);
  gboolean ledger_has_value = FALSE;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), markup);
  /* libadwaita 1.2 names the expander's header, not the row around it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), index < 10);
  for (guint c = 0; c < ledger_import_row_get_n_candidates (conflict); c++)
    {
      const LedgerImportCandidate *candidate = ledger_import_row_get_candidate (conflict, c);
      g_autofree char *value = ledger_indicator_describe_value (ledger_import_row_get_indicator (conflict),
                                                                candidate->value);
      g_autofree char *subtitle = candidate_subtitle (candidate);

      ledger_has_value |= candidate->in_ledger;
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                choice_row (self, buttons, index, (int) c, value, subtitle));
    }
  /* Packages that disagree on an empty cell: it may stay empty. */
  if (!ledger_has_value)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                              choice_row (self, buttons, index, -1, _("Leave it empty"),
                                          _("Ask the units which figure is right")));
  g_ptr_array_add (self->choices, buttons);
  adw_preferences_group_add (group, expander);
}

static void
sync_choices (LedgerPackageImportWindow *self)
{
  LedgerPackageMerge *merge = self->merge;

  self->choosing = TRUE;
  for (guint i = 0; i < self->choices->len; i++)
    {
      GPtrArray *buttons = g_ptr_array_index (self->choices, i);
      int chosen = ledger_import_row_get_chosen (ledger_package_merge_get_conflict (merge, i));

      for (guint b = 0; b < buttons->len; b++)
        {
          GtkCheckButton *button = g_ptr_array_index (buttons, b);

          if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "candidate")) == chosen)
            gtk_check_button_set_active (button, TRUE);
        }
    }
  self->choosing = FALSE;
  update_import_button (self);
}

static void
show_conflicts (LedgerPackageImportWindow *self,
                LedgerPackageMerge        *merge)
{
  guint n = ledger_package_merge_get_n_conflicts (merge);
  AdwPreferencesGroup *group;

  if (n == 0)
    return;
  group = add_group (self, _("Conflicts"),
                     _("The same cell with another value. Nothing is overwritten unless you choose it."));
  for (guint i = 0; i < n; i++)
    show_conflict (self, group, i, ledger_package_merge_get_conflict (merge, i));
  sync_choices (self);
}

static void
add_more_row (AdwPreferencesGroup *group,
              guint                n,
              guint                shown)
{
  g_autofree char *more = NULL;

  if (n <= shown)
    return;
  more = g_strdup_printf (ngettext ("and %u more", "and %u more", n - shown), n - shown);
  adw_preferences_group_add (group, new_row (more, NULL));
}

static void
show_refused (LedgerPackageImportWindow *self,
              LedgerPackageMerge        *merge)
{
  guint n = ledger_package_merge_get_n_refused (merge);
  AdwPreferencesGroup *group;

  if (n == 0)
    return;
  group = add_group (self, _("Refused"), _("These values are left out."));
  for (guint i = 0; i < MIN (n, MAX_LISTED); i++)
    {
      LedgerImportRow *refusal = ledger_package_merge_get_refused (merge, i);
      g_autofree char *title = g_strdup_printf (_("%s · %s"), ledger_import_row_get_subject (refusal),
                                                ledger_import_row_get_period (refusal));
      GtkWidget *row = new_row (title, ledger_import_row_get_reason (refusal));

      gtk_widget_add_css_class (row, "error");
      adw_preferences_group_add (group, row);
    }
  add_more_row (group, n, MAX_LISTED);
}

static void
show_added (LedgerPackageImportWindow *self,
            LedgerPackageMerge        *merge)
{
  guint n = ledger_package_merge_get_n_added (merge);
  AdwPreferencesGroup *group;

  if (n == 0)
    return;
  group = add_group (self, _("Values to Add"), NULL);
  for (guint i = 0; i < MIN (n, MAX_LISTED); i++)
    {
      LedgerImportRow *row = ledger_package_merge_get_added (merge, i);
      g_autofree char *title = cell_title (row);
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), ledger_import_row_get_new_text (row),
                                                   ledger_import_row_get_origin (row));

      adw_preferences_group_add (group, new_row (title, subtitle));
    }
  add_more_row (group, n, MAX_LISTED);
}

static void
show_preview (LedgerPackageImportWindow *self)
{
  LedgerPackageMerge *merge = self->merge;

  show_packages (self);
  show_summary (self, merge);
  show_conflicts (self, merge);
  show_refused (self, merge);
  show_added (self, merge);
  update_import_button (self);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

/* ---- the steps --------------------------------------------------------- */

static void
show_failed (LedgerPackageImportWindow *self,
             const char                *message)
{
  adw_status_page_set_description (self->failed_page, message);
  gtk_stack_set_visible_child_name (self->stack, "failed");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  gtk_button_set_label (self->cancel_button, _("_Close"));
}

static gboolean
is_closed (LedgerPackageImportWindow *self)
{
  return g_cancellable_is_cancelled (self->cancellable);
}

/* Returns: (transfer full): the progress to give the job */
static LedgerJobProgress *
start_job (LedgerPackageImportWindow *self,
           const char                *title)
{
  LedgerJobProgress *progress = ledger_job_progress_new ();

  gtk_stack_set_visible_child_name (self->stack, "working");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  /* The job bar's Cancel is the one while it runs. */
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  self->job = ledger_job_bar_start (self->job_bar, title, progress);
  return progress;
}

static void
stop_job (LedgerPackageImportWindow *self)
{
  if (self->job_bar != NULL)
    {
      ledger_job_bar_stop (self->job_bar, self->job);
      gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), TRUE);
    }
  self->job = NULL;
}

static gboolean
was_cancelled (GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
applied_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LedgerPackageImportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n = ledger_package_merge_count_writes (self->merge);
  g_autofree char *message = NULL;

  g_application_release (g_application_get_default ());
  stop_job (self);
  if (!ledger_package_merge_apply_finish (self->merge, result, &error))
    {
      if (is_closed (self))
        return;
      if (was_cancelled (error))
        {
          /* Nothing was written: the preview again, as it was. */
          gtk_stack_set_visible_child_name (self->stack, "preview");
          update_import_button (self);
        }
      else
        show_failed (self, error->message);
      return;
    }
  message = g_strdup_printf (ngettext ("Imported %u value", "Imported %u values", n), n);
  ledger_toast_show_undo (GTK_WIDGET (self), message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
import_clicked_cb (LedgerPackageImportWindow *self)
{
  g_autoptr(LedgerJobProgress) progress = start_job (self, _("Importing…"));

  g_application_hold (g_application_get_default ());
  /* Closing the window does not stop it: once begun, it is one
   * transaction, which the job bar's Cancel rolls back. */
  ledger_package_merge_apply_async (self->merge, ledger_context_get_store (self->context), progress, self->job,
                                    applied_cb, g_object_ref (self));
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LedgerPackageImportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LedgerPackageMerge) merge = ledger_package_merge_load_finish (result, &error);

  stop_job (self);
  if (is_closed (self))
    return;
  if (merge == NULL && was_cancelled (error))
    gtk_window_close (GTK_WINDOW (self));
  else if (merge == NULL)
    show_failed (self, error->message);
  else
    {
      self->merge = g_steal_pointer (&merge);
      show_preview (self);
    }
}

/* ---- class ------------------------------------------------------------- */

static gboolean
ledger_package_import_window_close_request (GtkWindow *window)
{
  LedgerPackageImportWindow *self = LEDGER_PACKAGE_IMPORT_WINDOW (window);

  /* Reading stops with the window; an import goes on (import_clicked_cb()). */
  if (self->merge == NULL && self->job != NULL)
    g_cancellable_cancel (self->job);
  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (ledger_package_import_window_parent_class)->close_request (window);
}

static void
ledger_package_import_window_dispose (GObject *object)
{
  LedgerPackageImportWindow *self = LEDGER_PACKAGE_IMPORT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_PACKAGE_IMPORT_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ledger_package_import_window_parent_class)->dispose (object);
}

/* The merge is freed last: a job still running in the worker holds a
 * reference to the window until it finishes. */
static void
ledger_package_import_window_finalize (GObject *object)
{
  LedgerPackageImportWindow *self = LEDGER_PACKAGE_IMPORT_WINDOW (object);

  g_clear_object (&self->merge);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ledger_package_import_window_parent_class)->finalize (object);
}

static void
ledger_package_import_window_class_init (LedgerPackageImportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_package_import_window_dispose;
  object_class->finalize = ledger_package_import_window_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = ledger_package_import_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
    RESOURCE_PREFIX "/ledger-package-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerPackageImportWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LedgerPackageImportWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerPackageImportWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerPackageImportWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LedgerPackageImportWindow, failed_page);
  gtk_widget_class_bind_template_child (widget_class, LedgerPackageImportWindow, preview_page);
  gtk_widget_class_bind_template_child (widget_class, LedgerPackageImportWindow, job_bar);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
}

static void
ledger_package_import_window_init (LedgerPackageImportWindow *self)
{
  g_type_ensure (LEDGER_TYPE_JOB_BAR);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
}

/* ---- public API -------------------------------------------------------- */

/**
 * ledger_package_import_window_new:
 * @files: (element-type GFile): the packages; reading them starts at once
 */
LedgerPackageImportWindow *
ledger_package_import_window_new (GtkWindow     *parent,
                                  LedgerContext *context,
                                  GListModel    *files)
{
  LedgerPackageImportWindow *self;
  guint n;
  g_autofree char *subtitle = NULL;
  g_autoptr(LedgerJobProgress) progress = NULL;

  g_return_val_if_fail (LEDGER_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (files), NULL);

  self = g_object_new (LEDGER_TYPE_PACKAGE_IMPORT_WINDOW, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  n = g_list_model_get_n_items (files);
  subtitle = g_strdup_printf (ngettext ("%u package", "%u packages", n), n);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  progress = start_job (self, _("Reading the Packages…"));
  ledger_package_merge_load_async (ledger_context_get_store (context), files,
                                   &ledger_context_get_tolerances (context)->checks, progress, self->job,
                                   loaded_cb, g_object_ref (self));
  return self;
}

/* Returns: "working", "failed" or "preview" */
const char *
ledger_package_import_window_get_state (LedgerPackageImportWindow *self)
{
  g_return_val_if_fail (LEDGER_IS_PACKAGE_IMPORT_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/* Returns: (transfer none) (nullable): the merge, once read */
LedgerPackageMerge *
ledger_package_import_window_get_merge (LedgerPackageImportWindow *self)
{
  g_return_val_if_fail (LEDGER_IS_PACKAGE_IMPORT_WINDOW (self), NULL);
  return self->merge;
}

/* Chooses, as a click on its row would, a conflict's candidate (or -1). */
void
ledger_package_import_window_choose (LedgerPackageImportWindow *self,
                                     guint                      conflict,
                                     int                        candidate)
{
  g_return_if_fail (LEDGER_IS_PACKAGE_IMPORT_WINDOW (self));
  g_return_if_fail (conflict < self->choices->len);

  ledger_package_merge_choose (self->merge, conflict, candidate);
  sync_choices (self);
}
