#!/usr/bin/env bash
# Attachments (佐证材料) from the command line: --attach, refusals that
# change nothing, --export-attachments named by indicator, period and name,
# the report's list, and damage found by --check.
set -euo pipefail

bin=$(realpath "${1:?usage: $0 TARGET-LEDGER}")
# shellcheck source=tests/lib.sh
source "$(dirname "$0")/lib.sh"

db=$work/ledger.sqlite3
head -c 300000 /dev/urandom > "$work/开工照片.jpg"
cp "$work/开工照片.jpg" "$work/same.jpg"
printf 'minutes\n' > "$work/minutes.pdf"
sha=$(sha256sum "$work/开工照片.jpg" | cut -c1-64)

check "a file attached to a value" \
  "$bin" --db "$db" --attach "$work/开工照片.jpg" --code new-urban-jobs --period 2026-06
check "the same bytes under another name" \
  "$bin" --db "$db" --attach "$work/same.jpg" --code new-urban-jobs --period 2026-06
check "a file attached to a task's quarter" \
  "$bin" --db "$db" --attach "$work/minutes.pdf" --code loyal-duty --period 2026-Q2

refused () {  # refused NAME PATTERN ARGS…: exit 1, says PATTERN, the ledger unchanged
  local name=$1 pattern=$2; shift 2
  cp "$db" "$work/before.sqlite3"
  if "$bin" --db "$db" "$@" > /dev/null 2> "$work/refused.err"; then status=0; else status=$?; fi
  check "$name is refused" test "$status" != 0
  check "$name: saying why" grep -q -- "$pattern" "$work/refused.err"
  check "$name: the ledger unchanged" cmp -s "$db" "$work/before.sqlite3"
}
refused "a name twice" "already attached" --attach "$work/same.jpg" --code new-urban-jobs --period 2026-06
refused "a period the indicator does not have" "not a period" \
  --attach "$work/minutes.pdf" --code loyal-duty --period 2026-06
refused "a missing file" "No such file" --attach "$work/none.pdf" --code loyal-duty --period 2026-Q2
refused "a folder" "is not a file" --attach "$work" --code loyal-duty --period 2026-Q2
refused "an unknown indicator" "no indicator" --attach "$work/minutes.pdf" --code nothing --period 2026-Q2
refused "--attach without --period" "needs --code and --period" --attach "$work/minutes.pdf" --code loyal-duty

check "the change log records adding" sh -c "'$bin' --db '$db' --export-changes - | grep -c ',insert,attachment,' | grep -qx 3"

check "every attachment exported" "$bin" --db "$db" --export-attachments "$work/out"
check "named by indicator, period and name" cmp -s "$work/out/new-urban-jobs/2026-06/开工照片.jpg" "$work/开工照片.jpg"
check "the other name too" cmp -s "$work/out/new-urban-jobs/2026-06/same.jpg" "$work/开工照片.jpg"
check "and the task's" cmp -s "$work/out/loyal-duty/2026-Q2/minutes.pdf" "$work/minutes.pdf"

check "the report lists them" "$bin" --db "$db" --report "$work/report.pdf" --as-of 2026-06
pdftotext "$work/report.pdf" - | tr -d '\n ' > "$work/report.txt"
check "with name and SHA-256" sh -c "grep -q '开工照片.jpg' '$work/report.txt' && grep -q 'SHA-256$sha' '$work/report.txt'"

check "the workbook lists them" "$bin" --db "$db" --export-xlsx "$work/ledger.xlsx"
check "on a sheet of their own" sh -c "unzip -p '$work/ledger.xlsx' xl/workbook.xml | grep -q 'name=\"Evidence\"'"
check "with name and SHA-256" sh -c "unzip -p '$work/ledger.xlsx' xl/sharedStrings.xml | grep -q '开工照片.jpg' &&
                                     unzip -p '$work/ledger.xlsx' xl/sharedStrings.xml | grep -q '$sha'"

# A unit's data package carries its evidence (version 2), and the office's
# ledger gets the very same files; a package without files stays version 1.
printf 'code,period,value\nnew-urban-jobs,2026-06,2.3\ncpi-rise,2026-06,0.8\n' > "$work/values.csv"
check "values of two units" "$bin" --db "$db" --import-csv "$work/values.csv"
check "a unit's package with its files" "$bin" --db "$db" --export-package "$work/unit.tlpkg" --unit 市人社局
check "is of version 2" grep -q '"version" *: *2' "$work/unit.tlpkg"
check "the office imports it" "$bin" --db "$work/office.sqlite3" --import-package "$work/unit.tlpkg"
check "and has the files" "$bin" --db "$work/office.sqlite3" --export-attachments "$work/office-out"
check "byte for byte (the same SHA-256)" cmp -s "$work/office-out/new-urban-jobs/2026-06/开工照片.jpg" "$work/开工照片.jpg"
check "the change log names the package" sh -c "'$bin' --db '$work/office.sqlite3' --export-changes - | grep -q ',insert,attachment,.*unit.tlpkg'"
check "a unit without files" "$bin" --db "$db" --export-package "$work/stats.tlpkg" --unit 市统计局 --from 2026-01 --to 2026-06
check "writes version 1, as before" grep -q '"version" *: *1' "$work/stats.tlpkg"
sed 's/"sha256" *: *"[0-9a-f]\{8\}/"sha256": "00000000/' "$work/unit.tlpkg" > "$work/tampered.tlpkg"
if "$bin" --db "$work/office2.sqlite3" --import-package "$work/tampered.tlpkg" 2> "$work/tampered.err"; then status=0; else status=$?; fi
check "a file that is not what its SHA-256 says is refused" test "$status" = 1
check "saying which" grep -q 'is not the file its “size” and “sha256” describe' "$work/tampered.err"

check "a ledger with attachments checks" "$bin" --db "$db" --check
check "a backup carries them" "$bin" --db "$db" --backup "$work/backup.sqlite3"
check "the backup exports the same files" "$bin" --db "$work/backup.sqlite3" --export-attachments "$work/from-backup"
check "byte for byte" cmp -s "$work/from-backup/new-urban-jobs/2026-06/开工照片.jpg" "$work/开工照片.jpg"

# A name planted in the ledger file to climb out of the folder stays in it.
cp "$db" "$work/planted.sqlite3"
/usr/bin/python3 - "$work/planted.sqlite3" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE attachments SET name = '../../../escaped.pdf' WHERE name = 'minutes.pdf'")
db.commit()
PY
check "a planted name is exported" "$bin" --db "$work/planted.sqlite3" --export-attachments "$work/planted-out"
check "inside the folder" test -f "$work/planted-out/loyal-duty/2026-Q2/_.._.._escaped.pdf"
check "and nowhere above it" test ! -e "$work/escaped.pdf"

# Bytes that no longer match their SHA-256: --check names them.
/usr/bin/python3 - "$db" "$sha" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE attachment_blobs SET content = zeroblob(300000) WHERE sha256 = ?", (sys.argv[2],))
db.commit()
PY
if "$bin" --db "$db" --check > "$work/check.out" 2>&1; then status=0; else status=$?; fi
check "a damaged attachment fails the check" test "$status" = 1
check "naming it" grep -q "attachment file $sha does not match its SHA-256" "$work/check.out"

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
