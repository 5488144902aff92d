/* ledger-period-words.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-period-words"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ledger-period-words.h"

/* The ledger's periods run from January (ledger-period.c): 2026-06 is
 * January to June, 2026-Q2 the first half. Offices write the same periods
 * in words; what each form means is in docs/csv-format.md. The one doubt:
 * "6月" and "二季度" may mean that month or quarter alone, or all of the
 * year to its end. A monthly indicator's period is named by its month, so
 * for it "6月" is 2026-06; for a quarterly or annual one the form is
 * refused with what to write instead. */

/* Longer than any period written out. */
#define MAX_LENGTH 64

G_DEFINE_QUARK (ledger-period-error-quark, ledger_period_error)

typedef struct
{
  const char         *text;
  int                 end_month;
  LedgerPeriodWording wording;
} PeriodWord;

/* Upper case, as the text is compared. */
static const PeriodWord period_words[] = {
  { "上半年", 6, LEDGER_PERIOD_WORDING_QUARTER },
  { "前三季度", 9, LEDGER_PERIOD_WORDING_QUARTER },
  { "前三季", 9, LEDGER_PERIOD_WORDING_QUARTER },
  { "全年度", 12, LEDGER_PERIOD_WORDING_YEAR },
  { "全年", 12, LEDGER_PERIOD_WORDING_YEAR },
  { "年度", 12, LEDGER_PERIOD_WORDING_YEAR },
  /* the English labels of ledger_period_label() */
  { "H1", 6, LEDGER_PERIOD_WORDING_QUARTER },
  { "Q1-Q3", 9, LEDGER_PERIOD_WORDING_QUARTER },
  { "FULLYEAR", 12, LEDGER_PERIOD_WORDING_YEAR },
};

static const char *chinese_numerals[] = {
  "十二", "十一", "十", "一", "二", "三", "四", "五", "六", "七", "八", "九",
};
static const int chinese_values[] = { 12, 11, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9 };

static gboolean
is_dash (gunichar c)
{
  return c == '-' || c == '~' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0x301C ||
         c == 0x81F3 /* 至 */ || c == 0x5230 /* 到 */;
}

/* The text with full-width digits and letters made ASCII (NFKC), ASCII
 * letters in upper case, spaces left out and every dash or "to" a
 * hyphen; NULL if it is not UTF-8. */
