/* ledger-store.c
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ledger-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <sqlite3.h>

#include "ledger-area.h"
#include "ledger-core-resources.h"
#include "ledger-plan-file.h"
#include "ledger-status.h"
#include "ledger-store.h"
#include "ledger-task.h"

/* The ledger: one SQLite file. All SQL of the application lives here, as
 * prepared statements with bound values. Every write is one transaction and
 * is followed, once committed, by a signal the views update from. */
struct _LedgerStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;
  int         schema_version;
};

G_DEFINE_FINAL_TYPE (LedgerStore, ledger_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (ledger-store-error-quark, ledger_store_error)

enum {
  VALUES_CHANGED,
  PLANS_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static const char *builtin_plans[] = { "changzhi-2026.json", "changzhi-15th-five-year.json" };


static const char *indicator_columns =
  "id, uuid, code, name, unit, kind, comparator, better, target, frequency, "
  "responsible_unit, notes, source_text";
static const char *indicator_columns_prefixed =
  "id, i.uuid, i.code, i.name, i.unit, i.kind, i.comparator, i.better, i.target, i.frequency, "
  "i.responsible_unit, i.notes, i.source_text";
static const char *value_columns =
  "indicator_id, period, value, status, note, source, updated_at, updated_by";

static LedgerStoreError
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB: return LEDGER_STORE_ERROR_NOT_A_LEDGER;
    case SQLITE_CORRUPT: return LEDGER_STORE_ERROR_CORRUPT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return LEDGER_STORE_ERROR_LOCKED;
    case SQLITE_READONLY: return LEDGER_STORE_ERROR_READ_ONLY;
    case SQLITE_CONSTRAINT: return LEDGER_STORE_ERROR_INVALID;
    default: return LEDGER_STORE_ERROR_FAILED;
    }
}

static gboolean
set_sqlite_error (LedgerStore  *self,
                  int           rc,
                  GError      **error)
{
  LedgerStoreError code = error_code_for (rc);
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (code)
    {
    case LEDGER_STORE_ERROR_NOT_A_LEDGER:
      g_set_error (error, LEDGER_STORE_ERROR, code,
                   _("“%s” is not a ledger file"), self->path);
      break;
    case LEDGER_STORE_ERROR_CORRUPT:
      g_set_error (error, LEDGER_STORE_ERROR, code,
                   _("The ledger “%s” is damaged (%s)"), self->path, detail);
      break;
    case LEDGER_STORE_ERROR_LOCKED:
      g_set_error (error, LEDGER_STORE_ERROR, code,
                   _("The ledger “%s” is in use by another program"), self->path);
      break;
    case LEDGER_STORE_ERROR_READ_ONLY:
      g_set_error (error, LEDGER_STORE_ERROR, code,
                   _("The ledger “%s” cannot be written to"), self->path);
      break;
    default:
      g_set_error (error, LEDGER_STORE_ERROR, code,
                   _("The ledger “%s” could not be used: %s"), self->path, detail);
      break;
    }
  return FALSE;
}

/* Returns: (transfer none): the cached statement for @sql, reset and with
 * no bindings, or %NULL with @error set */
static sqlite3_stmt *
prepare (LedgerStore  *self,
         const char   *sql,
         GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  g_assert (self->db != NULL);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* Steps a statement that returns no rows, or whose rows are ignored. */
static gboolean
run (LedgerStore   *self,
     sqlite3_stmt  *stmt,
     GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, rc, error);
  return TRUE;
}

static gboolean
exec (LedgerStore  *self,
      const char   *sql,
      GError      **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);

  return stmt != NULL && run (self, stmt, error);
}

/* Runs a script of several statements (a schema migration). */
static gboolean
exec_script (LedgerStore  *self,
             const char   *script,
             GError      **error)
{
  int rc = sqlite3_exec (self->db, script, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (self, rc, error);
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           index)
{
  const char *text = (const char *) sqlite3_column_text (stmt, index);

  return text != NULL ? text : "";
}

static gboolean
begin (LedgerStore  *self,
       GError      **error)
{
  return exec (self, "BEGIN IMMEDIATE", error);
}

static gboolean
commit (LedgerStore  *self,
        GError      **error)
{
  return exec (self, "COMMIT", error);
}

static void
rollback (LedgerStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    exec (self, "ROLLBACK", NULL);
}

static gboolean
read_user_version (LedgerStore  *self,
                   GError      **error)
{
  sqlite3_stmt *stmt = prepare (self, "PRAGMA user_version", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return set_sqlite_error (self, rc, error);
    }
  self->schema_version = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/* A database without our tables and without a version is only ours to take
 * if it is empty: any other SQLite file is someone else's. */
static gboolean
is_empty_database (LedgerStore  *self,
                   GError      **error)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT count(*) FROM sqlite_schema", error);
  gboolean empty;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return set_sqlite_error (self, sqlite3_errcode (self->db), error);
    }
  empty = sqlite3_column_int (stmt, 0) == 0;
  sqlite3_reset (stmt);
  if (!empty)
    g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_NOT_A_LEDGER,
                 _("“%s” is an SQLite database, but not a ledger"), self->path);
  return empty;
}

static gboolean
migrate_to (LedgerStore  *self,
            int           version,
            GError      **error)
{
  g_autofree char *path = g_strdup_printf (RESOURCE_PREFIX "/schema/%d.sql", version);
  g_autoptr(GBytes) script = NULL;

  script = g_resource_lookup_data (ledger_core_get_resource (), path, 0, error);
  if (script == NULL)
    return FALSE;
  return exec_script (self, g_bytes_get_data (script, NULL), error);
}

/* Brings the schema to the current version, each step in the same
 * transaction: a failed migration leaves the file as it was. */
static gboolean
migrate (LedgerStore  *self,
         GError      **error)
{
  if (self->schema_version == LEDGER_STORE_SCHEMA_VERSION)
    return TRUE;
  if (!begin (self, error))
    return FALSE;
  if (!read_user_version (self, error) ||
      (self->schema_version == 0 && !is_empty_database (self, error)))
    goto failed;

  /* Each migration script ends by setting user_version to its number. */
  for (int version = self->schema_version + 1; version <= LEDGER_STORE_SCHEMA_VERSION; version++)
    {
      if (!migrate_to (self, version, error) || !read_user_version (self, error))
        goto failed;
      g_assert (self->schema_version == version);
    }
  if (!commit (self, error) || !read_user_version (self, error))
    goto failed;
  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/* Nothing is written to the file before it is known to be a ledger (or
 * empty): someone else's database is refused as it was found. */
static gboolean
configure (LedgerStore  *self,
           GError      **error)
{
  sqlite3_busy_timeout (self->db, 3000);

  if (!read_user_version (self, error))
    return FALSE;
  if (self->schema_version > LEDGER_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_TOO_NEW,
                   _("The ledger “%s” was written by a newer version of Target Ledger"),
                   self->path);
      return FALSE;
    }
  if (self->schema_version == 0 && !is_empty_database (self, error))
    return FALSE;
  if (sqlite3_db_readonly (self->db, "main") == 1)
    return set_sqlite_error (self, SQLITE_READONLY, error);

  return exec (self, "PRAGMA journal_mode = WAL", error) &&
         exec (self, "PRAGMA synchronous = FULL", error) &&
         exec (self, "PRAGMA foreign_keys = ON", error) &&
         migrate (self, error);
}

