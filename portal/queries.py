"""Query helpers shared by the sections."""

from django.db.models import Exists, OuterRef, Q
from wagtail.models import Locale
from wagtail.query import PageQuerySet


def with_locale_fallback(queryset, locale):
    """Pages of ``locale`` plus default-language pages nobody has translated into it.

    Teachers rarely translate every topic, exam or portfolio; the English lists then
    show the Russian pages instead of nothing. One query, whatever the page type.
    """
    default = Locale.get_default()
    if locale.pk == default.pk:
        return queryset.filter(locale=locale)
    translated = queryset.model.objects.filter(
        translation_key=OuterRef("translation_key"), locale=locale, live=True
    )
    return queryset.filter(Q(locale=locale) | (Q(locale=default) & ~Exists(translated)))


class LocaleFallbackQuerySet(PageQuerySet):
    """A page QuerySet with ``for_locale()`` (see :func:`with_locale_fallback`)."""

    def for_locale(self, locale):
        return with_locale_fallback(self, locale)


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
    return page.get_children().live().public().filter(content_type__in=types).order_by("path")
