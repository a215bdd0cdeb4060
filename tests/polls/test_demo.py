"""Demo polls: the index with an open and a closed poll, answers counted, the math
teacher's survey in her section and only there in her admin."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission

from polls.models import PollIndexPage, PollPage

pytestmark = pytest.mark.dated


def test_demo_polls(client, demo):
    index = PollIndexPage.objects.get(slug="oprosy", locale__language_code="ru")
    body = client.get(index.url).content.decode()
    assert body.index("Какой кружок открыть в следующем году?") < body.index(
        "Куда поедут 8-е классы на весеннюю экскурсию?"
    )
    assert "ответов: 30" in body

    clubs = PollPage.objects.get(slug="kakoj-kruzhok-otkryt", locale__language_code="ru")
    assert clubs.get_submissions().count() == 30
    closed = PollPage.objects.get(slug="ekskursiya-8-klassy", locale__language_code="ru")
    assert closed.is_closed()
    page = client.get(closed.url).content.decode()
    assert "Всего ответов: <strong>24</strong>" in page
    assert "Технопарк «Кванториум»" in page

    survey = PollPage.objects.get(slug="opros-uslovnaya-veroyatnost", locale__language_code="ru")
    assert survey.get_parent().slug == "matematika"
    assert survey.get_submissions().count() == 13
    assert FormSubmission.objects.count() == 30 + 24 + 13

    client.force_login(get_user_model().objects.get(username="orlova"))
    forms = client.get(reverse("wagtailforms:index")).content.decode()
    assert survey.title in forms
    assert clubs.title not in forms
