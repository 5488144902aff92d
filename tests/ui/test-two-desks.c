/* test-two-desks.c: two desks, each a window on its own connection to one
 * ledger on the office's server, working on the same month: what one saves
 * shows in the other's window within a second; a figure saved over another
 * desk's unseen one is refused in the value dialog and in Record Period,
 * then replaced knowingly; an undo over another desk's figure is refused
 * (docs/server.md). Needs LEDGER_TEST_SERVER; skipped without it.
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ledger-batch-row.h"
#include "ledger-entry-dialog.h"
#include "ledger-indicator-page.h"
#include "ledger-test-ui.h"
#include "test-util.h"

#define PLAN      "changzhi-2026"
#define INDICATOR "new-urban-jobs"
#define PERIOD    "2026-05"

/* Desk A and desk B: two windows, two stores, one database. */
typedef struct
{
  char             *dir;  /* stands for the ledger: its database goes with it */
  LedgerTestWindow  a;
  LedgerTestWindow  b;
  gint64            heard_a;  /* when A's store last said values changed */
  gint64            heard_b;
} Fixture;

static gboolean
have_server (void)
{
  const char *server = g_getenv ("LEDGER_TEST_SERVER");

  return server != NULL && server[0] != '\0';
}

static void
heard_cb (LedgerStore *store,
          gint64       indicator_id,
          gint64      *heard)
{
  *heard = g_get_monotonic_time ();
}

/* Opens the ledger at @location as a desk does: a store of its own, with
 * the built-in plans, in a window, which listens to the other desks. */
static void
desk_open (LedgerTestWindow *desk,
           const char       *location,
           gint64           *heard)
{
  g_autoptr(GError) error = NULL;

  desk->store = ledger_application_connect (location, &error);
  g_assert_no_error (error);
  g_assert_true (ledger_store_is_on_server (desk->store));
  /* When the store tells of a change, before its window hears it: the log
   * says where the time goes, the server's notice or the page's refresh. */
  g_signal_connect (desk->store, "values-changed", G_CALLBACK (heard_cb), heard);
  desk->plan = test_find_plan (desk->store, PLAN);
  desk->window = ledger_window_new (ledger_test_ui_get_app (), desk->store);
  gtk_window_set_default_size (GTK_WINDOW (desk->window), 1000, 760);
  gtk_window_present (GTK_WINDOW (desk->window));
  ledger_test_ui_wait (200);
  g_assert_true (ledger_window_select_plan (desk->window, PLAN));
}

/* The indicator's own page, opened from its row as a desk opens it. */
static LedgerIndicatorPage *
open_indicator (LedgerTestWindow *desk)
{
  GtkWidget *page;

  g_assert_true (ledger_window_select_page (desk->window, ledger_test_window_area_uuid (desk, 0)));
  g_signal_emit_by_name (ledger_test_window_find_row (desk, INDICATOR), "activate");
  ledger_test_ui_wait (100);
  page = ledger_window_get_visible_page (desk->window);
  g_assert_true (LEDGER_IS_INDICATOR_PAGE (page));
  return LEDGER_INDICATOR_PAGE (page);
}

static void
desks_set_up (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *location = NULL;

  if (!have_server ())
    return;
  fixture->dir = test_tmp_dir_new ();
  path = g_build_filename (fixture->dir, "ledger.sqlite3", NULL);
  /* A fresh database on the server (LEDGER_TEST_ENGINE=server, set in
   * main()), dropped with the folder. */
  location = test_ledger_location (path);
  desk_open (&fixture->a, location, &fixture->heard_a);
  desk_open (&fixture->b, location, &fixture->heard_b);
  open_indicator (&fixture->a);
  open_indicator (&fixture->b);
}

static void
desks_tear_down (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWindow *dialog;

  while ((dialog = ledger_test_ui_find_window (ADW_TYPE_WINDOW)) != NULL)
    gtk_window_destroy (dialog);
  if (fixture->a.window != NULL)
    ledger_test_window_close (&fixture->a);
  if (fixture->b.window != NULL)
    ledger_test_window_close (&fixture->b);
  g_clear_pointer (&fixture->dir, test_tmp_dir_free);
}

