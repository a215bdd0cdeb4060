"""iCal feeds: one event, the calendar, a class, a subject — parsed with icalendar."""

import datetime as dt

import pytest
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from events.models import EventException
from events.recurrence import SCHOOL_TZ, normalise_rrule, weekly_rrule
from tests.factories import SchoolClassFactory, SubjectFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory, in_days, moscow

pytestmark = [pytest.mark.django_db, pytest.mark.dated]


@pytest.fixture
def index(site):
    return EventIndexPageFactory(parent=site["home"])


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return Calendar.from_ical(response.content)


def summaries(calendar):
    return {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}


def series(index, **fields):
    start = moscow(2026, 11, 19, 15, 30)
    return EventPageFactory(
        parent=index,
        start=start,
        end=start + dt.timedelta(minutes=90),
        rrule=normalise_rrule(weekly_rrule(dt.date(2027, 5, 20)), start),
        repeat="weekly",
        repeat_until=dt.date(2027, 5, 20),
        exceptions=[
            EventException(date=dt.date(2026, 12, 3)),
            EventException(date=dt.date(2027, 1, 7)),
        ],
        **fields,
    )


def test_one_event_keeps_its_rule_and_cancelled_dates(client, index):
    event = series(index, title="Консультации к ЕГЭ", place="Кабинет 204")
    calendar = parse(client.get(f"{event.url}event.ics"))
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Консультации к ЕГЭ"
    assert str(vevent["LOCATION"]) == "Кабинет 204"
    assert vevent.decoded("DTSTART") == moscow(2026, 11, 19, 15, 30)
    assert vevent["DTSTART"].params["TZID"] == "Europe/Moscow"
    assert vevent.decoded("DTEND") == moscow(2026, 11, 19, 17, 0)
    rule = vevent["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"]
    assert rule["UNTIL"] == [dt.datetime(2027, 5, 20, 20, 59, 59, tzinfo=dt.UTC)]
    exdates = [d.dt for exdate in [vevent["EXDATE"]] for d in getattr(exdate, "dts", [])]
    if not exdates:  # several EXDATE lines come back as a list
        exdates = [d.dt for line in vevent["EXDATE"] for d in line.dts]
    assert sorted(exdates) == [moscow(2026, 12, 3, 15, 30), moscow(2027, 1, 7, 15, 30)]
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Moscow"
    assert str(vevent["URL"]).endswith(f"/sobytiya/{event.slug}/")


def test_uids_are_stable_across_requests(client, index):
    series(index)
    EventPageFactory(parent=index, start=in_days(3))
    first = [str(e["UID"]) for e in parse(client.get("/sobytiya/calendar.ics")).walk("VEVENT")]
    second = [str(e["UID"]) for e in parse(client.get("/sobytiya/calendar.ics")).walk("VEVENT")]
    assert sorted(first) == sorted(second)
    assert len(set(first)) == 2


def test_all_day_event_uses_dates(client, index):
    event = EventPageFactory(
        parent=index, all_day=True, start=moscow(2026, 12, 11, 9), end=moscow(2026, 12, 12, 17)
    )
    (vevent,) = parse(client.get(f"{event.url}event.ics")).walk("VEVENT")
    assert vevent.decoded("DTSTART") == dt.date(2026, 12, 11)
    assert vevent.decoded("DTEND") == dt.date(2026, 12, 13)


def test_calendar_feed_has_live_public_events_only(client, index):
    EventPageFactory(parent=index, title="Открытое", start=in_days(2))
    EventPageFactory(parent=index, title="Черновик", start=in_days(2), live=False)
    private = EventPageFactory(parent=index, title="Закрытое", start=in_days(2))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    calendar = parse(client.get("/sobytiya/calendar.ics"))
    assert summaries(calendar) == {"Открытое"}
    assert str(calendar["X-WR-TIMEZONE"]) == str(SCHOOL_TZ)
    # The private event's own feed is behind its restriction too (the password form).
    response = client.get(f"{private.url}event.ics")
    assert not response["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VCALENDAR" not in response.content


def test_class_and_subject_feeds(client, index):
    maths = SubjectFactory(name="Математика", slug="matematika")
    physics = SubjectFactory(name="Физика", slug="fizika")
    nine_a = SchoolClassFactory(grade=9, letter="А")
    nine_b = SchoolClassFactory(grade=9, letter="Б")
    EventPageFactory(parent=index, title="Собрание 9А", classes=[nine_a], start=in_days(2))
    EventPageFactory(parent=index, title="Собрание 9Б", classes=[nine_b], start=in_days(2))
    EventPageFactory(
        parent=index,
        title="Олимпиада 9–11",
        grade_from=9,
        grade_to=11,
        subject=maths,
        start=in_days(3),
    )
    EventPageFactory(
        parent=index,
        title="Олимпиада 5–8",
        grade_from=5,
        grade_to=8,
        subject=physics,
        start=in_days(3),
    )
    EventPageFactory(parent=index, title="Линейка", start=in_days(4))
    series(index, title="Консультации", subject=maths, classes=[SchoolClassFactory(grade=11)])

    class_feed = parse(client.get("/sobytiya/klass/9a.ics"))
    assert summaries(class_feed) == {"Собрание 9А", "Олимпиада 9–11", "Линейка"}
    subject_feed = parse(client.get("/sobytiya/predmet/matematika.ics"))
    assert summaries(subject_feed) == {"Олимпиада 9–11", "Консультации"}
    (consultations,) = [e for e in subject_feed.walk("VEVENT") if "RRULE" in e]
    assert "EXDATE" in consultations


def test_calendar_page_links_the_feeds(client, index):
    SchoolClassFactory(grade=9, letter="А")
    SubjectFactory(name="Математика", slug="matematika")
    html = client.get("/sobytiya/", {"subject": "matematika"}).content.decode()
    assert 'href="/sobytiya/calendar.ics"' in html
    assert 'href="/sobytiya/klass/9a.ics"' in html
    assert 'href="/sobytiya/predmet/matematika.ics"' in html
