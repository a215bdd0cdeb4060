"""Factories for the events app: kinds, calendar pages, events, announcements."""

import datetime as dt

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from events.models import Announcement, EventIndexPage, EventKind, EventPage
from events.recurrence import SCHOOL_TZ


def moscow(*args):
    """An aware datetime in school time: moscow(2026, 12, 3, 15, 30)."""
    return dt.datetime(*args, tzinfo=SCHOOL_TZ)


def in_days(days, hour=15, minute=0):
    """School time ``days`` from today at ``hour:minute``."""
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour, minute), SCHOOL_TZ)


class EventKindFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Вид {n}")
    name_en = factory.Sequence(lambda n: f"Kind {n}")
    slug = factory.Sequence(lambda n: f"vid-{n}")

    class Meta:
        model = EventKind
        django_get_or_create = ("slug",)


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "События"
    slug = "sobytiya"
    introduction = "Календарь школы."
    show_in_menus = True

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Событие {n}")
    slug = factory.Sequence(lambda n: f"sobytie-{n}")
    kind = factory.SubFactory(EventKindFactory)
    start = factory.LazyFunction(lambda: in_days(7))
    end = factory.LazyAttribute(lambda page: page.start + dt.timedelta(hours=1))
    place = "Кабинет 204"
    introduction = "Коротко о событии."

    class Meta:
        model = EventPage


class AnnouncementFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Объявление {n}")
    text = "<p>Текст объявления.</p>"
    visible_from = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))

    class Meta:
        model = Announcement
