#!/usr/bin/env bash
# End to end: the built binary, with a temporary HOME, as a user's script
# would drive it. Exports the ledger, imports values from CSV, exports again
# and compares; then checks that bad input changes nothing, and that a
# responsible unit's data package reaches the office's ledger.
set -euo pipefail

bin=$(realpath "${1:?usage: $0 TARGET-LEDGER}")
schema_1=$(dirname "$0")/../src/core/store/ledger-schema-1.sql
# The current schema version: the last migration script.
schema_latest=$(ls "$(dirname "$0")"/../src/core/store/ledger-schema-*.sql | sed 's/.*-\([0-9]*\)\.sql$/\1/' | sort -n | tail -1)
# shellcheck source=tests/lib.sh
source "$(dirname "$0")/lib.sh"

default_db=$XDG_DATA_HOME/target-ledger/ledger.sqlite3

# 1. A first export creates the default ledger with the built-in plan.
"$bin" --export-csv "$work/empty.csv"
check "default ledger created" test -f "$default_db"
check "default ledger is private (0600)" test "$(stat -c %a "$default_db")" = 600
check "export has the header" grep -q $'^\xEF\xBB\xBF''plan,area,task,code,indicator,unit,kind,comparator,better,target,commitment,profile,period,value,base_value,yoy,expected,pace,progress,status,projection,growth_needed,responsible_unit,unit_confirmed,supporting_units,note,source,region$' "$work/empty.csv"
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
# expected 4.3 × 6/12 = 2.15, pace 0.5; no base year: no 同期 or 同比
check "the imported value is exported" grep -q ',new-urban-jobs,新增城镇就业,万人,cumulative,at_least,higher,4.3,none,linear,2026-06,2.6,,,2.15,0.5,' "$work/first.csv"
# a rate has no pace, nothing due, no progress: 5.8 against about 6 is on track
check "the quarterly value is exported" grep -q ',gdp-growth,地区生产总值增长,%,rate,about,higher,6,none,linear,2026-Q2,5.8,,,,,,on_track,' "$work/first.csv"

# 2b. The base year's figures (同期) come in by the command line too, and
# the export reads the year against them: 同比 (2.6 / 2 − 1) × 100 = 30,
# 预计全年 2.6 × 4 / 2 = 5.2. The base year's own rows are not judged.
printf '%s\n' 'code,period,value' 'new-urban-jobs,2025-06,2' 'new-urban-jobs,2025-12,4' \
  'cpi-rise,2026-01,0.4' > "$work/base.csv"
"$bin" --db "$work/base.sqlite3" --import-csv "$work/first.csv" >/dev/null
check "import of the base year and January alone" "$bin" --db "$work/base.sqlite3" --import-csv "$work/base.csv"
"$bin" --db "$work/base.sqlite3" --export-csv "$work/base-out.csv"
check "the year is read against the base year" grep -q ',new-urban-jobs,.*,2026-06,2.6,2,30,2.15,0.5,[0-9.]*,on_track,5.2,,' "$work/base-out.csv"
check "the base year's rows are not judged" grep -q ',new-urban-jobs,.*,2025-06,2,,,,,,,,,' "$work/base-out.csv"

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
check "the ledger as it was is kept beside" ls "$XDG_DATA_HOME"/target-ledger/backups/ledger.sqlite3/before-restore-*.sqlite3

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
check "--as-of as offices write it" "$bin" --export-xlsx "$work/march-words.xlsx" --as-of 2026年1-3月
check "1-3月 is March" sh -c "! unzip -p '$work/march-words.xlsx' xl/worksheets/sheet1.xml | grep -qF '<v>2.6</v>'"
check "--as-of 2026年上半年" "$bin" --export-xlsx "$work/half.xlsx" --as-of 2026年上半年
check "上半年 holds the June figure" sh -c "unzip -p '$work/half.xlsx' xl/worksheets/sheet1.xml | grep -qF '<v>2.6</v>'"
if "$bin" --export-xlsx "$work/half.xlsx" --as-of 上半年 2> "$work/no-year.err"; then failed=0; else failed=1; fi
check "--as-of 上半年 of all plans is refused: which year?" test $failed = 1
check "with a message that asks for the year" grep -q '2026年1-6月' "$work/no-year.err"
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
check "--from and --to as offices write them" "$bin" --db "$work/unit.sqlite3" --export-package "$work/stats-words.tlpkg" \
  --unit 市统计局 --from 2026年1月 --to 2026年上半年
