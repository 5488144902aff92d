/* ledger-store-private.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "ledger-job-progress.h"
#include "ledger-milestone.h"
#include "ledger-server.h"
#include "ledger-store.h"
#include "ledger-store-statement.h"
#include "ledger-sub-item.h"
#include "ledger-uuid.h"

G_BEGIN_DECLS

/* The store is one class in several files: ledger-store.c (the file, its
 * schema, the change log and the check), ledger-store-plans.c (plans,
 * areas, tasks, indicators) and ledger-store-values.c (values). These are
 * the pieces they share; nothing outside the store sees them: private/
 * is on the store's include path alone. */

typedef struct _StoreRules StoreRules;

/* How many values one statement writes (store_write_values()): a file's,
 * and the server's, sent with COPY. */
#define STORE_BATCH 256
#define STORE_SERVER_BATCH 4096

typedef enum
{
  STORE_TOLD_PLANS       = 1 << 0,
  STORE_TOLD_FORGOT_UNDO = 1 << 1,
  STORE_TOLD_REPLACED    = 1 << 2,
  STORE_TOLD_VALUES      = 1 << 3,
} StoreTold;

struct _LedgerStore
{
  GObject     parent_instance;

  char       *path;
  char       *display;   /* the path, or the server's location without its password */
  sqlite3    *db;
  LedgerServer *server;   /* the office's server, or NULL for a file */
  guint       retry_source;  /* while the server's connection is lost */
  int         may_copy;  /* the server lets imports use a temporary table: 1, 0, or -1 not asked yet */
  GHashTable *statements;
  int         schema_version;
  gboolean    read_only;
  gboolean    no_wait;     /* the window's: never waits on a lock */
  /* How the file's schema differs from a ledger's, when it was opened
   * for reading all the same (ledger-store-schema.c). */
  GPtrArray  *schema_problems;

  /* Undo (ledger-store-undo.c): what the open transaction overwrote, and
   * the committed transactions that can be undone, last on top. */
  GPtrArray  *undo_pending;
  GHashTable *undo_pending_keys;
  GPtrArray  *undo_stack;
  gboolean    undoing;
  gboolean    undo_forget;
  gboolean    undo_away;     /* the last step is being undone by a worker */

  /* While a transaction is open: its time, which every row it writes
   * shares, and the rules of the indicators it wrote to (by id), so an
   * import of 100 000 rows reads each indicator once. */
  char       *transaction_at;
  GHashTable *rules_cache;
  /* The change sets (ids) the open transaction logged to, by origin. */
  GHashTable *change_sets;

  /* A worker's store: what it did that the window's store must hear of
   * (ledger_store_take_changes_from()), and the job it runs for, whose
   * progress long steps report and whose cancel they honour. */
  StoreTold          told;
  LedgerJobProgress *job_progress;
  GCancellable      *job_cancellable;
};

G_GNUC_INTERNAL gboolean      store_set_error           (LedgerStore   *self,
                                                         int            rc,
                                                         GError       **error);
G_GNUC_INTERNAL StoreStatement *store_prepare           (LedgerStore   *self,
                                                         const char    *sql,
                                                         GError       **error);
G_GNUC_INTERNAL gboolean      store_run                 (LedgerStore   *self,
                                                         StoreStatement *stmt,
                                                         GError       **error);
G_GNUC_INTERNAL gboolean      store_exec                (LedgerStore   *self,
                                                         const char    *sql,
                                                         GError       **error);
G_GNUC_INTERNAL gint64        store_last_insert_id      (LedgerStore   *self);
G_GNUC_INTERNAL const char   *store_error_detail        (LedgerStore   *self);
G_GNUC_INTERNAL char         *store_time_words          (const char    *iso);
G_GNUC_INTERNAL gint64        store_changes             (LedgerStore   *self);
G_GNUC_INTERNAL gboolean      store_in_transaction      (LedgerStore   *self);
G_GNUC_INTERNAL gboolean      store_begin               (LedgerStore   *self,
                                                         GError       **error);
