"""Beyond ``HIT_CAP`` hits a results page reads no more rows: the total says "more
than N", the filter counts are lower bounds ("от N" / "N+"), and below the cap every
figure is exact (search/query.py: run_search, docs/search.md "Beyond the cap")."""

import pytest

from search import query as search_query
from tests.factories.search import english, text_page

from .helpers import titles


@pytest.fixture
def small_cap(monkeypatch):
    monkeypatch.setattr(search_query, "HIT_CAP", 10)


def counts(response, name):
    facets = response.context["facets"]
    return [(choice.value, choice.count, choice.at_least) for choice in getattr(facets, name)]


@pytest.mark.django_db
def test_up_to_the_cap_everything_is_exact(small_cap, search, home):
    for number in range(10):
        text_page(home, f"Олимпиада {number}")
    response = search("олимпиада")
    html = response.content.decode()
    assert response.context["paginator"].count == 10
    assert not response.context["found"].capped
    assert "Найдено страниц: 10" in html
    assert "больше" not in html
    assert counts(response, "sections") == [("pages", 10, False)]


@pytest.mark.django_db
def test_beyond_the_cap_the_page_says_more_than_and_counts_are_lower_bounds(
    small_cap, search, home
):
    for number in range(13):
        text_page(home, f"Олимпиада {number}")
    response = search("олимпиада")
    html = response.content.decode()
    assert response.context["found"].capped
    assert response.context["paginator"].count == 10
    assert "Найдено больше 10 страниц" in html
    assert "Показаны 10 из них" in html
    assert "Найдено страниц" not in html
    # Counted over the rows read (the cap and one more): "at least 11" is true.
    assert counts(response, "sections") == [("pages", 11, True)]
    assert '<span class="search-facet__count">от 11</span>' in html
    # Only the hits read are listed: one page of ten, and a page number past it is
    # answered with the last page.
    assert len(titles(response)) == 10
    assert search("олимпиада", page="2").context["page_obj"].number == 1


@pytest.mark.django_db
def test_a_filter_is_applied_before_the_cap(small_cap, search, home):
    """A section with few hits among many is found whole, with an exact count."""
    for number in range(15):
        text_page(home, f"Олимпиада {number}")
    response = search("олимпиада", section="pages", grade="9")
    assert response.context["paginator"].count == 0
    assert not response.context["found"].capped
    # The section counts come from the hits without the section filter: capped.
    assert counts(response, "sections") == [("pages", 0, True)]


@pytest.mark.django_db
def test_the_english_wording(small_cap, search, site):
    for number in range(12):
        english(site["home_en"], f"Olympiad {number}")
    response = search("olympiad", prefix="/en")
    html = response.content.decode()
    assert "More than 10 pages found" in html
    assert "10 of them are shown" in html
    assert '<span class="search-facet__count">11+</span>' in html
