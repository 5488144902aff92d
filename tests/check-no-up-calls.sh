#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: check-no-up-calls.sh SRC
# Pages and dialogs reach the main window through its actions (win.toast,
# win.undo-toast, win.show-indicator, win.select-page; see
# docs/architecture.md), never by calling it: no file of SRC but the
# window's own (ledger-window*.c) includes ledger-window-private.h or calls
# a ledger_window_ function. The application creates the window, so
# ledger-application.c may include ledger-window.h and call
# ledger_window_new(), and nothing else of it.
set -u
src=${1:?usage: $0 SRC}
[ -f "$src/ledger-window.c" ] || { echo "no main window in $src" >&2; exit 1; }
status=0

complain () {  # complain FILE WHAT
  echo "$1: $2" >&2
  status=1
}

for file in "$src"/*.c "$src"/*.h; do
  name=$(basename "$file")
  case $name in
    ledger-window*) continue ;;
  esac
  if grep -nE '#include *"ledger-window-private\.h"' "$file"; then
    complain "$file" "includes the window's private header"
  fi
  if [ "$name" != ledger-application.c ] && grep -nE '#include *"ledger-window\.h"' "$file"; then
    complain "$file" "includes ledger-window.h: activate the window's actions instead"
  fi
  calls=$(grep -nE '\bledger_window_[a-z_]+ *\(' "$file")
  if [ "$name" = ledger-application.c ]; then
    calls=$(printf '%s' "$calls" | grep -vE '\bledger_window_new *\(' || true)
  fi
  if [ -n "$calls" ]; then
    printf '%s\n' "$calls" >&2
    complain "$file" "calls the window: activate its actions instead"
  fi
done
exit $status
