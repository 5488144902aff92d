/* ledger-task-list.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-task-list"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger-area.h"
#include "ledger-names.h"
#include "ledger-number.h"
#include "ledger-task.h"
#include "ledger-task-list.h"

/* The header is the row of the first ten that names most columns, among
 * them the task or its target; a column is taken for the first field one
 * of whose names it bears, the names in order of preference (so 责任单位 is
 * the lead unit without a 牵头单位 column, else the supporting units). */

struct _LedgerTaskList
{
  GObject      parent_instance;

  LedgerSheet *sheet;
  guint        header_row;
  int          columns[LEDGER_TASK_N_FIELDS];
  int          year;
  int          last_year;
  char        *title;
  char        *region;
  char        *source;
  char        *code;
  GListStore  *rows;        /* LedgerTaskRow */
  guint        n_refused;
};

G_DEFINE_QUARK (ledger-task-list-error-quark, ledger_task_list_error)
G_DEFINE_FINAL_TYPE (LedgerTaskList, ledger_task_list, G_TYPE_OBJECT)

/* Each field's names in a header; the first is the one an export writes. */
static const char * const field_names[LEDGER_TASK_N_FIELDS][9] = {
  [LEDGER_TASK_FIELD_NUMBER] = { "序号", "编号", "序" },
  [LEDGER_TASK_FIELD_AREA] = { "领域", "类别", "工作领域", "重点领域", "板块", "分类", "类型" },
  [LEDGER_TASK_FIELD_AREA_SHORT] = { "领域简称" },
  [LEDGER_TASK_FIELD_TASK] = { "重点任务", "工作任务", "任务名称", "重点工作", "主要任务", "任务事项", "任务" },
  [LEDGER_TASK_FIELD_TASK_TEXT] = { "任务内容", "工作内容", "具体内容", "主要内容" },
  [LEDGER_TASK_FIELD_NAME] = { "指标名称", "指标" },
  [LEDGER_TASK_FIELD_TARGET] = { "具体目标", "目标任务", "工作目标", "目标内容", "主要目标", "年度目标",
                                 "预期目标", "目标" },
  [LEDGER_TASK_FIELD_VALUE] = { "目标值", "指标值", "目标数值", "数值" },
  [LEDGER_TASK_FIELD_UNIT] = { "单位", "计量单位" },
  [LEDGER_TASK_FIELD_LEAD] = { "牵头单位", "牵头部门", "主责单位", "牵头责任单位", "责任单位", "责任部门" },
  [LEDGER_TASK_FIELD_SUPPORT] = { "配合单位", "配合部门", "协同单位", "参与单位", "协办单位", "责任单位",
                                  "责任部门" },
  [LEDGER_TASK_FIELD_DEADLINE] = { "完成时限", "时间节点", "完成时间", "时限要求", "时限", "节点" },
  [LEDGER_TASK_FIELD_NOTES] = { "备注", "说明" },
  [LEDGER_TASK_FIELD_CODE] = { "指标代码", "代码" },
  [LEDGER_TASK_FIELD_KIND] = { "指标类型" },
  [LEDGER_TASK_FIELD_COMPARATOR] = { "比较方式" },
  [LEDGER_TASK_FIELD_BETTER] = { "好的方向" },
  [LEDGER_TASK_FIELD_COMMITMENT] = { "承诺" },
  [LEDGER_TASK_FIELD_FREQUENCY] = { "报送频次", "频次" },
  [LEDGER_TASK_FIELD_PROFILE] = { "进度方式" },
  [LEDGER_TASK_FIELD_SHARES] = { "分月进度" },
  [LEDGER_TASK_FIELD_DUE_MONTH] = { "到期月份" },
  [LEDGER_TASK_FIELD_JANUARY] = { "一月数据" },
  [LEDGER_TASK_FIELD_CONFIRMED] = { "单位已确认" },
  [LEDGER_TASK_FIELD_DONE] = { "节点完成情况" },
  [LEDGER_TASK_FIELD_TASK_LEAD] = { "任务牵头单位" },
  [LEDGER_TASK_FIELD_TASK_SUPPORT] = { "任务配合单位" },
  [LEDGER_TASK_FIELD_TASK_DEADLINE] = { "任务时间节点" },
  [LEDGER_TASK_FIELD_TASK_DONE] = { "任务节点完成情况" },
  [LEDGER_TASK_FIELD_SUB_ITEMS] = { "子项", "具体事项" },
};

