/* ledger-regions-window.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-regions-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ledger-number.h"
#include "ledger-read-only.h"
#include "ledger-regions-window.h"
#include "ledger-toast.h"

/* Regions…: the shown plan's counties and development zones, edited as a
 * copy and written at once by Save (ledger_store_save_regions()), so that a
 * refusal (a region removed that still has figures or targets) leaves the
 * ledger as it was and the window as the office left it. */
struct _LedgerRegionsWindow
{
  AdwWindow            parent_instance;

  LedgerStore         *store;
  LedgerPlan          *plan;
  GPtrArray           *regions;      /* LedgerRegion: the copy being edited, in order */
  GHashTable          *bad_weights;  /* LedgerRegion whose weight does not read as one */
  GPtrArray           *rows;
  gboolean             changed;      /* edited since opened: closing asks first */

  AdwPreferencesGroup *group;
};

G_DEFINE_FINAL_TYPE (LedgerRegionsWindow, ledger_regions_window, ADW_TYPE_WINDOW)

static void rebuild (LedgerRegionsWindow *self);

static const char *
kind_label (LedgerRegionKind kind)
{
  return kind == LEDGER_REGION_ZONE ? _("Development zone") : _("County or district");
}

/* "140403 · County or district · counted in the city's total · weight 3" */
static char *
describe_region (const LedgerRegion *region)
{
  g_autoptr(GString) text = g_string_new (region->code);

  g_string_append_printf (text, " · %s", kind_label (region->kind));
  if (region->in_total)
    g_string_append_printf (text, " · %s", _("counted in the city's total"));
  if (isfinite (region->weight))
    {
      g_autofree char *weight = ledger_format_number (region->weight);

      g_string_append (text, " · ");
      /* Translators: a region's weight when a target is split, "weight 3" */
      g_string_append_printf (text, _("weight %s"), weight);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
name_is_taken (LedgerRegionsWindow *self,
               const LedgerRegion  *region)
{
  for (guint i = 0; i < self->regions->len; i++)
    {
      const LedgerRegion *other = self->regions->pdata[i];

      if (other != region && g_str_equal (other->name, region->name))
        return TRUE;
    }
  return FALSE;
}

static gboolean
name_is_usable (LedgerRegionsWindow *self,
                const LedgerRegion  *region)
{
  return region->name[0] != '\0' && !name_is_taken (self, region);
}

/* Save is there only when every region has a name of its own and every
 * weight reads as a number: nothing half-typed is written. A ledger open
 * for reading only shows its regions and saves nothing. */
static void
update_save (LedgerRegionsWindow *self)
{
  gboolean usable = g_hash_table_size (self->bad_weights) == 0 && !ledger_store_is_read_only (self->store);

  for (guint i = 0; usable && i < self->regions->len; i++)
    usable = name_is_usable (self, self->regions->pdata[i]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "regions.save", usable);
}

static void
show_error (LedgerRegionsWindow *self,
            const char          *heading,
            const char          *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_error_style (GtkWidget *widget,
                 gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

/* A row's title and subtitle say what the region is now. */
static void
refresh_row (AdwExpanderRow     *row,
             const LedgerRegion *region)
{
  g_autofree char *subtitle = describe_region (region);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 region->name[0] != '\0' ? region->name : _("(no name)"));
  adw_expander_row_set_subtitle (row, subtitle);
}

static LedgerRegion *
row_region (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "region");
}

static AdwExpanderRow *
row_expander (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "expander");
}

static void
name_changed_cb (GtkEditable         *entry,
                 LedgerRegionsWindow *self)
{
  LedgerRegion *region = row_region (GTK_WIDGET (entry));

  g_free (region->name);
  region->name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  self->changed = TRUE;
  set_error_style (GTK_WIDGET (entry), !name_is_usable (self, region));
  refresh_row (row_expander (GTK_WIDGET (entry)), region);
  update_save (self);
}

static void
kind_changed_cb (AdwComboRow         *combo,
                 GParamSpec          *pspec,
                 LedgerRegionsWindow *self)
{
  LedgerRegion *region = row_region (GTK_WIDGET (combo));

  region->kind = adw_combo_row_get_selected (combo) == 1 ? LEDGER_REGION_ZONE : LEDGER_REGION_COUNTY;
  self->changed = TRUE;
  refresh_row (row_expander (GTK_WIDGET (combo)), region);
}

static void
in_total_changed_cb (GtkSwitch           *toggle,
                     GParamSpec          *pspec,
                     LedgerRegionsWindow *self)
{
  LedgerRegion *region = row_region (GTK_WIDGET (toggle));

  region->in_total = gtk_switch_get_active (toggle);
  self->changed = TRUE;
  refresh_row (row_expander (GTK_WIDGET (toggle)), region);
}

/* An empty weight is none (the region gets nothing when a target is split
 * by weights); anything else must be a number, zero or more. */
static gboolean
read_weight (const char *text,
             double     *weight)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (trimmed[0] == '\0')
    {
      *weight = NAN;
      return TRUE;
    }
  return ledger_number_parse (trimmed, "", weight, NULL) && *weight >= 0;
}

