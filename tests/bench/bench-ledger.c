/* bench-ledger.c: how fast a large ledger is shown
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A generated ledger of 500 indicators with ten years of monthly values
 * (55 000 values): the time to record them in one transaction, to build an
 * area page of 200 rows, to switch pages, and to draw an indicator's chart.
 * Run on demand under a display (meson test --benchmark, or directly under
 * Xvfb); it prints medians and asserts nothing about time.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "ledger-application.h"
#include "ledger-area.h"
#include "ledger-area-page.h"
#include "ledger-chart.h"
#include "ledger-task.h"
#include "ledger-window.h"

#define N_AREAS 5
#define N_INDICATORS 500
#define FIRST_YEAR 2017
#define LAST_YEAR 2026
#define ROUNDS 21

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

static double
median (double *samples,
        guint   n)
{
  qsort (samples, n, sizeof (double), (int (*) (const void *, const void *)) compare_doubles);
  return samples[n / 2];
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Runs the main loop until the window has drawn a frame. */
static void
draw_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gint64 frame = gdk_frame_clock_get_frame_counter (clock);

  gtk_widget_queue_draw (window);
  while (gdk_frame_clock_get_frame_counter (clock) == frame)
    g_main_context_iteration (NULL, TRUE);
}

/* Area 0 holds 200 indicators (40 tasks of 5), the others 75 each. */
static LedgerPlan *
generate_plan (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  LedgerPlan *plan = g_object_new (LEDGER_TYPE_PLAN, "uuid", uuid, "code", "bench", "title", "基准测试规划",
                                   "region", "测试市", "first-year", FIRST_YEAR, "last-year", LAST_YEAR, NULL);
  guint made = 0;

  for (guint a = 0; a < N_AREAS; a++)
    {
      g_autofree char *area_uuid = g_uuid_string_random ();
      g_autofree char *title = g_strdup_printf ("工作领域 %u", a + 1);
      g_autoptr(LedgerNode) area = g_object_new (LEDGER_TYPE_AREA, "uuid", area_uuid, "title", title,
                                                 "short-title", title, NULL);
      guint in_area = a == 0 ? 200 : (N_INDICATORS - 200) / (N_AREAS - 1);

      for (guint t = 0; t < in_area / 5; t++)
        {
          g_autofree char *task_uuid = g_uuid_string_random ();
          g_autofree char *task_title = g_strdup_printf ("重点任务 %u.%u", a + 1, t + 1);
          g_autoptr(LedgerNode) task = g_object_new (LEDGER_TYPE_TASK, "uuid", task_uuid, "title", task_title,
                                                     "text", "", NULL);

          for (guint i = 0; i < 5; i++, made++)
            {
              g_autofree char *code = g_strdup_printf ("indicator-%u", made);
              g_autofree char *name = g_strdup_printf ("指标 %u", made);
              g_autofree char *indicator_uuid = g_uuid_string_random ();
              g_autoptr(LedgerIndicator) indicator =
                g_object_new (LEDGER_TYPE_INDICATOR, "uuid", indicator_uuid, "code", code, "name", name,
                              "unit", made % 2 ? "%" : "亿元",
                              "kind", made % 2 ? LEDGER_KIND_RATE : LEDGER_KIND_CUMULATIVE,
                              "comparator", LEDGER_COMPARATOR_AT_LEAST, "better", LEDGER_BETTER_HIGHER,
                              "target", made % 2 ? 6.0 : 1200.0, "frequency", LEDGER_FREQUENCY_MONTHLY,
                              "responsible-unit", "市统计局", NULL);

              ledger_node_append_child (task, G_OBJECT (indicator));
            }
          ledger_node_append_child (area, G_OBJECT (task));
        }
      ledger_node_append_child (LEDGER_NODE (plan), G_OBJECT (area));
    }
  return plan;
}

