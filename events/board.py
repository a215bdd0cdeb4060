"""The bulletin board of the home page: announcements, timetables, what comes next.

``board_context`` is called by ``HomePage.get_context``. Its query count does not
depend on how many announcements, events or lessons exist: each part is one query
(plus prefetches) with a limit.
"""

import datetime as dt
from functools import partial

from django.utils import timezone

from portal.models import SchoolClass
from portal.pagecache.fragments import cached_fragment
from portal.pagecache.tags import collecting_now, valid_until
from portal.queries import not_view_restricted

from .models import Announcement, ClassTimetable, EventIndexPage, EventKind, EventPage, Lesson
from .recurrence import expand_all

BOARD_ANNOUNCEMENTS = 6
BOARD_EVENTS = 5
BOARD_CONTESTS = 4
# Rows of the consultation table: the board stays the same size however many series run.
BOARD_CONSULTATIONS = 8
# The board looks this far ahead for events, contests and consultations.
BOARD_HORIZON = dt.timedelta(days=60)
CONSULTATION_WINDOW = dt.timedelta(days=28)
NOT_GIVEN = object()


def consultation_rows(occurrences, now):
    """One row per consultation series: the weekdays it meets in the next four weeks,
    its time, place and next date."""
    rows = {}
    for sitting in occurrences:
        event = sitting.event
        if event.kind is None or event.kind.board_section != EventKind.BoardSection.CONSULTATIONS:
            continue
        row = rows.setdefault(event.pk, {"event": event, "next": sitting, "weekdays": []})
        if sitting.start < now + CONSULTATION_WINDOW:
            weekday = timezone.localtime(sitting.start).isoweekday()
            if weekday not in [day for day, _sitting in row["weekdays"]]:
                row["weekdays"].append((weekday, sitting))
    for row in rows.values():
        row["weekdays"].sort(key=lambda item: item[0])
    return sorted(rows.values(), key=lambda row: (row["next"].start, row["event"].title))


def timetable(request):
    """The classes that have a timetable, the chosen one (?klass=9a) and its lessons,
    kept with the page cache's tags for each class chosen (an unknown class is not
    kept: it shows the first one, under any address)."""
    wanted = request.GET.get("klass", "")
    return cached_fragment(
        "timetable",
        wanted,
        partial(_timetable, wanted),
        keep=lambda found: (
            not wanted or (found["selected"] is not None and found["selected"].slug == wanted)
        ),
    )


def _timetable(wanted):
    classes = list(SchoolClass.objects.filter(timetable__isnull=False))
    if not classes:
        return {"classes": [], "selected": None, "days": [], "rows": []}
    selected = next((c for c in classes if c.slug == wanted), classes[0])
    lessons = Lesson.objects.filter(timetable__school_class=selected).select_related("subject")
    days, rows = ClassTimetable.grid(lessons)
    return {"classes": classes, "selected": selected, "days": days, "rows": rows}


def board_context(request, home, now=None, calendar=NOT_GIVEN):
    """The board's parts that are the same for every visitor (the timetable is the
    visitor's choice: :func:`timetable`); ``calendar`` is the events calendar below
    ``home`` when the caller found it already (``None``: there is none)."""
    now = now or timezone.now()
    horizon = now + BOARD_HORIZON
    events = (
        EventPage.objects.descendant_of(home).for_listing().upcoming(now).filter(start__lt=horizon)
    )
    occurrences = expand_all(events, now, horizon)
    contests = [
        sitting
        for sitting in occurrences
        if sitting.event.kind
        and sitting.event.kind.board_section == EventKind.BoardSection.CONTESTS
    ]
    if calendar is NOT_GIVEN:
        calendar = (
            EventIndexPage.objects.child_of(home).live().filter(not_view_restricted()).first()
        )
    if collecting_now():
        # The page cache keeps the board until the first of these moments at most.
        valid_until(Announcement.objects.next_change(now))
        valid_until(min((sitting.end or sitting.start for sitting in occurrences), default=None))
    return {
        "announcements": list(Announcement.objects.for_board(now)[:BOARD_ANNOUNCEMENTS]),
        "next_events": occurrences[:BOARD_EVENTS],
        "contests": contests[:BOARD_CONTESTS],
        "consultations": consultation_rows(occurrences, now)[:BOARD_CONSULTATIONS],
        "calendar_page": calendar,
        "now": now,
    }


def upcoming_consultations(locale, subject=None, now=None, limit=6):
    """Live, public consultation series still to come (for the exam-preparation pages).

    Each event gets ``next_start``: the start of its next sitting (a weekly series
    starts in the past but goes on). ``subject`` narrows to one ``portal.Subject`` (or its id).
    """
    now = now or timezone.now()
    events = (
        EventPage.objects.for_listing()
        .upcoming(now)
        .filter(locale=locale, kind__board_section=EventKind.BoardSection.CONSULTATIONS)
        .order_by("start", "pk")
    )
    if subject is not None:
        events = events.filter(subject=subject)
    result = []
    for event in events[:limit]:
        sitting = event.next_sitting(now)
        event.next_start = sitting.start if sitting else event.start
        result.append(event)
    return result
