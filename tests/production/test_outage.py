"""The database goes away for 10 s under load: visitors get the 503 page, never a 500,
and the app processes recover by themselves when it is back.

The test starts its own PostgreSQL cluster (the shared one is never stopped), copies the
migrated schema of the test database into it, runs gunicorn with production settings on
it, and keeps two clients requesting pages while the cluster is stopped and started.
"""

import contextlib
import os
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection

from tests.processes import close_logs, free_port, start_production_server, stop, wait_for_port

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
PG_PORT = free_port()
APP_PORT = free_port()
REDIS_URL = os.environ.get("TEST_OUTAGE_REDIS_URL", "redis://127.0.0.1:6379/11")

pytestmark = [
    pytest.mark.stack,
    pytest.mark.redis,
    pytest.mark.skipif(not (PG_BIN / "pg_ctl").exists(), reason="PostgreSQL 15 binaries"),
]


def as_postgres(args):
    """Run a PostgreSQL tool as the postgres user when the tests run as root."""
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    return subprocess.run(prefix + args, check=True, capture_output=True, text=True)  # noqa: S603


class Cluster:
    def __init__(self, data_dir):
        self.data_dir = data_dir

    def pg_ctl(self, *args):
        as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data_dir), "-w", *args])

    def start(self):
        self.pg_ctl(
            "-o",
            f"-p {PG_PORT} -k /tmp -c listen_addresses=127.0.0.1",
            "-l",
            str(self.data_dir / "log"),
            "start",
        )

    def stop(self):
        self.pg_ctl("-m", "fast", "stop")


@pytest.fixture
def own_cluster(transactional_db, site, django_db_blocker):
    """A cluster of its own holding a copy of the test database, with a site to visit."""
    data_dir = Path(tempfile.mkdtemp(prefix="portal-outage-pg-"))
    if os.geteuid() == 0:
        shutil.chown(data_dir, "postgres", "postgres")
    as_postgres(
        [
            str(PG_BIN / "initdb"),
            "-D",
            str(data_dir),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        ]
    )
    cluster = Cluster(data_dir)
    cluster.start()
    try:
        with django_db_blocker.unblock():
            source = connection.settings_dict
        dump = subprocess.run(  # noqa: S603 - fixed tools and arguments
            [
                str(PG_BIN / "pg_dump"),
                "-h",
                source["HOST"],
                "-p",
                str(source["PORT"] or 5432),
                "-U",
                source["USER"],
                "--no-owner",
                source["NAME"],
            ],
            check=True,
            capture_output=True,
        )
        subprocess.run(  # noqa: S603
            [
                str(PG_BIN / "createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(PG_PORT),
                "-U",
                "postgres",
                "portal",
            ],
            check=True,
        )
        subprocess.run(  # noqa: S603
            [
                str(PG_BIN / "psql"),
                "-q",
                "-h",
                "127.0.0.1",
                "-p",
                str(PG_PORT),
                "-U",
                "postgres",
                "-d",
                "portal",
                "-v",
                "ON_ERROR_STOP=1",
            ],
            input=dump.stdout,
            check=True,
            capture_output=True,
        )
        yield cluster
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            cluster.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture
def app_process(own_cluster, collected_static, tmp_path):
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "outage-test-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{PG_PORT}/portal",
        "CACHE_URL": REDIS_URL,
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(collected_static),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "GUNICORN_BIND": f"127.0.0.1:{APP_PORT}",
        "GUNICORN_WORKERS": "2",
        "GUNICORN_ACCESS_LOG": str(tmp_path / "access.log"),
        "LOG_LEVEL": "ERROR",
    }
    process = start_production_server(env, tmp_path / "app.log")
    try:
        wait_for_port(APP_PORT, timeout=60, process=process)
        yield f"http://127.0.0.1:{APP_PORT}"
    finally:
        stop([process])
        close_logs([process])


def server_errors(log_file):
    """What the app processes logged for their 500 answers, to say why in the failure."""
    marks = ('"status_code": 500', "Error handling request")
    lines = log_file.read_text().splitlines()
    return [line[:3000] for line in lines if any(mark in line for mark in marks)]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - local
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_database_outage_gives_503_then_recovers_without_restart(
    own_cluster, app_process, tmp_path
):
    # A search: every new query needs the database (a page's render may not: the
    # site, its route and the home board come from the fragments kept in Redis).
    search = app_process + "/search/?query=%D0%BE%D0%BB%D0%B8%D0%BC%D0%BF"
    urls = [search, app_process + "/health/"]
    assert fetch(urls[1])[0] == 200
    log = []  # (phase, url, status, retry_after)
    phase = {"now": "before"}
    stop = threading.Event()

    def visitor(url):
        visit = 0
        while not stop.is_set():
            visit += 1
            # A new address each time: the page cache (Redis) would otherwise keep
            # serving the answer through the outage, which it rightly does.
            address = f"{url}&visit={visit}" if url == urls[0] else url
            status, headers, _body = fetch(address)
            log.append((phase["now"], url, status, headers.get("Retry-After")))
            time.sleep(0.05)

    visitors = [threading.Thread(target=visitor, args=(url,)) for url in urls]
    for thread in visitors:
        thread.start()
    try:
        time.sleep(1)
        phase["now"] = "outage"
        own_cluster.stop()
        time.sleep(5)
        own_cluster.start()
        phase["now"] = "recovering"
        time.sleep(1.5)
        phase["now"] = "after"
        time.sleep(2)
    finally:
        stop.set()
        for thread in visitors:
            thread.join()

    statuses = Counter(status for _phase, _url, status, _retry in log)
    assert statuses[500] == 0, (statuses, server_errors(tmp_path / "app.log"))
    # While the server is down (the last requests of the phase may meet it back up):
    # the page is the 503 page with Retry-After, the probe a 503 too.
    outage = [entry for entry in log if entry[0] == "outage"]
    assert {status for _phase, _url, status, _retry in outage} <= {200, 503}, statuses
    pages_503 = [entry for entry in outage if entry[1] == urls[0] and entry[2] == 503]
    assert len(pages_503) >= 10, statuses
    assert {retry for _phase, _url, _status, retry in pages_503} == {"10"}
    assert any(entry[1] == urls[1] and entry[2] == 503 for entry in outage)
    # Back: every request succeeds, with the same app processes.
    after = Counter(status for phase_, _url, status, _retry in log if phase_ == "after")
    assert after, statuses
    assert set(after) == {200}, after
    assert fetch(urls[1])[0] == 200
