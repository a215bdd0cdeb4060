"""Promoted results ("Рекомендуем"), query statistics and the "nothing found" page."""

from urllib.parse import quote

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from tests.factories.search import text_page

from .helpers import titles


@pytest.fixture
def pages(home):
    return {
        "olympiad": text_page(home, "Олимпиада по математике", introduction="Школьный этап."),
        "rules": text_page(home, "Положение об олимпиаде", introduction="Правила проведения."),
        "timetable": text_page(home, "Расписание звонков", introduction="Уроки по 45 минут."),
    }


def hits_of(query_string):
    query = Query.objects.filter(query_string=query_string).first()
    return query.hits if query else 0


@pytest.mark.django_db
def test_promotions_come_first_and_are_labelled(search, pages):
    query = Query.get("олимпиада")
    SearchPromotion.objects.create(query=query, page=pages["timetable"], sort_order=0)
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://olimpiada.example/",
        external_link_text="Сайт олимпиады",
        description="Задания прошлых лет",
        sort_order=1,
    )
    response = search("Олимпиада")
    html = response.content.decode()
    html = html[html.index('class="search-main"') :]  # the menu lists the pages too
    order = [html.index(text) for text in ("Рекомендуем", "Расписание звонков", "Сайт олимпиады")]
    assert order == sorted(order)
    assert html.index("Сайт олимпиады") < html.index('class="search-results"')
    assert "Задания прошлых лет" in html
    # Not on the second page of results or under a filter.
    assert search("олимпиада", section="pages").context["promotions"] == []


@pytest.mark.django_db
def test_statistics_count_real_searches_only(search, pages):
    search("Олимпиада")
    search("олимпиада")
    assert hits_of("олимпиада") == 2
    search("олимпиада", page="1")  # paging through results is not a new search
    search("олимпиада", section="pages")  # neither is narrowing it
    search("")
    search("!!! ???")
    search("абракадабра")  # found nothing: never becomes a "popular query"
    assert hits_of("олимпиада") == 2
    assert Query.objects.filter(daily_hits__isnull=False).count() == 1


@pytest.mark.django_db
def test_nothing_found_offers_popular_queries_and_similar_titles(search, pages):
    for _ in range(3):
        search("расписание")
    search("олимпиада")
    response = search("олимпеада по матиматике")
    html = response.content.decode()
    assert "ничего не найдено" in html
    assert response.context["popular_queries"] == ["расписание", "олимпиада"]
    similar = [page.title for page, _url in response.context["similar_pages"]]
    assert similar[0] == "Олимпиада по математике"
    assert f'href="/search/?query={quote("расписание")}"' in html


@pytest.mark.django_db
def test_empty_search_page_lists_popular_queries(search, pages):
    search("олимпиада")
    assert search("").context["popular_queries"] == ["олимпиада"]


@pytest.mark.django_db
def test_results_show_section_breadcrumb_and_snippet(search, pages, home):
    section = text_page(home, "Ученикам")
    text_page(section, "Олимпиады года", introduction="Календарь олимпиад на год.")
    hit = next(h for h in search("олимпиады").context["hits"] if h.page.title == "Олимпиады года")
    assert hit.section == "Страницы"
    assert hit.breadcrumbs == ["Ученикам"]
    assert "<mark>олимпиад</mark>" in hit.snippet
    assert hit.url == f"/{hit.page.get_parent().slug}/{hit.page.slug}/"
    assert "Олимпиады года" in titles(search("олимпиадам"))
