"""Finding the page for a URL in three queries, whatever its depth.

Wagtail routes a path one level at a time: for each path component it loads the child
with that slug, then that child's specific object, two queries a level (seven for a
topic four levels below the home page), plus one for the active locale. Here the site
and its home page in the visitor's language are found in one query (the translation's
id as a subquery, the home page's locale in a join; a second query only when the
visitor reads another language than the home page's), every page along the path in a
second one (by ``url_path``), and the deepest of them becomes specific in a third,
which also reads its live translations for the language links; Wagtail's own
``route()`` then takes over from that page, so
routable pages (event calendars, news archives, exam variants) resolve their
sub-paths exactly as before and unpublished pages still answer 404.

The serve view (``portal.views.serve_page``) stores the route where Wagtail's
``Page.route_for_request`` keeps it (``request._wagtail_route_for_request``), so
Wagtail's serve view, its hooks and the view restrictions work unchanged. The pages
along the path stay on the request for the breadcrumbs (:func:`ancestors_for`) and
the localized home page for the menu, which then need no query for them.

The view restrictions of the page found are read in one query from its path (a
restriction on the page or any ancestor applies), instead of Wagtail's two (the
ancestors, then their restrictions), and kept on the page for Wagtail's
``check_view_restrictions`` hook and the page cache's.
"""

from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Q, Subquery
from django.http import Http404
from django.http.request import split_domain_port
from django.urls import Resolver404
from django.utils.translation import get_language
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import (
    MATCH_DEFAULT,
    MATCH_HOSTNAME,
    MATCH_HOSTNAME_DEFAULT,
    MATCH_HOSTNAME_PORT,
)

from portal.pagecache.fragments import cached_fragment
from portal.pagecache.invalidation import page_type_tags
from portal.pagecache.tags import depends_on, page_tag


def _routes_itself(page, remaining):
    """True when ``page`` may answer the ``remaining`` path components itself instead
    of passing them to a child: its type overrides ``route()`` (news, sveden) or it is
    a live routable page with a sub-route matching them (an event's ``event.ics``)."""
    model = ContentType.objects.get_for_id(page.content_type_id).model_class()
    if model is None:
        return True
    if model.route is Page.route:
        return False
    if model.route is RoutablePageMixin.route:
        if not page.live:
            return False
        try:
            model.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Resolver404:
            return False
    return True


def content_language():
    """The active content language's code (the default one if it has no locale); no query."""
    try:
        return get_supported_content_language_variant(get_language())
    except LookupError:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def find_site(request, language):
    """Wagtail's ``Site.find_for_request`` (the same matching rules), with the site's
    home page and its locale in a join and the id of the home page's translation into
    ``language`` as a subquery; kept where Wagtail keeps it (``request._wagtail_site``)
    and, between requests, with the page cache's tags (a changed site, settings row,
    logo or home page translation reads it again)."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    hostname, port = _host_and_port(request)
    site = cached_fragment(
        "site", (hostname, port, language), partial(_read_site, hostname, port, language)
    )
    _keep_site(request, site)
    return site


def _host_and_port(request):
    hostname = split_domain_port(request._get_raw_host())[0]
    try:
        port = int(request.get_port())
    except ValueError:
        port = None  # matches no site's port, as in Wagtail's query
    return hostname, port


def _keep_site(request, site):
    request._wagtail_site = site
    if site is not None:
        keep_school_settings(request, site)


def _read_site(hostname, port, language):
    translation = Page.objects.filter(
        translation_key=OuterRef("root_page__translation_key"), locale__language_code=language
    ).values("pk")[:1]
    sites = list(
        Site.objects.annotate(localized_root_id=Subquery(translation))
        .filter(Q(hostname=hostname) | Q(is_default_site=True))
        .select_related("root_page__locale", *school_settings_relations())
        # Ranked here, not by a CASE and an ORDER BY: the ORM takes longer to build
        # and compile those (it hashes every selected column) than to read two rows.
        .order_by()
    )
    for site in sites:
        site.match = _match(site, hostname, port)
    sites.sort(key=lambda site: site.match)
    site = None
    if sites:
        if len(sites) == 1 or sites[0].match in (MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT):
            site = sites[0]
        elif sites[0].match == MATCH_DEFAULT:
            site = sites[len(sites) == 2]
    if site is not None:
        # The translation was read in a subquery (no page loaded, so no page tag): a
        # home page translated, renamed or taken down changes its type's tables.
        depends_on(*page_type_tags(site.root_page.specific_class or Page))
        if site.localized_root_id is not None:
            depends_on(page_tag(site.localized_root_id))
    return site


def _match(site, hostname, port):
    """How well ``site`` matches the request, by Wagtail's rules (lower is better)."""
    if site.hostname == hostname:
        if site.port == port:
            return MATCH_HOSTNAME_PORT
        if site.is_default_site:
            return MATCH_HOSTNAME_DEFAULT
        return MATCH_HOSTNAME
    return MATCH_DEFAULT


def school_settings_relations():
    """What ``find_site`` reads of the school's settings in its own query: the settings
    row (a reverse one-to-one) and what Wagtail's ``for_request()`` would read with it."""
    from portal.models import SchoolSettings

    return ["schoolsettings"] + [
        f"schoolsettings__{name}" for name in SchoolSettings.select_related
    ]


def keep_school_settings(request, site):
    """Keep the settings read with the site where ``SchoolSettings.for_request()`` looks
    first (the template's ``settings.portal.SchoolSettings`` too): no query of their own.
    A site without a settings row is left to ``for_request()``, which creates it."""
    from portal.models import SchoolSettings

    try:
        school = site.schoolsettings
    except SchoolSettings.DoesNotExist:
        return
    school._request = request
    setattr(request, SchoolSettings.get_cache_attr_name(), school)


