#!/usr/bin/env bash
# A private PostgreSQL for the tests: its own cluster in a temporary folder, on a free port of 127.0.0.1, trust
# authentication, never the system's service (which it neither needs nor touches).
#
#   eval "$(tests/postgres.sh start)"   # starts it and exports BLOGSITE_TEST_POSTGRES (an admin connection string)
#   tests/postgres.sh stop              # stops it and deletes its folder
#
# The cluster's folder is remembered in $BLOGSITE_PG_STATE (default /tmp/blogsite-test-postgres.state), so stop
# finds what start made. It runs as the OS user postgres when started by root (PostgreSQL refuses to run as root).
# Durability is off (fsync, synchronous_commit): the tests' databases are thrown away, and waiting for the disk
# would only slow them down.
set -euo pipefail

state="${BLOGSITE_PG_STATE:-/tmp/blogsite-test-postgres.state}"

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ]; then
      echo "$dir"
      return 0
    fi
  done
  command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)" && return 0
  echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2
  return 1
}

# Runs a command as the cluster's owner: postgres when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  local port
  for port in $(seq 55432 55632); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "No free port in 55432-55632" >&2
  return 1
}

start() {
  if [ -f "$state" ]; then
    echo "A test PostgreSQL is already recorded in $state; run '$0 stop' first" >&2
    exit 1
  fi

  local bin dir port
  bin="$(find_bin)"
  dir="$(mktemp -d /tmp/blogsite-test-postgres.XXXXXX)"
  port="$(free_port)"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  as_owner "$bin/initdb" --pgdata="$dir/data" --username=postgres --auth=trust --encoding=UTF8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  printf 'dir=%q\nport=%q\nbin=%q\n' "$dir" "$port" "$bin" >"$state"
  as_owner "$bin/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --wait --timeout=60 start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }

  local connection="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "export BLOGSITE_TEST_POSTGRES='$connection'"
  echo "# PostgreSQL for the tests runs on 127.0.0.1:$port (its files in $dir); '$0 stop' ends it" >&2
}

stop() {
  if [ ! -f "$state" ]; then
    echo "No test PostgreSQL is recorded in $state" >&2
    return 0
  fi

  local dir port bin
  # shellcheck disable=SC1090
  source "$state"
  if [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" --pgdata="$dir/data" --mode=fast --wait stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir" "$state"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "Usage: $0 start|stop" >&2; exit 2 ;;
esac
