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
