"""59-ФЗ deadlines: 30 days from registration, extension by up to 30 days with the
applicant told, overdue appeals found in SQL; the rules are checked on save in the
admin form."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from appeals.models import Appeal, Status, answer_deadline
from tests.factories.appeals import make_appeal

pytestmark = pytest.mark.django_db


def test_deadline_is_thirty_days_after_registration_plus_extension():
    assert answer_deadline(datetime.date(2026, 12, 1)) == datetime.date(2026, 12, 31)
    assert answer_deadline(datetime.date(2026, 12, 1), 30) == datetime.date(2027, 1, 30)
    appeal = make_appeal(registered_on=datetime.date(2026, 2, 1))
    assert appeal.deadline == datetime.date(2026, 3, 3)
    appeal.extension_days = 20
    appeal.save()
    appeal.refresh_from_db()
    assert appeal.deadline == datetime.date(2026, 3, 23)


def test_overdue_and_due_soon():
    today = timezone.localdate()
    late = make_appeal(days_ago=31)
    last_day = make_appeal(days_ago=30)
    soon = make_appeal(days_ago=27)
    fresh = make_appeal(days_ago=1)
    answered_late = make_appeal(days_ago=40, status=Status.ANSWERED, answer="Ответ дан.")
    answered_late.answered_on = today
    answered_late.save()
    forwarded = make_appeal(days_ago=35, status=Status.FORWARDED, forwarded_to="Управление")

    assert list(Appeal.objects.overdue()) == [late]
    assert late.is_overdue()
    assert late.days_left() == -1
    assert not last_day.is_overdue()
    assert last_day.days_left() == 0
    assert set(Appeal.objects.due_soon()) == {last_day, soon}
    assert fresh not in Appeal.objects.due_soon()
    assert list(Appeal.objects.answered_late()) == [answered_late]
    assert not forwarded.is_overdue()


def appeal_for_check(**fields):
    appeal = make_appeal()
    for name, value in fields.items():
        setattr(appeal, name, value)
    return appeal


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"extension_days": 15}, "extension_reason", "основание продления"),
        ({"extension_days": 15, "extension_reason": "Запрос в управление"},
         "extension_notified_on", "уведомить заявителя"),
        ({"extension_days": 31, "extension_reason": "x", "extension_notified_on":
          timezone.localdate()}, "extension_days", "30"),
        ({"status": Status.ANSWERED}, "answer", "Внесите ответ"),
        ({"status": Status.FORWARDED}, "forwarded_to", "куда переадресовано"),
        ({"status": Status.ANSWERED, "answer": "Ответ", "answered_on":
          datetime.date(2000, 1, 1)}, "answered_on", "раньше регистрации"),
    ],
)  # fmt: skip
def test_admin_rules(fields, field, message):
    appeal = appeal_for_check(**fields)
    with pytest.raises(ValidationError) as caught:
        appeal.full_clean()
    assert field in caught.value.message_dict
    assert message in " ".join(caught.value.message_dict[field])


def test_answering_or_forwarding_dates_itself():
    appeal = appeal_for_check(status=Status.ANSWERED, answer="Полдник есть.")
    appeal.full_clean()
    assert appeal.answered_on == timezone.localdate()
    appeal = appeal_for_check(status=Status.FORWARDED, forwarded_to="Администрация района")
    appeal.full_clean()
    assert appeal.forwarded_on == timezone.localdate()
