#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: check-translations.sh FILE.po
# Fails (exit 1) if FILE.po is missing, does not pass msgfmt --check, or has
# any untranslated or fuzzy message.  Prints msgfmt's statistics line.

set -u

if [ $# -ne 1 ]; then
    echo "usage: $0 FILE.po" >&2
    exit 1
fi

po=$1

if [ ! -f "$po" ]; then
    echo "$po: missing"
    exit 1
fi

# msgfmt writes its diagnostics and the statistics line to stderr.
if ! output=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1); then
    echo "$output"
    echo "$po: msgfmt --check failed"
    exit 1
fi

# Header warnings and the like go through unchanged; only the statistics
# line decides about completeness.
stats=$(printf '%s\n' "$output" | grep -E '[0-9]+ (translated message|fuzzy translation|untranslated message)' | tail -n 1)
warnings=$(printf '%s\n' "$output" | grep -v -F -x -e "$stats")
if [ -n "$warnings" ]; then
    echo "$warnings"
fi

if [ -z "$stats" ]; then
    echo "$po: no statistics from msgfmt"
    exit 1
fi

echo "$po: $stats"

case "$stats" in
    *untranslated* | *fuzzy*)
        echo "$po: translation incomplete"
        exit 1
        ;;
esac

exit 0
