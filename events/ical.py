"""iCalendar (RFC 5545) feeds: one event, the whole calendar, a class, a subject.

A recurring event is one VEVENT with its RRULE and EXDATEs, as calendar apps expect;
UIDs come from the page's translation key, so they stay the same across requests,
edits and languages.
"""

import datetime as dt

from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Event

from portal.ical import calendar_response, new_calendar

from .recurrence import SCHOOL_TZ, local, rule_parts

FEED_HISTORY = dt.timedelta(days=183)


def url(page, request, route, *args):
    """The public URL of an iCal route of ``page``: "<page-url>calendar.ics".

    Wagtail's page URLs take no dots, so ``portal.urls`` sends "*.ics" paths to
    Wagtail's ``serve`` (view restrictions included) and the route is matched with
    the trailing slash Wagtail adds; the public URL has none.
    """
    return page.get_url(request) + page.reverse_subpage(route, args=args).rstrip("/")


def event_uid(page, request):
    return f"event-{page.translation_key}@{request.get_host().split(':')[0]}"


def vevent(page, request):
    """The VEVENT of an event page (a series keeps its rule and cancelled dates)."""
    event = Event()
    event.add("uid", event_uid(page, request))
    stamp = page.last_published_at or page.first_published_at or timezone.now()
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("summary", page.title)
    start = local(page.start)
    if page.all_day:
        last_day = local(page.end).date() if page.end else start.date()
        event.add("dtstart", start.date())
        event.add("dtend", last_day + dt.timedelta(days=1))
    else:
        event.add("dtstart", start)
        if page.end:
            event.add("dtend", local(page.end))
    if page.rrule:
        rule = rule_parts(page.rrule)
        if page.all_day and "UNTIL" in rule:
            # RFC 5545: UNTIL has the value type of DTSTART (a date here).
            rule["UNTIL"] = [local(rule["UNTIL"][0]).date()]
        event.add("rrule", rule)
        excluded = sorted(page.excluded_dates)
        if excluded:
            if page.all_day:
                event.add("exdate", excluded)
            else:
                event.add(
                    "exdate",
                    [dt.datetime.combine(day, start.time(), SCHOOL_TZ) for day in excluded],
                )
    if page.place:
        event.add("location", page.place)
    if page.introduction:
        event.add("description", strip_tags(page.introduction))
    event.add("url", page.get_full_url(request))
    if page.kind:
        event.add("categories", [page.kind.display_name])
    event.add("status", "CANCELLED" if page.cancelled else "CONFIRMED")
    return event


def feed_response(request, name, pages, filename):
    """The events ``pages`` as an ``.ics`` file called ``filename``."""
    calendar = new_calendar(name)
    for page in pages:
        calendar.add_component(vevent(page, request))
    return calendar_response(calendar, filename)
