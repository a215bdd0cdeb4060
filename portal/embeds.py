"""Video services Russian schools use, for Wagtail embeds.

Wagtail's oEmbed provider list knows YouTube but neither RuTube nor VK Video.
RuTube publishes an oEmbed endpoint, so it is one more provider for Wagtail's own
oEmbed finder (``portal/oembed_providers.py``, in ``WAGTAILEMBEDS_FINDERS``); VK Video
has no public oEmbed, but its player iframe is built from the video's owner and id,
so its finder (here) needs no network at all.

Saving a video must not need the network either (a teacher may work offline, the
school's proxy may block the provider): ``video_address`` recognises the three
services by their address patterns alone and builds the player's address, so the
editor's validation and the click-to-load player (``VideoBlock``) never wait for a
provider. The oEmbed answer (the provider's own title) is fetched on the first render,
and a failure is remembered for a while so an offline server does not retry on every
page view.
"""

import logging
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

from django.core.cache import cache
from django.utils.html import format_html
from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedException, EmbedNotFoundException
from wagtail.embeds.finders.base import EmbedFinder

VK_HOSTS = {"vk.com", "www.vk.com", "m.vk.com", "vk.ru", "vkvideo.ru", "www.vkvideo.ru"}
VK_VIDEO_ID = re.compile(r"video(?P<oid>-?\d+)_(?P<id>\d+)")
VK_PLAYER = "https://vk.com/video_ext.php?oid={oid}&id={id}&hd=2"

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com"}
YOUTUBE_ID = re.compile(r"[0-9A-Za-z_-]{11}")
YOUTUBE_PATHS = re.compile(r"/(?:embed|shorts|live)/(?P<id>[0-9A-Za-z_-]{11})/?")
# youtube-nocookie: YouTube's player that sets no tracking cookies before playback.
YOUTUBE_PLAYER = "https://www.youtube-nocookie.com/embed/{id}"

RUTUBE_HOSTS = {"rutube.ru", "www.rutube.ru"}
RUTUBE_PATHS = re.compile(r"/(?:video/(?:private/)?|shorts/)(?P<id>[0-9A-Za-z]+)/?")
RUTUBE_PLAYER = "https://rutube.ru/play/embed/{id}"

# How long a failed oEmbed request is not repeated (the page shows title + link meanwhile).
OEMBED_RETRY_SECONDS = 60 * 60

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class VideoAddress:
    """A recognised video address: the service's name and its player's address."""

    provider: str
    player_url: str


def youtube_video_id(parts):
    if parts.hostname == "youtu.be":
        candidate = parts.path.strip("/")
        return candidate if YOUTUBE_ID.fullmatch(candidate) else None
    if parts.hostname not in YOUTUBE_HOSTS:
        return None
    if parts.path.rstrip("/") == "/watch":
        candidate = parse_qs(parts.query).get("v", [""])[0]
        return candidate if YOUTUBE_ID.fullmatch(candidate) else None
    match = YOUTUBE_PATHS.fullmatch(parts.path)
    return match.group("id") if match else None


def rutube_player(parts):
    if parts.hostname not in RUTUBE_HOSTS:
        return None
    match = RUTUBE_PATHS.fullmatch(parts.path)
    if match is None:
        return None
    player = RUTUBE_PLAYER.format(id=match.group("id"))
    # A private video plays only with its access key (the ``p`` parameter).
    key = parse_qs(parts.query).get("p", [""])[0]
    return f"{player}?{urlencode({'p': key})}" if key else player


def video_address(url):
    """The ``VideoAddress`` of a RuTube, VK Video or YouTube page address, or None.

    Offline: only the address is looked at, never the network.
    """
    parts = urlsplit((url or "").strip())
    if parts.scheme not in ("http", "https"):
        return None
    ids = vk_video_ids(url)
    if ids is not None:
        return VideoAddress("VK Видео", VK_PLAYER.format(oid=ids[0], id=ids[1]))
    player = rutube_player(parts)
    if player is not None:
        return VideoAddress("RuTube", player)
    youtube_id = youtube_video_id(parts)
    if youtube_id is not None:
        return VideoAddress("YouTube", YOUTUBE_PLAYER.format(id=youtube_id))
    return None


def oembed_failure_key(url, max_width):
    return f"portal:oembed-failed:{embeds.get_embed_hash(url, max_width)}"


def find_embed_or_none(url, max_width=None):
    """Wagtail's stored or freshly fetched ``Embed`` for ``url``, or None.

    Any failure (no network, provider down, unknown address) gives None and is not
    retried for ``OEMBED_RETRY_SECONDS``; the caller renders without the oEmbed data.
    """
    key = oembed_failure_key(url, max_width)
    if cache.get(key):
        return None
    try:
        return embeds.get_embed(url, max_width=max_width)
    except EmbedException as error:
        logger.info("oEmbed data for %s not available: %s", url, error)
    cache.set(key, True, OEMBED_RETRY_SECONDS)
    return None


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
