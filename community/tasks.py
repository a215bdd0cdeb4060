"""The page owners' e-mail about a visitor's message, sent by the task worker."""

from django_tasks import task

from portal.background import already_done, enqueue_after_commit, mark_done, retry_later

from .models import Message
from .notifications import notify_owners


@task()
def notify_owners_task(message_id, attempt=1):
    """Tell the teachers of the message's page once; retried while mail is down."""
    message = Message.objects.select_related("page").filter(pk=message_id).first()
    if message is None:
        return 0
    # The time tells this message from one that gets its key after a restore.
    done_key = f"community.notified:{message_id}:{message.created_at.timestamp()}"
    if already_done(done_key):
        return 0
    try:
        sent = notify_owners(message)
    except OSError as error:
        retry_later(notify_owners_task, [message_id], attempt, error)
        return 0
    mark_done(done_key)
    return sent


def queue_notification(message):
    enqueue_after_commit(notify_owners_task, message.pk)
