#!/usr/bin/env bash
# Two imports at once into one ledger: two processes import CSV files of
# overlapping cells, each many times over; with LEDGER_TEST_ENGINE=server,
# two desks into one ledger on the test server. Every import must say what it
# did: its printed "N new, M changed" is what the change log records of
# its file, and the ledger passes --check afterwards.
set -euo pipefail

bin=${1:?usage: $0 TARGET-LEDGER [ROUNDS]}
rounds=${2:-20}
# shellcheck source=tests/lib.sh
source "$(dirname "$0")/lib.sh"
db=$(ledger_at ledger)

# The monthly indicators of the built-in plan: process a writes February
# to September, process b May to December, each round other figures; both
# write the same figure of the round into one more indicator's months, so
# that a value one is about to add or change is often the other's already;
# and both write that figure as 潞州区's (140403) too, a region's cell
# being checked inside the write like the city's.
codes=(new-urban-jobs provincial-key-projects-started major-projects-started signed-projects
       signed-investment new-above-scale-enterprises)
rows=$(( ${#codes[@]} * 8 + 11 + 11 ))
write_file () {  # write_file NAME FIRST-MONTH LAST-MONTH VALUE ROUND
  local code month
  {
    echo "code,period,value,note,region"
    for code in "${codes[@]}"; do
      for month in $(seq "$2" "$3"); do
        printf '%s,2026-%02d,%s,%s,\n' "$code" "$month" "$4" "$1"
      done
    done
    for month in $(seq 2 12); do
      printf 'new-loans,2026-%02d,%s,,\n' "$month" "$((300 + $5))"
      printf 'new-urban-jobs,2026-%02d,%s,,140403\n' "$month" "$((300 + $5))"
    done
  } > "$work/$1.csv"
}
for round in $(seq "$rounds"); do
  write_file "a-$round" 2 9 "$((100 + round))" "$round"
  write_file "b-$round" 5 12 "$((200 + round))" "$round"
done

# Region figures only: two processes import one file of 潞州区's and
# 上党区's figures at once into a new ledger, five times. Between them they
# add each figure once: the counts printed add up to the file's rows, as
# the change log has them.
printf 'code,period,value,region\n' > "$work/regions.csv"
for month in $(seq 2 11); do
  printf 'new-urban-jobs,2026-%02d,0.%d,潞州区\nnew-urban-jobs,2026-%02d,0.%d,上党区\n' "$month" "$month" "$month" "$month"
done >> "$work/regions.csv"
for trial in $(seq 5); do
  regions_db=$(ledger_at "regions-$trial")
  "$bin" --db "$regions_db" --export-csv - > /dev/null
  "$bin" --db "$regions_db" --import-csv "$work/regions.csv" > "$work/regions-a.out" 2>&1 & a=$!
  "$bin" --db "$regions_db" --import-csv "$work/regions.csv" > "$work/regions-b.out" 2>&1 & b=$!
  wait "$a" "$b" || true
  said=$(cat "$work/regions-a.out" "$work/regions-b.out" | sed -n 's/.*(\([0-9]*\) new.*/\1/p' | awk '{ n += $1 } END { print n + 0 }')
  logged=$("$bin" --db "$regions_db" --export-changes - | grep -c ',insert,value,.*regions.csv$' || true)
  if [ "$said" = 20 ] && [ "$logged" = 20 ]; then echo "ok - region figures at once, trial $trial: 20 new"
  else echo "not ok - region figures at once, trial $trial: said $said new, the change log $logged"; exit 1; fi
done

"$bin" --db "$db" --export-csv - > /dev/null  # the ledger, with its plans

importer () {  # importer NAME: imports NAME-1.csv … NAME-ROUNDS.csv in turn
  local round status
  for round in $(seq "$rounds"); do
    if "$bin" --db "$db" --import-csv "$work/$1-$round.csv" > "$work/$1-$round.out" 2> "$work/$1-$round.err"
    then status=0; else status=$?; fi
    echo "$status" > "$work/$1-$round.status"
  done
}
importer a & a=$!
importer b & b=$!
wait "$a" "$b"

"$bin" --db "$db" --export-changes "$work/changes.csv"
check_ok=0
"$bin" --db "$db" --check > "$work/check.out" 2>&1 || check_ok=$?

python3 - "$work" "$rounds" "$check_ok" "$rows" <<'PY'
import csv, re, sys

work, rounds, check_status, rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
logged = {}
with open(f"{work}/changes.csv", encoding="utf-8-sig") as f:
    for row in csv.DictReader(f):
        key = (row["origin"], row["action"])
        logged[key] = logged.get(key, 0) + 1

failures = 0
imported = 0
for name in ("a", "b"):
    for round in range(1, rounds + 1):
        origin = f"{name}-{round}.csv"
        status = int(open(f"{work}/{name}-{round}.status").read())
        out = open(f"{work}/{name}-{round}.out").read()
        err = open(f"{work}/{name}-{round}.err").read()
        new = logged.get((origin, "insert"), 0)
        changed = logged.get((origin, "update"), 0)
        if status != 0:
            # A failed import must have written nothing.
            ok = new == 0 and changed == 0 and "Nothing was imported" in err
            said = f"failed: {err.strip()}"
        else:
            imported += 1
            m = re.search(r"\((\d+) new, (\d+) changed, (\d+) unchanged\)", out)
            ok = m is not None and (int(m.group(1)), int(m.group(2))) == (new, changed) \
                 and sum(map(int, m.groups())) == rows
            said = out.strip()
        print(f"{'ok' if ok else 'not ok'} - {origin}: {said}; the change log: {new} new, {changed} changed")
        failures += not ok

print(f"{'ok' if check_status == 0 else 'not ok'} - --check after the imports")
failures += check_status != 0
print(f"{imported} of {2 * rounds} imports written, {failures} failed")
sys.exit(1 if failures or imported == 0 else 0)
PY
