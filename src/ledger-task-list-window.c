/* ledger-task-list-window.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-task-list-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-accessible.h"
#include "ledger-deadline.h"
#include "ledger-pace-text.h"
#include "ledger-preview-row.h"
#include "ledger-store-jobs.h"
#include "ledger-task-list-window.h"
#include "ledger-toast.h"

/* Import Plan… of a 清单 spreadsheet: the file read in a thread, then a
 * preview — the plan's title, code and year, the column each field is
 * taken from (a dropdown each; the rows are read again on a change), and
 * every row as the indicator it becomes, or refused with its reason.
 * Import adds the plan in one transaction, and only when no row is
 * refused. Closing the window adds nothing. */

struct _LedgerTaskListWindow
{
  AdwWindow             parent_instance;

  LedgerStore          *store;
  GFile                *file;
  LedgerTaskList       *list;
  GCancellable         *cancellable;
  AdwComboRow          *column_rows[LEDGER_TASK_N_FIELDS];
  gboolean              updating;

  AdwWindowTitle       *window_title;
  GtkButton            *import_button;
  GtkStack             *stack;
  AdwStatusPage        *failed_page;
  AdwEntryRow          *title_row;
  AdwEntryRow          *code_row;
  GtkSpinButton        *year_button;
  AdwPreferencesGroup  *columns_group;
  GtkLabel             *summary_label;
  GtkListView          *list_view;
};

G_DEFINE_FINAL_TYPE (LedgerTaskListWindow, ledger_task_list_window, ADW_TYPE_WINDOW)

enum { PLAN_ADDED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *field_labels[LEDGER_TASK_N_FIELDS] = {
  N_("Number"), N_("Area"), N_("Area’s short title"), N_("Task"), N_("Task’s text"),
  N_("Indicator"), N_("Target in words"), N_("Target value"), N_("Unit"), N_("Lead unit"),
  N_("Supporting units"), N_("Deadlines"), N_("Notes"), N_("Indicator code"), N_("Kind"),
  N_("Comparator"), N_("Better direction"), N_("Commitment"), N_("Frequency"), N_("Pace profile"),
  N_("Monthly shares"), N_("Month due"), N_("January"), N_("Unit confirmed"), N_("Milestones done"),
  N_("Task’s lead unit"), N_("Task’s supporting units"), N_("Task’s deadlines"), N_("Task’s milestones done"),
  N_("Sub-items"),
};

static const char *kind_labels[] = {
  N_("Cumulative total (序时进度 applies)"), N_("Growth rate"), N_("Level or share"), N_("Qualitative task"),
};

/* ---- the rows of the preview ------------------------------------------ */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_box_append (GTK_BOX (text), ledger_preview_label_new ("dim-label", FALSE));
  gtk_box_append (GTK_BOX (text), ledger_preview_label_new ("heading", TRUE));
  gtk_box_append (GTK_BOX (text), ledger_preview_label_new (NULL, TRUE));
  gtk_list_item_set_child (item, ledger_preview_row_new (text));
  gtk_list_item_set_activatable (item, FALSE);
}

static void
append_part (GString    *detail,
             const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (detail->len > 0)
    g_string_append (detail, " · ");
  g_string_append (detail, part);
}

/* Each deadline's date, those of one part ("每季度末") together, then
 * its words. */
static void
append_deadlines (GString *detail,
                  GArray  *deadlines)
{
  for (guint i = 0; i < deadlines->len;)
    {
      const LedgerDeadline *deadline = &g_array_index (deadlines, LedgerDeadline, i);
      g_autoptr(GString) dates = g_string_new (NULL);
      g_autofree char *part = NULL;

      for (; i < deadlines->len &&
             g_str_equal (g_array_index (deadlines, LedgerDeadline, i).words, deadline->words); i++)
        {
          g_autofree char *date = ledger_deadline_format (&g_array_index (deadlines, LedgerDeadline, i).date);

          g_string_append_printf (dates, "%s%s", dates->len > 0 ? ", " : "", date);
        }
      /* Translators: a deadline: its dates and the words that say what is due */
      part = g_strdup_printf (_("due %s (%s)"), dates->str, deadline->words);
      append_part (detail, part);
    }
}

