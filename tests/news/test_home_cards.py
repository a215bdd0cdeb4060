"""The latest news as cards on the home page."""

import pytest
from wagtail.models import PageViewRestriction

from news.home import HOME_CARDS
from tests.factories import ImageFactory
from tests.factories.news import NewsCategoryFactory, NewsPageFactory, days_ago
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


def cards(client, url="/"):
    return [news.title for news in client.get(url).context["latest_news"]["cards"]]


def test_home_shows_the_four_latest_news_with_image_date_and_rubric(client, news_index):
    sport = NewsCategoryFactory(name="Спорт", slug="sport")
    for n in range(6):
        NewsPageFactory(
            parent=news_index,
            title=f"Новость {n}",
            date=days_ago(n),
            lead=f"Анонс новости {n}.",
            lead_image=ImageFactory(),
            lead_image_alt=f"Иллюстрация {n}",
            categories=[sport],
        )
    assert cards(client) == [f"Новость {n}" for n in range(HOME_CARDS)]
    html = client.get("/").content.decode()
    assert "Новости школы" in html
    assert 'alt="Иллюстрация 0"' in html
    assert "fill-640x360" in html
    assert "Анонс новости 0." in html
    assert f'datetime="{days_ago(0).isoformat()}"' in html
    assert '<span class="news-card__category">Спорт</span>' in html
    assert 'href="/novosti/">Все новости' in html
    assert 'rel="alternate" type="application/rss+xml"' in html.split("</head>")[0]


def test_cards_skip_drafts_private_news_and_a_private_section(client, news_index):
    NewsPageFactory(parent=news_index, title="Открытая", date=days_ago(3))
    NewsPageFactory(parent=news_index, title="Черновик", live=False)
    private = NewsPageFactory(parent=news_index, title="Для своих")
    PageViewRestriction.objects.create(page=private, restriction_type="groups")
    assert cards(client) == ["Открытая"]
    PageViewRestriction.objects.create(page=news_index, restriction_type="login")
    assert cards(client) == []
    assert "Новости школы" not in client.get("/").content.decode()


def test_no_news_section_no_cards(client, home):
    assert "Новости школы" not in client.get("/").content.decode()


def test_home_queries_stay_flat(client, news_index):
    sport = NewsCategoryFactory(name="Спорт", slug="sport")
    for _ in range(5):
        NewsPageFactory(
            parent=news_index, lead_image=ImageFactory(), lead_image_alt="Фото", categories=[sport]
        )
    small = count_queries(client, "/")
    for n in range(40):
        NewsPageFactory(
            parent=news_index,
            date=days_ago(n),
            lead_image=ImageFactory(),
            lead_image_alt="Фото",
            categories=[sport],
        )
    assert count_queries(client, "/") == small
