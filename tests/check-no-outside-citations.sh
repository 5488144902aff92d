#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: check-no-outside-citations.sh SRCDIR
# The repository cites nothing outside itself: no file but this one names
# the design notes or the shared folder its first developers worked from,
# which are not in the repository; comments cite the project's own docs/
# instead (see docs/architecture.md). Reads the files git tracks, or, in a copy without
# git metadata, every file but build directories.
set -u
srcdir=${1:?usage: $0 SRCDIR}
[ -f "$srcdir/meson.build" ] || { echo "not a source tree: $srcdir" >&2; exit 1; }
cd "$srcdir" || exit 1

list_files () {
  if git rev-parse --is-inside-work-tree > /dev/null 2>&1 && [ "$(git rev-parse --show-toplevel)" -ef . ]; then
    git ls-files --cached --others --exclude-standard
  else
    find . \( -name '.git' -o -name '_build*' \) -prune -o -type f -print | sed 's|^\./||'
  fi
}

# Spelled in pieces, so that this file does not cite what it looks for.
design=DESIGN
shared=shared
pattern="$design\\.md|$design §|\\.\\./$shared/|/work/$shared/"
found=$(list_files | grep -vx 'tests/check-no-outside-citations.sh' | tr '\n' '\0' |
        xargs -0 -r grep -InE "$pattern" -- 2> /dev/null)
if [ -n "$found" ]; then
  printf '%s\n' "$found" >&2
  echo "these files cite design notes that are not in the repository: cite docs/ instead" >&2
  exit 1
fi
exit 0