/* Creates a missing ledger file as an empty file readable only by its
 * owner, so that SQLite and its WAL files inherit those permissions. */
static gboolean
create_file (const char  *path,
             GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the ledger “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  if (fd >= 0)
    close (fd);
  return TRUE;
}

static void
ledger_store_finalize (GObject *object)
{
  LedgerStore *self = LEDGER_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (g_steal_pointer (&self->db));
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (ledger_store_parent_class)->finalize (object);
}

static void
ledger_store_class_init (LedgerStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ledger_store_finalize;

  /**
   * LedgerStore::values-changed:
   * @indicator_id: the indicator whose values changed, or 0 for many
   *
   * Emitted after a write of values has been committed.
   */
  signals [VALUES_CHANGED] =
    g_signal_new ("values-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * LedgerStore::plans-changed:
   *
   * Emitted after plans were added, changed or removed.
   */
  signals [PLANS_CHANGED] =
    g_signal_new ("plans-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
ledger_store_init (LedgerStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

/* Returns: (transfer full): $XDG_DATA_HOME/target-ledger/ledger.sqlite3 */
char *
ledger_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "target-ledger", "ledger.sqlite3", NULL);
}

/**
 * ledger_store_open:
 * @path: the ledger file; created if it does not exist
 *
 * Opens a ledger and brings its schema up to date. A file that is not a
 * ledger, a damaged one, one from a newer version and one held locked by
 * another program are refused with an error and left untouched.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
LedgerStore *
ledger_store_open (const char  *path,
                   GError     **error)
{
  g_autoptr(LedgerStore) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!create_file (path, error))
    return NULL;

  self = g_object_new (LEDGER_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, TRUE);

  if (!configure (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
ledger_store_get_path (LedgerStore *self)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);
  return self->path;
}

int
ledger_store_get_schema_version (LedgerStore *self)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), 0);
  return self->schema_version;
}

static char *
now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format_iso8601 (now);
}

/* The person recording: the account's real name, or its login name. */
static const char *
current_user (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || name[0] == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();
  return name;
}

static gint64
insert_plan_row (LedgerStore  *self,
                 LedgerPlan   *plan,
                 GError      **error)
{
  sqlite3_stmt *stmt = prepare (self,
    "INSERT INTO plans (uuid, code, title, region, source, first_year, last_year) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return 0;
  bind_text (stmt, 1, ledger_node_get_uuid (LEDGER_NODE (plan)));
  bind_text (stmt, 2, ledger_plan_get_code (plan));
  bind_text (stmt, 3, ledger_node_get_title (LEDGER_NODE (plan)));
  bind_text (stmt, 4, ledger_plan_get_region (plan));
  bind_text (stmt, 5, ledger_plan_get_source (plan));
  sqlite3_bind_int (stmt, 6, ledger_plan_get_first_year (plan));
  sqlite3_bind_int (stmt, 7, ledger_plan_get_last_year (plan));
  return run (self, stmt, error) ? sqlite3_last_insert_rowid (self->db) : 0;
}

static gint64
insert_area_row (LedgerStore  *self,
                 LedgerArea   *area,
                 gint64        plan_id,
                 guint         position,
                 GError      **error)
{
  sqlite3_stmt *stmt = prepare (self,
    "INSERT INTO areas (uuid, plan_id, position, title, short_title) VALUES (?, ?, ?, ?, ?)",
    error);

  if (stmt == NULL)
    return 0;
  bind_text (stmt, 1, ledger_node_get_uuid (LEDGER_NODE (area)));
  sqlite3_bind_int64 (stmt, 2, plan_id);
  sqlite3_bind_int (stmt, 3, position);
  bind_text (stmt, 4, ledger_node_get_title (LEDGER_NODE (area)));
  bind_text (stmt, 5, ledger_area_get_short_title (area));
  return run (self, stmt, error) ? sqlite3_last_insert_rowid (self->db) : 0;
}

static gint64
insert_task_row (LedgerStore  *self,
                 LedgerTask   *task,
                 gint64        area_id,
                 guint         position,
                 GError      **error)
{
  sqlite3_stmt *stmt = prepare (self,
    "INSERT INTO tasks (uuid, area_id, position, title, text) VALUES (?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return 0;
  bind_text (stmt, 1, ledger_node_get_uuid (LEDGER_NODE (task)));
  sqlite3_bind_int64 (stmt, 2, area_id);
  sqlite3_bind_int (stmt, 3, position);
  bind_text (stmt, 4, ledger_node_get_title (LEDGER_NODE (task)));
  bind_text (stmt, 5, ledger_task_get_text (task));
  return run (self, stmt, error) ? sqlite3_last_insert_rowid (self->db) : 0;
}

static gint64
insert_indicator_row (LedgerStore      *self,
                      LedgerIndicator  *indicator,
                      gint64            plan_id,
                      gint64            task_id,
                      guint             position,
                      GError          **error)
{
  LedgerKind kind = ledger_indicator_get_kind (indicator);
  sqlite3_stmt *stmt = prepare (self,
    "INSERT INTO indicators (uuid, plan_id, task_id, position, code, name, unit, kind, "
    "comparator, better, target, frequency, responsible_unit, notes, source_text) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return 0;
  bind_text (stmt, 1, ledger_indicator_get_uuid (indicator));
  sqlite3_bind_int64 (stmt, 2, plan_id);
  sqlite3_bind_int64 (stmt, 3, task_id);
  sqlite3_bind_int (stmt, 4, position);
  bind_text (stmt, 5, ledger_indicator_get_code (indicator));
  bind_text (stmt, 6, ledger_indicator_get_name (indicator));
  bind_text (stmt, 7, ledger_indicator_get_unit (indicator));
  bind_text (stmt, 8, ledger_kind_to_string (kind));
  bind_text (stmt, 9, ledger_comparator_to_string (ledger_indicator_get_comparator (indicator)));
  bind_text (stmt, 10, ledger_better_to_string (ledger_indicator_get_better (indicator)));
  if (kind != LEDGER_KIND_QUALITATIVE)
    sqlite3_bind_double (stmt, 11, ledger_indicator_get_target (indicator));
  bind_text (stmt, 12, ledger_frequency_to_string (ledger_indicator_get_frequency (indicator)));
  bind_text (stmt, 13, ledger_indicator_get_responsible_unit (indicator));
  bind_text (stmt, 14, ledger_indicator_get_notes (indicator));
  bind_text (stmt, 15, ledger_indicator_get_source_text (indicator));
  return run (self, stmt, error) ? sqlite3_last_insert_rowid (self->db) : 0;
}

static gboolean
log_change (LedgerStore  *self,
            const char   *action,
            const char   *entity,
            const char   *entity_uuid,
            const char   *period,
            const char   *old_json,
            const char   *new_json,
            const char   *origin,
            GError      **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *at = now_text ();
  sqlite3_stmt *stmt = prepare (self,
    "INSERT INTO changes (uuid, at, by, action, entity, entity_uuid, period, old, new, origin) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, uuid);
  bind_text (stmt, 2, at);
  bind_text (stmt, 3, current_user ());
  bind_text (stmt, 4, action);
  bind_text (stmt, 5, entity);
  bind_text (stmt, 6, entity_uuid);
  bind_text (stmt, 7, period);
  if (old_json != NULL)
    bind_text (stmt, 8, old_json);
  if (new_json != NULL)
    bind_text (stmt, 9, new_json);
  bind_text (stmt, 10, origin);
  return run (self, stmt, error);
}

static gboolean
insert_plan_tree (LedgerStore  *self,
                  LedgerPlan   *plan,
                  GError      **error)
{
  GListModel *areas = ledger_node_get_children (LEDGER_NODE (plan));
  gint64 plan_id = insert_plan_row (self, plan, error);

  if (plan_id == 0)
    return FALSE;
  ledger_node_set_id (LEDGER_NODE (plan), plan_id);

  for (guint a = 0; a < g_list_model_get_n_items (areas); a++)
    {
      g_autoptr(LedgerArea) area = g_list_model_get_item (areas, a);
      GListModel *tasks = ledger_node_get_children (LEDGER_NODE (area));
      gint64 area_id = insert_area_row (self, area, plan_id, a, error);

      if (area_id == 0)
        return FALSE;
      ledger_node_set_id (LEDGER_NODE (area), area_id);

      for (guint t = 0; t < g_list_model_get_n_items (tasks); t++)
        {
          g_autoptr(LedgerTask) task = g_list_model_get_item (tasks, t);
          GListModel *indicators = ledger_node_get_children (LEDGER_NODE (task));
          gint64 task_id = insert_task_row (self, task, area_id, t, error);

          if (task_id == 0)
            return FALSE;
          ledger_node_set_id (LEDGER_NODE (task), task_id);

          for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
            {
              g_autoptr(LedgerIndicator) indicator = g_list_model_get_item (indicators, i);
              gint64 id = insert_indicator_row (self, indicator, plan_id, task_id, i, error);

              if (id == 0)
                return FALSE;
              ledger_indicator_set_id (indicator, id);
            }
        }
    }

  return log_change (self, "insert", "plan", ledger_node_get_uuid (LEDGER_NODE (plan)), "",
                     NULL, ledger_plan_get_code (plan), "", error);
}

static gboolean
check_plan_is_new (LedgerStore  *self,
                   LedgerPlan   *plan,
                   GError      **error)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT 1 FROM plans WHERE uuid = ? OR code = ?", error);
  gboolean exists;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, ledger_node_get_uuid (LEDGER_NODE (plan)));
  bind_text (stmt, 2, ledger_plan_get_code (plan));
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (exists)
    g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_EXISTS,
                 _("The ledger already holds the plan “%s”"),
                 ledger_node_get_title (LEDGER_NODE (plan)));
  return !exists;
}

/**
 * ledger_store_add_plans:
 * @plans: (element-type LedgerPlan): plans, as read from a plan file
 *
 * Adds the plans in one transaction: all of them or, on error, none. The
 * objects get their database ids.
 */
gboolean
ledger_store_add_plans (LedgerStore  *self,
                        GPtrArray    *plans,
                        GError      **error)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (plans != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;
  for (guint i = 0; i < plans->len; i++)
    {
      LedgerPlan *plan = g_ptr_array_index (plans, i);

      if (!check_plan_is_new (self, plan, error) || !insert_plan_tree (self, plan, error))
        {
          rollback (self);
          return FALSE;
        }
    }
  if (!commit (self, error))
    {
      rollback (self);
      return FALSE;
    }
  g_signal_emit (self, signals [PLANS_CHANGED], 0);
  return TRUE;
}

/* Loads the plans compiled into the program into a ledger that has none:
 * the first start of an empty ledger. */
gboolean
ledger_store_add_builtin_plans (LedgerStore  *self,
                                GError      **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  gboolean has_plans;

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);

  if ((stmt = prepare (self, "SELECT 1 FROM plans LIMIT 1", error)) == NULL)
    return FALSE;
  has_plans = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (has_plans)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (builtin_plans); i++)
    {
      g_autoptr(GPtrArray) plans = ledger_plan_file_load_builtin (builtin_plans[i], error);

      if (plans == NULL)
        return FALSE;
      g_ptr_array_extend_and_steal (all, g_steal_pointer (&plans));
    }
  return ledger_store_add_plans (self, all, error);
}

static LedgerIndicator *
indicator_from_row (sqlite3_stmt *stmt)
{
  LedgerKind kind = LEDGER_KIND_QUALITATIVE;
  LedgerComparator comparator = LEDGER_COMPARATOR_NONE;
  LedgerBetter better = LEDGER_BETTER_HIGHER;
  LedgerFrequency frequency = LEDGER_FREQUENCY_ANNUAL;
  LedgerIndicator *indicator;

  ledger_kind_from_string (column_text (stmt, 5), &kind);
  ledger_comparator_from_string (column_text (stmt, 6), &comparator);
  ledger_better_from_string (column_text (stmt, 7), &better);
  ledger_frequency_from_string (column_text (stmt, 9), &frequency);

  indicator = g_object_new (LEDGER_TYPE_INDICATOR,
                            "uuid", column_text (stmt, 1),
                            "code", column_text (stmt, 2),
                            "name", column_text (stmt, 3),
                            "unit", column_text (stmt, 4),
                            "kind", kind,
                            "comparator", comparator,
                            "better", better,
                            "target", sqlite3_column_double (stmt, 8),
                            "frequency", frequency,
                            "responsible-unit", column_text (stmt, 10),
                            "notes", column_text (stmt, 11),
                            "source-text", column_text (stmt, 12),
                            NULL);
  ledger_indicator_set_id (indicator, sqlite3_column_int64 (stmt, 0));
  return indicator;
}

static gboolean
load_indicators (LedgerStore  *self,
                 LedgerNode   *task,
                 GError      **error)
{
  static char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (sql == NULL)
    sql = g_strconcat ("SELECT ", indicator_columns,
                       " FROM indicators WHERE task_id = ? ORDER BY position", NULL);
  if ((stmt = prepare (self, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ledger_node_get_id (task));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(LedgerIndicator) indicator = indicator_from_row (stmt);

      ledger_node_append_child (task, G_OBJECT (indicator));
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || set_sqlite_error (self, rc, error);
}

static gboolean
load_tasks (LedgerStore  *self,
            LedgerNode   *area,
            GError      **error)
{
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = prepare (self,
    "SELECT id, uuid, title, text FROM tasks WHERE area_id = ? ORDER BY position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ledger_node_get_id (area));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerNode *task = g_object_new (LEDGER_TYPE_TASK,
                                       "id", sqlite3_column_int64 (stmt, 0),
                                       "uuid", column_text (stmt, 1),
                                       "title", column_text (stmt, 2),
                                       "text", column_text (stmt, 3),
                                       NULL);
      g_ptr_array_add (tasks, task);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, rc, error);

  /* The children are read after the statement is done with: it is cached,
   * and reading a level below reuses other statements only. */
  for (guint i = 0; i < tasks->len; i++)
    {
      if (!load_indicators (self, g_ptr_array_index (tasks, i), error))
        return FALSE;
      ledger_node_append_child (area, g_ptr_array_index (tasks, i));
    }
  return TRUE;
}

static gboolean
load_areas (LedgerStore  *self,
            LedgerNode   *plan,
            GError      **error)
{
  g_autoptr(GPtrArray) areas = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = prepare (self,
    "SELECT id, uuid, title, short_title FROM areas WHERE plan_id = ? ORDER BY position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ledger_node_get_id (plan));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerNode *area = g_object_new (LEDGER_TYPE_AREA,
                                       "id", sqlite3_column_int64 (stmt, 0),
                                       "uuid", column_text (stmt, 1),
                                       "title", column_text (stmt, 2),
                                       "short-title", column_text (stmt, 3),
                                       NULL);
      g_ptr_array_add (areas, area);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, rc, error);

  for (guint i = 0; i < areas->len; i++)
    {
      if (!load_tasks (self, g_ptr_array_index (areas, i), error))
        return FALSE;
      ledger_node_append_child (plan, g_ptr_array_index (areas, i));
    }
  return TRUE;
}

/**
 * ledger_store_list_plans:
 *
 * Returns: (transfer full) (element-type LedgerPlan): every plan of the
 * ledger with its areas, tasks and indicators, in the order they were added
 */
GPtrArray *
ledger_store_list_plans (LedgerStore  *self,
                         GError      **error)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);

  stmt = prepare (self,
    "SELECT id, uuid, code, title, region, source, first_year, last_year FROM plans ORDER BY id",
    error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedgerPlan *plan = g_object_new (LEDGER_TYPE_PLAN,
                                       "id", sqlite3_column_int64 (stmt, 0),
                                       "uuid", column_text (stmt, 1),
                                       "code", column_text (stmt, 2),
                                       "title", column_text (stmt, 3),
                                       "region", column_text (stmt, 4),
                                       "source", column_text (stmt, 5),
                                       "first-year", sqlite3_column_int (stmt, 6),
                                       "last-year", sqlite3_column_int (stmt, 7),
                                       NULL);
      g_ptr_array_add (plans, plan);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  for (guint i = 0; i < plans->len; i++)
    {
      if (!load_areas (self, g_ptr_array_index (plans, i), error))
        return NULL;
    }
  return g_steal_pointer (&plans);
}

