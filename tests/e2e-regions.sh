#!/usr/bin/env bash
# End to end: regions in files (docs/regions.md). The city's ledger holds
# a plan split to its regions; it writes a county's plan; the county's own
# ledger records its figures and sends them back as a data package; the
# city's ledger files them under the county, and its CSV shows them in the
# column "region".
set -euo pipefail

bin=$(realpath "${1:?usage: $0 TARGET-LEDGER}")
plan=$(realpath "$(dirname "$0")/core/data/regions-plan.json")
# shellcheck source=tests/lib.sh
source "$(dirname "$0")/lib.sh"

city=$work/city.sqlite3
county=$work/county.sqlite3
fails () { ! "$@" > "$work/out" 2> "$work/err"; }

# The city: regions-plan.json splits new-urban-jobs (4.3 万人) to 潞州区
# 140403 (1.2) and 上党区 140404 (0.8), gdp-growth (6 %) to 潞州区 (6.5).
check "the city's plan, split to its regions" "$bin" --db "$city" --import-plan "$plan"
"$bin" --db "$city" --export-plan "$work/city-plan.json" > /dev/null
check "the ledger gives its regions back" grep -q '"name": "长治高新区"' "$work/city-plan.json"
check "and the split targets" grep -q '"140404": 0.8' "$work/city-plan.json"

# 潞州区's plan: the city's UUIDs and codes, its own targets, for_region.
check "潞州区's plan is written" "$bin" --db "$city" --export-region-plan 潞州区 "$work/luzhou.json"
check "it is for 140403" grep -q '"code": "140403"' "$work/luzhou.json"
check "new-urban-jobs has 潞州区's target, 1.2" grep -q '"target": 1.2' "$work/luzhou.json"
check "gdp-growth has 潞州区's, 6.5" grep -q '"target": 6.5' "$work/luzhou.json"
check "the city's 4.3 is not there" fails grep -q '"target": 4.3' "$work/luzhou.json"
check "nor the city's regions" fails grep -q '"regions"' "$work/luzhou.json"
check "the same plan by the region's code" "$bin" --db "$city" --export-region-plan 140403 "$work/by-code.json"
"$bin" --db "$city" --export-region-plan gxq "$work/zone.json" > "$work/zone.txt"
check "a total not split to the zone is told" grep -q '^1 total has no target of the region’s own' "$work/zone.txt"
check "and keeps the city's 4.3" grep -q '"target": 4.3' "$work/zone.json"
check "a region the plan lacks is refused" fails "$bin" --db "$city" --export-region-plan 武乡县 "$work/none.json"
check "the refusal lists the plan's regions" grep -q '潞州区、上党区、长治高新区' "$work/err"
check "and writes no file" test ! -e "$work/none.json"
check "a region without the file to write is a mistake" fails "$bin" --db "$city" --export-region-plan 潞州区
check "a stray argument is a mistake" fails "$bin" --db "$city" --export-csv - "$work/stray"

# The county's own ledger: 0.4 万人 by 1-3月, 0.7 by 1-6月.
check "the county imports its plan" "$bin" --db "$county" --import-plan "$work/luzhou.json"
printf '%s\n' 'code,period,value' 'new-urban-jobs,2026-03,0.4' 'new-urban-jobs,2026-06,0.7' > "$work/county.csv"
check "the county records its figures" "$bin" --db "$county" --import-csv "$work/county.csv"
check "and sends them as a data package" \
  "$bin" --db "$county" --export-package "$work/luzhou.tlpkg" --unit 市人社局
check "a package of regions is version 3" grep -q '"version": 3' "$work/luzhou.tlpkg"
check "its plan is for 140403" grep -q '"for_region": "140403"' "$work/luzhou.tlpkg"

