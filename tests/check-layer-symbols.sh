#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: check-layer-symbols.sh LAYER=LIBRARY.a…
# The layers of the core as built (docs/architecture.md): every ledger_
# function a layer's library calls is defined by that layer or one it sees.
# check-layers.sh reads the #include lines; this reads what the compiler
# made of them, so a call up through a prototype written by hand, or a
# call into the command line or the app, fails too.
set -u
[ $# -gt 0 ] || { echo "usage: $0 LAYER=LIBRARY.a…" >&2; exit 1; }

declare -A sees=(
  [model]="model"
  [store]="model store"
  [exchange]="model store exchange"
  [report]="model store report"
)
declare -A library=() owner=()

for arg in "$@"; do
  layer=${arg%%=*}
  library[$layer]=${arg#*=}
  [ -n "${sees[$layer]:-}" ] || { echo "no such layer: $layer" >&2; exit 1; }
  [ -f "${library[$layer]}" ] || { echo "no such library: ${library[$layer]}" >&2; exit 1; }
  while read -r name; do
    owner[$name]=$layer
  done < <(nm -gP --defined-only "${library[$layer]}" | awk 'NF >= 2 && $2 != "U" { print $1 }')
done

failed=0
for layer in "${!library[@]}"; do
  while read -r name; do
    defined_in=${owner[$name]:-}
    if [ -z "$defined_in" ]; then
      echo "$layer calls $name, which no layer of the core defines" >&2
      failed=1
    elif [[ " ${sees[$layer]} " != *" $defined_in "* ]]; then
      echo "$layer calls $name of $defined_in; $layer sees only ${sees[$layer]}" >&2
      failed=1
    fi
  done < <(nm -gP --undefined-only "${library[$layer]}" | awk '$1 ~ /^ledger_/ { print $1 }' | sort -u)
done
exit $failed
