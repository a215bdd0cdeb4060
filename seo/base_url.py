"""The site's public address, for everything that leaves the site with an absolute
URL (sitemap, robots.txt, Open Graph).

``PORTAL_BASE_URL`` (``https://school7.example``) wins when set: behind a reverse
proxy the request may name an internal host. Otherwise the Wagtail Site's own
hostname and port, which the school sets in the admin — unless that is still the
installation's ``localhost``, which no visitor can open: then the address the
request came to.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site

LOCAL_HOSTNAMES = {"localhost", "127.0.0.1", "[::1]", "::1"}


def site_base_url(request):
    """``scheme://host[:port]`` of the site, without a trailing slash."""
    configured = getattr(settings, "PORTAL_BASE_URL", "")
    if configured:
        return configured.rstrip("/")
    site = Site.find_for_request(request)
    if site is None or site.hostname in LOCAL_HOSTNAMES:
        return request.build_absolute_uri("/").rstrip("/")
    return site.root_url


def rebase(url, base):
    """``url`` (absolute or a path) moved onto ``base``: same path, query and fragment."""
    parts = urlsplit(url)
    tail = parts.path or "/"
    if parts.query:
        tail += f"?{parts.query}"
    if parts.fragment:
        tail += f"#{parts.fragment}"
    return base + tail
