/* ledger-window-private.h
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ledger-connection-bar.h"
#include "ledger-job-bar.h"
#include "ledger-window.h"

G_BEGIN_DECLS

struct _LedgerWindow
{
  AdwApplicationWindow  parent_instance;

  LedgerStore          *store;
  LedgerContext        *context;
  GSettings            *settings;
  GPtrArray            *plans;
  LedgerPlan           *plan;
  GPtrArray            *as_of_codes;
  gboolean              filling_as_of;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  LedgerConnectionBar  *connection_bar;
  AdwWindowTitle       *sidebar_title;
  GtkWidget            *read_only_notice;
  GtkLabel             *read_only_label;
  GtkDropDown          *plan_dropdown;
  GtkListBox           *sidebar_list;
  AdwWindowTitle       *content_title;
  GtkDropDown          *as_of_dropdown;
  GtkStack             *pages;
  GtkWidget            *back_button;
  LedgerJobBar         *job_bar;
  char                 *return_page;
  GtkWidget            *return_focus;  /* weak: the row an indicator was opened from */
};

void ledger_window_class_install_actions (GtkWidgetClass *widget_class);
void ledger_window_class_install_exchange_actions (GtkWidgetClass *widget_class);
GCancellable *ledger_window_start_job     (LedgerWindow      *self,
                                          const char        *title,
                                          LedgerJobProgress *progress);
gboolean ledger_window_end_job           (LedgerWindow   *self,
                                          GAsyncResult   *result,
                                          const char     *heading,
                                          GError         *error);
void ledger_window_show_error            (LedgerWindow   *self,
                                          const char     *heading,
                                          const char     *message);
GtkFileFilter *ledger_window_file_filter (const char     *name,
                                          const char     *pattern,
                                          const char     *mime_type);
void ledger_window_show_content          (LedgerWindow   *self);
void ledger_window_update_back_button    (LedgerWindow   *self);
gboolean ledger_window_close_indicator   (LedgerWindow   *self);
void ledger_window_show_indicator        (LedgerWindow    *self,
                                          LedgerIndicator *indicator);
void ledger_window_add_toast             (LedgerWindow   *self,
                                          const char     *title);
void ledger_window_add_undo_toast        (LedgerWindow   *self,
                                          const char     *title);

G_END_DECLS
