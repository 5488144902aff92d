#!/usr/bin/env bash
# Fuzzes the importers (docs/safety.md) with libFuzzer, ASan and UBSan:
#
#   build-aux/fuzz.sh [RUNS]
#
# installs clang and its sanitizer runtimes if missing, sets up a separate
# build directory (_build-fuzz, or $BUILDDIR) with -Dfuzzing=true, builds
# tests/fuzz/fuzz-{csv,number,plan-file,package,json,xlsx,period} and runs each for RUNS inputs
# (default 20000, and at most $FUZZ_MAX_TIME seconds, default 60) on a copy
# of its seed corpus in the build directory; the source tree is never
# written. Inputs that crash, leak or time out are kept in
# $BUILDDIR/fuzz/artifacts/TARGET/. Exits non-zero if any target failed.
set -euo pipefail

cd "$(dirname "$0")/.."
srcdir=$PWD
builddir=${BUILDDIR:-_build-fuzz}
runs=${1:-20000}
max_time=${FUZZ_MAX_TIME:-60}
max_len=4096
targets=(csv number plan-file package json xlsx period)

case "$runs" in
  ''|*[!0-9]*) echo "usage: build-aux/fuzz.sh [RUNS]" >&2; exit 2 ;;
esac

# What the project needs (build-aux/dev's list), and clang with libFuzzer
# and the sanitizer runtimes (libclang-rt-14-dev on Debian 12).
install_missing () {
  build-aux/dev deps clang libclang-rt-14-dev
}

setup () {
  local cc
  cc=$(command -v clang || command -v clang-14) || { echo "clang not found" >&2; exit 1; }
  if [ ! -f "$builddir/build.ninja" ]; then
    # fuzzer-no-link gives the whole build (so the core) libFuzzer's
    # coverage instrumentation; only the targets link libFuzzer itself.
    CC=$cc meson setup "$builddir" \
      -Dfuzzing=true -Dtests=true \
      -Db_sanitize=address,undefined -Db_lundef=false \
      -Dc_args=-fsanitize=fuzzer-no-link \
      --buildtype=debug
  fi
}

# The last "#N ... cov: C ..." status line libFuzzer printed.
last_stat () {
  grep -aE '^#[0-9]+' "$1" | tail -n 1 || true
}

install_missing
setup
meson compile -C "$builddir" "${targets[@]/#/tests/fuzz/fuzz-}"

# tests/lsan.supp: leaks in the libraries (json-glib 1.6's); matching them needs
# whole allocation stacks through GLib's frames (fast_unwind_on_malloc=0,
# which also makes leak reports readable). GSlice's caches (GLib < 2.76)
# would hide leaked GObjects from LeakSanitizer. UBSan only prints unless
# told to stop: here any undefined behaviour is a crash.
export G_SLICE=always-malloc G_DEBUG=gc-friendly
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:fast_unwind_on_malloc=0}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$srcdir/tests/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

workdir=$builddir/fuzz
failed=0
summary=()
for target in "${targets[@]}"; do
  exe=$builddir/tests/fuzz/fuzz-$target
  corpus=$workdir/corpus/$target
  artifacts=$workdir/artifacts/$target
  log=$workdir/fuzz-$target.log

  # The seeds are copied over the corpus grown by earlier runs.
  mkdir -p "$corpus" "$artifacts"
  cp -f "$srcdir/tests/fuzz/corpus/$target"/* "$corpus"/
  find "$artifacts" -mindepth 1 -delete

  echo "== fuzz-$target: $runs runs, at most ${max_time}s (log: $log)"
  status=0
  "$exe" -runs="$runs" -max_total_time="$max_time" -max_len="$max_len" -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" >"$log" 2>&1 || status=$?

  stat=$(last_stat "$log")
  done_runs=$(grep -aoE '^stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -n 1 || true)
  cov=$(printf '%s\n' "$stat" | grep -oE 'cov: [0-9]+' | grep -oE '[0-9]+' || true)
  ft=$(printf '%s\n' "$stat" | grep -oE 'ft: [0-9]+' | grep -oE '[0-9]+' || true)
  crashes=$(find "$artifacts" -type f | wc -l)

  if [ "$status" -ne 0 ] || [ "$crashes" -gt 0 ]; then
    failed=1
    # The report: the sanitizer's or the check's first lines and the stack.
    grep -aE -m 1 -A 25 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|check failed|CRITICAL|does not read again' \
      "$log" | grep -avE '^ +#[0-9]+ .* (fuzzer::|__libc_start|_start |main )' >&2 || true
    find "$artifacts" -type f -printf '   reproducer: %p\n' >&2
  fi
  summary+=("$(printf 'fuzz-%-10s runs: %-7s cov: %-5s ft: %-5s crashes: %s%s' \
    "$target" "${done_runs:-?}" "${cov:-?}" "${ft:-?}" "$crashes" \
    "$([ "$status" -ne 0 ] && echo " (exit $status)")")")
done

echo
printf '%s\n' "${summary[@]}"
if [ "$failed" -ne 0 ]; then
  echo "fuzzing found problems: reproduce one with $builddir/tests/fuzz/fuzz-TARGET FILE" >&2
  exit 1
fi
