/* ledger-store-schema.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ledger-store-resources.h"
#include "ledger-store-private.h"

/* A ledger or a backup is a file from anywhere: it may carry a trigger
 * that rewrites values on the next import, a view in place of a table, or
 * lack a table altogether. Two defences, for every connection:
 *
 * - the connection itself runs nothing the file brings: no triggers, no
 *   views, no functions from the schema, and SQLite's defensive mode;
 * - the schema is compared, thing by thing, with the one this program's
 *   own migration scripts build for the file's version, in a database in
 *   memory. The comparison is of structure (tables, columns, indexes,
 *   foreign keys, triggers, views), not of SQL text, which SQLite rewrites
 *   differently from version to version when a table is renamed.
 *
 * See docs/safety.md. */

gboolean
store_harden_connection (sqlite3 *db)
{
  return sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL) == SQLITE_OK &&
         sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL) == SQLITE_OK &&
         sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL) == SQLITE_OK &&
         sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL) == SQLITE_OK;
}

static const char *
text_at (sqlite3_stmt *stmt,
         int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

typedef void (*RowFunc) (sqlite3_stmt *stmt,
                         const char   *name,
                         gpointer      data);

/* Runs @sql with @name bound to ?1 and hands each row to @row. */
static gboolean
for_each_row (sqlite3     *db,
              const char  *sql,
              const char  *name,
              RowFunc      row,
              gpointer     data)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  if (name != NULL)
    sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    row (stmt, name, data);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

/* Each line of a description maps to the table it belongs to, if any:
 * the columns of a missing table are not differences of their own. */
static void
add_line (GHashTable *lines,
          const char *table,
          char       *line)
{
  g_hash_table_insert (lines, line, g_strdup (table));
}

static void
column_row (sqlite3_stmt *stmt,
            const char   *table,
            gpointer      lines)
{
  add_line (lines, table, g_strdup_printf ("column %s.%s %s%s%s%s%s%s",
                                    table, text_at (stmt, 0), text_at (stmt, 1),
                                    sqlite3_column_int (stmt, 2) ? " not null" : "",
                                    sqlite3_column_type (stmt, 3) != SQLITE_NULL ? " default " : "",
                                    text_at (stmt, 3),
                                    sqlite3_column_int (stmt, 4) ? " primary key" : "",
                                    sqlite3_column_int (stmt, 5) ? " hidden" : ""));
}

static void
foreign_key_row (sqlite3_stmt *stmt,
                 const char   *table,
                 gpointer      lines)
{
  add_line (lines, table, g_strdup_printf ("foreign key %s.%s references %s (%s) on update %s on delete %s",
                                    table, text_at (stmt, 1), text_at (stmt, 0), text_at (stmt, 2),
                                    text_at (stmt, 3), text_at (stmt, 4)));
}

static void
index_column_row (sqlite3_stmt *stmt,
                  const char   *index,
                  gpointer      data)
{
  GString *list = data;

  g_string_append_printf (list, "%s%s%s", list->len > 0 ? ", " : "",
                          sqlite3_column_type (stmt, 0) == SQLITE_NULL ? "(expression)" : text_at (stmt, 0),
                          sqlite3_column_int (stmt, 1) ? " desc" : "");
}

/* "(plan_id, position)": the key columns of an index. */
static char *
index_columns (sqlite3    *db,
               const char *index)
{
  g_autoptr(GString) list = g_string_new (NULL);

  if (!for_each_row (db, "SELECT name, desc FROM pragma_index_xinfo (?1) WHERE key ORDER BY seqno",
                     index, index_column_row, list))
    g_string_assign (list, "?");
  return g_strdup (list->str);
}

/* An index SQLite made for a UNIQUE or PRIMARY KEY constraint has a name
 * of its own choosing: it is described by what it covers. */
static void
index_row (sqlite3_stmt *stmt,
           const char   *table,
           gpointer      lines)
{
  sqlite3 *db = sqlite3_db_handle (stmt);
  const char *name = text_at (stmt, 0);
  const char *origin = text_at (stmt, 2);
  g_autofree char *columns = index_columns (db, name);

  if (g_str_equal (origin, "c"))
    add_line (lines, table, g_strdup_printf ("index %s on %s (%s)%s%s", name, table, columns,
                                      sqlite3_column_int (stmt, 1) ? " unique" : "",
                                      sqlite3_column_int (stmt, 3) ? " partial" : ""));
  else
    add_line (lines, table, g_strdup_printf ("%s on %s (%s)", g_str_equal (origin, "pk") ? "primary key" : "unique",
                                      table, columns));
}

static void describe_table (sqlite3 *db, const char *table, GHashTable *lines);

static void
object_row (sqlite3_stmt *stmt,
            const char   *unused,
            gpointer      lines)
{
  const char *type = text_at (stmt, 0);
  const char *name = text_at (stmt, 1);

  /* SQLite's own statistics, should anyone run ANALYZE on a ledger. */
  if (g_str_equal (type, "table") && g_str_has_prefix (name, "sqlite_stat"))
    return;
  if (g_str_equal (type, "table"))
    describe_table (sqlite3_db_handle (stmt), name, lines);
  else if (g_str_equal (type, "trigger"))
    add_line (lines, NULL, g_strdup_printf ("trigger %s on %s", name, text_at (stmt, 2)));
  else if (g_str_equal (type, "view"))
    add_line (lines, NULL, g_strdup_printf ("view %s", name));
  else if (!g_str_equal (type, "index"))  /* indexes: with their tables */
    add_line (lines, NULL, g_strdup_printf ("%s %s", type, name));
}

static void
describe_table (sqlite3    *db,
                const char *table,
                GHashTable *lines)
{
  add_line (lines, NULL, g_strdup_printf ("table %s", table));
  for_each_row (db, "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo (?1)",
                table, column_row, lines);
  for_each_row (db, "SELECT \"table\", \"from\", coalesce (\"to\", ''), on_update, on_delete "
                    "FROM pragma_foreign_key_list (?1)", table, foreign_key_row, lines);
  for_each_row (db, "SELECT name, \"unique\", origin, partial FROM pragma_index_list (?1)",
                table, index_row, lines);
}

/* Returns: (transfer full): a set of lines, one per thing in the schema,
 * or %NULL if the schema cannot be read */
static GHashTable *
describe_schema (sqlite3 *db)
{
  g_autoptr(GHashTable) lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* Indexes are described with their tables. */
  if (!for_each_row (db, "SELECT type, name, tbl_name FROM sqlite_schema WHERE type != 'index'",
                     NULL, object_row, lines))
    return NULL;
  return g_steal_pointer (&lines);
}

/* The schema of @version as this program's scripts build it. */
static GHashTable *
build_reference (int version)
{
  sqlite3 *db = NULL;
  GHashTable *lines = NULL;
  gboolean ok;

  ok = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
       store_harden_connection (db);
  for (int step = 1; ok && step <= version; step++)
    {
      g_autofree char *path = g_strdup_printf (RESOURCE_PREFIX "/schema/%d.sql", step);
      g_autoptr(GBytes) script = g_resource_lookup_data (ledger_store_resources_get_resource (), path, 0, NULL);

      ok = script != NULL && sqlite3_exec (db, g_bytes_get_data (script, NULL), NULL, NULL, NULL) == SQLITE_OK;
    }
  if (ok)
    lines = describe_schema (db);
  sqlite3_close (db);
  g_assert (lines != NULL);
  return lines;
}

/* Built once per version and kept: workers compare too. */
static GHashTable *
reference_schema (int version)
{
  static GHashTable *references[LEDGER_STORE_SCHEMA_VERSION + 1];
  G_LOCK_DEFINE_STATIC (references);
  GHashTable *reference;

  g_assert (version >= 1 && version <= LEDGER_STORE_SCHEMA_VERSION);
  G_LOCK (references);
  if (references[version] == NULL)
    references[version] = build_reference (version);
  reference = references[version];
  G_UNLOCK (references);
  return reference;
}

/* Whole tables, triggers and views first: a missing table is said before
 * each of its columns. */
static int
rank (const char *line)
{
  return g_str_has_prefix (line, "table ") || g_str_has_prefix (line, "trigger ") ||
         g_str_has_prefix (line, "view ") ? 0 : 1;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const char *line_a = *(const char **) a, *line_b = *(const char **) b;

  return rank (line_a) != rank (line_b) ? rank (line_a) - rank (line_b) : strcmp (line_a, line_b);
}

/* Appends to @problems each line of @have that @want lacks, as @format. */
static void
add_differences (GHashTable *have,
                 GHashTable *want,
                 const char *format,
                 GPtrArray  *problems)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer line, table;

  g_hash_table_iter_init (&iter, have);
  while (g_hash_table_iter_next (&iter, &line, &table))
    {
      g_autofree char *table_line = table != NULL ? g_strconcat ("table ", table, NULL) : NULL;

      if (g_hash_table_contains (want, line))
        continue;
      /* Part of a table the other side lacks: the table says it all. */
      if (table_line != NULL && !g_hash_table_contains (want, table_line))
        continue;
      g_ptr_array_add (found, line);
    }
  g_ptr_array_sort (found, compare_lines);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (problems, g_strdup_printf (format, (const char *) g_ptr_array_index (found, i)));
}

