"""The page cache: a second anonymous request of every page kind of the demo runs no
SQL at all, and what is kept is exactly what the first visitor got."""

from django.test import Client
from wagtail.models import Page, PageViewRestriction

from portal.pagecache.middleware import STATUS_HEADER


def public_pages():
    """One live, unrestricted page of every page type, in both languages."""
    restricted = [r.page.path for r in PageViewRestriction.objects.select_related("page")]
    chosen = {}
    for page in Page.objects.live().filter(depth__gte=2).select_related("locale").order_by("path"):
        if any(page.path.startswith(path) for path in restricted):
            continue
        chosen.setdefault((page.content_type_id, page.locale.language_code), page)
    return [page.specific for page in chosen.values()]


def routes(pages):
    """Feeds, calendars and other routes of the chosen pages, and the site-wide views."""
    urls = ["/sitemap.xml", "/search/?query=олимпиада", "/en/search/?query=olympiad", "/food/"]
    for page in pages:
        url = page.get_url()
        name = type(page).__name__
        if name == "EventIndexPage":
            urls += [url + "calendar.ics", url + "arhiv/"]
        elif name == "EventPage":
            urls.append(url + "event.ics")
        elif name == "NewsIndexPage":
            urls += [url + "rss/", url + "atom/"]
    return urls


# Answered for this visitor only: the appeal form carries a CSRF token, a poll shows
# the form or "already answered" by the visitor's cookie (see test_bypass.py).
PER_VISITOR = {"AppealFormPage", "PollPage"}


def test_second_anonymous_request_runs_no_sql(demo, page_cache, django_assert_num_queries):
    pages = public_pages()
    assert len(pages) > 20
    urls = [page.get_url() for page in pages if type(page).__name__ not in PER_VISITOR]
    urls += routes(pages)
    client = Client()
    for url in urls:
        first = client.get(url)
        assert first.status_code == 200, url
        assert first[STATUS_HEADER] == "miss", url
        with django_assert_num_queries(0):
            second = client.get(url)
        assert second[STATUS_HEADER] == "hit", url
        assert second.content == first.content, url
        assert second["Content-Type"] == first["Content-Type"], url
    assert not client.cookies
