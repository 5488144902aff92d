/* ledger-task-list-export.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-task-list-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-area.h"
#include "ledger-export-job.h"
#include "ledger-names.h"
#include "ledger-output-file.h"
#include "ledger-task.h"
#include "ledger-task-list.h"
#include "ledger-task-list-export.h"
#include "ledger-xlsx-private.h"

/* Plans written as 清单 workbooks, a sheet per plan: the title row, the
 * plan's particulars (code, region, years, source), the header, one row per indicator with its area and task merged over their
 * rows, and the plan's settings in the columns after 备注, so that the
 * task list import reads the plan back as it was (docs/task-list-format.md). */

#define TITLE_ROW       0
#define PARTICULARS_ROW 1
#define HEADER_ROW      2

typedef struct
{
  LedgerXlsx     xlsx;
  lxw_worksheet *sheet;
  lxw_format    *header, *cell;
  lxw_row_t      row;
  guint          number;
  int            year;    /* the plan's first */
} Export;

static const char *kind_words[] = { "累计", "增速", "水平", "定性" };
static const char *comparator_words[] = { "", "以上", "左右", "以下" };
static const char *commitment_words[] = { "无", "确保", "力争" };
static const char *frequency_words[] = { "月度", "季度", "年度" };

/* What the column of @field says of @indicator; the number of 目标值 is
 * written by write_indicator(). */
static char *
field_text (Export          *export,
            LedgerIndicator *indicator,
            LedgerTaskField  field)
{
  gboolean measured = ledger_indicator_get_kind (indicator) != LEDGER_KIND_QUALITATIVE;
  gboolean milestone = ledger_indicator_get_profile (indicator) == LEDGER_PROFILE_MILESTONE;
  GPtrArray *milestones = ledger_indicator_get_milestones (indicator);

  switch (field)
    {
    case LEDGER_TASK_FIELD_NUMBER: return g_strdup_printf ("%u", export->number);
    case LEDGER_TASK_FIELD_NAME: return g_strdup (ledger_indicator_get_name (indicator));
    case LEDGER_TASK_FIELD_TARGET: return g_strdup (ledger_indicator_get_source_text (indicator));
    case LEDGER_TASK_FIELD_UNIT: return g_strdup (ledger_indicator_get_unit (indicator));
    case LEDGER_TASK_FIELD_LEAD: return g_strdup (ledger_indicator_get_responsible_unit (indicator));
    case LEDGER_TASK_FIELD_SUPPORT:
      return ledger_names_join_units (ledger_indicator_get_supporting_units (indicator));
    case LEDGER_TASK_FIELD_DEADLINE: return ledger_task_row_format_milestones (milestones, export->year);
    case LEDGER_TASK_FIELD_DONE: return ledger_task_row_format_done (milestones);
    case LEDGER_TASK_FIELD_NOTES: return g_strdup (ledger_indicator_get_notes (indicator));
    case LEDGER_TASK_FIELD_CODE: return g_strdup (ledger_indicator_get_code (indicator));
    case LEDGER_TASK_FIELD_KIND: return g_strdup (kind_words[ledger_indicator_get_kind (indicator)]);
    case LEDGER_TASK_FIELD_COMPARATOR:
      return g_strdup (measured ? comparator_words[ledger_indicator_get_comparator (indicator)] : "");
    case LEDGER_TASK_FIELD_BETTER:
      return g_strdup (measured ? ledger_better_to_string (ledger_indicator_get_better (indicator)) : "");
    case LEDGER_TASK_FIELD_COMMITMENT:
      return g_strdup (commitment_words[ledger_indicator_get_commitment (indicator)]);
    case LEDGER_TASK_FIELD_FREQUENCY:
      return g_strdup (frequency_words[ledger_indicator_get_frequency (indicator)]);
    case LEDGER_TASK_FIELD_PROFILE:
      return g_strdup (measured ? ledger_profile_to_string (ledger_indicator_get_profile (indicator)) : "");
    case LEDGER_TASK_FIELD_SHARES: return g_strdup (ledger_indicator_get_custom_shares (indicator));
    case LEDGER_TASK_FIELD_DUE_MONTH:
      return milestone ? g_strdup_printf ("%d", ledger_indicator_get_due_month (indicator)) : g_strdup ("");
    case LEDGER_TASK_FIELD_JANUARY: return g_strdup (ledger_january_to_string (ledger_indicator_get_january (indicator)));
    case LEDGER_TASK_FIELD_CONFIRMED: return g_strdup (ledger_indicator_get_unit_confirmed (indicator) ? "是" : "否");
    case LEDGER_TASK_FIELD_AREA:
    case LEDGER_TASK_FIELD_AREA_SHORT:
    case LEDGER_TASK_FIELD_TASK:
    case LEDGER_TASK_FIELD_TASK_TEXT:
    case LEDGER_TASK_FIELD_VALUE:
    case LEDGER_TASK_FIELD_TASK_LEAD:
    case LEDGER_TASK_FIELD_TASK_SUPPORT:
    case LEDGER_TASK_FIELD_TASK_DEADLINE:
    case LEDGER_TASK_FIELD_TASK_DONE:
    case LEDGER_TASK_FIELD_SUB_ITEMS:
    case LEDGER_TASK_N_FIELDS:
    default:
      return g_strdup ("");
    }
}

