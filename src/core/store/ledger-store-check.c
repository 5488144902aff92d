/* ledger-store-check.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-store"

#include "config.h"

#include "ledger-store-private.h"

/* The check (--check): the ledger's integrity and consistency, each
 * problem as a line. A file is also checked as a file (SQLite's
 * integrity_check, its foreign keys and the types its columns hold); a
 * server keeps its own types and keys, and is checked for what its types
 * allow and a ledger must not hold. */

/* A value's period matches its indicator's frequency: @MATCHES (a, b) is
 * the test of a period against the GLOB pattern a or the regular
 * expression b. */
#define PERIOD_CHECK(MATCHES) \
    "SELECT 'value ' || i.code || ' ' || v.period || ' is not a period of a ' || i.frequency || " \
    "' indicator' FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id " \
    "WHERE NOT CASE i.frequency " \
    "  WHEN 'monthly' THEN v.period " MATCHES ("[0-9][0-9][0-9][0-9]-[0-9][0-9]", "[0-9]{4}-[0-9]{2}") \
    "    AND CAST(substr(v.period, 6, 2) AS INTEGER) " \
    "        BETWEEN CASE i.january WHEN 'separate' THEN 1 ELSE 2 END AND 12 " \
    "  WHEN 'quarterly' THEN v.period " MATCHES ("[0-9][0-9][0-9][0-9]-Q[1-4]", "[0-9]{4}-Q[1-4]") \
    "  ELSE v.period " MATCHES ("[0-9][0-9][0-9][0-9]", "[0-9]{4}") " END"

#define FILE_MATCHES(GLOB, REGEX) "GLOB '" GLOB "'"
#define SERVER_MATCHES(GLOB, REGEX) "~ '^" REGEX "$'"
#define FILE_PERIOD_CHECK PERIOD_CHECK (FILE_MATCHES)
#define SERVER_PERIOD_CHECK PERIOD_CHECK (SERVER_MATCHES)

static guint
report_rows (LedgerStore *self,
             const char  *sql,
             const char  *ok_row,
             GString     *report)
{
  g_autoptr(GError) error = NULL;
  StoreStatement *stmt = store_prepare (self, sql, &error);
  guint problems = 0;
  int rc;

  if (stmt == NULL)
    {
      g_string_append_printf (report, "%s\n", error->message);
      return 1;
    }
  while ((rc = store_step (stmt)) == SQLITE_ROW)
    {
      const char *text = store_column_text (stmt, 0);

      if (ok_row != NULL && g_str_equal (text, ok_row))
        continue;
      g_string_append_printf (report, "%s\n", text);
      problems++;
    }
  store_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_string_append_printf (report, "%s\n", store_error_detail (self));
      problems++;
    }
  return problems;
}

/* Columns of numbers that hold text, a blob or an infinity: SQLite keeps
 * whatever it is given where a table has lost its CHECKs, and neither the
 * status rules nor an export know what to make of them. */
static guint
check_numbers (LedgerStore *self,
               GString     *report)
{
  guint problems = 0;

  problems += report_rows (self,
    "SELECT 'value ' || coalesce (i.code, v.indicator_id) || ' ' || v.period || ' holds ' || "
    "CASE typeof (v.value) WHEN 'real' THEN 'an infinite number' ELSE typeof (v.value) END || "
    "' where a number belongs' FROM indicator_values v LEFT JOIN indicators i ON i.id = v.indicator_id "
    "WHERE typeof (v.value) = 'text' OR typeof (v.value) = 'blob' OR v.value = 9e999 OR v.value = -9e999",
    NULL, report);
  problems += report_rows (self,
    "SELECT 'indicator ' || code || ' has a target of ' || "
    "CASE typeof (target) WHEN 'real' THEN 'an infinite number' ELSE typeof (target) END "
    "FROM indicators WHERE typeof (target) = 'text' OR typeof (target) = 'blob' "
    "OR target = 9e999 OR target = -9e999", NULL, report);
  problems += report_rows (self,
    "SELECT 'value of indicator ' || indicator_id || ' has a period that is not text' "
    "FROM indicator_values WHERE typeof (period) != 'text'", NULL, report);
  return problems;
}

