"""Video lessons: RuTube / VK Video / YouTube embeds and uploaded files."""

from unittest import mock

import pytest
import requests
from django.core.files.base import ContentFile
from django.test import override_settings
from wagtail import blocks
from wagtail.embeds.finders import get_finders
from wagtail.embeds.finders.oembed import OEmbedFinder

from portal.blocks import VideoBlock
from portal.embeds import VKVideoFinder, vk_video_ids
from tests.factories import DocumentFactory
from tests.portal.fake_embeds import FAKE_FINDERS

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


@pytest.mark.django_db
def test_unreachable_rutube_means_no_video_not_an_error():
    block, value = video(RUTUBE_URL)
    with mock.patch(
        "wagtail.embeds.finders.oembed.requests.get",
        side_effect=requests.ConnectionError("no network"),
    ):
        with pytest.raises(blocks.StructBlockValidationError) as caught:
            block.clean(value)
        assert "url" in caught.value.block_errors
        html = block.render(value)
    assert 'href="https://rutube.ru/video/' in html  # a plain link instead of a player


@pytest.mark.django_db
@override_settings(WAGTAILEMBEDS_FINDERS=FAKE_FINDERS)
@pytest.mark.parametrize(
    ("url", "player"),
    [
        (YOUTUBE_URL, "https://www.youtube.com/embed/dQw4w9WgXcQ"),
        (RUTUBE_URL, "https://rutube.ru/play/embed/"),
        ("https://vk.com/video-123_456", "https://vk.com/video_ext.php?oid=-123"),
    ],
)
def test_video_addresses_are_accepted_and_embedded(url, player):
    block, value = video(url, transcript="Сегодня разберём классическое определение.")
    block.clean(value)
    html = block.render(value)
    assert player in html
    assert "<details" in html
    assert "Сегодня разберём классическое определение." in html
    assert "Видеоурок" in html


@pytest.mark.django_db
@override_settings(WAGTAILEMBEDS_FINDERS=FAKE_FINDERS)
@pytest.mark.parametrize(
    "url", ["https://school.example/about/", "https://unknown-video-host.example/v/1"]
)
def test_non_video_address_is_refused(url):
    block, value = video(url)
    with pytest.raises(blocks.StructBlockValidationError) as caught:
        block.clean(value)
    assert "не найдено видео" in caught.value.block_errors["url"].messages[0]


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
