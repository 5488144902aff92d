#!/usr/bin/env bash
# The core's layers and the command line (with the settings) must not
# depend on GTK or libadwaita (docs/architecture.md).
# Usage: check-core-without-gtk.sh DIR…  (src/core, src/cli)
set -u
[ $# -gt 0 ] || { echo "usage: $0 DIR…" >&2; exit 1; }
failed=0
for dir in "$@"; do
  [ -d "$dir" ] || { echo "no such folder: $dir" >&2; exit 1; }
  if grep -rnE '#include *[<"](gtk/|adwaita|gdk/)' "$dir"; then
    echo "$dir includes GTK or libadwaita" >&2
    failed=1
  fi
done
exit $failed
