/* ledger-task-row.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-task-row"

#include "config.h"

#include <glib/gi18n-lib.h>
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
 * month; any other is paced over the year. */
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
      g_date_get_year (&deadline->date) == year && g_date_get_month (&deadline->date) < 12)
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

static void
read_deadlines (LedgerTaskRow *self,
                int            year)
{
  g_autoptr(GError) error = NULL;

  self->deadlines = ledger_deadline_parse (cell (self, LEDGER_TASK_FIELD_DEADLINE), year, &error);
  if (self->deadlines == NULL)
    {
      ledger_task_row_refuse (self, error->message);
      self->deadlines = g_array_new (FALSE, FALSE, sizeof (LedgerDeadline));
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

/* The indicator the row becomes. The 配合单位 and the 时间节点 stay with
 * the row until the plan holds them. */
LedgerIndicator *
ledger_task_row_to_indicator (LedgerTaskRow *self,
                              const char    *uuid)
{
  gboolean measured;

  g_return_val_if_fail (LEDGER_IS_TASK_ROW (self), NULL);
  g_return_val_if_fail (self->reason == NULL, NULL);

  measured = self->kind != LEDGER_KIND_QUALITATIVE;
  return g_object_new (LEDGER_TYPE_INDICATOR,
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
                       NULL);
}
