"""Video lessons: an embedded video (YouTube, RuTube, VK Video) or an uploaded file.

Pupils are minors: nothing of a video service loads until the visitor asks for it.
The page shows a click-to-load placeholder (``blocks/video_facade.html``); a click
puts the player's iframe in (``portal/js/video.js``), and without JavaScript the
placeholder is a plain link to the video on its service.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from portal.embeds import find_embed_or_none, video_address

from .safety import SafeRenderMixin

VIDEO_FILE_EXTENSIONS = ("mp4", "webm")
VIDEO_MAX_WIDTH = 960

UNKNOWN_VIDEO_ADDRESS = _(
    "Это не адрес видео RuTube, VK Видео или YouTube. Откройте видео на сайте сервиса "
    "и скопируйте адрес его страницы, например https://rutube.ru/video/…/ или "
    "https://vk.com/video-123_456."
)


def video_context(url):
    """What ``blocks/video_facade.html`` needs for a video address (None if unknown).

    The oEmbed data (the video's title on its service) is optional: without it, and
    without the network, the placeholder still shows the block's title and the link.
    """
    address = video_address(url)
    if address is None:
        return None
    embed = find_embed_or_none(url, max_width=VIDEO_MAX_WIDTH)
    return {
        "url": url,
        "provider": address.provider,
        "player_url": address.player_url,
        "provider_title": embed.title if embed is not None and embed.type == "video" else "",
    }


class VideoBlock(SafeRenderMixin, blocks.StructBlock):
    """A video lesson: a RuTube / VK Video / YouTube address or an uploaded mp4/webm
    file, with a title and a transcript (or description) for those who cannot watch."""

    title = blocks.CharBlock(max_length=200, label=_("Название"))
    url = blocks.URLBlock(
        required=False,
        label=_("Адрес видео"),
        help_text=_("Ссылка на видео на RuTube, VK Видео или YouTube."),
    )
    file = DocumentChooserBlock(
        required=False,
        label=_("Или файл видео"),
        help_text=_("Загруженный файл MP4 или WebM."),
    )
    transcript = blocks.TextBlock(
        required=False,
        label=_("Расшифровка или описание"),
        help_text=_("Текст видео для тех, кто не может его посмотреть или послушать."),
    )

    class Meta:
        icon = "media"
        label = _("Видео")
        template = "blocks/video_block.html"

    def clean(self, value):
        value = super().clean(value)
        url, document = value.get("url"), value.get("file")
        if url and document:
            raise blocks.StructBlockValidationError(
                block_errors={"file": ValidationError(_("Укажите либо адрес видео, либо файл."))}
            )
        if not url and not document:
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Укажите адрес видео или выберите файл."))}
            )
        if url and video_address(url) is None:
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(UNKNOWN_VIDEO_ADDRESS)}
            )
        if document and document.file_extension.lower() not in VIDEO_FILE_EXTENSIONS:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "file": ValidationError(_("Файл видео должен быть в формате MP4 или WebM."))
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        document = value.get("file")
        context["video"] = None
        context["video_file"] = None
        if document is not None and document.file_extension.lower() in VIDEO_FILE_EXTENSIONS:
            context["video_file"] = document
            context["video_type"] = f"video/{document.file_extension.lower()}"
        elif value.get("url"):
            context["video"] = video_context(value["url"])
        return context
