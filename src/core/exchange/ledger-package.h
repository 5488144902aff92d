/* ledger-package.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ledger-store.h"

G_BEGIN_DECLS

/* A department data package (部门填报数据包, docs/package-format.md): the
 * values a responsible unit recorded in its own copy of the ledger for a
 * range of periods, to be merged into the planning office's ledger. */

#define LEDGER_PACKAGE_ERROR (ledger_package_error_quark ())
#define LEDGER_PACKAGE_FORMAT "target-ledger-package"
/* The newest version read and written; a package without attachments is
 * written as version 1, which older versions of the program read too;
 * with attachments, as version 2; with regions (docs/regions.md), 3. */
#define LEDGER_PACKAGE_VERSION 3
#define LEDGER_PACKAGE_EXTENSION ".tlpkg"

typedef enum
{
  LEDGER_PACKAGE_ERROR_SYNTAX,    /* not JSON */
  LEDGER_PACKAGE_ERROR_FORMAT,    /* not a data package, or of another version */
  LEDGER_PACKAGE_ERROR_INVALID,   /* a member is missing or wrong; a bad argument */
  LEDGER_PACKAGE_ERROR_NO_VALUES, /* export: the unit has no values to export */
  LEDGER_PACKAGE_ERROR_STALE,     /* merge: the ledger changed since the preview */
} LedgerPackageError;

/* A plan the package's indicators belong to, as the exporting ledger has it. */
typedef struct
{
  char *uuid;
  char *code;
  char *title;
  char *for_region;  /* the region whose copy of the city's plan this is, or "" */
} LedgerPackagePlan;

/* One value of a package. The value's indicator id is 0: the indicator is
 * known by its UUID, and ids are each ledger's own. Its region is the
 * value's (ledger_value_get_region()). */
typedef struct
{
  char        *indicator;  /* the indicator's UUID, in lower case */
  char        *code;       /* the indicator's code and name in the exporting ledger */
  char        *name;
  LedgerValue *value;      /* with its updated_at and updated_by */
} LedgerPackageEntry;

/* A file attached to one of the package's values (佐证材料), whole. */
typedef struct
{
  char   *indicator;   /* the indicator's UUID, in lower case */
  char   *code;        /* its code in the exporting ledger, for messages */
  char   *period;
  char   *name;
  char   *media_type;
  char   *sha256;
  GBytes *content;
} LedgerPackageAttachment;

#define LEDGER_TYPE_PACKAGE (ledger_package_get_type ())

G_DECLARE_FINAL_TYPE (LedgerPackage, ledger_package, LEDGER, PACKAGE, GObject)

GQuark                    ledger_package_error_quark      (void);
LedgerPackage            *ledger_package_read             (const char     *data,
                                                           gsize           length,
                                                           const char     *file_name,
                                                           GError        **error);
LedgerPackage            *ledger_package_load             (GFile          *file,
                                                           GError        **error);
const char               *ledger_package_get_unit         (LedgerPackage  *self);
const char               *ledger_package_get_from         (LedgerPackage  *self);
const char               *ledger_package_get_to           (LedgerPackage  *self);
const char               *ledger_package_get_exported_at  (LedgerPackage  *self);
const char               *ledger_package_get_exported_by  (LedgerPackage  *self);
const char               *ledger_package_get_file_name    (LedgerPackage  *self);
const char               *ledger_package_get_origin       (LedgerPackage  *self);
guint                     ledger_package_get_n_plans      (LedgerPackage  *self);
const LedgerPackagePlan  *ledger_package_get_plan         (LedgerPackage  *self,
                                                           guint           index);
guint                     ledger_package_get_n_entries    (LedgerPackage  *self);
const LedgerPackageEntry *ledger_package_get_entry        (LedgerPackage  *self,
                                                           guint           index);
guint                     ledger_package_get_n_attachments (LedgerPackage *self);
const LedgerPackageAttachment *ledger_package_get_attachment (LedgerPackage *self,
                                                           guint           index);

/* Export (ledger-package-export.c) */
char      **ledger_responsible_unit_split       (const char    *responsible_unit);
gboolean    ledger_responsible_unit_names       (const char    *responsible_unit,
                                                 const char    *unit);
void        ledger_responsible_units_add        (GPtrArray     *units,
                                                 const char    *responsible_unit);
gboolean    ledger_unit_takes_part              (const char      *unit,
                                                 LedgerNode      *task,
                                                 LedgerIndicator *indicator);
void        ledger_units_add_taking_part        (GPtrArray       *units,
                                                 LedgerNode      *task,
                                                 LedgerIndicator *indicator);
GPtrArray  *ledger_package_list_units           (LedgerStore   *store,
                                                 GError       **error);
char       *ledger_package_export               (LedgerStore   *store,
                                                 const char    *unit,
                                                 const char    *from_period,
                                                 const char    *to_period,
                                                 GError       **error);
gboolean    ledger_package_export_to_file       (LedgerStore   *store,
                                                 const char    *unit,
                                                 const char    *from_period,
                                                 const char    *to_period,
                                                 const char    *path,
                                                 GError       **error);
gboolean    ledger_package_export_to_file_reporting (LedgerStore       *store,
                                                 const char        *unit,
                                                 const char        *from_period,
                                                 const char        *to_period,
                                                 const char        *path,
                                                 LedgerJobProgress *progress,
                                                 GCancellable      *cancellable,
                                                 GError           **error);
char       *ledger_package_suggest_file_name    (const char    *unit,
                                                 const char    *from_period,
                                                 const char    *to_period);

G_END_DECLS
