"""Visibility for every searchable section page type: a draft, an unpublished page, a
login-restricted page and a page of the other language never show in results, filter
counts or autocomplete — only the public control page does."""

import pytest

from portal.translation import translate_page
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.exam_prep import ExamPageFactory, ExamPrepIndexPageFactory, ExamTaskPageFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.portal import SubjectFactory
from tests.factories.search import restricted
from tests.factories.subjects import SubjectIndexPageFactory, SubjectPageFactory, TopicPageFactory
from tests.factories.teachers import (
    MethodMaterialPageFactory,
    TeacherIndexPageFactory,
    TeacherPageFactory,
    TeacherPostPageFactory,
)

from .helpers import titles

pytestmark = pytest.mark.dated

WORD = "Кварцевый"  # a word no other page carries


def parents(home):
    """Where each page type lives, built once per test."""
    maths = SubjectFactory(name="Математика", slug="matematika")
    section = SubjectPageFactory(parent=SubjectIndexPageFactory(parent=home), subject=maths)
    exam = ExamPageFactory(parent=ExamPrepIndexPageFactory(parent=home), subject=maths)
    teacher = TeacherPageFactory(parent=TeacherIndexPageFactory(parent=home))
    return {
        "topic": (TopicPageFactory, section),
        "exam_task": (ExamTaskPageFactory, exam),
        "event": (EventPageFactory, EventIndexPageFactory(parent=home)),
        "teacher": (TeacherPageFactory, teacher.get_parent()),
        "material": (MethodMaterialPageFactory, teacher),
        "post": (TeacherPostPageFactory, teacher),
        "news": (NewsPageFactory, NewsIndexPageFactory(parent=home)),
    }


def make(factory, parent, title, number, **kwargs):
    if factory is ExamTaskPageFactory:
        kwargs["number"] = number
    return factory(parent=parent, title=title, **kwargs)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "kind", ["topic", "exam_task", "event", "teacher", "material", "post", "news"]
)
def test_only_the_public_page_of_each_type_is_found(client, site, search, suggest, kind):
    factory, parent = parents(site["home"])[kind]
    make(factory, parent, f"{WORD} открытый", 1)
    make(factory, parent, f"{WORD} черновик", 2, live=False)
    unpublished = make(factory, parent, f"{WORD} снятый", 3)
    unpublished.save_revision().publish()
    unpublished.unpublish()
    restricted(make(factory, parent, f"{WORD} закрытый", 4), "login")
    translate_page(unpublished, site["home_en"].locale, {"title": f"{WORD} английский"})

    response = search(WORD.lower())
    assert titles(response) == [f"{WORD} открытый"]
    facets = response.context["facets"]
    counts = [(choice.value, choice.count) for choice in facets.sections]
    assert sum(count for _value, count in counts) == 1, counts
    assert suggest(WORD[:5]) == [f"{WORD} открытый"]
