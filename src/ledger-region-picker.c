/* ledger-region-picker.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-region-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "ledger-region.h"
#include "ledger-region-picker.h"

/* The choice of whose figure is typed, in the value dialog and Record
 * Period: the city's own (全市) first, then each of the plan's regions in
 * its order. Position 0 is the city; position i the region i - 1. */

/* Returns: (transfer full): the picker's labels for @regions (LedgerRegion) */
GtkStringList *
ledger_region_picker_labels (GPtrArray *regions)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, _("City (own figure)"));
  for (guint i = 0; regions != NULL && i < regions->len; i++)
    gtk_string_list_append (labels, ((LedgerRegion *) regions->pdata[i])->name);
  return labels;
}

/* Returns: the code of the region at @selected, or "" for the city */
const char *
ledger_region_picker_code (GPtrArray *regions,
                           guint      selected)
{
  if (regions == NULL || selected == 0 || selected > regions->len)
    return "";
  return ((LedgerRegion *) regions->pdata[selected - 1])->code;
}

/* Returns: whether @code ("" or NULL: the city) is one of the choices,
 * and where */
gboolean
ledger_region_picker_find (GPtrArray  *regions,
                           const char *code,
                           guint      *selected)
{
  *selected = 0;
  if (code == NULL || code[0] == '\0')
    return TRUE;
  for (guint i = 0; regions != NULL && i < regions->len; i++)
    if (g_str_equal (((LedgerRegion *) regions->pdata[i])->code, code))
      {
        *selected = i + 1;
        return TRUE;
      }
  return FALSE;
}
