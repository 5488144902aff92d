/* ledger-task-row.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-task-row"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ledger-deadline.h"
#include "ledger-names.h"
#include "ledger-period.h"
#include "ledger-target-text.h"
#include "ledger-task-row.h"

/* One row of a 清单 as it will become an indicator: what its cells say,
 * read once, with the reason it is refused, if it is. The one place a row
 * turns into model objects is ledger_task_row_to_indicator(). */

struct _LedgerTaskRow
{
  GObject           parent_instance;

  guint             line;
  GStrv             cells;         /* one per LedgerTaskField */
  char             *task;
  char             *name;
  LedgerTargetText  target;
  LedgerKind        kind;
  LedgerFrequency   frequency;
  LedgerProfile     profile;
  int               due_month;
  LedgerJanuary     january;
  gboolean          confirmed;
  GStrv             supporting;
  GArray           *deadlines;     /* LedgerDeadline */
  GPtrArray        *milestones;    /* LedgerMilestone, of the deadlines */
  GPtrArray        *task_milestones;
  GPtrArray        *sub_items;     /* LedgerSubItem */
  char             *code;
  char             *reason;        /* NULL unless refused */
};

G_DEFINE_FINAL_TYPE (LedgerTaskRow, ledger_task_row, G_TYPE_OBJECT)

typedef gboolean (*FromString) (const char *string, int *value);

/* The words a 清单 may write for a choice, besides the plan file's codes,
 * by the choice's value. */
static const char *kind_words[] = { "累计", "增速", "水平", "定性" };
static const char *comparator_words[] = { "", "以上", "左右", "以下" };
static const char *commitment_words[] = { "无", "确保", "力争" };
static const char *frequency_words[] = { "月度", "季度", "年度" };
static const char *yes_words[] = { "true", "是", "1", "yes" };
static const char *no_words[] = { "false", "否", "0", "no" };
static const char *unit_separators[] = { "、", "，", ",", "；", ";", "/", " ", "\n", "　", NULL };
static const char *line_separators[] = { "\n", NULL };
/* A sub-item's status, as its line writes it: "汽车以旧换新｜推进中". */
static const char *sub_item_status_codes[] = { "not_started", "in_progress", "done", "behind" };
static const char *sub_item_status_words[] = { "未启动", "推进中", "已完成", "滞后" };
#define SUB_ITEM_SEPARATOR "｜"
#define DONE_WORD "已完成"

static void
ledger_task_row_finalize (GObject *object)
{
  LedgerTaskRow *self = LEDGER_TASK_ROW (object);

  g_strfreev (self->cells);
  g_free (self->task);
  g_free (self->name);
  ledger_target_text_clear (&self->target);
  g_strfreev (self->supporting);
  g_clear_pointer (&self->deadlines, g_array_unref);
  g_clear_pointer (&self->milestones, g_ptr_array_unref);
  g_clear_pointer (&self->task_milestones, g_ptr_array_unref);
  g_clear_pointer (&self->sub_items, g_ptr_array_unref);
  g_free (self->code);
  g_free (self->reason);

  G_OBJECT_CLASS (ledger_task_row_parent_class)->finalize (object);
}

static void
ledger_task_row_class_init (LedgerTaskRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ledger_task_row_finalize;
}

static void
ledger_task_row_init (LedgerTaskRow *self)
{
}

static const char *
cell (LedgerTaskRow   *self,
      LedgerTaskField  field)
{
  return self->cells[field];
}

static const char *
first_of (const char *a,
          const char *b,
          const char *c)
{
  return *a != '\0' ? a : *b != '\0' ? b : c;
}

/* Keeps the first reason a row is refused for. */
void
ledger_task_row_refuse (LedgerTaskRow *self,
                        const char    *reason)
{
  if (self->reason == NULL)
    self->reason = g_strdup (reason);
}

/* A choice written in @field: its code or the 清单's word for it; an
 * empty cell keeps @value. */