static void
add_value (LedgerNode      *area,
           LedgerNode      *task,
           LedgerIndicator *indicator,
           gpointer         user_data)
{
  GPtrArray *values = user_data;
  gint64 id = ledger_indicator_get_id (indicator);

  for (int year = FIRST_YEAR; year <= LAST_YEAR; year++)
    for (int month = 2; month <= 12; month++)
      {
        g_autofree char *period = g_strdup_printf ("%d-%02d", year, month);
        double number = ledger_indicator_get_kind (indicator) == LEDGER_KIND_RATE
                        ? 5 + (id * 7 + month) % 20 / 10.0 : 100.0 * month + id % 50;

        g_ptr_array_add (values, ledger_value_new (id, period, number, "", ""));
      }
}

static LedgerStore *
generate_ledger (const char *path)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  LedgerStore *store = ledger_store_open (path, &error);
  double start;

  g_assert_no_error (error);
  g_ptr_array_add (plans, generate_plan ());
  g_assert_true (ledger_store_add_plans (store, plans, &error));
  ledger_plan_foreach_indicator (g_ptr_array_index (plans, 0), add_value, values);

  start = now_ms ();
  g_assert_true (ledger_store_import_values (store, values, "bench", &error));
  g_print ("record %u values in one transaction: %.0f ms\n", values->len, now_ms () - start);
  return store;
}

/* The office's month: sixty values in one save. */
static void
bench_batch_and_backup (LedgerStore *store,
                        LedgerPlan  *plan,
                        const char  *dir)
{
  g_autofree char *backup = g_build_filename (dir, "backup.sqlite3", NULL);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  double save[ROUNDS], copy[5];

  ledger_plan_foreach_indicator (plan, add_value, all);
  for (guint r = 0; r < ROUNDS; r++)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;
      double start;

      for (guint i = 0; i < 60; i++)
        {
          LedgerValue *value = g_ptr_array_index (all, (r * 60 + i) * 110 % all->len);

          g_ptr_array_add (batch, ledger_value_new (ledger_value_get_indicator_id (value),
                                                    ledger_value_get_period (value),
                                                    ledger_value_get_number (value) + r + 1, "", ""));
        }
      start = now_ms ();
      g_assert_true (ledger_store_import_values (store, batch, "", &error));
      save[r] = now_ms () - start;
    }
  g_print ("save a batch of 60 values: median %.1f ms\n", median (save, ROUNDS));

  for (guint r = 0; r < G_N_ELEMENTS (copy); r++)
    {
      g_autoptr(GError) error = NULL;
      double start = now_ms ();

      g_assert_true (ledger_store_backup_to (store, backup, &error));
      copy[r] = now_ms () - start;
    }
  g_print ("back up the ledger of 55 000 values: median %.1f ms\n", median (copy, G_N_ELEMENTS (copy)));
  g_remove (backup);
}

static LedgerNode *
area_at (LedgerPlan *plan,
         guint       index)
{
  return g_list_model_get_item (ledger_node_get_children (LEDGER_NODE (plan)), index);
}

static void
bench_page (LedgerStore *store,
            LedgerPlan  *plan)
{
  g_autoptr(LedgerContext) context = ledger_context_new (store);
  g_autoptr(LedgerNode) area = area_at (plan, 0);
  double build[ROUNDS], all[ROUNDS];

  ledger_context_set_as_of (context, "2026");
  for (guint r = 0; r < ROUNDS; r++)
    {
      double start = now_ms ();
      GtkWidget *page = g_object_ref_sink (GTK_WIDGET (ledger_area_page_new (context, plan, LEDGER_AREA (area))));

      build[r] = now_ms () - start;
      start = now_ms ();
      ledger_area_page_build_all (LEDGER_AREA_PAGE (page));
      all[r] = now_ms () - start + build[r];
      g_object_unref (page);
    }
  g_print ("build an area page of 200 rows, the first screen: median %.1f ms\n", median (build, ROUNDS));
  g_print ("build all of its 200 rows: median %.1f ms\n", median (all, ROUNDS));
}

