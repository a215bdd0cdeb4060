"""Real processes for the tests that run parts of the production stack on this machine:
gunicorn app processes, the task worker, moto's S3 server, Varnish and nginx, each
started from the project's own files (deploy/) with only addresses and paths replaced.

Ports come from one range, ``TEST_PORTS`` (``8160-8299`` unless set), so engineers
running the suite side by side on one machine give each run its own range.
"""

import http.client
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

_FIRST, _LAST = (int(n) for n in os.environ.get("TEST_PORTS", "8160-8299").split("-"))
if os.environ.get("PYTEST_XDIST_WORKER"):
    # Each pytest-xdist worker takes its own slice of the range: two workers starting
    # servers at the same moment never probe the same port.
    _slice = (_LAST - _FIRST + 1) // int(os.environ["PYTEST_XDIST_WORKER_COUNT"])
    _FIRST += int(os.environ["PYTEST_XDIST_WORKER"].removeprefix("gw")) * _slice
    _LAST = _FIRST + _slice - 1
_handed_out = set()
# Set by tests/conftest.py while a session runs with --clock.
SESSION_CLOCK_ENV = "PORTAL_TEST_SESSION_CLOCK"


def free_port():
    """A port of the range nothing listens on and not yet given to another server of
    this test run."""
    for port in range(_FIRST, _LAST + 1):
        if port in _handed_out:
            continue
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                _handed_out.add(port)
                return port
    raise RuntimeError(f"no free port in {_FIRST}-{_LAST}")


def wait_for_port(port, timeout=30, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the process for port {port} exited: {failure_text(process)}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port}")


def failure_text(process):
    stderr = process.stderr
    if stderr is None:
        return f"exit code {process.returncode}"
    if hasattr(stderr, "read") and not stderr.closed and stderr.readable():
        return stderr.read().decode(errors="replace")[-5000:]
    return f"exit code {process.returncode} (log: {getattr(stderr, 'name', '?')})"


def get(port, path, host="localhost", headers=None):
    """(status, text, lower-cased headers) of a GET to 127.0.0.1:port."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Host": host, **(headers or {})})
    response = connection.getresponse()
    body = response.read().decode(errors="replace")
    return response.status, body, {name.lower(): value for name, value in response.getheaders()}


def stop(processes):
    """Terminate the processes (the last started first) and wait for each."""
    for process in reversed(processes):
        if process.poll() is None:
            process.terminate()
    for process in reversed(processes):
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def database_url(database):
    """The URL of a Django DATABASES entry (the test database of this run)."""
    return (
        f"postgres://{database['USER']}@{database['HOST']}:{database['PORT'] or 5432}/"
        f"{database['NAME']}"
    )


# -- app processes and the worker -----------------------------------------------------


def test_settings_env():
    """The environment of an app process on the test settings and this run's test
    database and Redis (as the suite's own process sees them)."""
    from django.conf import settings

    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": database_url(settings.DATABASES["default"]),
        "TEST_REDIS_URL": settings.TEST_REDIS_URL,
        "TEST_CACHE_KEY_PREFIX": settings.CACHES["shared"]["KEY_PREFIX"],
    }


def _real_clock_only():
    """``--clock`` moves this process's clock only: an app process would run on the real
    one (a form it signed would come from another day), so such a test says so and
    skips instead of failing for a reason of its own making."""
    clock = os.environ.get(SESSION_CLOCK_ENV)
    if clock:
        pytest.skip(f"app processes run on the real clock, not on --clock={clock}")


