"""``/health/`` for the load balancer and monitoring: can this app process serve?

Each dependency is tried for real: the database (a query), the shared cache (a write
and a read back), the media storage (a lookup in the bucket or on disk) and the task
queue (how many tasks wait, and for how long the oldest). The answer is JSON with
``ok`` per part and 503 when any of them fails, so the balancer takes the process out
of rotation; it names no host, key or error text (those go to the log), and is never
cached by the proxy or the page cache.
"""

import logging
import secrets
import time

from django.conf import settings
from django.core.cache import caches
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

PROBE_KEY = "health-probe:"


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {}


def check_cache():
    cache = caches[settings.SHARED_CACHE_ALIAS]
    # A key of its own: probes run at once by several processes (the proxy probes
    # every backend, the balancer and monitoring too) must not read each other's value.
    key = PROBE_KEY + secrets.token_hex(8)
    token = secrets.token_hex(8)
    cache.set(key, token, 30)
    try:
        if cache.get(key) != token:
            raise RuntimeError("the cache did not return what was written")
    finally:
        cache.delete(key)
    return {}


def check_storage():
    # A lookup of a name that need not exist: a round trip to the bucket (or the disk)
    # without writing anything.
    default_storage.exists("health-probe")
    return {}


def check_tasks():
    backend = settings.TASKS["default"]["BACKEND"]
    if not backend.startswith("django_tasks_db."):
        return {"backlog": 0}
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    ready = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    age = int((timezone.now() - oldest).total_seconds()) if oldest else 0
    return {"backlog": ready.count(), "oldest_seconds": age}


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "storage": check_storage,
    "tasks": check_tasks,
}


@require_GET
def health(request):
    report = {}
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            report[name] = {"ok": True, **check()}
        except Exception:  # any failure means "not healthy"; the details go to the log
            logger.exception("Health check %s failed", name)
            report[name] = {"ok": False}
        report[name]["ms"] = round((time.perf_counter() - started) * 1000, 1)
    healthy = all(part["ok"] for part in report.values())
    response = JsonResponse({"ok": healthy, **report}, status=200 if healthy else 503)
    add_never_cache_headers(response)
    return response