static void
read_choice (LedgerTaskRow      *self,
             LedgerTaskField     field,
             FromString          from_string,
             const char * const *words,
             guint               n_words,
             int                *value)
{
  const char *text = cell (self, field);
  g_autofree char *reason = NULL;

  if (*text == '\0' || from_string (text, value) || ledger_names_lookup (words, n_words, text, value))
    return;
  reason = g_strdup_printf (_("“%s” is not a choice the plan knows"), text);
  ledger_task_row_refuse (self, reason);
}

static gboolean
yes_no_from_string (const char *text,
                    int        *value)
{
  int index;

  if (ledger_names_lookup (yes_words, G_N_ELEMENTS (yes_words), text, &index))
    *value = TRUE;
  else if (ledger_names_lookup (no_words, G_N_ELEMENTS (no_words), text, &index))
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

/* The words the target is read from: the 具体目标, then the 目标值 with its
 * unit last, so that its number is the one taken. */
static char *
target_words (LedgerTaskRow *self,
              gboolean       value_mapped)
{
  const char *words = first_of (cell (self, LEDGER_TASK_FIELD_TARGET), self->name, "");
  const char *value = cell (self, LEDGER_TASK_FIELD_VALUE);
  const char *unit = cell (self, LEDGER_TASK_FIELD_UNIT);

  if (!value_mapped || *value == '\0')
    return g_strdup (words);
  return g_strconcat (words, "；", value, g_str_has_suffix (value, unit) ? "" : unit, NULL);
}

static void
read_target (LedgerTaskRow *self,
             gboolean       value_mapped)
{
  g_autofree char *words = target_words (self, value_mapped);
  const char *value = cell (self, LEDGER_TASK_FIELD_VALUE);

  ledger_target_text_parse (&self->target, words);
  if (value_mapped && *value != '\0')
    {
      LedgerTargetText of_value;

      ledger_target_text_parse (&of_value, value);
      if (!of_value.has_number)
        {
          g_autofree char *reason = g_strdup_printf (_("the target “%s” has no number"), value);

          ledger_task_row_refuse (self, reason);
        }
      ledger_target_text_clear (&of_value);
    }
  self->kind = ledger_target_text_guess_kind (&self->target, words);
  read_choice (self, LEDGER_TASK_FIELD_KIND, (FromString) ledger_kind_from_string,
               kind_words, G_N_ELEMENTS (kind_words), (int *) &self->kind);
  read_choice (self, LEDGER_TASK_FIELD_COMPARATOR, (FromString) ledger_comparator_from_string,
               comparator_words, G_N_ELEMENTS (comparator_words), (int *) &self->target.comparator);
  read_choice (self, LEDGER_TASK_FIELD_BETTER, (FromString) ledger_better_from_string,
               NULL, 0, (int *) &self->target.better);
  read_choice (self, LEDGER_TASK_FIELD_COMMITMENT, (FromString) ledger_commitment_from_string,
               commitment_words, G_N_ELEMENTS (commitment_words), (int *) &self->target.commitment);
  if (self->kind != LEDGER_KIND_QUALITATIVE && !self->target.has_number)
    ledger_task_row_refuse (self, _("a measured indicator needs a target number"));
  else if (self->kind != LEDGER_KIND_QUALITATIVE && *self->target.unit == '\0')
    {
      g_autofree char *reason = g_strdup_printf (_("the target “%s” has no unit: write it after the number "
                                                   "or in a 单位 column"), words);

      ledger_task_row_refuse (self, reason);
    }
}

/* A numeric target due by one day before December is a milestone of that
 * month, unless the deadline's words give a share of it (then only that
 * part is due by then); any other is paced over the year. */
static void
read_schedule (LedgerTaskRow *self,
               int            year)
{
  const char *due_month = cell (self, LEDGER_TASK_FIELD_DUE_MONTH);
  const LedgerDeadline *deadline = self->deadlines->len == 1
                                   ? &g_array_index (self->deadlines, LedgerDeadline, 0) : NULL;

  self->frequency = self->kind == LEDGER_KIND_QUALITATIVE ? LEDGER_FREQUENCY_QUARTERLY
                                                          : LEDGER_FREQUENCY_MONTHLY;
  self->profile = LEDGER_PROFILE_LINEAR;
  self->due_month = 12;
  if (deadline != NULL && (self->kind == LEDGER_KIND_CUMULATIVE || self->kind == LEDGER_KIND_LEVEL) &&
      g_date_get_year (&deadline->date) == year && g_date_get_month (&deadline->date) < 12 &&
      isnan (ledger_task_row_read_share (deadline->words)))
    {
      self->profile = LEDGER_PROFILE_MILESTONE;
      self->due_month = g_date_get_month (&deadline->date);
    }
  read_choice (self, LEDGER_TASK_FIELD_FREQUENCY, (FromString) ledger_frequency_from_string,
               frequency_words, G_N_ELEMENTS (frequency_words), (int *) &self->frequency);
  read_choice (self, LEDGER_TASK_FIELD_PROFILE, (FromString) ledger_profile_from_string,
               NULL, 0, (int *) &self->profile);
  read_choice (self, LEDGER_TASK_FIELD_JANUARY, (FromString) ledger_january_from_string,
               NULL, 0, (int *) &self->january);
  read_choice (self, LEDGER_TASK_FIELD_CONFIRMED, yes_no_from_string, NULL, 0, &self->confirmed);
  if (*due_month != '\0')
    {
      self->due_month = atoi (due_month);
      if (self->due_month < 1 || self->due_month > 12)
        ledger_task_row_refuse (self, _("the month due must be 1 to 12"));
    }
}

static GArray *
parse_deadlines (LedgerTaskRow   *self,
                 LedgerTaskField  field,
                 int              year)
{
  g_autoptr(GError) error = NULL;
  GArray *deadlines = ledger_deadline_parse (cell (self, field), year, &error);

  if (deadlines != NULL)
    return deadlines;
  ledger_task_row_refuse (self, error->message);
  return g_array_new (FALSE, FALSE, sizeof (LedgerDeadline));
}

/**
 * ledger_task_row_read_share:
 * @words: what a deadline says is due: "6月底前完成30%"
 *
 * Returns: the percent of the year's target the words say is done by then
 *   (a percent after 完成), or NAN
 */
double
ledger_task_row_read_share (const char *words)
{
  const char *done = strstr (words, "完成");
  LedgerTargetText text;
  double share = NAN;

  if (done == NULL)
    return NAN;
  ledger_target_text_parse (&text, done);
  if (text.has_number && (g_str_has_prefix (text.unit, "%") || g_str_has_prefix (text.unit, "％")) &&
      text.number > 0 && text.number <= 100)
    share = text.number;
  ledger_target_text_clear (&text);
  return share;
}

/* What is due, of @words: the words after the date where they begin with
 * it ("2026-08-15 出台配套细则", as an export writes words that name no
 * date of their own). */
static const char *
words_after_date (const char *words,
                  const char *due)
{
  if (g_str_has_prefix (words, due) && words[strlen (due)] == ' ' && words[strlen (due) + 1] != '\0')
    return words + strlen (due) + 1;
  return words;
}

/* A milestone of each deadline, with no UUID nor owner yet. */
static GPtrArray *
milestones_of (GArray *deadlines)
{
  GPtrArray *milestones = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_milestone_free);

  for (guint i = 0; i < deadlines->len; i++)
    {
      const LedgerDeadline *deadline = &g_array_index (deadlines, LedgerDeadline, i);
      g_autofree char *due = ledger_deadline_format (&deadline->date);
      LedgerMilestone *milestone = ledger_milestone_new ("", "", due, words_after_date (deadline->words, due));

      milestone->share = ledger_task_row_read_share (deadline->words);
      g_ptr_array_add (milestones, milestone);
    }
  return milestones;
}

