/* ledger-window.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-accessible.h"
#include "ledger-area.h"
#include "ledger-area-page.h"
#include "ledger-indicator-page.h"
#include "ledger-overview-page.h"
#include "ledger-ranking-page.h"
#include "ledger-read-only.h"
#include "ledger-settings.h"
#include "ledger-sidebar-row.h"
#include "ledger-window-private.h"

/* The main window: the chosen plan's overview and areas in a sidebar and,
 * beside it (or, in a narrow window, instead of it), the page of the
 * selected one. The header picks the plan and the "as of" period. Pages
 * are created when first shown. */

G_DEFINE_FINAL_TYPE (LedgerWindow, ledger_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
clear_children (GtkWidget *container,
                void     (*remove) (GtkWidget *, GtkWidget *))
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    remove (container, child);
}

static void
remove_page (GtkWidget *stack,
             GtkWidget *page)
{
  gtk_stack_remove (GTK_STACK (stack), page);
}

static void
remove_row (GtkWidget *list,
            GtkWidget *row)
{
  gtk_list_box_remove (GTK_LIST_BOX (list), row);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

/* The dropdown holds period codes; the factory shows them as labels, the
 * button short (1-9月) and the list with the quarter (1-9月（前三季度）). */
static void
bind_period_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  label_func)
{
  GtkStringObject *code = gtk_list_item_get_item (item);
  g_autofree char *text = ((char *(*) (const char *)) label_func) (gtk_string_object_get_string (code));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static GtkListItemFactory *
period_factory_new (char *(*label_func) (const char *))
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_period_cb), label_func);
  return factory;
}

/* The picker shows the context's period: the plan's default, which the
 * context moves with the values, or the one the user picked. */
static void
as_of_changed_cb (LedgerWindow *self)
{
  const char *as_of = ledger_context_get_as_of (self->context);
  guint selected;

  if (self->as_of_codes == NULL || as_of == NULL ||
      !g_ptr_array_find_with_equal_func (self->as_of_codes, as_of, g_str_equal, &selected))
    return;
  self->filling_as_of = TRUE;
  gtk_drop_down_set_selected (self->as_of_dropdown, selected);
  self->filling_as_of = FALSE;
}

/* The plan's "as of" choices, and its default period. */
static void
fill_as_of (LedgerWindow *self)
{
  g_autoptr(GtkStringList) codes = gtk_string_list_new (NULL);

  g_clear_pointer (&self->as_of_codes, g_ptr_array_unref);
  self->as_of_codes = ledger_period_as_of_choices (ledger_plan_get_first_year (self->plan),
                                                   ledger_plan_get_last_year (self->plan));
  for (guint i = 0; i < self->as_of_codes->len; i++)
    gtk_string_list_append (codes, g_ptr_array_index (self->as_of_codes, i));

  self->filling_as_of = TRUE;
  gtk_drop_down_set_model (self->as_of_dropdown, G_LIST_MODEL (codes));
  self->filling_as_of = FALSE;
  ledger_context_follow_default_as_of (self->context, self->plan);
  as_of_changed_cb (self);
}

/* The regions' ranking has a page only where there are regions to rank. */
static gboolean
plan_has_regions (LedgerWindow *self)
{
  g_autoptr(GPtrArray) regions = ledger_store_list_regions (self->store, self->plan);

  return regions != NULL && regions->len > 0;
}

static void
fill_sidebar (LedgerWindow *self)
{
  GListModel *areas = ledger_node_get_children (LEDGER_NODE (self->plan));

  clear_children (GTK_WIDGET (self->sidebar_list), remove_row);
  clear_children (GTK_WIDGET (self->pages), remove_page);
  g_clear_pointer (&self->return_page, g_free);
  g_clear_weak_pointer (&self->return_focus);

  gtk_list_box_append (self->sidebar_list, ledger_sidebar_row_new (self->context, self->plan, NULL));
  if (plan_has_regions (self))
    gtk_list_box_append (self->sidebar_list, ledger_sidebar_row_new_ranking (self->context, self->plan));
  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(LedgerNode) area = g_list_model_get_item (areas, a);

      gtk_list_box_append (self->sidebar_list, ledger_sidebar_row_new (self->context, self->plan, area));
    }
  gtk_list_box_select_row (self->sidebar_list, gtk_list_box_get_row_at_index (self->sidebar_list, 0));
}