/* A name this long or longer also matches inside a longer header. */
#define MIN_CONTAINED_LENGTH 3

static void
ledger_task_list_finalize (GObject *object)
{
  LedgerTaskList *self = LEDGER_TASK_LIST (object);

  g_clear_object (&self->sheet);
  g_free (self->title);
  g_free (self->region);
  g_free (self->source);
  g_free (self->code);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (ledger_task_list_parent_class)->finalize (object);
}

static void
ledger_task_list_class_init (LedgerTaskListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ledger_task_list_finalize;
}

static void
ledger_task_list_init (LedgerTaskList *self)
{
  self->rows = g_list_store_new (LEDGER_TYPE_TASK_ROW);
  for (guint i = 0; i < LEDGER_TASK_N_FIELDS; i++)
    self->columns[i] = -1;
}

/* The header an export writes for @field. */
const char *
ledger_task_list_field_header (LedgerTaskField field)
{
  g_return_val_if_fail (field < LEDGER_TASK_N_FIELDS, NULL);
  return field_names[field][0];
}

/* Whether @file is a plan file rather than a spreadsheet: JSON ("{" or
 * "[" its first character but spaces and a byte order mark), or named
 * *.json, so that the plan file's checks say what is wrong with it. */
gboolean
ledger_task_list_is_plan_file (GFile     *file,
                               gboolean  *is_plan_file,
                               GError   **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folded = g_ascii_strdown (name != NULL ? name : "", -1);
  char start[256];
  gssize length;
  gssize i = 0;

  if ((*is_plan_file = g_str_has_suffix (folded, ".json")))
    return TRUE;
  if ((stream = g_file_read (file, NULL, error)) == NULL ||
      (length = g_input_stream_read (G_INPUT_STREAM (stream), start, sizeof start, NULL, error)) < 0)
    return FALSE;
  if (length >= 3 && memcmp (start, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (start[i]))
    i++;
  *is_plan_file = i < length && (start[i] == '{' || start[i] == '[');
  return TRUE;
}

/* A header as compared: folded, without spaces, marks or what is in
 * brackets ("完成时限（时间节点）" is 完成时限). */
static char *
normalize_header (const char *text)
{
  g_autofree char *folded = ledger_number_fold (text);
  GString *out = g_string_new (NULL);
  int depth = 0;

  for (const char *c = folded; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char (c);

      if (ch == '(' || ch == 0x3010)
        depth++;
      else if ((ch == ')' || ch == 0x3011) && depth > 0)
        depth--;
      else if (depth == 0 && ch != '*')
        g_string_append_unichar (out, ch);
    }
  return g_string_free (out, FALSE);
}

/* Whether @header bears @name: is it, is one of its "/" parts, or (for a
 * long name, if @inside) holds it. */
static gboolean
header_bears (const char *header,
              const char *name,
              gboolean    inside)
{
  g_auto(GStrv) parts = NULL;

  if (g_str_equal (header, name))
    return TRUE;
  if (inside)
    return g_utf8_strlen (name, -1) >= MIN_CONTAINED_LENGTH && strstr (header, name) != NULL;
  parts = g_strsplit (header, "/", -1);
  return parts[0] != NULL && parts[1] != NULL && g_strv_contains ((const char * const *) parts, name);
}

static GStrv
row_headers (LedgerSheet *sheet,
             guint        row)
{
  guint n_columns = ledger_sheet_get_n_columns (sheet);
  GStrv headers = g_new0 (char *, n_columns + 1);

  for (guint column = 0; column < n_columns; column++)
    headers[column] = normalize_header (ledger_sheet_get_cell (sheet, row, column));
  return headers;
}

/* The column of @headers not yet taken in @columns that bears a name of
 * @field, the names in order; -1 if none. */
static int
find_column (const char * const *headers,
             const int          *columns,
             LedgerTaskField     field,
             gboolean            inside)
{
  for (guint n = 0; n < G_N_ELEMENTS (field_names[0]) && field_names[field][n] != NULL; n++)
    for (int column = 0; headers[column] != NULL; column++)
      {
        gboolean taken = FALSE;

        for (guint other = 0; other < LEDGER_TASK_N_FIELDS; other++)
          taken |= columns[other] == column;
        if (!taken && header_bears (headers[column], field_names[field][n], inside))
          return column;
      }
  return -1;
}

/* Maps every field it can: the exact names first, then the long ones
 * inside longer headers. Returns how many fields were found. */
static guint
map_columns (const char * const *headers,
             int                *columns)
{
  guint found = 0;

  for (guint i = 0; i < LEDGER_TASK_N_FIELDS; i++)
    columns[i] = -1;
  for (int inside = FALSE; inside <= TRUE; inside++)
    for (guint field = 0; field < LEDGER_TASK_N_FIELDS; field++)
      if (columns[field] < 0 && (columns[field] = find_column (headers, columns, field, inside)) >= 0)
        found++;
  return found;
}

static gboolean
names_the_task (const int *columns)
{
  return columns[LEDGER_TASK_FIELD_TASK] >= 0 || columns[LEDGER_TASK_FIELD_TARGET] >= 0 ||
         columns[LEDGER_TASK_FIELD_NAME] >= 0;
}

static gboolean
find_header (LedgerTaskList  *self,
             GError         **error)
{
  guint best = 0;
  guint n_rows = MIN (ledger_sheet_get_n_rows (self->sheet), LEDGER_TASK_LIST_HEADER_ROWS);

  for (guint row = 0; row < n_rows; row++)
    {
      g_auto(GStrv) headers = row_headers (self->sheet, row);
      int columns[LEDGER_TASK_N_FIELDS];
      guint found = map_columns ((const char * const *) headers, columns);

      if (found >= 2 && found > best && names_the_task (columns))
        {
          best = found;
          self->header_row = row;
          memcpy (self->columns, columns, sizeof columns);
        }
    }
  if (best > 0)
    return TRUE;
  g_set_error (error, LEDGER_TASK_LIST_ERROR, LEDGER_TASK_LIST_ERROR_NO_HEADER,
               _("No row of the first %u names the columns of a task list: a header has at least "
                 "重点任务 or 具体目标 and another column such as 牵头单位 or 完成时限"),
               LEDGER_TASK_LIST_HEADER_ROWS);
  return FALSE;
}

static const char *
first_text (LedgerSheet *sheet,
            guint        row)
{
  for (guint column = 0; column < ledger_sheet_get_n_columns (sheet); column++)
    {
      const char *text = ledger_sheet_get_cell (sheet, row, column);

      if (*text != '\0')
        return text;
    }
  return "";
}

static void
replace (char       **text,
         const char  *value)
{
  g_free (*text);
  *text = g_strstrip (g_strdup (value));
}

/* A line of the plan's particulars under the title, as the export writes
 * it: "代码：changzhi-2026；地区：长治市；规划年度：2026-2030；来源：…". */
static void
read_particulars (LedgerTaskList *self,
                  const char     *text)
{
  static const char *separators[] = { "；", ";", NULL };
  g_auto(GStrv) parts = ledger_names_split (text, separators);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (parts[i], "：", 2);
      int first, last;

      if (pair[1] == NULL)
        continue;
      if (g_str_equal (pair[0], "代码") && ledger_indicator_code_is_valid (g_strstrip (pair[1])))
        replace (&self->code, pair[1]);
      else if (g_str_equal (pair[0], "地区"))
        replace (&self->region, pair[1]);
      else if (g_str_equal (pair[0], "来源"))
        replace (&self->source, pair[1]);
      else if (g_str_equal (pair[0], "规划年度") && sscanf (pair[1], "%d-%d", &first, &last) >= 1 &&
               first >= 1900 && first <= 9999)
        {
          self->year = first;
          self->last_year = sscanf (pair[1], "%d-%d", &first, &last) == 2 && last >= first && last <= 9999
                            ? last : first;
        }
    }
}

