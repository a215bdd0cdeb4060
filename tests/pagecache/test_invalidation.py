"""Exact invalidation: after each change the next anonymous request shows it — the
page, its ancestors' listings, the home board, feeds — while pages the change does not
touch stay kept. Each change is checked twice: with whole answers kept, and with every
page rendered from the kept fragments only (the site, routes, menu, board: an editor's
view, or a page's first visitor). (Through two app processes: test_processes.py.)"""

import datetime as dt

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Site

from events.models import Announcement, EventKind, EventPage
from news.models import NewsIndexPage, NewsPage
from portal.models import SchoolSettings
from subjects.models import SubjectPage, TopicPage
from tests.pagecache.conftest import fetch
from works.models import StudentWorkPage


@pytest.fixture(params=["answers", "fragments"])
def page_cache(request, settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_ANSWERS = request.param == "answers"
    return settings


@pytest.fixture
def change(django_capture_on_commit_callbacks):
    """Run the block as a committed change would be: its after-commit work runs."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def home(demo):
    return Site.objects.get(is_default_site=True).root_page.specific


def warm(client, *urls):
    for url in urls:
        fetch(client, url)
        assert_kept(client, url)


def assert_kept(client, url):
    """The answer came from the page cache (when whole answers are kept at all)."""
    state = fetch(client, url)[2]
    assert state == ("hit" if settings.PAGE_CACHE_ANSWERS else None), url


def assert_rendered(state, url):
    assert state == ("miss" if settings.PAGE_CACHE_ANSWERS else None), url


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def ru(model):
    return model.objects.live().public().filter(locale__language_code="ru")


def test_publishing_a_page_updates_it_and_its_listings_only(page_cache, visitor, change, demo):
    topic = ru(TopicPage).first()
    subject = topic.get_parent()
    other = ru(SubjectPage).exclude(pk=subject.pk).first()
    warm(visitor, topic.url, subject.url, other.url)
    with change():
        publish(topic, title="Тема, переписанная редактором")
    for url in (topic.url, subject.url):
        _status, text, state = fetch(visitor, url)
        assert_rendered(state, url)
        assert "Тема, переписанная редактором" in text, url
    assert_kept(visitor, other.url)


def test_unpublishing_and_deleting_take_pages_off_listings_home_and_feeds(
    page_cache, visitor, change, home
):
    index = ru(NewsIndexPage).first()
    first, second = ru(NewsPage).child_of(index).order_by("-first_published_at")[:2]
    feed = index.url + "rss/"
    warm(visitor, first.url, index.url, feed, home.url)
    with change():
        first.unpublish()
    assert fetch(visitor, first.url)[0] == 404
    for url in (index.url, feed, home.url):
        assert first.title not in fetch(visitor, url)[1], url
    warm(visitor, second.url, index.url, feed)
    with change():
        second.delete()
    assert fetch(visitor, second.url)[0] == 404
    for url in (index.url, feed):
        assert second.title not in fetch(visitor, url)[1], url


def test_moving_a_page_updates_both_parents(page_cache, visitor, change, demo):
    topic = ru(TopicPage).first()
    old_parent = topic.get_parent()
    new_parent = ru(SubjectPage).exclude(pk=old_parent.pk).first()
    warm(visitor, old_parent.url, new_parent.url, topic.url)
    with change():
        topic.move(new_parent, pos="last-child")
    topic.refresh_from_db()
    assert topic.title not in fetch(visitor, old_parent.url)[1]
    assert topic.title in fetch(visitor, new_parent.url)[1]
    assert fetch(visitor, topic.url)[0] == 200


def test_a_scheduled_publish_appears(page_cache, visitor, change, demo, home):
    index = ru(NewsIndexPage).first()
    news = ru(NewsPage).child_of(index).first()
    warm(visitor, index.url, home.url)
    draft = news.copy(
        update_attrs={"title": "Отложенная новость о субботнике", "slug": "subbotnik-otlozh"},
        keep_live=False,
    )
    revision = draft.save_revision()
    revision.approved_go_live_at = timezone.now() - dt.timedelta(minutes=1)
    revision.save()
    with change():
        call_command("publish_scheduled")
    assert "Отложенная новость о субботнике" in fetch(visitor, index.url)[1]


def test_a_withdrawn_consent_takes_the_work_off_at_once(page_cache, visitor, change, demo):
    work = ru(StudentWorkPage).exclude(consent=None).first()
    index = work.get_parent()
    warm(visitor, work.url, index.url)
    with change():
        work.consent.withdrawn_on = timezone.localdate()
        work.consent.save()
    assert fetch(visitor, work.url)[0] == 404
    assert work.title not in fetch(visitor, index.url)[1]


def test_snippets_and_settings_pages_show(page_cache, visitor, change, home):
    event = ru(EventPage).exclude(kind=None).first()
    topic = ru(TopicPage).first()
    warm(visitor, home.url, event.url, topic.url)
    with change():
        Announcement.objects.create(
            title="Родительское собрание перенесено", text="<p>На четверг.</p>"
        )
    assert "Родительское собрание перенесено" in fetch(visitor, home.url)[1]
    assert_kept(visitor, topic.url)
    warm(visitor, home.url)
    with change():
        kind = EventKind.objects.get(pk=event.kind_id)
        kind.name = "Особый вид события"
        kind.save()
    assert "Особый вид события" in fetch(visitor, event.url)[1]
    with change():
        school = SchoolSettings.for_site(Site.objects.get(is_default_site=True))
        school.phone = "+7 (495) 000-11-22"
        school.save()
    for url in (home.url, event.url, topic.url):
        assert "+7 (495) 000-11-22" in fetch(visitor, url)[1], url
