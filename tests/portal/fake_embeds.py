"""A local embed finder for tests: answers like the real services, without network."""

from django.utils.html import format_html
from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.finders.base import EmbedFinder

VIDEOS = {
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ": (
        "YouTube",
        "https://www.youtube.com/embed/dQw4w9WgXcQ",
    ),
    "https://rutube.ru/video/0123456789abcdef0123456789abcdef/": (
        "Rutube",
        "https://rutube.ru/play/embed/0123456789abcdef0123456789abcdef",
    ),
}
PAGES = {"https://school.example/about/"}

FAKE_FINDERS = [
    {"class": "portal.embeds.VKVideoFinder"},
    {"class": "tests.portal.fake_embeds.FakeVideoFinder"},
]
# The server has no network: every provider's oEmbed request fails.
OFFLINE_FINDERS = [{"class": "tests.portal.fake_embeds.OfflineFinder"}]


class OfflineFinder(EmbedFinder):
    """Fails as Wagtail's oEmbed finder does when the network is unreachable
    (``requests`` raises, the finder turns it into ``EmbedNotFoundException``),
    and records the addresses it was asked for."""

    calls = []

    def accept(self, url):
        return True

    def find_embed(self, url, max_width=None, max_height=None):
        self.calls.append(url)
        raise EmbedNotFoundException(
            f"Request failed: HTTPSConnectionPool: Max retries exceeded with url: {url} "
            "(Caused by NameResolutionError: Temporary failure in name resolution)"
        )


class FakeVideoFinder(EmbedFinder):
    """Knows two videos and one ordinary web page (which oEmbed calls a "link")."""

    def accept(self, url):
        return url in VIDEOS or url in PAGES

    def find_embed(self, url, max_width=None, max_height=None):
        if url in PAGES:
            return {
                "title": "О школе",
                "author_name": "",
                "provider_name": "Школа",
                "type": "link",
                "thumbnail_url": "",
                "width": None,
                "height": None,
                "html": "",
            }
        provider, player = VIDEOS[url]
        return {
            "title": "Урок",
            "author_name": "",
            "provider_name": provider,
            "type": "video",
            "thumbnail_url": "",
            "width": 640,
            "height": 360,
            "html": format_html('<iframe src="{}" width="640" height="360"></iframe>', player),
        }
