/* ledger-pace-text.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-pace-text"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ledger-indicator.h"
#include "ledger-period.h"
#include "ledger-pace-text.h"

/* How an indicator is paced and assessed, in the office's words. */

/* "年终考核": an indicator's profile in a summary line. */
const char *
ledger_pace_text_profile (LedgerProfile profile)
{
  switch (profile)
    {
    case LEDGER_PROFILE_SEASONAL: return _("paced as last year went (同期比例)");
    case LEDGER_PROFILE_CUSTOM: return _("paced by the office's shares (自定义节点)");
    case LEDGER_PROFILE_YEAR_END: return _("assessed at year end (年终考核)");
    case LEDGER_PROFILE_MILESTONE: return _("due by a set month (节点任务)");
    case LEDGER_PROFILE_LINEAR:
    default: return _("paced by months (序时进度)");
    }
}

/* Returns: (nullable): the tag of a commitment, 确保 or 力争 */
const char *
ledger_pace_text_commitment (LedgerCommitment commitment)
{
  switch (commitment)
    {
    /* Translators: the tag of a target the report says it will reach, 确保 */
    case LEDGER_COMMITMENT_FIRM: return C_("commitment", "Firm");
    /* Translators: the tag of a target the report strives for, 力争 */
    case LEDGER_COMMITMENT_STRIVE: return C_("commitment", "Strive");
    case LEDGER_COMMITMENT_NONE:
    default: return NULL;
    }
}

/* Returns: (transfer full): when a target not yet assessed (未到考核期)
 * will be: "年终考核" or "1-6月（上半年）考核" */
char *
ledger_pace_text_pending (LedgerIndicator *indicator)
{
  g_autofree char *code = NULL;
  g_autofree char *month = NULL;

  if (ledger_indicator_get_profile (indicator) != LEDGER_PROFILE_MILESTONE ||
      ledger_indicator_get_due_month (indicator) == 12)
    return g_strdup (_("Assessed at year end"));
  code = g_strdup_printf ("2000-%02d", ledger_indicator_get_due_month (indicator));
  month = ledger_period_as_of_label (code);
  /* Translators: when a milestone is assessed, "1-6月（上半年）考核" */
  return g_strdup_printf (_("Assessed by %s"), month);
}

/* A custom pace as a clerk writes it, "一季度 30%，上半年 60%，前三季度 85%",
 * and as the indicator keeps it, "3:30,6:60,9:85" (docs/plan-format.md). */

/* The office's own words for the months that close a quarter, whatever
 * the language of the window. */
static const struct { const char *word; int month; } period_words[] = {
  { "一季度", 3 }, { "上半年", 6 }, { "前三季度", 9 }, { "全年", 12 },
};

/* The month a period's words end in, or 0: "上半年", "1-5月", "5月", "H1",
 * "Jan–May", "5". */
static int
month_of (const char *words)
{
  g_autofree char *text = g_strstrip (g_strdup (words));
  const char *digits;
  guint64 month;

  for (guint i = 0; i < G_N_ELEMENTS (period_words); i++)
    if (g_str_equal (text, period_words[i].word))
      return period_words[i].month;
  for (int m = 1; m <= 12; m++)
    {
      LedgerPeriod period = { 2000, LEDGER_PERIOD_MONTH, m };
      LedgerPeriod quarter = { 2000, LEDGER_PERIOD_QUARTER, m / 3 };
      g_autofree char *label = ledger_period_label (&period);
      g_autofree char *quarter_label = m % 3 == 0 ? ledger_period_label (&quarter) : NULL;

      if (g_utf8_collate (text, label) == 0 ||
          (quarter_label != NULL && g_utf8_collate (text, quarter_label) == 0))
        return m;
    }
  /* 1-5月, 1–5月, 5月 and a bare 5 */
  if (g_str_has_suffix (text, "月"))
    text[strlen (text) - strlen ("月")] = '\0';
  digits = text;
  if (g_str_has_prefix (digits, "1-") && digits[2] != '\0')
    digits += strlen ("1-");
  else if (g_str_has_prefix (digits, "1–") && digits[strlen ("1–")] != '\0')
    digits += strlen ("1–");
  if (!g_ascii_string_to_unsigned (digits, 10, 1, 12, &month, NULL))
    return 0;
  return (int) month;
}