static void
write_text (Export     *export,
            lxw_row_t   row,
            lxw_col_t   column,
            const char *text)
{
  worksheet_write_string (export->sheet, row, column, ledger_xlsx_text (&export->xlsx, text), export->cell);
}

static void
write_indicator (Export          *export,
                 LedgerIndicator *indicator)
{
  for (guint field = 0; field < LEDGER_TASK_N_FIELDS; field++)
    {
      g_autofree char *text = field_text (export, indicator, field);

      if (field == LEDGER_TASK_FIELD_VALUE && ledger_indicator_get_kind (indicator) != LEDGER_KIND_QUALITATIVE)
        worksheet_write_number (export->sheet, export->row, field, ledger_indicator_get_target (indicator),
                                export->cell);
      else
        write_text (export, export->row, field, text);
    }
  export->number++;
  export->row++;
}

/* @text in @column over the rows from @first to the last written. */
static void
write_span (Export     *export,
            lxw_row_t   first,
            lxw_col_t   column,
            const char *text)
{
  if (export->row - first > 1)
    worksheet_merge_range (export->sheet, first, column, export->row - 1, column,
                           ledger_xlsx_text (&export->xlsx, text), export->cell);
  else
    write_text (export, first, column, text);
}

typedef void (*WriteFunc) (Export *export, gpointer child);

/* Writes each child of @node with @write_child; @first is the first row
 * written. Returns: whether any was */
static gboolean
write_children (Export     *export,
                LedgerNode *node,
                WriteFunc   write_child,
                lxw_row_t  *first)
{
  GListModel *children = ledger_node_get_children (node);

  *first = export->row;
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(GObject) child = g_list_model_get_item (children, i);

      write_child (export, child);
    }
  return export->row > *first;
}

/* The task's own columns, over its rows: units, milestones, sub-items. */
static void
write_task_follow_up (Export     *export,
                      lxw_row_t   first,
                      LedgerTask *task)
{
  GPtrArray *milestones = ledger_task_get_milestones (task);
  g_autofree char *supporting = ledger_names_join_units (ledger_task_get_supporting_units (task));
  g_autofree char *deadlines = ledger_task_row_format_milestones (milestones, export->year);
  g_autofree char *done = ledger_task_row_format_done (milestones);
  g_autofree char *sub_items = ledger_task_row_format_sub_items (ledger_task_get_sub_items (task));

  write_span (export, first, LEDGER_TASK_FIELD_TASK_LEAD, ledger_task_get_lead_unit (task));
  write_span (export, first, LEDGER_TASK_FIELD_TASK_SUPPORT, supporting);
  write_span (export, first, LEDGER_TASK_FIELD_TASK_DEADLINE, deadlines);
  write_span (export, first, LEDGER_TASK_FIELD_TASK_DONE, done);
  write_span (export, first, LEDGER_TASK_FIELD_SUB_ITEMS, sub_items);
}

static void
write_task (Export     *export,
            LedgerNode *task)
{
  lxw_row_t first;

  if (!write_children (export, task, (WriteFunc) write_indicator, &first))
    return;
  write_span (export, first, LEDGER_TASK_FIELD_TASK, ledger_node_get_title (task));
  write_span (export, first, LEDGER_TASK_FIELD_TASK_TEXT, ledger_task_get_text (LEDGER_TASK (task)));
  write_task_follow_up (export, first, LEDGER_TASK (task));
}

static void
write_area (Export     *export,
            LedgerNode *area)
{
  lxw_row_t first;

  if (!write_children (export, area, (WriteFunc) write_task, &first))
    return;
  write_span (export, first, LEDGER_TASK_FIELD_AREA, ledger_node_get_title (area));
  write_span (export, first, LEDGER_TASK_FIELD_AREA_SHORT, ledger_area_get_short_title (LEDGER_AREA (area)));
}

/* "代码：changzhi-2026；地区：长治市；规划年度：2026-2026；来源：…", as the
 * import reads it. */
static char *
plan_particulars (LedgerPlan *plan)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "代码：%s；", ledger_plan_get_code (plan));
  if (*ledger_plan_get_region (plan) != '\0')
    g_string_append_printf (text, "地区：%s；", ledger_plan_get_region (plan));
  g_string_append_printf (text, "规划年度：%d-%d", ledger_plan_get_first_year (plan),
                          ledger_plan_get_last_year (plan));
  if (*ledger_plan_get_source (plan) != '\0')
    g_string_append_printf (text, "；来源：%s", ledger_plan_get_source (plan));
  return g_strdup (text->str);
}

