"""Demo works and photo report: published with consents, no parent's name anywhere."""

import pytest

from tests.factories.works import PARENT_NAME
from works.models import Consent, PhotoReportPage, StudentWorkIndexPage, StudentWorkPage

pytestmark = pytest.mark.dated


def test_demo_works(client, demo):
    index = StudentWorkIndexPage.objects.get(slug="tvorcheskie-raboty", locale__language_code="ru")
    works = StudentWorkPage.objects.live().descendant_of(index)
    assert {work.kind for work in works} == {"essay", "drawing", "research", "video"}
    assert all(work.has_valid_consent() for work in works)
    listing = client.get(index.url).content.decode()
    assert "Парадокс дней рождения в нашей школе" in listing
    assert "Даниил, 9А" in listing
    video = works.get(kind="video")
    assert "vkvideo" in client.get(video.url).content.decode()
    report = PhotoReportPage.objects.live().get(locale=index.locale)
    assert report.event is not None
    assert report.consents.count() == 3
    report_body = client.get(report.url).content.decode()
    assert "Разбор задач с учителем после тура" in report_body
    for page in [index, report, *works]:
        body = client.get(page.url).content.decode()
        for consent in Consent.objects.all():
            assert consent.given_by not in body
        assert PARENT_NAME not in body
