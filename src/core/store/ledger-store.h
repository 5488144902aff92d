/* ledger-store.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ledger-attachment.h"
#include "ledger-change.h"
#include "ledger-indicator.h"
#include "ledger-job-progress.h"
#include "ledger-milestone.h"
#include "ledger-plan.h"
#include "ledger-region.h"
#include "ledger-region-target.h"
#include "ledger-roll-up.h"
#include "ledger-sub-item.h"
#include "ledger-task.h"
#include "ledger-value.h"

G_BEGIN_DECLS

#define LEDGER_STORE_ERROR (ledger_store_error_quark ())
#define LEDGER_STORE_SCHEMA_VERSION 10

typedef enum
{
  LEDGER_STORE_ERROR_FAILED,
  LEDGER_STORE_ERROR_NOT_A_LEDGER,
  LEDGER_STORE_ERROR_CORRUPT,
  LEDGER_STORE_ERROR_TOO_NEW,
  LEDGER_STORE_ERROR_LOCKED,
  LEDGER_STORE_ERROR_READ_ONLY,
  LEDGER_STORE_ERROR_INVALID,
  LEDGER_STORE_ERROR_EXISTS,
  LEDGER_STORE_ERROR_CHANGED,   /* a cell no longer holds what was read */
  LEDGER_STORE_ERROR_UNEXPECTED_SCHEMA, /* changed outside the program: read it at most */
  LEDGER_STORE_ERROR_CLOSED,    /* the period is closed (锁定): reopen it first */
  LEDGER_STORE_ERROR_OFFLINE,   /* the office's server cannot be reached */
  LEDGER_STORE_ERROR_CONFLICT,  /* another desk saved a newer figure first */
} LedgerStoreError;

/**
 * LedgerStoreOpenFlags:
 * @LEDGER_STORE_OPEN_DEFAULT: open, create or bring up to date; a file
 *   that cannot be written is opened for reading
 * @LEDGER_STORE_OPEN_CHECKED: another connection to a ledger that has been
 *   opened and checked: not read whole again
 * @LEDGER_STORE_OPEN_READ_ONLY: for reading only, never written or
 *   created; a schema that is not a ledger's is kept as a problem for
 *   ledger_store_check() instead of refused
 */
typedef enum
{
  LEDGER_STORE_OPEN_DEFAULT   = 0,
  LEDGER_STORE_OPEN_CHECKED   = 1 << 0,
  LEDGER_STORE_OPEN_READ_ONLY = 1 << 1,
} LedgerStoreOpenFlags;

/* A responsible unit of a plan, as ledger_store_list_units() counts it. */
typedef struct
{
  char  *name;
  guint  n_indicators;  /* the plan's indicators it answers for */
  guint  n_confirmed;   /* of those, the ones the office confirmed it for */
  guint  n_tasks;       /* the tasks it leads (牵头单位) */
  guint  n_supporting;  /* the indicators and tasks it supports (配合单位) */
} LedgerUnitUse;

void         ledger_unit_use_free              (LedgerUnitUse *use);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedgerUnitUse, ledger_unit_use_free)

#define LEDGER_TYPE_STORE (ledger_store_get_type ())

G_DECLARE_FINAL_TYPE (LedgerStore, ledger_store, LEDGER, STORE, GObject)

GQuark       ledger_store_error_quark          (void);
char        *ledger_store_default_path         (void);
LedgerStore *ledger_store_open                 (const char   *path,
                                                GError      **error);
LedgerStore *ledger_store_open_checked         (const char   *path,
                                                GError      **error);
LedgerStore *ledger_store_open_full            (const char            *path,
                                                LedgerStoreOpenFlags   flags,
                                                GError               **error);
void         ledger_store_set_waits_for_locks  (LedgerStore      *self,
                                                gboolean          waits);
gboolean     ledger_store_is_read_only         (LedgerStore  *self);
guint        ledger_store_count_schema_problems (LedgerStore *self);
const char  *ledger_store_get_path             (LedgerStore  *self);
const char  *ledger_store_get_display_name     (LedgerStore  *self);
/* The office's server (docs/server.md): a location that is a libpq
 * connection string or URI opens a ledger there instead of a file. */
