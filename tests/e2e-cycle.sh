#!/usr/bin/env bash
# End to end: the month's cycle from the command line. A closed month
# refuses a CSV import and a data package, and takes them once reopened
# with a reason; the change log names who and why; the completeness CSV
# counts the figures due, received and on time (docs/monthly-cycle.md).
set -euo pipefail

bin=$(realpath "${1:?usage: $0 TARGET-LEDGER}")
# shellcheck source=tests/lib.sh
source "$(dirname "$0")/lib.sh"

db=$work/cycle.sqlite3
fails () { ! "$@" > "$work/out" 2> "$work/err"; }

printf '%s\n' 'indicator,period,value' '新增城镇就业,2026-03,1.1' > "$work/march.csv"
printf '%s\n' 'indicator,period,value' '地区生产总值增长,2026-Q1,5.2' > "$work/quarter.csv"
check "a value of March goes in" "$bin" --db "$db" --import-csv "$work/march.csv"
check "March is reviewed" "$bin" --db "$db" --review-period 2026-03 --plan changzhi-2026
check "March is closed" "$bin" --db "$db" --close-period 2026-03 --plan changzhi-2026

printf '%s\n' 'indicator,period,value' '新增城镇就业,2026-03,1.4' > "$work/change.csv"
check "a CSV import into March is refused" fails "$bin" --db "$db" --import-csv "$work/change.csv"
check "the refusal names the period" grep -q '2026-03 is closed' "$work/err"
check "so is the first quarter's figure" fails "$bin" --db "$db" --import-csv "$work/quarter.csv"
"$bin" --db "$db" --export-csv - > "$work/closed.csv"
check "March still holds its value" grep -q ',new-urban-jobs,.*,2026-03,1.1,' "$work/closed.csv"

# A unit's data package for March, made in its own ledger.
"$bin" --db "$work/unit.sqlite3" --import-csv "$work/quarter.csv" > /dev/null
"$bin" --db "$work/unit.sqlite3" --export-package "$work/stats.tlpkg" --unit 市统计局 > /dev/null
check "a data package into March is refused" fails "$bin" --db "$db" --import-package "$work/stats.tlpkg"

check "reopening needs a reason" fails "$bin" --db "$db" --reopen-period 2026-03 --plan changzhi-2026
check "reopened with a reason" "$bin" --db "$db" --reopen-period 2026-03 --plan changzhi-2026 \
  --reason "市人社局 corrected the figure"
check "the CSV import goes in now" "$bin" --db "$db" --import-csv "$work/change.csv"
check "the package goes in now" "$bin" --db "$db" --import-package "$work/stats.tlpkg"
"$bin" --db "$db" --export-changes - > "$work/changes.csv"
check "the log has the closing" grep -q ',update,period,changzhi-2026,2026-03,"{""state"":""reviewed""}","{""state"":""closed""}",' "$work/changes.csv"
check "the log has the reopening and why" grep -q '"{""state"":""open"",""reason"":""市人社局 corrected the figure""}"' "$work/changes.csv"

# Completeness as of March: the 市人社局's and the 市统计局's figures came in.
check "completeness export" "$bin" --db "$db" --export-completeness "$work/completeness.csv" --as-of 2026-03 \
  --plan changzhi-2026
check "its header" grep -q $'^\xEF\xBB\xBF''unit,period,due_date,due,received,on_time,days_late' "$work/completeness.csv"
check "a unit's row: due the 10th, one of three received" grep -q '^市人社局,2026-03,2026-04-10,3,1,0,' "$work/completeness.csv"
check "the office's row last" bash -c "tail -n 1 '$work/completeness.csv' | grep -q '^Office total,2026-03,2026-04-10,[0-9]*,2,0,'"
check "a bad period is refused" fails "$bin" --db "$db" --close-period 2026-13
check "--reason alone is a mistake" fails "$bin" --db "$db" --reason x

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
