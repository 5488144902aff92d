#!/usr/bin/env bash
# The features of the month's work attacked as a hostile user would:
# attachments (佐证材料) of pipes, of the ledger itself, of names no file
# system or document takes; texts that break a Word document, a PDF or a
# workbook; evidence of a closed month; exports of names that clash or are
# too long. Each attack must be refused with a message, or come out whole.
set -euo pipefail

bin=$(realpath "${1:?usage: $0 TARGET-LEDGER}")
# shellcheck source=tests/lib.sh
source "$(dirname "$0")/lib.sh"

db=$work/ledger.sqlite3
fails () { ! "$@" > "$work/out" 2> "$work/err"; }
unchanged () {  # unchanged NAME COMMAND…: fails, and the ledger is as it was
  local name=$1; shift
  cp "$db" "$work/before.sqlite3"
  check "$name is refused" fails "$@"
  check "$name: the ledger unchanged" cmp -s "$db" "$work/before.sqlite3"
}
docx_opens () {  # docx_opens FILE: python-docx (Word's own readers) opens it
  /usr/bin/python3 -c 'import sys, docx; docx.Document(sys.argv[1])' "$1" 2> "$work/docx.err"
}
xml_parts_parse () {  # xml_parts_parse FILE: every XML part of a zip is well-formed
  /usr/bin/python3 - "$1" <<'PY'
import sys, zipfile, xml.dom.minidom
archive = zipfile.ZipFile(sys.argv[1])
for name in archive.namelist():
    if name.endswith(".xml") or name.endswith(".rels"):
        xml.dom.minidom.parseString(archive.read(name))
PY
}
sql () {  # sql LEDGER STATEMENT: what a program behind the application's back writes
  /usr/bin/python3 -c 'import sqlite3, sys; d = sqlite3.connect(sys.argv[1]); d.execute(sys.argv[2]); d.commit()' "$@"
}

printf '%s\n' 'code,period,value' 'new-urban-jobs,2026-06,2.3' 'new-urban-jobs,2026-07,2.9' > "$work/values.csv"
check "values to attach to" "$bin" --db "$db" --import-csv "$work/values.csv"
attach () { "$bin" --db "$db" --attach "$1" --code new-urban-jobs --period "${2:-2026-06}"; }

# 1. What is not a file to attach: a pipe no one writes (refused at once,
# not waited on), the ledger itself however it is named, its -wal.
mkfifo "$work/pipe"
unchanged "a pipe" timeout 10 "$bin" --db "$db" --attach "$work/pipe" --code new-urban-jobs --period 2026-06
check "a pipe: saying it is not a file" grep -q "is not a file" "$work/err"
unchanged "the ledger itself" attach "$db"
check "the ledger: saying why" grep -q "is the ledger or one of its own files" "$work/err"
ln -s "$db" "$work/link.sqlite3"
unchanged "a symbolic link to the ledger" attach "$work/link.sqlite3"
unchanged "the ledger by another spelling" attach "$work/./ledger.sqlite3"
touch "$db-wal"
unchanged "the ledger's -wal" attach "$db-wal"

# 2. A file name that is not UTF-8 is attached under a name that is, and
# the report lists it in a PDF and a Word document that open.
printf 'minutes\n' > "$work/$(printf 'bad\xff\xfe.pdf')"
check "a name that is not UTF-8 is attached" attach "$work/$(printf 'bad\xff\xfe.pdf')"
check "as valid UTF-8" sh -c "'$bin' --db '$db' --export-changes - | iconv -f UTF-8 -t UTF-8 > /dev/null"
check "the PDF report is written" "$bin" --db "$db" --report "$work/bad.pdf" --as-of 2026-06
check "the Word report is written" "$bin" --db "$db" --report "$work/bad.docx" --as-of 2026-06
check "and opens" docx_opens "$work/bad.docx"

# 3. Texts that documents refuse or take for markup: a unit with XML, a
# control character and U+FFFE, an attachment named with "--" (which an XML
# comment cannot hold), a plan title over two lines.
printf 'x\n' > "$work/x'); DROP TABLE values;--.pdf"
check "a planted statement as a name" attach "$work/x'); DROP TABLE values;--.pdf"
check "is only a name" "$bin" --db "$db" --check
check "a unit named with markup" "$bin" --db "$db" --rename-unit 市人社局 \
  --to "$(printf '人社局<w:p>]]>&\001\357\277\276')"
check "the Word report is written" "$bin" --db "$db" --report "$work/markup.docx" --as-of 2026-06
check "and opens" docx_opens "$work/markup.docx"
check "its body once, not in a comment" \
  sh -c "unzip -p '$work/markup.docx' word/document.xml | grep -o 'DROP TABLE values;--.pdf' | wc -l | grep -qx 1"
