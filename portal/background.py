"""Background work through Django's task framework (the django-tasks backport).

Production runs tasks in worker processes (``manage.py db_worker``, the database
backend: the queue is a table, so it survives restarts and needs no extra service); the
tests run them immediately. Two rules hold for every task of the portal:

- **Retried.** A transient failure (a mail server that is down raises ``OSError``) puts
  the task back in the queue with a growing delay, up to ``MAX_ATTEMPTS`` runs; the last
  failure is recorded in the task's result with its traceback.
- **Idempotent.** A task that sends something records it in the shared cache once done,
  so a retry after a partial run, or the same task enqueued twice, sends nothing twice.
"""

import datetime
import logging

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
FIRST_RETRY_DELAY = datetime.timedelta(seconds=30)
# Long enough for any retry or duplicate of a task to come by.
DONE_FOR_SECONDS = 60 * 60 * 24 * 14


def enqueue_after_commit(task, *args):
    """Enqueue ``task`` once the current transaction commits (at once outside one), so
    the worker never looks for a row that a rolled-back request never wrote."""
    transaction.on_commit(lambda: task.enqueue(*args))


def retry_later(task, args, attempt, error):
    """Enqueue ``task`` again for attempt ``attempt + 1``, or re-raise ``error`` when
    ``attempt`` was the last one (the worker records the failure)."""
    if attempt >= MAX_ATTEMPTS:
        raise error
    logger.warning("%s failed (attempt %s of %s): %s", task.name, attempt, MAX_ATTEMPTS, error)
    again = task
    if task.get_backend().supports_defer:
        delay = FIRST_RETRY_DELAY * 2 ** (attempt - 1)
        again = task.using(run_after=timezone.now() + delay)
    again.enqueue(*args, attempt=attempt + 1)


def _done_cache():
    return caches[settings.SHARED_CACHE_ALIAS]


def already_done(key):
    """Whether the work named ``key`` was completed by an earlier run."""
    return _done_cache().get(f"task-done:{key}") is not None


def mark_done(key):
    _done_cache().set(f"task-done:{key}", 1, DONE_FOR_SECONDS)