def start_server(port, env=None):
    """One gunicorn process (one worker) on the test settings, unless ``env`` says else."""
    _real_clock_only()
    return subprocess.Popen(  # noqa: S603 - our own gunicorn with fixed arguments
        [
            str(BIN / "gunicorn"),
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--no-control-socket",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env or test_settings_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def start_production_server(env, log_path):
    """gunicorn as deploy/systemd/portal-web@.service runs it (deploy/gunicorn.conf.py);
    ``env`` holds the production settings, GUNICORN_BIND among them. Its log (the app's
    JSON lines and the access log) goes to ``log_path``."""
    command = ["-m", "gunicorn", "--config", "deploy/gunicorn.conf.py", "portal.wsgi:application"]
    return _start_logged(command, env, log_path)


def start_worker(env, log_path):
    """``manage.py db_worker`` as deploy/systemd/portal-worker.service runs it."""
    command = ["manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"]
    return _start_logged(command, env, log_path)


def _start_logged(arguments, env, log_path):
    """This Python with ``arguments`` in the project, on ``env`` alone (plus PATH), its
    output in ``log_path`` (``close_logs`` closes it)."""
    _real_clock_only()
    log = Path(log_path).open("w")  # noqa: SIM115 - closed by the process's owner
    process = subprocess.Popen(  # noqa: S603 - this interpreter with fixed arguments
        [sys.executable, *arguments],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], **env},
        stdout=log,
        stderr=log,
    )
    process.log = log
    return process


def close_logs(processes):
    for process in processes:
        log = getattr(process, "log", None)
        if log is not None:
            log.close()


def wait_until_up(port, server, timeout=60, path="/search/", host="localhost"):
    """Until the app process on ``port`` answers ``path`` (any status)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn on {port} exited: {failure_text(server)}")
        try:
            get(port, path, host=host)
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn on {port} did not start")


# -- S3 ---------------------------------------------------------------------------------


def start_moto(port):
    """moto's S3-compatible server (``moto_server``) on ``port``."""
    process = subprocess.Popen(  # noqa: S603 - fixed executable and arguments
        [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for_port(port, process=process)
    return process


# -- the proxies ------------------------------------------------------------------------


def replace_once(text, old, new, what):
    """Replace ``old`` in a shipped config, failing loudly when the file no longer has
    it (the test must follow the file, not silently run something else)."""
    if old not in text:
        raise AssertionError(f"{what} no longer contains {old!r}")
    return text.replace(old, new)


def varnish_vcl(backend_ports):
    """deploy/varnish/default.vcl with its app processes on ``backend_ports`` (one port:
    both of the shipped backends point at it)."""
    a, b = (list(backend_ports) * 2)[:2]
    vcl = (ROOT / "deploy/varnish/default.vcl").read_text()
    vcl = replace_once(vcl, '.port = "8000";', f'.port = "{a}";', "default.vcl")
    return replace_once(vcl, '.port = "8001";', f'.port = "{b}";', "default.vcl")


def start_varnish(port, backend_ports, workdir, host="localhost"):
    """Debian's varnishd with the shipped VCL, listening on ``port``."""
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "default.vcl").write_text(varnish_vcl(backend_ports))
    # varnishd reads the file after dropping its privileges.
    workdir.chmod(0o755)
    (workdir / "default.vcl").chmod(0o644)
    process = subprocess.Popen(  # noqa: S603 - Debian's varnishd with fixed arguments
        [
            VARNISHD,
            "-F",
            "-n",
            str(workdir / "state"),
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(workdir / "default.vcl"),
            "-s",
            "malloc,32m",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(process.stderr.read().decode())
        try:
            get(port, "/", host=host)
            return process
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("varnishd did not start")


def start_nginx(site_conf, workdir):
    """Debian's nginx serving ``site_conf`` (a server block, such as
    deploy/nginx/portal.conf with its addresses replaced) from ``workdir``, in the
    foreground and without touching /etc/nginx or /var/log/nginx."""
    workdir = Path(workdir)
    (workdir / "logs").mkdir(parents=True, exist_ok=True)
    (workdir / "portal.conf").write_text(site_conf)
    user = "user nobody nogroup;\n" if os.geteuid() == 0 else ""
    (workdir / "nginx.conf").write_text(
        f"{user}worker_processes 1;\n"
        f"pid {workdir}/nginx.pid;\n"
        f"error_log {workdir}/logs/error.log warn;\n"
        "events { worker_connections 256; }\n"
        "http {\n"
        "    include /etc/nginx/mime.types;\n"
        f"    access_log {workdir}/logs/access.log;\n"
        + "".join(
            f"    {kind}_temp_path {workdir}/{kind};\n"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        + f"    include {workdir}/portal.conf;\n"
        "}\n"
    )
    process = subprocess.Popen(  # noqa: S603 - Debian's nginx with fixed arguments
        [NGINX, "-p", str(workdir), "-c", str(workdir / "nginx.conf"), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    return process
