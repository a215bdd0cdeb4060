"""gunicorn settings for the portal's app processes (deploy/systemd/portal-web@.service,
the Dockerfile). Every value can be overridden by an environment variable."""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# The usual 2 × cores + 1: page rendering is CPU-bound, the rest waits on PostgreSQL.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# Uploads of 25 MB documents over a school's slow uplink; anything longer is stuck.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# A worker is replaced after this many requests (with jitter), so slow leaks never grow.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# The application is imported once, before forking: workers start fast and share memory.
preload_app = True
# The access log on stderr, one JSON object per request (journald or docker collects it).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
access_log_format = (
    '{"time": "%(t)s", "remote": "%(h)s", "method": "%(m)s", "path": "%(U)s", '
    '"query": "%(q)s", "status": %(s)s, "bytes": "%(B)s", "ms": %(M)s, '
    '"agent": "%(a)s", "process": "%(p)s"}'
)
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Behind the proxy on the same host (or in the same compose network).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# No control socket in ~/.gunicorn: the service user has no home to write to.
control_socket_disable = True


def pre_fork(server, worker):
    """The preloaded application's objects move out of the collector's reach before the
    fork: the workers share those memory pages instead of copying them when the
    collector touches them, and a worker no longer spends seconds collecting them when
    it exits (5 s per restart, over 20 s on a loaded machine)."""
    gc.freeze()


def post_fork(server, worker):
    """Connections opened by the master before forking must not be shared."""
    from django.db import connections

    connections.close_all()
