#!/usr/bin/env bash
# Import speed: 100 000 rows of values across ten generated plans, read
# and recorded by `target-ledger --import-csv` (each value checked against
# its indicator, written with its change-log entry, in one transaction),
# against the sqlite3 shell's own `.import` of the same CSV file: into a
# bare table, and into a table that keeps the one rule a ledger cannot do
# without (one value per indicator and period) in the ledger's journal
# mode (WAL, synchronous=FULL). Prints hyperfine's medians and the ratios,
# and the peak memory.
#
# Usage: tests/bench/import.sh BUILDDIR [ROWS]
set -euo pipefail
builddir=$(realpath "${1:?usage: $0 BUILDDIR [ROWS]}")
rows=${2:-100000}
bin=$builddir/src/target-ledger
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tool in hyperfine sqlite3; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (apt-get install $tool)" >&2; exit 1; }
done
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$builddir/data

python3 "$(dirname "$0")/generate-import.py" "$work" "$rows"
"$bin" --db "$work/plans.sqlite3" --import-plan "$work/plans.json" > /dev/null

hyperfine --warmup 1 --runs 7 --export-json "$work/times.json" \
  --prepare "rm -f $work/l.sqlite3*; cp $work/plans.sqlite3 $work/l.sqlite3" \
  -n target-ledger "$bin --db $work/l.sqlite3 --import-csv $work/values.csv" \
  --prepare "rm -f $work/s.sqlite3*" \
  -n 'sqlite3 .import' "sqlite3 $work/s.sqlite3 '.import --csv $work/values.csv raw'" \
  --prepare "rm -f $work/u.sqlite3*" \
  -n 'sqlite3 .import, one value a cell' "sqlite3 $work/u.sqlite3 $(printf '%q ' \
     'PRAGMA journal_mode=WAL' 'PRAGMA synchronous=FULL' \
     'CREATE TABLE raw (plan, code, period, value, note, source, UNIQUE (plan, code, period))' \
     ".import --csv --skip 1 $work/values.csv raw")"

python3 - "$work/times.json" <<'PY'
import json, sys
results = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
ledger, shell = results["target-ledger"], results["sqlite3 .import"]
unique = results["sqlite3 .import, one value a cell"]
print(f"median: target-ledger {ledger * 1000:.0f} ms, sqlite3 .import {shell * 1000:.0f} ms, ratio {ledger / shell:.2f}")
print(f"median: sqlite3 .import, one value a cell, WAL {unique * 1000:.0f} ms, "
      f"ratio to the bare .import {unique / shell:.2f}, target-ledger's ratio to it {ledger / unique:.2f}")
PY

rm -f "$work"/l.sqlite3*; cp "$work/plans.sqlite3" "$work/l.sqlite3"
/usr/bin/time -f "target-ledger peak RSS: %M KiB" "$bin" --db "$work/l.sqlite3" --import-csv "$work/values.csv" > /dev/null
rm -f "$work"/s.sqlite3*
/usr/bin/time -f "sqlite3 .import peak RSS: %M KiB" sqlite3 "$work/s.sqlite3" ".import --csv $work/values.csv raw"