G_GNUC_INTERNAL gboolean      store_commit              (LedgerStore   *self,
                                                         GError       **error);
G_GNUC_INTERNAL void          store_rollback            (LedgerStore   *self);
G_GNUC_INTERNAL char         *store_now                 (void);
G_GNUC_INTERNAL const char   *store_transaction_at      (LedgerStore   *self);
G_GNUC_INTERNAL void          store_rules_free          (gpointer       rules);
G_GNUC_INTERNAL const char   *store_user                (void);
G_GNUC_INTERNAL gboolean      store_change_set          (LedgerStore   *self,
                                                         const char    *origin,
                                                         gint64        *id,
                                                         GError       **error);
G_GNUC_INTERNAL gboolean      store_log_change          (LedgerStore   *self,
                                                         const char    *action,
                                                         const char    *entity,
                                                         const char    *entity_uuid,
                                                         const char    *period,
                                                         const char    *old_json,
                                                         const char    *new_json,
                                                         const char    *origin,
                                                         GError       **error);
G_GNUC_INTERNAL void          store_emit_values_changed (LedgerStore   *self,
                                                         gint64         indicator_id);
G_GNUC_INTERNAL void          store_emit_plans_changed  (LedgerStore   *self);
G_GNUC_INTERNAL void          store_signal_heard        (LedgerStore   *self,
                                                         gint64         indicator_id);
G_GNUC_INTERNAL void          store_notify_online       (LedgerStore   *self);
G_GNUC_INTERNAL LedgerStore  *store_open_on_server      (const char           *location,
                                                         LedgerStoreOpenFlags  flags,
                                                         GError              **error);
G_GNUC_INTERNAL gboolean      store_server_begin        (LedgerStore   *self,
                                                         GError       **error);
G_GNUC_INTERNAL gboolean      store_run_resource_script (LedgerStore   *self,
                                                         const char    *name,
                                                         GError       **error);
G_GNUC_INTERNAL void          store_tell_other_desks    (LedgerStore   *self,
                                                         gint64         indicator_id);
G_GNUC_INTERNAL void          store_set_job             (LedgerStore       *self,
                                                         LedgerJobProgress *progress,
                                                         GCancellable      *cancellable);
G_GNUC_INTERNAL gboolean      store_job_step            (LedgerStore   *self,
                                                         guint64        done,
                                                         guint64        total,
                                                         GError       **error);
G_GNUC_INTERNAL gboolean      store_migrate             (LedgerStore   *self,
                                                         gboolean       back_up,
                                                         GError       **error);
G_GNUC_INTERNAL gboolean      store_backup_before_migration (LedgerStore *self,
                                                         GError       **error);
G_GNUC_INTERNAL gboolean      store_check_values_fit    (LedgerStore      *self,
                                                         LedgerIndicator  *indicator,
                                                         GError          **error);

G_GNUC_INTERNAL gboolean      store_harden_connection   (sqlite3       *db);
G_GNUC_INTERNAL GHashTable   *store_schema_columns      (int            version);
G_GNUC_INTERNAL GPtrArray    *store_schema_differences  (sqlite3       *db,
                                                         int            version);
G_GNUC_INTERNAL void          store_schema_error        (const char    *path,
                                                         GPtrArray     *differences,
                                                         GError       **error);

G_GNUC_INTERNAL void          store_undo_init           (LedgerStore   *self);
G_GNUC_INTERNAL void          store_undo_record_value   (LedgerStore   *self,
                                                         gint64         indicator_id,
                                                         const char    *region,
                                                         const char    *period,
                                                         LedgerValue   *old,
                                                         LedgerValue   *written);
G_GNUC_INTERNAL void          store_undo_record_indicator (LedgerStore     *self,
                                                           LedgerIndicator *old);
/* Writes back a row of the follow-up as it was: @old, or none (%NULL). */
typedef gboolean (*StoreRestoreFunc) (LedgerStore *self, const char *uuid, gpointer old, GError **error);

G_GNUC_INTERNAL void          store_undo_record_row     (LedgerStore      *self,
                                                         const char       *uuid,
                                                         StoreRestoreFunc  restore,
                                                         gpointer          old,
                                                         GDestroyNotify    free_old);
