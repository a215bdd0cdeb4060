"""Rich-text links and embeds that cannot take a page down.

Wagtail expands ``<a linktype="document" id="…">`` (and page links, image embeds) by
looking the id up in the database; an id that is not a number ("abc", stored before
the admin refused it) raised a ValueError and a public 500. These handlers treat such
an id like a deleted object: the link loses its address, the image shows nothing.
They replace Wagtail's own in ``portal/wagtail_hooks.py``.
"""

import logging

from django.core.exceptions import ValidationError
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.images.formats import get_image_format
from wagtail.images.rich_text import ImageEmbedHandler
from wagtail.rich_text.pages import PageLinkHandler

logger = logging.getLogger("portal.rich_text")


def usable_ids(model, attrs_list):
    """``attrs_list`` with every id the model's primary key cannot hold set to None."""
    cleaned = []
    for attrs in attrs_list:
        attrs = dict(attrs)
        try:
            attrs["id"] = model._meta.pk.to_python(attrs.get("id"))
        except (ValidationError, TypeError, ValueError):
            logger.warning("Rich text refers to %s id %r", model.__name__, attrs.get("id"))
            attrs["id"] = None
        cleaned.append(attrs)
    return cleaned


class SafeIdsMixin:
    """Look up only ids the model can hold; a tag without an id refers to nothing (the
    reference index and the admin's checks read references on every save)."""

    @classmethod
    def get_many(cls, attrs_list):
        return super().get_many(usable_ids(cls.get_model(), attrs_list))

    @classmethod
    def extract_references(cls, attrs):
        if attrs.get("id") is not None:
            yield cls.get_model(), attrs["id"], "", ""


class SafePageLinkHandler(SafeIdsMixin, PageLinkHandler):
    pass


class SafeDocumentLinkHandler(SafeIdsMixin, DocumentLinkHandler):
    pass


class SafeImageEmbedHandler(SafeIdsMixin, ImageEmbedHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        # Wagtail's loop, one image at a time inside a try: an embed without a known
        # "format" loses its image instead of the page.
        tags = []
        for attrs, image in zip(attrs_list, cls.get_many(attrs_list), strict=True):
            tag = '<img alt="">'
            if image:
                try:
                    tag = get_image_format(attrs["format"]).image_to_html(
                        image, attrs.get("alt", "")
                    )
                except (KeyError, LookupError, TypeError, ValueError):
                    logger.warning("Rich text image embed cannot be shown: %r", attrs)
            tags.append(tag)
        return tags