/* Splits "一季度 30%" into its period's month and its percent. */
static gboolean
parse_point (const char  *point,
             int         *month,
             char       **percent,
             GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (point));
  char *end, *start;

  /* The percent sign is optional: the shares are percents. */
  if (g_str_has_suffix (text, "%"))
    text[strlen (text) - 1] = '\0';
  else if (g_str_has_suffix (text, "％"))
    text[strlen (text) - strlen ("％")] = '\0';
  end = text + strlen (g_strchomp (text));
  start = end;
  while (start > text && (g_ascii_isdigit (start[-1]) || start[-1] == '.'))
    start--;
  if (start == end || start == text)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: a custom pace the dialog could not read */
                   _("“%s” needs a period and a percent, such as “上半年 60%%”"), point);
      return FALSE;
    }
  *percent = g_strdup (start);
  *start = '\0';
  g_strchomp (text);
  if (g_str_has_suffix (text, ":") || g_str_has_suffix (text, "："))
    text[strlen (text) - (g_str_has_suffix (text, ":") ? 1 : strlen ("："))] = '\0';
  if ((*month = month_of (text)) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a period: write 一季度, 上半年, 前三季度, 全年 or a month such as 1-5月"),
                   g_strstrip (text));
      g_clear_pointer (percent, g_free);
      return FALSE;
    }
  return TRUE;
}

/**
 * ledger_shares_text_parse:
 * @text: "一季度 30%，上半年 60%", or the stored form "3:30,6:60"
 *
 * Returns: (transfer full) (nullable): the stored form, "3:30,6:60", or
 *   %NULL with @error saying what is wrong; "" for an empty @text
 */
char *
ledger_shares_text_parse (const char  *text,
                          GError     **error)
{
  g_autoptr(GString) shares = g_string_new (NULL);
  g_auto(GStrv) points = NULL;
  g_autoptr(GError) local_error = NULL;
  int months[LEDGER_CUSTOM_SHARES_MAX];
  double percents[LEDGER_CUSTOM_SHARES_MAX];
  guint n;

  points = g_regex_split_simple ("[,，、;；]", text != NULL ? text : "", 0, 0);
  for (guint i = 0; points[i] != NULL; i++)
    {
      g_autofree char *percent = NULL;
      int month;

      if (g_strstrip (points[i])[0] == '\0')
        continue;
      if (!parse_point (points[i], &month, &percent, error))
        return NULL;
      g_string_append_printf (shares, "%s%d:%s", shares->len > 0 ? "," : "", month, percent);
    }
  if (!ledger_custom_shares_parse (shares->str, months, percents, &n, &local_error))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The periods must come in order, the percents must not fall, "
                             "none above 100, and 全年 must be 100%"));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&shares), FALSE);
}

/**
 * ledger_shares_text_format:
 * @shares: the stored form, "3:30,6:60"
 *
 * Returns: (transfer full): the shares as the office writes them,
 *   "一季度 30%，上半年 60%" (in English "Q1 30%, H1 60%"); @shares as it
 *   is if it cannot be read
 */
char *
ledger_shares_text_format (const char *shares)
{
  g_autoptr(GString) text = g_string_new (NULL);
  int months[LEDGER_CUSTOM_SHARES_MAX];
  double percents[LEDGER_CUSTOM_SHARES_MAX];
  guint n;

  if (!ledger_custom_shares_parse (shares, months, percents, &n, NULL))
    return g_strdup (shares != NULL ? shares : "");
  for (guint i = 0; i < n; i++)
    {
      LedgerPeriod period = { 2000, months[i] % 3 == 0 ? LEDGER_PERIOD_QUARTER : LEDGER_PERIOD_MONTH,
                              months[i] % 3 == 0 ? months[i] / 3 : months[i] };
      g_autofree char *label = ledger_period_label (&period);
      g_autofree char *percent = ledger_format_number (percents[i]);

      if (i > 0)
        /* Translators: between the points of a custom pace, "一季度 30%，上半年 60%" */
        g_string_append (text, _(", "));
      /* Translators: a point of a custom pace: a period and the percent due by it */
      g_string_append_printf (text, _("%s %s%%"), label, percent);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
