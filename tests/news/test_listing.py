"""The news listing: newest first, pages of twelve, the month archive and rubrics;
bad page and month parameters are a 404 or the first page, never a 500; drafts and
private news never listed; SQL flat with the number of news."""

import datetime

import pytest
from wagtail.models import PageViewRestriction

from news.listing import PER_PAGE
from portal.translation import enable_sync, translate_page
from tests.factories import ImageFactory
from tests.factories.news import NewsCategoryFactory, NewsPageFactory, days_ago
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


def titles(response):
    return [news.title for news in response.context["news_list"]]


def test_newest_first_and_twelve_per_page(client, news_index):
    for n in range(PER_PAGE + 3):
        NewsPageFactory(parent=news_index, title=f"Новость {n:02d}", date=days_ago(n))
    first = client.get(news_index.url)
    assert titles(first)[:3] == ["Новость 00", "Новость 01", "Новость 02"]
    assert len(titles(first)) == PER_PAGE
    assert 'href="?page=2"' in first.content.decode()
    second = client.get(news_index.url, {"page": 2})
    assert titles(second) == ["Новость 12", "Новость 13", "Новость 14"]


def test_same_day_news_keep_a_stable_order(client, news_index):
    older = NewsPageFactory(parent=news_index, title="Раньше", date=days_ago(1))
    newer = NewsPageFactory(parent=news_index, title="Позже", date=days_ago(1))
    assert newer.pk > older.pk
    assert titles(client.get(news_index.url)) == ["Позже", "Раньше"]


@pytest.mark.parametrize(
    # Not "page": that name is pytest-playwright's browser page fixture.
    ("number", "status"),
    [
        ("abc", 200),
        ("", 200),
        ("1", 200),
        ("2", 200),
        ("3", 404),
        ("999", 404),
        ("0", 404),
        ("-1", 404),
        ("\x00", 400),  # the site-wide guard answers NUL with its 400 page
        ("1\x00", 400),
        ("9" * 5000, 200),
        ("2.5", 200),
    ],
)
def test_bad_page_numbers_give_the_first_page_a_404_or_the_nul_page(
    client, news_index, number, status
):
    for n in range(PER_PAGE + 1):
        NewsPageFactory(parent=news_index, date=days_ago(n))
    response = client.get(news_index.url, {"page": number})
    assert response.status_code == status
    if status == 200 and number != "2":
        assert response.context["page_obj"].number == 1


def test_empty_section_says_so(client, news_index):
    response = client.get(news_index.url)
    assert response.status_code == 200
    assert "Новостей пока нет." in response.content.decode()


def test_drafts_private_and_other_language_news_are_not_listed(client, site, news_index):
    NewsPageFactory(parent=news_index, title="Открытая")
    NewsPageFactory(parent=news_index, title="Черновик", live=False)
    private = NewsPageFactory(parent=news_index, title="Для своих")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    unpublished = NewsPageFactory(parent=news_index, title="Снятая")
    unpublished.save_revision().publish()
    unpublished.unpublish()
    html = client.get(news_index.url).content.decode()
    assert titles(client.get(news_index.url)) == ["Открытая"]
    for title in ("Черновик", "Для своих", "Снятая"):
        assert title not in html


