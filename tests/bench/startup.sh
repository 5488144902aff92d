#!/usr/bin/env bash
# Start-up to the first window of Target Ledger against gnome-calculator (a
# Debian 12 GTK 4 + libadwaita application) on the same Xvfb display,
# alternating runs; prints each one's median time and peak memory, and the
# ratio of the medians.
#
# Usage: tests/bench/startup.sh BUILDDIR [RUNS]
set -euo pipefail
builddir=$(realpath "${1:?usage: $0 BUILDDIR [RUNS]}")
runs=${2:-11}
probe=$builddir/tests/bench/first-window
work=$(mktemp -d)
trap 'rm -rf "$work"; [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null' EXIT

command -v gnome-calculator >/dev/null || { echo "gnome-calculator is not installed" >&2; exit 1; }
if [ -z "${DISPLAY:-}" ]; then
  Xvfb :77 -screen 0 1280x1024x24 -nolisten tcp & xvfb=$!
  export DISPLAY=:77
  sleep 1
fi
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$builddir/data NO_AT_BRIDGE=1 GDK_BACKEND=x11

# A ledger that already holds the built-in plan, as on every start but the first.
"$builddir/src/target-ledger" --db "$work/ledger.sqlite3" --check >/dev/null || true
"$builddir/src/target-ledger" --db "$work/ledger.sqlite3" --export-csv - > /dev/null

median () { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

for i in $(seq "$runs"); do
  "$probe" "$builddir/src/target-ledger" --db "$work/ledger.sqlite3" >> "$work/ledger.txt"
  "$probe" gnome-calculator >> "$work/calculator.txt" 2>/dev/null
done

for app in ledger calculator; do
  t=$(awk '/first-window-ms/ {print $2}' "$work/$app.txt" | median)
  m=$(awk '/peak-rss-kib/ {print $2}' "$work/$app.txt" | median)
  printf '%-11s first window: median %7.1f ms   peak RSS: median %6.1f MiB   (%d runs)\n' \
    "$app" "$t" "$(awk -v m="$m" 'BEGIN {print m / 1024}')" "$runs"
  eval "${app}_ms=$t"
done
printf 'ratio target-ledger / gnome-calculator: %.2f\n' "$(awk -v a="$ledger_ms" -v b="$calculator_ms" 'BEGIN {print a / b}')"
