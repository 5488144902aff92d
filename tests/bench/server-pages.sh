#!/usr/bin/env bash
# The window on a ledger on the office's server against the same window on
# a file: the ranking and overview pages' first build and their switches
# back and forth (as the ranking UI test prints them), with 13 regions and
# a year of figures, side by side in one run.
#
# Usage: tests/bench/server-pages.sh BUILDDIR [RUNS]
# Needs LEDGER_TEST_SERVER (a PostgreSQL connection string), or runs under
# tests/server/with-server.sh, which starts a throwaway cluster.
set -euo pipefail

builddir=$(realpath "${1:?usage: $0 BUILDDIR [RUNS]}")
runs=${2:-3}
here=$(dirname "$(realpath "$0")")
if [ -z "${LEDGER_TEST_SERVER:-}" ]; then
  exec "$here/../server/with-server.sh" "$0" "$@"
fi

run_ranking () {  # run_ranking LABEL [ENV…]
  local label=$1; shift
  for _ in $(seq "$runs"); do
    env "$@" GDK_BACKEND=x11 GSK_RENDERER=cairo GSETTINGS_BACKEND=memory \
        GSETTINGS_SCHEMA_DIR="$builddir/data" LANGUAGE=en \
        dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24" \
        "$builddir/tests/ui/test-ranking" -p /ranking/thirteen-regions 2>&1 \
      | sed -n 's/^# //p' | grep -E ' ms' | sed "s/^/$label: /"
  done
}

echo "== file"
run_ranking file
echo "== server"
run_ranking server LEDGER_TEST_UI_SERVER="$LEDGER_TEST_SERVER"