gboolean     ledger_store_is_server_location   (const char   *location);
char        *ledger_store_describe_location    (const char   *location);
gboolean     ledger_store_is_on_server         (LedgerStore  *self);
gboolean     ledger_store_is_online            (LedgerStore  *self);
void         ledger_store_listen               (LedgerStore  *self);
int          ledger_store_get_schema_version   (LedgerStore  *self);
const char  *ledger_store_get_user_name        (LedgerStore  *self);
gboolean     ledger_store_add_builtin_plans    (LedgerStore  *self,
                                                GError      **error);
gboolean     ledger_store_add_plans            (LedgerStore  *self,
                                                GPtrArray    *plans,
                                                GError      **error);
GPtrArray   *ledger_store_list_plans           (LedgerStore  *self,
                                                GError      **error);
LedgerValue *ledger_store_get_value            (LedgerStore  *self,
                                                gint64        indicator_id,
                                                const char   *period);
LedgerValue *ledger_store_get_latest_value     (LedgerStore  *self,
                                                gint64        indicator_id);
LedgerValue *ledger_store_get_latest_value_until (LedgerStore        *self,
                                                gint64              indicator_id,
                                                const LedgerPeriod *as_of);
char        *ledger_store_get_latest_period    (LedgerStore  *self,
                                                LedgerPlan   *plan);
char        *ledger_store_get_default_as_of    (LedgerStore  *self,
                                                LedgerPlan   *plan,
                                                GDateTime    *now);
GListModel  *ledger_store_list_values          (LedgerStore  *self,
                                                gint64        indicator_id);
gboolean     ledger_store_set_value            (LedgerStore  *self,
                                                LedgerValue  *value,
                                                GError      **error);
gboolean     ledger_store_delete_value         (LedgerStore  *self,
                                                gint64        indicator_id,
                                                const char   *period,
                                                GError      **error);
/* Regions (docs/regions.md): a plan's districts, counties and zones, the
 * targets split to them and their figures. A value's region is
 * ledger_value_get_region(): "" for the city's own figure. The functions
 * above read and write the city's figures only; ledger_store_set_value()
 * and the imports write a region's when the value names one. */
GPtrArray   *ledger_store_list_regions         (LedgerStore        *self,
                                                LedgerPlan         *plan);
gboolean     ledger_store_save_regions         (LedgerStore        *self,
                                                LedgerPlan         *plan,
                                                GPtrArray          *regions,
                                                GError            **error);
/* A city figure of an indicator (%NULL for an indicator without any),
 * its period's key, and the smallest key of the plan's own years. */
typedef void (*LedgerCityValueFunc) (gint64       indicator_id,
                                     int          plan_start_key,
                                     LedgerValue *value,
                                     int          period_key,
                                     gpointer     user_data);
gboolean     ledger_store_read_plan_city_values (LedgerStore        *self,
                                                gint64              indicator_id,
                                                LedgerCityValueFunc func,
                                                gpointer            user_data);
GHashTable  *ledger_store_list_plan_region_targets (LedgerStore    *self,
                                                LedgerPlan        *plan);
GHashTable  *ledger_store_list_split_indicators (LedgerStore       *self,
                                                LedgerPlan        *plan);
GPtrArray   *ledger_store_list_region_targets  (LedgerStore        *self,
                                                gint64              indicator_id);
gboolean     ledger_store_set_region_targets   (LedgerStore        *self,
                                                gint64              indicator_id,
                                                GPtrArray          *targets,
                                                GError            **error);
LedgerValue *ledger_store_get_region_value     (LedgerStore        *self,
                                                gint64              indicator_id,
                                                const char         *region,
                                                const char         *period);
GListModel  *ledger_store_list_region_values   (LedgerStore        *self,
                                                gint64              indicator_id,
                                                const char         *region);
GPtrArray   *ledger_store_list_values_of_period (LedgerStore       *self,
                                                gint64              indicator_id,
                                                const char         *period);
LedgerValue *ledger_store_get_latest_region_value_until (LedgerStore  *self,
                                                gint64              indicator_id,
                                                const char         *region,
                                                const LedgerPeriod *as_of);
GPtrArray   *ledger_store_list_latest_region_values (LedgerStore   *self,
                                                LedgerPlan         *plan,
                                                const LedgerPeriod *as_of);
LedgerValue *ledger_store_sum_regions_until    (LedgerStore        *self,
                                                gint64              indicator_id,
                                                const LedgerPeriod *as_of);
LedgerValue *ledger_store_sum_regions_of       (LedgerStore        *self,
                                                gint64              indicator_id,
                                                const char         *period);
