#!/usr/bin/env bash
# End to end: the built binary, with a temporary HOME, as a user's script
# would drive it. Exports the ledger, imports values from CSV, exports again
# and compares; then checks that bad input changes nothing, and that a
# responsible unit's data package reaches the office's ledger.
set -euo pipefail

bin=${1:?usage: $0 TARGET-LEDGER}
schema_1=$(dirname "$0")/../src/core/ledger-schema-1.sql
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
check "export has the header" grep -q $'^\xEF\xBB\xBF''plan,area,task,code,indicator,unit,kind,comparator,better,target,period,value,pace,progress,status,responsible_unit,note,source$' "$work/empty.csv"
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
"$bin" --db "$work/second.sqlite3" --export-csv "$work/second.csv"
check "export → import → export is identical" cmp -s "$work/first.csv" "$work/second.csv"
check "a CSV file starts with a BOM for Excel and WPS" test "$(head -c 3 "$work/first.csv" | od -An -tx1 | tr -d ' ')" = efbbbf
"$bin" --db "$work/second.sqlite3" --export-csv - > "$work/stdout.csv"
check "standard output gets plain UTF-8" test "$(head -c 5 "$work/stdout.csv")" = "plan,"
"$bin" --db "$work/second.sqlite3" --export-csv "$work/gb.csv" --encoding gb18030
check "a GB18030 export is GB18030" iconv -f GB18030 -t UTF-8 -o "$work/gb-utf8.csv" "$work/gb.csv"
check "the GB18030 export holds the indicators" grep -q '新增城镇就业' "$work/gb-utf8.csv"
check "the GB18030 export is not UTF-8" bash -c "! iconv -f UTF-8 -t UTF-8 '$work/gb.csv' >/dev/null 2>&1"
"$bin" --db "$work/third.sqlite3" --import-csv "$work/gb.csv" > "$work/gb-import.out"
"$bin" --db "$work/third.sqlite3" --export-csv "$work/third.csv"
check "a GB18030 export imports back whole" cmp -s "$work/first.csv" "$work/third.csv"
if "$bin" --export-csv "$work/x.csv" --encoding latin1 2>/dev/null; then failed=0; else failed=1; fi
check "an unknown encoding is refused" test $failed = 1

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

# 10. The ledger as an XLSX workbook: a zip with a sheet per plan and charts.
check "--export-xlsx" "$bin" --export-xlsx "$work/ledger.xlsx"
check "the workbook is a zip with a first sheet" sh -c "unzip -l '$work/ledger.xlsx' | grep -q ' xl/worksheets/sheet1.xml$'"
check "the workbook has charts" sh -c "unzip -l '$work/ledger.xlsx' | grep -q ' xl/charts/chart1.xml$'"
check "the imported figure is in the first sheet" sh -c "unzip -p '$work/ledger.xlsx' xl/worksheets/sheet1.xml | grep -qF '<v>2.6</v>'"
check "--export-xlsx --as-of" "$bin" --export-xlsx "$work/march.xlsx" --as-of 2026-03
check "as of March, the June figure is left out" sh -c "! unzip -p '$work/march.xlsx' xl/worksheets/sheet1.xml | grep -qF '<v>2.6</v>'"
if "$bin" --export-xlsx "$work/bad.xlsx" --as-of June 2> "$work/bad-xlsx.err"; then failed=0; else failed=1; fi
check "a bad --as-of is refused" test $failed = 1
check "with a message that names it" grep -q '“June” is not a period' "$work/bad-xlsx.err"
if "$bin" --export-xlsx "$work/missing/out.xlsx" 2>/dev/null; then failed=0; else failed=1; fi
check "an XLSX export into a missing folder fails" test $failed = 1
check "and leaves nothing behind" sh -c "! ls -A '$work' | grep -q '\.xlsx\.'; test ! -e '$work/bad.xlsx'"

# 11. Department data packages: 市统计局 records its figures in its own copy
# of the ledger and exports them; the office imports the package. A value
# the office holds otherwise stops the import unless --prefer-ledger.
printf '%s\n' 'code,period,value,note,source' \
  'gdp-growth,2026-Q1,5.7,,市统计局快报' \
  'gdp-growth,2026-Q2,5.9,"初步核算, 含修订",市统计局' \
  'gdp-growth,2026-Q3,6.0,,' \
  'cpi-rise,2026-05,1.1,,' \
  'new-urban-jobs,2026-05,2.6,,' > "$work/stats.csv"