/**
 * store_schema_columns:
 * @version: a ledger's version
 *
 * Returns: (transfer full): the set of "table.column" a ledger of
 *   @version has, which a server's ledger has too, in its own types
 */
GHashTable *
store_schema_columns (int version)
{
  GHashTable *columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer line;

  g_hash_table_iter_init (&iter, reference_schema (version));
  while (g_hash_table_iter_next (&iter, &line, NULL))
    {
      /* "column plans.code TEXT not null …": its second word. */
      const char *name = (const char *) line + strlen ("column ");

      if (g_str_has_prefix (line, "column "))
        g_hash_table_add (columns, g_strndup (name, strcspn (name, " ")));
    }
  return columns;
}

/**
 * store_schema_differences:
 * @db: a ledger's connection
 * @version: the version the ledger says it is
 *
 * Returns: (transfer full) (element-type utf8): one line for each way the
 *   schema of @db differs from a ledger's of @version; empty if none
 */
GPtrArray *
store_schema_differences (sqlite3 *db,
                          int      version)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) have = describe_schema (db);
  GHashTable *want = reference_schema (version);

  if (have == NULL)
    {
      g_ptr_array_add (problems, g_strdup_printf (_("the schema cannot be read: %s"), sqlite3_errmsg (db)));
      return problems;
    }
  /* Translators: %s is a part of a database's schema, in English:
   * "trigger rewrite on indicator_values", "column plans.code TEXT" */
  add_differences (have, want, _("unexpected %s"), problems);
  /* Translators: %s is a part of a database's schema, as above */
  add_differences (want, have, _("missing %s"), problems);
  return problems;
}

/**
 * store_schema_error:
 * @differences: what store_schema_differences() found; not empty
 *
 * Sets @error to say that the file at @path is not a ledger as this
 * program writes one, naming the first few differences.
 */
void
store_schema_error (const char  *path,
                    GPtrArray   *differences,
                    GError     **error)
{
  g_autoptr(GString) list = g_string_new (NULL);
  guint shown = MIN (differences->len, 3);

  g_assert (differences->len > 0);
  for (guint i = 0; i < shown; i++)
    g_string_append_printf (list, "%s%s", i > 0 ? "; " : "", (const char *) g_ptr_array_index (differences, i));
  if (differences->len > shown)
    /* Translators: after a list of differences; %u is how many more */
    g_string_append_printf (list, ngettext ("; and %u more difference", "; and %u more differences",
                                            differences->len - shown), differences->len - shown);
  g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_UNEXPECTED_SCHEMA,
               _("“%s” has been changed outside Target Ledger and is not a ledger as it writes them (%s)"),
               path, list->str);
}
