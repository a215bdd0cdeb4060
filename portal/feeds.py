"""What every feed of the portal shares: a readable page when opened in a browser.

Feed readers ignore ``<?xml-stylesheet?>``; a browser applies ``feed.xsl``, which
turns the feed into a page styled by ``feed.css`` (it finds the CSS address in the
second instruction, so both stay static files under any ``STATIC_URL``).

Browsers show ``application/rss+xml`` as raw text and apply no stylesheet, so a
request that asks for HTML first (a visitor following a link) gets the same bytes as
``application/xml``; feed readers, which ask for feeds, keep the feed types.
"""

from django.templatetags.static import static
from django.utils.cache import patch_vary_headers
from django.utils.feedgenerator import Atom1Feed, Stylesheet
from django.utils.xmlutils import SimplerXMLGenerator

BROWSER_CONTENT_TYPE = "application/xml; charset=utf-8"


def opened_in_browser(request):
    """The request comes from a browser's address bar or a link (it wants HTML)."""
    accept = request.headers.get("Accept", "")
    return "text/html" in accept or "application/xhtml+xml" in accept


class ReadableAtom1Feed(Atom1Feed):
    """Atom 1.0 with the stylesheet instructions (Django adds them to RSS only)."""

    def write(self, outfile, encoding):
        handler = SimplerXMLGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        for stylesheet in self.feed["stylesheets"] or []:
            handler.processingInstruction("xml-stylesheet", stylesheet)
        handler.startElement("feed", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        handler.endElement("feed")


class ReadableFeedMixin:
    """Mix into a ``django.contrib.syndication`` Feed before ``Feed``; Atom feeds set
    ``feed_type = ReadableAtom1Feed``."""

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        patch_vary_headers(response, ["Accept"])
        if opened_in_browser(request):
            response["Content-Type"] = BROWSER_CONTENT_TYPE
        return response

    def stylesheets(self):
        return [
            Stylesheet(static("portal/feed.xsl"), mimetype="text/xsl", media=None),
            Stylesheet(static("portal/css/feed.css"), mimetype="text/css", media=None),
        ]
