#!/usr/bin/env bash
# End to end: the office's own 台账 laid out wide — a column per period —
# imported with --import-sheet (and --import-csv): last year's as the base
# year's figures, this year's from the program's own workbook, refused
# cells changing nothing.
set -euo pipefail

bin=$(realpath "${1:?usage: $0 TARGET-LEDGER}")
# shellcheck source=tests/lib.sh
source "$(dirname "$0")/lib.sh"

db=$work/wide.sqlite3
count_values () { "$bin" --db "$db" --export-csv - | awk -F, 'NR > 1 && $13 != "" && $14 != ""' | wc -l; }

# 1. Last year's 台账 as WPS saves it (GB18030): the title's year makes its
# figures the base year's (同期); the 目标 and 备注 columns are left out.
cat > "$work/2025.csv" <<'CSV'
长治市2025年政府工作报告目标任务完成情况,,,,
序号,指标名称,2025年目标,1-6月,全年,备注
1,新增城镇就业,4.5,２.９万人,5.1,超额完成
2,地区生产总值增长,6,5.2,5.4,
3,招商引资 签约金额,,310,"620",
CSV
iconv -f UTF-8 -t GB18030 "$work/2025.csv" > "$work/2025-gb.csv"
"$bin" --db "$db" --import-sheet "$work/2025-gb.csv" > "$work/import.out"
check "last year's sheet is imported" grep -q 'Imported 6 values' "$work/import.out"
"$bin" --db "$db" --export-csv - > "$work/after.csv"
check "as base-year figures" grep -q 'new-urban-jobs,.*,2025-06,2.9,' "$work/after.csv"
check "a name with a space matches" grep -q 'signed-investment,.*,2025-12,620,' "$work/after.csv"
check "the 目标 column is left out" test "$(count_values)" -eq 6

# 2. This year's figures through --import-csv, wide too.
cat > "$work/2026.csv" <<'CSV'
长治市2026年政府工作报告目标任务台账,,,
指标名称,1月,1-2月,1-3月
新增城镇就业,0.4,0.9,1.3
地区生产总值增长,,,5.6
CSV
check "--import-csv reads a wide sheet" "$bin" --db "$db" --import-csv "$work/2026.csv"
check "this year's figures are there" test "$(count_values)" -eq 10

# 3. The program’s own workbook imports back unchanged (it has no column
# of January alone).
"$bin" --db "$db" --export-xlsx "$work/ledger.xlsx" --as-of 2026-03
"$bin" --db "$db" --import-sheet "$work/ledger.xlsx" > "$work/again.out"
check "its own workbook imports back unchanged" grep -q '(0 new, 0 changed, 3 unchanged)' "$work/again.out"
check "a worksheet that is not there is refused" \
  bash -c "! '$bin' --db '$db' --import-sheet '$work/ledger.xlsx' --sheet 没有这张表 2> '$work/sheet.err'"
check "naming it" grep -q '没有这张表' "$work/sheet.err"

# 4. A close name is refused, saying which it may be; nothing is imported.
cat > "$work/close.csv" <<'CSV'
长治市2026年台账,,
指标名称,1-2月,1-3月
新增城镇就业,1.0,1.5
地区生产总值增长率,,5.7
"x'); DROP TABLE indicator_values;--",,1
CSV
check "a sheet with a close name is refused" \
  bash -c "! '$bin' --db '$db' --import-sheet '$work/close.csv' 2> '$work/close.err'"
check "saying which it may be" grep -q '地区生产总值增长”' "$work/close.err"
check "naming its row" grep -q '5' "$work/close.err"
check "and nothing is imported" test "$(count_values)" -eq 10
"$bin" --db "$db" --export-csv - > "$work/still.csv"
check "not even the good cells" grep -q 'new-urban-jobs,.*,2026-02,0.9,' "$work/still.csv"

# 5. A sheet without a header of periods, and --sheet alone.
printf '指标名称,单位\n新增城镇就业,万人\n' > "$work/no-periods.csv"
check "a sheet without periods is refused" \
  bash -c "! '$bin' --db '$db' --import-sheet '$work/no-periods.csv' 2> /dev/null"
check "--sheet alone is a mistake" bash -c "'$bin' --db '$db' --sheet x 2> /dev/null; test \$? -eq 2"

# 6. Two plans of the year: a name in both is refused, a column of plans
# says which.
"$bin" --db "$db" --export-plan "$work/plans.json"
python3 - "$work/plans.json" <<'PY'
import json, sys, uuid
path = sys.argv[1]
plans = json.load(open(path, encoding="utf-8"))
plan = plans["plans"][0]
def fresh(node):
    if isinstance(node, dict):
        if "uuid" in node:
            node["uuid"] = str(uuid.uuid4())
        for value in node.values():
            fresh(value)
    elif isinstance(node, list):
        for value in node:
            fresh(value)
fresh(plan)
plan["code"], plan["title"] = "county-2026", "县2026年政府工作报告"
plans["plans"] = [plan]
json.dump(plans, open(path, "w", encoding="utf-8"), ensure_ascii=False)
PY
"$bin" --db "$db" --import-plan "$work/plans.json" > /dev/null
printf '长治市2026年台账,,\n指标名称,1-4月\n新增城镇就业,1.7\n' > "$work/two-plans.csv"
check "a name in two plans of the year is refused" \
  bash -c "! '$bin' --db '$db' --import-sheet '$work/two-plans.csv' 2> '$work/two-plans.err'"
check "asking for a column of plans" grep -q 'plan' "$work/two-plans.err"
printf '长治市2026年台账,,\n计划,指标名称,1-4月\ncounty-2026,新增城镇就业,1.7\n' > "$work/two-plans.csv"
check "a column of plans says which" "$bin" --db "$db" --import-sheet "$work/two-plans.csv"
"$bin" --db "$db" --export-csv - > "$work/plans.csv"
check "and the value is that plan's" grep -q '^county-2026,.*,new-urban-jobs,.*,2026-04,1.7,' "$work/plans.csv"
check "not the other's" bash -c "! grep -q '^changzhi-2026,.*,new-urban-jobs,.*,2026-04,' '$work/plans.csv'"

echo "1..$((passed + failures))"
[ "$failures" -eq 0 ]
