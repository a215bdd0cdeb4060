"""Template tags for the shared layout: navigation, breadcrumbs, language links."""

import re

from anyascii import anyascii
from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page, Site

from portal.navigation import group_menu_items
from portal.pagecache.fragments import cached_fragment
from portal.pagecache.tags import depends_on, page_tag
from portal.queries import LINK_FIELDS, home_sections
from portal.routing import ancestors_for, localized_root

register = template.Library()

CYRILLIC = re.compile("[\u0400-\u04ff]")


def locale_root(request):
    """The home page of the current site in the visitor's language (cached per request;
    a page request has it from its routing, portal/routing.py)."""
    if not hasattr(request, "_portal_locale_root"):
        site = Site.find_for_request(request)
        # No query when the view found the site with routing.find_site().
        request._portal_locale_root = localized_root(site) if site is not None else None
    return request._portal_locale_root


@register.simple_tag(takes_context=True)
def site_root(context):
    """The localized home page, for links to "home"."""
    request = context.get("request")
    return locale_root(request) if request else None


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """Top-level sections (live, public children of the home page shown in menus),
    grouped under a few headings by ``portal.navigation``."""
    request = context["request"]
    root = locale_root(request)
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    items = []
    if root is not None:

        def sections():
            # A new section is a new child of the home page: its tag covers it.
            depends_on(page_tag(root.pk))
            # One query for the whole menu, shared with the home page's section links.
            return [page for page in home_sections(request, root) if page.show_in_menus]

        # The same for every visitor, kept with the page cache's tags.
        children = cached_fragment("menu", root.pk, sections)
        items = [
            {
                "page": child,
                "current": child.path == current_path,
                "active": bool(current_path) and current_path.startswith(child.path),
            }
            for child in children
        ]
    return {
        "request": request,
        "root": root,
        "groups": group_menu_items(items),
        "root_current": root is not None and root.path == current_path,
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The path from the home page down to the current page."""
    page = context.get("page")
    ancestors = []
    if isinstance(page, Page) and page.depth > 2:
        # The path from the router when it found the page (no query), else one query.
        ancestors = ancestors_for(context.get("request"), page)
        if ancestors is None:

            def path_down():
                depends_on(page_tag(page.pk))
                return list(Page.objects.ancestor_of(page).filter(depth__gte=2).only(*LINK_FIELDS))

            ancestors = cached_fragment("breadcrumbs", (page.pk, page.path), path_down)
    return {"request": context.get("request"), "ancestors": ancestors, "page": page}


def language_links(context):
    """This page in every language: ``code``, ``name``, ``url``, ``current``.

    For a page, its live translations (wagtail-localize keeps an English alias for
    every Russian page, so there is one unless the page is private or a draft); a
    routable page's sub-path (``/classes/9a/``, an event occurrence) and the query
    string carry over. For other views (search, calendars), the same URL under the
    other language prefix. Computed once per request: the head's ``hreflang``
    alternates and the switcher share it.
    """
    request = context["request"]
    cached = getattr(request, "_portal_language_links", None)
    if cached is not None:
        return cached
    page = context.get("page")
    current = get_language()
    links = []
    if isinstance(page, Page):
        own_url = page.get_url(request) or ""
        suffix = (
            request.path[len(own_url) :] if own_url and request.path.startswith(own_url) else ""
        )
        query = request.META.get("QUERY_STRING", "")
        if query:
            suffix += f"?{query}"
        translations = getattr(page, "live_translations", None)
        if translations is None:  # not routed here (a preview, a page in a listing)
            translations = page.get_translations(inclusive=True).live().select_related("locale")
        for translation in translations:
            code = translation.locale.language_code
            url = translation.get_url(request)
            links.append({"code": code, "url": url and url + suffix, "current": code == current})
    else:
        for code, _name in settings.LANGUAGES:
            links.append(
                {
                    "code": code,
                    "url": translate_url(request.get_full_path(), code),
                    "current": code == current,
                }
            )
    names = {"ru": "Русский", "en": "English"}
    for link in links:
        link["name"] = names.get(link["code"], link["code"])
    links.sort(key=lambda link: link["code"] != "ru")
    request._portal_language_links = links
    return links


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in the other languages (greyed out where there is none)."""
    return {"links": language_links(context)}


@register.inclusion_tag("includes/hreflang_alternates.html", takes_context=True)
def hreflang_alternates(context):
    """``<link rel="alternate" hreflang>`` for every language the page exists in."""
    request = context["request"]
    return {
        "links": [
            {**link, "url": request.build_absolute_uri(link["url"])}
            for link in language_links(context)
            if link["url"]
        ]
    }


@register.simple_tag
def untranslated_from(page):
    """The language code of the page an English alias shows (``""`` for a translation).

    wagtail-localize's synchronisation puts an alias of each untranslated Russian page
    in the English tree; the page then carries the Russian text and says so.
    """
    alias_of = getattr(page, "alias_of_id", None)
    if not alias_of:
        return ""
    code = (
        Page.objects.filter(pk=alias_of)
        .exclude(locale_id=page.locale_id)
        .values_list("locale__language_code", flat=True)
        .first()
    )
    return code or ""


def _in_source_language():
    from portal.translation import SOURCE_LANGUAGE

    return (get_language() or SOURCE_LANGUAGE).startswith(SOURCE_LANGUAGE)


def _source_lang_if(condition):
    """`` lang="ru"`` (the source language) when ``condition`` holds, else nothing: the
    attribute the ``lang_if_*`` and ``source_lang`` filters put on Russian text."""
    from portal.translation import SOURCE_LANGUAGE

    return mark_safe(f' lang="{SOURCE_LANGUAGE}"') if condition else ""  # noqa: S308 - a constant


@register.filter
def lang_if_untranslated(page):
    """`` lang="ru"`` for an untranslated page listed on another language's page.

    A listing of the English site shows the aliases of untranslated pages with their
    Russian titles and summaries; the attribute on the item tells browsers and screen
    readers so. No query: in a synchronised tree an alias is always of the source page.
    """
    return _source_lang_if(getattr(page, "alias_of_id", None) and not _in_source_language())


@register.filter
def source_lang(value=None):
    """`` lang="ru"`` on another language's page, for text that is only ever in Russian
    (a synchronised list, such as an exam's key dates or a teacher's courses)."""
    return _source_lang_if(not _in_source_language())


@register.filter
def lang_if_fallback(row, page):
    """`` lang="ru"`` for a translatable snippet's row shown on a page of another locale.

    The legal section shows the Russian row of a snippet that has no English row (the
    Russian one is the legal version, ``sveden/queries.py``); the attribute on the row
    or cell says so. No query: the row's and the page's locale ids are compared.
    """
    row_locale = getattr(row, "locale_id", None)
    page_locale = getattr(page, "locale_id", None)
    return _source_lang_if(row_locale and page_locale and row_locale != page_locale)


@register.filter
def lang_if_cyrillic(value):
    """`` lang="ru"`` on another language's page for a value typed in as it is, with no
    English column, when it has Russian letters: a phone with its «— бухгалтерия», a
    licence's registry number «Л035-…». Nothing for digits and Latin text."""
    return _source_lang_if(not _in_source_language() and CYRILLIC.search(str(value or "")))


@register.filter
def person_name(name):
    """A person's name in Latin letters on the English site ("Мария Ковалёва" →
    "Mariya Kovaleva"), as Russian names are written in English; unchanged in Russian."""
    if not name or _in_source_language():
        return name
    return anyascii(str(name)).replace("'", "")
