"""Finding the page for a URL in two queries, whatever its depth.

Wagtail routes a path one level at a time: for each path component it loads the child
with that slug, then that child's specific object, two queries a level (seven for a
topic four levels below the home page), plus one for the active locale. Here the
localized home page is found in one query (its locale by language code, in a join),
every page along the path in a second one (by ``url_path``), and the deepest of them
becomes specific; Wagtail's own ``route()`` then takes over from that page, so
routable pages (event calendars, news archives, exam variants) resolve their
sub-paths exactly as before and unpublished pages still answer 404.

The serve view (``portal.views.serve_page``) stores the route where Wagtail's
``Page.route_for_request`` keeps it (``request._wagtail_route_for_request``), so
Wagtail's serve view, its hooks and the view restrictions work unchanged. The pages
along the path stay on the request for the breadcrumbs (:func:`ancestors_for`) and
the localized home page for the menu, which then need no query for them.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.urls import Resolver404
from django.utils.translation import get_language
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site


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


def localized_root(site):
    """The site's home page in the active language (the home page itself if untranslated)."""
    root = site.root_page
    try:
        language = get_supported_content_language_variant(get_language())
    except LookupError:
        return root
    # The home page itself when it is in that language; its locale comes in the join.
    translated = (
        Page.objects.filter(translation_key=root.translation_key, locale__language_code=language)
        .select_related("locale")
        .first()
    )
    return translated or root


def route(request, path):
    """Wagtail's route result for ``path`` (or ``None``), computed in few queries."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    root = localized_root(site)
    request._portal_locale_root = root
    chain = [root]
    if components:
        wanted = [
            root.url_path + "/".join(components[:depth]) + "/"
            for depth in range(1, len(components) + 1)
        ]
        found = {
            page.url_path: page
            for page in Page.objects.filter(url_path__in=wanted, path__startswith=root.path)
        }
        for depth, url_path in enumerate(wanted):
            page = found.get(url_path)
            if page is None or page.depth != chain[-1].depth + 1:
                break
            if _routes_itself(chain[-1], components[depth:]):
                break
            page._cached_parent_obj = chain[-1]
            chain.append(page)
    request._portal_route_chain = chain
    deepest = chain[-1].specific
    if "locale" in root._state.fields_cache:
        # Pages below the home page share its locale: no query for ``page.locale``.
        for page in {*chain, deepest}:
            if page.locale_id == root.locale_id:
                page.locale = root.locale
    try:
        return deepest.route(request, components[len(chain) - 1 :])
    except Http404:
        return None


def ancestors_for(request, page):
    """The pages from the home page down to ``page``'s parent, if this request routed
    to ``page`` (else ``None``: the caller queries them)."""
    chain = getattr(request, "_portal_route_chain", None)
    if not chain or not isinstance(page, Page) or chain[-1].pk != page.pk:
        return None
    return chain[:-1]