static void
weight_changed_cb (GtkEditable         *entry,
                   LedgerRegionsWindow *self)
{
  LedgerRegion *region = row_region (GTK_WIDGET (entry));
  double weight;
  gboolean readable = read_weight (gtk_editable_get_text (entry), &weight);

  self->changed = TRUE;
  if (readable)
    {
      region->weight = weight;
      g_hash_table_remove (self->bad_weights, region);
    }
  else
    g_hash_table_add (self->bad_weights, region);
  set_error_style (GTK_WIDGET (entry), !readable);
  refresh_row (row_expander (GTK_WIDGET (entry)), region);
  update_save (self);
}

/* A field of the region's row, knowing its region and its row. */
static GtkWidget *
field_new (GtkWidget      *field,
           AdwExpanderRow *expander,
           LedgerRegion   *region)
{
  g_object_set_data (G_OBJECT (field), "region", region);
  g_object_set_data (G_OBJECT (field), "expander", expander);
  return field;
}

static GtkWidget *
name_row_new (LedgerRegionsWindow *self,
              AdwExpanderRow      *expander,
              LedgerRegion        *region)
{
  GtkWidget *row = field_new (adw_entry_row_new (), expander, region);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (row), region->name);
  set_error_style (row, !name_is_usable (self, region));
  g_signal_connect_object (row, "changed", G_CALLBACK (name_changed_cb), self, 0);
  return row;
}

static GtkWidget *
kind_row_new (LedgerRegionsWindow *self,
              AdwExpanderRow      *expander,
              LedgerRegion        *region)
{
  GtkWidget *row = field_new (adw_combo_row_new (), expander, region);
  const char *kinds[] = { kind_label (LEDGER_REGION_COUNTY), kind_label (LEDGER_REGION_ZONE), NULL };
  g_autoptr(GtkStringList) model = gtk_string_list_new (kinds);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Kind"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), region->kind == LEDGER_REGION_ZONE ? 1 : 0);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (kind_changed_cb), self, 0);
  return row;
}

static GtkWidget *
in_total_row_new (LedgerRegionsWindow *self,
                  AdwExpanderRow      *expander,
                  LedgerRegion        *region)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = field_new (gtk_switch_new (), expander, region);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Counted in the city's total"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Its figures are part of the city's sum. A zone the counties "
                                 "around it already count is not."));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), region->in_total);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (in_total_changed_cb), self, 0);
  return row;
}

static GtkWidget *
weight_row_new (LedgerRegionsWindow *self,
                AdwExpanderRow      *expander,
                LedgerRegion        *region)
{
  GtkWidget *row = field_new (adw_entry_row_new (), expander, region);
  g_autofree char *weight = isfinite (region->weight) ? ledger_format_number (region->weight) : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Weight for splitting targets"));
  gtk_editable_set_text (GTK_EDITABLE (row), weight != NULL ? weight : "");
  g_signal_connect_object (row, "changed", G_CALLBACK (weight_changed_cb), self, 0);
  return row;
}

static void
move_region (LedgerRegionsWindow *self,
             LedgerRegion        *region,
             int                  by)
{
  guint index;

  if (!g_ptr_array_find (self->regions, region, &index)
      || (int) index + by < 0 || index + by >= self->regions->len)
    return;
  /* The array owns its regions: swap the pointers, freeing none. */
  self->regions->pdata[index] = self->regions->pdata[index + by];
  self->regions->pdata[index + by] = region;
  self->changed = TRUE;
  rebuild (self);
}

static void
up_clicked_cb (GtkButton           *button,
               LedgerRegionsWindow *self)
{
  move_region (self, row_region (GTK_WIDGET (button)), -1);
}

static void
down_clicked_cb (GtkButton           *button,
                 LedgerRegionsWindow *self)
{
  move_region (self, row_region (GTK_WIDGET (button)), +1);
}

/* Removed from the copy only: the store says, on Save, if the region
 * still has figures or targets, and then nothing is written. */
static void
remove_clicked_cb (GtkButton           *button,
                   LedgerRegionsWindow *self)
{
  LedgerRegion *region = row_region (GTK_WIDGET (button));

  g_hash_table_remove (self->bad_weights, region);
  g_ptr_array_remove (self->regions, region);
  self->changed = TRUE;
  rebuild (self);
}

