#!/usr/bin/env bash
# Make sure the Redis server the tests use answers (TEST_REDIS_URL, default
# redis://127.0.0.1:6379/0): rate limits and single-use form tokens are tested on a real
# shared cache. Starts a local redis-server if it is installed but not running;
# otherwise says what to do.
set -euo pipefail

url="${TEST_REDIS_URL:-redis://127.0.0.1:6379/0}"
hostport="${url#*://}"
hostport="${hostport#*@}"
hostport="${hostport%%/*}"
host="${hostport%%:*}"
port="${hostport##*:}"
[ "$port" = "$hostport" ] && port=6379

ready() { (exec 3<>"/dev/tcp/$host/$port" && printf 'PING\r\n' >&3 && head -c 5 <&3 | grep -q PONG) 2>/dev/null; }

if ready; then
    exit 0
fi

if command -v redis-server >/dev/null 2>&1 && [ "$host" = "127.0.0.1" -o "$host" = "localhost" ]; then
    echo "Redis на $host:$port не отвечает — запускаю redis-server…"
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes >/dev/null
    for _ in $(seq 1 20); do
        if ready; then
            exit 0
        fi
        sleep 0.5
    done
fi

cat >&2 <<MSG
Redis is not reachable at $host:$port (TEST_REDIS_URL=$url).
The tests check rate limits on a real shared cache. Either:
  * install it:    sudo apt-get install redis-server   (then re-run make test), or
  * point TEST_REDIS_URL at a server you have, e.g.
        TEST_REDIS_URL=redis://redis.example:6379/3 make test
The suite only touches keys under its own prefix (test-<database name>).
MSG
exit 1
