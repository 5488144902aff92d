/* ledger-document-text.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ledger-document-text.h"

/* A text of the ledger on its way into a document — a workbook, a Word
 * document, a PDF. The ledger is a file that can be written behind the
 * program's back, and names and notes come from files of others, so a
 * text may hold what the formats refuse: invalid UTF-8 (cairo fails the
 * whole PDF), the C0 controls but tab, line feed and carriage return
 * (XML 1.0 has no place for them, not even escaped), and Unicode's
 * noncharacters, U+FFFE, U+FFFF and their kin (neither XML nor cairo
 * takes them). */

static gboolean
allowed (gunichar c)
{
  return (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') &&
         (c < 0xfdd0 || c > 0xfdef) && (c & 0xfffe) != 0xfffe;
}

/**
 * ledger_document_text_is_clean:
 * @text: (nullable): a text
 *
 * Returns: whether @text goes into a document as it is
 */
gboolean
ledger_document_text_is_clean (const char *text)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!allowed (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

/**
 * ledger_document_text_clean:
 * @text: (nullable): a text
 *
 * Returns: (transfer full) (nullable): @text with invalid UTF-8 as U+FFFD
 *   and without the characters documents refuse
 */
char *
ledger_document_text_clean (const char *text)
{
  g_autofree char *valid = NULL;
  GString *clean;

  if (text == NULL)
    return NULL;
  valid = g_utf8_make_valid (text, -1);
  clean = g_string_new (NULL);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (allowed (c))
        g_string_append_unichar (clean, c);
    }
  return g_string_free (clean, FALSE);
}
