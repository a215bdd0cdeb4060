"""RSS and Atom feeds of the news section, read back with feedparser."""

import datetime

import feedparser
import pytest
from wagtail.models import PageViewRestriction

from news.feeds import FEED_ITEMS
from tests.factories import ImageFactory
from tests.factories.news import NewsCategoryFactory, NewsPageFactory, days_ago
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, feedparser.parse(response.content)


@pytest.mark.parametrize(("route", "content_type"), [("rss", "rss+xml"), ("atom", "atom+xml")])
def test_feed_lists_visible_news_newest_first(client, news_index, route, content_type):
    sport = NewsCategoryFactory(name="Спорт", slug="sport")
    NewsPageFactory(
        parent=news_index,
        title="Эстафета <b>и</b> кросс",
        lead="Победил 7Б & 6А.",
        date=days_ago(1),
        lead_image=ImageFactory(),
        lead_image_alt="Стадион",
        categories=[sport],
    )
    NewsPageFactory(parent=news_index, title="Старая новость", date=days_ago(30))
    NewsPageFactory(parent=news_index, title="Черновик", live=False)
    private = NewsPageFactory(parent=news_index, title="Для своих")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="p")

    response, feed = parse(client, f"{news_index.url}{route}/")
    assert content_type in response["Content-Type"]
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Новости"
    assert [entry.title for entry in feed.entries] == ["Эстафета <b>и</b> кросс", "Старая новость"]
    first = feed.entries[0]
    assert first.link.startswith("http://testserver/novosti/")
    assert "Победил 7Б &amp; 6А." in first.summary or "Победил 7Б & 6А." in first.summary
    assert 'src="http://testserver/media/images/' in first.summary
    assert [tag.term for tag in first.tags] == ["Спорт"]
    published = datetime.date(*first.published_parsed[:3])
    assert abs((published - days_ago(1)).days) <= 1


def test_rubric_feed_has_only_that_rubric(client, news_index):
    sport = NewsCategoryFactory(name="Спорт", slug="sport")
    NewsPageFactory(parent=news_index, title="Эстафета", categories=[sport])
    NewsPageFactory(parent=news_index, title="Выставка")
    _response, feed = parse(client, "/novosti/rubrika/sport/rss/")
    assert feed.feed.title == "Новости: Спорт"
    assert [entry.title for entry in feed.entries] == ["Эстафета"]


def test_feed_keeps_the_latest_twenty(client, news_index):
    for n in range(FEED_ITEMS + 5):
        NewsPageFactory(parent=news_index, title=f"Новость {n:02d}", date=days_ago(n))
    _response, feed = parse(client, "/novosti/rss/")
    assert len(feed.entries) == FEED_ITEMS
    assert feed.entries[0].title == "Новость 00"


def test_private_section_has_no_feed(client, news_index):
    NewsPageFactory(parent=news_index, title="Новость")
    PageViewRestriction.objects.create(page=news_index, restriction_type="login")
    response = client.get("/novosti/rss/")
    assert response.status_code == 302  # to the login page, like the section itself
    assert "Новость" not in response.content.decode()


def test_feed_queries_stay_flat(client, news_index):
    sport = NewsCategoryFactory(name="Спорт", slug="sport")
    for _ in range(3):
        NewsPageFactory(parent=news_index, lead_image=ImageFactory(), lead_image_alt="Фото")
    small = count_queries(client, "/novosti/rss/")
    for _ in range(15):
        NewsPageFactory(
            parent=news_index, lead_image=ImageFactory(), lead_image_alt="Фото", categories=[sport]
        )
    assert count_queries(client, "/novosti/rss/") == small <= 15
