"""Factories for citizens' appeals: the form page and registered appeals."""

import datetime

import wagtail_factories
from django.utils import timezone

from appeals.models import Appeal, AppealFormPage


class AppealFormPageFactory(wagtail_factories.PageFactory):
    title = "Обращения граждан"
    slug = "obrashcheniya"
    intro = "<p>Напишите в школу.</p>"
    addressee = "Директору СОШ № 7 Петровой А. С."
    number_prefix = "7"

    class Meta:
        model = AppealFormPage


def make_appeal(days_ago=0, prefix="7", **fields):
    """A registered appeal, ``days_ago`` days after its registration."""
    registered = timezone.localdate() - datetime.timedelta(days=days_ago)
    defaults = {
        "last_name": "Иванова",
        "first_name": "Мария",
        "patronymic": "Петровна",
        "email": "ivanova@example.ru",
        "subject": "Расписание кружков",
        "text": "Прошу сообщить расписание кружков на второе полугодие.",
        "registered_on": registered,
        "received_at": timezone.now() - datetime.timedelta(days=days_ago),
    }
    defaults.update(fields)
    return Appeal.register(prefix=prefix, **defaults)