/* One line of 节点完成情况, "2026-06-30 6月底前出台方案｜已完成 2026-06-28｜
 * 佐证材料…": marks the open milestone due that day (with those words, if
 * the line gives them) done. */
static gboolean
read_done_line (GPtrArray  *milestones,
                const char *line)
{
  g_auto(GStrv) parts = g_strsplit (line, SUB_ITEM_SEPARATOR, 3);
  g_auto(GStrv) head = g_strsplit (parts[0], " ", 2);
  const char *done_on = parts[1] != NULL && g_str_has_prefix (parts[1], DONE_WORD " ")
                        ? parts[1] + strlen (DONE_WORD " ") : NULL;

  if (done_on == NULL || !ledger_date_is_valid (done_on) || head[0] == NULL || !ledger_date_is_valid (head[0]))
    return FALSE;
  for (guint i = 0; i < milestones->len; i++)
    {
      LedgerMilestone *milestone = g_ptr_array_index (milestones, i);

      if (g_str_equal (milestone->due, head[0]) && (head[1] == NULL || g_str_equal (milestone->what, head[1])) &&
          !ledger_milestone_is_done (milestone))
        {
          ledger_milestone_set_done (milestone, done_on, parts[2]);
          return TRUE;
        }
    }
  return FALSE;
}

