"""Works and photo reports on the public site: tree, author, privacy, 404, lists, search."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from events.models import EventIndexPage
from home.models import HomePage, StandardPage
from polls.models import PollPage
from subjects.models import SubjectPage, TopicPage
from tests.factories import build_site
from tests.factories.portal import ImageFactory
from tests.factories.subjects import SubjectIndexPageFactory, SubjectPageFactory
from tests.factories.works import (
    PARENT_NAME,
    ConsentFactory,
    PhotoReportIndexPageFactory,
    PhotoReportPageFactory,
    StudentWorkIndexPageFactory,
    StudentWorkPageFactory,
)
from tests.utils import count_queries
from works.models import (
    Consent,
    PhotoReportIndexPage,
    PhotoReportPage,
    PhotoReportPhoto,
    StudentWorkIndexPage,
    StudentWorkPage,
)


class TreeRulesTest(WagtailPageTestCase):
    def test_where_the_pages_may_live(self):
        self.assertCanCreateAt(HomePage, StudentWorkIndexPage)
        self.assertCanCreateAt(SubjectPage, StudentWorkIndexPage)
        self.assertCanCreateAt(HomePage, PhotoReportIndexPage)
        self.assertCanCreateAt(StudentWorkIndexPage, StudentWorkPage)
        self.assertCanCreateAt(StudentWorkIndexPage, PhotoReportPage)
        self.assertCanCreateAt(PhotoReportIndexPage, PhotoReportPage)
        self.assertCanNotCreateAt(HomePage, StudentWorkPage)
        self.assertCanNotCreateAt(StandardPage, StudentWorkIndexPage)
        self.assertCanNotCreateAt(EventIndexPage, StudentWorkPage)
        self.assertCanNotCreateAt(PhotoReportIndexPage, StudentWorkPage)
        self.assertAllowedSubpageTypes(StudentWorkPage, {})
        self.assertAllowedSubpageTypes(PhotoReportPage, {})
        self.assertAllowedSubpageTypes(SubjectPage, {TopicPage, StudentWorkIndexPage, PollPage})

    def test_a_teacher_keeps_works_in_their_subject_section(self):
        home = build_site()["home"]
        section = SubjectPageFactory(parent=SubjectIndexPageFactory(parent=home))
        index = StudentWorkIndexPageFactory(parent=section)
        work = StudentWorkPageFactory(parent=index, title="Задача о мостах")
        response = self.client.get(index.url)
        assert "Задача о мостах" in response.content.decode()
        assert self.client.get(work.url).status_code == 200


pytestmark = [pytest.mark.django_db, pytest.mark.dated]


@pytest.mark.parametrize("name", ["Алина Петрова", "Петрова А.", "Алина9", ""])
def test_a_surname_or_anything_but_a_first_name_is_refused(works_index, name):
    work = StudentWorkPageFactory.build(author_first_name=name, consent=ConsentFactory())
    with pytest.raises(ValidationError) as refused:
        work.full_clean(exclude=["path", "depth", "url_path", "slug"])
    assert "author_first_name" in refused.value.message_dict


def test_a_hyphenated_first_name_is_fine(works_index):
    work = StudentWorkPageFactory(parent=works_index, author_first_name="Анна-Мария")
    assert work.author_label == "Анна-Мария, 9А"


def test_work_page_shows_first_name_and_class_never_the_parent(client, works_index):
    work = StudentWorkPageFactory(parent=works_index, title="Моя осень")
    body = client.get(work.url).content.decode()
    assert "Алина, 9А" in body
    assert "Моя осень" in body
    for url in (work.url, works_index.url, "/search/?query=осень", "/sitemap.xml"):
        assert PARENT_NAME not in client.get(url).content.decode()
        assert "Смирнова" not in client.get(url).content.decode()


def test_invalid_consent_is_a_404_even_before_unpublishing(client, works_index):
    consent = ConsentFactory()
    work = StudentWorkPageFactory(parent=works_index, consent=consent)
    report = PhotoReportPageFactory(parent=works_index)
    report.pupils_recognisable = True
    report.consents = [consent]
    report.save_revision().publish()
    assert client.get(work.url).status_code == 200
    Consent.objects.filter(pk=consent.pk).update(withdrawn_on=timezone.localdate())
    assert client.get(work.url).status_code == 404
    assert client.get(report.url).status_code == 404
    assert StudentWorkPage.objects.get(pk=work.pk).live  # the nightly command's job


def test_lists_search_and_sitemap_leave_out_invalid_consent(client, works_index):
    shown = StudentWorkPageFactory(parent=works_index, title="Акварель Листопад")
    hidden_consent = ConsentFactory()
    hidden = StudentWorkPageFactory(
        parent=works_index, title="Акварель Снегопад", consent=hidden_consent
    )
    report = PhotoReportPageFactory(parent=works_index, title="Фотоотчёт о листопаде")
    report.pupils_recognisable = True
    report.consents = [hidden_consent]
    report.save_revision().publish()
    Consent.objects.filter(pk=hidden_consent.pk).update(withdrawn_on=timezone.localdate())

    listing = client.get(works_index.url).content.decode()
    assert "Акварель Листопад" in listing
    assert "Акварель Снегопад" not in listing
    assert "Фотоотчёт о листопаде" not in listing
    results = client.get("/search/", {"query": "акварель"}).content.decode()
    assert shown.url in results
    assert hidden.url not in results
    suggestions = client.get("/search/autocomplete/", {"q": "Аквар"}).json()["results"]
    assert [item["title"] for item in suggestions] == ["Акварель Листопад"]
    sitemap = client.get("/sitemap.xml").content.decode()
    assert shown.url in sitemap
    assert hidden.url not in sitemap
    assert report.url not in sitemap


def test_a_consent_withdrawn_after_a_search_hides_the_work_from_the_next_one(client, works_index):
    """The hooks' SQL is compiled once a day (search.query.visibility); the rows it
    reads are the current ones."""
    consent = ConsentFactory()
    work = StudentWorkPageFactory(parent=works_index, title="Акварель Снегопад", consent=consent)
    assert work.url in client.get("/search/", {"query": "акварель"}).content.decode()
    Consent.objects.filter(pk=consent.pk).update(withdrawn_on=timezone.localdate())
    assert work.url not in client.get("/search/", {"query": "акварель"}).content.decode()
    assert client.get("/search/autocomplete/", {"q": "Аквар"}).json()["results"] == []


def test_search_facets_of_a_work(works_index):
    from search.models import PageSearchFacet

    work = StudentWorkPageFactory(parent=works_index)
    row = PageSearchFacet.objects.get(page=work)
    assert (row.section, row.grade_from, row.date) == ("works", 9, work.date)


def test_photo_report_lightbox_without_javascript(client, works_index):
    report = PhotoReportPageFactory(parent=works_index, photos=3)
    body = client.get(report.url).content.decode()
    for number in (1, 2, 3):
        assert f'href="#photo-{number}"' in body
        assert f'id="photo-{number}"' in body
        assert f"Подпись к фото {number}" in body
    assert 'href="#thumb-2"' in body  # close returns to the thumbnail
    assert "max-1600x1200" in body  # the large rendition, never the original file
    assert "/original_images/" not in body


def test_photo_report_index_lists_reports(client, home):
    index = PhotoReportIndexPageFactory(parent=home)
    PhotoReportPageFactory(parent=index, title="День знаний")
    assert "День знаний" in client.get(index.url).content.decode()


def test_query_counts_are_bounded_and_flat(client, works_index):
    reports_index = PhotoReportIndexPageFactory(parent=works_index.get_parent())

    def fill(count):
        for _ in range(count):
            StudentWorkPageFactory(parent=works_index)
            PhotoReportPageFactory(parent=reports_index, photos=2)

    fill(2)
    report = PhotoReportPageFactory(parent=reports_index, photos=2)
    work = StudentWorkPageFactory(parent=works_index)
    small = [count_queries(client, page.url) for page in (works_index, reports_index)]
    small_report, small_work = count_queries(client, report.url), count_queries(client, work.url)
    fill(10)
    for _ in range(8):
        PhotoReportPhoto.objects.create(page=report, image=ImageFactory(), caption="ещё")
    large = [count_queries(client, page.url) for page in (works_index, reports_index)]
    assert small == large
    assert count_queries(client, report.url) == small_report
    assert count_queries(client, work.url) == small_work
    assert max(large) <= 20
    assert small_report <= 20
    assert small_work <= 20
