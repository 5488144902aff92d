# Shared by the end-to-end scripts: a private HOME in a temporary folder,
# and `check NAME COMMAND…` that counts a step which must succeed.
# Source it after setting `bin`; it sets `work`, removed on exit.

work=$(mktemp -d)
chmod 0755 "$work"
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
export HOME=$work/home XDG_DATA_HOME=$work/home/.local/share XDG_CONFIG_HOME=$work/home/.config
mkdir -p "$HOME"

failures=0
passed=0
check () {  # check NAME COMMAND…: a step that must succeed
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok - $name"
  else failures=$((failures + 1)); echo "not ok - $name"; fi
}

# ledger_at NAME: the location of a new ledger for this script: a file in
# $work, or, when LEDGER_TEST_ENGINE=server, a new database on the test
# server LEDGER_TEST_SERVER (a "key=value" connection string), so that the
# same steps run on both stores.
ledger_at () {
  if [ "${LEDGER_TEST_ENGINE:-}" = server ]; then
    local name
    name=$(printf 'ledger_e2e_%s_%s' "$$" "$1" | tr -c 'a-zA-Z0-9_\n' '_')
    psql "$LEDGER_TEST_SERVER" -qAtc "CREATE DATABASE \"$name\" TEMPLATE template0" > /dev/null
    echo "$LEDGER_TEST_SERVER dbname=$name"
  else
    echo "$work/$1.sqlite3"
  fi
}
