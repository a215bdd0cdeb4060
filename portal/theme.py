"""The school's colours as a tiny stylesheet, so the site's CSS stays a static file.

The site's Content-Security-Policy allows no inline styles, so the colour chosen in
«Сведения о школе» reaches the pages as ``/theme.css``: a few custom properties that
``site.css`` uses. Its address carries the colour (``?v=1f4e9c``), so it can be cached
for long and still changes at once.
"""

from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Site

from portal.models import SchoolSettings
from portal.models.settings import DEFAULT_BRAND_COLOUR, darker

THEME_CSS = ":root {{ --color-primary: {primary}; --color-primary-dark: {primary_dark}; }}\n"


@require_safe
@cache_control(public=True, max_age=86400)
def theme_css(request):
    """The main colour and its darker shade as CSS custom properties."""
    site = Site.find_for_request(request)
    if site is None:
        colours = {"primary": DEFAULT_BRAND_COLOUR, "primary_dark": darker(DEFAULT_BRAND_COLOUR)}
    else:
        colours = SchoolSettings.for_site(site).theme_colours
    return HttpResponse(THEME_CSS.format(**colours), content_type="text/css; charset=utf-8")
