#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the server tests (docs/testing.md):
#
#   tests/server/cluster.sh start DIR   make (once) and start a cluster in DIR,
#                                       print its connection string
#   tests/server/cluster.sh stop DIR    stop it (the folder stays)
#
# The cluster listens on a unix socket in DIR only (no TCP), trusts every
# local user and writes without fsync: it is for tests, never for data.
# PostgreSQL refuses to run as root, so root runs it as the "postgres"
# system user that Debian's postgresql-15 package makes.
set -euo pipefail

bindir=${PG_BINDIR:-/usr/lib/postgresql/15/bin}
port=5432

usage () {
  echo "usage: $0 start DIR | stop DIR" >&2
  exit 2
}

# Runs a PostgreSQL program as the user that owns the cluster, from DIR
# (the caller's folder may be closed to that user).
as_owner () {
  if [ "$(id -u)" -eq 0 ]; then
    (cd "$dir" && runuser -u postgres -- "$@")
  else
    (cd "$dir" && "$@")
  fi
}

# As root, DIR goes to the postgres user; the folders above it must let
# that user through, or the server cannot reach its socket and data.
hand_over_folder () {
  [ "$(id -u)" -eq 0 ] || return 0
  chown postgres: "$dir"
  if ! runuser -u postgres -- test -w "$dir"; then
    echo "$0: the postgres user cannot reach $dir; use a folder under /tmp" >&2
    exit 1
  fi
}

# A quoted value for postgresql.conf.
conf_quote () {
  printf "'%s'" "${1//\'/\'\'}"
}

init_cluster () {
  local quiet
  [ -f "$dir/data/PG_VERSION" ] && return 0
  hand_over_folder
  if ! quiet=$(as_owner "$bindir/initdb" --pgdata="$dir/data" --auth=trust --encoding=UTF8 \
                 --locale=C -U postgres --no-sync 2>&1); then
    echo "$quiet" >&2
    exit 1
  fi
  cat >> "$dir/data/postgresql.conf" <<CONF
# tests/server/cluster.sh: a throwaway cluster for tests
listen_addresses = ''
unix_socket_directories = $(conf_quote "$dir")
port = $port
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
}

is_running () {
  as_owner "$bindir/pg_ctl" status --pgdata="$dir/data" > /dev/null 2>&1
}

start () {
  init_cluster
  if ! is_running; then
    # A socket path longer than the kernel's 107 bytes cannot be made.
    if [ $(( ${#dir} + 15 )) -gt 107 ]; then
      echo "$0: $dir is too long a path for the server's socket" >&2
      exit 1
    fi
    if ! as_owner "$bindir/pg_ctl" start --pgdata="$dir/data" --log="$dir/server.log" \
           --wait --silent; then
      cat "$dir/server.log" >&2 || true
      exit 1
    fi
  fi
  echo "host=$dir port=$port user=postgres dbname=postgres"
}

stop () {
  [ -f "$dir/data/PG_VERSION" ] || return 0
  is_running || return 0
  as_owner "$bindir/pg_ctl" stop --pgdata="$dir/data" --mode=fast --wait --silent
}

[ $# -eq 2 ] || usage
command=$1
mkdir -p "$2"
dir=$(cd "$2" && pwd -P)
case "$command" in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
