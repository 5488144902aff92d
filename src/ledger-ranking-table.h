/* ledger-ranking-table.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A column of a ranking table: its heading, and whether it holds numbers
 * (right-aligned, with tabular figures). */
typedef struct
{
  const char *title;
  gboolean    numeric;
} LedgerRankingColumn;

#define LEDGER_TYPE_RANKING_TABLE (ledger_ranking_table_get_type ())

G_DECLARE_FINAL_TYPE (LedgerRankingTable, ledger_ranking_table, LEDGER, RANKING_TABLE, GtkWidget)

GtkWidget  *ledger_ranking_table_new           (void);
void        ledger_ranking_table_set_columns   (LedgerRankingTable        *self,
                                                const LedgerRankingColumn *columns,
                                                guint                      n_columns);
void        ledger_ranking_table_clear         (LedgerRankingTable        *self);
GtkWidget  *ledger_ranking_table_append        (LedgerRankingTable        *self,
                                                GtkWidget                **cells,
                                                const char                *label);
guint       ledger_ranking_table_get_n_rows    (LedgerRankingTable        *self);
GtkWidget  *ledger_ranking_table_get_row       (LedgerRankingTable        *self,
                                                guint                      row);
const char *ledger_ranking_table_get_text      (LedgerRankingTable        *self,
                                                guint                      row,
                                                guint                      column);
GtkWidget  *ledger_ranking_table_get_cell      (LedgerRankingTable        *self,
                                                guint                      row,
                                                guint                      column);

G_END_DECLS
