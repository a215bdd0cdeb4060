"""Addresses for calendar subscriptions.

A ``webcal://`` link opens the calendar app on a phone or computer and subscribes to
the feed (the app then refreshes it itself); services such as Google Calendar want
the plain ``https://`` address pasted instead, so pages show both.
"""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """``url`` with the site's scheme and host, as the visitor reached it."""
    return context["request"].build_absolute_uri(url)


@register.simple_tag(takes_context=True)
def webcal_url(context, url):
    """``url`` as an absolute ``webcal://`` address (the same host and path)."""
    absolute = context["request"].build_absolute_uri(url)
    return "webcal://" + absolute.split("://", 1)[1]