static GPtrArray *
read_milestones (LedgerTaskRow   *self,
                 GArray          *deadlines,
                 LedgerTaskField  done_field)
{
  GPtrArray *milestones = milestones_of (deadlines);
  g_auto(GStrv) lines = ledger_names_split (cell (self, done_field), line_separators);

  for (guint i = 0; lines[i] != NULL; i++)
    if (!read_done_line (milestones, lines[i]))
      {
        g_autofree char *reason = g_strdup_printf (_("“%s” does not name a milestone of the row done: write "
                                                     "“2026-06-30 6月底前出台方案｜已完成 2026-06-28｜”"
                                                     " and a note"), lines[i]);

        ledger_task_row_refuse (self, reason);
      }
  return milestones;
}

static void
read_deadlines (LedgerTaskRow *self,
                int            year)
{
  g_autoptr(GArray) task_deadlines = parse_deadlines (self, LEDGER_TASK_FIELD_TASK_DEADLINE, year);

  self->deadlines = parse_deadlines (self, LEDGER_TASK_FIELD_DEADLINE, year);
  self->milestones = read_milestones (self, self->deadlines, LEDGER_TASK_FIELD_DONE);
  self->task_milestones = read_milestones (self, task_deadlines, LEDGER_TASK_FIELD_TASK_DONE);
}

/* 子项, one a line: "汽车以旧换新", "汽车以旧换新｜推进中" or with a note
 * after another "｜". */
static void
read_sub_items (LedgerTaskRow *self)
{
  g_auto(GStrv) lines = ledger_names_split (cell (self, LEDGER_TASK_FIELD_SUB_ITEMS), line_separators);

  self->sub_items = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_sub_item_free);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], SUB_ITEM_SEPARATOR, 3);
      int status = 0;

      if (parts[1] != NULL &&
          !ledger_names_lookup (sub_item_status_codes, G_N_ELEMENTS (sub_item_status_codes), parts[1], &status) &&
          !ledger_names_lookup (sub_item_status_words, G_N_ELEMENTS (sub_item_status_words), parts[1], &status))
        {
          g_autofree char *reason = g_strdup_printf (_("the sub-item “%s” has a status the ledger does not know: "
                                                       "未启动, 推进中, 已完成 or 滞后"), lines[i]);

          ledger_task_row_refuse (self, reason);
        }
      if (*g_strstrip (parts[0]) == '\0')
        {
          g_autofree char *reason = g_strdup_printf (_("the sub-item “%s” has no title"), lines[i]);

          ledger_task_row_refuse (self, reason);
        }
      g_ptr_array_add (self->sub_items,
                       ledger_sub_item_new ("", "", parts[0], sub_item_status_codes[status],
                                            parts[1] != NULL ? parts[2] : NULL));
    }
}

