/* main.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ledger-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LedgerApplication) app = NULL;
  const char *localedir = g_getenv ("TARGET_LEDGER_LOCALEDIR");

  /* The build tree's translations, when run from there (meson devenv). */
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ledger_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
