#!/usr/bin/env bash
# Regions at full size: the 2026 plan with its 13 regions, each with its
# targets split by weights, and a year of monthly figures for the city and
# every region (about 14 times the city's figures). Side by side in one
# hyperfine run: the monthly report of that ledger against the report of
# the same plan with the city's figures only, and the rankings' CSV
# (--export-ranking) of it; peak memory of each.
#
# Usage: tests/bench/regions.sh BUILDDIR [RUNS]
set -euo pipefail
builddir=$(realpath "${1:?usage: $0 BUILDDIR [RUNS]}")
runs=${2:-10}
bin=$builddir/src/target-ledger
here=$(dirname "$(realpath "$0")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$here/measure.sh"

for tool in hyperfine /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (build-aux/dev installs it)" >&2; exit 1; }
done
export HOME=$work XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$builddir/data LC_ALL=C.UTF-8

# A copy of the 2026 plan under its own code and identities, with its
# cumulative targets split to the regions by weights; the figures of a
# year for the city and, in the other ledger, for every region as well.
"$bin" --db "$work/seed.sqlite3" --export-plan "$work/plans.json" >/dev/null
python3 "$here/generate-regions.py" "$work/plans.json" "$work/plan.json" "$work/city.csv" "$work/all.csv"
for which in city all; do
  "$bin" --db "$work/$which.sqlite3" --import-plan "$work/plan.json" >/dev/null
  "$bin" --db "$work/$which.sqlite3" --import-csv "$work/$which.csv" >/dev/null
done

report () { echo "'$bin' --db '$work/$1.sqlite3' --plan bench-regions-2026 --as-of 2026-12 --report '$work/$1.pdf'"; }
ranking="'$bin' --db '$work/all.sqlite3' --plan bench-regions-2026 --as-of 2026-12 --export-ranking '$work/ranking.csv'"
hyperfine --warmup 2 --runs "$runs" --export-json "$work/hyperfine.json" \
  -n "report, city only" "$(report city)" -n "report, 13 regions" "$(report all)" -n "ranking CSV" "$ranking" >&2

for name in city all; do
  for i in 1 2 3; do
    /usr/bin/time -f '%M' -a -o "$work/rss-$name.txt" "$bin" --db "$work/$name.sqlite3" --plan bench-regions-2026 \
      --as-of 2026-12 --report "$work/$name.pdf" >/dev/null
  done
done
python3 - "$work/hyperfine.json" "$(median < "$work/rss-city.txt")" "$(median < "$work/rss-all.txt")" \
  "$(($(wc -l < "$work/city.csv") - 1))" "$(($(wc -l < "$work/all.csv") - 1))" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
city, regions, ranking = (r["median"] * 1000 for r in results)
print(f"report, city only ({sys.argv[4]} figures):  median {city:7.1f} ms   peak RSS {int(sys.argv[2]) / 1024:.1f} MiB")
print(f"report, 13 regions ({sys.argv[5]} figures): median {regions:7.1f} ms   peak RSS {int(sys.argv[3]) / 1024:.1f} MiB"
      f"   ratio {regions / city:.2f}")
print(f"ranking CSV, 13 regions:              median {ranking:7.1f} ms")
PY
