"""Links of the «Версия для слабовидящих» control: each one changes one setting and
comes back to the page it is on."""

from django import template
from django.urls import reverse
from django.utils.http import urlencode

register = template.Library()


@register.simple_tag(takes_context=True)
def low_vision_url(context, name, value="1"):
    """``/a11y/set/?<name>=<value>&next=<this page>``. The page's own path is the only
    thing taken from the request, so the page stays the same for every visitor."""
    request = context.get("request")
    query = {name: value}
    if request is not None:
        query["next"] = request.get_full_path()
    return f"{reverse('low_vision_change')}?{urlencode(query)}"
