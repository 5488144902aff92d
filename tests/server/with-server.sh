#!/usr/bin/env bash
# Runs a command with LEDGER_TEST_SERVER set to a PostgreSQL cluster's
# connection string (docs/testing.md):
#
#   tests/server/with-server.sh CMD [ARGS…]
#
# When LEDGER_TEST_SERVER is set already (build-aux/dev test starts one
# cluster for every test), CMD uses that one; otherwise a throwaway cluster
# is started in a temporary folder and removed when CMD ends, however it
# ends. Exits with CMD's status.
set -uo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 CMD [ARGS…]" >&2
  exit 2
fi
if [ -n "${LEDGER_TEST_SERVER:-}" ]; then
  exec "$@"
fi

cluster=$(dirname "$0")/cluster.sh
dir=$(mktemp -d "${TMPDIR:-/tmp}/ledger-server-XXXXXX") || exit 1

remove_cluster () {
  "$cluster" stop "$dir" > /dev/null 2>&1 || true
  rm -rf "$dir"
}
trap remove_cluster EXIT
# A signal ends the script through the EXIT trap, the cluster with it.
trap 'exit 130' INT
trap 'exit 143' TERM

LEDGER_TEST_SERVER=$("$cluster" start "$dir") || exit 1
export LEDGER_TEST_SERVER
"$@"
