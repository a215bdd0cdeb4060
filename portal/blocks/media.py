"""Video lessons: an embedded video (YouTube, RuTube, VK Video) or an uploaded file."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedException

from .safety import SafeRenderMixin

VIDEO_FILE_EXTENSIONS = ("mp4", "webm")
VIDEO_MAX_WIDTH = 960


def find_video_embed(url):
    """The Wagtail ``Embed`` for a video address, or None when it is not a video."""
    try:
        embed = embeds.get_embed(url, max_width=VIDEO_MAX_WIDTH)
    except EmbedException:
        return None
    if embed.type != "video" or not embed.html:
        return None
    return embed


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
        if url and find_video_embed(url) is None:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _(
                            "По этому адресу не найдено видео. Вставьте ссылку на страницу "
                            "видео на RuTube, VK Видео или YouTube."
                        )
                    )
                }
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
        context["embed"] = None
        context["video_file"] = None
        if document is not None and document.file_extension.lower() in VIDEO_FILE_EXTENSIONS:
            context["video_file"] = document
            context["video_type"] = f"video/{document.file_extension.lower()}"
        elif value.get("url"):
            context["embed"] = find_video_embed(value["url"])
        return context
