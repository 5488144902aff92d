#!/usr/bin/env bash
# End to end: a task list (清单) as CSV or XLSX imported as a plan with
# --import-plan, refused rows changing nothing, and plans exported as task
# list workbooks read back as they were.
set -euo pipefail

bin=$(realpath "${1:?usage: $0 TARGET-LEDGER}")
# shellcheck source=tests/lib.sh
source "$(dirname "$0")/lib.sh"

db=$work/list.sqlite3

# 1. The office's list: a title row, areas merged (blank below), 全角
# digits, several deadlines in a cell.
cat > "$work/list.csv" <<'CSV'
长治市2026年重点目标任务清单,,,,,,
序号,领域/类别,重点任务,具体目标,牵头单位,配合单位,完成时限（时间节点）
1,经济发展,稳增长,地区生产总值增长6%左右,市发展改革委,市统计局、市财政局,年底前
2,,稳增长,固定资产投资增长６％以上,市发展改革委,,每季度末
3,,扩就业,新增城镇就业4.3万人以上,市人社局,,6月底前完成2万人；12月底前完成全年
4,生态环境,蓝天保卫战,PM2.5浓度控制在30微克/立方米以内,市生态环境局,市住建局,
5,生态环境,河长制,全面落实河长制,市水利局,,三季度末
CSV
"$bin" --db "$db" --import-plan "$work/list.csv" > "$work/import.out"
check "a CSV task list is imported" grep -q '“长治市2026年重点目标任务清单” (tasks-2026): areas 2, tasks 4, indicators 5' "$work/import.out"
"$bin" --db "$db" --export-plan "$work/list.json"
check "its year and region come from the title row" grep -q '"region": "长治市"' "$work/list.json"
check "its targets are read from the words" grep -q '"target": 4.3' "$work/list.json"
check "with their units" grep -q '"unit": "万人"' "$work/list.json"
check "and comparators" grep -q '"comparator": "at_most"' "$work/list.json"
check "the lead unit is the responsible unit" grep -q '"responsible_unit": "市水利局"' "$work/list.json"

# 2. The same list saved by WPS in GB18030, as another plan and year.
iconv -f UTF-8 -t GB18030 "$work/list.csv" > "$work/list-gb.csv"
check "a GB18030 task list with --plan-code and --year" \
  "$bin" --db "$db" --import-plan "$work/list-gb.csv" --plan-code list-gb --year 2027 --plan-title 清单
"$bin" --db "$db" --export-plan "$work/both.json"
check "is a plan of its own" grep -q '"code": "list-gb"' "$work/both.json"
check "of the year given" grep -q '"first_year": 2027' "$work/both.json"

# 3. Refused rows: each named with its line and reason; nothing is added,
# the ledger is untouched.
before=$(sha256sum < "$db")
cat > "$work/bad.csv" <<'CSV'
重点任务,目标值,牵头单位,完成时限
稳投资,8%,市发展改革委,年底前
扩就业,较快增长,市人社局,年底前
美环境,30微克/立方米,市生态环境局,长期坚持
CSV
if "$bin" --db "$db" --import-plan "$work/bad.csv" > /dev/null 2> "$work/bad.err"; then status=0; else status=$?; fi
check "a list with refused rows fails" test "$status" = 1
check "naming the target without a number" grep -q 'bad.csv: row 3: the target “较快增长” has no number' "$work/bad.err"
check "and the deadline that names no date" grep -q 'bad.csv: row 4: the deadline “长期坚持” names no date' "$work/bad.err"
check "and that nothing was added" grep -q 'No plan was added' "$work/bad.err"
check "the ledger is untouched" test "$before" = "$(sha256sum < "$db")"

