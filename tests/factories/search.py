"""Helpers for search tests: pages with realistic Russian text, published for real."""

from wagtail.models import Locale, PageViewRestriction

from .home import StandardPageFactory


def paragraph(html):
    return {"type": "paragraph", "value": html}


def text_page(parent, title, introduction="", body_html="", **kwargs):
    """A live StandardPage with a title, an introduction and one rich-text paragraph."""
    body = [paragraph(body_html)] if body_html else []
    return StandardPageFactory(
        parent=parent, title=title, introduction=introduction, body=body, **kwargs
    )


def published_then_unpublished(parent, title, **kwargs):
    page = text_page(parent, title, **kwargs)
    page.save_revision().publish()
    page.unpublish()
    return page


def restricted(page, kind, groups=()):
    """Put a view restriction of ``kind`` ("password", "login", "groups") on ``page``."""
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="sekret-123" if kind == "password" else ""
    )
    if groups:
        restriction.groups.set(groups)
    return restriction


def english(parent, title, **kwargs):
    return text_page(parent, title, locale=Locale.objects.get(language_code="en"), **kwargs)
