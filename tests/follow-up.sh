#!/usr/bin/env bash
# End to end, the follow-up (docs/domain.md, Follow-up): a plan file of
# format 3 with units, milestones and sub-items goes in and comes back out;
# --milestone-done marks a milestone done, refuses one that is not there
# and changes nothing then; the CSV lists the supporting units.
set -euo pipefail

bin=$(realpath "${1:?usage: $0 TARGET-LEDGER}")
# shellcheck source=tests/lib.sh
source "$(dirname "$0")/lib.sh"

db=$work/follow-up.sqlite3
cat > "$work/plan.json" <<'JSON'
{"format": 3, "plans": [{"uuid": "11111111-1111-4111-8111-111111111111", "code": "p", "title": "P",
 "first_year": 2026, "last_year": 2026, "areas": [{"uuid": "22222222-2222-4222-8222-222222222222",
 "title": "A", "tasks": [{"uuid": "33333333-3333-4333-8333-333333333333", "title": "促消费",
 "lead_unit": "市商务局", "supporting_units": ["市财政局", "市文旅局"],
 "milestones": [{"uuid": "44444444-4444-4444-8444-444444444444", "due": "2026-06-30", "what": "6月底前 出台方案"}],
 "sub_items": [{"uuid": "55555555-5555-4555-8555-555555555555", "title": "以旧换新", "status": "behind"}],
 "indicators": [{"uuid": "66666666-6666-4666-8666-666666666666", "code": "consumption", "name": "促消费",
  "kind": "qualitative", "frequency": "quarterly", "responsible_unit": "市商务局",
  "supporting_units": ["市统计局"]}]}]}]}]}
JSON

check "a plan file of format 3 is imported" "$bin" --db "$db" --import-plan "$work/plan.json"
"$bin" --db "$db" --export-plan "$work/again.json"
check "the plan comes back as format 3" grep -q '"format": 3' "$work/again.json"
check "with the task's supporting units in order" \
  python3 -c 'import json, sys; t = json.load(open(sys.argv[1]))["plans"][0]["areas"][0]["tasks"][0]; sys.exit(t["supporting_units"] != ["市财政局", "市文旅局"] or t["sub_items"][0]["status"] != "behind")' "$work/again.json"
"$bin" --db "$db" --export-csv "$work/ledger.csv"
check "the CSV names the indicator's supporting units" grep -q ',市商务局,false,市统计局,' "$work/ledger.csv"

if "$bin" --db "$db" --milestone-done consumption --due 2026-07-31 2> "$work/none.err"; then status=0; else status=$?; fi
check "a milestone not due that day is refused" test "$status" = 1
check "and the message says which" grep -q '2026-07-31' "$work/none.err"
"$bin" --db "$db" --export-plan "$work/unchanged.json"
check "nothing changed" cmp -s "$work/again.json" "$work/unchanged.json"
if "$bin" --db "$db" --milestone-done consumption 2> /dev/null; then status=0; else status=$?; fi
check "--milestone-done wants --due" test "$status" = 2
if "$bin" --db "$db" --due 2026-06-30 2> /dev/null; then status=0; else status=$?; fi
check "--due alone is refused" test "$status" = 2

check "--milestone-done marks it done" \
  "$bin" --db "$db" --milestone-done consumption --due 2026-06-30 --note '长政办发〔2026〕12号'
"$bin" --db "$db" --export-plan "$work/done.json"
check "with today's date and the note" \
  python3 -c 'import json, sys, datetime; m = json.load(open(sys.argv[1]))["plans"][0]["areas"][0]["tasks"][0]["milestones"][0]; sys.exit(m["done_on"] != datetime.date.today().isoformat() or m["note"] != "长政办发〔2026〕12号")' "$work/done.json"
"$bin" --db "$db" --export-changes "$work/changes.csv"
check "in the change log" grep -q 'milestone' "$work/changes.csv"
if "$bin" --db "$db" --milestone-done consumption --due 2026-06-30 2> /dev/null; then status=0; else status=$?; fi
check "a milestone done is not done twice" test "$status" = 1

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
