/* ledger-settings.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-settings"

#include "config.h"

#include "ledger-settings.h"

/* The application's GSettings, shared by the window and the command line
 * so that both judge status with the same tolerances. */

/* Returns: (transfer full) (nullable): the settings, or %NULL when the
 * schema is not installed (a build tree run without meson devenv) */
GSettings *
ledger_settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL || (schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE)) == NULL)
    return NULL;
  return g_settings_new (APPLICATION_ID);
}

/* Reads the tolerances of the status rules; without settings, the
 * defaults of docs/domain.md (Tolerances). */
void
ledger_settings_read_tolerances (GSettings        *settings,
                                 LedgerTolerances *tolerances)
{
  ledger_tolerances_init_default (tolerances);
  if (settings == NULL)
    return;

  tolerances->about_points = g_settings_get_double (settings, "about-points");
  tolerances->about_share = g_settings_get_double (settings, "about-share");
  tolerances->warning_points = g_settings_get_double (settings, "warning-points");
  tolerances->warning_share = g_settings_get_double (settings, "warning-share");
  tolerances->cumulative_warning = g_settings_get_double (settings, "cumulative-warning");
  tolerances->checks.times = g_settings_get_double (settings, "check-spread-times");
  tolerances->checks.rate_low = g_settings_get_double (settings, "check-rate-low");
  tolerances->checks.rate_high = g_settings_get_double (settings, "check-rate-high");
  tolerances->checks.level_high = g_settings_get_double (settings, "check-level-high");
  tolerances->due_skip_weekends = g_settings_get_boolean (settings, "due-skip-weekends");
  tolerances->roll_up = g_settings_get_double (settings, "roll-up-tolerance");
}

/* The largest file an attachment may be, in bytes: the setting, in MiB,
 * or 50 MiB without settings. */
guint64
ledger_settings_attachment_limit (GSettings *settings)
{
  if (settings == NULL)
    return LEDGER_ATTACHMENT_DEFAULT_LIMIT;
  return (guint64) g_settings_get_uint (settings, "attachment-limit-mib") * 1024 * 1024;
}
