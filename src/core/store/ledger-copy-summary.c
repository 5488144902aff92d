/* ledger-copy-summary.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-copy-summary.h"

/* The words after a copy of a ledger, the same on the command line and in
 * the window: plans, values and attachments are what a planning office
 * counts, not the rows of the tables the copy checked. */

static gboolean
count_table (LedgerStore  *store,
             const char   *table,
             guint        *count,
             GError      **error)
{
  gint64 rows = ledger_store_count_rows (store, table, error);

  if (rows < 0)
    return FALSE;
  *count = (guint) MIN (rows, (gint64) G_MAXUINT);
  return TRUE;
}

/**
 * ledger_copy_summary_count:
 * @store: the ledger copied; in the read transaction the copy read in,
 *   what was copied rather than what the ledger holds by now
 *
 * Returns: %FALSE with @error set if the ledger could not be counted
 */
gboolean
ledger_copy_summary_count (LedgerStore        *store,
                           LedgerCopySummary  *summary,
                           GError            **error)
{
  g_return_val_if_fail (LEDGER_IS_STORE (store), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  return count_table (store, "plans", &summary->plans, error) &&
         count_table (store, "indicator_values", &summary->values, error) &&
         count_table (store, "attachments", &summary->attachments, error);
}

/**
 * ledger_copy_summary_describe:
 * @described: where the ledger was copied, without a password
 *   (ledger_store_describe_location())
 *
 * Returns: (transfer full): "Copied 2 plans, 310 values and 1 attachment
 *   to …", without a final newline
 */
char *
ledger_copy_summary_describe (const LedgerCopySummary *summary,
                              const char              *described)
{
  g_autofree char *plans = NULL;
  g_autofree char *values = NULL;
  g_autofree char *attachments = NULL;

  g_return_val_if_fail (summary != NULL, NULL);
  g_return_val_if_fail (described != NULL, NULL);

  plans = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u plan", "%u plans", summary->plans), summary->plans);
  values = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u value", "%u values", summary->values),
                            summary->values);
  attachments = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attachment", "%u attachments",
                                              summary->attachments), summary->attachments);
  /* Translators: "2 plans", "310 values" and "1 attachment", then where the ledger was copied */
  return g_strdup_printf (_("Copied %s, %s and %s to %s"), plans, values, attachments, described);
}
