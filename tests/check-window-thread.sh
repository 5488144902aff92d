#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: check-window-thread.sh SRC
#        check-window-thread.sh --self-test SRC
# The window's thread does no work on more than one row of the ledger and
# writes no file: that work is a job of the core, an _async/_finish pair
# on a worker (docs/architecture.md, "Background work"). No file of SRC
# (the app; the command line in SRC/cli keeps its synchronous calls) calls
# the worker itself or one of the synchronous functions below, which the
# jobs wrap. The window's single-row writes (a value, an indicator, a unit)
# stay on its thread: its connection never waits on a lock, so they fail at
# once, keeping what was typed, while another program writes.
#
# Allowed on the window's thread, and why: single-row writes,
# ledger_store_add_builtin_plans() at start, before the window (only an
# empty ledger gets them), and the print dialog's report, which GTK draws
# on this thread page by page.
set -u

forbidden=(
  ledger_worker_run_async ledger_worker_read_async ledger_worker_run_on_async ledger_worker_run_finish
  ledger_store_backup_to ledger_store_backup_named ledger_store_backup_daily ledger_store_restore_from
  ledger_store_undo ledger_store_add_plans ledger_store_import_values ledger_store_import_values_from
  ledger_store_import_values_cancellable ledger_store_import_values_expecting
  ledger_store_import_values_with_attachments ledger_store_rename_unit ledger_store_delete_indicator
  ledger_plan_file_load ledger_plan_file_to_data
  ledger_csv_export_ledger ledger_csv_export_changes ledger_csv_import_read ledger_csv_import_apply
  ledger_csv_import_apply_or_reread ledger_csv_import_values
  ledger_xlsx_export ledger_report_write_pdf
  ledger_package_export ledger_package_export_to_file ledger_package_export_to_file_reporting
  ledger_package_load ledger_package_merge_new ledger_package_merge_apply ledger_package_merge_apply_reporting
  ledger_output_file_write ledger_output_file_begin
)

check () {  # check SRC: 0 if no file calls a forbidden function
  local src=$1 status=0 pattern
  [ -f "$src/ledger-window.c" ] || { echo "no main window in $src" >&2; return 2; }
  pattern="\\b($(IFS='|'; echo "${forbidden[*]}")) *\\("
  for file in "$src"/*.c; do
    if grep -nE "$pattern" "$file" >&2; then
      echo "$file: work on many rows or a file on the window's thread: call the core's _async job instead" >&2
      status=1
    fi
  done
  return $status
}

if [ "${1:-}" = --self-test ]; then
  src=${2:?usage: $0 --self-test SRC}
  copy=$(mktemp -d)
  trap 'rm -rf "$copy"' EXIT
  check "$src" 2>/dev/null || { echo "the tree itself fails the check" >&2; exit 1; }
  for call in "ledger_store_backup_named (store, \"manual\", NULL);" \
              "ledger_worker_run_async (store, NULL, NULL, NULL, NULL, NULL, NULL);" \
              "ledger_csv_export_ledger(store, NULL, NULL);" \
              "ledger_store_import_values (store, values, \"\", NULL);"; do
    rm -rf "$copy/src" && cp -r "$src" "$copy/src"
    printf 'static void planted (void) { %s }\n' "$call" >> "$copy/src/ledger-backups-window.c"
    if check "$copy/src" 2>/dev/null; then
      echo "a planted call was not caught: $call" >&2
      exit 1
    fi
  done
  exit 0
fi
check "${1:?usage: $0 SRC}"