check "read as 2026-01 to 2026-06" sh -c "grep -q '\"from\": \"2026-01\"' '$work/stats-words.tlpkg' && grep -q '\"to\": \"2026-06\"' '$work/stats-words.tlpkg'"
check "import of the package into the office's ledger" "$bin" --db "$work/office.sqlite3" --import-package "$work/stats.tlpkg"
"$bin" --db "$work/office.sqlite3" --export-csv "$work/office.csv"
check "the values arrive" grep -q ',gdp-growth,地区生产总值增长,%,rate,about,higher,6,none,linear,2026-Q2,5.9,.*"初步核算, 含修订",市统计局,$' "$work/office.csv"
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
check "and keeps the ledger's value" grep -q ',gdp-growth,地区生产总值增长,%,rate,about,higher,6,none,linear,2026-Q2,6.1,' "$work/office2-kept.csv"
check "while the others arrive" grep -q ',cpi-rise,.*,2026-05,1.1,' "$work/office2-kept.csv"
echo '{"format": "target-ledger-package", "version": 4}' > "$work/future.tlpkg"
if "$bin" --db "$work/office3.sqlite3" --import-package "$work/future.tlpkg" 2> "$work/future.err"; then failed=0; else failed=1; fi
check "a package of another version is refused" test $failed = 1
check "saying so" grep -q 'version 4' "$work/future.err"

# 11c. Responsible units are proposals until the office confirms them:
# CPI's unit, 市统计局, becomes 国家统计局长治调查队 across the year's plan
# (logged, a line for each indicator), then merges into another unit and is
# confirmed; what is wrong is refused and changes nothing.
units_db=$work/units.sqlite3
check "a unit renamed" "$bin" --db "$units_db" --rename-unit 市统计局 --to 国家统计局长治调查队 --plan changzhi-2026
"$bin" --db "$units_db" --export-csv "$work/units.csv"
check "the CSV shows CPI's new unit" grep -q '^changzhi-2026,.*,cpi-rise,.*,国家统计局长治调查队,' "$work/units.csv"
check "no indicator of the plan keeps the old name" bash -c "! grep -q '^changzhi-2026,.*,市统计局,' '$work/units.csv'"
check "the other plan keeps its 市统计局" grep -q '^changzhi-15th-five-year,.*,市统计局,' "$work/units.csv"
"$bin" --db "$units_db" --export-changes "$work/units-changes.csv"
check "each indicator renamed is logged" test "$(grep -c ',update,indicator,.*国家统计局长治调查队' "$work/units-changes.csv")" = 3
check "--check after a rename" "$bin" --db "$units_db" --check
"$bin" --db "$units_db" --export-changes "$work/units-before.csv"
for refused in "--rename-unit 市统计局 --to 国家统计局" "--rename-unit 国家统计局长治调查队 --to 国家统计局长治调查队" \
               "--rename-unit 国家统计局长治调查队 --to=" "--rename-unit 国家统计局长治调查队" \
               "--confirm-unit 市住建局" "--confirm-unit 市商务局 --plan 2026"; do
  # shellcheck disable=SC2086  # the options are words
  if "$bin" --db "$units_db" $refused > /dev/null 2> "$work/unit-refused.err"; then failed=0; else failed=1; fi
  check "refused: $refused" test $failed = 1
  check "with a message" test -s "$work/unit-refused.err"
