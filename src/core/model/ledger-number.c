/* ledger-number.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-number"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "ledger-number.h"

/* The one parser of typed and imported figures: "1,234.5", "１２.３",
 * "6.2%", "812 个". Anything else is refused with a message that says what
 * is expected. */

G_DEFINE_QUARK (ledger-number-error-quark, ledger_number_error)

/* Folds full-width digits and signs (as a Chinese input method types them)
 * to ASCII and drops spaces. */
char *
ledger_number_fold (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *c = text; *c; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char (c);

      if (ch >= 0xFF01 && ch <= 0xFF5E)
        ch -= 0xFEE0;
      if (g_unichar_isspace (ch) || ch == 0x3000)
        continue;
      g_string_append_unichar (out, ch);
    }
  return g_string_free (out, FALSE);
}

static gboolean
strip_suffix (char       *text,
              const char *suffix)
{
  gsize len = strlen (text), suffix_len = strlen (suffix);

  if (suffix_len == 0 || len < suffix_len || strcmp (text + len - suffix_len, suffix) != 0)
    return FALSE;
  text[len - suffix_len] = '\0';
  return TRUE;
}

/* Removes thousands separators, but only where they group by three:
 * "1,234,567.5" but not "1234,567" or "1,23". */
static gboolean
remove_grouping (char *text)
{
  char *digits = text + (text[0] == '-' || text[0] == '+');
  char *dot = strchr (digits, '.');
  gsize int_len = dot != NULL ? (gsize) (dot - digits) : strlen (digits);
  char *out = digits;
  guint group = 0;
  gboolean seen_comma = FALSE;

  if (memchr (digits, ',', int_len) == NULL)
    return strchr (digits, ',') == NULL;

  for (gsize i = 0; i < int_len; i++)
    {
      if (digits[i] == ',')
        {
          /* The first group holds 1 to 3 digits, every other one 3. */
          if (group == 0 || group > 3 || (seen_comma && group != 3))
            return FALSE;
          seen_comma = TRUE;
          group = 0;
          continue;
        }
      group++;
      *out++ = digits[i];
    }
  if (group != 3)
    return FALSE;
  memmove (out, digits + int_len, strlen (digits + int_len) + 1);
  return strchr (digits, ',') == NULL;
}

/* In a locale that writes "1.234,5", the parser reads what the user
 * types the way the user writes it. */
static void
use_ascii_separators (char *text)
{
  const char *decimal = localeconv ()->decimal_point;

  if (decimal == NULL || !g_str_equal (decimal, ","))
    return;
  for (char *c = text; *c; c++)
    {
      if (*c == ',')
        *c = '.';
      else if (*c == '.')
        *c = ',';
    }
}

static gboolean
is_plain_number (const char *text)
{
  const char *c = text;
  gboolean digits = FALSE;

  if (*c == '-' || *c == '+')
    c++;
  for (; g_ascii_isdigit (*c); c++)
    digits = TRUE;
  if (*c == '.')
    for (c++; g_ascii_isdigit (*c); c++)
      digits = TRUE;
  return digits && *c == '\0';
}

static gboolean
refuse (const char  *unit,
        GError     **error)
{
  if (unit != NULL && unit[0] != '\0')
    g_set_error (error, LEDGER_NUMBER_ERROR, LEDGER_NUMBER_ERROR_INVALID,
                 /* Translators: %s is a unit such as 亿元 or % */
                 _("Enter a number in %s"), unit);
  else
    g_set_error_literal (error, LEDGER_NUMBER_ERROR, LEDGER_NUMBER_ERROR_INVALID,
                         _("Enter a number"));
  return FALSE;
}

static gboolean
parse (const char  *text,
       const char  *unit,
       gboolean     typed,
       double      *value,
       GError     **error)
{
  g_autofree char *normal = NULL;
  g_autofree char *normal_unit = NULL;
  double parsed;

  g_return_val_if_fail (value != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL) ||
      (unit != NULL && !g_utf8_validate (unit, -1, NULL)))
    return refuse (unit != NULL && g_utf8_validate (unit, -1, NULL) ? unit : NULL, error);

  /* A file's figures are mostly plain already: 1104 or 5.7. */
  if (!typed && is_plain_number (text))
    parsed = g_ascii_strtod (text, NULL);
  else
    {
      normal = ledger_number_fold (text);
      normal_unit = ledger_number_fold (unit != NULL ? unit : "");
      strip_suffix (normal, normal_unit);
      if (typed)
        use_ascii_separators (normal);
      if (!remove_grouping (normal) || !is_plain_number (normal))
        return refuse (unit, error);
      parsed = g_ascii_strtod (normal, NULL);
    }
  if (!isfinite (parsed))
    return refuse (unit, error);
  *value = parsed == 0 ? 0 : parsed;
  return TRUE;
}

/**
 * ledger_number_parse:
 * @unit: (nullable): the indicator's unit, which may follow the number
 *
 * Parses a number as files write it: "." for the decimal point whatever
 * the locale.
 *
 * Returns: %TRUE with @value set, or %FALSE with @error saying what is
 * expected
 */
gboolean
ledger_number_parse (const char  *text,
                     const char  *unit,
                     double      *value,
                     GError     **error)
{
  return parse (text, unit, FALSE, value, error);
}

/**
 * ledger_number_parse_for:
 * @flags: %LEDGER_NUMBER_TYPED for what a user types (the locale's
 *   separators), %LEDGER_NUMBER_FILE for files (always ".")
 *
 * Parses a figure of @indicator: in its unit, and not negative unless it
 * is a rate (a growth rate can fall below zero; a total, a share or a
 * level cannot).
 */
gboolean
ledger_number_parse_for (LedgerIndicator   *indicator,
                         const char        *text,
                         LedgerNumberFlags  flags,
                         double            *value,
                         GError           **error)
{
  double parsed;

  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), FALSE);

  if (!parse (text, ledger_indicator_get_unit (indicator), flags == LEDGER_NUMBER_TYPED, &parsed, error))
    return FALSE;
  if (parsed < 0 && ledger_indicator_get_kind (indicator) != LEDGER_KIND_RATE)
    {
      const char *unit = ledger_indicator_get_unit (indicator);

      if (unit[0] != '\0')
        g_set_error (error, LEDGER_NUMBER_ERROR, LEDGER_NUMBER_ERROR_INVALID,
                     /* Translators: %s is a unit such as 亿元 */
                     _("Enter a number in %s that is not negative"), unit);
      else
        g_set_error_literal (error, LEDGER_NUMBER_ERROR, LEDGER_NUMBER_ERROR_INVALID,
                             _("Enter a number that is not negative"));
      return FALSE;
    }
  *value = parsed;
  return TRUE;
}
