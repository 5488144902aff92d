/* ledger-status.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-status"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-status.h"

/* The status codes of files and the command line and the words the
 * office uses for them (docs/domain.md, Status). */

static const char *qualitative_codes[] = { "not_started", "in_progress", "done", "behind", NULL };

/* Returns: the statuses a user sets by hand on a qualitative task */
const char * const *
ledger_status_qualitative_codes (void)
{
  return qualitative_codes;
}

const char *
ledger_status_label (const char *code)
{
  static const struct { const char *code; const char *label; } labels[] = {
    { "achieved", N_("Achieved") },
    { "on_track", N_("On track") },
    { "warning", N_("Warning") },
    { "behind", N_("Behind") },
    { "no_data", N_("No data") },
    { "not_started", N_("Not started") },
    { "in_progress", N_("In progress") },
    { "done", N_("Done") },
    { "pending", N_("Not yet assessed") },
    { "overdue", N_("Overdue") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (g_strcmp0 (code, labels[i].code) == 0)
        return _(labels[i].label);
    }
  return code != NULL ? code : "";
}
