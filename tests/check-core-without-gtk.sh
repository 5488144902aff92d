#!/usr/bin/env bash
# The core library must not depend on GTK or libadwaita (docs/architecture.md).
set -u
dir=${1:?usage: $0 SRC/CORE}
if grep -rnE '#include *[<"](gtk/|adwaita|gdk/)' "$dir"; then
  echo "src/core includes GTK or libadwaita" >&2
  exit 1
fi
[ -d "$dir" ] || { echo "no such folder: $dir" >&2; exit 1; }
exit 0