/* The title row "长治市2026年重点目标任务清单": the plan's title, its year
 * and the region written before the year; the particulars' line below it
 * says them outright. */
static void
guess_title (LedgerTaskList *self)
{
  g_autoptr(GRegex) regex = g_regex_new ("^(.*?)((?:19|20)[0-9]{2})年", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  static const char *region_ends[] = { "市", "县", "区", "省", "州", "盟", "旗" };
  guint row = 0;

  self->title = g_strdup ("");
  for (; row < self->header_row && *self->title == '\0'; row++)
    replace (&self->title, first_text (self->sheet, row));
  self->year = g_date_time_get_year (now);
  self->region = g_strdup ("");
  self->source = g_strdup ("");
  if (g_regex_match (regex, self->title, 0, &match))
    {
      g_autofree char *region = g_match_info_fetch (match, 1);
      g_autofree char *year = g_match_info_fetch (match, 2);

      self->year = atoi (year);
      for (guint i = 0; i < G_N_ELEMENTS (region_ends); i++)
        if (g_str_has_suffix (region, region_ends[i]))
          replace (&self->region, region);
    }
  self->last_year = self->year;
  for (; row < self->header_row; row++)
    read_particulars (self, first_text (self->sheet, row));
}

static const char *
field_cell (LedgerTaskList  *self,
            guint            row,
            LedgerTaskField  field)
{
  int column = self->columns[field];

  return column >= 0 ? ledger_sheet_get_cell (self->sheet, row, column) : "";
}

/* Whether the row holds nothing but its number and area: an area's own
 * heading row, or a blank one. */
static gboolean
is_heading (LedgerTaskList *self,
            guint           row)
{
  for (guint field = 0; field < LEDGER_TASK_N_FIELDS; field++)
    {
      const char *text = field_cell (self, row, field);

      if (field != LEDGER_TASK_FIELD_NUMBER && field != LEDGER_TASK_FIELD_AREA &&
          field != LEDGER_TASK_FIELD_AREA_SHORT && *text != '\0' && !g_ascii_isspace (*text))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_plain_number (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isdigit (*text) && *text != '.' && !g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* An area's heading written across the row ("一、经济发展" merged over all
 * the columns, or alone in the 序号 column): the row's one text. */
static const char *
spanning_heading (LedgerTaskList *self,
                  guint           row)
{
  const char *heading = NULL;
  int first_column = -1;

  for (guint column = 0; column < ledger_sheet_get_n_columns (self->sheet); column++)
    {
      const char *text = ledger_sheet_get_cell (self->sheet, row, column);

      if (*text == '\0')
        continue;
      if (heading != NULL && !g_str_equal (heading, text))
        return NULL;
      if (heading == NULL)
        first_column = column;
      heading = text;
    }
  if (heading == NULL || is_plain_number (heading))
    return NULL;
  /* Merged across: the next cell holds the same text. */
  if (ledger_sheet_is_merged (self->sheet, row, first_column) &&
      *ledger_sheet_get_cell (self->sheet, row, first_column + 1) != '\0')
    return heading;
  return first_column == self->columns[LEDGER_TASK_FIELD_NUMBER] ? heading : NULL;
}

/* A header repeated on every printed page. */
static gboolean
is_header_again (LedgerTaskList *self,
                 guint           row)
{
  LedgerTaskField field = self->columns[LEDGER_TASK_FIELD_TASK] >= 0 ? LEDGER_TASK_FIELD_TASK
                                                                     : LEDGER_TASK_FIELD_TARGET;
  const char *text = field_cell (self, row, field);

  return *text != '\0' && g_str_equal (text, field_cell (self, self->header_row, field));
}

static LedgerTaskRow *
read_row (LedgerTaskList *self,
          guint           row,
          const char     *area)
{
  const char *cells[LEDGER_TASK_N_FIELDS];

  for (guint field = 0; field < LEDGER_TASK_N_FIELDS; field++)
    cells[field] = field_cell (self, row, field);
  cells[LEDGER_TASK_FIELD_AREA] = area;
  /* Without a task column each target is a task of its own. */
  if (self->columns[LEDGER_TASK_FIELD_TASK] < 0)
    cells[LEDGER_TASK_FIELD_TASK] = *cells[LEDGER_TASK_FIELD_TARGET] != '\0' ? cells[LEDGER_TASK_FIELD_TARGET]
                                                                           : cells[LEDGER_TASK_FIELD_NAME];
  /* Without the task's own units, its first row's are the task's. */
  if (self->columns[LEDGER_TASK_FIELD_TASK_LEAD] < 0)
    cells[LEDGER_TASK_FIELD_TASK_LEAD] = cells[LEDGER_TASK_FIELD_LEAD];
  if (self->columns[LEDGER_TASK_FIELD_TASK_SUPPORT] < 0)
    cells[LEDGER_TASK_FIELD_TASK_SUPPORT] = cells[LEDGER_TASK_FIELD_SUPPORT];
  return ledger_task_row_new (ledger_sheet_get_row_number (self->sheet, row), cells,
                              self->columns[LEDGER_TASK_FIELD_VALUE] >= 0, self->year);
}

/* Gives each row its code: the one written, used once, or one made of
 * the row's words, numbered on where two rows say the same. */
static void
assign_codes (GPtrArray *rows)
{
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      LedgerTaskRow *row = g_ptr_array_index (rows, i);
      const char *code = ledger_task_row_get_code (row);

      if (code != NULL && !g_hash_table_add (codes, g_strdup (code)))
        {
          g_autofree char *reason = g_strdup_printf (_("the code “%s” is used twice"), code);

          ledger_task_row_refuse (row, reason);
        }
    }
  for (guint i = 0; i < rows->len; i++)
    {
      LedgerTaskRow *row = g_ptr_array_index (rows, i);
      g_autofree char *base = NULL;
      g_autofree char *code = NULL;

      if (ledger_task_row_get_code (row) != NULL)
        continue;
      base = ledger_task_row_dup_code_base (row);
      code = g_strdup (base);
      for (guint n = 2; g_hash_table_contains (codes, code); n++)
        {
          g_free (code);
          code = g_strdup_printf ("%s-%u", base, n);
        }
      ledger_task_row_set_code (row, code);
      g_hash_table_add (codes, g_steal_pointer (&code));
    }
}

/* Reads every row below the header again, as the columns and year say. */
static void
read_rows (LedgerTaskList *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  const char *area = "";
  gboolean area_mapped = self->columns[LEDGER_TASK_FIELD_AREA] >= 0;

  for (guint row = self->header_row + 1; row < ledger_sheet_get_n_rows (self->sheet); row++)
    {
      const char *area_text = field_cell (self, row, LEDGER_TASK_FIELD_AREA);
      const char *heading;
      LedgerTaskRow *task_row;

      if (ledger_sheet_row_is_empty (self->sheet, row) || is_header_again (self, row))
        continue;
      if ((heading = spanning_heading (self, row)) != NULL)
        area = heading;
      else if (*area_text != '\0')
        area = area_text;
      if (heading != NULL || is_heading (self, row))
        continue;
      task_row = read_row (self, row, area);
      if (area_mapped && *area == '\0')
        ledger_task_row_refuse (task_row, _("the row has no area, nor one above it"));
      g_ptr_array_add (rows, task_row);
    }
  assign_codes (rows);

  self->n_refused = 0;
  for (guint i = 0; i < rows->len; i++)
    self->n_refused += ledger_task_row_get_reason (g_ptr_array_index (rows, i)) != NULL;
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
}

/**
 * ledger_task_list_new:
 *
 * Returns: (transfer full): the list of @sheet, its columns found, or
 *   %NULL with @error set when no header names them
 */
LedgerTaskList *
ledger_task_list_new (LedgerSheet  *sheet,
                      GError      **error)
{
  g_autoptr(LedgerTaskList) self = g_object_new (LEDGER_TYPE_TASK_LIST, NULL);

  g_return_val_if_fail (LEDGER_IS_SHEET (sheet), NULL);

  self->sheet = g_object_ref (sheet);
  if (!find_header (self, error))
    return NULL;
  guess_title (self);
  read_rows (self);
  return g_steal_pointer (&self);
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  g_autoptr(LedgerSheet) sheet = ledger_sheet_new_from_file (source_object, task_data, cancellable, &error);
  LedgerTaskList *list = sheet != NULL ? ledger_task_list_new (sheet, &error) : NULL;

  if (list == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, list, g_object_unref);
}

/* Reads @file and its list in a thread. */
void
ledger_task_list_new_async (GFile               *file,
                            const char          *sheet_name,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (file, cancellable, callback, user_data);

  g_task_set_source_tag (task, ledger_task_list_new_async);
  g_task_set_task_data (task, g_strdup (sheet_name), g_free);
  g_task_run_in_thread (task, read_in_thread);
}

LedgerTaskList *
ledger_task_list_new_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

LedgerSheet *
ledger_task_list_get_sheet (LedgerTaskList *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK_LIST (self), NULL);
  return self->sheet;
}

/* The header row's index in the sheet. */
guint
ledger_task_list_get_header_row (LedgerTaskList *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK_LIST (self), 0);
  return self->header_row;
}

