#!/usr/bin/env bash
# End to end: --copy-ledger moves a ledger to a new file and, when
# LEDGER_TEST_SERVER names a throwaway PostgreSQL cluster (a libpq
# "key=value" conninfo; psql must be on the PATH), to an empty database
# there and back. Each copy exports the same CSV, change log and
# attachments as the ledger it came from.
set -euo pipefail

bin=$(realpath "${1:?usage: $0 TARGET-LEDGER}")
plan=$(realpath "$(dirname "$0")/core/data/regions-plan.json")
# shellcheck source=tests/lib.sh
source "$(dirname "$0")/lib.sh"

ledger=$work/ledger.sqlite3
fails () { ! "$@" > "$work/out" 2> "$work/err"; }
copy () { "$bin" --db "$1" --copy-ledger "$2" > "$work/copied.txt"; }  # copy FROM TO

# Exports $1's CSV, change log and attachments into the folder $2.
export_all () {
  mkdir -p "$2"
  "$bin" --db "$1" --export-csv "$2/values.csv" > /dev/null
  "$bin" --db "$1" --export-changes "$2/changes.csv" > /dev/null
  "$bin" --db "$1" --export-attachments "$2/attachments" > /dev/null
}

# A ledger with regions, figures, an attachment and a change log.
"$bin" --db "$ledger" --import-plan "$plan" > /dev/null
printf '%s\n' 'code,period,value,region' 'new-urban-jobs,2026-03,0.4,潞州区' 'new-urban-jobs,2026-06,0.7,潞州区' \
  'new-urban-jobs,2026-06,1.1,' > "$work/values.csv"
check "the ledger records its figures" "$bin" --db "$ledger" --import-csv "$work/values.csv"
printf '会议纪要\n' > "$work/minutes.txt"
check "and an attachment" "$bin" --db "$ledger" --attach "$work/minutes.txt" --code new-urban-jobs --period 2026-06
export_all "$ledger" "$work/ledger"

# File to file.
check "the ledger is copied to a new file" copy "$ledger" "$work/copy.sqlite3"
check "the copy is told with its counts" \
  grep -q "^Copied 1 plan, 3 values and 1 attachment to $work/copy.sqlite3\$" "$work/copied.txt"
export_all "$work/copy.sqlite3" "$work/copy"
check "the copy exports the same CSV" cmp -s "$work/ledger/values.csv" "$work/copy/values.csv"
check "the same change log" cmp -s "$work/ledger/changes.csv" "$work/copy/changes.csv"
check "the same attachments" diff -r "$work/ledger/attachments" "$work/copy/attachments"
check "a file that exists is refused" fails "$bin" --db "$ledger" --copy-ledger "$work/minutes.txt"
check "it says so" grep -q 'already exists' "$work/err"
check "and leaves the file as it was" grep -q '会议纪要' "$work/minutes.txt"
check "a mistyped --db is not copied" fails "$bin" --db "$work/typo.sqlite3" --copy-ledger "$work/typo-copy.sqlite3"
check "it holds no plan" grep -q 'holds no plan' "$work/err"
check "and is not left behind, nor a copy" test ! -e "$work/typo.sqlite3" -a ! -e "$work/typo-copy.sqlite3"
check "nothing but the copy is left beside it" test "$(find "$work" -maxdepth 1 -name '.copy*' | wc -l)" -eq 0

# File to server and back, if there is a server to copy to.
server=${LEDGER_TEST_SERVER:-}
if [ -z "$server" ] || [[ "$server" == postgres* ]] || ! command -v psql > /dev/null; then
  echo "ok - the server's steps # SKIP LEDGER_TEST_SERVER is not a conninfo, or no psql"
else
  database=copy_e2e_$$
  psql -q "$server" -c "CREATE DATABASE $database"
  trap 'psql -q "$server" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)"; rm -rf "$work"' EXIT
  # Trust authentication asks for no password: this one is never said.
  location="$server dbname=$database password=sekrit"
  check "the ledger is copied to the server" copy "$ledger" "$location"
  check "which is named without its password" grep -q "^Copied 1 plan, 3 values and 1 attachment to $database on " \
    "$work/copied.txt"
  check "the password is never said" fails grep -q sekrit "$work/copied.txt"
  check "a database that holds a ledger is refused" fails "$bin" --db "$ledger" --copy-ledger "$location"
  check "it says so" grep -q 'already holds a ledger' "$work/err"
  check "the server's ledger is copied back to a file" copy "$location" "$work/back.sqlite3"
  export_all "$work/back.sqlite3" "$work/back"
  check "the file back exports the same CSV" cmp -s "$work/ledger/values.csv" "$work/back/values.csv"
  check "the same change log" cmp -s "$work/ledger/changes.csv" "$work/back/changes.csv"
  check "the same attachments" diff -r "$work/ledger/attachments" "$work/back/attachments"
  check "the server's own CSV is the same" "$bin" --db "$location" --export-csv "$work/server.csv"
  check "as the ledger's" cmp -s "$work/ledger/values.csv" "$work/server.csv"
fi

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