check "the PDF report is written" "$bin" --db "$db" --report "$work/markup.pdf" --as-of 2026-06
check "the workbook is written" "$bin" --db "$db" --export-xlsx "$work/markup.xlsx"
check "and is well-formed" xml_parts_parse "$work/markup.xlsx"
printf '%s\n' '重点任务,具体目标,牵头单位' '稳投资,增长6%,市发展改革委' > "$work/list.csv"
check "a plan titled over two lines" "$bin" --db "$db" --import-plan "$work/list.csv" --year 2026 \
  --plan-code two-lines --plan-title "$(printf '清单\n<w:p>&--')"
check "its Word report is written" "$bin" --db "$db" --report "$work/title.docx" --plan two-lines
check "and opens" docx_opens "$work/title.docx"

# 4. The evidence of a closed month is locked with its figures: attaching
# to it, directly or with a data package, is refused.
"$bin" --db "$work/unit.sqlite3" --import-csv "$work/values.csv" > /dev/null
printf 'evidence\n' > "$work/evidence.pdf"
"$bin" --db "$work/unit.sqlite3" --attach "$work/evidence.pdf" --code new-urban-jobs --period 2026-07 > /dev/null
"$bin" --db "$work/unit.sqlite3" --export-package "$work/july.tlpkg" --unit 市人社局 --from 2026-07 --to 2026-07 \
  > /dev/null
check "July is closed" "$bin" --db "$db" --close-period 2026-07 --plan changzhi-2026
unchanged "a file attached to July" attach "$work/evidence.pdf" 2026-07
check "July: saying the period is closed" grep -q "2026-07 is closed" "$work/err"
unchanged "a package with a file for July" "$bin" --db "$db" --import-package "$work/july.tlpkg"
check "reopened" "$bin" --db "$db" --reopen-period 2026-07 --plan changzhi-2026 --reason "佐证材料 补充"
check "the file goes in" attach "$work/evidence.pdf" 2026-07

# 5. Names in the ledger no file system takes whole: too long for one,
# and two that are one name once made safe. Each is exported.
sql "$db" "UPDATE attachments SET name = '$(printf '长%.0s' $(seq 200)).pdf' WHERE name = 'evidence.pdf'"
sql "$db" "INSERT INTO attachments (uuid, indicator_id, period, name, media_type, sha256, added_at, added_by)
           SELECT uuid || '-2', indicator_id, period, 'a/b.pdf', media_type, sha256, added_at, added_by
           FROM attachments WHERE name LIKE 'x%'"
sql "$db" "INSERT INTO attachments (uuid, indicator_id, period, name, media_type, sha256, added_at, added_by)
           SELECT uuid || '-3', indicator_id, period, 'a_b.pdf', media_type, sha256, added_at, added_by
           FROM attachments WHERE name LIKE 'x%'"
check "names too long and names that clash are exported" "$bin" --db "$db" --export-attachments "$work/out-files"
check "the long one cut, its extension kept" \
  sh -c "ls '$work/out-files/new-urban-jobs/2026-07/' | grep -q '^长*\.pdf$'"
check "both of the names that clash" \
  sh -c "test -f '$work/out-files/new-urban-jobs/2026-06/a_b.pdf' && test -f '$work/out-files/new-urban-jobs/2026-06/a_b (2).pdf'"