static void
read_code (LedgerTaskRow *self)
{
  const char *code = cell (self, LEDGER_TASK_FIELD_CODE);
  g_autofree char *reason = NULL;

  if (*code == '\0')
    return;
  self->code = g_strdup (code);
  if (ledger_indicator_code_is_valid (code))
    return;
  reason = g_strdup_printf (_("the code “%s” may only hold a–z, 0–9 and “-”"), code);
  ledger_task_row_refuse (self, reason);
}

/**
 * ledger_task_row_new:
 * @line: the row's number in the file
 * @cells: the text of each #LedgerTaskField, "" where none
 * @value_mapped: whether a column is taken as 目标值: then a target in it
 *   without a number is refused
 * @year: the plan's year, of the deadlines written without one
 */
LedgerTaskRow *
ledger_task_row_new (guint               line,
                     const char * const *cells,
                     gboolean            value_mapped,
                     int                 year)
{
  LedgerTaskRow *self = g_object_new (LEDGER_TYPE_TASK_ROW, NULL);

  self->line = line;
  self->cells = g_new0 (char *, LEDGER_TASK_N_FIELDS + 1);
  for (guint i = 0; i < LEDGER_TASK_N_FIELDS; i++)
    self->cells[i] = g_strstrip (g_strdup (cells[i]));
  self->task = g_strdup (cell (self, LEDGER_TASK_FIELD_TASK));
  self->name = g_strdup (first_of (cell (self, LEDGER_TASK_FIELD_NAME),
                                   cell (self, LEDGER_TASK_FIELD_TARGET), self->task));
  if (*self->task == '\0')
    ledger_task_row_refuse (self, _("the row has no task"));
  read_target (self, value_mapped);
  read_deadlines (self, year);
  read_schedule (self, year);
  read_code (self);
  read_sub_items (self);
  self->supporting = ledger_names_split (cell (self, LEDGER_TASK_FIELD_SUPPORT), unit_separators);
  return self;
}

guint
ledger_task_row_get_line (LedgerTaskRow *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK_ROW (self), 0);
  return self->line;
}

/* The text of a field's cell as read, "" where the field has no column. */
const char *
ledger_task_row_get_cell (LedgerTaskRow   *self,
                          LedgerTaskField  field)
{
  g_return_val_if_fail (LEDGER_IS_TASK_ROW (self), "");
  g_return_val_if_fail (field < LEDGER_TASK_N_FIELDS, "");
  return cell (self, field);
}

const char *
ledger_task_row_get_area (LedgerTaskRow *self)
{
  return ledger_task_row_get_cell (self, LEDGER_TASK_FIELD_AREA);
}

const char *
ledger_task_row_get_task (LedgerTaskRow *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK_ROW (self), "");
  return self->task;
}

const char *
ledger_task_row_get_name (LedgerTaskRow *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK_ROW (self), "");
  return self->name;
}

gboolean
ledger_task_row_has_target (LedgerTaskRow *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK_ROW (self), FALSE);
  return self->kind != LEDGER_KIND_QUALITATIVE;
}

double
ledger_task_row_get_target (LedgerTaskRow *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK_ROW (self), 0);
  return self->target.number;
}

const char *
ledger_task_row_get_unit (LedgerTaskRow *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK_ROW (self), "");
  return self->target.unit;
}

LedgerComparator
ledger_task_row_get_comparator (LedgerTaskRow *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK_ROW (self), LEDGER_COMPARATOR_NONE);
  return self->target.comparator;
}

LedgerCommitment
ledger_task_row_get_commitment (LedgerTaskRow *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK_ROW (self), LEDGER_COMMITMENT_NONE);
  return self->target.commitment;
}

LedgerKind
ledger_task_row_get_kind (LedgerTaskRow *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK_ROW (self), LEDGER_KIND_QUALITATIVE);
  return self->kind;
}

/* The 牵头单位: the indicator's responsible unit. */
const char *
ledger_task_row_get_lead (LedgerTaskRow *self)
{
  return ledger_task_row_get_cell (self, LEDGER_TASK_FIELD_LEAD);
}