done
check "saying which unit the plan lacks" grep -q '市住建局' <("$bin" --db "$units_db" --confirm-unit 市住建局 2>&1 || true)
"$bin" --db "$units_db" --export-changes "$work/units-after.csv"
check "a refused rename changes nothing" cmp -s "$work/units-before.csv" "$work/units-after.csv"
"$bin" --db "$units_db" --rename-unit 国家统计局长治调查队 --to 市发展改革委 > "$work/merge.out"
check "a merge is said" grep -q '“市发展改革委”.* 11 indicators' "$work/merge.out"
"$bin" --db "$units_db" --confirm-unit 市发展改革委 > "$work/confirm.out"
check "a unit confirmed for its 11 indicators" grep -q ' 11 more indicators' "$work/confirm.out"
"$bin" --db "$units_db" --export-plan "$work/units-plan.json"
check "the plan file says so" test "$(grep -c '"unit_confirmed": true' "$work/units-plan.json")" = 11
check "--check after a merge" "$bin" --db "$units_db" --check

# 11b. JSON the program must not hand to json-glib: 200 KB of "[" (which
# overflowed its stack), "\u0000" and half a surrogate pair are refused
# with the line, whether plan file or package, and the ledger is left as
# it was. A plan whose text XML cannot hold ("\u0001", U+FFFF) is taken,
# and the workbook exported after is still well-formed XML.
hostile=$work/hostile.sqlite3
"$bin" --db "$hostile" --import-package "$work/stats.tlpkg" > /dev/null
ledger_state () {  # ledger_state SUFFIX: what --export-* say of the hostile ledger
  "$bin" --db "$hostile" --export-csv "$work/hostile-$1.csv"
  "$bin" --db "$hostile" --export-plan "$work/hostile-$1.json"
  "$bin" --db "$hostile" --export-changes "$work/hostile-$1-changes.csv"
}
ledger_state before
python3 -c "print('[' * 200000)" > "$work/deep.json"
minimal_plan=$(dirname "$0")/core/data/minimal-plan.json
for escape in '\u0000' '\ud800' '\udc00' '\ud800\u0041'; do
  name=${escape//\\/}
  sed "s/\"新增城镇就业\"/\"新增${escape//\\/\\\\}就业\"/" "$minimal_plan" > "$work/plan-$name.json"
  sed "s/\"初步核算, 含修订\"/\"初步${escape//\\/\\\\}核算\"/" "$work/stats.tlpkg" > "$work/package-$name.tlpkg"
done
refused_json () {  # refused_json NAME PATTERN ARGS…: exits 1 (no crash) and says PATTERN
  local name=$1 pattern=$2; shift 2
  if "$bin" --db "$hostile" "$@" > /dev/null 2> "$work/hostile.err"; then status=0; else status=$?; fi
  check "$name is refused (exit 1)" test "$status" = 1
  check "$name: the message says why and where" grep -q "$pattern" "$work/hostile.err"
}
refused_json "a plan file of 200 KB of \"[\"" 'line 1, column 65: lists and objects' --import-plan "$work/deep.json"
refused_json "a package of 200 KB of \"[\"" 'line 1, column 65: lists and objects' --import-package "$work/deep.json"
# files that take no room: a hole of 1 GiB
truncate -s 1G "$work/huge.json"
refused_json "a plan file of 1 GiB" 'larger than 64' --import-plan "$work/huge.json"
refused_json "a package of 1 GiB" 'larger than 128' --import-package "$work/huge.json"
for escape in '\u0000' '\ud800' '\udc00' '\ud800\u0041'; do
  name=${escape//\\/}
  refused_json "a plan file with $escape" 'line 18, column 27' --import-plan "$work/plan-$name.json"
  refused_json "a package with $escape" 'line [0-9]*, column [0-9]*: “\\u' --import-package "$work/package-$name.tlpkg"
done
ledger_state after
check "the refused files change nothing" cmp -s "$work/hostile-before.csv" "$work/hostile-after.csv"
check "no plan is added" cmp -s "$work/hostile-before.json" "$work/hostile-after.json"
check "nothing is in the change log" cmp -s "$work/hostile-before-changes.csv" "$work/hostile-after-changes.csv"
sed -e 's/"新增城镇就业"/"新增\\u0001就业"/' -e 's/"测试年度目标"/"测试\\u0002年度\xef\xbf\xbf目标"/' \
  "$minimal_plan" > "$work/controls.json"
check "a plan with controls in its text is taken" "$bin" --db "$hostile" --import-plan "$work/controls.json"
check "--export-xlsx after" "$bin" --db "$hostile" --export-xlsx "$work/hostile.xlsx"
well_formed () {  # well_formed XLSX: every XML part parses
  python3 - "$1" <<'PY'
import sys, zipfile, xml.dom.minidom
with zipfile.ZipFile(sys.argv[1]) as book:
    names = [n for n in book.namelist() if n.endswith(('.xml', '.rels'))]
    for name in names:
        xml.dom.minidom.parseString(book.read(name))
    assert len(names) > 10, names
PY
}
check "the workbook is well-formed XML" well_formed "$work/hostile.xlsx"

# 12. The monthly report as a PDF: as of the latest period with a value, or
# the one asked for, of the first plan or another; a bad period or plan is
# refused with a clear message and writes nothing.
check "a report of the ledger" "$bin" --report "$work/report.pdf"
check "the report is a PDF of several pages" \
  sh -c "pdfinfo '$work/report.pdf' | grep -Eq '^Pages: +([3-9]|[1-9][0-9]+)\$'"
check "as of the latest value's period" sh -c "pdftotext '$work/report.pdf' - | grep -q 'As of Jan–Jun (H1)'"
check "a report as of another period" "$bin" --report "$work/q1.pdf" --as-of 2026-Q1
check "is as of that period" sh -c "pdftotext '$work/q1.pdf' - | grep -q 'As of Jan–Mar (Q1)'"
check "a report as of 上半年, in the plan's year" "$bin" --report "$work/h1.pdf" --as-of 上半年
check "is as of Jan–Jun" sh -c "pdftotext '$work/h1.pdf' - | grep -q 'As of Jan–Jun (H1)'"
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
check "with the reason" grep -q 'Could not write “.*missing/report.pdf”: No such file' "$work/missing.err"

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
check "a command brings it up to date" test "$(version "$work/version-1.sqlite3")" = "$schema_latest"
check "after backing it up as it was" test "$(version "$work"/backups/version-1.sqlite3/before-version-"$schema_latest"-*.sqlite3)" = 1

# 13. No export or backup writes over the ledger, its files or its backups,
# however it is named, nor onto what is not a regular file: refused, with
# the file named, and the ledger is as it was.
mkdir "$work/safe" && cd "$work/safe"
"$bin" --db l.db --import-csv "$work/values.csv" > /dev/null
"$bin" --db l.db --backup l.bak > /dev/null
"$bin" --db other.sqlite3 --export-csv - > /dev/null
ln -s l.db link.db && ln l.db hard.db && mkfifo fifo.csv && mkdir folder.csv
sum_before=$(sha256sum < l.db)
"$bin" --db l.db --export-csv before.csv
export_args () {  # export_args COMMAND TARGET: the arguments that export to TARGET
  case $1 in
    export-package) echo "--export-package $2 --unit 市统计局" ;;
    *) echo "--$1 $2" ;;
  esac
}
for command in export-csv export-xlsx export-plan export-changes export-package report backup; do
  for target in l.db ./l.db link.db hard.db l.db-wal l.db-shm l.db-journal backups/x fifo.csv folder.csv; do
    # shellcheck disable=SC2046
    if "$bin" --db l.db $(export_args $command $target) > /dev/null 2> refused.err; then failed=0; else failed=1; fi
    check "--$command onto $target is refused" test $failed = 1
    check "--$command onto $target: the message names it" grep -qF "“$target”" refused.err
  done