static gboolean
skip_without_server (void)
{
  if (have_server ())
    return FALSE;
  g_test_skip ("LEDGER_TEST_SERVER is not set");
  return TRUE;
}

/* ---- what a window shows ----------------------------------------------- */

static gboolean
row_has_title (GtkWidget *widget,
               gpointer   title)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_value_label (GtkWidget *widget,
                gpointer   data)
{
  return gtk_widget_has_css_class (widget, "indicator-value");
}

/* Returns: (transfer full): how the indicator page writes @number */
static char *
figure_as_shown (LedgerTestWindow *desk,
                 double            number)
{
  g_autoptr(LedgerIndicator) indicator = test_find_indicator (desk->store, PLAN, INDICATOR);
  g_autoptr(LedgerValue) value = ledger_value_new (ledger_indicator_get_id (indicator), PERIOD, number, "", "");

  return ledger_indicator_describe_value (indicator, value);
}

/* Whether the desk's indicator page lists @number for the month. */
static gboolean
page_shows (LedgerTestWindow *desk,
            double            number)
{
  GtkWidget *page = ledger_window_get_visible_page (desk->window);
  g_autofree char *title = ledger_period_code_label (PERIOD);
  g_autofree char *text = figure_as_shown (desk, number);
  GtkWidget *row;
  GtkWidget *label;

  g_assert_true (LEDGER_IS_INDICATOR_PAGE (page));
  row = ledger_test_ui_find (page, ADW_TYPE_ACTION_ROW, row_has_title, title);
  label = row != NULL ? ledger_test_ui_find (row, GTK_TYPE_LABEL, is_value_label, NULL) : NULL;
  return label != NULL && g_str_equal (gtk_label_get_text (GTK_LABEL (label)), text);
}

/* Spins the main loop, nothing done on @desk, until its page lists
 * @number; fails after a second from @since (docs/server.md: "within a
 * second"). @heard is when the desk's store last told of a change. */
static void
wait_until_shown (LedgerTestWindow *desk,
                  const gint64     *heard,
                  double            number,
                  gint64            since,
                  const char       *what)
{
  gint64 elapsed;

  while (!page_shows (desk, number) && g_get_monotonic_time () - since < G_USEC_PER_SEC)
    ledger_test_ui_wait (5);
  elapsed = g_get_monotonic_time () - since;
  if (!page_shows (desk, number))
    g_error ("%s: the other window did not show %g within a second", what, number);
  g_test_message ("%s: heard after %.0f ms, shown after %.0f ms", what,
                  *heard >= since ? (*heard - since) / 1000.0 : -1.0, elapsed / 1000.0);
}

/* The number stored for the month, as a third reader would see it. */
static LedgerValue *
stored (LedgerTestWindow *desk)
{
  LedgerValue *value = ledger_store_get_value (desk->store, ledger_test_window_id_of (desk, INDICATOR), PERIOD);

  g_assert_nonnull (value);
  return value;
}

/* ---- the value dialog ---------------------------------------------------- */

/* Returns: (transfer none) (nullable): the toplevel of @type the desk's
 * window opened */
static GtkWindow *
window_of_desk (LedgerTestWindow *desk,
                GType             type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (desk->window))
        return window;
    }
  return NULL;
}

