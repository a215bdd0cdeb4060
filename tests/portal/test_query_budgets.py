"""SQL queries of every public page kind, uncached, at two content sizes.

One URL of every page type the demo school has, plus the routable sub-pages, feeds,
calendars and search, is requested at the demo's size and again after every listed
page got more siblings (copies of itself: more topics, events, news, works …). Each
must stay within the budget of 15 queries and run the same number of queries at both
sizes.
"""

from django.core.exceptions import ValidationError
from django.test import Client
from wagtail.models import Page

from tests.utils import count_queries

BUDGET = 15
EXTRA_URLS = [
    ("event archive", "/sobytiya/arhiv/"),
    ("event month", "/sobytiya/mesyac/"),
    ("events iCal", "/sobytiya/calendar.ics"),
    ("news RSS", "/novosti/rss/"),
    ("news Atom", "/novosti/atom/"),
    ("class page", "/classes/9a/"),
    ("class RSS", "/classes/9a/rss/"),
    ("exam variant", "/gia-i-ege/oge-matematika-2027/variant/"),
    ("search", "/search/?query=олимпиада"),
    ("search, nothing found", "/search/?query=олимпеада"),
    ("autocomplete", "/search/autocomplete/?q=олимп"),
    ("English home", "/en/"),
    ("English page", "/en/o-shkole/"),
]
COPIES = 3


def one_page_per_kind():
    """{page type: a live Russian page of it} (the shallowest one, in tree order)."""
    kinds = {}
    pages = (
        Page.objects.live()
        .filter(depth__gte=2, locale__language_code="ru")
        .select_related("content_type")
        .order_by("depth", "path")
    )
    for page in pages:
        kinds.setdefault(page.content_type.model, page)
    return kinds


def measure(client, kinds):
    counts = {kind: count_queries(client, page.url) for kind, page in kinds.items()}
    for label, url in EXTRA_URLS:
        path, _, query = url.partition("?")
        params = dict(part.split("=") for part in query.split("&")) if query else {}
        counts[label] = count_queries(client, path, **params)
    return counts


def grow(kinds):
    """Give every listed page (below the home page) more siblings of its type."""
    for page in kinds.values():
        parent = page.get_parent()
        if page.depth < 3 or not page.specific_class.can_create_at(parent):
            continue  # the home page, sections allowed once (indexes, sveden pages)
        for n in range(COPIES):
            try:
                page.specific.copy(
                    to=parent,
                    update_attrs={"slug": f"{page.slug}-kopiya-{n}", "title": f"{page.title} {n}"},
                    keep_live=True,
                    copy_revisions=False,
                    log_action=None,
                )
            except ValidationError:
                break  # a page unique among its siblings (an exam's task No. 6)


def test_every_page_kind_within_budget_and_flat(demo):
    client = Client()
    kinds = one_page_per_kind()
    # The demo has every page kind a visitor can reach; a new one must be listed here.
    assert len(kinds) >= 35, sorted(kinds)
    small = measure(client, kinds)
    grow(kinds)
    large = measure(client, kinds)
    over = {kind: count for kind, count in large.items() if count > BUDGET}
    changed = {kind: (small[kind], large[kind]) for kind in small if small[kind] != large[kind]}
    assert (over, changed) == ({}, {}), large
