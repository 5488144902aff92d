/* test-pdf.c: a PDF file as a reader sees it, through poppler-utils
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-pdf.h"

char *
test_run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

/* Returns: (transfer full): a field of pdfinfo ("Pages", "Page size") */
char *
test_pdf_info (const char *path,
               const char *key)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = test_run_tool (argv);
  g_autofree char *prefix = g_strdup_printf ("%s:", key);
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], prefix))
        return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
    }
  g_error ("pdfinfo tells no “%s” of %s", key, path);
}

guint
test_pdf_pages (const char *path)
{
  g_autofree char *pages = test_pdf_info (path, "Pages");

  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

char *
test_squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
test_pdf_text (const char *path,
               guint       first,
               guint       last)
{
  g_autofree char *first_arg = g_strdup_printf ("%u", MAX (first, 1));
  g_autofree char *last_arg = g_strdup_printf ("%u", last);
  const char *all[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  const char *some[] = { "pdftotext", "-enc", "UTF-8", "-f", first_arg, "-l", last_arg, path, "-", NULL };
  g_autofree char *text = test_run_tool (first == 0 ? all : some);

  return test_squeeze (text);
}