G_GNUC_INTERNAL gboolean      store_put_milestone       (LedgerStore           *self,
                                                         const LedgerMilestone *milestone,
                                                         GError               **error);
G_GNUC_INTERNAL gboolean      store_replace_milestone   (LedgerStore           *self,
                                                         const char            *uuid,
                                                         const LedgerMilestone *milestone,
                                                         GError               **error);
G_GNUC_INTERNAL gboolean      store_put_sub_item        (LedgerStore         *self,
                                                         const LedgerSubItem *item,
                                                         GError             **error);
G_GNUC_INTERNAL gboolean      store_write_task_units    (LedgerStore   *self,
                                                         const char    *task_uuid,
                                                         const char    *lead_unit,
                                                         const char    *supporting_units,
                                                         GError       **error);
G_GNUC_INTERNAL gboolean      store_delete_follow_up    (LedgerStore   *self,
                                                         const char    *owner_uuid,
                                                         GError       **error);
G_GNUC_INTERNAL gboolean      store_load_follow_up      (LedgerStore   *self,
                                                         GPtrArray     *plans,
                                                         GError       **error);
G_GNUC_INTERNAL gboolean      store_insert_follow_up    (LedgerStore   *self,
                                                         GPtrArray     *milestones,
                                                         GPtrArray     *sub_items,
                                                         GError       **error);
G_GNUC_INTERNAL void          store_undo_forget         (LedgerStore   *self);
G_GNUC_INTERNAL GPtrArray    *store_take_last_undo      (LedgerStore   *self);
G_GNUC_INTERNAL void          store_push_undo           (LedgerStore   *self,
                                                         GPtrArray     *steps);
G_GNUC_INTERNAL void          store_undo_returned       (LedgerStore   *self);
G_GNUC_INTERNAL void          store_undo_commit         (LedgerStore   *self);
G_GNUC_INTERNAL void          store_undo_rollback       (LedgerStore   *self);
G_GNUC_INTERNAL gboolean      store_write_value         (LedgerStore   *self,
                                                         LedgerValue   *value,
                                                         const char    *origin,
                                                         GError       **error);
G_GNUC_INTERNAL const StoreRules *store_load_rules     (LedgerStore   *self,
                                                         gint64         indicator_id,
                                                         GError       **error);
G_GNUC_INTERNAL const StoreRules *store_load_plan_rules (LedgerStore   *self,
                                                         gint64         indicator_id,
                                                         GError       **error);
G_GNUC_INTERNAL gboolean      store_validate_value      (LedgerValue      *value,
                                                         const StoreRules *rules,
                                                         LedgerPeriod     *period,
                                                         GError          **error);
G_GNUC_INTERNAL char         *store_value_to_json       (LedgerValue   *value);
G_GNUC_INTERNAL void          store_bind_value_row      (LedgerStore        *self,
                                                         StoreStatement     *stmt,
                                                         int                 first,
                                                         LedgerValue        *value,
                                                         const LedgerPeriod *period,
                                                         const char         *uuid);
G_GNUC_INTERNAL const char   *store_rules_get_uuid      (const StoreRules *rules);
G_GNUC_INTERNAL gint64        store_rules_get_plan_id   (const StoreRules *rules);
G_GNUC_INTERNAL gboolean      store_rules_have_closed   (const StoreRules *rules);
G_GNUC_INTERNAL gboolean      store_rules_check_open    (LedgerStore        *self,
                                                         const StoreRules   *rules,
                                                         const LedgerPeriod *period,
                                                         GError            **error);
G_GNUC_INTERNAL gboolean      store_write_plan_due_days (LedgerStore        *self,
                                                         LedgerPlan         *plan,
                                                         GError            **error);
G_GNUC_INTERNAL void          store_load_plan_due_days  (LedgerStore        *self,
                                                         LedgerPlan         *plan);
G_GNUC_INTERNAL gboolean      store_check_indicator_values_open (LedgerStore *self,
                                                                 gint64       indicator_id,
                                                                 GError     **error);