/* What the row becomes: its target, kind, units and deadlines. */
static char *
row_detail (LedgerTaskRow *row)
{
  g_autoptr(LedgerIndicator) indicator = ledger_task_row_to_indicator (row, "");
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *target = ledger_indicator_dup_target_text (indicator);
  g_autofree char *supporting = g_strjoinv ("、", (char **) ledger_task_row_get_supporting (row));
  g_autofree char *lead = NULL;
  g_autofree char *with = NULL;
  LedgerKind kind = ledger_task_row_get_kind (row);

  if (kind != LEDGER_KIND_QUALITATIVE)
    append_part (detail, target);
  append_part (detail, _(kind_labels[kind]));
  append_part (detail, ledger_pace_text_commitment (ledger_task_row_get_commitment (row)));
  if (*ledger_task_row_get_lead (row) != '\0')
    append_part (detail, lead = g_strdup_printf (_("lead: %s"), ledger_task_row_get_lead (row)));
  if (*supporting != '\0')
    append_part (detail, with = g_strdup_printf (_("with: %s"), supporting));
  append_deadlines (detail, ledger_task_row_get_deadlines (row));
  return g_strdup (detail->str);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  LedgerTaskRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *place = gtk_widget_get_first_child (gtk_widget_get_first_child (box));
  GtkWidget *name = gtk_widget_get_next_sibling (place);
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  const char *reason = ledger_task_row_get_reason (row);
  g_autofree char *place_text = g_strdup_printf ("%s › %s", ledger_task_row_get_area (row),
                                                 ledger_task_row_get_task (row));
  g_autofree char *detail_text = reason != NULL ? g_strdup (reason) : row_detail (row);
  g_autofree char *line_text = g_strdup_printf (_("Row %u"), ledger_task_row_get_line (row));

  gtk_label_set_text (GTK_LABEL (place), place_text);
  gtk_label_set_text (GTK_LABEL (name), ledger_task_row_get_name (row));
  gtk_label_set_text (GTK_LABEL (detail), detail_text);
  ledger_preview_row_set_line (box, line_text);
  ledger_accessible_name_list_item (box, ledger_task_row_get_name (row), detail_text);
  if (reason != NULL)
    gtk_widget_add_css_class (detail, "error");
  else
    gtk_widget_remove_css_class (detail, "error");
}

static void
set_up_list (LedgerTaskListWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  selection = gtk_no_selection_new (g_object_ref (ledger_task_list_get_rows (self->list)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
}

/* ---- the columns -------------------------------------------------------- */

/* "A", "B" … "Z", "AA": a column's letter as spreadsheets name it. */
static char *
column_letter (guint column)
{
  GString *letters = g_string_new (NULL);

  for (column++; column > 0; column = (column - 1) / 26)
    g_string_prepend_c (letters, 'A' + (column - 1) % 26);
  return g_string_free (letters, FALSE);
}

static GListModel *
column_choices (LedgerTaskList *list)
{
  GtkStringList *choices = gtk_string_list_new (NULL);
  guint n_columns = ledger_sheet_get_n_columns (ledger_task_list_get_sheet (list));

  gtk_string_list_append (choices, _("Not used"));
  for (guint column = 0; column < n_columns; column++)
    {
      g_autofree char *letter = column_letter (column);
      g_autofree char *choice = g_strdup_printf ("%s · %s", letter,
                                                 ledger_task_list_get_column_title (list, column));

      gtk_string_list_append (choices, choice);
    }
  return G_LIST_MODEL (choices);
}

static void
show_summary (LedgerTaskListWindow *self)
{
  guint n_refused = ledger_task_list_count_refused (self->list);
  guint n_areas, n_tasks, n_indicators;
  g_autofree char *text = NULL;

  ledger_task_list_count_nodes (self->list, &n_areas, &n_tasks, &n_indicators);
  if (n_refused > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u row is refused: correct it in the file, or take the fields from other columns",
                                         "%u rows are refused: correct them in the file, or take the fields from other columns",
                                         n_refused), n_refused);
  else
    text = g_strdup_printf (_("The plan will have %u areas, %u tasks and %u indicators"),
                            n_areas, n_tasks, n_indicators);
  gtk_label_set_text (self->summary_label, text);
  if (n_refused > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), n_refused == 0 && n_indicators > 0);
}

