#!/usr/bin/env bash
# End to end: the built binary, with a temporary HOME, as a user's script
# would drive it. Exports the ledger, imports values from CSV, exports again
# and compares; then checks that bad input changes nothing.
set -euo pipefail

bin=${1:?usage: $0 TARGET-LEDGER}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work/home XDG_DATA_HOME=$work/home/.local/share XDG_CONFIG_HOME=$work/home/.config
mkdir -p "$HOME"

failures=0
passed=0
check () {  # check NAME COMMAND…: a step that must succeed
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok - $name"
  else failures=$((failures + 1)); echo "not ok - $name"; fi
}

default_db=$XDG_DATA_HOME/target-ledger/ledger.sqlite3

# 1. A first export creates the default ledger with the built-in plan.
"$bin" --export-csv "$work/empty.csv"
check "default ledger created" test -f "$default_db"
check "default ledger is private (0600)" test "$(stat -c %a "$default_db")" = 600
check "export has the header" grep -q '^plan,area,task,code,indicator,unit,kind,comparator,better,target,period,value,pace,progress,status,responsible_unit,note,source$' "$work/empty.csv"
check "export holds the GDP target" grep -q '^changzhi-2026,主要预期目标,地区生产总值增长,gdp-growth,' "$work/empty.csv"

# 2. Values from a CSV written as an office would (GB18030, as WPS saves on
# Chinese Windows, with a quoted note holding a comma and a line break).
printf '%s\n' \
  'indicator,period,value,note,source' \
  '新增城镇就业,2026-06,"2.6","上半年, 人社局口径' \
  '含灵活就业",市人社局' \
  '地区生产总值增长,2026-Q2,5.8,,市统计局' \
  | iconv -f UTF-8 -t GB18030 > "$work/values.csv"
check "import of a GB18030 CSV" "$bin" --import-csv "$work/values.csv"

"$bin" --export-csv "$work/first.csv"
check "the imported value is exported" grep -q ',new-urban-jobs,新增城镇就业,万人,cumulative,at_least,higher,4.3,2026-06,2.6,0.5,' "$work/first.csv"
check "the quarterly value is exported" grep -q ',gdp-growth,地区生产总值增长,%,rate,about,higher,6,2026-Q2,5.8,0.5,' "$work/first.csv"

# 3. The export, imported into a new ledger, gives the same export.
"$bin" --db "$work/second.sqlite3" --import-csv "$work/first.csv" >/dev/null
"$bin" --db "$work/second.sqlite3" --export-csv - > "$work/second.csv"
check "export → import → export is identical" cmp -s "$work/first.csv" "$work/second.csv"

# 4. A file with one bad row imports nothing and says which line.
printf '%s\n' 'code,period,value' 'gdp-growth,2026-Q3,6.1' 'new-urban-jobs,2026-09,lots' > "$work/bad.csv"
if "$bin" --import-csv "$work/bad.csv" 2> "$work/bad.err"; then failed=0; else failed=1; fi
check "a bad CSV is refused" test $failed = 1
check "the message names line 3" grep -q 'Line 3' "$work/bad.err"
"$bin" --export-csv "$work/after-bad.csv"
check "a refused CSV changes nothing" cmp -s "$work/first.csv" "$work/after-bad.csv"

# 5. A file that is not a ledger is refused and left as it was.
echo "not a ledger" > "$work/notes.txt"
before=$(sha256sum < "$work/notes.txt")
if "$bin" --db "$work/notes.txt" --export-csv - > /dev/null 2> "$work/notes.err"; then failed=0; else failed=1; fi
check "a file that is not a ledger is refused" test $failed = 1
check "with a clear message" grep -q 'not a ledger' "$work/notes.err"
check "and is left untouched" test "$before" = "$(sha256sum < "$work/notes.txt")"

