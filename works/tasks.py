"""The daily consent check as a task, so the scheduler only enqueues it and any worker
runs it (``manage.py enforce_consents --enqueue``). A withdrawal itself never waits for
the queue: works/signals.py unpublishes at once."""

from django_tasks import task

from .unpublishing import enforce, hold_back


@task()
def enforce_consents_task():
    """Unpublish pages whose consent expired and hold back their revisions; running it
    twice changes nothing the second time (only live pages are unpublished)."""
    unpublished = enforce()
    held = hold_back()
    return {"unpublished": [page.pk for page in unpublished], "held_back": len(held)}