static void
show_plan (LedgerWindow *self,
           guint         index)
{
  g_return_if_fail (index < self->plans->len);

  g_set_object (&self->plan, g_ptr_array_index (self->plans, index));
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-plan", ledger_plan_get_code (self->plan));
  fill_as_of (self);
  fill_sidebar (self);
}

static guint
remembered_plan (LedgerWindow *self)
{
  g_autofree char *code = NULL;

  if (self->settings == NULL)
    return 0;
  code = g_settings_get_string (self->settings, "last-plan");
  for (guint i = 0; i < self->plans->len; i++)
    {
      if (g_str_equal (ledger_plan_get_code (g_ptr_array_index (self->plans, i)), code))
        return i;
    }
  return 0;
}

static void
load_plans (LedgerWindow *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (self->store, &error);

  if (plans == NULL || plans->len == 0)
    {
      ledger_window_add_toast (self, error != NULL ? error->message : _("The ledger holds no plan"));
      return;
    }
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  self->plans = g_steal_pointer (&plans);

  for (guint i = 0; i < self->plans->len; i++)
    gtk_string_list_append (titles, ledger_node_get_title (g_ptr_array_index (self->plans, i)));

  /* Setting the model selects the first plan: show_plan runs from
   * plan_selected_cb. */
  g_clear_object (&self->plan);
  gtk_drop_down_set_model (self->plan_dropdown, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->plan_dropdown, remembered_plan (self));
  if (self->plan == NULL)
    show_plan (self, gtk_drop_down_get_selected (self->plan_dropdown));
}

static void
plan_selected_cb (LedgerWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->plan_dropdown);

  if (self->plans != NULL && selected < self->plans->len &&
      (self->plan == NULL || self->plan != g_ptr_array_index (self->plans, selected)))
    show_plan (self, selected);
}

static void
as_of_selected_cb (LedgerWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->as_of_dropdown);

  if (self->filling_as_of || self->as_of_codes == NULL || selected >= self->as_of_codes->len)
    return;
  ledger_context_set_as_of (self->context, g_ptr_array_index (self->as_of_codes, selected));
}

static GtkWidget *
create_page (LedgerWindow     *self,
             LedgerSidebarRow *row)
{
  LedgerNode *area = ledger_sidebar_row_get_area (row);

  if (area != NULL)
    return GTK_WIDGET (ledger_area_page_new (self->context, self->plan, LEDGER_AREA (area)));
  if (ledger_sidebar_row_is_ranking (row))
    return GTK_WIDGET (ledger_ranking_page_new (self->context, self->plan));
  return GTK_WIDGET (ledger_overview_page_new (self->context, self->plan));
}

static void
show_row (LedgerWindow     *self,
          LedgerSidebarRow *row)
{
  const char *key = ledger_sidebar_row_get_key (row);
  GtkWidget *page = gtk_stack_get_child_by_name (self->pages, key);

  if (page == NULL)
    {
      page = create_page (self, row);
      gtk_stack_add_named (self->pages, page, key);
    }
  gtk_stack_set_visible_child (self->pages, page);

  adw_window_title_set_title (self->content_title, ledger_sidebar_row_get_title (row));
  adw_window_title_set_subtitle (self->content_title, ledger_node_get_title (LEDGER_NODE (self->plan)));
}

static void
sidebar_row_selected_cb (LedgerWindow  *self,
                         GtkListBoxRow *row)
{
  if (row == NULL)
    return;
  ledger_window_close_indicator (self);
  show_row (self, LEDGER_SIDEBAR_ROW (row));
}

/* The back button goes from an indicator to its area, or in a folded
 * window from a page to the sidebar. */
static void
update_back_button (LedgerWindow *self)
{
  ledger_window_update_back_button (self);
}

void
ledger_window_update_back_button (LedgerWindow *self)
{
  gtk_widget_set_visible (self->back_button,
                          self->return_page != NULL || adw_leaflet_get_folded (self->leaflet));
}

/* Leaves the indicator page for the page it was opened from. Returns:
 * whether an indicator page was shown */
