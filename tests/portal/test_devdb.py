"""The embedded PostgreSQL of `make run`: Russian search works on it, it stops by itself.

Each test runs its own server in a temporary directory (``PORTAL_PGDATA``), never the
checkout's ``.pgdata/``. The suite itself stays on the system PostgreSQL.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg2
import pytest

from portal import devdb
from search.query import FUZZY_THRESHOLD

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def where():
    cluster = devdb.Cluster(Path(tempfile.mkdtemp(prefix="portal-devdb-test-")))
    yield cluster
    if devdb.is_running(cluster):
        devdb.stop(cluster)
    shutil.rmtree(cluster.root, ignore_errors=True)


def query(where, sql, database=devdb.DATABASE):
    connection = psycopg2.connect(host=str(where.socket_dir), user=devdb.SUPERUSER, dbname=database)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchone() if cursor.description else None
    finally:
        connection.close()


def manage(where, *args, **locale_env):
    """``manage.py`` with the dev settings, no DATABASE_URL and the given locale."""
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", str(where.root)),
        "PORTAL_PGDATA": str(where.root),
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        **(locale_env or {"LANG": "C.UTF-8"}),
    }
    return subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_embedded_server_stems_russian_and_suggests_typos(where):
    devdb.acquire(os.getpid(), where)
    try:
        assert query(where, "SHOW server_version_num")[0] >= "180000"
        query(where, "CREATE EXTENSION IF NOT EXISTS pg_trgm")
        # What the search page relies on: a word form finds the stem …
        assert query(where, "SELECT to_tsvector('russian', 'Олимпиадой')::text") == (
            "'олимпиад':1",
        )
        assert query(where, "SELECT lower('ОЛИМПИАДА ЁЖ')") == ("олимпиада ёж",)
        # … and a misspelt word is close enough to a title to be suggested.
        (similarity,) = query(
            where, "SELECT word_similarity('вероятнасть', 'Вероятность и статистика')"
        )
        assert similarity >= FUZZY_THRESHOLD
    finally:
        devdb.release(os.getpid(), where)
    assert not devdb.is_running(where)


def test_the_last_user_stops_the_server_and_dead_users_do_not_count(where):
    other = subprocess.Popen(["sleep", "60"])  # noqa: S607 - a stand-in for `make run`
    try:
        devdb.acquire(os.getpid(), where)
        devdb.acquire(other.pid, where)
        devdb.release(os.getpid(), where)
        assert devdb.is_running(where), "stopped while another process still used it"
    finally:
        other.kill()
        other.wait()
    # The other process died without releasing: the next release drops it and stops.
    devdb.release(os.getpid(), where)
    assert not devdb.is_running(where)
    assert devdb.read_clients(where) == set()


def test_manage_py_without_database_url_runs_on_it_and_stops_it(where):
    # A terminal in the "C" locale: the cluster must still get a UTF-8 one, or lower()
    # and pg_trgm would not see Cyrillic letters (initdb takes the caller's locale).
    result = manage(
        where,
        "shell",
        "-c",
        "from django.db import connection; cursor = connection.cursor(); "
        "cursor.execute(\"SELECT datctype, lower('ВЕРОЯТНОСТЬ') FROM pg_database "
        'WHERE datname = current_database()"); '
        "print(*cursor.fetchone(), connection.vendor)",
        LC_ALL="C",
    )
    assert result.returncode == 0, result.stderr
    ctype, lowered, vendor = result.stdout.split()[-3:]
    assert ctype.upper().replace("UTF8", "UTF-8").endswith("UTF-8")
    assert lowered == "вероятность"
    assert vendor == "postgresql"
    assert "Встроенный PostgreSQL остановлен" in result.stderr
    assert not devdb.is_running(where)


def test_dbshell_uses_the_bundled_psql(where):
    result = manage(where, "dbshell", "--", "-Atc", r"\echo :VERSION_NAME")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith("18."), result.stdout
    assert not devdb.is_running(where)


def test_data_of_another_major_version_is_refused_with_advice(where):
    (where.data).mkdir(parents=True)
    (where.data / "PG_VERSION").write_text("15\n")
    with pytest.raises(devdb.DevDatabaseError, match="PostgreSQL 15") as error:
        devdb.acquire(os.getpid(), where)
    assert str(where.root) in str(error.value)
    assert not devdb.is_running(where)


def test_a_checkout_deep_in_the_file_system_gets_a_short_socket_directory(where):
    # A Unix socket path longer than ~100 bytes cannot be bound: the socket moves to /tmp.
    deep = devdb.Cluster(where.root / ("очень-длинный-каталог-" * 4) / ".pgdata")
    assert len(str(deep.root / devdb.SOCKET_NAME).encode()) > devdb.MAX_SOCKET_PATH
    assert len(str(deep.socket_dir / devdb.SOCKET_NAME).encode()) <= devdb.MAX_SOCKET_PATH
    devdb.acquire(os.getpid(), deep)
    try:
        assert query(deep, "SELECT current_database()") == (devdb.DATABASE,)
    finally:
        devdb.release(os.getpid(), deep)
    assert not devdb.is_running(deep)
    shutil.rmtree(deep.socket_dir, ignore_errors=True)


def test_make_run_refuses_a_busy_port_before_starting_anything(where):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            ["bash", "scripts/run.sh"],  # noqa: S607 - the script make run calls
            cwd=ROOT,
            env={
                "PATH": os.environ["PATH"],
                "PY": sys.executable,
                "HOST": "127.0.0.1",
                "PORT": str(port),
                "PORTAL_PGDATA": str(where.root / "never"),
            },
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert f"127.0.0.1:{port}" in result.stderr
    assert "PORT=" in result.stderr  # how to pick another one
    assert not (where.root / "never").exists()
