/* ledger-window.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-area.h"
#include "ledger-area-page.h"
#include "ledger-indicator-row.h"
#include "ledger-overview-page.h"
#include "ledger-window.h"

/* The main window: a sidebar of the plans' areas and, beside it (or, in a
 * narrow window, instead of it), the page of the selected one. Pages are
 * created when first shown. */
struct _LedgerWindow
{
  AdwApplicationWindow  parent_instance;

  LedgerStore          *store;
  GSettings            *settings;
  GPtrArray            *plans;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  AdwWindowTitle       *content_title;
  GtkStack             *pages;
};

G_DEFINE_FINAL_TYPE (LedgerWindow, ledger_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* What a sidebar row stands for: a plan's overview, or one of its areas. */
typedef struct
{
  LedgerPlan *plan;
  LedgerNode *area;
} SidebarItem;

static void
sidebar_item_free (SidebarItem *item)
{
  g_clear_object (&item->plan);
  g_clear_object (&item->area);
  g_free (item);
}

static const char *
sidebar_item_key (SidebarItem *item)
{
  return ledger_node_get_uuid (item->area != NULL ? item->area : LEDGER_NODE (item->plan));
}

static SidebarItem *
row_item (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "sidebar-item");
}

static GtkWidget *
sidebar_row_new (LedgerPlan *plan,
                 LedgerNode *area)
{
  SidebarItem *item = g_new0 (SidebarItem, 1);
  const char *title = area != NULL ? ledger_area_get_short_title (LEDGER_AREA (area))
                                   : _("Overview");
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (title);

  item->plan = g_object_ref (plan);
  item->area = area != NULL ? g_object_ref (area) : NULL;
  g_object_set_data_full (G_OBJECT (row), "sidebar-item", item,
                          (GDestroyNotify) sidebar_item_free);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_widget_set_tooltip_text (row, area != NULL ? ledger_node_get_title (area) : NULL);
  return row;
}

/* A plan's title above its first row. */
static void
sidebar_header_func (GtkListBoxRow *row,
                     GtkListBoxRow *before,
                     gpointer       user_data)
{
  SidebarItem *item = row_item (row);
  GtkWidget *label;

  if (before != NULL && row_item (before)->plan == item->plan)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  label = gtk_label_new (ledger_node_get_title (LEDGER_NODE (item->plan)));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "sidebar-heading");
  gtk_list_box_row_set_header (row, label);
}

static void
clear_pages (LedgerWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages))) != NULL)
    gtk_stack_remove (self->pages, child);
}

static void
load_plans (LedgerWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list))) != NULL)
    gtk_list_box_remove (self->sidebar_list, row);
  clear_pages (self);
  g_clear_pointer (&self->plans, g_ptr_array_unref);

  if ((self->plans = ledger_store_list_plans (self->store, &error)) == NULL)
    {
      ledger_window_add_toast (self, error->message);
      return;
    }

  for (guint p = 0; p < self->plans->len; p++)
    {
      LedgerPlan *plan = g_ptr_array_index (self->plans, p);
      GListModel *areas = ledger_node_get_children (LEDGER_NODE (plan));

      gtk_list_box_append (self->sidebar_list, sidebar_row_new (plan, NULL));
      for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
        {
          g_autoptr(LedgerNode) area = g_list_model_get_item (areas, a);

          gtk_list_box_append (self->sidebar_list, sidebar_row_new (plan, area));
        }
    }

  gtk_list_box_select_row (self->sidebar_list, gtk_list_box_get_row_at_index (self->sidebar_list, 0));
}

static GtkWidget *
create_page (LedgerWindow *self,
             SidebarItem  *item)
{
  if (item->area != NULL)
    return GTK_WIDGET (ledger_area_page_new (self->store, item->plan, LEDGER_AREA (item->area)));
  return GTK_WIDGET (ledger_overview_page_new (self->store, item->plan));
}

static void
show_item (LedgerWindow *self,
           SidebarItem  *item)
{
  const char *key = sidebar_item_key (item);
  GtkWidget *page = gtk_stack_get_child_by_name (self->pages, key);

  if (page == NULL)
    {
      page = create_page (self, item);
      gtk_stack_add_named (self->pages, page, key);
    }
  gtk_stack_set_visible_child (self->pages, page);

  adw_window_title_set_title (self->content_title,
                              item->area != NULL
                              ? ledger_area_get_short_title (LEDGER_AREA (item->area))
                              : _("Overview"));
  adw_window_title_set_subtitle (self->content_title,
                                 ledger_node_get_title (LEDGER_NODE (item->plan)));
}

static void
sidebar_row_selected_cb (LedgerWindow  *self,
                         GtkListBoxRow *row)
{
  if (row != NULL)
    show_item (self, row_item (row));
}

/* In a folded window, shows the page instead of the sidebar. */
static void
show_content (LedgerWindow *self)
{
  adw_leaflet_set_visible_child (self->leaflet, gtk_widget_get_parent (GTK_WIDGET (self->pages)));
}

static void
sidebar_row_activated_cb (LedgerWindow  *self,
                          GtkListBoxRow *row)
{
  show_content (self);
}

static void
plans_changed_cb (LedgerWindow *self)
{
  load_plans (self);
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Ctrl+N: record a value for the indicator whose row has the focus. */
static void
record_value_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LedgerWindow *self = LEDGER_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, LEDGER_TYPE_INDICATOR_ROW) : NULL;

  if (row == NULL)
    {
      ledger_window_add_toast (self, _("Select an indicator to record a value for"));
      return;
    }
  ledger_indicator_row_record_value (LEDGER_INDICATOR_ROW (row));
}

static void
load_window_state (LedgerWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Run from a build tree without compiled schemas, sizes are not kept. */
  if (source == NULL || (schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE)) == NULL)
    return;

  self->settings = g_settings_new (APPLICATION_ID);
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

static void
ledger_window_constructed (GObject *object)
{
  LedgerWindow *self = LEDGER_WINDOW (object);

  G_OBJECT_CLASS (ledger_window_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "plans-changed", G_CALLBACK (plans_changed_cb), self,
                           G_CONNECT_SWAPPED);
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
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ledger_window_dispose (GObject *object)
{
  LedgerWindow *self = LEDGER_WINDOW (object);

  g_clear_pointer (&self->plans, g_ptr_array_unref);
  g_clear_object (&self->settings);
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
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, LedgerWindow, pages);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.record-value", NULL, record_value_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.record-value", NULL);
}

static void
ledger_window_init (LedgerWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->sidebar_list, sidebar_header_func, NULL, NULL);
  load_window_state (self);

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
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

LedgerStore *
ledger_window_get_store (LedgerWindow *self)
{
  g_return_val_if_fail (LEDGER_IS_WINDOW (self), NULL);
  return self->store;
}

/**
 * ledger_window_select_page:
 * @uuid: the uuid of an area, or of a plan for its overview
 *
 * Returns: whether there is such a page
 */
gboolean
ledger_window_select_page (LedgerWindow *self,
                           const char   *uuid)
{
  g_return_val_if_fail (LEDGER_IS_WINDOW (self), FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) && g_str_equal (sidebar_item_key (row_item (GTK_LIST_BOX_ROW (row))), uuid))
        {
          gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
          show_content (self);
          return TRUE;
        }
    }
  return FALSE;
}

GtkWidget *
ledger_window_get_visible_page (LedgerWindow *self)
{
  g_return_val_if_fail (LEDGER_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child (self->pages);
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
