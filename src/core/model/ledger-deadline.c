/* ledger-deadline.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-deadline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger-deadline.h"
#include "ledger-names.h"
#include "ledger-number.h"

/* The deadlines of a 清单 as the office writes them: "6月底前", "三季度末",
 * "年底前", "上半年", "2026年9月30日", "10月中旬", "每季度末" … Each part of
 * the cell (split at "；", "，", "、" and line breaks) names one date or a
 * series of them; a part that names none is refused. docs/task-list-format.md
 * lists the words. */

G_DEFINE_QUARK (ledger-deadline-error-quark, ledger_deadline_error)

/* The first year a deadline can be in. */
#define MIN_YEAR 1900

static const char *separators[] = { "；", ";", "，", ",", "、", "\n", "。", NULL };
static const char *digits_zh[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", NULL };

static void
deadline_clear (LedgerDeadline *deadline)
{
  g_clear_pointer (&deadline->words, g_free);
}

static void
add_date (GArray     *deadlines,
          int         year,
          int         month,
          int         day,
          const char *words)
{
  LedgerDeadline deadline = { 0 };

  if (day == 0)
    day = g_date_get_days_in_month (month, year);
  g_date_clear (&deadline.date, 1);
  g_date_set_dmy (&deadline.date, day, month, year);
  deadline.words = g_strdup (words);
  g_array_append_val (deadlines, deadline);
}

/* A number of one or two digits or written in Chinese (一 … 十二) at @p;
 * 0 when there is none. */
static int
read_small_number (const char  *p,
                   const char **end)
{
  int value = 0;

  if (g_ascii_isdigit (*p))
    {
      value = g_ascii_digit_value (*p++);
      if (g_ascii_isdigit (*p))
        value = value * 10 + g_ascii_digit_value (*p++);
      *end = p;
      return value;
    }
  if (g_str_has_prefix (p, "十"))
    {
      value = 10;
      p += strlen ("十");
    }
  for (guint i = 0; digits_zh[i] != NULL; i++)
    if (g_str_has_prefix (p, digits_zh[i]))
      {
        value += i + 1;
        p += strlen (digits_zh[i]);
        break;
      }
  *end = p;
  return value;
}

/* The day of month @month that @suffix (what follows "N月") names:
 * 上旬 the 10th, 中旬 the 20th, else its last day (0). A "M月D日" gives D. */
static int
day_of (const char *suffix)
{
  const char *end;
  int day;

  if (g_str_has_prefix (suffix, "上旬"))
    return 10;
  if (g_str_has_prefix (suffix, "中旬"))
    return 20;
  day = read_small_number (suffix, &end);
  if (day >= 1 && day <= 31 && (g_str_has_prefix (end, "日") || g_str_has_prefix (end, "号")))
    return day;
  return 0;
}

static gboolean
valid_day (int year,
           int month,
           int day)
{
  return month >= 1 && month <= 12 && day >= 0 && (day == 0 || g_date_valid_dmy (day, month, year));
}

/* "2026-09-30", "2026/9/30", "2026.9.30" as a date cell or typed. */
static gboolean
read_iso (const char *text,
          GArray     *deadlines,
          const char *words)
{
  int year, month, day;
  char sep1, sep2;

  if (sscanf (text, "%4d%c%2d%c%2d", &year, &sep1, &month, &sep2, &day) != 5 ||
      sep1 != sep2 || strchr ("-/.", sep1) == NULL || year < MIN_YEAR || day == 0 ||
      !valid_day (year, month, day))
    return FALSE;
  add_date (deadlines, year, month, day, words);
  return TRUE;
}

/* "每季度末", "每月底", "每半年": a series over the year. */
static gboolean
read_series (const char *text,
             int         year,
             GArray     *deadlines,
             const char *words)
{
  if (strstr (text, "每季") != NULL || strstr (text, "每个季度") != NULL)
    {
      for (int quarter = 1; quarter <= 4; quarter++)
        add_date (deadlines, year, quarter * 3, 0, words);
      return TRUE;
    }
  if (strstr (text, "每月") != NULL || strstr (text, "每个月") != NULL)
    {
      for (int month = 1; month <= 12; month++)
        add_date (deadlines, year, month, 0, words);
      return TRUE;
    }
  if (strstr (text, "每半年") != NULL)
    {
      add_date (deadlines, year, 6, 0, words);
      add_date (deadlines, year, 12, 0, words);
      return TRUE;
    }
  return FALSE;
}

/* Four digits, and only four, end at @end. */
static gboolean
has_four_digits_before (const char *text,
                        const char *end)
{
  if (end - text < 4 || (end - text > 4 && g_ascii_isdigit (end[-5])))
    return FALSE;
  for (int i = 1; i <= 4; i++)
    if (!g_ascii_isdigit (end[-i]))
      return FALSE;
  return TRUE;
}

/* "YYYY年" before the rest: the year it names, and where the rest starts;
 * %NULL for a year no deadline can be in ("0000年"). */
static const char *
read_year (const char *text,
           int        *year)
{
  const char *p = strstr (text, "年");

  if (p == NULL || !has_four_digits_before (text, p))
    return text;
  *year = atoi (p - 4);
  if (*year < MIN_YEAR)
    return NULL;
  return p + strlen ("年");
}

/* "9月30日", "6月底前", "10月中旬", "十二月": a month of @year. */
static gboolean
read_month (const char *text,
            int         year,
            GArray     *deadlines,
            const char *words)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *end;
      int month = read_small_number (p, &end);

      if (month >= 1 && month <= 12 && g_str_has_prefix (end, "月") &&
          (p == text || !g_ascii_isdigit (p[-1])))
        {
          int day = day_of (end + strlen ("月"));

          if (!valid_day (year, month, day))
            return FALSE;
          add_date (deadlines, year, month, day, words);
          return TRUE;
        }
    }
  return FALSE;
}