/* What only a file can get wrong. */
static guint
check_file (LedgerStore *self,
            GString     *report)
{
  guint problems = report_rows (self, "PRAGMA integrity_check", "ok", report);

  if (ledger_store_count_schema_problems (self) > 0)
    return problems;
  problems += report_rows (self,
    "SELECT 'foreign key: ' || \"table\" || ' row ' || rowid || ' refers to a missing ' || parent "
    "FROM pragma_foreign_key_check", NULL, report);
  return problems + check_numbers (self, report);
}

/* A server's number columns hold numbers, but may hold an infinity. */
static guint
check_server_numbers (LedgerStore *self,
                      GString     *report)
{
  return report_rows (self,
    "SELECT 'value ' || i.code || ' ' || v.period || ' holds an infinite number where a number belongs' "
    "FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id "
    "WHERE v.value IN ('Infinity', '-Infinity', 'NaN')", NULL, report) +
    report_rows (self,
    "SELECT 'indicator ' || code || ' has a target of an infinite number' "
    "FROM indicators WHERE target IN ('Infinity', '-Infinity', 'NaN')", NULL, report);
}

/**
 * ledger_store_check:
 * @report: receives one line per problem found
 *
 * Checks the file's integrity (SQLite's integrity_check and foreign keys)
 * and the ledger's consistency (every value's period belongs to its
 * indicator's frequency and plan, every indicator to its plan).
 *
 * Returns: %TRUE when no problem was found
 */
gboolean
ledger_store_check (LedgerStore *self,
                    GString     *report)
{
  guint problems = 0;

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  for (guint i = 0; self->schema_problems != NULL && i < self->schema_problems->len; i++)
    g_string_append_printf (report, "%s\n", (const char *) g_ptr_array_index (self->schema_problems, i));
  problems += self->schema_problems != NULL ? self->schema_problems->len : 0;
  /* The checks below read a ledger's tables, which it may lack. */
  if (self->server == NULL)
    problems += check_file (self, report);
  if (ledger_store_count_schema_problems (self) > 0)
    return FALSE;
  problems += report_rows (self,
    "SELECT 'indicator ' || i.code || ' belongs to another plan than its task' "
    "FROM indicators i JOIN tasks t ON t.id = i.task_id JOIN areas a ON a.id = t.area_id "
    "WHERE a.plan_id != i.plan_id", NULL, report);
  problems += report_rows (self,
    "SELECT 'value ' || i.code || ' ' || v.period || ' is outside the years of its plan' "
    "FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id "
    "JOIN plans p ON p.id = i.plan_id "
    "WHERE CAST(substr(v.period, 1, 4) AS INTEGER) NOT BETWEEN p.first_year - 1 AND p.last_year",
    NULL, report);
  problems += report_rows (self, self->server != NULL ? SERVER_PERIOD_CHECK : FILE_PERIOD_CHECK,
                           NULL, report);
  problems += report_rows (self,
    "SELECT 'value ' || i.code || ' ' || v.period || ' has neither a number nor a status' "
    "FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id "
    "WHERE (i.kind = 'qualitative' AND v.status = '') OR "
    "(i.kind != 'qualitative' AND v.value IS NULL)", NULL, report);
  problems += report_rows (self,
    "SELECT 'value ' || i.code || ' ' || v.period || ' belongs to ' || '''' || v.region || '''' || "
    "', which is not a region of its plan' FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id "
    "WHERE v.region != '' AND NOT EXISTS (SELECT 1 FROM regions r WHERE r.plan_id = i.plan_id "
    "AND r.code = v.region)", NULL, report);
  problems += report_rows (self,
    "SELECT 'indicator ' || i.code || ' has a target for ' || '''' || t.region || '''' || "
    "', which is not a region of its plan' FROM region_targets t JOIN indicators i ON i.id = t.indicator_id "
    "WHERE NOT EXISTS (SELECT 1 FROM regions r WHERE r.plan_id = i.plan_id AND r.code = t.region)",
    NULL, report);
  problems += self->server != NULL ? check_server_numbers (self, report) : 0;
  problems += store_check_attachments (self, report);
  return problems == 0;
}