# The city files them under 潞州区; its own figures are untouched.
check "the city merges the package" "$bin" --db "$city" --import-package "$work/luzhou.tlpkg"
"$bin" --db "$city" --export-csv "$work/city.csv" > /dev/null
check "the CSV has the column region" grep -q ',note,source,region$' "$work/city.csv"
check "潞州区's 1-3月, with its target" grep -q '^regions-2026,.*,new-urban-jobs,.*,1.2,.*,2026-03,0.4,.*,140403$' "$work/city.csv"
check "潞州区's 1-6月" grep -q '^regions-2026,.*,new-urban-jobs,.*,2026-06,0.7,.*,140403$' "$work/city.csv"
check "the city's own row still has no figure" grep -q '^regions-2026,.*,new-urban-jobs,.*,4.3,.*,,,.*,no_data,.*,$' "$work/city.csv"
"$bin" --db "$city" --import-package "$work/luzhou.tlpkg" > "$work/again.txt"
check "the same package again changes nothing" grep -q 'Added: 0, unchanged: 2, conflicts: 0, refused: 0' "$work/again.txt"

# A package of a region the city does not have is refused, value by value.
sed 's/"for_region": "140403"/"for_region": "140499"/' "$work/luzhou.tlpkg" > "$work/unknown.tlpkg"
"$bin" --db "$city" --import-package "$work/unknown.tlpkg" > "$work/unknown.txt" 2>&1 || true
check "a region the city lacks is refused" grep -q 'refused: 2' "$work/unknown.txt"
check "the refusal names it" grep -q '“140499” is not a region of the plan' "$work/unknown.txt"

# The CSV goes back into a new ledger of the plan as it came out.
"$bin" --db "$work/copy.sqlite3" --import-plan "$plan" > /dev/null
check "the city's CSV imports into a new ledger" "$bin" --db "$work/copy.sqlite3" --import-csv "$work/city.csv"
"$bin" --db "$work/copy.sqlite3" --export-csv "$work/copy.csv" > /dev/null
check "and exports the same" cmp -s "$work/city.csv" "$work/copy.csv"
printf '%s\n' 'code,period,value,region' 'new-urban-jobs,2026-06,0.3,上党区' 'new-urban-jobs,2026-06,0.2,沁县' \
  > "$work/unknown.csv"
check "a CSV row of a region the plan lacks is refused" fails "$bin" --db "$city" --import-csv "$work/unknown.csv"
check "with its line" grep -q '^Line 3: “沁县” is not a region' "$work/err"

# The roll-up checked: 潞州区 0.7 and 上党区 0.3 make 1.0 by 1-6月; the city's own 1.5 is off by a third.
printf '%s\n' 'code,period,value,region' 'new-urban-jobs,2026-06,0.3,上党区' 'new-urban-jobs,2026-06,1.5,' \
  > "$work/roll-up.csv"
check "the city's own figure beside its regions'" "$bin" --db "$city" --import-csv "$work/roll-up.csv"
check "--check passes with a disagreement" "$bin" --db "$city" --check
"$bin" --db "$city" --check > "$work/check.txt"
check "and warns of it, with both figures" \
  grep -q 'new-urban-jobs .*2026-06: the city’s figure 1.5 differs from the sum of its regions’ 1 (2 of 2 regions)' \
  "$work/check.txt"
printf '%s\n' 'code,period,value,region' 'new-urban-jobs,2026-06,1.005,' > "$work/agree.csv"
"$bin" --db "$city" --import-csv "$work/agree.csv" > /dev/null
"$bin" --db "$city" --check > "$work/check.txt"
check "within 1 % it does not" fails grep -q 'Warning' "$work/check.txt"

# The 通报: the counties ranked.
check "the report is written" "$bin" --db "$city" --plan regions-2026 --as-of 2026-06 --report "$work/report.pdf"
pdftotext -layout "$work/report.pdf" "$work/report.txt"
check "with the regions ranked" grep -q 'Regions ranked\|Region Rankings\|Ranking' "$work/report.txt"
check "潞州区 among them" grep -q '潞州区' "$work/report.txt"
check "the ranking as CSV" "$bin" --db "$city" --plan regions-2026 --as-of 2026-06 --export-ranking "$work/ranking.csv"
check "潞州区 ranked on new-urban-jobs" grep -q 'new-urban-jobs,.*,140403,潞州区' "$work/ranking.csv"

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
