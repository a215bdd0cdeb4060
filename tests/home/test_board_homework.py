"""The home page's bulletin board shows the latest homework from the subject sections."""

import datetime

import pytest
from wagtail.models import PageViewRestriction

from tests.factories.portal import SchoolClassFactory, SubjectFactory
from tests.factories.subjects import (
    HomeworkFactory,
    SubjectIndexPageFactory,
    SubjectPageFactory,
    TopicPageFactory,
)
from tests.utils import count_queries

TODAY = datetime.date(2026, 11, 25)

pytestmark = [pytest.mark.django_db, pytest.mark.dated]


@pytest.fixture(autouse=True)
def frozen_today(clock):
    return clock.set(TODAY)


@pytest.fixture
def section(home):
    return SubjectPageFactory(
        parent=SubjectIndexPageFactory(parent=home),
        subject=SubjectFactory(name="Математика", slug="matematika"),
    )


def homework_for(topic, classes, given, due):
    return HomeworkFactory(topic=topic, classes=classes, date_given=given, due_date=due)


def test_board_lists_homework_still_due_nearest_due_date_first(client, section):
    class_9a = SchoolClassFactory(grade=9, letter="А")
    class_9b = SchoolClassFactory(grade=9, letter="Б")
    topic = TopicPageFactory(parent=section, title="Схема Бернулли")
    older = TopicPageFactory(parent=section, title="Условная вероятность")
    homework_for(topic, [class_9a, class_9b], TODAY, TODAY + datetime.timedelta(days=2))
    homework_for(older, [class_9a], TODAY - datetime.timedelta(days=3), TODAY)
    done = TopicPageFactory(parent=section, title="Случайные события")
    homework_for(
        done, [class_9a], TODAY - datetime.timedelta(days=9), TODAY - datetime.timedelta(days=1)
    )

    response = client.get("/")
    items = response.context["latest_homework"]
    # Given later but due later: the pupil does today's first.
    assert [item["title"] for item in items] == ["Условная вероятность", "Схема Бернулли"]
    assert items[1]["school_class"] == "9А, 9Б"
    assert items[1]["subject"] == "Математика"
    assert items[1]["url"] == topic.url
    html = response.content.decode()
    assert "Домашние задания" in html
    assert "Случайные события" not in html


def test_board_hides_homework_of_unpublished_and_private_topics(client, section):
    school_class = SchoolClassFactory(grade=9, letter="А")
    draft = TopicPageFactory(parent=section, title="Черновик темы", live=False)
    private = TopicPageFactory(parent=section, title="Тема только для учителей")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    public = TopicPageFactory(parent=section, title="Открытая тема")
    for topic in (draft, private, public):
        homework_for(topic, [school_class], TODAY, TODAY + datetime.timedelta(days=1))
    response = client.get("/")
    assert [item["title"] for item in response.context["latest_homework"]] == ["Открытая тема"]
    html = response.content.decode()
    assert "Черновик темы" not in html
    assert "только для учителей" not in html


def test_board_homework_costs_the_same_queries_for_1_and_12_entries(client, section):
    classes = [SchoolClassFactory(grade=grade, letter="А") for grade in (8, 9, 10)]
    counts = []
    for size in (1, 12):
        for _ in range(size):
            topic = TopicPageFactory(parent=section)
            homework_for(topic, classes, TODAY, TODAY + datetime.timedelta(days=3))
        counts.append(count_queries(client, "/"))
    assert counts[0] == counts[1], counts
