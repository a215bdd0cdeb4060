"""Video lessons: RuTube / VK Video / YouTube embeds and uploaded files."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import override_settings
from wagtail import blocks
from wagtail.embeds.finders import get_finders
from wagtail.embeds.finders.oembed import OEmbedFinder

from portal.blocks import CaptionedEmbedBlock, VideoBlock
from portal.embeds import VideoAddress, VKVideoFinder, video_address, vk_video_ids
from tests.factories import DocumentFactory
from tests.portal.fake_embeds import FAKE_FINDERS, OFFLINE_FINDERS, OfflineFinder


@pytest.fixture(autouse=True)
def forget_oembed_failures():
    """A failed oEmbed request is remembered in the cache; each test starts afresh."""
    cache.clear()


RUTUBE_URL = "https://rutube.ru/video/0123456789abcdef0123456789abcdef/"
YOUTUBE_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def video(url="", document=None, title="Видеоурок", transcript=""):
    block = VideoBlock()
    return block, block.to_python(
        {
            "title": title,
            "url": url,
            "file": document.pk if document else None,
            "transcript": transcript,
        }
    )


@pytest.mark.parametrize(
    ("url", "ids"),
    [
        ("https://vk.com/video-123_456", ("-123", "456")),
        ("https://vkvideo.ru/video-22822305_456241864", ("-22822305", "456241864")),
        ("https://vk.com/video789_12", ("789", "12")),
        ("https://vk.com/school7?z=video-123_456%2Fpl_cat_trends", ("-123", "456")),
        ("https://vk.com/id123", None),
        ("https://evil.example/video-123_456", None),
        ("javascript://vk.com/video-1_2", None),
    ],
)
def test_vk_addresses(url, ids):
    assert vk_video_ids(url) == ids


def test_vk_finder_builds_the_player_without_network():
    finder = VKVideoFinder()
    assert finder.accept("https://vkvideo.ru/video-123_456")
    embed = finder.find_embed("https://vkvideo.ru/video-123_456", max_width=800)
    assert embed["type"] == "video"
    assert 'src="https://vk.com/video_ext.php?oid=-123&amp;id=456&amp;hd=2"' in embed["html"]
    assert embed["width"] == 800


def test_rutube_is_registered_and_asks_its_oembed_endpoint():
    assert any(isinstance(finder, VKVideoFinder) for finder in get_finders())
    # RuTube is a provider of Wagtail's own oEmbed finder, ahead of Wagtail's list.
    (finder,) = [
        finder
        for finder in get_finders()
        if type(finder) is OEmbedFinder and finder._get_endpoint(RUTUBE_URL)
    ]
    assert finder.accept(RUTUBE_URL)
    assert finder.accept("https://rutube.ru/shorts/abc123/")
    assert not finder.accept("https://rutube.ru/channel/123/")
    assert not finder.accept(YOUTUBE_URL)

    answer = mock.Mock()
    answer.json.return_value = {
        "type": "video",
        "title": "Теория вероятностей. Урок 1",
        "provider_name": "Rutube",
        "html": '<iframe src="https://rutube.ru/play/embed/0123"></iframe>',
        "width": 720,
        "height": 405,
    }
    with mock.patch("wagtail.embeds.finders.oembed.requests.get", return_value=answer) as get:
        embed = finder.find_embed(RUTUBE_URL, max_width=960)
    assert get.call_args.args[0] == "https://rutube.ru/api/oembed/"
    assert get.call_args.kwargs["params"]["url"] == RUTUBE_URL
    assert embed["title"] == "Теория вероятностей. Урок 1"
    assert "rutube.ru/play/embed" in embed["html"]


def test_youtube_goes_through_wagtails_own_provider_list():
    youtube = [
        finder
        for finder in get_finders()
        if type(finder) is OEmbedFinder and finder._get_endpoint(YOUTUBE_URL)
    ]
    assert [finder._get_endpoint(YOUTUBE_URL) for finder in youtube] == [
        "https://www.youtube.com/oembed"
    ]


@pytest.mark.parametrize(
    ("url", "address"),
    [
        (YOUTUBE_URL, ("YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")),
        (
            "https://youtu.be/dQw4w9WgXcQ",
            ("YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ),
        (
            "https://www.youtube.com/shorts/dQw4w9WgXcQ",
            ("YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ),
        (RUTUBE_URL, ("RuTube", "https://rutube.ru/play/embed/0123456789abcdef0123456789abcdef")),
        (
            "https://rutube.ru/video/private/abc123/?p=KEY9",
            ("RuTube", "https://rutube.ru/play/embed/abc123?p=KEY9"),
        ),
        (
            "https://vkvideo.ru/video-123_456",
            ("VK Видео", "https://vk.com/video_ext.php?oid=-123&id=456&hd=2"),
        ),
        ("https://www.youtube.com/watch?v=short", None),
        ("https://www.youtube.com/@school", None),
        ("https://rutube.ru/channel/123/", None),
        ("https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ", None),
        ("ftp://rutube.ru/video/abc/", None),
        ("https://school.example/about/", None),
    ],
)
def test_video_addresses_are_recognised_offline(url, address):
    assert video_address(url) == (VideoAddress(*address) if address else None)


@pytest.mark.django_db
@override_settings(WAGTAILEMBEDS_FINDERS=OFFLINE_FINDERS)
@pytest.mark.parametrize("url", [RUTUBE_URL, YOUTUBE_URL, "https://vk.com/video-123_456"])
def test_video_is_saved_and_shown_without_network(url):
    """No oEmbed answer: the block still validates, and the page shows the title and
    a link, with nothing loaded from the service before the click."""
    OfflineFinder.calls.clear()
    block, value = video(url)
    block.clean(value)  # offline validation: no error, no request
    assert OfflineFinder.calls == []
    html = block.render(value)
    assert OfflineFinder.calls == [url]  # the oEmbed data was asked for at render time
    assert f'href="{url}"' in html
    assert "Видеоурок" in html
    assert "<iframe" not in html
    assert "data-video-facade" in html
    # A second render does not wait for the unreachable provider again.
    block.render(value)
    assert OfflineFinder.calls == [url]


@pytest.mark.django_db
@override_settings(WAGTAILEMBEDS_FINDERS=FAKE_FINDERS)
@pytest.mark.parametrize(
    ("url", "player"),
    [
        (YOUTUBE_URL, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        (RUTUBE_URL, "https://rutube.ru/play/embed/"),
        ("https://vk.com/video-123_456", "https://vk.com/video_ext.php?oid=-123"),
    ],
)
def test_video_addresses_are_accepted_behind_a_click_to_load_placeholder(url, player):
    block, value = video(url, transcript="Сегодня разберём классическое определение.")
    block.clean(value)
    html = block.render(value)
    assert f'data-player="{player}' in html
    assert "<iframe" not in html  # the player loads only after the click
    assert f'href="{url}"' in html  # without JavaScript: a link to the video
    assert 'data-title="Видеоурок"' in html  # the iframe's title
    assert "<details" in html
    assert "Сегодня разберём классическое определение." in html


@pytest.mark.django_db
@override_settings(WAGTAILEMBEDS_FINDERS=FAKE_FINDERS)
def test_the_providers_title_is_shown_when_oembed_answers():
    block, value = video(RUTUBE_URL)
    assert "Урок" in block.render(value).split("video-facade__name", 1)[1]


@pytest.mark.django_db
@override_settings(WAGTAILEMBEDS_FINDERS=FAKE_FINDERS)
@pytest.mark.parametrize(
    "url", ["https://school.example/about/", "https://unknown-video-host.example/v/1"]
)
def test_non_video_address_is_refused(url):
    block, value = video(url)
    with pytest.raises(blocks.StructBlockValidationError) as caught:
        block.clean(value)
    assert (
        "Это не адрес видео RuTube, VK Видео или YouTube"
        in (caught.value.block_errors["url"].messages[0])
    )


@pytest.mark.django_db
@override_settings(WAGTAILEMBEDS_FINDERS=OFFLINE_FINDERS)
def test_embed_block_takes_a_video_offline_and_loads_nothing_before_the_click():
    block = CaptionedEmbedBlock()
    value = block.to_python({"embed": RUTUBE_URL, "caption": "Опыт с маятником"})
    block.clean(value)
    html = block.render(value)
    assert "<iframe" not in html
    assert 'data-title="Опыт с маятником"' in html
    assert f'href="{RUTUBE_URL}"' in html


@pytest.mark.django_db
def test_uploaded_video_file_plays_in_a_video_element():
    document = DocumentFactory(
        title="Опыт с монетой", file=ContentFile(b"\x00\x00\x00\x18ftypmp42", name="opyt.mp4")
    )
    block, value = video(document=document)
    block.clean(value)
    html = block.render(value)
    assert "<video" in html
    assert "controls" in html
    assert f'src="{document.url}"' in html
    assert 'type="video/mp4"' in html


@pytest.mark.django_db
def test_video_needs_exactly_one_source_and_a_video_file():
    pdf = DocumentFactory()
    block, value = video(document=pdf)
    with pytest.raises(blocks.StructBlockValidationError) as caught:
        block.clean(value)
    assert "MP4 или WebM" in caught.value.block_errors["file"].messages[0]

    block, value = video()
    with pytest.raises(blocks.StructBlockValidationError) as caught:
        block.clean(value)
    assert "адрес видео или выберите файл" in caught.value.block_errors["url"].messages[0]