GPtrArray   *ledger_store_list_roll_ups        (LedgerStore        *self,
                                                LedgerPlan         *plan);
GListModel  *ledger_store_list_values_rolled_up (LedgerStore       *self,
                                                gint64              indicator_id);
gboolean     ledger_store_delete_region_value  (LedgerStore        *self,
                                                gint64              indicator_id,
                                                const char         *region,
                                                const char         *period,
                                                GError            **error);
gboolean     ledger_store_import_values        (LedgerStore  *self,
                                                GPtrArray    *values,
                                                const char   *origin,
                                                GError      **error);
gboolean     ledger_store_import_values_cancellable (LedgerStore   *self,
                                                GPtrArray     *values,
                                                const char    *origin,
                                                GCancellable  *cancellable,
                                                guint         *n_written,
                                                GError       **error);
/* What the ledger must still hold for an import to be written as it was
 * read (ledger_store_import_values_expecting()). */
typedef struct
{
  GPtrArray *expected;   /* (nullable): for each value, the ledger's value it
                          * replaces as read, or %NULL for none */
  GPtrArray *unchanged;  /* (nullable): values the ledger must hold as they are */
  gint64     mark;       /* ledger_store_get_change_mark() when read, or 0: if
                          * still the same, nothing can have changed */
  guint      changed;    /* out: with %LEDGER_STORE_ERROR_CHANGED, the index of
                          * the cell that changed: in the values, then after
                          * them in @unchanged */
} LedgerStoreExpect;

gint64       ledger_store_get_change_mark      (LedgerStore       *self);
gboolean     ledger_store_import_values_expecting (LedgerStore       *self,
                                                   GPtrArray         *values,
                                                   const char        *origin,
                                                   LedgerStoreExpect *expect,
                                                   GCancellable      *cancellable,
                                                   guint             *n_written,
                                                   GError           **error);
gboolean     ledger_store_import_values_from   (LedgerStore  *self,
                                                GPtrArray    *values,
                                                GPtrArray    *origins,
                                                GPtrArray    *expected,
                                                guint        *changed,
                                                GError      **error);
/* A file to attach with an import (ledger_store_import_values_with_attachments()). */
typedef struct
{
  LedgerAttachment *attachment;  /* its indicator, period, name, type, SHA-256, size */
  GBytes           *content;
  const char       *origin;      /* for the change log */
} LedgerIncomingAttachment;

gboolean     ledger_store_import_values_with_attachments (LedgerStore *self,
                                                GPtrArray    *values,
                                                GPtrArray    *origins,
                                                GPtrArray    *expected,
                                                GPtrArray    *attachments,
                                                LedgerJobProgress *progress,
                                                GCancellable *cancellable,
                                                guint        *changed,
                                                GError      **error);
gboolean     ledger_store_update_indicator     (LedgerStore      *self,
                                                LedgerIndicator  *indicator,
                                                GError          **error);
gint64       ledger_store_add_indicator        (LedgerStore      *self,
                                                gint64            task_id,
                                                LedgerIndicator  *indicator,
                                                GError          **error);
gboolean     ledger_store_delete_indicator     (LedgerStore      *self,
                                                gint64            indicator_id,
                                                GError          **error);
gint64       ledger_store_add_task             (LedgerStore      *self,
                                                gint64            area_id,
                                                const char       *title,
                                                const char       *text,
                                                LedgerIndicator  *indicator,
                                                GError          **error);
GPtrArray   *ledger_store_list_units           (LedgerStore      *self,
                                                LedgerPlan       *plan,
                                                GError          **error);
gboolean     ledger_store_rename_unit          (LedgerStore      *self,
                                                LedgerPlan       *plan,
                                                const char       *from,
                                                const char       *to,
                                                GError          **error);
gboolean     ledger_store_confirm_unit         (LedgerStore      *self,
                                                LedgerPlan       *plan,
                                                const char       *unit,
                                                gboolean          confirmed,
                                                GError          **error);
gboolean     ledger_store_save_milestone       (LedgerStore            *self,
                                                const LedgerMilestone  *milestone,
                                                GError                **error);
gboolean     ledger_store_delete_milestone     (LedgerStore      *self,
                                                const char       *uuid,
                                                GError          **error);
gboolean     ledger_store_save_sub_item        (LedgerStore          *self,
                                                const LedgerSubItem  *item,
                                                GError              **error);
gboolean     ledger_store_delete_sub_item      (LedgerStore      *self,
                                                const char       *uuid,
                                                GError          **error);
