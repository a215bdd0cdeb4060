"""Serving a page again from a form's endpoint (quiz, practice variant, questions).

These endpoints answer a POST with the page itself (the score, the form's errors), so
they share two steps: find a live page of the visitor's language that they may see
(its view restrictions included, else 404), and serve it as Wagtail would, rendered
and never cached (the answer is for this visitor only).
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers
from wagtail.models import Locale, Page


def visible_page_or_404(request, page_id, queryset=None):
    """The specific live page ``page_id`` of the active language, if the visitor may
    see it (password, login and group restrictions are checked), else ``Http404``."""
    queryset = Page.objects.all() if queryset is None else queryset
    page = get_object_or_404(
        queryset.live().filter(locale=Locale.get_active()), pk=page_id
    ).specific
    for restriction in page.get_view_restrictions():
        if not restriction.accept_request(request):
            raise Http404
    return page


def serve_again(page, request, status=None):
    """``page`` served for ``request`` (attributes set on the request reach its
    template), rendered, with ``status`` if given and headers that forbid caching."""
    response = page.serve(request)
    if hasattr(response, "render"):
        response = response.render()
    if status is not None:
        response.status_code = status
    add_never_cache_headers(response)
    return response
