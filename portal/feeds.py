"""What every feed of the portal shares: a readable page when opened in a browser.

Feed readers ignore ``<?xml-stylesheet?>``; a browser applies ``feed.xsl``, which
turns the feed into a page styled by ``feed.css`` (it finds the CSS address in the
second instruction, so both stay static files under any ``STATIC_URL``).
"""

from django.templatetags.static import static
from django.utils.feedgenerator import Stylesheet


class ReadableFeedMixin:
    """Mix into a ``django.contrib.syndication`` Feed (RSS or Atom) before ``Feed``."""

    def stylesheets(self):
        return [
            Stylesheet(static("portal/feed.xsl"), mimetype="text/xsl", media=None),
            Stylesheet(static("portal/css/feed.css"), mimetype="text/css", media=None),
        ]
