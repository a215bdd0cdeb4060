"""What the calendar's routes show: filters, the upcoming list, the month grid, the
archive and an event's schema.org data.

The routes themselves are methods of ``EventIndexPage`` / ``EventPage``; these
functions build their template context from what the page passes in (its events,
the event kinds), so this module never imports the models."""

import calendar as stdlib_calendar
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.formats import date_format

from portal.models import GRADE_CHOICES, SchoolClass, SchoolSettings, Subject

from . import ical
from .recurrence import SCHOOL_TZ, expand_all, local

# How far ahead the upcoming list looks, and how many sittings per page.
UPCOMING_HORIZON = dt.timedelta(days=366)
PER_PAGE = 20
ARCHIVE_PER_PAGE = 20
# Month URLs outside these years are 404s, not calendars of the year 9999.
MIN_YEAR, MAX_YEAR = 2000, 2100


@dataclass
class Filters:
    """The calendar's filters read from the query string. Unknown values are dropped
    (the visitor sees every event and a note), never an error."""

    kinds: list
    subjects: list
    kind: object = None
    subject: object = None
    grade: int | None = None
    ignored: list = field(default_factory=list)

    GRADES = GRADE_CHOICES

    @classmethod
    def from_request(cls, request, kinds):
        """``kinds``: the event kinds a visitor may filter by."""
        kinds = list(kinds)
        subjects = list(Subject.objects.all())
        filters = cls(kinds=kinds, subjects=subjects)
        params = request.GET
        if params.get("kind"):
            filters.kind = next((k for k in kinds if k.slug == params["kind"]), None)
            if filters.kind is None:
                filters.ignored.append("kind")
        if params.get("subject"):
            filters.subject = next((s for s in subjects if s.slug == params["subject"]), None)
            if filters.subject is None:
                filters.ignored.append("subject")
        if params.get("grade"):
            grades = {str(grade): grade for grade, _label in GRADE_CHOICES}
            filters.grade = grades.get(params["grade"])
            if filters.grade is None:
                filters.ignored.append("grade")
        return filters

    @property
    def active(self):
        return bool(self.kind or self.subject or self.grade)

    @property
    def query(self):
        """The valid filters as a query string ("" or "?kind=…") for links."""
        params = {}
        if self.kind:
            params["kind"] = self.kind.slug
        if self.subject:
            params["subject"] = self.subject.slug
        if self.grade:
            params["grade"] = self.grade
        return f"?{urlencode(params)}" if params else ""

    def apply(self, events):
        if self.kind:
            events = events.filter(kind=self.kind)
        if self.subject:
            events = events.filter(subject=self.subject)
        if self.grade:
            events = events.for_grade(self.grade)
        return events


def month_start(year, month):
    """The first day of a month the calendar agrees to show (ValueError otherwise)."""
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        raise ValueError(f"No calendar for {year}-{month}")
    return dt.date(year, month, 1)


def month_from_query(params):
    """The month asked for by ?year=&month=; anything unusable means this month."""
    try:
        return month_start(int(params.get("year", "")), int(params.get("month", "")))
    except ValueError:
        today = timezone.localdate()
        return today.replace(day=1)


def add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _midnight(day):
    return dt.datetime.combine(day, dt.time(0), SCHOOL_TZ)


def common_context(index, request, filters, view):
    base = index.get_url(request)
    today = timezone.localdate()
    return {
        "view": view,
        "filters": filters,
        "upcoming_url": base,
        "month_url": base + index.reverse_subpage("month", args=(today.year, today.month)),
        "archive_url": base + index.reverse_subpage("archive"),
        "ical_url": ical.url(index, request, "ical"),
        "class_feeds": [
            (school_class, ical.url(index, request, "class_ical", school_class.slug))
            for school_class in SchoolClass.objects.all()
        ],
        "subject_feed_url": (
            ical.url(index, request, "subject_ical", filters.subject.slug)
            if filters.subject
            else ""
        ),
    }