static LedgerValue *
value_from_row (sqlite3_stmt *stmt)
{
  LedgerValue *value;

  if (sqlite3_column_type (stmt, 2) == SQLITE_NULL)
    value = ledger_value_new_status (sqlite3_column_int64 (stmt, 0), column_text (stmt, 1),
                                     column_text (stmt, 3), column_text (stmt, 4),
                                     column_text (stmt, 5));
  else
    value = ledger_value_new (sqlite3_column_int64 (stmt, 0), column_text (stmt, 1),
                              sqlite3_column_double (stmt, 2), column_text (stmt, 4),
                              column_text (stmt, 5));
  ledger_value_set_updated (value, column_text (stmt, 6), column_text (stmt, 7));
  return value;
}

static LedgerValue *
query_one_value (LedgerStore  *self,
                 const char   *where,
                 gint64        indicator_id,
                 const char   *period)
{
  g_autofree char *sql = g_strconcat ("SELECT ", value_columns, " FROM indicator_values ",
                                      where, NULL);
  sqlite3_stmt *stmt = prepare (self, sql, NULL);
  LedgerValue *value = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, indicator_id);
  if (period != NULL)
    bind_text (stmt, 2, period);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = value_from_row (stmt);
  sqlite3_reset (stmt);
  return value;
}

