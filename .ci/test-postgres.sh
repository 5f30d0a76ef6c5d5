#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the relay's tests (docs/TESTING.md, "PostgreSQL").
#
#   .ci/test-postgres.sh start   initdb (first time) and start it on 127.0.0.1:$PT_TEST_PG_PORT;
#                                prints the export lines the tests read
#   .ci/test-postgres.sh env     only prints those export lines
#   .ci/test-postgres.sh stop    stops it (the data folder stays; delete it to start afresh)
#
# No service manager: initdb and pg_ctl from Debian's postgresql package
# (/usr/lib/postgresql/<version>/bin), run as the user "postgres" when called as root (CI), as the
# calling user otherwise. The data folder is $PT_TEST_PG_DIR (default /tmp/pt-test-postgres-$USER).
# Only the loopback address listens and its sockets are in the data folder, so it meets no other
# cluster on the machine. Local connections are trusted: it is a test cluster, nothing else.
set -euo pipefail

port="${PT_TEST_PG_PORT:-55432}"
dir="${PT_TEST_PG_DIR:-/tmp/pt-test-postgres-$(id -un)}"
role=pt_test
db=pt_test

bindir="${PT_TEST_PG_BIN:-}"
if [ -z "$bindir" ]; then
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "PostgreSQL's server programs are not installed (apt-get install postgresql)." >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

print_env() {
  echo "export PT_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:$port/$db"
  echo "export PT_TEST_POSTGRES_USER=$role"
  echo "export PT_TEST_POSTGRES_PASSWORD=$role"
}

case "${1:-start}" in
  start)
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"
      if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
      chmod 700 "$dir"
      as_owner "$bindir/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 \
        || { cat "$dir.initdb.log" >&2; exit 1; }
    fi
    if ! as_owner "$bindir/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      # Each test relay keeps a pool of up to 16 connections and a few test classes run at once.
      as_owner "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c max_connections=400" >/dev/null
    fi
    psql=("$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres)
    if [ "$("${psql[@]}" -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" != 1 ]; then
      "${psql[@]}" -c "CREATE ROLE $role LOGIN CREATEDB PASSWORD '$role'"
    fi
    if [ "$("${psql[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
      "${psql[@]}" -c "CREATE DATABASE $db OWNER $role"
    fi
    echo "# PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') for the relay's tests on 127.0.0.1:$port, data in $dir" >&2
    print_env
    ;;
  env)
    print_env
    ;;
  stop)
    as_owner "$bindir/pg_ctl" -D "$dir" -m fast -w stop
    ;;
  *)
    echo "usage: $0 [start|env|stop]" >&2
    exit 2
    ;;
esac