static GtkWidget *
icon_button_new (LedgerRegionsWindow *self,
                 const char          *icon,
                 const char          *tooltip_format,
                 LedgerRegion        *region,
                 GCallback            clicked)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);
  g_autofree char *tooltip = g_strdup_printf (tooltip_format, region->name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data (G_OBJECT (button), "region", region);
  g_signal_connect_object (button, "clicked", clicked, self, 0);
  return button;
}

static GtkWidget *
region_row_new (LedgerRegionsWindow *self,
                guint                index)
{
  LedgerRegion *region = self->regions->pdata[index];
  AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  GtkWidget *up = icon_button_new (self, "go-up-symbolic", _("Move %s up"), region,
                                   G_CALLBACK (up_clicked_cb));
  GtkWidget *down = icon_button_new (self, "go-down-symbolic", _("Move %s down"), region,
                                     G_CALLBACK (down_clicked_cb));
  GtkWidget *order = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  refresh_row (row, region);
  gtk_widget_set_sensitive (up, index > 0);
  gtk_widget_set_sensitive (down, index + 1 < self->regions->len);
  /* Up and down as one linked pair, not to be taken for the row's own
   * expanding arrow beside them. Each action goes before the last. */
  gtk_widget_remove_css_class (up, "flat");
  gtk_widget_remove_css_class (down, "flat");
  gtk_widget_add_css_class (order, "linked");
  gtk_widget_set_valign (order, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (order), up);
  gtk_box_append (GTK_BOX (order), down);
  adw_expander_row_add_action (row, icon_button_new (self, "user-trash-symbolic", _("Remove %s"), region,
                                                     G_CALLBACK (remove_clicked_cb)));
  adw_expander_row_add_action (row, order);
  adw_expander_row_add_row (row, name_row_new (self, row, region));
  adw_expander_row_add_row (row, kind_row_new (self, row, region));
  adw_expander_row_add_row (row, in_total_row_new (self, row, region));
  adw_expander_row_add_row (row, weight_row_new (self, row, region));
  return GTK_WIDGET (row);
}

static GtkWidget *
empty_row_new (void)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The plan has no regions"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Add its counties and development zones to split its targets "
                                 "and record their figures."));
  return row;
}

/* The rows are made anew from the copy after a region is added, moved or
 * removed; the one just added or moved stays open. */
static void
rebuild (LedgerRegionsWindow *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < self->regions->len; i++)
    g_ptr_array_add (self->rows, region_row_new (self, i));
  if (self->regions->len == 0)
    g_ptr_array_add (self->rows, empty_row_new ());
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_add (self->group, self->rows->pdata[i]);
  update_save (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LedgerRegionsWindow *self = LEDGER_REGIONS_WINDOW (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;

  if (!ledger_store_save_regions (self->store, self->plan, self->regions, &error))
    {
      show_error (self, _("The Regions Were Not Saved"), error->message);
      return;
    }
  if (parent != NULL)
    ledger_toast_show (GTK_WIDGET (parent), _("Regions saved"));
  self->changed = FALSE;
  gtk_window_close (GTK_WINDOW (self));
}

/* What the Add dialog works on. */
typedef struct
{
  LedgerRegionsWindow *self;
  GtkEditable         *code;
  GtkEditable         *name;
  GtkLabel            *hint;
} Adding;

static void
adding_free (Adding *adding)
{
  g_object_unref (adding->self);
  g_free (adding);
}

static gboolean
code_is_taken (LedgerRegionsWindow *self,
               const char          *code)
{
  for (guint i = 0; i < self->regions->len; i++)
    if (g_str_equal (((LedgerRegion *) self->regions->pdata[i])->code, code))
      return TRUE;
  return FALSE;
}

/* Returns: why the typed code and name cannot be added, or NULL if they can */
static const char *
adding_problem (Adding *adding)
{
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (adding->code)));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (adding->name)));
  g_autoptr(LedgerRegion) probe = ledger_region_new (code, name, LEDGER_REGION_COUNTY);

  if (code[0] == '\0' || name[0] == '\0')
    return "";
  if (!ledger_region_code_is_valid (code))
    return _("A code is up to 32 letters, digits, “-” or “_”, such as the division code 140403.");
  if (code_is_taken (adding->self, code))
    return _("Another region has this code.");
  if (name_is_taken (adding->self, probe))
    return _("Another region has this name.");
  return NULL;
}

static void
adding_changed_cb (AdwMessageDialog *dialog)
{
  Adding *adding = g_object_get_data (G_OBJECT (dialog), "adding");
  const char *problem = adding_problem (adding);

  adw_message_dialog_set_response_enabled (dialog, "add", problem == NULL);
  gtk_label_set_text (adding->hint, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (adding->hint), problem != NULL && problem[0] != '\0');
}