/* Returns: (transfer full) (nullable): the value recorded for @period */
LedgerValue *
ledger_store_get_value (LedgerStore *self,
                        gint64       indicator_id,
                        const char  *period)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  return query_one_value (self, "WHERE indicator_id = ? AND period = ?", indicator_id, period);
}

/* Returns: (transfer full) (nullable): the value of the latest period */
LedgerValue *
ledger_store_get_latest_value (LedgerStore *self,
                               gint64       indicator_id)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);

  return query_one_value (self, "WHERE indicator_id = ? ORDER BY period_key DESC LIMIT 1",
                          indicator_id, NULL);
}

/* The largest period_key of the periods that end by the end of @period,
 * whatever their length: as of 1-9月, 前三季度 counts. */
static int
period_key_bound (const LedgerPeriod *period)
{
  return (period->year * 100 + ledger_period_end_month (period)) * 10 + 9;
}

/* Returns: (transfer full) (nullable): the latest value whose period ends
 * by the end of @as_of */
LedgerValue *
ledger_store_get_latest_value_until (LedgerStore        *self,
                                     gint64              indicator_id,
                                     const LedgerPeriod *as_of)
{
  g_autofree char *sql = g_strconcat ("SELECT ", value_columns, " FROM indicator_values "
                                      "WHERE indicator_id = ? AND period_key <= ? "
                                      "ORDER BY period_key DESC LIMIT 1", NULL);
  sqlite3_stmt *stmt;
  LedgerValue *value = NULL;

  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);
  g_return_val_if_fail (as_of != NULL, NULL);

  if ((stmt = prepare (self, sql, NULL)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, indicator_id);
  sqlite3_bind_int (stmt, 2, period_key_bound (as_of));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = value_from_row (stmt);
  sqlite3_reset (stmt);
  return value;
}

