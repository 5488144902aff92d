#!/usr/bin/env bash
# The monthly report as a Word document (--report OUT.docx), in English and
# in Chinese: read back with python-docx (tests/check-report-docx.py), and,
# where LibreOffice is installed, converted to PDF and its first pages
# saved as pictures beside the UI tests' screenshots, to be looked at.
set -euo pipefail

bin=$(realpath "${1:?usage: $0 TARGET-LEDGER}")
checker=$(realpath "$(dirname "$0")/check-report-docx.py")
# shellcheck source=tests/lib.sh
source "$(dirname "$0")/lib.sh"
shots=${LEDGER_SCREENSHOT_DIR:-$work/screenshots}
mkdir -p "$shots"

db=$work/ledger.sqlite3
printf '%s\n' 'code,period,value,status,note' \
  'new-urban-jobs,2026-06,1.2,,' \
  'gdp-growth,2026-Q2,5.8,,' \
  'loyal-duty,2026-Q2,,behind,"会议纪要 & <督办>"' > "$work/values.csv"
check "values for the report" "$bin" --db "$db" --import-csv "$work/values.csv"

for language in en zh_CN; do
  out=$work/report-$language
  check "$language: a report as a Word document" env LANGUAGE=$language "$bin" --db "$db" --report "$out.docx"
  check "$language: the same report as a PDF" env LANGUAGE=$language "$bin" --db "$db" --report "$out.pdf"
  check "$language: a zip package" sh -c "head -c 2 '$out.docx' | grep -q PK"
  pdftotext "$out.pdf" "$out.txt"
  if /usr/bin/python3 "$checker" "$out.docx" "$out.txt" $language > "$out.checks"; then status=0; else status=1; fi
  cat "$out.checks"
  check "$language: python-docx reads what the office edits" test $status = 0
  passed=$((passed + $(grep -c '^ok' "$out.checks" || true)))

  if ! command -v soffice > /dev/null; then
    echo "ok - $language: LibreOffice converts it to PDF # SKIP LibreOffice is not installed"
    continue
  fi
  mkdir -p "$out-lo"
  check "$language: LibreOffice converts it to PDF" \
    soffice -env:UserInstallation=file://$work/lo-profile --headless --convert-to pdf --outdir "$out-lo" "$out.docx"
  check "$language: of several A4 pages" \
    sh -c "pdfinfo '$out-lo/report-$language.pdf' | grep -Eq '^Pages: +([3-9]|[1-9][0-9]+)\$' &&
           pdfinfo '$out-lo/report-$language.pdf' | grep -q 'Page size: *595.* x 841.*'"
  check "$language: with the page numbers" sh -c "pdftotext -f 2 -l 2 '$out-lo/report-$language.pdf' - | tr -d ' ' | grep -q '^—2—$'"
  pdftoppm -r 70 -png -f 1 -l 3 "$out-lo/report-$language.pdf" "$shots/report-docx-$language"
done

# Refused: no file where the folder is missing, none over the ledger.
if "$bin" --db "$db" --report "$work/missing/report.docx" 2> "$work/missing.err"; then failed=0; else failed=1; fi
check "a Word report into a missing folder fails" test $failed = 1
check "with the reason" grep -q 'missing/report.docx' "$work/missing.err"
cp "$db" "$work/before.sqlite3"
if "$bin" --db "$db" --report "$db" 2> /dev/null; then failed=0; else failed=1; fi
check "a Word report over the ledger is refused" test $failed = 1
check "and the ledger is as it was" cmp -s "$db" "$work/before.sqlite3"
check "an upper-case .DOCX is a Word document too" "$bin" --db "$db" --report "$work/R.DOCX"
check "that zip holds the document" sh -c "unzip -l '$work/R.DOCX' | grep -q word/document.xml"

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