static char *
normalize (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  GString *out;

  if (nfkc == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (const char *p = nfkc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        continue;
      if (is_dash (c))
        c = '-';
      g_string_append_unichar (out, c < 128 ? (gunichar) g_ascii_toupper ((char) c) : c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
eat (const char **p,
     const char  *word)
{
  gsize length = strlen (word);

  if (strncmp (*p, word, length) != 0)
    return FALSE;
  *p += length;
  return TRUE;
}

/* Up to @max digits: how many were read. */
static guint
read_digits (const char **p,
             guint        max,
             int         *value)
{
  guint n = 0;

  *value = 0;
  for (; n < max && g_ascii_isdigit ((*p)[0]); n++, (*p)++)
    *value = *value * 10 + ((*p)[0] - '0');
  return n;
}

/* 1 to 12 in digits or in Chinese numerals. */
static gboolean
read_numeral (const char **p,
              int         *value)
{
  if (read_digits (p, 2, value) > 0)
    return !g_ascii_isdigit ((*p)[0]);
  for (guint i = 0; i < G_N_ELEMENTS (chinese_numerals); i++)
    if (eat (p, chinese_numerals[i]))
      {
        *value = chinese_values[i];
        return TRUE;
      }
  return FALSE;
}

static gboolean
set_words (LedgerPeriodWords   *words,
           int                  end_month,
           LedgerPeriodWording  wording)
{
  words->end_month = end_month;
  words->wording = wording;
  return end_month >= 1 && end_month <= 12;
}

/* 一季度, 第二季度, 1季度, 1-6月, 6月, 6月份 */
static gboolean
parse_numbered (const char        *p,
                LedgerPeriodWords *words)
{
  gboolean ordinal = eat (&p, "第");
  int first, last;

  if (!read_numeral (&p, &first))
    return FALSE;
  if (eat (&p, "季度") || eat (&p, "季"))
    return *p == '\0' && first <= 4 &&
           set_words (words, 3 * first, first == 1 ? LEDGER_PERIOD_WORDING_QUARTER
                                                   : LEDGER_PERIOD_WORDING_ONE_QUARTER);
  if (ordinal)
    return FALSE;
  if (eat (&p, "-"))
    {
      /* From January only: 3-6月 is no period of the ledger. */
      if (!read_numeral (&p, &last) || !eat (&p, "月") || first != 1)
        return FALSE;
      eat (&p, "份");
      return *p == '\0' && set_words (words, last, LEDGER_PERIOD_WORDING_MONTHS);
    }
  if (!eat (&p, "月"))
    return FALSE;
  eat (&p, "份");
  return *p == '\0' && set_words (words, first, LEDGER_PERIOD_WORDING_MONTH);
}

/* What follows the year, or the whole text without one. */
static gboolean
parse_body (const char        *p,
            LedgerPeriodWords *words)
{
  int quarter;

  if (eat (&p, "Q"))
    return read_digits (&p, 1, &quarter) == 1 && *p == '\0' && quarter >= 1 && quarter <= 4 &&
           set_words (words, 3 * quarter, LEDGER_PERIOD_WORDING_CODE);
  for (guint i = 0; i < G_N_ELEMENTS (period_words); i++)
    if (g_str_equal (p, period_words[i].text))
      return set_words (words, period_words[i].end_month, period_words[i].wording);
  return parse_numbered (p, words);
}

/* 2026.06, 2026/6, 2026-06, 2026-Q2 after the year. */
static gboolean
parse_code_tail (const char        *p,
                 LedgerPeriodWords *words)
{
  int month;

  if (*p == 'Q')
    return parse_body (p, words);
  return read_digits (&p, 2, &month) > 0 && *p == '\0' &&
         set_words (words, month, LEDGER_PERIOD_WORDING_CODE);
}

static gboolean
parse_normalized (const char        *p,
                  LedgerPeriodWords *words)
{
  const char *start = p;
  int year;

  if (read_digits (&p, 4, &year) != 4 || g_ascii_isdigit (*p) || year < 1900)
    return parse_body (start, words);
  words->year = year;
  if (*p == '\0')
    return set_words (words, 12, LEDGER_PERIOD_WORDING_CODE);
  if (eat (&p, "年"))
    {
      if (*p == '\0' || g_str_equal (p, "度"))
        return set_words (words, 12, LEDGER_PERIOD_WORDING_YEAR);
      return parse_body (p, words);
    }
  if (*p == '-' || *p == '.' || *p == '/')
    return parse_code_tail (p + 1, words);
  return *p == 'Q' && parse_body (p, words);
}

/**
 * ledger_period_words_parse:
 *
 * Reads a period as an office writes it, with or without its year:
 * 2026-06, 2026.06, 2026/6, 2026-Q2, 2026Q2, Q2, 2026, 2026年, 2026年度,
 * 6月, 2026年6月, 1-6月, 1-2月, 2026年1-6月, 一季度, 第一季度, 1季度,
 * 上半年, 前三季度, 全年, 年度; full-width digits and any dash too.
 *
 * Returns: whether @text is a period; @words says which.
 */
gboolean
ledger_period_words_parse (const char        *text,
                           LedgerPeriodWords *words)
{
  g_autofree char *normalized = NULL;
  LedgerPeriodWords parsed = { 0, 0, LEDGER_PERIOD_WORDING_CODE };

  g_return_val_if_fail (words != NULL, FALSE);

  if (text == NULL || strlen (text) > MAX_LENGTH || (normalized = normalize (text)) == NULL ||
      !parse_normalized (normalized, &parsed))
    return FALSE;
  *words = parsed;
  return TRUE;
}

/* The ledger's period of @frequency that runs from January to @end_month;
 * FALSE if @frequency has none. */
static gboolean
period_of (LedgerFrequency  frequency,
           int              year,
           int              end_month,
           LedgerPeriod    *period)
{
  period->year = year;
  switch (frequency)
    {
    case LEDGER_FREQUENCY_MONTHLY:
      period->type = LEDGER_PERIOD_MONTH;
      period->index = end_month;
      return TRUE;
    case LEDGER_FREQUENCY_QUARTERLY:
      period->type = LEDGER_PERIOD_QUARTER;
      period->index = end_month / 3;
      return end_month % 3 == 0;
    case LEDGER_FREQUENCY_ANNUAL:
    default:
      period->type = LEDGER_PERIOD_YEAR;
      period->index = 0;
      return end_month == 12;
    }
}

/* Whether the wording may mean one month or quarter alone, for an
 * indicator of @frequency. */
static gboolean
is_ambiguous (const LedgerPeriodWords *words,
              LedgerFrequency          frequency)
{
  if (words->wording == LEDGER_PERIOD_WORDING_ONE_QUARTER)
    return TRUE;
  return words->wording == LEDGER_PERIOD_WORDING_MONTH && frequency != LEDGER_FREQUENCY_MONTHLY;
}

/**
 * ledger_period_words_to_code:
 * @default_year: the year of a period written without one, or 0 for none
 *
 * Reads @text (ledger_period_words_parse()) as a period of an indicator
 * reported at @frequency: 2026-06 and 1-6月 are 2026-Q2 for a quarterly
 * one, 全年 and 2026-12 are 2026 for an annual one.
 *
 * Returns: (transfer full) (nullable): the period's code, or NULL with
 * @error saying why (LEDGER_PERIOD_ERROR).
 */
char *
ledger_period_words_to_code (const char       *text,
                             LedgerFrequency   frequency,
                             int               default_year,
                             GError          **error)
{
  LedgerPeriodWords words;
  LedgerPeriod period, exact;
  g_autofree char *label = NULL;
  g_autofree char *code = NULL;
  gboolean fits;

  if (!ledger_period_words_parse (text, &words))
    {
      g_set_error (error, LEDGER_PERIOD_ERROR, LEDGER_PERIOD_ERROR_INVALID,
                   _("“%s” is not a period: write 2026-06, 1-6月, 上半年, 一季度, 2026-Q2 or 2026"),
                   text != NULL && g_utf8_validate (text, -1, NULL) ? text : "?");
      return NULL;
    }
  if (words.year == 0 && default_year == 0)
    {
      g_set_error (error, LEDGER_PERIOD_ERROR, LEDGER_PERIOD_ERROR_NO_YEAR,
                   _("“%s” gives no year: write it with its year, as in 2026年1-6月"), text);
      return NULL;
    }
  /* Whether the indicator takes the period (January alone, a base year)
   * is the indicator's to say. The ledger's own quarter and year codes
   * are kept for their frequency: 2026-Q1 is no monthly period. */
  fits = period_of (frequency, words.year != 0 ? words.year : default_year, words.end_month, &period) &&
         (!ledger_period_parse (text, &exact) || exact.type == LEDGER_PERIOD_MONTH ||
          exact.type == period.type);
  if (!fits)
    {
      g_set_error (error, LEDGER_PERIOD_ERROR, LEDGER_PERIOD_ERROR_FREQUENCY,
                   _("“%s” is not a period of figures reported %s"), text,
                   ledger_frequency_label (frequency));
      return NULL;
    }
  code = ledger_period_to_code (&period);
  if (is_ambiguous (&words, frequency))
    {
      label = ledger_period_label (&period);
      g_set_error (error, LEDGER_PERIOD_ERROR, LEDGER_PERIOD_ERROR_AMBIGUOUS,
                   _("“%s” is unclear: it could mean that month or quarter alone, or the year to "
                     "date (%s); write %s"), text, label, code);
      return NULL;
    }
  return g_steal_pointer (&code);
}