gboolean
ledger_window_close_indicator (LedgerWindow *self)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->pages, "indicator");
  g_autofree char *return_page = g_steal_pointer (&self->return_page);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar_list);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean focus_on_page;

  if (page == NULL)
    return FALSE;
  /* Not when the user moves on in the sidebar: the focus stays there. */
  focus_on_page = focus == NULL || focus == self->back_button || gtk_widget_is_ancestor (focus, page);
  if (return_page != NULL && gtk_stack_get_child_by_name (self->pages, return_page) != NULL)
    gtk_stack_set_visible_child_name (self->pages, return_page);
  gtk_stack_remove (self->pages, page);
  if (row != NULL)
    adw_window_title_set_title (self->content_title, ledger_sidebar_row_get_title (LEDGER_SIDEBAR_ROW (row)));
  ledger_window_update_back_button (self);
  /* Back where the user was: on the row the indicator was opened from. */
  if (focus_on_page && self->return_focus != NULL && gtk_widget_get_mapped (self->return_focus))
    gtk_widget_grab_focus (self->return_focus);
  g_clear_weak_pointer (&self->return_focus);
  return TRUE;
}

/* In a folded window, shows the page instead of the sidebar. */
void
ledger_window_show_content (LedgerWindow *self)
{
  adw_leaflet_set_visible_child (self->leaflet, gtk_widget_get_parent (GTK_WIDGET (self->pages)));
}

static void
sidebar_row_activated_cb (LedgerWindow  *self,
                          GtkListBoxRow *row)
{
  ledger_window_show_content (self);
}

/* After an edit of the plan, the pages are built anew on the same plan,
 * period and page. */
static void
plans_changed_cb (LedgerWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar_list);
  g_autofree char *plan = self->plan != NULL ? g_strdup (ledger_plan_get_code (self->plan)) : NULL;
  g_autofree char *page = row != NULL ? g_strdup (ledger_sidebar_row_get_key (LEDGER_SIDEBAR_ROW (row))) : NULL;
  g_autofree char *as_of = !ledger_context_get_as_of_is_default (self->context)
                           ? g_strdup (ledger_context_get_as_of (self->context)) : NULL;

  load_plans (self);
  if (plan != NULL)
    ledger_window_select_plan (self, plan);
  if (as_of != NULL)
    ledger_window_select_as_of (self, as_of);
  if (page != NULL)
    ledger_window_select_page (self, page);
}

static void
load_tolerances (LedgerWindow *self)
{
  LedgerTolerances tolerances;

  ledger_settings_read_tolerances (self->settings, &tolerances);
  ledger_context_set_tolerances (self->context, &tolerances);
}

static void
settings_changed_cb (LedgerWindow *self,
                     const char   *key)
{
  if (!g_str_has_prefix (key, "window-") && !g_str_equal (key, "last-plan"))
    load_tolerances (self);
}

static void
load_window_state (LedgerWindow *self)
{
  /* Run from a build tree without compiled schemas, nothing is kept. */
  if ((self->settings = ledger_settings_new_if_installed ()) == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
ledger_window_close_request (GtkWindow *window)
{
  LedgerWindow *self = LEDGER_WINDOW (window);
  int width, height;

  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (ledger_window_parent_class)->close_request (window);
}

static const char * const writing_actions[] = {
  "win.undo", "win.record-period", "win.record-value", "win.import-plan", "win.import-csv",
  "win.import-packages", "win.backups", "win.units", NULL
};

/* A ledger open for reading only says so above everything, and why. */
static void
show_read_only (LedgerWindow *self)
{
  if (!ledger_store_is_read_only (self->store))
    return;
  if (ledger_store_count_schema_problems (self->store) > 0)
    gtk_label_set_text (self->read_only_label,
                        _("This ledger was changed outside Target Ledger, so it is open for reading only: "
                          "nothing can be saved. Open a backup to go on recording."));
  else
    gtk_label_set_text (self->read_only_label,
                        _("This ledger is open for reading only: its file, folder or disk cannot be "
                          "written to, so nothing can be saved. Figures can still be viewed and exported."));
  gtk_widget_set_visible (self->read_only_notice, TRUE);
  ledger_read_only_disable_actions (GTK_WIDGET (self), self->store, writing_actions);
}

/* On the office's server: which ledger, in the sidebar's title; what
 * other desks save, heard as they save it; a lost connection, in a bar. */
static void
online_changed_cb (LedgerWindow *self)
{
  ledger_window_show_connection (self, ledger_store_is_online (self->store));
}

/* The store retries by itself; Retry reads the plans now, which opens
 * the connection again if the server is back. */
static void
retry_connection_cb (LedgerWindow *self)
{
  plans_changed_cb (self);
  online_changed_cb (self);
}

/* A long database or host name would widen the sidebar to its length:
 * the title's labels (AdwWindowTitle has no property for it) ask for no
 * more than the sidebar's width and are ellipsized; the tooltip has it all. */
static void
cap_title_width (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    gtk_label_set_max_width_chars (GTK_LABEL (widget), 28);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    cap_title_width (child);
}

static void
show_server (LedgerWindow *self)
{
  g_autofree char *described = NULL;

  if (!ledger_store_is_on_server (self->store))
    return;
  described = ledger_store_describe_location (ledger_store_get_path (self->store));
  adw_window_title_set_subtitle (self->sidebar_title, described);
  cap_title_width (GTK_WIDGET (self->sidebar_title));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sidebar_title), described);
  g_signal_connect_object (self->store, "notify::online", G_CALLBACK (online_changed_cb), self,
                           G_CONNECT_SWAPPED);
  ledger_store_listen (self->store);
  online_changed_cb (self);
}

