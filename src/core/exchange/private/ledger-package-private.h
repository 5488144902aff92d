/* ledger-package-private.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-package.h"

G_BEGIN_DECLS

/* The package is one class in two files: ledger-package.c (the object)
 * and ledger-package-read.c (reading it from its file). */

struct _LedgerPackage
{
  GObject    parent_instance;

  char      *unit;
  char      *from;
  char      *to;
  char      *exported_at;
  char      *exported_by;
  char      *file_name;
  char      *origin;
  GPtrArray *plans;    /* of LedgerPackagePlan */
  GPtrArray *entries;  /* of LedgerPackageEntry */
  GPtrArray *attachments;  /* of LedgerPackageAttachment */
};

G_GNUC_INTERNAL void ledger_package_add_plan  (LedgerPackage *self,
                                               const char    *uuid,
                                               const char    *code,
                                               const char    *title,
                                               const char    *for_region);

G_END_DECLS