/* "三季度末", "第一季度", "Q3": the end of a quarter. */
static gboolean
read_quarter (const char *text,
              int         year,
              GArray     *deadlines,
              const char *words)
{
  const char *q = strstr (text, "季度");

  for (const char *p = text; q != NULL && p < q; p = g_utf8_next_char (p))
    {
      const char *end;
      int quarter = read_small_number (p, &end);

      if (quarter >= 1 && quarter <= 4 && end == q)
        {
          add_date (deadlines, year, quarter * 3, 0, words);
          return TRUE;
        }
    }
  return FALSE;
}

/* 上半年, 下半年, 年底, 年末, 年内, 全年. */
static gboolean
read_half (const char *text,
           int         year,
           GArray     *deadlines,
           const char *words)
{
  static const char *year_end[] = { "下半年", "年底", "年末", "年内", "全年", "年前", NULL };

  if (strstr (text, "上半年") != NULL)
    {
      add_date (deadlines, year, 6, 0, words);
      return TRUE;
    }
  for (guint i = 0; year_end[i] != NULL; i++)
    if (strstr (text, year_end[i]) != NULL)
      {
        add_date (deadlines, year, 12, 0, words);
        return TRUE;
      }
  return FALSE;
}

static gboolean
read_part (const char *part,
           int         year,
           GArray     *deadlines)
{
  g_autofree char *folded = ledger_number_fold (part);
  const char *rest;

  if (read_iso (folded, deadlines, part) || read_series (folded, year, deadlines, part))
    return TRUE;
  if ((rest = read_year (folded, &year)) == NULL)
    return FALSE;
  return read_month (rest, year, deadlines, part) || read_quarter (rest, year, deadlines, part) ||
         read_half (rest == folded ? folded : rest - strlen ("年"), year, deadlines, part);
}

/**
 * ledger_deadline_parse:
 * @year: the year of a date written without one
 *
 * Returns: (transfer full): the #LedgerDeadline of each part of @text in
 *   order (none for an empty text), or %NULL with @error naming the first
 *   part that names no date
 */
GArray *
ledger_deadline_parse (const char  *text,
                       int          year,
                       GError     **error)
{
  g_autoptr(GArray) deadlines = g_array_new (FALSE, FALSE, sizeof (LedgerDeadline));
  g_auto(GStrv) parts = ledger_names_split (text != NULL ? text : "", separators);

  g_array_set_clear_func (deadlines, (GDestroyNotify) deadline_clear);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (read_part (parts[i], year, deadlines))
        continue;
      g_set_error (error, LEDGER_DEADLINE_ERROR, LEDGER_DEADLINE_ERROR_NO_DATE,
                   _("the deadline “%s” names no date"), parts[i]);
      return NULL;
    }
  return g_steal_pointer (&deadlines);
}

/* The date as ISO 8601: "2026-06-30". */
char *
ledger_deadline_format (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}
