#!/usr/bin/env bash
# Runs CMD… next to a throwaway PostgreSQL server of its own:
#   scripts/with-postgres.sh CMD [ARGS…]
# The cluster lives in a temporary folder, listens on a Unix socket there and on
# a free port of 127.0.0.1 (trust authentication: nobody else can reach either),
# and is stopped and removed when CMD ends, however it ends. CMD sees
#   PGHOST, PGPORT, PGUSER        the server, for libpq and psql
#   SEATKEEPER_TEST_POSTGRES      postgresql://seatkeeper@127.0.0.1:PORT/postgres,
#                                 the maintenance database tests create theirs from
# The server skips fsync (nothing of a throwaway cluster needs to survive a
# crash); SEATKEEPER_PG_DURABLE=1 keeps PostgreSQL's durable defaults, for
# benchmark figures that a real server would give.
# PostgreSQL refuses to run as root: as root, the server runs as the unprivileged
# user "nobody" in a folder that user owns.
set -euo pipefail

[ $# -gt 0 ] || { echo "usage: $0 CMD [ARGS…]" >&2; exit 2; }

bin=${SEATKEEPER_PG_BIN:-}
if [ -z "$bin" ]; then
    for v in 17 16 15; do
        [ -x "/usr/lib/postgresql/$v/bin/initdb" ] && { bin=/usr/lib/postgresql/$v/bin; break; }
    done
fi
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "with-postgres: no PostgreSQL server found (install the package postgresql-15)" >&2
    exit 3
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/seatkeeper-pg.XXXXXX")
as_server=()
if [ "$(id -u)" -eq 0 ]; then
    chown nobody: "$dir"
    chmod 700 "$dir"
    as_server=(setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=-all)
fi
server() { (cd "$dir" && "${as_server[@]}" "$@"); }

stop() {
    server "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM

server "$bin/initdb" -D "$dir/data" -U seatkeeper --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 3; }
# A random port, again if it was taken. Durability does not matter for a
# cluster that lives for one test run.
durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
[ "${SEATKEEPER_PG_DURABLE:-0}" = 1 ] && durability=""
started=0
for attempt in 1 2 3 4 5; do
    port=$(shuf -i 20000-60000 -n 1)
    if server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir $durability \
            -c max_connections=200" >/dev/null; then
        started=1
        break
    fi
done
[ $started -eq 1 ] || { cat "$dir/server.log" >&2; exit 3; }

# Killed outright (SIGKILL: no trap runs), this script would leave its server
# behind: a watcher stops it once this script is gone.
(
    trap '' INT TERM
    while kill -0 $$ 2>/dev/null; do sleep 1; done
    stop
) </dev/null >/dev/null 2>&1 &

export PGHOST=127.0.0.1 PGPORT=$port PGUSER=seatkeeper
export SEATKEEPER_TEST_POSTGRES="postgresql://seatkeeper@127.0.0.1:$port/postgres"
status=0
"$@" || status=$?
exit $status
