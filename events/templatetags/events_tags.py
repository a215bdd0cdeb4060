"""Template helpers of the events app: schema.org JSON-LD, sitting dates and the
links to the calendar feeds of a class or a subject."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from portal.queries import not_view_restricted

from .. import ical
from ..models import EventIndexPage
from ..recurrence import local

register = template.Library()

# The characters that could end the <script> element or open a comment inside it;
# JSON's \\u escapes keep the data identical for parsers.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def json_ld(context, data):
    """A ``<script type="application/ld+json">`` that no string in ``data`` can leave,
    with the request's CSP nonce (the site's policy names every inline script)."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    request = context.get("request")
    nonce = getattr(request, "csp_nonce", "") if request is not None else ""
    return format_html(
        '<script type="application/ld+json" nonce="{}">{}</script>',
        nonce,
        mark_safe(payload.translate(JSON_SCRIPT_ESCAPES)),  # noqa: S308 - escaped above
    )


@register.simple_tag
def sitting_when(sitting, with_date=True):
    """ "5 декабря, 15:00–16:30", "5–6 декабря" or "5 декабря" for an all-day sitting."""
    start = local(sitting.start)
    first, last = sitting.first_day, sitting.last_day
    if sitting.all_day:
        if first == last:
            return date_format(first, "j E")
        if first.month == last.month:
            return f"{first.day}–{date_format(last, 'j E')}"
        return f"{date_format(first, 'j E')} – {date_format(last, 'j E')}"
    time = date_format(start, "H:i")
    if sitting.end:
        end = local(sitting.end)
        if end.date() == start.date() or last == first:
            time = f"{time}–{date_format(end, 'H:i')}"
        else:
            return f"{date_format(start, 'j E, H:i')} – {date_format(end, 'j E, H:i')}"
    if not with_date:
        return time
    return f"{date_format(start, 'j E')}, {time}"


@register.simple_tag(takes_context=True)
def events_ical_url(context, route, slug):
    """The URL of the events calendar's iCal feed of one class (``"class_ical"``) or
    subject (``"subject_ical"``) in the current page's language; "" without a calendar.
    For feed autodiscovery ``<link rel="alternate">`` on class and subject pages."""
    page = context.get("page")
    if page is None:
        return ""
    calendar = (
        EventIndexPage.objects.live()
        .filter(not_view_restricted(), locale_id=page.locale_id)
        .first()
    )
    if calendar is None:
        return ""
    return ical.url(calendar, context.get("request"), route, slug)
