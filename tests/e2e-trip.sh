#!/usr/bin/env bash
# End to end: a ledger on the office's server taken on a trip as a file
# and brought back. The desk copies the server's ledger to a file, fills
# in figures there while another desk goes on saving on the server, and
# brings its own figures back as a data package: what is new is added,
# what the server holds differently is shown as a conflict and never
# overwritten unseen. Needs LEDGER_TEST_SERVER (a "key=value" conninfo)
# and psql; skipped without them.
set -euo pipefail

bin=$(realpath "${1:?usage: $0 TARGET-LEDGER}")
plan=$(realpath "$(dirname "$0")/core/data/regions-plan.json")
# shellcheck source=tests/lib.sh
source "$(dirname "$0")/lib.sh"

server=${LEDGER_TEST_SERVER:-}
if [ -z "$server" ] || [[ "$server" == postgres* ]] || ! command -v psql > /dev/null; then
  echo "ok - the trip # SKIP LEDGER_TEST_SERVER is not a conninfo, or no psql"
  exit 0
fi

database=trip_e2e_$$
psql -q "$server" -c "CREATE DATABASE $database"
trap 'psql -q "$server" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)"; chmod -R u+w "$work"; rm -rf "$work"' EXIT
office="$server dbname=$database"
trip=$work/trip.sqlite3
fails () { ! "$@" > "$work/out" 2> "$work/err"; }
record () {  # record LEDGER CODE,PERIOD,VALUE…
  local ledger=$1; shift
  printf '%s\n' 'code,period,value' "$@" > "$work/record.csv"
  "$bin" --db "$ledger" --import-csv "$work/record.csv" > /dev/null
}
# figure LEDGER CODE PERIOD: the figure the ledger holds, as its CSV says.
figure () {
  "$bin" --db "$1" --export-csv "$work/figures.csv" > /dev/null
  awk -F, -v code="$2" -v period="$3" '$4 == code && $13 == period { print $14 }' "$work/figures.csv"
}

"$bin" --db "$office" --import-plan "$plan" > /dev/null
check "the office records May" record "$office" 'new-urban-jobs,2026-05,0.9'

# The trip: the ledger as a file, filled in away from the office.
check "the ledger is copied to a file for the trip" "$bin" --db "$office" --copy-ledger "$trip"
check "June is filled in on the trip" record "$trip" 'new-urban-jobs,2026-06,1.1'
check "and May corrected" record "$trip" 'new-urban-jobs,2026-05,1.0'
# Meanwhile another desk saves July on the server.
check "another desk saves July at the office" record "$office" 'new-urban-jobs,2026-07,1.3'

# Back: the trip's figures of the unit, as a package.
check "the trip's figures are packed" \
  "$bin" --db "$trip" --export-package "$work/trip.tlpkg" --unit 市人社局 --from 2026-01 --to 2026-12
check "a changed figure is a conflict: nothing is imported" \
  fails "$bin" --db "$office" --import-package "$work/trip.tlpkg"
check "the conflict is named" grep -q 'new-urban-jobs), 2026-05' "$work/out"
check "June is not half-imported" test -z "$(figure "$office" new-urban-jobs 2026-06)"
check "the rest is imported, keeping the server's May" \
  "$bin" --db "$office" --import-package "$work/trip.tlpkg" --prefer-ledger
check "June from the trip is on the server" test "$(figure "$office" new-urban-jobs 2026-06)" = 1.1
check "May is the server's still" test "$(figure "$office" new-urban-jobs 2026-05)" = 0.9
check "July, the other desk's, is kept" test "$(figure "$office" new-urban-jobs 2026-07)" = 1.3
check "the file from the trip is as it was" test "$(figure "$trip" new-urban-jobs 2026-05)" = 1

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
