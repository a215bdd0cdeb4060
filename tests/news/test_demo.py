"""The news demo: a dozen illustrated news items, a teacher's proposal in moderation,
and the privacy policy the consent labels link to."""

import feedparser
import pytest
from PIL import Image as PILImage
from wagtail.models import WorkflowState

from news.models import NewsPage
from portal.models import SchoolSettings

pytestmark = pytest.mark.dated


def test_demo_news_section(client, demo):

    listing = client.get("/novosti/")
    assert listing.status_code == 200
    assert len(listing.context["news_list"]) == 12
    assert "Итоги школьного этапа олимпиады по математике" in listing.content.decode()

    live = NewsPage.objects.live().filter(locale__language_code="ru")
    assert live.count() == 12
    for news in live.select_related("lead_image"):
        assert news.lead_image_alt
        with news.lead_image.open_file() as file:
            assert PILImage.open(file).size == (1200, 675)
    assert {news.categories.count() > 0 for news in live} == {True}

    olympiad = live.get(slug="itogi-shkolnogo-etapa-olimpiady-po-matematike")
    html = client.get(olympiad.url).content.decode()
    assert "Школьный этап ВсОШ по математике" in html  # the related event
    assert "Орлова" in html  # the related teacher

    proposal = NewsPage.objects.get(
        slug="nabor-v-kruzhok-programmirovaniya", locale__language_code="ru"
    )
    assert not proposal.live
    assert WorkflowState.objects.filter(
        object_id=str(proposal.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).exists()

    feed = feedparser.parse(client.get("/novosti/rss/").content)
    assert len(feed.entries) == 12
    assert client.get("/en/novosti/").status_code == 200
    assert "Новости школы" in client.get("/").content.decode()

    policy = SchoolSettings.objects.get().privacy_policy_page
    assert policy.live
    assert policy.url == "/politika-obrabotki-personalnyh-dannyh/"
    assert "Роскомнадзор" in client.get(policy.url).content.decode()