/* Record Value on the desk's indicator page, for the month. */
static LedgerEntryDialog *
open_dialog (LedgerTestWindow *desk)
{
  LedgerEntryDialog *dialog;

  g_assert_true (gtk_widget_activate_action (ledger_window_get_visible_page (desk->window),
                                             "indicator.record-value", NULL));
  ledger_test_ui_wait (100);
  dialog = LEDGER_ENTRY_DIALOG (window_of_desk (desk, LEDGER_TYPE_ENTRY_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (ledger_entry_dialog_set_period (dialog, PERIOD));
  return dialog;
}

static gpointer
dialog_child (LedgerEntryDialog *dialog,
              const char        *name)
{
  return ledger_test_ui_child (dialog, LEDGER_TYPE_ENTRY_DIALOG, name);
}

static const char *
dialog_figure (LedgerEntryDialog *dialog)
{
  return gtk_editable_get_text (dialog_child (dialog, "value_row"));
}

/* Types @text and clicks Save. Returns: the time of the click */
static gint64
type_and_save (LedgerEntryDialog *dialog,
               const char        *text)
{
  gint64 clicked;

  if (text != NULL)
    ledger_test_ui_type (dialog_child (dialog, "value_row"), text);
  clicked = g_get_monotonic_time ();
  g_signal_emit_by_name (dialog_child (dialog, "save_button"), "clicked");
  /* Both desks share this program's main loop: the other hears nothing
   * before the saving desk's own save and refresh are over. */
  g_test_message ("Save clicked: %.0f ms in the saving desk's window",
                  (g_get_monotonic_time () - clicked) / 1000.0);
  return clicked;
}

/* Saves @text for the month through the desk's dialog, as a desk does:
 * the dialog closes. Returns: the time of the click */
static gint64
record (LedgerTestWindow *desk,
        const char       *text)
{
  LedgerEntryDialog *dialog = open_dialog (desk);
  gpointer weak = dialog;
  gint64 clicked;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  clicked = type_and_save (dialog, text);
  if (weak != NULL)
    g_error ("The dialog did not save %s: %s", text,
             gtk_label_get_text (dialog_child (dialog, "error_label")));
  return clicked;
}

/* What the store says when @now was saved by another desk over the figure
 * that @yours was typed against. */
/* "2026-06-03 10:02": when @now was saved, in the desk's time zone. */
static char *
time_words (LedgerValue *now)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (ledger_value_get_updated_at (now), NULL);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static char *
conflict_message (LedgerValue *now,
                  const char  *theirs,
                  const char  *yours)
{
  g_autofree char *period = ledger_period_code_label (PERIOD);
  g_autofree char *when = time_words (now);

  return g_strdup_printf (_("%s saved %s for %s at %s while you were typing. Yours (%s) was not saved: "
                            "compare them, then save again to replace theirs."),
                          ledger_value_get_updated_by (now), theirs, period, when, yours);
}

/* ---- the subtests -------------------------------------------------------- */

/* Desk A saves the month's figure in its dialog; desk B's page shows it
 * within a second, nothing done on B. */
static void
test_live_update (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 clicked;

  if (skip_without_server ())
    return;
  g_assert_false (page_shows (&fixture->b, 1.0));
  clicked = record (&fixture->a, "1.0");
  g_assert_true (page_shows (&fixture->a, 1.0));
  wait_until_shown (&fixture->b, &fixture->heard_b, 1.0, clicked, "A's 1.0 in B's indicator page");

  /* And back: B's figure in A's window. */
  clicked = record (&fixture->b, "1.05");
  wait_until_shown (&fixture->a, &fixture->heard_a, 1.05, clicked, "B's 1.05 in A's indicator page");
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->b.window), "two-desks-live-b");
}

/* Both dialogs show 1.0; A saves 1.1; B's save of 1.2 is refused with both
 * figures, and what B typed stays; B's second save replaces A's, and A's
 * window shows it within a second. */
