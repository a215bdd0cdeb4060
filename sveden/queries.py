"""Locale fallback for the translatable snippets of «Сведения об ОО».

The Russian rows are the legal version; an English page shows the English row where
wagtail-localize made one and the Russian row otherwise — never nothing. One query,
with no lookup of the default locale (its language code comes from the settings).
"""

from django.conf import settings
from django.db.models import Exists, OuterRef, Q


def default_language():
    return settings.LANGUAGE_CODE.split("-")[0]


def for_locale(queryset, locale_id):
    """Rows of the locale plus default-language rows not translated into it.

    Takes the locale's id, so the page's locale need not be loaded: for the default
    locale itself the second half matches nothing (every row "is translated").
    """
    translated = queryset.model.objects.filter(
        translation_key=OuterRef("translation_key"), locale_id=locale_id
    )
    return queryset.filter(
        Q(locale_id=locale_id) | (Q(locale__language_code=default_language()) & ~Exists(translated))
    )