/* The 配合单位, one by one. */
const char * const *
ledger_task_row_get_supporting (LedgerTaskRow *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK_ROW (self), NULL);
  return (const char * const *) self->supporting;
}

/* The 时间节点: a #GArray of #LedgerDeadline. */
GArray *
ledger_task_row_get_deadlines (LedgerTaskRow *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK_ROW (self), NULL);
  return self->deadlines;
}

const char *
ledger_task_row_get_code (LedgerTaskRow *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK_ROW (self), NULL);
  return self->code;
}

void
ledger_task_row_set_code (LedgerTaskRow *self,
                          const char    *code)
{
  g_return_if_fail (LEDGER_IS_TASK_ROW (self));
  g_free (self->code);
  self->code = g_strdup (code);
}

/* A code the same row always gets: "task-" and a digest of its area, task
 * and name. */
char *
ledger_task_row_dup_code_base (LedgerTaskRow *self)
{
  g_autofree char *key = NULL;
  g_autofree char *digest = NULL;

  g_return_val_if_fail (LEDGER_IS_TASK_ROW (self), NULL);

  key = g_strjoin ("\n", ledger_task_row_get_area (self), self->task, self->name, NULL);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA1, key, -1);
  digest[8] = '\0';
  return g_strconcat ("task-", digest, NULL);
}

/* Why the row is refused, or NULL. */
const char *
ledger_task_row_get_reason (LedgerTaskRow *self)
{
  g_return_val_if_fail (LEDGER_IS_TASK_ROW (self), NULL);
  return self->reason;
}

/**
 * ledger_task_row_name_uuid:
 *
 * Returns: a UUID made of @code and @path (RFC 4122 version 5 layout):
 *   the same list imported as the same plan gets the same identities
 */
char *
ledger_task_row_name_uuid (const char *code,
                           const char *path)
{
  g_autofree char *key = g_strconcat ("target-ledger-task-list\n", code, "\n", path, NULL);
  g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA1, key, -1);

  hex[12] = '5';
  hex[16] = "89ab"[g_ascii_xdigit_value (hex[16]) & 3];
  return g_strdup_printf ("%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12, hex + 16, hex + 20);
}

/* The units of a cell, one a line, as the model keeps them. */
static char *
units_text (LedgerTaskRow   *self,
            LedgerTaskField  field)
{
  g_auto(GStrv) units = ledger_names_split (cell (self, field), unit_separators);

  return g_strjoinv ("\n", units);
}

/* Copies @milestones into @owner_milestones, owned by @owner_uuid, with
 * UUIDs made of it and their place. */
static void
give_milestones (GPtrArray  *milestones,
                 GPtrArray  *owner_milestones,
                 const char *owner_uuid)
{
  for (guint i = 0; i < milestones->len; i++)
    {
      LedgerMilestone *milestone = ledger_milestone_copy (g_ptr_array_index (milestones, i));
      g_autofree char *path = g_strdup_printf ("milestone %u", i);

      g_free (milestone->uuid);
      g_free (milestone->owner_uuid);
      milestone->uuid = ledger_task_row_name_uuid (owner_uuid, path);
      milestone->owner_uuid = g_strdup (owner_uuid);
      g_ptr_array_add (owner_milestones, milestone);
    }
}

/**
 * ledger_task_row_to_task:
 * @uuid: the task's
 *
 * Returns: (transfer full): the task the row starts: its title and text,
 *   its lead and supporting units (the task's own columns, which the
 *   list fills with the row's where it has none), its milestones and its
 *   sub-items; no indicator yet
 */
