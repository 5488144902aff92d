/* ledger-wide-sheet.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-wide-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-csv.h"
#include "ledger-period-words.h"
#include "ledger-status.h"
#include "ledger-wide-sheet.h"

/* A 台账 laid out wide (docs/sheet-import.md): a row per indicator, named
 * by code or by name, and a column per period under a header row of
 * periods (1月, 1-2月, 上半年, 2025年 …), with the year in the title above
 * or in the headings, and if the ledger holds several plans of the year,
 * a column of plans. Read into the rows of a long CSV file of values —
 * code, indicator, period, value — one per filled cell, each with its
 * row's number, for the CSV import to sort and write. Columns of targets,
 * totals and notes are left out by their headings. */

/* Headings of columns that are not figures of their period, though they
 * may name one: 2026年目标, 1-6月合计, 去年同期. */
static const char *skipped_words[] = {
  "目标", "合计", "总计", "小计", "备注", "说明", "同期", "同比", "增速", "增幅", "增长", "进度",
  "完成率", "预计", "target", "total", "note", "same period", "year on year", "projected",
};

/* Headings of the columns of plans and of codes, and words in that of
 * names. */
static const char *plan_headings[] = { "plan", "计划", "所属计划" };
static const char *code_headings[] = { "code", "编号", "代码", "指标编号", "指标代码" };
static const char *name_words[] = { "指标", "名称", "项目", "indicator" };

/* Cells that say "no figure". */
static const char *no_figure[] = { "-", "—", "——", "－", "/", "／" };

typedef struct
{
  LedgerSheet *sheet;
  guint        header_row;
  int          plan_column;
  int          code_column;
  int          name_column;
  GPtrArray   *periods;  /* by column: the period as the CSV import reads it, or NULL */
} Wide;

/* Whether @heading, in any case, is one of @words, or if @inside, holds
 * one. */
static gboolean
heading_has (const char  *heading,
             const char **words,
             guint        n_words,
             gboolean     inside)
{
  g_autofree char *folded = g_utf8_casefold (heading, -1);

  for (guint i = 0; i < n_words; i++)
    if (inside ? strstr (folded, words[i]) != NULL : g_str_equal (folded, words[i]))
      return TRUE;
  return FALSE;
}

/* The period of the program's own headings, as its XLSX export writes
 * them in the language it runs in (Jan–Jun, H1), in the office's words. */
static char *
label_period (const char *heading)
{
  static const char *quarters[] = { "一季度", "上半年", "前三季度", "全年" };

  for (int month = 1; month <= 12; month++)
    {
      LedgerPeriod period = { 2000, LEDGER_PERIOD_MONTH, month };
      g_autofree char *label = ledger_period_label (&period);

      if (g_str_equal (label, heading))
        return month == 1 ? g_strdup ("1月") : g_strdup_printf ("1-%d月", month);
    }
  for (int quarter = 1; quarter <= 4; quarter++)
    {
      LedgerPeriod period = { 2000, LEDGER_PERIOD_QUARTER, quarter };
      g_autofree char *label = ledger_period_label (&period);

      if (g_str_equal (label, heading))
        return g_strdup (quarters[quarter - 1]);
    }
  return NULL;
}

/* The period a heading names, as the CSV import reads periods; NULL for a
 * column of something else. */
static char *
heading_period (const char *cell)
{
  g_autofree char *heading = g_strstrip (g_strdup (cell));
  LedgerPeriodWords words;

  if (heading[0] == '\0' || heading_has (heading, skipped_words, G_N_ELEMENTS (skipped_words), TRUE))
    return NULL;
  if (ledger_period_words_parse (heading, &words))
    return g_steal_pointer (&heading);
  return label_period (heading);
}

/* Whether @row is the header: a column of codes or of names, and at least
 * one of periods. */
static gboolean
read_header (Wide  *wide,
             guint  row)
{
  guint n_columns = ledger_sheet_get_n_columns (wide->sheet);
  guint n_periods = 0;

  wide->plan_column = wide->code_column = wide->name_column = -1;
  g_ptr_array_set_size (wide->periods, 0);
  for (guint column = 0; column < n_columns; column++)
    {
      const char *heading = ledger_sheet_get_cell (wide->sheet, row, column);
      char *period = heading_period (heading);

      if (period != NULL)
        n_periods++;
      else if (wide->plan_column < 0 && heading_has (heading, plan_headings, G_N_ELEMENTS (plan_headings), FALSE))
        wide->plan_column = column;
      else if (wide->code_column < 0 && heading_has (heading, code_headings, G_N_ELEMENTS (code_headings), FALSE))
        wide->code_column = column;
      else if (wide->name_column < 0 && heading_has (heading, name_words, G_N_ELEMENTS (name_words), TRUE))
        wide->name_column = column;
      g_ptr_array_add (wide->periods, period);
    }
  return n_periods > 0 && (wide->code_column >= 0 || wide->name_column >= 0);
}

/* Whether a period heading of the header row is merged over several
 * columns: a heading of a group ("2026年" over 1月 … 12月), whose periods
 * are in the row below. */
static gboolean
groups_periods (Wide  *wide,
                guint  row)
{
  for (guint column = 0; column < wide->periods->len; column++)
    if (g_ptr_array_index (wide->periods, column) != NULL && ledger_sheet_is_merged (wide->sheet, row, column))
      return TRUE;
  return FALSE;
}

static gboolean
find_header (Wide *wide)
{
  guint n_rows = MIN (ledger_sheet_get_n_rows (wide->sheet), LEDGER_WIDE_SHEET_HEADER_ROWS);

  for (guint row = 0; row < n_rows; row++)
    {
      if (!read_header (wide, row))
        continue;
      wide->header_row = row;
      if (groups_periods (wide, row) && row + 1 < n_rows)
        {
          if (read_header (wide, row + 1))
            wide->header_row = row + 1;
          else
            read_header (wide, row);
        }
      return TRUE;
    }
  return FALSE;
}

