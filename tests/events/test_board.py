"""The home page's bulletin board: announcements, timetables, next events, homework slot."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import PageViewRestriction

from events.models import Announcement, ClassTimetable, EventKind, Lesson
from events.recurrence import normalise_rrule, weekly_rrule
from tests.factories import SchoolClassFactory, SubjectFactory
from tests.factories.events import (
    AnnouncementFactory,
    EventIndexPageFactory,
    EventKindFactory,
    EventPageFactory,
    in_days,
)
from tests.utils import count_queries

pytestmark = [pytest.mark.django_db, pytest.mark.dated]


@pytest.fixture
def index(site):
    return EventIndexPageFactory(parent=site["home"])


def test_announcements_show_pinned_first_and_expired_ones_vanish(client, site, clock):
    now = timezone.now()
    AnnouncementFactory(title="Обычное объявление", visible_from=now - dt.timedelta(hours=2))
    AnnouncementFactory(
        title="Закреплённое важное",
        pinned=True,
        importance=Announcement.Importance.IMPORTANT,
        visible_from=now - dt.timedelta(days=3),
        visible_until=now + dt.timedelta(hours=1),
    )
    AnnouncementFactory(title="Истёкшее", visible_until=now - dt.timedelta(minutes=1))
    AnnouncementFactory(title="Будущее", visible_from=now + dt.timedelta(days=1))

    html = client.get("/").content.decode()
    assert html.index("Закреплённое важное") < html.index("Обычное объявление")
    assert "Истёкшее" not in html
    assert "Будущее" not in html

    # Two hours later, with no job run, the pinned one has expired by itself.
    clock.set(now + dt.timedelta(hours=2))
    html = client.get("/").content.decode()
    assert "Закреплённое важное" not in html
    assert "Обычное объявление" in html


def test_announcement_window_is_validated():
    now = timezone.now()
    announcement = Announcement(title="Т", visible_from=now, visible_until=now)
    with pytest.raises(ValidationError) as error:
        announcement.full_clean()
    assert "visible_until" in error.value.message_dict


def test_english_board_uses_english_announcement(client, site):
    AnnouncementFactory(title="Каникулы", title_en="Holidays")
    assert "Holidays" in client.get("/en/").content.decode()
    assert "Каникулы" in client.get("/").content.decode()


def test_board_lists_next_events_contests_and_consultations(client, index):
    contests = EventKindFactory(
        name="Олимпиада", slug="olimpiada", board_section=EventKind.BoardSection.CONTESTS
    )
    consultation = EventKindFactory(
        name="Консультация", slug="konsultaciya", board_section=EventKind.BoardSection.CONSULTATIONS
    )
    EventPageFactory(parent=index, title="Олимпиада по физике", kind=contests, start=in_days(4))
    EventPageFactory(parent=index, title="Собрание", start=in_days(2))
    EventPageFactory(parent=index, title="Черновик", start=in_days(1), live=False)
    private = EventPageFactory(parent=index, title="Закрытое", start=in_days(1))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    start = in_days(1, 15, 30)
    until = (start + dt.timedelta(days=35)).date()
    EventPageFactory(
        parent=index,
        title="Консультации к ЕГЭ",
        kind=consultation,
        start=start,
        end=start + dt.timedelta(minutes=90),
        repeat="weekly",
        repeat_until=until,
        rrule=normalise_rrule(weekly_rrule(until), start),
    )

    html = client.get("/").content.decode()
    board = html[html.index('class="board"') :]
    assert "Собрание" in board
    assert "Олимпиады и конкурсы" in board
    contests_panel = board[board.index("board-contests") : board.index("board-contests") + 1500]
    assert "Олимпиада по физике" in contests_panel
    assert "Собрание" not in contests_panel
    assert "Расписание консультаций" in board
    assert "15:30–17:00" in board
    assert "Черновик" not in html
    assert "Закрытое" not in html
    assert 'href="/sobytiya/"' in board


def test_timetable_of_the_chosen_class(client, site):
    maths = SubjectFactory(name="Математика", slug="matematika")
    physics = SubjectFactory(name="Физика", slug="fizika")
    for letter, subject in (("А", maths), ("Б", physics)):
        timetable = ClassTimetable(school_class=SchoolClassFactory(grade=9, letter=letter))
        timetable.lessons = [Lesson(weekday=1, number=1, subject=subject, room="204")]
        timetable.save()

    html = client.get("/").content.decode()
    assert "Расписание уроков 9А" in html
    assert "Математика <span" in html
    html = client.get("/", {"klass": "9b"}).content.decode()
    assert "Расписание уроков 9Б" in html
    assert "Физика <span" in html
    html = client.get("/", {"klass": "net-takogo"}).content.decode()
    assert "Расписание уроков 9А" in html


def test_home_board_query_count_is_flat(client, index):
    kind = EventKindFactory(slug="konsultaciya", board_section=EventKind.BoardSection.CONSULTATIONS)
    subject = SubjectFactory(slug="matematika")
    timetable = ClassTimetable(school_class=SchoolClassFactory(grade=9, letter="А"))
    timetable.save()
    counts = []
    for size in (2, 30):
        while Announcement.objects.count() < size:
            AnnouncementFactory(pinned=Announcement.objects.count() % 3 == 0)
        while index.get_children().count() < size:
            start = in_days(1 + index.get_children().count() % 7, 15)
            until = (start + dt.timedelta(days=50)).date()
            EventPageFactory(
                parent=index,
                kind=kind,
                subject=subject,
                start=start,
                repeat="weekly",
                repeat_until=until,
                rrule=normalise_rrule(weekly_rrule(until), start),
            )
        while timetable.lessons.count() < size:
            n = timetable.lessons.count()
            Lesson.objects.create(
                timetable=timetable, weekday=1 + n % 6, number=1 + n // 6, subject=subject
            )
        counts.append(count_queries(client, "/"))
    assert counts[0] == counts[1], counts
    assert counts[1] <= 23
