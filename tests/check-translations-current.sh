#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: check-translations-current.sh SRCDIR LANG
# The translation must cover the strings the sources have now, not only
# the ones its .po file knows: extracts the messages of po/POTFILES.in as
# meson's "glib" preset does, merges them into a copy of po/LANG.po and
# checks the copy with check-translations.sh. Nothing in SRCDIR is written.
set -eu

srcdir=${1:?usage: $0 SRCDIR LANG}
lang=${2:?usage: $0 SRCDIR LANG}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

grep -v '^#' "$srcdir/po/POTFILES.in" | grep -v '^$' > "$work/files"

# A source with translatable strings that POTFILES.in leaves out would
# never be translated: every one must be listed, in whichever folder of
# src/ it sits (the core's layers, the command line, the app).
missing=0
for file in $(cd "$srcdir" && grep -rl --include='*.c' --include='*.ui' \
                -e '_("' -e 'N_("' -e 'ngettext (' -e 'translatable="yes"' src); do
  if ! grep -qx "$file" "$work/files"; then
    echo "$file has translatable strings but is not in po/POTFILES.in" >&2
    missing=1
  fi
done
[ $missing -eq 0 ] || exit 1
xgettext --from-code=UTF-8 --add-comments=Translators -D "$srcdir" -f "$work/files" -o "$work/messages.pot" \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_set_error:4:c-format --flag=g_print:1:c-format --flag=g_printerr:1:c-format 2> "$work/xgettext.log" || {
  cat "$work/xgettext.log" >&2
  exit 1
}
msgmerge --quiet --no-fuzzy-matching "$srcdir/po/$lang.po" "$work/messages.pot" -o "$work/$lang.po"
exec bash "$(dirname "$0")/check-translations.sh" "$work/$lang.po"