printf 'a,b,c\n1,2,3\n' > "$work/no-header.csv"
if "$bin" --db "$db" --import-plan "$work/no-header.csv" 2> "$work/no-header.err"; then status=0; else status=$?; fi
check "a sheet without a header is refused" test "$status" = 1
check "saying what a header names" grep -q '重点任务' "$work/no-header.err"
if "$bin" --db "$db" --import-plan "$work/list.csv" 2> "$work/twice.err"; then status=0; else status=$?; fi
check "the same plan code twice is refused" test "$status" = 1
if "$bin" --db "$db" --import-plan "$work/missing.csv" 2> /dev/null; then status=0; else status=$?; fi
check "a missing file is refused" test "$status" = 1
check "and none of these changed the ledger" test "$before" = "$(sha256sum < "$db")"
if "$bin" --year 2026 2> /dev/null; then status=0; else status=$?; fi
check "--year without --import-plan is a mistake" test "$status" = 2

# 4. Cells are data, whatever they hold.
printf '%s\n' '重点任务,具体目标,牵头单位' "稳投资,'); DROP TABLE plans; --,市发展改革委" > "$work/planted.csv"
check "a planted statement is imported as text" \
  "$bin" --db "$work/planted.sqlite3" --import-plan "$work/planted.csv" --year 2026
"$bin" --db "$work/planted.sqlite3" --export-plan "$work/planted.json"
check "and kept as written" grep -qF "DROP TABLE plans; --" "$work/planted.json"
check "the ledger is sound" "$bin" --db "$work/planted.sqlite3" --check

# 5. Plans as task list workbooks, read back as they were: the built-in
# plans exported, imported (a sheet each) into a new ledger and exported
# again as plan files are the same but for their UUIDs.
"$bin" --db "$work/builtin.sqlite3" --export-plan "$work/builtin.xlsx"
"$bin" --db "$work/builtin.sqlite3" --export-plan "$work/builtin.json"
check "the first sheet of a task list workbook is imported" \
  "$bin" --db "$work/again.sqlite3" --import-plan "$work/builtin.xlsx"
check "and another sheet, named with --sheet" \
  "$bin" --db "$work/again.sqlite3" --import-plan "$work/builtin.xlsx" --sheet changzhi-15th-five-year
"$bin" --db "$work/again.sqlite3" --export-plan "$work/again.json"
check "export → import → export of the plans as task lists is the same but for UUIDs" \
  cmp -s <(grep -v '"uuid"' "$work/builtin.json") <(grep -v '"uuid"' "$work/again.json")
again_before=$(sha256sum < "$work/again.sqlite3")
if "$bin" --db "$work/again.sqlite3" --import-plan "$work/builtin.xlsx" 2> "$work/again.err"; then status=0; else status=$?; fi
check "a workbook whose plan the ledger has is refused" test "$status" = 1
check "leaving the ledger untouched" test "$again_before" = "$(sha256sum < "$work/again.sqlite3")"
if "$bin" --db "$work/again.sqlite3" --import-plan "$work/builtin.xlsx" --sheet 没有这张表 2> "$work/sheet.err"
then status=0; else status=$?; fi
check "a sheet the workbook lacks is refused" test "$status" = 1
printf 'PK\003\004 not a workbook' > "$work/broken.xlsx"
if "$bin" --db "$work/again.sqlite3" --import-plan "$work/broken.xlsx" 2> /dev/null; then status=0; else status=$?; fi
check "a broken workbook is refused" test "$status" = 1

# 6. Plans as task list workbooks, and where they are not written.
check "plans exported as a task list workbook" "$bin" --db "$db" --export-plan "$work/plans.xlsx"
check "an XLSX file" test "$(head -c 2 "$work/plans.xlsx")" = PK
mkdir "$work/read-only"
chmod 0555 "$work/read-only"
if [ "$(id -u)" != 0 ]; then
  if "$bin" --db "$db" --export-plan "$work/read-only/plans.xlsx" 2> /dev/null; then status=0; else status=$?; fi
  check "an export into a folder that cannot be written fails" test "$status" = 1
fi
check "the export left the ledger untouched" test "$before" = "$(sha256sum < "$db")"

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
