/* ledger-target-text.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-target-text"

#include "config.h"

#include <string.h>

#include "ledger-number.h"
#include "ledger-target-text.h"

/* The number of a target is the last one of its words that is not part of
 * a name or a date: "PM2.5浓度控制在30微克/立方米以内" is 30, "5G基站2000个"
 * 2000, "2026年完成100亿元" 100. */

typedef struct
{
  const char *start, *end;
  double      value;
} Token;

typedef struct
{
  const char       *word;
  LedgerComparator  comparator;
} ComparatorWord;

/* The first word of this list found in the target decides: 不低于 before
 * 低于-like words, 左右 before all ("达到6%左右" is about 6). */
static const ComparatorWord comparator_words[] = {
  { "左右", LEDGER_COMPARATOR_ABOUT },
  { "不低于", LEDGER_COMPARATOR_AT_LEAST },
  { "不少于", LEDGER_COMPARATOR_AT_LEAST },
  { "不超过", LEDGER_COMPARATOR_AT_MOST },
  { "不高于", LEDGER_COMPARATOR_AT_MOST },
  { "以内", LEDGER_COMPARATOR_AT_MOST },
  { "以下", LEDGER_COMPARATOR_AT_MOST },
  { "控制在", LEDGER_COMPARATOR_AT_MOST },
  { "以上", LEDGER_COMPARATOR_AT_LEAST },
  { "达到", LEDGER_COMPARATOR_AT_LEAST },
  { "超过", LEDGER_COMPARATOR_AT_LEAST },
  { "突破", LEDGER_COMPARATOR_AT_LEAST },
};

/* Where a unit ends: a comparator word, punctuation, a digit. */
static const char *unit_stops[] = {
  "以上", "以下", "以内", "左右", "及以上", "及", "（", "(", "，", ",", "。", "；", ";", "、", "：",
  ":", "）", ")", "-", "~", "—", "–", "至", "到", "的", "/年", NULL
};

static const char *range_marks[] = { "-", "~", "—", "–", "至", "到", NULL };
static const char *lower_words[] = { "下降", "降低", "减少", "压减", "压降", NULL };
static const char *steady_words[] = { "稳定在", "保持在", "稳定", NULL };
static const char *date_units[] = { "年", "月", "日", "季度", "号", "届", NULL };

static gboolean
contains_any (const char          *text,
              const char * const  *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (text, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
starts_with_any (const char         *text,
                 const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (text, words[i]))
      return TRUE;
  return FALSE;
}

/* Reads "1,234.5" at @p; commas only between groups of three. */
static const char *
read_number (const char *p,
             GString    *digits)
{
  for (;; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == ',' && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
               g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]))
        continue;
      else
        break;
    }
  if (*p == '.' && g_ascii_isdigit (p[1]))
    for (g_string_append_c (digits, *p++); g_ascii_isdigit (*p); p++)
      g_string_append_c (digits, *p);
  return p;
}

/* A number that is part of a name (PM2.5, 5G), a date (2026年) or an
 * ordinal (第3) is not a target. */
static gboolean
is_target_number (const char *text,
                  const char *start,
                  const char *end)
{
  if (start > text && (g_ascii_isalpha (start[-1]) || start[-1] == '.'))
    return FALSE;
  if (start - text >= 3 && strncmp (start - 3, "第", 3) == 0)
    return FALSE;
  return !g_ascii_isalpha (*end) && !starts_with_any (end, date_units);
}

static GArray *
find_numbers (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *p = text;

  while (*p != '\0')
    {
      g_autoptr(GString) digits = NULL;
      Token token;

      if (!g_ascii_isdigit (*p))
        {
          p++;
          continue;
        }
      digits = g_string_new (NULL);
      token.start = p;
      token.end = p = read_number (p, digits);
      token.value = g_ascii_strtod (digits->str, NULL);
      if (is_target_number (text, token.start, token.end))
        g_array_append_val (tokens, token);
    }
  return tokens;
}

static char *
read_unit (const char *p)
{
  const char *start = p;

  while (*p != '\0' && !g_ascii_isdigit (*p) && !starts_with_any (p, unit_stops))
    p = g_utf8_next_char (p);
  return g_strndup (start, p - start);
}

/* "6%-7%", "6-7%", "6至7个": the text between two numbers is a range mark,
 * after the unit the second one has too. */
