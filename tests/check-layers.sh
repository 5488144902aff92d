#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: check-layers.sh SRC
#        check-layers.sh --self-test SRC
# The core's layers see only the layers below them (docs/architecture.md):
# fails, naming the file and line, on any #include in SRC (the project's
# src/ folder) of a header that belongs to a layer the including file must
# not see, of another layer's private/ header, or of a library only one
# layer may use (sqlite3.h: the store; xlsxwriter.h, libarchive and libxml2:
# exchange). Every C file under SRC/core must sit in a layer's folder.
# Tests are not checked: they may include what they test.
#
# --self-test runs the check on a copy of SRC, then plants one bad #include
# at a time in the copy and fails unless the check catches each.
set -u

# The layers each layer sees (itself included). exchange and report sit
# side by side on the store; the command line sees the whole core, the
# app sees everything.
declare -A sees=(
  [model]="model"
  [store]="model store"
  [exchange]="model store exchange"
  [report]="model store report"
  [cli]="model store exchange report cli"
  [app]="model store exchange report cli app"
)
# Libraries only one layer may include.
declare -A only=(
  [sqlite3.h]=store
  [xlsxwriter.h]=exchange
  [archive.h]=exchange
  [archive_entry.h]=exchange
  [libxml/xmlreader.h]=exchange
)

# Sets layer to the layer of a path relative to SRC, or to nothing if it
# is in none.
layer_of () {
  case "$1" in
    core/model/*) layer=model ;;
    core/store/*) layer=store ;;
    core/exchange/*) layer=exchange ;;
    core/report/*) layer=report ;;
    core/*) layer= ;;
    cli/*) layer=cli ;;
    */*) layer= ;;
    *) layer=app ;;
  esac
}
include_re='^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]([^>"]+)[>"]'

check () {
  local src=$1 failed=0 path rel layer name line number text target
  declare -A owner=() private=()

  # Who owns each header: its folder's layer, and private/ headers are
  # their layer's alone. Generated resource headers belong to their layer.
  while IFS= read -r -d '' path; do
    rel=${path#"$src"/}
    layer_of "$rel"
    [ -n "$layer" ] || continue
    name=${rel##*/}
    if [ -n "${owner[$name]:-}" ] && [ "${owner[$name]}" != "$layer" ]; then
      echo "$rel: a header of this name is in ${owner[$name]} too" >&2
      failed=1
    fi
    owner[$name]=$layer
    case "$rel" in */private/*) private[$name]=$layer ;; esac
  done < <(find "$src" -name '*.h' -print0)
  for layer in model store exchange report; do
    owner[ledger-$layer-resources.h]=$layer
  done

  while IFS= read -r -d '' path; do
    rel=${path#"$src"/}
    layer_of "$rel"
    if [ -z "$layer" ]; then
      case "$rel" in
        core/*) echo "$rel: in no layer of the core (model, store, exchange, report)" >&2; failed=1 ;;
      esac
      continue
    fi
    while IFS= read -r line; do
      number=${line%%:*}
      text=${line#*:}
      [[ $text =~ $include_re ]] || continue
      target=${BASH_REMATCH[1]}
      name=${target##*/}
      if [ -n "${only[$name]:-}" ] && [ "${only[$name]}" != "$layer" ]; then
        echo "$rel:$number: includes $target, which only ${only[$name]} may use" >&2
        failed=1
      elif [ -n "${private[$name]:-}" ] && [ "${private[$name]}" != "$layer" ]; then
        echo "$rel:$number: includes $target, private to ${private[$name]}" >&2
        failed=1
      elif [ -n "${owner[$name]:-}" ] && [[ " ${sees[$layer]} " != *" ${owner[$name]} "* ]]; then
        echo "$rel:$number: includes $target of ${owner[$name]}; $layer sees only ${sees[$layer]}" >&2
        failed=1
      fi
    done < <(grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]' "$path")
  done < <(find "$src" \( -name '*.c' -o -name '*.h' \) -print0)
  return $failed
}

# Plants LINE at the end of FILE (relative to the copy) and expects the
# check to fail naming FILE.
expect_caught () {
  local copy=$1 file=$2 line=$3 log
  cp "$copy/$file" "$copy/$file.orig"
  printf '%s\n' "$line" >> "$copy/$file"
  log=$(check "$copy" 2>&1)
  local status=$?
  mv "$copy/$file.orig" "$copy/$file"
  if [ $status -eq 0 ] || [[ "$log" != *"$file"* ]]; then
    echo "not caught: $line in $file" >&2
    return 1
  fi
  echo "caught: $log"
}

self_test () {
  local src=$1 failed=0
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  cp -r "$src" "$work/src"
  check "$work/src" || { echo "the tree itself fails the check" >&2; return 1; }
  expect_caught "$work/src" core/model/ledger-period.c '#include "ledger-store.h"' || failed=1
  expect_caught "$work/src" core/model/ledger-status.h '#include "ledger-worker.h"' || failed=1
  expect_caught "$work/src" core/store/ledger-store.c '#include "ledger-csv.h"' || failed=1
  expect_caught "$work/src" core/exchange/ledger-csv.c '#include "ledger-report.h"' || failed=1
  expect_caught "$work/src" core/report/ledger-report.c '#include "ledger-package.h"' || failed=1
  expect_caught "$work/src" core/exchange/ledger-package.c '#include <sqlite3.h>' || failed=1
  expect_caught "$work/src" core/report/ledger-report.c '#include "private/ledger-store-private.h"' || failed=1
  expect_caught "$work/src" cli/ledger-cli.c '#include "ledger-store-private.h"' || failed=1
  expect_caught "$work/src" ledger-window.c '#include <sqlite3.h>' || failed=1
  expect_caught "$work/src" ledger-window.c '#include "ledger-xlsx-private.h"' || failed=1
  expect_caught "$work/src" cli/ledger-settings.c '#include "ledger-window.h"' || failed=1
  # A file outside the layers is caught too.
  cp "$work/src/core/model/ledger-period.c" "$work/src/core/ledger-stray.c"
  if check "$work/src" 2>/dev/null; then
    echo "not caught: a file in src/core outside the layers" >&2
    failed=1
  fi
  return $failed
}

if [ "${1:-}" = --self-test ]; then
  src=${2:?usage: $0 --self-test SRC}
  self_test "$src"
  exit $?
fi
src=${1:?usage: $0 SRC}
[ -d "$src/core" ] || { echo "no core in $src" >&2; exit 1; }
check "$src"