def test_month_archive_lists_that_month_and_links_every_month(client, news_index):
    NewsPageFactory(parent=news_index, title="Ноябрьская", date=datetime.date(2026, 11, 5))
    NewsPageFactory(parent=news_index, title="Ещё ноябрьская", date=datetime.date(2026, 11, 30))
    NewsPageFactory(parent=news_index, title="Октябрьская", date=datetime.date(2026, 10, 31))
    response = client.get("/novosti/2026/11/")
    assert response.status_code == 200
    assert titles(response) == ["Ещё ноябрьская", "Ноябрьская"]
    html = response.content.decode()
    assert "Новости за ноябрь 2026" in html
    assert 'href="/novosti/2026/10/"' in html
    assert 'Октябрь 2026</a> <span class="muted">(1)</span>' in html
    assert titles(client.get("/novosti/2026/10/")) == ["Октябрьская"]
    empty = client.get("/novosti/2026/9/")
    assert empty.status_code == 200
    assert "В этом месяце новостей не было." in empty.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "2026/13/",
        "2026/0/",
        "2026/00/",
        "99999/01/",
        "1999/12/",
        "2101/01/",
        "2026/1x/",
        "rubrika/net-takoj/",
        "rubrika/net-takoj/rss/",
    ],
)
def test_bad_archive_and_rubric_addresses_are_404s(client, news_index, path):
    NewsPageFactory(parent=news_index)
    assert client.get(f"{news_index.url}{path}").status_code == 404


@pytest.mark.parametrize("path", ["2026/%00/", "%00/", "rubrika/%00/"])
def test_nul_in_archive_and_rubric_addresses_gets_the_sites_400_page(client, news_index, path):
    NewsPageFactory(parent=news_index)
    response = client.get(f"{news_index.url}{path}")
    assert response.status_code == 400
    assert "Неверный запрос" in response.content.decode()


def test_rubric_lists_its_news_and_only_used_rubrics_are_offered(client, news_index):
    sport = NewsCategoryFactory(name="Спорт", slug="sport")
    science = NewsCategoryFactory(name="Наука", slug="nauka")
    unused = NewsCategoryFactory(name="Пустая рубрика", slug="pustaya")
    NewsPageFactory(parent=news_index, title="Эстафета", categories=[sport])
    NewsPageFactory(parent=news_index, title="Опыты", categories=[science, sport])
    NewsPageFactory(parent=news_index, title="Без рубрики")
    draft = NewsPageFactory(parent=news_index, title="Черновик", live=False)
    draft.categories = [unused]
    draft.save()

    response = client.get("/novosti/rubrika/sport/")
    assert response.status_code == 200
    assert titles(response) == ["Опыты", "Эстафета"]
    html = response.content.decode()
    assert "Новости: Спорт" in html
    assert 'href="/novosti/rubrika/nauka/"' in html
    assert "Пустая рубрика" not in client.get(news_index.url).content.decode()


def test_english_listing_shows_translations_and_untranslated_russian_news(client, site):
    from tests.factories.news import NewsIndexPageFactory

    index = NewsIndexPageFactory(parent=site["home"])
    translate_page(index, site["home_en"].locale, {})
    translated = NewsPageFactory(parent=index, title="Олимпиада", date=days_ago(1))
    NewsPageFactory(parent=index, title="Только по-русски", date=days_ago(2))
    translate_page(translated, site["home_en"].locale, {"title": "Olympiad"})
    # wagtail-localize's ru → en synchronisation: the untranslated pages get English aliases.
    enable_sync()
    assert titles(client.get("/en/novosti/")) == ["Olympiad", "Только по-русски"]


def make_news(index, count):
    sport = NewsCategoryFactory(name="Спорт", slug="sport")
    for n in range(count):
        NewsPageFactory(
            parent=index,
            date=days_ago(n % 70),
            lead_image=ImageFactory(),
            lead_image_alt="Стадион",
            categories=[sport, NewsCategoryFactory(slug=f"r-{n % 4}")],
        )


@pytest.mark.dated
@pytest.mark.parametrize("path", ["", "{month}", "rubrika/sport/"])
def test_listing_queries_stay_flat(client, news_index, path):
    make_news(news_index, 5)
    # This month's archive: it holds news at both sizes, whatever day today is.
    today = days_ago(0)
    url = f"{news_index.url}{path.format(month=f'{today.year}/{today.month}/')}"
    assert client.get(url).context["news_list"]
    small = count_queries(client, url)
    make_news(news_index, 40)
    large = count_queries(client, url)
    assert small == large
    assert large <= 15