done
check "the ledger is unchanged (checksum)" test "$(sha256sum < l.db)" = "$sum_before"
"$bin" --db l.db --export-csv after.csv
check "the ledger exports as before" cmp -s before.csv after.csv
check "the pipe is still a pipe" test -p fifo.csv
check "the folder is still a folder, empty" test -z "$(ls -A folder.csv)"
check "the link is still a link" test -L link.db
check "no temporary file is left" test -z "$(ls -A | grep -v -e '^l\.' -e '^other\.' -e '^link\.db$' -e '^hard\.db$' \
  -e '^fifo\.csv$' -e '^folder\.csv$' -e '^before\.csv$' -e '^after\.csv$' -e '^refused\.err$' -e '^backups$')"
check "standard output stays allowed" sh -c "'$bin' --db l.db --export-csv - | grep -q '^plan,'"

# 14. Two ledgers in one folder: each has its own backups; two restores in
# the same second keep both safety copies.
"$bin" --db l.db --restore l.bak > /dev/null
"$bin" --db other.sqlite3 --restore l.bak > restore-1.out
"$bin" --db other.sqlite3 --restore l.bak > restore-2.out
copy_1=$(sed -n 's/.* saved as //p' restore-1.out)
copy_2=$(sed -n 's/.* saved as //p' restore-2.out)
check "two restores keep two safety copies" test -f "$copy_1" -a -f "$copy_2" -a "$copy_1" != "$copy_2"
values_in () { python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM indicator_values").fetchone()[0])' "$1"; }
check "the first is the other ledger as it was (no value)" test "$(values_in "$copy_1")" = 0
check "the second is the restored backup (two values)" test "$(values_in "$copy_2")" = 2
check "in the other ledger's folder" test "$(dirname "$copy_1")" = "$PWD/backups/other.sqlite3"
check "each ledger its own backups folder" test -d backups/l.db -a -d backups/other.sqlite3
check "the ledger's backups are not the other's" test "$(ls backups/l.db | wc -l)" = 1
cd "$work"

# 13. CSV files as they come: text that Excel or WPS would run as a formula
# is written with a "'" and reads back as it was; UTF-16 and tabs are read;
# mixed encodings, unknown columns, a device, a pipe or a huge file are
# refused at once; a file of many bad rows is told in a hundred lines.
printf '%s\n' 'code,period,value,note,source' 'new-urban-jobs,2026-03,1.1,=1+1,@SUM(A1)' \
  "new-urban-jobs,2026-04,1.4,''=really,-x" > "$work/=evil.csv"
check "notes like formulas are imported" "$bin" --db "$work/formula.sqlite3" --import-csv "$work/=evil.csv"
"$bin" --db "$work/formula.sqlite3" --export-csv "$work/formula.csv"
check "a note like a formula is exported with a quote" grep -q ",1.1,,,[0-9.]*,[0-9.]*,[0-9.]*,[a-z_]*,[0-9.]*,,市人社局,false,,'=1+1,'@SUM(A1),\$" "$work/formula.csv"
check "a note that really starts with '= keeps its quote" grep -q ",''=really,'-x,\$" "$work/formula.csv"
"$bin" --db "$work/formula.sqlite3" --export-changes "$work/formula-changes.csv"
check "the change log's file name is not a formula" grep -q ",'=evil.csv\$" "$work/formula-changes.csv"
check "no text cell of the change log starts a formula" bash -c "! grep -q '\(^\|,\)[=+@-]' '$work/formula-changes.csv'"
"$bin" --db "$work/formula-2.sqlite3" --import-csv "$work/formula.csv" > /dev/null
"$bin" --db "$work/formula-2.sqlite3" --export-csv "$work/formula-2.csv"
check "and such notes round trip exactly" cmp -s "$work/formula.csv" "$work/formula-2.csv"

{ printf '\xFF\xFE'; printf 'code\tperiod\tvalue\tnote\nnew-urban-jobs\t2026-05\t1.8\t多增, 含灵活就业\n' \
  | iconv -f UTF-8 -t UTF-16LE; } > "$work/unicode.txt"
check "a UTF-16 file of tabs (Excel's Unicode text) is imported" "$bin" --db "$work/csv.sqlite3" --import-csv "$work/unicode.txt"
"$bin" --db "$work/csv.sqlite3" --export-csv - > "$work/unicode.csv"
check "with its note whole" grep -q ',2026-05,1.8,.*,"多增, 含灵活就业",,$' "$work/unicode.csv"

refused_csv () {  # refused_csv NAME PATTERN FILE: fails within 10 s, says PATTERN, imports nothing
  local name=$1 pattern=$2 file=$3 status
  "$bin" --db "$work/csv.sqlite3" --export-csv "$work/csv-before.csv"
  if timeout 10 "$bin" --db "$work/csv.sqlite3" --import-csv "$file" > /dev/null 2> "$work/csv.err"
  then status=0; else status=$?; fi
  check "$name is refused at once" test "$status" = 1
  check "$name: the message says why" grep -q "$pattern" "$work/csv.err"
  "$bin" --db "$work/csv.sqlite3" --export-csv "$work/csv-after.csv"
  check "$name: nothing is imported" cmp -s "$work/csv-before.csv" "$work/csv-after.csv"
}
{ printf 'code,period,value,note\nnew-urban-jobs,2026-06,2.1,上半年\n'
  printf 'new-urban-jobs,2026-07,2.4,七月\n' | iconv -f UTF-8 -t GB18030
  printf 'new-urban-jobs,2026-08,2.7,八月\n'; } > "$work/mixed.csv"
refused_csv "a UTF-8 file with a GB18030 line" 'Line 3 is not UTF-8' "$work/mixed.csv"
printf 'code,period,value,notes\nnew-urban-jobs,2026-06,2.1,上半年\n' > "$work/notes.csv"
refused_csv "an unknown column" 'no column “notes”; the columns are plan, area' "$work/notes.csv"
refused_csv "/dev/zero" 'not a regular file' /dev/zero
mkfifo "$work/fifo.csv"
refused_csv "a pipe" 'not a regular file' "$work/fifo.csv"
truncate -s 600M "$work/huge.csv"
refused_csv "a file of 600 MiB" 'larger than 512' "$work/huge.csv"
rm -f "$work/huge.csv"
python3 -c 'import sys; print("code,period,value"); [print(f"no-such-{i},2026-05,1") for i in range(10000)]' \
  > "$work/many-bad.csv"
refused_csv "a file of 10 000 bad rows" "… and 9900 more lines refused" "$work/many-bad.csv"
check "in a hundred lines and a sum" test "$(wc -l < "$work/csv.err")" -le 103

# 14. A ledger another program holds longer than the wait is "in use", and
# nothing is imported.
python3 - "$work/csv.sqlite3" > "$work/lock.out" <<'PY' &
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(8)
db.execute("ROLLBACK")
PY
locker=$!
for _ in $(seq 50); do grep -q locked "$work/lock.out" && break; sleep 0.1; done
printf 'code,period,value\nnew-urban-jobs,2026-09,3.1\n' > "$work/while-locked.csv"
if "$bin" --db "$work/csv.sqlite3" --import-csv "$work/while-locked.csv" > /dev/null 2> "$work/locked.err"
then status=0; else status=$?; fi
check "an import into a ledger in use fails" test "$status" = 1
check "saying it is in use" grep -q 'in use by another program' "$work/locked.err"
check "and that nothing was imported" grep -q 'Nothing was imported' "$work/locked.err"
wait "$locker"
"$bin" --db "$work/csv.sqlite3" --export-csv - > "$work/after-lock.csv"
check "no value of it is in the ledger" bash -c "! grep -q ',2026-09,3.1,' '$work/after-lock.csv'"

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