G_GNUC_INTERNAL gboolean      store_restore_check_closed (LedgerStore       *self,
                                                          sqlite3           *backup,
                                                          GPtrArray        **closed,
                                                          GError           **error);
G_GNUC_INTERNAL gboolean      store_restore_keep_closed (LedgerStore        *self,
                                                         GPtrArray          *closed,
                                                         GError            **error);
G_GNUC_INTERNAL gboolean      store_check_period_open   (LedgerStore        *self,
                                                         gint64              plan_id,
                                                         const LedgerPeriod *period,
                                                         GError            **error);
G_GNUC_INTERNAL guint         store_batch_size          (LedgerStore   *self);
G_GNUC_INTERNAL gboolean      store_write_values        (LedgerStore   *self,
                                                         GPtrArray     *values,
                                                         guint          from,
                                                         guint          n,
                                                         const char    *origin,
                                                         GPtrArray     *origins,
                                                         GError       **error);
G_GNUC_INTERNAL gboolean      store_remove_value        (LedgerStore   *self,
                                                         gint64         indicator_id,
                                                         const char    *region,
                                                         const char    *period,
                                                         const char    *origin,
                                                         GError       **error);
G_GNUC_INTERNAL LedgerValue  *store_value_from_row      (StoreStatement *stmt);
G_GNUC_INTERNAL const char   *store_value_columns       (void);
G_GNUC_INTERNAL int           store_period_key_bound    (const LedgerPeriod *period);

/* The smallest period key of the plan of indicator ?1: the base year's
 * values (同期) are read beside the plan's, never as its latest. */
#define PLAN_START_KEY \
  "(SELECT p.first_year * 1000 FROM indicators i JOIN plans p ON p.id = i.plan_id WHERE i.id = ?1)"
G_GNUC_INTERNAL gboolean      store_check_region        (LedgerStore      *self,
                                                         const StoreRules *rules,
                                                         const char       *region,
                                                         GError          **error);
G_GNUC_INTERNAL gboolean      store_write_regions       (LedgerStore   *self,
                                                         gint64         plan_id,
                                                         GPtrArray     *regions,
                                                         GError       **error);
G_GNUC_INTERNAL gboolean      store_write_region_targets (LedgerStore  *self,
                                                         gint64         indicator_id,
                                                         GPtrArray     *targets,
                                                         GError       **error);
G_GNUC_INTERNAL gboolean      store_update_indicator    (LedgerStore     *self,
                                                         LedgerIndicator *indicator,
                                                         GError         **error);
G_GNUC_INTERNAL gboolean      store_check_period        (const StoreRules *rules,
                                                         const char       *code,
                                                         LedgerPeriod     *period,
                                                         GError          **error);

/* Attachments (ledger-store-attachments.c). */
G_GNUC_INTERNAL void          store_undo_record_attachment (LedgerStore      *self,
                                                            LedgerAttachment *attachment,
                                                            gboolean          added);
G_GNUC_INTERNAL gboolean      store_link_attachment     (LedgerStore       *self,
                                                         LedgerAttachment  *attachment,
                                                         const char        *origin,
                                                         GError           **error);
G_GNUC_INTERNAL gboolean      store_unlink_attachment   (LedgerStore       *self,
                                                         LedgerAttachment  *attachment,
                                                         const char        *origin,
                                                         GError           **error);
G_GNUC_INTERNAL void          store_drop_unlinked_blobs (LedgerStore       *self);
G_GNUC_INTERNAL gboolean      store_write_incoming      (LedgerStore       *self,
                                                         GPtrArray         *attachments,
                                                         GError           **error);
G_GNUC_INTERNAL guint         store_check_attachments   (LedgerStore       *self,
                                                         GString           *report);

/* A ledger file written into @file, an empty file made for it: the
 * backup of a server ledger (ledger-store-copy.c). */
G_GNUC_INTERNAL gboolean      store_copy_into_file      (LedgerStore       *self,
                                                         const char        *file,
                                                         const char        *path,
                                                         GError           **error);

G_END_DECLS
