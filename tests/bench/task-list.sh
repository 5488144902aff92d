#!/usr/bin/env bash
# The time and memory of `target-ledger --import-plan` of a task list (清单)
# of 2 000 rows as CSV and as XLSX, against the same plan as a plan file
# (JSON), each into a new ledger. Prints each one's median time (hyperfine)
# and median peak RSS (/usr/bin/time -v).
#
# Usage: tests/bench/task-list.sh BUILDDIR [RUNS]
set -euo pipefail
builddir=$(realpath "${1:?usage: $0 BUILDDIR [RUNS]}")
runs=${2:-10}
bin=$builddir/src/target-ledger
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tool in hyperfine /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed" >&2; exit 1; }
done
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$builddir/data HOME=$work

# 20 areas of 50 tasks of 2 targets each, worded as offices word them.
python3 - > "$work/list.csv" <<'PY'
targets = ["增长{n}%左右", "新增{n}万人以上", "达到{n}个", "控制在{n}微克/立方米以内", "力争完成{n}亿元",
           "确保不低于{n}家", "全面推进第{n}批试点工作"]
deadlines = ["6月底前", "三季度末", "年底前", "上半年", "2026年9月30日", "10月中旬", "每季度末"]
print("长治市2026年重点目标任务清单,,,,,,,")
print("序号,领域/类别,重点任务,具体目标,牵头单位,配合单位,完成时限,备注")
row = 0
for area in range(20):
    for task in range(50):
        for target in range(2):
            row += 1
            words = targets[row % len(targets)].format(n=row % 97 + 1)
            print(f"{row},领域{area + 1},任务{area + 1}-{task + 1},{words},单位{row % 42},"
                  f"单位{row % 7}、单位{row % 11},{deadlines[row % len(deadlines)]},")
PY
"$bin" --db "$work/seed.sqlite3" --import-plan "$work/list.csv" > /dev/null
"$bin" --db "$work/seed.sqlite3" --export-plan "$work/list.xlsx"
"$bin" --db "$work/seed.sqlite3" --export-plan "$work/list.json"

# shellcheck source=tests/bench/measure.sh
source "$(dirname "$0")/measure.sh"

measure () {  # measure NAME FILE
  local name=$1 file=$2 ledger=$work/$1.sqlite3
  hyperfine --style none --warmup 2 --runs "$runs" --export-json "$work/$name.json" \
    --prepare "rm -f $ledger $ledger-wal $ledger-shm" "$bin --db $ledger --import-plan $file" > /dev/null
  for _ in $(seq 5); do
    rm -f "$ledger" "$ledger-wal" "$ledger-shm"
    /usr/bin/time -v "$bin" --db "$ledger" --import-plan "$file" 2>&1 >/dev/null \
      | awk -F': ' '/Maximum resident set size/ {print $2}'
  done | median > "$work/$name.rss"
  print_measure "$work/$name.json" "$(cat "$work/$name.rss")" "$name" "$runs" "$file"
}

echo "task list: $(($(wc -l < "$work/list.csv") - 2)) rows"
measure csv "$work/list.csv"
measure xlsx "$work/list.xlsx"
measure json "$work/list.json"