static void
bench_switch (LedgerWindow *window,
              LedgerPlan   *plan)
{
  double first[N_AREAS - 1], again[ROUNDS];

  for (guint a = 1; a < N_AREAS; a++)
    {
      g_autoptr(LedgerNode) area = area_at (plan, a);
      double start = now_ms ();

      ledger_window_select_page (window, ledger_node_get_uuid (area));
      draw_frame (GTK_WIDGET (window));
      first[a - 1] = now_ms () - start;
      iterate ();
    }
  for (guint r = 0; r < ROUNDS; r++)
    {
      g_autoptr(LedgerNode) area = area_at (plan, r % N_AREAS);
      double start = now_ms ();

      ledger_window_select_page (window, ledger_node_get_uuid (area));
      draw_frame (GTK_WIDGET (window));
      again[r] = now_ms () - start;
    }
  g_print ("switch to an area page of 75 rows, first time, to its first frame: median %.1f ms\n",
           median (first, N_AREAS - 1));
  g_print ("switch to a page shown before, to its first frame: median %.1f ms\n", median (again, ROUNDS));
}

static void
bench_chart (LedgerStore  *store,
             LedgerPlan   *plan,
             GtkWidget    *window)
{
  g_autoptr(LedgerNode) area = area_at (plan, 0);
  g_autoptr(LedgerNode) task = g_list_model_get_item (ledger_node_get_children (area), 0);
  g_autoptr(LedgerIndicator) indicator = g_list_model_get_item (ledger_node_get_children (task), 0);
  g_autoptr(GListModel) values = ledger_store_list_values (store, ledger_indicator_get_id (indicator));
  GtkWidget *chart = ledger_chart_new (FALSE);
  GskRenderer *renderer;
  double draw[ROUNDS];

  gtk_window_set_child (GTK_WINDOW (window), chart);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 300);
  gtk_window_present (GTK_WINDOW (window));
  ledger_chart_set_data (LEDGER_CHART (chart), indicator, FIRST_YEAR, LAST_YEAR, values, NULL, NULL);
  for (guint i = 0; i < 50; i++)
    {
      iterate ();
      g_usleep (2000);
    }
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  for (guint r = 0; r < ROUNDS; r++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      double start = now_ms ();

      GTK_WIDGET_GET_CLASS (chart)->snapshot (chart, snapshot);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      texture = gsk_renderer_render_texture (renderer, node, NULL);
      draw[r] = now_ms () - start;
    }
  /* The renderer matters: GL on a machine without a GPU is Mesa's
   * software rasterizer, and then the upload of the drawing costs more than
   * drawing it. */
  g_print ("draw the chart of %u values (%d×%d, %s): median %.2f ms\n",
           ledger_chart_get_n_points (LEDGER_CHART (chart)), gtk_widget_get_width (chart),
           gtk_widget_get_height (chart), G_OBJECT_TYPE_NAME (renderer), median (draw, ROUNDS));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("target-ledger-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.sqlite3", NULL);
  g_autoptr(LedgerApplication) app = NULL;
  g_autoptr(LedgerStore) store = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  LedgerWindow *window;
  GtkWidget *chart_window;
  LedgerPlan *plan;

  setlocale (LC_ALL, "");
  adw_init ();
  app = ledger_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);

  store = generate_ledger (path);
  plans = ledger_store_list_plans (store, &error);
  plan = g_ptr_array_index (plans, 0);

  bench_page (store, plan);
  bench_batch_and_backup (store, plan, dir);

  window = ledger_window_new (app, store);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  bench_switch (window, plan);

  chart_window = gtk_window_new ();
  bench_chart (store, plan, chart_window);

  gtk_window_destroy (GTK_WINDOW (chart_window));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_clear_object (&store);
  g_remove (path);
  return 0;
}