LedgerTask *
ledger_task_row_to_task (LedgerTaskRow *self,
                         const char    *uuid)
{
  g_autofree char *supporting = NULL;
  LedgerTask *task;

  g_return_val_if_fail (LEDGER_IS_TASK_ROW (self), NULL);
  g_return_val_if_fail (self->reason == NULL, NULL);

  supporting = units_text (self, LEDGER_TASK_FIELD_TASK_SUPPORT);
  task = g_object_new (LEDGER_TYPE_TASK, "uuid", uuid, "title", self->task,
                       "text", cell (self, LEDGER_TASK_FIELD_TASK_TEXT),
                       "lead-unit", cell (self, LEDGER_TASK_FIELD_TASK_LEAD),
                       "supporting-units", supporting, NULL);
  give_milestones (self->task_milestones, ledger_task_get_milestones (task), uuid);
  for (guint i = 0; i < self->sub_items->len; i++)
    {
      LedgerSubItem *item = ledger_sub_item_copy (g_ptr_array_index (self->sub_items, i));
      g_autofree char *path = g_strdup_printf ("sub-item %u", i);

      g_free (item->uuid);
      g_free (item->owner_uuid);
      item->uuid = ledger_task_row_name_uuid (uuid, path);
      item->owner_uuid = g_strdup (uuid);
      g_ptr_array_add (ledger_task_get_sub_items (task), item);
    }
  return task;
}

/* The indicator the row becomes, with its supporting units and a
 * milestone of each deadline. */
LedgerIndicator *
ledger_task_row_to_indicator (LedgerTaskRow *self,
                              const char    *uuid)
{
  g_autofree char *supporting = NULL;
  LedgerIndicator *indicator;
  gboolean measured;

  g_return_val_if_fail (LEDGER_IS_TASK_ROW (self), NULL);
  g_return_val_if_fail (self->reason == NULL, NULL);

  measured = self->kind != LEDGER_KIND_QUALITATIVE;
  supporting = units_text (self, LEDGER_TASK_FIELD_SUPPORT);
  indicator = g_object_new (LEDGER_TYPE_INDICATOR,
                            "uuid", uuid, "code", self->code, "name", self->name,
                            "unit", measured ? self->target.unit : "",
                            "kind", self->kind,
                            "comparator", measured ? self->target.comparator : LEDGER_COMPARATOR_NONE,
                            "better", measured ? self->target.better : LEDGER_BETTER_HIGHER,
                            "target", measured ? self->target.number : 0.0,
                            "frequency", self->frequency,
                            "responsible-unit", ledger_task_row_get_lead (self),
                            "notes", cell (self, LEDGER_TASK_FIELD_NOTES),
                            "source-text", cell (self, LEDGER_TASK_FIELD_TARGET),
                            "profile", measured ? self->profile : LEDGER_PROFILE_LINEAR,
                            "custom-shares", cell (self, LEDGER_TASK_FIELD_SHARES),
                            "due-month", self->due_month,
                            "january", self->january,
                            "commitment", self->target.commitment,
                            "unit-confirmed", self->confirmed,
                            "supporting-units", supporting,
                       NULL);
  give_milestones (self->milestones, ledger_indicator_get_milestones (indicator), uuid);
  return indicator;
}

/* ---- the words an export writes, which a row reads back ---------------- */

/* Whether the words of the milestone @first, in the plan's @year, name
 * it and the others of the same words not yet @written (a series,
 * "每季度末"), each with the share the words give; marks them written. */
static gboolean
named_by_words (GPtrArray *milestones,
                guint      first,
                int        year,
                gboolean  *written)
{
  const LedgerMilestone *milestone = g_ptr_array_index (milestones, first);
  g_autoptr(GArray) deadlines = ledger_deadline_parse (milestone->what, year, NULL);
  g_autofree gboolean *named = g_new0 (gboolean, milestones->len);
  guint n_named = 0;

  if (deadlines == NULL)
    return FALSE;
  for (guint i = first; i < milestones->len && n_named < deadlines->len; i++)
    {
      const LedgerMilestone *other = g_ptr_array_index (milestones, i);
      g_autofree char *due = ledger_deadline_format (&g_array_index (deadlines, LedgerDeadline, n_named).date);
      g_autofree char *share = g_strdup_printf ("%g", ledger_task_row_read_share (other->what));
      g_autofree char *other_share = g_strdup_printf ("%g", other->share);

      if (written[i] || !g_str_equal (other->what, milestone->what))
        continue;
      if (!g_str_equal (other->due, due) || !g_str_equal (share, other_share))
        return FALSE;
      named[i] = TRUE;
      n_named++;
    }
  if (n_named == 0 || n_named < deadlines->len)
    return FALSE;
  for (guint i = first; i < milestones->len; i++)
    written[i] |= named[i];
  return TRUE;
}

