"""A homework added in the topic editor starts for the topic's classes, given today."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import build_site
from tests.factories.portal import SchoolClassFactory, SubjectFactory
from tests.factories.subjects import (
    HomeworkFactory,
    SubjectIndexPageFactory,
    SubjectPageFactory,
    TopicPageFactory,
)

pytestmark = pytest.mark.django_db


def blank_homework_form(response):
    """The blank homework form Wagtail clones when the teacher clicks «Добавить»."""
    return response.context["form"].formsets["homework"].empty_form


def test_new_homework_starts_with_the_topics_classes_and_today(admin_client):
    site = build_site()
    section = SubjectPageFactory(
        parent=SubjectIndexPageFactory(parent=site["home"]), subject=SubjectFactory()
    )
    nine_a, nine_b = SchoolClassFactory(letter="А"), SchoolClassFactory(letter="Б")
    SchoolClassFactory(letter="В")
    topic = TopicPageFactory(parent=section, classes=[nine_a, nine_b])
    given = datetime.date(2026, 11, 2)
    saved = HomeworkFactory(topic=topic, date_given=given, classes=[nine_b])

    response = admin_client.get(f"/admin/pages/{topic.pk}/edit/")
    assert response.status_code == 200
    blank = blank_homework_form(response)
    assert blank["date_given"].value() == timezone.localdate()
    assert sorted(blank["classes"].value()) == sorted([nine_a.pk, nine_b.pk])
    html = response.content.decode()
    # Saved homework keeps its own date and classes.
    (existing,) = response.context["form"].formsets["homework"].forms
    assert existing.instance == saved
    assert existing["date_given"].value() == given
    assert existing["classes"].value() == [nine_b.pk]
    assert "subjects/js/homework_defaults.js" in html


def test_new_topics_homework_starts_today(admin_client):
    site = build_site()
    section = SubjectPageFactory(
        parent=SubjectIndexPageFactory(parent=site["home"]), subject=SubjectFactory()
    )
    response = admin_client.get(f"/admin/pages/add/subjects/topicpage/{section.pk}/")
    assert response.status_code == 200
    blank = blank_homework_form(response)
    assert blank["date_given"].value() == timezone.localdate()
    assert list(blank["classes"].value()) == []
