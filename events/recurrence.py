"""Recurring events: RFC 5545 RRULE validation and expansion in Moscow wall time.

An event stores one RRULE string (without DTSTART; the event's start is the DTSTART)
and a list of cancelled dates. Occurrences are computed for the range a view asks for,
never stored one row per week. The timezone is attached to DTSTART so dateutil steps
in wall-clock time: a 15:00 consultation stays at 15:00 whatever the UTC offset.
"""

import datetime as dt
from dataclasses import dataclass, field
from itertools import islice
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from icalendar.prop import vRecur

SCHOOL_TZ = ZoneInfo(settings.TIME_ZONE)

# A rule may produce at most this many occurrences: five school years of weekly
# consultations. It keeps a mistyped rule from making every request expand forever.
MAX_OCCURRENCES = 260
# Rules finer than a day make no sense for school events and explode quickly.
ALLOWED_FREQUENCIES = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}


def local(value):
    """An aware datetime in the school's timezone."""
    return value.astimezone(SCHOOL_TZ)


def _until_utc(value):
    """RFC 5545: with a zoned DTSTART, UNTIL is given in UTC. A bare date or a local
    time typed by an editor is read as Moscow wall time (a date means its last second)."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time(23, 59, 59))
    if value.tzinfo is None:
        value = value.replace(tzinfo=SCHOOL_TZ)
    return value.astimezone(dt.UTC)


def normalise_rrule(text, dtstart):
    """Validate an RRULE typed by an editor and return its canonical form.

    Raises ``ValidationError`` with a message an editor can act on. The canonical
    form has UNTIL in UTC (``...Z``), as RFC 5545 requires with a zoned DTSTART.
    """
    text = (text or "").strip()
    if text.upper().startswith("RRULE:"):
        text = text[len("RRULE:") :]
    if not text:
        return ""
    if "\n" in text or "DTSTART" in text.upper():
        raise ValidationError(
            _("Укажите только правило RRULE одной строкой, без DTSTART: начало берётся из события.")
        )
    try:
        parts = vRecur.from_ical(text.upper())
    except ValueError as error:
        raise ValidationError(
            _("Не удалось разобрать правило повторения: %(error)s"), params={"error": error}
        ) from error
    frequency = (parts.get("FREQ") or [None])[0]
    if frequency not in ALLOWED_FREQUENCIES:
        raise ValidationError(
            _("Частота (FREQ) должна быть DAILY, WEEKLY, MONTHLY или YEARLY."),
        )
    if ("COUNT" in parts) == ("UNTIL" in parts):
        raise ValidationError(
            _("Правило должно заканчиваться: укажите либо UNTIL (дату окончания), либо COUNT.")
        )
    if "INTERVAL" in parts and int(parts["INTERVAL"][0]) < 1:
        raise ValidationError(_("Интервал (INTERVAL) должен быть не меньше 1."))
    if "UNTIL" in parts:
        parts["UNTIL"] = [_until_utc(parts["UNTIL"][0])]
    canonical = vRecur(parts).to_ical().decode()
    try:
        rule = rrulestr(canonical, dtstart=local(dtstart))
        produced = list(islice(rule, MAX_OCCURRENCES + 1))
    except (ValueError, TypeError) as error:
        raise ValidationError(
            _("Не удалось разобрать правило повторения: %(error)s"), params={"error": error}
        ) from error
    if not produced:
        raise ValidationError(_("Правило не даёт ни одной даты: проверьте дату окончания."))
    if len(produced) > MAX_OCCURRENCES:
        raise ValidationError(
            _("Правило даёт больше %(max)s дат: сократите срок или число повторений."),
            params={"max": MAX_OCCURRENCES},
        )
    return canonical


def weekly_rrule(until, interval=1):
    """The rule behind the admin's "every week until <date>" choice."""
    parts = {"FREQ": ["WEEKLY"], "UNTIL": [_until_utc(until)]}
    if interval > 1:
        parts["INTERVAL"] = [interval]
    return vRecur(parts).to_ical().decode()


def rule_parts(text):
    """The RRULE as icalendar's ``vRecur`` (for feeds)."""
    return vRecur.from_ical(text)


@dataclass(frozen=True)
class Occurrence:
    """One sitting of an event: the event page and this sitting's start and end."""

    event: object = field(compare=False)
    start: dt.datetime
    end: dt.datetime | None
    all_day: bool = False

    @property
    def first_day(self):
        return local(self.start).date()

    @property
    def last_day(self):
        """The last calendar day the occurrence touches (inclusive)."""
        if self.end is None:
            return self.first_day
        last = local(self.end)
        if last.time() == dt.time(0) and last.date() > self.first_day:
            # An evening that ends at midnight does not spill into the next day.
            return last.date() - dt.timedelta(days=1)
        return last.date()

    def days(self):
        day = self.first_day
        while day <= self.last_day:
            yield day
            day += dt.timedelta(days=1)


def starts(dtstart, rrule, exdates, limit=MAX_OCCURRENCES):
    """Every start of a series in school wall time, cancelled dates left out."""
    first = local(dtstart)
    if not rrule:
        return [] if first.date() in exdates else [first]
    try:
        rule = rrulestr(rrule, dtstart=first)
        produced = islice(rule, limit)
        return [start for start in produced if start.date() not in exdates]
    except (ValueError, TypeError):
        # A rule that slipped past validation (edited in the database): show the first
        # sitting rather than fail the page.
        return [first]


def expand(event, range_start=None, range_end=None):
    """Occurrences of ``event`` that overlap [range_start, range_end)."""
    duration = (event.end - event.start) if event.end else None
    result = []
    for start in starts(event.start, event.rrule, event.excluded_dates):
        end = start + duration if duration is not None else None
        if range_end is not None and start >= range_end:
            break
        if range_start is not None and (end or start) < range_start:
            continue
        result.append(Occurrence(event=event, start=start, end=end, all_day=event.all_day))
    return result


def expand_all(events, range_start=None, range_end=None):
    """Occurrences of many events, in order of start."""
    occurrences = [
        occurrence for event in events for occurrence in expand(event, range_start, range_end)
    ]
    occurrences.sort(key=lambda occurrence: (occurrence.start, occurrence.event.title))
    return occurrences