gboolean     ledger_store_set_task_units       (LedgerStore      *self,
                                                const char       *task_uuid,
                                                const char       *lead_unit,
                                                const char       *supporting_units,
                                                GError          **error);
GPtrArray   *ledger_store_list_milestones      (LedgerStore      *self,
                                                const char       *owner_uuid,
                                                GError          **error);
gboolean     ledger_store_reload_follow_up     (LedgerStore      *self,
                                                LedgerTask       *task,
                                                LedgerIndicator  *indicator,
                                                GError          **error);
/* What the follow-up says of an indicator (ledger_store_read_plan_follow_up()). */
typedef void (*LedgerFollowUpFunc) (gint64   indicator_id,
                                    gboolean overdue,
                                    gboolean behind,
                                    gpointer user_data);
gboolean     ledger_store_read_plan_follow_up  (LedgerStore        *self,
                                                gint64              indicator_id,
                                                const char         *today,
                                                LedgerFollowUpFunc  func,
                                                gpointer            user_data);
LedgerMilestone *ledger_store_find_overdue_milestone (LedgerStore *self,
                                                gint64            indicator_id,
                                                const char       *today);
gboolean     ledger_store_has_sub_item_behind  (LedgerStore      *self,
                                                gint64            indicator_id);
GListModel  *ledger_store_list_changes         (LedgerStore      *self,
                                                const char       *entity_uuid);
LedgerIndicator *ledger_store_find_earlier_indicator (LedgerStore *self,
                                                      LedgerPlan  *plan,
                                                      const char  *code);
gboolean     ledger_store_can_undo             (LedgerStore      *self);
gboolean     ledger_store_undo                 (LedgerStore      *self,
                                                GError          **error);
void         ledger_store_take_changes_from    (LedgerStore      *self,
                                                LedgerStore      *other);
gboolean     ledger_store_backup_to            (LedgerStore      *self,
                                                const char       *path,
                                                GError          **error);
gboolean     ledger_store_backup_daily         (LedgerStore      *self,
                                                GDateTime        *today,
                                                GError          **error);
char        *ledger_store_backup_named         (LedgerStore      *self,
                                                const char       *what,
                                                GError          **error);
char        *ledger_store_dup_backup_folder    (LedgerStore      *self);
char        *ledger_store_dup_backups_root_of  (const char       *ledger_path);
GPtrArray   *ledger_store_list_backups         (LedgerStore      *self);
GPtrArray   *ledger_store_list_backups_of      (const char       *ledger_path);
/* Moving a ledger between a file and the office's server. */
gboolean     ledger_store_copy_to              (LedgerStore       *self,
                                                const char        *location,
                                                LedgerJobProgress *progress,
                                                GCancellable      *cancellable,
                                                GError           **error);
GStrv        ledger_store_list_copied_tables   (void);
char        *ledger_store_get_copied_columns   (const char        *table);
gint64       ledger_store_count_rows           (LedgerStore       *self,
                                                const char        *table,
                                                GError           **error);
gboolean     ledger_store_restore_from         (LedgerStore      *self,
                                                const char       *path,
                                                char            **safety_copy,
                                                GError          **error);
gboolean     ledger_store_begin_read           (LedgerStore  *self,
                                                GError      **error);
void         ledger_store_end_read             (LedgerStore  *self);
guint        ledger_store_count_changes        (LedgerStore  *self);
gboolean     ledger_store_check                (LedgerStore  *self,
                                                GString      *report);
LedgerAttachment *ledger_store_add_attachment  (LedgerStore       *self,
                                                gint64             indicator_id,
                                                const char        *period,
                                                const char        *path,
                                                const char        *name,
                                                guint64            limit,
                                                GCancellable      *cancellable,
                                                GError           **error);
GPtrArray   *ledger_store_list_attachments     (LedgerStore       *self,
                                                gint64             indicator_id,
                                                const char        *period,
                                                GError           **error);
gboolean     ledger_store_remove_attachment    (LedgerStore       *self,
                                                const char        *uuid,
                                                GError           **error);
GBytes      *ledger_store_read_attachment      (LedgerStore       *self,
                                                LedgerAttachment  *attachment,
                                                GError           **error);
gboolean     ledger_store_save_attachment      (LedgerStore       *self,
                                                LedgerAttachment  *attachment,
                                                const char        *path,
                                                GError           **error);

G_END_DECLS
