/* ledger-xlsx-evidence.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-xlsx"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-xlsx-private.h"

/* The sheet of the evidence (佐证材料, docs/attachments.md): a row per
 * attached file with its indicator, period, name, size and SHA-256, by
 * which the file is found again. Only in a ledger that has any. */

enum { COL_PLAN, COL_CODE, COL_INDICATOR, COL_PERIOD, COL_NAME, COL_SIZE, COL_SHA256, COL_TYPE, COL_ADDED,
       N_COLUMNS };

typedef struct
{
  GHashTable *indicators;  /* id → LedgerIndicator */
  GHashTable *plans;       /* id → LedgerPlan */
  LedgerPlan *plan;
} Index;

static void
index_cb (LedgerNode      *area,
          LedgerNode      *task,
          LedgerIndicator *indicator,
          gpointer         user_data)
{
  Index *index = user_data;
  gint64 *id = g_new (gint64, 1);

  *id = ledger_indicator_get_id (indicator);
  g_hash_table_insert (index->indicators, id, indicator);
  g_hash_table_insert (index->plans, id, index->plan);
}

static void
write_header (LedgerXlsx    *xlsx,
              lxw_worksheet *worksheet,
              lxw_format    *bold)
{
  const char *titles[N_COLUMNS] = {
    [COL_PLAN] = _("Plan"), [COL_CODE] = _("Code"), [COL_INDICATOR] = _("Indicator"),
    [COL_PERIOD] = _("Period"), [COL_NAME] = _("File"), [COL_SIZE] = _("Size (bytes)"),
    [COL_SHA256] = "SHA-256", [COL_TYPE] = _("Type"), [COL_ADDED] = _("Added"),
  };
  static const double widths[N_COLUMNS] = { 24, 22, 28, 10, 30, 12, 66, 22, 22 };

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      worksheet_write_string (worksheet, 1, c, titles[c], bold);
      worksheet_set_column (worksheet, c, c, widths[c], NULL);
    }
}

static void
write_row (LedgerXlsx       *xlsx,
           lxw_worksheet    *worksheet,
           lxw_row_t         row,
           Index            *index,
           LedgerAttachment *attachment)
{
  gint64 id = ledger_attachment_get_indicator_id (attachment);
  LedgerIndicator *indicator = g_hash_table_lookup (index->indicators, &id);
  LedgerPlan *plan = g_hash_table_lookup (index->plans, &id);
  const char *texts[N_COLUMNS] = {
    [COL_PLAN] = ledger_node_get_title (LEDGER_NODE (plan)),
    [COL_CODE] = ledger_indicator_get_code (indicator),
    [COL_INDICATOR] = ledger_indicator_get_name (indicator),
    [COL_PERIOD] = ledger_attachment_get_period (attachment),
    [COL_NAME] = ledger_attachment_get_name (attachment),
    [COL_SHA256] = ledger_attachment_get_sha256 (attachment),
    [COL_TYPE] = ledger_attachment_get_media_type (attachment),
    [COL_ADDED] = ledger_attachment_get_added_at (attachment),
  };

  for (guint c = 0; c < N_COLUMNS; c++)
    if (c != COL_SIZE)
      worksheet_write_string (worksheet, row, c, ledger_xlsx_text (xlsx, texts[c]), NULL);
  worksheet_write_number (worksheet, row, COL_SIZE, (double) ledger_attachment_get_size (attachment), NULL);
}

/* Adds the sheet of the evidence of @plans' indicators, if there is any. */
void
ledger_xlsx_write_evidence (LedgerXlsx *xlsx,
                            GPtrArray  *plans)
{
  LedgerStore *store = ledger_context_get_store (xlsx->context);
  g_autoptr(GPtrArray) attachments = ledger_store_list_attachments (store, 0, NULL, NULL);
  Index index = { g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL),
                  g_hash_table_new (g_int64_hash, g_int64_equal), NULL };
  g_autofree char *name = NULL;
  lxw_worksheet *worksheet;
  lxw_format *bold;
  lxw_row_t row = 2;

  for (guint i = 0; i < plans->len; i++)
    {
      index.plan = g_ptr_array_index (plans, i);
      ledger_plan_foreach_indicator (index.plan, index_cb, &index);
    }
  if (attachments != NULL && attachments->len > 0 &&
      (worksheet = ledger_xlsx_add_sheet (xlsx, _("Evidence"), "Evidence", &name)) != NULL)
    {
      bold = workbook_add_format (xlsx->workbook);
      format_set_bold (bold);
      worksheet_write_string (worksheet, 0, 0, _("Evidence"), xlsx->title);
      write_header (xlsx, worksheet, bold);
      for (guint i = 0; i < attachments->len; i++)
        {
          gint64 id = ledger_attachment_get_indicator_id (g_ptr_array_index (attachments, i));

          if (g_hash_table_contains (index.indicators, &id))
            write_row (xlsx, worksheet, row++, &index, g_ptr_array_index (attachments, i));
        }
      worksheet_freeze_panes (worksheet, 2, 0);
      ledger_xlsx_set_up_printing (worksheet);
    }
  g_hash_table_unref (index.plans);
  g_hash_table_unref (index.indicators);
}
