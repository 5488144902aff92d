/* ledger-report-private.h: what the parts of the report share
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-context.h"
#include "ledger-report-block.h"

G_BEGIN_DECLS

/* An indicator as the report sees it: where it stands as of the period. */
typedef struct
{
  LedgerNode      *area;
  LedgerNode      *task;
  LedgerIndicator *indicator;
  LedgerProgress   progress;
  LedgerValue     *value;      /* the value the standing is based on, or NULL */
} LedgerReportEntry;

typedef struct
{
  LedgerContext *context;
  LedgerPlan    *plan;
  GDateTime     *date;
  GPtrArray     *entries;     /* of LedgerReportEntry, in the plan's order */
  GPtrArray     *blocks;      /* of LedgerReportBlock: what is built */
} LedgerReportBuilder;

void  ledger_report_builder_init       (LedgerReportBuilder     *builder,
                                        LedgerContext           *context,
                                        LedgerPlan              *plan,
                                        GDateTime               *date);
void  ledger_report_builder_clear      (LedgerReportBuilder     *builder);

void  ledger_report_add_title_page     (LedgerReportBuilder     *builder);
void  ledger_report_add_summary        (LedgerReportBuilder     *builder);
void  ledger_report_add_areas          (LedgerReportBuilder     *builder);
void  ledger_report_add_tasks          (LedgerReportBuilder     *builder);
void  ledger_report_add_regions        (LedgerReportBuilder     *builder);
void  ledger_report_add_completeness   (LedgerReportBuilder     *builder);
void  ledger_report_add_evidence       (LedgerReportBuilder     *builder);

gboolean ledger_report_docx_write      (LedgerReportBuilder     *builder,
                                        const char              *title,
                                        int                      fd,
                                        GError                 **error);

gboolean ledger_report_entry_is_measured (const LedgerReportEntry *entry);
char *ledger_report_entry_value_text   (const LedgerReportEntry *entry);
char *ledger_report_entry_target_text  (const LedgerReportEntry *entry);
char *ledger_report_entry_period_text  (const LedgerReportEntry *entry);
char *ledger_report_format_percent     (double                   fraction);

G_END_DECLS
