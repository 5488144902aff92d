/* ledger-test-ui.c: helpers of the UI tests
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "ledger-test-ui.h"

/* Sets up gettext like main.c, with the language the test was started in
 * (LANGUAGE), and GTK under the test's display. */
/* Sets up gettext like main.c, with the language the test was started in
 * (LANGUAGE), private home folders, and GTK on the test's display. The
 * system's data folders stay: icons and MIME types live there. */
void
ledger_test_ui_init (int    *argc,
                     char ***argv)
{
  const char *localedir = g_getenv ("TARGET_LEDGER_LOCALEDIR");
  g_autofree char *home = g_dir_make_tmp ("target-ledger-ui-XXXXXX", NULL);
  const char *folders[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };

  g_assert_nonnull (home);
  g_setenv ("HOME", home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *folder = g_build_filename (home, folders[i], NULL);

      g_mkdir_with_parents (folder, 0700);
      g_setenv (folders[i], folder, TRUE);
    }

  g_test_init (argc, argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  g_main_context_wakeup (NULL);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for a while, so that windows map, lay out and draw. */
void
ledger_test_ui_wait (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Saves a PNG of @widget as drawn now, as screenshots/NAME-LANGUAGE.png in
 * the build directory. */
void
ledger_test_ui_screenshot (GtkWidget  *widget,
                           const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  const char *language = g_getenv ("LANGUAGE");
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  ledger_test_ui_wait (300);
  g_assert_cmpint (width, >, 0);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  dir = g_build_filename (g_getenv ("LEDGER_SCREENSHOT_DIR") != NULL
                          ? g_getenv ("LEDGER_SCREENSHOT_DIR") : ".", NULL);
  g_mkdir_with_parents (dir, 0755);
  file = g_strdup_printf ("%s/%s-%s.png", dir, name, language != NULL ? language : "C");
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_test_message ("screenshot: %s", file);
}

/* Returns: (transfer none) (nullable): the first widget under @root, in
 * depth-first order, of @type for which @match (if given) is true */
GtkWidget *
ledger_test_ui_find (GtkWidget  *root,
                     GType       type,
                     gboolean  (*match) (GtkWidget *, gpointer),
                     gpointer    data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (match == NULL || match (root, data)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ledger_test_ui_find (child, type, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Returns: (transfer none) (nullable): the toplevel window of @type */
GtkWindow *
ledger_test_ui_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}