/* Returns: (transfer full) (nullable): the latest period of @plan that has
 * any value, the default "as of" period */
char *
ledger_store_get_latest_period (LedgerStore *self,
                                LedgerPlan  *plan)
{
  sqlite3_stmt *stmt;
  char *period = NULL;

  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);

  stmt = prepare (self,
    "SELECT v.period FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id "
    "WHERE i.plan_id = ? ORDER BY v.period_key DESC LIMIT 1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, ledger_node_get_id (LEDGER_NODE (plan)));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    period = g_strdup (column_text (stmt, 0));
  sqlite3_reset (stmt);
  return period;
}

/* Returns: (transfer full): the values of an indicator, earliest first */
GListModel *
ledger_store_list_values (LedgerStore *self,
                          gint64       indicator_id)
{
  g_autofree char *sql = g_strconcat ("SELECT ", value_columns, " FROM indicator_values "
                                      "WHERE indicator_id = ? ORDER BY period_key", NULL);
  GListStore *values = g_list_store_new (LEDGER_TYPE_VALUE);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);

  if ((stmt = prepare (self, sql, NULL)) == NULL)
    return G_LIST_MODEL (values);
  sqlite3_bind_int64 (stmt, 1, indicator_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(LedgerValue) value = value_from_row (stmt);

      g_list_store_append (values, value);
    }
  sqlite3_reset (stmt);
  return G_LIST_MODEL (values);
}

/* After a change of frequency or kind: refuses if a value no longer fits
 * the indicator. */
static gboolean
check_values_fit (LedgerStore      *self,
                  LedgerIndicator  *indicator,
                  GError          **error)
{
  g_autoptr(GListModel) values = ledger_store_list_values (self, ledger_indicator_get_id (indicator));

  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      g_autoptr(LedgerValue) value = g_list_model_get_item (values, i);
      LedgerPeriod period;

      gboolean qualitative = ledger_indicator_get_kind (indicator) == LEDGER_KIND_QUALITATIVE;

      if (qualitative == ledger_value_has_number (value))
        {
          g_set_error_literal (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                               _("The indicator has values that the new kind cannot hold; "
                                 "delete them first"));
          return FALSE;
        }
      if (!ledger_period_parse (ledger_value_get_period (value), &period) ||
          !ledger_frequency_has_period (ledger_indicator_get_frequency (indicator), &period))
        {
          g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                       _("The indicator has a value for “%s”, which is not a period of the new "
                         "frequency; delete that value first"), ledger_value_get_period (value));
          return FALSE;
        }
    }
  return TRUE;
}

/* What the indicator says about where its values may go. */
typedef struct
{
  char            *uuid;
  LedgerKind       kind;
  LedgerFrequency  frequency;
  int              first_year;
  int              last_year;
} IndicatorRules;

static gboolean
load_rules (LedgerStore     *self,
            gint64           indicator_id,
            IndicatorRules  *rules,
            GError         **error)
{
  sqlite3_stmt *stmt = prepare (self,
    "SELECT i.uuid, i.kind, i.frequency, p.first_year, p.last_year "
    "FROM indicators i JOIN plans p ON p.id = i.plan_id WHERE i.id = ?", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, indicator_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      rules->uuid = g_strdup (column_text (stmt, 0));
      ledger_kind_from_string (column_text (stmt, 1), &rules->kind);
      ledger_frequency_from_string (column_text (stmt, 2), &rules->frequency);
      rules->first_year = sqlite3_column_int (stmt, 3);
      rules->last_year = sqlite3_column_int (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (!found)
    g_set_error_literal (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                         _("There is no such indicator in the ledger"));
  return found;
}

/* The store's own guard: whatever the caller checked, a value that breaks
 * the plan's rules is never written. */
static gboolean
validate_value (LedgerValue     *value,
                IndicatorRules  *rules,
                LedgerPeriod    *period,
                GError         **error)
{
  const char *code = ledger_value_get_period (value);

  if (!ledger_period_parse (code, period) ||
      !ledger_frequency_has_period (rules->frequency, period) ||
      period->year < rules->first_year || period->year > rules->last_year)
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                   _("“%s” is not a period of this indicator"), code);
      return FALSE;
    }
  if (rules->kind == LEDGER_KIND_QUALITATIVE)
    {
      if (!g_strv_contains (ledger_status_qualitative_codes (), ledger_value_get_status (value)))
        {
          g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                       _("A qualitative task needs a status"));
          return FALSE;
        }
      return TRUE;
    }
  if (!ledger_value_has_number (value) || !isfinite (ledger_value_get_number (value)))
    {
      g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                   _("The value must be a number"));
      return FALSE;
    }
  return TRUE;
}

static char *
value_to_json (LedgerValue *value)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (value == NULL)
    return NULL;
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  if (ledger_value_has_number (value))
    {
      json_builder_set_member_name (builder, "value");
      json_builder_add_double_value (builder, ledger_value_get_number (value));
    }
  else
    {
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, ledger_value_get_status (value));
    }
  json_builder_set_member_name (builder, "note");
  json_builder_add_string_value (builder, ledger_value_get_note (value));
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, ledger_value_get_source (value));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Writes one value inside an open transaction, and logs the change. An
 * unchanged value writes nothing. */