static void
test_dialog_conflict (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *old_figure = ledger_format_number (1.0);
  g_autoptr(LedgerValue) now = NULL;
  g_autoptr(LedgerValue) after = NULL;
  g_autofree char *expected = NULL;
  LedgerEntryDialog *dialog_a, *dialog_b;
  GtkLabel *error_label;
  gpointer weak;
  gint64 clicked;

  if (skip_without_server ())
    return;
  clicked = record (&fixture->a, "1.0");
  wait_until_shown (&fixture->b, &fixture->heard_b, 1.0, clicked, "A's 1.0 in B's indicator page");

  dialog_a = open_dialog (&fixture->a);
  dialog_b = open_dialog (&fixture->b);
  g_assert_cmpstr (dialog_figure (dialog_a), ==, old_figure);
  g_assert_cmpstr (dialog_figure (dialog_b), ==, old_figure);

  weak = dialog_a;
  g_object_add_weak_pointer (G_OBJECT (dialog_a), &weak);
  clicked = type_and_save (dialog_a, "1.1");
  g_assert_null (weak);
  /* B hears it while its dialog is open; the dialog keeps what it showed. */
  wait_until_shown (&fixture->b, &fixture->heard_b, 1.1, clicked,
                    "A's 1.1 in B's indicator page, B's dialog open");
  g_assert_cmpstr (dialog_figure (dialog_b), ==, old_figure);

  weak = dialog_b;
  g_object_add_weak_pointer (G_OBJECT (dialog_b), &weak);
  type_and_save (dialog_b, "1.2");
  ledger_test_ui_wait (100);
  g_assert_nonnull (weak);
  g_assert_true (window_of_desk (&fixture->b, LEDGER_TYPE_ENTRY_DIALOG) == GTK_WINDOW (dialog_b));
  error_label = dialog_child (dialog_b, "error_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (error_label)));
  now = stored (&fixture->a);
  g_assert_cmpfloat (ledger_value_get_number (now), ==, 1.1);
  expected = conflict_message (now, "1.1", "1.2");
  g_assert_cmpstr (gtk_label_get_text (error_label), ==, expected);
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "1.1"));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "1.2"));
  g_assert_cmpstr (dialog_figure (dialog_b), ==, "1.2");
  g_assert_true (page_shows (&fixture->a, 1.1));
  g_assert_true (page_shows (&fixture->b, 1.1));
  ledger_test_ui_screenshot (GTK_WIDGET (dialog_b), "two-desks-conflict");
  /* The whole message, below the rows: the dialog as tall as it needs. */
  gtk_window_set_default_size (GTK_WINDOW (dialog_b), 480, 720);
  ledger_test_ui_screenshot (GTK_WIDGET (dialog_b), "two-desks-conflict-tall");

  /* Saving again replaces A's figure knowingly. */
  clicked = type_and_save (dialog_b, NULL);
  g_assert_null (weak);
  after = stored (&fixture->a);
  g_assert_cmpfloat (ledger_value_get_number (after), ==, 1.2);
  g_assert_true (page_shows (&fixture->b, 1.2));
  wait_until_shown (&fixture->a, &fixture->heard_a, 1.2, clicked, "B's 1.2 in A's indicator page");
}

static LedgerBatchRow *
batch_row_of (LedgerBatchWindow *sheet,
              const char        *code)
{
  GPtrArray *rows = ledger_batch_window_get_rows (sheet);

  for (guint i = 0; i < rows->len; i++)
    {
      LedgerBatchRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (ledger_indicator_get_code (ledger_batch_row_get_indicator (row)), code))
        return row;
    }
  g_error ("no row for %s in Record Period", code);
}

static gboolean
label_is (GtkWidget *widget,
          gpointer   text)
{
  return gtk_widget_get_visible (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* B types the month's figure in Record Period while A saves another: B's
 * save is refused, naming A's; B's second save goes through. */
static void
test_record_period_conflict (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(LedgerValue) now = NULL;
  g_autoptr(LedgerValue) after = NULL;
  g_autofree char *expected = NULL;
  LedgerBatchWindow *sheet;
  LedgerBatchRow *row;
  gint64 clicked;
  gint64 saved;

  if (skip_without_server ())
    return;
  clicked = record (&fixture->a, "1.2");
  wait_until_shown (&fixture->b, &fixture->heard_b, 1.2, clicked, "A's 1.2 in B's indicator page");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->b.window), "win.record-period", NULL));
  ledger_test_ui_wait (200);
  sheet = LEDGER_BATCH_WINDOW (window_of_desk (&fixture->b, LEDGER_TYPE_BATCH_WINDOW));
  g_assert_nonnull (sheet);
  g_assert_true (ledger_batch_window_set_period (sheet, PERIOD));
  row = batch_row_of (sheet, INDICATOR);
  ledger_batch_row_set_text (row, "1.4");
  g_assert_true (ledger_batch_row_is_changed (row));

  clicked = record (&fixture->a, "1.3");
  wait_until_shown (&fixture->b, &fixture->heard_b, 1.3, clicked,
                    "A's 1.3 in B's indicator page, Record Period open");

  g_assert_false (ledger_test_ui_save_batch (sheet));
  now = stored (&fixture->b);
  g_assert_cmpfloat (ledger_value_get_number (now), ==, 1.3);
  expected = conflict_message (now, "1.3", "1.4");
  g_assert_nonnull (ledger_test_ui_find (GTK_WIDGET (sheet), GTK_TYPE_LABEL, label_is, expected));
  /* What B typed is still there. */
  g_assert_true (batch_row_of (sheet, INDICATOR) == row);
  g_assert_true (ledger_batch_row_is_changed (row));
  ledger_test_ui_screenshot (GTK_WIDGET (sheet), "two-desks-record-period-conflict");

  saved = g_get_monotonic_time ();
  g_assert_true (ledger_test_ui_save_batch (sheet));
  after = stored (&fixture->a);
  g_assert_cmpfloat (ledger_value_get_number (after), ==, 1.4);
  g_assert_true (page_shows (&fixture->b, 1.4));
  wait_until_shown (&fixture->a, &fixture->heard_a, 1.4, saved, "B's 1.4 (Record Period) in A's indicator page");
}

