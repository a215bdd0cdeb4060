"""Template filters for the site header's fixed layout.

The language switcher keeps one slot per configured language on every page, so the
header looks the same whether or not the page is translated.
"""

from django import template
from django.conf import settings
from django.utils.translation import get_language_info

register = template.Library()


@register.filter
def all_languages(links):
    """``links`` of the language switcher completed with every site language.

    Each result has ``code``, ``name`` (in its own language), ``current`` and ``url``;
    ``url`` is empty for a language the page has no translation in.
    """
    by_code = {link["code"]: link for link in links}
    slots = []
    for code, _name in settings.LANGUAGES:
        link = by_code.get(code)
        slots.append(
            {
                "code": code,
                "name": link["name"] if link else get_language_info(code)["name_local"],
                "current": bool(link and link["current"]),
                "url": link["url"] if link else "",
            }
        )
    return slots