static gboolean
write_value (LedgerStore  *self,
             LedgerValue  *value,
             const char   *origin,
             GError      **error)
{
  IndicatorRules rules = { 0 };
  g_autoptr(LedgerValue) old = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *at = now_text ();
  LedgerPeriod period;
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!load_rules (self, ledger_value_get_indicator_id (value), &rules, error))
    return FALSE;
  if (!validate_value (value, &rules, &period, error))
    {
      g_free (rules.uuid);
      return FALSE;
    }

  old = ledger_store_get_value (self, ledger_value_get_indicator_id (value),
                                ledger_value_get_period (value));
  if (old != NULL && ledger_value_equal (old, value))
    {
      g_free (rules.uuid);
      return TRUE;
    }

  stmt = prepare (self,
    "INSERT INTO indicator_values (uuid, indicator_id, period, period_key, value, status, note, "
    "source, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (indicator_id, period) DO UPDATE SET value = excluded.value, "
    "status = excluded.status, note = excluded.note, source = excluded.source, "
    "updated_at = excluded.updated_at, updated_by = excluded.updated_by", error);
  if (stmt == NULL)
    {
      g_free (rules.uuid);
      return FALSE;
    }
  bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, ledger_value_get_indicator_id (value));
  bind_text (stmt, 3, ledger_value_get_period (value));
  sqlite3_bind_int (stmt, 4, ledger_period_sort_key (&period));
  if (ledger_value_has_number (value))
    sqlite3_bind_double (stmt, 5, ledger_value_get_number (value));
  bind_text (stmt, 6, ledger_value_get_status (value));
  bind_text (stmt, 7, ledger_value_get_note (value));
  bind_text (stmt, 8, ledger_value_get_source (value));
  bind_text (stmt, 9, at);
  bind_text (stmt, 10, current_user ());

  old_json = value_to_json (old);
  new_json = value_to_json (value);
  ok = run (self, stmt, error) &&
       log_change (self, old != NULL ? "update" : "insert", "value", rules.uuid,
                   ledger_value_get_period (value), old_json, new_json, origin, error);
  g_free (rules.uuid);
  return ok;
}

/**
 * ledger_store_set_value:
 *
 * Records @value for its indicator and period, replacing what was there,
 * and logs the change. Emits #LedgerStore::values-changed once committed.
 */
gboolean
ledger_store_set_value (LedgerStore  *self,
                        LedgerValue  *value,
                        GError      **error)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (LEDGER_IS_VALUE (value), FALSE);

  if (!begin (self, error))
    return FALSE;
  if (!write_value (self, value, "", error) || !commit (self, error))
    {
      rollback (self);
      return FALSE;
    }
  g_signal_emit (self, signals [VALUES_CHANGED], 0, ledger_value_get_indicator_id (value));
  return TRUE;
}

/**
 * ledger_store_import_values:
 * @values: (element-type LedgerValue): the values to record
 * @origin: where they come from (a file name), for the change log
 *
 * Records all of @values in one transaction: all of them, or on the first
 * error none.
 */
gboolean
ledger_store_import_values (LedgerStore  *self,
                            GPtrArray    *values,
                            const char   *origin,
                            GError      **error)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (values != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;
  for (guint i = 0; i < values->len; i++)
    {
      if (!write_value (self, g_ptr_array_index (values, i), origin, error))
        {
          rollback (self);
          return FALSE;
        }
    }
  if (!commit (self, error))
    {
      rollback (self);
      return FALSE;
    }
  g_signal_emit (self, signals [VALUES_CHANGED], 0, (gint64) 0);
  return TRUE;
}

gboolean
ledger_store_delete_value (LedgerStore  *self,
                           gint64        indicator_id,
                           const char   *period,
                           GError      **error)
{
  IndicatorRules rules = { 0 };
  g_autoptr(LedgerValue) old = NULL;
  g_autofree char *old_json = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;
  old = ledger_store_get_value (self, indicator_id, period);
  if (old == NULL)
    {
      rollback (self);
      return TRUE;
    }
  old_json = value_to_json (old);
  stmt = prepare (self, "DELETE FROM indicator_values WHERE indicator_id = ? AND period = ?",
                  error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, indicator_id);
      bind_text (stmt, 2, period);
    }
  ok = stmt != NULL && run (self, stmt, error) &&
       load_rules (self, indicator_id, &rules, error) &&
       log_change (self, "delete", "value", rules.uuid, period, old_json, NULL, "", error) &&
       commit (self, error);
  g_free (rules.uuid);
  if (!ok)
    {
      rollback (self);
      return FALSE;
    }
  g_signal_emit (self, signals [VALUES_CHANGED], 0, indicator_id);
  return TRUE;
}

/* Runs @write in a transaction and, once committed, tells the views that
 * the plan changed. */
static gboolean
write_plan (LedgerStore  *self,
            gboolean    (*write) (LedgerStore *, gpointer, GError **),
            gpointer      data,
            GError      **error)
{
  if (!begin (self, error))
    return FALSE;
  if (!write (self, data, error) || !commit (self, error))
    {
      rollback (self);
      return FALSE;
    }
  g_signal_emit (self, signals [PLANS_CHANGED], 0);
  return TRUE;
}

static LedgerIndicator *
load_indicator (LedgerStore  *self,
                gint64        indicator_id,
                GError      **error)
{
  g_autofree char *sql = g_strconcat ("SELECT ", indicator_columns, " FROM indicators WHERE id = ?",
                                      NULL);
  sqlite3_stmt *stmt = prepare (self, sql, error);
  LedgerIndicator *indicator = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, indicator_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    indicator = indicator_from_row (stmt);
  sqlite3_reset (stmt);
  if (indicator == NULL)
    g_set_error_literal (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                         _("There is no such indicator in the ledger"));
  return indicator;
}

static gboolean
log_indicator_change (LedgerStore      *self,
                      const char       *action,
                      LedgerIndicator  *old,
                      LedgerIndicator  *new,
                      GError          **error)
{
  g_autofree char *old_json = old != NULL ? ledger_plan_file_indicator_to_json (old) : NULL;
  g_autofree char *new_json = new != NULL ? ledger_plan_file_indicator_to_json (new) : NULL;
  LedgerIndicator *either = old != NULL ? old : new;

  return log_change (self, action, "indicator", ledger_indicator_get_uuid (either), "",
                     old_json, new_json, "", error);
}

static gboolean
check_code_is_free (LedgerStore      *self,
                    LedgerIndicator  *indicator,
                    gint64            task_id,
                    GError          **error)
{
  sqlite3_stmt *stmt = prepare (self,
    "SELECT 1 FROM indicators WHERE code = ? AND id != ? AND plan_id = "
    "(SELECT a.plan_id FROM tasks t JOIN areas a ON a.id = t.area_id WHERE t.id = ?)", error);
  gboolean taken;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, ledger_indicator_get_code (indicator));
  sqlite3_bind_int64 (stmt, 2, ledger_indicator_get_id (indicator));
  sqlite3_bind_int64 (stmt, 3, task_id);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (taken)
    g_set_error (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_EXISTS,
                 _("The plan already has an indicator with the code “%s”"),
                 ledger_indicator_get_code (indicator));
  return !taken;
}

static gint64
task_of_indicator (LedgerStore *self,
                   gint64       indicator_id)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT task_id FROM indicators WHERE id = ?", NULL);
  gint64 task_id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, indicator_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    task_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return task_id;
}

