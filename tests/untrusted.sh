#!/usr/bin/env bash
# End to end, as a hostile file or an unwritable disk would have it: a
# ledger with a planted trigger, a backup with one, an empty database that
# claims a ledger's version, text and infinities where numbers belong, a
# ledger in a read-only folder or read-only itself. Each is refused or read
# as it should be, and no file is changed by a command that fails.
set -euo pipefail

bin=${1:?usage: $0 TARGET-LEDGER}
# shellcheck source=tests/lib.sh
source "$(dirname "$0")/lib.sh"
fails () { ! "$@"; }
quiet () { "$@" > /dev/null; }
status_of () {  # status_of OUT COMMAND…: runs COMMAND with its output in OUT; prints its exit status
  local out=$1; shift
  if "$@" > "$out" 2>&1; then echo 0; else echo $?; fi
}
sql () {  # sql FILE STATEMENT: what a hostile hand does to a ledger
  python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.close()' "$1" "$2"
}
digest () { sha256sum "$1" | cut -d' ' -f1; }

printf 'code,period,value\nnew-urban-jobs,2026-06,2.6\n' > "$work/jobs.csv"
printf 'code,period,value\nnew-urban-jobs,2026-09,3.1\n' > "$work/more.csv"

# 1. A trigger planted in a ledger: refused for writing, found by the
# check, never run; an export reads it and says so.
planted=$work/planted.sqlite3
"$bin" --db "$planted" --import-csv "$work/jobs.csv" > /dev/null
sql "$planted" "CREATE TRIGGER rewrite AFTER INSERT ON indicator_values BEGIN UPDATE indicator_values SET value = 99; DELETE FROM changes; END;"
before=$(digest "$planted")
status=$(status_of "$work/import.err" "$bin" --db "$planted" --import-csv "$work/more.csv")
check "an import into a ledger with a trigger is refused" test "$status" -eq 1
check "… saying what was found" grep -q 'unexpected trigger rewrite on indicator_values' "$work/import.err"
check "… and the ledger is untouched" test "$(digest "$planted")" = "$before"
status=$(status_of "$work/check.out" "$bin" --db "$planted" --check)
check "the check finds the trigger" test "$status" -eq 1
check "… by name" grep -q 'unexpected trigger rewrite on indicator_values' "$work/check.out"
status=$(status_of "$work/export.err" "$bin" --db "$planted" --export-csv "$work/planted.csv")
check "an export still reads the ledger" test "$status" -eq 0
check "… saying it is read only" grep -q 'reading only' "$work/export.err"
check "… with its value" grep -q ',new-urban-jobs,.*,2026-06,2.6,' "$work/planted.csv"
check "… and the ledger is untouched" test "$(digest "$planted")" = "$before"

# 2. Backups from anywhere: with a trigger, or an empty database that
# says it is a ledger, a restore is refused and the ledger stays.
ledger=$work/ledger.sqlite3
"$bin" --db "$ledger" --import-csv "$work/jobs.csv" > /dev/null
"$bin" --db "$ledger" --export-csv "$work/before.csv"
sql "$work/empty.sqlite3" "PRAGMA user_version = 2;"
status=$(status_of "$work/restore.err" "$bin" --db "$ledger" --restore "$planted")
check "a backup with a trigger is not restored" test "$status" -eq 1
check "… saying why" grep -q 'unexpected trigger rewrite' "$work/restore.err"
status=$(status_of "$work/restore.err" "$bin" --db "$ledger" --restore "$work/empty.sqlite3")
check "an empty database is not restored" test "$status" -eq 1
check "… saying what it lacks" grep -q 'missing table' "$work/restore.err"
"$bin" --db "$ledger" --export-csv "$work/after.csv"
check "… and the ledger holds what it held" cmp -s "$work/before.csv" "$work/after.csv"

# 3. Text and an infinity where numbers belong.
odd=$work/odd.sqlite3
"$bin" --db "$odd" --import-csv "$work/jobs.csv" > /dev/null
sql "$odd" "UPDATE indicator_values SET value = 'lots'; UPDATE indicators SET target = 9e999 WHERE code = 'gdp-growth';"
status=$(status_of "$work/odd.out" "$bin" --db "$odd" --check)
check "the check finds text in a value" test "$status" -eq 1
check "… named" grep -q 'value new-urban-jobs 2026-06 holds text where a number belongs' "$work/odd.out"
check "… and the infinite target" grep -q 'indicator gdp-growth has a target of an infinite number' "$work/odd.out"

# 4. A read-only folder, then a read-only ledger: read, exported and
# checked, never written, and nothing left behind that outlives it. Root
# writes anyway, so the commands run as nobody where the test is root.
as_user=()
shelf=$work/shelf out=$work/out
mkdir "$shelf" "$out"
"$bin" --db "$shelf/ledger.sqlite3" --import-csv "$work/jobs.csv" > /dev/null
if [ "$(id -u)" -eq 0 ]; then
  # nobody may not reach the build tree (a clone in /root): a copy of the
  # program, and no leak check whose suppressions it could not read.
  install -m 0755 "$bin" "$work/target-ledger"
  bin=$work/target-ledger
  chown -R nobody: "$shelf" "$out"
  as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups
           env -u LSAN_OPTIONS HOME=/nonexistent ASAN_OPTIONS=detect_leaks=0)
fi
run () { "${as_user[@]}" "$bin" --db "$shelf/ledger.sqlite3" "$@"; }
chmod 0555 "$shelf"
check "a ledger in a read-only folder is checked" quiet run --check
run --export-csv "$out/shelf.csv" || true
check "… and exported" grep -q ',new-urban-jobs,.*,2026-06,2.6,' "$out/shelf.csv"
status=$(status_of "$work/ro.err" run --import-csv "$work/more.csv")
check "… but not written" test "$status" -eq 1
check "… saying so" grep -q 'reading only' "$work/ro.err"
chmod 0755 "$shelf"
chmod 0444 "$shelf/ledger.sqlite3"
check "a read-only ledger is exported" run --export-csv "$out/read-only.csv"
check "… leaving no shared memory file" test ! -e "$shelf/ledger.sqlite3-shm"
chmod 0644 "$shelf/ledger.sqlite3"
check "once writable again, it is written" quiet run --import-csv "$work/more.csv"
# A read-only shared memory file, as older versions left behind.
sql "$shelf/ledger.sqlite3" "DELETE FROM indicator_values;"
head -c 32768 /dev/zero > "$shelf/ledger.sqlite3-shm"
: > "$shelf/ledger.sqlite3-wal"
chmod 0444 "$shelf/ledger.sqlite3-shm" "$shelf/ledger.sqlite3-wal"
[ "$(id -u)" -ne 0 ] || chown nobody: "$shelf/ledger.sqlite3-shm" "$shelf/ledger.sqlite3-wal"
check "a read-only shared memory file left behind does not block it" quiet run --import-csv "$work/jobs.csv"

echo "1..$((passed + failures))"
[ "$failures" -eq 0 ]
