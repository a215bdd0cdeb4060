"""The facet protocol: page types declare section, subjects, grades and date; the
results page filters and counts by them, and events can be ordered by date.

StandardPage is given the protocol of an event page here (monkeypatched class
attributes and ``get_search_facets``), as EventPage will declare it.
"""

import datetime
import io
import re
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.search.models import IndexEntry

from home.models import StandardPage
from search.facets import PAGES, SearchFacets, Section, section_of, sections
from search.indexing import update_page_facets
from search.models import PageSearchFacet
from tests.factories.portal import SubjectFactory
from tests.factories.search import text_page

from .helpers import titles

pytestmark = pytest.mark.dated

TODAY = timezone.localdate()


def days(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def subjects(db):
    return {
        "math": SubjectFactory(name="Математика", name_en="Mathematics", slug="matematika"),
        "physics": SubjectFactory(name="Физика", name_en="Physics", slug="fizika"),
    }


@pytest.fixture
def plan(monkeypatch, subjects):
    """{title: SearchFacets} read by StandardPage.get_search_facets (an event type)."""
    facets = {}

    def get_search_facets(page):
        return facets.get(page.title)

    monkeypatch.setattr(
        StandardPage, "search_section", Section("events", "События", order=40, by_date=True)
    )
    monkeypatch.setattr(StandardPage, "get_search_facets", get_search_facets, raising=False)
    return facets


@pytest.fixture
def events(home, plan, subjects):
    math, physics = subjects["math"], subjects["physics"]
    rows = [
        ("Олимпиада по математике", SearchFacets((math,), 7, 9, days(10))),
        ("Олимпиада по физике", SearchFacets((physics,), 9, 11, days(3))),
        ("Олимпиада межпредметная", SearchFacets((math, physics), 5, None, days(30))),
        ("Олимпиада прошлогодняя", SearchFacets((math,), 8, 8, days(-200))),
        ("Олимпиада вчерашняя", SearchFacets((), None, None, days(-1))),
    ]
    pages = {}
    for title, facets in rows:
        plan[title] = facets
        pages[title] = text_page(home, title, introduction="Олимпиада школьников.")
    return pages


def counts(choices):
    return {choice.value: choice.count for choice in choices}


@pytest.mark.django_db
def test_facet_rows_follow_the_protocol(events, subjects):
    row = PageSearchFacet.objects.get(page=events["Олимпиада межпредметная"])
    assert row.section == "events"
    assert set(row.subjects.all()) == {subjects["math"], subjects["physics"]}
    assert (row.grade_from, row.grade_to, row.date) == (5, None, days(30))
    assert list(row.grades) == [5]


@pytest.mark.django_db
def test_counts_per_filter(search, events):
    facets = search("олимпиада").context["facets"]
    assert counts(facets.sections) == {"events": 5}
    assert counts(facets.subjects) == {"matematika": 3, "fizika": 2}
    assert counts(facets.grades) == {"5": 1, "7": 1, "8": 2, "9": 2, "10": 1, "11": 1}


@pytest.mark.django_db
def test_filters_narrow_results_and_counts_use_the_other_filters(search, events):
    response = search("олимпиада", subject="matematika", grade="8")
    assert sorted(titles(response)) == ["Олимпиада по математике", "Олимпиада прошлогодняя"]
    facets = response.context["facets"]
    # Subject counts keep the grade filter, grade counts keep the subject filter.
    assert counts(facets.subjects) == {"matematika": 2}
    assert counts(facets.grades)["8"] == 2
    assert counts(facets.grades)["5"] == 1
    selected = [choice.value for choice in facets.subjects + facets.grades if choice.selected]
    assert selected == ["matematika", "8"]


@pytest.mark.django_db
def test_filter_links_toggle_and_keep_the_query(search, events):
    facets = search("олимпиада", grade="9", page="2").context["facets"]
    nine = next(choice for choice in facets.grades if choice.value == "9")
    assert nine.url == "?query=%D0%BE%D0%BB%D0%B8%D0%BC%D0%BF%D0%B8%D0%B0%D0%B4%D0%B0"
    math = next(choice for choice in facets.subjects if choice.value == "matematika")
    assert "subject=matematika" in math.url
    assert "grade=9" in math.url
    assert "page=" not in math.url


@pytest.mark.django_db
def test_events_are_ordered_by_date_when_filtered_to_events(search, events):
    ordered = titles(search("олимпиада", section="events"))
    assert ordered == [
        "Олимпиада по физике",  # in 3 days
        "Олимпиада по математике",  # in 10 days
        "Олимпиада межпредметная",  # in 30 days
        "Олимпиада вчерашняя",  # past: latest first
        "Олимпиада прошлогодняя",
    ]
    html = search("олимпиада", section="events").content.decode()
    assert f'datetime="{days(3):%Y-%m-%d}"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"section": "no-such-section"},
        {"subject": "no-such-subject"},
        {"grade": "12"},
        {"grade": "abc"},
        {"grade": "٣"},  # an Arabic-Indic digit: isdigit() but not a grade
        {"subject": "x" * 500},
    ],
)
def test_unknown_filter_values_are_ignored(search, events, params):
    response = search("олимпиада", **params)
    assert response.status_code == 200
    assert len(titles(response)) == 5


