#!/usr/bin/env bash
# The ledger on the office's server (PostgreSQL) beside the SQLite file,
# with 100 000 values across ten generated plans (generate-import.py):
#
# 1. the import of the values (`--import-csv`, after `--import-plan` into
#    a fresh database or file each run) against PostgreSQL's own COPY
#    (`psql \copy`) of the same rows into a table with the ledger's unique
#    key (indicator, region, period), the plan's code mapped to an id;
# 2. the import of the same file again, every value unchanged, against
#    \copy into a temporary table and INSERT … ON CONFLICT DO NOTHING;
# 3. `--export-csv` (beside `\copy … TO`) and `--report --plan bench-2026`
#    of the ledger holding the values.
#
# Prints hyperfine's medians, the ratios, and the median peak RSS
# (/usr/bin/time's "Maximum resident set size") of RSS_RUNS runs of each.
# Every database it makes is named bench_<pid>_* and dropped at the end.
#
# Usage: tests/server/with-server.sh tests/bench/server.sh BUILDDIR [RUNS] [ROWS]
#   (or with LEDGER_TEST_SERVER set to a server's connection string in
#   keyword form, e.g. "host=/work/pg user=postgres dbname=postgres")
set -euo pipefail
builddir=$(realpath "${1:?usage: $0 BUILDDIR [RUNS] [ROWS]}")
runs=${2:-5}
rows=${3:-100000}
rss_runs=${RSS_RUNS:-3}
server=${LEDGER_TEST_SERVER:?run under tests/server/with-server.sh, or set LEDGER_TEST_SERVER}
bin=$builddir/src/target-ledger
here=$(dirname "$(realpath "$0")")
work=$(mktemp -d)
prefix=bench_$$
# shellcheck source=tests/bench/measure.sh
. "$here/measure.sh"

for tool in hyperfine /usr/bin/time psql python3; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (build-aux/dev installs it)" >&2; exit 1; }
done
export HOME=$work XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$builddir/data LC_ALL=C.UTF-8

# A later dbname overrides the server string's own (libpq keeps the last).
conninfo () { echo "$server dbname=${prefix}_$1"; }
psql_on () {  # psql_on DATABASE ARGS…: quiet, stops on the first error
  local where=$1; shift
  psql -X -q -v ON_ERROR_STOP=1 "$(conninfo "$where")" "$@" >/dev/null
}
admin () { psql -X -q -v ON_ERROR_STOP=1 "$server" -c "$1" >/dev/null; }
databases=(plans import empty full copy)
drop_all () {
  for name in "${databases[@]}"; do
    admin "DROP DATABASE IF EXISTS ${prefix}_$name WITH (FORCE)" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap drop_all EXIT
q () { printf '%q ' "$@"; }  # one command line for hyperfine's shell (bash)

# The plans and values; the same rows for COPY, each indicator's plan and
# code mapped to an id, with the columns a ledger's value row has.
python3 "$here/generate-import.py" "$work" "$rows"
python3 - "$work/values.csv" "$work/copy.csv" <<'PY'
import csv, sys
ids = {}
with open(sys.argv[1], encoding="utf-8", newline="") as src, \
     open(sys.argv[2], "w", encoding="utf-8", newline="") as out:
    writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC)  # "" is text, never NULL
    for row in csv.DictReader(src):
        key = (row["plan"], row["code"])
        ids.setdefault(key, len(ids) + 1)
        writer.writerow([ids[key], "", row["period"], float(row["value"]), row["note"], row["source"],
                         "2026-01-01T00:00:00Z", "bench"])
PY

# The ledgers the runs start from: the plans alone, and the plans with the
# values (for the re-import, the export and the report), on either engine.
admin "CREATE DATABASE ${prefix}_plans TEMPLATE template0"
"$bin" --db "$(conninfo plans)" --import-plan "$work/plans.json" >/dev/null
admin "CREATE DATABASE ${prefix}_full TEMPLATE ${prefix}_plans"
"$bin" --db "$(conninfo full)" --import-csv "$work/values.csv" >/dev/null
"$bin" --db "$work/plans.sqlite3" --import-plan "$work/plans.json" >/dev/null
cp "$work/plans.sqlite3" "$work/full.sqlite3"
"$bin" --db "$work/full.sqlite3" --import-csv "$work/values.csv" >/dev/null
admin "CREATE DATABASE ${prefix}_copy TEMPLATE template0"
table="CREATE TABLE bench_values (indicator_id bigint, region text, period text, value double precision, \
note text, source text, updated_at text, updated_by text, UNIQUE (indicator_id, region, period))"
psql_on copy -c "$table"

