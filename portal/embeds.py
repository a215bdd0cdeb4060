"""Video services Russian schools use, for Wagtail embeds.

Wagtail's oEmbed provider list knows YouTube but neither RuTube nor VK Video.
RuTube publishes an oEmbed endpoint, so it is one more provider for Wagtail's own
oEmbed finder (``portal/oembed_providers.py``, in ``WAGTAILEMBEDS_FINDERS``); VK Video
has no public oEmbed, but its player iframe is built from the video's owner and id,
so its finder (here) needs no network at all.
"""

import re
from urllib.parse import parse_qs, urlsplit

from django.utils.html import format_html
from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.finders.base import EmbedFinder

VK_HOSTS = {"vk.com", "www.vk.com", "m.vk.com", "vk.ru", "vkvideo.ru", "www.vkvideo.ru"}
VK_VIDEO_ID = re.compile(r"video(?P<oid>-?\d+)_(?P<id>\d+)")
VK_PLAYER = "https://vk.com/video_ext.php?oid={oid}&id={id}&hd=2"


def vk_video_ids(url):
    """(owner id, video id) of a VK Video address, or None.

    Accepts ``vk.com/video-123_456``, ``vkvideo.ru/video-123_456`` and the
    ``vk.com/…?z=video-123_456`` form VK shows while a video plays over a page.
    """
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or parts.hostname not in VK_HOSTS:
        return None
    candidates = [parts.path.rsplit("/", 1)[-1]]
    candidates += parse_qs(parts.query).get("z", [])
    for candidate in candidates:
        match = VK_VIDEO_ID.fullmatch(candidate.split("/", 1)[0])
        if match:
            return match.group("oid"), match.group("id")
    return None


class VKVideoFinder(EmbedFinder):
    """Embeds VK Video by building its player iframe from the address alone."""

    def accept(self, url):
        return vk_video_ids(url) is not None

    def find_embed(self, url, max_width=None, max_height=None):
        ids = vk_video_ids(url)
        if ids is None:
            raise EmbedNotFoundException
        width = max_width or 640
        height = round(width * 9 / 16)
        player = VK_PLAYER.format(oid=ids[0], id=ids[1])
        return {
            "title": "",
            "author_name": "",
            "provider_name": "VK Видео",
            "type": "video",
            "thumbnail_url": "",
            "width": width,
            "height": height,
            "html": format_html(
                '<iframe src="{}" width="{}" height="{}" frameborder="0" '
                'allow="autoplay; encrypted-media; fullscreen; picture-in-picture; '
                'screen-wake-lock" allowfullscreen></iframe>',
                player,
                width,
                height,
            ),
        }