/* What the header row says over @column. */
const char *
ledger_task_list_get_column_title (LedgerTaskList *self,
                                   guint           column)
{
  g_return_val_if_fail (LEDGER_IS_TASK_LIST (self), "");
  return ledger_sheet_get_cell (self->sheet, self->header_row, column);
}

/* The column @field is taken from, -1 for none. */
int
ledger_task_list_get_column (LedgerTaskList  *self,
                             LedgerTaskField  field)
{
  g_return_val_if_fail (LEDGER_IS_TASK_LIST (self), -1);
  g_return_val_if_fail (field < LEDGER_TASK_N_FIELDS, -1);
  return self->columns[field];
}

/* Takes @field from @column (-1: from none) instead, which another field
 * then no longer is, and reads the rows again. */
void
ledger_task_list_set_column (LedgerTaskList  *self,
                             LedgerTaskField  field,
                             int              column)
{
  g_return_if_fail (LEDGER_IS_TASK_LIST (self));
  g_return_if_fail (field < LEDGER_TASK_N_FIELDS);
  g_return_if_fail (column < (int) ledger_sheet_get_n_columns (self->sheet));

  for (guint other = 0; column >= 0 && other < LEDGER_TASK_N_FIELDS; other++)
    if (self->columns[other] == column)
      self->columns[other] = -1;
  self->columns[field] = MAX (column, -1);
  read_rows (self);
}