static gboolean
button_is (GtkWidget *widget,
           gpointer   label)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* A saves, B saves over it, A undoes: refused, with who and when; B's
 * figure stays in the ledger and in both windows. */
static void
test_undo_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LedgerValue) now = NULL;
  g_autoptr(LedgerValue) after = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *period = NULL;
  g_autofree char *when = NULL;
  GtkWidget *undo;
  GtkWidget *told = NULL;
  gint64 clicked;

  if (skip_without_server ())
    return;
  clicked = record (&fixture->a, "1.3");
  wait_until_shown (&fixture->b, &fixture->heard_b, 1.3, clicked, "A's 1.3 in B's indicator page");
  clicked = record (&fixture->b, "1.5");
  wait_until_shown (&fixture->a, &fixture->heard_a, 1.5, clicked, "B's 1.5 in A's indicator page");
  g_assert_true (ledger_store_can_undo (fixture->a.store));

  /* The Undo of A's toast after its save, else Ctrl+Z's action. */
  undo = ledger_test_ui_find (GTK_WIDGET (fixture->a.window), GTK_TYPE_BUTTON, button_is, (gpointer) _("_Undo"));
  g_test_message ("undoing with %s", undo != NULL ? "the toast's Undo" : "win.undo");
  if (undo != NULL)
    g_signal_emit_by_name (undo, "clicked");
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->a.window), "win.undo", NULL));
  ledger_test_ui_wait_for_job (GTK_WIDGET (fixture->a.window));

  now = stored (&fixture->a);
  g_assert_cmpfloat (ledger_value_get_number (now), ==, 1.5);
  period = ledger_period_code_label (PERIOD);
  when = time_words (now);
  expected = g_strdup_printf (_("%s has changed the figure for %s since (at %s): nothing was undone, so as not to "
                                "overwrite it."), ledger_value_get_updated_by (now), period, when);
  /* A toast shown before it goes first (5 s). */
  for (guint i = 0; i < 400 && told == NULL; i++)
    {
      ledger_test_ui_wait (25);
      told = ledger_test_ui_find (GTK_WIDGET (fixture->a.window), GTK_TYPE_LABEL, label_is, expected);
    }
  g_assert_nonnull (told);
  ledger_test_ui_screenshot (GTK_WIDGET (fixture->a.window), "two-desks-undo-refused");

  ledger_test_ui_wait (300);
  after = stored (&fixture->b);
  g_assert_cmpfloat (ledger_value_get_number (after), ==, 1.5);
  g_assert_true (page_shows (&fixture->a, 1.5));
  g_assert_true (page_shows (&fixture->b, 1.5));
}

int
main (int   argc,
      char *argv[])
{
  /* The ledger the tests make is a database on the test server. */
  if (have_server ())
    g_setenv ("LEDGER_TEST_ENGINE", "server", TRUE);
  ledger_test_ui_init (&argc, &argv);

  g_test_add ("/two-desks/live-update", Fixture, NULL, desks_set_up, test_live_update, desks_tear_down);
  g_test_add ("/two-desks/dialog-conflict", Fixture, NULL, desks_set_up, test_dialog_conflict, desks_tear_down);
  g_test_add ("/two-desks/record-period-conflict", Fixture, NULL, desks_set_up, test_record_period_conflict,
              desks_tear_down);
  g_test_add ("/two-desks/undo-refused", Fixture, NULL, desks_set_up, test_undo_refused, desks_tear_down);

  return ledger_test_ui_run ();
}