static void
ledger_window_constructed (GObject *object)
{
  LedgerWindow *self = LEDGER_WINDOW (object);

  G_OBJECT_CLASS (ledger_window_parent_class)->constructed (object);

  self->context = ledger_context_new (self->store);
  if (self->settings != NULL)
    {
      load_tolerances (self);
      g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->store, "plans-changed", G_CALLBACK (plans_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::as-of", G_CALLBACK (as_of_changed_cb), self,
                           G_CONNECT_SWAPPED);
  show_read_only (self);
  show_server (self);
  load_plans (self);
}

static void
ledger_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LedgerWindow *self = LEDGER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LedgerWindow *self = LEDGER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      /* The window's thread never waits on another program's write to a
       * ledger file; a server's ledger has no file to wait on. */
      if (!ledger_store_is_on_server (self->store))
        ledger_store_set_waits_for_locks (self->store, FALSE);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_window_dispose (GObject *object)
{
  LedgerWindow *self = LEDGER_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_WINDOW);
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  g_clear_pointer (&self->as_of_codes, g_ptr_array_unref);
  g_clear_pointer (&self->return_page, g_free);
  g_clear_weak_pointer (&self->return_focus);
  g_clear_object (&self->plan);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ledger_window_parent_class)->dispose (object);
}

static void
ledger_window_class_init (LedgerWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ledger_window_constructed;
  object_class->dispose = ledger_window_dispose;
  object_class->get_property = ledger_window_get_property;
  object_class->set_property = ledger_window_set_property;
  window_class->close_request = ledger_window_close_request;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LEDGER_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ledger-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, connection_bar);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, read_only_notice);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, plan_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, as_of_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, job_bar);
  gtk_widget_class_bind_template_callback (widget_class, update_back_button);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, plan_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, as_of_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_connection_cb);

  ledger_window_class_install_actions (widget_class);
}

static void
ledger_window_init (LedgerWindow *self)
{
  g_autoptr(GtkListItemFactory) button_factory = period_factory_new (ledger_period_code_label);
  g_autoptr(GtkListItemFactory) list_factory = period_factory_new (ledger_period_as_of_label);

  g_type_ensure (LEDGER_TYPE_JOB_BAR);
  g_type_ensure (LEDGER_TYPE_CONNECTION_BAR);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_factory (self->as_of_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->as_of_dropdown, list_factory);
  ledger_accessible_name_drop_down (self->plan_dropdown, NULL);
  ledger_accessible_name_drop_down (self->as_of_dropdown, NULL);
  load_window_state (self);
}