def localized_root(site):
    """The site's home page in the active language (the home page itself if untranslated)."""
    root = site.root_page
    translated_id = getattr(site, "localized_root_id", None)
    if translated_id == root.pk or (translated_id is None and hasattr(site, "localized_root_id")):
        return root  # already in that language, or not translated into it
    language = content_language()
    # The home page itself when it is in that language, specific, with its translations
    # for the language links (one query; their locales come in the join).
    pages = list(
        (root.specific_class or Page)
        .objects.filter(translation_key=root.translation_key)
        .select_related("locale")
    )
    translated = next((p for p in pages if p.locale.language_code == language), None)
    if translated is None:
        return root
    translated.live_translations = [p for p in pages if p.live]
    return translated


def specific_with_translations(page):
    """``page`` as its specific type, with ``live_translations`` (its live versions in
    every language, itself included, with their locales): one query instead of Wagtail's
    two (``specific``, then ``get_translations()`` for the language links)."""
    model = page.specific_class
    if model is None or isinstance(page, model):
        return page.specific
    rows = list(
        model.objects.filter(Q(pk=page.pk) | Q(translation_key=page.translation_key, live=True))
        .select_related("locale")
        .order_by()  # found by key: no ORDER BY to compile
    )
    specific = next((row for row in rows if row.pk == page.pk), None)
    if specific is None:
        return page.specific
    # What Wagtail's get_specific() copies: values set on the generic instance.
    for name, value in page.__dict__.items():
        specific.__dict__.setdefault(name, value)
    specific.live_translations = [row for row in rows if row.live]
    return specific


def _read(restrictions):
    return restrictions


def _known_restrictions(page, chain):
    """The view restrictions of ``page`` (routed through ``chain``) in one query, or
    ``None`` when Wagtail's own lookup must run: aliases use their source page's
    restrictions, and a site whose home page is deeper has ancestors we did not load."""
    if chain[0].depth != 2 or page.alias_of_id or any(p.alias_of_id for p in chain):
        return None
    steplen = Page.steplen
    prefixes = [page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)]
    return list(PageViewRestriction.objects.filter(page__path__in=prefixes))


def _as_queryset(found):
    """A queryset that iterates over the restrictions read; chained, it asks again by id."""
    restrictions = PageViewRestriction.objects.filter(pk__in=[r.pk for r in found])
    restrictions._result_cache = list(found)
    restrictions._prefetch_done = True
    return restrictions


def route(request, path):
    """Wagtail's route result for ``path`` (or ``None``), computed in few queries; what
    was found along a page's own address is kept between requests with the page
    cache's tags."""
    language = content_language()
    components = tuple(component for component in path.split("/") if component)
    hostname, port = _host_and_port(request)
    found = cached_fragment(
        "route",
        (hostname, port, language, components),
        partial(_find_pages, request, language, components),
        # Kept only for a page's own address (the chain covers the whole path).
        keep=lambda found: found is not None and len(found["chain"]) - 1 == len(components),
    )
    if found is None:
        _keep_site(request, None)
        return None
    _keep_site(request, found["site"])
    root, chain, deepest = found["root"], found["chain"], found["deepest"]
    request._portal_locale_root = root
    request._portal_route_chain = chain
    try:
        result = deepest.route(request, list(components[len(chain) - 1 :]))
    except Http404:
        return None
    if result is not None and result[0] is deepest and found["restrictions"] is not None:
        # Wagtail's hooks call page.get_view_restrictions(): this page answers
        # with what was read with it.
        deepest.get_view_restrictions = partial(_read, _as_queryset(found["restrictions"]))
    return result


def _find_pages(request, language, components):
    """The site, its home page in ``language``, the pages along ``components`` and the
    deepest of them as its specific type with its view restrictions (a dict; ``None``
    when no site matches). :func:`route` keeps it only for a page's own address, so
    the pages of a site bound how many are kept: a path left over below a page (a 404;
    a sub-path a page answers itself: a class page, a month of the calendar, a feed,
    of which any number can be asked for) is routed again each time."""
    site = find_site(request, language)
    if site is None:
        return None
    root = localized_root(site)
    chain = [root]
    if components:
        wanted = [
            root.url_path + "/".join(components[:depth]) + "/"
            for depth in range(1, len(components) + 1)
        ]
        found = {
            page.url_path: page
            for page in Page.objects.filter(
                url_path__in=wanted, path__startswith=root.path
            ).order_by()
        }
        for depth, url_path in enumerate(wanted):
            page = found.get(url_path)
            if page is None or page.depth != chain[-1].depth + 1:
                break
            if _routes_itself(chain[-1], components[depth:]):
                break
            page._cached_parent_obj = chain[-1]
            chain.append(page)
    deepest = specific_with_translations(chain[-1])
    if "locale" in root._state.fields_cache:
        # Pages below the home page share its locale: no query for ``page.locale``.
        for page in {*chain, deepest}:
            if page.locale_id == root.locale_id:
                page.locale = root.locale
    return {
        "site": site,
        "root": root,
        "chain": chain,
        "deepest": deepest,
        "restrictions": _known_restrictions(deepest, chain),
    }


def ancestors_for(request, page):
    """The pages from the home page down to ``page``'s parent, if this request routed
    to ``page`` (else ``None``: the caller queries them)."""
    chain = getattr(request, "_portal_route_chain", None)
    if not chain or not isinstance(page, Page) or chain[-1].pk != page.pk:
        return None
    return chain[:-1]