/* The definition of an indicator a user may change; its values stay. The
 * frequency and kind may only change while every value still fits. */
static gboolean
write_indicator_update (LedgerStore  *self,
                        gpointer      data,
                        GError      **error)
{
  LedgerIndicator *indicator = data;
  gint64 id = ledger_indicator_get_id (indicator);
  g_autoptr(LedgerIndicator) old = load_indicator (self, id, error);
  LedgerKind kind = ledger_indicator_get_kind (indicator);
  sqlite3_stmt *stmt;

  if (old == NULL || !check_code_is_free (self, indicator, task_of_indicator (self, id), error))
    return FALSE;
  stmt = prepare (self,
    "UPDATE indicators SET code = ?, name = ?, unit = ?, kind = ?, comparator = ?, better = ?, "
    "target = ?, frequency = ?, responsible_unit = ?, notes = ?, source_text = ? WHERE id = ?",
    error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, ledger_indicator_get_code (indicator));
  bind_text (stmt, 2, ledger_indicator_get_name (indicator));
  bind_text (stmt, 3, ledger_indicator_get_unit (indicator));
  bind_text (stmt, 4, ledger_kind_to_string (kind));
  bind_text (stmt, 5, ledger_comparator_to_string (ledger_indicator_get_comparator (indicator)));
  bind_text (stmt, 6, ledger_better_to_string (ledger_indicator_get_better (indicator)));
  if (kind != LEDGER_KIND_QUALITATIVE)
    sqlite3_bind_double (stmt, 7, ledger_indicator_get_target (indicator));
  bind_text (stmt, 8, ledger_frequency_to_string (ledger_indicator_get_frequency (indicator)));
  bind_text (stmt, 9, ledger_indicator_get_responsible_unit (indicator));
  bind_text (stmt, 10, ledger_indicator_get_notes (indicator));
  bind_text (stmt, 11, ledger_indicator_get_source_text (indicator));
  sqlite3_bind_int64 (stmt, 12, id);
  if (!run (self, stmt, error))
    return FALSE;
  if (!check_values_fit (self, indicator, error))
    return FALSE;
  return log_indicator_change (self, "update", old, indicator, error);
}

/**
 * ledger_store_update_indicator:
 * @indicator: the indicator as it is to be, with its id
 *
 * Changes an indicator's definition and logs the change. Emits
 * #LedgerStore::plans-changed.
 */
gboolean
ledger_store_update_indicator (LedgerStore      *self,
                               LedgerIndicator  *indicator,
                               GError          **error)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);
  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), FALSE);

  return write_plan (self, write_indicator_update, indicator, error);
}

typedef struct
{
  gint64           parent_id;
  LedgerIndicator *indicator;
  const char      *title;
  const char      *text;
  gint64           new_id;
} NewRow;

static int
next_position (LedgerStore *self,
               const char  *sql,
               gint64       parent_id)
{
  sqlite3_stmt *stmt = prepare (self, sql, NULL);
  int position = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    position = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return position;
}

static gint64
plan_of_task (LedgerStore *self,
              gint64       task_id)
{
  sqlite3_stmt *stmt = prepare (self,
    "SELECT a.plan_id FROM tasks t JOIN areas a ON a.id = t.area_id WHERE t.id = ?", NULL);
  gint64 plan_id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, task_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    plan_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return plan_id;
}

static gboolean
write_new_indicator (LedgerStore  *self,
                     gpointer      data,
                     GError      **error)
{
  NewRow *row = data;
  gint64 plan_id = plan_of_task (self, row->parent_id);
  int position = next_position (self,
    "SELECT coalesce(max(position) + 1, 0) FROM indicators WHERE task_id = ?", row->parent_id);

  if (plan_id == 0)
    {
      g_set_error_literal (error, LEDGER_STORE_ERROR, LEDGER_STORE_ERROR_INVALID,
                           _("There is no such task in the ledger"));
      return FALSE;
    }
  if (!check_code_is_free (self, row->indicator, row->parent_id, error))
    return FALSE;
  row->new_id = insert_indicator_row (self, row->indicator, plan_id, row->parent_id, position, error);
  return row->new_id != 0 && log_indicator_change (self, "insert", NULL, row->indicator, error);
}

/**
 * ledger_store_add_indicator:
 * @indicator: the new indicator; its uuid is used as given
 *
 * Returns: the new indicator's id, or 0 with @error set
 */
gint64
ledger_store_add_indicator (LedgerStore      *self,
                            gint64            task_id,
                            LedgerIndicator  *indicator,
                            GError          **error)
{
  NewRow row = { task_id, indicator, NULL, NULL, 0 };

  g_return_val_if_fail (LEDGER_IS_STORE (self), 0);
  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), 0);

  if (!write_plan (self, write_new_indicator, &row, error))
    return 0;
  ledger_indicator_set_id (indicator, row.new_id);
  return row.new_id;
}