/* The dropdowns show the columns as the list takes them now. */
static void
show_columns (LedgerTaskListWindow *self)
{
  self->updating = TRUE;
  for (guint field = 0; field < LEDGER_TASK_N_FIELDS; field++)
    adw_combo_row_set_selected (self->column_rows[field], ledger_task_list_get_column (self->list, field) + 1);
  self->updating = FALSE;
  show_summary (self);
}

static void
column_selected_cb (AdwComboRow          *row,
                    GParamSpec           *pspec,
                    LedgerTaskListWindow *self)
{
  LedgerTaskField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "field"));

  if (self->updating)
    return;
  ledger_task_list_set_column (self->list, field, (int) adw_combo_row_get_selected (row) - 1);
  show_columns (self);
}

static void
add_column_rows (LedgerTaskListWindow *self)
{
  g_autoptr(GListModel) choices = column_choices (self->list);
  g_autofree char *header = g_strdup_printf (_("The header is row %u"),
                                             ledger_sheet_get_row_number (ledger_task_list_get_sheet (self->list),
                                                                          ledger_task_list_get_header_row (self->list)));

  adw_preferences_group_set_description (self->columns_group, header);
  for (guint field = 0; field < LEDGER_TASK_N_FIELDS; field++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field_labels[field]));
      adw_combo_row_set_model (row, choices);
      g_object_set_data (G_OBJECT (row), "field", GUINT_TO_POINTER (field));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (column_selected_cb), self, 0);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      self->column_rows[field] = row;
    }
}

/* ---- the steps --------------------------------------------------------- */

static void
show_preview (LedgerTaskListWindow *self)
{
  g_autofree char *code = ledger_task_list_dup_code (self->list);
  int year = ledger_task_list_get_year (self->list);
  g_autofree char *title = *ledger_task_list_get_title (self->list) != '\0'
                           ? g_strdup (ledger_task_list_get_title (self->list))
                           : g_strdup_printf (_("%d Task List"), year);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), code);
  self->updating = TRUE;
  gtk_spin_button_set_value (self->year_button, year);
  self->updating = FALSE;
  add_column_rows (self);
  set_up_list (self);
  show_columns (self);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(LedgerTaskListWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  LedgerTaskList *list = ledger_task_list_new_finish (result, &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_object (&list);
      return;
    }
  if (list == NULL)
    {
      adw_status_page_set_description (self->failed_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "failed");
      return;
    }
  self->list = list;
  show_preview (self);
}

static void
year_changed_cb (LedgerTaskListWindow *self)
{
  if (self->updating || self->list == NULL)
    return;
  ledger_task_list_set_year (self->list, gtk_spin_button_get_value_as_int (self->year_button));
  show_summary (self);
}

static void
import_failed (LedgerTaskListWindow *self,
               const GError         *error)
{
  gtk_label_set_text (self->summary_label, error->message);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), TRUE);
}