attached=$(/usr/bin/python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM attachments").fetchone()[0])' "$db")
check "every attachment a file of its own" test "$(find "$work/out-files" -type f | wc -l)" = "$attached"


# 6. Exported into the ledger's backups folder: refused before a folder is
# made there (a folder in it is taken for a ledger's backups).
mkdir -p "$work/backups"
check "an export into the backups folder is refused" fails "$bin" --db "$db" --export-attachments "$work/backups"
check "naming the backups folder" grep -q "backups folder" "$work/err"
check "and nothing is made in it" test -z "$(ls -A "$work/backups")"

# 7. A name too long for a workbook's cell is cut there, not left out.
sql "$db" "UPDATE attachments SET name = '$(printf '长%.0s' $(seq 40000)).pdf' WHERE name = 'a_b.pdf'"
check "a workbook with a name too long for a cell" "$bin" --db "$db" --export-xlsx "$work/long.xlsx"
check "has it cut to a cell's 32 767 characters" /usr/bin/python3 - "$work/long.xlsx" <<'PY'
import re, sys, zipfile
strings = zipfile.ZipFile(sys.argv[1]).read("xl/sharedStrings.xml").decode()
sys.exit(max(len(text) for text in re.findall(r"<t[^>]*>([^<]*)</t>", strings)) != 32767)
PY

# 8. Writes that fail halfway — a limit on a file's size standing in for a
# full disk: the message says why and names the file, nothing is left.
full_disk () { (trap '' XFSZ; ulimit -f 64; "$@"); }   # files of at most 32 KiB
check "a plan with a long title" sh -c "'$bin' --db '$work/big.sqlite3' --import-plan '$work/list.csv' --year 2026 \
  --plan-code big --plan-title \"\$(head -c 30000 /dev/urandom | base64 -w 0)\" > /dev/null"
check "a Word report on a full disk fails" fails full_disk "$bin" --db "$work/big.sqlite3" --report "$work/full.docx"
check "saying why" grep -q "Could not write the report “$work/full.docx”: File too large" "$work/err"
check "a PDF report on a full disk fails" fails full_disk "$bin" --db "$work/big.sqlite3" --report "$work/full.pdf"
head -c 100000 /dev/urandom > "$work/photo.jpg"
check "a photo attached" "$bin" --db "$work/photo.sqlite3" --attach "$work/photo.jpg" --code new-urban-jobs \
  --period 2026-06
check "exporting it on a full disk fails" \
  fails full_disk "$bin" --db "$work/photo.sqlite3" --export-attachments "$work/full-out"
check "naming the file and why" grep -q "Could not write “$work/full-out/new-urban-jobs/2026-06/photo.jpg”: File too large" \
  "$work/err"
check "nothing is left" test -z "$(find "$work" "$work/full-out" -maxdepth 1 -name '*full.*'; \
                                     find "$work/full-out" -type f)"

# 9. Regions (docs/regions.md) as a careless or hostile office has them.
# A plan file: a name with a line break or a right-to-left override, a
# name twice but for a full-width space, a region target named twice,
# 100 000 regions — each refused at once, no plan added.
regions_plan=$(realpath "$(dirname "$0")/core/data/regions-plan.json")
city=$work/city.sqlite3
"$bin" --db "$city" --import-plan "$regions_plan" > /dev/null
plan_with () {  # plan_with OUT PYTHON: the regions plan, its first plan changed by PYTHON on p
  /usr/bin/python3 - "$regions_plan" "$1" "$2" <<'PY'
import json, sys
root = json.load(open(sys.argv[1]))
p = root["plans"][0]
exec(sys.argv[3])
open(sys.argv[2], "w").write(json.dumps(root, ensure_ascii=False))
PY
}
plan_with "$work/newline.json" 'p["regions"][0]["name"] = "潞州\n区"'
plan_with "$work/rtl.json" 'p["regions"][0]["name"] = "\u202e区州潞"'
plan_with "$work/ideographic.json" 'p["regions"][1]["name"] = "潞州区\u3000"'
plan_with "$work/many.json" 'p["regions"] = [dict(code="r%d" % i, name="区%d" % i, kind="county") for i in range(100000)]'
sed 's/"140403": 1.2,/"140403": 1.2, "140403": 9,/' "$regions_plan" > "$work/twice.json"
refused_plan () {  # refused_plan NAME WHY: the plan file NAME.json is refused, saying WHY
  check "a plan file $1 is refused" fails "$bin" --db "$work/$1.sqlite3" --import-plan "$work/$1.json"
  check "… saying why" grep -q "$2" "$work/err"
  check "… adding no plan" grep -q "No plan was added" "$work/err"
}
refused_plan newline "without line breaks or control characters"
refused_plan rtl "without line breaks or control characters"
refused_plan ideographic "Two regions are called “潞州区”"
refused_plan twice "“140403” is given twice"
check "100 000 regions are refused, not read for minutes" fails timeout 120 "$bin" --db "$work/many.sqlite3" --import-plan "$work/many.json"
check "… saying how many a plan has at most" grep -q "at most 1000 regions" "$work/err"

# A CSV row and --export-region-plan naming a region as typed with a
# full-width space after it find the region.
printf 'code,period,value,region\nnew-urban-jobs,2026-03,0.3,潞州区\xe3\x80\x80\n' > "$work/ideographic.csv"
check "a CSV region typed with a full-width space" "$bin" --db "$city" --import-csv "$work/ideographic.csv"
check "… is 潞州区's" sh -c "'$bin' --db '$city' --export-csv - | grep -q ',2026-03,0.3,.*,140403\$'"
check "a region's plan of 潞州区 so typed" \
  "$bin" --db "$city" --export-region-plan "$(printf '潞州区\xe3\x80\x80')" "$work/luzhou.json"

# A county's package: the figures of another county in it are refused;
# in another office of the county (a ledger of its plan) they are its own.
"$bin" --db "$city" --export-region-plan 140403 "$work/county-plan.json" > /dev/null
"$bin" --db "$work/county.sqlite3" --import-plan "$work/county-plan.json" > /dev/null
# The region a county's plan is for, named over two lines and 5000
# characters long, is refused like a region's name.
/usr/bin/python3 - "$work/county-plan.json" "$work/for-region.json" <<'PY'
import json, sys
root = json.load(open(sys.argv[1]))
root["plans"][0]["for_region"]["name"] = "潞州\n区" + "长" * 5000
open(sys.argv[2], "w").write(json.dumps(root, ensure_ascii=False))
PY
check "a plan for a region named over two lines is refused" \
  fails "$bin" --db "$work/for-region.sqlite3" --import-plan "$work/for-region.json"
check "… saying why" grep -q "without line breaks or control characters" "$work/err"
printf 'code,period,value\nnew-urban-jobs,2026-06,0.7\n' > "$work/county.csv"
"$bin" --db "$work/county.sqlite3" --import-csv "$work/county.csv" > /dev/null
"$bin" --db "$work/county.sqlite3" --export-package "$work/luzhou.tlpkg" --unit 市人社局 > /dev/null
sed 's/"updated_by": "\([^"]*\)"/"updated_by": "\1", "region": "140404"/' "$work/luzhou.tlpkg" > "$work/other.tlpkg"
cp "$city" "$work/city-before.sqlite3"
"$bin" --db "$city" --import-package "$work/other.tlpkg" > "$work/other.out" 2>&1 || true
check "上党区's figure in 潞州区's package is refused" grep -q 'refused: 1' "$work/other.out"
check "… saying why" grep -q 'package is for the region “140403” and cannot carry a figure of “140404”' "$work/other.out"
check "… and the ledger's figures unchanged" \
  test "$("$bin" --db "$city" --export-csv -)" = "$("$bin" --db "$work/city-before.sqlite3" --export-csv -)"
"$bin" --db "$work/office.sqlite3" --import-plan "$work/county-plan.json" > /dev/null
check "another office of 潞州区 merges its package" "$bin" --db "$work/office.sqlite3" --import-package "$work/luzhou.tlpkg"
check "… as its own figure" sh -c "'$bin' --db '$work/office.sqlite3' --export-csv - | grep -q ',2026-06,0.7,.*,\$'"
"$bin" --db "$city" --export-region-plan 140404 "$work/shangdang-plan.json" > /dev/null
"$bin" --db "$work/shangdang.sqlite3" --import-plan "$work/shangdang-plan.json" > /dev/null
"$bin" --db "$work/shangdang.sqlite3" --import-package "$work/luzhou.tlpkg" > "$work/shangdang.out" 2>&1 || true
check "潞州区's package in 上党区's ledger is refused" grep -q 'refused: 1' "$work/shangdang.out"
check "… saying whose each is" \
  grep -q 'package is for the region “140403”, and this ledger holds the plan of “上党区”' "$work/shangdang.out"

# A closed month refuses a region's figure as the city's; a full disk
# leaves no ranking and no region's plan behind.
check "March is closed" "$bin" --db "$city" --close-period 2026-03 --plan regions-2026
printf 'code,period,value,region\nnew-urban-jobs,2026-03,0.5,上党区\n' > "$work/closed.csv"
unchanged_city () { local saved=$db; db=$city; unchanged "$@"; db=$saved; }
unchanged_city "a region's figure of a closed month" "$bin" --db "$city" --import-csv "$work/closed.csv"
check "… saying the month is closed" grep -q "2026-03 is closed" "$work/err"
# The ranking of a plan of 1000 regions, the most, is over 100 KiB.
plan_with "$work/thousand.json" 'p["regions"] = [dict(code="r%d" % i, name="区%d" % i, kind="county") for i in range(1000)]
p["areas"][0]["tasks"][0]["indicators"][0]["region_targets"] = {"r%d" % i: 0.01 for i in range(1000)}
del p["areas"][0]["tasks"][1]["indicators"][0]["region_targets"]'
check "a plan of 1000 regions" "$bin" --db "$work/thousand.sqlite3" --import-plan "$work/thousand.json"
check "a ranking on a full disk fails" fails full_disk \
  "$bin" --db "$work/thousand.sqlite3" --export-ranking "$work/full-ranking.csv" --as-of 2026-06
check "… naming the file and why" grep -q "Could not write “$work/full-ranking.csv”: File too large" "$work/err"
check "… leaving nothing" test -z "$(find "$work" -maxdepth 1 -name 'full-ranking*')"

# Another program's region target for a region the plan lacks: the check finds it.
sql "$city" "INSERT INTO region_targets SELECT id, 'nowhere', 5 FROM indicators WHERE code = 'new-urban-jobs'"
check "the check finds a target of a region the plan lacks" fails "$bin" --db "$city" --check
check "… naming it" grep -q "has a target for 'nowhere', which is not a region of its plan" "$work/err"

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
