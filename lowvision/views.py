"""The two views of the version for the visually impaired.

``change`` is what the header's links point to: it stores the visitor's choice in a
cookie and sends them back to the page they came from. ``stylesheet`` turns that cookie
into CSS. The pages themselves never read the cookie, so a page cache or a reverse
proxy can serve one copy of a page to everyone; only the small stylesheet is
per visitor, and it says so (``private``, ``Vary: Cookie``).
"""

import hashlib

from django.conf import settings
from django.http import HttpResponseNotModified, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .preferences import COOKIE_MAX_AGE, COOKIE_NAME, Preferences


def safe_next_url(request):
    """The ``next`` parameter if it points into this site, else the home page."""
    target = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


@require_safe
@never_cache
def change(request):
    """Turn the version on (``on``), off (``off``) or change one of its settings, then
    go back to ``next``. Plain GET links, so it works without JavaScript and the pages
    need no CSRF token (the choice is a display preference, nothing to protect)."""
    response = HttpResponseRedirect(safe_next_url(request))
    if "off" in request.GET:
        response.delete_cookie(COOKIE_NAME, samesite="Lax")
        return response
    current = Preferences.from_request(request) or Preferences()
    response.set_cookie(
        COOKIE_NAME,
        current.updated(request.GET).to_cookie(),
        max_age=COOKIE_MAX_AGE,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
    )
    return response


@require_safe
def stylesheet(request):
    """The visitor's stylesheet: empty for the normal version, the chosen font size,
    colours, images and spacing otherwise. Revalidated on every page (``no-cache``)
    with an ETag, so a change shows on the next page without re-sending the CSS."""
    preferences = Preferences.from_request(request)
    state = preferences.to_cookie() if preferences else "off"
    etag = f'"{hashlib.sha256(state.encode()).hexdigest()[:16]}"'
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponseNotModified()
    else:
        response = TemplateResponse(
            request,
            "lowvision/style.css",
            {"preferences": preferences},
            content_type="text/css; charset=utf-8",
        )
    response["ETag"] = etag
    patch_cache_control(response, private=True, no_cache=True, max_age=0)
    patch_vary_headers(response, ["Cookie"])
    return response