/* The year of the deadlines written without one: the title's, or this
 * year. */
int
ledger_task_list_get_year (LedgerTaskList *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK_LIST (self), 0);
  return self->year;
}

/* The last year of the plan: the first, unless the particulars' line
 * names another. */
int
ledger_task_list_get_last_year (LedgerTaskList *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK_LIST (self), 0);
  return self->last_year;
}

/* Moves the plan's years to start at @year, and reads the rows again. */
void
ledger_task_list_set_year (LedgerTaskList *self,
                           int             year)
{
  g_return_if_fail (LEDGER_IS_TASK_LIST (self));

  if (self->year == year)
    return;
  self->last_year += year - self->year;
  self->year = year;
  read_rows (self);
}

/* The title row's text, "" without one. */
const char *
ledger_task_list_get_title (LedgerTaskList *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK_LIST (self), "");
  return self->title;
}

const char *
ledger_task_list_get_region (LedgerTaskList *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK_LIST (self), "");
  return self->region;
}

/* A plan code for the list: the particulars', or "tasks-2026". */
char *
ledger_task_list_dup_code (LedgerTaskList *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK_LIST (self), NULL);
  if (self->code != NULL)
    return g_strdup (self->code);
  return g_strdup_printf ("tasks-%d", self->year);
}

/* The rows below the header, as #LedgerTaskRow, refused ones too. */
GListModel *
ledger_task_list_get_rows (LedgerTaskList *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK_LIST (self), NULL);
  return G_LIST_MODEL (self->rows);
}

