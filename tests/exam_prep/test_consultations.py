"""Exam pages list the consultation events of their subject (from the events app)."""

import pytest
from django.utils import dateformat, timezone, translation

from events.models import EventKind
from events.recurrence import normalise_rrule, weekly_rrule
from tests.factories.events import (
    EventIndexPageFactory,
    EventKindFactory,
    EventPageFactory,
    in_days,
)
from tests.factories.exam_prep import ExamPageFactory, ExamPrepIndexPageFactory
from tests.factories.portal import SubjectFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dated]


@pytest.fixture
def setup(home):
    maths = SubjectFactory(name="Математика", slug="matematika")
    physics = SubjectFactory(name="Физика", slug="fizika")
    consultation = EventKindFactory(
        name="Консультация", slug="konsultaciya", board_section=EventKind.BoardSection.CONSULTATIONS
    )
    calendar = EventIndexPageFactory(parent=home)
    index = ExamPrepIndexPageFactory(parent=home)
    exam = ExamPageFactory(parent=index, subject=maths)
    return {
        "index": index,
        "exam": exam,
        "calendar": calendar,
        "kind": consultation,
        "maths": maths,
        "physics": physics,
    }


def test_exam_page_lists_upcoming_consultations_of_its_subject(client, setup):
    weekly = EventPageFactory(
        parent=setup["calendar"],
        title="Консультации к ЕГЭ по математике",
        kind=setup["kind"],
        subject=setup["maths"],
        start=in_days(-14),
        repeat="weekly",
        repeat_until=in_days(28).date(),
        rrule=normalise_rrule(weekly_rrule(in_days(28).date()), in_days(-14)),
    )
    EventPageFactory(
        parent=setup["calendar"],
        title="Консультация по физике",
        kind=setup["kind"],
        subject=setup["physics"],
    )
    EventPageFactory(
        parent=setup["calendar"],
        title="Прошедшая консультация",
        kind=setup["kind"],
        subject=setup["maths"],
        start=in_days(-3),
    )
    EventPageFactory(
        parent=setup["calendar"],
        title="Черновик консультации",
        kind=setup["kind"],
        subject=setup["maths"],
        live=False,
    )
    html = client.get(setup["exam"].url).content.decode()
    assert "Консультации к ЕГЭ по математике" in html
    # The weekly series shows its next sitting, not its first (past) one.
    next_start = weekly.next_sitting().start
    assert next_start > in_days(0, 0, 0)
    with translation.override("ru"):
        assert dateformat.format(timezone.localtime(next_start), "j E, H:i") in html
    assert "физике" not in html
    assert "Прошедшая консультация" not in html
    assert "Черновик" not in html

    hub = client.get(setup["index"].url).content.decode()
    assert "Консультации к ЕГЭ по математике" in hub
    assert "Консультация по физике" in hub