static void
plan_added_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(LedgerTaskListWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_store_add_plans_finish (LEDGER_STORE (source), result, &error);
  g_autofree char *message = NULL;
  LedgerPlan *plan;

  if (plans == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        import_failed (self, error);
      return;
    }
  plan = g_ptr_array_index (plans, 0);
  message = g_strdup_printf (_("Added the plan “%s”"), ledger_node_get_title (LEDGER_NODE (plan)));
  ledger_toast_show (GTK_WIDGET (self), message);
  g_signal_emit (self, signals[PLAN_ADDED], 0, ledger_plan_get_code (plan));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The plan made of the list is added in a worker; the window stays until
 * it is in the ledger, or says why not. */
static void
import_clicked_cb (LedgerTaskListWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  LedgerPlan *plan;
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  const char *code = gtk_editable_get_text (GTK_EDITABLE (self->code_row));
  int year = ledger_task_list_get_year (self->list);
  int last_year = ledger_task_list_get_last_year (self->list);

  if ((plan = ledger_task_list_build_plan (self->list, code, title, year, last_year, &error)) == NULL)
    {
      import_failed (self, error);
      return;
    }
  g_ptr_array_add (plans, plan);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  ledger_store_add_plans_async (self->store, plans, NULL, NULL, plan_added_cb, g_object_ref (self));
}

/* ---- the window -------------------------------------------------------- */

static void
ledger_task_list_window_dispose (GObject *object)
{
  LedgerTaskListWindow *self = LEDGER_TASK_LIST_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_TASK_LIST_WINDOW);

  G_OBJECT_CLASS (ledger_task_list_window_parent_class)->dispose (object);
}

static void
ledger_task_list_window_finalize (GObject *object)
{
  LedgerTaskListWindow *self = LEDGER_TASK_LIST_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->list);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ledger_task_list_window_parent_class)->finalize (object);
}

static void
ledger_task_list_window_class_init (LedgerTaskListWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_task_list_window_dispose;
  object_class->finalize = ledger_task_list_window_finalize;

  /* The plan was added: its code. */
  signals[PLAN_ADDED] = g_signal_new ("plan-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ledger-task-list-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerTaskListWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LedgerTaskListWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerTaskListWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LedgerTaskListWindow, failed_page);
  gtk_widget_class_bind_template_child (widget_class, LedgerTaskListWindow, title_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerTaskListWindow, code_row);
  gtk_widget_class_bind_template_child (widget_class, LedgerTaskListWindow, year_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerTaskListWindow, columns_group);
  gtk_widget_class_bind_template_child (widget_class, LedgerTaskListWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerTaskListWindow, list_view);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, year_changed_cb);
}

static void
ledger_task_list_window_init (LedgerTaskListWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/* Reads @file in a thread and shows its preview. */
LedgerTaskListWindow *
ledger_task_list_window_new (GtkWindow   *parent,
                             LedgerStore *store,
                             GFile       *file)
{
  LedgerTaskListWindow *self = g_object_new (LEDGER_TYPE_TASK_LIST_WINDOW, "transient-for", parent, NULL);
  g_autofree char *name = g_file_get_basename (file);

  self->store = g_object_ref (store);
  self->file = g_object_ref (file);
  adw_window_title_set_subtitle (self->window_title, name);
  ledger_task_list_new_async (file, NULL, self->cancellable, read_cb, g_object_ref (self));
  return self;
}

/* The list read, or NULL while it is read or when it cannot be. */
LedgerTaskList *
ledger_task_list_window_get_list (LedgerTaskListWindow *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK_LIST_WINDOW (self), NULL);
  return self->list;
}

/* "working", "failed" or "preview". */
const char *
ledger_task_list_window_get_state (LedgerTaskListWindow *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK_LIST_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/* Takes @field from @column (-1: none), as its dropdown does. */
void
ledger_task_list_window_set_column (LedgerTaskListWindow *self,
                                    LedgerTaskField       field,
                                    int                   column)
{
  g_return_if_fail (LEDGER_IS_TASK_LIST_WINDOW (self));
  g_return_if_fail (self->list != NULL && field < LEDGER_TASK_N_FIELDS);
  adw_combo_row_set_selected (self->column_rows[field], column + 1);
}