/* The words of @milestone that name no date of their own: the date first,
 * the separators of deadlines out of the words. */
static void
append_dated (GString               *text,
              const LedgerMilestone *milestone)
{
  g_auto(GStrv) parts = ledger_names_split (milestone->what, (const char * const []) {
                                              "；", ";", "，", ",", "、", "\n", "。", NULL });
  g_autofree char *words = g_strjoinv (" ", parts);

  g_string_append_printf (text, "%s %s", milestone->due, words);
}

/**
 * ledger_task_row_format_milestones:
 * @milestones: (element-type LedgerMilestone)
 * @year: the plan's year, of the dates the words write without one
 *
 * Returns: the 时间节点 cell of @milestones, one a line: the words of each
 *   (once for a series, "每季度末"), or its date and its words where they
 *   do not name it
 */
char *
ledger_task_row_format_milestones (GPtrArray *milestones,
                                   int        year)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree gboolean *written = g_new0 (gboolean, milestones->len);

  for (guint i = 0; i < milestones->len; i++)
    {
      if (written[i])
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (named_by_words (milestones, i, year, written))
        g_string_append (text, ((LedgerMilestone *) g_ptr_array_index (milestones, i))->what);
      else
        append_dated (text, g_ptr_array_index (milestones, i));
    }
  return g_strdup (text->str);
}

typedef void (*WriteLine) (GString *line, gconstpointer item);

/* The lines @write_line writes of @items, the empty ones left out. */
static char *
join_lines (GPtrArray *items,
            WriteLine  write_line)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      g_string_truncate (line, 0);
      write_line (line, g_ptr_array_index (items, i));
      if (line->len > 0)
        g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", line->str);
    }
  return g_strdup (text->str);
}

/* "2026-06-30 6月底前出台方案｜已完成 2026-06-28｜佐证材料…", for a
 * milestone done. */
static void
write_done_line (GString               *line,
                 const LedgerMilestone *milestone)
{
  g_auto(GStrv) note = g_strsplit (milestone->note, "\n", -1);
  g_autofree char *one_line = g_strjoinv (" ", note);

  if (!ledger_milestone_is_done (milestone))
    return;
  g_string_append_printf (line, "%s %s" SUB_ITEM_SEPARATOR DONE_WORD " %s", milestone->due, milestone->what,
                          milestone->done_on);
  if (*one_line != '\0')
    g_string_append_printf (line, SUB_ITEM_SEPARATOR "%s", one_line);
}

/* Returns: the 节点完成情况 cell of @milestones: a line for each done */
char *
ledger_task_row_format_done (GPtrArray *milestones)
{
  return join_lines (milestones, (WriteLine) write_done_line);
}

/* "汽车以旧换新｜推进中｜note", the status and note left out where they are
 * the default. */
static void
write_sub_item_line (GString             *line,
                     const LedgerSubItem *item)
{
  int status = 0;

  ledger_names_lookup (sub_item_status_codes, G_N_ELEMENTS (sub_item_status_codes), item->status, &status);
  g_string_append (line, item->title);
  if (status != 0 || *item->note != '\0')
    g_string_append_printf (line, SUB_ITEM_SEPARATOR "%s", sub_item_status_words[status]);
  if (*item->note != '\0')
    g_string_append_printf (line, SUB_ITEM_SEPARATOR "%s", item->note);
}

/* Returns: the 子项 cell of @sub_items: a line each */
char *
ledger_task_row_format_sub_items (GPtrArray *sub_items)
{
  return join_lines (sub_items, (WriteLine) write_sub_item_line);
}