LedgerWindow *
ledger_window_new (LedgerApplication *application,
                   LedgerStore       *store)
{
  g_return_val_if_fail (LEDGER_IS_STORE (store), NULL);

  return g_object_new (LEDGER_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

LedgerContext *
ledger_window_get_context (LedgerWindow *self)
{
  g_return_val_if_fail (LEDGER_IS_WINDOW (self), NULL);
  return self->context;
}

/**
 * ledger_window_select_page:
 * @uuid: the uuid of an area of the shown plan, or of the plan for its
 *   overview
 *
 * Returns: whether there is such a page
 */
gboolean
ledger_window_select_page (LedgerWindow *self,
                           const char   *uuid)
{
  g_return_val_if_fail (LEDGER_IS_WINDOW (self), FALSE);

  ledger_window_close_indicator (self);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (LEDGER_IS_SIDEBAR_ROW (row) &&
          g_str_equal (ledger_sidebar_row_get_key (LEDGER_SIDEBAR_ROW (row)), uuid))
        {
          gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
          ledger_window_show_content (self);
          return TRUE;
        }
    }
  return FALSE;
}

/* Shows the plan whose code is @code. Returns: whether there is one */
gboolean
ledger_window_select_plan (LedgerWindow *self,
                           const char   *code)
{
  g_return_val_if_fail (LEDGER_IS_WINDOW (self), FALSE);

  for (guint i = 0; self->plans != NULL && i < self->plans->len; i++)
    {
      if (g_str_equal (ledger_plan_get_code (g_ptr_array_index (self->plans, i)), code))
        {
          gtk_drop_down_set_selected (self->plan_dropdown, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* Shows the plan as of @as_of, one of its "as of" periods. Returns:
 * whether it is one */
gboolean
ledger_window_select_as_of (LedgerWindow *self,
                            const char   *as_of)
{
  guint index;

  g_return_val_if_fail (LEDGER_IS_WINDOW (self), FALSE);

  if (self->as_of_codes == NULL ||
      !g_ptr_array_find_with_equal_func (self->as_of_codes, as_of, g_str_equal, &index))
    return FALSE;
  gtk_drop_down_set_selected (self->as_of_dropdown, index);
  return TRUE;
}

/* Drills into one indicator: its page replaces the area's until the user
 * goes back. */
void
ledger_window_show_indicator (LedgerWindow    *self,
                              LedgerIndicator *indicator)
{
  GtkWidget *page;
  g_autofree char *return_page = NULL;
  g_autoptr(GtkWidget) return_focus = NULL;

  g_return_if_fail (LEDGER_IS_WINDOW (self));
  g_return_if_fail (LEDGER_IS_INDICATOR (indicator));

  /* From one indicator to another, back still leads to the area and
   * its row. */
  return_page = g_strdup (self->return_page != NULL ? self->return_page
                                                    : gtk_stack_get_visible_child_name (self->pages));
  return_focus = self->return_focus != NULL ? self->return_focus : gtk_root_get_focus (GTK_ROOT (self));
  if (return_focus != NULL)
    g_object_ref (return_focus);
  g_clear_weak_pointer (&self->return_focus);
  ledger_window_close_indicator (self);
  g_set_weak_pointer (&self->return_focus, return_focus);

  page = GTK_WIDGET (ledger_indicator_page_new (self->context, self->plan, indicator));
  gtk_stack_add_named (self->pages, page, "indicator");
  self->return_page = g_steal_pointer (&return_page);
  ledger_window_update_back_button (self);
  /* The focus leaves the clicked row before the row goes: else it falls
   * on the page's selectable name, which then shows all selected. */
  gtk_widget_grab_focus (self->back_button);
  gtk_stack_set_visible_child (self->pages, page);
  adw_window_title_set_title (self->content_title, ledger_indicator_get_name (indicator));
  ledger_window_show_content (self);
}

GtkWidget *
ledger_window_get_visible_page (LedgerWindow *self)
{
  g_return_val_if_fail (LEDGER_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child (self->pages);
}

/* A toast after a change, with the button that undoes it (Ctrl+Z too). */
void
ledger_window_add_undo_toast (LedgerWindow *self,
                              const char   *title)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (LEDGER_IS_WINDOW (self));

  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
ledger_window_add_toast (LedgerWindow *self,
                         const char   *title)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (LEDGER_IS_WINDOW (self));

  /* Toast titles are markup at libadwaita 1.2. */
  escaped = g_markup_escape_text (title, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/**
 * ledger_window_show_connection:
 * @online: whether the connection to the office's server is up
 *
 * Shows or hides the bar that says the connection is lost, as the store's
 * #LedgerStore:online does; the tests call it to play a lost connection.
 * A connection back after the bar is told in a toast: the bar only going
 * away is easily missed, and the desk waits to save until it is back.
 */
void
ledger_window_show_connection (LedgerWindow *self,
                               gboolean      online)
{
  gboolean was_lost;

  g_return_if_fail (LEDGER_IS_WINDOW (self));

  was_lost = ledger_connection_bar_is_shown (self->connection_bar);
  ledger_connection_bar_set_online (self->connection_bar, online);
  if (online && was_lost)
    ledger_window_add_toast (self, _("Connected to the office server again"));
}