static void
adding_response_cb (AdwMessageDialog *dialog,
                    const char       *response)
{
  Adding *adding = g_object_get_data (G_OBJECT (dialog), "adding");
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (adding->code)));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (adding->name)));

  if (!g_str_equal (response, "add") || adding_problem (adding) != NULL)
    return;
  g_ptr_array_add (adding->self->regions, ledger_region_new (code, name, LEDGER_REGION_COUNTY));
  adding->self->changed = TRUE;
  rebuild (adding->self);
}

static GtkEditable *
add_field (GtkWidget  *box,
           const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  gtk_box_append (GTK_BOX (box), entry);
  return GTK_EDITABLE (entry);
}

static GtkWidget *
adding_fields_new (Adding *adding)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *hint = gtk_label_new (NULL);

  adding->name = add_field (box, _("Name"));
  adding->code = add_field (box, _("Code"));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_justify (GTK_LABEL (hint), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (hint, "warning");
  gtk_widget_set_visible (hint, FALSE);
  gtk_box_append (GTK_BOX (box), hint);
  adding->hint = GTK_LABEL (hint);
  return box;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LedgerRegionsWindow *self = LEDGER_REGIONS_WINDOW (widget);
  Adding *adding = g_new0 (Adding, 1);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Add a Region"),
                                              _("A county, district or development zone of the plan. "
                                                "Its code names it in files and never changes."));

  adding->self = g_object_ref (self);
  g_object_set_data_full (G_OBJECT (dialog), "adding", adding, (GDestroyNotify) adding_free);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), adding_fields_new (adding));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (adding->code, "changed", G_CALLBACK (adding_changed_cb), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (adding->name, "changed", G_CALLBACK (adding_changed_cb), dialog, G_CONNECT_SWAPPED);
  g_signal_connect (dialog, "response", G_CALLBACK (adding_response_cb), NULL);
  adding_changed_cb (ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
close_discarded (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

/* The window closes once the dialog has: closing it from the dialog's own
 * response would take the dialog with it while it still answers. */
static void
discard_response_cb (AdwMessageDialog    *dialog,
                     const char          *response,
                     LedgerRegionsWindow *self)
{
  if (!g_str_equal (response, "discard"))
    return;
  self->changed = FALSE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_discarded, g_object_ref (self), g_object_unref);
}

/* Closing (Cancel, Escape, the window's own close) with edits not saved
 * asks first: regions typed in are not lost by a stray key. */
static gboolean
ledger_regions_window_close_request (GtkWindow *window)
{
  LedgerRegionsWindow *self = LEDGER_REGIONS_WINDOW (window);
  GtkWidget *dialog;

  if (!self->changed)
    return GTK_WINDOW_CLASS (ledger_regions_window_parent_class)->close_request (window);
  dialog = adw_message_dialog_new (window, _("Discard the Changes to the Regions?"),
                                   _("What was added, changed, moved or removed here is not saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
ledger_regions_window_dispose (GObject *object)
{
  LedgerRegionsWindow *self = LEDGER_REGIONS_WINDOW (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->bad_weights, g_hash_table_unref);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_object (&self->plan);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDGER_TYPE_REGIONS_WINDOW);

  G_OBJECT_CLASS (ledger_regions_window_parent_class)->dispose (object);
}

static void
ledger_regions_window_class_init (LedgerRegionsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ledger_regions_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = ledger_regions_window_close_request;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/targetledger/TargetLedger/ledger-regions-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LedgerRegionsWindow, group);
  gtk_widget_class_install_action (widget_class, "regions.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "regions.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "regions.save", NULL);
}

static void
ledger_regions_window_init (LedgerRegionsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->bad_weights = g_hash_table_new (NULL, NULL);
}

static const char * const writing_actions[] = { "regions.save", "regions.add", NULL };

/* @parent is the main window, which shows the toast once saved. */
LedgerRegionsWindow *
ledger_regions_window_new (GtkWindow   *parent,
                           LedgerStore *store,
                           LedgerPlan  *plan)
{
  LedgerRegionsWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LEDGER_IS_STORE (store), NULL);
  g_return_val_if_fail (LEDGER_IS_PLAN (plan), NULL);

  self = g_object_new (LEDGER_TYPE_REGIONS_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->plan = g_object_ref (plan);
  /* The store's list is the window's own copy, written back only by Save. */
  self->regions = ledger_store_list_regions (store, plan);
  ledger_read_only_disable_actions (GTK_WIDGET (self), store, writing_actions);
  rebuild (self);
  return self;
}
