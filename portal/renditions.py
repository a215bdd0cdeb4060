"""Renditions cut in the background when an image is uploaded or replaced.

The first visitor of a page with a new photo would otherwise wait while the app process
reads the original from storage and cuts every size the page needs. The worker cuts the
sizes the listings and cards use (``PORTAL_PREGENERATED_RENDITIONS``) right after the
upload; Wagtail still makes any other size on demand. Cutting twice is harmless: Wagtail
returns a rendition that exists.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
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


def prefetch_renditions(wanted):
    """Read the renditions of several images in several sizes in one query.

    ``wanted``: ``(image, filter spec)`` pairs (``None`` images are skipped). Each image
    gets Wagtail's own ``prefetched_renditions``, where ``get_rendition()`` looks before
    querying and where it adds a size it has to cut, so the ``{% image %}`` tags of a
    page that shows several listings (the home page's news cards and photo report
    covers) cost one query between them instead of one a listing.
    """
    wanted = [(image, spec) for image, spec in wanted if image is not None]
    if not wanted:
        return
    ids_by_spec = defaultdict(set)
    for image, spec in wanted:
        ids_by_spec[spec].add(image.pk)
    condition = Q()
    for spec, ids in ids_by_spec.items():
        condition |= Q(filter_spec=spec, image_id__in=ids)
    found = defaultdict(list)
    for rendition in get_image_model().get_rendition_model().objects.filter(condition):
        found[rendition.image_id].append(rendition)
    for image, _spec in wanted:
        image.prefetched_renditions = found[image.pk]
        for rendition in image.prefetched_renditions:
            rendition.image = image  # its alt text and URL read the image: no query
