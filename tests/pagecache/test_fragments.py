"""Pages rendered without a kept answer (signed-in editors, a page's first visitor)
read what every page repeats — the site and its settings, the pages along the address,
the menu, the home board, a topic's exam tasks — from fragments kept with the page
cache's tags; addresses that name nothing and per-visitor choices are not kept."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import Site

from events.models import ClassTimetable
from portal.pagecache.fragments import cached_fragment, fragment_key
from portal.pagecache.tags import shared_cache
from subjects.models import TopicPage
from tests.pagecache.conftest import fetch


@pytest.fixture
def fragments_only(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_ANSWERS = False
    return settings


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    return status, [query["sql"] for query in queries]


def reading(sql_list, table):
    return [sql for sql in sql_list if f'"{table}"' in sql]


def test_a_second_render_reads_no_site_route_or_board(fragments_only, visitor, demo):
    home = Site.objects.get(is_default_site=True).root_page
    topic = TopicPage.objects.live().public().filter(locale=home.locale).first()
    kept_parts = {
        home.url: ["events_eventpage", "events_announcement", "news_newspage", "subjects_homework"],
        topic.url: ["exam_prep_examtaskpage"],
    }
    # The site is read on the first render of the first page, then kept for all.
    routing = ["wagtailcore_site", "portal_schoolsettings", "wagtailcore_pageviewrestriction"]
    for url, parts in kept_parts.items():
        status, first = queries_of(visitor, url)
        assert status == 200
        _status, second = queries_of(visitor, url)
        for table in routing + parts:
            assert reading(first, table), (url, table)
            assert not reading(second, table), (url, table)
        routing = ["wagtailcore_pageviewrestriction"]
        # The pages along the address (the home page has none).
        assert url == home.url or [sql for sql in first if '"url_path" IN' in sql], url
        assert not [sql for sql in second if '"url_path" IN' in sql], url


@pytest.mark.parametrize(
    ("address", "status"),
    [
        ("/predmety/net-takoj-stranicy/", 404),
        # Sub-paths a page answers itself: any number of them can be asked for.
        ("/sobytiya/calendar.ics", 200),
        ("/sobytiya/2027/1/", 200),
    ],
)
def test_only_a_pages_own_address_keeps_its_route(fragments_only, visitor, demo, address, status):
    for _ in range(2):
        got, sql = queries_of(visitor, address)
        assert got == status
        # The path is looked up every time: nothing was kept under this address.
        assert [query for query in sql if '"url_path" IN' in query]
    site = Site.objects.get(is_default_site=True)
    components = tuple(part for part in address.split("/") if part)
    assert shared_cache().get(fragment_key("route", ("testserver", 80, "ru", components))) is None
    visitor.get("/predmety/")
    known = fragment_key("route", ("testserver", 80, "ru", ("predmety",)))
    assert shared_cache().get(known)["value"]["site"].pk == site.pk


def test_the_timetable_is_each_visitors_choice(fragments_only, visitor, demo):
    classes = [timetable.school_class for timetable in ClassTimetable.objects.all()[:2]]
    assert len(classes) == 2
    first, second = classes
    for wanted, shown in ((first, first), (second, second), (None, first), (second, second)):
        url = "/?klass=" + (wanted.slug if wanted else "net-takogo")
        text = fetch(visitor, url)[1]
        assert f"Расписание уроков {shown}" in text, url
    assert shared_cache().get(fragment_key("timetable", "net-takogo")) is None
    assert shared_cache().get(fragment_key("timetable", second.slug)) is not None


def test_fragments_are_kept_until_the_schools_midnight_at_most(fragments_only, visitor, demo):
    fetch(visitor, "/")
    home = Site.objects.get(is_default_site=True).root_page
    site = Site.objects.get(is_default_site=True)
    now = timezone.localtime()
    midnight = timezone.make_aware(
        dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time())
    )
    ttl = shared_cache().ttl(fragment_key("home", (home.pk, site.pk)))
    assert 0 < ttl <= (midnight - now).total_seconds() + 1


def test_a_fragment_is_kept_for_each_language(fragments_only):
    """Text translated while a fragment was computed stays in that language's copy."""

    def heading():
        return gettext("Учёба")

    for _ in range(2):  # computed, then kept
        with translation.override("ru"):
            assert cached_fragment("heading", 1, heading) == "Учёба"
        with translation.override("en"):
            assert cached_fragment("heading", 1, heading) == "Learning"
