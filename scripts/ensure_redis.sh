#!/usr/bin/env bash
# Make sure the Redis server the tests use (127.0.0.1:6379) answers: start a local
# redis-server without persistence if it is installed but not running; otherwise say
# what to do. Used by `make test`, like ensure_postgres.sh for PostgreSQL.
set -euo pipefail

host=127.0.0.1
port=6379

ready() {
    if command -v redis-cli >/dev/null 2>&1; then
        [ "$(redis-cli -h "$host" -p "$port" ping 2>/dev/null)" = "PONG" ]
    else
        # Without the client, a TCP probe.
        (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
    fi
}

ready && exit 0

if command -v redis-server >/dev/null 2>&1; then
    echo "Redis on $host:$port is not answering — starting a local redis-server (no persistence)…"
    redis-server --daemonize yes --bind "$host" --port "$port" --save "" --appendonly no >/dev/null
    for _ in $(seq 1 50); do
        ready && exit 0
        sleep 0.1
    done
    echo "redis-server did not answer on $host:$port within 5 s." >&2
fi

cat >&2 <<MSG
Redis is not reachable at $host:$port.
The tests listed under "Tests that need Redis" in README.md use a real Redis there.
Install it (Debian: sudo apt-get install redis-server) and re-run make test: it starts
the server itself. To run the other tests meanwhile:
    .venv/bin/pytest -m "not redis"
MSG
exit 1