static void
write_plan (Export     *export,
            LedgerPlan *plan)
{
  g_autofree char *name = NULL;
  g_autofree char *particulars = plan_particulars (plan);
  lxw_row_t first;
  lxw_format *title = export->xlsx.title;

  export->sheet = ledger_xlsx_add_sheet (&export->xlsx, ledger_plan_get_code (plan), "plan", &name);
  worksheet_merge_range (export->sheet, TITLE_ROW, 0, TITLE_ROW, LEDGER_TASK_FIELD_NOTES,
                         ledger_xlsx_text (&export->xlsx, ledger_node_get_title (LEDGER_NODE (plan))), title);
  worksheet_merge_range (export->sheet, PARTICULARS_ROW, 0, PARTICULARS_ROW, LEDGER_TASK_FIELD_NOTES,
                         ledger_xlsx_text (&export->xlsx, particulars), NULL);
  for (guint field = 0; field < LEDGER_TASK_N_FIELDS; field++)
    worksheet_write_string (export->sheet, HEADER_ROW, field, ledger_task_list_field_header (field),
                            export->header);
  worksheet_set_column (export->sheet, 0, LEDGER_TASK_N_FIELDS - 1, 14, NULL);
  worksheet_set_column (export->sheet, LEDGER_TASK_FIELD_NUMBER, LEDGER_TASK_FIELD_NUMBER, 6, NULL);
  worksheet_set_column (export->sheet, LEDGER_TASK_FIELD_TASK_TEXT, LEDGER_TASK_FIELD_TARGET, 30, NULL);
  worksheet_freeze_panes (export->sheet, HEADER_ROW + 1, 0);
  ledger_xlsx_set_up_printing (export->sheet);

  export->row = HEADER_ROW + 1;
  export->number = 1;
  export->year = ledger_plan_get_first_year (plan);
  write_children (export, LEDGER_NODE (plan), (WriteFunc) write_area, &first);
}

static void
add_formats (Export *export)
{
  lxw_workbook *workbook = export->xlsx.workbook;

  export->xlsx.title = workbook_add_format (workbook);
  format_set_bold (export->xlsx.title);
  format_set_font_size (export->xlsx.title, 16);
  format_set_align (export->xlsx.title, LXW_ALIGN_CENTER);
  export->header = workbook_add_format (workbook);
  format_set_bold (export->header);
  format_set_border (export->header, LXW_BORDER_THIN);
  format_set_align (export->header, LXW_ALIGN_CENTER);
  format_set_text_wrap (export->header);
  export->cell = workbook_add_format (workbook);
  format_set_border (export->cell, LXW_BORDER_THIN);
  format_set_align (export->cell, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap (export->cell);
}

/**
 * ledger_task_list_export:
 * @plans: the #LedgerPlan to write, a sheet each
 * @path: the file to write: replaced only once the workbook is whole,
 *   never the ledger or its backups
 */
gboolean
ledger_task_list_export (LedgerStore  *store,
                         GPtrArray    *plans,
                         const char   *path,
                         GError      **error)
{
  g_autoptr(LedgerOutputFile) file = NULL;
  Export export = { { 0 } };
  lxw_error status;

  g_return_val_if_fail (LEDGER_IS_STORE (store), FALSE);

  if ((file = ledger_output_file_begin (path, ledger_store_get_path (store), 0666, error)) == NULL)
    return FALSE;
  if ((export.xlsx.workbook = workbook_new (ledger_output_file_get_temporary (file))) == NULL)
    {
      ledger_xlsx_set_write_error (error, G_IO_ERROR_FAILED, path, lxw_strerror (LXW_ERROR_MEMORY_MALLOC_FAILED));
      return FALSE;
    }
  export.xlsx.sheet_names = g_ptr_array_new_with_free_func (g_free);
  export.xlsx.texts = g_ptr_array_new_with_free_func (g_free);
  add_formats (&export);
  for (guint i = 0; i < plans->len; i++)
    write_plan (&export, g_ptr_array_index (plans, i));
  status = workbook_close (export.xlsx.workbook);
  g_ptr_array_unref (export.xlsx.sheet_names);
  g_ptr_array_unref (export.xlsx.texts);
  if (status != LXW_NO_ERROR)
    {
      ledger_xlsx_set_write_error (error, G_IO_ERROR_FAILED, path, lxw_strerror (status));
      return FALSE;
    }
  return ledger_output_file_finish (file, error);
}

static gboolean
export_job (LedgerStore      *store,
            LedgerExportJob  *job,
            GError          **error)
{
  g_autoptr(GPtrArray) plans = ledger_store_list_plans (store, error);

  return plans != NULL && ledger_task_list_export (store, plans, job->path, error);
}

/**
 * ledger_task_list_export_async:
 * @context: the ledger
 * @path: the workbook to write
 *
 * ledger_task_list_export() of every plan of the ledger, in a worker;
 * finish with ledger_export_job_run_finish().
 */
void
ledger_task_list_export_async (LedgerContext       *context,
                               const char          *path,
                               LedgerJobProgress   *progress,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  ledger_export_job_run_async (context, export_job, NULL, 0, path, progress, cancellable, callback, user_data);
}
