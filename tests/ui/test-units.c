/* test-units.c: the office renames, merges and confirms responsible units
 * in the Responsible Units window, and takes each change back with Undo
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ledger-test-ui.h"
#include "ledger-units-window.h"

#define STATISTICS "市统计局"
#define SURVEY_TEAM "国家统计局长治调查队"
#define DEVELOPMENT "市发展改革委"

typedef LedgerTestWindow Fixture;

static GtkWindow *
open_units_window (Fixture *fixture)
{
  GtkWindow *window;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.units", NULL));
  ledger_test_ui_wait (200);
  window = ledger_test_ui_find_window (LEDGER_TYPE_UNITS_WINDOW);
  g_assert_nonnull (window);
  gtk_window_set_default_size (window, 640, 760);
  return window;
}

static gboolean
row_has_title (GtkWidget *widget,
               gpointer   title)
{
  return g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title);
}

/* Returns: (transfer none) (nullable): the row of the unit @name */
static GtkWidget *
find_row (GtkWindow  *window,
          const char *name)
{
  return ledger_test_ui_find (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, row_has_title, (gpointer) name);
}

static gboolean
has_name (GtkWidget *widget,
          gpointer   name)
{
  return g_str_equal (gtk_widget_get_name (widget), name);
}

static GtkWidget *
row_button (GtkWindow  *window,
            const char *unit,
            const char *name)
{
  GtkWidget *row = find_row (window, unit);
  GtkWidget *button;

  g_assert_nonnull (row);
  button = ledger_test_ui_find (row, GTK_TYPE_BUTTON, has_name, (gpointer) name);
  g_assert_nonnull (button);
  return button;
}

static gboolean
is_state_label (GtkWidget *widget,
                gpointer   data)
{
  return gtk_widget_has_css_class (widget, "success") || gtk_widget_has_css_class (widget, "warning");
}

/* "Confirmed" or "Unconfirmed", as the row of @unit shows it. */
static const char *
row_state (GtkWindow  *window,
           const char *unit)
{
  GtkWidget *label = ledger_test_ui_find (find_row (window, unit), GTK_TYPE_LABEL, is_state_label, NULL);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static const char *
row_subtitle (GtkWindow  *window,
              const char *unit)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (window, unit)));
}

/* Rename… on the row of @unit: the dialog, its name already typed. */
static AdwMessageDialog *
open_rename (GtkWindow  *window,
             const char *unit)
{
  AdwMessageDialog *dialog;

  ledger_test_ui_click (row_button (window, unit, "rename"));
  dialog = ADW_MESSAGE_DIALOG (ledger_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  return dialog;
}

static GtkEditable *
dialog_entry (AdwMessageDialog *dialog)
{
  GtkWidget *entry = ledger_test_ui_find (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL, NULL);

  g_assert_nonnull (entry);
  return GTK_EDITABLE (entry);
}

static gboolean
is_hint (GtkWidget *widget,
         gpointer   data)
{
  return gtk_widget_has_css_class (widget, "warning");
}

/* Returns: (nullable): the merge hint, when it is shown */
static const char *
dialog_hint (AdwMessageDialog *dialog)
{
  GtkWidget *hint = ledger_test_ui_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, is_hint, NULL);

  g_assert_nonnull (hint);
  return gtk_widget_get_visible (hint) ? gtk_label_get_text (GTK_LABEL (hint)) : NULL;
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ledger_test_ui_wait (200);
}

static void
undo (GtkWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "units.undo", NULL));
  ledger_test_ui_wait (200);
}

static void
find_unit_cb (LedgerNode      *area,
              LedgerNode      *task,
              LedgerIndicator *indicator,
              gpointer         user_data)
{
  const char **search = user_data;

  if (g_str_equal (ledger_indicator_get_code (indicator), search[0]))
    search[1] = g_intern_string (ledger_indicator_get_responsible_unit (indicator));
}

/* The responsible unit of the indicator @code of the plan, as stored. */
static const char *
unit_of (Fixture    *fixture,
         const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (fixture->store, &error);
  const char *search[] = { code, NULL };

  g_assert_no_error (error);
  ledger_plan_foreach_indicator (g_ptr_array_index (plans, 0), find_unit_cb, search);
  g_assert_nonnull (search[1]);
  return search[1];
}

/* CPI's unit is renamed to the survey team: the dialog takes no empty or
 * unchanged name; the row, the store and the change log follow; Undo
 * brings it back. */