guint
ledger_task_list_count_refused (LedgerTaskList *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK_LIST (self), 0);
  return self->n_refused;
}

/* Whether @row starts another area or task than @previous's, as
 * ledger_task_list_build_plan() groups them. */
static gboolean
starts_area (LedgerTaskRow *previous,
             LedgerTaskRow *row)
{
  return previous == NULL || !g_str_equal (ledger_task_row_get_area (previous), ledger_task_row_get_area (row));
}

static gboolean
starts_task (LedgerTaskRow *previous,
             LedgerTaskRow *row)
{
  return starts_area (previous, row) ||
         !g_str_equal (ledger_task_row_get_task (previous), ledger_task_row_get_task (row));
}

/* How many areas, tasks and indicators the plan of the rows has. */
void
ledger_task_list_count_nodes (LedgerTaskList *self,
                              guint          *n_areas,
                              guint          *n_tasks,
                              guint          *n_indicators)
{
  GListModel *rows = G_LIST_MODEL (self->rows);
  g_autoptr(LedgerTaskRow) previous = NULL;

  g_return_if_fail (LEDGER_IS_TASK_LIST (self));

  *n_areas = *n_tasks = 0;
  *n_indicators = g_list_model_get_n_items (rows);
  for (guint i = 0; i < *n_indicators; i++)
    {
      LedgerTaskRow *row = g_list_model_get_item (rows, i);

      *n_areas += starts_area (previous, row);
      *n_tasks += starts_task (previous, row);
      g_clear_object (&previous);
      previous = row;
    }
}

typedef struct
{
  const char *code;
  LedgerNode *plan, *area, *task;
  LedgerTaskRow *previous;
  guint       n_areas, n_tasks;
} Builder;

