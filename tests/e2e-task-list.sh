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
# again as plan files are the same but for their UUIDs, and the regions a
# task list does not hold (docs/regions.md).
"$bin" --db "$work/builtin.sqlite3" --export-plan "$work/builtin.xlsx"
"$bin" --db "$work/builtin.sqlite3" --export-plan "$work/builtin.json"
check "the first sheet of a task list workbook is imported" \
  "$bin" --db "$work/again.sqlite3" --import-plan "$work/builtin.xlsx"
check "and another sheet, named with --sheet" \
  "$bin" --db "$work/again.sqlite3" --import-plan "$work/builtin.xlsx" --sheet changzhi-15th-five-year
"$bin" --db "$work/again.sqlite3" --export-plan "$work/again.json"
check "export → import → export of the plans as task lists is the same but for UUIDs" \
  cmp -s <(sed '/^      "regions": \[/,/^      \],/d' "$work/builtin.json" | grep -v '"uuid"') \
         <(grep -v '"uuid"' "$work/again.json")
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

# 7. The office's whole list in one import, with its units and deadlines:
# a deadline already past makes its task overdue on its own.
last_year=$(( $(date +%Y) - 1 ))
cat > "$work/office.csv" <<CSV
长治市${last_year}年重点目标任务清单,,,,,,
序号,领域,重点任务,具体目标,牵头单位,配合单位,完成时限（时间节点）
一、扩大有效需求,,,,,,
1,,促消费,出台促进消费若干措施,市商务局,市财政局、市文旅局,3月底前出台方案；9月底前完成评估
2,,稳投资,固定资产投资增长6%以上,市发展改革委,市统计局,6月底前完成30%
二、改善生态环境,,,,,,
3,,蓝天保卫战,PM2.5浓度控制在30微克/立方米以内,市生态环境局,,
CSV
check "the office's list is imported in one go" "$bin" --db "$work/office.sqlite3" --import-plan "$work/office.csv"
"$bin" --db "$work/office.sqlite3" --export-csv "$work/office-ledger.csv"
check "a task whose deadline has passed is overdue" grep -q "^tasks-${last_year},一、扩大有效需求,促消费,.*,overdue," "$work/office-ledger.csv"
check "and so is a target with a share due by a past day" grep -q "^tasks-${last_year},一、扩大有效需求,稳投资,.*,overdue," "$work/office-ledger.csv"
check "a target without a deadline is not" grep -q "^tasks-${last_year},二、改善生态环境,蓝天保卫战,.*,no_data," "$work/office-ledger.csv"
"$bin" --db "$work/office.sqlite3" --export-plan "$work/office.json"
check "with the task's lead and supporting units, each deadline a milestone, and the share its words give" \
  python3 - "$work/office.json" "$last_year" <<'PY'
import json, sys
plan = next(p for p in json.load(open(sys.argv[1]))["plans"] if p["code"] == "tasks-" + sys.argv[2])
task = plan["areas"][0]["tasks"][0]
indicator = task["indicators"][0]
invest = plan["areas"][0]["tasks"][1]["indicators"][0]
y = sys.argv[2]
assert task["lead_unit"] == "市商务局" and task["supporting_units"] == ["市财政局", "市文旅局"], task
assert indicator["supporting_units"] == ["市财政局", "市文旅局"], indicator
assert [(m["due"], m["what"]) for m in indicator["milestones"]] == \
  [(y + "-03-31", "3月底前出台方案"), (y + "-09-30", "9月底前完成评估")], indicator["milestones"]
assert invest["milestones"][0]["share"] == 30 and invest["milestones"][0]["due"] == y + "-06-30", invest
PY

# 8. A plan with the task's and the indicator's units, milestones (a
# series, a share, one done with its note) and sub-items goes through a
# task list workbook as it was, but for the UUIDs.
cat > "$work/follow-up.json" <<'JSON'
{"format": 3, "plans": [{"uuid": "11111111-1111-4111-8111-111111111111", "code": "follow-up", "title": "跟踪",
 "first_year": 2026, "last_year": 2026, "areas": [{"uuid": "22222222-2222-4222-8222-222222222222",
 "title": "扩大内需", "tasks": [{"uuid": "33333333-3333-4333-8333-333333333333", "title": "促消费",
 "lead_unit": "市商务局", "supporting_units": ["市财政局", "市文旅局"],
 "milestones": [{"uuid": "44444444-4444-4444-8444-444444444444", "due": "2026-06-30", "what": "6月底前出台方案",
   "done_on": "2026-06-28", "note": "长政办发〔2026〕12号 已印发"},
  {"uuid": "44444444-4444-4444-8444-444444444445", "due": "2026-11-20", "what": "11月中旬前完成评估"},
  {"uuid": "44444444-4444-4444-8444-444444444446", "due": "2026-08-15", "what": "出台配套细则，报市政府"}],
 "sub_items": [{"uuid": "55555555-5555-4555-8555-555555555555", "title": "汽车以旧换新", "status": "behind",
   "note": "资金未到位"}, {"uuid": "55555555-5555-4555-8555-555555555556", "title": "家电下乡"}],
 "indicators": [{"uuid": "66666666-6666-4666-8666-666666666666", "code": "retail", "name": "社会消费品零售总额",
  "unit": "亿元", "kind": "cumulative", "comparator": "at_least", "better": "higher", "target": 1200,
  "frequency": "monthly", "responsible_unit": "市商务局", "supporting_units": ["市统计局"],
  "milestones": [{"uuid": "77777777-7777-4777-8777-777777777771", "due": "2026-03-31", "what": "每季度末"},
   {"uuid": "77777777-7777-4777-8777-777777777772", "due": "2026-06-30", "what": "每季度末"},
   {"uuid": "77777777-7777-4777-8777-777777777773", "due": "2026-09-30", "what": "每季度末"},
   {"uuid": "77777777-7777-4777-8777-777777777774", "due": "2026-12-31", "what": "每季度末"},
   {"uuid": "77777777-7777-4777-8777-777777777775", "due": "2026-06-30", "what": "6月底前完成全年目标的50%",
    "share": 50, "done_on": "2026-07-02"}]},
  {"uuid": "66666666-6666-4666-8666-666666666667", "code": "fairs", "name": "举办消费季活动",
  "kind": "qualitative", "frequency": "quarterly"}]}]}]}]}
JSON
"$bin" --db "$work/follow-up.sqlite3" --import-plan "$work/follow-up.json"
"$bin" --db "$work/follow-up.sqlite3" --export-plan "$work/follow-up-out.json"
"$bin" --db "$work/follow-up.sqlite3" --export-plan "$work/follow-up.xlsx"
check "units, milestones and sub-items are read back from the workbook" \
  "$bin" --db "$work/follow-up-again.sqlite3" --import-plan "$work/follow-up.xlsx" --sheet follow-up
"$bin" --db "$work/follow-up-again.sqlite3" --export-plan "$work/follow-up-again.json"
check "and export → import → export is the same but for UUIDs (and a separator in undated words)" \
  cmp -s <(grep -v '"uuid"' "$work/follow-up-out.json" | sed 's/细则，报/细则 报/') \
    <(grep -v '"uuid"' "$work/follow-up-again.json")
check "the words of a milestone that name no date of their own are written after its date" \
  grep -q '"what": "出台配套细则 报市政府"' "$work/follow-up-again.json"

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
