"""The reverse proxy in front (Varnish, deploy/varnish/default.vcl): tag bans.

Wagtail's frontend cache app purges a page's own addresses when it is published or
unpublished (HTTP PURGE). Everything else a change makes stale — listings, the board,
feeds, calendars, search results, every page showing a changed snippet or setting — is
found by the tags the app sent with each answer (``X-Cache-Tags``): the backend below
sends Varnish one BAN per batch of tags, and Varnish drops every object carrying one.
"""

import logging
import re
from urllib.error import URLError
from urllib.request import Request, urlopen

from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends

logger = logging.getLogger(__name__)

BAN_HEADER = "X-Ban-Tags"
_BATCH = 40


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP PURGE backend, plus bans by tag."""

    def ban_tags(self, tags):
        tags = sorted(tags)
        for start in range(0, len(tags), _BATCH):
            names = "|".join(re.escape(tag) for tag in tags[start : start + _BATCH])
            request = Request(  # noqa: S310 - the configured proxy's own address
                f"{self.cache_scheme}://{self.cache_netloc}/",
                method="BAN",
                headers={BAN_HEADER: rf"(^|\s)({names})(\s|$)"},
            )
            try:
                urlopen(request, timeout=5).close()  # noqa: S310 - as above
            except (URLError, OSError) as error:
                logger.error("Could not ban %d tags from the proxy: %s", len(tags), error)


def ban_tags(tags):
    """Ban ``tags`` from every configured proxy that understands tags."""
    for backend in get_backends().values():
        if hasattr(backend, "ban_tags"):
            backend.ban_tags(tags)