fresh_db () { q psql -X -q "$server" -c "DROP DATABASE IF EXISTS ${prefix}_$1 WITH (FORCE)" \
                -c "CREATE DATABASE ${prefix}_$1 TEMPLATE $2"; }
fresh_file () { echo "rm -f $work/l.sqlite3*; cp $work/plans.sqlite3 $work/l.sqlite3"; }
fresh_table () { q psql -X -q "$(conninfo copy)" -c "DROP TABLE IF EXISTS bench_values" -c "$table"; }
ledger () { q "$bin" --db "$1" "${@:2}"; }
copy_in="\\copy bench_values FROM '$work/copy.csv' WITH (FORMAT csv)"
copy_again=(-c "CREATE TEMPORARY TABLE incoming (LIKE bench_values)"
            -c "\\copy incoming FROM '$work/copy.csv' WITH (FORMAT csv)"
            -c "INSERT INTO bench_values SELECT * FROM incoming ON CONFLICT (indicator_id, region, period) DO NOTHING")

# name | what makes each run's start | the command
cases=(
  "import-plan, server|$(fresh_db empty template0)|$(ledger "$(conninfo empty)" --import-plan "$work/plans.json")"
  "import-plan, SQLite|rm -f $work/e.sqlite3*|$(ledger "$work/e.sqlite3" --import-plan "$work/plans.json")"
  "import, server|$(fresh_db import "${prefix}_plans")|$(ledger "$(conninfo import)" --import-csv "$work/values.csv")"
  "import, SQLite|$(fresh_file)|$(ledger "$work/l.sqlite3" --import-csv "$work/values.csv")"
  "import, psql \\copy|$(fresh_table)|$(q psql -X -q "$(conninfo copy)" -c "$copy_in")"
  "re-import, server|true|$(ledger "$(conninfo full)" --import-csv "$work/values.csv")"
  "re-import, SQLite|true|$(ledger "$work/full.sqlite3" --import-csv "$work/values.csv")"
  "re-import, \\copy+ON CONFLICT|true|$(q psql -X -q "$(conninfo copy)" "${copy_again[@]}")"
  "export-csv, server|true|$(ledger "$(conninfo full)" --export-csv "$work/out.csv")"
  "export-csv, SQLite|true|$(ledger "$work/full.sqlite3" --export-csv "$work/out.csv")"
  "export, psql \\copy TO|true|$(q psql -X -q "$(conninfo copy)" -c "\\copy bench_values TO '$work/copy-out.csv' WITH (FORMAT csv)")"
  "report, server|true|$(ledger "$(conninfo full)" --report "$work/out.pdf" --plan bench-2026)"
  "report, SQLite|true|$(ledger "$work/full.sqlite3" --report "$work/out.pdf" --plan bench-2026)"
)

args=()
for i in "${!cases[@]}"; do
  IFS='|' read -r name prepare command <<< "${cases[$i]}"
  args+=(--prepare "$prepare" -n "$name" "$command")
done
hyperfine --shell=bash --warmup 1 --runs "$runs" --export-json "$work/times.json" "${args[@]}" >&2

# Peak memory: each command after its own preparation, the median of the runs.
for i in "${!cases[@]}"; do
  IFS='|' read -r name prepare command <<< "${cases[$i]}"
  for _ in $(seq "$rss_runs"); do
    bash -c "$prepare" >/dev/null 2>&1
    /usr/bin/time -f '%M' -a -o "$work/rss-$i.txt" bash -c "exec $command" >/dev/null
  done
  median < "$work/rss-$i.txt" > "$work/rss-$i.median"
done

python3 - "$work" "$rows" "$runs" "$rss_runs" <<'PY'
import json, sys
work, rows, runs, rss_runs = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
results = json.load(open(f"{work}/times.json"))["results"]
median = {r["command"]: r["median"] * 1000 for r in results}
print(f"{rows} values, {runs} runs each (hyperfine median, mean ± sd), peak RSS the median of {rss_runs} runs")
for i, r in enumerate(results):
    rss = float(open(f"{work}/rss-{i}.median").read()) / 1024
    print(f"  {r['command']:<30} {r['median'] * 1000:9.0f} ms  ({r['mean'] * 1000:.0f} ± {r['stddev'] * 1000:.0f})"
          f"   peak RSS {rss:6.1f} MiB")
def ratio(a, b):
    print(f"  {a} / {b}: {median[a] / median[b]:.2f}")
print("ratios of the medians:")
ratio("import, server", "import, psql \\copy")
ratio("import, server", "import, SQLite")
ratio("import, SQLite", "import, psql \\copy")
ratio("re-import, server", "re-import, \\copy+ON CONFLICT")
ratio("re-import, server", "re-import, SQLite")
ratio("export-csv, server", "export-csv, SQLite")
ratio("report, server", "report, SQLite")
PY
