"""Exam models: tree rules, scoring-table validation, conversion, countdown."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils import WagtailPageTestCase

from exam_prep.models import (
    ExamKind,
    ExamPage,
    ExamPrepIndexPage,
    ExamTaskPage,
    countdown_to,
)
from home.models import HomePage, StandardPage
from subjects.models import TopicPage
from tests.factories.exam_prep import scale

# Building a Page instance looks up the default locale.
pytestmark = pytest.mark.django_db


class TreeRulesTest(WagtailPageTestCase):
    def test_index_lives_under_the_home_page_only(self):
        self.assertCanCreateAt(HomePage, ExamPrepIndexPage)
        self.assertCanNotCreateAt(StandardPage, ExamPrepIndexPage)
        self.assertAllowedSubpageTypes(ExamPrepIndexPage, {ExamPage})

    def test_exam_lives_under_the_index_and_holds_tasks(self):
        self.assertAllowedParentPageTypes(ExamPage, {ExamPrepIndexPage})
        self.assertAllowedSubpageTypes(ExamPage, {ExamTaskPage})

    def test_task_is_a_leaf_under_an_exam(self):
        self.assertAllowedParentPageTypes(ExamTaskPage, {ExamPage})
        self.assertAllowedSubpageTypes(ExamTaskPage, set())
        self.assertCanNotCreateAt(HomePage, ExamTaskPage)
        self.assertCanNotCreateAt(ExamTaskPage, TopicPage)


def scale_errors(kind=ExamKind.EGE, max_primary=3, rows=None):
    page = ExamPage(kind=kind, max_primary_score=max_primary, scoring=rows or [])
    return [str(error) for error in page.scoring_errors()]


def rows(*pairs):
    return [{"type": "row", "value": {"primary": p, "test": t}} for p, t in pairs]


def test_a_complete_increasing_table_is_valid():
    assert scale_errors(rows=rows((0, 0), (1, 30), (2, 30), (3, 100))) == []
    assert scale_errors(rows=[]) == []  # no table yet: variants show the primary score only


def test_table_must_cover_every_primary_score_in_order():
    errors = scale_errors(rows=rows((0, 0), (1, 30), (3, 100)))
    assert errors == [
        "Нужна ровно одна строка на каждый первичный балл от 0 до 3 по возрастанию; "
        "сейчас: 0, 1, 3."
    ]
    assert "сейчас: 0, 2, 1, 3" in scale_errors(rows=rows((0, 0), (2, 30), (1, 40), (3, 100)))[0]


def test_table_may_not_decrease():
    errors = scale_errors(rows=rows((0, 0), (1, 40), (2, 30), (3, 100)))
    assert errors == ["Баллы по шкале не могут убывать: после 40 (за 1) идёт 30."]


def test_oge_table_converts_to_marks():
    errors = scale_errors(kind=ExamKind.OGE, rows=rows((0, 2), (1, 3), (2, 4), (3, 6)))
    assert errors == ["Для ОГЭ и ГВЭ шкала переводит баллы в отметки от 2 до 5."]


def test_clean_reports_the_table_on_the_scoring_field(exam):
    exam.scoring = rows((0, 0), (1, 50))
    with pytest.raises(ValidationError) as raised:
        exam.full_clean()
    assert "scoring" in raised.value.message_dict


def test_test_score_follows_the_table():
    page = ExamPage(kind=ExamKind.EGE, max_primary_score=5, scoring=scale(5, lambda p: p * 20))
    assert [page.test_score(primary) for primary in range(6)] == [0, 20, 40, 60, 80, 100]
    assert ExamPage(max_primary_score=5, scoring=[]).test_score(3) is None


def test_countdown_counts_days_to_the_next_exam_day():
    days = [datetime.date(2027, 6, 1), datetime.date(2027, 6, 22)]
    before = countdown_to(days, datetime.date(2027, 5, 22))
    assert (before.date, before.days, before.passed) == (datetime.date(2027, 6, 1), 10, False)
    on_the_day = countdown_to(days, datetime.date(2027, 6, 1))
    assert (on_the_day.days, on_the_day.passed) == (0, False)
    between = countdown_to(days, datetime.date(2027, 6, 2))
    assert between.date == datetime.date(2027, 6, 22)
    after = countdown_to(days, datetime.date(2027, 6, 23))
    assert (after.date, after.passed) == (None, True)
    assert countdown_to([], datetime.date(2027, 6, 23)).passed is False