def upcoming_context(index, request, kinds):
    """Sittings from now on (a series shows each of its dates), paginated."""
    now = timezone.now()
    filters = Filters.from_request(request, kinds)
    horizon = now + UPCOMING_HORIZON
    events = filters.apply(index.events().upcoming(now).filter(start__lt=horizon))
    occurrences = expand_all(events, now, horizon)
    page_obj = Paginator(occurrences, PER_PAGE).get_page(request.GET.get("page"))
    return {
        **common_context(index, request, filters, "upcoming"),
        "page_obj": page_obj,
        "occurrences": page_obj.object_list,
        "now": now,
    }


def month_context(index, request, kinds, first_day):
    """A Monday-first grid of the month; each day lists the sittings touching it."""
    filters = Filters.from_request(request, kinds)
    weeks = stdlib_calendar.Calendar(firstweekday=0).monthdatescalendar(
        first_day.year, first_day.month
    )
    grid_start, grid_end = weeks[0][0], weeks[-1][-1] + dt.timedelta(days=1)
    range_start, range_end = _midnight(grid_start), _midnight(grid_end)
    events = filters.apply(index.events().overlapping(range_start, range_end))
    by_day = defaultdict(list)
    for occurrence in expand_all(events, range_start, range_end):
        for day in occurrence.days():
            if grid_start <= day < grid_end:
                by_day[day].append(occurrence)
    today = timezone.localdate()
    base = index.get_url(request)
    previous_month, next_month = add_months(first_day, -1), add_months(first_day, 1)

    def month_link(day):
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            return ""
        return base + index.reverse_subpage("month", args=(day.year, day.month)) + filters.query

    return {
        **common_context(index, request, filters, "month"),
        "month": first_day,
        "month_title": date_format(first_day, "F Y"),
        "weekdays": [(date_format(day, "l"), date_format(day, "D")) for day in weeks[0]],
        "weeks": [
            [
                {
                    "date": day,
                    "in_month": day.month == first_day.month,
                    "is_today": day == today,
                    "occurrences": by_day.get(day, []),
                }
                for day in week
            ]
            for week in weeks
        ],
        "month_has_events": any(
            grid_start <= day < grid_end and day.month == first_day.month for day in by_day
        ),
        "previous_month": previous_month,
        "next_month": next_month,
        "previous_url": month_link(previous_month),
        "next_url": month_link(next_month),
        "month_query_url": base + index.reverse_subpage("month_query"),
        "month_choices": [
            (number, date_format(dt.date(2000, number, 1), "F")) for number in range(1, 13)
        ],
    }


def archive_context(index, request, kinds):
    """Events whose last sitting is over, newest first, paginated."""
    now = timezone.now()
    filters = Filters.from_request(request, kinds)
    events = filters.apply(index.events().past(now)).order_by("-last_end", "-pk")
    page_obj = Paginator(events, ARCHIVE_PER_PAGE).get_page(request.GET.get("page"))
    return {
        **common_context(index, request, filters, "archive"),
        "page_obj": page_obj,
        "events": page_obj.object_list,
    }


def _schema_moment(moment, all_day):
    return local(moment).date().isoformat() if all_day else local(moment).isoformat()


def event_json_ld(page, request, now):
    """schema.org ``Event`` data for search engines (rendered escaped by a tag)."""
    school = SchoolSettings.for_request(request)
    sitting = page.next_sitting(now)
    start = sitting.start if sitting else page.start
    end = sitting.end if sitting else page.end
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "startDate": _schema_moment(start, page.all_day),
        "eventStatus": "https://schema.org/EventCancelled"
        if page.cancelled
        else "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "url": page.get_full_url(request),
        "location": {
            "@type": "Place",
            "name": page.place or school.display_name,
            "address": school.display_address,
        },
        "organizer": {
            "@type": "EducationalOrganization",
            "name": school.display_name,
            "url": request.build_absolute_uri("/"),
        },
    }
    if end:
        data["endDate"] = _schema_moment(end, page.all_day)
    if page.introduction:
        data["description"] = page.introduction
    if page.kind:
        data["keywords"] = page.kind.display_name
    return data