static void
add_area (Builder       *builder,
          LedgerTaskRow *row,
          const char    *title)
{
  g_autofree char *path = g_strdup_printf ("area %u", builder->n_areas++);
  g_autofree char *uuid = ledger_task_row_name_uuid (builder->code, path);
  const char *short_title = ledger_task_row_get_cell (row, LEDGER_TASK_FIELD_AREA_SHORT);
  g_autoptr(LedgerNode) area = g_object_new (LEDGER_TYPE_AREA, "uuid", uuid, "title", title,
                                             "short-title", *short_title != '\0' ? short_title : title,
                                             NULL);

  ledger_node_append_child (builder->plan, G_OBJECT (area));
  builder->area = area;
  builder->task = NULL;
}

static void
add_task (Builder       *builder,
          LedgerTaskRow *row)
{
  g_autofree char *path = g_strdup_printf ("task %u", builder->n_tasks++);
  g_autofree char *uuid = ledger_task_row_name_uuid (builder->code, path);
  g_autoptr(LedgerNode) task = LEDGER_NODE (ledger_task_row_to_task (row, uuid));

  ledger_node_append_child (builder->area, G_OBJECT (task));
  builder->task = task;
}

static void
add_row (Builder       *builder,
         LedgerTaskRow *row,
         const char    *plan_title)
{
  const char *area = *ledger_task_row_get_area (row) != '\0' ? ledger_task_row_get_area (row) : plan_title;
  g_autofree char *path = g_strconcat ("indicator ", ledger_task_row_get_code (row), NULL);
  g_autofree char *uuid = ledger_task_row_name_uuid (builder->code, path);
  g_autoptr(LedgerIndicator) indicator = NULL;

  if (starts_area (builder->previous, row))
    add_area (builder, row, area);
  if (starts_task (builder->previous, row))
    add_task (builder, row);
  builder->previous = row;
  indicator = ledger_task_row_to_indicator (row, uuid);
  ledger_node_append_child (builder->task, G_OBJECT (indicator));
}

/**
 * ledger_task_list_build_plan:
 *
 * The plan the rows make: an area for each run of rows of one area, a task
 * for each run of one task in it, an indicator for each row.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set when a row
 *   is refused
 */
LedgerPlan *
ledger_task_list_build_plan (LedgerTaskList  *self,
                             const char      *code,
                             const char      *title,
                             int              first_year,
                             int              last_year,
                             GError         **error)
{
  g_autoptr(LedgerNode) plan = NULL;
  g_autofree char *uuid = NULL;
  Builder builder = { code, NULL, NULL, NULL, NULL, 0, 0 };
  GListModel *rows = G_LIST_MODEL (self->rows);

  g_return_val_if_fail (LEDGER_IS_TASK_LIST (self), NULL);

  if (self->n_refused > 0)
    {
      g_set_error (error, LEDGER_TASK_LIST_ERROR, LEDGER_TASK_LIST_ERROR_REFUSED,
                   g_dngettext (GETTEXT_PACKAGE, "%u row is refused: nothing was added",
                                "%u rows are refused: nothing was added", self->n_refused),
                   self->n_refused);
      return NULL;
    }
  if (!ledger_indicator_code_is_valid (code))
    {
      g_set_error (error, LEDGER_TASK_LIST_ERROR, LEDGER_TASK_LIST_ERROR_PLAN,
                   _("the code “%s” may only hold a–z, 0–9 and “-”"), code);
      return NULL;
    }
  if (title == NULL || *title == '\0' || g_ascii_isspace (*title))
    {
      g_set_error_literal (error, LEDGER_TASK_LIST_ERROR, LEDGER_TASK_LIST_ERROR_PLAN,
                           _("The plan needs a title"));
      return NULL;
    }
  if (g_list_model_get_n_items (rows) == 0)
    {
      g_set_error_literal (error, LEDGER_TASK_LIST_ERROR, LEDGER_TASK_LIST_ERROR_EMPTY,
                           _("The task list has no rows below its header: nothing was added"));
      return NULL;
    }
  uuid = ledger_task_row_name_uuid (code, "plan");
  plan = g_object_new (LEDGER_TYPE_PLAN, "uuid", uuid, "code", code, "title", title,
                       "region", self->region, "source", self->source, "first-year", first_year, "last-year", last_year, NULL);
  builder.plan = plan;
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(LedgerTaskRow) row = g_list_model_get_item (rows, i);

      /* The list holds the row after this reference is dropped. */
      add_row (&builder, row, title);
    }
  return LEDGER_PLAN (g_steal_pointer (&plan));
}