"$bin" --db "$work/unit.sqlite3" --import-csv "$work/stats.csv" > /dev/null
check "export of a unit's data package" "$bin" --db "$work/unit.sqlite3" --export-package "$work/stats.tlpkg" \
  --unit 市统计局 --from 2026-01 --to 2026-06
check "the package holds the unit's values" grep -q '"code": "cpi-rise"' "$work/stats.tlpkg"
if grep -q -e new-urban-jobs -e 2026-Q3 "$work/stats.tlpkg"; then other=1; else other=0; fi
check "and no other unit's, no other period" test $other = 0
check "import of the package into the office's ledger" "$bin" --db "$work/office.sqlite3" --import-package "$work/stats.tlpkg"
"$bin" --db "$work/office.sqlite3" --export-csv "$work/office.csv"
check "the values arrive" grep -q ',gdp-growth,地区生产总值增长,%,rate,about,higher,6,2026-Q2,5.9,0.5,.*"初步核算, 含修订",市统计局$' "$work/office.csv"
"$bin" --db "$work/office.sqlite3" --export-changes "$work/office-changes.csv"
check "the change log names the unit and the file" grep -q ',insert,value,cpi-rise,2026-05,.*,市统计局 · stats.tlpkg$' "$work/office-changes.csv"
"$bin" --db "$work/office.sqlite3" --import-package "$work/stats.tlpkg" > "$work/again.out"
check "a second import finds all unchanged" grep -q 'Added: 0, unchanged: 3, conflicts: 0, refused: 0' "$work/again.out"

printf '%s\n' 'code,period,value' 'gdp-growth,2026-Q2,6.1' > "$work/office-typed.csv"
"$bin" --db "$work/office2.sqlite3" --import-csv "$work/office-typed.csv" > /dev/null
"$bin" --db "$work/office2.sqlite3" --export-csv "$work/office2-before.csv"
if "$bin" --db "$work/office2.sqlite3" --import-package "$work/stats.tlpkg" > "$work/conflict.out" 2> "$work/conflict.err"; then failed=0; else failed=1; fi
check "a conflicting package is refused" test $failed = 1
check "the conflict is listed with both values" grep -q '市统计局 · stats.tlpkg: 5.9%' "$work/conflict.out"
check "and the way out is told" grep -q -- --prefer-ledger "$work/conflict.err"
"$bin" --db "$work/office2.sqlite3" --export-csv "$work/office2-after.csv"
check "a refused package changes nothing" cmp -s "$work/office2-before.csv" "$work/office2-after.csv"
check "--prefer-ledger imports the rest" "$bin" --db "$work/office2.sqlite3" --import-package "$work/stats.tlpkg" --prefer-ledger
"$bin" --db "$work/office2.sqlite3" --export-csv "$work/office2-kept.csv"
check "and keeps the ledger's value" grep -q ',gdp-growth,地区生产总值增长,%,rate,about,higher,6,2026-Q2,6.1,' "$work/office2-kept.csv"
check "while the others arrive" grep -q ',cpi-rise,.*,2026-05,1.1,' "$work/office2-kept.csv"
echo '{"format": "target-ledger-package", "version": 2}' > "$work/future.tlpkg"
if "$bin" --db "$work/office3.sqlite3" --import-package "$work/future.tlpkg" 2> "$work/future.err"; then failed=0; else failed=1; fi
check "a package of another version is refused" test $failed = 1
check "saying so" grep -q 'version 2' "$work/future.err"

# 12. The monthly report as a PDF: as of the latest period with a value, or
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

# An option without its command is refused before the ledger is opened: a
# typo does not bring a ledger of an older version up to date.
python3 -c 'import sqlite3, sys; sqlite3.connect(sys.argv[2]).executescript(open(sys.argv[1]).read())' \
  "$schema_1" "$work/version-1.sqlite3"
version () { python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA user_version").fetchone()[0])' "$1"; }
if "$bin" --db "$work/version-1.sqlite3" --unit 市统计局 2> "$work/alone.err"; then status=0; else status=$?; fi
check "an option alone is refused (exit 2)" test "$status" = 2
check "with what it goes with" grep -q -- '--export-package' "$work/alone.err"
check "and the older ledger is left at its version" test "$(version "$work/version-1.sqlite3")" = 1
check "no backup is made of it either" test ! -e "$work/backups"
"$bin" --db "$work/version-1.sqlite3" --check > /dev/null
check "a command brings it up to date" test "$(version "$work/version-1.sqlite3")" = 3
check "after backing it up as it was" test "$(version "$work"/backups/before-version-3-*.sqlite3)" = 1

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
