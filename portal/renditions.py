"""Renditions cut in the background when an image is uploaded or replaced.

The first visitor of a page with a new photo would otherwise wait while the app process
reads the original from storage and cuts every size the page needs. The worker cuts the
sizes the listings and cards use (``PORTAL_PREGENERATED_RENDITIONS``) right after the
upload; Wagtail still makes any other size on demand. Cutting twice is harmless: Wagtail
returns a rendition that exists.
"""

from django.conf import settings
from django_tasks import task
from wagtail.images import get_image_model

from .background import enqueue_after_commit


@task()
def pregenerate_renditions_task(image_id):
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return 0
    return len(image.get_renditions(*settings.PORTAL_PREGENERATED_RENDITIONS))


def queue_renditions(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    """``post_save`` of the image model: queue the cutting for a new or replaced file."""
    if raw or (update_fields is not None and "file" not in update_fields):
        return
    enqueue_after_commit(pregenerate_renditions_task, instance.pk)
