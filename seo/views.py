"""robots.txt and the favicon: small answers outside the language prefixes that
every crawler and browser asks for at fixed addresses."""

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from portal.models import SchoolSettings

from .base_url import site_base_url
from .icons import encode, icon_image

# Search result pages are endless and thin, the admin and the display settings of the
# version for the visually impaired are no content.
DISALLOWED = ["/admin/", "/search/", "/en/search/", "/a11y/", "/_util/"]

ICONS = {
    "favicon.ico": ("ico", 48, "image/x-icon"),
    "favicon.png": ("png", 64, "image/png"),
    "apple-touch-icon.png": ("png", 180, "image/png"),
}


@require_safe
@cache_control(public=True, max_age=24 * 60 * 60)
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED), ""]
    lines.append(f"Sitemap: {site_base_url(request)}{reverse('sitemap')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(public=True, max_age=24 * 60 * 60)
def icon(request, name):
    kind, size, content_type = ICONS[name]
    school = SchoolSettings.for_request(request)
    logo = school.logo if school.logo_id else None
    return HttpResponse(encode(icon_image(logo, size), kind), content_type=content_type)
