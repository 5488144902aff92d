#!/usr/bin/env bash
# Wide import speed: a 台账 of 2 000 indicators × 12 periods (the base year
# and 1-2月 … 1-12月) imported with `target-ledger --import-sheet` from CSV
# and from the program's own XLSX workbook, beside the long CSV file of the
# same values with --import-csv. "Preview" runs import a file with one
# more row naming no indicator: every value is read and sorted against the
# ledger, the row is refused and nothing is written — the window's preview.
# Prints hyperfine's medians and the peak memory (/usr/bin/time -v).
#
# Usage: tests/bench/wide-import.sh BUILDDIR [INDICATORS]
set -euo pipefail
builddir=$(realpath "${1:?usage: $0 BUILDDIR [INDICATORS]}")
count=${2:-2000}
bin=$builddir/src/target-ledger
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v hyperfine >/dev/null || { echo "hyperfine is not installed (apt-get install hyperfine)" >&2; exit 1; }
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$builddir/data

python3 "$(dirname "$0")/generate-wide.py" "$work" "$count"
"$bin" --db "$work/plan.sqlite3" --import-plan "$work/plan.json" > /dev/null
# The program's own workbook of the same 2026 values (no column of the base year).
cp "$work/plan.sqlite3" "$work/x.sqlite3"
"$bin" --db "$work/x.sqlite3" --import-csv "$work/long.csv" > /dev/null
"$bin" --db "$work/x.sqlite3" --export-xlsx "$work/wide.xlsx" --as-of 2026-12

fresh="rm -f $work/l.sqlite3*; cp $work/plan.sqlite3 $work/l.sqlite3"
hyperfine --warmup 1 --runs 5 --ignore-failure --export-json "$work/times.json" \
  --prepare "$fresh" -n 'preview, wide CSV' "$bin --db $work/l.sqlite3 --import-sheet $work/wide-refused.csv" \
  --prepare "$fresh" -n 'preview, long CSV' "$bin --db $work/l.sqlite3 --import-csv $work/long-refused.csv" \
  --prepare "$fresh" -n 'import, wide CSV' "$bin --db $work/l.sqlite3 --import-sheet $work/wide.csv" \
  --prepare "$fresh" -n 'import, long CSV' "$bin --db $work/l.sqlite3 --import-csv $work/long.csv" \
  --prepare "$fresh" -n 'import, own XLSX' "$bin --db $work/l.sqlite3 --import-sheet $work/wide.xlsx" \
  > /dev/null

python3 - "$work/times.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{r['command']:<20} median {r['median'] * 1000:6.0f} ms")
PY

for file in wide-refused.csv wide.xlsx; do
  eval "$fresh"
  /usr/bin/time -v "$bin" --db "$work/l.sqlite3" --import-sheet "$work/$file" > /dev/null 2> "$work/time.txt" || true
  echo "$file: peak RSS $(awk -F': ' '/Maximum resident/ { print $2 }' "$work/time.txt") KiB"
done
eval "$fresh"
/usr/bin/time -v "$bin" --db "$work/l.sqlite3" --import-csv "$work/long-refused.csv" > /dev/null 2> "$work/time.txt" || true
echo "long-refused.csv: peak RSS $(awk -F': ' '/Maximum resident/ { print $2 }' "$work/time.txt") KiB"
