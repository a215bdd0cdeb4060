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
