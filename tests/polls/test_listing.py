"""The «Опросы» index, search and sitemap: open polls first, hidden polls nowhere, and
a bounded number of SQL queries whatever the number of polls or answers."""

import datetime

import pytest
from django.utils import timezone

from portal.translation import enable_sync, translate_page
from search.models import PageSearchFacet
from tests.factories.polls import PollPageFactory, SubmissionFactory, poll_with_questions
from tests.factories.search import restricted
from tests.factories.subjects import SubjectIndexPageFactory, SubjectPageFactory
from tests.utils import count_queries

from .conftest import CLUB, WHEN, vote

pytestmark = [pytest.mark.django_db, pytest.mark.dated]

NOW = timezone.now()


def days(n):
    return NOW + datetime.timedelta(days=n)


def listed(client, index, **params):
    response = client.get(index.url, params)
    assert response.status_code == 200
    return [poll.title for poll in response.context["page_obj"]]


def test_open_polls_first_then_closed_ones(client, poll_index):
    PollPageFactory(parent=poll_index, title="Без срока")
    PollPageFactory(parent=poll_index, title="Закрылся вчера", closes_at=days(-1))
    PollPageFactory(parent=poll_index, title="До пятницы", closes_at=days(3))
    PollPageFactory(parent=poll_index, title="Закрылся месяц назад", closes_at=days(-30))
    PollPageFactory(parent=poll_index, title="До конца месяца", closes_at=days(20))
    assert listed(client, poll_index) == [
        "До пятницы",
        "До конца месяца",
        "Без срока",
        "Закрылся вчера",
        "Закрылся месяц назад",
    ]
    body = client.get(poll_index.url).content.decode()
    assert body.count("Идёт опрос") == 3
    assert body.count("Завершён") == 2


def test_the_index_lists_teachers_polls_and_answer_counts(client, home, poll_index):
    section = SubjectPageFactory(parent=SubjectIndexPageFactory(parent=home))
    survey = poll_with_questions(section, title="Понятна ли тема?")
    for _ in range(3):
        SubmissionFactory(page=survey, form_data={CLUB: "Шахматы"})
    assert listed(client, poll_index) == ["Понятна ли тема?"]
    assert "ответов: 3" in client.get(poll_index.url).content.decode()


def test_hidden_polls_are_never_listed_searched_or_in_the_sitemap(client, home, poll_index):
    PollPageFactory(parent=poll_index, title="Открытый опрос про олимпиаду")
    PollPageFactory(parent=poll_index, title="Черновик опроса про олимпиаду", live=False)
    withdrawn = PollPageFactory(parent=poll_index, title="Снятый опрос про олимпиаду")
    withdrawn.unpublish()
    private = PollPageFactory(parent=poll_index, title="Закрытый опрос про олимпиаду")
    restricted(private, "login")

    assert listed(client, poll_index) == ["Открытый опрос про олимпиаду"]

    results = client.get("/search/", {"query": "опрос олимпиаде"})
    assert [hit.page.title for hit in results.context["hits"]] == ["Открытый опрос про олимпиаду"]

    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/oprosy/" in sitemap
    for page in (withdrawn, private):
        assert page.slug not in sitemap
    assert "opros-" in sitemap


def test_polls_have_their_own_search_section(client, home, poll_index):
    section = SubjectPageFactory(parent=SubjectIndexPageFactory(parent=home))
    survey = poll_with_questions(section, title="Анкета по теме", closes_at=days(5))
    survey.save_revision().publish()  # as the editor does: the questions get indexed
    facet = PageSearchFacet.objects.get(page=survey)
    assert facet.section == "polls"
    assert facet.date == timezone.localtime(days(5)).date()
    assert list(facet.subjects.values_list("pk", flat=True)) == [section.subject_id]

    response = client.get("/search/", {"query": "кружок"})  # a question's label is indexed
    assert "Анкета по теме" in [hit.page.title for hit in response.context["hits"]]
    assert "Опросы" in response.content.decode()


def test_the_index_paginates(client, poll_index):
    for number in range(12):
        PollPageFactory(parent=poll_index, title=f"Опрос {number:02d}", closes_at=days(number + 1))
    assert len(listed(client, poll_index)) == 10
    assert listed(client, poll_index, page=2) == ["Опрос 10", "Опрос 11"]
    assert listed(client, poll_index, page="nonsense") == listed(client, poll_index)


def test_english_index_shows_untranslated_polls(client, site, poll_index):
    PollPageFactory(parent=poll_index, title="Школьный опрос")
    english_index, _untranslated = translate_page(
        poll_index, site["home_en"].locale, {"title": "Polls"}
    )
    # wagtail-localize's ru → en synchronisation: the untranslated pages get English aliases.
    enable_sync()
    assert listed(client, english_index) == ["Школьный опрос"]


def test_index_queries_are_bounded(client, poll_index):
    def add(count):
        for _ in range(count):
            poll = poll_with_questions(poll_index)
            SubmissionFactory(page=poll, form_data={CLUB: "Театр"})

    add(2)
    small = count_queries(client, poll_index.url)
    add(8)
    large = count_queries(client, poll_index.url)
    assert large == small
    assert small <= 19


def test_poll_page_with_results_queries_are_bounded(client, poll):
    def add(count):
        for number in range(count):
            SubmissionFactory(
                page=poll, form_data={CLUB: "Шахматы", WHEN: ["Онлайн"] * (number % 2)}
            )

    vote(client, poll, remote_addr="10.5.5.5")  # this visitor now sees the results
    add(5)
    small = count_queries(client, poll.url)
    add(200)
    large = count_queries(client, poll.url)
    assert large == small
    assert small <= 19
    assert "Всего ответов: <strong>206</strong>" in client.get(poll.url).content.decode()


def test_poll_page_form_queries_are_bounded(client, poll):
    small = count_queries(client, poll.url)
    for _ in range(50):
        SubmissionFactory(page=poll, form_data={CLUB: "Шахматы"})
    assert count_queries(client, poll.url) == small <= 17
