"""The editors' e-mail about a new appeal, sent by the task worker, not the request."""

import logging

from django_tasks import task

from portal.background import already_done, enqueue_after_commit, mark_done, retry_later

from .models.appeals import Appeal
from .notifications import send_notification

logger = logging.getLogger(__name__)


@task()
def notify_editors_task(appeal_id, attempt=1):
    """Send the notification of appeal ``appeal_id`` once; retried while mail is down."""
    appeal = Appeal.objects.filter(pk=appeal_id).first()
    if appeal is None:
        return 0
    # The time tells this appeal from one that gets its key after a restore.
    done_key = f"appeals.notified:{appeal_id}:{appeal.received_at.timestamp()}"
    if already_done(done_key):
        return 0
    try:
        sent = send_notification(appeal)
    except OSError as error:  # smtplib's errors are OSErrors too
        retry_later(notify_editors_task, [appeal_id], attempt, error)
        return 0
    mark_done(done_key)
    return sent


def notify_editors(appeal):
    """Queue the notification once the registration is committed.

    A mail server that is down must not cost the visitor their number: the appeal is
    registered and in the queue either way, and the worker retries the letter.
    """
    enqueue_after_commit(notify_editors_task, appeal.pk)
