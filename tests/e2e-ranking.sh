#!/usr/bin/env bash
# End to end: the regions' rankings from the command line (docs/regions.md,
# Rankings and Scoring). make-ranking-ledger writes the ledger of
# tests/core/ranking-fixture.c, whose scores are worked by hand there;
# --export-ranking writes them as CSV, and refuses what it cannot rank
# without writing anything.
set -euo pipefail

bin=$(realpath "${1:?usage: $0 TARGET-LEDGER MAKE-RANKING-LEDGER}")
make_ledger=$(realpath "${2:?usage: $0 TARGET-LEDGER MAKE-RANKING-LEDGER}")
# shellcheck source=tests/lib.sh
source "$(dirname "$0")/lib.sh"

db=$work/ranking.sqlite3
out=$work/ranking.csv
fails () { ! "$@" > "$work/out" 2> "$work/err"; }
# field CSV INDICATOR REGION COLUMN: a column of the row of INDICATOR and REGION
field () {
  awk -F, -v indicator="$2" -v region="$3" -v column="$4" '
    NR == 1 { sub(/^\xEF\xBB\xBF/, ""); for (i = 1; i <= NF; i++) names[$i] = i; next }
    $1 == indicator && $3 == region { print $(names[column]) }
  ' "$1"
}
is () { [ "$1" = "$2" ] || { echo "  got “$1”, expected “$2”" >&2; return 1; }; }

"$make_ledger" "$db"
check "the ranking is written" "$bin" --db "$db" --export-ranking "$out" --as-of 2026-06 --plan rank-2026
check "it starts with a BOM and the header" grep -q $'^\xEF\xBB\xBF''indicator_code,indicator,region_code,region,value,target,expected,score,rank,change,band,completion,rank_points,adjustments,total$' "$out"
check "the composite comes first, A on top" \
  grep -qx 'composite,Composite ranking,A,甲区,,,,1.1000,1,2,above,66,20,0,86' <(sed -n 2p "$out")
check "five regions in the composite" is "$(grep -c '^composite,' "$out")" 5
check "B: 58.5 + 15.5 − 2 = 72, down three places" is "$(field "$out" composite B total),$(field "$out" composite B change)" "72,-3"
check "D has no figure of jobs: 0.55, one missing" is "$(field "$out" composite D score)" 0.5500
check "jobs: A and C tie first, B third, D unranked" \
  is "$(field "$out" jobs A rank) $(field "$out" jobs C rank) $(field "$out" jobs B rank) $(field "$out" jobs D rank)" "1 1 3 0"
check "the zone has no target of jobs" is "$(field "$out" jobs Z rank)" ""
check "pm25: lower is better, D first" is "$(field "$out" pm25 D rank),$(field "$out" pm25 D score)" "1,1.2000"
check "fai: D against its own target of 8" is "$(field "$out" fai D target),$(field "$out" fai D rank)" "8,3"
check "the qualitative indicator is not ranked" is "$(grep -c '^binding,' "$out" || true)" 0

check "May: no change, April had no figures" "$bin" --db "$db" --export-ranking "$work/may.csv" --as-of 2026-05 --plan rank-2026
check "May's composite: B first" is "$(field "$work/may.csv" composite B rank),$(field "$work/may.csv" composite B change)" "1,"

"$bin" --db "$work/plain.sqlite3" --import-plan "$(dirname "$0")/core/data/minimal-plan.json" > /dev/null
check "a plan without regions is refused" fails "$bin" --db "$work/plain.sqlite3" --export-ranking "$work/none.csv" --as-of 2026-06 --plan test-2026
check "the refusal says why" grep -q 'has no regions to rank' "$work/err"
check "and writes nothing" test ! -e "$work/none.csv"
check "a period outside the plan is refused" fails "$bin" --db "$db" --export-ranking "$work/none.csv" --as-of 2030-06 --plan rank-2026
check "and writes nothing either" test ! -e "$work/none.csv"
check "the ledger is never written over" fails "$bin" --db "$db" --export-ranking "$db" --plan rank-2026
check "it is still a ledger" "$bin" --db "$db" --check

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