# 6. Plans as files: exported, imported into a new ledger, exported again:
# identical. A malformed plan file is refused with its line, adding nothing.
"$bin" --export-plan "$work/plans.json"
check "import of the exported plans into a new ledger" "$bin" --db "$work/plans.sqlite3" --import-plan "$work/plans.json"
"$bin" --db "$work/plans.sqlite3" --export-plan "$work/plans-again.json"
check "export → import → export of plans is identical" cmp -s "$work/plans.json" "$work/plans-again.json"
sed 's/"kind": "rate"/"kind": "speed"/' "$work/plans.json" > "$work/bad-plan.json"
if "$bin" --db "$work/bad-plan.sqlite3" --import-plan "$work/bad-plan.json" 2> "$work/bad-plan.err"; then failed=0; else failed=1; fi
check "a malformed plan file is refused" test $failed = 1
check "with the line and the reason" grep -q 'line [0-9]*, plans\[0\].*“speed” is not a valid kind' "$work/bad-plan.err"
check "and leaves no ledger behind" test ! -e "$work/bad-plan.sqlite3"

# 7. The change log is kept and exported; a backup restores what was.
"$bin" --export-changes "$work/changes.csv"
check "the change log names the import's file" grep -q ',insert,value,new-urban-jobs,2026-06,.*,values.csv$' "$work/changes.csv"
"$bin" --backup "$work/backup.sqlite3" > /dev/null
printf '%s\n' 'code,period,value' 'gdp-growth,2026-Q2,9.9' > "$work/mistake.csv"
"$bin" --import-csv "$work/mistake.csv" > /dev/null
"$bin" --restore "$work/backup.sqlite3" > /dev/null
"$bin" --export-csv "$work/restored.csv"
check "a restored backup brings back what was" cmp -s "$work/first.csv" "$work/restored.csv"
check "the ledger as it was is kept beside" ls "$XDG_DATA_HOME"/target-ledger/backups/before-restore-*.sqlite3

# 8. --check passes on a good ledger.
check "--check on a good ledger" "$bin" --check

# 9. Writing the export into a folder that does not exist fails cleanly.
if "$bin" --export-csv "$work/missing/out.csv" 2>/dev/null; then failed=0; else failed=1; fi
check "export into a missing folder fails" test $failed = 1

# 10. The monthly report as a PDF: as of the latest period with a value, or
# the one asked for, of the first plan or another; a bad period or plan is
# refused with a clear message and writes nothing.
check "a report of the ledger" "$bin" --report "$work/report.pdf"
check "the report is a PDF of several pages" \
  sh -c "pdfinfo '$work/report.pdf' | grep -Eq '^Pages: +([3-9]|[1-9][0-9]+)\$'"
check "as of the latest value's period" sh -c "pdftotext '$work/report.pdf' - | grep -q 'As of Jan–Jun (H1)'"
check "a report as of another period" "$bin" --report "$work/q1.pdf" --as-of 2026-Q1
check "is as of that period" sh -c "pdftotext '$work/q1.pdf' - | grep -q 'As of Jan–Mar (Q1)'"
check "a report of another plan" "$bin" --report "$work/goals.pdf" --plan changzhi-15th-five-year --as-of 2027
check "is of that plan" sh -c "pdftotext '$work/goals.pdf' - | grep -q '十五五'"
refused () {  # refused NAME PATTERN ARGS…: fails, says PATTERN, writes no report
  local name=$1 pattern=$2; shift 2
  if "$bin" --report "$work/refused.pdf" "$@" 2> "$work/refused.err"; then failed=0; else failed=1; fi
  check "$name is refused" test $failed = 1
  check "$name: the message says why" grep -q "$pattern" "$work/refused.err"
  check "$name: no report is written" test ! -e "$work/refused.pdf"
}
refused "a period that is not one" 'is not a period' --as-of 2026-13
refused "a period outside the plan" 'outside the years of the plan' --as-of 2031-06
refused "an unknown plan" 'No plan has the code “nope”' --plan nope
if "$bin" --report "$work/missing/report.pdf" 2> "$work/missing.err"; then failed=0; else failed=1; fi
check "a report into a missing folder fails" test $failed = 1
check "with the reason" grep -q 'Could not write the report' "$work/missing.err"

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
