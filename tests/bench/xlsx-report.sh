#!/usr/bin/env bash
# The time and memory of `target-ledger --export-xlsx` on a ledger holding the
# 2026 plan with a whole year of values (every indicator, every period of
# its frequency), against `--export-csv` of the same ledger. Prints each
# one's median time (hyperfine) and median peak RSS (/usr/bin/time -v).
#
# Usage: tests/bench/xlsx-report.sh BUILDDIR [RUNS]
set -euo pipefail
builddir=$(realpath "${1:?usage: $0 BUILDDIR [RUNS]}")
runs=${2:-20}
bin=$builddir/src/target-ledger
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tool in hyperfine /usr/bin/time python3 unzip; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed" >&2; exit 1; }
done
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$builddir/data HOME=$work
ledger=$work/ledger.sqlite3

# A year of figures for every indicator of the 2026 plan, written as an
# office would import them.
"$bin" --db "$ledger" --export-plan "$work/plans.json"
python3 - "$work/plans.json" > "$work/year.csv" <<'EOF'
import json, sys

PERIODS = {
    "monthly": [f"2026-{m:02d}" for m in range(2, 13)],
    "quarterly": [f"2026-Q{q}" for q in range(1, 5)],
    "annual": ["2026"],
}
print("plan,code,period,value,status,note")
for plan in json.load(open(sys.argv[1]))["plans"]:
    if plan["code"] != "changzhi-2026":
        continue
    n = 0
    for area in plan["areas"]:
        for task in area["tasks"]:
            for indicator in task.get("indicators", []):
                n += 1
                periods = PERIODS[indicator["frequency"]]
                for i, period in enumerate(periods, 1):
                    share = i / len(periods)
                    if indicator["kind"] == "qualitative":
                        status = "done" if i == len(periods) else "in_progress"
                        print(f"{plan['code']},{indicator['code']},{period},,{status},进展顺利")
                    elif indicator["kind"] == "cumulative":
                        value = round(indicator["target"] * share * (0.85 + 0.05 * (n % 5)), 2)
                        print(f"{plan['code']},{indicator['code']},{period},{value},,")
                    else:
                        value = round(indicator["target"] * (0.9 + 0.05 * (n % 4)), 1)
                        print(f"{plan['code']},{indicator['code']},{period},{value},,")
EOF
"$bin" --db "$ledger" --import-csv "$work/year.csv"

# shellcheck source=tests/bench/measure.sh
source "$(dirname "$0")/measure.sh"

measure () {  # measure NAME OPTION OUT
  local name=$1 option=$2 out=$3
  hyperfine --style none --warmup 3 --runs "$runs" --export-json "$work/$name.json" \
    "$bin --db $ledger $option $out" > /dev/null
  for _ in $(seq 5); do
    /usr/bin/time -v "$bin" --db "$ledger" "$option" "$out" 2>&1 >/dev/null \
      | awk -F': ' '/Maximum resident set size/ {print $2}'
  done | median > "$work/$name.rss"
  print_measure "$work/$name.json" "$(cat "$work/$name.rss")" "$name" "$runs" "$out"
}

echo "ledger: the 2026 plan, $(($(wc -l < "$work/year.csv") - 1)) values (a whole year)"
measure xlsx --export-xlsx "$work/out.xlsx"
measure csv --export-csv "$work/out.csv"
unzip -l "$work/out.xlsx" | tail -1 | awk '{print "xlsx: " $2 " files, " $1 " bytes unpacked"}'