/* The year the title above the header names (长治市2025年政府工作报告目标
 * 台账), or 0. */
static int
title_year (Wide *wide)
{
  g_autoptr(GRegex) regex = g_regex_new ("(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])", 0, 0, NULL);

  for (guint row = 0; row < wide->header_row; row++)
    for (guint column = 0; column < ledger_sheet_get_n_columns (wide->sheet); column++)
      {
        g_autoptr(GMatchInfo) match = NULL;

        if (g_regex_match (regex, ledger_sheet_get_cell (wide->sheet, row, column), 0, &match))
          {
            g_autofree char *year = g_match_info_fetch (match, 1);

            return atoi (year);
          }
      }
  return 0;
}

static LedgerCsvRecord *
record_new (guint               line,
            const char * const *fields)
{
  LedgerCsvRecord *record = g_new (LedgerCsvRecord, 1);

  record->line = line;
  record->fields = g_strdupv ((char **) fields);
  return record;
}

/* A qualitative task's status as offices write it, besides the program's
 * own words. */
static const struct { const char *words; const char *code; } status_words[] = {
  { "未启动", "not_started" }, { "未开始", "not_started" }, { "进行中", "in_progress" },
  { "推进中", "in_progress" }, { "正在推进", "in_progress" }, { "已完成", "done" }, { "完成", "done" },
  { "滞后", "behind" }, { "进度滞后", "behind" },
};

/* A qualitative task's status written in words (进行中) as its code. */
static const char *
status_code (const char *text)
{
  const char * const *codes = ledger_status_qualitative_codes ();

  for (guint i = 0; i < G_N_ELEMENTS (status_words); i++)
    if (g_str_equal (text, status_words[i].words))
      return status_words[i].code;

  for (guint i = 0; codes[i] != NULL; i++)
    if (g_str_equal (text, codes[i]) || g_str_equal (text, ledger_status_label (codes[i])))
      return codes[i];
  return text;
}

static gboolean
is_figure (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (no_figure); i++)
    if (g_str_equal (text, no_figure[i]))
      return FALSE;
  return text[0] != '\0';
}

static const char *
cell (Wide  *wide,
      guint  row,
      int    column)
{
  return column >= 0 ? ledger_sheet_get_cell (wide->sheet, row, column) : "";
}

/* Whether the cell at @row, @column is the row's heading spread over it:
 * an area's title merged across the sheet. */
static gboolean
is_spread_heading (Wide       *wide,
                   guint       row,
                   guint       column,
                   const char *text,
                   const char *name)
{
  return ledger_sheet_is_merged (wide->sheet, row, column) && g_str_equal (text, name);
}

/* The records of a row's filled period cells. */
static void
read_row (Wide      *wide,
          guint      row,
          GPtrArray *records)
{
  g_autofree char *plan = g_strstrip (g_strdup (cell (wide, row, wide->plan_column)));
  g_autofree char *code = g_strstrip (g_strdup (cell (wide, row, wide->code_column)));
  g_autofree char *name = g_strstrip (g_strdup (cell (wide, row, wide->name_column)));
  guint line = ledger_sheet_get_row_number (wide->sheet, row);

  if (code[0] == '\0' && name[0] == '\0')
    return;
  for (guint column = 0; column < wide->periods->len; column++)
    {
      const char *period = g_ptr_array_index (wide->periods, column);
      g_autofree char *text = NULL;

      if (period == NULL)
        continue;
      text = g_strstrip (g_strdup (ledger_sheet_get_cell (wide->sheet, row, column)));
      if (is_figure (text) && !is_spread_heading (wide, row, column, text, name))
        {
          const char *fields[] = { plan, code, name, period, text, status_code (text), NULL };

          g_ptr_array_add (records, record_new (line, fields));
        }
    }
}

/**
 * ledger_wide_sheet_to_records:
 * @year: (out): the year the title names, for periods written without
 *   one; 0 if none
 *
 * Reads a wide sheet into records of a long CSV file: a header (plan,
 * code, indicator, period, value, status), then a record per filled period
 * cell, numbered by its row.
 *
 * Returns: (transfer full) (element-type LedgerCsvRecord): the records,
 *   or %NULL with @error set if no header row of periods is found
 */
GPtrArray *
ledger_wide_sheet_to_records (LedgerSheet  *sheet,
                              int          *year,
                              GError      **error)
{
  static const char *header[] = { "plan", "code", "indicator", "period", "value", "status", NULL };
  g_autoptr(GPtrArray) periods = g_ptr_array_new_with_free_func (g_free);
  Wide wide = { sheet, 0, -1, -1, -1, periods };
  GPtrArray *records;

  g_return_val_if_fail (LEDGER_IS_SHEET (sheet), NULL);

  if (!find_header (&wide))
    {
      g_set_error_literal (error, LEDGER_CSV_ERROR, LEDGER_CSV_ERROR_SYNTAX,
                           _("No header row was found: a row with a column of indicators "
                             "(指标名称 or code) and columns of periods (1-6月, 上半年, 2025年)"));
      return NULL;
    }
  *year = title_year (&wide);
  records = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_csv_record_free);
  g_ptr_array_add (records, record_new (ledger_sheet_get_row_number (sheet, wide.header_row), header));
  for (guint row = wide.header_row + 1; row < ledger_sheet_get_n_rows (sheet); row++)
    read_row (&wide, row, records);
  return records;
}