/* A task is left without indicators only to go: it goes too. */
static gboolean
delete_task_if_empty (LedgerStore  *self,
                      gint64        task_id,
                      GError      **error)
{
  sqlite3_stmt *stmt = prepare (self,
    "SELECT uuid, title FROM tasks WHERE id = ? AND NOT EXISTS "
    "(SELECT 1 FROM indicators WHERE task_id = tasks.id)", error);
  g_autofree char *uuid = NULL;
  g_autofree char *title = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, task_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      uuid = g_strdup (column_text (stmt, 0));
      title = g_strdup (column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (uuid == NULL)
    return TRUE;

  if ((stmt = prepare (self, "DELETE FROM tasks WHERE id = ?", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, task_id);
  return run (self, stmt, error) && log_change (self, "delete", "task", uuid, "", title, NULL, "", error);
}

static gboolean
write_indicator_deletion (LedgerStore  *self,
                          gpointer      data,
                          GError      **error)
{
  gint64 id = *(gint64 *) data;
  gint64 task_id = task_of_indicator (self, id);
  g_autoptr(LedgerIndicator) old = load_indicator (self, id, error);
  sqlite3_stmt *stmt;

  if (old == NULL || (stmt = prepare (self, "DELETE FROM indicators WHERE id = ?", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return run (self, stmt, error) && log_indicator_change (self, "delete", old, NULL, error) &&
         delete_task_if_empty (self, task_id, error);
}

/* Removes an indicator and its values, and its task if it was the task's
 * last indicator; the change log keeps its definition. */
gboolean
ledger_store_delete_indicator (LedgerStore  *self,
                               gint64        indicator_id,
                               GError      **error)
{
  g_return_val_if_fail (LEDGER_IS_STORE (self), FALSE);

  return write_plan (self, write_indicator_deletion, &indicator_id, error);
}

static gboolean
write_new_task (LedgerStore  *self,
                gpointer      data,
                GError      **error)
{
  NewRow *row = data;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(LedgerTask) task = g_object_new (LEDGER_TYPE_TASK, "uuid", uuid, "title", row->title,
                                             "text", row->text, NULL);
  int position = next_position (self,
    "SELECT coalesce(max(position) + 1, 0) FROM tasks WHERE area_id = ?", row->parent_id);
  gint64 task_id = insert_task_row (self, task, row->parent_id, position, error);

  if (task_id == 0 || !log_change (self, "insert", "task", uuid, "", NULL, row->title, "", error))
    return FALSE;
  row->parent_id = task_id;
  return write_new_indicator (self, row, error);
}

/**
 * ledger_store_add_task:
 * @indicator: the task's first indicator (a task always has one)
 *
 * Adds a task at the end of an area, with its first indicator, in one
 * transaction.
 *
 * Returns: the new indicator's id, or 0 with @error set
 */
gint64
ledger_store_add_task (LedgerStore      *self,
                       gint64            area_id,
                       const char       *title,
                       const char       *text,
                       LedgerIndicator  *indicator,
                       GError          **error)
{
  NewRow row = { area_id, indicator, title, text, 0 };

  g_return_val_if_fail (LEDGER_IS_STORE (self), 0);
  g_return_val_if_fail (title != NULL && title[0] != '\0', 0);
  g_return_val_if_fail (LEDGER_IS_INDICATOR (indicator), 0);

  if (!write_plan (self, write_new_task, &row, error))
    return 0;
  ledger_indicator_set_id (indicator, row.new_id);
  return row.new_id;
}

/* Returns: (transfer full): the change log of one indicator, task or plan
 * (by uuid), newest first */
GListModel *
ledger_store_list_changes (LedgerStore *self,
                           const char  *entity_uuid)
{
  GListStore *changes = g_list_store_new (LEDGER_TYPE_CHANGE);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);

  stmt = prepare (self,
    "SELECT at, by, action, entity, period, old, new, origin FROM changes "
    "WHERE entity_uuid = ? ORDER BY id DESC", NULL);
  if (stmt == NULL)
    return G_LIST_MODEL (changes);
  bind_text (stmt, 1, entity_uuid);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(LedgerChange) change =
        ledger_change_new (column_text (stmt, 0), column_text (stmt, 1), column_text (stmt, 2),
                           column_text (stmt, 3), column_text (stmt, 4),
                           (const char *) sqlite3_column_text (stmt, 5),
                           (const char *) sqlite3_column_text (stmt, 6), column_text (stmt, 7));

      g_list_store_append (changes, change);
    }
  sqlite3_reset (stmt);
  return G_LIST_MODEL (changes);
}

/* Returns: (transfer full) (nullable): the indicator with the same code in
 * the latest plan that ends before @plan starts: last year's figure */
LedgerIndicator *
ledger_store_find_earlier_indicator (LedgerStore *self,
                                     LedgerPlan  *plan,
                                     const char  *code)
{
  g_autofree char *sql = g_strconcat ("SELECT i.", indicator_columns_prefixed,
                                      " FROM indicators i JOIN plans p ON p.id = i.plan_id "
                                      "WHERE i.code = ? AND p.last_year < ? "
                                      "ORDER BY p.last_year DESC LIMIT 1", NULL);
  sqlite3_stmt *stmt;
  LedgerIndicator *indicator = NULL;

  g_return_val_if_fail (LEDGER_IS_STORE (self), NULL);

  if ((stmt = prepare (self, sql, NULL)) == NULL)
    return NULL;
  bind_text (stmt, 1, code);
  sqlite3_bind_int (stmt, 2, ledger_plan_get_first_year (plan));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    indicator = indicator_from_row (stmt);
  sqlite3_reset (stmt);
  return indicator;
}

guint
ledger_store_count_changes (LedgerStore *self)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (LEDGER_IS_STORE (self), 0);

  if ((stmt = prepare (self, "SELECT count(*) FROM changes", NULL)) == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

/* Appends each row of a check query to @report; returns how many. */
static guint
report_rows (LedgerStore *self,
             const char  *sql,
             const char  *ok_row,
             GString     *report)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = prepare (self, sql, &error);
  guint problems = 0;
  int rc;

  if (stmt == NULL)
    {
      g_string_append_printf (report, "%s\n", error->message);
      return 1;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = column_text (stmt, 0);

      if (ok_row != NULL && g_str_equal (text, ok_row))
        continue;
      g_string_append_printf (report, "%s\n", text);
      problems++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_string_append_printf (report, "%s\n", sqlite3_errmsg (self->db));
      problems++;
    }
  return problems;
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

  problems += report_rows (self, "PRAGMA integrity_check", "ok", report);
  problems += report_rows (self,
    "SELECT 'foreign key: ' || \"table\" || ' row ' || rowid || ' refers to a missing ' || parent "
    "FROM pragma_foreign_key_check", NULL, report);
  problems += report_rows (self,
    "SELECT 'indicator ' || i.code || ' belongs to another plan than its task' "
    "FROM indicators i JOIN tasks t ON t.id = i.task_id JOIN areas a ON a.id = t.area_id "
    "WHERE a.plan_id != i.plan_id", NULL, report);
  problems += report_rows (self,
    "SELECT 'value ' || i.code || ' ' || v.period || ' is outside the years of its plan' "
    "FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id "
    "JOIN plans p ON p.id = i.plan_id "
    "WHERE CAST(substr(v.period, 1, 4) AS INTEGER) NOT BETWEEN p.first_year AND p.last_year",
    NULL, report);
  problems += report_rows (self,
    "SELECT 'value ' || i.code || ' ' || v.period || ' is not a period of a ' || i.frequency || "
    "' indicator' FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id "
    "WHERE NOT CASE i.frequency "
    "  WHEN 'monthly' THEN v.period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' "
    "    AND CAST(substr(v.period, 6, 2) AS INTEGER) BETWEEN 2 AND 12 "
    "  WHEN 'quarterly' THEN v.period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]' "
    "  ELSE v.period GLOB '[0-9][0-9][0-9][0-9]' END", NULL, report);
  problems += report_rows (self,
    "SELECT 'value ' || i.code || ' ' || v.period || ' has neither a number nor a status' "
    "FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id "
    "WHERE (i.kind = 'qualitative' AND v.status = '') OR "
    "(i.kind != 'qualitative' AND v.value IS NULL)", NULL, report);
  return problems == 0;
}