@pytest.mark.django_db
def test_publishing_updates_facets_but_a_draft_does_not(events, plan, subjects):
    page = events["Олимпиада по физике"]
    plan["Олимпиада по физике (перенесена)"] = SearchFacets((subjects["math"],), 10, 11, days(5))
    page.title = "Олимпиада по физике (перенесена)"
    page.save_revision()  # a draft: the live page keeps its facets
    row = PageSearchFacet.objects.get(page=page)
    assert row.date == days(3)
    page.get_latest_revision().publish()
    row.refresh_from_db()
    assert row.date == days(5)
    assert list(row.subjects.all()) == [subjects["math"]]


def facet_row_writes(queries):
    """The statements of ``queries`` that write a facet row (not its subject links)."""
    return [
        query["sql"]
        for query in queries.captured_queries
        if re.match(r'(UPDATE|INSERT INTO) "search_pagesearchfacet" ', query["sql"])
    ]


@pytest.mark.django_db
def test_one_publish_writes_the_facet_row_once_and_a_draft_not_at_all(events, plan, subjects):
    page = events["Олимпиада по физике"]
    plan[page.title] = SearchFacets((subjects["math"],), 9, 11, days(4))
    with (
        mock.patch("search.signals.update_page_facets", wraps=update_page_facets) as writes,
        CaptureQueriesContext(connection) as queries,
    ):
        revision = page.save_revision()
    assert (writes.call_count, facet_row_writes(queries)) == (0, [])
    with (
        mock.patch("search.signals.update_page_facets", wraps=update_page_facets) as writes,
        CaptureQueriesContext(connection) as queries,
    ):
        revision.publish()
    assert writes.call_count == 1
    assert len(facet_row_writes(queries)) == 1, facet_row_writes(queries)
    row = PageSearchFacet.objects.get(page=page)
    assert (row.grade_from, row.grade_to, row.date) == (9, 11, days(4))


@pytest.mark.django_db
def test_unpublishing_drops_the_row_and_publishing_again_writes_it(events):
    page = events["Олимпиада по физике"]
    page.unpublish()
    assert not PageSearchFacet.objects.filter(page=page).exists()
    page.save_revision().publish()
    assert PageSearchFacet.objects.get(page=page).date == days(3)


@pytest.mark.django_db
def test_moving_a_page_refreshes_facets_of_its_subtree(home, plan, subjects):
    # Facets that follow the parent (as a topic follows its subject section).
    def follow_parent(page):
        parent = page.get_parent()
        if parent.title == "Физика":
            return SearchFacets((subjects["physics"],))
        if parent.title == "Математика":
            return SearchFacets((subjects["math"],))
        return None

    plan.clear()
    StandardPage.get_search_facets = follow_parent  # restored by monkeypatch (plan)
    math_section = text_page(home, "Математика")
    physics_section = text_page(home, "Физика")
    topic = text_page(math_section, "Колебания")
    child = text_page(topic, "Маятник")
    assert list(PageSearchFacet.objects.get(page=child).subjects.all()) == []
    topic.move(physics_section, pos="last-child")
    assert list(PageSearchFacet.objects.get(page=topic).subjects.all()) == [subjects["physics"]]
    assert list(PageSearchFacet.objects.get(page=child).subjects.all()) == []


@pytest.mark.django_db
def test_deleting_a_page_deletes_its_row(events):
    page = events["Олимпиада вчерашняя"]
    pk = page.pk
    assert PageSearchFacet.objects.filter(page_id=pk).exists()
    page.delete()
    assert not PageSearchFacet.objects.filter(page_id=pk).exists()


@pytest.mark.django_db
def test_rebuild_command_restores_facets_and_index_with_a_progress_bar(search, events):
    PageSearchFacet.objects.all().delete()
    IndexEntry.objects.all().delete()
    assert titles(search("олимпиада")) == []
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    output = out.getvalue()
    # The full-text part is Wagtail's own update_index; the facets add their bar.
    assert "Updating backend: default" in output
    assert "home.StandardPage" in output
    assert "100%" in output
    assert "facets" in output
    assert len(titles(search("олимпиада"))) == 5
    assert PageSearchFacet.objects.filter(section="events").count() == 5


def test_page_types_of_one_section_share_one_declaration():
    from exam_prep.models import ExamPage, ExamTaskPage
    from polls.models import PollIndexPage, PollPage
    from subjects.models import SubjectPage, TopicPage
    from works.models import PhotoReportPage, StudentWorkPage

    for first, second in [
        (SubjectPage, TopicPage),
        (ExamPage, ExamTaskPage),
        (PollIndexPage, PollPage),
        (StudentWorkPage, PhotoReportPage),
    ]:
        assert section_of(first) is section_of(second)
    assert section_of(StandardPage) is PAGES
    keys = [section.key for section in sections().values()]
    assert keys[:3] == ["subjects", "exams", "events"]
    assert len(keys) == len(set(keys))


def test_a_section_declared_as_a_plain_string_is_a_clear_error():
    class OldStylePage:
        search_section = "news"

    with pytest.raises(TypeError, match=r"search\.facets\.Section"):
        section_of(OldStylePage)