static gboolean
is_range (const Token *first,
          const Token *second,
          const char  *unit)
{
  g_autofree char *between = g_strndup (first->end, second->start - first->end);
  const char *mark = g_str_has_prefix (between, unit) ? between + strlen (unit) : between;

  for (guint i = 0; range_marks[i] != NULL; i++)
    if (g_str_equal (mark, range_marks[i]))
      return TRUE;
  return FALSE;
}

static LedgerComparator
find_comparator (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (comparator_words); i++)
    if (strstr (text, comparator_words[i].word) != NULL)
      return comparator_words[i].comparator;
  return LEDGER_COMPARATOR_NONE;
}

static LedgerCommitment
find_commitment (const char *text)
{
  const char *firm = strstr (text, "确保");
  const char *strive = strstr (text, "力争");

  if (firm != NULL && (strive == NULL || firm < strive))
    return LEDGER_COMMITMENT_FIRM;
  return strive != NULL ? LEDGER_COMMITMENT_STRIVE : LEDGER_COMMITMENT_NONE;
}

/* Without a comparator word, a target to bring down is at most, any other
 * at least; a target to hold (稳定在…左右) has no better side. */
static void
settle_direction (LedgerTargetText *self,
                  const char       *text)
{
  gboolean lower = contains_any (text, lower_words);

  if (self->comparator == LEDGER_COMPARATOR_NONE)
    self->comparator = self->is_range ? LEDGER_COMPARATOR_AT_LEAST
                     : lower ? LEDGER_COMPARATOR_AT_MOST : LEDGER_COMPARATOR_AT_LEAST;
  if (self->comparator == LEDGER_COMPARATOR_AT_MOST)
    self->better = LEDGER_BETTER_LOWER;
  else if (self->comparator == LEDGER_COMPARATOR_ABOUT && contains_any (text, steady_words))
    self->better = LEDGER_BETTER_NONE;
  else
    self->better = lower ? LEDGER_BETTER_LOWER : LEDGER_BETTER_HIGHER;
}

/* Reads @text into @self, which ledger_target_text_clear() frees. */
void
ledger_target_text_parse (LedgerTargetText *self,
                          const char       *text)
{
  g_autofree char *folded = ledger_number_fold (text != NULL ? text : "");
  g_autoptr(GArray) tokens = find_numbers (folded);
  const Token *last;

  memset (self, 0, sizeof *self);
  self->commitment = find_commitment (folded);
  if (tokens->len == 0)
    {
      self->unit = g_strdup ("");
      return;
    }

  last = &g_array_index (tokens, Token, tokens->len - 1);
  self->has_number = TRUE;
  self->number = last->value;
  self->unit = read_unit (last->end);
  if (tokens->len >= 2 && is_range (last - 1, last, self->unit))
    {
      self->is_range = TRUE;
      self->upper = self->number;
      self->number = last[-1].value;
    }
  self->comparator = find_comparator (folded);
  settle_direction (self, folded);
}

void
ledger_target_text_clear (LedgerTargetText *self)
{
  g_clear_pointer (&self->unit, g_free);
}

static const char *share_words[] = { "率", "占比", "比重", "比例", "覆盖", NULL };
static const char *growth_words[] = { "增长", "增速", "增幅", "提高", "提升", "下降", "降低", NULL };
static const char *level_words[] = { "浓度", "平均", "均值", "指数", "密度", "天数", "水平", "稳定在",
                                      "保持在", NULL };

/* The kind the words suggest: a growth in percent is a rate, a share or
 * a concentration a level, any other number a total built up over the
 * year, no number a qualitative task. */
LedgerKind
ledger_target_text_guess_kind (const LedgerTargetText *self,
                               const char             *words)
{
  gboolean percent;

  if (!self->has_number)
    return LEDGER_KIND_QUALITATIVE;
  percent = strstr (self->unit, "%") != NULL || strstr (self->unit, "百分点") != NULL;
  if (percent)
    {
      if (contains_any (words, share_words))
        return LEDGER_KIND_LEVEL;
      return contains_any (words, growth_words) ? LEDGER_KIND_RATE : LEDGER_KIND_LEVEL;
    }
  return contains_any (words, level_words) ? LEDGER_KIND_LEVEL : LEDGER_KIND_CUMULATIVE;
}
