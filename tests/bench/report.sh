#!/usr/bin/env bash
# The monthly report of the whole 2026 plan with a year of values in it:
# hyperfine's median time of `target-ledger --db L --report out.pdf` (the
# whole process: open the ledger, lay out, write the PDF with its fonts),
# and the peak memory of a run; then the same ledger split to Changzhi's
# 13 regions with their figures (bench-regions), ranked, and the ratio.
#
# Usage: tests/bench/report.sh BUILDDIR [RUNS]
set -euo pipefail
builddir=$(realpath "${1:?usage: $0 BUILDDIR [RUNS]}")
runs=${2:-20}
bin=$builddir/src/target-ledger
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tool in hyperfine /usr/bin/time pdfinfo python3; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (build-aux/dev installs it)" >&2; exit 1; }
done
export HOME=$work XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$builddir/data LC_ALL=C.UTF-8

# A year of the first plan's values, as an office would have recorded them:
# every month or quarter of each indicator, some ahead, some behind; the
# qualitative tasks with a status and a note each quarter.
ledger=$work/ledger.sqlite3
"$bin" --db "$ledger" --export-plan "$work/plans.json"
python3 - "$work/plans.json" > "$work/values.csv" <<'PY'
import csv, json, random, sys
random.seed(2026)
plan = json.load(open(sys.argv[1], encoding='utf-8'))['plans'][0]
out = csv.writer(sys.stdout)
out.writerow(['code', 'period', 'value', 'note', 'status'])
for area in plan['areas']:
    for task in area['tasks']:
        for ind in task.get('indicators', []):
            pace = random.choice([0.7, 0.9, 0.97, 1.0, 1.04, 1.15])
            if ind['frequency'] == 'monthly':
                periods = [('2026-%02d' % m, m) for m in range(2, 13)]
            elif ind['frequency'] == 'quarterly':
                periods = [('2026-Q%d' % q, 3 * q) for q in range(1, 5)]
            else:
                periods = [('2026', 12)]
            for period, month in periods:
                if ind['kind'] == 'qualitative':
                    status = random.choice(['not_started', 'in_progress', 'in_progress', 'done', 'behind'])
                    out.writerow([ind['code'], period, '', '%s：截至%d月的进展说明。' % (ind['name'], month), status])
                    continue
                target = ind['target'] * (month / 12 if ind['kind'] == 'cumulative' else 1)
                factor = pace if ind['better'] == 'higher' else 2 - pace
                out.writerow([ind['code'], period, '%.4g' % (target * factor * random.uniform(0.98, 1.02)), '', ''])
PY
"$bin" --db "$ledger" --import-csv "$work/values.csv"

# The same ledger split to Changzhi's 13 regions, each with a figure for
# every period the city has one: the report then ranks them (区县排名).
cp "$ledger" "$work/regions.sqlite3"
"$builddir/tests/bench/bench-regions" "$work/regions.sqlite3" >&2

hyperfine --warmup 2 --runs "$runs" --export-json "$work/hyperfine.json" \
  "'$bin' --db '$ledger' --report '$work/report.pdf'" \
  "'$bin' --db '$work/regions.sqlite3' --report '$work/regions.pdf'" >&2

median () { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
for i in $(seq 5); do
  /usr/bin/time -f '%M' -a -o "$work/rss.txt" "$bin" --db "$ledger" --report "$work/report.pdf" >/dev/null
done
ms () { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]["median"] * 1000)' "$work/hyperfine.json" "$1"; }
rss=$(median < "$work/rss.txt")
pages () { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
printf 'report of the 2026 plan, a year of values (%s values, %s pages, %s KiB): median %.1f ms   peak RSS: median %.1f MiB   (%d runs)\n' \
  "$(($(wc -l < "$work/values.csv") - 1))" "$(pages "$work/report.pdf")" \
  "$(($(stat -c %s "$work/report.pdf") / 1024))" "$(ms 0)" "$(awk -v m="$rss" 'BEGIN {print m / 1024}')" "$runs"
printf 'the same split to 13 regions, ranked (%s pages): median %.1f ms, %.2f× the report without regions\n' \
  "$(pages "$work/regions.pdf")" "$(ms 1)" "$(awk -v a="$(ms 1)" -v b="$(ms 0)" 'BEGIN {print a / b}')"
