"""The site's one iCalendar (RFC 5545) writer: the calendar and its HTTP response.

Every feed (the events calendar, a class's homework) is a calendar named for the
visitor, in the school's time zone (``settings.TIME_ZONE``) with the VTIMEZONE its
times need, so calendar apps show the times the school means wherever the visitor is.
The apps build their own VEVENTs; this module only frames them.
"""

import datetime as dt
import functools

from django.conf import settings
from django.http import HttpResponse
from icalendar import Calendar, Timezone

PRODID = "-//School portal//Calendar//RU"
# Moscow has kept UTC+3 since 2014; older transitions would only bloat every feed.
TIMEZONE_HISTORY_FROM = dt.date(2015, 1, 1)


def new_calendar(name):
    """An empty calendar called ``name`` (shown by calendar apps as its title)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def calendar_response(calendar, filename):
    """The calendar as a downloadable ``.ics`` file, with the VTIMEZONE of every zone
    its events use."""
    add_missing_timezones(calendar)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@functools.cache
def vtimezone(tzid):
    """The VTIMEZONE of ``tzid`` since ``TIMEZONE_HISTORY_FROM``: the same for every
    feed, built once per process (icalendar takes about 30 ms to derive it from the
    time zone database, more than the rest of a feed)."""
    return Timezone.from_tzid(tzid, first_date=TIMEZONE_HISTORY_FROM)


def add_missing_timezones(calendar):
    """icalendar's ``Calendar.add_missing_timezones`` with the zones built once: a
    VTIMEZONE before the events for every zone they use that has none yet."""
    position = len(calendar.timezones)
    for tzid in sorted(calendar.get_missing_tzids()):
        try:
            timezone = vtimezone(tzid)
        except ValueError:
            continue  # not a zone icalendar knows: left out, as icalendar does
        calendar.subcomponents.insert(position, timezone)
        position += 1
