#!/usr/bin/env bash
# `make run`: the demo school at http://$HOST:$PORT/.
#
# Without DATABASE_URL it runs on the embedded PostgreSQL (portal/devdb): started here,
# held for this script's whole life and stopped when it ends, Ctrl+C included. With
# DATABASE_URL it runs on that server (created if missing) and starts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

PY="${PY:-.venv/bin/python}"
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"

# Refuse a busy port now rather than after the migrations.
if ! "$PY" - "$HOST" "$PORT" <<'PY'
import socket
import sys

host, port = sys.argv[1], sys.argv[2]
if not port.isdigit() or not 0 < int(port) < 65536:
    sys.exit(f"PORT={port}: нужен номер порта от 1 до 65535, например PORT=8001 make run")
try:
    address = socket.getaddrinfo(host, int(port), type=socket.SOCK_STREAM)[0]
    with socket.socket(address[0], socket.SOCK_STREAM) as probe:
        probe.bind(address[4])
except OSError as error:
    sys.exit(f"Не могу слушать {host}:{port} ({error.strerror}). Другой порт: PORT=8001 make run")
PY
then
    exit 1
fi

# The address to open in a browser: a wildcard host listens everywhere, 127.0.0.1 included.
case "$HOST" in
    0.0.0.0 | :: | "[::]") browse_host=127.0.0.1 ;;
    *:*) browse_host="[$HOST]" ;;
    *) browse_host="$HOST" ;;
esac
site_url="http://$browse_host:$PORT"
runserver_address="$HOST:$PORT"
[[ "$HOST" == *:* ]] && runserver_address="[$HOST]:$PORT"

# Links in e-mails and in the demo loader's output point at this server.
export WAGTAILADMIN_BASE_URL="${WAGTAILADMIN_BASE_URL:-$site_url}"
# The dev settings accept localhost names; a host given in HOST is accepted too.
case "$HOST" in
    127.0.0.1 | localhost | ::1 | 0.0.0.0 | :: | "[::]") ;;
    *) export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost,[::1],$HOST}" ;;
esac

if [ -n "${DATABASE_URL:-}" ]; then
    echo "База данных: сервер из DATABASE_URL"
    PYTHON="$PY" scripts/ensure_postgres.sh
else
    echo "База данных: встроенный PostgreSQL, данные в ${PORTAL_PGDATA:-.pgdata/}"
    # Whatever ends this script (the server stopped, an error, Ctrl+C, kill) releases
    # the embedded server; the last process that used it stops it.
    trap '"$PY" -m portal.devdb release $$' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    "$PY" -m portal.devdb acquire $$
fi

echo "Применяю миграции…"
"$PY" manage.py migrate --noinput --verbosity 0
"$PY" manage.py load_demo_content --if-empty

echo
echo "Портал:           $site_url/"
echo "Администрирование: $site_url/admin/"
case "$HOST" in
    0.0.0.0 | :: | "[::]")
        echo "Сервер слушает все адреса этого компьютера (HOST=$HOST); чтобы открыть его"
        echo "с другого устройства, добавьте адрес компьютера в ALLOWED_HOSTS." ;;
esac
echo "Остановить: Ctrl+C"
echo
"$PY" manage.py runserver "$runserver_address"
