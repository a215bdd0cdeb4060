"""News in the site search: the «Новости» filter, the news date, Russian word forms."""

import datetime

import pytest

from search.models import PageSearchFacet
from tests.factories.news import NewsCategoryFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def test_news_land_in_the_news_section_with_their_date(client, news_index):
    news = NewsPageFactory(
        parent=news_index,
        title="Итоги олимпиады",
        lead="Победители муниципального этапа по химии.",
        date=datetime.date(2026, 11, 20),
        categories=[NewsCategoryFactory(name="Олимпиады", slug="olimpiady")],
    )
    news.save_revision().publish()
    row = PageSearchFacet.objects.get(page=news)
    assert (row.section, row.date) == ("news", datetime.date(2026, 11, 20))

    response = client.get("/search/", {"query": "химией", "section": "news"})
    assert [hit.page.pk for hit in response.context["hits"]] == [news.pk]
    sections = {choice.value: choice for choice in response.context["facets"].sections}
    assert str(sections["news"].label) == "Новости"
    assert sections["news"].count == 1
