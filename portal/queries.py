"""Query helpers shared by the sections."""

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.query import PageQuerySet


def default_language():
    """The default content language's code, read from settings (no query)."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def for_language(queryset, language_code):
    """Pages of one language, by code (a join, no query for the locale).

    No fallback is needed: wagtail-localize's tree synchronisation (portal/translation.py)
    gives every Russian page a counterpart in English, an alias until it is translated.
    """
    return queryset.filter(locale__language_code=language_code)


def not_view_restricted():
    """A filter for pages with no view restriction on themselves or an ancestor.

    The rule of Wagtail's ``PageQuerySet.public()`` as a subquery: ``public()`` first
    reads every restriction of the site, one more query each time it is called.
    """
    from wagtail.models import PageViewRestriction

    restrictions = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return ~Exists(restrictions)


class LocaleQuerySet(PageQuerySet):
    """A page QuerySet with ``for_locale()``: the pages of one locale's tree."""

    def for_locale(self, locale):
        return self.filter(locale=locale)


def section_extras(page, *model_labels):
    """Live, public children of ``page`` of the given page types, in tree order.

    A teacher keeps polls and a students' works gallery inside their own section; the
    section page links them. ``model_labels`` are "app.Model" strings so a section
    doesn't import the apps that provide them; uninstalled ones are skipped. Plain
    ``Page`` objects: two queries (the pages, the view restrictions).
    """
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    models = []
    for label in model_labels:
        try:
            models.append(apps.get_model(label))
        except LookupError:
            continue
    if not models:
        return page.get_children().none()
    types = ContentType.objects.get_for_models(*models).values()
    return (
        page.get_children()
        .live()
        .filter(not_view_restricted())
        .filter(content_type__in=types)
        .order_by("path")
    )
