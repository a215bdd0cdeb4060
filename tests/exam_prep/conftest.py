"""A small exam tree: the hub, one ЕГЭ with key dates and three tasks."""

import datetime

import pytest

from exam_prep.models import AnswerType, ExamKeyDate, KeyDateKind
from tests.factories.exam_prep import (
    ExamPageFactory,
    ExamPrepIndexPageFactory,
    ExamTaskPageFactory,
    practice,
)

FROZEN_TODAY = datetime.date(2027, 5, 22)


@pytest.fixture
def frozen_today(clock):
    """Today is FROZEN_TODAY (22 May 2027), ten days before the exam."""
    return clock.set(FROZEN_TODAY)


def add_dates(exam, *dates):
    for kind, day in dates:
        ExamKeyDate.objects.create(page=exam, kind=kind, date=day)


@pytest.fixture
def exam_index(home):
    return ExamPrepIndexPageFactory(parent=home)


@pytest.fixture
def exam(exam_index):
    """ЕГЭ (max 5, scale primary×20) with tasks 1, 2 (short, 1 point) and 3 (extended)."""
    exam = ExamPageFactory(parent=exam_index, title="ЕГЭ по математике 2027", slug="ege")
    add_dates(
        exam,
        (KeyDateKind.MAIN, datetime.date(2027, 6, 1)),
        (KeyDateKind.RESERVE, datetime.date(2027, 6, 22)),
        (KeyDateKind.APPEAL, datetime.date(2027, 6, 16)),
    )
    ExamTaskPageFactory(
        parent=exam, number=1, title="Задание 1. Планиметрия", practice=practice(["10"])
    )
    ExamTaskPageFactory(
        parent=exam, number=2, title="Задание 2. Вероятность", practice=practice(["0,5", "1/2"])
    )
    ExamTaskPageFactory(
        parent=exam,
        number=3,
        title="Задание 3. Тригонометрия",
        answer_type=AnswerType.EXTENDED,
        max_score=2,
        practice=practice([]),
    )
    return exam