static void
test_rename (Fixture       *fixture,
             gconstpointer  data)
{
  guint changes = ledger_store_count_changes (fixture->store);
  g_autofree char *three = g_strdup_printf (ngettext ("%u indicator", "%u indicators", 3), 3);
  GtkWindow *window = open_units_window (fixture);
  AdwMessageDialog *dialog;

  g_assert_cmpstr (row_state (window, STATISTICS), ==, _("Unconfirmed"));
  g_assert_cmpstr (row_subtitle (window, STATISTICS), ==, three);
  ledger_test_ui_screenshot (GTK_WIDGET (window), "units");

  dialog = open_rename (window, STATISTICS);
  g_assert_cmpstr (gtk_editable_get_text (dialog_entry (dialog)), ==, STATISTICS);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
  ledger_test_ui_type (dialog_entry (dialog), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
  ledger_test_ui_type (dialog_entry (dialog), SURVEY_TEAM);
  g_assert_null (dialog_hint (dialog));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "rename"), ==, _("_Rename"));
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "rename-unit");
  respond (dialog, "rename");

  g_assert_cmpstr (unit_of (fixture, "cpi-rise"), ==, SURVEY_TEAM);
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, changes + 3);
  g_assert_null (find_row (window, STATISTICS));
  g_assert_cmpstr (row_subtitle (window, SURVEY_TEAM), ==, three);
  g_assert_cmpstr (row_state (window, SURVEY_TEAM), ==, _("Unconfirmed"));
  ledger_test_ui_screenshot (GTK_WIDGET (window), "unit-renamed");

  undo (window);
  g_assert_cmpstr (unit_of (fixture, "cpi-rise"), ==, STATISTICS);
  g_assert_nonnull (find_row (window, STATISTICS));
  g_assert_null (find_row (window, SURVEY_TEAM));
}

/* A unit renamed to one the plan has: the dialog says it will merge, the
 * merged unit answers for both sets, and one Undo parts them again. */
static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *eleven = g_strdup_printf (ngettext ("%u indicator", "%u indicators", 11), 11);
  g_autofree char *eight = g_strdup_printf (ngettext ("%u indicator", "%u indicators", 8), 8);
  GtkWindow *window = open_units_window (fixture);
  AdwMessageDialog *dialog = open_rename (window, STATISTICS);
  const char *hint;

  ledger_test_ui_type (dialog_entry (dialog), " " DEVELOPMENT);
  hint = dialog_hint (dialog);
  g_assert_nonnull (hint);
  g_assert_nonnull (strstr (hint, "“" DEVELOPMENT "”"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "rename"), ==, _("_Merge"));
  ledger_test_ui_screenshot (GTK_WIDGET (dialog), "merge-unit");
  respond (dialog, "rename");

  g_assert_cmpstr (unit_of (fixture, "cpi-rise"), ==, DEVELOPMENT);
  g_assert_null (find_row (window, STATISTICS));
  g_assert_cmpstr (row_subtitle (window, DEVELOPMENT), ==, eleven);

  undo (window);
  g_assert_cmpstr (unit_of (fixture, "cpi-rise"), ==, STATISTICS);
  g_assert_cmpstr (unit_of (fixture, "gdp-growth"), ==, STATISTICS);
  g_assert_cmpstr (row_subtitle (window, DEVELOPMENT), ==, eight);
  g_assert_nonnull (find_row (window, STATISTICS));
}

/* Confirm marks the unit for all its indicators; the row says so and
 * offers Unconfirm; Undo makes it a proposal again. */
static void
test_confirm (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWindow *window = open_units_window (fixture);
  guint changes = ledger_store_count_changes (fixture->store);

  ledger_test_ui_click (row_button (window, STATISTICS, "confirm"));
  g_assert_cmpuint (ledger_store_count_changes (fixture->store), ==, changes + 3);
  g_assert_cmpstr (row_state (window, STATISTICS), ==, _("Confirmed"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (row_button (window, STATISTICS, "confirm"))), ==,
                   _("_Unconfirm"));
  g_assert_cmpstr (row_state (window, DEVELOPMENT), ==, _("Unconfirmed"));
  ledger_test_ui_screenshot (GTK_WIDGET (window), "unit-confirmed");

  undo (window);
  g_assert_cmpstr (row_state (window, STATISTICS), ==, _("Unconfirmed"));
}

int
main (int   argc,
      char *argv[])
{
  ledger_test_ui_init (&argc, &argv);

  g_test_add ("/units/rename", Fixture, NULL, ledger_test_window_set_up, test_rename,
              ledger_test_window_tear_down);
  g_test_add ("/units/merge", Fixture, NULL, ledger_test_window_set_up, test_merge,
              ledger_test_window_tear_down);
  g_test_add ("/units/confirm", Fixture, NULL, ledger_test_window_set_up, test_confirm,
              ledger_test_window_tear_down);

  return ledger_test_ui_run ();
}
