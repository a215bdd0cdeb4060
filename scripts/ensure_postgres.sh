#!/usr/bin/env bash
# Make sure the PostgreSQL server named by DATABASE_URL answers; start the local
# Debian cluster if it is installed but down; otherwise say what to do.
set -euo pipefail

url="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal}"
# postgres://user[:password]@host[:port]/name
hostport="${url#*://}"
hostport="${hostport#*@}"
hostport="${hostport%%/*}"
host="${hostport%%:*}"
port="${hostport##*:}"
[ "$port" = "$hostport" ] && port=5432

ready() { pg_isready -q -h "$host" -p "$port" 2>/dev/null; }

if ! command -v pg_isready >/dev/null 2>&1; then
    # Without the client tools, fall back to a TCP probe.
    ready() { (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; }
fi

ensure_database() {
    # The tests create their own test_<name> database; checks and makemigrations
    # connect to <name> itself, so create it when missing.
    "${PYTHON:-.venv/bin/python}" - "$url" <<'PY'
import sys

import dj_database_url
import psycopg2
from psycopg2 import sql

config = dj_database_url.parse(sys.argv[1])
params = {
    "host": config["HOST"] or None,
    "port": config["PORT"] or None,
    "user": config["USER"] or None,
    "password": config["PASSWORD"] or None,
}
connection = psycopg2.connect(dbname="postgres", **params)
connection.autocommit = True
with connection.cursor() as cursor:
    cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]])
    if cursor.fetchone() is None:
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"])))
        print(f"Создана база данных {config['NAME']}")
connection.close()
PY
}

if ready; then
    ensure_database
    exit 0
fi

if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    for version in $(ls /etc/postgresql); do
        echo "PostgreSQL на $host:$port не отвечает — запускаю локальный кластер $version/main…"
        pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    done
    for _ in $(seq 1 30); do
        if ready; then
            ensure_database
            exit 0
        fi
        sleep 1
    done
fi

cat >&2 <<MSG
PostgreSQL is not reachable at $host:$port (DATABASE_URL=$url).
The test suite needs a real PostgreSQL server (15 or newer). Either:
  * install it:    sudo apt-get install postgresql   (then re-run make test), or
  * point DATABASE_URL at a server you have, e.g.
        DATABASE_URL=postgres://user:password@db.example:5432/portal make test
The database user must be allowed to create the test database.
MSG
exit 1
